'use strict';
// Validators with validator.js 13.x names, call shapes, options and results, decided by the
// core in linear time (crates/bulwark-core/src/validators). See types/validators.d.ts for
// each function and README "Validators" for every deviation from validator.js.
//
// A call reads its options (own properties only, typed: unknown keys and wrong types are
// INVALID_OPTIONS), tries the JS fast path (./fast.js: cheap checks that prove the answer
// for short inputs, tested equal to the core), and otherwise asks the core through a
// compiled rule cached per options object (./core.js).
//
// Lone surrogates: both bindings would turn them into U+FFFD, so an ill-formed string is
// answered here, never checked in its replaced form. isLength and isJSON give the same
// answer for the replaced string (a lone surrogate and U+FFFD are one code unit each, and
// both are allowed inside JSON strings only), isIn compares exactly in JS, isStrongPassword
// analyses the string in JS, isCurrency stands in a unit only JS's `.` matches; every other
// validator answers false. validator.js answers
// false as well, except where it throws URIError (isByteLength, and isEmail without
// ignore_max_length) or accepts the lone surrogate (isEmail, isURL and isFQDN host labels,
// URL paths, isAlpha's `ignore`, matches).

const { stringArg, jsonText } = require('../args');
const { BulwarkError } = require('../errors');
const options = require('./options');

const { READERS, SHAPED, readArgs } = options;
const { FAST } = require('./fast');
const core = require('./core');
const text = require('./text');

const { EMPTY } = options;

/** isStrongPassword's defaults (validator.js). */
const PASSWORD_DEFAULTS = Object.freeze({
  minLength: 8,
  minLowercase: 1,
  minUppercase: 1,
  minNumbers: 1,
  minSymbols: 1,
  pointsPerUnique: 1,
  pointsPerRepeat: 0.5,
  pointsForContainingLower: 10,
  pointsForContainingUpper: 10,
  pointsForContainingNumber: 10,
  pointsForContainingSymbol: 10,
});
const SYMBOLS = new Set('-#!$@£%^&*()_+|~=`{}[]:";\'<>?,./\\ ');

/** validator.js's analyzePassword, in JS: used for strings with lone surrogates. */
function analyzePassword(str) {
  const counts = new Map();
  for (const ch of str) counts.set(ch, (counts.get(ch) || 0) + 1);
  const a = { length: str.length, unique: counts.size, upper: 0, lower: 0, numbers: 0, symbols: 0 };
  // forEach, not `for (const [ch, n] of counts)`: array destructuring closes its iterator
  // through a `return` method read from Object.prototype.
  counts.forEach((n, ch) => {
    const c = ch.length === 1 ? ch.charCodeAt(0) : -1;
    if (c >= 65 && c <= 90) a.upper += n;
    else if (c >= 97 && c <= 122) a.lower += n;
    else if (c >= 48 && c <= 57) a.numbers += n;
    else if (SYMBOLS.has(ch)) a.symbols += n;
  });
  return a;
}

function passwordInJs(str, o) {
  const p = { ...PASSWORD_DEFAULTS };
  for (const key of Object.keys(PASSWORD_DEFAULTS)) if (o[key] !== undefined) p[key] = o[key];
  const a = analyzePassword(str);
  if (o.returnScore) {
    let points = a.unique * p.pointsPerUnique + (a.length - a.unique) * p.pointsPerRepeat;
    if (a.lower > 0) points += p.pointsForContainingLower;
    if (a.upper > 0) points += p.pointsForContainingUpper;
    if (a.numbers > 0) points += p.pointsForContainingNumber;
    if (a.symbols > 0) points += p.pointsForContainingSymbol;
    return points;
  }
  return (
    a.length >= p.minLength &&
    a.lower >= p.minLowercase &&
    a.upper >= p.minUppercase &&
    a.numbers >= p.minNumbers &&
    a.symbols >= p.minSymbols
  );
}

/**
 * isCurrency on a string with lone surrogates: only a `.` left live in a symbol or
 * separator (JS's `.`: one code unit) can match one, so each is replaced by a unit that
 * only `.` matches (one no option string holds) and the core decides.
 */
