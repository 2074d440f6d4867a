'use strict';
// isIdentityCard against validator.js, per locale and for 'any': documented examples, then
// numbers with valid check digits made by this file's own generators (written from each
// scheme's published algorithm) and their near misses (a unit inserted, removed or
// replaced, case flipped, padding), every one compared with validator.js.
//
// validator.js refuses zh-CN birth dates after the process's local date; Bulwark after
// today's UTC date. This suite runs in UTC so that the two agree on every date.
process.env.TZ = 'UTC';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const validator = require('validator');
const { bulwark, fc, NON_STRINGS, assertCode, assertChainsAgree } = require('./helpers');
const { PATTERN_TRAPS, oneEdit } = require('./validators-gen');

const GENERATOR = path.join(__dirname, '..', 'scripts/gen-validator-tables.mjs');

const same = (args) => {
  const expected = validator.isIdentityCard(...args);
  const actual = bulwark.isIdentityCard(...args);
  assert.equal(actual, expected, `isIdentityCard(${args.map((a) => JSON.stringify(a)).join(', ')})`);
  return actual;
};

const digit = fc.integer({ min: 0, max: 9 });
const digits = (n) => fc.array(digit, { minLength: n, maxLength: n });
const pick = (chars) => fc.constantFrom(...chars);
const upper = pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const randomCase = (arb) =>
  fc
    .tuple(arb, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
    .map(([s, flips]) => [...s].map((c, i) => (flips[i % 20] ? c.toLowerCase() : c)).join(''));
const padded = (arb) =>
  fc
    .tuple(pick(['', ' ', '\t', '\u00a0', '\ufeff', '\n']), arb, pick(['', ' ', '\r\n', '\u3000']))
    .map(([a, s, b]) => a + s + b);
const weighted = (ds, weights) => ds.reduce((sum, d, i) => sum + d * weights[i], 0);
const mod = (a, n) => ((a % n) + n) % n;

/** Verhoeff: the check digit that makes `ds` + it valid (dihedral group D5). */
function verhoeffDigit(ds) {
  const mul = (j, k) =>
    j < 5 && k < 5 ? (j + k) % 5 : j < 5 ? 5 + ((j + k) % 5) : k < 5 ? 5 + ((j - k + 5) % 5) : (j - k + 5) % 5;
  const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
  const perm = (times, x) => {
    for (let t = 0; t < times; t += 1) x = P1[x];
    return x;
  };
  const valid = (all) => all.toReversed().reduce((c, x, i) => mul(c, perm(i % 8, x)), 0) === 0;
  for (let c = 0; c < 10; c += 1) if (valid([...ds, c])) return c;
  throw new Error('no Verhoeff digit');
}

const date = (minYear, maxYear) =>
  fc
    .tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')]);

/** Numbers each locale's scheme accepts (zh-CN: with `regions`, the codes validator.js lists). */
function validNumbers(regions) {
  const HK_CHECK = (letters, ds) => {
    const vals = letters.length === 1 ? [36] : [];
    for (const c of letters) vals.push(c.charCodeAt(0) - 55);
    const sum = weighted([...vals, ...ds], [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    return sum === 0 ? '0' : sum === 1 ? 'A' : String(11 - sum);
  };
  const TW = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
  const ES_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
  return {
    PL: digits(10).map((d) => d.join('') + ((10 - (weighted(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10)),
    ES: padded(
      randomCase(
        fc.tuple(pick('0123456789XYZ'), digits(7)).map(([f, d]) => {
          const n = Number(`${'XYZ'.includes(f) ? 'XYZ'.indexOf(f) : f}${d.join('')}`);
          return f + d.join('') + ES_LETTERS[n % 23];
        }),
      ),
    ),
    FI: fc.tuple(digits(6), pick('-+A'), digits(3)).map(([a, sign, b]) => {
      const n = Number(a.join('') + b.join(''));
      return a.join('') + sign + b.join('') + '0123456789ABCDEFHJKLMNPRSTUVWXY'[n % 31];
    }),
    IN: padded(
      fc.tuple(fc.integer({ min: 1, max: 9 }), digits(10), pick(['', ' ', '\u00a0', '\t'])).map(([f, d, sep]) => {
        const s = [f, ...d, verhoeffDigit([f, ...d])].join('');
        return sep === '' ? s : `${s.slice(0, 4)}${sep}${s.slice(4, 8)}${sep}${s.slice(8)}`;
      }),
    ),
    IR: digits(9).map((d) => {
      const sum = weighted(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
      return d.join('') + (sum < 2 ? sum : 11 - sum);
    }),
    IT: randomCase(fc.tuple(upper, digits(5), upper, upper).map(([a, d, b, c]) => `C${a}${d.join('')}${b}${c}`)),
    NO: padded(
      digits(9)
        .map((d) => {
          const k1 = (11 - (weighted(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11)) % 11;
          const k2 = (11 - (weighted([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
          return k1 < 10 && k2 < 10 ? d.join('') + k1 + k2 : null;
        })
        .filter((s) => s !== null),
    ),
    TH: fc.tuple(fc.integer({ min: 1, max: 8 }), digits(11)).map(([f, d]) => {
      const ds = [f, ...d];
      return ds.join('') + ((11 - (weighted(ds, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 10);
    }),
    LK: fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 9 }), digits(8), pick('vVxX')).map(([f, d, l]) => f + d.join('') + l),
      fc.tuple(fc.integer({ min: 1, max: 9 }), digits(11)).map(([f, d]) => f + d.join('')),
    ),
    'he-IL': padded(
      digits(8).map((d) => {
        const sum = d.reduce((s, x, i) => {
          const v = x * ((i % 2) + 1);
          return s + (v > 9 ? v - 9 : v);
        }, 0);
        // Position 8 has weight 1: the digit completes the sum to a multiple of 10.
        return d.join('') + ((10 - (sum % 10)) % 10);
      }),
    ),
    'ar-LY': padded(fc.tuple(pick('12'), digits(11)).map(([f, d]) => f + d.join(''))),
    'ar-TN': padded(digits(8).map((d) => d.join(''))),
    'zh-CN': fc.oneof(
      fc
        .tuple(pick(regions), digits(4), date(1900, 1999), digits(3))
        .map(([r, a, [y, m, d], b]) => `${r}${a.join('')}${y.slice(2)}${m}${d}${b.join('')}`),
      fc.tuple(pick(regions), digits(4), date(1000, 2099), digits(3), fc.boolean()).map(([r, a, [y, m, d], b, low]) => {
        const s = `${r}${a.join('')}${y}${m}${d}${b.join('')}`;
        const sum = weighted([...s].map(Number), [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
        const check = '10X98765432'[sum % 11];
        return s + (low ? check.toLowerCase() : check);
      }),
    ),
    'zh-HK': padded(
      randomCase(
        fc
          .tuple(fc.array(upper, { minLength: 1, maxLength: 2 }), digits(6), fc.integer({ min: 0, max: 2 }))
          .map(([letters, d, form]) => {
            const check = HK_CHECK(letters, d);
            const wrapped = form === 0 ? check : form === 1 ? `(${check})` : `[${check}]`;
            return letters.join('') + d.join('') + wrapped;
          }),
      ),
    ),
    'zh-TW': padded(
      randomCase(
        fc.tuple(fc.integer({ min: 0, max: 25 }), pick('12'), digits(7)).map(([li, g, d]) => {
          const code = 10 + li;
          const ds = [Number(g), ...d];
          const sum = (code % 10) * 9 + Math.floor(code / 10) + weighted(ds, [8, 7, 6, 5, 4, 3, 2, 1]);
          return TW[li] + ds.join('') + mod(10 - (sum % 10), 10);
        }),
      ),
    ),
    PK: padded(
      fc
        .tuple(fc.integer({ min: 1, max: 7 }), digits(4), digits(7), fc.integer({ min: 1, max: 9 }))
        .map(([f, a, b, c]) => `${f}${a.join('')}-${b.join('')}-${c}`),
    ),
  };
}

// Units that matter: digits, check letters and X/V, separators and brackets, and the shared
// traps (JS whitespace, letters whose upper case is ASCII, non-ASCII digits, astral).
const UNITS = [...'0123456789', ...'AXYZSVacxvs', ...'-+()[] .', ...PATTERN_TRAPS];

let generated;
async function generators() {
  if (generated === undefined) {
    const { tables } = (await import(pathToFileURL(GENERATOR).href)).extract();
    generated = { locales: tables.identityCard.map((e) => e.key), valid: validNumbers(tables.identityCardRegions) };
  }
  return generated;
}

test('documented examples, per locale', () => {
  const cases = {
    PL: [
      ['99012229019', '09210215408', '20010201219'],
      ['99012229018', '+9012229019', '9901222901'],
    ],
    ES: [
      ['99999999R', ' x1234567l ', 'Z1234567R', '00000015ſ'],
      ['99999999T', '99999999ſ', '12345678'],
    ],
    FI: [
      ['131052-308T', '131052A308T'],
      ['131052-308t', ' 131052-308T', '131052B308T'],
    ],
    IN: [
      ['298448863364', '2984 4886 3364'],
      ['2984  4886 3364', '098448863364', '298448863365'],
    ],
    IR: [
      ['0499370899', '0790419904'],
      ['0000000000', '0499370898', '049937089'],
    ],
    IT: [
      ['CR43675TM', 'ca00000aa'],
      ['CA00000AA', 'CR43675T', 'XR43675TM'],
    ],
    NO: [
      ['09053426694', ' 09053426694 '],
      ['09053426695', '00000000000', '0905342669x'],
    ],
    TH: [['1101230000001'], ['1101230000002', '9101230000001']],
    LK: [
      ['722222222v', '722222222X', '200193502527'],
      ['022222222v', '72222222v'],
    ],
    'he-IL': [
      ['219472156', ' 219472156'],
      ['219472157', '21947215'],
    ],
    'ar-LY': [
      ['119803455876', '219803455876'],
      ['319803455876', '11980345587'],
    ],
    'ar-TN': [
      ['09958092', ' 12345678 '],
      ['0995809', '099580921'],
    ],
    'zh-CN': [
      ['110101199003074477', '110101900307447', '110101202612069993'],
      ['11010119900307447x', '11010119900230447X', '100101900307447', '110101099003074477', '110101209912319991'],
    ],
    'zh-HK': [
      ['OV290326[A]', 'Q803337[0]', 'z0977986', 'ß123456(8)'],
      ['A1234567', 'OV290326(A]', 'OV290326[A]1'],
    ],
    'zh-TW': [
      ['B176944193', 'a123456789', ' A123456789 '],
      ['B176944194', 'A12345678', '1123456789'],
    ],
    PK: [
      ['45504-4185771-3', ' 35202-1234567-1'],
      ['85504-4185771-3', '45504-4185771-0', '4550441857713'],
    ],
  };
  for (const [locale, [valid, invalid]] of Object.entries(cases)) {
    for (const s of valid) {
      assert.equal(same([s, locale]), true, `${locale} ${JSON.stringify(s)}`);
      assert.equal(same([s, 'any']), true, `any ${JSON.stringify(s)}`);
      assert.equal(bulwark.isIdentityCard(s), true, `default 'any' ${JSON.stringify(s)}`);
    }
    for (const s of invalid) assert.equal(same([s, locale]), false, `${locale} ${JSON.stringify(s)}`);
  }
});

test('every locale of validator.js, and nothing else', async () => {
  const { locales } = await generators();
  assert.deepEqual(locales, [...require('../npm/bulwark/lib/validators/tables').TABLE_LOCALES.isIdentityCard]);
  for (const locale of locales) assert.equal(typeof bulwark.isIdentityCard('1', locale), 'boolean');
});

test('generated numbers with valid check digits, and their near misses', async () => {
  const { locales, valid } = await generators();
  assert.deepEqual(Object.keys(valid).sort(), [...locales].sort(), 'a generator per locale');
  let accepted = 0;
  for (const locale of locales) {
    fc.assert(
      fc.property(valid[locale], (s) => {
        if (same([s, locale])) accepted += 1;
        same([s, 'any']);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(oneEdit(valid[locale], UNITS, { swap: true }), (s) => {
        same([s, locale]);
        same([s, 'any']);
      }),
      { numRuns: 250 },
    );
    // Numbers of one locale checked as another.
    fc.assert(
      fc.property(valid[locale], pick(locales), (s, other) => {
        same([s, other]);
      }),
      { numRuns: 60 },
    );
  }
  // The generators make valid numbers (zh-CN's future birth dates and sign-less cases aside).
  assert.ok(accepted > locales.length * 150 * 0.8, `${accepted} of ${locales.length * 150} generated numbers valid`);
});

test('arbitrary strings', async () => {
  const { locales } = await generators();
  const s = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.array(pick(UNITS), { maxLength: 20 }).map((u) => u.join('')),
    fc.stringMatching(/^[0-9]{8,18}[0-9xXvV]?$/),
  );
  fc.assert(
    fc.property(s, pick([...locales, 'any']), (str, locale) => {
      same([str, locale]);
    }),
    { numRuns: 2000 },
  );
});

test('options: unknown locales and wrong types are INVALID_OPTIONS; no locale is any', () => {
  for (const locale of [
    'xx',
    'es',
    'zh-cn',
    'hk-HK',
    'BE',
    '',
    'toString',
    'constructor',
    '__proto__',
    null,
    5,
    ['ES'],
    {},
  ])
    assertCode(() => bulwark.isIdentityCard('99999999R', locale), 'INVALID_OPTIONS');
  assert.equal(bulwark.isIdentityCard('99999999R'), true);
  assert.equal(bulwark.isIdentityCard('99999999R', undefined), true);
  assert.equal(bulwark.isIdentityCard('nope'), false);
  for (const v of NON_STRINGS) {
    if (typeof v === 'object' && v instanceof String) continue;
    assert.throws(() => bulwark.isIdentityCard(v, 'ES'), TypeError);
  }
  assert.equal(bulwark.isIdentityCard(new String('99999999R'), 'ES'), true);
});

test('hostile inputs: huge, lone surrogates', () => {
  for (const s of ['1'.repeat(1 << 20), ` ${'9'.repeat(1 << 20)} `, 'ß'.repeat(1 << 19), `${'😀'.repeat(1 << 18)}1`]) {
    for (const locale of ['any', 'zh-HK', 'ES', 'IN']) assert.equal(bulwark.isIdentityCard(s, locale), false);
  }
  for (const s of ['\ud800', '99999999R\udc00', '1101011990\ud80003074477']) {
    for (const locale of ['any', 'ES', 'zh-CN']) assert.equal(same([s, locale]), false);
  }
});

test('createValidator and bulwark/express-validator chains', async () => {
  const v = bulwark.createValidator([
    { validator: 'isIdentityCard', args: ['ES'] },
    { validator: 'isIdentityCard', args: ['any'] },
    'isIdentityCard',
  ]);
  assert.deepEqual(v.check(['99999999R', 'B176944193', '110101199003074477']), []);
  assert.deepEqual(v.check(['99999999T', 'B176944194', 'x']), [0, 1, 2]);
  assertCode(() => bulwark.createValidator([{ validator: 'isIdentityCard', args: ['XX'] }]), 'INVALID_OPTIONS');

  const EV = require('express-validator');
  const BV = require('bulwark/express-validator');
  const chains = [
    [(c) => c.isIdentityCard('ES'), ['99999999R', '99999999T', ' x1234567l']],
    [(c) => c.isIdentityCard('zh-CN'), ['110101199003074477', '11010119900307447x']],
    [(c) => c.isIdentityCard('any'), ['B176944193', '09053426694', 'x']],
  ];
  await assertChainsAgree(EV, BV, chains);
  assertCode(() => BV.body('f').isIdentityCard('XX'), 'INVALID_OPTIONS');
});
