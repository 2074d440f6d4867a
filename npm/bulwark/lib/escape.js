'use strict';
// HTML escaping, validator.js `escape`/`unescape` compatible.
//
// Short strings are escaped in JS: crossing into Rust costs more than the work (the
// thresholds below come from `npm run bench`, benches/js/escape.bench.js). Strings with
// lone surrogates also stay in JS: escaping only rewrites ASCII, so validator.js passes
// lone surrogates through unchanged, but both bindings would turn them into U+FFFD.

const backend = require('./backend');
const { stringArg } = require('./args');

/** Length (UTF-16 code units) from which each backend beats the JS path. */
const MIN_BACKEND_LENGTH = { native: 2048, wasm: Infinity };
const minBackendLength = MIN_BACKEND_LENGTH[backend.name];

const ESCAPE_TEST = /[&"'<>/\\`]/;
const ESCAPE_ALL = /[&"'<>/\\`]/g;
const ENTITY = {
  '&': '&amp;', '"': '&quot;', "'": '&#x27;', '<': '&lt;',
  '>': '&gt;', '/': '&#x2F;', '\\': '&#x5C;', '`': '&#96;',
};
const UNESCAPE_ALL = /&(?:amp|quot|#x27|lt|gt|#x2F|#x5C|#96);/g;
const CHAR = {
  '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&lt;': '<',
  '&gt;': '>', '&#x2F;': '/', '&#x5C;': '\\', '&#96;': '`',
};

function escapeInJs(str) {
  return ESCAPE_TEST.test(str) ? str.replace(ESCAPE_ALL, (c) => ENTITY[c]) : str;
}

function unescapeInJs(str) {
  return str.includes('&') ? str.replace(UNESCAPE_ALL, (e) => CHAR[e]) : str;
}

/**
 * Replaces `&`, `"`, `'`, `<`, `>`, `/`, `\` and `` ` `` with HTML entities, exactly as
 * validator.js `escape` does.
 */
function escapeHtml(input) {
  const str = stringArg(input, 'escapeHtml: input');
  if (str.length < minBackendLength || !str.isWellFormed()) return escapeInJs(str);
  return backend.binding.escapeHtml(str);
}

/** Reverses escapeHtml's eight entities, exactly as validator.js `unescape` does. */
function unescapeHtml(input) {
  const str = stringArg(input, 'unescapeHtml: input');
  if (str.length < minBackendLength || !str.isWellFormed()) return unescapeInJs(str);
  return backend.binding.unescapeHtml(str);
}

module.exports = { escapeHtml, unescapeHtml };
