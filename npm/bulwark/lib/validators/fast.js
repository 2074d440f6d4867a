'use strict';
// JS fast paths: cheap checks that prove a validator's answer without crossing into the
// backend, which costs more than validator.js's whole check for short inputs (bench:
// benches/js/validators.bench.js).
//
// Each function takes the string and the validated options object and returns true or
// false when it can prove the answer, or undefined to let the core decide. They answer only
// for inputs up to MAX_LENGTH code units (longer input always goes to the core) and only
// for the options they fully understand; locales, `ignore`, patterns and other options the
// core validates make them return undefined. They use charCode loops and regexes whose
// quantifiers never overlap (fixed counts, disjoint classes: V8 matches them in one pass;
// several are validator.js's own patterns). Option objects come from ./options.js, whose
// shapes end in a null prototype: a polluted Object.prototype cannot reach these reads,
// and the constants below are null-prototype too. The test suite
// (js-tests/validators-fastpath.test.js) checks on generated inputs that every answer
// given here equals the core's and validator.js's.

const { ALPHA, ALPHANUMERIC, DECIMAL } = require('./locales');
const { constantOptions } = require('./options');
const { ISO_CODES } = require('./tables');
const { remember } = require('../args');

const MAX_LENGTH = 1024;

const isDigit = (c) => c >= 48 && c <= 57;
const isAsciiAlpha = (c) => (c | 32) >= 97 && (c | 32) <= 122;
const isLower = (c) => c >= 97 && c <= 122;

/** validator.js's `min`/`max`/`lt`/`gt` checks; `null` bounds are ignored, as there. */
function inBounds(value, o) {
  return (
    (o.min == null || value >= o.min) &&
    (o.max == null || value <= o.max) &&
    (o.lt == null || value < o.lt) &&
    (o.gt == null || value > o.gt)
  );
}

