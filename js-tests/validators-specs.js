'use strict';
// Generators for the validators suites: per validator, valid-looking examples (validator.js's
// documented ones among them), an alphabet biased to the characters the format cares about,
// and the option combinations that change the result.
const { fc, optionsOf, LETTERS, DIGITS, HEX } = require('./validators-gen');

const bool = fc.boolean();
const bound = fc.oneof(fc.constant(null), fc.integer({ min: -100, max: 100 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
const bounds = { min: bound, max: bound, lt: bound, gt: bound };
const DECIMAL_LOCALES = ['en-US', 'de-DE', 'ar', 'ar-EG', 'fr-FR', 'en-ZM', 'fa-IR', 'pt-BR'];
const withOptions = (fields) => optionsOf(fields).map((o) => [o]);

const SPECS = {
  isIP: {
    examples: ['127.0.0.1', '0.0.0.0', '255.255.255.255', '1.1.1.01', '256.1.1.1', '::1', '2001:db8::ff00:42:8329', '::ffff:127.0.0.1',
      'fe80::1%eth0', '1:2:3:4:5:6:7:8', '1::', '::', 'ABCD:EF01:2345:6789:ABCD:EF01:2345:6789', '1:2:3:4:5:6:1.2.3.4', '::1.2.3.4'],
    alphabet: `${HEX}::..%01`,
    args: fc.constantFrom([], [4], [6], ['4'], ['6'], [''], [{ version: 6 }], [{}], [0]),
  },
  isIPRange: {
    examples: ['127.0.0.1/24', '0.0.0.0/0', '255.255.255.0/32', '::/0', '::/128', '2001::/128', '10.0.0.0/33', '10.0.0.0/08', '::1/129'],
    alphabet: `${HEX}::../0123`,
    args: fc.constantFrom([], [4], [6], ['4'], ['6']),
  },
  isUUID: {
    examples: ['A987FBC9-4BED-3078-CF07-9141BA07C9F3', '713ae7e3-cb32-45f9-adcb-7c4fa86b90c1', '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff', '018C544A-D384-7000-BB74-3B1738ABE43C', '987FBC97-4BED-5078-AF07-9141BA07C9F3'],
    alphabet: `${HEX}-`,
    args: fc.constantFrom([], [1], [2], [3], [4], [5], [6], [7], [8], ['4'], ['all'], ['nil'], ['max'], ['loose'], [null]),
  },
  isInt: {
    examples: ['13', '123', '0', '-0', '+1', '01', '-01', '000', '100e10', '123.123', '99999999999999999999', '-2147483649'],
    alphabet: `${DIGITS}+-.e `,
    args: withOptions({ ...bounds, allow_leading_zeroes: bool }),
  },
  isPort: { examples: ['0', '22', '80', '443', '65535', '65536', '-0', '080', '+1'], alphabet: `${DIGITS}+-` },
  isFloat: {
    examples: ['123', '123.', '123.123', '-123.123', '-0.123', '+0.123', '.0', '-.123', '01.123', '-0.22250738585072011e-307', '-.', 'e5',
      '1e5', '1E+5', '0,824', '1,5', '1٫5', '١٫٥'],
    alphabet: `${DIGITS}+-.,eE٫`,
    args: fc.tuple(optionsOf({ ...bounds, locale: fc.constantFrom(...DECIMAL_LOCALES) })).map((a) => a),
  },
  isNumeric: {
    examples: ['123', '00123', '-00123', '0', '-0', '+123', '123.123', '+000000', '.5', '-.5', '12.', '1,5', '1٫5'],
    alphabet: `${DIGITS}+-.,٫`,
    args: withOptions({ no_symbols: bool, locale: fc.constantFrom(...DECIMAL_LOCALES) }),
  },
  isDecimal: {
    examples: ['123', '00123', '-00123', '0', '+123', '0.01', '.1', '1.0', '-.25', '1.', '0,01', '-', '+', '1.234', '1,234'],
    alphabet: `${DIGITS}+-.,٫ `,
    args: withOptions({
      force_decimal: bool,
      decimal_digits: fc.constantFrom('1,', '1,3', '3', '0,', '2,2', '0,1'),
      locale: fc.constantFrom(...DECIMAL_LOCALES),
    }),
  },
  isHexadecimal: { examples: ['deadBEEF', 'ff0044', '0xff0044', '0XfF0044', '0h1a', '0x', '0h', 'abcdefg', '0xa2h'], alphabet: `${HEX}xhXH` },
  isMongoId: { examples: ['507f1f77bcf86cd799439011', '507F1F77BCF86CD799439011', '0x7f1f77bcf86cd799439011', '507f1f77bcf86cd7994390'], alphabet: HEX },
  isBase64: {
    examples: ['Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'SGVsbG8gV29ybGQh', 'SGVsbG8_V29ybGQ-', 'PDw_Pz8-Pg', 'Zg', '====', 'Zm=8'],
    alphabet: `${LETTERS}${DIGITS}+/-_==`,
    args: fc.constantFrom([], [{ urlSafe: true }], [{ urlSafe: false, padding: false }], [{ urlSafe: true, padding: true }], [{ padding: true }]),
  },
  isJWT: {
    examples: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', '..', 'a.b.c', 'a.b', 'a.b=.c'],
    alphabet: `${LETTERS}${DIGITS}-_...=`,
  },
  isISO8601: {
    examples: ['2009-12T12:34', '2009', '2009-05-19', '20090519', '2009123', '2009-05', '2009-123', '2009-W01-1', '2009-W511',
      '2009-05-19 14:39:22-06:00', '20090621T0545Z', '2007-04-05T24:00', '2010-02-18T16:23:48,444', '2010-02-18T16.23334444',
      '2009-05-19 143922.500', '2009-05-19T14:39:22.123Z', '200905', '2009-02-29', '2008-02-29', '2009-366', '0050-02-28', '+2009-05-19',
      '2010-02-18T16:23.33.600', '2009-02-30T10:00Z', '2024-01-15T10:30:00+05:30', '-2009-366', '0999-02-29'],
    alphabet: `${DIGITS}-:.,TWZ+ `,
    args: withOptions({ strict: bool, strictSeparator: bool }),
  },
  isSlug: { examples: ['foo', 'foo-bar', 'foo_bar', 'foo-bar_foo', 'cs_67', 'a', 'not--slug', '-a', 'a-', 'Foo'], alphabet: 'abcxyz019-_A' },
  isLength: {
    examples: ['abc', '干𩸽', '👩🦰', '🇺🇸', '⏩︎', 'a\ufe0f\ufe0f', '❤️', '', 'abcdef'],
    alphabet: 'ab\ufe0f\ufe0e😀é',
    args: fc.oneof(
      withOptions({ min: fc.integer({ min: 0, max: 6 }), max: fc.integer({ min: 0, max: 6 }), discreteLengths: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }) }),
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })),
      fc.tuple(fc.integer({ min: 0, max: 6 })),
    ),
  },
  isByteLength: {
    examples: ['abc', 'de', 'abcd', 'gmail', '中文', '😀', ''],
    alphabet: 'ab中😀é',
    args: fc.oneof(
      withOptions({ min: fc.integer({ min: 0, max: 8 }), max: fc.integer({ min: 0, max: 8 }) }),
      fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })),
      fc.tuple(fc.integer({ min: 0, max: 8 })),
      fc.constant([]),
    ),
  },
  isStrongPassword: {
    examples: ['%2%k{7BsL"M%Kd6e', 'EXAMPLE of very long_password123!', 'mxH_+2vs&54_+H3P', '£3.ndSau_7', 'password', 'hunter2', 'Aa1!', '😀Aa1!xyz'],
    alphabet: `${LETTERS}${DIGITS}!@#£ _\\-😀`,
    args: fc.oneof(
      fc.constant([]),
      withOptions({
        minLength: fc.integer({ min: 0, max: 12 }), minLowercase: fc.integer({ min: 0, max: 3 }), minUppercase: fc.integer({ min: 0, max: 3 }),
        minNumbers: fc.integer({ min: 0, max: 3 }), minSymbols: fc.integer({ min: 0, max: 3 }), returnScore: bool,
        pointsPerUnique: fc.integer({ min: 0, max: 3 }), pointsPerRepeat: fc.constantFrom(0, 0.5, 1.25),
        pointsForContainingLower: fc.integer({ min: 0, max: 20 }), pointsForContainingSymbol: fc.integer({ min: 0, max: 20 }),
      }),
    ),
  },
  isJSON: {
    examples: ['{ "key": "value" }', '{}', '[]', '[1,2,3]', 'null', 'true', '1234', '"str"', '{"a":[{"b":null}],"c":-0.5e+3}', '[1,]',
      "{ 'key': 'value' }", '["\\ud800"]', '[01]', ' [ ] ', '{"a":1}x'],
    alphabet: '{}[]":,0123456789.-+eE truefalsnl\\u',
    args: withOptions({ allow_primitives: bool, allow_any_value: bool }),
  },
  isBoolean: {
    examples: ['true', 'false', '0', '1', 'True', 'FALSE', 'yes', 'No', 'YeS', '1.0', 'true '],
    alphabet: 'truefalsyno10TRUEFALSYNO ',
    args: fc.constantFrom([], [{ loose: true }], [{ loose: false }]),
  },
  isMimeType: {
    examples: ['application/json', 'text/html; charset=utf-8', 'Text/HTML;Charset="utf-8"', 'multipart/form-data; boundary=something',
      'multipart/form-data; boundary="x"; charset=utf-8', 'text/html; charset=us-ascii (Plain text)', 'audio/mp4; charset=utf-8', 'foo/bar'],
    alphabet: `${LETTERS}/;= "().-+_`,
  },
  isSemVer: {
    examples: ['0.0.4', '1.2.3', '10.20.30', '1.1.2-prerelease+meta', '1.0.0-alpha.beta.1', '1.0.0-alpha0.valid', '1.2.3----RC-SNAPSHOT.12.9.1--.12+788',
      '1.0.0-0A.is.legal', '1.2.3-0123', '01.1.1', '1.2', '1.0.0-alpha_beta', '1.1.2+.123'],
    alphabet: `${DIGITS}..-+abcZ`,
  },
};

