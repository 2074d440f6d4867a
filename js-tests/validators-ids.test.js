'use strict';
// Identifiers with check digits (validator.js 13.15: isLuhnNumber, isCreditCard, isIMEI,
// isEAN, isISBN, isISSN, isISIN, ...) against validator.js: documented examples, generated
// inputs over each format's characters, and numbers generated valid (their check digit
// completed by validator.js itself) with near misses (one digit changed, neighbours swapped,
// a character dropped, doubled or inserted). Then the documented option deviations, wrong
// types and 1 MB hostile inputs.
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { bulwark, fc, agree, differential, validator, charFrom } = require('./validators-gen');
const { SPECS, ID_NAMES } = require('./validators-specs');
const { NON_STRINGS, assertCode } = require('./helpers');

const digits = (min, max) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const upper = (n) => fc.array(fc.constantFrom(...UPPER), { minLength: n, maxLength: n }).map((a) => a.join(''));
const alnum = (n) =>
  fc.array(fc.constantFrom(...`${UPPER}0123456789`), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** `body` + the check character validator.js accepts (the first candidate when none does). */
function completed(name, body, args = [], candidates = '0123456789', after = '') {
  for (const c of candidates) if (validator[name](body + c + after, ...args)) return body + c + after;
  return body + candidates[0] + after;
}

/** One edit of `s` that usually breaks its check digit or its shape. */
function nearMiss(s, alphabet) {
  return fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 }), charFrom(alphabet)).map(([at, op, ch]) => {
    if (s.length === 0) return ch;
    const i = at % s.length;
    const c = s.charCodeAt(i);
    switch (op) {
      case 0: // another digit in the same place
        return c >= 48 && c <= 57
          ? s.slice(0, i) + ((c - 47) % 10) + s.slice(i + 1)
          : s.slice(0, i) + ch + s.slice(i + 1);
      case 1: // neighbours swapped
        return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
      case 2:
        return s.slice(0, i) + s.slice(i + 1);
      case 3:
        return s.slice(0, i) + s[i] + s.slice(i);
      case 4:
        return s.slice(0, i) + ch + s.slice(i);
      default:
        return s.toLowerCase();
    }
  });
}

const ROOT = path.join(__dirname, '..');
/** The core's IBAN formats (generated from validator.js; the generator's --check is tested below). */
const IBAN_FORMATS = [
  ...fs
    .readFileSync(path.join(ROOT, 'crates/bulwark-core/src/validators/iban_formats.rs'), 'utf8')
    .matchAll(/\("([A-Z]{2})", "([nac]+)"\)/g),
].map((m) => [m[1], m[2]]);
const CLASS_CHARS = { n: '0123456789', a: UPPER, c: `${UPPER}0123456789` };

/** An IBAN of `country` with `positions` (classes after the country), check digits computed. */
function iban(country, positions, picks) {
  let bban = '';
  for (let i = 2; i < positions.length; i += 1) {
    const chars = CLASS_CHARS[positions[i]];
    bban += chars[picks[i] % chars.length];
  }
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let mod = 0;
  for (const d of numeric) mod = (mod * 10 + Number(d)) % 97;
  return `${country}${String(98 - mod).padStart(2, '0')}${bban}`;
}

const BECH32 = 'ac defghjklmnpqrstuvwxyz023456789'.replace(' ', '');
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const pick = (chars, min, max) =>
  fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** Valid numbers per validator: [generator of [string, args]]. */
