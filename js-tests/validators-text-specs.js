'use strict';
// Generator specs (examples, alphabet, argument lists) for validator.js's string-comparison
// and simple-format validators (contains, equals, isLowercase, isHash, ...): the inputs of
// js-tests/validators-text.test.js and of the fast-path test. Same shape as
// ./validators-specs.js.
const { fc, optionsOf, LETTERS, DIGITS, HEX } = require('./validators-gen');

const bool = fc.boolean();
const withOptions = (fields) => optionsOf(fields).map((o) => [o]);
const WIDE = 'ａＢ０！　ｶﾀﾞ￩ひ漢😀𠮷';
const CASED = 'aZßİıΣσςǅﬀŉÄä\u212a';

const TEXT_SPECS = {
  contains: {
    examples: ['foo', 'foobar', 'bazfoo', 'FOObar', 'foofoo', '', 'ſoo', '😀😀', 'aaa'],
    alphabet: 'foFOabr😀ſİ',
    args: fc.tuple(
      fc.constantFrom('foo', 'o', 'FOO', '', 'aa', '😀', '\ud83d', 'İ', 1, null, undefined, ['o', 'o']),
      fc.constantFrom(
        undefined,
        {},
        { ignoreCase: true },
        { minOccurrences: 2 },
        { minOccurrences: 0 },
        { ignoreCase: true, minOccurrences: 2 },
        { minOccurrences: -1 },
        { minOccurrences: 1.5 },
      ),
    ),
  },
  equals: {
    examples: ['abc', '', 'ABC', 'abc ', '\ud800'],
    alphabet: 'abcABC ',
    args: fc.constantFrom(['abc'], [''], ['\ud800'], [1], [undefined], ['ABC']),
  },
  isEmpty: {
    examples: ['', ' ', 'foo', '\t\n', '\u3000', '\u200b', '\u0085', ' g '],
    alphabet: ' \t\n\u00a0\u3000\ufeffg',
    args: withOptions({ ignore_whitespace: bool }),
  },
  isAscii: {
    examples: [
      'foobar',
      '0987654321',
      'test@example.com',
      '1234abcDEF',
      'ｆｏｏbar',
      'ｘｙｚ０９８',
      '',
      '\u007f',
      '\u0080',
    ],
    alphabet: `${LETTERS}${DIGITS}@.\u0000\u007f\u0080`,
  },
  isLowercase: {
    examples: ['abc', 'abc123', 'this is lowercase.', 'tr竪s 端ber', 'fooBar', '123A', 'ß', 'Σ', 'İ', 'ǅ', ''],
    alphabet: `${CASED}123 `,
  },
  isUppercase: {
    examples: ['ABC', 'ABC123', 'ALL CAPS IS FUN.', '   .', 'fooBar', '123abc', 'ß', 'ﬀ', 'ŉ', 'ǅ', ''],
    alphabet: `${CASED}123 `,
  },
  isFullWidth: {
    examples: [
      'ひらがな・カタカナ、．漢字',
      '３ー０　ａ＠ｃｏｍ',
      'Ｆｶﾀｶﾅﾞﾬ',
      'Good＝Parts',
      'abc',
      'abc123',
      'ｶﾀｶﾅﾞﾬ',
      '',
    ],
    alphabet: `${WIDE}ab1 `,
  },
  isHalfWidth: {
    examples: ['!"#$%&()<>/+=-_? ~^|.,@`{}[]', 'l-btn_02--active', 'abc123い', 'ｶﾀｶﾅﾞﾬ￩', 'あいうえお', '００１１', ''],
    alphabet: `${WIDE}ab1 `,
  },
  isVariableWidth: {
    examples: ['ひらがなカタカナ漢字ABCDE', '３ー０123', 'Ｆｶﾀｶﾅﾞﾬ', 'Good＝Parts', 'abc', 'ひらがな・カタカナ', ''],
    alphabet: `${WIDE}ab1 `,
  },
  isMultibyte: {
    examples: ['ひらがな・カタカナ、．漢字', 'あいうえお foobar', 'test＠example.com', 'abc', 'abc123', '<>@" *.', ''],
    alphabet: `${LETTERS}é😀あ\u007f\u0080`,
  },
  isSurrogatePair: {
    examples: ['𠮷野𠮷', '𩸽', 'ABC千𥧄1-2-3', '吉野竈', '鮪', 'ABC1-2-3', ''],
    alphabet: 'ab𠮷😀吉\ud83d\ude00',
  },
  isWhitelisted: {
    examples: ['foo', 'bar', 'foo1', 'bar-', '', 'é😀'],
    alphabet: 'fobar-1é😀',
    args: fc.constantFrom(
      ['abcdefghijklmnopqrstuvwxyz-'],
      ['abcdefghijklmnopqrstuvwxyz'],
      ['fo'],
      [''],
      ['😀é'],
      ['\ud83d'],
      [['f', 'o', 'b', 'a', 'r', 'oo']],
    ),
  },
  isOctal: {
    examples: ['076543210', '0o01234567', '00', '0', '012345678', '0o8', '0x7', '0O7', ''],
    alphabet: '01234567890oOx',
  },
  isMD5: {
    examples: [
      'd94f3f016ae679c3008de268209132f2',
      '751adbc511ccbe8edf23d486fa4581cd',
      'KYT0bf1c35032a71a14c2f719e5a14c1',
    ],
    alphabet: HEX,
  },
  isHash: {
    examples: [
      'd94f3f016ae679c3008de268209132f2',
      '3ca25ae354e192b26879f651a51d92aa8a34d8d3',
      '45bc5fa8cb45ee408c04b6269e9f1e1c17090c5ce26ffeeda2af097735b29953',
      'ffffffff',
      'FFFFFFFF',
      'KYT0bf1c35032a71a14c2f719e5a14c1',
    ],
    alphabet: HEX,
    args: fc
      .constantFrom(
        'md5',
        'md4',
        'sha1',
        'sha256',
        'sha384',
        'sha512',
        'ripemd128',
        'ripemd160',
        'tiger128',
        'tiger160',
        'tiger192',
        'crc32',
        'crc32b',
      )
      .map((a) => [a]),
  },
  isBase32: {
    examples: ['ZG======', 'JBSWY3DP', 'JBSWY3DPEE======', '91JPRV3F41BPYWKCCGGG', '12345', 'ZG=====', 'ILOU', ''],
    alphabet: 'ABCILOUZ2790=a',
    args: withOptions({ crockford: bool }),
  },
  isBase58: {
    examples: ['BukQL', '3KMUV89zab', '91GHkLMNtyo98', '0OPLJH', 'IMKLP23', 'LL1l1985hG', ''],
    alphabet: `${LETTERS}${DIGITS}`,
  },
  isULID: {
    examples: [
      '01HBGW8CWQ5Q6DTT7XP89VV4KT',
      '01hbgw8cwq5q6dtt7xp89vv4kt',
      '81HBGW8CWQ5Q6DTT7XP89VV4KT',
      '01HBGW8CWQ5Q6DTT7XP89VV4KI',
    ],
    alphabet: '0178ABHILOUZhilouz',
  },
  isDivisibleBy: {
    examples: ['2', '4', '100', '1000', '1', '2.5', '101', 'foo', '', '-0', '1e3', '.5e1', '-.e5', '1e400', '0x10'],
    alphabet: `${DIGITS}.-+eE x`,
    args: fc.constantFrom([2], [3], ['2'], [0], [-4], [2.7], ['10px'], [undefined], [null], ['x'], [1e21]),
  },
  isHexColor: {
    examples: ['#ff0000ff', '#ff0034', '#CCCCCC', '0f38', 'fff', '#f00', '#ff', 'fff0a', '#ff12FG', '#', ''],
    alphabet: `${HEX}#g`,
    args: withOptions({ require_hashtag: bool }),
  },
};

module.exports = { TEXT_SPECS };
