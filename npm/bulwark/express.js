'use strict';
// bulwark/express: Express 4 and 5 middleware over Bulwark's guards.
//
//   const guard = require('bulwark/express');
//   app.set('query parser', guard.queryParser({ allowArrays: ['tag'] }));
//   app.use(guard.json(), guard.urlencoded(), guard.guard());
//   app.post('/signup', guard.validate({ body: { email: { isEmail: {}, normalizeEmail: {} } } }), handler);
//   app.use(guard.errorHandler());
//
// Every rejection is a BulwarkError with an HTTP `status`, passed to next(err); every
// middleware takes `onViolation(event)` for security logging.
module.exports = require('./lib/express');