const VALID = {
  isLuhnNumber: fc.tuple(digits(0, 30), fc.constantFrom('', ' ', '-', '--', ' - '), fc.nat()).map(([body, sep, at]) => {
    const s = completed('isLuhnNumber', body);
    const i = at % s.length;
    return [s.slice(0, i) + sep + s.slice(i), []];
  }),
  isCreditCard: fc
    .tuple(
      fc.constantFrom(
        ['amex', '34', 15],
        ['amex', '37', 15],
        ['dinersclub', '300', 14],
        ['dinersclub', '305', 14],
        ['dinersclub', '36', 14],
        ['dinersclub', '38', 14],
        ['discover', '6011', 16],
        ['discover', '65', 19],
        ['jcb', '2131', 15],
        ['jcb', '1800', 15],
        ['jcb', '35', 16],
        ['mastercard', '51', 16],
        ['mastercard', '55', 16],
        ['mastercard', '2221', 16],
        ['mastercard', '2720', 16],
        ['mastercard', '23', 16],
        ['unionpay', '62', 16],
        ['unionpay', '67', 16],
        ['unionpay', '81', 18],
        ['visa', '4', 13],
        ['visa', '4', 16],
        ['visa', '4', 19],
      ),
      digits(19, 19),
      fc.boolean(),
      fc.constantFrom('', ' ', '-'),
    )
    .map(([[provider, prefix, length], fill, named, sep]) => {
      const s = completed('isLuhnNumber', (prefix + fill).slice(0, length - 1));
      const grouped = s.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
      return [grouped, named ? [{ provider }] : []];
    }),
  isIMEI: fc.tuple(digits(14, 14), fc.boolean()).map(([body, hyphens]) => {
    const s = completed('isIMEI', body);
    return hyphens
      ? [`${s.slice(0, 2)}-${s.slice(2, 8)}-${s.slice(8, 14)}-${s[14]}`, [{ allow_hyphens: true }]]
      : [s, []];
  }),
  isEAN: fc.constantFrom(7, 12, 13).chain((n) => digits(n, n).map((body) => [completed('isEAN', body), []])),
  isISBN: fc.oneof(
    digits(9, 9).map((body) => [completed('isISBN', body, [10], '0123456789X'), [10]]),
    fc
      .tuple(fc.constantFrom('978', '979'), digits(9, 9), fc.constantFrom([], [13], ['13'], [{ version: 13 }]))
      .map(([p, body, args]) => [completed('isISBN', p + body, [13]), args]),
    digits(9, 9).map((body) => {
      const s = completed('isISBN', body, [10], '0123456789X');
      return [`${s[0]}-${s.slice(1, 5)} ${s.slice(5, 9)}\u00a0${s[9]}`, []];
    }),
  ),
  isISSN: fc.tuple(digits(7, 7), fc.boolean()).map(([body, hyphen]) => {
    const s = completed('isISSN', body, [], '0123456789X');
    return [hyphen ? `${s.slice(0, 4)}-${s.slice(4)}` : s, hyphen ? [{ require_hyphen: true }] : []];
  }),
  isISIN: fc.tuple(upper(2), alnum(9)).map(([cc, body]) => [completed('isISIN', cc + body), []]),
  isIBAN: fc
    .tuple(
      fc.constantFrom(...IBAN_FORMATS),
      fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
      fc.constantFrom('', ' ', '-'),
      fc.boolean(),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant([]) },
        fc.constantFrom([{ whitelist: ['DE', 'GB', 'FR'] }], [{ blacklist: ['DE'] }]),
      ),
    )
    .map(([[country, positions], picks, sep, lower, args]) => {
      const s = iban(country, positions, picks).replace(/(.{4})(?=.)/g, `$1${sep}`);
      return [lower ? s.toLowerCase() : s, args];
    }),
  isAbaRouting: fc
    .tuple(fc.constantFrom('00', '01', '09', '12', '21', '26', '32', '61', '67', '72', '80'), digits(6, 6))
    .map(([series, body]) => [completed('isAbaRouting', series + body), []]),
  isISRC: fc.tuple(upper(2), alnum(3), digits(7, 7)).map((parts) => [parts.join(''), []]),
  isISO6346: fc.tuple(upper(3), digits(6, 6), fc.boolean()).map(([owner, body, lower]) => {
    const s = completed('isISO6346', `${owner}U${body}`);
    return [lower ? s.toLowerCase() : s, []];
  }),
  isBtcAddress: fc.oneof(
    fc
      .tuple(fc.constantFrom('bc1', 'tb1', 'bc1p', 'tb1p'), pick(BECH32, 39, 58))
      .map(([prefix, rest]) => [prefix + rest, []]),
    fc.tuple(fc.constantFrom('1', '2', '3', 'm'), pick(BASE58, 25, 39)).map(([p, rest]) => [p + rest, []]),
  ),
  isEthereumAddress: fc
    .tuple(fc.constantFrom('0x', '0X'), pick('0123456789abcdefABCDEF', 40, 40))
    .map(([p, hex]) => [p + hex, []]),
};
VALID.isFreightContainerID = VALID.isISO6346;
VALID.isBIC = fc
  .tuple(
    upper(4),
    fc.constantFrom('DE', 'GB', 'KE', 'XK', 'US', 'FR', 'de', 'xk', 'JP'),
    alnum(2),
    fc.option(alnum(3), { nil: '' }),
    fc.boolean(),
  )
  .map(([bank, country, location, branch, lower]) => {
    const s = bank + country + location + branch;
    return [lower ? s.toLowerCase() : s, []];
  });

