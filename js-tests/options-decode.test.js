'use strict';
// The bindings' options decoding (crates/*/src/options.rs): an options object crosses as
// its own enumerable properties, is decoded by the core with serde, and fails with
// INVALID_OPTIONS naming the field, with the same message on both backends. These call the
// binding directly (the public API validates options before they cross), through
// needsRehash, whose options are the core's HashOptions.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const bulwark = require('bulwark');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const backend = require(path.join(pkgDir, 'lib', 'backend.js'));
const { callBackend } = require(path.join(pkgDir, 'lib', 'errors.js'));

const NO_BYTES = new Uint8Array(0);
// Made with the defaults (m=19456, t=2, p=1).
const HASH = bulwark.hashPasswordSync('correct horse');

/** needsRehash(HASH) with `options` handed to the binding as they are. */
const rehash = (options) => callBackend(() => backend.binding.needsRehash(HASH, options, NO_BYTES));

function assertInvalid(options, message) {
  assert.throws(
    () => rehash(options),
    (err) => {
      assert.ok(err instanceof bulwark.BulwarkError, String(err));
      assert.equal(err.code, 'INVALID_OPTIONS');
      assert.equal(err.message, message);
      return true;
    },
  );
}

test('missing options and missing fields take the defaults; given fields are read', () => {
  assert.equal(rehash(undefined), false);
  assert.equal(rehash(null), false);
  assert.equal(rehash(Object.create(null)), false);
  assert.equal(rehash({ __proto__: null, timeCost: 2, memoryCost: 19456 }), false);
  assert.equal(rehash({ __proto__: null, timeCost: 3 }), true);
  // A safe integer written as a float, and -0, are integers.
  assert.equal(rehash({ __proto__: null, timeCost: 2.0, parallelism: 1 }), false);
});

test('wrong fields are INVALID_OPTIONS naming the field, the same message on both backends', () => {
  assertInvalid(
    { __proto__: null, timecost: 3 },
    'invalid option timecost: unknown field `timecost`, expected one of `memoryCost`, `timeCost`, `parallelism`, `hashLength`, `saltLength`',
  );
  assertInvalid({ __proto__: null, timeCost: '3' }, 'invalid option timeCost: invalid type: string "3", expected u32');
  assertInvalid(
    { __proto__: null, timeCost: 1.5 },
    'invalid option timeCost: invalid type: floating point `1.5`, expected u32',
  );
  assertInvalid(
    { __proto__: null, timeCost: -1 },
    'invalid option timeCost: invalid value: integer `-1`, expected u32',
  );
  assertInvalid(
    { __proto__: null, timeCost: 2 ** 32 },
    'invalid option timeCost: invalid value: integer `4294967296`, expected u32',
  );
  assertInvalid(
    { __proto__: null, timeCost: 2 ** 60 },
    'invalid option timeCost: invalid type: floating point `1.152921504606847e+18`, expected u32',
  );
  // NaN and infinities are null, as in JSON.
  assertInvalid({ __proto__: null, timeCost: Number.NaN }, 'invalid option timeCost: invalid type: null, expected u32');
  assertInvalid({ __proto__: null, timeCost: Infinity }, 'invalid option timeCost: invalid type: null, expected u32');
  assertInvalid({ __proto__: null, timeCost: null }, 'invalid option timeCost: invalid type: null, expected u32');
  assertInvalid({ __proto__: null, timeCost: [2] }, 'invalid option timeCost: invalid type: sequence, expected u32');
  assertInvalid(
    { __proto__: null, timeCost: { __proto__: null } },
    'invalid option timeCost: invalid type: map, expected u32',
  );
});

test('options that are not an object, or hold what JSON cannot, are refused', () => {
  // A derived struct would take an array as its fields in order.
  assertInvalid([3], 'options must be an object');
  assertInvalid('timeCost', 'options must be an object');
  assertInvalid(3, 'options must be an object');
  const notJson = 'options may hold only null, booleans, numbers, strings, arrays and plain objects';
  assertInvalid({ __proto__: null, timeCost: () => 3 }, notJson);
  assertInvalid({ __proto__: null, timeCost: Symbol('x') }, notJson);
  let deep = 1;
  for (let i = 0; i < 40; i += 1) deep = [deep];
  assertInvalid({ __proto__: null, timeCost: deep }, 'options nested deeper than 32 levels');
});

test('only own properties are read: a polluted Object.prototype adds no field', () => {
  Object.prototype.timeCost = 9;
  Object.prototype.polluted = 'yes';
  try {
    // An ordinary object (its prototype is the polluted one) and a null-prototype one.
    assert.equal(rehash({}), false);
    assert.equal(rehash({ memoryCost: 19456 }), false);
    assert.equal(rehash({ __proto__: null }), false);
    assert.equal(rehash({ timeCost: 3 }), true);
  } finally {
    delete Object.prototype.timeCost;
    delete Object.prototype.polluted;
  }
});

test('a polluted Symbol.iterator or Array.prototype changes nothing for null-prototype options', () => {
  const iterator = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator);
  Object.prototype[Symbol.iterator] = function* polluted() {
    yield ['timeCost', 9];
  };
  Array.prototype[Symbol.iterator] = function* polluted() {
    yield 9;
  };
  try {
    assert.equal(rehash({ __proto__: null, timeCost: 2 }), false);
    assert.equal(rehash({ __proto__: null, timeCost: 3 }), true);
  } finally {
    delete Object.prototype[Symbol.iterator];
    Object.defineProperty(Array.prototype, Symbol.iterator, iterator);
  }
});
