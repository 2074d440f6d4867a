'use strict';
// JS fast paths: cheap checks that prove a validator's answer without crossing into the
// backend, which costs more than validator.js's whole check for short inputs (bench:
// benches/js/validators.bench.js).
//
// Each function takes the string and the validated options object and returns true or
// false when it can prove the answer, or undefined to let the core decide. They answer only
// for inputs up to MAX_LENGTH code units (longer input always goes to the core) and only
// for the options they fully understand; locales, `ignore`, patterns and other options the
// core validates make them return undefined. They use charCode loops and, in two gates,
// single-class regexes (no quantifier can backtrack). The test suite
// (js-tests/validators-fastpath.test.js) checks on generated inputs that every answer
// given here equals the core's and validator.js's.

const MAX_LENGTH = 1024;

const isDigit = (c) => c >= 48 && c <= 57;
const isHex = (c) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
const isAsciiAlpha = (c) => (c | 32) >= 97 && (c | 32) <= 122;
const isLower = (c) => c >= 97 && c <= 122;

/** validator.js's `min`/`max`/`lt`/`gt` checks; `null` bounds are ignored, as there. */
function inBounds(value, o) {
  return (o.min == null || value >= o.min) && (o.max == null || value <= o.max)
    && (o.lt == null || value < o.lt) && (o.gt == null || value > o.gt);
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

function isInt(s, o) {
  const n = s.length;
  if (n === 0) return false;
  if (n > MAX_LENGTH) return undefined;
  const start = signEnd(s);
  if (!allDigits(s, start, n)) return false;
  if (o.allow_leading_zeroes === false && n - start > 1 && s.charCodeAt(start) === 48) return false;
  return inBounds(Number(s), o);
}

const PORT = Object.freeze({ allow_leading_zeroes: false, min: 0, max: 65535 });

function isFloat(s, o) {
  const n = s.length;
  if (o.locale !== undefined || n > MAX_LENGTH) return undefined;
  if (s === '' || s === '.' || s === ',' || s === '-' || s === '+') return false;
  let i = signEnd(s);
  while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  if (s.charCodeAt(i) === 46) {
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
  return inBounds(parseFloat(s), o);
}

function isNumeric(s, o) {
  const n = s.length;
  if (o.locale !== undefined || n > MAX_LENGTH) return undefined;
  if (o.no_symbols) return allDigits(s, 0, n);
  const start = signEnd(s);
  const dot = s.indexOf('.', start);
  if (dot === -1) return allDigits(s, start, n);
  return (dot === start || allDigits(s, start, dot)) && allDigits(s, dot + 1, n);
}

const EN_LOCALES = new Set(['en-US', 'en-AU', 'en-GB', 'en-HK', 'en-IN', 'en-NZ', 'en-ZA', 'en-ZM']);

function isDecimal(s, o) {
  const n = s.length;
  if (n > MAX_LENGTH || (o.locale !== undefined && o.locale !== 'en-US')) return undefined;
  let min = 1;
  let max = Infinity;
  if (o.decimal_digits !== undefined) {
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
  if (s.charCodeAt(i) !== 46) return false;
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

function asciiClass(s, alnum) {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i += 1) {
    const c = s.charCodeAt(i);
    if (!isAsciiAlpha(c) && !(alnum && isDigit(c))) return false;
  }
  return true;
}

function alphaFast(alnum) {
  return (s, o) => {
    if (o.ignore !== undefined || s.length > MAX_LENGTH || (o.locale !== undefined && !EN_LOCALES.has(o.locale))) return undefined;
    return asciiClass(s, alnum);
  };
}

const STRICT_BOOLEANS = new Set(['true', 'false', '1', '0']);
const LOOSE_BOOLEANS = new Set(['true', 'false', '1', '0', 'yes', 'no']);

function isBoolean(s, o) {
  if (!o.loose) return STRICT_BOOLEANS.has(s);
  return s.length <= 5 && LOOSE_BOOLEANS.has(s.toLowerCase());
}

function isHexadecimal(s) {
  const n = s.length;
  if (n > MAX_LENGTH) return undefined;
  let i = 0;
  if (n > 2 && s.charCodeAt(0) === 48) {
    const p = s.charCodeAt(1) | 32;
    if (p === 120 || p === 104) i = 2;
  }
  if (i === n) return false;
  for (; i < n; i += 1) if (!isHex(s.charCodeAt(i))) return false;
  return true;
}

function isMongoId(s) {
  return s.length === 24 && isHexadecimal(s);
}

function isBase64(s, o) {
  const n = s.length;
  if (n > MAX_LENGTH * 8) return undefined;
  if (n === 0) return true;
  const urlSafe = o.urlSafe === true;
  const padding = o.padding === undefined ? !urlSafe : o.padding;
  let end = n;
  if (padding) {
    if (n % 4 !== 0) return false;
    if (s.charCodeAt(end - 1) === 61) end -= 1;
    if (s.charCodeAt(end - 1) === 61) end -= 1;
  }
  if (end === 0) return false;
  for (let i = 0; i < end; i += 1) {
    const c = s.charCodeAt(i);
    if (isAsciiAlpha(c) || isDigit(c)) continue;
    if (urlSafe ? c === 45 || c === 95 : c === 43 || c === 47) continue;
    return false;
  }
  return true;
}

const URL_SAFE = Object.freeze({ urlSafe: true });

function isJWT(s) {
  if (s.length > MAX_LENGTH * 8) return undefined;
  const first = s.indexOf('.');
  const second = first === -1 ? -1 : s.indexOf('.', first + 1);
  if (second === -1 || s.indexOf('.', second + 1) !== -1) return false;
  return isBase64(s.slice(0, first), URL_SAFE) && isBase64(s.slice(first + 1, second), URL_SAFE) && isBase64(s.slice(second + 1), URL_SAFE);
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

function isUUID(s, o) {
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i += 1) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23 ? c !== 45 : !isHex(c)) return false;
  }
  const version = o.version === undefined ? 'all' : o.version;
  const all = (digit) => {
    for (let i = 0; i < 36; i += 1) if (i !== 8 && i !== 13 && i !== 18 && i !== 23 && (s.charCodeAt(i) | 32) !== digit) return false;
    return true;
  };
  const variant = s.charCodeAt(19) | 32;
  const rfc = variant === 56 || variant === 57 || variant === 97 || variant === 98;
  const v = s.charCodeAt(14);
  switch (version) {
    case 'loose': return true;
    case 'nil': return all(48);
    case 'max': return all(102);
    case 'all': return (rfc && v >= 49 && v <= 56) || all(48) || all(102);
    default: return rfc && v === version.charCodeAt(0);
  }
}

/** Dotted-quad IPv4 without leading zeros. */
function isIPv4(s) {
  const n = s.length;
  if (n < 7 || n > 15) return false;
  let parts = 0;
  let start = 0;
  for (let i = 0; i <= n; i += 1) {
    if (i < n && s.charCodeAt(i) !== 46) continue;
    const len = i - start;
    if (len === 0 || len > 3 || !allDigits(s, start, i)) return false;
    if (len > 1 && s.charCodeAt(start) === 48) return false;
    if (len === 3 && Number(s.slice(start, i)) > 255) return false;
    parts += 1;
    start = i + 1;
  }
  return parts === 4;
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

const MIME_TYPES = new Set(['application', 'audio', 'font', 'image', 'message', 'model', 'multipart', 'text', 'video']);

function isMimeType(s) {
  const n = s.length;
  if (n > 2048) return false;
  if (s.indexOf(';') !== -1) return undefined;
  const slash = s.indexOf('/');
  if (slash === -1 || n - slash - 1 < 1 || n - slash - 1 > 100) return false;
  for (let i = 0; i < slash; i += 1) if (!isAsciiAlpha(s.charCodeAt(i))) return false;
  if (!MIME_TYPES.has(s.slice(0, slash).toLowerCase())) return false;
  for (let i = slash + 1; i < n; i += 1) {
    const c = s.charCodeAt(i);
    if (!(isAsciiAlpha(c) || isDigit(c) || c === 46 || c === 45 || c === 43 || c === 95)) return false;
  }
  return true;
}

/** A SemVer numeric part: `0` or digits without a leading zero. */
const isNumber = (p) => p === '0' || (p.length > 0 && p.charCodeAt(0) !== 48 && allDigits(p, 0, p.length));

function identifiers(list, prerelease) {
  for (const id of list.split('.')) {
    if (id.length === 0) return false;
    let digits = true;
    for (let i = 0; i < id.length; i += 1) {
      const c = id.charCodeAt(i);
      if (isDigit(c)) continue;
      if (!(isAsciiAlpha(c) || c === 45)) return false;
      digits = false;
    }
    if (prerelease && digits && !isNumber(id)) return false;
  }
  return true;
}

function isSemVer(s) {
  if (s.length > MAX_LENGTH) return undefined;
  const plus = s.indexOf('+');
  const main = plus === -1 ? s : s.slice(0, plus);
  if (plus !== -1 && !identifiers(s.slice(plus + 1), false)) return false;
  const dash = main.indexOf('-');
  const core = dash === -1 ? main : main.slice(0, dash);
  if (dash !== -1 && !identifiers(main.slice(dash + 1), true)) return false;
  const parts = core.split('.');
  return parts.length === 3 && parts.every(isNumber);
}

// isISO8601: the common RFC 3339 shapes, proved valid by single-pass patterns (no
// quantifier can backtrack into another); everything else goes to the core.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isISO8601(s, o) {
  const c = s.charCodeAt(0);
  if (!(isDigit(c) || c === 43 || c === 45)) return false;
  if (s.length > 40) return undefined;
  // Both shapes separate date and time with `T`, valid with or without strictSeparator.
  const m = ISO_DATE.exec(s) || ISO_DATE_TIME.exec(s);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return undefined;
  if (!o.strict) return true;
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

const FAST = {
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
  isAlpha: alphaFast(false),
  isAlphanumeric: alphaFast(true),
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
};

module.exports = { FAST, MAX_LENGTH, countLength };
