'use strict';
// Allowlist HTML sanitizing (ammonia in the core) with sanitize-html's option names.
//
// A policy is compiled once into a backend Sanitizer and reused: `createSanitizer` for
// explicit reuse, and `sanitizeHtml(html, options)` keeps the last few compiled policies
// keyed by their normalized options. Text without markup returns without crossing into the
// backend (the core's `is_plain_text` rule, mirrored here; tests prove both agree).
//
// Lone surrogates: the backend receives UTF-8, so they come back as U+FFFD; ill-formed
// strings therefore never take the plain-text shortcut, and every result is well-formed.

const backend = require('./backend');
const { BulwarkError, callBackend: call } = require('./errors');
const { stringArg, readOptions, isListOf, copyList, isPlainObject, jsonText } = require('./args');

// Lists and maps are read with own reads only (isListOf refuses holes, and its bound keeps a
// policy small), so a polluted Array.prototype or Object.prototype cannot add a tag.
const isString = (s) => typeof s === 'string';
const isStringArray = (v) => isListOf(v, isString);
function isStringArrayMap(v) {
  if (v === null || typeof v !== 'object' || !isPlainObject(v)) return false;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i += 1) if (!isStringArray(v[keys[i]])) return false;
  return true;
}
/** A null-prototype copy of an object of string arrays, own enumerable keys only. */
function copyStringArrayMap(v) {
  const out = Object.create(null);
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i += 1) out[keys[i]] = copyList(v[keys[i]]);
  return out;
}
const copyArray = copyList;

/** Default input limit in UTF-8 bytes (the core's `DEFAULT_MAX_BYTES`). */
const DEFAULT_MAX_BYTES = 1024 * 1024;
/** What crosses for "no limit": more than any JS string holds in UTF-8. */
const U32_MAX = 0xffffffff;
const isMaxBytes = (v) => v === Infinity || (Number.isSafeInteger(v) && v >= 0);
const MAX_BYTES_OPTION = [isMaxBytes, 'a non-negative integer (UTF-8 bytes) or Infinity', (v) => Math.min(v, U32_MAX)];

/**
 * Throws INPUT_TOO_LARGE when `str` is longer than `maxBytes` in UTF-8, before it crosses
 * into the backend (the core checks again). A UTF-16 unit is 1 to 3 UTF-8 bytes, so the
 * exact count is needed only between those bounds.
 */
function checkSize(str, maxBytes, fnName) {
  if (str.length * 3 <= maxBytes) return;
  const bytes = str.length > maxBytes ? str.length : Buffer.byteLength(str, 'utf8');
  if (bytes > maxBytes) {
    throw new BulwarkError(
      'INPUT_TOO_LARGE',
      `${fnName}: html is ${str.length > maxBytes ? 'at least ' : ''}${bytes} bytes (UTF-8); the limit is maxBytes ${maxBytes}`,
    );
  }
}

const POLICY_OPTIONS = {
  allowedTags: [isStringArray, 'an array of tag names (false, "allow every tag", is not supported)', copyArray],
  allowedAttributes: [
    isStringArrayMap,
    'an object mapping tag names (or "*") to arrays of attribute names',
    copyStringArrayMap,
  ],
  allowedSchemes: [isStringArray, 'an array of URL schemes', copyArray],
  allowedSchemesByTag: [isStringArrayMap, 'an object mapping tag names to arrays of URL schemes', copyStringArrayMap],
  allowProtocolRelative: [(v) => typeof v === 'boolean', 'a boolean'],
  allowedClasses: [isStringArrayMap, 'an object mapping tag names to arrays of class names', copyStringArrayMap],
  linkRel: [(v) => v === null || typeof v === 'string', 'a string, or null for none'],
  stripComments: [(v) => typeof v === 'boolean', 'a boolean'],
  nonTextTags: [isStringArray, 'an array of tag names', copyArray],
  disallowedTagsMode: [
    (v) => v === 'discard',
    '"discard" (ammonia removes disallowed tags and keeps their text; "escape" modes are not supported)',
  ],
  maxDepth: [(v) => Number.isInteger(v) && v >= 1 && v <= 10000, 'an integer between 1 and 10000'],
  maxBytes: MAX_BYTES_OPTION,
};

