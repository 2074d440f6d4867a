'use strict';
// bulwark/web lists its exports by name (ES modules need static names), as index.mjs does:
// this holds the list equal to the Node package's, less the functions that need Node's fs
// or dns, plus the WASM loader.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const bulwark = require('bulwark');

const NODE_ONLY = ['createSafeLookup', 'resolveWithinReal', 'safeLookup'];
const WEB_ONLY = ['default', 'init', 'initSync'];

test('bulwark/web exports what bulwark does, less the Node-only functions, plus init', async () => {
  const web = await import(pathToFileURL(path.join(path.dirname(require.resolve('bulwark')), 'web.mjs')).href);
  const expected = [...Object.keys(bulwark).filter((k) => !NODE_ONLY.includes(k)), ...WEB_ONLY].sort();
  assert.deepEqual(Object.keys(web).sort(), expected);
});
