// Generates the validator tables of the Rust core and the JS layer from the installed
// `validator` package (validator.js 13.15): the ISO code sets, the per-locale patterns of
// isMobilePhone, isPostalCode, isPassportNumber, isLicensePlate and isVAT, isIdentityCard's
// locales (each a hand-written check, recorded by the hash of its source) and zh-CN region
// codes, and the exported locale lists (isMobilePhoneLocales, ...).
//
//   node scripts/gen-validator-tables.mjs          writes the tables
//   node scripts/gen-validator-tables.mjs --check  exits 1 when a committed table differs
//
// Exported tables are read from the package's exports. Internal ones (isMobilePhone's
// `phones`, isPostalCode's `patterns`, ...) are reached by running the module's own source
// in a `vm` context with one added statement that hands the table out: no copy of
// validator.js code is kept here. Table entries that are functions (isLicensePlate, isVAT)
// are read from their source when they are `return /re/.test(str)` (or `str.trim()`); the
// few that compute checksums are implemented by hand in Rust, and the hash of their source
// is recorded so that a change upstream fails the table test.
//
// Patterns are kept as JS source and flags and compiled by the core's linear-time JS regex
// translation (crates/bulwark-core/src/validators/js_regex.rs) on first use. The few that
// use look-around (which no linear engine runs) get an equivalent look-around-free form
// from REWRITES below, each checked here to apply exactly once; the differential tests
// (js-tests/validators-locale-tables.test.js) compare every locale with validator.js.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import prettier from 'prettier';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const LIB = path.dirname(require.resolve('validator/lib/isMobilePhone.js'));
const VERSION = require('validator/package.json').version;
const RUST_DIR = path.join(ROOT, 'crates/bulwark-core/src/validators/tables');
const JS_FILE = path.join(ROOT, 'npm/bulwark/lib/validators/tables.js');
const TYPES_FILE = path.join(ROOT, 'npm/bulwark/types/validator-locales.d.ts');

/** A module-internal binding of a validator.js file, by running its source with an added hand-out. */
function internal(file, binding, requireOverrides = {}) {
  const source = fs.readFileSync(path.join(LIB, file), 'utf8');
  const module = { exports: {} };
  let captured;
  const context = vm.createContext({
    module,
    exports: module.exports,
    // eslint-disable-next-line security/detect-non-literal-require -- validator.js's own relative requires, inside its lib/
    require: (p) => (Object.hasOwn(requireOverrides, p) ? requireOverrides[p] : require(path.join(LIB, p))),
    __bulwarkCapture: (value) => {
      captured = value;
    },
  });
  vm.runInContext(`(function () {\n${source}\n;__bulwarkCapture(${binding});\n})();`, context, { filename: file });
  if (captured === undefined) throw new Error(`${file}: ${binding} not found`);
  return captured;
}

/** A RegExp made in a vm context is not `instanceof RegExp` here: read it by its tag. */
function regexOf(value, where) {
  if (Object.prototype.toString.call(value) !== '[object RegExp]') throw new Error(`${where}: not a RegExp`);
  if (!value.source.isWellFormed()) throw new Error(`${where}: lone surrogate in the pattern`);
  return { source: value.source, flags: value.flags };
}

const sha = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** `function x(str) { return /re/f.test(str); }` -> { source, flags, trim }; null for other code. */
function regexFunction(fn, where) {
  const text = Function.prototype.toString.call(fn);
  const m = /^function \w*\(str\) \{\s*return (\/.*\/[dgimsuvy]*)\.test\((str|str\.trim\(\))\);\s*\}$/s.exec(text);
  if (m === null) return null;
  const re = vm.runInNewContext(m[1]);
  return { ...regexOf(re, where), trim: m[2] !== 'str' };
}

/** "Not all four equal": the first four units of isPostalCode IR (`(?!(\d)\1{3})[13-9]{4}`). */
function notAllFourEqual(digits) {
  const cls = (ds) => `[${ds.join('')}]`;
  const alts = digits.map((d) => {
    const others = cls(digits.filter((x) => x !== d));
    const any = cls(digits);
    return `${d}(?:${d}(?:${d}${others}|${others}${any})|${others}${any}{2})`;
  });
  return `(?:${alts.join('|')})`;
}

// JS line terminators are `\n \r \u2028 \u2029`; JS `\s` without them:
const SPACE_NOT_LT = '\\t\\v\\f \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\ufeff';

