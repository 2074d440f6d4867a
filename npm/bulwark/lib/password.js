'use strict';
// argon2id password hashing with PHC strings.
//
// Native backend: hashPassword/verifyPassword run on the libuv threadpool. At most
// `concurrency` of them are in the pool at once (default: UV_THREADPOOL_SIZE - 1, min 1) so
// that a burst of logins cannot starve fs, dns and zlib work, which share that pool; the
// rest wait in a FIFO queue here. Each running hash holds its memory cost (19 MiB by default).
//
// WASM backend: the same limit and queue, in front of a pool of worker_threads, each with
// its own WASM instance (lib/worker-pool.js), so hashing never blocks the event loop there
// either. WASM memory never shrinks: a worker that grew past 128 MiB ends after its job.
// The *Sync functions run on the calling thread on both backends.

const backend = require('./backend');
const { BulwarkError, fromBackend, callBackend } = require('./errors');
const { stringArg, toBytes, readOptions, checks } = require('./args');

const HASH_OPTIONS = {
  memoryCost: [checks.u32, 'an integer number of KiB'],
  timeCost: [checks.u32, 'an integer'],
  parallelism: [checks.u32, 'an integer'],
  hashLength: [checks.u32, 'an integer number of bytes'],
  saltLength: [checks.u32, 'an integer number of bytes'],
};
const VERIFY_OPTIONS = {
  maxMemoryCost: [checks.u32, 'an integer number of KiB'],
  maxTimeCost: [checks.u32, 'an integer'],
  maxParallelism: [checks.u32, 'an integer'],
};

const native = backend.name === 'native';
const binding = backend.binding;

function defaultConcurrency() {
  const threads = Number.parseInt(process.env.UV_THREADPOOL_SIZE, 10);
  return Math.max(1, (Number.isInteger(threads) && threads > 0 ? threads : 4) - 1);
}

let concurrency = defaultConcurrency();
const pool = native ? null : require('./worker-pool').wasmPool;
if (pool) pool.size = concurrency;
let running = 0;
const waiting = [];

/** Runs `start()` (which returns a promise) once fewer than `concurrency` jobs run. */
function limited(start) {
  return new Promise((resolve, reject) => {
    const run = () => {
      running += 1;
      let promise;
      try {
        promise = start();
      } catch (err) {
        promise = Promise.reject(err);
      }
      promise
        .then(resolve, (err) => reject(fromBackend(err)))
        .finally(() => {
          running -= 1;
          const next = waiting.shift();
          if (next) next();
        });
    };
    if (running < concurrency) run();
    else waiting.push(run);
  });
}

/** Sets how many argon2 jobs may run at once (threadpool jobs, or WASM workers). */
function setPasswordConcurrency(n) {
  if (!Number.isInteger(n) || n < 1) {
    throw new BulwarkError('INVALID_OPTIONS', 'setPasswordConcurrency: n must be a positive integer');
  }
  concurrency = n;
  if (pool) pool.size = n;
  while (running < concurrency && waiting.length > 0) waiting.shift()();
}

/**
 * The arguments with the password bytes copied. Done when the call is made: a job can wait
 * in the queue, and the caller may reuse its buffer as soon as the call returns.
 */
function ownCopy(args) {
  return args.map((arg) => {
    if (!(arg instanceof Uint8Array)) return arg;
    const copy = new Uint8Array(arg.length);
    copy.set(arg);
    return copy;
  });
}

/** Runs the WASM binding's `method` in a pool worker, handing over the (copied) password. */
function inWorker(method, args) {
  const transfer = args.filter((arg) => arg instanceof Uint8Array).map((bytes) => bytes.buffer);
  return pool.run(method, args, transfer);
}

function hashArgs(password, options) {
  return [toBytes(password, 'password'), readOptions(options, HASH_OPTIONS, 'hashPassword')];
}

function verifyArgs(hash, password, options) {
  return [
    stringArg(hash, 'hash'),
    toBytes(password, 'password'),
    readOptions(options, VERIFY_OPTIONS, 'verifyPassword'),
  ];
}

/** Hashes `password` with argon2id and a random salt; resolves to a PHC string. */
function hashPassword(password, options) {
  let args;
  try {
    args = ownCopy(hashArgs(password, options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (native) return limited(() => binding.hashPassword(...args));
  return limited(() => inWorker('hashPasswordSync', args));
}

/** hashPassword on the calling thread. */
function hashPasswordSync(password, options) {
  const args = hashArgs(password, options);
  return callBackend(() => binding.hashPasswordSync(...args));
}

/**
 * Resolves to whether `password` matches the stored PHC `hash`; `false` for a wrong
 * password. Rejects with INVALID_HASH for a malformed hash and HASH_PARAMS_TOO_COSTLY
 * when the hash asks for more than the limits (checked before hashing).
 */
function verifyPassword(hash, password, options) {
  let args;
  try {
    args = ownCopy(verifyArgs(hash, password, options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (native) return limited(() => binding.verifyPassword(...args));
  return limited(() => inWorker('verifyPasswordSync', args));
}

/** verifyPassword on the calling thread. */
function verifyPasswordSync(hash, password, options) {
  const args = verifyArgs(hash, password, options);
  return callBackend(() => binding.verifyPasswordSync(...args));
}

/** `true` when `hash` was not made with exactly these options (or the defaults). */
function needsRehash(hash, options) {
  const str = stringArg(hash, 'hash');
  const opts = readOptions(options, HASH_OPTIONS, 'needsRehash');
  return callBackend(() => binding.needsRehash(str, opts));
}

module.exports = {
  hashPassword,
  hashPasswordSync,
  verifyPassword,
  verifyPasswordSync,
  needsRehash,
  setPasswordConcurrency,
};
