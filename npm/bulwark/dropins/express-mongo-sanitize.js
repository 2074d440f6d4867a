'use strict';
// bulwark/express-mongo-sanitize: a drop-in for express-mongo-sanitize
// (`require('express-mongo-sanitize')`): the middleware and its `sanitize` and `has`, over
// Bulwark's sanitizeKeys / findUnsafeKeys (own keys only, depth-bounded, cycle-safe).
// Also works on Express 5, whose `req.query` is a getter that express-mongo-sanitize cannot
// assign (it throws there): the cleaned query is set as an own property of the request.
// Deviations: docs/migrating.md.

const { sanitizeKeys, findUnsafeKeys } = require('../lib/merge');
const { BulwarkError } = require('../lib/errors');
const { isPlainObject, notPlain } = require('../lib/args');
const { readProp, defineValue } = require('../lib/express/props');

const PARTS = Object.freeze(['body', 'params', 'headers', 'query']);

/** Own options only; `dryRun` and `onSanitize` are the middleware's, the rest sanitizeKeys'. */
function readMiddlewareOptions(options) {
  const o = Object.create(null);
  o.keys = Object.create(null);
  if (options === undefined || options === null) return o;
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError('options must be an object');
  if (!isPlainObject(options)) throw notPlain('expressMongoSanitize', options);
  const names = Object.keys(options);
  for (let i = 0; i < names.length; i += 1) {
    const key = names[i];
    const value = options[key];
    if (value === undefined) continue;
    if (key === 'dryRun') o.dryRun = Boolean(value);
    else if (key === 'onSanitize') {
      if (typeof value !== 'function') {
        throw new BulwarkError('INVALID_OPTIONS', 'expressMongoSanitize: option "onSanitize" must be a function');
      }
      o.onSanitize = value;
    } else if (key === 'replaceWith' || key === 'allowDots') o.keys[key] = value;
    else throw new BulwarkError('INVALID_OPTIONS', `expressMongoSanitize: unknown option "${key}"`);
  }
  // Checked once here, so a bad replaceWith fails when the app starts, not per request.
  sanitizeKeys({}, o.keys);
  return o;
}

/** Replaces the own keys of `target` with those of `clean` (top-level identity is kept). */
function replaceContents(target, clean) {
  if (Array.isArray(target)) {
    target.length = 0;
    for (let i = 0; i < clean.length; i += 1) {
      defineValue(target, i, clean[i]);
    }
    return;
  }
  const old = Object.keys(target);
  for (let i = 0; i < old.length; i += 1) delete target[old[i]];
  const keys = Object.keys(clean);
  for (let i = 0; i < keys.length; i += 1) {
    defineValue(target, keys[i], clean[keys[i]]);
  }
}

/**
 * Removes (or renames, with `replaceWith`) every key that starts with `$` or contains `.`
 * (unless `allowDots`), at any depth, in place as express-mongo-sanitize does, and returns
 * `target`.
 */
function sanitize(target, options) {
  if (target === null || typeof target !== 'object') return target;
  const opts = options === undefined ? undefined : readMiddlewareOptions(options).keys;
  const clean = sanitizeKeys(target, opts);
  replaceContents(target, clean);
  return target;
}

/** Whether `target` holds a key that `sanitize` would remove. */
function has(target, allowDots) {
  if (target === null || typeof target !== 'object') return false;
  return findUnsafeKeys(target, { allowDots: allowDots === true }).length > 0;
}

function expressMongoSanitize(options) {
  const o = readMiddlewareOptions(options);
  return function mongoSanitize(req, res, next) {
    try {
      for (let i = 0; i < PARTS.length; i += 1) {
        const part = PARTS[i];
        const value = readProp(req, part);
        if (value === null || typeof value !== 'object') continue;
        if (findUnsafeKeys(value, o.keys).length === 0) continue;
        if (!o.dryRun) {
          const clean = sanitizeKeys(value, o.keys);
          // Express 5's req.query is an accessor on the prototype: an own property shadows it.
          defineValue(req, part, clean);
        }
        if (o.onSanitize) o.onSanitize({ req, key: part });
      }
    } catch (err) {
      next(err);
      return;
    }
    next();
  };
}

module.exports = expressMongoSanitize;
module.exports.default = expressMongoSanitize;
module.exports.sanitize = sanitize;
module.exports.has = has;
