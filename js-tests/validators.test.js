'use strict';
// Validators: argument types, option checking (prototype pollution included), lone
// surrogates, the createValidator batch entry point, and 1 MB adversarial inputs.
// Differential suites: validators-email, validators-formats, validators-fastpath,
// validators-locales.
const test = require('node:test');
const assert = require('node:assert/strict');
const { bulwark, fc, agree, validator, stringFrom } = require('./validators-gen');
const { SPECS } = require('./validators-specs');
const { assertCode, NON_STRINGS } = require('./helpers');
const { MAX_LENGTH } = require('../npm/bulwark/lib/validators/fast');

const NAMES = [
  'isEmail',
  'isURL',
  'isFQDN',
  'isIP',
  'isIPRange',
  'isUUID',
  'isInt',
  'isFloat',
  'isNumeric',
  'isDecimal',
  'isAlpha',
  'isAlphanumeric',
  'isHexadecimal',
  'isBase64',
  'isJWT',
  'isISO8601',
  'isPort',
  'isSlug',
  'isMongoId',
  'isLength',
  'isByteLength',
  'isStrongPassword',
  'isJSON',
  'isBoolean',
  'isMimeType',
  'isSemVer',
  'isIn',
  'matches',
];
/** A valid second argument for the validators that need one. */
const SECOND = { isIn: ['a'], matches: 'a' };

test('every validator is exported, also from the ESM entry', async () => {
  const esm = await import('bulwark');
  for (const name of [...NAMES, 'createValidator']) {
    assert.equal(typeof bulwark[name], 'function', name);
    assert.equal(esm[name], bulwark[name], `ESM ${name}`);
  }
});

test('non-strings throw TypeError, as in validator.js; String objects are accepted', () => {
  for (const name of NAMES) {
    for (const value of NON_STRINGS.filter((v) => !(v instanceof String))) {
      assert.throws(() => bulwark[name](value, SECOND[name]), TypeError, `${name}(${String(value)})`);
      assert.throws(() => validator[name](value, SECOND[name]), TypeError, `validator.${name} agrees`);
    }
    // validator.js's isIn compares the String object itself (never equal); Bulwark, as
    // everywhere, compares its value.
    if (name !== 'isIn')
      assert.equal(bulwark[name](new String('a'), SECOND[name]), validator[name](new String('a'), SECOND[name]), name);
  }
});

test('unknown options and wrong option types are INVALID_OPTIONS', () => {
  const cases = [
    ['isEmail', [{ allow_display_nam: true }]],
    ['isEmail', [{ allow_display_name: 'yes' }]],
    ['isEmail', [{ host_blacklist: 'evil.com' }]],
    ['isEmail', [{ host_blacklist: [/(?=a)/] }]],
    ['isEmail', [{ blacklisted_chars: '\\' }]],
    ['isURL', [{ protocols: 'http' }]],
    ['isURL', [{ max_allowed_length: '10' }]],
    ['isURL', [{ max_allowed_length: Infinity }]],
    ['isIP', [5]],
    ['isIP', [{ version: 5 }]],
    ['isUUID', [9]],
    ['isUUID', ['v4']],
    ['isInt', [{ min: '1' }]],
    ['isFloat', [{ locale: 'xx' }]],
    ['isDecimal', [{ decimal_digits: '1}|.*{' }]],
    ['isDecimal', [{ locale: 'xx-XX' }]],
    ['isAlpha', ['xx-XX']],
    ['isAlpha', ['en-US', { ignore: 5 }]],
    ['isAlpha', ['en-US', { ignore: /a/y }]],
    ['isLength', [{ min: '3' }]],
    ['isLength', [{ discreteLengths: [1, '2'] }]],
    ['isStrongPassword', [{ minLength: NaN }]],
    ['isJSON', [{ allow_primitives: 1 }]],
    ['isBoolean', [{ loose: 'true' }]],
    ['matches', ['(a)\\1']],
    ['matches', ['(?=a)b']],
    ['matches', ['(?<!a)b']],
    ['matches', ['a', 'x']],
    ['matches', ['[b-a]']],
  ];
  for (const [name, args] of cases) assertCode(() => bulwark[name]('abc', ...args), 'INVALID_OPTIONS');
  assert.throws(() => bulwark.isEmail('a@b.com', 'nope'), TypeError);
  assert.throws(() => bulwark.isIn('a', 'abc'), TypeError);
  assert.throws(() => bulwark.matches('a', 5), TypeError);
  assertCode(() => bulwark.matches('a', '\ud800'), 'INVALID_OPTIONS');
  assertCode(() => bulwark.isEmail('a@b.com', { host_whitelist: ['b\ud800.com'] }), 'INVALID_OPTIONS');
  assert.equal(bulwark.isIn('a', ['\ud800', 'a']), true);
});