function allDigits(s, from, to) {
  if (from >= to) return false;
  for (let i = from; i < to; i += 1) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function signEnd(s) {
  const c = s.charCodeAt(0);
  return c === 43 || c === 45 ? 1 : 0;
}

const INT = /^[-+]?[0-9]+$/;

function isInt(s, o) {
  const n = s.length;
  if (n > MAX_LENGTH) return undefined;
  if (!INT.test(s)) return false;
  if (o.allow_leading_zeroes === false && s.charCodeAt(signEnd(s)) === 48 && n - signEnd(s) > 1) return false;
  if (o.min == null && o.max == null && o.lt == null && o.gt == null) return true;
  return inBounds(Number(s), o);
}

const PORT = constantOptions({ allow_leading_zeroes: false, min: 0, max: 65535 });

/** The decimal separator's code for `o.locale` (default '.'), or undefined if unknown. */
function separator(o) {
  if (o.locale === undefined) return 46;
  const sep = DECIMAL[o.locale];
  return sep === undefined ? undefined : sep.charCodeAt(0);
}

function isFloat(s, o) {
  const n = s.length;
  const sep = separator(o);
  if (sep === undefined || n > MAX_LENGTH) return undefined;
  if (s === '' || s === '.' || s === ',' || s === '-' || s === '+') return false;
  let i = signEnd(s);
  while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  if (s.charCodeAt(i) === sep) {
    i += 1;
    while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  }
  if (i < n) {
    if ((s.charCodeAt(i) | 32) !== 101) return false;
    i += 1;
    const c = s.charCodeAt(i);
    if (c === 43 || c === 45) i += 1;
    if (!allDigits(s, i, n)) return false;
  }
  if (o.min == null && o.max == null && o.lt == null && o.gt == null) return true;
  // validator.js's value: the Arabic separator ends parseFloat's number.
  return inBounds(parseFloat(s.replace(',', '.')), o);
}

function isNumeric(s, o) {
  const n = s.length;
  const sep = separator(o);
  if (sep === undefined || n > MAX_LENGTH) return undefined;
  if (o.no_symbols) return allDigits(s, 0, n);
  const start = signEnd(s);
  const dot = s.indexOf(String.fromCharCode(sep), start);
  if (dot === -1) return allDigits(s, start, n);
  return (dot === start || allDigits(s, start, dot)) && allDigits(s, dot + 1, n);
}

function isDecimal(s, o) {
  const n = s.length;
  const sep = separator(o);
  if (n > MAX_LENGTH || sep === undefined) return undefined;
  let min = 1;
  let max = Infinity;
  if (o.decimal_digits !== undefined) {
    // eslint-disable-next-line security/detect-unsafe-regex -- bounded counts, linear
    const m = /^(\d{1,9})(,(\d{0,9}))?$/.exec(o.decimal_digits);
    if (m === null) return undefined;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (min > max) return undefined;
  }
  if (s === '' || s === '-' || s === '+') return false;
  let i = signEnd(s);
  while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  if (i === n) return !o.force_decimal;
  if (s.charCodeAt(i) !== sep) return false;
  const digits = n - i - 1;
  return (digits === 0 || allDigits(s, i + 1, n)) && digits >= min && digits <= max;
}

function countLength(s) {
  const n = s.length;
  let sequences = 0;
  for (let i = 0; i + 1 < n;) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if (a !== 0xfe0f && a !== 0xfe0e && (b === 0xfe0f || b === 0xfe0e)) {
      sequences += 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  let pairs = 0;
  for (let i = 0; i + 1 < n;) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) {
      pairs += 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  return n - sequences - pairs;
}

function isLength(s, o) {
  const min = o.min || 0;
  // validator.js's length never exceeds the number of code units.
  if (s.length < min) return false;
  if (s.length > MAX_LENGTH) return undefined;
  const len = countLength(s);
  const inside = len >= min && (o.max === undefined || len <= o.max);
  if (inside && o.discreteLengths !== undefined) return o.discreteLengths.includes(len);
  return inside;
}

/** validator.js's removal of `ignore` characters: its own escaping into a class. */
const ignoreClasses = new Map();
function ignoreClass(ignore) {
  return remember(
    ignoreClasses,
    ignore,
    // eslint-disable-next-line security/detect-non-literal-regexp -- a class of escaped characters: no quantifier can reach it
    (chars) => new RegExp(`[${chars.replace(/[-[\]{}()*+?.,\\^$|#\\s]/g, '\\$&')}]`, 'g'),
  );
}

function alphaFast(table) {
  return (s, o) => {
    const pattern = table[o.locale === undefined ? 'en-US' : o.locale];
    if (pattern === undefined || s.length > MAX_LENGTH) return undefined;
    if (o.ignore === undefined) return pattern.test(s);
    // Removing an astral character's units can also remove lone surrogates: ill-formed
    // strings are left to the caller's rule (false), as for long ones.
    if (typeof o.ignore !== 'string' || !s.isWellFormed()) return undefined;
    return pattern.test(s.replace(ignoreClass(o.ignore), ''));
  };
}

const STRICT_BOOLEANS = new Set(['true', 'false', '1', '0']);
const LOOSE_BOOLEANS = new Set(['true', 'false', '1', '0', 'yes', 'no']);

function isBoolean(s, o) {
  if (!o.loose) return STRICT_BOOLEANS.has(s);
  return s.length <= 5 && LOOSE_BOOLEANS.has(s.toLowerCase());
}

const HEXADECIMAL = /^(?:0[xXhH])?[0-9A-Fa-f]+$/;

function isHexadecimal(s) {
  return s.length > MAX_LENGTH ? undefined : HEXADECIMAL.test(s);
}

function isMongoId(s) {
  return s.length === 24 && isHexadecimal(s);
}

// validator.js's patterns: each class excludes '=', so nothing can backtrack.
const BASE64 = [/^[A-Za-z0-9+/]+$/, /^[A-Za-z0-9+/]+={0,2}$/, /^[A-Za-z0-9_-]+$/, /^[A-Za-z0-9_-]+={0,2}$/];

function isBase64(s, o) {
  const n = s.length;
  if (n > MAX_LENGTH * 8) return undefined;
  if (n === 0) return true;
  const urlSafe = o.urlSafe === true;
  const padding = o.padding === undefined ? !urlSafe : o.padding;
  if (padding && n % 4 !== 0) return false;
  return BASE64[(urlSafe ? 2 : 0) + (padding ? 1 : 0)].test(s);
}

const URL_SAFE = constantOptions({ urlSafe: true });

function isJWT(s) {
  if (s.length > MAX_LENGTH * 8) return undefined;
  const first = s.indexOf('.');
  const second = first === -1 ? -1 : s.indexOf('.', first + 1);
  if (second === -1 || s.indexOf('.', second + 1) !== -1) return false;
  return (
    isBase64(s.slice(0, first), URL_SAFE) &&
    isBase64(s.slice(first + 1, second), URL_SAFE) &&
    isBase64(s.slice(second + 1), URL_SAFE)
  );
}

function isSlug(s) {
  const n = s.length;
  if (n > MAX_LENGTH) return undefined;
  if (n === 0) return false;
  const word = (c) => isLower(c) || isDigit(c);
  if (!word(s.charCodeAt(0)) || !word(s.charCodeAt(n - 1))) return false;
  let previous = false;
  for (let i = 0; i < n; i += 1) {
    const c = s.charCodeAt(i);
    const separator = c === 45 || c === 95;
    if (!(separator || word(c)) || (separator && previous)) return false;
    previous = separator;
  }
  return true;
}

// validator.js's patterns (fixed counts only).
const UUID = Object.create(null);
for (const v of ['1', '2', '3', '4', '5', '6', '7', '8'])
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from a fixed digit, no user input
  UUID[v] = new RegExp(`^[0-9A-F]{8}-[0-9A-F]{4}-${v}[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$`, 'i');
UUID.nil = /^00000000-0000-0000-0000-000000000000$/i;
UUID.max = /^ffffffff-ffff-ffff-ffff-ffffffffffff$/i;
UUID.loose = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;
UUID.all =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;

function isUUID(s, o) {
  return s.length === 36 && UUID[o.version === undefined ? 'all' : o.version].test(s);
}

/** Dotted-quad IPv4 without leading zeros (validator.js's pattern; bounded alternatives). */
const IPV4 =
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;

function isIPv4(s) {
  return s.length <= 15 && IPV4.test(s);
}

function isIP(s, o) {
  if (o.version === '6') return undefined;
  if (isIPv4(s)) return true;
  // Every IPv6 text form holds a colon.
  if (o.version === '4' || s.indexOf(':') === -1) return false;
  return undefined;
}

function isIPRange(s, o) {
  if (o.version === '6') return undefined;
  const slash = s.indexOf('/');
  if (slash === -1) return false;
  const subnet = s.slice(slash + 1);
  if (subnet.length === 0 || subnet.length > 3 || !allDigits(subnet, 0, subnet.length)) return false;
  if (subnet.length > 1 && subnet.charCodeAt(0) === 48) return false;
  const ip = s.slice(0, slash);
  if (isIPv4(ip)) return Number(subnet) <= 32;
  if (o.version === '4' || ip.indexOf(':') === -1) return false;
  return undefined;
}

// validator.js's pattern for types without parameters (the subtype class excludes ';').
// Without the `u` flag, `i` never lets a non-ASCII character match an ASCII letter.
const MIME_SIMPLE = /^(?:application|audio|font|image|message|model|multipart|text|video)\/[a-zA-Z0-9.\-+_]{1,100}$/i;

function isMimeType(s) {
  if (s.length > 2048) return false;
  return s.indexOf(';') === -1 ? MIME_SIMPLE.test(s) : undefined;
}

/**
 * Dot-separated identifiers `[0-9A-Za-z-]+` from `i`: the index after them, or -1. In a
 * pre-release, a numeric identifier has no leading zero.
 */
function identifiersEnd(s, from, prerelease) {
  const n = s.length;
  let i = from;
  for (;;) {
    const start = i;
    let digits = true;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) i += 1;
      else if (isAsciiAlpha(c) || c === 45) {
        digits = false;
        i += 1;
      } else break;
    }
    if (i === start || (prerelease && digits && i - start > 1 && s.charCodeAt(start) === 48)) return -1;
    if (s.charCodeAt(i) !== 46) return i;
    i += 1;
  }
}

