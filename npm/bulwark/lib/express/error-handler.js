'use strict';
// errorHandler(): the JSON error answer an app can keep. Every BulwarkError code has a
// status (statuses.js); `status`/`statusCode` of other errors is honoured with its standard
// code name; 4xx messages are shown as http-errors' `expose` says, 5xx never; 5xx answers
// are logged with a request id that the reply carries. It never throws: every read of the
// error object is guarded (hostile getters, Proxies, revoked Proxies, non-Error values).

const http = require('node:http');
const crypto = require('node:crypto');
const util = require('node:util');
const { BulwarkError } = require('../errors');
const { readOptions, jsonText } = require('../args');
const { STATUS_BY_CODE } = require('./statuses');
const { readProp } = require('./props');

const MAX_MESSAGE_LENGTH = 500;
/** An incoming X-Request-Id is reused only when it is a short token (it lands in logs). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const CODE_SHAPE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * `obj[key]` of the object or its class (never a polluted Object.prototype's), or undefined
 * when reading it throws (a getter, a Proxy trap, a revoked Proxy).
 */
function read(obj, key) {
  try {
    return readProp(obj, key);
  } catch {
    return undefined;
  }
}

function isBulwarkError(err) {
  try {
    return err instanceof BulwarkError;
  } catch {
    return false; // a revoked Proxy or a throwing getPrototypeOf trap
  }
}

/** 'Not Found' -> 'NOT_FOUND', 'I'm a Teapot' -> 'IM_A_TEAPOT'. */
/** Node's reason phrase for a status (an own entry of its table), or undefined. */
function reasonPhrase(status) {
  return Object.hasOwn(http.STATUS_CODES, status) ? http.STATUS_CODES[status] : undefined;
}

