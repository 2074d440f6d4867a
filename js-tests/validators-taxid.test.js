'use strict';
// isTaxID (validator.js 13.15) against validator.js, for every locale: the published
// examples of each algorithm (valid and invalid, asserted outright), then generated numbers
// of each locale's shape (dates of birth near and off the calendar, the separators each
// format allows) completed with every candidate check character, so that the valid number
// is among them, plus near misses; then the year-dependent readings under a moved clock,
// the locale policy, wrong types and 1 MB inputs.
const test = require('node:test');
const assert = require('node:assert/strict');
const { bulwark, fc, agree, differential, validator, mutated } = require('./validators-gen');
const { NON_STRINGS, assertCode } = require('./helpers');
const { TABLE_LOCALES } = require('../npm/bulwark/lib/validators/tables');

const LOCALES = [...TABLE_LOCALES.isTaxID];

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (min, max = min) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));
const two = (min, max) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const of = (chars) => fc.constantFrom(...chars);
const cat = (...parts) => fc.tuple(...parts).map((p) => p.join(''));
/** Two digits, mostly in [min, max] (+ each offset), sometimes anything. */
const near = (min, max, offsets = [0]) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(two(min, max), of(offsets)).map(([v, o]) => String(Number(v) + o).padStart(2, '0')),
    },
    { weight: 1, arbitrary: two(0, 99) },
  );
const month = (offsets) => near(1, 12, offsets);
const day = (offsets) => near(1, 31, offsets);
const yy = two(0, 99);
const sep = (chars) => fc.oneof(fc.constant(''), of(chars));

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const pairs = (a, b) => [...a].flatMap((x) => [...b].map((y) => x + y));

/**
 * Per locale: bodies of its shape and the completions tried on each (every check character
 * the format allows, so the valid one is among them).
 */
