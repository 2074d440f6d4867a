#!/usr/bin/env node
// `npm run leaks`: calls each hot function (and calls that throw) --count times (default
// 1e6) on each backend, in a child process per backend, and samples memory after a full
// GC at the end of each of 12 phases. Prints heap used, RSS and external/ArrayBuffer
// memory (WASM's linear memory is an ArrayBuffer) per phase, and fails on steady growth.
//
// Steady growth: with the medians of the first, middle and last thirds of the phases (phase
// 0, the warm-up that fills caches and JIT code, left out), last - first above the limit
// and each of middle - first and last - middle above a third of it. A leak of L bytes per
// call grows by L * count / 3 between thirds, in both halves; the allocator's one-time steps
// (RSS and WASM memory grow by whole MiB chunks and keep them) show in one half only.
// Limits: 4 MiB of heap (8 bytes per call at 1e6 calls: V8's heap after a full GC is stable
// to well under 1 MiB), 8 MiB of external memory (WASM's memory, native buffers) and 24 MiB
// of RSS (still under 50 bytes per call). Smaller --count values scale the heap limit down
// (to 1/4 at most); the others are chunk-sized and stay.
//
//   npm run leaks
//   npm run leaks -- --count 100000 --only escapeHtml,parseJson
//   npm run leaks -- --self-test                  # a deliberate leak: must fail
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: o } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    only: { type: 'string' },
    backend: { type: 'string' },
    'self-test': { type: 'boolean' },
  },
});
const count = Number(o.count);
if (!Number.isInteger(count) || count < 1200) throw new Error('--count must be an integer of at least 1200');
const PHASES = 12;
const MiB = 1048576;

if (o.backend === undefined) {
  // Parent: one child per backend, each with a fresh heap.
  let failed = false;
  for (const backend of ['native', 'wasm']) {
    const args = ['--expose-gc', fileURLToPath(import.meta.url), '--backend', backend, '--count', String(count)];
    if (o.only) args.push('--only', o.only);
    if (o['self-test']) args.push('--self-test');
    const r = spawnSync(process.execPath, args, {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, BULWARK_BACKEND: backend },
    });
    if (r.status !== 0) {
      failed = true;
      console.error(
        `FAILED: the ${backend} run ended with ${r.signal ? `signal ${r.signal}` : `exit code ${r.status}`}`,
      );
    }
  }
  process.exit(failed ? 1 : 0);
}

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc (npm run leaks does)');
const require = createRequire(import.meta.url);
const b = require('bulwark');
if (b.backend !== o.backend) throw new Error(`expected the ${o.backend} backend, got ${b.backend}`);

/** Calls `fn` and swallows the error it must throw (a call that does not throw fails). */
const throws = (fn) => () => {
  try {
    fn();
  } catch {
    return;
  }
  throw new Error('expected a throw');
};
const validator = b.createValidator(['isEmail', { validator: 'isLength', args: [{ min: 2, max: 64 }] }, 'isUUID']);
const sanitizer = b.createSanitizer({ allowedTags: ['p', 'b', 'a'], allowedAttributes: { a: ['href'] } });
const html = '<p onclick="x">Hello <b>there</b> <a href="javascript:alert(1)">x</a><script>alert(1)</script></p>';

