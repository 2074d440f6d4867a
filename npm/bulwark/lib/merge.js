'use strict';
// Deep merge, JSON Merge Patch (RFC 7386) and Mongo-operator key sanitizing, on plain JSON
// data, that cannot pollute a prototype.
//
// The semantics are the core's (crates/bulwark-core/src/merge.rs). Handing JS objects to a
// backend costs more than the whole merge (every value would cross as JSON text, or
// property by property), so these functions run the same algorithm here in JS;
// js-tests/merge.test.js proves on generated inputs that both give identical results
// through the binding, and benches/js/merge.bench.js measures both.
//
// Rules shared by every function (see types/merge.d.ts):
// - nothing is mutated; results are fresh ordinary objects and arrays;
// - only own enumerable string keys are read (Object.keys); array holes are never read
//   through a prototype;
// - JSON data only: plain objects (prototype Object.prototype or null), arrays, strings,
//   finite numbers, booleans, null. `undefined` object members are skipped (as
//   JSON.stringify does). Anything else is UNSUPPORTED_VALUE, a cycle is CYCLIC_VALUE,
//   nesting beyond maxDepth is INPUT_TOO_DEEP; every input is checked in full;
// - merges leave out poisoning entries, as secure-json-parse defines them: a `__proto__`
//   key (any value), and a `constructor` key whose value is an object with an own
//   `prototype` key. Any other `constructor` or `prototype` key is data and is kept;
// - keys that exist on Object.prototype (`__proto__`, `constructor`, `toString`, or a
//   polluted name) are written with defineProperty as own data properties, so no write
//   reaches a prototype or a setter.

const { BulwarkError } = require('./errors');
const { readOptions } = require('./args');

const DEFAULT_MAX_DEPTH = 128;
const MAX_DEPTH_LIMIT = 256;

const objectPrototype = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;
const isArray = Array.isArray;
const hasOwn = Object.hasOwn;
const keysOf = Object.keys;

const maxDepthOption = [
  (v) => Number.isInteger(v) && v >= 0 && v <= MAX_DEPTH_LIMIT,
  `an integer between 0 and ${MAX_DEPTH_LIMIT}`,
];
const MERGE_OPTIONS = {
  arrays: [(v) => v === 'replace' || v === 'concat', "'replace' or 'concat'"],
  maxDepth: maxDepthOption,
};
const PATCH_OPTIONS = { maxDepth: maxDepthOption };
const FIND_OPTIONS = {
  allowDots: [(v) => typeof v === 'boolean', 'a boolean'],
  maxDepth: maxDepthOption,
};
const SANITIZE_OPTIONS = {
  ...FIND_OPTIONS,
  replaceWith: [
    (v) => typeof v === 'string' && !v.startsWith('$') && !v.includes('.'),
    "a string that does not start with '$' or contain '.'",
  ],
};

/**
 * True for an entry that could reach a prototype if a naive merge assigned it (the
 * core's is_poisoning_entry): a `__proto__` key, or a `constructor` key whose value is an
 * object with an own `prototype` key.
 */
function isPoisoning(key, item) {
  if (key === '__proto__') return true;
  return key === 'constructor' && typeof item === 'object' && item !== null && hasOwn(item, 'prototype');
}

/** One descriptor object for every defineOwn (null prototype: no `get`/`set` can be inherited). */
const DATA = { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: true };

/**
 * Sets `out[key] = value` as an own data property. A key that Object.prototype has (its
 * `__proto__` setter, `constructor`, or a polluted accessor) is defined, never assigned.
 */
function defineOwn(out, key, value) {
  if (hasOwn(objectPrototype, key)) {
    DATA.value = value;
    Object.defineProperty(out, key, DATA);
    DATA.value = undefined;
  } else {
    out[key] = value;
  }
}

/**
 * Per-call state: the limits, the key policy of sanitizeKeys/findUnsafeKeys, and the
 * objects on the current path (for cycle reports). One shape for every function.
 */
