'use strict';
// Installing as users do: `npm pack` the package, `npm install` the tarball into an empty
// folder (offline: it has no dependencies and no install scripts, so no Rust toolchain or
// download is involved), then use it there on both backends.
const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const { nativeFile } = require(path.join(pkgDir, 'lib', 'platform.js'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('the packed tarball installs into an empty folder and works on both backends', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-install-'));
  try {
    const packed = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: pkgDir, encoding: 'utf8' }),
    );
    const files = packed[0].files.map((f) => f.path);
    for (const required of [
      nativeFile,
      'wasm/bulwark_wasm.js',
      'wasm/bulwark_wasm_bg.wasm',
      'index.js',
      'index.mjs',
      'index.d.ts',
      'express.js',
      'lib/express/index.js',
      'types/express.d.ts',
    ]) {
      assert.ok(files.includes(required), `tarball contains ${required}`);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    assert.equal(manifest.scripts, undefined, "no install scripts: nothing is built on the user's machine");
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');

    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{"name":"app","private":true}');
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed[0].filename)], {
      cwd: app,
      stdio: 'pipe',
    });

    const script = `
      const b = require('bulwark');
      (async () => {
        const hash = await b.hashPassword('pw', { memoryCost: 1024, timeCost: 1 });
        console.log(JSON.stringify({
          backend: b.backend,
          escaped: b.escapeHtml('<a href="x">'),
          equal: b.timingSafeEqual('token', 'token'),
          verified: await b.verifyPassword(hash, 'pw'),
          wrong: b.verifyPasswordSync(hash, 'px'),
          express: Object.keys(require('bulwark/express')).sort().join(),
        }));
      })();`;
    const esm = `import { escapeHtml, backend } from 'bulwark'; console.log(JSON.stringify({ backend, escaped: escapeHtml('<') }));`;
    for (const backend of ['native', 'wasm']) {
      const env = { ...process.env, BULWARK_BACKEND: backend };
      const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: app, env, encoding: 'utf8' }));
      assert.deepEqual(out, {
        backend,
        escaped: '&lt;a href=&quot;x&quot;&gt;',
        equal: true,
        verified: true,
        wrong: false,
        express: 'errorHandler,guard,json,queryParser,urlencoded,validate',
      });
      const esmOut = JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', esm], { cwd: app, env, encoding: 'utf8' }),
      );
      assert.deepEqual(esmOut, { backend, escaped: '&lt;' });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