function isSemVer(s) {
  const n = s.length;
  if (n > MAX_LENGTH) return undefined;
  let i = 0;
  for (let part = 0; part < 3; part += 1) {
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i += 1;
    if (i === start || (i - start > 1 && s.charCodeAt(start) === 48)) return false;
    if (part < 2) {
      if (s.charCodeAt(i) !== 46) return false;
      i += 1;
    }
  }
  if (s.charCodeAt(i) === 45) i = identifiersEnd(s, i + 1, true);
  if (i !== -1 && s.charCodeAt(i) === 43) i = identifiersEnd(s, i + 1, false);
  return i === n;
}

// isISO8601: the common shapes (RFC 3339 dates and timestamps, week dates), proved valid
// by patterns without overlapping quantifiers; everything else goes to the core. Years
// from 1000 only (validator.js's strict check treats years below 100 specially).
const ISO_TIMESTAMP =
  // eslint-disable-next-line security/detect-unsafe-regex -- fixed counts, linear
  /^[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;
// eslint-disable-next-line security/detect-unsafe-regex -- fixed counts, linear
const ISO_WEEK = /^[1-9]\d{3}-?W(?:[0-4]\d|5[0-3])(?:-?[1-7])?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isISO8601(s, o) {
  const c = s.charCodeAt(0);
  if (!(isDigit(c) || c === 43 || c === 45)) return false;
  if (s.length > 40) return undefined;
  if (ISO_WEEK.test(s)) return true;
  if (!ISO_TIMESTAMP.test(s)) return undefined;
  if (!o.strict) return true;
  const digits = (at) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
  const year = digits(0) * 100 + digits(2);
  const month = digits(5);
  const day = digits(8);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && !leap ? 28 : DAYS[month - 1]);
}