function context(fnName, o) {
  return {
    fnName,
    maxDepth: o.maxDepth ?? DEFAULT_MAX_DEPTH,
    allowDots: o.allowDots === true,
    replaceWith: o.replaceWith ? o.replaceWith : null,
    path: [],
  };
}

function kindName(value) {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value !== 'object') return `a ${typeof value}`;
  const proto = getPrototypeOf(value);
  const ctor = proto !== null && hasOwn(proto, 'constructor') ? proto.constructor : null;
  return typeof ctor === 'function' && ctor.name ? `an instance of ${ctor.name}` : 'an object with a custom prototype';
}

function unsupported(value, ctx) {
  return new BulwarkError(
    'UNSUPPORTED_VALUE',
    `${ctx.fnName}: ${kindName(value)} is not supported (only JSON data: plain objects, arrays, strings, finite numbers, booleans and null)`,
  );
}

/** A scalar as it is, or UNSUPPORTED_VALUE. */
function scalar(value, ctx) {
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || value === null || (type === 'number' && Number.isFinite(value)))
    return value;
  throw unsupported(value, ctx);
}

/**
 * Enters the array or object `value` at `depth`: checks the depth (telling a cycle from
 * plain depth when the limit is hit) and that an object is plain. Returns true for arrays.
 */
function enter(value, depth, ctx) {
  const path = ctx.path;
  if (depth > ctx.maxDepth) {
    if (path.includes(value) || new Set(path).size < path.length) {
      return fail(new BulwarkError('CYCLIC_VALUE', `${ctx.fnName}: the value contains itself (a cycle)`));
    }
    return fail(
      new BulwarkError('INPUT_TOO_DEEP', `${ctx.fnName}: input is nested deeper than maxDepth (${ctx.maxDepth})`),
    );
  }
  path.push(value);
  if (isArray(value)) return true;
  const proto = getPrototypeOf(value);
  if (proto !== objectPrototype && proto !== null) throw unsupported(value, ctx);
  return false;
}

function fail(err) {
  throw err;
}

/** `value[i]` for an array element, never read through a prototype; undefined and holes are unsupported. */
function element(value, i, ctx) {
  // Own elements only: a hole would be read through a (possibly polluted) Array.prototype,
  // whose index properties may be non-enumerable.
  const item = hasOwn(value, i) ? value[i] : undefined;
  if (item === undefined) {
    throw new BulwarkError('UNSUPPORTED_VALUE', `${ctx.fnName}: arrays must not contain undefined or holes`);
  }
  return item;
}

/** Walks `value` without copying: the checks of `copy`, for parts the result leaves out. */
function validate(value, depth, ctx) {
  if (typeof value !== 'object' || value === null) {
    if (value !== undefined) scalar(value, ctx);
    return;
  }
  if (enter(value, depth, ctx)) {
    for (let i = 0; i < value.length; i += 1) validate(element(value, i, ctx), depth + 1, ctx);
  } else {
    const keys = keysOf(value);
    for (let i = 0; i < keys.length; i += 1) validate(value[keys[i]], depth + 1, ctx);
  }
  ctx.path.pop();
}

/** A deep copy of `value` (at `depth`) without forbidden keys. */
function copy(value, depth, ctx) {
  if (typeof value !== 'object' || value === null) return scalar(value, ctx);
  let out;
  if (enter(value, depth, ctx)) {
    const n = value.length;
    out = new Array(n);
    for (let i = 0; i < n; i += 1) out[i] = copy(element(value, i, ctx), depth + 1, ctx);
  } else {
    out = {};
    const keys = keysOf(value);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i];
      const item = value[key];
      if (isPoisoning(key, item)) validate(item, depth + 1, ctx);
      else if (item !== undefined) defineOwn(out, key, copy(item, depth + 1, ctx));
    }
  }
  ctx.path.pop();
  return out;
}

