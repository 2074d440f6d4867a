'use strict';
// The core's validators through the backend: each (validator, options) pair is compiled
// once into a ValidatorRule and kept in a bounded cache keyed by the options' JSON, so
// a call with options an app uses repeatedly costs one Map lookup and one crossing.
// Strings sent here are well-formed (the caller answers for lone surrogates).

const backend = require('../backend');
const { fromBackend } = require('../errors');

const { ValidatorRule, ValidatorSet } = backend.binding;

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

/** The compiled rule for `name` with `options` (a JSON-ready object, or undefined). */
function compile(name, options) {
  if (options === undefined) {
    const rule = defaults[name];
    if (rule !== undefined) return rule;
    return (defaults[name] = call(() => new ValidatorRule(name, '')));
  }
  const json = JSON.stringify(options);
  const key = `${name}\u0000${json}`;
  let rule = cache.get(key);
  if (rule === undefined) {
    rule = call(() => new ValidatorRule(name, json));
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, rule);
  }
  return rule;
}

/** The core's answer; `options` undefined means validator.js defaults. */
function test(name, str, options) {
  const rule = compile(name, options);
  return call(() => rule.test(str));
}

/** isStrongPassword's score with `options` (which hold returnScore: true). */
function score(name, str, options) {
  const rule = compile(name, options);
  return call(() => rule.score(str));
}

/** A compiled rule set (JSON `[{ validator, options }]`). */
function compileSet(json) {
  const set = call(() => new ValidatorSet(json));
  // The native addon returns an Array, the WASM build a Uint32Array: always an Array.
  return (values) => Array.from(call(() => set.check(values)));
}

module.exports = { test, score, compile, compileSet };
