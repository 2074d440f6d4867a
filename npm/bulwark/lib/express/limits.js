'use strict';
// Size strings as body-parser accepts them: a number of bytes, or '100kb', '1mb', '1.5MB'.

const UNITS = { b: 1, kb: 1 << 10, mb: 1 << 20, gb: 1 << 30 };
// eslint-disable-next-line security/detect-unsafe-regex -- disjoint classes, linear
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i;

/** `limit` in bytes, or null when it is not a valid size. */
function parseSize(limit) {
  if (typeof limit === 'number') return Number.isFinite(limit) && limit >= 0 ? Math.floor(limit) : null;
  if (typeof limit !== 'string') return null;
  const m = SIZE.exec(limit.trim());
  if (!m) return null;
  return Math.floor(Number(m[1]) * UNITS[(m[2] || 'b').toLowerCase()]);
}

module.exports = { parseSize };
