'use strict';
// The JS fast paths (npm/bulwark/lib/validators/fast.js) answer without crossing into the
// backend. Every answer they give must equal the core's answer for the same options: this
// runs both on the generated inputs of every validator and compares them, and checks that
// the fast paths do answer the common inputs (so the bench measures what users get).
const test = require('node:test');
const assert = require('node:assert/strict');
const { inspect } = require('node:util');
const { fc, inputs } = require('./validators-gen');
const { SPECS } = require('./validators-specs');
const { TEXT_SPECS } = require('./validators-text-specs');
const { FAST, MAX_LENGTH } = require('../npm/bulwark/lib/validators/fast');
const core = require('../npm/bulwark/lib/validators/core');
const { readArgs, EMPTY } = require('../npm/bulwark/lib/validators/options');

for (const name of Object.keys(FAST)) {
  test(`${name}: the JS fast path equals the core`, () => {
    const spec = SPECS[name] || TEXT_SPECS[name];
    assert.ok(spec, `a generator spec for ${name}`);
    let answered = 0;
    let deferred = 0;
    fc.assert(
      fc.property(inputs(spec.examples, spec.alphabet, spec.maxLength), spec.args || fc.constant([]), (s, args) => {
        const o = readArgs(name, ...structuredClone(args));
        if (o === null || !s.isWellFormed()) return;
        // Option strings with lone surrogates (contains' seed, ...) are answered in JS only.
        if (Object.values(o).some((v) => typeof v === 'string' && !v.isWellFormed())) return;
        const fast = FAST[name](s, o);
        if (fast === undefined) {
          deferred += 1;
          return;
        }
        answered += 1;
        const coreAnswer = core.test(name, s, o === EMPTY ? undefined : o);
        assert.equal(
          fast,
          coreAnswer,
          `${name}(${JSON.stringify(s)}, ${inspect(o)}): fast path ${fast}, core ${coreAnswer}`,
        );
      }),
      { numRuns: 1500 },
    );
    assert.ok(answered > 0, `${name}: the fast path answered some inputs (${answered} answered, ${deferred} deferred)`);
  });
}

test('fast paths leave long inputs to the core', () => {
  const long = '1'.repeat(MAX_LENGTH + 1);
  for (const name of ['isInt', 'isFloat', 'isNumeric', 'isDecimal', 'isHexadecimal', 'isSlug', 'isSemVer']) {
    assert.equal(FAST[name](long, EMPTY), undefined, name);
  }
});
