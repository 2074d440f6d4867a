'use strict';
// One list per fact, beyond the error codes (error-codes.test.js): the core's IP categories,
// validator names and normalizeEmail option names, exported by both bindings, against the
// JS layer's copies, the exported functions and the TypeScript unions and interfaces. A name
// added in one place and not the others fails here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const bulwark = require('bulwark');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const backend = require(path.join(pkgDir, 'lib', 'backend.js'));
const { IP_CATEGORIES } = require(path.join(pkgDir, 'lib', 'ssrf.js'));
const validators = require(path.join(pkgDir, 'lib', 'validators', 'index.js'));

const read = (...parts) => fs.readFileSync(path.join(pkgDir, ...parts), 'utf8');
const sorted = (list) => [...list].sort();

/** The string members of `export type <typeName> = | 'a' | 'b' ...;` in a .d.ts file. */
function unionMembers(file, typeName) {
  const text = read('types', file);
  const start = text.indexOf(`export type ${typeName} =`);
  assert.notEqual(start, -1, `${typeName} in types/${file}`);
  const body = text.slice(start, text.indexOf(';', start));
  return [...body.matchAll(/\|\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]);
}

/** The property names of `export interface <name> { ... }` (no nested braces) in a .d.ts file. */
function interfaceKeys(file, name) {
  const text = read('types', file);
  const start = text.indexOf(`export interface ${name} {`);
  assert.notEqual(start, -1, `${name} in types/${file}`);
  const body = text.slice(start, text.indexOf('\n}', start)).replace(/\/\*\*[\s\S]*?\*\//g, '');
  return body
    .split('\n')
    .map((line) => /^(\w+)\??:/.exec(line.trim().replace(/^readonly /, '')))
    .filter(Boolean)
    .map((m) => m[1]);
}

/** A no-duplicates list, as a sorted copy. */
function unique(list, what) {
  assert.equal(new Set(list).size, list.length, `${what}: no duplicates`);
  return sorted(list);
}

test(`IP categories: the core's (${backend.name}), lib/ssrf.js IP_CATEGORIES and the IpCategory union agree`, () => {
  const core = backend.binding.ipCategories();
  assert.ok(Array.isArray(core) && core.length >= 10);
  assert.deepEqual([...IP_CATEGORIES], core, 'IP_CATEGORIES lists the core categories in its order');
  assert.deepEqual(bulwark.IP_CATEGORIES, IP_CATEGORIES);
  assert.deepEqual(unique(unionMembers('ssrf.d.ts', 'IpCategory'), 'IpCategory'), sorted(core));
  // Every category classifyIp can return is in the list (a sample of each kind).
  for (const ip of ['8.8.8.8', '10.0.0.1', '127.0.0.1', '169.254.0.1', '0.0.0.0', '224.0.0.1', '100.64.0.1']) {
    assert.ok(core.includes(bulwark.classifyIp(ip)), ip);
  }
});

test(`validator names: the core's (${backend.name}), the ValidatorName union and the exported validators agree`, () => {
  const core = unique(backend.binding.validatorNames(), 'core VALIDATOR_NAMES');
  assert.ok(core.length >= 30);
  assert.deepEqual(unique(unionMembers('validators.d.ts', 'ValidatorName'), 'ValidatorName'), core);
  // The functions (the locale tables, isAlphaLocales and the like, are data).
  const exported = Object.keys(validators).filter(
    (name) => typeof validators[name] === 'function' && name !== 'createValidator',
  );
  assert.deepEqual(sorted(exported), core, 'lib/validators exports exactly the core validators');
  for (const name of core) {
    assert.equal(typeof bulwark[name], 'function', `bulwark.${name} is exported`);
  }
});

test(`normalizeEmail options: the core's names (${backend.name}), lib/sanitizers.js's bit order and the .d.ts agree`, () => {
  const core = backend.binding.normalizeEmailOptionNames();
  assert.ok(Array.isArray(core) && core.length >= 10);
  // lib/sanitizers.js sends the options as bits in this order: it must be the core's.
  const source = read('lib', 'sanitizers.js');
  const list = /const EMAIL_OPTION_NAMES = \[([^\]]*)\]/.exec(source);
  assert.ok(list, 'EMAIL_OPTION_NAMES in lib/sanitizers.js');
  assert.deepEqual(
    [...list[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]),
    core,
  );
  assert.deepEqual(
    unique(interfaceKeys('sanitizers.d.ts', 'NormalizeEmailOptions'), 'NormalizeEmailOptions'),
    sorted(core),
  );
});
