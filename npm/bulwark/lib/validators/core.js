'use strict';
// The core's validators through the backend. Each (validator, options) pair is compiled
// once into a rule held by the backend and called by id (a plain function call: calling a
// method of a native class costs about three times as much). Ids are cached per options
// JSON in a bounded cache whose evicted ids are released. Strings sent here are
// well-formed (the caller answers for lone surrogates).

const backend = require('../backend');
const { fromBackend } = require('../errors');
const { jsonText } = require('../args');
const { JSON_TEXT, cacheKey } = require('./options');

const { validatorCompile, validatorTest, validatorScore, validatorRelease, ValidatorSet } = backend.binding;

const MAX_CACHED = 512;
const cache = new Map();
const defaults = Object.create(null);

function call(fn) {
  try {
    return fn();
  } catch (err) {
    throw fromBackend(err);
  }
}

/** Bumped whenever the cache is cleared (its ids released): handles recompile then. */
let generation = 0;

/**
 * The rule id for `name` with `options` (an options object from ./options.js, or
 * undefined for defaults); `json` is the options' JSON text when the caller has it.
 */
function compile(name, options, json) {
  if (options === undefined) {
    const id = defaults[name];
    if (id !== undefined) return id;
    return (defaults[name] = call(() => validatorCompile(name, '')));
  }
  const key = `${name}\u0000${cacheKey(options)}`;
  let id = cache.get(key);
  if (id === undefined) {
    const text = json !== undefined ? json : options[JSON_TEXT] !== undefined ? options[JSON_TEXT] : jsonText(options);
    id = call(() => validatorCompile(name, text));
    if (cache.size >= MAX_CACHED) {
      for (const old of cache.values()) validatorRelease(old);
      cache.clear();
      generation += 1;
    }
    cache.set(key, id);
  }
  return id;
}

/**
 * A handle on a compiled rule for callers that keep one per options object (matches keeps
 * one per RegExp): `test` through it skips the cache lookup while the id is still live.
 */
function handle(name, options) {
  return { name, options, id: compile(name, options), generation };
}

function testHandle(h, str) {
  if (h.generation !== generation) {
    h.id = compile(h.name, h.options);
    h.generation = generation;
  }
  try {
    return validatorTest(h.id, str);
  } catch (err) {
    throw fromBackend(err);
  }
}

/** The core's answer; `options` undefined means validator.js defaults. */
function test(name, str, options, json) {
  const id = compile(name, options, json);
  try {
    return validatorTest(id, str);
  } catch (err) {
    throw fromBackend(err);
  }
}

/** isStrongPassword's score with `options` (which hold returnScore: true). */
function score(name, str, options) {
  const id = compile(name, options);
  return call(() => validatorScore(id, str));
}

/** A compiled rule set (JSON `[{ validator, options }]`): values -> failed indexes. */
function compileSet(json) {
  const set = call(() => new ValidatorSet(json));
  // The native addon returns an Array, the WASM build a Uint32Array: always an Array.
  return (values) => Array.from(call(() => set.check(values)));
}

module.exports = { test, score, compile, compileSet, handle, testHandle };
