// Shared first step of `npm test`, `npm start` and `npm run bench`: install the npm
// dependencies when missing or older than the lockfile, then build both backends
// (incremental; scripts/build.mjs installs the toolchain pieces a fresh machine lacks).
// `step()` times each long step and says beforehand what it does, so a newcomer never
// watches a silent terminal; `printTimings()` prints the table at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const timings = [];

/** Runs a command in the repository root, echoing it; exits the process if it fails. */
export function run(cmd, args, env = {}) {
  console.log(
    `\n$ ${Object.entries(env)
      .map(([k, v]) => `${k}=${v} `)
      .join('')}${cmd} ${args.join(' ')}`,
  );
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(
      `\nFAILED: ${cmd} ${args.join(' ')} (${result.error ? result.error.message : `exit ${result.status}`})`,
    );
    printTimings();
    process.exit(1);
  }
}

/**
 * Runs `fn` as one named step: announces it (with what a first run costs), then times it.
 * `install`: the step installs toolchain pieces (slow once per machine), which the timing
 * table's second total leaves out.
 */
export function step(name, firstRunHint, fn, { install = false } = {}) {
  console.log(`\n=== ${name}${firstRunHint ? ` (${firstRunHint})` : ''}`);
  const start = performance.now();
  try {
    fn();
  } catch (err) {
    timings.push([name, (performance.now() - start) / 1000, install]);
    console.error(`\nFAILED: ${name}: ${err.message}`);
    printTimings();
    process.exit(1);
  }
  timings.push([name, (performance.now() - start) / 1000, install]);
}

/** The per-step timing table, printed at the end (and when a step fails). */
export function printTimings() {
  if (timings.length === 0) return;
  const width = Math.max(...timings.map(([name]) => name.length));
  const total = timings.reduce((sum, [, s]) => sum + s, 0);
  const installs = timings.reduce((sum, [, s, install]) => sum + (install ? s : 0), 0);
  const label = 'total without toolchain installs';
  const pad = Math.max(width, label.length);
  console.log('\nstep timings');
  for (const [name, s] of timings) console.log(`  ${name.padEnd(pad)}  ${s.toFixed(1).padStart(7)} s`);
  console.log(`  ${'total'.padEnd(pad)}  ${total.toFixed(1).padStart(7)} s`);
  console.log(`  ${label.padEnd(pad)}  ${(total - installs).toFixed(1).padStart(7)} s`);
}

/**
 * The native build of `npm test` and its `cargo test` select the same packages and features:
 * cargo resolves features per invocation, so `cargo test -p bulwark-core` after
 * `cargo build -p bulwark-node` would build syn without napi-derive's `full` and getrandom
 * with proptest's `std`, and compile about 34 dependencies a second time. `cargo build`
 * with `--lib --tests` activates the dev-dependencies as `cargo test` does, so every
 * artefact is shared.
 */
export const NATIVE_TEST_SELECTION = Object.freeze([
  '-p',
  'bulwark-node',
  '-p',
  'bulwark-core',
  '--features',
  'bulwark-node/testing,bulwark-core/serde',
]);

/** Installs npm dependencies when needed, then builds both backends (`withCoreTests`: see above). */
export function setup({ withCoreTests = false } = {}) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(path.join(root, 'package-lock.json')).mtimeMs) {
    step('npm ci', 'about 30 s on a first run', () => run('npm', ['ci', '--no-audit', '--no-fund']));
  }
  step(
    'toolchain installs (WASM)',
    "first run only: Debian's wasm toolchain ~1 min as root, wasm-bindgen-cli ~4 min",
    () => run(process.execPath, ['scripts/build.mjs', 'toolchain']),
    { install: true },
  );
  step('build both backends', 'first run: about 6 min for the Rust builds; then incremental', () =>
    run(process.execPath, ['scripts/build.mjs', ...(withCoreTests ? ['all', '--with-core-tests'] : [])]),
  );
}
