'use strict';
// Express 4 and 5 middleware. See ../../express.js for usage and types/express.d.ts for
// every option.

const http = require('node:http');
const bulwark = require('../../index');
const { BulwarkError } = require('../errors');
const { readOptions } = require('../args');
const { httpError, report } = require('./http');
const { parseSize } = require('./limits');
const { readBody, mediaType, hasBody } = require('./body');
const { inspect } = require('./keys');
const { parseUrlEncoded, REPORT } = require('./query');
const { compileRules } = require('./validate');

const isFunction = (v) => typeof v === 'function';
const isBool = (v) => typeof v === 'boolean';
const isSize = (v) => parseSize(v) !== null;
const isCount = (v) => Number.isInteger(v) && v >= 1 && v <= 1e6;
const isOneOf =
  (...values) =>
  (v) =>
    values.includes(v);
const isStringOrList = (v) => typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
const isStringList = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const OPERATORS = [isOneOf('reject', 'strip', 'allow'), "'reject', 'strip' or 'allow'"];
const ON_VIOLATION = [isFunction, 'a function'];
const ACTION = [isOneOf('error', 'remove', 'ignore'), "'error', 'remove' or 'ignore'"];

/** Turns a violation list into one rejection, reporting each violation. */
function rejectViolations(req, onViolation, location, violations) {
  for (const v of violations) {
    report(onViolation, req, { type: v.type, location, path: v.path, detail: `${v.type} key rejected` });
  }
  const first = violations[0];
  const code =
    { prototype: 'PROTOTYPE_POLLUTION', operator: 'OPERATOR_KEY', depth: 'INPUT_TOO_DEEP', keys: 'TOO_MANY_KEYS' }[
      first.type
    ] || 'REQUEST_REJECTED';
  const status = first.type === 'keys' ? 413 : 400;
  // The offending key stays in the onViolation event; the response does not echo input.
  const reason = {
    prototype: 'prototype key',
    operator: 'operator key',
    depth: 'nesting too deep',
    keys: 'too many keys',
  }[first.type];
  return httpError(status, code, `request ${location} rejected: ${reason || first.type}`);
}

/** Applies the key policy to a parsed body; returns the value to use or throws. */
function enforceShape(req, value, o, location) {
  const { violations, value: cleaned } = inspect(value, {
    operators: o.operators,
    maxDepth: o.maxDepth,
    maxKeys: o.maxKeys,
  });
  if (violations.length === 0) return value;
  const hard = violations.filter((v) => v.type !== 'operator' || o.operators === 'reject');
  if (hard.length > 0) throw rejectViolations(req, o.onViolation, location, hard);
  for (const v of violations)
    report(o.onViolation, req, { type: v.type, location, path: v.path, detail: 'operator key stripped' });
  return cleaned;
}

