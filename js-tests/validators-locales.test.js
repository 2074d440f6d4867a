'use strict';
// Locale tables against validator.js: for every isAlpha / isAlphanumeric locale, every BMP
// code unit in the blocks where case mappings or the locales' letters live (JS regexes
// with the `i` flag fold case per code unit, which the core reproduces), plus a sample of
// the rest, through the public function (the JS fast path for short strings) and through
// the core; and every decimal locale of isFloat / isNumeric / isDecimal.
const test = require('node:test');
const assert = require('node:assert/strict');
const validator = require('validator');
const { bulwark } = require('./helpers');
const core = require('../npm/bulwark/lib/validators/core');

const BLOCKS = [
  [0x0000, 0x058f],
  [0x0600, 0x06ff],
  [0x0900, 0x0dff],
  [0x0e00, 0x0e7f],
  [0x10a0, 0x10ff],
  [0x13a0, 0x13ff],
  [0x1c80, 0x1cbf],
  [0x1d00, 0x1fff],
  [0x2100, 0x218f],
  [0x24b0, 0x24ff],
  [0x2c00, 0x2d2f],
  [0x3000, 0x30ff],
  [0x3130, 0x318f],
  [0x4e00, 0x4e0f],
  [0x9fa0, 0x9faf],
  [0xa640, 0xa7ff],
  [0xab30, 0xabbf],
  [0xac00, 0xac0f],
  [0xd7a0, 0xd7af],
  [0xfb00, 0xfb4f],
  [0xff00, 0xffef],
];

function units() {
  const out = [];
  for (const [lo, hi] of BLOCKS) for (let u = lo; u <= hi; u += 1) out.push(u);
  for (let u = 0; u <= 0xffff; u += 97) if (u < 0xd800 || u > 0xdfff) out.push(u);
  return out.map((u) => String.fromCharCode(u));
}

for (const [name, locales] of [
  ['isAlpha', validator.isAlphaLocales],
  ['isAlphanumeric', validator.isAlphanumericLocales],
]) {
  test(`${name}: every locale matches validator.js code unit by code unit`, () => {
    const chars = units();
    for (const locale of locales) {
      const mismatches = chars.filter((ch) => bulwark[name](ch, locale) !== validator[name](ch, locale));
      assert.deepEqual(
        mismatches.map((c) => `U+${c.charCodeAt(0).toString(16)}`),
        [],
        `${name} ${locale}`,
      );
      const coreMismatches = chars.filter((ch) => core.test(name, ch, { locale }) !== validator[name](ch, locale));
      assert.deepEqual(
        coreMismatches.map((c) => `U+${c.charCodeAt(0).toString(16)}`),
        [],
        `core ${name} ${locale}`,
      );
      for (const s of ['', 'ab', 'aé', 'AB12', 'ab cd', '😀'])
        assert.equal(bulwark[name](s, locale), validator[name](s, locale), `${name}(${s}, ${locale})`);
    }
  });
}

test('isFloat, isNumeric and isDecimal: every decimal locale matches validator.js', () => {
  const inputs = [
    '1.5',
    '1,5',
    '1٫5',
    '-1',
    '.5',
    ',5',
    '٫5',
    '1.',
    '1,',
    '1e5',
    '1,5e3',
    '12',
    '',
    '-',
    '1.2.3',
    '1,2,3',
  ];
  for (const locale of validator.isFloatLocales) {
    for (const s of inputs) {
      assert.equal(bulwark.isFloat(s, { locale }), validator.isFloat(s, { locale }), `isFloat(${s}, ${locale})`);
      assert.equal(
        bulwark.isFloat(s, { locale, min: 1.2 }),
        validator.isFloat(s, { locale, min: 1.2 }),
        `isFloat(${s}, ${locale}, min)`,
      );
      assert.equal(bulwark.isNumeric(s, { locale }), validator.isNumeric(s, { locale }), `isNumeric(${s}, ${locale})`);
    }
  }
  for (const locale of Object.keys(require('validator/lib/alpha').decimal)) {
    for (const s of inputs)
      assert.equal(bulwark.isDecimal(s, { locale }), validator.isDecimal(s, { locale }), `isDecimal(${s}, ${locale})`);
  }
});
