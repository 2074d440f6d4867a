'use strict';
// Every export a user can call is documented: its name appears in backticks in README.md or
// a page under docs/, so a new function cannot ship without a line that says what it does.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const pages = [
  path.join(root, 'README.md'),
  ...fs
    .readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(root, 'docs', f)),
];
const text = pages.map((p) => fs.readFileSync(p, 'utf8')).join('\n');

/** Names written as code: `name`, `bulwark.name`, `name(...)` or `name.x` inside backticks. */
function documented(name) {
  const escaped = name.replace(/[$]/g, '\\$');
  return new RegExp('`(bulwark\\.)?' + escaped + '(`|[(. ])').test(text);
}

const entries = {
  bulwark: require('bulwark'),
  'bulwark/express': require('bulwark/express'),
  'bulwark/express-validator': require('bulwark/express-validator'),
};

for (const [entry, mod] of Object.entries(entries)) {
  test(`every export of ${entry} is documented`, () => {
    const missing = Object.keys(mod).filter((name) => !documented(name));
    assert.deepEqual(missing, [], `not in README.md or docs/*.md: ${missing.join(', ')}`);
  });
}

test('every subpath of the package is documented, and every drop-in in docs/migrating.md', () => {
  const { exports } = require('bulwark/package.json');
  const migrating = fs.readFileSync(path.join(root, 'docs', 'migrating.md'), 'utf8');
  const subpaths = Object.keys(exports)
    .filter((key) => key !== '.' && !key.endsWith('.json') && !key.endsWith('.wasm'))
    .map((key) => `bulwark/${key.slice(2)}`);
  assert.ok(subpaths.length >= 10, subpaths.join(', '));
  const undocumented = subpaths.filter((name) => !text.includes(`\`${name}\``));
  assert.deepEqual(undocumented, [], `not in README.md or docs/*.md: ${undocumented.join(', ')}`);
  const dropins = Object.values(exports)
    .filter((target) => typeof target === 'object' && String(target.default).startsWith('./dropins/'))
    .map((target) => `bulwark/${path.basename(target.default, '.js')}`);
  assert.ok(dropins.length >= 8, dropins.join(', '));
  const missing = dropins.filter((name) => !migrating.includes(`\`${name}\``));
  assert.deepEqual(missing, [], `drop-ins without a section in docs/migrating.md: ${missing.join(', ')}`);
});

test('every docs/ page the README links to exists', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\((docs\/[^)#]+)/g)].map((m) => m[1]);
  assert.ok(links.length > 5);
  const missing = links.filter((l) => !fs.existsSync(path.join(root, l)));
  assert.deepEqual(missing, [], `README links to missing pages: ${missing.join(', ')}`);
});