/** Appends copies of the array `items` (at `depth`) to our array `out`. */
function appendCopies(out, items, depth, ctx) {
  enter(items, depth, ctx);
  for (let i = 0; i < items.length; i += 1) out.push(copy(element(items, i, ctx), depth + 1, ctx));
  ctx.path.pop();
}

/** Merges the plain object `source` (at `depth`) into our own object `out`, in place. */
function mergeObject(out, source, depth, ctx, concat) {
  enter(source, depth, ctx);
  const keys = keysOf(source);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    const item = source[key];
    if (isPoisoning(key, item)) {
      validate(item, depth + 1, ctx);
      continue;
    }
    if (item === undefined) continue;
    if (typeof item === 'object' && item !== null && hasOwn(out, key)) {
      const existing = out[key];
      if (typeof existing === 'object' && existing !== null) {
        const existingIsArray = isArray(existing);
        if (!existingIsArray && !isArray(item) && isPlain(item)) {
          mergeObject(existing, item, depth + 1, ctx, concat);
          continue;
        }
        if (concat && existingIsArray && isArray(item)) {
          appendCopies(existing, item, depth + 1, ctx);
          continue;
        }
      }
    }
    defineOwn(out, key, copy(item, depth + 1, ctx));
  }
  ctx.path.pop();
}

function isPlain(value) {
  const proto = getPrototypeOf(value);
  return proto === objectPrototype || proto === null;
}

function isOwnObject(value) {
  return typeof value === 'object' && value !== null && !isArray(value);
}

function mergeAll(options, target, sources) {
  const ctx = context('merge', options);
  const concat = options.arrays === 'concat';
  let out = copy(target, 1, ctx);
  for (let s = 0; s < sources.length; s += 1) {
    const source = sources[s];
    if (source === undefined || source === null) continue;
    if (typeof source === 'object' && typeof out === 'object' && out !== null) {
      const sourceIsArray = isArray(source);
      if (!sourceIsArray && !isArray(out) && isPlain(source)) {
        mergeObject(out, source, 1, ctx, concat);
        continue;
      }
      if (concat && sourceIsArray && isArray(out)) {
        appendCopies(out, source, 1, ctx);
        continue;
      }
    }
    out = copy(source, 1, ctx);
  }
  return out;
}

const NO_OPTIONS = Object.freeze(Object.create(null));

/**
 * Deep-merges `sources` into a copy of `target`, left to right: objects key by key,
 * anything else replaced by the source's value (arrays too). See types/merge.d.ts.
 */
function merge(target, ...sources) {
  return mergeAll(NO_OPTIONS, target, sources);
}

/**
 * A `merge` function with options (`arrays: 'replace' | 'concat'`, `maxDepth`), checked
 * once here.
 */
function createMerge(options) {
  const o = readOptions(options, MERGE_OPTIONS, 'createMerge');
  return function mergeWithOptions(target, ...sources) {
    return mergeAll(o, target, sources);
  };
}

/** Applies the plain object `patch` (at `depth`) to our own object `out`, in place. */
function applyPatch(out, patch, depth, ctx) {
  enter(patch, depth, ctx);
  const keys = keysOf(patch);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    const item = patch[key];
    if (isPoisoning(key, item)) {
      validate(item, depth + 1, ctx);
    } else if (item === null) {
      if (hasOwn(out, key)) delete out[key];
    } else if (typeof item === 'object' && !isArray(item) && isPlain(item)) {
      const existing = hasOwn(out, key) ? out[key] : undefined;
      if (isOwnObject(existing)) {
        applyPatch(existing, item, depth + 1, ctx);
      } else {
        const fresh = {};
        applyPatch(fresh, item, depth + 1, ctx);
        defineOwn(out, key, fresh);
      }
    } else if (item !== undefined) {
      defineOwn(out, key, copy(item, depth + 1, ctx));
    }
  }
  ctx.path.pop();
}

