'use strict';
// bulwark/express: Express 4 and 5 middleware over Bulwark's guards (docs/express.md).
//
//   const guard = require('bulwark/express');
//   app.set('query parser', guard.queryParser({ allowArrays: ['tag'] }));
//   app.use(guard.json(), guard.urlencoded(), guard.guard()); // after express.json() too
//   app.post('/signup', guard.validate({ body: { 'user.email': { isEmail: true, normalizeEmail: true } } }), handler);
//   app.use(guard.errorHandler());
//
// Every rejection is a BulwarkError with an HTTP `status`, passed to next(err); every
// middleware takes `onViolation(event)` for security logging (one event per request,
// location and type).
module.exports = require('./lib/express');
