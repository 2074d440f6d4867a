#!/usr/bin/env node
// Builds both backends into npm/bulwark: the native addon (bulwark.<platform>.node) and the
// WASM package (wasm/ for Node; web/ and web/lib.mjs for bulwark/web, from the same .wasm:
// scripts/build-web.mjs). Incremental: cargo decides what to rebuild, and files are copied
// or regenerated only when their source changed.
//
//   node scripts/build.mjs            both backends
//   node scripts/build.mjs native     only the native addon
//   node scripts/build.mjs wasm       only the WASM package
//   node scripts/build.mjs all --with-core-tests
//                                     the addon built together with bulwark-core's tests, as
//                                     `npm test` does (setup.mjs NATIVE_TEST_SELECTION)
//   node scripts/build.mjs toolchain only installs what the WASM build needs and this
//                                     machine lacks (Debian's wasm toolchain as root, the
//                                     pinned wasm-bindgen-cli): `npm test` times it apart
//   node scripts/build.mjs --target <triple>
//                                     the native addon cross-built for another platform
//                                     (scripts/cross.mjs, docs/platforms.md): into
//                                     npm/bulwark/bulwark.<its platform>.node, where the
//                                     loader and `npm run pack` look for it
//
// The cargo profile is BULWARK_PROFILE (default `ci`: release code without LTO, for tests
// and the demo); benches and packed tarballs build with BULWARK_PROFILE=release.
//
// The WASM build uses rustup's wasm32 target when it is installed; otherwise it follows
// ../shared/toolchain.md: Debian's rustc-web compiles std for wasm32 from source, and the
// packages are installed here (as root on Debian) when missing. wasm-bindgen-cli is
// installed at exactly the version Cargo.lock pins.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeWebLib } from './build-web.mjs';
import { crossBuild } from './cross.mjs';
import { NATIVE_TEST_SELECTION } from './setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = path.join(root, 'npm', 'bulwark');
// The loader's own naming, so the built file is the one it looks for.
const { nativeFile, targetForTriple } = createRequire(import.meta.url)('../npm/bulwark/lib/platform.js');

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (result.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${result.error ? result.error.message : `exit ${result.status}`})`,
    );
  }
}

function output(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, ...opts });
  return result.status === 0 ? result.stdout.trim() : null;
}

const profile = process.env.BULWARK_PROFILE || 'ci';
if (!/^[a-z][a-z0-9-]*$/.test(profile)) throw new Error(`BULWARK_PROFILE: not a cargo profile name: ${profile}`);

// Test builds carry the test-only exports (cargo feature `testing`: js-tests/panic.test.js's
// panic triggers, the core's reference implementations the JS mirrors are tested against);
// release builds never do.
const features = profile === 'release' ? [] : ['--features', 'testing'];

/** True when `dest` was not made from this very `src` (another profile's build counts too). */
function stale(src, dest) {
  return !existsSync(dest) || statSync(src).mtimeMs !== statSync(dest).mtimeMs;
}

/** Copies and gives `dest` the source's mtime, so `stale()` sees which build it came from. */
function copyStamped(src, dest) {
  // Copy beside, then rename over: a process that has the old addon loaded keeps its mapped
  // file (overwriting it in place crashed running test processes with SIGSEGV).
  const temp = `${dest}.${process.pid}.tmp`;
  copyFileSync(src, temp);
  const { atime, mtime } = statSync(src);
  utimesSync(temp, atime, mtime);
  renameSync(temp, dest);
}

function buildNative(withCoreTests) {
  if (withCoreTests) {
    if (profile === 'release') throw new Error('--with-core-tests builds a test profile, not release');
    // The same selection as npm test's `cargo test`, so that it reuses every artefact.
    run('cargo', ['build', '--profile', profile, ...NATIVE_TEST_SELECTION, '--lib', '--tests']);
  } else {
    run('cargo', ['build', '--profile', profile, '-p', 'bulwark-node', ...features]);
  }
  const lib = { linux: 'libbulwark_node.so', darwin: 'libbulwark_node.dylib', win32: 'bulwark_node.dll' }[
    process.platform
  ];
  if (!lib) throw new Error(`no native build for platform ${process.platform}`);
  const src = path.join(root, 'target', profile, lib);
  const dest = path.join(pkgDir, nativeFile);
  if (stale(src, dest)) {
    copyStamped(src, dest);
    console.log(`native addon -> npm/bulwark/${nativeFile}`);
  }
}

/** The addon for another platform, where the loader (lib/platform.js) names it. */
function buildCross(triple) {
  const target = targetForTriple(triple);
  if (!target) throw new Error(`--target ${triple}: not a platform bulwark publishes (lib/platform.js TARGETS)`);
  const build = crossBuild(triple, profile, features);
  const started = performance.now();
  run(build.cmd, build.args, { env: build.env });
  console.log(`${triple}: cargo took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const dest = path.join(pkgDir, target.file);
  if (stale(build.artifact, dest)) {
    copyStamped(build.artifact, dest);
    console.log(`native addon (${triple}) -> npm/bulwark/${target.file}`);
  }
}

