'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const nodeArgon2 = require('argon2');
const nodeRsArgon2 = require('@node-rs/argon2');
const { bulwark, NON_STRINGS, assertCode, assertRejectsCode } = require('./helpers');

const { hashPassword, hashPasswordSync, verifyPassword, verifyPasswordSync, needsRehash } = bulwark;
/** Cheap parameters for tests that are not about the cost. */
const CHEAP = { memoryCost: 256, timeCost: 1 };
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

test('defaults are OWASP argon2id: m=19456, t=2, p=1, 16-byte salt, 32-byte hash', async () => {
  const hash = await hashPassword('correct horse battery staple');
  const m = hash.match(PHC);
  assert.ok(m, hash);
  assert.deepEqual([m[1], m[2], m[3]], ['19456', '2', '1']);
  assert.equal(Buffer.from(m[4], 'base64').length, 16);
  assert.equal(Buffer.from(m[5], 'base64').length, 32);
  assert.equal(await verifyPassword(hash, 'correct horse battery staple'), true);
  assert.equal(await verifyPassword(hash, 'correct horse battery stapl'), false);
  assert.equal(needsRehash(hash), false);
});

test('sync twins agree with the async functions', async () => {
  const hash = hashPasswordSync('pw', CHEAP);
  assert.match(hash, PHC);
  assert.equal(verifyPasswordSync(hash, 'pw'), true);
  assert.equal(verifyPasswordSync(hash, 'pW'), false);
  assert.equal(await verifyPassword(hash, 'pw'), true);
  assert.equal(verifyPasswordSync(await hashPassword('pw', CHEAP), 'pw'), true);
});

test('salts are random', async () => {
  const [a, b] = await Promise.all([hashPassword('same', CHEAP), hashPassword('same', CHEAP)]);
  assert.notEqual(a, b);
});

test('strings and bytes: a string is its UTF-8 bytes', async () => {
  const hash = await hashPassword('pässwörd 😀', CHEAP);
  assert.equal(await verifyPassword(hash, Buffer.from('pässwörd 😀')), true);
  assert.equal(await verifyPassword(hash, new TextEncoder().encode('pässwörd 😀')), true);
  assert.equal(await verifyPassword(hash, 'pa\u0308sswo\u0308rd 😀'), false, 'no normalization');
  const binary = Buffer.from([0, 255, 128, 0]);
  assert.equal(await verifyPassword(await hashPassword(binary, CHEAP), binary), true);
});

test('interoperates with node-argon2 both ways', async () => {
  const theirs = await nodeArgon2.hash('interop', {
    type: nodeArgon2.argon2id,
    memoryCost: 4096,
    timeCost: 2,
    parallelism: 2,
  });
  assert.equal(await verifyPassword(theirs, 'interop'), true);
  assert.equal(await verifyPassword(theirs, 'interoP'), false);
  assert.equal(needsRehash(theirs), true);
  // node-argon2's own defaults (m=65536, t=3, p=4), and its older argon2i hashes.
  assert.equal(await verifyPassword(await nodeArgon2.hash('defaults'), 'defaults'), true);
  const argon2i = await nodeArgon2.hash('legacy', { type: nodeArgon2.argon2i, memoryCost: 4096 });
  assert.equal(await verifyPassword(argon2i, 'legacy'), true);
  assert.equal(
    needsRehash(argon2i, { memoryCost: 4096, timeCost: 3, parallelism: 4 }),
    true,
    'argon2i must be upgraded',
  );

  const ours = await hashPassword('interop');
  assert.equal(await nodeArgon2.verify(ours, 'interop'), true);
  assert.equal(await nodeArgon2.verify(ours, 'interoP'), false);
  const bytes = Buffer.from([1, 2, 3, 250]);
  assert.equal(await nodeArgon2.verify(await hashPassword(bytes, CHEAP), bytes), true);
});