const EMAILS = [
  'foo@bar.com', 'x@x.au', 'foo@bar.com.au', 'foo+bar@bar.com', 'hans.m端ller@test.com', 'hans@m端ller.com', 'test|123@m端ller.com',
  'test123+ext@gmail.com', 'some.name.midd.leNa.me.and.locality+extension@GoogleMail.com', '"foobar"@example.com',
  '"  foo  m端ller "@example.com', '"foo\\@bar"@example.com', 'test@gmail.com', 'test.1@gmail.com', 'sisko@example.com',
  'Some Name <foo@bar.com>', '"Some Name" <foo@bar.com>', '"Some \\"Name\\"" <foo@bar.com>', 'Name<test@gmail.com>',
  'user@1.2.3.4', 'user@[1.2.3.4]', 'user@[::1]', 'x@localhost', 'a_b@c_d.com', 'multiple..dots@gmail.com', 'a@b',
  '"@example.com', 'foo@bar.com.', 'ｇｍａｉｌ@gmail.com', 'foo@xn--froschgrn-x9a.com', 'foo@bar.123', 'Some;Name <foo@bar.com>',
  '"Some;Name" <foo@bar.com>', '"\\\u00e9"@x.com',
];
const EMAIL_ALPHABET = `${LETTERS}${DIGITS}@@@...--_"\\ <>[]:;+!#()`;

