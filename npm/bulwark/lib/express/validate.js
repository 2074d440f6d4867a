'use strict';
// Compiles `validate()` schemas once: every rule name is resolved to a Bulwark function and
// its arguments fixed when the middleware is created, so a typo fails at startup and a
// request only runs the compiled steps.

const { BulwarkError } = require('../errors');

const LOCATIONS = ['body', 'query', 'params'];

/** Rules that transform the value (validator.js sanitizers, plus `escape`). */
const SANITIZERS = {
  trim: 'trim', ltrim: 'ltrim', rtrim: 'rtrim', stripLow: 'stripLow', blacklist: 'blacklist', whitelist: 'whitelist',
  normalizeEmail: 'normalizeEmail', toInt: 'toInt', toFloat: 'toFloat', toBoolean: 'toBoolean',
  normalizeUnicode: 'normalizeUnicode', escape: 'escapeHtml', unescape: 'unescapeHtml', stripTags: 'stripTags',
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

function compileField(location, field, rules, api) {
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
    const fnName = Object.hasOwn(SANITIZERS, name) ? SANITIZERS[name] : name;
    const fn = Object.hasOwn(api, fnName) ? api[fnName] : undefined;
    const isValidator = /^is[A-Z]/.test(name) || name === 'matches';
    if (typeof fn !== 'function' || (!isValidator && !Object.hasOwn(SANITIZERS, name))) {
      throw invalid(`${location}.${field}: unknown rule "${name}"`);
    }
    steps.push({ name, fn, args: ruleArgs(value), isValidator });
  }
  return { location, field, optional, steps };
}

/** Compiles a `{ body, query, params }` schema against the Bulwark API object. */
function compileRules(schema, api) {
  if (!isPlainObject(schema)) throw invalid('the schema must be an object { body, query, params }');
  const fields = [];
  for (const location of Object.keys(schema)) {
    if (!LOCATIONS.includes(location)) throw invalid(`unknown location "${location}" (body, query or params)`);
    const spec = schema[location];
    if (!isPlainObject(spec)) throw invalid(`${location} must be an object of fields`);
    for (const field of Object.keys(spec)) fields.push(compileField(location, field, spec[field], api));
  }
  const used = [...new Set(fields.map((f) => f.location))];
  return {
    run(req) {
      const valid = {};
      for (const location of used) valid[location] = {};
      const errors = [];
      for (const f of fields) {
        const source = req[f.location];
        const raw = source !== null && typeof source === 'object' && Object.hasOwn(source, f.field) ? source[f.field] : undefined;
        if (raw === undefined || raw === null || raw === '') {
          if (!f.optional) errors.push({ location: f.location, field: f.field, rule: 'required' });
          continue;
        }
        let value = asInput(raw);
        if (value === undefined) {
          errors.push({ location: f.location, field: f.field, rule: 'type' });
          continue;
        }
        let failed = null;
        for (const step of f.steps) {
          if (step.isValidator) {
            let ok = false;
            try {
              ok = typeof value === 'string' && step.fn(value, ...step.args) !== false;
            } catch (err) {
              if (!(err instanceof TypeError) && !(err instanceof BulwarkError)) throw err;
            }
            if (!ok) {
              failed = step.name;
              break;
            }
          } else {
            value = step.fn(typeof value === 'string' ? value : String(value), ...step.args);
          }
        }
        if (failed !== null) errors.push({ location: f.location, field: f.field, rule: failed });
        else Object.defineProperty(valid[f.location], f.field, { value, writable: true, enumerable: true, configurable: true });
      }
      return { valid, errors };
    },
  };
}

module.exports = { compileRules };