test('a polluted Object.prototype changes no result (validator.js reads inherited options)', () => {
  const keys = {
    allow_display_name: true,
    require_tld: false,
    allow_underscores: true,
    allow_protocol_relative_urls: true,
    loose: true,
    allow_primitives: true,
    allow_leading_zeroes: false,
    min: 5,
    max: 1,
    urlSafe: true,
    strict: true,
    no_symbols: true,
    returnScore: true,
    minLength: 100,
    version: 6,
    locale: 'de-DE',
    ignore: ' ',
    require_valid_protocol: false,
    allow_ip_domain: true,
    lt: 0,
    gt: 1e9,
    padding: true,
    force_decimal: true,
    decimal_digits: '5',
    allow_any_value: true,
  };
  const inputs = [
    ['isEmail', 'Name <a@b.com>'],
    ['isEmail', 'a@b_c.com'],
    ['isURL', '//example.com'],
    ['isURL', 'http://localhost/'],
    ['isBoolean', 'YES'],
    ['isJSON', 'true'],
    ['isInt', '007'],
    ['isLength', 'abc'],
    ['isBase64', 'a-_b'],
    ['isISO8601', '2009-02-29'],
    ['isNumeric', '-1'],
    ['isStrongPassword', 'Str0ng!Passw0rd'],
    ['isIP', '1.2.3.4'],
    ['isFloat', '1,5'],
    ['isAlpha', 'a b', 'en-US'],
    ['isPort', '8080'],
    ['isJWT', 'a.b.c'],
    ['isDecimal', '1.5'],
    ['isJSON', '"x"'],
    ['isUUID', '713ae7e3-cb32-45f9-adcb-7c4fa86b90c1'],
  ];
  const NO_OPTIONS = new Set(['isPort', 'isJWT', 'isUUID']);
  const args = ([name, , locale]) => (name === 'isAlpha' ? [locale, {}] : NO_OPTIONS.has(name) ? [] : [{}]);
  const before = inputs.map((c) => bulwark[c[0]](c[1], ...args(c)));
  try {
    for (const [k, v] of Object.entries(keys)) Object.prototype[k] = v;
    const after = inputs.map((c) => bulwark[c[0]](c[1], ...args(c)));
    assert.deepEqual(after, before);
    const validatorAfter = inputs.map((c) => validator[c[0]](c[1], ...args(c)));
    assert.notDeepEqual(validatorAfter, before, 'validator.js results do change (the attack is real)');
    const set = bulwark.createValidator(inputs.map((c) => ({ validator: c[0], args: args(c) })));
    const failed = set.check(inputs.map(([, s]) => s));
    assert.deepEqual(
      failed,
      before.flatMap((ok, i) => (ok ? [] : [i])),
    );
  } finally {
    for (const k of Object.keys(keys)) delete Object.prototype[k];
  }
});

test('lone surrogates: never validated in their U+FFFD-replaced form', () => {
  // Same answer as validator.js (replacement-invariant, or decided in JS).
  for (const s of ['\ud800', 'a\udc00b', '\ud800\ud800', '\udfff\ud800']) {
    for (const o of [{}, { min: 2 }, { max: 2 }, { discreteLengths: [3] }]) agree('isLength', s, [o]);
    agree('isJSON', `["${s}"]`);
    agree('isJSON', `[${s}]`);
    agree('isStrongPassword', s, [{ returnScore: true }]);
    agree('isStrongPassword', `Aa1!${s}xyz`);
    agree('isIn', s, [['\ufffd', s]]);
    agree('isIn', s, [['\ufffd']]);
    agree('isUUID', s);
    agree('isInt', s);
  }
  // Two different lone surrogates are two unique characters, as in validator.js.
  assert.equal(
    bulwark.isStrongPassword('\ud800\ud801', { returnScore: true }),
    validator.isStrongPassword('\ud800\ud801', { returnScore: true }),
  );
  assert.equal(bulwark.isIn('\ud800', ['\ufffd']), false);
  // Deviations: false where validator.js accepts the surrogate or throws URIError.
  assert.equal(validator.isEmail('a@b\ud800.com', { ignore_max_length: true }), true);
  assert.equal(bulwark.isEmail('a@b\ud800.com', { ignore_max_length: true }), false);
  assert.throws(() => validator.isEmail('a@b\ud800.com'), URIError);
  assert.equal(bulwark.isEmail('a@b\ud800.com'), false);
  assert.throws(() => validator.isByteLength('\ud800', { min: 0 }), URIError);
  assert.equal(bulwark.isByteLength('\ud800', { min: 0 }), false);
  assert.equal(validator.isURL('http://example.com/\ud800'), true);
  assert.equal(bulwark.isURL('http://example.com/\ud800'), false);
  assert.equal(validator.isFQDN('a\ud800.com'), true);
  assert.equal(bulwark.isFQDN('a\ud800.com'), false);
  assert.equal(bulwark.matches('\ud800', '.'), false);
  assert.equal(bulwark.isFQDN('a\ufffd.com'), validator.isFQDN('a\ufffd.com'));
});