test('interoperates with @node-rs/argon2 both ways', async () => {
  const theirs = await nodeRsArgon2.hash('interop');
  assert.equal(await verifyPassword(theirs, 'interop'), true);
  assert.equal(needsRehash(theirs), false, '@node-rs/argon2 defaults are the same OWASP parameters');
  assert.equal(await nodeRsArgon2.verify(await hashPassword('interop'), 'interop'), true);
});

test('malformed hashes reject with INVALID_HASH', async () => {
  const good = hashPasswordSync('pw', CHEAP);
  const bad = [
    '',
    'pw',
    '$argon2id$',
    good.slice(0, good.lastIndexOf('$')),
    good.replace('$v=19', '$v=18'),
    good.replace('argon2id', 'argon2x'),
    good.replace('m=256,', ''),
    good.replace('t=1', 't=0'),
    good.replace('m=256', 'm=1'),
    good.replace('t=1', 't=-1'),
    good.replace('t=1', 't=1.5'),
    good + '$extra',
    '$2b$10$abcdefghijklmnopqrstuuJ7b5x1SmGcrzYNC6xL4e8bYU9Iuu3sK',
    '$argon2id$v=19$m=256,t=1,p=1$' + 'A'.repeat(5000) + '$' + 'A'.repeat(43),
  ];
  for (const hash of bad) {
    await assertRejectsCode(verifyPassword(hash, 'pw'), 'INVALID_HASH');
    assertCode(() => verifyPasswordSync(hash, 'pw'), 'INVALID_HASH');
    assertCode(() => needsRehash(hash), 'INVALID_HASH');
  }
});

test('absurd parameters in a stored hash are refused before hashing', async () => {
  const tail = '$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE';
  for (const params of [
    'm=4294967295,t=1,p=1',
    'm=1048577,t=1,p=1',
    'm=256,t=4294967295,p=1',
    'm=256,t=11,p=1',
    'm=4096,t=1,p=17',
    'm=4096,t=1,p=16777215',
  ]) {
    const hash = `$argon2id$v=19$${params}${tail}`;
    await assertRejectsCode(verifyPassword(hash, 'pw'), 'HASH_PARAMS_TOO_COSTLY');
    assertCode(() => verifyPasswordSync(hash, 'pw'), 'HASH_PARAMS_TOO_COSTLY');
  }
  // Limits are configurable both ways.
  const hash = hashPasswordSync('pw', CHEAP);
  await assertRejectsCode(verifyPassword(hash, 'pw', { maxMemoryCost: 128 }), 'HASH_PARAMS_TOO_COSTLY');
  assert.equal(await verifyPassword(hash, 'pw', { maxMemoryCost: 256, maxTimeCost: 1, maxParallelism: 1 }), true);
  const heavy = `$argon2id$v=19$m=256,t=12,p=1${tail}`;
  assert.equal(await verifyPassword(heavy, 'pw', { maxTimeCost: 12 }), false, 'allowed by a raised limit');
});

test('needsRehash compares algorithm, version and m, t, p', () => {
  const hash = hashPasswordSync('pw', CHEAP);
  assert.equal(needsRehash(hash, CHEAP), false);
  assert.equal(needsRehash(hash), true);
  assert.equal(needsRehash(hash, { ...CHEAP, timeCost: 2 }), true);
  assert.equal(needsRehash(hash, { ...CHEAP, parallelism: 2 }), true);
  assert.equal(needsRehash(hash, { ...CHEAP, hashLength: 64 }), true);
});

