'use strict';
// validator.js sanitizers (trim, ltrim, rtrim, stripLow, blacklist, whitelist,
// normalizeEmail, toInt, toFloat, toBoolean) with the same names, arguments and results,
// and normalizeUnicode. The semantics live in the Rust core (crates/bulwark-core/src/sanitizers);
// each function here does its work where it is cheapest, and js-tests/sanitizers.test.js
// proves every JS path equal to the core path through the binding and to validator.js.
//
// Where the work happens (measured in benches/js/sanitizers.bench.js):
// - trim/ltrim/rtrim only look at the two ends of the string, and slicing a JS string does
//   not copy it, so they never cross into the backend: without `chars` they are
//   String.prototype.trim/trimStart/trimEnd (the same set as validator's `\s`); with
//   `chars` the core parses the class once (cached here) and a loop tests code units
//   against its bitmap, from the end for rtrim (linear: validator's `[chars]+$` was
//   quadratic, CVE-2021-3765).
// - blacklist/whitelist/stripLow: short strings are a replace() with a regex built from the
//   core's parsed class (one character class, `+`, linear); long strings with something to
//   remove go to the native addon, which compacts UTF-16 without a regex engine.
// - normalizeEmail: the core (one crossing beats validator's split/join/indexOf).
// - toInt/toFloat/toBoolean: one parseInt/parseFloat/comparison, which costs less than any
//   crossing; the core has the same semantics for Rust callers, and the tests check both.
// - normalizeUnicode: the core (unicode-normalization); strings made only of characters
//   below U+0300 that the form leaves alone return without crossing.
//
// Lone surrogates: validator.js keeps them, and so does every function here except
// normalizeEmail, which refuses them (INVALID_UNICODE): its result is an identity key, and
// both bindings' UTF-8 conversion would turn distinct addresses into one. The native addon
// receives UTF-16; ill-formed strings never go to the WASM build, whose strings are UTF-8.

const backend = require('./backend');
const { BulwarkError, callBackend: call } = require('./errors');
const { stringArg, readOptions } = require('./args');

const binding = backend.binding;
const native = backend.name === 'native';

/**
 * Input lengths (UTF-16 units) from which blacklist/whitelist/stripLow cross into the
 * backend; below them the JS regex path is faster. Measured on this project's machines
 * (benches/js/sanitizers.bench.js): the native addon wins from ~256 units when something is
 * removed; the WASM build, whose strings cross as UTF-8, never does.
 */
const BACKEND_MIN = native ? { remove: 256, stripLow: 256 } : { remove: Infinity, stripLow: Infinity };

/** The code units of `s`: `chars` arguments cross as Uint16Array on both backends. */
function codeUnits(s) {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i);
  return out;
}

// ---------------------------------------------------------------------------------------
// Character classes from `chars` arguments, parsed by the core and cached.

const KIND = { trim: 0, blacklist: 1, whitelist: 2 };
/** Compiled classes, one map per kind, keyed by `chars`; small, evicted oldest first. */
const classes = [new Map(), new Map(), new Map()];
const CACHE_SIZE = 64;
const MAX_CACHED_CHARS = 1024;
/**
 * The longest `chars` accepted (1 Mi UTF-16 units): a set of characters never needs more,
 * and parsing 12-15 MiB of `chars` on every call took over a second on WASM (npm run fuzz).
 */
const MAX_CHARS = 1 << 20;

/**
 * The core's parse of `chars` for `kind` (a backend SanitizerCharClass, kept for the
 * backend path) with the set of units the function removes as flat inclusive ranges, and a
 * bitmap and a regex built from them on first use. Throws INVALID_OPTIONS where validator.js
 * would build something other than one class.
 */
function compileClass(fnName, kind, chars) {
  if (chars.length > MAX_CHARS) {
    throw new BulwarkError(
      'INVALID_OPTIONS',
      `${fnName}: chars is ${chars.length} UTF-16 units; at most ${MAX_CHARS} (it names a set of characters)`,
    );
  }
  const cache = classes[kind];
  let compiled = cache.get(chars);
  if (compiled !== undefined) return compiled;
  let backendClass;
  try {
    backendClass = call(() => new binding.SanitizerCharClass(kind, codeUnits(chars)));
  } catch (err) {
    throw err instanceof BulwarkError ? new BulwarkError(err.code, `${fnName}: ${err.message}`) : err;
  }
  compiled = { backendClass, ranges: backendClass.ranges(), bits: null, regex: null, any: null };
  if (chars.length <= MAX_CACHED_CHARS) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value);
    cache.set(chars, compiled);
  }
  return compiled;
}