function currencyIllFormed(str, o) {
  const named = `${o.symbol ?? '$'}${o.thousands_separator ?? ','}${o.decimal_separator ?? '.'}`;
  let stand = 0xe000;
  while (named.includes(String.fromCharCode(stand))) stand += 1;
  const wellFormed = str.toWellFormed();
  let replaced = '';
  for (let i = 0; i < str.length; i += 1) {
    replaced += wellFormed.charCodeAt(i) === str.charCodeAt(i) ? str[i] : String.fromCharCode(stand);
  }
  return core.test('isCurrency', replaced, o === EMPTY ? undefined : o);
}

/** The answer for a string with a lone surrogate (see the header). */
function illFormed(name, str, o) {
  switch (name) {
    case 'isLength':
    case 'isJSON':
      return core.test(name, str, o === EMPTY ? undefined : o);
    case 'isStrongPassword':
      return passwordInJs(str, o);
    case 'isIn':
      return o.values.includes(str);
    case 'isCurrency':
      return currencyIllFormed(str, o);
    default:
      return text.illFormed(name, str, o) === true;
  }
}

/**
 * Options only the core can check (locales, patterns, digit counts): the rule is compiled
 * (and cached) before any fast path answers, so a bad option is INVALID_OPTIONS whatever
 * the input.
 */
const CORE_CHECKED = Object.assign(Object.create(null), {
  isEmail: ['blacklisted_chars', 'host_blacklist', 'host_whitelist'],
  isURL: ['host_blacklist', 'host_whitelist'],
  isDate: ['format', 'delimiters'],
});

/** Compiles the rule first when `o` holds options only the core can check (cached). */
function precompile(name, o, checked) {
  for (let i = 0; i < checked.length; i += 1) {
    if (o[checked[i]] !== undefined) {
      core.compile(name, o);
      return;
    }
  }
}

/** The core's answer (after the fast path deferred). */
function slow(name, str, o) {
  if (!str.isWellFormed()) return illFormed(name, str, o);
  return core.test(name, str, o === EMPTY ? undefined : o);
}

/** The answer of validator `name` for `str` with read options `o` (EMPTY for none). */
function decide(name, str, o) {
  const checked = CORE_CHECKED[name];
  if (checked !== undefined && o !== EMPTY) precompile(name, o, checked);
  const fast = FAST[name];
  if (fast !== undefined) {
    const answer = fast(str, o);
    if (answer !== undefined) return answer;
  }
  return slow(name, str, o);
}

// The public functions: one closure per validator over its reader and fast path, so the
// common call (a string, maybe an options object) is a few inlined steps.
function validatorFunction(name, read) {
  const label = `${name}: input`;
  const checked = CORE_CHECKED[name];
  const fast = FAST[name];
  return {
    [name](input, a, b) {
      const str = typeof input === 'string' ? input : stringArg(input, label);
      const o = read(a, b);
      if (checked !== undefined && o !== EMPTY) precompile(name, o, checked);
      if (fast !== undefined) {
        const answer = fast(str, o);
        if (answer !== undefined) return answer;
      }
      return slow(name, str, o);
    },
  }[name];
}

function withOptions(name) {
  const reader = SHAPED[name];
  return validatorFunction(name, (opts) => (opts === undefined ? EMPTY : reader(opts)));
}

function withoutOptions(name) {
  const label = `${name}: input`;
  const fast = FAST[name];
  if (fast === undefined) {
    return {
      [name](input) {
        return slow(name, typeof input === 'string' ? input : stringArg(input, label), EMPTY);
      },
    }[name];
  }
  return {
    [name](input) {
      const str = typeof input === 'string' ? input : stringArg(input, label);
      const answer = fast(str, EMPTY);
      return answer !== undefined ? answer : slow(name, str, EMPTY);
    },
  }[name];
}

function withReader(name) {
  return validatorFunction(name, READERS[name]);
}

function noOptions(name) {
  return validatorFunction(name, () => EMPTY);
}

/** isRgbColor: the legacy positional includePercentValues is told apart by argument count. */
function isRgbColor(input, ...args) {
  const str = stringArg(input, 'isRgbColor: input');
  return decide('isRgbColor', str, READERS.isRgbColor(...args));
}

/** isTime: validator.js answers false for a non-string input (it has no assertString). */
const isTimeChecked = withOptions('isTime');
function isTime(input, options) {
  if (typeof input !== 'string') {
    if (options !== undefined) SHAPED.isTime(options);
    return false;
  }
  return isTimeChecked(input, options);
}

