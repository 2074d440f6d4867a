'use strict';
// Option schemas of the validators (validator.js names and types), and the reading of
// validator.js's call shapes (isIP(str, 4), isAlpha(str, locale, options), ...) into one
// validated options object per call.
//
// The contract is lib/args.js readOptions's: own properties only, unknown keys and wrong
// types are INVALID_OPTIONS, so a polluted Object.prototype cannot change a result. The
// reading is specialized because it runs on every validator call and costs as much as a
// whole validator.js check: options are copied into a per-validator "shape" object that
// has every schema key as an own property (undefined when not set) and a prototype chain
// that ends in null, so reads are fast-property loads and never reach Object.prototype.
// The object is JSON-ready (RegExps become { source, flags }) for the core's compiled rules.

const { BulwarkError } = require('../errors');
const { isPlainObject, notPlain, isListOf, copyList, jsonText, remember } = require('../args');
const { TABLE_LOCALES } = require('./tables');
const text = require('./text');

const isFiniteNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const isRegExp = (v) => Object.prototype.toString.call(v) === '[object RegExp]';
const regExpJson = (re) => ({ source: re.source, flags: re.flags });

// Strings in options go to the core as UTF-8, where a lone surrogate would become U+FFFD:
// such strings are refused, so that no option means something else in the core.
const isString = (v) => typeof v === 'string' && v.isWellFormed();
const isPattern = (v) => isRegExp(v) && v.source.isWellFormed();

// [check, description, convert?]
const bool = [(v) => typeof v === 'boolean', 'a boolean'];
const number = [isFiniteNumber, 'a finite number'];
const bound = [(v) => v === null || isFiniteNumber(v), 'a finite number or null'];
const string = [isString, 'a string (without lone surrogates)'];
/** The most entries of a list option (protocols, host lists, discreteLengths). */
const MAX_OPTION_LIST = 10000;
const strings = [(v) => isListOf(v, isString, MAX_OPTION_LIST), 'an array of at most 10000 strings', copyList];
const numbers = [
  (v) => isListOf(v, isFiniteNumber, MAX_OPTION_LIST),
  'an array of at most 10000 finite numbers',
  copyList,
];
const hosts = [
  (v) => v === false || isListOf(v, (h) => isString(h) || isPattern(h), MAX_OPTION_LIST),
  'an array of at most 10000 strings and RegExps',
  (v) => (v === false ? v : copyList(v).map((h) => (typeof h === 'string' ? h : regExpJson(h)))),
];
const stringOrRegExp = [
  (v) => isString(v) || isPattern(v),
  'a string or a RegExp',
  (v) => (typeof v === 'string' ? v : regExpJson(v)),
];
// null: validator.js reads `version || ''`, so { version: null } means either version.
const version = [(v) => v === null || typeof v === 'string' || isFiniteNumber(v), 'a string, a number or null'];

const FQDN = {
  require_tld: bool,
  allow_underscores: bool,
  allow_trailing_dot: bool,
  allow_numeric_tld: bool,
  allow_wildcard: bool,
  ignore_max_length: bool,
};
const BOUNDS = { min: bound, max: bound, lt: bound, gt: bound };

