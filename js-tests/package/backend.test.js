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
const platformModule = require(path.join(pkgDir, 'lib', 'platform.js'));
const { nativeFile, TARGETS, targetFor, libcFrom } = platformModule;
const { version } = require(path.join(pkgDir, 'package.json'));
/** This machine's entry in the platform table (undefined where no addon is published). */
const thisTarget = targetFor(platformModule.platform);
const noTarget = !thisTarget && `no platform package is published for ${platformModule.platform}`;
/** `text` as a RegExp source that matches it literally. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs `code` in a fresh Node with `env`, requiring the package from `dir`; returns what it
 * printed (JSON) and its stderr.
 */
function spawnProbe(
  dir,
  env,
  code = `const b = require(dir);
    console.log(JSON.stringify({ backend: b.backend, reason: b.backendReason, escaped: b.escapeHtml("<&>") }))`,
) {
  const script = `const dir = ${JSON.stringify(dir)};
    try { ${code} } catch (e) { console.log(JSON.stringify({ error: e.name, code: e.code, message: e.message })) }`;
  const { BULWARK_BACKEND, BULWARK_NO_WARN, NODE_NO_WARNINGS, ...rest } = process.env;
  (void BULWARK_BACKEND, BULWARK_NO_WARN, NODE_NO_WARNINGS);
  const result = spawnSync(process.execPath, ['-e', script], { env: { ...rest, ...env }, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return { out: JSON.parse(result.stdout), stderr: result.stderr };
}

/** spawnProbe's output without the reason: `{ backend, escaped }` or the error. */
function probe(dir, env, code) {
  const { out } = spawnProbe(dir, env, code);
  delete out.reason;
  return out;
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

/** How often the WASM fallback warning appears in `stderr`. */
const warnings = (stderr) => stderr.split('BULWARK_WASM_FALLBACK').length - 1;

test('backendReason says where the native addon came from, or that the backend was forced', () => {
  assert.deepEqual(spawnProbe(pkgDir, {}).out.reason, `native addon ${nativeFile} in the package`);
  assert.equal(spawnProbe(pkgDir, { BULWARK_BACKEND: 'wasm' }).out.reason, 'BULWARK_BACKEND=wasm');
  assert.equal(
    spawnProbe(pkgDir, { BULWARK_BACKEND: 'native' }).out.reason,
    `BULWARK_BACKEND=native: native addon ${nativeFile} in the package`,
  );
  const esm = spawnProbe(
    pkgDir,
    {},
    `import(require('node:url').pathToFileURL(require('node:path').join(dir, 'index.mjs')).href)
      .then((m) => console.log(JSON.stringify({ reason: m.backendReason, same: m.backendReason === m.default.backendReason })))`,
  );
  assert.deepEqual(esm.out, { reason: `native addon ${nativeFile} in the package`, same: true });
});

test('falling back to WASM says why, once on stderr; BULWARK_NO_WARN=1 and forcing wasm are silent', () => {
  const dir = copyWithout((rel) => rel.endsWith('.node'));
  try {
    const fallback = spawnProbe(
      dir,
      {},
      'require(dir); const b = require(dir); console.log(JSON.stringify({ backend: b.backend, reason: b.backendReason }))',
    );
    assert.equal(fallback.out.backend, 'wasm');
    assert.ok(fallback.out.reason.includes(`no ${nativeFile} in the package`), fallback.out.reason);
    if (thisTarget) {
      assert.ok(fallback.out.reason.includes(`${thisTarget.packageName} is not installed`), fallback.out.reason);
    }
    assert.equal(warnings(fallback.stderr), 1, fallback.stderr);
    assert.match(
      fallback.stderr,
      new RegExp(
        `BulwarkWarning: bulwark is using its WASM backend: no native addon for ${literal(platformModule.platform)}`,
      ),
    );
    assert.match(fallback.stderr, /BULWARK_NO_WARN=1/);

    const silenced = spawnProbe(dir, { BULWARK_NO_WARN: '1' });
    assert.equal(silenced.out.backend, 'wasm');
    assert.equal(silenced.out.reason, fallback.out.reason, 'the reason is still there when silenced');
    assert.equal(warnings(silenced.stderr), 0, silenced.stderr);
    assert.equal(warnings(spawnProbe(dir, { BULWARK_BACKEND: 'wasm' }).stderr), 0);
    assert.equal(warnings(spawnProbe(pkgDir, {}).stderr), 0, 'no warning when the native addon loads');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A project folder with `node_modules/bulwark` (this package without its addon) and a fake
 * platform package `node_modules/bulwark-<platform>` at `platformVersion` holding `addon`
 * (bytes). Returns the path of the installed bulwark.
 */
function installWithPlatformPackage(platformVersion, addon, { keepLocal = false, manifest = {} } = {}) {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-project-'));
  const target = thisTarget;
  const installed = path.join(project, 'node_modules', 'bulwark');
  fs.cpSync(pkgDir, installed, {
    recursive: true,
    filter: (src) => keepLocal || !path.relative(pkgDir, src).endsWith('.node'),
  });
  const platformDir = path.join(project, 'node_modules', target.packageName);
  fs.mkdirSync(platformDir, { recursive: true });
  fs.writeFileSync(
    path.join(platformDir, 'package.json'),
    JSON.stringify({ name: target.packageName, version: platformVersion, main: target.file, ...manifest }),
  );
  fs.writeFileSync(path.join(platformDir, target.file), addon);
  return { project, installed, target };
}

const realAddon = () => fs.readFileSync(path.join(pkgDir, nativeFile));

test('the platform package is used when its version matches', { skip: noTarget }, () => {
  const { project, installed, target } = installWithPlatformPackage(version, realAddon());
  try {
    const { out, stderr } = spawnProbe(installed, {});
    assert.deepEqual(out, {
      backend: 'native',
      reason: `native addon from ${target.packageName}@${version}`,
      escaped: '&lt;&amp;&gt;',
    });
    assert.equal(warnings(stderr), 0);
    assert.equal(spawnProbe(installed, { BULWARK_BACKEND: 'native' }).out.backend, 'native');
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('a platform package of another version is refused, with the versions in the reason', { skip: noTarget }, () => {
  const { project, installed, target } = installWithPlatformPackage('0.0.1-other', realAddon());
  try {
    const { out, stderr } = spawnProbe(installed, {});
    assert.equal(out.backend, 'wasm');
    const expected = `${target.packageName} is version 0.0.1-other, bulwark is ${version}`;
    assert.ok(out.reason.includes(expected), out.reason);
    assert.equal(warnings(stderr), 1);
    assert.ok(stderr.includes(expected), stderr);
    const forced = spawnProbe(installed, { BULWARK_BACKEND: 'native' }).out;
    assert.equal(forced.code, 'BACKEND_UNAVAILABLE');
    assert.ok(forced.message.includes(expected), forced.message);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('a platform package that cannot be resolved is not reported as missing', { skip: noTarget }, () => {
  const { project, installed, target } = installWithPlatformPackage(version, realAddon(), {
    manifest: { exports: { '.': `./${thisTarget.file}` } },
  });
  try {
    const { out } = spawnProbe(installed, { BULWARK_NO_WARN: '1' });
    assert.equal(out.backend, 'wasm');
    assert.ok(out.reason.includes(`${target.packageName} could not be resolved:`), out.reason);
    assert.ok(!out.reason.includes('is not installed'), out.reason);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test(
  'the local addon comes first; a broken one falls through to the platform package, then WASM',
  { skip: noTarget },
  () => {
    // Local addon present and good: it wins over a matching (but broken) platform package.
    let setup = installWithPlatformPackage(version, 'not an addon', { keepLocal: true });
    try {
      assert.equal(spawnProbe(setup.installed, {}).out.reason, `native addon ${nativeFile} in the package`);
    } finally {
      fs.rmSync(setup.project, { recursive: true, force: true });
    }
    // Local addon broken: the platform package is used, and the reason says so.
    setup = installWithPlatformPackage(version, realAddon());
    try {
      fs.writeFileSync(path.join(setup.installed, nativeFile), 'not an addon');
      const { out } = spawnProbe(setup.installed, {});
      assert.equal(out.backend, 'native');
      assert.equal(out.reason, `native addon from ${setup.target.packageName}@${version}`);
      // Both broken: WASM, and the reason names both failures.
      fs.writeFileSync(path.join(setup.installed, '..', setup.target.packageName, setup.target.file), 'not an addon');
      const both = spawnProbe(setup.installed, {}).out;
      assert.equal(both.backend, 'wasm');
      assert.match(
        both.reason,
        new RegExp(
          `${literal(nativeFile)} in the package did not load: .+; ${literal(`${setup.target.packageName}@${version}`)} did not load`,
        ),
      );
    } finally {
      fs.rmSync(setup.project, { recursive: true, force: true });
    }
  },
);

test('the platform table names packages as napi-rs does, with os, cpu and libc', () => {
  const names = TARGETS.map((t) => t.packageName);
  for (const name of [
    'bulwark-linux-x64-gnu',
    'bulwark-linux-arm64-gnu',
    'bulwark-linux-x64-musl',
    'bulwark-linux-arm64-musl',
    'bulwark-linux-arm-gnueabihf',
    'bulwark-darwin-x64',
    'bulwark-darwin-arm64',
    'bulwark-win32-x64-msvc',
    'bulwark-win32-arm64-msvc',
  ]) {
    assert.ok(names.includes(name), name);
  }
  assert.equal(new Set(names).size, names.length, 'one package per platform');
  const rustArch = { x64: 'x86_64', arm64: 'aarch64', arm: 'armv7' };
  for (const t of TARGETS) {
    assert.equal(t.packageName, `bulwark-${t.platform}`);
    assert.equal(t.file, `bulwark.${t.platform}.node`);
    assert.ok(t.platform.startsWith(`${t.os}-${t.cpu}`), t.platform);
    assert.ok(t.triple.startsWith(`${rustArch[t.cpu]}-`), t.triple);
    assert.equal(t.libc, t.os === 'linux' ? (t.triple.includes('musl') ? 'musl' : 'glibc') : null, t.triple);
    assert.equal(targetFor(t.platform), t);
    assert.ok(Object.isFrozen(t));
  }
  assert.equal(targetFor('freebsd-x64'), undefined);
  assert.equal(targetFor('__proto__'), undefined);
  assert.equal(targetFor('constructor'), undefined);
});

test('this machine: platform name and libc detection', () => {
  const expectedLibc = process.report.getReport().header.glibcVersionRuntime ? 'gnu' : 'musl';
  if (process.platform === 'linux' && process.arch === 'x64') {
    assert.equal(platformModule.platform, `linux-x64-${expectedLibc}`);
    assert.match(platformModule.libcEvidence, /process\.report/);
  }
  assert.equal(nativeFile, `bulwark.${platformModule.platform}.node`);
});

test('libc detection: process.report first, then /usr/bin/ldd, never a shell', () => {
  const glibcLdd = '#!/bin/bash\n# This file is part of the GNU C Library.\n';
  const muslLdd = '#!/bin/sh\nexec /lib/ld-musl-x86_64.so.1 --list "$@"\n';
  assert.equal(libcFrom({ header: { glibcVersionRuntime: '2.36' } }, muslLdd).libc, 'glibc', 'the report wins');
  assert.equal(libcFrom({ header: {}, sharedObjects: ['/lib/ld-musl-aarch64.so.1'] }, null).libc, 'musl');
  assert.equal(libcFrom({ header: {}, sharedObjects: [] }, muslLdd).libc, 'musl');
  assert.equal(libcFrom({ header: {}, sharedObjects: [] }, null).libc, 'musl', 'no glibc version in the report');
  assert.equal(libcFrom(null, muslLdd).libc, 'musl');
  assert.equal(libcFrom(null, glibcLdd).libc, 'glibc');
  assert.equal(libcFrom(null, null).libc, 'glibc');
  assert.equal(libcFrom({ header: { glibcVersionRuntime: 7 } }, glibcLdd).libc, 'glibc', 'a non-string is ignored');
  // A polluted prototype does not make a report say glibc.
  Object.prototype.glibcVersionRuntime = '9.99';
  try {
    assert.equal(libcFrom({ header: {}, sharedObjects: [] }, null).libc, 'musl');
  } finally {
    delete Object.prototype.glibcVersionRuntime;
  }
  // Detection reads files and the report only: no child process.
  const source = fs.readFileSync(path.join(pkgDir, 'lib', 'platform.js'), 'utf8');
  assert.doesNotMatch(source, /require\(['"](node:)?child_process['"]\)/);
});