function lockedVersion(crate) {
  const lock = readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const m = lock.match(new RegExp(`name = "${crate}"\\nversion = "([^"]+)"`));
  if (!m) throw new Error(`${crate} is not in Cargo.lock`);
  return m[1];
}

function hasRustupWasmTarget() {
  const installed = output('rustup', ['target', 'list', '--installed']);
  return installed !== null && installed.split('\n').includes('wasm32-unknown-unknown');
}

const DEBIAN_WASM_PACKAGES = ['rustc-web', 'rust-web-src', 'lld-22'];
const WASM_LD = '/usr/lib/llvm-22/bin/wasm-ld';

function ensureDebianWasmToolchain() {
  const missing = DEBIAN_WASM_PACKAGES.filter(
    (p) => output('dpkg-query', ['-W', '-f=${Status}', p]) !== 'install ok installed',
  );
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || output('which', ['apt-get']) === null) {
    throw new Error(
      `the WASM build needs either rustup's wasm32-unknown-unknown target ` +
        `(rustup target add wasm32-unknown-unknown) or Debian's ${DEBIAN_WASM_PACKAGES.join(' ')}; missing: ${missing.join(' ')}`,
    );
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...DEBIAN_WASM_PACKAGES], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function ensureWasmBindgen(version) {
  const have = output('wasm-bindgen', ['--version']);
  if (have === `wasm-bindgen ${version}`) return 'wasm-bindgen';
  console.log(`wasm-bindgen-cli ${version} is needed (found: ${have || 'none'}); installing it (a few minutes, once)`);
  // No --locked: one of the CLI's pinned dependencies is not in the registry.
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', version]);
  return 'wasm-bindgen';
}

/** What buildWasm needs and this machine lacks, installed (nothing when all is there). */
function ensureWasmToolchain() {
  if (!hasRustupWasmTarget()) ensureDebianWasmToolchain();
  ensureWasmBindgen(lockedVersion('wasm-bindgen'));
}

function buildWasm() {
  const outDir = path.join(pkgDir, 'wasm');
  const webDir = path.join(pkgDir, 'web');
  const targetDir = path.join(root, 'target', 'wasm');
  // simd128 (Node 16.4+, Chrome 91, Firefox 89, Safari 16.4, Deno, Bun, Workers): every
  // runtime bulwark supports, so no non-SIMD build. With build-std, std is compiled with it too.
  const rustflags = [process.env.RUSTFLAGS, '-C target-feature=+simd128'].filter(Boolean).join(' ');
  const env = {
    ...process.env,
    CARGO_TARGET_DIR: targetDir,
    RUSTFLAGS: rustflags,
    // The profile strips symbols for the native addon; for WASM that would also drop the
    // target_features section wasm-bindgen reads to know which features (simd128) are on.
    [`CARGO_PROFILE_${profile.toUpperCase().replace(/-/g, '_')}_STRIP`]: 'false',
  };
  const args = ['build', '--profile', profile, '--target', 'wasm32-unknown-unknown', '-p', 'bulwark-wasm', ...features];
  if (hasRustupWasmTarget()) {
    run('cargo', args, { env });
  } else {
    ensureDebianWasmToolchain();
    // Debian's rustc builds std for wasm32 from its own source (build-std). It keeps its
    // own target dir so the two compilers never share artefacts.
    run('cargo', [...args.slice(0, 1), '-Zbuild-std=std,panic_abort', ...args.slice(1)], {
      env: {
        ...env,
        RUSTC: '/usr/bin/rustc',
        RUSTC_BOOTSTRAP: '1',
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER: WASM_LD,
      },
    });
  }
  const wasm = path.join(targetDir, 'wasm32-unknown-unknown', profile, 'bulwark_wasm.wasm');
  // The .wasm wasm-bindgen was last run on, with its mtime: regenerate when either differs.
  // (`glue-1`: the glue is patched, see hardenGlue; bump it when that changes.)
  const source = `${wasm} ${statSync(wasm).mtimeMs} glue-1`;
  // The same .wasm twice: for Node (wasm/) and as an ES module for browsers and edge
  // runtimes (web/, behind npm/bulwark/web.mjs).
  for (const [target, dir] of [
    ['nodejs', outDir],
    ['web', webDir],
  ]) {
    const stamp = path.join(dir, '.built-from');
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== source) {
      const bindgen = ensureWasmBindgen(lockedVersion('wasm-bindgen'));
      mkdirSync(dir, { recursive: true });
      run(bindgen, ['--target', target, '--out-dir', dir, wasm]);
      hardenGlue(path.join(dir, 'bulwark_wasm.js'));
      writeFileSync(stamp, source);
      console.log(`wasm package (${target}) -> npm/bulwark/${path.basename(dir)}/`);
    }
  }
  // wasm-bindgen's web output is ES module syntax in .js files.
  writeFileSync(path.join(webDir, 'package.json'), '{ "type": "module" }\n');
  if (writeWebLib()) console.log('JS layer for the web -> npm/bulwark/web/lib.mjs');
  reportWebSize();
}