const emailOptions = optionsOf({
  allow_display_name: bool,
  require_display_name: bool,
  allow_utf8_local_part: bool,
  require_tld: bool,
  allow_ip_domain: bool,
  allow_underscores: bool,
  domain_specific_validation: bool,
  ignore_max_length: bool,
  blacklisted_chars: fc.constantFrom('', 'abc', '!#', 'x-z', '^a', '\\d', '.'),
  host_blacklist: fc.constantFrom([], ['bar.com'], [/^ex/], ['gmail.com', /\.au$/]),
  host_whitelist: fc.constantFrom([], ['bar.com'], [/^ex/i, 'gmail.com']),
});

const URLS = [
  'foobar.com', 'www.foobar.com', 'http://www.foobar.com/', 'HTTP://WWW.FOOBAR.COM/', 'https://www.foobar.com:23/',
  'http://user:pass@www.foobar.com/', 'http://user:@www.foobar.com/', 'http://:pass@www.foobar.com/', 'http://127.0.0.1/',
  'http://duckduckgo.com/?q=%2F', 'http://foobar.com/?foo=bar#baz=qux', 'http://[::1]:80/index.html', 'http://[1080::8:800:200C:417A]/foo',
  'http://xn--froschgrn-x9a.com/', 'http://кулік.укр', 'localhost:3000', '//foobar.com', 'http://localhost:3000/',
  'ftp://1.2.3.4/x', 'rtmp://foobar.com', 'http://foo_bar.com', 'http://example.com.', 'http://*.foo.com', 'http://example.123',
  'file:///etc/passwd', 'mailto:a@b.com', 'javascript:alert(1)', 'javascript:alert@example.com', 'JavaScript://x.com/%0a',
  'data:text/html,<b>', 'vbscript:msgbox', 'user:pass@example.com', 'javascript:1', 'http://www.foobar.com:0/',
  'http://www.foobar.com:65536/', 'http://lol:lol:lol@foobar.com/', 'http://@foobar.com', 'http://:@foobar.com',
  'https://example.com/a?b#c', 'http://a.b.c.d.e.f.gh/', 'http://1337.com', 'example.com:8080/path',
];
const URL_ALPHABET = `${LETTERS}${DIGITS}::://///...@?#&[]%-_*+ <`;

