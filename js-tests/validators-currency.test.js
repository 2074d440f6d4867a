'use strict';
// isCurrency against validator.js: tables of our own per format (each case is also checked
// against validator.js, so a table cannot drift from it), generated options over every
// option validator.js has, with amounts formatted for those options and mutated, then the
// option checks (types, and the symbols and separators validator.js would read as a
// pattern), wrong input types and 1 MiB inputs.
const test = require('node:test');
const assert = require('node:assert/strict');
const { bulwark, fc, agree, validator, edited: editedFrom } = require('./validators-gen');
const { NON_STRINGS, assertCode } = require('./helpers');

const ZA = {
  symbol: 'R',
  negative_sign_before_digits: true,
  thousands_separator: ' ',
  decimal_separator: ',',
  allow_negative_sign_placeholder: true,
};
const IT = { symbol: '€', thousands_separator: '.', decimal_separator: ',', allow_space_after_symbol: true };
const GR = {
  symbol: '€',
  thousands_separator: '.',
  decimal_separator: ',',
  symbol_after_digits: true,
  allow_space_after_digits: true,
};
const DK = {
  symbol: 'kr.',
  negative_sign_before_digits: true,
  thousands_separator: '.',
  decimal_separator: ',',
  allow_space_after_symbol: true,
};
const BR = {
  symbol: 'R$',
  require_symbol: true,
  allow_space_after_symbol: true,
  thousands_separator: '.',
  decimal_separator: ',',
};

// [options, valid, invalid]
const TABLES = [
  [
    undefined,
    ['$5', '-$2,500.75', '2500', '0.25', '.75', '$0', '-42', '$7,000,000', '999.99'],
    ['$5.5', '$5.555', '$ 5', '5$', '05', '5,00', ',500', '$-5', '--5', '', '$', '-', '.', '-$', '5.'],
  ],
  [{ allow_decimal: false }, ['$5', '-$2,500', '0'], ['$5.00', '.75', '0.25']],
  [{ require_decimal: true }, ['$5.00', '-.25', '2,500.75'], ['$5', '2,500', '-7']],
  [{ digits_after_decimal: [1, 3] }, ['$5.1', '5.125', '-.3'], ['$5.12', '5.1234', '5.']],
  [{ require_symbol: true }, ['$5', '-$0.50', '$1,000'], ['5', '-5', '0.50', '$', '$ 5']],
  [{ allow_negatives: false }, ['$5', '2,500.75'], ['-$5', '-5', '($5)']],
  [{ parens_for_negatives: true }, ['($5)', '(5.50)', '$5', '(.25)'], ['-$5', '($5', '( 5)', '(-5)', '()', '(5) ']],
  [{ negative_sign_after_digits: true }, ['$5-', '5.50-', '$5'], ['-$5', '$-5', '-5']],
  [{ symbol: '¥', negative_sign_before_digits: true }, ['¥-5', '¥5', '-5', '¥-1,234.56'], ['-¥5', '¥', '¥-', '$5']],
  [ZA, ['R 5 000,25', 'R-5 000', 'R5', '5 000', '-12', 'R 12'], ['R -5', 'R- 5', 'R', '5 00', ' 5', '5 ', 'R5.00']],
  [IT, ['€ 1.234,56', '-€ 5', '-5,50', '€5', '1.000.000'], ['€ 1,5', '€  5', '€', '€ ', '5 €', '1,000.00']],
  [GR, ['1.234,56 €', '-5,50€', '5', '-,50 €'], ['€5', '5 ', '5  €', '5 € ', '€']],
  [DK, ['kr. -1.234,56', 'kr.5', '-5', 'kr. 5,50'], ['kr.  5', 'kr. - 5', 'kr.', '-kr. 5', 'krx5']],
  [BR, ['R$ 1.400,00', 'R$400,00'], ['1.400,00', '$ 400,00', 'R 400,00']],
  // validator.js escapes the symbol's first non-word character only: a later `.` matches anything.
  [
    { symbol: 'руб.', symbol_after_digits: true, allow_space_after_digits: true },
    ['5 руб.', '5 рубX', '5'],
    ['5 руб', '5 руб\n'],
  ],
  [{ symbol: '€.', require_symbol: true }, ['€a5', '€5'], ['€😀5', '€']],
  [{ thousands_separator: "'" }, ["1'000'000.00", '$12'], ['1,000', "1'00"]],
];

