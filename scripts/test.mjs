#!/usr/bin/env node
// The one test command (`npm test`): on a fresh clone it installs the npm dependencies,
// builds both backends, runs the Rust tests and the type check, then the JS suites once per
// backend and the package suites (backend selection, install from the packed tarball), and
// the demo app's suites.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { root, run, setup } from './setup.mjs';

setup();
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
// The demo app's suites (examples/test), each file on its own in-memory PGlite, per backend.
for (const backend of ['native', 'wasm']) {
  run(process.execPath, ['--test', ...suites('examples/test')], { BULWARK_BACKEND: backend });
}