/**
 * Look-around-free equivalents: table -> key -> [[from, to], ...] (each `from` must occur
 * exactly once), and for fi-FI a minimum length that stands for its `(?=.{4,7})`.
 */
const REWRITES = {
  mobilePhone: {
    // 9 followed by a digit that is not 2 or 6.
    'el-GR': [['9(?![26])[0-9]', '9[013-57-9]']],
  },
  postalCode: {
    // No `o`/`O` before the first line terminator: only the `\s` (a line terminator or not)
    // can end that stretch early.
    IE: [
      [
        '^(?!.*(?:o))[A-Za-z]\\d[\\dw]\\s\\w{4}$',
        `^[A-NP-Za-np-z]\\d[\\dw](?:[${SPACE_NOT_LT}][0-9A-NP-Za-np-z_]{4}|[\\n\\r\\u2028\\u2029]\\w{4})$`,
      ],
    ],
    // The first two digits are none of the listed pairs.
    IN: [
      [
        '(?!10|29|35|54|55|65|66|86|87|88|89)[1-9][0-9]{5}',
        '(?:1[1-9]|2[0-8]|3[0-46-9]|4[0-9]|5[0-36-9]|6[0-47-9]|7[0-9]|8[0-5]|9[0-9])[0-9]{4}',
      ],
    ],
    // The first four digits are not all the same.
    IR: [['(?!(\\d)\\1{3})[13-9]{4}', notAllFourEqual(['1', '3', '4', '5', '6', '7', '8', '9'])]],
    // The two letters are not sa, sd or ss (any case: the pattern has `i`).
    NL: [['(?!sa|sd|ss)[a-z]{2}', '(?:[a-rt-z][a-z]|s[bce-rt-z])']],
  },
  passportNumber: {
    CN: [['E(?![IO])[A-Z0-9]', 'E[A-HJ-NP-Z0-9]']],
  },
  licensePlate: {
    // `(?=.{4,7})`: four units that are not line terminators. The only `\s` sits within
    // the first four units, so it must not be one, and the plate is at least 4 long.
    'fi-FI': [
      ['^(?=.{4,7})', '^'],
      ['[\\s-]?', `[${SPACE_NOT_LT}-]?`],
    ],
    // Three letters other than AAA; three digits other than 000.
    'hu-HU': [
      [
        '(?!AAA)(([A-NPRSTVZWXY]{1})([A-PR-Z]{1})([A-HJ-NPR-Z]))',
        '([B-NPRSTVZWXY][A-PR-Z][A-HJ-NPR-Z]|A[B-PR-Z][A-HJ-NPR-Z]|AA[B-HJ-NPR-Z])',
      ],
      ['(?!000)\\d{3}', '(?:[1-9]\\d\\d|0[1-9]\\d|00[1-9])'],
    ],
  },
};
REWRITES.taxId = {
  // Two letters: the first none of DFIQUV, the second none of DFIQUVO, and the pair none
  // of GB, NK, TN, ZZ (the `i` flag folds case in both forms).
  'en-GB': [
    [
      '(?!GB|NK|TN|ZZ)(?![DFIQUV])[A-Z](?![DFIQUVO])[A-Z]',
      '(?:[A-CEHJ-MOPRSW-Y][A-CEGHJ-NPR-TW-Z]|G[ACEGHJ-NPR-TW-Z]|N[A-CEGHJLMNPR-TW-Z]|T[A-CEGHJ-MPR-TW-Z]|Z[A-CEGHJ-NPR-TW-Y])',
    ],
  ],
  // A digit 1-8 twice (a back-reference).
  'mt-MT': [['([1-8])\\1', '(11|22|33|44|55|66|77|88)']],
};
const MIN_LENGTH = { licensePlate: { 'fi-FI': 4 } };

function linearForm(table, key, source) {
  const rules = REWRITES[table]?.[key];
  if (rules === undefined) return null;
  let out = source;
  for (const [from, to] of rules) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) {
      throw new Error(`${table} ${key}: rewrite ${from} does not apply exactly once to /${source}/`);
    }
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

function entries(table, record, read) {
  return Object.keys(record).map((key) => {
    const e = read(record[key], `${table} ${key}`);
    const linear = e.source === undefined ? null : linearForm(table, key, e.source);
    return { key, ...e, linear, minLength: MIN_LENGTH[table]?.[key] ?? 0 };
  });
}

