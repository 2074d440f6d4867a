'use strict';
// bulwark: security guards for Node.js with a Rust core. One module per capability in
// lib/, each over whichever backend lib/backend.js loaded (native addon, else WASM).

const backend = require('./lib/backend');
const { BulwarkError } = require('./lib/errors');
const escape = require('./lib/escape');
const html = require('./lib/html');
const compare = require('./lib/compare');
const password = require('./lib/password');

module.exports = {
  backend: backend.name,
  backendReason: backend.reason,
  BulwarkError,
  ...escape,
  ...html,
  ...compare,
  ...password,
  // scanJsonValue serves bulwark/secure-json-parse only.
  parseJson: require('./lib/json').parseJson,
  ...require('./lib/merge'),
  ...require('./lib/paths'),
  ...require('./lib/ssrf'),
  ...require('./lib/validators'),
  ...require('./lib/sanitizers'),
  // JS-only (the platform's Date.parse): toDate, isBefore, isAfter.
  ...require('./lib/dates'),
};
