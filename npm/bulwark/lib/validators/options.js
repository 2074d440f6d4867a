'use strict';
// Option schemas of the validators (validator.js names and types), and the reading of
// validator.js's call shapes (isIP(str, 4), isAlpha(str, locale, options), ...) into one
// validated null-prototype options object per call.
//
// Options are read with readOptions: own properties only, unknown keys and wrong types are
// INVALID_OPTIONS, so a polluted Object.prototype cannot change a result. The object
// returned is JSON-ready (RegExps become { source, flags }) for the core's compiled rules.

const { BulwarkError } = require('../errors');
const { readOptions } = require('../args');

const isFiniteNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const isRegExp = (v) => Object.prototype.toString.call(v) === '[object RegExp]';

const bool = [(v) => typeof v === 'boolean', 'a boolean'];
const number = [isFiniteNumber, 'a finite number'];
const bound = [(v) => v === null || isFiniteNumber(v), 'a finite number or null'];
const string = [(v) => typeof v === 'string', 'a string'];
const strings = [(v) => Array.isArray(v) && v.every((s) => typeof s === 'string'), 'an array of strings'];
const numbers = [(v) => Array.isArray(v) && v.every(isFiniteNumber), 'an array of finite numbers'];
const hosts = [(v) => v === false || (Array.isArray(v) && v.every((h) => typeof h === 'string' || isRegExp(h))), 'an array of strings and RegExps'];
const stringOrRegExp = [(v) => typeof v === 'string' || isRegExp(v), 'a string or a RegExp'];
const version = [(v) => typeof v === 'string' || isFiniteNumber(v), 'a string or a number'];

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
  isUUID: { version },
  isInt: { ...BOUNDS, allow_leading_zeroes: bool },
  isFloat: { ...BOUNDS, locale: string },
  isNumeric: { no_symbols: bool, locale: string },
  isDecimal: { force_decimal: bool, decimal_digits: string, locale: string },
  isAlpha: { locale: string, ignore: stringOrRegExp },
  isAlphanumeric: { locale: string, ignore: stringOrRegExp },
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
  isIn: { values: strings },
  matches: { pattern: string, flags: string },
};

const regExpJson = (re) => ({ source: re.source, flags: re.flags });

/**
 * Strings in options go to the core as UTF-8, where a lone surrogate would become U+FFFD:
 * refused instead, so that no option means something else in the core.
 */
function assertWellFormedOption(name, key, value) {
  const strings = Array.isArray(value) ? value : [value];
  for (const v of strings) {
    const s = isRegExp(v) ? v.source : v;
    if (typeof s === 'string' && !s.isWellFormed()) throw invalid(name, `option "${key}" contains a lone surrogate`);
  }
}

/** Copies `options` (validator.js keys) into a validated, JSON-ready null-prototype object. */
function read(name, options) {
  const schema = SCHEMAS[name];
  if (schema === undefined) return readOptions(options, {}, name);
  const out = readOptions(options, schema, name);
  for (const key of Object.keys(out)) assertWellFormedOption(name, key, out[key]);
  for (const key of ['host_blacklist', 'host_whitelist']) {
    if (Array.isArray(out[key])) out[key] = out[key].map((h) => (typeof h === 'string' ? h : regExpJson(h)));
  }
  if (Array.isArray(out.protocols)) out.protocols = [...out.protocols];
  if (Array.isArray(out.discreteLengths)) out.discreteLengths = [...out.discreteLengths];
  if (isRegExp(out.ignore)) out.ignore = regExpJson(out.ignore);
  return out;
}

function invalid(name, message) {
  return new BulwarkError('INVALID_OPTIONS', `${name}: ${message}`);
}

const VERSIONS = new Set(['4', '6', '']);
const UUID_VERSIONS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', 'nil', 'max', 'all', 'loose']);

/** isIP(str, 4 | '6' | { version }) and isIPRange(str, version): `{ version }`. */
function ipVersion(name, arg) {
  const out = Object.create(null);
  let v = arg;
  if (arg !== null && typeof arg === 'object') v = read(name, arg).version;
  // validator.js: `version || ''`, so every falsy version means "either".
  if (!v) return out;
  if (!version[0](v) || !VERSIONS.has(String(v))) throw invalid(name, `version must be 4 or 6, got ${String(v)}`);
  out.version = String(v);
  return out;
}