/** The class body starting at `at` (just after `[`) and the index after its `]`; null if none. */
function classAt(source, at) {
  for (let i = at; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === ']') return { body: source.slice(at, i), end: i + 1 };
  }
  return null;
}

/** `^[first]+$`, `^[first]*$` or `^[first]+[second]*$` (alpha.js's shapes), else null. */
function alphaShape(source) {
  if (!source.startsWith('^[')) return null;
  const first = classAt(source, 2);
  if (first === null) return null;
  const rest = source.slice(first.end);
  if (rest === '+$' || rest === '*$') return { kind: rest === '+$' ? 'Plus' : 'Star', first: first.body };
  if (!rest.startsWith('+[')) return null;
  const second = classAt(source, first.end + 2);
  if (second === null || source.slice(second.end) !== '*$') return null;
  return { kind: 'PlusThenStar', first: first.body, second: second.body };
}

/** The code-unit ranges a class body holds (no flags: the core folds case itself). */
function classRanges(body) {
  const re = new RegExp(`^[${body}]$`);
  const out = [];
  for (let u = 0; u <= 0xffff; u += 1) {
    if (!re.test(String.fromCharCode(u))) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === u - 1) last[1] = u;
    else out.push([u, u]);
  }
  return out;
}

/** alpha.js's `alpha` / `alphanumeric`: per locale, its pattern as one or two classes. */
function readAlpha(record, table) {
  return Object.keys(record).map((key) => {
    const { source, flags } = regexOf(record[key], `${table} ${key}`);
    const shape = alphaShape(source);
    if (shape === null || (flags !== '' && flags !== 'i'))
      throw new Error(`${table} ${key}: unexpected /${source}/${flags}`);
    const second = shape.second === undefined ? [] : classRanges(shape.second);
    return { key, source, flags, kind: shape.kind, first: classRanges(shape.first), second };
  });
}

/**
 * isIdentityCard: its locales (the keys of `validators`, each recorded by the hash of its
 * function's source, as the checks are written by hand in Rust) and zh-CN's region codes,
 * a list local to the zh-CN check: handed out by running that check once on an 18-digit
 * number with a stand-in for `includesArray`, which receives the list.
 */
function readIdentityCard() {
  let regions;
  const spy = (list, value) => {
    regions = [...list];
    return list.includes(value);
  };
  const validators = internal('isIdentityCard.js', 'validators', { './util/includesArray': spy });
  const rows = Object.keys(validators).map((key) => ({
    key,
    custom: sha(Function.prototype.toString.call(validators[key])),
  }));
  validators['zh-CN']('110101199001011237');
  if (regions === undefined || !regions.every((r) => /^[0-9]{2}$/.test(r)))
    throw new Error('isIdentityCard zh-CN: region codes not found');
  return { rows, regions };
}

/** Everything read from validator.js. */
export function extract() {
  const v = require('validator');
  const sets = {
    ISO31661_ALPHA2: internal('isISO31661Alpha2.js', 'validISO31661Alpha2CountriesCodes'),
    ISO31661_ALPHA3: internal('isISO31661Alpha3.js', 'validISO31661Alpha3CountriesCodes'),
    ISO31661_NUMERIC: internal('isISO31661Numeric.js', 'validISO31661NumericCountriesCodes'),
    ISO4217: internal('isISO4217.js', 'validISO4217CurrencyCodes'),
    ISO15924: internal('isISO15924.js', 'validISO15924Codes'),
    ISO6391: internal('isISO6391.js', 'isISO6391Set'),
  };
  const codes = {};
  for (const [name, set] of Object.entries(sets)) codes[name] = [...set].sort();
  const fromFunction = (fn, where) => {
    const re = regexFunction(fn, where);
    if (re !== null) return re;
    return { custom: sha(Function.prototype.toString.call(fn)) };
  };
  const tables = {
    mobilePhone: entries('mobilePhone', internal('isMobilePhone.js', 'phones'), (re, w) => ({
      ...regexOf(re, w),
      trim: false,
    })),
    postalCode: entries('postalCode', internal('isPostalCode.js', 'patterns'), (re, w) => ({
      ...regexOf(re, w),
      trim: false,
    })),
    passportNumber: entries(
      'passportNumber',
      internal('isPassportNumber.js', 'passportRegexByCountryCode'),
      (re, w) => ({ ...regexOf(re, w), trim: false }),
    ),
    licensePlate: entries('licensePlate', internal('isLicensePlate.js', 'validators'), (fn, w) => {
      const re = regexFunction(fn, w);
      if (re === null) throw new Error(`${w}: not a single-pattern function`);
      return re;
    }),
    vat: entries('vat', require('validator/lib/isVAT.js').vatMatchers, fromFunction),
  };
  const identityCard = readIdentityCard();
  tables.identityCard = identityCard.rows;
  tables.identityCardRegions = identityCard.regions;
  const alpha = require('validator/lib/alpha');
  const taxId = readTaxId();
  const alphaTables = {
    alpha: readAlpha(alpha.alpha, 'alpha'),
    alphanumeric: readAlpha(alpha.alphanumeric, 'alphanumeric'),
    decimal: Object.keys(alpha.decimal).map((key) => {
      const sep = alpha.decimal[key];
      if (typeof sep !== 'string' || [...sep].length !== 1) throw new Error(`decimal ${key}: not one character`);
      return { key, sep };
    }),
  };
  const locales = {
    isAlphaLocales: [...v.isAlphaLocales],
    isAlphanumericLocales: [...v.isAlphanumericLocales],
    isFloatLocales: [...v.isFloatLocales],
    isMobilePhoneLocales: [...v.isMobilePhoneLocales],
    isPostalCodeLocales: [...v.isPostalCodeLocales],
    passportNumberLocales: [...v.passportNumberLocales],
  };
  return { codes, tables, locales, alpha: alphaTables, taxId };
}

