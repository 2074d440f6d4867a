'use strict';
// validator.js's string-comparison and simple-format validators (contains, equals,
// isLowercase, isFullWidth, isHash, isHexColor, ...) against validator.js: documented
// examples, generated inputs (mutations and strings over each format's characters, lone
// surrogates and case-mapping traps included) with the arguments that change the result,
// long inputs that skip the JS fast paths, 1 MiB inputs, argument errors, and the two
// issue-10 fixes (isIP with { version: null }, isIn without values).
const test = require('node:test');
const assert = require('node:assert/strict');
const { bulwark, validator, agree, differential, ILL_FORMED_FALSE } = require('./validators-gen');
const { TEXT_SPECS } = require('./validators-text-specs');

// Documented deviation: strings with lone surrogates are false here, where validator.js
// can accept them (`\D` in isLatLong's DMS form, `[^?&]` in isMagnetURI, a subject value or
// an address in isMailtoURI; Bulwark's isEmail is false for them too).
for (const name of ['isLatLong', 'isMagnetURI', 'isMailtoURI']) ILL_FORMED_FALSE.add(name);

/** The arguments the documented examples are checked with (validators that need one). */
const EXAMPLE_ARGS = new Map([
  ['contains', ['foo']],
  ['equals', ['abc']],
  ['isWhitelisted', ['abcdefghijklmnopqrstuvwxyz-']],
  ['isHash', ['md5']],
  ['isDivisibleBy', [2]],
]);

for (const [name, spec] of Object.entries(TEXT_SPECS)) {
  test(`${name}: examples and generated inputs agree with validator.js`, () => {
    for (const s of spec.examples) agree(name, s, EXAMPLE_ARGS.get(name) || []);
    differential(name, spec);
  });
}

test('long inputs (the core, past the fast paths) agree with validator.js', () => {
  const long = (s) => s.repeat(Math.ceil(1100 / Math.max(1, s.length)));
  for (const [name, spec] of Object.entries(TEXT_SPECS)) {
    const argLists = {
      contains: [['o'], ['O', { ignoreCase: true, minOccurrences: 3 }], [''], ['😀', { minOccurrences: 1100 }]],
      equals: [['abc']],
      isWhitelisted: [['abcdefghijklmnopqrstuvwxyz😀'], ['o']],
      isHash: [['md5'], ['sha512']],
      isDivisibleBy: [[3], ['7']],
    }[name] || [[]];
    for (const args of argLists) {
      for (const example of spec.examples.slice(0, 6)) {
        agree(name, long(example), args);
        agree(name, example + long('a'), args);
        agree(name, long('1') + example, args);
        agree(name, long('Ａ') + example, args);
      }
    }
  }
  agree('equals', long('abc'), [long('abc')]);
  agree('isDivisibleBy', `${long('7')}0`, [10]);
});

