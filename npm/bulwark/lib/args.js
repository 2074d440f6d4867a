'use strict';
// Argument checks shared by every capability. Wrong argument types throw TypeError, as
// validator.js and Node's own APIs do; bad option objects throw BulwarkError INVALID_OPTIONS.

const { BulwarkError } = require('./errors');

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * The string primitive in `value`, or a TypeError. String objects are accepted and
 * unwrapped, as validator.js accepts them; everything else (numbers, arrays, objects
 * with a toString) is refused, never coerced.
 */
function stringArg(value, name) {
  if (typeof value === 'string') return value;
  if (value instanceof String) return String.prototype.valueOf.call(value);
  throw new TypeError(`${name} must be a string, got ${describe(value)}`);
}

/**
 * Throws INVALID_UNICODE for strings with lone surrogates. Both bindings convert strings
 * to UTF-8 and would silently turn every lone surrogate into U+FFFD, making distinct
 * inputs equal; guards that depend on exact bytes refuse them instead.
 */
function assertWellFormed(value, name) {
  if (!value.isWellFormed()) {
    throw new BulwarkError('INVALID_UNICODE', `${name} contains a lone surrogate (not well-formed Unicode)`);
  }
}

/**
 * `string | Uint8Array | ArrayBuffer | ArrayBufferView` as a Uint8Array of bytes. Strings
 * are UTF-8 encoded after the well-formedness check.
 */
function toBytes(value, name) {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') {
    assertWellFormed(value, name);
    return Buffer.from(value, 'utf8');
  }
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new TypeError(`${name} must be a string or a Uint8Array, got ${describe(value)}`);
}

const checks = {
  /** An integer in [0, 2^32 - 1] (the bindings' u32). */
  u32(value) {
    return Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
  },
};

/**
 * Copies the options a function accepts out of `options` into a null-prototype object.
 * Only own properties are read, so a polluted Object.prototype cannot change a policy;
 * unknown keys and wrong types are errors, never silently ignored. `schema` maps each
 * key to `[check, description, normalize?]`: a check from `checks`, a description used in
 * messages, and for nested values a function returning a clean copy.
 */
function readOptions(options, schema, fnName) {
  const out = Object.create(null);
  if (options === undefined || options === null) return out;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fnName}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(schema, key)) {
      throw new BulwarkError('INVALID_OPTIONS', `${fnName}: unknown option "${key}"`);
    }
    const value = options[key];
    if (value === undefined) continue;
    const [check, expected, normalize] = schema[key];
    if (!check(value)) {
      throw new BulwarkError('INVALID_OPTIONS', `${fnName}: option "${key}" must be ${expected}`);
    }
    // Nested values are copied (own properties only) so the binding never sees user objects.
    out[key] = normalize ? normalize(value) : value;
  }
  return out;
}

module.exports = { stringArg, assertWellFormed, toBytes, readOptions, checks };
