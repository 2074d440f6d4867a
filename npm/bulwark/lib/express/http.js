'use strict';
// The one error path of the middleware: a BulwarkError carrying an HTTP status, handed to
// next(err). Violation events live in events.js.

const { BulwarkError } = require('../errors');

/** An own data property: a setter on a polluted Object.prototype never sees the write. */
function define(target, key, value) {
  Object.defineProperty(target, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
}

/** A BulwarkError with an HTTP `status` (and optional `errors` details). */
function httpError(status, code, message, extra) {
  const err = new BulwarkError(code, message);
  define(err, 'status', status);
  define(err, 'statusCode', status);
  define(err, 'expose', true);
  if (extra) for (const key of Object.keys(extra)) define(err, key, extra[key]);
  return err;
}

module.exports = { httpError };