function standardCode(status) {
  if (status === 500) return 'INTERNAL';
  const phrase = reasonPhrase(status);
  if (phrase === undefined) return status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
  return phrase
    .toUpperCase()
    .replace(/'/g, '')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function httpStatus(value) {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599 ? value : undefined;
}

function messageOf(err) {
  const message = read(err, 'message');
  if (typeof message !== 'string' || message.length === 0) return undefined;
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}

/** Null-prototype objects: JSON.stringify (ours, Express's res.json) finds no `toJSON` on them. */
const bare = (key, value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? { __proto__: null, ...value } : value;

/**
 * A copy of validate()'s error list (plain data only), or undefined. jsonText, not
 * JSON.stringify: it reads own data only, never a `toJSON` a polluted prototype supplies.
 */
function detailsOf(err) {
  const errors = read(err, 'errors');
  if (!Array.isArray(errors)) return undefined;
  try {
    return JSON.parse(jsonText(errors), bare);
  } catch {
    return undefined;
  }
}

/** { status, code, message, errors? } for any thrown value; never throws. */
function describe(err, exposeByDefault) {
  const ours = isBulwarkError(err);
  const ownCode = ours ? read(err, 'code') : undefined;
  const code = typeof ownCode === 'string' && CODE_SHAPE.test(ownCode) ? ownCode : undefined;
  const entry = code === undefined ? undefined : STATUS_BY_CODE.get(code);
  const status =
    httpStatus(read(err, 'status')) ?? httpStatus(read(err, 'statusCode')) ?? (entry ? entry[0] : undefined) ?? 500;
  const generic = reasonPhrase(status) || (status < 500 ? 'Bad Request' : 'Internal Server Error');
  const answer = { status, code: code ?? standardCode(status), message: generic };
  if (status >= 500) return answer; // never a 5xx's message, stack or details
  const expose = read(err, 'expose');
  if (expose === false) return answer;
  if (ours) {
    // The middleware's own errors carry a safe message (expose: true); errors thrown by
    // library functions answer their code's fixed text, so input is never echoed.
    // A code's fixed text is its entry's second slot when it has one (a bounded read: a
    // missing slot would come from a polluted Array.prototype).
    const shown = expose === true ? messageOf(err) : entry !== undefined && entry.length > 1 ? entry[1] : undefined;
    if (shown !== undefined) answer.message = shown;
    if (expose === true) {
      const errors = detailsOf(err);
      if (errors !== undefined)
        Object.defineProperty(answer, 'errors', { __proto__: null, value: errors, enumerable: true });
    }
  } else if (expose === true || exposeByDefault) {
    answer.message = messageOf(err) ?? generic;
  }
  return answer;
}

function requestIdOf(req) {
  const headers = read(req, 'headers');
  const incoming = read(headers, 'x-request-id');
  if (typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)) return incoming;
  return crypto.randomUUID();
}

/** What console.error prints: never throws, even for an object whose inspection does. */
function printable(err) {
  try {
    return util.inspect(err, { depth: 3, breakLength: Infinity });
  } catch {
    return '[uninspectable error]';
  }
}

function defaultLog(err, req, info) {
  const method = read(req, 'method');
  const url = read(req, 'originalUrl') ?? read(req, 'url');
  const path = typeof url === 'string' ? url.split('?', 1)[0] : '';
  console.error(
    `bulwark errorHandler: ${info.status} ${info.code} on ${typeof method === 'string' ? method : '?'} ${path} (request id ${info.requestId}):`,
    printable(err),
  );
}

const OPTIONS = {
  expose: [(v) => typeof v === 'boolean', 'a boolean'],
  log: [(v) => typeof v === 'function', 'a function (err, req, { requestId, status, code }) => void'],
};

function send(res, status, body, requestId) {
  try {
    if (typeof readProp(res, 'getHeader') !== 'function' || res.getHeader('x-request-id') === undefined)
      res.setHeader('X-Request-Id', requestId);
  } catch {
    /* a header is a nicety; the answer is not */
  }
  const text = JSON.stringify(body);
  if (typeof readProp(res, 'status') === 'function' && typeof readProp(res, 'json') === 'function') {
    res.status(status).json(body);
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(text);
}

/**
 * The generic error handler: JSON `{ error: { code, message, errors?, requestId? } }` with
 * the status the error carries, or its code's status. Options: `expose` (show messages of
 * 4xx errors that do not say, default NODE_ENV !== 'production'), `log(err, req, info)`
 * (called for every error; default: console.error for 5xx only).
 */
function errorHandler(options) {
  const o = readOptions(options, OPTIONS, 'errorHandler');
  // An own variable only: an unset NODE_ENV would otherwise be read from Object.prototype.
  const env = Object.hasOwn(process.env, 'NODE_ENV') ? process.env.NODE_ENV : undefined;
  const exposeByDefault = o.expose ?? env !== 'production';
  // Express recognises error handlers by their four parameters.
  return function bulwarkErrorHandler(err, req, res, next) {
    let headersSent = true;
    try {
      headersSent = readProp(res, 'headersSent') !== false;
    } catch {
      /* treated as sent: hand over */
    }
    if (headersSent) {
      next(err);
      return;
    }
    let answer;
    try {
      answer = describe(err, exposeByDefault);
    } catch {
      answer = { status: 500, code: 'INTERNAL', message: 'Internal Server Error' };
    }
    const requestId = requestIdOf(req);
    const info = { requestId, status: answer.status, code: answer.code };
    try {
      if (o.log) o.log(err, req, info);
      else if (answer.status >= 500) defaultLog(err, req, info);
    } catch {
      // Logging must not break the response.
    }
    // Built as literals: a setter on a polluted Object.prototype never sees these fields.
    // Null prototypes: serializing them finds no `toJSON` on a polluted Object.prototype.
    const error = Object.hasOwn(answer, 'errors')
      ? { __proto__: null, code: answer.code, message: answer.message, errors: answer.errors }
      : answer.status >= 500
        ? { __proto__: null, code: answer.code, message: answer.message, requestId }
        : { __proto__: null, code: answer.code, message: answer.message };
    const body = { __proto__: null, error };
    try {
      send(res, answer.status, body, requestId);
    } catch {
      next(err); // the response broke mid-way: Express closes it
    }
  };
}

module.exports = { errorHandler, describeError: describe };