/** The characters a `/[...]/g` or `/[...]+/g` class pattern removes (every code unit it matches). */
function classChars(re, where) {
  const { source, flags } = regexOf(re, where);
  const body = /^\[(.*)\]\+?$/s.exec(source);
  if (body === null || flags !== 'g') throw new Error(`${where}: not a /[...]+?/g pattern: /${source}/${flags}`);
  const chars = classRanges(body[1]).flatMap(([lo, hi]) =>
    Array.from({ length: hi - lo + 1 }, (_, i) => String.fromCharCode(lo + i)),
  );
  if (chars.some((c) => c.charCodeAt(0) > 0x7e)) throw new Error(`${where}: non-ASCII characters`);
  return chars.join('');
}

/** The REWRITES of isTaxID, checked against the original patterns on every shape that matters. */
function checkTaxIdRewrites(formats) {
  const units = [...'ABDFGIKNOQTUVZabgknoqtuvz019 ', 'ſ', 'ı', '\u212a'];
  const probes = {
    'en-GB': units.flatMap((a) => units.map((b) => `${a}${b}123456A`)),
    'mt-MT': [...'0123456789a'].flatMap((a) => [...'0123456789a'].map((b) => `${a}${b}1234567`)),
  };
  for (const [key, inputs] of Object.entries(probes)) {
    const e = formats.find((f) => f.key === key);
    const original = new RegExp(e.source, e.flags);
    const linear = new RegExp(e.linear, e.flags);
    for (const input of inputs) {
      if (original.test(input) !== linear.test(input)) throw new Error(`taxId ${key}: rewrite differs on ${input}`);
    }
  }
}

/**
 * isTaxID: `taxIdFormat` (patterns), the locales of `taxIdCheck` with the hash of each
 * check's source (the checks are written by hand in Rust), `sanitizeRegexes` (as the
 * characters they remove), the IRS campus prefixes, and the hashes of the helpers the
 * checks call, so that any change upstream changes the generated file.
 */
function readTaxId() {
  const t = internal(
    'isTaxID.js',
    '{ taxIdFormat, taxIdCheck, sanitizeRegexes, enUsCampusPrefix, algorithms, itItNameCheck, ' +
      'cnpjCharToValue, validateCnpj, enUsGetPrefixes, isTaxID }',
  );
  const source = (fn) => sha(Function.prototype.toString.call(fn));
  const formats = entries('taxId', t.taxIdFormat, (re, w) => ({ ...regexOf(re, w), trim: false }));
  checkTaxIdRewrites(formats);
  const checks = Object.keys(t.taxIdCheck).map((key) => ({ key, hash: source(t.taxIdCheck[key]) }));
  const strip = Object.keys(t.sanitizeRegexes).map((key) => ({
    key,
    chars: classChars(t.sanitizeRegexes[key], `taxId sanitizeRegexes ${key}`),
  }));
  const prefixes = [...new Set(Object.values(t.enUsCampusPrefix).flat())].sort();
  const helpers = [
    ...['iso7064Check', 'luhnCheck', 'reverseMultiplyAndSum', 'verhoeffCheck'].map((name) => ({
      name: `algorithms.${name}`,
      hash: source(t.algorithms[name]),
    })),
    ...['itItNameCheck', 'cnpjCharToValue', 'validateCnpj', 'enUsGetPrefixes', 'isTaxID'].map((name) => ({
      name,
      hash: source(t[name]),
    })),
    { name: 'isDate', hash: source(require('validator/lib/isDate.js')) },
  ];
  return { formats, checks, strip, prefixes, helpers };
}

