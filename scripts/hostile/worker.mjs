// One fuzz batch, run by scripts/fuzz.mjs in a child process so that a crash (a signal, an
// abort) ends only this process and is reported with the case that caused it.
//
// The worker loads `bulwark` twice, once per backend (BULWARK_BACKEND=native, then the
// module cache cleared and =wasm), so each case runs on both in the same process and
// fast-check can shrink a native/WASM difference like any other failure. Each case runs:
// native, WASM, and, when it carries a prototype pollution, both again polluted. It fails on
// an error code INTERNAL, a thrown value outside TypeError/RangeError/SyntaxError/
// BulwarkError (our own FuzzThrow from a hostile getter or callback may propagate), a stack
// overflow, a call over 1 s of CPU, a middleware or lookup that never answers, a native/
// WASM difference, or an outcome changed by the pollution.
//
//   node scripts/hostile/worker.mjs --seed 42 --batch 0 --runs 8 [--only isEmail] [--progress file]
//   node scripts/hostile/worker.mjs --replay isEmail:<seed>:<path>
import { createHash } from 'node:crypto';
import dns from 'node:dns';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs, types } from 'node:util';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { expressSpecs, notCompared, specs } from './specs.mjs';
import { FuzzThrow } from './values.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Calls over this much CPU time fail the case (the issue's bound: 1 s). */
export const CALL_LIMIT_MS = 1000;

// No real DNS: the default resolver of safeLookup/createSafeLookup is dns.lookup, read when
// the lookup is created, so it is replaced before bulwark loads.
const fakeAnswer = (hostname) =>
  /localhost|^127\.|::1/.test(hostname)
    ? { address: '127.0.0.1', family: 4 }
    : /metadata|169\.254/.test(hostname)
      ? { address: '169.254.169.254', family: 4 }
      : { address: '93.184.216.34', family: 4 };
dns.lookup = function fakeLookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const all = options !== null && typeof options === 'object' && options.all === true;
  const a = fakeAnswer(String(hostname));
  process.nextTick(() => (all ? cb(null, [a]) : cb(null, a.address, a.family)));
};

/** Loads the package with one backend, after clearing its JS modules from the cache. */
function load(name) {
  process.env.BULWARK_BACKEND = name;
  const pkg = realpathSync(path.join(root, 'npm', 'bulwark'));
  for (const k of Object.keys(require.cache)) if (k.startsWith(pkg) && !k.endsWith('.node')) delete require.cache[k];
  const b = require('bulwark');
  const x = require('bulwark/express');
  if (b.backend !== name) throw new Error(`expected the ${name} backend, got ${b.backend}`);
  return { name, b, x };
}
const backends = [load('native'), load('wasm')];
delete process.env.BULWARK_BACKEND;
const isBulwarkError = (err) => backends.some(({ b }) => err instanceof b.BulwarkError);

/** A directory with a file, a subdirectory, a symlink loop and a symlink out of the base. */
function fixture() {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'bulwark-fuzz-')));
  mkdirSync(path.join(dir, 'dir'));
  writeFileSync(path.join(dir, 'dir', 'file.txt'), 'x');
  writeFileSync(path.join(dir, 'file.txt'), 'x');
  symlinkSync('loop', path.join(dir, 'loop'));
  symlinkSync('/etc', path.join(dir, 'link'));
  symlinkSync('dir', path.join(dir, 'dirlink'));
  return dir;
}
const fixtureDir = fixture();
process.on('exit', () => rmSync(fixtureDir, { recursive: true, force: true }));
const placeFixture = (v) => (typeof v === 'string' && v.startsWith('{fixture}') ? fixtureDir + v.slice(9) : v);

// ---------------------------------------------------------------------------- outcomes

const sha = (data) => createHash('sha1').update(data).digest('hex').slice(0, 16);

/**
 * A canonical, iterative (1e5-deep safe) rendering of a value: own properties only, never
 * running a getter or a Proxy trap, long strings and bytes hashed, cycles as back-references.
 */
