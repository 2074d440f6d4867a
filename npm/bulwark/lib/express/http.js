'use strict';
// The one error path of the middleware: a BulwarkError carrying an HTTP status, handed to
// next(err); and violation events for `onViolation`.

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

/**
 * Calls `onViolation` with a structured event. The event never carries request values
 * (they may be secrets); `detail` is a short machine-readable string.
 */
function report(onViolation, req, event) {
  if (typeof onViolation !== 'function') return;
  try {
    // The path only: a query string can carry tokens and other secrets.
    const url = String(req.originalUrl || req.url || '').split('?', 1)[0];
    onViolation({ ...event, ip: req.ip, method: req.method, url });
  } catch {
    // A logging callback must never turn a rejected request into a crash.
  }
}

module.exports = { httpError, report };