/** A Rust string literal. */
function rs(text) {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029)
      out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

const HEADER = (what) =>
  `// @generated by scripts/gen-validator-tables.mjs from validator ${VERSION} (${what}).\n` +
  '// Do not edit: run `node scripts/gen-validator-tables.mjs`. js-tests/validators-locale-tables.test.js\n' +
  '// checks that this file equals what the script generates from the installed package.\n\n';

function rustCodes(codes) {
  let out = HEADER('the ISO code sets, sorted for binary search');
  for (const [name, list] of Object.entries(codes)) {
    out += `pub(crate) static ${name}: &[&str] = &[\n`;
    for (let i = 0; i < list.length; i += 8)
      out += `    ${list
        .slice(i, i + 8)
        .map(rs)
        .join(', ')},\n`;
    out += '];\n\n';
  }
  return out.trimEnd() + '\n';
}

function rustTable(name, rows, what) {
  let out = HEADER(what);
  out += 'use super::Entry;\n\n';
  out += `pub(crate) static ${name}: [Entry; ${rows.length}] = [\n`;
  for (const e of rows) {
    if (e.custom !== undefined) {
      out += `    Entry::custom(${rs(e.key)}, ${rs(e.custom)}),\n`;
      continue;
    }
    let row = `Entry::new(${rs(e.key)}, ${rs(e.source)}, ${rs(e.flags)})`;
    if (e.linear !== null) row += `.linear(${rs(e.linear)})`;
    if (e.trim) row += '.trimmed()';
    if (e.minLength) row += `.min_length(${e.minLength})`;
    out += `    ${row},\n`;
  }
  return `${out}];\n`;
}

function rustIdentityCard(rows, regions) {
  let out = rustTable(
    'IDENTITY_CARD',
    rows,
    'isIdentityCard `validators` (source hashes) and zh-CN `provincesAndCities`',
  );
  out += `\n/// The zh-CN region codes (the first two digits), in validator.js order.\n`;
  out += `pub(crate) static ZH_CN_REGIONS: [&str; ${regions.length}] = [\n`;
  for (let i = 0; i < regions.length; i += 12)
    out += `    ${regions
      .slice(i, i + 12)
      .map(rs)
      .join(', ')},\n`;
  return `${out}];\n`;
}

const hex = (n) => `0x${n.toString(16).toUpperCase()}`;

function rustRanges(ranges) {
  if (ranges.length === 0) return '&[]';
  const items = ranges.map(([lo, hi]) => `(${hex(lo)}, ${hex(hi)})`);
  if (items.length <= 6) return `&[${items.join(', ')}]`;
  let out = '&[\n';
  for (let i = 0; i < items.length; i += 6) out += `        ${items.slice(i, i + 6).join(', ')},\n`;
  return `${out}    ]`;
}

function rustTaxId(taxId) {
  let out = rustTable(
    'TAX_ID_FORMAT',
    taxId.formats,
    'isTaxID `taxIdFormat`, `taxIdCheck`, `sanitizeRegexes`, `enUsCampusPrefix`',
  );
  out +=
    '\n/// `taxIdCheck`: the locales with a check function and the hash of its source (each check\n' +
    '/// is written by hand in `super::super::is_tax_id`).\n#[cfg(test)]\npub(crate) static TAX_ID_CHECK: &[(&str, &str)] = &[\n';
  for (const e of taxId.checks) out += `    (${rs(e.key)}, ${rs(e.hash)}),\n`;
  out += '];\n\n/// `sanitizeRegexes`: the characters removed before the format test, per locale.\n';
  out += 'pub(crate) static TAX_ID_STRIP: &[(&str, &str)] = &[\n';
  for (const e of taxId.strip) out += `    (${rs(e.key)}, ${rs(e.chars)}),\n`;
  out += '];\n\n/// `enUsCampusPrefix`: every IRS campus prefix, sorted for binary search.\n';
  out += 'pub(crate) static EN_US_PREFIXES: &[&str] = &[\n';
  for (let i = 0; i < taxId.prefixes.length; i += 12)
    out += `    ${taxId.prefixes
      .slice(i, i + 12)
      .map(rs)
      .join(', ')},\n`;
  out += '];\n\n// The helpers the checks call, by the hash of their source:\n';
  for (const h of taxId.helpers) out += `// ${h.name} ${h.hash}\n`;
  return out;
}

