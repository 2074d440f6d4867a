// Shared first step of `npm test`, `npm start` and `npm run bench`: install the npm
// dependencies when missing or older than the lockfile, then build both backends
// (incremental; scripts/build.mjs installs the toolchain pieces a fresh machine lacks).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command in the repository root, echoing it; exits the process if it fails. */
export function run(cmd, args, env = {}) {
  console.log(`\n$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\nFAILED: ${cmd} ${args.join(' ')} (${result.error ? result.error.message : `exit ${result.status}`})`);
    process.exit(1);
  }
}

export function setup() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(path.join(root, 'package-lock.json')).mtimeMs) {
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
  run(process.execPath, ['scripts/build.mjs']);
}