for (const name of ID_NAMES) {
  test(`${name}: examples and generated inputs agree with validator.js`, () => {
    const spec = SPECS[name];
    for (const s of spec.examples) agree(name, s);
    differential(name, spec);
  });

  test(`${name}: generated valid numbers and near misses agree with validator.js`, () => {
    const spec = SPECS[name];
    // The generator makes valid numbers: validator.js accepts nearly all of them.
    const sample = fc.sample(VALID[name], 300);
    const accepted = sample.filter(([s, args]) => validator[name](s, ...args)).length;
    assert.ok(accepted >= 200, `${name}: only ${accepted} of 300 generated numbers are valid`);
    fc.assert(
      fc.property(
        VALID[name].chain(([s, args]) =>
          fc.tuple(fc.oneof(fc.constant(s), nearMiss(s, spec.alphabet)), fc.constant(args)),
        ),
        ([s, args]) => agree(name, s, args),
      ),
      { numRuns: 2000 },
    );
  });

  test(`${name}: non-strings throw TypeError as in validator.js`, () => {
    for (const v of NON_STRINGS) {
      if (v instanceof String) {
        assert.equal(bulwark[name](v), validator[name](String(v)));
        continue;
      }
      assert.throws(() => bulwark[name](v), TypeError, `${name}(${String(typeof v)})`);
    }
  });

  test(`${name}: 1 MB hostile inputs give validator.js's answer`, () => {
    const big = 1 << 20;
    for (const s of [
      '0'.repeat(big),
      `4${'0'.repeat(big)}`,
      '- '.repeat(big / 2),
      `${'1-'.repeat(big / 2)}0`,
      'A'.repeat(big),
      `US${'0'.repeat(big)}`,
      '\u3000'.repeat(big),
      '😀'.repeat(big / 2),
      '\ud800'.repeat(big),
    ]) {
      assert.equal(bulwark[name](s), validator[name](s), `${name}(${JSON.stringify(s.slice(0, 8))}... x${s.length})`);
    }
  });
}