/** One bit per UTF-16 unit: set when the unit is in the class. */
function classBits(compiled) {
  if (compiled.bits === null) {
    const bits = new Uint32Array(2048);
    const { ranges } = compiled;
    for (let i = 0; i < ranges.length; i += 2) {
      for (let u = ranges[i]; u <= ranges[i + 1]; u += 1) bits[u >>> 5] |= 1 << (u & 31);
    }
    compiled.bits = bits;
  }
  return compiled.bits;
}

const hex4 = (u) => `\\u${u.toString(16).padStart(4, '0')}`;

/**
 * `/[ranges]+/g` (`compiled.regex`) and `/[ranges]/` (`compiled.any`), every unit written as
 * \uXXXX: exactly the class, whatever it holds. One class, no nesting: linear.
 */
function classRegexes(compiled) {
  if (compiled.regex === null) {
    const { ranges } = compiled;
    let source = '';
    for (let i = 0; i < ranges.length; i += 2) {
      source += ranges[i] === ranges[i + 1] ? hex4(ranges[i]) : `${hex4(ranges[i])}-${hex4(ranges[i + 1])}`;
    }
    // eslint-disable-next-line security/detect-non-literal-regexp -- a character class built from escaped code points
    compiled.regex = new RegExp(`[${source}]+`, 'g');
    // eslint-disable-next-line security/detect-non-literal-regexp -- a character class built from escaped code points
    compiled.any = new RegExp(`[${source}]`);
  }
  return compiled;
}

const inClass = (bits, u) => ((bits[u >>> 5] >>> (u & 31)) & 1) === 1;

/** The trim `chars` argument: null for JS whitespace (validator.js: any falsy value). */
function trimChars(chars, fnName) {
  if (chars === undefined || chars === null || chars === '') return null;
  return stringArg(chars, `${fnName}: chars`);
}

// ---------------------------------------------------------------------------------------
// trim, ltrim, rtrim

function startOf(str, bits) {
  let start = 0;
  while (start < str.length && inClass(bits, str.charCodeAt(start))) start += 1;
  return start;
}

function endOf(str, bits, start) {
  let end = str.length;
  while (end > start && inClass(bits, str.charCodeAt(end - 1))) end -= 1;
  return end;
}

/**
 * validator.js `ltrim(str, chars)`: removes leading whitespace (`\s`), or leading
 * characters of `chars` (literal characters; `-` between two of them is a range).
 */
function ltrim(input, chars) {
  const str = stringArg(input, 'ltrim: input');
  const set = trimChars(chars, 'ltrim');
  if (set === null) return str.trimStart();
  return str.slice(startOf(str, classBits(compileClass('ltrim', KIND.trim, set))));
}

/** validator.js `rtrim(str, chars)`, in linear time. */
function rtrim(input, chars) {
  const str = stringArg(input, 'rtrim: input');
  const set = trimChars(chars, 'rtrim');
  if (set === null) return str.trimEnd();
  return str.slice(0, endOf(str, classBits(compileClass('rtrim', KIND.trim, set)), 0));
}

/** validator.js `trim(str, chars)`. */
function trim(input, chars) {
  const str = stringArg(input, 'trim: input');
  const set = trimChars(chars, 'trim');
  if (set === null) return str.trim();
  const bits = classBits(compileClass('trim', KIND.trim, set));
  const start = startOf(str, bits);
  return str.slice(start, endOf(str, bits, start));
}

// ---------------------------------------------------------------------------------------
// blacklist, whitelist, stripLow

/** A backend result: `null`/`undefined` means "unchanged", so the input is returned as is. */
const orInput = (result, str) => (result === null || result === undefined ? str : result);

function useBackend(str, minLength) {
  return str.length >= minLength && (native || str.isWellFormed());
}

function removeClass(fnName, kind, input, chars) {
  const str = stringArg(input, `${fnName}: input`);
  const { backendClass, regex, any } = classRegexes(compileClass(fnName, kind, stringArg(chars, `${fnName}: chars`)));
  if (useBackend(str, BACKEND_MIN.remove)) {
    // Nothing to remove (V8 scans for a small class faster than a crossing copies): the input.
    return any.test(str) ? orInput(backendClass.remove(str), str) : str;
  }
  return str.replace(regex, '');
}

/**
 * validator.js `blacklist(str, chars)`: removes every character in the class `[chars]`
 * (regex class syntax: `a-z`, `\\d`, `\\x00-\\x1F`; a leading `^` negates).
 */
