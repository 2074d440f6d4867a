'use strict';
// Field paths as express-validator 7 reads them ('user.email', 'items.*.name', 'a[0]',
// 'a["b.c"]', '**'), the selection of the values they name in a request location, and the
// own-property reads and writes that replace lodash's get/set.
//
// Differences from express-validator (docs/express-validator.md): a value is read through
// own properties only, so 'constructor', 'toString' or '__proto__' on a plain body are
// absent rather than Object.prototype's functions, and a write never goes through a
// prototype setter or into a key named __proto__, constructor or prototype (lodash's set
// skips those too).

const { BulwarkError } = require('../errors');

/**
 * The segments of a field path, as lodash's toPath splits them: dots, `[0]`, `["a.b"]`
 * (quotes with backslash escapes) and `[a]`. Field paths come from the application, but the
 * parser is still a single linear pass.
 */
function toPath(path) {
  const out = [];
  const n = path.length;
  if (n > 0 && path[0] === '.') out.push('');
  let i = 0;
  while (i < n) {
    const c = path[i];
    if (c !== '.' && c !== '[' && c !== ']') {
      let j = i + 1;
      while (j < n && path[j] !== '.' && path[j] !== '[' && path[j] !== ']') j += 1;
      out.push(path.slice(i, j));
      i = j;
      continue;
    }
    if (c === '[') {
      const bracket = readBracket(path, i);
      if (bracket !== null) {
        out.push(bracket.key);
        i = bracket.end;
        continue;
      }
    }
    // lodash's empty-match alternative: `.` or `[]` followed by `.`, `[]` or the end.
    if (emptySegmentAt(path, i)) out.push('');
    i += 1;
  }
  return out;
}

function emptySegmentAt(path, i) {
  let k;
  if (path[i] === '.') k = i + 1;
  else if (path[i] === '[' && path[i + 1] === ']') k = i + 2;
  else return false;
  return k >= path.length || path[k] === '.' || (path[k] === '[' && path[k + 1] === ']');
}

const isDigit = (c) => c >= '0' && c <= '9';

/** `[-12]`, `[1.5]`, `["x"]` or `['x']` at `i`: the key and the index after `]`, or null. */
function readBracket(path, i) {
  let j = i + 1;
  const quote = path[j];
  if (quote === '"' || quote === "'") {
    j += 1;
    let key = '';
    while (j < path.length && path[j] !== quote) {
      if (path[j] === '\\') {
        if (j + 1 >= path.length || path[j + 1] === '\n') return null;
        key += path[j + 1];
        j += 2;
      } else {
        key += path[j];
        j += 1;
      }
    }
    return path[j] === quote && path[j + 1] === ']' ? { key, end: j + 2 } : null;
  }
  if (path[j] === '-') j += 1;
  const start = j;
  while (isDigit(path[j])) j += 1;
  if (j === start) return null;
  if (path[j] === '.' && isDigit(path[j + 1])) {
    j += 1;
    while (isDigit(path[j])) j += 1;
  }
  return path[j] === ']' ? { key: path.slice(i + 1, j), end: j + 1 } : null;
}

const DIGITS = /^\d+$/;

/** The path express-validator reports: `a.b`, `items[0].name`, `a["b.c"]`. */
function reconstruct(segments) {
  let out = '';
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] === '\\*' ? '*' : segments[i];
    if (segment.includes('.')) out += `["${segment}"]`;
    else if (DIGITS.test(segment)) out += `[${segment}]`;
    else if (out !== '') out += `.${segment}`;
    else out += segment;
  }
  return out;
}

/** `object[key]` when it is an own property (strings have their indexes and length). */
function ownGet(object, key) {
  if (object === null || object === undefined) return undefined;
  const type = typeof object;
  if (type === 'object' || type === 'function') return Object.hasOwn(object, key) ? object[key] : undefined;
  if (type === 'string') return Object.hasOwn(Object(object), key) ? object[key] : undefined;
  return undefined;
}

/** The value at `segments` under `root` (own properties only). */
function getIn(root, segments) {
  let value = root;
  for (let i = 0; i < segments.length && value !== undefined; i += 1) {
    value = ownGet(value, segments[i] === '\\*' ? '*' : segments[i]);
  }
  return value;
}