/** Schema per validator; validators absent here take no options. */
const SCHEMAS = {
  isEmail: {
    allow_display_name: bool,
    require_display_name: bool,
    allow_utf8_local_part: bool,
    require_tld: bool,
    allow_ip_domain: bool,
    allow_underscores: bool,
    domain_specific_validation: bool,
    blacklisted_chars: string,
    ignore_max_length: bool,
    host_blacklist: hosts,
    host_whitelist: hosts,
  },
  isURL: {
    ...FQDN,
    protocols: strings,
    require_protocol: bool,
    require_host: bool,
    require_port: bool,
    require_valid_protocol: bool,
    allow_protocol_relative_urls: bool,
    allow_fragments: bool,
    allow_query_components: bool,
    disallow_auth: bool,
    validate_length: bool,
    max_allowed_length: number,
    host_whitelist: hosts,
    host_blacklist: hosts,
  },
  isFQDN: FQDN,
  isIP: { version },
  isIPRange: { version },
  isInt: { ...BOUNDS, allow_leading_zeroes: bool },
  isFloat: { ...BOUNDS, locale: string },
  isNumeric: { no_symbols: bool, locale: string },
  isDecimal: { force_decimal: bool, decimal_digits: string, locale: string },
  isAlpha: { ignore: stringOrRegExp },
  isAlphanumeric: { ignore: stringOrRegExp },
  isBase64: { urlSafe: bool, padding: bool },
  isISO8601: { strict: bool, strictSeparator: bool },
  isLength: { min: number, max: number, discreteLengths: numbers },
  isByteLength: { min: number, max: number },
  isStrongPassword: {
    minLength: number,
    minLowercase: number,
    minUppercase: number,
    minNumbers: number,
    minSymbols: number,
    returnScore: bool,
    pointsPerUnique: number,
    pointsPerRepeat: number,
    pointsForContainingLower: number,
    pointsForContainingUpper: number,
    pointsForContainingNumber: number,
    pointsForContainingSymbol: number,
  },
  isJSON: { allow_primitives: bool, allow_any_value: bool },
  isBoolean: { loose: bool },
  isISO31661Alpha2: { userAssignedCodes: strings },
  isISO31661Alpha3: { userAssignedCodes: strings },
  isMobilePhone: { strictMode: bool },
  ...text.TEXT_SCHEMAS(bool, number, string, version),
  isCreditCard: { provider: string },
  isIMEI: { allow_hyphens: bool },
  isISBN: { version },
  isISSN: { require_hyphen: bool, case_sensitive: bool },
  isIBAN: { whitelist: strings, blacklist: strings },
  isDate: { format: string, strictMode: bool, delimiters: strings },
  isCurrency: {
    symbol: string,
    require_symbol: bool,
    allow_space_after_symbol: bool,
    symbol_after_digits: bool,
    allow_negatives: bool,
    parens_for_negatives: bool,
    negative_sign_before_digits: bool,
    negative_sign_after_digits: bool,
    allow_negative_sign_placeholder: bool,
    thousands_separator: string,
    decimal_separator: string,
    allow_decimal: bool,
    require_decimal: bool,
    digits_after_decimal: numbers,
    allow_space_after_digits: bool,
  },
};

// isMailtoURI takes isEmail's options (each address is checked with them).
SCHEMAS.isMailtoURI = SCHEMAS.isEmail;

/** Where a constant options object keeps its JSON text (see core.js). */
const JSON_TEXT = Symbol('bulwark.validators.json');
/** Where a shape keeps its keys, in order (see cacheKey). */
const SHAPE_KEYS = Symbol('bulwark.validators.keys');

/**
 * A frozen options object whose reads are fast-property loads and whose prototype chain
 * ends in null (no key can be read from Object.prototype), with its JSON text cached.
 */
function constantOptions(fields) {
  function Constant() {
    Object.assign(this, fields);
  }
  Object.setPrototypeOf(Constant.prototype, null);
  const o = new Constant();
  Object.defineProperty(o, JSON_TEXT, { __proto__: null, value: jsonText(fields) });
  return Object.freeze(o);
}

/** Options of no validator: every key read from them is undefined. */
const EMPTY = constantOptions({});

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function invalid(name, message) {
  return new BulwarkError('INVALID_OPTIONS', `${name}: ${message}`);
}

/** A reader for one schema: options object -> shape (EMPTY when undefined or null). */
function shapedReader(name, schema) {
  const keys = Object.keys(schema);
  const specs = Object.assign(Object.create(null), schema);
  // Every key an own property from the start (one hidden class); lookups of other keys
  // end at a null prototype.
  function Shape() {
    for (let i = 0; i < keys.length; i += 1) this[keys[i]] = undefined;
  }
  Object.setPrototypeOf(Shape.prototype, null);
  Shape.prototype[SHAPE_KEYS] = keys;
  return (options) => {
    if (options === undefined || options === null) return EMPTY;
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`${name}: options must be an object, got ${describe(options)}`);
    }
    if (!isPlainObject(options)) throw notPlain(name, options);
    const out = new Shape();
    // eslint-disable-next-line no-restricted-syntax -- own keys only: filtered by Object.hasOwn
    for (const key in options) {
      if (!Object.hasOwn(options, key)) continue;
      const spec = specs[key];
      if (spec === undefined) throw invalid(name, `unknown option "${key}"`);
      const value = options[key];
      if (value === undefined) continue;
      if (!spec[0](value)) throw invalid(name, `option "${key}" must be ${spec[1]}`);
      // A spec without a converter has no own index 2 (it would be read through Array.prototype).
      out[key] = spec.length > 2 ? spec[2](value) : value;
    }
    return out;
  };
}