/** RFC 7386 JSON Merge Patch: `target` with `patch` applied, as a new value. */
function mergePatch(target, patch, options) {
  const o = readOptions(options, PATCH_OPTIONS, 'mergePatch');
  const ctx = context('mergePatch', o);
  const out = copy(target, 1, ctx);
  if (typeof patch !== 'object' || patch === null || isArray(patch) || !isPlain(patch)) return copy(patch, 1, ctx);
  const object = isOwnObject(out) ? out : {};
  applyPatch(object, patch, 1, ctx);
  return object;
}

function isUnsafeKey(key, allowDots) {
  return key.charCodeAt(0) === 0x24 /* $ */ || (!allowDots && key.includes('.'));
}

/** express-mongo-sanitize's renaming: the leading `$` and every `.` become `replaceWith`. */
function renamed(key, replaceWith) {
  const rest = key.charCodeAt(0) === 0x24 ? replaceWith + key.slice(1) : key;
  return rest.includes('.') ? rest.split('.').join(replaceWith) : rest;
}

function sanitize(value, depth, ctx) {
  if (typeof value !== 'object' || value === null) return scalar(value, ctx);
  let out;
  if (enter(value, depth, ctx)) {
    const n = value.length;
    out = new Array(n);
    for (let i = 0; i < n; i += 1) out[i] = sanitize(element(value, i, ctx), depth + 1, ctx);
  } else {
    out = {};
    let renames = null;
    const keys = keysOf(value);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i];
      const item = value[key];
      if (item === undefined) continue;
      if (!isUnsafeKey(key, ctx.allowDots)) defineOwn(out, key, sanitize(item, depth + 1, ctx));
      else if (ctx.replaceWith !== null) (renames ??= []).push(renamed(key, ctx.replaceWith), item);
      else validate(item, depth + 1, ctx);
    }
    // After the other keys, in order: a renamed key overwrites an original of the same
    // name, as express-mongo-sanitize's in-place edits do. A rename that would make a
    // poisoning entry drops the key.
    if (renames !== null) {
      for (let i = 0; i < renames.length; i += 2) {
        if (isPoisoning(renames[i], renames[i + 1])) validate(renames[i + 1], depth + 1, ctx);
        else defineOwn(out, renames[i], sanitize(renames[i + 1], depth + 1, ctx));
      }
    }
  }
  ctx.path.pop();
  return out;
}

/**
 * `value` without keys that start with `$` or contain `.` (unless `allowDots`), at any
 * depth, as express-mongo-sanitize's `sanitize` does, but never mutating `value`.
 */
function sanitizeKeys(value, options) {
  const o = readOptions(options, SANITIZE_OPTIONS, 'sanitizeKeys');
  return sanitize(value, 1, context('sanitizeKeys', o));
}

function find(value, depth, ctx, at, found) {
  if (typeof value !== 'object' || value === null) {
    if (value !== undefined) scalar(value, ctx);
    return;
  }
  if (enter(value, depth, ctx)) {
    for (let i = 0; i < value.length; i += 1) {
      at.push(i);
      find(element(value, i, ctx), depth + 1, ctx, at, found);
      at.pop();
    }
  } else {
    const keys = keysOf(value);
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i];
      at.push(key);
      // Reported even when its value is undefined (a driver may still send the key).
      if (isUnsafeKey(key, ctx.allowDots)) found.push(at.slice());
      find(value[key], depth + 1, ctx, at, found);
      at.pop();
    }
  }
  ctx.path.pop();
}

/**
 * The path (keys and array indexes) of every key `sanitizeKeys` would remove, in document
 * order; empty when express-mongo-sanitize's `has` would return false.
 */
function findUnsafeKeys(value, options) {
  const o = readOptions(options, FIND_OPTIONS, 'findUnsafeKeys');
  const found = [];
  find(value, 1, context('findUnsafeKeys', o), [], found);
  return found;
}

module.exports = { merge, createMerge, mergePatch, sanitizeKeys, findUnsafeKeys };
