'use strict';
// Prototype-pollution-safe JSON parsing, secure-json-parse compatible.
//
// V8's JSON.parse builds the value (nothing in Rust or JS builds objects faster); the guard
// only has to know whether the text nests too deep and whether any string in it decodes to
// `__proto__` or `constructor` (JSON escapes included). That is one linear scan in the
// backend (crates/bulwark-core/src/json.rs). Only when the scan finds such a name does the
// exact check walk the parsed value, with secure-json-parse's rules, so clean input costs
// JSON.parse plus the scan (benches/js/json.bench.js).
//
// Texts up to 4 KiB skip the crossing when their length (each level needs an opening and a
// closing bracket) or their count of `[` and `{` already bounds the depth; the name check
// is then three substring searches and, if one hits, secure-json-parse's own regex, which
// matches every spelling of both names. Both paths only decide *whether* to run the exact
// check, so they give identical results (js-tests/json.test.js runs every case on both).

const backend = require('./backend');
const { BulwarkError, callBackend } = require('./errors');
const { stringArg, readOptions } = require('./args');

const DEFAULT_MAX_DEPTH = 128;
const MAX_DEPTH_LIMIT = 256;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
const U32_MAX = 0xffffffff;
const POISONING_MESSAGE = 'Object contains forbidden prototype property';

const DEFAULTS = Object.freeze(Object.create(null));
const ACTIONS = ['error', 'remove', 'ignore'];
const isAction = (v) => ACTIONS.includes(v);
const OPTIONS = {
  protoAction: [isAction, "'error', 'remove' or 'ignore'"],
  constructorAction: [isAction, "'error', 'remove' or 'ignore'"],
  safe: [(v) => typeof v === 'boolean', 'a boolean'],
  maxDepth: [
    (v) => Number.isInteger(v) && v >= 0 && v <= MAX_DEPTH_LIMIT,
    `an integer between 0 and ${MAX_DEPTH_LIMIT}`,
  ],
  maxBytes: [(v) => (Number.isInteger(v) && v >= 0) || v === Infinity, 'a non-negative integer or Infinity'],
};

/** A quoted `__proto__` or `constructor`, each character literal or \u-escaped. */
const SUSPECT_NAME = new RegExp(
  '"(?:(?:_|\\\\u005[Ff])(?:_|\\\\u005[Ff])(?:p|\\\\u0070)(?:r|\\\\u0072)(?:o|\\\\u006[Ff])(?:t|\\\\u0074)(?:o|\\\\u006[Ff])(?:_|\\\\u005[Ff])(?:_|\\\\u005[Ff])' +
    '|(?:c|\\\\u0063)(?:o|\\\\u006[Ff])(?:n|\\\\u006[Ee])(?:s|\\\\u0073)(?:t|\\\\u0074)(?:r|\\\\u0072)(?:u|\\\\u0075)(?:c|\\\\u0063)(?:t|\\\\u0074)(?:o|\\\\u006[Ff])(?:r|\\\\u0072))"',
);
const BEYOND_LATIN1 = /[^\x00-\xff]/;
const scanLatin1 =
  backend.name === 'native'
    ? (text, maxDepth) => backend.binding.jsonScanLatin1(text, maxDepth)
    : (text, maxDepth) => backend.binding.jsonScanLatin1Bytes(Buffer.from(text, 'latin1'), maxDepth);
/** Longest text checked without crossing: around 4 KiB both ways cost the same (measured). */
const SMALL = 4096;
const PROTO = 1;
const CONSTRUCTOR = 2;
/** jsonFindPoisoning's answer for valid, poisoned text (0: clean, 2: undecided). */
const POISONED = 1;

const hasOwn = Object.hasOwn;
const binding = backend.binding;

function tooLarge(maxBytes) {
  return new BulwarkError('INPUT_TOO_LARGE', `parseJson: JSON text is larger than maxBytes (${maxBytes} bytes)`);
}

/**
 * True when `text` holds at most `max` opening brackets (`[` or `{`, strings included):
 * then it cannot nest deeper than `max`. Stops counting past `max`.
 */
function fewBrackets(text, max) {
  let count = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) {
    if (++count > max) return false;
  }
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) {
    if (++count > max) return false;
  }
  return true;
}

/**
 * False only when no string in `text` can decode to either name: spelled literally it
 * contains the name itself, and any escaped spelling contains `\u00` (the only escapes
 * that produce these ASCII letters). Three substring searches, cheaper than the regex.
 */
function mayHoldName(text) {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u00');
}

/** Flags (PROTO | CONSTRUCTOR) that say whether the exact check must run on the result. */
function scanString(text, maxDepth, maxBytes) {
  // UTF-8 needs 1 to 3 bytes per UTF-16 unit: count only when the length cannot decide.
  if (text.length * 3 > maxBytes && (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes)) {
    throw tooLarge(maxBytes);
  }
  // Without crossing: when the depth is bounded by the text's length or its bracket count,
  // the name check alone remains, and secure-json-parse's regex does it in one pass.
  if (text.length <= SMALL && (text.length < 2 * (maxDepth + 1) || fewBrackets(text, maxDepth))) {
    return mayHoldName(text) && SUSPECT_NAME.test(text) ? PROTO | CONSTRUCTOR : 0;
  }
  // A string with no unit above U+00FF (V8 answers this in constant time for its one-byte
  // strings) crosses as Latin-1, one byte per unit, instead of UTF-16 (native) or UTF-8
  // (WASM). Latin-1 would truncate any higher unit, so only such strings go this way.
  if (!BEYOND_LATIN1.test(text)) return callBackend(() => scanLatin1(text, maxDepth));
  return callBackend(() => binding.jsonScan(text, maxDepth));
}

