'use strict';
// Constant-time comparison of secrets.
//
// On Node, equal-length inputs go to node:crypto's timingSafeEqual (OpenSSL's
// CRYPTO_memcmp behind a V8 fast call): at 32-64 bytes it costs less than any crossing into
// a backend (benches/js/compare.bench.js). The backend's own constant-time compare (the
// `subtle` crate) serves runtimes without node:crypto.

const backend = require('./backend');
const { toBytes } = require('./args');

let cryptoEqual = null;
try {
  cryptoEqual = require('node:crypto').timingSafeEqual;
} catch {
  // Not Node (or crypto disabled): the backend compares.
}

/**
 * `true` when `a` and `b` hold the same bytes, in time that depends only on their lengths.
 * Different lengths give `false` (Node's crypto.timingSafeEqual throws instead).
 * Strings are compared as UTF-8; a string with a lone surrogate is INVALID_UNICODE. A
 * detached buffer (or a view on one) is INVALID_TYPE, never compared as empty.
 */
function timingSafeEqual(a, b) {
  // The common case first, with nothing in between: two equal-length, non-empty byte
  // arrays on Node. Empty ones go through toBytes, which refuses views on a detached
  // buffer (they read as empty and would compare equal).
  if (
    cryptoEqual !== null &&
    a instanceof Uint8Array &&
    b instanceof Uint8Array &&
    a.length === b.length &&
    a.length !== 0
  ) {
    return cryptoEqual(a, b);
  }
  const x = toBytes(a, 'timingSafeEqual: a');
  const y = toBytes(b, 'timingSafeEqual: b');
  if (cryptoEqual === null) return backend.binding.timingSafeEqual(x, y);
  if (x.length === y.length) return cryptoEqual(x, y);
  // Spend the same time an equal-length comparison of `x` would, then refuse.
  cryptoEqual(x, x);
  return false;
}

module.exports = { timingSafeEqual };
