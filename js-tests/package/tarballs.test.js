'use strict';
// The publishable packages, installed as a user gets them: `scripts/pack.mjs` writes the main
// tarball and this platform's tarball; both are installed into an empty folder with npm
// --offline (no Rust, no network) and used there on both backends. Also: the main tarball
// carries the docs and an optional dependency per platform, and packing an unbuilt tree fails
// with a message that says what to run.
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const pkgDir = path.join(root, 'npm', 'bulwark');
const { TARGETS, detectPlatform } = require(path.join(pkgDir, 'lib', 'platform.js'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function tarList(file) {
  return execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
}

function readFromTar(file, member) {
  return execFileSync('tar', ['-xzOf', file, `package/${member}`], { encoding: 'utf8' });
}

test('npm run pack: main + platform tarballs install offline and work on both backends', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-tarballs-'));
  try {
    const out = path.join(work, 'dist');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'pack.mjs'), '--out', out, '--allow-test-build'], {
      cwd: root,
      stdio: 'pipe',
    });
    const packed = JSON.parse(fs.readFileSync(path.join(out, 'packages.json'), 'utf8'));
    const platform = detectPlatform().platform;
    const target = TARGETS.find((t) => t.platform === platform);
    assert.ok(target, `this platform (${platform}) has a package`);
    const platformTarball = packed.platforms.find((f) => f.startsWith(`${target.packageName}-`));
    assert.ok(platformTarball, `a ${target.packageName} tarball was packed`);

    // The main tarball: docs, no addon, an optional dependency on every platform package.
    const mainFile = path.join(out, packed.main);
    const files = tarList(mainFile);
    for (const doc of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md', 'SECURITY.md']) {
      assert.ok(files.includes(doc), `main tarball has ${doc}`);
    }
    // The WASM build once: web/ has it, and the Node glue (wasm/) reads it from there.
    assert.ok(files.includes('wasm/bulwark_wasm.js'), 'main tarball has the Node glue of the WASM build');
    assert.ok(files.includes('web/bulwark_wasm_bg.wasm'), 'main tarball has the WASM build');
    assert.ok(!files.includes('wasm/bulwark_wasm_bg.wasm'), 'main tarball carries the WASM build once');
    assert.match(readFromTar(mainFile, 'wasm/bulwark_wasm.js'), /\/\.\.\/web\/bulwark_wasm_bg\.wasm`/);
    assert.deepEqual(
      files.filter((f) => f.endsWith('.node')),
      [],
      'addons ship in platform packages',
    );
    const manifest = JSON.parse(readFromTar(mainFile, 'package.json'));
    assert.deepEqual(
      Object.keys(manifest.optionalDependencies).sort(),
      TARGETS.filter((t) => t.optional)
        .map((t) => t.packageName)
        .sort(),
    );
    for (const v of Object.values(manifest.optionalDependencies)) assert.equal(v, manifest.version);
    for (const field of ['description', 'repository', 'homepage', 'bugs', 'keywords', 'engines', 'types', 'exports']) {
      assert.ok(manifest[field], `main manifest has ${field}`);
    }
    assert.equal(manifest.sideEffects, false);
    assert.equal(manifest.scripts, undefined, 'no install scripts');

    // The platform tarball: the addon and a manifest npm filters on.
    const platformManifest = JSON.parse(readFromTar(path.join(out, platformTarball), 'package.json'));
    assert.deepEqual(platformManifest.os, [target.os]);
    assert.deepEqual(platformManifest.cpu, [target.cpu]);
    if (target.libc) assert.deepEqual(platformManifest.libc, [target.libc]);
    assert.equal(platformManifest.version, manifest.version);
    assert.ok(tarList(path.join(out, platformTarball)).includes(target.file));

    // Install both into an empty app, offline.
    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{"name":"app","private":true}');
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(out, platformTarball), mainFile], {
      cwd: app,
      stdio: 'pipe',
    });
    for (const backend of ['native', 'wasm']) {
      const res = spawnSync(process.execPath, [path.join(__dirname, 'smoke.js')], {
        cwd: app,
        encoding: 'utf8',
        env: { ...process.env, BULWARK_BACKEND: backend, BULWARK_NO_WARN: '1', NODE_PATH: '' },
      });
      assert.equal(res.status, 0, res.stderr);
      const got = JSON.parse(res.stdout.replace(/^SMOKE /, ''));
      assert.equal(got.backend, backend);
      if (backend === 'native')
        assert.match(got.reason, new RegExp(target.packageName), 'addon from the platform package');
      assert.equal(got.escaped, '&lt;a href=&quot;x&quot;&gt;');
      assert.equal(got.clean, '<p>hi</p>');
      assert.equal(got.email, true);
      assert.equal(got.verified, true);
      assert.equal(got.toInt, 255);
      assert.equal(got.express, 'function');
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('packing a tree without its WASM build fails and says what to run', () => {
  // A copy of the scripts and the package without wasm/: the real tree is never touched.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-unbuilt-'));
  try {
    fs.cpSync(path.join(root, 'scripts'), path.join(work, 'scripts'), { recursive: true });
    fs.cpSync(pkgDir, path.join(work, 'npm', 'bulwark'), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}wasm`) && !src.endsWith('.node'),
    });
    const res = spawnSync(process.execPath, [path.join(work, 'scripts', 'pack.mjs')], {
      cwd: work,
      encoding: 'utf8',
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /not built/);
    assert.match(res.stderr, /npm run pack -- --build/);
    assert.equal(fs.existsSync(path.join(work, 'dist')), false, 'nothing written');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('packing refuses a test-built addon beside a release WASM build, and names it', () => {
  // A copy of the scripts and the package: a WASM glue without test exports (as a release
  // build) and an addon carrying a test export's name, as napi-rs stores it (a C string).
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-testbuilt-'));
  try {
    fs.cpSync(path.join(root, 'scripts'), path.join(work, 'scripts'), { recursive: true });
    const copy = path.join(work, 'npm', 'bulwark');
    fs.cpSync(pkgDir, copy, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}wasm`) && !src.endsWith('.node'),
    });
    fs.mkdirSync(path.join(copy, 'wasm'));
    fs.writeFileSync(path.join(copy, 'wasm', 'bulwark_wasm.js'), 'export function escapeHtml(s) {}\n');
    fs.writeFileSync(path.join(copy, 'wasm', 'bulwark_wasm_bg.wasm'), '');
    const addon = TARGETS.find((t) => t.triple === 'aarch64-unknown-linux-gnu').file;
    fs.writeFileSync(
      path.join(copy, addon),
      Buffer.from('\x7fELF...escapeHtml\0testPanicArm\0testPanic\0...', 'latin1'),
    );
    const res = spawnSync(process.execPath, [path.join(work, 'scripts', 'pack.mjs')], { cwd: work, encoding: 'utf8' });
    assert.equal(res.status, 1);
    assert.match(res.stderr, new RegExp(`test build: ${addon.replaceAll('.', '\\.')} \\(it exports testPanic\\)`));
    assert.doesNotMatch(res.stderr, /wasm\//);
    assert.equal(fs.existsSync(path.join(work, 'dist')), false, 'nothing written');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
