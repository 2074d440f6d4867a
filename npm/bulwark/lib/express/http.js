'use strict';
// The one error path of the middleware: a BulwarkError carrying an HTTP status, handed to
// next(err). Violation events live in events.js.

const { BulwarkError } = require('../errors');

/** A BulwarkError with an HTTP `status` (and optional `errors` details). */
function httpError(status, code, message, extra) {
  const err = new BulwarkError(code, message);
  err.status = status;
  err.statusCode = status;
  err.expose = true;
  if (extra) Object.assign(err, extra);
  return err;
}

module.exports = { httpError };