export function serialize(value) {
  // Markers live in a WeakSet: testing membership runs no Proxy trap of the value.
  const tokens = new WeakSet();
  const token = (text) => {
    const t = { text };
    tokens.add(t);
    return t;
  };
  const out = [];
  const seen = new Map();
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (tokens.has(v)) {
      out.push(v.text);
      continue;
    }
    switch (typeof v) {
      case 'string':
        out.push(v.length > 256 ? `s${v.length}:${sha(v)}` : JSON.stringify(v));
        continue;
      case 'number':
        out.push(Object.is(v, -0) ? '-0' : String(v));
        continue;
      case 'bigint':
        out.push(`${v}n`);
        continue;
      case 'symbol':
        out.push(`sym(${v.description})`);
        continue;
      case 'function':
        out.push(`fn/${v.length}`);
        continue;
      case 'undefined':
      case 'boolean':
        out.push(String(v));
        continue;
      default:
    }
    if (v === null) {
      out.push('null');
      continue;
    }
    if (seen.has(v)) {
      out.push(`#${seen.get(v)}`);
      continue;
    }
    seen.set(v, seen.size);
    if (types.isProxy(v)) {
      out.push('proxy');
      continue;
    }
    if (ArrayBuffer.isView(v) || types.isAnyArrayBuffer(v)) {
      try {
        const u = ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(v);
        out.push(`bytes:${Object.prototype.toString.call(v)}:${u.length}:${sha(u)}`);
      } catch {
        out.push(`bytes:${Object.prototype.toString.call(v)}:detached`);
      }
      continue;
    }
    if (types.isNativeError(v)) {
      out.push(`error:${classify(v).cls}:${ownString(v, 'code')}`);
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    const tag =
      proto === null
        ? 'N'
        : proto === Object.prototype
          ? 'O'
          : Array.isArray(v)
            ? 'A'
            : (proto.constructor?.name ?? '?');
    out.push(`${tag}{`);
    stack.push(token('}'));
    const keys = Reflect.ownKeys(v);
    if (keys.length > 1e6) {
      out.push(`${keys.length} keys`);
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const k = keys[i];
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d === undefined) continue;
      if ('value' in d) stack.push(d.value);
      else stack.push(token('accessor'));
      stack.push(token(`${typeof k === 'symbol' ? `sym(${k.description})` : JSON.stringify(k)}:`));
    }
  }
  const text = out.join(' ');
  return text.length > 4000 ? `${text.slice(0, 200)}... (${text.length} chars, sha ${sha(text)})` : text;
}

function ownString(err, name) {
  const d =
    err !== null && typeof err === 'object' && !types.isProxy(err)
      ? Object.getOwnPropertyDescriptor(err, name)
      : undefined;
  return d !== undefined && 'value' in d && (typeof d.value === 'string' || typeof d.value === 'number') ? d.value : '';
}

/** The class of a thrown value, and whether the fuzzer accepts it. */
function classify(err) {
  if (err instanceof FuzzThrow) return { cls: 'FuzzThrow', ok: true };
  if (isBulwarkError(err)) return { cls: 'BulwarkError', ok: true };
  for (const C of [TypeError, RangeError, SyntaxError]) if (err instanceof C) return { cls: C.name, ok: true };
  if (types.isNativeError(err)) return { cls: `Error(${err.name})`, ok: false };
  return { cls: `non-Error ${typeof err}`, ok: false };
}

/** What a thrown value says about the library; `problem` is set when the fuzzer must fail. */
function errorOutcome(err) {
  const { cls, ok } = classify(err);
  const code = ownString(err, 'code');
  const status = ownString(err, 'status');
  let problem = null;
  if (!ok) problem = `threw ${cls}: ${types.isNativeError(err) ? err.message : String(typeof err)}`;
  else if (code === 'INTERNAL') problem = `INTERNAL error: ${err.message}`;
  else if (cls === 'RangeError' && /call stack/i.test(err.message)) problem = `stack overflow: ${err.message}`;
  return { key: `throws ${cls}${code ? ` ${code}` : ''}${status ? ` ${status}` : ''}`, problem };
}

// ---------------------------------------------------------------------------- runners

const withTimeout = (promise, ms, what) =>
  new Promise((resolve, reject) => {
    const t = setTimeout(
      () => reject(Object.assign(new Error(`${what} did not answer in ${ms} ms`), { hang: true })),
      ms,
    );
    promise.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });

/**
 * A call whose answer arrives later (a callback, a middleware's next or response): made in
 * two steps so that only the library's synchronous work runs with polluted prototypes.
 * `start(fn)` calls it (a throw rejects `answer`); `answer` settles when it answers. Both
 * are built before any pollution: Node's streams, timers and promises reject a polluted
 * Object.prototype in ways no library can avoid.
 */
function deferred() {
  let settle;
  const answer = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { answer, settle };
}

/** A dns.lookup-style call: resolves with its first callback's arguments. */
function lookupCall([hostname, options]) {
  const { answer, settle } = deferred();
  let calls = 0;
  const cb = (...args) => {
    calls += 1;
    if (calls === 1) settle.resolve({ callback: args });
  };
  const start = (fn) => {
    try {
      if (options === undefined) fn(hostname, cb);
      else fn(hostname, options, cb);
    } catch (err) {
      settle.reject(err);
    }
  };
  return { start, answer, what: 'the lookup callback' };
}

function toBuffer(body) {
  try {
    if (typeof body === 'string') return Buffer.from(body);
    if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (types.isAnyArrayBuffer(body)) return Buffer.from(body);
  } catch {
    // A detached buffer: an empty body.
  }
  return Buffer.alloc(0);
}

/**
 * `obj[key]` from the object or its class prototypes, never from Object.prototype: what the
 * harness reads off a request the middleware may have left without that field.
 */
function field(obj, key) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  for (let o = obj; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.hasOwn(o, key)) return obj[key];
  }
  return undefined;
}

/** An Express middleware call on a fake request: resolves with what it did. */
function middlewareCall([r], errorArg) {
  const { answer, settle } = deferred();
  const { resolve, reject } = settle;
  let buf = toBuffer(r.body);
  if (r.encoding === 'gzip') buf = zlib.gzipSync(buf);
  else if (r.encoding === 'br') buf = zlib.brotliCompressSync(buf);
  const req = new Readable({
    read() {
      this.push(buf);
      this.push(null);
    },
  });
  req.headers = { 'content-length': String(buf.length) };
  if (typeof r.type === 'string') req.headers['content-type'] = r.type;
  if (r.encoding !== undefined) req.headers['content-encoding'] = r.encoding;
  req.method = 'POST';
  req.url = '/fuzz?a=1';
  req.path = '/fuzz';
  req.query = r.parsed;
  req.params = { id: '1' };
  if (typeof r.type !== 'string' || !r.type.startsWith('application/')) req.body = r.parsed;
  const done = (what) => {
    // errorHandler's answer carries a random request id: not part of the comparison.
    const error = field(res.sent, 'error');
    const sent =
      field(error, 'requestId') !== undefined ? { ...res.sent, error: { ...error, requestId: '(random)' } } : res.sent;
    // Own reads: this may run while the prototypes are polluted (a middleware that answers
    // synchronously), and a field the request lacks must not read as the pollution.
    const valid = field(req, 'valid');
    resolve({ what, body: field(req, 'body'), valid, query: field(req, 'query'), status: res.statusCode, sent });
  };
  const res = {
    statusCode: 200,
    headersSent: false,
    sent: undefined,
    status(code) {
      this.statusCode = code;
      return this;
    },
    set() {
      return this;
    },
    setHeader() {},
    json(body) {
      this.sent = body;
      done('responded');
      return this;
    },
    end() {
      done('ended');
    },
  };
  const next = (err) => (err === undefined ? done('next()') : reject(err));
  const start = (mw) => {
    try {
      if (errorArg !== undefined) mw(errorArg.value, req, res, next);
      else mw(req, res, next);
    } catch (err) {
      reject(err);
    }
  };
  return { start, answer, what: 'the middleware' };
}

/** Kinds answered later, through Node (streams, dns, timers): see `deferred`. */
const LATER = new Set(['lookup', 'middleware', 'errorMiddleware']);

/** The two-step call for a LATER kind (built before any pollution). */
function laterCall(kind, args) {
  if (kind === 'lookup') return lookupCall(args);
  if (kind === 'middleware') return middlewareCall(args);
  return middlewareCall(args.slice(1), { value: args[0] });
}