const SHAPES = {
  'bg-BG': [cat(yy, month([0, 20, 40]), day(), digits(3)), DIGITS],
  'cs-CZ': [cat(yy, month([0, 20, 50, 70]), day(), sep('/'), digits(3)), ['', ...DIGITS]],
  'de-AT': [cat(digits(2), sep('-/'), digits(3), sep('-#'), digits(3)), DIGITS],
  'de-DE': [
    fc
      .tuple(
        fc.shuffledSubarray([...DIGITS], { minLength: 10, maxLength: 10 }),
        fc.nat(9),
        fc.nat(9),
        fc.nat(9),
        fc.boolean(),
      )
      .map(([p, a, b, c, three]) => {
        p[a] = p[b];
        if (three) p[c] = p[b];
        return p.join('');
      }),
    DIGITS,
  ],
  'dk-DK': [cat(day(), month(), yy, sep('-'), digit, digits(2)), DIGITS],
  'el-CY': [cat(of('09'), digits(7)), UPPER],
  'el-GR': [cat(of('01234789'), digits(7)), DIGITS],
  'en-CA': [digits(8), DIGITS],
  'en-GB': [
    fc.oneof(cat(of('ABDFGINOTZabgnoz'), of('ABDFKNOQTZabkoz'), digits(6)), digits(9)),
    ['A', 'B', 'D', ' ', 'a', '0'],
  ],
  'en-IE': [cat(digits(7), of('ABCTWXabtw')), ['', 'A', 'H', 'W', 'J', 'a', 'w']],
  'en-US': [cat(two(0, 99), sep('- '), digits(7)), ['']],
  'es-AR': [cat(of(['20', '23', '24', '27', '30', '33', '34', '21']), digits(8)), DIGITS],
  'es-ES': [fc.oneof(digits(0, 8), cat(of('XYZKLMxyz'), digits(7))), 'TRWAGMYFPDXBNJZSQVHLCKEtrw'],
  'et-EE': [cat(of('123456'), yy, month(), day(), digits(3)), DIGITS],
  'fi-FI': [cat(day(), month(), yy, of('-+Aa'), digits(3)), '0123456789ABCDEFHJKLMNPRSTUVWXYabcy'],
  'fr-BE': [
    cat(yy, fc.oneof(month(), fc.constant('00')), fc.oneof(day(), fc.constant('00')), digits(3)),
    pairs(DIGITS, DIGITS),
  ],
  'fr-FR': [
    fc.tuple(of('0123'), digits(9), fc.boolean()).map(([a, b, spaced]) => {
      const head = a + b;
      const check = String(Number(head) % 511).padStart(3, '0');
      const all = head + check;
      return spaced
        ? `${all.slice(0, 2)} ${all.slice(2, 4)} ${all.slice(4, 7)} ${all.slice(7, 10)} ${all.slice(10)}`
        : all;
    }),
    [''],
  ],
  'fr-LU': [cat(two(18, 20), yy, month(), day(), digits(3)), pairs(DIGITS, DIGITS)],
  'hr-HR': [digits(10), DIGITS],
  'hu-HU': [cat(of('89'), digits(8)), DIGITS],
  'it-IT': [
    cat(
      of(['RSS', 'MRA', 'BNC', 'XXX', 'AEI', 'AXX', 'RAX', 'UAE', 'CNN', 'MRX', 'AXA']),
      of(['MRA', 'DLL', 'SUA', 'XXX', 'BNN', 'EAX', 'IXC', 'LXI']),
      fc.tuple(digits(2), fc.boolean()).map(([d, omo]) => (omo ? [...d].map((c) => 'LMNPQRSTUV'[c]).join('') : d)),
      of('ABCDEHLMPRSTabc'),
      fc.oneof(day(), day([40])),
      of('ABFHLMZz'),
      digits(3),
    ),
    UPPER,
  ],
  'lv-LV': [
    fc.oneof(cat(day(), month([0]), yy, sep('-'), of('0122'), digits(3)), cat(fc.constant('32'), digits(8))),
    DIGITS,
  ],
  'mt-MT': [fc.oneof(cat(digits(3, 7), of('APMGLHBZapz')), cat(of('12345678'), of('12345678'), digits(7))), ['']],
  'nl-NL': [digits(8), DIGITS],
  'pl-PL': [fc.oneof(digits(9), cat(yy, month([0, 20, 40, 60, 80]), day(), digits(4))), DIGITS],
  'pt-BR': [
    fc.oneof(
      digits(9),
      fc.constantFrom('11111111', '22222222').map((s) => `${s}2`),
      digits(9).map((s) => `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6)}-`),
      fc.array(of(`${DIGITS}${UPPER}abz`), { minLength: 12, maxLength: 12 }).map((a) => a.join('')),
    ),
    pairs(DIGITS, DIGITS),
  ],
  'pt-PT': [digits(8), DIGITS],
  'ro-RO': [fc.oneof(cat(digit, yy, month(), day(), digits(5)), cat(fc.constant('9000'), digits(8))), DIGITS],
  'sk-SK': [cat(fc.oneof(two(0, 53), yy), month([0, 50]), day(), sep('/'), digits(3)), ['', ...DIGITS]],
  'sl-SI': [cat(of('123456789'), digits(6)), DIGITS],
  'sv-SE': [
    cat(fc.oneof(fc.constant(''), of(['18', '19', '20'])), yy, month(), day([0, 60]), sep('-+'), digits(3)),
    DIGITS,
  ],
  'uk-UA': [digits(9), DIGITS],
};
SHAPES['fr-CA'] = SHAPES['en-CA'];
SHAPES['lb-LU'] = SHAPES['fr-LU'];
SHAPES['lt-LT'] = SHAPES['et-EE'];
SHAPES['nl-BE'] = SHAPES['fr-BE'];

// Characters near misses use: digits, letters, the separators some formats take or strip.
const MISS_ALPHABET = `${DIGITS}AWXaw-/+ .#`;

test('every locale of validator.js has a generator, and only those', () => {
  assert.deepEqual(Object.keys(SHAPES).sort(), [...LOCALES].sort());
});

