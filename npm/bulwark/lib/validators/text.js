'use strict';
// validator.js's string-comparison and simple-format validators (contains, equals,
// isLowercase, isFullWidth, isHash, isHexColor, ...): their argument readers, and the JS
// copies of their checks, with validator.js's semantics on UTF-16 code units.
//
// The core decides (crates/bulwark-core/src/validators/<name>.rs). The JS copies here are
// used (1) as fast paths for inputs up to MAX_LENGTH units, where a crossing costs more
// than the whole check (bench: benches/js/validators.bench.js), and (2) for strings with
// lone surrogates, which both bindings would turn into U+FFFD: validator.js gives true
// for some of them (isLowercase('\ud800'), isMultibyte('\ud800'), contains with such a
// seed), so they are answered here, never in their replaced form. Every regex here is
// validator.js's own and has no overlapping quantifiers (one pass in V8). The copies are
// held equal to the core by js-tests/validators-fastpath.test.js and to validator.js by
// js-tests/validators-text.test.js.

const { BulwarkError } = require('../errors');

const MAX_LENGTH = 1024;

function invalid(name, message) {
  return new BulwarkError('INVALID_OPTIONS', `${name}: ${message}`);
}

/** The number of pieces of `s.split(seed)`, counted without building them. */
function splitPieces(s, seed) {
  if (seed === '') return s.length;
  let pieces = 1;
  let at = s.indexOf(seed);
  while (at !== -1) {
    pieces += 1;
    at = s.indexOf(seed, at + seed.length);
  }
  return pieces;
}

function contains(s, o) {
  const pieces = o.ignoreCase ? splitPieces(s.toLowerCase(), o.seed.toLowerCase()) : splitPieces(s, o.seed);
  return pieces > (o.minOccurrences === undefined ? 1 : o.minOccurrences);
}

const NOT_ASCII = /[^\x00-\x7F]/;
const HALF_WIDTH = /[\u0020-\u007E\uFF61-\uFF9F\uFFA0-\uFFDC\uFFE8-\uFFEE]/;
const FULL_WIDTH = /[^\u0020-\u007E\uFF61-\uFF9F\uFFA0-\uFFDC\uFFE8-\uFFEE]/;
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

function isWhitelisted(s, o) {
  for (let i = s.length - 1; i >= 0; i -= 1) if (o.chars.indexOf(s[i]) === -1) return false;
  return true;
}

/** The checks on code units that can be true for strings with lone surrogates. */
const UNITS = Object.assign(Object.create(null), {
  contains,
  equals: (s, o) => s === o.comparison,
  isLowercase: (s) => s === s.toLowerCase(),
  isUppercase: (s) => s === s.toUpperCase(),
  isFullWidth: (s) => FULL_WIDTH.test(s),
  isHalfWidth: (s) => HALF_WIDTH.test(s),
  isVariableWidth: (s) => FULL_WIDTH.test(s) && HALF_WIDTH.test(s),
  isMultibyte: (s) => NOT_ASCII.test(s),
  isSurrogatePair: (s) => SURROGATE_PAIR.test(s),
  isWhitelisted,
});

/** validator.js's answer for a string with a lone surrogate, or undefined (false there). */
function illFormed(name, s, o) {
  const check = UNITS[name];
  return check === undefined ? undefined : check(s, o);
}

const HASH_LENGTHS = Object.assign(Object.create(null), {
  md5: 32,
  md4: 32,
  sha1: 40,
  sha256: 64,
  sha384: 96,
  sha512: 128,
  ripemd128: 32,
  ripemd160: 40,
  tiger128: 32,
  tiger160: 40,
  tiger192: 48,
  crc32: 8,
  crc32b: 8,
});

const HEX = /^[a-fA-F0-9]+$/;
// eslint-disable-next-line security/detect-unsafe-regex -- the quantified parts are separated by '.' and 'e' (one pass)
const FLOAT = /^[-+]?[0-9]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;

/** validator.js toFloat: parseFloat of a string isFloat accepts, else NaN. */
function toFloat(s) {
  if (s === '' || s === '.' || s === '-' || s === '+' || !FLOAT.test(s)) return NaN;
  return parseFloat(s);
}