async function invoke(kind, fn, args) {
  switch (kind) {
    case 'construct':
      return new fn(...args);
    case 'lookup':
    case 'middleware':
    case 'errorMiddleware': {
      const call = laterCall(kind, args);
      call.start(fn);
      return withTimeout(call.answer, 2000, call.what);
    }
    case 'value':
      return fn;
    default: {
      const r = fn(...args);
      return types.isPromise(r) ? withTimeout(r, 5000, 'the promise') : r;
    }
  }
}

/** Sets the pollution on the prototypes; returns the undo. Existing built-ins are left alone. */
function pollute(pollution) {
  const undo = [];
  for (const [where, k, value] of pollution) {
    const proto = where === 'Array' ? Array.prototype : Object.prototype;
    if (Object.hasOwn(proto, k)) continue;
    // A null-prototype descriptor: a polluted `get` or `set` must not reach defineProperty.
    const descriptor = Object.assign(Object.create(null), {
      value: value(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(proto, k, descriptor);
    undo.push(() => delete proto[k]);
  }
  return () => undo.forEach((u) => u());
}

/**
 * Runs one case on one backend: returns { key, problem } where key is the serialized
 * outcome compared across backends and problem a failure of its own.
 */
async function execute(backend, name, spec, c, polluted) {
  const target = Object.hasOwn(specs, name) ? backend.b[name] : backend.x[name];
  const args = c.args.map((r) => placeFixture(r()));
  const followArgs = c.follow === null ? null : c.follow.map((r) => placeFixture(r()));
  // Everything the harness reads from its own objects is read before the prototypes are
  // polluted, and the outcome is rendered after they are restored: only the library runs
  // polluted.
  const follow = Object.hasOwn(spec, 'follow') ? spec.follow : null;
  const method = follow !== null && Object.hasOwn(follow, 'method') ? follow.method : null;
  const followKind = follow !== null && Object.hasOwn(follow, 'kind') ? follow.kind : 'call';
  const kind = Object.hasOwn(spec, 'kind') ? spec.kind : 'call';
  // Calls answered later (lookups, middleware) are built now and polluted only while they
  // run synchronously: the prototypes are restored before their answer is awaited.
  const firstLater = LATER.has(kind) ? laterCall(kind, args) : null;
  const secondLater = follow !== null && LATER.has(followKind) ? laterCall(followKind, followArgs) : null;
  const pollutedUndo = polluted ? pollute(c.pollution) : () => {};
  let restored = false;
  const undo = () => {
    if (!restored) pollutedUndo();
    restored = true;
  };
  const later = (call, fn) => {
    call.start(fn);
    undo();
    return withTimeout(call.answer, 2000, call.what);
  };
  const cpu = process.cpuUsage();
  let first;
  let second = null;
  try {
    first = { value: firstLater === null ? await invoke(kind, target, args) : await later(firstLater, target) };
    if (follow !== null) {
      const fn = method === null ? first.value : first.value?.[method];
      if (typeof fn !== 'function') second = { value: 'not callable' };
      else {
        const bound = method === null ? fn : fn.bind(first.value);
        try {
          second = {
            value: secondLater === null ? await invoke(followKind, bound, followArgs) : await later(secondLater, bound),
          };
        } catch (err) {
          second = { error: err };
        }
      }
    }
  } catch (err) {
    first = { error: err };
  } finally {
    undo();
  }
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  const render = (r) => {
    if (!Object.hasOwn(r, 'error')) return { key: serialize(r.value), problem: null };
    return r.error?.hang ? { key: 'hang', problem: r.error.message } : errorOutcome(r.error);
  };
  if (spec.hashes && typeof first.value === 'string') {
    // Salts are random: compare what the hash verifies, not its bytes.
    const hash = first.value;
    const check = (pw) => {
      try {
        return backend.b.verifyPasswordSync(hash, pw);
      } catch (err) {
        return errorOutcome(err).key;
      }
    };
    first.value = { params: hash.split('$').slice(0, 4).join('$'), verifies: check(c.args[0]()), empty: check('') };
  }
  let outcome = render(first);
  if (second !== null && !Object.hasOwn(first, 'error')) {
    const then = render(second);
    outcome = { key: `${outcome.key} -> ${then.key}`, problem: then.problem };
  }
  if (ms > CALL_LIMIT_MS && outcome.problem === null)
    outcome.problem = `took ${ms.toFixed(0)} ms of CPU (limit ${CALL_LIMIT_MS})`;
  return outcome;
}

// ---------------------------------------------------------------------------- properties

// Option names from the published types, plus descriptor and array-like keys: what a
// pollution gadget would target. Array.prototype gets the indexes lookup tables use.
const optionKeys = [
  ...new Set(
    readdirSync(path.join(root, 'npm', 'bulwark', 'types'))
      .filter((f) => f.endsWith('.d.ts'))
      .flatMap((f) => [
        ...readFileSync(path.join(root, 'npm', 'bulwark', 'types', f), 'utf8').matchAll(/^\s+(\w+)\??:/gm),
      ])
      .map((m) => m[1]),
  ),
].sort();
const pollutionValue = fc.constantFrom(
  Object.assign(() => '<img src=x onerror=alert(1)>', { desc: '"<img src=x onerror=alert(1)>"' }),
  Object.assign(() => () => true, { desc: '() => true' }),
  Object.assign(() => true, { desc: 'true' }),
  Object.assign(() => 1, { desc: '1' }),
  Object.assign(() => 1e9, { desc: '1e9' }),
  Object.assign(() => ['x'], { desc: '["x"]' }),
  Object.assign(() => ({ polluted: 1 }), { desc: '{polluted: 1}' }),
);
const pollutionEntry = fc
  .oneof(
    fc.tuple(
      fc.constant('Object'),
      fc.constantFrom(
        ...optionKeys,
        'get',
        'set',
        'value',
        'writable',
        'source',
        'flags',
        'code',
        'status',
        'message',
        'length',
        'raw',
        'type',
      ),
    ),
    fc.tuple(fc.constant('Array'), fc.integer({ min: 0, max: 127 }).map(String)),
  )
  .chain(([where, k]) => pollutionValue.map((v) => [where, k, v]));
const pollutionArb = fc.array(pollutionEntry, { minLength: 1, maxLength: 12 }).map((list) => {
  list[fc.toStringMethod] = () =>
    `pollute ${list.map(([w, k, v]) => `${w}.prototype[${JSON.stringify(k)}] = ${v.desc}`).join('; ')}`;
  return list;
});

function caseArbitrary(spec) {
  const args = spec.args ?? fc.constant([]);
  return fc.record({
    args: args.map((a) => {
      const list = [...a];
      list[fc.toStringMethod] = () => `(${list.map((r) => r.desc).join(', ')})`;
      return list;
    }),
    follow: spec.follow ? spec.follow.args.map((a) => [...a]) : fc.constant(null),
    pollution: fc.option(pollutionArb, { freq: 4 }),
  });
}

// The progress file names the case under test before it runs, so a crash or a hang that
// kills this process points at its input.
let progress = null;

function property(name, spec) {
  return fc.asyncProperty(caseArbitrary(spec), (c) => {
    // fast-check stops waiting at its time limit but the case runs on: main() awaits it
    // before the next export, so a polluted or slow case never overlaps another.
    inFlight = runCase(name, spec, c);
    return inFlight;
  });
}

/** The case fast-check last started (see property()). */
let inFlight = null;

async function runCase(name, spec, c) {
  if (progress !== null) writeFileSync(progress.file, JSON.stringify({ ...progress.at, case: fc.stringify(c) }));
  const [n, w] = [await execute(backends[0], name, spec, c, false), await execute(backends[1], name, spec, c, false)];
  for (const [b, o] of [
    ['native', n],
    ['wasm', w],
  ]) {
    if (o.problem !== null) throw new Error(`${b}: ${o.problem}`);
  }
  if (!notCompared.has(name) && n.key !== w.key)
    throw new Error(`native and wasm differ:\n  native: ${n.key}\n  wasm:   ${w.key}`);
  // Pollution is checked where the fuzzer's own harness can keep Node's machinery (streams,
  // timers) out of the polluted window, and not when an argument is a prototype itself:
  // polluting it changes its own keys.
  // Calls answered later (lookups, middleware) are polluted in their synchronous part only.
  const harnessSafe = (k) => k === undefined || k === 'construct' || LATER.has(k);
  const touchesPrototypes = /Object\.prototype|Array\.prototype|globalThis/.test(
    `${fc.stringify(c.args)} ${fc.stringify(c.follow)}`,
  );
  if (c.pollution !== null && harnessSafe(spec.kind) && harnessSafe(spec.follow?.kind) && !touchesPrototypes) {
    for (const [i, clean] of [n, w].entries()) {
      const p = await execute(backends[i], name, spec, c, true);
      if (p.problem !== null) throw new Error(`${backends[i].name} with polluted prototypes: ${p.problem}`);
      if (p.key !== clean.key) {
        throw new Error(
          `${backends[i].name}: the outcome changes with polluted prototypes:\n  clean:    ${clean.key}\n  polluted: ${p.key}`,
        );
      }
    }
  }
}

/** Every export with its spec; throws when one has none. */
export function exportsWithSpecs() {
  const all = [
    ...Object.keys(backends[0].b).map((n) => [n, specs]),
    ...Object.keys(backends[0].x).map((n) => [n, expressSpecs]),
  ].filter(([n]) => !notCompared.has(n));
  const missing = all.filter(([n, table]) => !Object.hasOwn(table, n)).map(([n]) => n);
  if (missing.length > 0) {
    throw new Error(`no fuzz generator for export(s) ${missing.join(', ')}: add one to scripts/hostile/specs.mjs`);
  }
  for (const extra of [...Object.keys(specs), ...Object.keys(expressSpecs)]) {
    if (!all.some(([n]) => n === extra))
      throw new Error(`scripts/hostile/specs.mjs names ${extra}, which is not exported`);
  }
  return all.map(([n, table]) => [n, table[n]]);
}

/** A 31-bit seed for one export in one batch, derived from the run's seed. */
export function seedFor(seed, batch, name) {
  return createHash('sha256').update(`${seed}:${batch}:${name}`).digest().readUInt32BE(0) >>> 1;
}

function emit(record) {
  process.stdout.write(`FUZZ ${JSON.stringify(record)}\n`);
}

async function main() {
  const { values: o } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: '0' },
      runs: { type: 'string', default: '8' },
      only: { type: 'string' },
      skip: { type: 'string' },
      progress: { type: 'string' },
      deadline: { type: 'string' },
      replay: { type: 'string' },
    },
  });
  const list = exportsWithSpecs();
  const deadline = o.deadline ? Number(o.deadline) : Infinity;
  if (o.replay) {
    const [name, seed, ...rest] = o.replay.split(':');
    const spec = list.find(([n]) => n === name)?.[1];
    if (!spec) throw new Error(`unknown export ${name}`);
    const details = await fc.check(property(name, spec), { seed: Number(seed), path: rest.join(':'), numRuns: 1 });
    if (details.failed) {
      console.log(`counterexample: ${fc.stringify(details.counterexample)}\n${details.errorInstance?.stack}`);
      process.exitCode = 1;
    } else console.log('the case passes now');
    return;
  }
  const batch = Number(o.batch);
  const skipped = new Set(o.skip ? o.skip.split(',') : []);
  const names = list.filter(([n]) => (!o.only || o.only.split(',').includes(n)) && !skipped.has(n));
  // Rotate the starting export per batch so a deadline never starves the same ones.
  const start = batch % names.length;
  const ordered = [...names.slice(start), ...names.slice(0, start)];
  for (const [name, spec] of ordered) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const seed = seedFor(o.seed, batch, name);
    if (o.progress) progress = { file: o.progress, at: { name, seed, batch } };
    const t0 = performance.now();
    const details = await fc.check(property(name, spec), {
      seed,
      numRuns: Number(o.runs),
      // Shrinking a slow case re-runs it many times: bound the time spent per export.
      interruptAfterTimeLimit: Math.max(5000, Math.min(left, 20000)),
      markInterruptAsFailure: false,
    });
    await inFlight?.catch(() => {});
    const ms = performance.now() - t0;
    if (details.failed) {
      emit({
        name,
        seed,
        path: details.counterexamplePath,
        counterexample: details.counterexample ? fc.stringify(details.counterexample) : null,
        error: details.errorInstance ? String(details.errorInstance.message) : String(details.error),
        ms,
      });
    } else emit({ name, ok: true, runs: details.numRuns, ms });
  }
}

await main();
process.exit(process.exitCode ?? 0);