// Published examples: DG TAXUD's "TIN algorithms" specimens and the national sources
// validator.js cites; each agrees with validator.js and with the answer stated here.
const EXAMPLES = {
  'bg-BG': [
    ['7501020018', true],
    ['7552010005', true],
    ['7501020019', false],
    ['7553010005', false],
  ],
  'cs-CZ': [
    ['530527/001', true],
    ['7103192745', true],
    ['7103192746', false],
    ['540527001', false],
  ],
  'de-AT': [
    ['931736581', true],
    ['93-173/6581', true],
    ['931736582', false],
  ],
  'de-DE': [
    ['26954371827', true],
    ['86095742719', true],
    ['65929970489', true],
    ['26954371828', false],
    ['11111111110', false],
  ],
  'dk-DK': [
    ['010111-1113', true],
    ['0101110117', true],
    ['0101110118', false],
  ],
  'el-CY': [
    ['00123123T', true],
    ['00123123A', false],
    ['00123123t', false],
  ],
  'el-GR': [
    ['758426713', true],
    ['758426714', false],
    ['558426713', false],
  ],
  'en-CA': [
    ['046454286', true],
    ['046454287', false],
  ],
  'en-GB': [
    ['1234567890', true],
    ['AB123456C', true],
    ['ab123456 ', true],
    ['GB123456A', false],
    ['AO123456A', false],
  ],
  'en-IE': [
    ['1234567T', true],
    ['1234567TW', true],
    ['1234577W', true],
    ['1234567FA', true],
    ['1234567U', false],
  ],
  'en-US': [
    ['01-1234567', true],
    ['011234567', true],
    ['01 1234567', true],
    ['07-1234567', false],
    ['28-1234567', false],
  ],
  'es-AR': [
    ['20271633638', true],
    ['23274986069', true],
    ['20271633639', false],
    ['x20271633638', false],
  ],
  'es-ES': [
    ['00054237A', true],
    ['54237A', true],
    ['X1234567L', true],
    ['Y1234567X', true],
    ['Z1234567R', true],
    ['54237B', false],
  ],
  'et-EE': [
    ['37605030299', true],
    ['37605030298', false],
    ['37613030299', false],
  ],
  'fi-FI': [
    ['131052-308T', true],
    ['131052A308T', true],
    ['131052-308t', false],
    ['131052-308U', false],
  ],
  'fr-BE': [
    ['00012511119', true],
    ['00012511118', false],
  ],
  'fr-FR': [
    ['30 23 217 600 053', true],
    ['3023217600053', true],
    ['3023217600054', false],
  ],
  'fr-LU': [
    ['1893120105732', true],
    ['1893120105733', false],
  ],
  'hr-HR': [
    ['94577403194', true],
    ['94577403195', false],
  ],
  'hu-HU': [
    ['8071592153', true],
    ['8071592154', false],
  ],
  'it-IT': [
    ['CNNBNN77A13F205Y', true],
    ['cnnbnn77a13f205y', true],
    ['CNNBNN77A13F205N', false],
    ['CNNBNN77A33F205Y', false],
  ],
  'lv-LV': [
    ['01011012344', true],
    ['010110-12344', true],
    ['32579461005', true],
    ['01011012345', false],
  ],
  'mt-MT': [
    ['1234567A', true],
    ['882345608', true],
    ['1234560A', false],
  ],
  'nl-NL': [
    ['174559434', true],
    ['174559435', false],
  ],
  'pl-PL': [
    ['2234567895', true],
    ['02070803628', true],
    ['2234567896', false],
    ['02870803620', false],
  ],
  'pt-BR': [
    ['35161990910', true],
    ['351.619.909-10', true],
    ['14572457000185', true],
    ['12ABC34501DE35', true],
    ['11111111111', false],
    ['12ABC34501DE36', false],
  ],
  'pt-PT': [
    ['299999998', true],
    ['299999997', false],
  ],
  'ro-RO': [
    ['1800101221144', true],
    ['9000123456789', true],
    ['1850101001114', false],
  ],
  'sk-SK': [
    ['530527001', true],
    ['5305271234', true],
    ['530527000', false],
  ],
  'sl-SI': [
    ['15012557', true],
    ['15012558', false],
  ],
  'sv-SE': [
    ['640823-3234', true],
    ['6408233234', true],
    ['640883-3231', true],
    ['640823-3235', false],
  ],
  'uk-UA': [
    ['3006321856', true],
    ['3006321857', false],
  ],
};

