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
const { remember } = require('../args');

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

// validator.js's own patterns for isRFC3339 and isTime (fixed structures: every optional or
// repeated part is followed by a character it cannot hold, so V8 matches in one pass).
const RFC3339 =
  // eslint-disable-next-line security/detect-unsafe-regex -- one optional fraction, ended by a class it cannot hold
  /^[0-9]{4}-(0[1-9]|1[0-2])-([12][0-9]|0[1-9]|3[01])[ tT]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([zZ]|[-+]([01][0-9]|2[0-3]):[0-5][0-9])$/;
const TIME_FORMATS = Object.freeze({
  __proto__: null,
  hour24: Object.freeze({
    __proto__: null,
    default: /^([01]?[0-9]|2[0-3]):([0-5][0-9])$/,
    withSeconds: /^([01]?[0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])$/,
    withOptionalSeconds: /^([01]?[0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$/,
  }),
  hour12: Object.freeze({
    __proto__: null,
    default: /^(0?[1-9]|1[0-2]):([0-5][0-9]) (A|P)M$/,
    withSeconds: /^(0?[1-9]|1[0-2]):([0-5][0-9]):([0-5][0-9]) (A|P)M$/,
    withOptionalSeconds: /^(0?[1-9]|1[0-2]):([0-5][0-9])(?::([0-5][0-9]))? (A|P)M$/,
  }),
});

// validator.js's isMagnetURI pattern: every part has a fixed length, so each position is
// tried in constant time (linear over the input).
const MAGNET_COMPONENT =
  // eslint-disable-next-line security/detect-unsafe-regex -- fixed-length parts: constant work per position
  /(?:^magnet:\?|[^?&]&)xt(?:\.1)?=urn:(?:(?:aich|bitprint|btih|ed2k|ed2khash|kzhash|md5|sha1|tree:tiger):[a-z0-9]{32}(?:[a-z0-9]{8})?|btmh:1220[a-z0-9]{64})(?:$|&)/i;

// validator.js's isRgbColor patterns: anchored, each repeated group a bounded choice of
// fixed-length numbers followed by a delimiter it cannot hold (one pass).
const BYTE = '([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])';
const PERCENT = '([0-9]%|[1-9][0-9]%|100%)';
const ALPHA = '(0?\\.[0-9][0-9]?|1(\\.0)?|0(\\.0)?)';
const RGB = new RegExp(`^rgb\\((${BYTE},){2}${BYTE}\\)$`);
const RGBA = new RegExp(`^rgba\\((${BYTE},){3}${ALPHA}\\)$`);
const RGB_PERCENT = new RegExp(`^rgb\\((${PERCENT},){2}${PERCENT}\\)$`);
const RGBA_PERCENT = new RegExp(`^rgba\\((${PERCENT},){3}${ALPHA}\\)$`);

/** isRgbColor: validator.js's steps (allowSpaces strips every JS whitespace after an rgb/rgba start). */
function isRgbColor(s, o) {
  let t = s;
  if (o.allowSpaces === true) {
    if (!t.startsWith('rgb')) return false;
    t = t.replace(/\s/g, '');
  }
  return (
    RGB.test(t) || RGBA.test(t) || (o.includePercentValues !== false && (RGB_PERCENT.test(t) || RGBA_PERCENT.test(t)))
  );
}

/** isTime; an hourFormat or mode validator.js does not know goes to the core (INVALID_OPTIONS). */
function isTime(s, o) {
  const formats = TIME_FORMATS[o.hourFormat ?? 'hour24'];
  const format = formats === undefined ? undefined : formats[o.mode ?? 'default'];
  return format === undefined ? undefined : format.test(s);
}

const isHexUnit = (c) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

function hexRun(s, from, count) {
  for (let i = from; i < from + count; i += 1) if (!isHexUnit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * `pairs` hex pairs joined by one separator used throughout (validator.js: `[-:\s]` and a
 * back-reference). A non-ASCII separator may be one of JS's Unicode spaces: the core decides.
 */
function macSeparated(s, pairs) {
  if (s.length !== pairs * 3 - 1) return false;
  const sep = s.charCodeAt(2);
  if (sep > 127) return undefined;
  if (sep !== 45 && sep !== 58 && sep !== 32 && !(sep >= 9 && sep <= 13)) return false;
  for (let g = 0; g < pairs; g += 1) {
    if (!hexRun(s, g * 3, 2)) return false;
    if (g < pairs - 1 && s.charCodeAt(g * 3 + 2) !== sep) return false;
  }
  return true;
}

/** `quads` groups of four hex digits joined by dots. */
function macDotted(s, quads) {
  if (s.length !== quads * 5 - 1) return false;
  for (let g = 0; g < quads; g += 1) {
    if (!hexRun(s, g * 5, 4)) return false;
    if (g < quads - 1 && s.charCodeAt(g * 5 + 4) !== 46) return false;
  }
  return true;
}

/** isMACAddress: validator.js's six forms (EUI-48 and EUI-64; separated, dotted, bare). */
function isMACAddress(s, o) {
  // validator.js reads String(eui): '48' or '64' picks one size, no eui both. The core refuses
  // any other eui (INVALID_OPTIONS), so those go to it.
  const eui = o.eui === undefined || o.eui === null ? null : String(o.eui);
  if (eui !== null && eui !== '48' && eui !== '64') return undefined;
  const sizes = eui === '48' ? [6] : eui === '64' ? [8] : [6, 8];
  let undecided = false;
  for (let i = 0; i < sizes.length; i += 1) {
    const pairs = sizes[i];
    if (o.no_colons || o.no_separators) {
      if (s.length === pairs * 2 && hexRun(s, 0, pairs * 2)) return true;
      continue;
    }
    const separated = macSeparated(s, pairs);
    if (separated === true || macDotted(s, pairs / 2)) return true;
    if (separated === undefined) undecided = true;
  }
  return undecided ? undefined : false;
}

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
  isRFC3339: (s) => RFC3339.test(s),
  isRgbColor,
  // A lone surrogate can sit outside the matched part: the core answers those (false).
  isMagnetURI: (s) => (s.isWellFormed() ? s.startsWith('magnet:?') && MAGNET_COMPONENT.test(s) : undefined),
  isTime,
  isMACAddress,
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
  return remember(DIVISORS, key, (number) => constantOptions({ number }));
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