test('1 MiB inputs give the right answer', () => {
  const MB = 1 << 20;
  const rep = (s) => s.repeat(Math.ceil(MB / s.length));
  const cases = [
    ['contains', rep('ab'), ['ab', { minOccurrences: MB / 2 - 1 }], true],
    ['contains', rep('ab'), ['AB', { ignoreCase: true, minOccurrences: MB }], false],
    ['contains', rep('a'), ['', { minOccurrences: MB - 1 }], true],
    ['equals', rep('a'), [rep('a')], true],
    ['isEmpty', rep(' \u3000'), [{ ignore_whitespace: true }], true],
    ['isAscii', `${rep('a')}é`, [], false],
    ['isLowercase', `${rep('ä')}Ä`, [], false],
    ['isUppercase', rep('Ä'), [], true],
    ['isFullWidth', rep('a'), [], false],
    ['isHalfWidth', rep('ａ'), [], false],
    ['isVariableWidth', `${rep('ａ')}a`, [], true],
    ['isMultibyte', rep('a'), [], false],
    ['isSurrogatePair', `${rep('中')}😀`, [], true],
    ['isWhitelisted', rep('ab😀'), ['ab😀'], true],
    ['isOctal', `0o${rep('7')}`, [], true],
    ['isMD5', rep('a'), [], false],
    ['isHash', rep('f'), ['sha512'], false],
    ['isBase32', rep('A'), [], true],
    ['isBase58', rep('z'), [], true],
    ['isULID', rep('0'), [], false],
    ['isDivisibleBy', rep('1'), [2], false],
    ['isHexColor', rep('f'), [], false],
    ['isRgbColor', `rgb(${rep(' ')}1,2,3)`, [{ allowSpaces: true }], true],
    ['isRgbColor', rep('rgb(1,'), [], false],
    ['isHSL', `hsl(${rep(' ')}1,2%,3%)`, [], true],
    ['isHSL', `hsl(${rep('1')}e${rep('+')}`, [], false],
    ['isLatLong', `1,${rep('1')}`, [], false],
    ['isLatLong', `40${rep('°')}26′46″N, 79° 58′ 56″ W`, [{ checkDMS: true }], true],
    ['isMACAddress', rep('ab:'), [], false],
    ['isDataURI', `data:,${rep('a')}`, [], true],
    ['isDataURI', `data:${rep('a;')},x`, [], false],
    ['isMagnetURI', `magnet:?${rep('&xt=urn:btih:')}`, [], false],
    ['isMagnetURI', `magnet:?${rep('a')}&xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456`, [], true],
    ['isMailtoURI', `mailto:${rep('a@b.com,')}`, [], true],
    ['isMailtoURI', `mailto:?${rep('&')}`, [], false],
    ['isRFC3339', `2009-05-19T14:39:22.${rep('1')}Z`, [], true],
    ['isTime', rep('1:'), [], false],
    ['isLocale', `en${rep('-abcde')}`, [], true],
    ['isLocale', rep('x-'), [], false],
  ];
  for (const [name, s, args, want] of cases) {
    assert.equal(bulwark[name](s, ...args), want, name);
    assert.equal(validator[name](s, ...args), want, `validator.${name}`);
  }
  // Lone surrogates in 1 MiB strings are answered in JS, with validator.js's answer.
  assert.equal(bulwark.isLowercase(rep('\ud800')), true);
  assert.equal(bulwark.isMultibyte(`${rep('a')}\udc00`), true);
  assert.equal(bulwark.isSurrogatePair(rep('\ud83d')), false);
  assert.equal(bulwark.contains(rep('a\ud800'), '\ud800', { minOccurrences: 3 }), true);
});

test('argument errors: wrong types are TypeError, wrong options INVALID_OPTIONS', () => {
  const invalidOptions = { code: 'INVALID_OPTIONS' };
  for (const name of Object.keys(TEXT_SPECS)) {
    if (name !== 'isTime') assert.throws(() => bulwark[name](5), TypeError, name);
  }
  // isTime has no assertString in validator.js: a non-string is false (options still checked).
  assert.equal(bulwark.isTime(5), validator.isTime(5));
  assert.equal(bulwark.isTime(new String('12:00')), false);
  assert.throws(() => bulwark.isTime(5, { mode: 5 }), invalidOptions);
  assert.throws(() => bulwark.isTime('12:00', { hourFormat: 'hour13' }), invalidOptions);
  assert.throws(() => bulwark.isTime('12:00', { mode: 'withSecond' }), invalidOptions);
  // Refused whatever the input (the JS fast path leaves these to the core).
  for (const eui of ['32', '', 0, '064', 480]) {
    assert.throws(() => bulwark.isMACAddress('01:02:03:04:05:06', { eui }), invalidOptions, String(eui));
  }
  assert.throws(() => bulwark.isMACAddress('01:02:03:04:05:06', { no_colons: 1 }), invalidOptions);
  assert.throws(() => bulwark.isRgbColor('rgb(0,0,0)', null), TypeError);
  assert.throws(() => bulwark.isRgbColor('rgb(0,0,0)', 'yes'), invalidOptions);
  assert.throws(() => bulwark.isRgbColor('rgb(0,0,0)', { allowSpace: true }), invalidOptions);
  assert.throws(() => bulwark.isLatLong('1,2', { checkDms: true }), invalidOptions);
  assert.throws(() => bulwark.isMailtoURI('mailto:a@b.com', { allow_display_names: true }), invalidOptions);
  // validator.js's legacy positional form: an explicit undefined turns percent values off.
  assert.equal(bulwark.isRgbColor('rgb(5%,5%,5%)', undefined), validator.isRgbColor('rgb(5%,5%,5%)', undefined));
  assert.throws(() => bulwark.isHash('ffffffff', 'crc64'), invalidOptions);
  assert.throws(() => bulwark.isHash('ffffffff'), invalidOptions);
  assert.throws(() => bulwark.isHash('ffffffff', 'constructor'), invalidOptions);
  assert.throws(() => bulwark.contains('a', 'a', { ignoreCase: 'yes' }), invalidOptions);
  assert.throws(() => bulwark.contains('a', 'a', { minOccurences: 2 }), invalidOptions);
  assert.throws(() => bulwark.contains('a', 'a', { minOccurrences: NaN }), invalidOptions);
  assert.throws(() => bulwark.isEmpty('a', { ignore_whitespace: 1 }), invalidOptions);
  assert.throws(() => bulwark.isBase32('a', { crockfrd: true }), invalidOptions);
  assert.throws(() => bulwark.isHexColor('a', { require_hashtag: 'true' }), invalidOptions);
  assert.throws(() => bulwark.isWhitelisted('a'), TypeError);
  assert.throws(() => bulwark.isWhitelisted('a', 5), TypeError);
  assert.throws(() => bulwark.isDivisibleBy('4', { valueOf: () => 2 }), TypeError);
  // Options are plain objects read by own properties: an inherited option is refused.
  assert.throws(() => bulwark.isEmpty(' ', Object.create({ ignore_whitespace: true })), invalidOptions);
});

