'use strict';
// Backend selection, run once (each case starts its own Node process): forcing, fallback,
// and the errors that say what is missing.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const { nativeFile } = require(path.join(pkgDir, 'lib', 'platform.js'));

/** Runs `code` in a fresh Node with `env`, requiring the package from `dir`. */
function probe(
  dir,
  env,
  code = 'const b = require(dir); console.log(JSON.stringify({ backend: b.backend, escaped: b.escapeHtml("<&>") }))',
) {
  const script = `const dir = ${JSON.stringify(dir)};
    try { ${code} } catch (e) { console.log(JSON.stringify({ error: e.name, code: e.code, message: e.message })) }`;
  const { BULWARK_BACKEND, ...rest } = process.env;
  void BULWARK_BACKEND;
  const result = spawnSync(process.execPath, ['-e', script], { env: { ...rest, ...env }, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/** A copy of the package without the files matching `drop`. */
function copyWithout(drop) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-pkg-'));
  fs.cpSync(pkgDir, dir, { recursive: true, filter: (src) => !drop(path.relative(pkgDir, src)) });
  return dir;
}

test('the native backend is preferred and both can be forced', () => {
  assert.deepEqual(probe(pkgDir, {}), { backend: 'native', escaped: '&lt;&amp;&gt;' });
  assert.deepEqual(probe(pkgDir, { BULWARK_BACKEND: 'native' }), { backend: 'native', escaped: '&lt;&amp;&gt;' });
  assert.deepEqual(probe(pkgDir, { BULWARK_BACKEND: 'wasm' }), { backend: 'wasm', escaped: '&lt;&amp;&gt;' });
});

test('an unknown BULWARK_BACKEND is an error, not a guess', () => {
  const out = probe(pkgDir, { BULWARK_BACKEND: 'fast' });
  assert.equal(out.error, 'BulwarkError');
  assert.equal(out.code, 'BACKEND_UNAVAILABLE');
  assert.match(out.message, /"native" or "wasm"/);
});

test('without the native addon: falls back to WASM, but a forced native says what is missing', () => {
  const dir = copyWithout((rel) => rel.endsWith('.node'));
  try {
    assert.deepEqual(probe(dir, {}), { backend: 'wasm', escaped: '&lt;&amp;&gt;' });
    const out = probe(dir, { BULWARK_BACKEND: 'native' });
    assert.equal(out.code, 'BACKEND_UNAVAILABLE');
    assert.ok(out.message.includes(nativeFile), out.message);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without the WASM build: native still loads, a forced wasm says what is missing', () => {
  const dir = copyWithout((rel) => rel === 'wasm' || rel.startsWith(`wasm${path.sep}`));
  try {
    assert.equal(probe(dir, {}).backend, 'native');
    const out = probe(dir, { BULWARK_BACKEND: 'wasm' });
    assert.equal(out.code, 'BACKEND_UNAVAILABLE');
    assert.match(out.message, /bulwark_wasm\.js/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with neither backend, the error names both', () => {
  const dir = copyWithout((rel) => rel.endsWith('.node') || rel === 'wasm' || rel.startsWith(`wasm${path.sep}`));
  try {
    const out = probe(dir, {});
    assert.equal(out.code, 'BACKEND_UNAVAILABLE');
    assert.match(out.message, /native \(bulwark[^)]*\.node\).*wasm:/s);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('ESM import gives the same named exports as require', async () => {
  const esm = await import('bulwark');
  const cjs = require('bulwark');
  assert.deepEqual(
    Object.keys(esm)
      .filter((k) => k !== 'default')
      .sort(),
    Object.keys(cjs).sort(),
  );
  for (const key of Object.keys(cjs)) assert.equal(esm[key], cjs[key], key);
  assert.equal(esm.default, cjs);
});

test('BulwarkError is an Error with a code', () => {
  const { BulwarkError } = require('bulwark');
  const err = new BulwarkError('INVALID_HASH', 'nope');
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'BulwarkError');
  assert.equal(err.code, 'INVALID_HASH');
});
