#!/usr/bin/env node
// The one test command (`npm test`): on a fresh clone it installs the npm dependencies,
// builds both backends, runs the Rust tests, then the JS suites once per backend and the
// package-install test. Every step must pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, env = {}) {
  console.log(`\n$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\nFAILED: ${cmd} ${args.join(' ')} (${result.error ? result.error.message : `exit ${result.status}`})`);
    process.exit(1);
  }
}

// npm dependencies: install when missing or older than the lockfile.
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(path.join(root, 'package-lock.json')).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

run(process.execPath, ['scripts/build.mjs']);
run('cargo', ['test', '--release', '-p', 'bulwark-core']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'js-tests/types']);

const suites = (dir) => readdirSync(path.join(root, dir))
  .filter((f) => f.endsWith('.test.js'))
  .sort()
  .map((f) => path.join(dir, f));

for (const backend of ['native', 'wasm']) {
  run(process.execPath, ['--test', ...suites('js-tests')], { BULWARK_BACKEND: backend });
}
run(process.execPath, ['--test', ...suites('js-tests/package')]);
