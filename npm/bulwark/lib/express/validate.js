'use strict';
// Compiles `validate()` schemas once: every rule name is resolved to a Bulwark function and
// its arguments fixed when the middleware is created, so a typo fails at startup and a
// request only runs the compiled steps.

const { BulwarkError } = require('../errors');

const LOCATIONS = ['body', 'query', 'params'];

/** Rules that transform the value (validator.js sanitizers, plus `escape`). */
const SANITIZERS = {
  trim: 'trim',
  ltrim: 'ltrim',
  rtrim: 'rtrim',
  stripLow: 'stripLow',
  blacklist: 'blacklist',
  whitelist: 'whitelist',
  normalizeEmail: 'normalizeEmail',
  toInt: 'toInt',
  toFloat: 'toFloat',
  toBoolean: 'toBoolean',
  normalizeUnicode: 'normalizeUnicode',
  escape: 'escapeHtml',
  unescape: 'unescapeHtml',
  stripTags: 'stripTags',
};

function invalid(message) {
  return new BulwarkError('INVALID_OPTIONS', `validate: ${message}`);
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A rule's arguments after the value: `true` or `{}` -> none; an array -> positional
 * (`isIn: [['a', 'b']]`, `matches: ['^a', 'i']`); anything else -> one argument (options).
 */
function ruleArgs(value) {
  if (value === true || (isPlainObject(value) && Object.keys(value).length === 0)) return [];
  if (Array.isArray(value)) return [...value];
  return [value];
}

/** Request values are strings, or numbers and booleans from JSON: those become strings. */
function asInput(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function compileField(location, field, rules, api, batchRules) {
  if (!isPlainObject(rules)) throw invalid(`rules for ${location}.${field} must be an object`);
  let optional = false;
  const steps = [];
  for (const name of Object.keys(rules)) {
    const value = rules[name];
    if (name === 'optional') {
      if (typeof value !== 'boolean') throw invalid(`${location}.${field}: optional must be a boolean`);
      optional = value;
      continue;
    }
    if (Object.hasOwn(SANITIZERS, name)) {
      const fn = Object.hasOwn(api, SANITIZERS[name]) ? api[SANITIZERS[name]] : undefined;
      if (typeof fn !== 'function') throw invalid(`${location}.${field}: unknown rule "${name}"`);
      steps.push({ name, fn, args: ruleArgs(value), index: -1 });
    } else if (/^is[A-Z]/.test(name) || name === 'matches') {
      // Validators run in the core, all of a request's in one batch call (createValidator).
      steps.push({ name, fn: null, args: null, index: batchRules.length });
      batchRules.push({ validator: name, args: ruleArgs(value) });
    } else {
      throw invalid(`${location}.${field}: unknown rule "${name}"`);
    }
  }
  return { location, field, optional, steps };
}

/**
 * Compiles a `{ body, query, params }` schema against the Bulwark API object. Sanitizers
 * run in JS in rule order; every validator of every field is compiled into one
 * `createValidator` set, so a request is checked with a single call into the core.
 */
function compileRules(schema, api) {
  if (!isPlainObject(schema)) throw invalid('the schema must be an object { body, query, params }');
  const fields = [];
  const batchRules = [];
  for (const location of Object.keys(schema)) {
    if (!LOCATIONS.includes(location)) throw invalid(`unknown location "${location}" (body, query or params)`);
    const spec = schema[location];
    if (!isPlainObject(spec)) throw invalid(`${location} must be an object of fields`);
    for (const field of Object.keys(spec)) fields.push(compileField(location, field, spec[field], api, batchRules));
  }
  let batch = null;
  if (batchRules.length > 0) {
    try {
      batch = api.createValidator(batchRules);
    } catch (err) {
      if (err instanceof BulwarkError) throw invalid(err.message);
      throw err;
    }
  }
  const used = [...new Set(fields.map((f) => f.location))];
  return {
    run(req) {
      const valid = {};
      for (const location of used) valid[location] = {};
      const errors = [];
      const values = new Array(batchRules.length).fill('');
      // First pass: sanitize in rule order and collect the value each validator sees.
      const pending = [];
      for (const f of fields) {
        const source = req[f.location];
        const raw =
          source !== null && typeof source === 'object' && Object.hasOwn(source, f.field) ? source[f.field] : undefined;
        if (raw === undefined || raw === null || raw === '') {
          if (!f.optional) errors.push({ location: f.location, field: f.field, rule: 'required' });
          continue;
        }
        let value = asInput(raw);
        if (value === undefined) {
          errors.push({ location: f.location, field: f.field, rule: 'type' });
          continue;
        }
        let typeFailure = null;
        let conversionFailure = null;
        for (const step of f.steps) {
          if (step.index >= 0) {
            if (typeof value !== 'string') {
              typeFailure = step.name;
              break;
            }
            values[step.index] = value;
          } else {
            value = step.fn(typeof value === 'string' ? value : String(value), ...step.args);
            // normalizeEmail answers false for what is not an address, toInt/toFloat NaN for
            // what is not a number: a failed conversion fails the field, never becomes data.
            if ((value === false && step.name === 'normalizeEmail') || Number.isNaN(value)) {
              conversionFailure = step;
              break;
            }
          }
        }
        if (typeFailure !== null) errors.push({ location: f.location, field: f.field, rule: typeFailure });
        else pending.push({ f, value, conversionFailure });
      }
      // One call into the core for every validator of the request.
      const failed = new Set(batch === null ? [] : batch.check(values));
      for (const { f, value, conversionFailure } of pending) {
        // The first rule that failed, in rule order: a validator before a failed conversion wins.
        const stop = conversionFailure === null ? f.steps.length : f.steps.indexOf(conversionFailure) + 1;
        const step = f.steps
          .slice(0, stop)
          .find((s) => s === conversionFailure || (s.index >= 0 && failed.has(s.index)));
        if (step) errors.push({ location: f.location, field: f.field, rule: step.name });
        else
          Object.defineProperty(valid[f.location], f.field, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
          });
      }
      return { valid, errors };
    },
  };
}

module.exports = { compileRules };
