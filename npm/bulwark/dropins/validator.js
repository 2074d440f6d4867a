'use strict';
// bulwark/validator: a drop-in for validator.js (`require('validator')` /
// `import validator from 'validator'`): an object holding each validator.js validator and
// sanitizer Bulwark implements, under validator.js's names; its `escape`/`unescape` are
// escapeHtml/unescapeHtml, which give validator.js's output on every input
// (js-tests/escape.test.js). Deviations: docs/validators.md and docs/migrating.md.

const { escapeHtml, unescapeHtml } = require('../lib/escape');

const OBJECT_TO_STRING = Object.prototype.toString;
const validators = require('../lib/validators');
const sanitizers = require('../lib/sanitizers');
const dates = require('../lib/dates');

const validator = Object.create(null);
// The validator.js version whose behaviour (tests, tables) this module follows.
validator.version = '13.15.35';
for (const source of [validators, sanitizers, dates]) {
  const names = Object.keys(source);
  for (let i = 0; i < names.length; i += 1) {
    // createValidator is Bulwark's own batch API, not validator.js's.
    if (names[i] !== 'createValidator') validator[names[i]] = source[names[i]];
  }
}
validator.escape = escapeHtml;
validator.unescape = unescapeHtml;
// validator.js's `toString` export is Object.prototype.toString: its index.js lists
// `toString: toString` without importing util/toString, so the name resolves to the global
// object's inherited toString. `validator.toString(x)` is '[object Object]' whatever x is
// and String(validator) works; kept as that function, captured when this module loads.
validator.toString = OBJECT_TO_STRING;
validator.default = validator;

module.exports = Object.freeze(validator);
