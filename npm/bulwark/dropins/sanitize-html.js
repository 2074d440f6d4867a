'use strict';
// bulwark/sanitize-html: a drop-in for sanitize-html (`require('sanitize-html')`):
// `sanitizeHtml(dirty, options)` over Bulwark's HTML5-parser sanitizer with sanitize-html's
// option names, `simpleTransform`, and sanitize-html's default allowlists (the tags,
// attributes and schemes its README lists), so a call without options keeps what
// sanitize-html keeps. Options that would run code per element or allow script are refused
// (INVALID_OPTIONS) rather than ignored. Deviations: docs/html.md and docs/migrating.md.

const html = require('../lib/html');

/**
 * sanitize-html 2.x's default allowlists (`sanitizeHtml.defaults`), where they differ from
 * Bulwark's (which follow ammonia's and allow more, such as `img`). js-tests/dropins.test.js
 * holds them equal to the package's.
 */
const PEER_LISTS = {
  allowedTags: [
    'address',
    'article',
    'aside',
    'footer',
    'header',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hgroup',
    'main',
    'nav',
    'section',
    'blockquote',
    'dd',
    'div',
    'dl',
    'dt',
    'figcaption',
    'figure',
    'hr',
    'li',
    'menu',
    'ol',
    'p',
    'pre',
    'ul',
    'a',
    'abbr',
    'b',
    'bdi',
    'bdo',
    'br',
    'cite',
    'code',
    'data',
    'dfn',
    'em',
    'i',
    'kbd',
    'mark',
    'q',
    'rb',
    'rp',
    'rt',
    'rtc',
    'ruby',
    's',
    'samp',
    'small',
    'span',
    'strong',
    'sub',
    'sup',
    'time',
    'u',
    'var',
    'wbr',
    'caption',
    'col',
    'colgroup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'tr',
  ],
  allowedAttributes: {
    a: ['href', 'name', 'target'],
    img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'loading'],
  },
  allowedSchemes: ['http', 'https', 'ftp', 'mailto', 'tel'],
};

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i += 1) deepFreeze(value[keys[i]]);
    Object.freeze(value);
  }
  return value;
}

const defaults = deepFreeze({ ...html.sanitizeHtml.defaults, ...PEER_LISTS });
const LIST_KEYS = Object.freeze(Object.keys(PEER_LISTS));

function sanitizeHtml(dirty, options) {
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    return html.sanitizeHtml(dirty, options); // the core's TypeError / INVALID_OPTIONS
  }
  // The peer's lists fill in what the options leave out (own keys only: a key set to
  // undefined keeps sanitize-html's reading of it, which lib/html.js follows).
  const merged = Object.create(null);
  for (let i = 0; i < LIST_KEYS.length; i += 1) {
    if (options === undefined || options === null || !Object.hasOwn(options, LIST_KEYS[i])) {
      merged[LIST_KEYS[i]] = defaults[LIST_KEYS[i]];
    }
  }
  if (options !== undefined && options !== null) {
    if (Object.getPrototypeOf(options) !== Object.prototype && Object.getPrototypeOf(options) !== null) {
      return html.sanitizeHtml(dirty, options); // refused there as not a plain object
    }
    const keys = Object.keys(options);
    for (let i = 0; i < keys.length; i += 1) merged[keys[i]] = options[keys[i]];
  }
  return html.sanitizeHtml(dirty, merged);
}
sanitizeHtml.defaults = defaults;
if (Object.hasOwn(html.sanitizeHtml, 'simpleTransform'))
  sanitizeHtml.simpleTransform = html.sanitizeHtml.simpleTransform;
sanitizeHtml.default = sanitizeHtml;

module.exports = sanitizeHtml;