test('createValidator and createValidator-based chains run the new validators in the core', () => {
  const set = bulwark.createValidator([
    { validator: 'contains', args: ['oo', { minOccurrences: 2 }] },
    { validator: 'equals', args: ['x'] },
    { validator: 'isHash', args: ['md5'] },
    { validator: 'isDivisibleBy', args: [3] },
    'isLowercase',
    { validator: 'isHexColor', args: [{ require_hashtag: true }] },
    { validator: 'isWhitelisted', args: ['ab'] },
    'isMultibyte',
  ]);
  assert.deepEqual(
    set.check(['foo foo', 'x', 'd94f3f016ae679c3008de268209132f2', '9', 'abc', '#fff', 'abba', 'é']),
    [],
  );
  assert.deepEqual(set.check(['foo', 'y', 'x', '10', 'aBc', 'fff', 'abc', 'e']), [0, 1, 2, 3, 4, 5, 6, 7]);
  // Lone surrogates are answered as the single calls answer them.
  assert.deepEqual(
    set.check(['foo foo', 'x', 'd94f3f016ae679c3008de268209132f2', '9', '\ud800', '#fff', 'ab', '\ud800']),
    [],
  );
  assert.throws(() => bulwark.createValidator([{ validator: 'isHash', args: ['sha3'] }]), { code: 'INVALID_OPTIONS' });
});

test('isIP with { version: null } reads like the positional null (either version)', () => {
  for (const s of ['1.2.3.4', '::1', 'x']) {
    assert.equal(bulwark.isIP(s, { version: null }), validator.isIP(s, { version: null }));
    assert.equal(bulwark.isIP(s, { version: null }), bulwark.isIP(s, null));
  }
  assert.equal(bulwark.isIP('::1', { version: null }), true);
  assert.deepEqual(bulwark.createValidator([{ validator: 'isIP', args: [{ version: null }] }]).check(['::1']), []);
});

test('isIn without values is false, as in validator.js', () => {
  for (const args of [[], [undefined], [5], [true]]) {
    for (const s of ['', 'a', 'b', 'abc', 'x']) {
      assert.equal(bulwark.isIn(s, ...args), validator.isIn(s, ...args), `isIn(${s}, ${args})`);
    }
  }
  assert.equal(bulwark.isIn('a'), false);
  assert.deepEqual(bulwark.createValidator([{ validator: 'isIn' }]).check(['a']), [0]);
  assert.throws(() => bulwark.isIn('a', null), TypeError);
  // Documented deviation: a string of values (substring search in validator.js) is refused.
  assert.throws(() => bulwark.isIn('a', 'abc'), TypeError);
});
