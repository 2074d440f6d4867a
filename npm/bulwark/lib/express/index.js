'use strict';
// Express 4 and 5 middleware. See ../../express.js for usage and types/express.d.ts for
// every option.

const bulwark = require('../../index');
const { BulwarkError } = require('../errors');
const { readOptions, isListOf, copyList } = require('../args');
const { httpError } = require('./http');
const { report, reportTally, Tally } = require('./events');
const { parseSize } = require('./limits');
const { readBody, mediaType, hasBody } = require('./body');
const { inspect } = require('./keys');
const { readProp, defineValue } = require('./props');
const { parseUrlEncoded, REPORT } = require('./query');
const { compileRules } = require('./validate');
const { errorHandler } = require('./error-handler');

const isFunction = (v) => typeof v === 'function';
const isBool = (v) => typeof v === 'boolean';
const isSize = (v) => parseSize(v) !== null;
const isCount = (v) => Number.isInteger(v) && v >= 1 && v <= 1e6;
const isOneOf =
  (...values) =>
  (v) =>
    values.includes(v);
const isStringOrList = (v) => typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
const isStringList = (v) => isListOf(v, (s) => typeof s === 'string');
const OPERATORS = [isOneOf('reject', 'strip', 'allow'), "'reject', 'strip' or 'allow'"];
const ON_VIOLATION = [isFunction, 'a function'];
const ACTION = [isOneOf('error', 'remove', 'ignore'), "'error', 'remove' or 'ignore'"];

const VIOLATION_CODES = new Map([
  ['prototype', ['PROTOTYPE_POLLUTION', 400, 'prototype key']],
  ['operator', ['OPERATOR_KEY', 400, 'operator key']],
  ['depth', ['INPUT_TOO_DEEP', 400, 'nesting too deep']],
  ['keys', ['TOO_MANY_KEYS', 413, 'too many keys']],
]);

/** Reports every finding (one event per type) and answers with the first refused one. */
function rejectViolations(req, onViolation, location, violations) {
  reportViolations(req, onViolation, location, violations, (v) => `${v.type} key rejected`);
  const first = violations.find((v) => !v.removable) ?? violations[0];
  // Index reads, not destructuring: closing an array iterator reads `return` through
  // Object.prototype.
  const entry = VIOLATION_CODES.get(first.type) ?? ['REQUEST_REJECTED', 400, first.type];
  const code = entry[0];
  const status = entry[1];
  const reason = entry[2];
  // The offending key stays in the onViolation event; the response does not echo input.
  return httpError(status, code, `request ${location} rejected: ${reason}`);
}

function reportViolations(req, onViolation, location, violations, detail) {
  for (const v of violations)
    report(onViolation, req, { type: v.type, location, count: v.count, paths: v.paths, detail: detail(v) });
}

/**
 * What a parser of ours guarantees about the req.body it set, so guard() does not walk it
 * again: `req[INSPECTED] = { value, policy, keys, depth }` (the policy it enforced and the
 * size the walk measured). A private symbol: only this module sets it.
 */
const INSPECTED = Symbol('bulwark.express.inspected');
/** The size enforceShape measured for each value it returned. */
const MEASURED = new WeakMap();

function markInspected(req, value, policy) {
  const size = value !== null && typeof value === 'object' ? MEASURED.get(value) : undefined;
  const mark = { value, policy, keys: size ? size.keys : 0, depth: size ? size.depth : 0 };
  if (value !== null && typeof value === 'object' && size === undefined) mark.depth = Infinity; // unmeasured
  Object.defineProperty(req, INSPECTED, { __proto__: null, value: mark, configurable: true, writable: true });
}

/** True when a parser of ours already checked req.body with a policy at least as strict. */
function alreadyInspected(req, value, policy) {
  const mark = req[INSPECTED];
  if (mark === undefined || mark.value !== value) return false;
  const done = mark.policy;
  const strict = (action) => action === 'error' || action === 'remove';
  return (
    strict(done.protoAction) &&
    strict(done.constructorAction) &&
    (policy.operators === 'allow' || done.operators === 'reject' || done.operators === 'strip') &&
    mark.depth <= policy.maxDepth &&
    mark.keys <= policy.maxKeys
  );
}