/**
 * wasm-bindgen's glue decides whether its cached DataView over WASM memory is stale with
 * `buffer.detached`, which Node 20's ArrayBuffer lacks, so the read reaches Object.prototype:
 * a polluted `detached` made every call after memory growth use a stale view. Whether the
 * view still covers `wasm.memory.buffer` is the exact test on every runtime, so the glue uses
 * only that. The build fails if the pattern is gone (a wasm-bindgen upgrade): look again.
 */
function hardenGlue(file) {
  const glue = readFileSync(file, 'utf8');
  const stale =
    /(\w+)\.buffer\.detached === true \|\| \(\1\.buffer\.detached === undefined && \1\.buffer !== wasm\.memory\.buffer\)/g;
  let count = 0;
  const patched = glue.replace(stale, (_, view) => {
    count += 1;
    return `${view}.buffer !== wasm.memory.buffer`;
  });
  if (count === 0 || patched.includes('.detached')) {
    throw new Error(`${file}: wasm-bindgen's memory-view check changed; review hardenGlue() in scripts/build.mjs`);
  }
  writeFileSync(file, patched);
}

/** Gzipped size of what a page loads from bulwark/web. */
function reportWebSize() {
  const files = ['web.mjs', 'web/lib.mjs', 'web/bulwark_wasm.js', 'web/bulwark_wasm_bg.wasm'];
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(pkgDir, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`bulwark/web: ${kib(raw)}, ${kib(gz)} gzipped (${profile} profile; ${files.join(', ')})`);
}

const argv = process.argv.slice(2);
const targetAt = argv.indexOf('--target');
const triple = targetAt === -1 ? null : argv[targetAt + 1];
if (targetAt !== -1) argv.splice(targetAt, 2);
const coreTestsAt = argv.indexOf('--with-core-tests');
if (coreTestsAt !== -1) argv.splice(coreTestsAt, 1);
const which = argv[0] || (triple ? 'native' : 'all');
if (
  argv.length > 1 ||
  !['all', 'native', 'wasm', 'toolchain'].includes(which) ||
  ((triple || coreTestsAt !== -1) && which === 'toolchain') ||
  (triple !== null && !triple) ||
  (triple && which === 'wasm') ||
  (coreTestsAt !== -1 && (which === 'wasm' || triple))
) {
  console.error(
    'usage: node scripts/build.mjs [all|native|wasm] [--with-core-tests] | node scripts/build.mjs toolchain | ' +
      'node scripts/build.mjs [native] --target <triple>',
  );
  process.exit(2);
}
try {
  if (triple) {
    // The WASM build is the same on every platform: --target builds the addon only.
    buildCross(triple);
  } else if (which === 'toolchain') {
    ensureWasmToolchain();
  } else {
    if (which !== 'wasm') buildNative(coreTestsAt !== -1);
    if (which !== 'native') buildWasm();
  }
} catch (err) {
  console.error(`build failed: ${err.message}`);
  process.exit(1);
}
