'use strict';
// bulwark/express-validator: a drop-in for express-validator 7 (change the import, keep the
// code). See docs/express-validator.md.

module.exports = require('./lib/express-validator');
