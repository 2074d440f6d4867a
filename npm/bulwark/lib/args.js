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

const hasDetachedGetter = Object.hasOwn(ArrayBuffer.prototype, 'detached');
const isSharedBuffer =
  typeof SharedArrayBuffer === 'function' ? (buffer) => buffer instanceof SharedArrayBuffer : () => false;

/**
 * True when `buffer` (an ArrayBuffer) was detached (transferred with postMessage or
 * structuredClone): it then reads as zero bytes, which must never be taken for an empty
 * input. Node 20 has no `detached` getter; a detached buffer is the only one a view
 * cannot be constructed on.
 */
function isDetached(buffer) {
  if (hasDetachedGetter) return buffer.detached === true;
  if (buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

function detachedError(name) {
  return new BulwarkError(
    'INVALID_TYPE',
    `${name} is a detached buffer (transferred to another thread): it holds no bytes to read`,
  );
}

/**
 * `string | Uint8Array | ArrayBuffer | ArrayBufferView` as a Uint8Array of bytes. Strings
 * are UTF-8 encoded after the well-formedness check. A detached buffer, or a view on one
 * (which reads as empty), is INVALID_TYPE. Bytes in a SharedArrayBuffer are copied first,
 * so another thread cannot change them while a backend reads them.
 */
function toBytes(value, name) {
  if (typeof value === 'string') {
    assertWellFormed(value, name);
    return Buffer.from(value, 'utf8');
  }
  let view;
  if (ArrayBuffer.isView(value)) {
    // A view on a detached buffer reads as zero bytes (even one made with a length), or
    // throws (DataView): checked on the buffer first.
    const buffer = value.buffer;
    if (!isSharedBuffer(buffer) && isDetached(buffer)) throw detachedError(name);
    view = value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else if (value instanceof ArrayBuffer || isSharedBuffer(value)) {
    if (!isSharedBuffer(value) && isDetached(value)) throw detachedError(name);
    view = new Uint8Array(value);
  } else {
    throw new TypeError(`${name} must be a string or a Uint8Array, got ${describe(value)}`);
  }
  if (isSharedBuffer(view.buffer)) {
    const copy = new Uint8Array(view.byteLength);
    copy.set(view);
    return copy;
  }
  return view;
}

/**
 * Options objects are plain objects: prototype Object.prototype or null. Anything else (a
 * Map, Date, RegExp, typed array, boxed primitive, Promise, class instance) is refused, so
 * that it is never read as "no options".
 */
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function notPlain(fnName, value) {
  const proto = Object.getPrototypeOf(value);
  const ctor = proto !== null && Object.hasOwn(proto, 'constructor') ? proto.constructor : null;
  const what =
    typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name ? ctor.name : 'a custom prototype';
  return new BulwarkError('INVALID_OPTIONS', `${fnName}: options must be a plain object, got an object of ${what}`);
}

/**
 * `cache.get(key)`, made by `make(key)` on a miss. The cache holds at most 256 entries
 * (cleared when full): keys come from callers, so it must stay bounded.
 */
function remember(cache, key, make) {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    if (cache.size >= 256) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** The most entries a list option (hosts, schemes, tags, values) may hold. */
const MAX_LIST_LENGTH = 100000;

/**
 * True when `value` is an array of at most `max` own elements that each pass `check`: a
 * hole fails (it would be read through Array.prototype), and so does a longer array
 * (checked before any element is read).
 */
function isListOf(value, check, max = MAX_LIST_LENGTH) {
  if (!Array.isArray(value) || value.length > max) return false;
  for (let i = 0; i < value.length; i += 1) {
    if (!Object.hasOwn(value, i) || !check(value[i])) return false;
  }
  return true;
}

/** A copy of an array that isListOf accepted, made with own reads only. */
function copyList(value) {
  const out = new Array(value.length);
  for (let i = 0; i < value.length; i += 1) out[i] = value[i];
  return out;
}

/** Nesting jsonText accepts: options are shallow (a list of patterns is 3 levels). */
const MAX_JSON_DEPTH = 16;

/**
 * JSON text of an options value (strings, finite numbers, booleans, null, arrays, plain
 * objects) that JSON.stringify would give, without its `toJSON` lookups: JSON.stringify
 * asks every array and object for a `toJSON` method, which a polluted Object.prototype or
 * Array.prototype answers. Only own elements and own enumerable keys are read.
 */
function jsonText(value, depth = 0) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= MAX_JSON_DEPTH) throw new BulwarkError('INPUT_TOO_DEEP', 'options are nested too deeply');
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      out += Object.hasOwn(value, i) && value[i] !== undefined ? jsonText(value[i], depth + 1) : 'null';
    }
    return `${out}]`;
  }
  let out = '{';
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i += 1) {
    const item = value[keys[i]];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(keys[i])}:${jsonText(item, depth + 1)}`;
  }
  return `${out}}`;
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
  if (!isPlainObject(options)) throw notPlain(fnName, options);
  const keys = Object.keys(options);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    if (!Object.hasOwn(schema, key)) {
      throw new BulwarkError('INVALID_OPTIONS', `${fnName}: unknown option "${key}"`);
    }
    const value = options[key];
    if (value === undefined) continue;
    // Index reads, not destructuring: closing an array iterator reads `return` through
    // Object.prototype, and a spec without a normalizer has no own index 2.
    const spec = schema[key];
    if (!spec[0](value)) {
      throw new BulwarkError('INVALID_OPTIONS', `${fnName}: option "${key}" must be ${spec[1]}`);
    }
    // Nested values are copied (own properties only) so the binding never sees user objects.
    out[key] = spec.length > 2 ? spec[2](value) : value;
  }
  return out;
}

module.exports = {
  stringArg,
  assertWellFormed,
  toBytes,
  isDetached,
  jsonText,
  readOptions,
  remember,
  isPlainObject,
  notPlain,
  isListOf,
  copyList,
  MAX_LIST_LENGTH,
  checks,
};