const urlOptions = optionsOf({
  protocols: fc.constantFrom(['http', 'https', 'ftp'], ['http'], ['javascript', 'http'], ['rtmp', 'file'], []),
  require_tld: bool,
  require_protocol: bool,
  require_host: bool,
  require_port: bool,
  require_valid_protocol: bool,
  allow_underscores: bool,
  allow_trailing_dot: bool,
  allow_numeric_tld: bool,
  allow_wildcard: bool,
  allow_protocol_relative_urls: bool,
  allow_fragments: bool,
  allow_query_components: bool,
  disallow_auth: bool,
  validate_length: bool,
  max_allowed_length: fc.constantFrom(10, 2084),
  host_whitelist: fc.constantFrom(false, [], ['foobar.com'], [/^www\./, 'localhost']),
  host_blacklist: fc.constantFrom(false, ['foobar.com'], [/\.com$/]),
});

const HOSTS = [
  'domain.com', 'dom.plato', 'a.domain.co', 'foo--bar.com', 'xn--froschgrn-x9a.com', 'rebecca.blackfriday', '1337.com',
  'abc.xn--p1ai', '例子.广告', '😀.com', 'a.b.c.d.e.f.gh', 'abc', '256.0.0.0', '_.com', '*.some.com', 's!ome.com',
  'domain.com/', 'domain.com\uff0e', 'domain.co\u00a0m', 'domain.c', '-domain.com', 'domain.com-', 'a..com', 'example.com.',
  'example.123', 'münchen.de', 'x.y\u3000z', 'xn--a.com',
];
const HOST_ALPHABET = `${LETTERS}${DIGITS}...--_*`;

const ALPHA_LOCALES = ['en-US', 'de-DE', 'tr-TR', 'el-GR', 'ru-RU', 'ar', 'he', 'ja-JP', 'ko-KR', 'hi-IN', 'th-TH', 'fa-IR', 'sr-RS@latin', 'uk-UA', 'vi-VN', 'bn'];

const fqdnOptions = optionsOf({
  require_tld: bool,
  allow_underscores: bool,
  allow_trailing_dot: bool,
  allow_numeric_tld: bool,
  allow_wildcard: bool,
  ignore_max_length: bool,
});

SPECS.isEmail = { examples: EMAILS, alphabet: EMAIL_ALPHABET, args: emailOptions.map((o) => [o]), runs: 3000 };
SPECS.isURL = { examples: URLS, alphabet: URL_ALPHABET, args: urlOptions.map((o) => [o]), runs: 3000 };
SPECS.isFQDN = { examples: HOSTS, alphabet: HOST_ALPHABET, args: fqdnOptions.map((o) => [o]), runs: 3000 };
SPECS.isAlpha = {
  examples: ['abc', 'ABC', 'Straße', 'İıiI', 'ΑβΓ', 'Привет', 'مرحبا', 'שלום', 'ひらがな', '한국어', 'नमस्ते', 'สวัสดี', 'abc123', 'a b-c', ''],
  alphabet: 'abzAZß0 -_sİıΑβПمשひ한न',
  args: fc.tuple(
    fc.constantFrom(undefined, ...ALPHA_LOCALES),
    fc.constantFrom(undefined, {}, { ignore: ' ' }, { ignore: '-_ ' }, { ignore: 's' }, { ignore: /[0-9]/g }, { ignore: /\s/ }, { ignore: '😀' }),
  ),
  runs: 2000,
};
SPECS.isAlphanumeric = SPECS.isAlpha;

module.exports = { SPECS, EMAILS, URLS, HOSTS, ALPHA_LOCALES };
