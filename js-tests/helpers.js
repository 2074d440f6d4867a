'use strict';
// Shared by every suite: the package under test and generators for adversarial strings.
const assert = require('node:assert/strict');
const fc = require('fast-check');
const bulwark = require('bulwark');

/** The backend this run must be using (the runner sets BULWARK_BACKEND for each pass). */
const expectedBackend = process.env.BULWARK_BACKEND;
if (expectedBackend) assert.equal(bulwark.backend, expectedBackend, 'the forced backend is the one in use');

/** Any UTF-16 code unit, lone surrogates included, biased towards `specials`. */
function codeUnitString(specials, maxLength = 300) {
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) },
    { weight: 3, arbitrary: fc.constantFrom(...specials) },
    { weight: 2, arbitrary: fc.constantFrom('a', ' ', 'é', '😀', '\u0000', '\ud800', '\udfff') },
  );
  return fc.array(unit, { maxLength }).map((units) => units.join(''));
}

/** Values of every type that is not a string. */
const NON_STRINGS = [
  undefined,
  null,
  0,
  1n,
  true,
  {},
  [],
  ['a'],
  () => 'a',
  Symbol('s'),
  new String('a'),
  Buffer.from('a'),
];

/** Asserts that `fn` throws a BulwarkError with `code`. */
function assertCode(fn, code) {
  assert.throws(fn, (err) => err instanceof bulwark.BulwarkError && err.code === code);
}

/** Asserts that the promise rejects with a BulwarkError with `code`. */
async function assertRejectsCode(promise, code) {
  await assert.rejects(promise, (err) => err instanceof bulwark.BulwarkError && err.code === code);
}

/**
 * Runs each `[build, values]` chain of `chains` on express-validator (`EV`) and
 * bulwark/express-validator (`BV`) with `body.f = value`, and asserts both accept or refuse
 * each value alike.
 */
async function assertChainsAgree(EV, BV, chains) {
  for (const [build, values] of chains) {
    for (const value of values) {
      const answers = [];
      for (const m of [EV, BV]) {
        const req = { body: { f: value } };
        await build(m.body('f')).run(req);
        answers.push(m.validationResult(req).isEmpty());
      }
      assert.equal(answers[1], answers[0], `${build} ${JSON.stringify(value)}`);
    }
  }
}

/**
 * Comparisons with the core's reference exports (`jsonParseCore`, `mergeCore`, ...), which
 * only test builds have (cargo feature `testing`, like panic.test.js's triggers): a release
 * build (BULWARK_PROFILE=release, what the packages hold) has none. On a test build (it has
 * `testPanicArm`) nothing is skipped, and a missing export fails the comparison.
 * `compare(fn)` runs `fn` unless skipped; `report(t)` then adds to test `t` a skipped
 * subtest that says why, so a release run shows what it left out.
 */
function coreReference(names) {
  const { binding } = require('../npm/bulwark/lib/backend');
  const missing = names.filter((name) => typeof binding[name] !== 'function');
  const skip =
    typeof binding.testPanicArm === 'function' || missing.length === 0
      ? false
      : `release build: no test-only ${missing.join(', ')} to compare with`;
  return {
    skip,
    compare(fn) {
      if (!skip) fn();
    },
    async report(t) {
      if (skip) await t.test('compared with the core', { skip }, () => {});
    },
  };
}

module.exports = {
  bulwark,
  fc,
  codeUnitString,
  NON_STRINGS,
  assertCode,
  assertRejectsCode,
  assertChainsAgree,
  coreReference,
};
