'use strict';
// The table-driven validators against validator.js: isISO31661Alpha2/Alpha3/Numeric,
// isISO4217, isISO15924, isISO6391, isMobilePhone, isPostalCode, isLicensePlate,
// isPassportNumber, isVAT, and the exported locale lists.
//
// The tables are generated from the installed package (scripts/gen-validator-tables.mjs);
// the first test re-runs the generator and fails when a committed table differs. Then, for
// every locale of every table: its documented shapes (strings generated from its own
// pattern), near misses (one unit inserted, removed or replaced), every ISO code in several
// cases, and hostile inputs, each compared with validator.js.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { execFileSync } = require('node:child_process');
const validator = require('validator');
const { bulwark, fc, NON_STRINGS, assertCode, assertChainsAgree } = require('./helpers');
const localeData = require('../npm/bulwark/lib/validators/locales');
const { PATTERN_TRAPS, oneEdit } = require('./validators-gen');

const ROOT = path.join(__dirname, '..');
const GENERATOR = path.join(ROOT, 'scripts/gen-validator-tables.mjs');

let extracted;
/** The generator's reading of validator.js (source, flags, look-around-free form per entry). */
async function tables() {
  if (extracted === undefined) extracted = (await import(pathToFileURL(GENERATOR).href)).extract();
  return extracted;
}

// Units that matter to the patterns: separators, letters and digits they name, and the
// shared traps (JS whitespace, letters whose upper case is ASCII, non-ASCII digits, astral).
const UNITS = [...'0123456789', ...'AEIOSZaeiosz', ...'+-. ()/#', '\r', 'Ö', 'ö', ...PATTERN_TRAPS];

/** Strings the entry's pattern matches, and near misses of them. */
function shapes(entry) {
  // fast-check cannot generate from an `i` pattern: generate without it, then mix case.
  const caseless = entry.flags.includes('i');
  const re = new RegExp(entry.linear ?? entry.source, entry.flags.replace(/[gi]/g, ''));
  let match = fc.stringMatching(re, { size: 'small' });
  if (caseless) {
    match = fc
      .tuple(match, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }))
      .map(([s, flips]) => [...s].map((c, i) => (flips[i % 16] ? c.toLowerCase() : c.toUpperCase())).join(''));
  }
  const unit = fc.constantFrom(...UNITS);
  return fc.oneof(
    match,
    oneEdit(match, UNITS),
    fc.array(unit, { maxLength: 16 }).map((u) => u.join('')),
  );
}

/** Runs `check` on generated shapes of every entry. */
function eachEntry(rows, runs, check) {
  for (const entry of rows) {
    if (entry.custom !== undefined) continue;
    fc.assert(
      fc.property(shapes(entry), (s) => check(entry.key, s)),
      { numRuns: runs },
    );
  }
}

