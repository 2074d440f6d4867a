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
//
// `secret` (argon2's K, a pepper) and `associatedData` (X) follow node-argon2: both go into
// argon2's initial hash; `associatedData` is also written into the hash as `data=` and read
// back from there by verifyPassword. The binding gets them as separate byte arguments (empty
// when unused, which argon2 hashes the same as absent), never inside the options object, so
// that the WASM worker wipes its copies with the password's. Every copy of the pepper made
// here is zeroed once the binding has it.

const backend = require('./backend');
const { BulwarkError, fromBackend, callBackend } = require('./errors');
const { stringArg, toBytes, readOptions, checks } = require('./args');

/** What toBytes accepts (checked first, so a wrong type is INVALID_OPTIONS, as for others). */
function isBytesLike(value) {
  return (
    typeof value === 'string' ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)
  );
}

/**
 * A bytes argument. `owned` when `bytes` is a copy made here (a string's UTF-8), which may
 * and must be wiped after use; the caller's own buffers are never written. A class, so that
 * telling a record from the other arguments never reads through a prototype.
 */
class BytesArg {
  // Declared fields are defined on the instance, so a setter-less accessor for these names
  // on a polluted Object.prototype cannot refuse the assignments below.
  bytes;
  owned;

  constructor(bytes, owned) {
    this.bytes = bytes;
    this.owned = owned;
  }
}

function bytesRecord(value, name) {
  return new BytesArg(toBytes(value, name), typeof value === 'string');
}

const SECRET = [isBytesLike, 'a string or bytes (Uint8Array, ArrayBuffer)', (value) => bytesRecord(value, 'secret')];
const ASSOCIATED_DATA = [
  isBytesLike,
  'a string or bytes (Uint8Array, ArrayBuffer)',
  (value) => bytesRecord(value, 'associatedData'),
];

const HASH_OPTIONS = {
  secret: SECRET,
  associatedData: ASSOCIATED_DATA,
  memoryCost: [checks.u32, 'an integer number of KiB'],
  timeCost: [checks.u32, 'an integer'],
  parallelism: [checks.u32, 'an integer'],
  hashLength: [checks.u32, 'an integer number of bytes'],
  saltLength: [checks.u32, 'an integer number of bytes'],
};
const VERIFY_OPTIONS = {
  secret: SECRET,
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
 * The arguments with the password (and pepper) bytes copied. Done when the call is made: a
 * job can wait in the queue, and the caller may reuse its buffer as soon as the call returns.
 */
function ownCopy(args) {
  return args.map((arg) => {
    if (!(arg instanceof Uint8Array)) return arg;
    const copy = new Uint8Array(arg.length);
    copy.set(arg);
    return copy;
  });
}

/** Zeroes the byte arguments (copies made here). */
function wipe(args) {
  for (const arg of args) if (arg instanceof Uint8Array) arg.fill(0);
}

const NO_BYTES = new BytesArg(new Uint8Array(0), false);

/**
 * Moves `key` (`secret` or `associatedData`) out of options read by readOptions (a
 * null-prototype object), so the binding's options keep only numbers; empty when unset.
 */
function take(opts, key) {
  const value = opts[key] ?? NO_BYTES;
  delete opts[key];
  return value;
}

/**
 * Calls `call(args)` with the BytesArg records in `args` unwrapped, then wipes the copies
 * made here (string passwords and peppers), whatever happened.
 */
function withBytes(args, call) {
  try {
    return call(args.map((arg) => (arg instanceof BytesArg ? arg.bytes : arg)));
  } finally {
    for (const arg of args) if (arg instanceof BytesArg && arg.owned) arg.bytes.fill(0);
  }
}

/** Runs the WASM binding's `method` in a pool worker, handing over the (copied) password. */
function inWorker(method, args) {
  const transfer = args.filter((arg) => arg instanceof Uint8Array).map((bytes) => bytes.buffer);
  return pool.run(method, args, transfer);
}

/** The binding's arguments: (password, options, secret, associatedData), bytes as records. */
function hashArgs(password, options) {
  const record = bytesRecord(password, 'password');
  const opts = readOptions(options, HASH_OPTIONS, 'hashPassword');
  return [record, opts, take(opts, 'secret'), take(opts, 'associatedData')];
}

/** The binding's arguments: (hash, password, limits, secret), bytes as records. */
function verifyArgs(hash, password, options) {
  const str = stringArg(hash, 'hash');
  const record = bytesRecord(password, 'password');
  const limits = readOptions(options, VERIFY_OPTIONS, 'verifyPassword');
  return [str, record, limits, take(limits, 'secret')];
}

/**
 * Runs an async job on `args` (byte records): own copies are taken now, the records' own
 * copies wiped at once; natively the copies are wiped as soon as the binding has taken its
 * own (synchronously, in the call), in WASM the worker wipes the ones it received.
 */
function runAsync(args, method) {
  const copies = withBytes(args, ownCopy);
  if (native) {
    return limited(() => {
      try {
        return binding[method](...copies);
      } finally {
        wipe(copies);
      }
    });
  }
  return limited(() => inWorker(`${method}Sync`, copies));
}

/** Hashes `password` with argon2id and a random salt; resolves to a PHC string. */
function hashPassword(password, options) {
  let args;
  try {
    args = hashArgs(password, options);
  } catch (err) {
    return Promise.reject(err);
  }
  return runAsync(args, 'hashPassword');
}

/** hashPassword on the calling thread. */
function hashPasswordSync(password, options) {
  const args = hashArgs(password, options);
  return withBytes(args, (bytes) => callBackend(() => binding.hashPasswordSync(...bytes)));
}

/**
 * Resolves to whether `password` matches the stored PHC `hash`; `false` for a wrong
 * password. Rejects with INVALID_HASH for a malformed hash and HASH_PARAMS_TOO_COSTLY
 * when the hash asks for more than the limits (checked before hashing).
 */
function verifyPassword(hash, password, options) {
  let args;
  try {
    args = verifyArgs(hash, password, options);
  } catch (err) {
    return Promise.reject(err);
  }
  return runAsync(args, 'verifyPassword');
}

/** verifyPassword on the calling thread. */
function verifyPasswordSync(hash, password, options) {
  const args = verifyArgs(hash, password, options);
  return withBytes(args, (bytes) => callBackend(() => binding.verifyPasswordSync(...bytes)));
}

/**
 * `true` when `hash` was not made with exactly these options (or the defaults), including
 * `associatedData` (compared with the hash's `data=`). Takes the same options as
 * hashPassword; `secret` is accepted and ignored (it is not in the hash).
 */
function needsRehash(hash, options) {
  const str = stringArg(hash, 'hash');
  const opts = readOptions(options, HASH_OPTIONS, 'needsRehash');
  const args = [str, opts, take(opts, 'associatedData'), take(opts, 'secret')];
  return withBytes(args, (bytes) => callBackend(() => binding.needsRehash(bytes[0], bytes[1], bytes[2])));
}

module.exports = {
  hashPassword,
  hashPasswordSync,
  verifyPassword,
  verifyPasswordSync,
  needsRehash,
  setPasswordConcurrency,
};
