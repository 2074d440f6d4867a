'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const tsscmp = require('tsscmp');
const { bulwark, fc, assertCode } = require('./helpers');

const { timingSafeEqual } = bulwark;

test('timingSafeEqual: table', () => {
  const cases = [
    ['', '', true],
    ['a', 'a', true],
    ['secret', 'secret', true],
    ['secret', 'secreT', false],
    ['secret', 'secret ', false],
    ['secret', 'secre', false],
    ['', 'a', false],
    ['é', 'e\u0301', false],
    ['😀', '😀', true],
    [Buffer.from([1, 2, 3]), new Uint8Array([1, 2, 3]), true],
    [Buffer.from([1, 2, 3]), Buffer.from([1, 2, 4]), false],
    ['abc', Buffer.from('abc'), true],
    [new Uint16Array([0x6261]), 'ab', true],
    [new Uint8Array([97, 98]).buffer, 'ab', true],
  ];
  for (const [a, b, expected] of cases) {
    assert.equal(timingSafeEqual(a, b), expected, `${String(a)} vs ${String(b)}`);
    assert.equal(timingSafeEqual(b, a), expected, 'symmetric');
  }
});

test('equals crypto.timingSafeEqual on same-length bytes and tsscmp on strings', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 96 }), fc.uint8Array({ maxLength: 96 }), (a, b) => {
      const expected = a.length === b.length ? crypto.timingSafeEqual(a, b) : false;
      assert.equal(timingSafeEqual(a, b), expected);
      assert.equal(timingSafeEqual(a, a.slice()), true);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 64 }), fc.string({ unit: 'binary', maxLength: 64 }), (a, b) => {
      assert.equal(timingSafeEqual(a, b), tsscmp(a, b));
      assert.equal(timingSafeEqual(a, a), true);
    }),
    { numRuns: 2000 },
  );
});

test('a single flipped bit anywhere is found', () => {
  const a = crypto.randomBytes(64);
  for (let i = 0; i < a.length; i += 1) {
    for (let bit = 0; bit < 8; bit += 1) {
      const b = Buffer.from(a);
      b[i] ^= 1 << bit;
      assert.equal(timingSafeEqual(a, b), false, `byte ${i} bit ${bit}`);
    }
  }
});

test('lone surrogates are INVALID_UNICODE, not silently equal', () => {
  // Both bindings would turn each into U+FFFD and call them equal.
  assertCode(() => timingSafeEqual('\ud800', '\udc00'), 'INVALID_UNICODE');
  assertCode(() => timingSafeEqual('ok', 'x\udfff'), 'INVALID_UNICODE');
});

test('wrong types throw TypeError; large inputs work', () => {
  for (const value of [undefined, null, 1, true, {}, [], Symbol('s'), () => 1]) {
    assert.throws(() => timingSafeEqual(value, 'a'), TypeError);
    assert.throws(() => timingSafeEqual('a', value), TypeError);
  }
  const big = Buffer.alloc(1 << 20, 7);
  assert.equal(timingSafeEqual(big, Buffer.from(big)), true);
  assert.equal(timingSafeEqual(big, big.subarray(1)), false);
});