const short = (check) => (s, o) => (s.length <= MAX_LENGTH ? check(s, o) : undefined);

/** Format checks (ASCII formats: a lone surrogate never passes). */
const FORMATS = {
  isAscii: (s) => s !== '' && !NOT_ASCII.test(s),
  isEmpty: (s, o) => (o.ignore_whitespace ? s.trim().length : s.length) === 0,
  isOctal: (s) => /^(0o)?[0-7]+$/i.test(s),
  isMD5: (s) => s.length === 32 && /^[a-f0-9]+$/.test(s),
  isHash: (s, o) => s.length === HASH_LENGTHS[o.algorithm] && HEX.test(s),
  isBase32: (s, o) => (o.crockford ? /^[A-HJKMNP-TV-Z0-9]+$/.test(s) : s.length % 8 === 0 && /^[A-Z2-7]+=*$/.test(s)),
  isBase58: (s) => /^[A-HJ-NP-Za-km-z1-9]*$/.test(s),
  isULID: (s) => s.length === 26 && /^[0-7][0-9A-HJKMNP-TV-Z]+$/i.test(s),
  isDivisibleBy: (s, o) => toFloat(s) % (o.number === null ? NaN : o.number) === 0,
  isHexColor: (s, o) =>
    (o.require_hashtag
      ? /^#([0-9A-F]{3,4}|[0-9A-F]{6}|[0-9A-F]{8})$/i
      : /^#?([0-9A-F]{3,4}|[0-9A-F]{6}|[0-9A-F]{8})$/i
    ).test(s),
};

/** Fast paths (see the header): short inputs, and contains/equals/isWhitelisted options with lone surrogates. */
const FAST_TEXT = Object.create(null);
for (const name of Object.keys(UNITS)) FAST_TEXT[name] = short(UNITS[name]);
for (const name of Object.keys(FORMATS)) FAST_TEXT[name] = short(FORMATS[name]);
FAST_TEXT.contains = (s, o) => (s.length <= MAX_LENGTH || !o.seed.isWellFormed() ? contains(s, o) : undefined);
FAST_TEXT.equals = (s, o) => s === o.comparison;
FAST_TEXT.isWhitelisted = (s, o) =>
  s.length <= MAX_LENGTH || !o.chars.isWellFormed() ? isWhitelisted(s, o) : undefined;

// Argument readers (validator.js call shapes) into options objects for the core.

/**
 * contains(str, elem, { ignoreCase, minOccurrences }); `readShape` reads the options object
 * (typed, own keys), `toString` is validator.js's util/toString (bounded, ./options.js).
 */
function containsOptions(elem, options, readShape, toString) {
  const read = readShape(options);
  const o = Object.create(null);
  o.seed = toString(elem);
  if (read.ignoreCase !== undefined) o.ignoreCase = read.ignoreCase;
  if (read.minOccurrences !== undefined) o.minOccurrences = read.minOccurrences;
  return o;
}

/** equals(str, comparison): a non-string comparison equals no string (`null` for the core). */
function equalsOptions(comparison) {
  const o = Object.create(null);
  o.comparison = typeof comparison === 'string' ? comparison : null;
  return o;
}

/** The most characters isWhitelisted's `chars` array may list. */
const MAX_CHARS = 10000;

/** isWhitelisted(str, chars): a string, or an array whose one-unit strings are the allowed units. */
function whitelistedOptions(chars) {
  const o = Object.create(null);
  if (typeof chars === 'string') {
    o.chars = chars;
  } else if (Array.isArray(chars)) {
    if (chars.length > MAX_CHARS) throw invalid('isWhitelisted', `chars may list at most ${MAX_CHARS} entries`);
    let out = '';
    for (let i = 0; i < chars.length; i += 1) {
      const c = Object.hasOwn(chars, i) ? chars[i] : undefined;
      if (typeof c === 'string' && c.length === 1) out += c;
    }
    o.chars = out;
  } else {
    throw new TypeError(
      `isWhitelisted: chars must be a string or an array, got ${chars === null ? 'null' : typeof chars}`,
    );
  }
  return o;
}