test('published examples, valid and invalid, per locale', () => {
  for (const [locale, rows] of Object.entries(EXAMPLES)) {
    for (const [s, ok] of rows) {
      assert.equal(validator.isTaxID(s, locale), ok, `validator ${locale} ${s}`);
      assert.equal(bulwark.isTaxID(s, locale), ok, `${locale} ${s}`);
    }
  }
  assert.equal(bulwark.isTaxID('01-1234567'), true, 'en-US by default');
  assert.equal(bulwark.isTaxID('01-1234567', undefined), true);
});

for (const locale of LOCALES) {
  test(`${locale}: generated numbers, every completion, and near misses agree with validator.js`, () => {
    const [body, tails] = SHAPES[locale];
    let valid = 0;
    fc.assert(
      fc.property(body, (b) => {
        const full = [];
        for (const t of tails) {
          const s = b + t;
          agree('isTaxID', s, [locale]);
          if (validator.isTaxID(s, locale)) full.push(s);
        }
        valid += full.length;
        if (full.length > 0) {
          fc.assert(
            fc.property(mutated(full, MISS_ALPHABET), (m) => agree('isTaxID', m, [locale])),
            { numRuns: 10 },
          );
        }
      }),
      { numRuns: 150 },
    );
    // The generators reach valid numbers (en-GB, en-US, mt-MT and fr-FR are mostly valid).
    assert.ok(valid > 0, `${locale}: no valid number generated`);
  });
}

// Strings over each format's characters with the usual traps (case-folding letters such as
// 'ſ' and the Kelvin sign, JS-only spaces, non-ASCII digits, lone surrogates), and mutations
// of the locale's valid examples.
const ALPHABET = `${DIGITS}${UPPER}abcdeilmnostwxyz-+/ .\\#!()=[]^`;
for (const locale of LOCALES) {
  test(`${locale}: strings over the format's characters agree with validator.js`, () => {
    const own =
      EXAMPLES[locale] || EXAMPLES[{ 'fr-CA': 'en-CA', 'lb-LU': 'fr-LU', 'lt-LT': 'et-EE', 'nl-BE': 'fr-BE' }[locale]];
    differential('isTaxID', {
      examples: own.map(([s]) => s),
      alphabet: ALPHABET,
      args: fc.constant([locale]),
      maxLength: 20,
      runs: 400,
    });
  });
}