const STRIP_TAGS_OPTIONS = { maxBytes: MAX_BYTES_OPTION };

/** The policy's input limit as it crosses (U32_MAX for none). */
const maxBytesOf = (policy) => (policy.maxBytes === undefined ? DEFAULT_MAX_BYTES : policy.maxBytes);

/**
 * What the core's `is_plain_text` checks: no markup, nothing html5ever rewrites or escapes.
 * One `includes` per character: V8 searches for a single character far faster than it runs
 * a character class over the string (measured in benches/js/html.bench.js).
 */
const NOT_PLAIN = ['<', '&', '>', '\r', '\0', '\u00a0', '\ufeff'];

function isPlainText(str) {
  for (let i = 0; i < NOT_PLAIN.length; i += 1) if (str.includes(NOT_PLAIN[i])) return false;
  return str.isWellFormed();
}

/** A compiled policy and its input limit. */
function compile(options, fnName) {
  const policy = readOptions(options, POLICY_OPTIONS, fnName);
  delete policy.disallowedTagsMode; // 'discard' is the only mode, and the core's behaviour
  return { sanitizer: call(() => new backend.binding.Sanitizer(policy)), maxBytes: maxBytesOf(policy) };
}

/**
 * Compiles `options` once and returns `{ sanitize(html) }` reusing the compiled policy.
 * Throws INVALID_OPTIONS for unknown or unsafe options.
 */
function createSanitizer(options) {
  const { sanitizer, maxBytes } = compile(options, 'createSanitizer');
  return Object.freeze({
    sanitize(html) {
      const str = stringArg(html, 'sanitize: html');
      checkSize(str, maxBytes, 'sanitize');
      return isPlainText(str) ? str : call(() => sanitizer.sanitize(str));
    },
  });
}

/** Compiled policies by normalized options; small, and evicted oldest first. */
const cache = new Map();
const CACHE_SIZE = 32;

function cachedSanitizer(options) {
  // Validating first means the key is built from checked, own properties only.
  const policy = readOptions(options, POLICY_OPTIONS, 'sanitizeHtml');
  // jsonText, not JSON.stringify: no toJSON lookups through a polluted prototype.
  const names = Object.keys(policy).sort();
  let key = '';
  for (let i = 0; i < names.length; i += 1) key += `${jsonText(names[i])}:${jsonText(policy[names[i]])},`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    compiled = compile(policy, 'sanitizeHtml');
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value);
    cache.set(key, compiled);
  }
  return compiled;
}

/**
 * Sanitizes `html`: only allowed tags, attributes and URL schemes survive (ammonia's safe
 * defaults when `options` is omitted). Throws INPUT_TOO_LARGE above `maxBytes` (default
 * 1 MiB of UTF-8) and INPUT_TOO_DEEP for nesting deeper than `maxDepth` (default 512).
 */
function sanitizeHtml(html, options) {
  const str = stringArg(html, 'sanitizeHtml: html');
  const compiled = options === undefined ? null : cachedSanitizer(options);
  checkSize(str, compiled === null ? DEFAULT_MAX_BYTES : compiled.maxBytes, 'sanitizeHtml');
  if (isPlainText(str)) return str;
  return call(() => (compiled === null ? backend.binding.sanitizeHtml(str) : compiled.sanitizer.sanitize(str)));
}

/**
 * The text content of `html` (tags removed; script and style removed with their content;
 * entities decoded). The result is text, not HTML: escape it before putting it in a page.
 * Throws INPUT_TOO_LARGE above `options.maxBytes` (default 1 MiB of UTF-8).
 */
function stripTags(html, options) {
  const str = stringArg(html, 'stripTags: html');
  const maxBytes = maxBytesOf(readOptions(options, STRIP_TAGS_OPTIONS, 'stripTags'));
  checkSize(str, maxBytes, 'stripTags');
  if (isPlainText(str)) return str;
  return call(() => backend.binding.stripTags(str, maxBytes));
}

module.exports = { sanitizeHtml, createSanitizer, stripTags };