/** Option readers by validator name (read(name, options) for validator.js's options objects). */
const SHAPED = Object.create(null);
for (const name of Object.keys(SCHEMAS)) SHAPED[name] = shapedReader(name, SCHEMAS[name]);
const NO_OPTIONS_READER = shapedReader('options', {});

function read(name, options) {
  return (SHAPED[name] || NO_OPTIONS_READER)(options);
}

/**
 * A cache key for options: equal keys mean equal options. For a shape, its values in key
 * order (cheaper than JSON.stringify: booleans are one letter); else the JSON text.
 */
function cacheKey(o) {
  const text = o[JSON_TEXT];
  if (text !== undefined) return text;
  const keys = o[SHAPE_KEYS];
  if (keys === undefined) return jsonText(o);
  let key = '';
  for (let i = 0; i < keys.length; i += 1) {
    const v = o[keys[i]];
    if (v === undefined) key += '_,';
    else if (v === true) key += 't,';
    else if (v === false) key += 'f,';
    else if (v === null) key += 'n,';
    else key += `${jsonText(v)},`;
  }
  return key;
}

const V4 = constantOptions({ version: '4' });
const V6 = constantOptions({ version: '6' });
const UUID_OPTIONS = Object.create(null);
for (const v of ['1', '2', '3', '4', '5', '6', '7', '8', 'nil', 'max', 'all', 'loose'])
  UUID_OPTIONS[v] = constantOptions({ version: v });

/** isIP(str, 4 | '6' | { version }) and isIPRange(str, version): `{ version }`. */
function ipVersion(name, arg) {
  let v = arg;
  if (arg !== null && typeof arg === 'object') v = read(name, arg).version;
  // validator.js: `version || ''`, so every falsy version means "either".
  if (!v) return EMPTY;
  if (!version[0](v) || (String(v) !== '4' && String(v) !== '6'))
    throw invalid(name, `version must be 4 or 6, got ${shown(v)}`);
  return String(v) === '4' ? V4 : V6;
}

/**
 * A value for an error message: primitives as text (bounded), anything else by its type,
 * never through its own toString (an array-like Proxy claiming 2^32 - 1 elements would hang
 * String() in join).
 */