function isEmail(s) {
  // validator.js finds the domain after the last '@'; without one the local part is empty.
  return s.indexOf('@') === -1 ? false : undefined;
}

function isURL(s) {
  if (s === '' || /[\s<>]/.test(s) || s.startsWith('mailto:')) return false;
  return undefined;
}

function isFQDN(s) {
  return s === '' ? false : undefined;
}

function isJSON(s, o) {
  // Short text: V8's JSON.parse (a linear parser, no regex) is validator.js's own check.
  if (s.length <= 256) {
    let value;
    try {
      value = JSON.parse(s);
    } catch {
      return false;
    }
    if (o.allow_any_value) return true;
    if (o.allow_primitives && (value === null || value === true || value === false)) return true;
    return value !== null && typeof value === 'object';
  }
  if (o.allow_any_value) return undefined;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i += 1;
  }
  const c = s.charCodeAt(i);
  if (c === 123 || c === 91) return undefined;
  if (o.allow_primitives && (c === 116 || c === 102 || c === 110)) return undefined;
  // A number, a string, or not JSON at all: never an object or array.
  return false;
}

function isByteLength(s, o) {
  if (!s.isWellFormed()) return undefined;
  const len = Buffer.byteLength(s, 'utf8');
  return len >= (o.min || 0) && (o.max === undefined || len <= o.max);
}

// Identifiers validator.js checks with one fixed-length pattern: a crossing costs more than
// the check (bench rows isEthereumAddress, isISRC, isBtcAddress, isAbaRouting). Fixed counts
// and a length bound before any pattern runs: nothing here can backtrack.
const ETHEREUM = /^0[xX][0-9a-fA-F]{40}$/;
const ISRC = /^[A-Z]{2}[0-9A-Z]{3}[0-9]{7}$/;
const BECH32 = /^(?:bc1|tb1)p?[ac-hj-np-z02-9]+$/;
const BASE58 = /^[123m][A-HJ-NP-Za-km-z1-9]{25,39}$/;

function isBtcAddress(s) {
  const n = s.length;
  if (n > 64) return false;
  if (BASE58.test(s)) return true;
  if (!BECH32.test(s)) return false;
  // validator.js: (bc1|tb1|bc1p|tb1p) then 39-58 characters of the bech32 alphabet, in
  // which 'p' is a letter too: after 'bc1' 39-58, or 'p' and 39-58 more.
  const rest = n - 3;
  return (rest >= 39 && rest <= 58) || (s.charCodeAt(3) === 112 && rest - 1 >= 39 && rest - 1 <= 58);
}

/** ABA routing: nine digits, a series in use (validator.js's look-ahead), 3-7-1 checksum. */
function isAbaRouting(s) {
  if (s.length !== 9 || !allDigits(s, 0, 9)) return false;
  const series = (s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48);
  if (!(series <= 12 || (series >= 21 && series <= 32) || (series >= 61 && series <= 72) || series === 80))
    return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += (s.charCodeAt(i) - 48) * (i % 3 === 0 ? 3 : i % 3 === 1 ? 7 : 1);
  return sum % 10 === 0;
}

// The ISO code validators are one Set lookup in validator.js (bench rows isISO31661Alpha2,
// ..., isISO6391), a tenth of a crossing. The sets are generated from validator.js with the
// core's (scripts/gen-validator-tables.mjs), and the expressions are validator.js's own:
// the core follows String#toUpperCase's full mapping ('ß' reads as 'SS') as well, and the
// fast-path test holds the two equal.

