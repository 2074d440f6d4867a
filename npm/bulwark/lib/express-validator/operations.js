'use strict';
// The validators and sanitizers a chain offers, with express-validator 7's names and
// arguments, mapped onto Bulwark.
//
// - Standard validators Bulwark has are rules of one createValidator set per run of
//   consecutive validators (see ./chain.js), compiled when the chain is built, so a bad
//   option is an error at startup.
// - equals, contains and isEmpty are string comparisons done here in JS (validator.js's
//   semantics; there is nothing to parse).
// - Every other validator express-validator exposes throws at chain-build time with
//   UNSUPPORTED (code INVALID_OPTIONS): a check is never skipped silently. Validators added to
//   Bulwark later are picked up by name.
// - Standard sanitizers are Bulwark's (escape/unescape are escapeHtml/unescapeHtml, which
//   replace the same characters as validator.js); toDate is Bulwark's (Date.parse, as in
//   validator.js, on strings up to 1024 units);
//   normalizeUnicode(form) is Bulwark's addition.

const bulwark = require('../../index');
const { BulwarkError } = require('../errors');

/** Every standard validator of express-validator 7.3 (validator.js 13's, by name). */
const STANDARD_VALIDATORS = [
  'contains',
  'equals',
  'isAbaRouting',
  'isAfter',
  'isAlpha',
  'isAlphanumeric',
  'isAscii',
  'isBase32',
  'isBase58',
  'isBase64',
  'isBefore',
  'isBIC',
  'isBoolean',
  'isBtcAddress',
  'isByteLength',
  'isCreditCard',
  'isCurrency',
  'isDataURI',
  'isDate',
  'isDecimal',
  'isDivisibleBy',
  'isEAN',
  'isEmail',
  'isEmpty',
  'isEthereumAddress',
  'isFQDN',
  'isFloat',
  'isFreightContainerID',
  'isFullWidth',
  'isHalfWidth',
  'isHash',
  'isHexColor',
  'isHexadecimal',
  'isHSL',
  'isIBAN',
  'isIdentityCard',
  'isIMEI',
  'isIP',
  'isIPRange',
  'isISBN',
  'isISSN',
  'isISIN',
  'isISO6346',
  'isISO6391',
  'isISO8601',
  'isISO31661Numeric',
  'isISO31661Alpha2',
  'isISO31661Alpha3',
  'isISO4217',
  'isISO15924',
  'isISRC',
  'isIn',
  'isInt',
  'isJSON',
  'isJWT',
  'isLatLong',
  'isLength',
  'isLicensePlate',
  'isLocale',
  'isLowercase',
  'isLuhnNumber',
  'isMagnetURI',
  'isMailtoURI',
  'isMACAddress',
  'isMD5',
  'isMimeType',
  'isMobilePhone',
  'isMongoId',
  'isMultibyte',
  'isNumeric',
  'isOctal',
  'isPassportNumber',
  'isPort',
  'isPostalCode',
  'isRFC3339',
  'isRgbColor',
  'isSemVer',
  'isSlug',
  'isStrongPassword',
  'isSurrogatePair',
  'isTaxID',
  'isTime',
  'isURL',
  'isULID',
  'isUUID',
  'isUppercase',
  'isVariableWidth',
  'isVAT',
  'isWhitelisted',
  'matches',
];

/** validator.js's toString for a validator argument (contains's `elem`). */
function argToString(input) {
  if (typeof input === 'object' && input !== null) {
    return typeof input.toString === 'function' ? String(input.toString()) : '[object Object]';
  }
  if (input === null || input === undefined || (typeof input === 'number' && Number.isNaN(input))) return '';
  return String(input);
}

function ownOption(options, key, fallback) {
  if (options === null || typeof options !== 'object' || !Object.hasOwn(options, key)) return fallback;
  return options[key] === undefined ? fallback : options[key];
}

/**
 * isBefore/isAfter (JS-only in Bulwark, lib/dates.js): the options are checked when the
 * chain is built and their date kept (own property only); now is read per call.
 */
function dateComparison(name) {
  return (options) => {
    bulwark[name]('', options);
    const date = options !== null && typeof options === 'object' ? ownOption(options, 'comparisonDate') : options;
    return (str) => bulwark[name](str, date);
  };
}

/** Validators computed in JS: name -> (args) => (str) => boolean. */
const JS_VALIDATORS = {
  isBefore: dateComparison('isBefore'),
  isAfter: dateComparison('isAfter'),
  equals: (comparison) => (str) => str === comparison,
  contains: (elem, options) => {
    const ignoreCase = Boolean(ownOption(options, 'ignoreCase', false));
    const min = ownOption(options, 'minOccurrences', 1);
    const needle = ignoreCase ? argToString(elem).toLowerCase() : argToString(elem);
    return (str) => (ignoreCase ? str.toLowerCase() : str).split(needle).length > min;
  },
  isEmpty: (options) => {
    const ignoreWhitespace = Boolean(ownOption(options, 'ignore_whitespace', false));
    return (str) => (ignoreWhitespace ? str.trim().length : str.length) === 0;
  },
};