test('createValidator: one call checks many rules, equal to the single calls', () => {
  const rules = [
    'isEmail',
    { validator: 'isLength', args: [{ min: 3, max: 10 }] },
    { validator: 'isInt', args: [{ min: 1, max: 99 }] },
    { validator: 'isAlpha', args: ['de-DE', { ignore: ' ' }] },
    { validator: 'isIn', args: [['red', 'green']] },
    { validator: 'matches', args: [/^[a-z]+$/i] },
    { validator: 'isUUID', args: [4] },
    { validator: 'isIP', args: [6] },
    { validator: 'isByteLength' },
    { validator: 'isStrongPassword', args: [{ minLength: 4 }] },
    { validator: 'isURL', args: [{ require_protocol: true }] },
  ];
  const single = (rule, s) => {
    const { validator: name, args = [] } = typeof rule === 'string' ? { validator: rule } : rule;
    return bulwark[name](s, ...args);
  };
  const set = bulwark.createValidator(rules);
  assert.equal(set.size, rules.length);
  const value = stringFrom('abcé@.-1234 ABC:/', 16);
  fc.assert(
    fc.property(fc.array(value, { minLength: rules.length, maxLength: rules.length }), (values) => {
      const expectedFailures = rules.flatMap((rule, i) => (single(rule, values[i]) ? [] : [i]));
      assert.deepEqual(set.check(values), expectedFailures);
    }),
    { numRuns: 500 },
  );
  assert.deepEqual(
    set.check([
      'a@b.com',
      'abcd',
      '42',
      'Grüße dich',
      'red',
      'Abc',
      '713ae7e3-cb32-45f9-adcb-7c4fa86b90c1',
      '::1',
      'x',
      'Aa1!',
      'https://x.com',
    ]),
    [8],
  );
  assert.deepEqual(bulwark.createValidator([]).check([]), []);
});

test('createValidator: bad rules and values are refused', () => {
  assertCode(() => bulwark.createValidator(['isNope']), 'INVALID_OPTIONS');
  assertCode(() => bulwark.createValidator([{ validator: 'isInt', args: [{ min: 'x' }] }]), 'INVALID_OPTIONS');
  assertCode(() => bulwark.createValidator([{ validator: 'isInt', option: {} }]), 'INVALID_OPTIONS');
  assertCode(
    () => bulwark.createValidator([{ validator: 'isStrongPassword', args: [{ returnScore: true }] }]),
    'INVALID_OPTIONS',
  );
  assertCode(() => bulwark.createValidator([{ validator: 'createValidator' }]), 'INVALID_OPTIONS');
  assertCode(() => bulwark.createValidator([{ validator: 'toString' }]), 'INVALID_OPTIONS');
  assert.throws(() => bulwark.createValidator('isEmail'), TypeError);
  assert.throws(() => bulwark.createValidator([5]), TypeError);
  const set = bulwark.createValidator(['isEmail', 'isInt']);
  assert.throws(() => set.check(['a@b.com']), TypeError);
  assert.throws(() => set.check(['a@b.com', 5]), TypeError);
  assert.throws(() => set.check('a@b.com'), TypeError);
  // Lone surrogates are answered as the single calls answer them.
  const lone = bulwark.createValidator([
    'isEmail',
    'isLength',
    { validator: 'isIn', args: [['\ud800']] },
    'isStrongPassword',
  ]);
  assert.deepEqual(lone.check(['a@b\ud800.com', '\ud800', '\ud800', 'Aa1!\ud800xyz']), [0]);
  assert.deepEqual(lone.check(['a@b.com', '\ud800', '\ufffd', 'Aa1!\ud800xyz']), [2]);
});

test('long inputs (the core, past the fast paths) agree with validator.js', () => {
  const long = (s) => s.repeat(Math.ceil((MAX_LENGTH + 10) / Math.max(1, s.length)));
  for (const [name, spec] of Object.entries(SPECS)) {
    if (name === 'isIn') continue;
    for (const example of spec.examples.slice(0, 6)) {
      agree(name, long(example));
      agree(name, example + long('a'));
      agree(name, long('1') + example);
    }
  }
  agree('isInt', long('7'), [{ min: 1 }]);
  agree('isFloat', `${long('7')}.5`, [{ max: 1 }]);
  agree('isLength', long('😀'), [{ max: 2000 }]);
  agree('isJSON', `[${long('1,')}1]`);
  agree('isEmail', `${long('a')}@example.com`, [{ ignore_max_length: true }]);
  agree('isURL', `http://example.com/${long('a/')}`, [{ validate_length: false }]);
});