test('options are validated: unknown keys, wrong types, weak or costly values', async () => {
  const invalid = [
    { memoryCost: '19456' },
    { memoryCost: -1 },
    { memoryCost: 1.5 },
    { timeCost: 0 },
    { saltLength: 8 },
    { hashLength: 8 },
    { hashLength: 65 },
    { memorycost: 4096 },
    { type: 'argon2i' },
  ];
  for (const options of invalid) {
    await assertRejectsCode(hashPassword('pw', options), 'INVALID_OPTIONS');
    assertCode(() => hashPasswordSync('pw', options), 'INVALID_OPTIONS');
  }
  for (const options of [{ memoryCost: 2 * 1024 * 1024 }, { timeCost: 11 }, { parallelism: 17, memoryCost: 4096 }]) {
    await assertRejectsCode(hashPassword('pw', options), 'HASH_PARAMS_TOO_COSTLY');
  }
  await assertRejectsCode(verifyPassword(hashPasswordSync('pw', CHEAP), 'pw', { maxMemory: 1 }), 'INVALID_OPTIONS');
  for (const options of ['fast', 3, true]) {
    await assert.rejects(hashPassword('pw', options), TypeError);
  }
});

test('a polluted Object.prototype does not change options', async () => {
  Object.prototype.memoryCost = 1 << 30;
  Object.prototype.maxMemoryCost = 4294967295;
  try {
    const hash = await hashPassword('pw', { timeCost: 1 });
    assert.match(hash, /\$m=19456,t=1,p=1\$/);
    const greedy =
      '$argon2id$v=19$m=2097152,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE';
    await assertRejectsCode(verifyPassword(greedy, 'pw', {}), 'HASH_PARAMS_TOO_COSTLY');
    await assertRejectsCode(verifyPassword(greedy, 'pw'), 'HASH_PARAMS_TOO_COSTLY');
  } finally {
    delete Object.prototype.memoryCost;
    delete Object.prototype.maxMemoryCost;
  }
});

test('bad arguments: TypeError for wrong types, typed errors for bad values', async () => {
  for (const value of [undefined, null, 1, {}, [], true]) {
    await assert.rejects(hashPassword(value), TypeError);
    assert.throws(() => hashPasswordSync(value), TypeError);
    await assert.rejects(verifyPassword('$argon2id$', value), TypeError);
  }
  for (const value of NON_STRINGS.filter((v) => !(v instanceof String))) {
    await assert.rejects(verifyPassword(value, 'pw'), TypeError);
    assert.throws(() => needsRehash(value), TypeError);
  }
  await assertRejectsCode(hashPassword('\ud800', CHEAP), 'INVALID_UNICODE');
  await assertRejectsCode(verifyPassword(hashPasswordSync('x', CHEAP), 'x\udc00'), 'INVALID_UNICODE');
  const huge = 'a'.repeat(64 * 1024 + 1);
  await assertRejectsCode(hashPassword(huge, CHEAP), 'INPUT_TOO_LARGE');
  await assertRejectsCode(verifyPassword(hashPasswordSync('x', CHEAP), huge), 'INPUT_TOO_LARGE');
  assert.match(await hashPassword('', CHEAP), PHC, "an empty password is the caller's policy, not an error");
});

test('many concurrent hashes all complete, whatever the concurrency limit', async () => {
  assertCode(() => bulwark.setPasswordConcurrency(0), 'INVALID_OPTIONS');
  bulwark.setPasswordConcurrency(1);
  try {
    const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hashPassword(`pw${i}`, CHEAP)));
    const checks = await Promise.all(hashes.map((h, i) => verifyPassword(h, `pw${i}`)));
    assert.deepEqual(checks, Array(6).fill(true));
  } finally {
    bulwark.setPasswordConcurrency(3);
  }
});

test(
  'native: hashing runs off the event loop',
  { skip: bulwark.backend !== 'native' && 'WASM hashes on the calling thread (documented)' },
  async () => {
    // While a deliberately slow hash runs, the event loop keeps turning.
    let turns = 0;
    let stop = false;
    const spin = () => {
      if (!stop) {
        turns += 1;
        setImmediate(spin);
      }
    };
    setImmediate(spin);
    await hashPassword('pw', { memoryCost: 65536, timeCost: 4 });
    stop = true;
    assert.ok(turns > 10, `event loop turned ${turns} times during the hash`);
  },
);