/** Runs `fn` with the clock at `iso` (local time), for validator.js and Bulwark alike. */
function atTime(iso, fn) {
  const RealDate = Date;
  const fixed = new RealDate(iso).getTime();
  class FakeDate extends RealDate {
    constructor(...args) {
      super(...(args.length === 0 ? [fixed] : args));
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = FakeDate;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

test('two-digit years and the sv-SE century signs follow the local clock, as validator.js', () => {
  const cases = [
    ['sv-SE', '270823+3230'],
    ['sv-SE', '270823-3230'],
    ['sv-SE', '260823+3231'],
    ['sv-SE', '000229-3237'],
    ['fr-BE', '00022912303'],
    ['it-IT', 'RSSMRA00B69H501V'],
    ['ro-RO', '7000229123455'],
  ];
  // Complete each case's check character under the real clock, then move the clock.
  const complete = ([locale, s]) => {
    const stem = s.slice(0, -1);
    for (const c of locale === 'it-IT' ? UPPER : DIGITS)
      if (validator.isTaxID(stem + c, locale)) return [locale, stem + c];
    return [locale, s];
  };
  const completed = cases.map(complete);
  for (const when of [
    '2026-06-01T12:00:00',
    '2027-01-01T00:00:01',
    '2099-12-31T23:59:59',
    '2100-03-01T12:00:00',
    '2126-06-01T12:00:00',
  ]) {
    atTime(when, () => {
      for (const [locale, s] of [...cases, ...completed]) {
        assert.equal(bulwark.isTaxID(s, locale), validator.isTaxID(s, locale), `${when} ${locale} ${s}`);
      }
    });
  }
  // The sv-SE '+' sign needs 100 years: 1927 is 99 years before 2026, 100 before 2027.
  const plus = '270823+3230';
  assert.equal(
    atTime('2026-06-01T12:00:00', () => bulwark.isTaxID(plus, 'sv-SE')),
    false,
  );
  assert.equal(
    atTime('2027-06-01T12:00:00', () => bulwark.isTaxID(plus, 'sv-SE')),
    true,
  );
});

test('locales: unknown ones and non-strings are INVALID_OPTIONS (validator.js throws Error or TypeError)', () => {
  for (const locale of ['xx-XX', '', 'en', 'EN-US', 'toString', '__proto__', 'constructor', 'any']) {
    assert.throws(() => validator.isTaxID('1', locale));
    assertCode(() => bulwark.isTaxID('1', locale), 'INVALID_OPTIONS');
  }
  for (const locale of [null, 5, {}, true]) {
    assert.throws(() => validator.isTaxID('1', locale));
    assertCode(() => bulwark.isTaxID('1', locale), 'INVALID_OPTIONS');
  }
  // validator.js reads a locale with `in`, so a one-element array passes as its string:
  // refused here, as every non-string locale (docs/validators.md).
  assert.equal(validator.isTaxID('01-1234567', ['en-US']), true);
  assertCode(() => bulwark.isTaxID('01-1234567', ['en-US']), 'INVALID_OPTIONS');
  assert.equal(LOCALES.length, 36);
  for (const alias of ['fr-CA', 'lb-LU', 'lt-LT', 'nl-BE']) assert.ok(LOCALES.includes(alias), alias);
  assert.equal(Object.hasOwn(bulwark, 'isTaxIDLocales'), Object.hasOwn(validator, 'isTaxIDLocales'));
});

test('wrong input types throw TypeError, as validator.js', () => {
  for (const v of NON_STRINGS) {
    if (v instanceof String) continue;
    assert.throws(() => bulwark.isTaxID(v, 'de-DE'), TypeError);
  }
  assert.equal(bulwark.isTaxID(new String('65929970489'), 'de-DE'), validator.isTaxID('65929970489', 'de-DE'));
});

test('lone surrogates and 1 MB inputs answer false, fast', () => {
  for (const locale of LOCALES) {
    for (const s of [
      '\ud800',
      '2027163363\ud800',
      '\ud80020271633638',
      '1'.repeat(1 << 20),
      `${'-'.repeat(1 << 20)}931736581`,
    ]) {
      const theirs = s.length > 1000 ? null : validator.isTaxID(s, locale);
      const ours = bulwark.isTaxID(s, locale);
      if (theirs !== null) assert.equal(ours, theirs, `${locale} ${JSON.stringify(s.slice(0, 20))}`);
    }
  }
  assert.equal(bulwark.isTaxID(`${'-'.repeat(1 << 20)}931736581`, 'de-AT'), true, 'symbols are stripped first');
  assert.equal(bulwark.isTaxID(`${'1'.repeat(1 << 20)}20271633638`, 'es-AR'), false, 'es-AR: only 11 units pass');
});

test('createValidator and rule sets take isTaxID with its locale', () => {
  const v = bulwark.createValidator([{ validator: 'isTaxID', args: ['de-DE'] }, 'isTaxID']);
  assert.deepEqual(v.check(['65929970489', '01-1234567']), []);
  assert.deepEqual(v.check(['65929970488', '07-1234567']), [0, 1]);
  assertCode(() => bulwark.createValidator([{ validator: 'isTaxID', args: ['xx'] }]), 'INVALID_OPTIONS');
});

test('express-validator chain isTaxID(locale) answers as express-validator', async () => {
  const EV = require('express-validator');
  const BV = require('bulwark/express-validator');
  const body = { a: '65929970489', b: '65929970488', c: '01-1234567', d: '07-1234567' };
  const run = async (lib) => {
    const req = { body: { ...body } };
    await lib.body('a').isTaxID('de-DE').run(req);
    await lib.body('b').isTaxID('de-DE').run(req);
    await lib.body('c').isTaxID().run(req);
    await lib.body('d').isTaxID().run(req);
    return lib
      .validationResult(req)
      .array()
      .map((e) => e.path);
  };
  assert.deepEqual(await run(BV), await run(EV));
  assert.deepEqual(await run(BV), ['b', 'd']);
  assertCode(() => BV.body('a').isTaxID('xx-XX'), 'INVALID_OPTIONS');
});