test('options deviations: an unknown provider or version, or an ISBN options object without a version, is INVALID_OPTIONS', () => {
  // validator.js throws a plain Error for an unknown provider.
  assert.throws(() => validator.isCreditCard('4716461583322103', { provider: 'foo' }), Error);
  assertCode(() => bulwark.isCreditCard('4716461583322103', { provider: 'foo' }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isCreditCard('4716461583322103', { provider: 'constructor' }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isCreditCard('4716461583322103', { provider: 1 }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isCreditCard('4716461583322103', { providr: 'visa' }), 'INVALID_OPTIONS');
  // validator.js answers false for every string with these (it reads the object as the version).
  assert.equal(validator.isISBN('3836221195', {}), false);
  assertCode(() => bulwark.isISBN('3836221195', {}), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isISBN('3836221195', { version: 0 }), 'INVALID_OPTIONS');
  assert.equal(validator.isISBN('3836221195', 11), false);
  assertCode(() => bulwark.isISBN('3836221195', 11), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isISBN('3836221195', true), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isIMEI('352099001761481', { allow_hyphens: 'yes' }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isISSN('0378-5955', { requireHyphen: true }), 'INVALID_OPTIONS');
  const bare = Object.create(null);
  bare.provider = 'amex';
  assert.equal(bulwark.isCreditCard('4716461583322103', bare), false);
  assert.equal(bulwark.isCreditCard('375556917985515', bare), true);
});

test('the IBAN table is generated from the installed validator.js (generator --check)', () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-iban-table.mjs'), '--check'], { stdio: 'pipe' });
  assert.deepEqual(
    IBAN_FORMATS.map(([country]) => country),
    [...validator.ibanLocales].sort(),
  );
  // The exported list: validator.js's, in its order, frozen.
  assert.deepEqual([...bulwark.ibanLocales], validator.ibanLocales);
  assert.ok(Object.isFrozen(bulwark.ibanLocales));
  for (const country of bulwark.ibanLocales)
    assert.equal(typeof bulwark.isIBAN('x', { whitelist: [country] }), 'boolean');
});

test('isIBAN options: unknown whitelisted countries and malformed blacklist codes are INVALID_OPTIONS', () => {
  // validator.js answers false for every string with such a whitelist.
  assert.equal(validator.isIBAN('DE89370400440532013000', { whitelist: ['DE', 'US'] }), false);
  assertCode(() => bulwark.isIBAN('DE89370400440532013000', { whitelist: ['DE', 'US'] }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isIBAN('DE89370400440532013000', { whitelist: ['de'] }), 'INVALID_OPTIONS');
  // validator.js never matches a lowercase blacklist code: the check would be silently weaker.
  assert.equal(validator.isIBAN('DE89370400440532013000', { blacklist: ['de'] }), true);
  assertCode(() => bulwark.isIBAN('DE89370400440532013000', { blacklist: ['de'] }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isIBAN('DE89370400440532013000', { whitelist: 'DE' }), 'INVALID_OPTIONS');
  assert.equal(bulwark.isIBAN('DE89370400440532013000', { blacklist: ['US'] }), true);
  assert.equal(bulwark.isIBAN('DE89370400440532013000', { whitelist: [] }), false);
});

test('isISO6346 with a lone surrogate is false (documented deviation), as is every other validator here', () => {
  // validator.js accepts this one: its pattern only looks at the start.
  assert.equal(validator.isISO6346('ABCU1234567\ud800'), true);
  assert.equal(bulwark.isISO6346('ABCU1234567\ud800'), false);
  assert.equal(bulwark.isFreightContainerID('ABCU1234567\ud800'), false);
});

test('createValidator runs these validators with the same answers', () => {
  const rules = [
    'isLuhnNumber',
    { validator: 'isCreditCard', args: [{ provider: 'visa' }] },
    { validator: 'isIMEI', args: [{ allow_hyphens: true }] },
    'isEAN',
    { validator: 'isISBN', args: [13] },
    { validator: 'isISSN', args: [{ require_hyphen: true }] },
    'isISIN',
  ];
  const set = bulwark.createValidator(rules);
  const good = [
    '79927398713',
    '4716461583322103',
    '35-209900-176148-1',
    '73513537',
    '9783836221191',
    '0378-5955',
    'US0378331005',
  ];
  assert.deepEqual(set.check(good), []);
  const bad = [
    '79927398710',
    '375556917985515',
    '352099001761481',
    '73513536',
    '3836221195',
    '03785955',
    'US0378331004',
  ];
  assert.deepEqual(set.check(bad), [0, 1, 2, 3, 4, 5, 6]);
});

test('express-validator chains have these validators, with validator.js call shapes', async () => {
  const BV = require('bulwark/express-validator');
  const req = {
    body: { card: '4716461583322103', amex: '4716461583322103', isbn: '3836221195', imei: '35-209900-176148-1' },
  };
  await BV.body('card').isCreditCard({ provider: 'visa' }).isLuhnNumber().run(req);
  await BV.body('amex').isCreditCard({ provider: 'amex' }).run(req);
  await BV.body('isbn').isISBN(13).run(req);
  await BV.body('imei').isIMEI({ allow_hyphens: true }).run(req);
  assert.deepEqual(
    BV.validationResult(req)
      .array()
      .map((e) => e.path),
    ['amex', 'isbn'],
  );
  assertCode(() => BV.body('x').isISBN(11), 'INVALID_OPTIONS');
});
