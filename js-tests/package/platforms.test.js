'use strict';
// The platform table (lib/platform.js TARGETS), the CI workflow that builds and tests the
// published addons (.github/workflows/platforms.yml), the cross builds of this machine
// (scripts/cross.mjs, scripts/test-cross.mjs) and docs/platforms.md must agree: a platform
// added to one and not the others fails here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const { TARGETS } = require(path.join(root, 'npm', 'bulwark', 'lib', 'platform.js'));

/**
 * Optional platform packages CI does not build, and why (docs/platforms.md says so too):
 * each must be cross-built and tested here (scripts/cross.mjs, scripts/test-cross.mjs).
 */
const NOT_IN_CI = new Map([
  ['armv7-unknown-linux-gnueabihf', 'no armv7 runner: cross-built and run under qemu-user here'],
]);

/** The targets platforms.yml builds: its matrix `target:` rows and its cross builds (`--target`). */
function workflowTargets() {
  const text = fs.readFileSync(path.join(root, '.github', 'workflows', 'platforms.yml'), 'utf8');
  return [...text.matchAll(/^\s+target: (\S+)$|build\.mjs native --target (\S+)$/gm)].map((m) => m[1] || m[2]);
}

test('every target CI builds is a platform the loader knows, and every published one is built', () => {
  const inCi = workflowTargets();
  const triples = TARGETS.map((t) => t.triple);
  assert.deepEqual(
    inCi.filter((t) => !triples.includes(t)),
    [],
    'targets in platforms.yml missing from TARGETS',
  );
  const published = TARGETS.filter((t) => t.optional).map((t) => t.triple);
  assert.deepEqual(
    published.filter((t) => !inCi.includes(t) && !NOT_IN_CI.has(t)),
    [],
    'optional platform packages nobody builds',
  );
  for (const triple of NOT_IN_CI.keys()) assert.ok(!inCi.includes(triple), `${triple} is in CI now: drop it here`);
});

test('the platform packages CI does not build are cross-built and run here', async () => {
  const { CROSS_TARGETS } = await import(path.join(root, 'scripts', 'cross.mjs'));
  const testCross = fs.readFileSync(path.join(root, 'scripts', 'test-cross.mjs'), 'utf8');
  for (const triple of NOT_IN_CI.keys()) {
    assert.ok(Object.hasOwn(CROSS_TARGETS, triple), `scripts/cross.mjs builds ${triple}`);
    assert.ok(testCross.includes(`  '${triple}'() {`), `scripts/test-cross.mjs runs ${triple}`);
  }
});

test('the cross builds, their test runtimes and docs/platforms.md name the same targets', async () => {
  const { CROSS_TARGETS } = await import(path.join(root, 'scripts', 'cross.mjs'));
  const docs = fs.readFileSync(path.join(root, 'docs', 'platforms.md'), 'utf8');
  const testCross = fs.readFileSync(path.join(root, 'scripts', 'test-cross.mjs'), 'utf8');
  for (const triple of Object.keys(CROSS_TARGETS)) {
    assert.ok(
      TARGETS.some((t) => t.triple === triple),
      `${triple} (scripts/cross.mjs) is in TARGETS`,
    );
    assert.ok(docs.includes(`\`${triple}\``), `docs/platforms.md describes ${triple}`);
  }
  // Every target test:cross runs can be built here.
  for (const m of testCross.matchAll(/^ {2}'([a-z0-9_-]+)'\(\) \{$/gm)) {
    assert.ok(Object.hasOwn(CROSS_TARGETS, m[1]), `test-cross runs ${m[1]}, which cross.mjs builds`);
  }
});