/** `codes.has(s.toUpperCase())`; `userAssignedCodes` is left to the core. */
const upperCode = (codes) => (s, o) =>
  s.length <= MAX_LENGTH && o.userAssignedCodes === undefined ? codes.has(s.toUpperCase()) : undefined;

// isBIC: validator.js's pattern (fixed counts) and its country check, s.slice(4, 6) upper-cased
// in the ISO 3166-1 alpha-2 set or 'XK' (the pattern makes those two units ASCII letters).
// eslint-disable-next-line security/detect-unsafe-regex -- fixed counts, anchored: one pass
const BIC = /^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$/;
function isBIC(s) {
  if (!BIC.test(s)) return false;
  const country = s.slice(4, 6).toUpperCase();
  return country === 'XK' || ISO_CODES.ISO31661_ALPHA2.has(country);
}

const ISIN = /^[A-Z]{2}[0-9A-Z]{9}[0-9]$/;

/** isISIN: the pattern, then the check digit over the digits (a letter counts as two: A = 10). */
function isISIN(s) {
  if (s.length !== 12 || !ISIN.test(s)) return false;
  let double = true;
  let sum = 0;
  const add = (digit) => {
    sum += double ? (digit >= 5 ? 1 + (digit - 5) * 2 : digit * 2) : digit;
    double = !double;
  };
  for (let i = 10; i >= 0; i -= 1) {
    const c = s.charCodeAt(i);
    if (c >= 65) {
      add((c - 55) % 10);
      add(Math.trunc((c - 55) / 10));
    } else add(c - 48);
  }
  return s.charCodeAt(11) - 48 === Math.trunc((sum + 9) / 10) * 10 - sum;
}

const IMEI = /^[0-9]{15}$/;
const IMEI_HYPHENS = /^[0-9]{2}-[0-9]{6}-[0-9]{6}-[0-9]$/;

/** isIMEI: 15 digits (or 2-6-6-1 with allow_hyphens) and the Luhn check digit. */
function isIMEI(s, o) {
  let digits = s;
  if (o.allow_hyphens) {
    if (!IMEI_HYPHENS.test(s)) return false;
    digits = s.replaceAll('-', '');
  } else if (!IMEI.test(s)) return false;
  let sum = 0;
  let mul = 2;
  for (let i = 13; i >= 0; i -= 1) {
    const product = (digits.charCodeAt(i) - 48) * mul;
    sum += product >= 10 ? (product % 10) + 1 : product;
    mul = mul === 1 ? 2 : 1;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(14) - 48;
}

/** `codes.has(s)`: exact, as validator.js asks. */
const exactCode = (codes) => (s) => (s.length <= MAX_LENGTH ? codes.has(s) : undefined);

// Null prototype: callers look validator names up here.
const FAST = Object.assign(Object.create(null), {
  isEmail,
  isURL,
  isFQDN,
  isIP,
  isIPRange,
  isUUID,
  isInt,
  isFloat,
  isNumeric,
  isDecimal,
  isAlpha: alphaFast(ALPHA),
  isAlphanumeric: alphaFast(ALPHANUMERIC),
  isHexadecimal,
  isBase64,
  isJWT,
  isISO8601,
  isPort: (s) => isInt(s, PORT),
  isSlug,
  isMongoId,
  isLength,
  isByteLength,
  isJSON,
  isBoolean,
  isMimeType,
  isSemVer,
  isEthereumAddress: (s) => s.length === 42 && ETHEREUM.test(s),
  isISRC: (s) => s.length === 12 && ISRC.test(s),
  isBtcAddress,
  isAbaRouting,
  isBIC,
  isISIN,
  isIMEI,
  isISO31661Alpha2: upperCode(ISO_CODES.ISO31661_ALPHA2),
  isISO31661Alpha3: upperCode(ISO_CODES.ISO31661_ALPHA3),
  isISO31661Numeric: exactCode(ISO_CODES.ISO31661_NUMERIC),
  isISO4217: upperCode(ISO_CODES.ISO4217),
  isISO15924: exactCode(ISO_CODES.ISO15924),
  isISO6391: exactCode(ISO_CODES.ISO6391),
});
// contains, equals, isLowercase, isHash, ... (./text.js).
Object.assign(FAST, require('./text').FAST_TEXT);

module.exports = { FAST, MAX_LENGTH, countLength };
