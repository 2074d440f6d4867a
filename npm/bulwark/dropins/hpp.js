'use strict';
// bulwark/hpp: a drop-in for hpp (`require('hpp')`), HTTP parameter pollution protection:
// a parameter sent more than once becomes an array in req.query / req.body, which code
// expecting a string mishandles. Each such array is moved to req.queryPolluted /
// req.bodyPolluted and the parameter keeps its last value, except for `whitelist`ed names.
// Options as hpp's: checkQuery, checkBody, checkBodyOnlyForContentType (default
// 'urlencoded'), whitelist (a name or a list of names). Unlike hpp, it works on Express 5
// (whose req.query getter re-parses on every read: the cleaned query is set as an own
// property) and refuses bad options instead of logging and ignoring them.
// bulwark/express's urlencoded() and queryParser() do this while parsing (`allowArrays`).

const { BulwarkError } = require('../lib/errors');
const { isPlainObject, notPlain, isListOf, copyList } = require('../lib/args');
const { readProp, defineValue: define } = require('../lib/express/props');

function invalid(message) {
  return new BulwarkError('INVALID_OPTIONS', `hpp: ${message}`);
}

function readOptions(options) {
  const o = { checkQuery: true, checkBody: true, checkBodyOnlyForContentType: 'urlencoded', whitelist: [] };
  if (options === undefined || options === null) return o;
  if (typeof options !== 'object' || Array.isArray(options)) throw new TypeError('hpp: options must be an object');
  if (!isPlainObject(options)) throw notPlain('hpp', options);
  const names = Object.keys(options);
  for (let i = 0; i < names.length; i += 1) {
    const key = names[i];
    const value = options[key];
    if (value === undefined) continue;
    if (key === 'checkQuery' || key === 'checkBody') {
      if (typeof value !== 'boolean') throw invalid(`option "${key}" must be a boolean`);
      o[key] = value;
    } else if (key === 'checkBodyOnlyForContentType') {
      if (typeof value !== 'string' && !isListOf(value, (t) => typeof t === 'string')) {
        throw invalid('option "checkBodyOnlyForContentType" must be a content type or a list of them');
      }
      o.checkBodyOnlyForContentType = typeof value === 'string' ? value : copyList(value);
    } else if (key === 'whitelist') {
      if (value === null) continue;
      if (typeof value === 'string') o.whitelist = [value];
      else if (isListOf(value, (name) => typeof name === 'string')) o.whitelist = copyList(value);
      else throw invalid('option "whitelist" must be a string or a list of strings');
    } else {
      throw invalid(`unknown option "${key}"`);
    }
  }
  return o;
}

/**
 * Moves the arrays of `req[part]` aside into `req[pollutedKey]` (once, as hpp: a second hpp
 * middleware only puts whitelisted names back).
 */
function putAside(req, part, pollutedKey, whitelist) {
  const source = readProp(req, part);
  let polluted = Object.hasOwn(req, pollutedKey) ? req[pollutedKey] : undefined;
  let values = source;
  if (polluted === undefined) {
    polluted = Object.create(null);
    values = Object.create(null);
    const keys = Object.keys(source);
    for (let i = 0; i < keys.length; i += 1) {
      const value = source[keys[i]];
      if (Array.isArray(value)) {
        polluted[keys[i]] = value;
        define(values, keys[i], value[value.length - 1]);
      } else {
        define(values, keys[i], value);
      }
    }
    define(req, pollutedKey, polluted);
    // A copy set as an own property: Express 5's req.query is a getter on the prototype.
    define(req, part, values);
  }
  for (let i = 0; i < whitelist.length; i += 1) {
    const name = whitelist[i];
    if (Object.hasOwn(polluted, name) && polluted[name]) {
      define(values, name, polluted[name]);
      delete polluted[name];
    }
  }
}

function hpp(options) {
  const o = readOptions(options);
  return function hppMiddleware(req, res, next) {
    try {
      const query = readProp(req, 'query');
      if (o.checkQuery && query !== null && typeof query === 'object') {
        putAside(req, 'query', 'queryPolluted', o.whitelist);
      }
      const body = readProp(req, 'body');
      if (
        o.checkBody &&
        body !== null &&
        typeof body === 'object' &&
        typeof readProp(req, 'is') === 'function' &&
        req.is(o.checkBodyOnlyForContentType)
      ) {
        putAside(req, 'body', 'bodyPolluted', o.whitelist);
      }
    } catch (err) {
      next(err);
      return;
    }
    next();
  };
}

module.exports = hpp;
module.exports.default = hpp;