function blacklist(input, chars) {
  return removeClass('blacklist', KIND.blacklist, input, chars);
}

/** validator.js `whitelist(str, chars)`: keeps only the characters in the class `[chars]`. */
function whitelist(input, chars) {
  return removeClass('whitelist', KIND.whitelist, input, chars);
}

// validator.js's own stripLow classes, as regexes: one class with `+`, linear.
const LOW = /[\x00-\x1F\x7F]+/g;
const LOW_KEEP_NEW_LINES = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F]+/g;

/** validator.js `stripLow(str, keepNewLines)`: removes U+0000-U+001F and U+007F. */
function stripLow(input, keepNewLines) {
  const str = stringArg(input, 'stripLow: input');
  if (keepNewLines !== undefined && keepNewLines !== null && typeof keepNewLines !== 'boolean') {
    throw new TypeError('stripLow: keepNewLines must be a boolean');
  }
  const keep = keepNewLines === true;
  if (useBackend(str, BACKEND_MIN.stripLow)) return orInput(binding.stripLow(str, keep), str);
  return str.replace(keep ? LOW_KEEP_NEW_LINES : LOW, '');
}

// ---------------------------------------------------------------------------------------
// normalizeEmail

/** validator.js's option names, in the core's bit order (NormalizeEmailOptions::NAMES). */
const EMAIL_OPTION_NAMES = [
  'all_lowercase',
  'gmail_lowercase',
  'gmail_remove_dots',
  'gmail_remove_subaddress',
  'gmail_convert_googlemaildotcom',
  'outlookdotcom_lowercase',
  'outlookdotcom_remove_subaddress',
  'yahoo_lowercase',
  'yahoo_remove_subaddress',
  'yandex_lowercase',
  'yandex_convert_yandexru',
  'icloud_lowercase',
  'icloud_remove_subaddress',
];
const EMAIL_DEFAULTS = (1 << EMAIL_OPTION_NAMES.length) - 1; // every option on, as validator.js
const EMAIL_OPTIONS = Object.fromEntries(
  EMAIL_OPTION_NAMES.map((name) => [name, [(v) => typeof v === 'boolean', 'a boolean']]),
);

/**
 * validator.js `normalizeEmail(email, options)`: the canonical form of an address by
 * provider rules, or `false`. Throws INVALID_UNICODE for lone surrogates.
 */
function normalizeEmail(email, options) {
  const str = stringArg(email, 'normalizeEmail: email');
  let bits = EMAIL_DEFAULTS;
  if (options !== undefined) {
    const opts = readOptions(options, EMAIL_OPTIONS, 'normalizeEmail');
    for (let i = 0; i < EMAIL_OPTION_NAMES.length; i += 1) {
      const value = opts[EMAIL_OPTION_NAMES[i]];
      if (value === false) bits &= ~(1 << i);
    }
  }
  if (!str.isWellFormed()) {
    throw new BulwarkError(
      'INVALID_UNICODE',
      'normalizeEmail: email contains a lone surrogate (not well-formed Unicode)',
    );
  }
  const result = call(() => binding.normalizeEmail(str, bits));
  return result === null || result === undefined ? false : result;
}

// ---------------------------------------------------------------------------------------
// toInt, toFloat, toBoolean

/** validator.js `toInt(str, radix)`: `parseInt(str, radix || 10)`. */
function toInt(input, radix) {
  const str = stringArg(input, 'toInt: input');
  if (radix !== undefined && radix !== null && typeof radix !== 'number') {
    throw new TypeError('toInt: radix must be a number');
  }
  return parseInt(str, radix || 10);
}

// validator.js isFloat's default pattern (no nested or overlapping quantifiers: linear).
// eslint-disable-next-line security/detect-unsafe-regex -- disjoint parts, linear
const FLOAT = /^[-+]?[0-9]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/;

/** validator.js `toFloat(str)`: `NaN` unless `isFloat(str)`, else `parseFloat(str)`. */
function toFloat(input) {
  const str = stringArg(input, 'toFloat: input');
  if (str === '' || str === '.' || str === '-' || str === '+' || !FLOAT.test(str)) return NaN;
  return parseFloat(str);
}

const TRUE = /^true$/i;
const FALSE = /^false$/i;

/** validator.js `toBoolean(str, strict)`. */
function toBoolean(input, strict) {
  const str = stringArg(input, 'toBoolean: input');
  if (strict !== undefined && strict !== null && typeof strict !== 'boolean') {
    throw new TypeError('toBoolean: strict must be a boolean');
  }
  if (strict === true) return str === '1' || TRUE.test(str);
  return str !== '0' && str !== '' && !FALSE.test(str);
}