function rustAlpha(alpha) {
  let out = HEADER('alpha.js: the isAlpha / isAlphanumeric classes as code-unit ranges, the decimal separators');
  out += 'use super::super::alpha::{Kind, Pattern};\n\n';
  const names = new Map();
  const statics = [];
  const patternOf = (e) => {
    const id = `${e.source}/${e.flags}`;
    if (!names.has(id)) {
      const name = `P${names.size}`;
      names.set(id, name);
      statics.push(
        `/// \`/${e.source}/${e.flags}\`\nstatic ${name}: Pattern = Pattern::new(\n    ${e.flags === 'i'},\n    Kind::${e.kind},\n` +
          `    ${rustRanges(e.first)},\n    ${rustRanges(e.second)},\n);\n`,
      );
    }
    return names.get(id);
  };
  const table = (rows) => rows.map((e) => `    (${rs(e.key)}, &${patternOf(e)}),\n`).join('');
  const alphaRows = table(alpha.alpha);
  const alnumRows = table(alpha.alphanumeric);
  out += statics.join('');
  out += `\n/// validator.js \`alpha\` locales, in its order.\npub(crate) const ALPHA: &[(&str, &Pattern)] = &[\n${alphaRows}];\n`;
  out += `\n/// validator.js \`alphanumeric\` locales, in its order.\npub(crate) const ALPHANUMERIC: &[(&str, &Pattern)] = &[\n${alnumRows}];\n`;
  out += '\n/// validator.js `decimal` separators per locale.\npub(crate) const DECIMAL: &[(&str, char)] = &[\n';
  for (const { key, sep } of alpha.decimal) out += `    (${rs(key)}, '${sep === "'" ? "\\'" : sep}'),\n`;
  return `${out}];\n`;
}

function jsTables(locales, tables, alpha, taxId, codes) {
  let out =
    "'use strict';\n" +
    HEADER('the exported locale lists') +
    '// Frozen arrays in validator.js order (its `Object.keys` of each table).\n\n';
  for (const [name, list] of Object.entries(locales)) {
    out += `const ${name} = Object.freeze(${JSON.stringify(list)});\n`;
  }
  out +=
    '\n// The locales each table validator accepts (checked in JS, before any crossing).\n' +
    'const TABLE_LOCALES = Object.freeze({\n' +
    '  __proto__: null,\n';
  const keyed = {
    isMobilePhone: tables.mobilePhone,
    isPostalCode: tables.postalCode,
    isLicensePlate: tables.licensePlate,
    isPassportNumber: tables.passportNumber,
    isVAT: tables.vat,
    isIdentityCard: tables.identityCard,
    isTaxID: taxId.formats,
  };
  for (const [name, rows] of Object.entries(keyed)) {
    out += `  ${name}: new Set(${JSON.stringify(rows.map((e) => e.key))}),\n`;
  }
  out += '});\n';
  const record = (name, doc, rows, value) =>
    `\n// ${doc}\nconst ${name} = Object.freeze({\n  __proto__: null,\n` +
    rows.map((e) => `  ${JSON.stringify(e.key)}: ${JSON.stringify(value(e))},\n`).join('') +
    '});\n';
  out += record('ALPHA_PATTERNS', 'alpha.js `alpha`: [source, flags] per locale.', alpha.alpha, (e) => [
    e.source,
    e.flags,
  ]);
  out += record(
    'ALPHANUMERIC_PATTERNS',
    'alpha.js `alphanumeric`: [source, flags] per locale.',
    alpha.alphanumeric,
    (e) => [e.source, e.flags],
  );
  out += record('DECIMAL_SEPARATORS', 'alpha.js `decimal`: the separator per locale.', alpha.decimal, (e) => e.sep);
  out +=
    '\n// The ISO code sets (the JS fast paths of isISO31661Alpha2, ... answer from them).\n' +
    'const ISO_CODES = Object.freeze({\n  __proto__: null,\n' +
    Object.entries(codes)
      .map(([name, list]) => `  ${name}: new Set(${JSON.stringify(list)}),\n`)
      .join('') +
    '});\n';
  out += `\nmodule.exports = {\n  ${Object.keys(locales).join(',\n  ')},\n  TABLE_LOCALES,\n  ALPHA_PATTERNS,\n  ALPHANUMERIC_PATTERNS,\n  DECIMAL_SEPARATORS,\n  ISO_CODES,\n};\n`;
  return out;
}

