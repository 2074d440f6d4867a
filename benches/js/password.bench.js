'use strict';
// argon2id hashing at OWASP's parameters (m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte
// hash) against node-argon2, @node-rs/argon2 and hash-wasm. One hash at a time (latency).
// Salts are random, so outputs cannot be equal; instead every implementation's hash must
// verify under bulwark and bulwark's must verify under each peer, before any timing.
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const nodeArgon2 = require('argon2');
const nodeRsArgon2 = require('@node-rs/argon2');
const hashWasm = require('hash-wasm');
const { loadBackends, benchCase, printTable, target, printTargets, note } = require('./harness');

const { native, wasm } = loadBackends();
const OWASP = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const password = 'correct horse battery staple';

const impls = {
  'node-argon2': (pw) => nodeArgon2.hash(pw, { type: nodeArgon2.argon2id, ...OWASP, hashLength: 32 }),
  '@node-rs/argon2': (pw) => nodeRsArgon2.hash(pw, { algorithm: 2, ...OWASP, outputLen: 32 }),
  'hash-wasm': (pw) =>
    hashWasm.argon2id({
      password: pw,
      salt: crypto.randomBytes(16),
      iterations: OWASP.timeCost,
      parallelism: OWASP.parallelism,
      memorySize: OWASP.memoryCost,
      hashLength: 32,
      outputType: 'encoded',
    }),
  'bulwark native': (pw) => native.hashPassword(pw),
  'bulwark wasm': (pw) => wasm.hashPassword(pw),
};

async function check(outputs) {
  const ours = outputs['bulwark native'];
  for (const [name, hash] of Object.entries(outputs)) {
    assert.equal(native.needsRehash(hash), false, `${name} used argon2id v19 with the OWASP parameters`);
    assert.equal(await native.verifyPassword(hash, password), true, `bulwark verifies ${name}'s hash`);
    assert.equal(await native.verifyPassword(hash, 'wrong'), false);
  }
  assert.equal(await nodeArgon2.verify(ours, password), true, 'node-argon2 verifies ours');
  assert.equal(await nodeRsArgon2.verify(ours, password), true, '@node-rs/argon2 verifies ours');
  assert.equal(await hashWasm.argon2Verify({ password, hash: ours }), true, 'hash-wasm verifies ours');
}

async function main() {
  const hashing = await benchCase(
    { name: 'hash, OWASP params', input: password, peer: '@node-rs/argon2', impls, check, async: true },
    { rounds: 9, batchMs: 150 },
  );
  const stored = await native.hashPassword(password);
  const verifying = await benchCase(
    {
      name: 'verify, OWASP params',
      input: password,
      peer: '@node-rs/argon2',
      async: true,
      reference: 'bulwark native',
      impls: {
        'node-argon2': (pw) => nodeArgon2.verify(stored, pw),
        '@node-rs/argon2': (pw) => nodeRsArgon2.verify(stored, pw),
        'hash-wasm': (pw) => hashWasm.argon2Verify({ password: pw, hash: stored }),
        'bulwark native': (pw) => native.verifyPassword(stored, pw),
        'bulwark wasm': (pw) => wasm.verifyPassword(stored, pw),
      },
    },
    { rounds: 9, batchMs: 150 },
  );
  // With a pepper (argon2's secret key): the same work plus one more input to the first
  // hash; each implementation's peppered hash verifies in the others (checked first).
  const pepper = crypto.randomBytes(32);
  const peppered = await native.hashPassword(password, { secret: pepper });
  const verifyingPeppered = await benchCase(
    {
      name: 'verify with a pepper, OWASP params',
      input: password,
      peer: '@node-rs/argon2',
      async: true,
      reference: 'bulwark native',
      impls: {
        'node-argon2': (pw) => nodeArgon2.verify(peppered, pw, { secret: pepper }),
        '@node-rs/argon2': (pw) => nodeRsArgon2.verify(peppered, pw, { secret: pepper }),
        'bulwark native': (pw) => native.verifyPassword(peppered, pw, { secret: pepper }),
        'bulwark wasm': (pw) => wasm.verifyPassword(peppered, pw, { secret: pepper }),
      },
      async check(outputs) {
        for (const [name, ok] of Object.entries(outputs)) assert.equal(ok, true, `${name} verifies the peppered hash`);
        const theirs = await nodeArgon2.hash(password, { ...OWASP, secret: pepper });
        assert.equal(await native.verifyPassword(theirs, password, { secret: pepper }), true);
        assert.equal(await native.verifyPassword(theirs, password), false, 'the pepper is needed');
      },
    },
    { rounds: 5, batchMs: 150 },
  );
  printTable('argon2id (one at a time)', [hashing, verifying, verifyingPeppered]);
  // Issue 11's target: within 1.1x of @node-rs/argon2 (our time at most 1.1 times its), a
  // ratio of at least 1 / 1.1.
  const within = Number((1 / 1.1).toFixed(3));
  target('hashPassword native vs @node-rs/argon2', hashing, 'bulwark native', '@node-rs/argon2', within);
  target('verifyPassword native vs @node-rs/argon2', verifying, 'bulwark native', '@node-rs/argon2', within);
  note(
    'Profile (callgrind, one OWASP hash in the core; docs/performance.md#argon2 and docs/password.md#speed): ' +
      "83% of the instructions are the argon2 crate's compression function (compress_avx2), 6% block " +
      'indexing, 6% block copies, 1% wiping the reused per-thread block buffer; no page faults (the buffer is ' +
      "reused). @node-rs/argon2's hand-vectorized compression needs about 1.4x less CPU per hash, so the " +
      '1.1x target is out of reach while the argon2 crate is kept.',
  );
  process.exitCode = printTargets('password (native backend)') ? 3 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
