#!/usr/bin/env node
// `npm run pack`: writes the publishable tarballs into dist/npm/, the napi-rs way:
//
//   bulwark-<version>.tgz                 JS API, types, the WASM build, README, licenses,
//                                         CHANGELOG, SECURITY; optionalDependencies on
//                                         every per-platform package at the same version
//   bulwark-<platform>-<version>.tgz      one per native addon built here (os/cpu/libc set)
//
//   npm run pack                      pack what is built (must be a release build)
//   npm run pack -- --build           build the release profile first (fat LTO: minutes)
//   npm run pack -- --out DIR --allow-test-build
//                                     for the install test: a test build, in DIR
//
// It never builds implicitly and refuses a tree whose backends are missing (a package that
// cannot load) or, unless --allow-test-build, a test build (it carries test-only exports).
// Each tarball is checked with `npm publish --dry-run` and its size printed against a budget.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = path.join(root, 'npm', 'bulwark');
const require = createRequire(import.meta.url);
const { TARGETS } = require('../npm/bulwark/lib/platform.js');

/** Packed-size budgets (bytes, gzipped tarball): what a user downloads per install. */
const BUDGET = { main: 1.5 * 1024 * 1024, platform: 2.5 * 1024 * 1024 };
/** Fields every published manifest shares with the main package. */
const SHARED_FIELDS = ['license', 'repository', 'homepage', 'bugs', 'engines', 'author'];
const DOCS = ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md', 'SECURITY.md'];

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const outIndex = args.indexOf('--out');
const outDir = path.resolve(outIndex === -1 ? path.join(root, 'dist', 'npm') : args[outIndex + 1]);
const allowTestBuild = flag('--allow-test-build');

function fail(message) {
  console.error(`npm run pack: ${message}`);
  process.exit(1);
}

function run(cmd, argv, opts = {}) {
  const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: root, ...opts });
  if (result.status !== 0) {
    fail(`${cmd} ${argv.join(' ')} failed:\n${result.stdout || ''}${result.stderr || ''}`);
  }
  return result.stdout;
}

if (flag('--build')) {
  console.log('building the release profile (fat LTO; several minutes on a first run)');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, BULWARK_PROFILE: 'release' },
  });
  if (built.status !== 0) fail('the release build failed');
}

// What is built: the WASM build is required (every platform without an addon uses it);
// native addons are whatever bulwark.<platform>.node files exist.
const wasmFiles = ['wasm/bulwark_wasm.js', 'wasm/bulwark_wasm_bg.wasm'];
const missingWasm = wasmFiles.filter((f) => !existsSync(path.join(pkgDir, f)));
if (missingWasm.length > 0) {
  fail(
    `npm/bulwark is not built (missing ${missingWasm.join(', ')}): a package without its WASM build ` +
      `cannot load. Run \`npm run pack -- --build\` (or \`BULWARK_PROFILE=release npm run build\`).`,
  );
}
const addons = TARGETS.filter((t) => existsSync(path.join(pkgDir, t.file)));
if (addons.length === 0) {
  fail('no native addon is built (npm/bulwark/bulwark.<platform>.node): run `npm run pack -- --build`.');
}

// A test build (cargo feature `testing`) exports the panic triggers of js-tests/panic.test.js
// and the core's reference implementations of the JS mirrors: never publish one.
const TEST_ONLY_EXPORTS = [
  'testPanic',
  'mergeCore',
  'mergePatchCore',
  'sanitizeKeysCore',
  'findUnsafeKeysCore',
  'jsonParseCore',
];
// Each backend is checked on its own: a release WASM build beside a test-built addon (the
// default profile of `npm run build -- --target`) must not ship the addon's test exports.
const wasmGlue = readFileSync(path.join(pkgDir, 'wasm/bulwark_wasm.js'), 'utf8');
const testBuilt = [];
const wasmTestExports = TEST_ONLY_EXPORTS.filter((name) => wasmGlue.includes(`function ${name}(`));
if (wasmTestExports.length > 0) testBuilt.push(`wasm/ (it exports ${wasmTestExports.join(', ')})`);
for (const target of addons) {
  // napi-rs keeps each export's name as a C string in the binary.
  const binary = readFileSync(path.join(pkgDir, target.file));
  const names = TEST_ONLY_EXPORTS.filter((name) => binary.includes(`${name}\0`));
  if (names.length > 0) testBuilt.push(`${target.file} (it exports ${names.join(', ')})`);
}
const testBuild = testBuilt.length > 0;
if (testBuild && !allowTestBuild) {
  fail(
    `npm/bulwark holds a test build: ${testBuilt.join('; ')}. Run \`npm run pack -- --build\` for a release build ` +
      '(and `BULWARK_PROFILE=release npm run build -- --target <triple>` for each cross-built addon).',
  );
}

const main = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const version = main.version;
rmSync(outDir, { recursive: true, force: true });
const stageRoot = path.join(outDir, '.stage');
mkdirSync(stageRoot, { recursive: true });

/** Copies `files` (relative to `from`) into `to`, creating folders. */
function copyInto(from, to, files) {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    copyFileSync(path.join(from, file), path.join(to, file));
  }
}

