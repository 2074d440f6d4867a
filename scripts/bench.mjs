#!/usr/bin/env node
// `npm run bench`: builds both backends, runs the Rust core benches (criterion), then every
// JS bench in benches/js against the JS packages Bulwark replaces. Not part of the tests:
// performance is reported here, never asserted in a timed test. A bench whose targets are
// missed says so in its output and exits non-zero; the run continues with the others.
//
//   npm run bench               everything
//   npm run bench -- escape     only benches whose name contains "escape"
//   npm run bench -- --js       skip the Rust benches
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { root, setup } from './setup.mjs';
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) || '';
const jsOnly = args.includes('--js');

function run(cmd, argv, opts = {}) {
  console.log(`\n$ ${cmd} ${argv.join(' ')}`);
  return spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts }).status;
}

// Benches measure what ships: the fat-LTO release build.
process.env.BULWARK_PROFILE ??= 'release';
setup();

const failures = [];
if (!jsOnly) {
  const criterionArgs = [
    'bench',
    '-p',
    'bulwark-bench',
    '--bench',
    'core',
    '--',
    '--warm-up-time',
    '1',
    '--measurement-time',
    '3',
  ];
  if (filter) criterionArgs.push(filter);
  if (run('cargo', criterionArgs) !== 0) failures.push('rust core');
}

const benches = readdirSync(path.join(root, 'benches', 'js'))
  .filter((f) => f.endsWith('.bench.js') && f.includes(filter))
  .sort();
for (const file of benches) {
  const status = run(process.execPath, [path.join('benches', 'js', file)], {
    env: { ...process.env, BULWARK_BACKEND: '' },
  });
  if (status !== 0) failures.push(file + (status === 3 ? ' (targets missed)' : ' (error)'));
}
console.log(
  failures.length ? `\nBenches with missed targets or errors: ${failures.join(', ')}` : '\nAll bench targets met.',
);
process.exit(failures.length ? 1 : 0);
