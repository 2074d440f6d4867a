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

/**
 * Bulwark's defaults, in sanitize-html's option shape (`sanitizeHtml.defaults`): what
 * `sanitizeHtml(html)` applies when an option is omitted (ammonia's allowlists, sanitize-html's
 * empty-attribute rules). Deeply frozen; build on it with `concat` or spreads.
 * `js-tests/html-options.test.js` holds it equal to the core's defaults.
 */
const DEFAULTS = deepFreeze({
  allowedTags: [
    'a',
    'abbr',
    'acronym',
    'area',
    'article',
    'aside',
    'b',
    'bdi',
    'bdo',
    'blockquote',
    'br',
    'caption',
    'center',
    'cite',
    'code',
    'col',
    'colgroup',
    'data',
    'dd',
    'del',
    'details',
    'dfn',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'footer',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'header',
    'hgroup',
    'hr',
    'i',
    'img',
    'ins',
    'kbd',
    'li',
    'map',
    'mark',
    'nav',
    'ol',
    'p',
    'pre',
    'q',
    'rp',
    'rt',
    'rtc',
    'ruby',
    's',
    'samp',
    'small',
    'span',
    'strike',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'time',
    'tr',
    'tt',
    'u',
    'ul',
    'var',
    'wbr',
  ],
  allowedAttributes: {
    '*': ['lang', 'title'],
    a: ['href', 'hreflang'],
    bdo: ['dir'],
    blockquote: ['cite'],
    col: ['align', 'char', 'charoff', 'span'],
    colgroup: ['align', 'char', 'charoff', 'span'],
    del: ['cite', 'datetime'],
    hr: ['align', 'size', 'width'],
    img: ['align', 'alt', 'height', 'src', 'width'],
    ins: ['cite', 'datetime'],
    ol: ['start'],
    q: ['cite'],
    table: ['align', 'char', 'charoff', 'summary'],
    tbody: ['align', 'char', 'charoff'],
    td: ['align', 'char', 'charoff', 'colspan', 'headers', 'rowspan'],
    tfoot: ['align', 'char', 'charoff'],
    th: ['align', 'char', 'charoff', 'colspan', 'headers', 'rowspan', 'scope'],
    thead: ['align', 'char', 'charoff'],
    tr: ['align', 'char', 'charoff'],
  },
  allowedSchemes: [
    'bitcoin',
    'ftp',
    'ftps',
    'geo',
    'http',
    'https',
    'im',
    'irc',
    'ircs',
    'magnet',
    'mailto',
    'mms',
    'mx',
    'news',
    'nntp',
    'openpgp4fpr',
    'sip',
    'sms',
    'smsto',
    'ssh',
    'tel',
    'url',
    'webcal',
    'wtai',
    'xmpp',
  ],
  allowedSchemesByTag: {},
  allowProtocolRelative: true,
  allowedClasses: {},
  linkRel: 'noopener noreferrer',
  stripComments: true,
  nonTextTags: ['script', 'style'],
  disallowedTagsMode: 'discard',
  allowedEmptyAttributes: ['alt'],
  nonBooleanAttributes: [
    'abbr',
    'accept',
    'accept-charset',
    'accesskey',
    'action',
    'allow',
    'alt',
    'as',
    'autocapitalize',
    'autocomplete',
    'blocking',
    'charset',
    'cite',
    'class',
    'color',
    'cols',
    'colspan',
    'content',
    'contenteditable',
    'coords',
    'crossorigin',
    'data',
    'datetime',
    'decoding',
    'dir',
    'dirname',
    'download',
    'draggable',
    'enctype',
    'enterkeyhint',
    'fetchpriority',
    'for',
    'form',
    'formaction',
    'formenctype',
    'formmethod',
    'formtarget',
    'headers',
    'height',
    'hidden',
    'high',
    'href',
    'hreflang',
    'http-equiv',
    'id',
    'imagesizes',
    'imagesrcset',
    'inputmode',
    'integrity',
    'is',
    'itemid',
    'itemprop',
    'itemref',
    'itemtype',
    'kind',
    'label',
    'lang',
    'list',
    'loading',
    'low',
    'max',
    'maxlength',
    'media',
    'method',
    'min',
    'minlength',
    'name',
    'nonce',
    'optimum',
    'pattern',
    'ping',
    'placeholder',
    'popover',
    'popovertarget',
    'popovertargetaction',
    'poster',
    'preload',
    'referrerpolicy',
    'rel',
    'rows',
    'rowspan',
    'sandbox',
    'scope',
    'shape',
    'size',
    'sizes',
    'slot',
    'span',
    'spellcheck',
    'src',
    'srcdoc',
    'srclang',
    'srcset',
    'start',
    'step',
    'style',
    'tabindex',
    'target',
    'title',
    'translate',
    'type',
    'usemap',
    'value',
    'width',
    'wrap',
  ],
  enforceHtmlBoundary: false,
  maxDepth: 512,
  maxBytes: 1048576,
});

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i += 1) deepFreeze(value[keys[i]]);
    Object.freeze(value);
  }
  return value;
}

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