// isDate: strings are the core's; a Date object is read here by a brand check.
// Captured at load: later changes to Date.prototype or Reflect change nothing.
const dateGetTime = Date.prototype.getTime;
const { apply } = Reflect;

/**
 * The time value of a real Date (its internal slot; a subclass or another realm's Date
 * counts), NaN for anything else. validator.js asks Object.prototype.toString for the tag
 * and isFinite for the value, which a Symbol.toStringTag or a valueOf can fake; both give
 * the same answer for every Date that fakes neither.
 */
function dateTimeValue(value) {
  if (value === null || typeof value !== 'object') return Number.NaN;
  try {
    return apply(dateGetTime, value, []);
  } catch {
    return Number.NaN;
  }
}

/**
 * isDate(input, format | options): a string in the format (the core), or, without
 * strictMode, a Date holding a valid time. Anything else is false, as there (no TypeError:
 * validator.js has no assertString here; a String object is not a string for it either).
 * The options are checked whatever the input.
 */
const isDateString = withReader('isDate');
function isDate(input, options) {
  if (typeof input === 'string') return isDateString(input, options);
  const o = READERS.isDate(options);
  core.compile('isDate', o === EMPTY ? undefined : o);
  return o.strictMode !== true && Number.isFinite(dateTimeValue(input));
}

/** isByteLength: validator.js's legacy reading makes a call without options fail. */
function isByteLength(input, a, b) {
  const str = stringArg(input, 'isByteLength: input');
  const o = READERS.isByteLength(a, b);
  return o === null ? false : decide('isByteLength', str, o);
}

/**
 * isIn: exact comparison in JS (validator.js converts array elements with toString). As
 * there, no values (undefined), a number or a boolean are in nothing; a string of values
 * (substring search there) stays a TypeError (docs/validators.md).
 */
function isIn(input, values) {
  const str = stringArg(input, 'isIn: input');
  if (values === undefined || typeof values === 'number' || typeof values === 'boolean') return false;
  if (Array.isArray(values)) {
    // Bounded before any element is read: a sparse array of 2^32 - 1 slots would loop for minutes.
    if (values.length > options.MAX_IN_VALUES) return options.inValues(values).includes(str);
    const budget = { left: options.MAX_IN_VALUES };
    for (let i = 0; i < values.length; i += 1) {
      if (Object.hasOwn(values, i) && options.jsToString(values[i], budget) === str) return true;
    }
    return false;
  }
  if (values !== null && typeof values === 'object' && !options.isRegExp(values)) return Object.hasOwn(values, str);
  throw new TypeError(`isIn: values must be an array or an object, got ${values === null ? 'null' : typeof values}`);
}

/** isStrongPassword: a boolean, or the score with returnScore. */
function isStrongPassword(input, opts) {
  const str = stringArg(input, 'isStrongPassword: input');
  const o = opts === undefined ? EMPTY : options.read('isStrongPassword', opts);
  if (!str.isWellFormed()) return passwordInJs(str, o);
  if (o.returnScore) return core.score('isStrongPassword', str, o);
  return core.test('isStrongPassword', str, o === EMPTY ? undefined : o);
}

/** A compiled-rule handle per RegExp object (re-read if its source or flags changed). */
const patterns = new WeakMap();

/** matches(str, pattern, modifiers) on the linear-time regex engine. */
function matches(input, pattern, modifiers) {
  const str = typeof input === 'string' ? input : stringArg(input, 'matches: input');
  let h = typeof pattern === 'object' && pattern !== null ? patterns.get(pattern) : undefined;
  if (h === undefined || h.options.pattern !== pattern.source || h.options.flags !== pattern.flags) {
    h = core.handle('matches', options.patternOptions(pattern, modifiers));
    if (options.isRegExp(pattern)) patterns.set(pattern, h);
  }
  if (!str.isWellFormed()) return false;
  return core.testHandle(h, str);
}

const REPLACEMENT_SAFE = new Set(['isLength', 'isJSON']);
/** The most rules createValidator compiles into one set. */
const MAX_RULES = 10000;
const RULE_KEYS = new Set(['validator', 'args']);