/** `npm pack` of a staged folder into outDir, then `npm publish --dry-run` of it. */
function packStaged(dir, budget, label) {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: dir }));
  const dry = spawnSync('npm', ['publish', '--dry-run', '--tag', 'next'], { cwd: dir, encoding: 'utf8' });
  if (dry.status !== 0) fail(`npm publish --dry-run of ${packed.name} failed:\n${dry.stderr}`);
  const warnings = dry.stderr.split('\n').filter((l) => /npm warn/i.test(l) && !/dry-run|--tag/.test(l));
  if (warnings.length > 0) fail(`npm publish --dry-run of ${packed.name} warns:\n${warnings.join('\n')}`);
  const size = statSync(path.join(outDir, packed.filename)).size;
  const over = size > budget;
  const note = testBuild ? ' (test build: budget not enforced)' : '';
  console.log(
    `${packed.filename.padEnd(40)} ${(size / 1024).toFixed(0).padStart(6)} KiB packed, ` +
      `${(packed.unpackedSize / 1024).toFixed(0).padStart(6)} KiB unpacked; ${label} budget ` +
      `${(budget / 1024).toFixed(0)} KiB${over ? ' EXCEEDED' : ''}${note}`,
  );
  if (over && !testBuild) fail(`${packed.filename} is over its size budget`);
  return packed;
}

// Per-platform packages: the addon, a manifest napi-rs style, README and licenses.
const platformPackages = [];
for (const target of addons) {
  const dir = path.join(stageRoot, target.packageName);
  mkdirSync(dir, { recursive: true });
  copyInto(pkgDir, dir, [target.file]);
  copyInto(root, dir, ['LICENSE-MIT', 'LICENSE-APACHE']);
  writeFileSync(
    path.join(dir, 'README.md'),
    `# ${target.packageName}\n\nThe native addon of [bulwark](https://www.npmjs.com/package/bulwark) for ` +
      `\`${target.triple}\`. Install \`bulwark\`, not this package: npm picks it by platform.\n`,
  );
  const manifest = {
    name: target.packageName,
    version,
    description: `bulwark's native addon for ${target.triple}`,
    main: target.file,
    files: [target.file],
    os: [target.os],
    cpu: [target.cpu],
    ...(target.libc ? { libc: [target.libc] } : {}),
  };
  for (const field of SHARED_FIELDS) if (Object.hasOwn(main, field)) manifest[field] = main[field];
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  platformPackages.push(packStaged(dir, BUDGET.platform, 'platform'));
}

// The main package: the package's own files without addons, plus the docs, and an optional
// dependency on every platform package (npm installs the one whose os/cpu/libc match).
const mainDir = path.join(stageRoot, 'bulwark');
mkdirSync(mainDir, { recursive: true });
const listed = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], { cwd: pkgDir }))[0].files.map((f) => f.path);
copyInto(
  pkgDir,
  mainDir,
  listed.filter((f) => !f.endsWith('.node') && f !== 'package.json'),
);
copyInto(root, mainDir, DOCS);
// wasm-bindgen writes the same .wasm for Node (wasm/) and for browsers (web/): the main
// package carries it once, in web/, and the Node glue reads it from there (two copies made
// the tarball 2.3 MiB; gzip cannot see a repeat 3 MiB back).
const NODE_WASM = 'wasm/bulwark_wasm_bg.wasm';
const WEB_WASM = 'web/bulwark_wasm_bg.wasm';
const shareWasm =
  existsSync(path.join(mainDir, WEB_WASM)) &&
  readFileSync(path.join(mainDir, NODE_WASM)).equals(readFileSync(path.join(mainDir, WEB_WASM)));
if (shareWasm) {
  const gluePath = path.join(mainDir, 'wasm', 'bulwark_wasm.js');
  const glue = readFileSync(gluePath, 'utf8');
  const line = 'const wasmPath = `${__dirname}/bulwark_wasm_bg.wasm`;';
  if (glue.split(line).length !== 2) {
    fail(`wasm/bulwark_wasm.js no longer has the line \`${line}\` once: update scripts/pack.mjs for this wasm-bindgen`);
  }
  writeFileSync(gluePath, glue.replace(line, 'const wasmPath = `${__dirname}/../web/bulwark_wasm_bg.wasm`;'));
  rmSync(path.join(mainDir, NODE_WASM));
}
const mainManifest = {
  ...main,
  files: [...main.files.filter((f) => f !== '*.node' && !(shareWasm && f === NODE_WASM)), ...DOCS],
  optionalDependencies: Object.fromEntries(TARGETS.filter((t) => t.optional).map((t) => [t.packageName, version])),
};
writeFileSync(path.join(mainDir, 'package.json'), `${JSON.stringify(mainManifest, null, 2)}\n`);
const mainPacked = packStaged(mainDir, BUDGET.main, 'main');

rmSync(stageRoot, { recursive: true, force: true });
writeFileSync(
  path.join(outDir, 'packages.json'),
  `${JSON.stringify(
    { main: mainPacked.filename, platforms: platformPackages.map((p) => p.filename), testBuild },
    null,
    2,
  )}\n`,
);
console.log(`tarballs in ${path.relative(root, outDir) || outDir}/ (main + ${platformPackages.length} platform)`);
