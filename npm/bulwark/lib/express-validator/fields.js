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
  else
    Object.defineProperty(object, key, {
      __proto__: null,
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
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

/** `path` with one more segment, as reconstruct() would write it. */
function appendPath(path, segment) {
  const s = segment === '\\*' ? '*' : segment;
  if (s.includes('.')) return `${path}["${s}"]`;
  if (DIGITS.test(s)) return `${path}[${s}]`;
  return path === '' ? s : `${path}.${s}`;
}

/** `list` with `item` appended, as a new array (Array.prototype.concat is slow in V8). */
function plus(list, item) {
  const out = list.slice();
  out.push(item);
  return out;
}

/** A matched path: its segments, reported path, wildcard keys and value. */
function match(segments, path, pathValues, value) {
  return { segments, path, pathValues, value };
}

/**
 * The instances a field selects under `node`: one match per path. `*` is every own key of
 * an object or array, `**` any depth (express-validator 7.1). The path string and the value
 * are carried along the walk (the value is the own-property read of the path).
 */
function expand(node, segments, from, currPath, path, currValues, out) {
  if (currPath.length > MAX_DEPTH) {
    throw new BulwarkError('INPUT_TOO_DEEP', `express-validator: a field is nested deeper than ${MAX_DEPTH} levels`);
  }
  if (from >= segments.length) {
    out.push(match(currPath, path, currValues, node));
    return;
  }
  const key = segments[from];
  if (node !== null && node !== undefined && typeof node !== 'object') {
    // A primitive: `*` matches nothing, a leaf `**` matches it, any other key is looked up
    // on the primitive (a string's length or index, otherwise absent).
    if (key === '**') {
      if (from === segments.length - 1) out.push(match(currPath, path, currValues, node));
      return;
    }
    if (key === '*') return;
    const rest = segments.slice(from);
    let full = path;
    for (const segment of rest) full = appendPath(full, segment);
    out.push(match([...currPath, ...rest], full, currValues, getIn(node, rest)));
    return;
  }
  const object = node === null || node === undefined ? {} : node;
  if (key === '*') {
    for (const k of Object.keys(object)) {
      expand(object[k], segments, from + 1, plus(currPath, k), appendPath(path, k), plus(currValues, k), out);
    }
    return;
  }
  if (key === '**') {
    const rest = from + 1;
    for (const k of Object.keys(object)) {
      const nextPath = plus(currPath, k);
      const nextString = appendPath(path, k);
      const value = object[k];
      const found = [];
      expand(value, segments, from, nextPath, nextString, [k], found);
      if (rest < segments.length && segments[rest] === k) {
        expand(value, segments, rest + 1, nextPath, nextString, [], found);
      }
      const seen = new Set();
      for (const f of found) {
        if (seen.has(f.path)) continue;
        seen.add(f.path);
        const pathValues = f.pathValues.length ? [...currValues, f.pathValues.flat()] : currValues;
        out.push(match(f.segments, f.path, pathValues, f.value));
      }
    }
    return;
  }
  expand(ownGet(object, key), segments, from + 1, plus(currPath, key), appendPath(path, key), currValues, out);
}

/**
 * Every field instance the chain's fields select in `req`, fields first then locations, the
 * first of two instances with the same location and path kept (express-validator's order).
 */
function selectFields(req, fields, locations) {
  // Two matches can share a path only across fields or under a globstar.
  const seen = fields.length !== 1 || fields[0].variants[0].globstar ? new Set() : null;
  const instances = [];
  for (let f = 0; f < fields.length; f += 1) {
    const field = fields[f];
    for (let l = 0; l < locations.length; l += 1) {
      const location = locations[l];
      const root = req[location];
      const variant = field.variants[location === 'headers' ? 1 : 0];
      let found;
      if (variant.wildcard) {
        found = [];
        expand(root, variant.segments, 0, [], '', [], found);
      } else {
        // Without wildcards a field selects exactly its own path.
        found = [match(variant.segments, variant.path, [], undefined)];
      }
      for (let i = 0; i < found.length; i += 1) {
        const { segments, path, pathValues } = found[i];
        const key = `${location}:${path}`;
        if (seen !== null) {
          if (seen.has(key)) continue;
          seen.add(key);
        }
        // express-validator reads the value by the reported path ('\\*' reads the key '*').
        let value;
        if (path === '') value = root;
        else if (variant.wildcard && !variant.escaped) value = found[i].value;
        else value = getIn(root, segments);
        instances.push({ key, location, path, segments, originalPath: field.path, pathValues, value });
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
    return {
      segments,
      path: reconstruct(segments),
      wildcard: segments.includes('*') || segments.includes('**'),
      globstar: segments.includes('**'),
      escaped: segments.includes('\\*'),
    };
  };
  return { path, variants: [variant(path), variant(path.toLowerCase())] };
}

module.exports = { toPath, reconstruct, ownGet, getIn, setIn, selectFields, compileField, isObjectLike };