/** Applies the key policy to a parsed body; returns the value to use or throws. */
function enforceShape(req, value, policy, onViolation, location) {
  const { violations, value: result, keys, depth } = inspect(value, policy);
  if (violations.some((v) => !v.removable)) throw rejectViolations(req, onViolation, location, violations);
  if (violations.length > 0) reportViolations(req, onViolation, location, violations, (v) => `${v.type} key removed`);
  if (result !== null && typeof result === 'object') MEASURED.set(result, { keys, depth });
  return result;
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

/**
 * True when something already read the request stream (body-parser, express.json(),
 * multer, a raw 'data' listener): reading it again would wait for an 'end' that already
 * happened. body-parser 2 checks the same (on-finished's `complete && !readable`).
 */
function streamConsumed(req) {
  return (
    readProp(req, 'readableEnded') === true ||
    readProp(req, 'readableDidRead') === true ||
    (readProp(req, 'complete') === true && readProp(req, 'readable') === false)
  );
}

/**
 * Shared body-parser skeleton. A body another parser already produced (`req._body`, or a
 * consumed stream with req.body set) is checked with the same policy instead of read again;
 * a consumed stream with nothing parsed fails fast (500 BODY_ALREADY_READ: a wiring bug)
 * rather than hang. Otherwise: read, parse, check, and mark req.body as inspected.
 */
function bodyParser(fnName, o, defaultType, policy, parse) {
  const limit = parseSize(o.limit ?? '100kb');
  const matches = typeMatcher(o.type ?? defaultType, fnName);
  function parseBytes(req, buffer, next) {
    if (buffer.length > limit) {
      report(o.onViolation, req, { type: 'limit', location: 'body', detail: 'BODY_TOO_LARGE' });
      next(httpError(413, 'BODY_TOO_LARGE', `request body is larger than ${limit} bytes`));
      return;
    }
    try {
      const body = parse(req, buffer);
      defineValue(req, 'body', body);
      markInspected(req, body, policy);
    } catch (err) {
      next(err);
      return;
    }
    next();
  }
  return function bulwarkBodyParser(req, res, next) {
    if (!hasBody(req) || !matches(req)) {
      next();
      return;
    }
    // Read through readProp: a request without a body field must not find one on a
    // polluted Object.prototype.
    const current = readProp(req, 'body');
    if (req[INSPECTED] !== undefined && req[INSPECTED].value === current) {
      next(); // ours, already parsed and checked
      return;
    }
    if (readProp(req, '_body') === true || streamConsumed(req)) {
      if (Buffer.isBuffer(current) || typeof current === 'string') {
        // express.raw() or express.text() kept the bytes: parse them here.
        parseBytes(req, Buffer.from(current), next);
        return;
      }
      if (current === undefined) {
        next(
          httpError(
            500,
            'BODY_ALREADY_READ',
            `${fnName}: the request stream was already read and no parser set req.body (check the middleware order)`,
          ),
        );
        return;
      }
      try {
        const body = enforceShape(req, current, policy, o.onViolation, 'body');
        defineValue(req, 'body', body);
        markInspected(req, body, policy);
      } catch (err) {
        next(err);
        return;
      }
      next();
      return;
    }
    defineValue(req, '_body', true);
    readBody(req, { __proto__: null, limit }).then(
      (buffer) => parseBytes(req, buffer, next),
      (err) => {
        if (err instanceof BulwarkError && readProp(err, 'status') === 413) {
          report(o.onViolation, req, { type: 'limit', location: 'body', detail: err.code });
        }
        next(err);
      },
    );
  };
}

const PARSE_JSON_EVENT = new Map([
  ['JSON_PROTO_POISONING', 'prototype'],
  ['INPUT_TOO_DEEP', 'depth'],
  ['INPUT_TOO_LARGE', 'limit'],
]);

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
 * After another JSON parser it checks the body that parser produced.
 */
function json(options) {
  const o = readOptions(options, JSON_OPTIONS, 'json');
  const policy = {
    protoAction: o.protoAction ?? 'error',
    constructorAction: o.constructorAction ?? 'error',
    operators: o.operators ?? 'reject',
    maxDepth: o.maxDepth ?? 32,
    maxKeys: o.maxKeys ?? 1000,
  };
  // parseJson keeps poisoning keys as own properties ('ignore') and inspect(), which walks
  // every body anyway, applies secure-json-parse's rules with the configured actions: so a
  // refusal or a removal is reported with its count and paths, exactly as for a body
  // another parser produced (js-tests/express-poisoning.test.js checks both against
  // secure-json-parse).
  const parseOptions = { protoAction: 'ignore', constructorAction: 'ignore', maxDepth: policy.maxDepth };
  return bodyParser('json', o, 'application/json', policy, (req, buffer) => {
    let value;
    try {
      value = bulwark.parseJson(buffer, parseOptions);
    } catch (err) {
      if (err instanceof SyntaxError) throw httpError(400, 'INVALID_JSON', 'request body is not valid JSON');
      if (err instanceof BulwarkError) {
        const poisoning = err.code === 'JSON_PROTO_POISONING';
        // The same event types as a body another parser produced: 'prototype', 'depth', ...
        const type = PARSE_JSON_EVENT.get(err.code) ?? 'json';
        report(o.onViolation, req, { type, location: 'body', detail: err.code });
        const status = err.code === 'INPUT_TOO_LARGE' ? 413 : 400;
        throw httpError(status, poisoning ? 'PROTOTYPE_POLLUTION' : err.code, `request body rejected: ${err.message}`);
      }
      throw err;
    }
    return enforceShape(req, value, policy, o.onViolation, 'body');
  });
}

const URLENCODED_OPTIONS = {
  limit: JSON_OPTIONS.limit,
  type: JSON_OPTIONS.type,
  maxDepth: [(v) => Number.isInteger(v) && v >= 0 && v <= 32, 'an integer from 0 to 32'],
  parameterLimit: [isCount, 'an integer from 1'],
  allowArrays: [isStringList, 'an array of field names', copyList],
  operators: OPERATORS,
  onViolation: ON_VIOLATION,
};

const PARSE_DETAIL = new Map([['parameterPollution', 'repeated parameter collapsed to its last value']]);

/** Reports what a URL-encoded parse dropped or collapsed: one event per type. */
function reportParse(req, onViolation, location, parseReport) {
  if (parseReport.truncated)
    report(onViolation, req, { type: 'limit', location, detail: 'too many parameters; the rest were ignored' });
  reportTally(
    onViolation,
    req,
    location,
    parseReport.tally,
    (g) => PARSE_DETAIL.get(g.type) ?? `${g.type} parameter dropped`,
  );
}

/** A form body parser with depth and parameter-count limits (413 when exceeded). */
function urlencoded(options) {
  const o = readOptions(options, URLENCODED_OPTIONS, 'urlencoded');
  o.operators ??= 'reject';
  const maxDepth = o.maxDepth ?? 5;
  const parameterLimit = o.parameterLimit ?? 1000;
  // A parse drops poisoning and nests at most maxDepth + 1 levels with at most one key per
  // level of each parameter: a body another parser produced is held to the same.
  const policy = {
    protoAction: 'remove',
    constructorAction: 'remove',
    operators: o.operators,
    maxDepth: maxDepth + 1,
    maxKeys: parameterLimit * (maxDepth + 1),
  };
  return bodyParser('urlencoded', o, 'application/x-www-form-urlencoded', policy, (req, buffer) => {
    const parsed = parseUrlEncoded(buffer.toString('utf8'), {
      __proto__: null,
      ...o,
      operators: o.operators === 'reject' ? 'allow' : o.operators,
    });
    if (parsed.report.truncated) {
      report(o.onViolation, req, { type: 'limit', location: 'body', detail: 'too many parameters' });
      throw httpError(413, 'TOO_MANY_PARAMETERS', 'too many parameters');
    }
    reportParse(req, o.onViolation, 'body', parsed.report);
    return enforceShape(req, parsed.value, { operators: o.operators }, o.onViolation, 'body');
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
 * prototype poisoning is dropped; operator keys stripped. What was collapsed or dropped is
 * reported by guard()'s onViolation (one event per type).
 */
function queryParser(options) {
  const o = readOptions(options, QUERY_OPTIONS, 'queryParser');
  return function parseQuery(text) {
    const { value, report: parseReport } = parseUrlEncoded(typeof text === 'string' ? text : '', o);
    Object.defineProperty(value, REPORT, { __proto__: null, value: parseReport, enumerable: false });
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
 * A body our json()/urlencoded() already checked with a policy at least as strict is not
 * walked again.
 */
function guard(options) {
  const o = readOptions(options, GUARD_OPTIONS, 'guard');
  const policy = {
    protoAction: 'error',
    constructorAction: 'error',
    operators: o.operators ?? 'reject',
    maxDepth: o.maxDepth ?? 32,
    maxKeys: o.maxKeys ?? 1000,
  };
  const mode = o.mode ?? 'reject';
  const locations = ['body', 'query', 'params'].filter((l) => o[l] !== false);
  return function bulwarkGuard(req, res, next) {
    for (let i = 0; i < locations.length; i += 1) {
      const location = locations[i];
      const value = readProp(req, location);
      if (location === 'body' && alreadyInspected(req, value, policy)) continue;
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
      reportViolations(req, o.onViolation, location, violations, (v) => `${v.type} key removed`);
      defineValue(req, location, cleaned);
    }
    next();
  };
}

/** One 'validation' event per location: the failing paths and the first failing rule. */
function reportValidation(req, onViolation, errors) {
  const byLocation = new Map();
  for (const e of errors) {
    const tally = byLocation.get(e.location) ?? new Tally();
    byLocation.set(e.location, tally);
    tally.add('validation', e.path, { detail: e.rule });
  }
  // forEach, not `for (const [location, tally] of ...)`: destructuring an entry closes its
  // iterator, which reads `return` through a polluted Object.prototype.
  byLocation.forEach((tally, location) => reportTally(onViolation, req, location, tally, (g) => g.detail));
}

/** Merges this validate()'s values into req.valid (several validate() may run in a chain). */
function mergeValid(req, valid) {
  const current = readProp(req, 'valid');
  if (current === null || typeof current !== 'object') {
    defineValue(req, 'valid', valid);
    return;
  }
  for (const location of Object.keys(valid)) {
    const into = Object.hasOwn(current, location) ? current[location] : undefined;
    if (into === null || typeof into !== 'object') defineValue(current, location, valid[location]);
    else for (const key of Object.keys(valid[location])) defineValue(into, key, valid[location][key]);
  }
}

/**
 * Declarative field rules, compiled once: `{ body: { 'user.email': { isEmail: true } } }`.
 * Paths may nest and use wildcards; fields are required unless `optional`. On failure:
 * 400 VALIDATION_FAILED with `errors: [{ type: 'field', location, path, msg }]`
 * (express-validator's shape, never the value). On success `req.valid` holds the
 * sanitized values of the declared fields, JSON types kept; the request itself is untouched.
 */
function validate(schema, options) {
  const o = readOptions(options, { onViolation: ON_VIOLATION }, 'validate');
  const compiled = compileRules(schema, bulwark);
  const finish = (req, next, result) => {
    const valid = result.valid;
    const errors = result.errors;
    if (errors.length > 0) {
      reportValidation(req, o.onViolation, errors);
      const shown = errors.map((e) => ({ type: 'field', location: e.location, path: e.path, msg: e.msg }));
      next(httpError(400, 'VALIDATION_FAILED', 'request validation failed', { errors: shown }));
      return;
    }
    mergeValid(req, valid);
    next();
  };
  return function bulwarkValidate(req, res, next) {
    let result;
    try {
      result = compiled.run(req);
    } catch (err) {
      next(err);
      return;
    }
    // Our own promise or our own null-prototype result: never a `then` a polluted
    // Object.prototype supplies.
    if (result instanceof Promise) result.then((r) => finish(req, next, r), next);
    else finish(req, next, result);
  };
}

module.exports = { json, urlencoded, queryParser, guard, validate, errorHandler };
