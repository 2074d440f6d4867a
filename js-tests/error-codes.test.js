'use strict';
// One list per fact: the error codes live in the core (ErrorCode::ALL, exported by both
// bindings as errorCodes()), in lib/errors.js (CODES, which adds the JS-only codes of the
// file-system and middleware layers), in the TypeScript union (types/errors.d.ts), in
// docs/errors.md and in errorHandler()'s status table. A code added in one place and not the
// others fails here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const root = path.join(pkgDir, '..', '..');
const backend = require(path.join(pkgDir, 'lib', 'backend.js'));
const { CODES } = require(path.join(pkgDir, 'lib', 'errors.js'));
const { STATUS_BY_CODE } = require(path.join(pkgDir, 'lib', 'express', 'statuses.js'));

const sorted = (list) => [...list].sort();

/** Codes raised in JS only: the loader, resolveWithinReal's fs errors and the middleware. */
const JS_ONLY = sorted([
  'BACKEND_UNAVAILABLE',
  'BODY_TOO_LARGE',
  'BODY_INVALID',
  'BODY_ALREADY_READ',
  'UNSUPPORTED_CHARSET',
  'UNSUPPORTED_ENCODING',
  'PROTOTYPE_POLLUTION',
  'OPERATOR_KEY',
  'TOO_MANY_KEYS',
  'TOO_MANY_PARAMETERS',
  'REQUEST_REJECTED',
  'VALIDATION_FAILED',
]);

function unionMembers(file, typeName) {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(`export type ${typeName} =`);
  assert.notEqual(start, -1, `${typeName} in ${file}`);
  const body = text.slice(start, text.indexOf(';', start));
  return [...body.matchAll(/\|\s*'([A-Z_]+)'/g)].map((m) => m[1]);
}

test(`the core's codes (${backend.name} binding) are all in lib/errors.js`, () => {
  const core = backend.binding.errorCodes();
  assert.ok(Array.isArray(core) && core.length > 20);
  assert.deepEqual(
    core.filter((c) => !CODES.has(c)),
    [],
    'core codes missing from lib/errors.js',
  );
  // Every JS code is either the core's or one of the documented JS-only codes.
  assert.deepEqual(sorted([...CODES].filter((c) => !core.includes(c))), JS_ONLY);
});

test('the TypeScript union lists exactly the codes of lib/errors.js', () => {
  const union = unionMembers(path.join(pkgDir, 'types', 'errors.d.ts'), 'BulwarkErrorCode');
  assert.equal(new Set(union).size, union.length, 'no duplicates');
  assert.deepEqual(sorted(union), sorted(CODES));
});

test('docs/errors.md documents every code', () => {
  const doc = fs.readFileSync(path.join(root, 'docs', 'errors.md'), 'utf8');
  const missing = [...CODES].filter((c) => !doc.includes(`\`${c}\``));
  assert.deepEqual(missing, []);
});

test("errorHandler() has an HTTP status for exactly lib/errors.js's codes", () => {
  assert.deepEqual(sorted(STATUS_BY_CODE.keys()), sorted(CODES));
  for (const [code, [status]] of STATUS_BY_CODE) {
    assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${code}: ${status}`);
  }
});

test('a BulwarkError carries its code and name as own data properties under a polluted Object.prototype', () => {
  const { BulwarkError } = require(path.join(pkgDir, 'lib', 'errors.js'));
  const saved = ['code', 'name'].map((key) => [key, Object.getOwnPropertyDescriptor(Object.prototype, key)]);
  for (const key of ['code', 'name']) {
    Object.defineProperty(Object.prototype, key, {
      get: () => 'POLLUTED',
      set() {
        throw new Error(`polluted ${key} setter`);
      },
      configurable: true,
    });
  }
  let err;
  try {
    err = new BulwarkError('INVALID_TYPE', 'refused');
  } finally {
    for (const [key, descriptor] of saved) {
      if (descriptor === undefined) delete Object.prototype[key];
      else Object.defineProperty(Object.prototype, key, descriptor);
    }
  }
  for (const [key, value] of [
    ['code', 'INVALID_TYPE'],
    ['name', 'BulwarkError'],
  ]) {
    assert.deepEqual(Object.getOwnPropertyDescriptor(err, key), {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  assert.ok(err instanceof Error);
  assert.equal(err.message, 'refused');
  assert.deepEqual(Object.keys(err), ['name', 'code']);
});