test('isCurrency: tables of our own, each case checked against validator.js too', () => {
  let cases = 0;
  for (const [options, valid, invalid] of TABLES) {
    const args = options === undefined ? [] : [options];
    for (const [list, want] of [
      [valid, true],
      [invalid, false],
    ]) {
      for (const s of list) {
        const label = `isCurrency(${JSON.stringify(s)}, ${JSON.stringify(options)})`;
        assert.equal(validator.isCurrency(s, ...structuredClone(args)), want, `validator.js: ${label}`);
        assert.equal(bulwark.isCurrency(s, ...structuredClone(args)), want, label);
        cases += 1;
      }
    }
  }
  assert.ok(cases > 120, `${cases} cases`);
});

const SYMBOLS = ['$', '€', '¥', 'R', 'R$', 'kr.', 'CHF', 'US$', 'руб.', 'zł', '€.', '₹', '𝔖', ''];
const THOUSANDS = [',', '.', ' ', "'", '\u00a0', '_', ', '];
const DECIMALS = ['.', ',', '·', '..'];
const bool = fc.boolean();
const currencyOptions = fc.record(
  {
    symbol: fc.constantFrom(...SYMBOLS),
    require_symbol: bool,
    allow_space_after_symbol: bool,
    symbol_after_digits: bool,
    allow_negatives: bool,
    parens_for_negatives: bool,
    negative_sign_before_digits: bool,
    negative_sign_after_digits: bool,
    allow_negative_sign_placeholder: bool,
    thousands_separator: fc.constantFrom(...THOUSANDS),
    decimal_separator: fc.constantFrom(...DECIMALS),
    allow_decimal: bool,
    require_decimal: bool,
    digits_after_decimal: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
    allow_space_after_digits: bool,
  },
  { requiredKeys: [] },
);

/** An amount written for `o` (or nearly: every choice is random, so many are invalid). */
function amount(o) {
  const symbol = o.symbol ?? '$';
  const thousands = o.thousands_separator ?? ',';
  const decimal = o.decimal_separator ?? '.';
  const counts = o.digits_after_decimal ?? [2];
  return fc
    .record({
      whole: fc.oneof(fc.constant(''), fc.constant('0'), fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String)),
      group: bool,
      fraction: fc.option(fc.constantFrom(...counts), { nil: undefined }),
      digits: fc.bigInt({ min: 0n, max: 10n ** 5n }).map(String),
      sign: fc.constantFrom('', 'lead', 'inner', 'trail', 'parens'),
      withSymbol: bool,
      after: fc.option(bool, { nil: undefined }),
      space: fc.constantFrom('', ' '),
    })
    .map((r) => {
      let whole = r.whole;
      if (r.group && whole.length > 3) {
        const head = whole.length % 3 || 3;
        whole = [whole.slice(0, head), ...whole.slice(head).match(/.{3}/g)].join(thousands);
      }
      let number = whole;
      if (r.fraction !== undefined) number += decimal + r.digits.padStart(r.fraction, '0').slice(0, r.fraction);
      if (r.sign === 'inner') number = o.negative_sign_after_digits ? `${number}-` : `-${number}`;
      const sym = r.withSymbol ? symbol : '';
      const after = r.after ?? o.symbol_after_digits;
      let s = after ? number + r.space + sym : sym + r.space + number;
      if (r.sign === 'lead') s = `-${s}`;
      if (r.sign === 'trail') s = `${s}-`;
      if (r.sign === 'parens') s = `(${s})`;
      return s;
    });
}

/** The same amount with a few edits over the format's characters. */
function edited(o) {
  const alphabet = `0123456789-() ${o.symbol ?? '$'}${o.thousands_separator ?? ','}${o.decimal_separator ?? '.'}`;
  return editedFrom(amount(o), alphabet, 2);
}

test('isCurrency: generated options and amounts agree with validator.js', () => {
  let valid = 0;
  fc.assert(
    fc.property(
      currencyOptions.chain((o) => fc.tuple(fc.constant(o), fc.oneof(amount(o), edited(o)))),
      ([o, s]) => {
        agree('isCurrency', s, [o]);
        if (validator.isCurrency(s, structuredClone(o))) valid += 1;
      },
    ),
    { numRuns: 3000 },
  );
  assert.ok(valid > 100, `only ${valid} valid amounts generated`);
});

test('isCurrency: default options agree on generated amounts, with and without an options object', () => {
  fc.assert(
    fc.property(fc.oneof(amount({}), edited({})), (s) => {
      agree('isCurrency', s);
      agree('isCurrency', s, [{}]);
    }),
    { numRuns: 2000 },
  );
});

