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
  isRgbColor: {
    examples: [
      'rgb(0,0,0)',
      'rgb(255,255,255)',
      'rgba(0,0,0,0)',
      'rgba(255,255,255,.12)',
      'rgb(5%,5%,5%)',
      'rgba(5%,5%,5%,.3)',
      'rgb(0,0,256)',
      'rgb( 255,255 ,255)',
      'rgba(255, 255, 255, 0.5)',
      'r  g b(0,0,0)',
    ],
    alphabet: 'rgba(),.%0125 \t\u3000',
    args: fc.constantFrom(
      [],
      [true],
      [false],
      [{}],
      [{ allowSpaces: true }],
      [{ includePercentValues: false }],
      [{ allowSpaces: true, includePercentValues: false }],
    ),
  },
  isHSL: {
    examples: [
      'hsl(360,0000000000100%,000000100%)',
      'hsl(000010, 00000000001%, 00000040%)',
      'hSl(  360  , 100%  , 100%   )',
      'hsla(+.123turn,01%,00%)',
      'hsl(-.5E3deg,3%,98%)',
      'hsla(360 100% 100% / 50%)',
      'HSLA(360  0%  00% / .5)',
      'hsl (360,0000000000100%,000000100%)',
      'hsl(270 deg, 100%, 100%)',
      'hsl(0, 0%, 0%, 10deg)',
    ],
    alphabet: 'hslaHSLA(),%/ .+-e0159degradturn\t',
  },
  isLatLong: {
    examples: [
      '(-17.738223, 85.605469)',
      '(-60.999999, +179.999999)',
      '+90.0,-127.554334',
      '45,180',
      '1,2,3',
      '(020.000000, 010.000000000)',
      '90.1000000, 180.000000',
      '40° 26′ 46″ N, 79° 58′ 56″ W',
      '90° 0′ 0″ S, 180° 0′ 0″ E',
      '40° 89′ 46″ S, 79° 58′ 100″ E',
    ],
    alphabet: '0123456789.,()+- °′″NSEWnsew\t',
    args: withOptions({ checkDMS: bool }),
  },
  isMACAddress: {
    examples: [
      'ab:ab:ab:ab:ab:ab',
      '01-02-03-04-05-ab',
      'A9 C5 D4 9F EB D3',
      '0102.0304.05ab',
      'ab:ab:ab:ab:ab:ab:ab:ab',
      '0102.0304.0506.07ab',
      'abababababab',
      '0102030405060708',
      '01:02-03:04:05:ab',
      '1:2:3:4:5:6',
    ],
    alphabet: `${HEX}:-. \u3000`,
    args: fc.constantFrom(
      [],
      [{}],
      [{ eui: null }],
      [{ eui: '48' }],
      [{ eui: '64' }],
      [{ eui: 48 }],
      [{ no_separators: true }],
      [{ no_colons: true }],
      [{ no_separators: true, eui: '64' }],
    ),
  },
  isDataURI: {
    examples: [
      'data:text/html;charset=US-ASCII,%3Ch1%3EHello!%3C%2Fh1%3E',
      ' data:,Hello%2C%20World!',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:;base64,YQ==',
      'data:text/plain;BASE64,YQ==',
      'dataxbase64',
      'data:HelloWorld',
      'data:,A%20brief%20invalid%20[note',
      'data:text/plain;a=b;base64;c=d,YQ==',
    ],
    alphabet: 'data:text/plain;base64,=AQ% <>-+_.',
  },
  isMagnetURI: {
    examples: [
      'magnet:?xt.1=urn:sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456&xt.2=urn:sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456',
      'magnet:?xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456&dn=helloword2000&tr=udp://helloworld:1337/announce',
      'magnet:?xt=urn:tree:tiger:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456',
      'magnet:?tr=udp://helloworld:1337/announce&xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456',
      'magnet:?xt=urn:btmh:1220caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad099f3a302e',
      'magneta:?xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456',
      'magnet:?xt.2=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456',
    ],
    alphabet: 'magnet:?xt=urn:btih&.1AZ09',
  },
  isMailtoURI: {
    examples: [
      'mailto:?subject=something&cc=valid@mail.com',
      'mailto:?subject=something&bcc=valid@mail.com,another@mail.com',
      'mailto:valid@mail.com,another@mail.com?cc=valid@mail.com',
      'mailto:',
      'mailto:?',
      'mailto:?subject=okay&subject=444',
      'mailto:?subject=something&wrong=888',
      'mailto:hello@world.com?cc=somename',
      'mailto:info@mail.com?subject=foo&body=bar&cc=baz@mail.com&bcc=qux@mail.com&x=y',
    ],
    alphabet: 'mailto:?&=,@. abcsubjectcc',
    args: fc.constantFrom([], [{}], [{ allow_display_name: true }], [{ require_tld: false }]),
  },
  isRFC3339: {
    examples: [
      '2009-05-19 14:39:22-06:00',
      '2009-05-19T14:39:22Z',
      '2010-02-18t00:23:23.33+06:00',
      '2015-02-28T23:59:60z',
      '2010-02-18t00:23:32.33+24:00',
      '2009-05-31 14:39:22',
      '2009-05-31T14:39:22-06',
    ],
    alphabet: '0123456789-:T tZz.+',
  },
  isTime: {
    examples: [
      '00:00',
      '23:59',
      '9:00',
      '24:00',
      '23:60',
      '12:00:00',
      '12:00 AM',
      '1:00 PM',
      '13:00 PM',
      '12:00:00 AM',
    ],
    alphabet: '0123456789: APM',
    args: withOptions({
      hourFormat: fc.constantFrom('hour24', 'hour12'),
      mode: fc.constantFrom('default', 'withSeconds', 'withOptionalSeconds'),
    }),
  },
  isLocale: {
    examples: [
      'uz_Latn_UZ',
      'en',
      'gsw',
      'es-419',
      'ca_ES_VALENCIA',
      'zh-cmn-Hans-CN',
      'sl-IT-rozaj-biske-1994',
      'de-CH-x-phonebk',
      'i-enochian',
      'x-whatever',
      'lo_POP',
      'de-419-DE',
      'a-DE',
    ],
    alphabet: 'enUSzhHantx-_0194abc',
  },
};

module.exports = { TEXT_SPECS };