function typeMatcher(type, fnName) {
  const types = (Array.isArray(type) ? type : [type]).map((t) => t.toLowerCase());
  for (const t of types) {
    if (!/^[a-z0-9!#$&^_.+-]+\/(\*|[a-z0-9!#$&^_.+-]+)$/.test(t) && !/^\*\/\*$/.test(t)) {
      throw new BulwarkError('INVALID_OPTIONS', `${fnName}: "${t}" is not a media type`);
    }
  }
  return (req) => {
    const actual = mediaType(req);
    return types.some(
      (t) =>
        t === '*/*' ||
        t === actual ||
        (t.endsWith('/*') && actual.startsWith(t.slice(0, -1))) ||
        (t === 'application/json' && /^application\/[a-z0-9.-]+\+json$/.test(actual)),
    );
  };
}

/** Shared body-parser skeleton: skip foreign types and parsed bodies, read, parse, check. */
function bodyParser(fnName, o, defaultType, parse) {
  const limit = parseSize(o.limit ?? '100kb');
  const matches = typeMatcher(o.type ?? defaultType, fnName);
  return function bulwarkBodyParser(req, res, next) {
    if (req._body || !hasBody(req) || !matches(req)) {
      next();
      return;
    }
    req._body = true;
    readBody(req, { limit })
      .then((buffer) => {
        req.body = parse(req, buffer);
        next();
      })
      .catch((err) => {
        if (err instanceof BulwarkError && err.status === 413) {
          report(o.onViolation, req, { type: 'limit', location: 'body', path: '', detail: err.code });
        }
        next(err);
      });
  };
}

const JSON_OPTIONS = {
  limit: [isSize, "a size such as 102400 or '100kb'"],
  type: [isStringOrList, 'a media type or a list of them'],
  protoAction: ACTION,
  constructorAction: ACTION,
  // parseJson's own ceiling: deeper limits would fail every request instead of this call.
  maxDepth: [(v) => Number.isInteger(v) && v >= 1 && v <= 256, 'an integer from 1 to 256'],
  maxKeys: [isCount, 'an integer from 1'],
  operators: OPERATORS,
  onViolation: ON_VIOLATION,
};

/**
 * A JSON body parser (instead of express.json()): limit, charset, encoding, prototype
 * poisoning, depth, key count and NoSQL operator keys checked before the app sees req.body.
 */
function json(options) {
  const o = readOptions(options, JSON_OPTIONS, 'json');
  o.maxDepth ??= 32;
  o.maxKeys ??= 1000;
  o.operators ??= 'reject';
  const parseOptions = {
    protoAction: o.protoAction ?? 'error',
    constructorAction: o.constructorAction ?? 'error',
    maxDepth: o.maxDepth,
  };
  return bodyParser('json', o, 'application/json', (req, buffer) => {
    let value;
    try {
      value = bulwark.parseJson(buffer, parseOptions);
    } catch (err) {
      if (err instanceof SyntaxError) throw httpError(400, 'INVALID_JSON', 'request body is not valid JSON');
      if (err instanceof BulwarkError) {
        const poisoning = /PROTO|POISON/.test(err.code);
        report(o.onViolation, req, {
          type: poisoning ? 'prototype' : 'json',
          location: 'body',
          path: '',
          detail: err.code,
        });
        const status = err.code === 'INPUT_TOO_LARGE' ? 413 : 400;
        throw httpError(status, poisoning ? 'PROTOTYPE_POLLUTION' : err.code, `request body rejected: ${err.message}`);
      }
      throw err;
    }
    return enforceShape(req, value, o, 'body');
  });
}

const URLENCODED_OPTIONS = {
  limit: JSON_OPTIONS.limit,
  type: JSON_OPTIONS.type,
  maxDepth: [(v) => Number.isInteger(v) && v >= 0 && v <= 32, 'an integer from 0 to 32'],
  parameterLimit: [isCount, 'an integer from 1'],
  allowArrays: [isStringList, 'an array of field names'],
  operators: OPERATORS,
  onViolation: ON_VIOLATION,
};

function reportParse(req, onViolation, location, parseReport) {
  for (const d of parseReport.dropped)
    report(onViolation, req, { type: d.type, location, path: d.key, detail: `${d.type} parameter dropped` });
  for (const key of parseReport.collapsed)
    report(onViolation, req, {
      type: 'parameterPollution',
      location,
      path: key,
      detail: 'repeated parameter collapsed to its last value',
    });
}

/** A form body parser with depth and parameter-count limits (413 when exceeded). */
function urlencoded(options) {
  const o = readOptions(options, URLENCODED_OPTIONS, 'urlencoded');
  o.operators ??= 'reject';
  return bodyParser('urlencoded', o, 'application/x-www-form-urlencoded', (req, buffer) => {
    const parsed = parseUrlEncoded(buffer.toString('utf8'), {
      ...o,
      operators: o.operators === 'reject' ? 'allow' : o.operators,
    });
    if (parsed.report.truncated) {
      report(o.onViolation, req, { type: 'limit', location: 'body', path: '', detail: 'too many parameters' });
      throw httpError(413, 'TOO_MANY_PARAMETERS', 'too many parameters');
    }
    reportParse(req, o.onViolation, 'body', parsed.report);
    return enforceShape(req, parsed.value, { operators: o.operators }, 'body');
  });
}

const QUERY_OPTIONS = {
  maxDepth: URLENCODED_OPTIONS.maxDepth,
  parameterLimit: URLENCODED_OPTIONS.parameterLimit,
  allowArrays: URLENCODED_OPTIONS.allowArrays,
  operators: [isOneOf('strip', 'allow'), "'strip' or 'allow' (use guard() to reject)"],
};

/**
 * A query parser for `app.set('query parser', queryParser(options))`: the supported way to
 * make req.query clean on Express 5 (its getter re-parses on every access) and on 4.
 * Repeated keys collapse to their last value unless listed in `allowArrays` (as hpp);
 * prototype keys are dropped; operator keys stripped. What was collapsed or dropped is
 * reported by guard()'s onViolation.
 */
function queryParser(options) {
  const o = readOptions(options, QUERY_OPTIONS, 'queryParser');
  return function parseQuery(text) {
    const { value, report: parseReport } = parseUrlEncoded(typeof text === 'string' ? text : '', o);
    Object.defineProperty(value, REPORT, { value: parseReport, enumerable: false });
    return value;
  };
}

const GUARD_OPTIONS = {
  body: [isBool, 'a boolean'],
  query: [isBool, 'a boolean'],
  params: [isBool, 'a boolean'],
  operators: [isOneOf('reject', 'allow'), "'reject' or 'allow'"],
  mode: [isOneOf('reject', 'clean'), "'reject' or 'clean'"],
  maxDepth: [isCount, 'an integer from 1'],
  maxKeys: [isCount, 'an integer from 1'],
  onViolation: ON_VIOLATION,
};

/** True when req.query is Express 5's computed getter (assigning to it would throw). */
function queryIsGetter(req) {
  for (let o = req; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'query');
    if (d) return typeof d.get === 'function';
  }
  return false;
}

