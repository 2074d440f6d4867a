'use strict';
// Backend parity (issue 9, item 7): the native and WASM backends give the same result, or
// the same error (class and code), for the same input, through the same JS layer. Both
// backends are loaded in this one process: the package is required once per backend with
// BULWARK_BACKEND set, from a clean module cache. Runs in both backend passes (it always
// compares both); inputs come from a fixed table plus fast-check with a fixed seed.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fc = require('fast-check');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));

/** A fresh copy of the package on `backend`, or the reason it cannot load. */
function load(backend) {
  const saved = process.env.BULWARK_BACKEND;
  const cached = Object.keys(require.cache).filter((k) => k.startsWith(pkgDir + path.sep));
  const stash = new Map(cached.map((k) => [k, require.cache[k]]));
  for (const k of cached) delete require.cache[k];
  process.env.BULWARK_BACKEND = backend;
  try {
    return require(pkgDir);
  } finally {
    if (saved === undefined) delete process.env.BULWARK_BACKEND;
    else process.env.BULWARK_BACKEND = saved;
    for (const k of Object.keys(require.cache)) if (k.startsWith(pkgDir + path.sep)) delete require.cache[k];
    for (const [k, v] of stash) require.cache[k] = v;
  }
}

let native;
let wasm;
let unavailable = false;
try {
  native = load('native');
  wasm = load('wasm');
  assert.equal(native.backend, 'native');
  assert.equal(wasm.backend, 'wasm');
} catch (err) {
  unavailable = `both backends are needed: ${err.message}`;
}

/** What a call did, in a comparable form. */
function outcome(fn) {
  try {
    const value = fn();
    return { value: serialize(value) };
  } catch (err) {
    return { error: err && err.name, code: err && err.code };
  }
}

function serialize(value) {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return JSON.stringify(value, (_k, v) => (typeof v === 'function' ? '[function]' : v));
}

/** Calls `name` on both packages with `args` and asserts the same outcome. */
function same(name, ...args) {
  const a = outcome(() => native[name](...args));
  const b = outcome(() => wasm[name](...args));
  assert.deepEqual(
    b,
    a,
    `${name}(${args.map((x) => JSON.stringify(x)).join(', ')}): native ${JSON.stringify(a)}, wasm ${JSON.stringify(b)}`,
  );
}

const TRICKY = [
  '',
  ' ',
  'a',
  '""\\"{',
  '{\\[',
  '[[[[[1]]]]]',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{}}}',
  '{"a":"\\u005f_proto__"}',
  '<p>x',
  '<q cite="javascript:alert(1)">x</q>',
  '<img srcset="a.jpg 1x, javascript:alert(1) 2x">',
  '<b></script>'.repeat(600),
  '<a href="jav&#x61;script:1">x</a>',
  '../etc/passwd',
  'a/../../b',
  '%2e%2e',
  'con.txt',
  'a\u0000b',
  'é',
  'e\u0301',
  '😀',
  '\ud800',
  'a\udc00b',
  '127.0.0.1',
  '0x7f.1',
  '::ffff:127.0.0.1',
  'https://user:pw@127.0.0.1:8080/x',
  'Foo.Bar+tag@GMail.com',
  '  1e3  ',
  '0x1A',
  '\u00a0\ufeff',
  '&lt;&amp;&#0;&#x110000;',
];

/** Exports that take one string (plus optional options) and answer synchronously. */
function stringExports(pkg) {
  const skip = new Set(['BulwarkError', 'setPasswordConcurrency', 'hashPasswordSync', 'verifyPasswordSync']);
  return Object.keys(pkg).filter(
    (k) =>
      typeof pkg[k] === 'function' &&
      !skip.has(k) &&
      !/^(create|hash|verify|safeLookup|resolveWithinReal|checkUrl)/.test(k),
  );
}

const skip = unavailable;

test('every string export agrees on a table of tricky inputs', { skip }, () => {
  const names = stringExports(native);
  assert.deepEqual(stringExports(wasm), names);
  for (const name of names) {
    for (const input of TRICKY) same(name, input);
  }
});

test('options that reach the core agree', { skip }, () => {
  for (const input of TRICKY) {
    for (const maxDepth of [0, 1, 2, 5]) same('parseJson', input, { maxDepth });
    same('parseJson', input, { protoAction: 'remove', constructorAction: 'remove' });
    same('sanitizeHtml', input, {
      allowedTags: ['q', 'img', 'a'],
      allowedAttributes: { '*': ['cite', 'srcset', 'href'] },
    });
    same('sanitizeHtml', input, { maxBytes: 10 });
    same('stripTags', input, { maxBytes: 10 });
    same('resolveWithin', '/srv/base', input);
    same('resolveWithin', '/srv/base', input, { rejectWindowsForms: false, maxLength: 20 });
    same('sanitizeFilename', input, { replacement: '_', maxBytes: 8 });
    for (const form of ['NFC', 'NFKD']) same('normalizeUnicode', input, form);
    same('trim', input, 'a{');
    same('blacklist', input, '\\[]');
    same('timingSafeEqual', input, 'a');
  }
  // Policy errors: same code and the same message (they name the first offender).
  for (const options of [
    { nonTextTags: ['div', 'table', 'span', 'b'] },
    { allowedAttributes: { p: ['onclick'], b: ['onerror'] } },
    { allowedClasses: { p: ['x'], b: ['x'] }, allowedAttributes: { b: ['class'], p: ['class'] } },
  ]) {
    const message = (pkg) => outcome(() => pkg.createSanitizer(options));
    assert.deepEqual(message(wasm), message(native));
    const text = (pkg) => {
      try {
        pkg.createSanitizer(options);
        return null;
      } catch (err) {
        return err.message;
      }
    };
    assert.equal(text(wasm), text(native));
  }
});

test('generated inputs agree (fast-check, fixed seed)', { skip }, () => {
  const piece = fc.constantFrom(
    '"',
    '\\',
    '{',
    '}',
    '[',
    ']',
    ':',
    ',',
    '<',
    '>',
    '/',
    '.',
    '..',
    '%2e',
    'a',
    ' ',
    '&',
    '#',
    '\u0000',
    'é',
    '\ud800',
    '__proto__',
    'javascript:',
    'b>',
    'script',
  );
  const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
  fc.assert(
    fc.property(text, fc.integer({ min: 0, max: 4 }), (input, maxDepth) => {
      same('parseJson', input, { maxDepth });
      same('sanitizeHtml', input);
      same('stripTags', input);
      same('escapeHtml', input);
      same('resolveWithin', '/srv/base', input);
      same('decodePathSegment', input);
      same('sanitizeFilename', input);
      same('isEmail', input);
      same('isURL', input);
      same('normalizeEmail', input);
    }),
    { numRuns: 400, seed: 7 },
  );
});
