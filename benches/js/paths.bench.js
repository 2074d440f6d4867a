'use strict';
// resolveWithin against the `path.resolve(base, p)` + `startsWith(base + path.sep)` idiom
// and path-is-inside, on safe inputs (all must return the same path). The "core crossing"
// rows call the backends' resolveWithin directly: they show where the JS mirror of the
// core (lib/paths.js) and the crossing cross over, for paths that need resolving.
const path = require('node:path');
const pathIsInside = require('path-is-inside');
const { loadBackends, benchCase, printTable, target, printTargets } = require('./harness');

const { native, wasm } = loadBackends();
const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const { nativeFile } = require(path.join(pkgDir, 'lib', 'platform.js'));
// eslint-disable-next-line security/detect-non-literal-require -- the peer module chosen by the bench table
const nativeBinding = require(path.join(pkgDir, nativeFile));
const wasmBinding = require(path.join(pkgDir, 'wasm', 'bulwark_wasm.js'));

const base = '/srv/app/public';

function idiom(p) {
  const resolved = path.resolve(base, p);
  if (resolved !== base && !resolved.startsWith(base + path.sep)) throw new Error('escape');
  return resolved;
}

function isInside(p) {
  const resolved = path.resolve(base, p);
  if (!pathIsInside(resolved, base)) throw new Error('escape');
  return resolved;
}

/** A safe relative path of about `units` UTF-16 units, with `.` and `..` segments. */
function userPath(units) {
  const parts = ['assets', 'img', '..', 'css', '.', 'themes', 'dark', 'v2', '..', 'v3'];
  const out = [];
  let length = 0;
  for (let i = 0; length < units - 12; i += 1) {
    const part = parts[i % parts.length];
    out.push(part);
    length += part.length + 1;
  }
  out.push('style.min.css');
  return out.join('/');
}

async function main() {
  const cases = [
    ['file name (9 B)', 'index.css'],
    ['3 segments (24 B)', 'assets/img/logo-dark.png'],
    ['dot segments (40 B)', 'assets/img/../css/./themes/dark/main.css'],
    ['dot segments (128 B)', userPath(128)],
    ['256 B', userPath(256)],
    ['1 KiB', userPath(1000)],
    ['4 KiB', userPath(4000)],
    ['4 KiB, no dot segments', `${'assets/'.repeat(570)}x.css`],
  ];
  const results = [];
  for (const [name, input] of cases) {
    results.push(
      await benchCase({
        name,
        input,
        reference: 'path.resolve + startsWith',
        peer: 'path.resolve + startsWith',
        impls: {
          'path.resolve + startsWith': idiom,
          'path-is-inside': isInside,
          'bulwark native': (p) => native.resolveWithin(base, p),
          'bulwark wasm': (p) => wasm.resolveWithin(base, p),
          'native core crossing': (p) => nativeBinding.resolveWithin(base, p, true, 4096),
          'wasm core crossing': (p) => wasmBinding.resolveWithin(base, p, true, 4096),
        },
      }),
    );
  }
  printTable(`resolveWithin (base ${base})`, results);
  for (const r of results) {
    target(
      `resolveWithin native vs path.resolve + startsWith at ${r.name}`,
      r,
      'bulwark native',
      'path.resolve + startsWith',
      1,
    );
    target(`resolveWithin native vs path-is-inside at ${r.name}`, r, 'bulwark native', 'path-is-inside', 1);
  }
  process.exitCode = printTargets('paths (native backend; WASM and crossing rows are reported, not targeted)') ? 3 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