function unsupported(name, what) {
  return new BulwarkError(
    'INVALID_OPTIONS',
    `bulwark/express-validator: ${what} "${name}" is not supported (Bulwark has no such ${what} yet; ` +
      'see docs/express-validator.md). It is refused here rather than skipped.',
  );
}

/** express-validator's argument rewriting before the validator.js call. */
function validatorArgs(name, args) {
  if (name === 'isAlpha') {
    const [locale, options] = args;
    const out = {};
    if (options !== undefined && options !== null) {
      for (const key of Object.keys(options)) if (options[key] !== undefined) out[key] = options[key];
    }
    if (Array.isArray(out.ignore)) out.ignore = out.ignore.join('');
    return [locale, out];
  }
  if (name === 'isBoolean' && args[0] !== undefined && args[0] !== null && typeof args[0] === 'object') {
    const out = {};
    for (const key of Object.keys(args[0])) if (key !== 'strict' && args[0][key] !== undefined) out[key] = args[0][key];
    return [out];
  }
  if (name === 'matches') {
    const [pattern, modifiers] = args;
    if (typeof pattern === 'string') return modifiers === undefined ? [pattern] : [pattern, modifiers];
    if (pattern instanceof RegExp) {
      return [pattern.source, [...new Set((modifiers || '') + pattern.flags)].join('')];
    }
  }
  while (args.length > 0 && args[args.length - 1] === undefined) args = args.slice(0, -1);
  return args;
}

/**
 * The test of standard validator `name` with chain arguments `args`: `{ rule }` for the
 * core (checked by compiling it now) or `{ js }`. Throws when Bulwark lacks the validator
 * or refuses the options.
 */
function standardValidator(name, args) {
  if (Object.hasOwn(JS_VALIDATORS, name)) return { js: JS_VALIDATORS[name](...args) };
  if (name === 'createValidator' || typeof bulwark[name] !== 'function' || !Object.hasOwn(bulwark, name)) {
    throw unsupported(name, 'validator');
  }
  const rule = { validator: name, args: validatorArgs(name, args) };
  if (rule.args.length > 2) throw unsupported(`${name} with ${rule.args.length} arguments`, 'call shape');
  try {
    bulwark.createValidator([rule]);
  } catch (err) {
    if (err instanceof BulwarkError) throw new BulwarkError(err.code, `bulwark/express-validator: ${err.message}`);
    throw err;
  }
  return { rule };
}

/** Standard sanitizers: name -> Bulwark function (called as fn(string, ...args)). */
const STANDARD_SANITIZERS = {
  blacklist: bulwark.blacklist,
  escape: bulwark.escapeHtml,
  unescape: bulwark.unescapeHtml,
  ltrim: bulwark.ltrim,
  normalizeEmail: bulwark.normalizeEmail,
  rtrim: bulwark.rtrim,
  stripLow: bulwark.stripLow,
  toBoolean: bulwark.toBoolean,
  toDate: bulwark.toDate,
  toFloat: bulwark.toFloat,
  toInt: bulwark.toInt,
  trim: bulwark.trim,
  whitelist: bulwark.whitelist,
  // Bulwark's own (not in express-validator): Unicode normalization, NFC by default.
  normalizeUnicode: bulwark.normalizeUnicode,
};

/**
 * The sanitizer function for `name` and `args`, tried once on a sample so that a bad
 * argument is an error now, at startup, not on the first request.
 */
function standardSanitizer(name, args) {
  const fn = STANDARD_SANITIZERS[name];
  if (typeof fn !== 'function') throw unsupported(name, 'sanitizer');
  const trimmed = args.slice();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
  try {
    fn('a@example.com', ...trimmed);
  } catch (err) {
    const code = err instanceof BulwarkError ? err.code : 'INVALID_OPTIONS';
    throw new BulwarkError(code, `bulwark/express-validator: ${name}: ${err.message}`);
  }
  return (str) => fn(str, ...trimmed);
}

const MAX_CLONE_DEPTH = 64;

/** lodash's cloneDeep for the data default()/replace() hand out: arrays and plain objects. */
function cloneDeep(value, depth = 0) {
  if (value === null || typeof value !== 'object' || depth > MAX_CLONE_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => cloneDeep(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out = proto === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      __proto__: null,
      value: cloneDeep(value[key], depth + 1),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return out;
}

module.exports = {
  STANDARD_VALIDATORS,
  STANDARD_SANITIZERS,
  JS_VALIDATORS,
  standardValidator,
  standardSanitizer,
  cloneDeep,
  unsupported,
};