const HASH_OPTIONS = Object.create(null);

/** isHash(str, algorithm): one of validator.js's algorithms (anything else is INVALID_OPTIONS). */
function hashOptions(algorithm, constantOptions) {
  if (typeof algorithm !== 'string' || HASH_LENGTHS[algorithm] === undefined) {
    throw invalid(
      'isHash',
      `algorithm must be one of ${Object.keys(HASH_LENGTHS).join(', ')}, got ${typeof algorithm === 'string' ? JSON.stringify(algorithm.slice(0, 32)) : typeof algorithm}`,
    );
  }
  let o = HASH_OPTIONS[algorithm];
  if (o === undefined) o = HASH_OPTIONS[algorithm] = constantOptions({ algorithm });
  return o;
}

const DIVISORS = new Map();

/** isDivisibleBy(str, number): `parseInt(number, 10)` (NaN as null), as validator.js reads it. */
function divisibleOptions(number, constantOptions) {
  if (typeof number === 'object' && number !== null) {
    throw new TypeError('isDivisibleBy: number must be a number or a string');
  }
  if (typeof number === 'symbol') throw new TypeError('isDivisibleBy: number must be a number or a string');
  const n = parseInt(number, 10);
  const key = Number.isNaN(n) ? null : n;
  let o = DIVISORS.get(key);
  if (o === undefined) {
    o = constantOptions({ number: key });
    if (DIVISORS.size >= 256) DIVISORS.clear();
    DIVISORS.set(key, o);
  }
  return o;
}

/** Option schemas of the validators here that take an options object. */
const TEXT_SCHEMAS = (bool, number, string, version) => ({
  isRgbColor: { allowSpaces: bool, includePercentValues: bool },
  isLatLong: { checkDMS: bool },
  isMACAddress: { eui: version, no_colons: bool, no_separators: bool },
  isTime: { hourFormat: string, mode: string },
  contains: { ignoreCase: bool, minOccurrences: number },
  isEmpty: { ignore_whitespace: bool },
  isBase32: { crockford: bool },
  isHexColor: { require_hashtag: bool },
});

/** Validators here without options. */
const TEXT_NO_OPTIONS = [
  'isAscii',
  'isLowercase',
  'isUppercase',
  'isFullWidth',
  'isHalfWidth',
  'isVariableWidth',
  'isMultibyte',
  'isSurrogatePair',
  'isOctal',
  'isMD5',
  'isBase58',
  'isULID',
  'isHSL',
  'isDataURI',
  'isMagnetURI',
  'isRFC3339',
  'isLocale',
];

/**
 * isRgbColor(str, options | includePercentValues): validator.js reads a non-object second
 * argument as includePercentValues (by truthiness; an explicit undefined turns percent
 * values off). Here it must be a boolean or undefined. `readShape` reads an options object.
 */
function rgbOptions(args, readShape, constantOptions) {
  if (args.length === 0) return readShape(undefined);
  const arg = args[0];
  if (arg === null) throw new TypeError('isRgbColor: options must be an object or a boolean, got null');
  if (typeof arg === 'object') return readShape(arg);
  if (arg !== undefined && typeof arg !== 'boolean') {
    throw invalid('isRgbColor', `includePercentValues must be a boolean, got ${typeof arg}`);
  }
  return arg === true ? readShape(undefined) : RGB_NO_PERCENT(constantOptions);
}

let rgbNoPercent = null;
function RGB_NO_PERCENT(constantOptions) {
  if (rgbNoPercent === null) rgbNoPercent = constantOptions({ includePercentValues: false });
  return rgbNoPercent;
}

module.exports = {
  rgbOptions,
  FAST_TEXT,
  HASH_LENGTHS,
  illFormed,
  containsOptions,
  equalsOptions,
  whitelistedOptions,
  hashOptions,
  divisibleOptions,
  TEXT_SCHEMAS,
  TEXT_NO_OPTIONS,
};
