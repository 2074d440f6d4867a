'use strict';
// bulwark/tsscmp: a drop-in for tsscmp (`require('tsscmp')`): a constant-time string compare.
// Strings go to Bulwark's timingSafeEqual; other values are compared as tsscmp does
// (`String(a)` against `String(b)`, and then `a === b`). Deviation: a string with a lone
// surrogate is refused with INVALID_UNICODE (docs/migrating.md).

const { timingSafeEqual } = require('../lib/compare');

module.exports = function timeSafeCompare(a, b) {
  if (typeof a === 'string' && typeof b === 'string') return timingSafeEqual(a, b);
  return timingSafeEqual(String(a), String(b)) && a === b;
};