function shown(v) {
  if (typeof v === 'string') return JSON.stringify(v.length > 64 ? `${v.slice(0, 64)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return describe(v);
}

/** isUUID(str, version). */
function uuidVersion(arg) {
  if (arg === undefined || arg === null) return EMPTY;
  const out = version[0](arg) ? UUID_OPTIONS[String(arg)] : undefined;
  if (out === undefined)
    throw invalid('isUUID', `version must be one of ${Object.keys(UUID_OPTIONS).join(', ')}, got ${shown(arg)}`);
  return out;
}

const ISBN_VERSIONS = Object.assign(Object.create(null), {
  10: constantOptions({ version: '10' }),
  13: constantOptions({ version: '13' }),
});

/**
 * isISBN(str, version | { version }). validator.js answers false for every string when an
 * options object has no version (it reads the object itself as the version): refused here.
 */
function isbnVersion(arg) {
  let v = arg;
  if (arg !== null && typeof arg === 'object') {
    v = read('isISBN', arg).version;
    if (!v) throw invalid('isISBN', 'an options object needs a version (10 or 13)');
  }
  // validator.js: a falsy version means either.
  if (!v) return EMPTY;
  const out = version[0](v) ? ISBN_VERSIONS[String(v)] : undefined;
  if (out === undefined) throw invalid('isISBN', `version must be 10 or 13, got ${shown(v)}`);
  return out;
}

/** Legacy isDate(str, format) options, kept (bounded) so that calls share them. */
const dateFormats = new Map();

/**
 * isDate(input, format | { format, strictMode, delimiters }): a format string is
 * validator.js's legacy form. The core refuses formats it cannot use (INVALID_OPTIONS).
 */
function dateOptions(arg) {
  if (typeof arg !== 'string') return read('isDate', arg);
  if (!isString(arg)) throw invalid('isDate', 'format must be a string without lone surrogates');
  return remember(dateFormats, arg, (format) => constantOptions({ format }));
}

/** Locale-only options of isAlpha / isAlphanumeric, kept (bounded) so calls share them. */
/** isAlpha(str, locale = 'en-US', options = {}) / isAlphanumeric: `{ locale, ignore }`. */
function alphaOptions(name, locale, options) {
  const o = options === undefined ? EMPTY : read(name, options);
  const ignore = o.ignore === '' ? undefined : o.ignore;
  if (locale !== undefined && typeof locale !== 'string')
    throw invalid(name, `locale must be a string, got ${typeof locale}`);
  if (ignore === undefined) {
    return locale === undefined ? EMPTY : localeOnly(name, locale);
  }
  const out = Object.create(null);
  if (locale !== undefined) out.locale = locale;
  out.ignore = ignore;
  return out;
}

/**
 * isLength(str, options) and isByteLength(str, options), or validator.js's legacy
 * (str, min, max). `null` when validator.js's own reading makes every string fail
 * (isByteLength without options compares with an undefined minimum).
 */
function rangeOptions(name, options, legacyMax) {
  if (options !== null && typeof options === 'object') return read(name, options);
  const min = name === 'isLength' ? options || 0 : options;
  if (min === undefined && name === 'isByteLength') return null;
  if (min === 0 && legacyMax === undefined) return EMPTY;
  const out = Object.create(null);
  if (min !== undefined) {
    if (!isFiniteNumber(min)) throw invalid(name, 'min must be a finite number');
    out.min = min;
  }
  if (legacyMax !== undefined) {
    if (!isFiniteNumber(legacyMax)) throw invalid(name, 'max must be a finite number');
    out.max = legacyMax;
  }
  return out;
}

/** The most values isIn accepts (array elements or object keys). */
const MAX_IN_VALUES = 100000;
/** How deeply isIn's array elements may nest arrays (validator.js joins them with ','). */
const MAX_IN_DEPTH = 32;

function tooManyValues() {
  return new BulwarkError('INPUT_TOO_LARGE', `isIn: values hold more than ${MAX_IN_VALUES} entries`);
}

/**
 * Array.prototype.toString of a nested array, without recursion past MAX_IN_DEPTH and
 * without reading more than MAX_IN_VALUES elements in all (`budget.left`). Holes and
 * null/undefined join as '', as there.
 */
function joinArray(array, depth, budget) {
  if (depth > MAX_IN_DEPTH) {
    throw new BulwarkError('INPUT_TOO_DEEP', `isIn: values nest arrays deeper than ${MAX_IN_DEPTH}`);
  }
  budget.left -= array.length;
  if (budget.left < 0) throw tooManyValues();
  let out = '';
  for (let i = 0; i < array.length; i += 1) {
    if (i > 0) out += ',';
    const item = Object.hasOwn(array, i) ? array[i] : undefined;
    if (item === null || item === undefined) continue;
    out +=
      Array.isArray(item) && item.toString === Array.prototype.toString
        ? joinArray(item, depth + 1, budget)
        : String(item);
  }
  return out;
}

/** validator.js util/toString, for isIn's array elements (nested arrays bounded, see joinArray). */
function jsToString(input, budget = { left: MAX_IN_VALUES }) {
  if (typeof input === 'object' && input !== null) {
    if (Array.isArray(input) && input.toString === Array.prototype.toString) return joinArray(input, 1, budget);
    return typeof input.toString === 'function' ? String(input.toString()) : '[object Object]';
  }
  if (input === null || input === undefined || (Number.isNaN(Number(input)) && !input.length)) return '';
  return String(input);
}

/** isIn's values: an array (elements converted as validator.js does) or an object's own keys. */
function inValues(values) {
  // validator.js: no values (and other non-object primitives) are in nothing.
  if (values === undefined || typeof values === 'number' || typeof values === 'boolean') return [];
  if (Array.isArray(values)) {
    if (values.length > MAX_IN_VALUES) throw tooManyValues();
    const budget = { left: MAX_IN_VALUES };
    const out = [];
    for (let i = 0; i < values.length; i += 1) if (Object.hasOwn(values, i)) out.push(jsToString(values[i], budget));
    return out;
  }
  if (values !== null && typeof values === 'object' && !isRegExp(values)) {
    const keys = Reflect.ownKeys(values);
    if (keys.length > MAX_IN_VALUES) throw tooManyValues();
    return keys.filter((k) => typeof k === 'string');
  }
  throw new TypeError(`isIn: values must be an array or an object, got ${describe(values)}`);
}

/** matches(str, pattern, modifiers): `{ pattern, flags }`. */
function patternOptions(pattern, modifiers) {
  const out = Object.create(null);
  if (isRegExp(pattern)) {
    out.pattern = pattern.source;
    out.flags = pattern.flags;
  } else if (typeof pattern === 'string') {
    if (modifiers !== undefined && typeof modifiers !== 'string')
      throw invalid('matches', 'modifiers must be a string');
    out.pattern = pattern;
    out.flags = modifiers === undefined ? '' : modifiers;
  } else {
    throw new TypeError(`matches: pattern must be a string or a RegExp, got ${describe(pattern)}`);
  }
  if (!out.pattern.isWellFormed() || !out.flags.isWellFormed())
    throw invalid('matches', 'the pattern contains a lone surrogate');
  return out;
}

/** Options holding only a locale, kept (bounded) per validator so that calls share them. */
const byLocale = new Map();

function localeOnly(name, locale) {
  let cached = byLocale.get(name);
  if (cached === undefined) byLocale.set(name, (cached = new Map()));
  return remember(cached, locale, () => constantOptions({ locale }));
}

/**
 * isPostalCode(str, locale), isLicensePlate(str, locale), isPassportNumber(str, countryCode),
 * isVAT(str, countryCode): a required locale string (the core refuses unknown ones).
 */
function requiredLocale(name, label, locale) {
  if (!isString(locale)) {
    throw invalid(name, `${label} must be a string, got ${locale === undefined ? 'undefined' : shown(locale)}`);
  }
  if (!(TABLE_LOCALES[name].has(locale) || (locale === 'any' && ANY_LOCALE.has(name))))
    throw unknownLocale(name, locale);
  return localeOnly(name, locale);
}

/**
 * The local clock's year (validator.js reads `new Date().getFullYear()` on each call), kept
 * with the bounds of that year so that a call costs a Date.now() (`new Date()` with its
 * time zone lookup costs about 0.3 µs).
 */
let localYear = { year: 0, from: Infinity, to: -Infinity };
function currentYear() {
  const now = Date.now();
  if (now < localYear.from || now >= localYear.to) {
    const year = new Date(now).getFullYear();
    localYear = { year, from: new Date(year, 0, 1).getTime(), to: new Date(year + 1, 0, 1).getTime() };
  }
  return localYear.year;
}

/** isTaxID's options per locale, for the current year. */
const taxIdByLocale = new Map();

/**
 * isTaxID(str, locale = 'en-US'): `{ locale, currentYear }`, the year two-digit years and
 * sv-SE's century signs are read against (the core has no clock on WASM).
 */
function taxIdOptions(arg) {
  const locale = arg === undefined ? 'en-US' : arg;
  if (!isString(locale)) throw invalid('isTaxID', `locale must be a string, got ${shown(locale)}`);
  if (!TABLE_LOCALES.isTaxID.has(locale)) throw unknownLocale('isTaxID', locale);
  const year = currentYear();
  let out = taxIdByLocale.get(locale);
  if (out === undefined || out.currentYear !== year) {
    out = constantOptions({ locale, currentYear: year });
    taxIdByLocale.set(locale, out);
  }
  return out;
}

/** Validators whose locale may be 'any'. */
const ANY_LOCALE = new Set(['isMobilePhone', 'isPostalCode', 'isLicensePlate', 'isIdentityCard']);

/**
 * isIdentityCard(str, locale): a locale or 'any'; none means 'any' (validator.js's README
 * default: its code throws for a missing locale).
 */
function identityCardLocale(locale) {
  return requiredLocale('isIdentityCard', 'locale', locale === undefined ? 'any' : locale);
}

function unknownLocale(name, locale) {
  return invalid(name, `invalid locale ${shown(locale)}`);
}

/**
 * isMobilePhone(str, locale, options): a locale, an array of locales, or a falsy value or
 * 'any' (every locale), and `{ strictMode }`.
 */
function mobilePhoneOptions(locale, options) {
  const o = options === undefined ? EMPTY : read('isMobilePhone', options);
  const known = TABLE_LOCALES.isMobilePhone;
  let picked;
  if (!locale || locale === 'any') picked = undefined;
  else if (isString(locale)) {
    if (!known.has(locale)) throw unknownLocale('isMobilePhone', locale);
    picked = locale;
  } else if (isListOf(locale, isString, MAX_OPTION_LIST)) {
    picked = copyList(locale);
    for (let i = 0; i < picked.length; i += 1)
      if (!known.has(picked[i])) throw unknownLocale('isMobilePhone', picked[i]);
  } else throw invalid('isMobilePhone', `locale must be a string or an array of strings, got ${shown(locale)}`);
  if (o.strictMode === undefined)
    return typeof picked === 'string'
      ? localeOnly('isMobilePhone', picked)
      : picked === undefined
        ? EMPTY
        : { __proto__: null, locale: picked };
  const out = Object.create(null);
  if (picked !== undefined) out.locale = picked;
  out.strictMode = o.strictMode;
  return out;
}

// Reading each validator's extra arguments (validator.js call shapes) into options.
// Null prototype: readArgs looks names up here, and a polluted Object.prototype must not
// answer for a validator without a reader.
const READERS = Object.assign(Object.create(null), {
  isIP: (a) => ipVersion('isIP', a),
  isIPRange: (a) => ipVersion('isIPRange', a),
  isUUID: (a) => uuidVersion(a),
  isAlpha: (a, b) => alphaOptions('isAlpha', a, b),
  isAlphanumeric: (a, b) => alphaOptions('isAlphanumeric', a, b),
  isLength: (a, b) => rangeOptions('isLength', a, b),
  isByteLength: (a, b) => rangeOptions('isByteLength', a, b),
  isIn: (a) => {
    const o = Object.create(null);
    o.values = inValues(a);
    return o;
  },
  matches: (a, b) => patternOptions(a, b),
  isMobilePhone: (a, b) => mobilePhoneOptions(a, b),
  isPostalCode: (a) => requiredLocale('isPostalCode', 'locale', a),
  isLicensePlate: (a) => requiredLocale('isLicensePlate', 'locale', a),
  isPassportNumber: (a) => requiredLocale('isPassportNumber', 'countryCode', a),
  isVAT: (a) => requiredLocale('isVAT', 'countryCode', a),
  isIdentityCard: (a) => identityCardLocale(a),
  isTaxID: (a) => taxIdOptions(a),
  contains: (a, b) => text.containsOptions(a, b, SHAPED.contains, jsToString),
  equals: (a) => text.equalsOptions(a),
  isWhitelisted: (a) => text.whitelistedOptions(a),
  isHash: (a) => text.hashOptions(a, constantOptions),
  isDivisibleBy: (a) => text.divisibleOptions(a, constantOptions),
  isRgbColor: (...args) => text.rgbOptions(args, SHAPED.isRgbColor, constantOptions),
  isISBN: (a) => isbnVersion(a),
  isDate: (a) => dateOptions(a),
});
const NO_OPTIONS = new Set([
  'isHexadecimal',
  'isJWT',
  'isPort',
  'isSlug',
  'isMongoId',
  'isMimeType',
  'isSemVer',
  'isISO31661Numeric',
  'isISO4217',
  'isISO15924',
  'isISO6391',
  ...text.TEXT_NO_OPTIONS,
  'isLuhnNumber',
  'isEAN',
  'isISIN',
  'isAbaRouting',
  'isISRC',
  'isISO6346',
  'isFreightContainerID',
  'isBtcAddress',
  'isEthereumAddress',
  'isBIC',
]);

/** Options from the arguments after the string, for validator `name`. */
function readArgs(name, a, b) {
  const reader = READERS[name];
  if (reader !== undefined) return reader(a, b);
  if (NO_OPTIONS.has(name)) return EMPTY;
  return read(name, a);
}

module.exports = {
  EMPTY,
  JSON_TEXT,
  cacheKey,
  SCHEMAS,
  SHAPED,
  READERS,
  readArgs,
  read,
  inValues,
  patternOptions,
  constantOptions,
  isRegExp,
  jsToString,
  MAX_IN_VALUES,
};