test('isCurrency: the same options object reused, and rule sets, give the single-call answers', () => {
  const o = { ...IT };
  for (const s of ['€ 1.234,56', '1,5', '-€ 5']) {
    assert.equal(bulwark.isCurrency(s, o), validator.isCurrency(s, { ...o }));
    assert.equal(bulwark.isCurrency(s, o), validator.isCurrency(s, { ...o }));
  }
  const set = bulwark.createValidator([{ validator: 'isCurrency', args: [IT] }, 'isCurrency']);
  assert.deepEqual(set.check(['€ 1.234,56', '$1,234.56']), []);
  assert.deepEqual(set.check(['$1,234.56', '€ 1.234,56']), [0, 1]);
});

test('isCurrency: option types, unknown keys and pattern-like strings are INVALID_OPTIONS', () => {
  for (const o of [
    { symbol: 5 },
    { symbol: null },
    { require_symbol: 'yes' },
    { allow_negatives: 0 },
    { allow_negatives: null },
    { digits_after_decimal: 2 },
    { digits_after_decimal: ['2'] },
    { digits_after_decimal: [1.5] },
    { digits_after_decimal: [-1] },
    { digits_after_decimal: [] },
    { digits_after_decimal: [101] },
    { digits_after_decimal: Array(17).fill(2) },
    { thousands_separator: '' },
    { decimal_separator: '' },
    { thousands_separator: 'd' },
    { decimal_separator: '1' },
    { symbol: '$$' },
    { symbol: ' $' },
    { symbol: 'US$?' },
    { symbol: '€|$' },
    { symbol: 'a'.repeat(33) },
    { thousands_separator: ',*' },
    { symbl: '$' },
    { symbol: '\ud800' },
  ]) {
    assertCode(() => bulwark.isCurrency('1', o), 'INVALID_OPTIONS');
    // Checked before the input is looked at, lone surrogates included.
    assertCode(() => bulwark.isCurrency('\ud800', o), 'INVALID_OPTIONS');
  }
  // What validator.js does with some of them: it reads them as (broken) patterns.
  assert.equal(validator.isCurrency('12$', { symbol: '$$', symbol_after_digits: true }), true);
  assert.equal(validator.isCurrency('1\\ddd', { thousands_separator: '' }), true);
  assert.throws(() => validator.isCurrency('1', { decimal_separator: '' }), SyntaxError);
  assert.equal(validator.isCurrency('12', { thousands_separator: 'd' }), true);
  // Options that are not an object: validator.js ignores them, Bulwark's readers refuse them.
  assert.throws(() => bulwark.isCurrency('1', 'x'), TypeError);
  assert.equal(bulwark.isCurrency('1', undefined), true);
  assert.equal(bulwark.isCurrency('1', null), true);
});

test('isCurrency: wrong input types throw TypeError, as in validator.js', () => {
  for (const v of NON_STRINGS) {
    if (v instanceof String) continue;
    assert.throws(() => validator.isCurrency(v), TypeError);
    assert.throws(() => bulwark.isCurrency(v), TypeError);
  }
  assert.equal(bulwark.isCurrency(new String('$5')), true);
});

test('isCurrency: lone surrogates, matched only by a live `.`, as in validator.js', () => {
  const rub = { symbol: 'руб.', symbol_after_digits: true, allow_space_after_digits: true };
  for (const [s, o] of [
    ['5 руб\ud800', rub],
    ['5 руб\udc00', rub],
    ['5\ud800', rub],
    ['\ud8005', {}],
    ['€\ud800', { symbol: '€.' }],
    ['€\ud8005', { symbol: '€.', require_symbol: true }],
    ['€\ue000\ud8005', { symbol: '€\ue000.', require_symbol: true }],
    ['€\ue000\ue0005', { symbol: '€\ue000.', require_symbol: true }],
  ]) {
    agree('isCurrency', s, [o]);
  }
});

test('isCurrency: 1 MiB inputs answer correctly and fast', () => {
  const big = `$${'1'.repeat(1 << 20)}.00`;
  const grouped = `1${',000'.repeat(1 << 18)}.00`;
  const zeros = '0'.repeat(32);
  const start = process.hrtime.bigint();
  assert.equal(bulwark.isCurrency(big), true);
  assert.equal(bulwark.isCurrency(`${big}0`), false);
  assert.equal(bulwark.isCurrency(grouped), true);
  assert.equal(bulwark.isCurrency(`${grouped.slice(0, -3)}0.00`), false);
  assert.equal(bulwark.isCurrency(`-${' '.repeat(1 << 20)}1`), false);
  assert.equal(bulwark.isCurrency(`1${'0'.repeat(1 << 20)}`, { symbol: zeros, symbol_after_digits: true }), true);
  assert.equal(bulwark.isCurrency(`(${'('.repeat(1 << 20)}1)`, { parens_for_negatives: true }), false);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 5000, `${ms} ms`);
});
