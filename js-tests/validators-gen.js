'use strict';
// Shared by the validators suites: input generators biased to each format's characters,
// and the differential assertion against the real validator package.
const assert = require('node:assert/strict');
const { inspect } = require('node:util');
const validator = require('validator');
const { bulwark, fc } = require('./helpers');

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];
/** Characters that trip up ports: case-folding traps, JS-only whitespace, astral, controls. */
const TRICKY = [
  'é',
  'ß',
  'İ',
  'ı',
  'ſ',
  '\u212a',
  'µ',
  '😀',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\u1680',
  '\ufeff',
  '\uff21',
  '\ufe0f',
  'ａ',
  '中',
  'ä',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0085',
  '\uffff',
  '\ufffd',
  '\u0661',
  '\u066b',
  ' ',
  '\t',
  '\n',
];

/** One character: mostly from `alphabet`, sometimes tricky, any code unit, or a lone surrogate. */
function charFrom(alphabet) {
  const chars = [...alphabet];
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...chars) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) },
    { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  );
}

function stringFrom(alphabet, maxLength = 40) {
  return fc.array(charFrom(alphabet), { maxLength }).map((a) => a.join(''));
}

/**
 * Units that trip up locale and identifier patterns: JS whitespace and line terminators,
 * letters whose upper case is ASCII (ß ı ſ ﬀ), non-ASCII digits, an astral character.
 */
const PATTERN_TRAPS = ['\t', '\n', '\u00a0', '\u2028', '\ufeff', 'ß', 'ı', 'ſ', 'ﬀ', '٣', '０', '😀'];

/**
 * A string from `arb` with one unit of `units` inserted, removed or replaced at a random
 * place, or with `swap`, possibly two neighbours exchanged instead.
 */
function oneEdit(arb, units, { swap = false } = {}) {
  const ops = fc.integer({ min: 0, max: swap ? 3 : 2 });
  return fc.tuple(arb, fc.nat(), ops, fc.constantFrom(...units)).map(([s, at, op, u]) => {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    if (op === 0) return s.slice(0, i) + u + s.slice(i);
    if (op === 1) return s.slice(0, i) + s.slice(i + 1);
    if (op === 2) return s.slice(0, i) + u + s.slice(i + 1);
    return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
  });
}

/** A valid-looking example with a few random edits (insert, delete, replace). */
function mutated(examples, alphabet) {
  return edited(fc.constantFrom(...examples), alphabet);
}

/** A string drawn from `base` with up to `maxEdits` random edits (insert, delete, replace). */
function edited(source, alphabet, maxEdits = 3) {
  const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), charFrom(alphabet));
  return fc.tuple(source, fc.array(edit, { maxLength: maxEdits })).map(([base, edits]) => {
    let s = base;
    for (const [at, op, ch] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      if (op === 0) s = s.slice(0, i) + ch + s.slice(i);
      else if (op === 1) s = s.slice(0, i) + s.slice(i + 1);
      else s = s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });
}

/** Inputs for a validator: its examples, mutations of them, and strings over its alphabet. */
function inputs(examples, alphabet, maxLength) {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...examples) },
    { weight: 5, arbitrary: mutated(examples, alphabet) },
    { weight: 3, arbitrary: stringFrom(alphabet, maxLength) },
  );
}

/** An options record whose keys are each present or absent. */
function optionsOf(fields) {
  return fc.record(fields, { requiredKeys: [] });
}

/**
 * Validators that answer false for strings with lone surrogates where validator.js throws
 * URIError or accepts the surrogate (documented deviation). Every other validator must give
 * validator.js's answer for those strings too.
 */
const ILL_FORMED_FALSE = new Set([
  'isEmail',
  'isURL',
  'isFQDN',
  'isAlpha',
  'isAlphanumeric',
  'isByteLength',
  'matches',
  'isISO6346',
  'isFreightContainerID',
]);

const DANGEROUS_SCHEMES = new Set(['javascript', 'vbscript', 'data']);

/** isURL's documented deviation: these schemes are refused unless allowed in `protocols`. */
function dangerousUrl(s, options = {}) {
  const head = s.split('#')[0].split('?')[0];
  const m = /^([a-z][a-z0-9+\-.]*):/i.exec(head);
  if (m === null) return false;
  const scheme = m[1].toLowerCase();
  const protocols = options.protocols || ['http', 'https', 'ftp'];
  const allowed = options.require_valid_protocol !== false && protocols.includes(scheme);
  return DANGEROUS_SCHEMES.has(scheme) && !allowed;
}

/** validator.js's answer, with Bulwark's documented deviations applied. */
function expected(name, s, args) {
  let answer;
  let threw = null;
  try {
    answer = validator[name](s, ...structuredClone(args));
  } catch (err) {
    if (!(err instanceof URIError)) throw err;
    threw = err;
  }
  if (!s.isWellFormed() && ILL_FORMED_FALSE.has(name)) return false;
  assert.equal(threw, null, `validator.${name} threw on a well-formed string`);
  if (name === 'isURL' && dangerousUrl(s, args[0])) return false;
  return answer;
}

/**
 * The documented `matches` deviation: with the `m` flag, `^`/`$` do not treat U+2028 and
 * U+2029 as line ends (the regex crate knows \n and \r only).
 */
function multilineTerminatorCase(name, s, args) {
  if (name !== 'matches' || !/[\u2028\u2029]/.test(s)) return false;
  const flags = Object.prototype.toString.call(args[0]) === '[object RegExp]' ? args[0].flags : args[1] || '';
  return flags.includes('m');
}

/** Asserts Bulwark's answer equals validator.js's (with the documented deviations). */
function agree(name, s, args = []) {
  if (multilineTerminatorCase(name, s, args)) return;
  const ours = bulwark[name](s, ...structuredClone(args));
  const theirs = expected(name, s, args);
  assert.equal(ours, theirs, `${name}(${JSON.stringify(s)}${args.map((a) => `, ${inspect(a)}`).join('')})`);
}

/** One fast-check property per validator spec: { examples, alphabet, args, runs, maxLength }. */
function differential(name, spec) {
  const args = spec.args || fc.constant([]);
  fc.assert(
    fc.property(inputs(spec.examples, spec.alphabet, spec.maxLength), args, (s, a) => agree(name, s, a)),
    { numRuns: spec.runs || 1500 },
  );
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const HEX = '0123456789abcdefABCDEF';

module.exports = {
  validator,
  bulwark,
  fc,
  LONE_SURROGATES,
  TRICKY,
  PATTERN_TRAPS,
  oneEdit,
  charFrom,
  stringFrom,
  mutated,
  edited,
  inputs,
  optionsOf,
  expected,
  agree,
  differential,
  dangerousUrl,
  ILL_FORMED_FALSE,
  LETTERS,
  DIGITS,
  HEX,
};