function bytesOf(input) {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return null;
}

function describe(value) {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * secure-json-parse's rules on the parsed value, own properties only, without recursion.
 * Returns the value (keys removed in place for 'remove'), or null in safe mode.
 */
function enforce(root, protoAction, constructorAction, safe, seen) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    // Parsed JSON has no cycles; a value handed to scanJsonValue may.
    if (seen !== undefined) {
      if (seen.has(node)) continue;
      seen.add(node);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        const item = node[i];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
      continue;
    }
    if (protoAction !== 'ignore' && hasOwn(node, '__proto__')) {
      if (safe) return null;
      if (protoAction === 'error') throw new BulwarkError('JSON_PROTO_POISONING', POISONING_MESSAGE);
      // eslint-disable-next-line no-proto -- deletes the own data property only
      delete node.__proto__; // the own data property; the prototype is untouched
    }
    if (constructorAction !== 'ignore' && hasOwn(node, 'constructor')) {
      const ctor = node.constructor;
      if (ctor !== null && typeof ctor === 'object' && hasOwn(ctor, 'prototype')) {
        if (safe) return null;
        if (constructorAction === 'error') throw new BulwarkError('JSON_PROTO_POISONING', POISONING_MESSAGE);
        delete node.constructor;
      }
    }
    const keys = Object.keys(node);
    for (let i = 0; i < keys.length; i += 1) {
      const item = node[keys[i]];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return root;
}

/**
 * Parses JSON like JSON.parse, refusing (or removing) prototype-poisoning keys as
 * secure-json-parse does, with depth and size limits. See types/json.d.ts.
 */
function parseJson(input, options) {
  const o = options === undefined ? DEFAULTS : readOptions(options, OPTIONS, 'parseJson');
  const protoAction = o.protoAction ?? 'error';
  const constructorAction = o.constructorAction ?? 'error';
  const maxDepth = o.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  let text;
  let bytes = null;
  let flags;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    flags = scanString(input, maxDepth, maxBytes);
  } else {
    bytes = bytesOf(input);
    if (bytes === null) {
      if (input instanceof String) return parseJson(stringArg(input, 'parseJson: text'), options);
      throw new TypeError(`parseJson: text must be a string or a Uint8Array, got ${describe(input)}`);
    }
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    // Validated as UTF-8 (and scanned) in the backend first, so decoding cannot insert U+FFFD.
    flags = callBackend(() => binding.jsonScanBytes(bytes, maxDepth, Math.min(maxBytes, U32_MAX)));
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  }
  const checkProto = protoAction !== 'ignore' && (flags & PROTO) !== 0;
  const checkConstructor = constructorAction !== 'ignore' && (flags & CONSTRUCTOR) !== 0;
  const safe = o.safe === true;
  // A suspect name: the backend decides without building anything whether the text is
  // valid JSON and poisoned, so a refusal costs no JSON.parse (most of the cost of a small
  // body). Only a refusal is taken from it; anything else goes on to JSON.parse and the
  // walk below, which stay the reference. Exact for `error` (and `safe`, which returns at
  // the first finding); `remove` changes what is examined after it, so it always parses.
  if (
    (checkProto || checkConstructor) &&
    (safe || (protoAction !== 'remove' && constructorAction !== 'remove')) &&
    (bytes !== null || findsInString(text))
  ) {
    const verdict = callBackend(() =>
      bytes === null
        ? binding.jsonFindPoisoning(text, maxDepth, checkProto, checkConstructor)
        : binding.jsonFindPoisoningBytes(bytes, maxDepth, checkProto, checkConstructor),
    );
    if (verdict === POISONED) {
      if (safe) return null;
      throw new BulwarkError('JSON_PROTO_POISONING', POISONING_MESSAGE);
    }
  }
  const value = JSON.parse(bytes === null ? text : utf8(bytes));
  if (value === null || typeof value !== 'object') return value;
  if (!checkProto && !checkConstructor) return value;
  return enforce(value, protoAction, constructorAction, safe);
}

/**
 * Whether jsonFindPoisoning can decide `text` exactly. Native reads the UTF-16 units as
 * they are. WASM receives UTF-8, where a lone surrogate becomes U+FFFD: a raw lone
 * surrogate key and its `\u` escape, one key for JSON.parse, would be two there, so such
 * text is left to JSON.parse and the walk.
 */
const findsInString = backend.name === 'native' ? () => true : (text) => text.isWellFormed();

/** Bytes the backend has validated as UTF-8, as a string. */
function utf8(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

const SCAN_OPTIONS = {
  protoAction: OPTIONS.protoAction,
  constructorAction: OPTIONS.constructorAction,
  safe: OPTIONS.safe,
};

/**
 * secure-json-parse's `scan`: applies parseJson's poisoning rules to a value that is already
 * parsed (own properties only; cycles are walked once). Returns the value, keys removed in
 * place for 'remove', or null in safe mode when a key was found.
 */
function scanJsonValue(value, options) {
  const o = options === undefined ? DEFAULTS : readOptions(options, SCAN_OPTIONS, 'scan');
  if (value === null || typeof value !== 'object') return value;
  return enforce(value, o.protoAction ?? 'error', o.constructorAction ?? 'error', o.safe === true, new Set());
}

module.exports = { parseJson, scanJsonValue };