function ruleOf(rule, index) {
  const where = `createValidator: rule ${index}`;
  const spec = typeof rule === 'string' ? { validator: rule } : rule;
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new TypeError(`${where} must be a validator name or { validator, args }`);
  }
  for (const key of Object.keys(spec)) {
    if (!RULE_KEYS.has(key)) throw new BulwarkError('INVALID_OPTIONS', `${where}: unknown key "${key}"`);
  }
  const name = Object.hasOwn(spec, 'validator') ? spec.validator : undefined;
  if (typeof name !== 'string' || !Object.hasOwn(VALIDATORS, name) || name === 'createValidator') {
    throw new BulwarkError('INVALID_OPTIONS', `${where}: unknown validator ${JSON.stringify(String(name))}`);
  }
  const args = Object.hasOwn(spec, 'args') ? spec.args : [];
  if (!Array.isArray(args) || args.length > 2)
    throw new TypeError(`${where}: args must be an array of at most 2 arguments`);
  // Own elements only: a missing argument is undefined, never Array.prototype's.
  let o = readArgs(name, Object.hasOwn(args, 0) ? args[0] : undefined, Object.hasOwn(args, 1) ? args[1] : undefined);
  if (name === 'isByteLength' && o === null) {
    // validator.js: without options every string fails; as a rule, a range nothing meets.
    o = Object.create(null);
    o.max = -1;
  }
  if (name === 'isStrongPassword' && o.returnScore) {
    throw new BulwarkError('INVALID_OPTIONS', `${where}: returnScore is not allowed in a rule set`);
  }
  return { name, o };
}

/**
 * Compiles rules once; `check(values)` runs rule i on values[i], all in one call into the
 * core, and returns the indexes of the rules that failed (empty when all passed).
 */
function createValidator(rules) {
  if (!Array.isArray(rules)) throw new TypeError('createValidator: rules must be an array');
  if (rules.length > MAX_RULES) {
    throw new BulwarkError('INPUT_TOO_LARGE', `createValidator: more than ${MAX_RULES} rules`);
  }
  const compiled = new Array(rules.length);
  for (let i = 0; i < rules.length; i += 1) {
    if (!Object.hasOwn(rules, i)) throw new TypeError(`createValidator: rule ${i} is missing (a hole)`);
    compiled[i] = ruleOf(rules[i], i);
  }
  // isIn values with lone surrogates can only equal ill-formed values, which are decided
  // here in JS: the core gets the well-formed ones.
  const forCore = ({ name, o }) => (name === 'isIn' ? { values: o.values.filter((v) => v.isWellFormed()) } : o);
  const json = jsonText(compiled.map((rule) => ({ validator: rule.name, options: forCore(rule) })));
  const run = core.compileSet(json);
  const size = compiled.length;
  return Object.freeze({
    size,
    check(values) {
      if (!Array.isArray(values) || values.length !== size) {
        throw new TypeError(`check: values must be an array of ${size} strings`);
      }
      const strs = new Array(size);
      let overrides = null;
      for (let i = 0; i < size; i += 1) {
        // A hole would be read through Array.prototype.
        const str = stringArg(Object.hasOwn(values, i) ? values[i] : undefined, `check: values[${i}]`);
        if (!str.isWellFormed() && !REPLACEMENT_SAFE.has(compiled[i].name)) {
          if (overrides === null) overrides = new Map();
          overrides.set(i, illFormed(compiled[i].name, str, compiled[i].o));
          strs[i] = '';
        } else {
          strs[i] = str;
        }
      }
      const failed = run(strs);
      if (overrides === null) return failed;
      const out = failed.filter((i) => !overrides.has(i));
      overrides.forEach((ok, i) => {
        if (!ok) out.push(i);
      });
      return out.sort((x, y) => x - y);
    },
  });
}