/** Own-property maps whose values pass `check` (bounded by isListOf's list bound in keys). */
function isMapOf(v, check) {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !isPlainObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.length > MAX_MAP_KEYS) return false;
  for (let i = 0; i < keys.length; i += 1) if (!check(v[keys[i]])) return false;
  return true;
}
const MAX_MAP_KEYS = 1024;
function copyMap(v, copy) {
  const out = Object.create(null);
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i += 1) out[keys[i]] = copy(v[keys[i]]);
  return out;
}

// RegExp brand checks through the original getters: `instanceof` and Symbol.toStringTag can
// be faked, and a polluted prototype could answer `source` for any object.
const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const regexpFlags = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
function isRegExp(v) {
  if (v === null || typeof v !== 'object' || v === RegExp.prototype) return false;
  try {
    regexpSource.call(v);
    return true;
  } catch {
    return false;
  }
}
/** What crosses for a RegExp: its source and flags (the core translates it, linear-time). */
const patternOf = (re) => ({ source: regexpSource.call(re), flags: regexpFlags.call(re) });

// Declarative transforms: what simpleTransform returns, known by identity (never by shape,
// so a user object cannot pose as one).
const transforms = new WeakSet();

/**
 * sanitize-html's `simpleTransform`: rename a tag, and set attributes on it (merged into its
 * own, or replacing them when `merge` is false). The attributes are then filtered by the
 * policy like any other.
 */
function simpleTransform(tagName, attribs, merge) {
  if (typeof tagName !== 'string') throw new TypeError('simpleTransform: tagName must be a string');
  if (attribs !== undefined && !isMapOf(attribs, isString)) {
    throw new TypeError('simpleTransform: attribs must be an object of strings');
  }
  if (merge !== undefined && typeof merge !== 'boolean')
    throw new TypeError('simpleTransform: merge must be a boolean');
  const transform = Object.freeze({
    tagName,
    attribs: Object.freeze(attribs === undefined ? Object.create(null) : copyMap(attribs, (x) => x)),
    merge: merge !== false,
  });
  transforms.add(transform);
  return transform;
}

const isTransform = (v) => typeof v === 'string' || (v !== null && typeof v === 'object' && transforms.has(v));
const copyTransform = (v) =>
  typeof v === 'string'
    ? { tagName: v, attribs: Object.create(null), merge: true }
    : { tagName: v.tagName, attribs: copyMap(v.attribs, (x) => x), merge: v.merge };

const isClassEntry = (v) => typeof v === 'string' || isRegExp(v);
const isPatternList = (v) => isListOf(v, isRegExp);
const copyPatterns = (v) => copyList(v).map(patternOf);

/** Callback options: each would run user code per element, so each is refused by name. */
const CALLBACK = [() => false, 'a callback; callbacks run user code per element and are not supported'];

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
  allowedClasses: [
    (v) => isMapOf(v, (list) => isListOf(list, isClassEntry)),
    'an object mapping tag names (or "*") to arrays of class names, globs ("col-*") or RegExps',
    // RegExps become { source, flags } here, so the cache key tells them apart.
    (v) => copyMap(v, (list) => copyList(list).map((c) => (typeof c === 'string' ? c : patternOf(c)))),
  ],
  linkRel: [(v) => v === null || typeof v === 'string', 'a string, or null for none'],
  stripComments: [(v) => typeof v === 'boolean', 'a boolean'],
  nonTextTags: [isStringArray, 'an array of tag names', copyArray],
  disallowedTagsMode: [
    (v) => v === 'discard' || v === 'completelyDiscard' || v === 'escape' || v === 'recursiveEscape',
    '"discard", "completelyDiscard", "escape" or "recursiveEscape"',
  ],
  transformTags: [
    (v) => isMapOf(v, isTransform),
    'an object mapping tag names (or "*") to tag names or sanitizeHtml.simpleTransform(...) results (functions are not supported: they would run user code per element)',
    (v) => copyMap(v, copyTransform),
  ],
  allowedIframeHostnames: [isStringArray, 'an array of host names', copyArray],
  allowedIframeDomains: [isStringArray, 'an array of domain names', copyArray],
  allowIframeRelativeUrls: [(v) => typeof v === 'boolean', 'a boolean'],
  allowedStyles: [
    (v) => isMapOf(v, (props) => isMapOf(props, isPatternList)),
    'an object mapping tag names (or "*") to objects mapping CSS properties to arrays of RegExps',
    (v) => copyMap(v, (props) => copyMap(props, copyPatterns)),
  ],
  allowedEmptyAttributes: [isStringArray, 'an array of attribute names', copyArray],
  nonBooleanAttributes: [isStringArray, 'an array of attribute names ("*" for all)', copyArray],
  enforceHtmlBoundary: [(v) => typeof v === 'boolean', 'a boolean'],
  nestingLimit: [(v) => Number.isInteger(v) && v >= 0 && v <= 10000, 'an integer between 0 and 10000'],
  maxDepth: [(v) => Number.isInteger(v) && v >= 1 && v <= 10000, 'an integer between 1 and 10000'],
  maxBytes: MAX_BYTES_OPTION,
  exclusiveFilter: CALLBACK,
  textFilter: CALLBACK,
  onOpenTag: CALLBACK,
  onCloseTag: CALLBACK,
};