/** isUUID(str, version). */
function uuidVersion(arg) {
  const out = Object.create(null);
  if (arg === undefined || arg === null) return out;
  if (!version[0](arg) || !UUID_VERSIONS.has(String(arg))) {
    throw invalid('isUUID', `version must be one of ${[...UUID_VERSIONS].join(', ')}, got ${String(arg)}`);
  }
  out.version = String(arg);
  return out;
}

/** isAlpha(str, locale = 'en-US', options = {}) / isAlphanumeric. */
function alphaOptions(name, locale, options) {
  const out = read(name, options);
  if (out.locale !== undefined) throw invalid(name, 'unknown option "locale" (the locale is the second argument)');
  if (locale !== undefined) {
    if (typeof locale !== 'string') throw invalid(name, `locale must be a string, got ${typeof locale}`);
    out.locale = locale;
  }
  if (out.ignore === '') delete out.ignore;
  return out;
}

/**
 * isLength(str, options) and isByteLength(str, options), or validator.js's legacy
 * (str, min, max). `null` when validator.js's own reading makes every string fail
 * (isByteLength without options compares with an undefined minimum).
 */
function rangeOptions(name, options, legacyMax) {
  if (options !== null && typeof options === 'object') return read(name, options);
  const out = Object.create(null);
  const min = name === 'isLength' ? options || 0 : options;
  if (min === undefined && name === 'isByteLength') return null;
  for (const [key, value] of [['min', min], ['max', legacyMax]]) {
    if (value === undefined) continue;
    if (!isFiniteNumber(value)) throw invalid(name, `${key} must be a finite number`);
    out[key] = value;
  }
  return out;
}

/** validator.js util/toString, for isIn's array elements. */
function jsToString(input) {
  if (typeof input === 'object' && input !== null) {
    return typeof input.toString === 'function' ? String(input.toString()) : '[object Object]';
  }
  if (input === null || input === undefined || (Number.isNaN(Number(input)) && !input.length)) return '';
  return String(input);
}

/** isIn's values: an array (elements converted as validator.js does) or an object's own keys. */
function inValues(values) {
  if (Array.isArray(values)) {
    const out = [];
    for (const i of Object.keys(values)) out.push(jsToString(values[i]));
    return out;
  }
  if (values !== null && typeof values === 'object' && !isRegExp(values)) return Reflect.ownKeys(values).filter((k) => typeof k === 'string');
  throw new TypeError(`isIn: values must be an array or an object, got ${values === null ? 'null' : typeof values}`);
}

/** matches(str, pattern, modifiers): `{ pattern, flags }`. */
function patternOptions(pattern, modifiers) {
  const out = Object.create(null);
  if (isRegExp(pattern)) {
    out.pattern = pattern.source;
    out.flags = pattern.flags;
    assertWellFormedOption('matches', 'pattern', out.pattern);
    return out;
  }
  if (typeof pattern !== 'string') throw new TypeError(`matches: pattern must be a string or a RegExp, got ${pattern === null ? 'null' : typeof pattern}`);
  if (modifiers !== undefined && typeof modifiers !== 'string') throw invalid('matches', 'modifiers must be a string');
  out.pattern = pattern;
  out.flags = modifiers === undefined ? '' : modifiers;
  assertWellFormedOption('matches', 'pattern', out.pattern);
  return out;
}

const EMPTY = Object.freeze(Object.create(null));

// Reading each validator's extra arguments (validator.js call shapes) into options.
const READERS = {
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
};
const NO_OPTIONS = new Set(['isHexadecimal', 'isJWT', 'isPort', 'isSlug', 'isMongoId', 'isMimeType', 'isSemVer']);

function readArgs(name, a, b) {
  const reader = READERS[name];
  if (reader !== undefined) return reader(a, b);
  if (NO_OPTIONS.has(name) || a === undefined) return EMPTY;
  return read(name, a);
}

module.exports = { EMPTY, SCHEMAS, READERS, readArgs, read, inValues, patternOptions, isRegExp, jsToString };