const VALIDATORS = {
  isEmail: withOptions('isEmail'),
  isURL: withOptions('isURL'),
  isFQDN: withOptions('isFQDN'),
  isIP: withReader('isIP'),
  isIPRange: withReader('isIPRange'),
  isUUID: withReader('isUUID'),
  isInt: withOptions('isInt'),
  isFloat: withOptions('isFloat'),
  isNumeric: withOptions('isNumeric'),
  isDecimal: withOptions('isDecimal'),
  isAlpha: withReader('isAlpha'),
  isAlphanumeric: withReader('isAlphanumeric'),
  isHexadecimal: withoutOptions('isHexadecimal'),
  isBase64: withOptions('isBase64'),
  isJWT: withoutOptions('isJWT'),
  isISO8601: withOptions('isISO8601'),
  isPort: withoutOptions('isPort'),
  isSlug: withoutOptions('isSlug'),
  isMongoId: withoutOptions('isMongoId'),
  isLength: withReader('isLength'),
  isByteLength,
  isStrongPassword,
  isJSON: withOptions('isJSON'),
  isBoolean: withOptions('isBoolean'),
  isMimeType: withoutOptions('isMimeType'),
  isSemVer: withoutOptions('isSemVer'),
  isIn,
  matches,
  isISO31661Alpha2: withOptions('isISO31661Alpha2'),
  isISO31661Alpha3: withOptions('isISO31661Alpha3'),
  isISO31661Numeric: noOptions('isISO31661Numeric'),
  isISO4217: noOptions('isISO4217'),
  isISO15924: noOptions('isISO15924'),
  isISO6391: noOptions('isISO6391'),
  isMobilePhone: withReader('isMobilePhone'),
  isPostalCode: withReader('isPostalCode'),
  isLicensePlate: withReader('isLicensePlate'),
  isPassportNumber: withReader('isPassportNumber'),
  isVAT: withReader('isVAT'),
  contains: withReader('contains'),
  equals: withReader('equals'),
  isEmpty: withOptions('isEmpty'),
  isAscii: withoutOptions('isAscii'),
  isLowercase: withoutOptions('isLowercase'),
  isUppercase: withoutOptions('isUppercase'),
  isFullWidth: withoutOptions('isFullWidth'),
  isHalfWidth: withoutOptions('isHalfWidth'),
  isVariableWidth: withoutOptions('isVariableWidth'),
  isMultibyte: withoutOptions('isMultibyte'),
  isSurrogatePair: withoutOptions('isSurrogatePair'),
  isWhitelisted: withReader('isWhitelisted'),
  isOctal: withoutOptions('isOctal'),
  isMD5: withoutOptions('isMD5'),
  isHash: withReader('isHash'),
  isBase32: withOptions('isBase32'),
  isBase58: withoutOptions('isBase58'),
  isULID: withoutOptions('isULID'),
  isDivisibleBy: withReader('isDivisibleBy'),
  isHexColor: withOptions('isHexColor'),
  isRgbColor,
  isHSL: noOptions('isHSL'),
  isLatLong: withOptions('isLatLong'),
  isMACAddress: withOptions('isMACAddress'),
  isDataURI: noOptions('isDataURI'),
  isMagnetURI: noOptions('isMagnetURI'),
  isMailtoURI: withOptions('isMailtoURI'),
  isRFC3339: noOptions('isRFC3339'),
  isTime,
  isLocale: noOptions('isLocale'),
  isLuhnNumber: withoutOptions('isLuhnNumber'),
  isCreditCard: withOptions('isCreditCard'),
  isIMEI: withOptions('isIMEI'),
  isEAN: withoutOptions('isEAN'),
  isISBN: withReader('isISBN'),
  isISSN: withOptions('isISSN'),
  isISIN: withoutOptions('isISIN'),
  isIBAN: withOptions('isIBAN'),
  isAbaRouting: withoutOptions('isAbaRouting'),
  isISRC: withoutOptions('isISRC'),
  isISO6346: withoutOptions('isISO6346'),
  isFreightContainerID: withoutOptions('isFreightContainerID'),
  isBtcAddress: withoutOptions('isBtcAddress'),
  isEthereumAddress: withoutOptions('isEthereumAddress'),
  isBIC: withoutOptions('isBIC'),
  isDate,
  isIdentityCard: withReader('isIdentityCard'),
  isTaxID: withReader('isTaxID'),
  isCurrency: withOptions('isCurrency'),
};

// validator.js's exported locale lists (generated from its tables: ./tables.js).
const tables = require('./tables');

module.exports = {
  ...VALIDATORS,
  createValidator,
  isAlphaLocales: tables.isAlphaLocales,
  isAlphanumericLocales: tables.isAlphanumericLocales,
  isFloatLocales: tables.isFloatLocales,
  isMobilePhoneLocales: tables.isMobilePhoneLocales,
  isPostalCodeLocales: tables.isPostalCodeLocales,
  passportNumberLocales: tables.passportNumberLocales,
  // Generated with the core's IBAN table by scripts/gen-iban-table.mjs.
  ibanLocales: require('./iban-locales').ibanLocales,
};
