#!/usr/bin/env node
// The demo's browser test (examples/test/browser.test.js) drives the system Chromium through
// playwright-core; no tool ever downloads a browser. This makes sure one is there: the
// browser named by CHROMIUM_PATH, else Debian's /usr/bin/chromium, which is installed here
// with apt-get when missing and we are root on Debian (as scripts/build.mjs does for the
// WASM toolchain). Anywhere else it says what to install.
//
//   node scripts/ensure-chromium.mjs
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for the tests' headless Chromium (with playwright-core's launchPersistentContext,
 * which adds --headless and the new, empty --user-data-dir): no sandbox (containers, root),
 * no GPU, QUIC or first-run UI, and no background traffic (updates, sync, component downloads).
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** The browser the demo's tests use: CHROMIUM_PATH or Debian's. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${result.error ? result.error.message : `exit ${result.status}`})`,
    );
  }
}

/** Returns the browser's path, installing Debian's chromium first when it is missing. */
export function ensureChromium() {
  const browser = chromiumPath();
  if (existsSync(browser)) {
    console.log(`Chromium for the demo's browser test: ${browser}`);
    return browser;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canInstall =
    browser === DEBIAN_CHROMIUM &&
    isRoot &&
    existsSync('/etc/debian_version') &&
    spawnSync('which', ['apt-get']).status === 0;
  if (!canInstall) {
    throw new Error(
      `the demo's browser test needs Chromium at ${browser}: on Debian run \`apt-get install chromium\` as root, ` +
        'elsewhere set CHROMIUM_PATH to a Chromium or Chrome executable',
    );
  }
  console.log("Debian's chromium is missing; installing it (about a minute, once)");
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium']);
  if (!existsSync(browser)) throw new Error(`apt-get installed chromium, but ${browser} does not exist`);
  return browser;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureChromium();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
