'use strict';
// Every other validator against validator.js: documented examples, then generated inputs
// (mutations of valid values and strings over each format's characters, lone surrogates
// and tricky Unicode included) with the options that change the result.
const test = require('node:test');
const assert = require('node:assert/strict');
const { bulwark, fc, agree, differential, validator } = require('./validators-gen');
const { SPECS, ID_NAMES } = require('./validators-specs');

// Identifiers with check digits (ID_NAMES) have their own suite: validators-ids.test.js.
const OWN_SUITE = new Set(['isEmail', 'isURL', 'isFQDN', 'isAlpha', 'isAlphanumeric', ...ID_NAMES]);

for (const [name, spec] of Object.entries(SPECS).filter(([n]) => !OWN_SUITE.has(n))) {
  test(`${name}: examples and generated inputs agree with validator.js`, () => {
    for (const s of spec.examples) agree(name, s);
    differential(name, spec);
  });
}

test('isAlpha and isAlphanumeric: locales and ignore agree with validator.js', () => {
  for (const name of ['isAlpha', 'isAlphanumeric']) differential(name, SPECS[name]);
});

test('isIn agrees with validator.js for arrays and objects', () => {
  const values = fc.constantFrom(
    ['a', 'b', ''],
    [1, 2, 'x'],
    [null, undefined, NaN, true, {}, [1, 2]],
    ['\ud800'],
    { a: 1, b: 2 },
    {},
    [],
  );
  differential('isIn', {
    examples: ['a', 'b', '1', '', 'x', 'true', '[object Object]', '1,2', 'hasOwnProperty', '\ud800', '\ufffd'],
    alphabet: 'abx12',
    args: values.map((v) => [v]),
  });
});

test('matches agrees with validator.js on linear-time patterns (code units, JS case folding)', () => {
  const patterns = fc.constantFrom(
    ['^[a-z]+$'],
    ['abc'],
    ['^\\d{3}-\\d{4}$'],
    ['\\bfoo\\b'],
    ['^(?:a|b)+c?$'],
    ['^[^<>]*$'],
    ['\\s'],
    ['^.{2,4}$', 's'],
    ['[.-]'],
    ['^a', 'm'],
    ['x*'],
    ['^(?<y>\\d{4})-\\d{2}$'],
    ['[\\w.]+@[\\w.]+'],
    [/^[A-Z][a-z]+$/],
    [/\d+/g],
    ['^\\x41\\u0042'],
    ['a{2}'],
    ['a{'],
    ['^[a-z]+$', 'i'],
    ['s', 'i'],
    ['^\\w+$', 'i'],
    ['^[^a-z]*$', 'i'],
    ['K', 'i'],
    ['k', 'iu'],
    ['ß', 'i'],
    ['µ', 'i'],
    ['😀'],
    ['^.$'],
    ['^..$'],
    ['[\\u00a1-\\uffff]'],
    ['^\\S+$'],
    ['\\uD83D'],
    ['^(?:a|😀)+$'],
    ['^😀+$'],
    ['[😀]'],
    ['^.$', 'u'],
    ['^[^a]$'],
    ['^[\\s\\S]{3}$'],
  );
  const examples = [
    'abc',
    'ABC',
    'foo bar',
    '123-4567',
    'a\nb',
    'aa',
    'a{',
    'AB',
    'x@y.z',
    '2024-01',
    'é',
    'ſ',
    'K',
    'k',
    'ß',
    'ẞ',
    'Μ',
    '😀',
    '😀😀',
    'a😀',
    '😁',
  ];
  differential('matches', { examples, alphabet: 'abcsSkKABC123 .-@\n{ſKßµ😀', args: patterns, runs: 3000 });
});

test('validator.js examples for options that throw in validator.js are INVALID_OPTIONS here', () => {
  assert.throws(() => validator.isAlpha('abc', 'xx-XX'), Error);
  assert.throws(
    () => bulwark.isAlpha('abc', 'xx-XX'),
    (e) => e.code === 'INVALID_OPTIONS',
  );
  assert.throws(() => validator.isDecimal('1', { locale: 'xx' }), Error);
  assert.throws(
    () => bulwark.isDecimal('1', { locale: 'xx' }),
    (e) => e.code === 'INVALID_OPTIONS',
  );
});
