'use strict';
// HTML escaping, validator.js `escape`/`unescape` compatible.
//
// Where the work is smaller than the cost of crossing into the backend, it is done here in
// JS. The thresholds below come from `npm run bench` (benches/js/escape.bench.js) on the
// project's machines: the native addon wins from ~32 UTF-16 units for escaping and at every
// size for unescaping; the WASM build never wins for escaping and wins from ~256 units
// for unescaping.
//
// Lone surrogates: validator.js passes them through unchanged, and so do we. The native
// addon receives strings as UTF-16 and keeps them exactly; the WASM build receives UTF-8,
// which would turn them into U+FFFD, so ill-formed strings never go to it.

const backend = require('./backend');
const { stringArg } = require('./args');

const MIN_LENGTH =
  backend.name === 'native'
    ? { escape: 32, unescape: 0, lossless: true }
    : { escape: Infinity, unescape: 256, lossless: false };

/** The escaped characters and their entities. */
const ESCAPED = '&"\'<>/\\`';
const ENTITIES = ['&amp;', '&quot;', '&#x27;', '&lt;', '&gt;', '&#x2F;', '&#x5C;', '&#96;'];
/**
 * Entity for each character code below 0x61 (all escaped characters are), '' for the
 * others. Every slot is filled: a hole would be read through Array.prototype, which a
 * polluted prototype turns into markup.
 */
const ENTITY = [];
// push (not `new Array(n).fill`): a packed array, whose reads V8 never sends to the prototype.
for (let code = 0; code < 0x61; code += 1) ENTITY.push('');
for (let i = 0; i < ESCAPED.length; i += 1) ENTITY[ESCAPED.charCodeAt(i)] = ENTITIES[i];
const NEEDS_ESCAPE = /[&"'<>/\\`]/;
/** Entity names without their '&', and the character each stands for, for unescaping. */
const UNESCAPE_NAMES = ENTITIES.map((entity) => entity.slice(1));
const UNESCAPE_CHARS = ESCAPED.split('');

function escapeInJs(str) {
  if (!NEEDS_ESCAPE.test(str)) return str;
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i += 1) {
    const code = str.charCodeAt(i);
    if (code > 0x60) continue;
    const entity = ENTITY[code];
    if (entity === '') continue;
    out += last === i ? entity : str.slice(last, i) + entity;
    last = i + 1;
  }
  return last < str.length ? out + str.slice(last) : out;
}

function unescapeInJs(str, from) {
  let out = '';
  let last = 0;
  for (let i = from; i !== -1;) {
    let next = i + 1;
    // An index loop: `break` out of for...of would call a `return` read through Object.prototype.
    for (let k = 0; k < UNESCAPE_NAMES.length; k += 1) {
      const rest = UNESCAPE_NAMES[k];
      if (str.startsWith(rest, i + 1)) {
        out += str.slice(last, i) + UNESCAPE_CHARS[k];
        last = next = i + 1 + rest.length;
        break;
      }
    }
    i = str.indexOf('&', next);
  }
  return last < str.length ? out + str.slice(last) : out;
}

function useBackend(str, minLength) {
  return str.length >= minLength && (MIN_LENGTH.lossless || str.isWellFormed());
}

/**
 * Replaces `&`, `"`, `'`, `<`, `>`, `/`, `\` and `` ` `` with HTML entities, exactly as
 * validator.js `escape` does.
 */
function escapeHtml(input) {
  const str = stringArg(input, 'escapeHtml: input');
  return useBackend(str, MIN_LENGTH.escape) ? backend.binding.escapeHtml(str) : escapeInJs(str);
}

/** Reverses escapeHtml's eight entities, exactly as validator.js `unescape` does. */
function unescapeHtml(input) {
  const str = stringArg(input, 'unescapeHtml: input');
  const amp = str.indexOf('&');
  if (amp === -1) return str;
  return useBackend(str, MIN_LENGTH.unescape) ? backend.binding.unescapeHtml(str) : unescapeInJs(str, amp);
}

module.exports = { escapeHtml, unescapeHtml };
