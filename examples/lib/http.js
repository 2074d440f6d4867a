'use strict';
// The app's own expected refusals (401, 403, 404, ...) use the same JSON shape as
// bulwark/express's errorHandler: { error: { code, message } }. Unexpected errors go to
// next(err) (Express 5 also forwards a rejected async handler there) and reach the
// errorHandler, which never shows a 5xx's message or stack.

function sendError(res, status, code, message) {
  res.status(status).json({ error: { code, message } });
}

module.exports = { sendError };