const INDEX = /^(?:0|[1-9]\d*)$/;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Sets an own data property, never through an inherited setter. */
function defineOwn(object, key, value) {
  // An own property is assigned (request data has no accessors); a new one is defined, so
  // that no setter on a prototype runs.
  if (Object.hasOwn(object, key)) object[key] = value;
  else Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

const isObjectLike = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';

/**
 * lodash's set on own properties: missing or primitive intermediates become `[]` when the
 * next key is an index and `{}` otherwise. Returns false (and writes nothing) when a key
 * would reach a prototype or the root is not an object.
 */
function setIn(root, segments, value) {
  if (!isObjectLike(root)) return false;
  for (let i = 0; i < segments.length; i += 1) if (UNSAFE_KEYS.has(segments[i])) return false;
  let node = root;
  for (let i = 0; i < segments.length; i += 1) {
    const key = segments[i] === '\\*' ? '*' : segments[i];
    if (i === segments.length - 1) {
      // lodash leaves an equal value (SameValueZero: 0 and -0, NaN and NaN) in place.
      const same = Object.hasOwn(node, key) && (node[key] === value || (node[key] !== node[key] && value !== value));
      if (!same) defineOwn(node, key, value);
      break;
    }
    let next = ownGet(node, key);
    if (!isObjectLike(next)) {
      next = INDEX.test(segments[i + 1]) ? [] : {};
      defineOwn(node, key, next);
    }
    node = next;
  }
  return true;
}

/** How deep a wildcard walks into a request value (parseJson's default depth bound). */
const MAX_DEPTH = 256;

/**
 * The instances a field selects in `root`: `{ segments, pathValues }` per matched path.
 * `*` is every own key of an object or array, `**` any depth (express-validator 7.1).
 */
function expand(node, segments, from, currPath, currValues, out) {
  if (currPath.length > MAX_DEPTH) {
    throw new BulwarkError('INPUT_TOO_DEEP', `express-validator: a field is nested deeper than ${MAX_DEPTH} levels`);
  }
  if (from >= segments.length) {
    out.push({ segments: currPath, pathValues: currValues });
    return;
  }
  const key = segments[from];
  if (node !== null && node !== undefined && !(typeof node === 'object')) {
    // A primitive: `*` matches nothing, a leaf `**` matches it, any other key is looked up
    // on the primitive (a string's length or index, otherwise absent).
    if (key === '**') {
      if (from === segments.length - 1) out.push({ segments: currPath, pathValues: currValues });
      return;
    }
    if (key === '*') return;
    out.push({ segments: currPath.concat(segments.slice(from)), pathValues: currValues });
    return;
  }
  const object = node === null || node === undefined ? {} : node;
  if (key === '*') {
    for (const k of Object.keys(object)) {
      expand(object[k], segments, from + 1, currPath.concat(k), currValues.concat(k), out);
    }
    return;
  }
  if (key === '**') {
    const rest = from + 1;
    for (const k of Object.keys(object)) {
      const nextPath = currPath.concat(k);
      const value = object[k];
      const found = [];
      expand(value, segments, from, nextPath, [k], found);
      if (rest < segments.length && segments[rest] === k) expand(value, segments, rest + 1, nextPath, [], found);
      const seen = new Set();
      for (const f of found) {
        const path = reconstruct(f.segments);
        if (seen.has(path)) continue;
        seen.add(path);
        out.push({
          segments: f.segments,
          pathValues: f.pathValues.length ? [...currValues, f.pathValues.flat()] : currValues,
        });
      }
    }
    return;
  }
  expand(ownGet(object, key), segments, from + 1, currPath.concat(key), currValues, out);
}

/**
 * Every field instance the chain's fields select in `req`, fields first then locations, the
 * first of two instances with the same location and path kept (express-validator's order).
 */
function selectFields(req, fields, locations) {
  const seen = new Set();
  const instances = [];
  for (let f = 0; f < fields.length; f += 1) {
    for (let l = 0; l < locations.length; l += 1) {
      const location = locations[l];
      const field = fields[f];
      const root = req[location];
      const variant = field.variants[location === 'headers' ? 1 : 0];
      let found;
      if (variant.wildcard) {
        found = [];
        expand(root, variant.segments, 0, [], [], found);
      } else {
        // Without wildcards a field selects exactly its own path.
        found = [{ segments: variant.segments, pathValues: [], path: variant.path }];
      }
      for (const { segments, pathValues, path: known } of found) {
        const path = known === undefined ? reconstruct(segments) : known;
        const key = `${location}:${path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        instances.push({
          key,
          location,
          path,
          segments,
          originalPath: field.path,
          pathValues,
          value: path === '' ? root : getIn(root, segments),
        });
      }
    }
  }
  return instances;
}

/** A field as the chain keeps it: the path and its segments (lower-cased for headers). */
function compileField(path) {
  if (typeof path !== 'string') throw new TypeError(`express-validator: field must be a string, got ${typeof path}`);
  const variant = (p) => {
    const segments = toPath(p);
    return { segments, path: reconstruct(segments), wildcard: segments.includes('*') || segments.includes('**') };
  };
  return { path, variants: [variant(path), variant(path.toLowerCase())] };
}

module.exports = { toPath, reconstruct, ownGet, getIn, setIn, selectFields, compileField, isObjectLike };
