'use strict';
// Constant-time comparison of secrets.

const backend = require('./backend');
const { toBytes } = require('./args');

/**
 * `true` when `a` and `b` hold the same bytes, in time that depends only on the longer
 * length. Different lengths give `false` (Node's crypto.timingSafeEqual throws instead).
 * Strings are compared as UTF-8; a string with a lone surrogate is INVALID_UNICODE.
 */
function timingSafeEqual(a, b) {
  return backend.binding.timingSafeEqual(toBytes(a, 'timingSafeEqual: a'), toBytes(b, 'timingSafeEqual: b'));
}

module.exports = { timingSafeEqual };