/**
 * One middleware for apps that cannot change their parsers: checks req.body, req.params and
 * req.query and rejects what violates the policy; with mode 'clean' it replaces req.body,
 * and req.query on Express 4 only (never assigning Express 5's getter, which it rejects).
 */
function guard(options) {
  const o = readOptions(options, GUARD_OPTIONS, 'guard');
  const policy = { operators: o.operators ?? 'reject', maxDepth: o.maxDepth ?? 32, maxKeys: o.maxKeys ?? 1000 };
  const mode = o.mode ?? 'reject';
  const locations = ['body', 'query', 'params'].filter((l) => o[l] !== false);
  return function bulwarkGuard(req, res, next) {
    for (const location of locations) {
      const value = req[location];
      if (location === 'query' && value && value[REPORT]) reportParse(req, o.onViolation, 'query', value[REPORT]);
      const { violations, value: cleaned } = inspect(value, policy);
      if (violations.length === 0) continue;
      const cleanable =
        mode === 'clean' &&
        violations.every((v) => v.type === 'prototype' || v.type === 'operator') &&
        (location === 'body' || (location === 'query' && !queryIsGetter(req)));
      if (!cleanable) {
        next(rejectViolations(req, o.onViolation, location, violations));
        return;
      }
      for (const v of violations)
        report(o.onViolation, req, { type: v.type, location, path: v.path, detail: `${v.type} key removed` });
      req[location] = cleaned;
    }
    next();
  };
}

/**
 * Declarative field rules, compiled once: `{ body: { email: { isEmail: {}, normalizeEmail: {} } } }`.
 * Fields are required unless their rules include `optional: true`. On failure: 400 with
 * `errors: [{ location, field, rule }]` (values are never echoed). On success `req.valid`
 * holds the cleaned values of the declared fields; the request itself is untouched.
 */
function validate(schema, options) {
  const o = readOptions(options, { onViolation: ON_VIOLATION }, 'validate');
  const compiled = compileRules(schema, bulwark);
  return function bulwarkValidate(req, res, next) {
    const { valid, errors } = compiled.run(req);
    if (errors.length > 0) {
      for (const e of errors)
        report(o.onViolation, req, { type: 'validation', location: e.location, path: e.field, detail: e.rule });
      next(httpError(400, 'VALIDATION_FAILED', 'request validation failed', { errors }));
      return;
    }
    req.valid = valid;
    next();
  };
}

const ERROR_HANDLER_OPTIONS = {
  expose: [isBool, 'a boolean'],
  log: [isFunction, 'a function (err, req) => void'],
};

/**
 * The generic error handler: JSON `{ error: { code, message, errors? } }` with the error's
 * status. 5xx answers never carry the error's message or stack; 4xx messages of errors that
 * are not Bulwark's are shown only when `expose` (default: NODE_ENV is not 'production'),
 * otherwise the status's standard phrase ('Not Found', 'Too Many Requests', ...).
 */
function errorHandler(options) {
  const o = readOptions(options, ERROR_HANDLER_OPTIONS, 'errorHandler');
  const expose = o.expose ?? process.env.NODE_ENV !== 'production';
  // Express recognises error handlers by their four parameters.
  return function bulwarkErrorHandler(err, req, res, next) {
    if (res.headersSent) {
      next(err);
      return;
    }
    const raw = err && (err.status ?? err.statusCode);
    const status = Number.isInteger(raw) && raw >= 400 && raw <= 599 ? raw : 500;
    if (o.log) {
      try {
        o.log(err, req);
      } catch {
        /* logging must not break the response */
      }
    }
    const ours = err instanceof BulwarkError;
    const code =
      status >= 500
        ? 'INTERNAL'
        : typeof err.code === 'string' && /^[A-Z_]+$/.test(err.code)
          ? err.code
          : 'BAD_REQUEST';
    const generic = http.STATUS_CODES[status] || 'Error';
    const message = status >= 500 ? generic : ours || expose ? String(err.message) : generic;
    const body = { error: { code, message } };
    if (status < 500 && ours && Array.isArray(err.errors)) body.error.errors = err.errors;
    res.status(status).json(body);
  };
}

module.exports = { json, urlencoded, queryParser, guard, validate, errorHandler };