/**
 * Reads sanitize-html options. `allowedTags: undefined` given explicitly means "no tags",
 * as in sanitize-html (which merges the options over its defaults, undefined included).
 */
function readPolicy(options, fnName) {
  const policy = readOptions(options, POLICY_OPTIONS, fnName);
  if (
    options !== null &&
    typeof options === 'object' &&
    Object.hasOwn(options, 'allowedTags') &&
    options.allowedTags === undefined
  ) {
    policy.allowedTags = [];
  }
  return policy;
}

/** The policy as the core reads it: RegExp classes in their own field. */
function corePolicy(policy) {
  const out = Object.create(null);
  const keys = Object.keys(policy);
  for (let i = 0; i < keys.length; i += 1) out[keys[i]] = policy[keys[i]];
  if (policy.allowedClasses !== undefined) {
    const names = Object.create(null);
    const patterns = Object.create(null);
    const tags = Object.keys(policy.allowedClasses);
    for (let i = 0; i < tags.length; i += 1) {
      const list = policy.allowedClasses[tags[i]];
      names[tags[i]] = list.filter(isString);
      const regexps = list.filter((c) => typeof c !== 'string');
      if (regexps.length > 0) patterns[tags[i]] = regexps;
    }
    out.allowedClasses = names;
    out.allowedClassPatterns = patterns;
  }
  return out;
}

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

/** A compiled policy, its input limit, and whether plain text comes back as it is. */
function compile(policy) {
  const core = corePolicy(policy);
  return {
    sanitizer: call(() => new backend.binding.Sanitizer(core)),
    maxBytes: maxBytesOf(policy),
    // completelyDiscard removes text outside allowed tags: no plain-text shortcut.
    plainText: policy.disallowedTagsMode !== 'completelyDiscard',
  };
}

/**
 * Compiles `options` once and returns `{ sanitize(html) }` reusing the compiled policy.
 * Throws INVALID_OPTIONS for unknown or unsafe options.
 */
function createSanitizer(options) {
  const { sanitizer, maxBytes, plainText } = compile(readPolicy(options, 'createSanitizer'));
  return Object.freeze({
    sanitize(html) {
      const str = stringArg(html, 'sanitize: html');
      checkSize(str, maxBytes, 'sanitize');
      return plainText && isPlainText(str) ? str : call(() => sanitizer.sanitize(str));
    },
  });
}

/** Compiled policies by normalized options; small, and evicted oldest first. */
const cache = new Map();
const CACHE_SIZE = 32;

function cachedSanitizer(options) {
  // Validating first means the key is built from checked, own properties only.
  const policy = readPolicy(options, 'sanitizeHtml');
  // jsonText, not JSON.stringify: no toJSON lookups through a polluted prototype.
  const names = Object.keys(policy).sort();
  let key = '';
  for (let i = 0; i < names.length; i += 1) key += `${jsonText(names[i])}:${jsonText(policy[names[i]])},`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    compiled = compile(policy);
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
  if ((compiled === null || compiled.plainText) && isPlainText(str)) return str;
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

sanitizeHtml.simpleTransform = simpleTransform;
sanitizeHtml.defaults = DEFAULTS;

module.exports = { sanitizeHtml, createSanitizer, stripTags };