// ---------------------------------------------------------------------------------------
// normalizeUnicode

/**
 * Strings that are certainly already in the form, so they return without crossing. Every
 * character below U+0300 has combining class 0 and a quick-check answer of "yes" or "no"
 * (the core's tests check each), so a string made only of those the form leaves unchanged
 * is normalized. `simple` is a prefix of that set V8 scans fast at any length; `full` is the
 * whole set below U+0300, used on short strings (js-tests/sanitizers.test.js checks both
 * against the core, character by character).
 */
const STABLE = {
  NFC: { simple: /^[\x00-\u02FF]*$/, full: null },
  NFD: {
    simple: /^[\x00-\xBF]*$/,
    full: /^[\x00-\xBF\xC6\xD0\xD7-\xD8\xDE-\xDF\xE6\xF0\xF7-\xF8\xFE\u0110-\u0111\u0126-\u0127\u0131-\u0133\u0138\u013F-\u0142\u0149-\u014B\u0152-\u0153\u0166-\u0167\u017F-\u019F\u01A2-\u01AE\u01B1-\u01CC\u01DD\u01E4-\u01E5\u01F1-\u01F3\u01F6-\u01F7\u021C-\u021D\u0220-\u0225\u0234-\u02FF]*$/,
  },
  NFKC: {
    simple: /^[\x00-\x9F]*$/,
    full: /^[\x00-\x9F\xA1-\xA7\xA9\xAB-\xAE\xB0-\xB1\xB6-\xB7\xBB\xBF-\u0131\u0134-\u013E\u0141-\u0148\u014A-\u017E\u0180-\u01C3\u01CD-\u01F0\u01F4-\u02AF\u02B9-\u02D7\u02DE-\u02DF\u02E5-\u02FF]*$/,
  },
  NFKD: {
    simple: /^[\x00-\x9F]*$/,
    full: /^[\x00-\x9F\xA1-\xA7\xA9\xAB-\xAE\xB0-\xB1\xB6-\xB7\xBB\xBF\xC6\xD0\xD7-\xD8\xDE-\xDF\xE6\xF0\xF7-\xF8\xFE\u0110-\u0111\u0126-\u0127\u0131\u0138\u0141-\u0142\u014A-\u014B\u0152-\u0153\u0166-\u0167\u0180-\u019F\u01A2-\u01AE\u01B1-\u01C3\u01DD\u01E4-\u01E5\u01F6-\u01F7\u021C-\u021D\u0220-\u0225\u0234-\u02AF\u02B9-\u02D7\u02DE-\u02DF\u02E5-\u02FF]*$/,
  },
};
/** Strings up to this length also try the `full` stable set (a longer class costs V8 more per unit). */
const STABLE_FULL_MAX = 256;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Applies `fn` to each well-formed run of `str`, keeping the lone surrogates between them. */
function mapWellFormedRuns(str, fn) {
  let out = '';
  let last = 0;
  for (const match of str.matchAll(LONE_SURROGATE)) {
    out += fn(str.slice(last, match.index)) + match[0];
    last = match.index + 1;
  }
  return out + fn(str.slice(last));
}

/**
 * `str` in Unicode normalization form `form` ('NFC' by default, 'NFD', 'NFKC', 'NFKD'), as
 * `String.prototype.normalize`, computed by the core (unicode-normalization). Lone
 * surrogates are kept, as there.
 */
function normalizeUnicode(input, form) {
  const str = stringArg(input, 'normalizeUnicode: input');
  const f = form === undefined ? 'NFC' : stringArg(form, 'normalizeUnicode: form');
  if (!Object.hasOwn(STABLE, f)) {
    throw new BulwarkError('INVALID_OPTIONS', 'normalizeUnicode: form must be "NFC", "NFD", "NFKC" or "NFKD"');
  }
  const stable = STABLE[f];
  if (stable.simple.test(str) || (stable.full !== null && str.length <= STABLE_FULL_MAX && stable.full.test(str)))
    return str;
  const normalize = (s) =>
    orInput(
      call(() => binding.normalizeUnicode(s, f)),
      s,
    );
  // The native addon receives UTF-16 and keeps lone surrogates itself.
  return native || str.isWellFormed() ? normalize(str) : mapWellFormedRuns(str, normalize);
}

module.exports = {
  trim,
  ltrim,
  rtrim,
  stripLow,
  blacklist,
  whitelist,
  normalizeEmail,
  toInt,
  toFloat,
  toBoolean,
  normalizeUnicode,
};