test('1 MB adversarial inputs (historical ReDoS shapes) give the right answer', () => {
  const MB = 1 << 20;
  const rep = (s) => s.repeat(Math.ceil(MB / s.length));
  const cases = [
    ['isEmail', rep('<'), [{ allow_display_name: true }], false],
    ['isEmail', `${rep('a<')}a@b.com`, [{ allow_display_name: true }], false],
    ['isEmail', `${rep('a')}@example.com`, [{ ignore_max_length: true }], true],
    ['isEmail', `"${rep('\\a')}"@example.com`, [{ ignore_max_length: true }], true],
    ['isEmail', rep('@'), [{ ignore_max_length: true }], false],
    ['isEmail', `a@${rep('a-.')}com`, [{ ignore_max_length: true }], false],
    ['isURL', `http://${rep('a.')}`, [{ validate_length: false }], false],
    ['isURL', `http://${rep(':')}`, [{ validate_length: false }], false],
    ['isURL', `http://[${rep(':')}]`, [{ validate_length: false }], false],
    ['isURL', `http://example.com/${rep('a/')}`, [{ validate_length: false }], true],
    ['isFQDN', `${rep('a-')}.com`, [], false],
    ['isFQDN', `${rep('a')}.com`, [{ ignore_max_length: true }], true],
    ['isIP', rep('1.'), [], false],
    ['isIP', `::1%${rep('a')}`, [], true],
    ['isIPRange', `1.2.3.4/${rep('1')}`, [], false],
    ['isUUID', rep('a-'), [], false],
    ['isInt', rep('1'), [{ min: 0 }], true],
    ['isInt', `${rep('1')}x`, [], false],
    ['isFloat', `${rep('1')}e`, [], false],
    ['isFloat', `${rep('1')}.5`, [{ min: 0 }], true],
    ['isNumeric', `${rep('1')}.`, [], false],
    ['isDecimal', `${rep('1')}.1`, [], true],
    ['isAlpha', `${rep('a')}1`, [], false],
    ['isAlphanumeric', `${rep('a1')}!`, ['de-DE'], false],
    ['isHexadecimal', rep('f'), [], true],
    ['isBase64', rep('AAAA'), [], true],
    ['isBase64', rep('='), [], false],
    ['isJWT', rep('.'), [], false],
    ['isJWT', `${rep('a')}..`, [], true],
    ['isISO8601', `2020-01-01T00:00:00.${rep('1')}:`, [], false],
    ['isISO8601', `2020-01-01T00:00:00.${rep('1')}Z`, [{ strict: true }], true],
    ['isPort', rep('0'), [], false],
    ['isSlug', `a${rep('-_')}`, [], false],
    ['isSlug', `a${rep('-a')}`, [], true],
    ['isMongoId', rep('a'), [], false],
    ['isLength', rep('\ufe0f'), [{ max: 10 }], false],
    ['isLength', rep('a\ufe0f'), [{ min: MB / 2, max: MB / 2 }], true],
    ['isByteLength', rep('é'), [{ min: MB * 2 }], true],
    ['isStrongPassword', rep('aA1!'), [], true],
    ['isJSON', `${rep('[')}${rep(']')}`, [], true],
    ['isJSON', rep('['), [], false],
    ['isJSON', `{"a":"${rep('\\"')}"}`, [], true],
    ['isBoolean', rep('true'), [{ loose: true }], false],
    ['isMimeType', `text/${rep('a')}`, [], false],
    ['isSemVer', `1.2.3-${rep('a.')}!`, [], false],
    ['isIn', rep('a'), [['a']], false],
    ['matches', `${rep('a')}!`, ['^(a+)+$'], false],
    ['matches', `${rep('a')}!`, [/^(a|aa)+$/], false],
    // eslint-disable-next-line security/detect-unsafe-regex -- test pattern on fixed inputs
    ['matches', rep('a'), [/^(.*a){20}$/], true],
  ];
  for (const [name, s, args, answer] of cases) {
    assert.equal(bulwark[name](s, ...args), answer, `${name} on ${s.slice(0, 12)}… (${s.length} units)`);
  }
  const set = bulwark.createValidator(cases.map(([name, , args]) => ({ validator: name, args })));
  assert.deepEqual(
    set.check(cases.map(([, s]) => s)),
    cases.flatMap(([, , , answer], i) => (answer ? [] : [i])),
  );
});

test('isURL: the historical javascript: bypasses are refused (CVE-2025-56200 class)', () => {
  for (const s of [
    'javascript:alert(1)',
    'javascript:alert@example.com',
    'JavaScript:alert@example.com',
    'data:text@example.com',
    'vbscript:x@example.com',
  ]) {
    assert.equal(bulwark.isURL(s), false, s);
    assert.equal(bulwark.isURL(s, { require_valid_protocol: false }), false, s);
  }
});