function typeUnions(tables, locales, taxId) {
  const union = (name, doc, keys) =>
    `/** ${doc} */\nexport type ${name} = ${[...new Set(keys)].map((k) => `'${k}'`).join(' | ')};\n\n`;
  const keys = (rows) => rows.map((e) => e.key);
  let out = HEADER('the locale unions').replace(/^\/\/ /gm, '// ');
  out += union('AlphaLocale', 'A locale of `isAlpha` (`isAlphaLocales`).', locales.isAlphaLocales);
  out += union(
    'AlphanumericLocale',
    'A locale of `isAlphanumeric` (`isAlphanumericLocales`).',
    locales.isAlphanumericLocales,
  );
  out += union(
    'FloatLocale',
    'A locale of `isFloat`, `isDecimal` and `isNumeric` (`isFloatLocales`).',
    locales.isFloatLocales,
  );
  out += union('MobilePhoneLocale', 'A locale of `isMobilePhone` (`isMobilePhoneLocales`).', keys(tables.mobilePhone));
  out += union('PostalCodeLocale', 'A country of `isPostalCode` (`isPostalCodeLocales`).', keys(tables.postalCode));
  out += union('LicensePlateLocale', 'A locale of `isLicensePlate`.', keys(tables.licensePlate));
  out += union(
    'PassportCountryCode',
    'A country of `isPassportNumber` (`passportNumberLocales`).',
    keys(tables.passportNumber),
  );
  out += union('VatCountryCode', 'A country of `isVAT`.', keys(tables.vat));
  out += union('IdentityCardLocale', 'A locale of `isIdentityCard`.', keys(tables.identityCard));
  out += union('TaxIdLocale', 'A locale of `isTaxID`.', keys(taxId.formats));
  return out;
}

const format = async (text, file) => prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });

/** Every generated file: path -> text (JS formatted with the repo's Prettier config). */
export async function generate() {
  const { codes, tables, locales, alpha, taxId } = extract();
  return {
    [path.join(RUST_DIR, 'alpha.rs')]: rustAlpha(alpha),
    [path.join(RUST_DIR, 'iso_codes.rs')]: rustCodes(codes),
    [path.join(RUST_DIR, 'mobile_phone.rs')]: rustTable('MOBILE_PHONE', tables.mobilePhone, 'isMobilePhone `phones`'),
    [path.join(RUST_DIR, 'postal_code.rs')]: rustTable('POSTAL_CODE', tables.postalCode, 'isPostalCode `patterns`'),
    [path.join(RUST_DIR, 'passport_number.rs')]: rustTable(
      'PASSPORT_NUMBER',
      tables.passportNumber,
      'isPassportNumber `passportRegexByCountryCode`',
    ),
    [path.join(RUST_DIR, 'license_plate.rs')]: rustTable(
      'LICENSE_PLATE',
      tables.licensePlate,
      'isLicensePlate `validators`',
    ),
    [path.join(RUST_DIR, 'vat.rs')]: rustTable('VAT', tables.vat, 'isVAT `vatMatchers`'),
    [path.join(RUST_DIR, 'identity_card.rs')]: rustIdentityCard(tables.identityCard, tables.identityCardRegions),
    [path.join(RUST_DIR, 'tax_id.rs')]: rustTaxId(taxId),
    [JS_FILE]: await format(jsTables(locales, tables, alpha, taxId, codes), JS_FILE),
    [TYPES_FILE]: await format(typeUnions(tables, locales, taxId), TYPES_FILE),
  };
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generate();
  let stale = 0;
  for (const [file, text] of Object.entries(files)) {
    const rel = path.relative(ROOT, file);
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (old === text) continue;
    if (check) {
      console.error(`${rel} differs from what validator ${VERSION} generates`);
      stale += 1;
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${rel}`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
