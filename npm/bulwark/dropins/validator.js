'use strict';
// bulwark/validator: a drop-in for validator.js (`require('validator')` /
// `import validator from 'validator'`): an object holding each validator.js validator and
// sanitizer Bulwark implements, under validator.js's names, plus `escape`/`unescape` with
// validator.js's entity set (it differs from escapeHtml's). Deviations: docs/validators.md
// and docs/migrating.md.

const { stringArg } = require('../lib/args');
const validators = require('../lib/validators');
const sanitizers = require('../lib/sanitizers');

/** validator.js's escape: & " ' < > / \ ` as entities (`escapeHtml` leaves / \ ` alone). */
function escape(str) {
  return stringArg(str, 'escape: input')
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('/', '&#x2F;')
    .replaceAll('\\', '&#x5C;')
    .replaceAll('`', '&#96;');
}

/** validator.js's unescape: the inverse of its escape, `&amp;` last (validator.js #1827). */
function unescape(str) {
  return stringArg(str, 'unescape: input')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#x2F;', '/')
    .replaceAll('&#x5C;', '\\')
    .replaceAll('&#96;', '`')
    .replaceAll('&amp;', '&');
}

const validator = Object.create(null);
// The validator.js version whose behaviour (tests, tables) this module follows.
validator.version = '13.15.35';
for (const source of [validators, sanitizers]) {
  const names = Object.keys(source);
  for (let i = 0; i < names.length; i += 1) {
    // createValidator is Bulwark's own batch API, not validator.js's.
    if (names[i] !== 'createValidator') validator[names[i]] = source[names[i]];
  }
}
validator.escape = escape;
validator.unescape = unescape;
validator.default = validator;

module.exports = Object.freeze(validator);