const same = (name, args) => {
  const expected = validator[name](...args);
  const actual = bulwark[name](...args);
  assert.equal(actual, expected, `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
};

test('the committed tables are what the generator makes of the installed validator', () => {
  // Throws (exit status 1, the differing files on stderr) when a table is stale or edited.
  execFileSync(process.execPath, [GENERATOR, '--check'], { cwd: ROOT, stdio: 'pipe' });
});

test('the exported locale lists equal validator.js, frozen', () => {
  for (const name of [
    'isAlphaLocales',
    'isAlphanumericLocales',
    'isFloatLocales',
    'isMobilePhoneLocales',
    'isPostalCodeLocales',
    'passportNumberLocales',
  ]) {
    assert.deepEqual([...bulwark[name]], validator[name], name);
    assert.ok(Object.isFrozen(bulwark[name]), name);
  }
  // The JS fast paths' isAlpha / isAlphanumeric / decimal tables (generated from alpha.js)
  // hold these locales, in this order, with validator.js's patterns and separators.
  const alpha = require('validator/lib/alpha');
  for (const [mine, theirs, list] of [
    [localeData.ALPHA, alpha.alpha, validator.isAlphaLocales],
    [localeData.ALPHANUMERIC, alpha.alphanumeric, validator.isAlphanumericLocales],
  ]) {
    assert.deepEqual(Object.keys(mine), list);
    for (const locale of list) {
      assert.equal(mine[locale].source, theirs[locale].source, locale);
      assert.equal(mine[locale].flags, theirs[locale].flags, locale);
    }
  }
  assert.deepEqual({ ...localeData.DECIMAL }, { ...alpha.decimal });
  assert.deepEqual(Object.keys(localeData.DECIMAL).sort(), [...validator.isFloatLocales].sort());
  for (const locale of bulwark.isAlphaLocales) assert.equal(typeof bulwark.isAlpha('a', locale), 'boolean');
  for (const locale of bulwark.isAlphanumericLocales)
    assert.equal(typeof bulwark.isAlphanumeric('a', locale), 'boolean');
  for (const locale of bulwark.isFloatLocales) assert.equal(typeof bulwark.isFloat('1', { locale }), 'boolean');
  for (const locale of bulwark.isMobilePhoneLocales) assert.equal(typeof bulwark.isMobilePhone('1', locale), 'boolean');
  for (const locale of bulwark.isPostalCodeLocales) assert.equal(typeof bulwark.isPostalCode('1', locale), 'boolean');
  for (const c of bulwark.passportNumberLocales) assert.equal(typeof bulwark.isPassportNumber('1', c), 'boolean');
});

test('ISO code validators: every code in several cases, and near misses', async () => {
  const { codes } = await tables();
  const lists = {
    isISO31661Alpha2: codes.ISO31661_ALPHA2,
    isISO31661Alpha3: codes.ISO31661_ALPHA3,
    isISO31661Numeric: codes.ISO31661_NUMERIC,
    isISO4217: codes.ISO4217,
    isISO15924: codes.ISO15924,
    isISO6391: codes.ISO6391,
  };
  for (const [name, list] of Object.entries(lists)) {
    assert.ok(list.length > 150, name);
    for (const code of list) {
      for (const s of [
        code,
        code.toLowerCase(),
        code.toUpperCase(),
        ` ${code}`,
        `${code}\n`,
        code.slice(1),
        `${code}A`,
      ]) {
        same(name, [s]);
      }
    }
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'ABSIFaszi019', 'ß', 'ı', 'ſ', 'ﬀ', 'ǆ', 'İ', 'K'), { maxLength: 4 }),
        (u) => same(name, [u.join('')]),
      ),
      { numRuns: 400 },
    );
  }
  // Case mappings that reach ASCII: 'ß' is 'SS' (South Sudan), 'ﬀ' is 'FF' (no such code).
  assert.equal(bulwark.isISO31661Alpha2('ß'), true);
  assert.equal(bulwark.isISO31661Alpha2('ıt'), true);
});

test('isISO31661Alpha2 / Alpha3 userAssignedCodes', () => {
  const lists = [['XK'], ['xk', 'XAA', '1A', '', 'ß'], ['XXK', 'xk'], []];
  for (const userAssignedCodes of lists) {
    for (const s of ['XK', 'xk', 'XAA', 'xxk', 'XXK', '1A', 'FR', 'FRA', 'SS', 'ß']) {
      same('isISO31661Alpha2', [s, { userAssignedCodes }]);
      same('isISO31661Alpha3', [s, { userAssignedCodes }]);
    }
  }
  assertCode(() => bulwark.isISO31661Alpha2('XK', { userAssignedCodes: 'XK' }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isISO31661Alpha2('XK', { userAssignedCodes: [1] }), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isISO31661Alpha3('XK', { userAssigned: [] }), 'INVALID_OPTIONS');
});

test('isMobilePhone: every locale on generated numbers and near misses', async () => {
  const { tables: t } = await tables();
  assert.equal(t.mobilePhone.length, validator.isMobilePhoneLocales.length);
  eachEntry(t.mobilePhone, 40, (locale, s) => {
    same('isMobilePhone', [s, locale]);
    same('isMobilePhone', [s, locale, { strictMode: true }]);
  });
});

test("isMobilePhone: 'any', falsy locales, arrays and strictMode", async () => {
  const { tables: t } = await tables();
  const numbers = fc.oneof(...t.mobilePhone.map(shapes));
  const locales = validator.isMobilePhoneLocales;
  fc.assert(
    fc.property(
      numbers,
      fc.constantFrom(undefined, 'any', '', null, 0, false),
      fc.subarray(locales, { maxLength: 4 }),
      fc.boolean(),
      (s, falsy, list, strictMode) => {
        same('isMobilePhone', [s, falsy]);
        same('isMobilePhone', [s, falsy, { strictMode }]);
        same('isMobilePhone', [s, list]);
        same('isMobilePhone', [s, list, { strictMode }]);
      },
    ),
    { numRuns: 300 },
  );
  // el-GR's look-ahead, rewritten: 69 then any digit but 2 or 6.
  for (let d = 0; d <= 9; d += 1) same('isMobilePhone', [`69${d}1234567`, 'el-GR']);
  same('isMobilePhone', ['+4915123456789']);
  same('isMobilePhone', ['+4915123456789', 'de-DE', { strictMode: true }]);
  same('isMobilePhone', ['015123456789', 'de-DE', { strictMode: true }]);
  same('isMobilePhone', ['015123456789', [], {}]);
});

test('isPostalCode: every locale and any', async () => {
  const { tables: t } = await tables();
  eachEntry(t.postalCode, 60, (locale, s) => {
    same('isPostalCode', [s, locale]);
    same('isPostalCode', [s, 'any']);
  });
  // The look-around patterns, rewritten: NL's letters, IN's first digits, IR's repeats, IE's o.
  for (const [s, locale] of [
    ['1234 AB', 'NL'],
    ['1234 SA', 'NL'],
    ['1234sd', 'NL'],
    ['1234 Sz', 'NL'],
    ['110001', 'IN'],
    ['100001', 'IN'],
    ['290001', 'IN'],
    ['1111111111', 'IR'],
    ['1311111111', 'IR'],
    ['9999999999', 'IR'],
    ['A65 F4E2', 'IE'],
    ['A65 FOE2', 'IE'],
    ['o65 F4E2', 'IE'],
    ['A65\nFOE2', 'IE'],
    ['A65\u2028FoE2', 'IE'],
    ['A6w FAE2', 'IE'],
  ]) {
    same('isPostalCode', [s, locale]);
  }
});

test('isLicensePlate: every locale and any', async () => {
  const { tables: t } = await tables();
  eachEntry(t.licensePlate, 150, (locale, s) => {
    same('isLicensePlate', [s, locale]);
    same('isLicensePlate', [s, 'any']);
  });
  for (const [s, locale] of [
    ['ABC-123', 'fi-FI'],
    ['A-1', 'fi-FI'],
    ['AB 1', 'fi-FI'],
    ['A\n12', 'fi-FI'],
    ['ABC\n12', 'fi-FI'],
    ['123\u00a045', 'fi-FI'],
    ['AAA-123', 'hu-HU'],
    ['AAB-123', 'hu-HU'],
    ['ABA-123', 'hu-HU'],
    ['BAA-123', 'hu-HU'],
    ['ABC-000', 'hu-HU'],
    ['ABC-001', 'hu-HU'],
    ['ABC-100', 'hu-HU'],
    [' ABC 123 ', 'sv-SE'],
    ['\ufeffABC 12A\u2028', 'sv-SE'],
    [' LEB 1234 ', 'en-PK'],
  ]) {
    same('isLicensePlate', [s, locale]);
  }
});

test('isPassportNumber: every country, whitespace and case normalized', async () => {
  const { tables: t } = await tables();
  eachEntry(t.passportNumber, 60, (country, s) => {
    same('isPassportNumber', [s, country]);
    same('isPassportNumber', [s.toLowerCase(), country]);
    same('isPassportNumber', [` ${[...s].join('\u00a0')}\n`, country]);
  });
  for (const s of ['G12345678', 'EI1234567', 'EO1234567', 'EA1234567', 'e01234567', 'ﬀ1234567']) {
    same('isPassportNumber', [s, 'CN']);
  }
});

test('isVAT: every country, with the AU, CH and PT checksums', async () => {
  const { tables: t } = await tables();
  eachEntry(t.vat, 60, (country, s) => same('isVAT', [s, country]));
  const digits = (n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  fc.assert(
    fc.property(digits(11), digits(9), fc.boolean(), fc.integer({ min: 0, max: 3 }), (d11, d9, prefix, form) => {
      same('isVAT', [(prefix ? 'AU' : '') + d11, 'AU']);
      same('isVAT', [(prefix ? 'PT' : '') + d9, 'PT']);
      const ch = [
        d9,
        `${d9.slice(0, 3)}.${d9.slice(3, 6)}.${d9.slice(6)}`,
        `${d9.slice(0, 3)} ${d9.slice(3, 6)} ${d9.slice(6)}`,
      ][form % 3];
      same('isVAT', [`${prefix ? 'CHE-' : ''}${ch}${form === 3 ? ' MWST' : ''}`, 'CH']);
    }),
    { numRuns: 2000 },
  );
  for (const [s, c] of [
    ['51824753556', 'AU'],
    ['01824753556', 'AU'],
    ['AU00000000000', 'AU'],
    ['CHE-116.281.710 MWST', 'CH'],
    ['CHE-116.281.710MWST', 'CH'],
    ['116.281.710 TVA', 'CH'],
    ['PT501964843', 'PT'],
    ['PT000000000', 'PT'],
    ['', 'HN'],
    ['PA', 'PA'],
    ['УНП 123456789', 'BY'],
  ]) {
    same('isVAT', [s, c]);
  }
});

test('unknown locales and wrong types are refused', () => {
  for (const [name, args] of [
    ['isMobilePhone', ['1', 'xx-XX']],
    ['isMobilePhone', ['1', ['de-DE', 'xx']]],
    ['isMobilePhone', ['1', 5]],
    ['isMobilePhone', ['1', [5]]],
    ['isMobilePhone', ['1', 'de-DE', { strictMode: 'yes' }]],
    ['isMobilePhone', ['1', 'de-DE', { strict: true }]],
    ['isMobilePhone', ['1', 'toString']],
    ['isPostalCode', ['1', 'XX']],
    ['isPostalCode', ['1']],
    ['isPostalCode', ['1', 'hasOwnProperty']],
    ['isLicensePlate', ['1', 'de']],
    ['isLicensePlate', ['1']],
    ['isPassportNumber', ['1', 'us']],
    ['isPassportNumber', ['1', 'XX']],
    ['isPassportNumber', ['1']],
    ['isVAT', ['1', 'de']],
    ['isVAT', ['1', '__proto__']],
    ['isVAT', ['1', 5]],
  ]) {
    assertCode(() => bulwark[name](...args), 'INVALID_OPTIONS');
  }
  for (const name of ['isMobilePhone', 'isPostalCode', 'isISO4217', 'isISO31661Alpha2', 'isVAT']) {
    for (const v of NON_STRINGS) {
      if (typeof v === 'object' && v instanceof String) continue;
      assert.throws(() => bulwark[name](v, name === 'isVAT' ? 'DE' : 'any'), TypeError, name);
    }
  }
});

test('hostile inputs: huge, lone surrogates, every table entry', () => {
  const big = ['1'.repeat(1 << 20), `+${'9'.repeat(1 << 20)}`, 'A'.repeat(1 << 20), `${'😀'.repeat(1 << 18)}1`];
  for (const s of big) {
    assert.equal(bulwark.isMobilePhone(s), false);
    assert.equal(bulwark.isPostalCode(s, 'any'), false);
    assert.equal(bulwark.isLicensePlate(s, 'any'), false);
    assert.equal(bulwark.isPassportNumber(s, 'US'), false);
    assert.equal(bulwark.isVAT(s, 'CH'), false);
    assert.equal(bulwark.isISO4217(s), false);
    assert.equal(bulwark.isISO31661Alpha2(s), false);
  }
  // A lone surrogate is never checked in a replaced form: false (validator.js: false too).
  for (const s of ['\ud800', '0612345678\udc00', '1011\ud8005']) {
    for (const [name, arg] of [
      ['isMobilePhone', 'any'],
      ['isPostalCode', 'any'],
      ['isLicensePlate', 'any'],
      ['isISO4217', undefined],
    ]) {
      assert.equal(bulwark[name](s, arg), false);
      assert.equal(validator[name](s, arg), false);
    }
  }
});

test('createValidator takes the new validators with their call shapes', () => {
  const v = bulwark.createValidator([
    { validator: 'isMobilePhone', args: ['de-DE', { strictMode: true }] },
    { validator: 'isPostalCode', args: ['DE'] },
    { validator: 'isVAT', args: ['PT'] },
    { validator: 'isISO31661Alpha2', args: [{ userAssignedCodes: ['XK'] }] },
    'isISO4217',
  ]);
  assert.deepEqual(v.check(['+4915123456789', '10115', 'PT501964843', 'xk', 'eur']), []);
  assert.deepEqual(v.check(['015123456789', '1011', 'PT501964842', 'xx', 'euro']), [0, 1, 2, 3, 4]);
});

test('bulwark/express-validator chains answer as express-validator 7', async () => {
  const EV = require('express-validator');
  const BV = require('bulwark/express-validator');
  const chains = [
    [(c) => c.isMobilePhone('de-DE'), ['+4915123456789', '015123456789', '0612345678', 'x']],
    [
      (c) => c.isMobilePhone(['de-DE', 'fr-FR'], { strictMode: true }),
      ['+4915123456789', '0612345678', '+33612345678'],
    ],
    [(c) => c.isMobilePhone('any'), ['+14155552671', '12']],
    [(c) => c.isPostalCode('US'), ['12345', '12345-6789', '1234']],
    [(c) => c.isPostalCode('any'), ['10115', 'SW1A 1AA', '?']],
    [(c) => c.isLicensePlate('de-DE'), ['B-AB 123', 'nope']],
    [(c) => c.isPassportNumber('US'), ['123456789', 'a12345678', '1']],
    [(c) => c.isVAT('PT'), ['PT501964843', 'PT501964842']],
    [(c) => c.isISO31661Alpha2(), ['FR', 'fr', 'XK']],
    [(c) => c.isISO31661Alpha3(), ['FRA', 'FR']],
    [(c) => c.isISO31661Numeric(), ['250', '25']],
    [(c) => c.isISO4217(), ['eur', 'EURO']],
    [(c) => c.isISO15924(), ['Latn', 'latn']],
    [(c) => c.isISO6391(), ['fr', 'FR']],
  ];
  await assertChainsAgree(EV, BV, chains);
  assertCode(() => BV.body('f').isPostalCode('XX'), 'INVALID_OPTIONS');
});