const ops = {
  escapeHtml: () => b.escapeHtml('<a href="x">Tom & "Jerry" \'s</a>'),
  unescapeHtml: () => b.unescapeHtml('&lt;a&gt; &amp; &quot;x&quot;'),
  sanitizeHtml: () => b.sanitizeHtml(html),
  'createSanitizer().sanitize': () => sanitizer.sanitize(html),
  stripTags: () => b.stripTags(html),
  isEmail: () => b.isEmail('first.last+tag@example.co.uk'),
  isURL: () => b.isURL('https://example.com/a/b?c=d#e'),
  isInt: () => b.isInt('12345', { min: 1, max: 99999 }),
  isUUID: () => b.isUUID('9b2f5c1e-8a4d-4f3b-9c2e-1d0f6a7b8c9d'),
  matches: () => b.matches('abc-123', '^[a-z]+-\\d+$'),
  'createValidator().check': () => validator.check(['a@example.com', 'hello', 'nope']),
  normalizeEmail: () => b.normalizeEmail('First.Last+tag@GoogleMail.com'),
  trim: () => b.trim('  padded  '),
  parseJson: () => b.parseJson('{"a":[1,2,{"b":"c"}],"d":"e","n":null}'),
  'parseJson(bytes)': () => b.parseJson(Buffer.from('{"a":[1,2,{"b":"c"}]}')),
  merge: () => b.merge({ a: 1, b: { c: 2 } }, { b: { d: 3 }, e: [1] }),
  mergePatch: () => b.mergePatch({ a: 1, b: { c: 2 } }, { b: { c: null }, d: 1 }),
  sanitizeKeys: () => b.sanitizeKeys({ $where: 1, a: { 'b.c': 2, d: 3 } }),
  timingSafeEqual: () => b.timingSafeEqual('csrf-token-0123456789', 'csrf-token-0123456780'),
  'timingSafeEqual(bytes)': () => b.timingSafeEqual(Buffer.from('abcdefgh'), new Uint8Array(8)),
  checkUrl: () => b.checkUrl('https://example.com:8443/path?q=1'),
  classifyIp: () => b.classifyIp('::ffff:10.0.0.1'),
  resolveWithin: () => b.resolveWithin('/srv/app', 'img/../logo.png'),
  decodePathSegment: () => b.decodePathSegment('caf%C3%A9%20menu.pdf'),
  sanitizeFilename: () => b.sanitizeFilename('../../etc/passwd\u202e.txt'),
  'throws: parseJson __proto__': throws(() => b.parseJson('{"__proto__":{"x":1}}')),
  'throws: parseJson invalid': throws(() => b.parseJson('{"a":')),
  'throws: checkUrl metadata': throws(() => b.checkUrl('http://169.254.169.254/latest/')),
  'throws: resolveWithin escape': throws(() => b.resolveWithin('/srv/app', '../etc/passwd')),
  'throws: isEmail(123)': throws(() => b.isEmail(123)),
  'throws: sanitizeHtml options': throws(() => b.sanitizeHtml('<p>', { nope: true })),
  'throws: merge cycle': throws(() => {
    const a = { x: 1 };
    a.self = a;
    b.merge({}, a);
  }),
  'throws: decodePathSegment': throws(() => b.decodePathSegment('%2e%2e')),
};
// --self-test: one op that keeps 64 bytes per call, which the run must report as a leak.
const retained = [];
if (o['self-test']) {
  for (const k of Object.keys(ops)) delete ops[k];
  ops['self-test: keeps 64 bytes per call'] = () => retained.push('x'.repeat(40) + retained.length);
}
const names = Object.keys(ops).filter((n) => !o.only || o.only.split(',').includes(n));
if (names.length === 0) throw new Error(`--only matched nothing; names: ${Object.keys(ops).join(', ')}`);

function sample() {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / MiB, rss: m.rss / MiB, external: (m.external + m.arrayBuffers) / MiB };
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const scale = Math.max(0.25, Math.min(1, count / 1e6));
const LIMITS = { heap: 4 * scale, external: 8, rss: 24 };

console.log(`\nleaks (${o.backend}): ${count} calls per function, ${PHASES} phases, memory in MiB after gc`);
console.log(
  `limits on steady growth (first to last third, in both halves): heap ${LIMITS.heap} MiB, external ${LIMITS.external} MiB, RSS ${LIMITS.rss} MiB`,
);
const per = Math.floor(count / PHASES);
let failures = 0;
for (const name of names) {
  const fn = ops[name];
  const samples = [];
  const start = performance.now();
  for (let phase = 0; phase < PHASES; phase += 1) {
    for (let i = 0; i < per; i += 1) fn();
    samples.push(sample());
  }
  const seconds = (performance.now() - start) / 1000;
  const third = Math.floor((PHASES - 1) / 3);
  const thirds = [samples.slice(1, 1 + third), samples.slice(1 + third, 1 + 2 * third), samples.slice(PHASES - third)];
  const growth = {};
  const over = [];
  for (const k of ['heap', 'rss', 'external']) {
    const [first, middle, last] = thirds.map((t) => median(t.map((s) => s[k])));
    growth[k] = last - first;
    const steady = middle - first > LIMITS[k] / 3 && last - middle > LIMITS[k] / 3;
    if (growth[k] > LIMITS[k] && steady) over.push(`${k} +${growth[k].toFixed(1)} MiB`);
  }
  const series = (k) => samples.map((s) => s[k].toFixed(1)).join(' ');
  console.log(
    `${over.length ? 'LEAK' : 'ok  '} ${name} (${((per * PHASES) / seconds / 1000).toFixed(0)}k calls/s): ` +
      `growth heap ${growth.heap.toFixed(2)}, rss ${growth.rss.toFixed(1)}, external ${growth.external.toFixed(2)}`,
  );
  console.log(`       heap ${series('heap')}\n       rss  ${series('rss')}\n       ext  ${series('external')}`);
  if (over.length) {
    failures += 1;
    console.error(`FAILED: ${name} on ${o.backend}: steady growth (${over.join(', ')})`);
  }
}
process.exitCode = failures ? 1 : 0;
