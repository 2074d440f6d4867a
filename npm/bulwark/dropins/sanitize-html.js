'use strict';
// bulwark/sanitize-html: a drop-in for sanitize-html (`require('sanitize-html')`):
// `sanitizeHtml(dirty, options)` over Bulwark's HTML5-parser sanitizer with sanitize-html's
// option names (and its `defaults` and `simpleTransform` where lib/html.js provides them).
// Options that would run code per element or allow script are refused (INVALID_OPTIONS)
// rather than ignored. Deviations: docs/html.md and docs/migrating.md.

const html = require('../lib/html');

function sanitizeHtml(dirty, options) {
  return html.sanitizeHtml(dirty, options);
}
for (const name of ['defaults', 'simpleTransform']) {
  if (Object.hasOwn(html.sanitizeHtml, name)) sanitizeHtml[name] = html.sanitizeHtml[name];
}
sanitizeHtml.default = sanitizeHtml;

module.exports = sanitizeHtml;
