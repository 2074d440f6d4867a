'use strict';
// node-argon2's `secret` (argon2's K, a pepper) and `associatedData` (X, stored as `data=`),
// and @node-rs/argon2's `secret`: differential tests in both directions, on generated
// options (small memory costs, for speed).
const test = require('node:test');
const assert = require('node:assert/strict');
const nodeArgon2 = require('argon2');
const nodeRsArgon2 = require('@node-rs/argon2');
const { bulwark, fc, assertCode, assertRejectsCode } = require('./helpers');

const { hashPassword, hashPasswordSync, verifyPassword, verifyPasswordSync, needsRehash } = bulwark;
const CHEAP = { memoryCost: 64, timeCost: 1 };
const RUNS = 40;

const password = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b)),
);
/** A pepper as node-argon2 takes it (a Buffer); empty is the same as none. */
const secret = fc.uint8Array({ minLength: 0, maxLength: 64 }).map((b) => Buffer.from(b));
const associatedData = fc.uint8Array({ minLength: 0, maxLength: 32 }).map((b) => Buffer.from(b));
/** Costs that argon2 accepts (m >= 8 p), kept small. */
const costs = fc
  .record({ timeCost: fc.integer({ min: 1, max: 3 }), parallelism: fc.integer({ min: 1, max: 4 }) })
  .chain((c) =>
    fc.record({
      ...c,
      timeCost: fc.constant(c.timeCost),
      parallelism: fc.constant(c.parallelism),
      memoryCost: fc.integer({ min: 8 * c.parallelism, max: 256 }),
    }),
  );

/** A password that differs from `pw` (as bytes). */
function other(pw) {
  return Buffer.concat([Buffer.from(pw), Buffer.from('x')]);
}

/** A peer's `hash` of `pw` with pepper `key` verifies in Bulwark (sync and async), only with it. */
async function assertBulwarkVerifies(hash, pw, key) {
  assert.equal(await verifyPassword(hash, pw, { secret: key }), true, hash);
  assert.equal(verifyPasswordSync(hash, pw, { secret: key }), true, hash);
  assert.equal(await verifyPassword(hash, other(pw), { secret: key }), false);
  if (key.length > 0) {
    assert.equal(await verifyPassword(hash, pw), false, 'without the pepper');
    assert.equal(verifyPasswordSync(hash, pw, { secret: other(key) }), false, 'another pepper');
  } else {
    assert.equal(verifyPasswordSync(hash, pw), true, 'an empty secret is no secret');
  }
}

test('node-argon2 hashes with any secret, associatedData, type, version and lengths verify in Bulwark', async () => {
  await fc.assert(
    fc.asyncProperty(
      password,
      secret,
      associatedData,
      costs,
      fc.record({
        type: fc.constantFrom(nodeArgon2.argon2d, nodeArgon2.argon2i, nodeArgon2.argon2id),
        version: fc.constantFrom(0x10, 0x13),
        hashLength: fc.integer({ min: 16, max: 64 }),
        saltLength: fc.integer({ min: 8, max: 48 }),
      }),
      async (pw, key, data, cost, { saltLength, ...more }) => {
        const salt = Buffer.alloc(saltLength, 7);
        const hash = await nodeArgon2.hash(pw, { ...cost, ...more, salt, secret: key, associatedData: data });
        await assertBulwarkVerifies(hash, pw, key);
      },
    ),
    { numRuns: RUNS },
  );
});

test('Bulwark hashes with any secret and associatedData verify in node-argon2 and @node-rs/argon2', async () => {
  await fc.assert(
    fc.asyncProperty(
      password,
      secret,
      associatedData,
      costs,
      fc.integer({ min: 16, max: 64 }),
      fc.boolean(),
      async (pw, key, data, cost, hashLength, sync) => {
        const options = { ...cost, hashLength, secret: key, associatedData: data };
        const hash = sync ? hashPasswordSync(pw, options) : await hashPassword(pw, options);
        if (data.length > 0) assert.ok(hash.includes(`,data=${data.toString('base64').replace(/=+$/, '')}$`), hash);
        else assert.ok(!hash.includes('data='), hash);
        assert.equal(await nodeArgon2.verify(hash, pw, { secret: key }), true, `node-argon2: ${hash}`);
        assert.equal(await nodeArgon2.verify(hash, other(pw), { secret: key }), false);
        if (key.length > 0) assert.equal(await nodeArgon2.verify(hash, pw), false, 'node-argon2 without the pepper');
        // @node-rs/argon2's verify throws "invalid utf-8 sequence" for a password that is
        // not UTF-8, whoever made the hash: only UTF-8 passwords are compared there.
        if (typeof pw === 'string' || Buffer.from(pw.toString('utf8')).equals(pw)) {
          assert.equal(await nodeRsArgon2.verify(hash, pw, { secret: key }), true, `@node-rs/argon2: ${hash}`);
          if (key.length > 0) assert.equal(await nodeRsArgon2.verify(hash, pw), false, '@node-rs without the pepper');
        }
        assert.equal(needsRehash(hash, options), false, 'the same options need no rehash');
      },
    ),
    { numRuns: RUNS },
  );
});

test('@node-rs/argon2 hashes with any secret, algorithm, version and length verify in Bulwark', async () => {
  await fc.assert(
    fc.asyncProperty(
      password,
      secret,
      costs,
      fc.constantFrom(0, 1, 2),
      fc.constantFrom(0, 1),
      fc.integer({ min: 16, max: 64 }),
      async (pw, key, cost, algorithm, version, outputLen) => {
        const hash = await nodeRsArgon2.hash(pw, { ...cost, algorithm, version, outputLen, secret: key });
        await assertBulwarkVerifies(hash, pw, key);
      },
    ),
    { numRuns: RUNS },
  );
});

test('a pepper as a string is its UTF-8 bytes, in both directions', async () => {
  const hash = await hashPassword('pw', { ...CHEAP, secret: 'pepper ✓' });
  assert.equal(await nodeArgon2.verify(hash, 'pw', { secret: Buffer.from('pepper ✓') }), true);
  assert.equal(await verifyPassword(hash, 'pw', { secret: new TextEncoder().encode('pepper ✓') }), true);
  assert.equal(await verifyPassword(hash, 'pw', { secret: new Uint16Array([1, 2]).buffer }), false);
  const padded = Buffer.from('xxpepper ✓');
  const dataView = new DataView(padded.buffer, padded.byteOffset + 2, padded.length - 2);
  assert.equal(verifyPasswordSync(hash, 'pw', { secret: dataView }), true, 'any view: its own bytes only');
  const theirs = await nodeArgon2.hash('pw', {
    ...CHEAP,
    secret: Buffer.from('pepper ✓'),
    associatedData: Buffer.from('ad'),
  });
  assert.equal(verifyPasswordSync(theirs, 'pw', { secret: 'pepper ✓' }), true);
  assert.equal(needsRehash(theirs, { ...CHEAP, parallelism: 4, associatedData: 'ad' }), false, 'its options and data=');
  assert.equal(needsRehash(theirs, { ...CHEAP, parallelism: 4 }), true, 'other associated data');
});

test('needsRehash compares associatedData with the stored data= and ignores secret', () => {
  const options = { ...CHEAP, secret: 'pepper', associatedData: 'tenant 1' };
  const hash = hashPasswordSync('pw', options);
  assert.equal(needsRehash(hash, options), false);
  assert.equal(needsRehash(hash, { ...options, secret: 'another' }), false, 'the pepper is not in the hash');
  assert.equal(needsRehash(hash, { ...options, associatedData: 'tenant 2' }), true);
  assert.equal(needsRehash(hash, CHEAP), true, 'no associated data now');
  assert.equal(needsRehash(hashPasswordSync('pw', CHEAP), options), true, 'associated data now');
});

test('the stored data= is an input: changing it fails verification', () => {
  const hash = hashPasswordSync('pw', { ...CHEAP, associatedData: 'tenant 1' });
  const tampered = hash.replace(
    Buffer.from('tenant 1').toString('base64url'),
    Buffer.from('tenant 2').toString('base64url'),
  );
  assert.notEqual(tampered, hash);
  assert.equal(verifyPasswordSync(hash, 'pw'), true);
  assert.equal(verifyPasswordSync(tampered, 'pw'), false);
});

test('sizes are bounded: a secret up to 1024 bytes, associatedData up to 32', async () => {
  const ok = hashPasswordSync('pw', { ...CHEAP, secret: Buffer.alloc(1024, 1), associatedData: Buffer.alloc(32, 2) });
  assert.equal(verifyPasswordSync(ok, 'pw', { secret: Buffer.alloc(1024, 1) }), true);
  assertCode(() => hashPasswordSync('pw', { ...CHEAP, secret: Buffer.alloc(1025) }), 'INVALID_OPTIONS');
  await assertRejectsCode(hashPassword('pw', { ...CHEAP, secret: 'x'.repeat(1025) }), 'INVALID_OPTIONS');
  await assertRejectsCode(verifyPassword(ok, 'pw', { secret: Buffer.alloc(1025) }), 'INVALID_OPTIONS');
  await assertRejectsCode(hashPassword('pw', { ...CHEAP, associatedData: Buffer.alloc(33) }), 'INVALID_OPTIONS');
  assertCode(() => needsRehash(ok, { ...CHEAP, associatedData: Buffer.alloc(33) }), 'INVALID_OPTIONS');
  // node-argon2 stores any length of data=; beyond 32 bytes it is a clear INVALID_HASH
  // (the argon2 crate's bound), never a silent `false`.
  const long = await nodeArgon2.hash('pw', { ...CHEAP, parallelism: 1, associatedData: Buffer.alloc(33, 3) });
  await assert.rejects(verifyPassword(long, 'pw'), (err) => {
    assert.equal(err.code, 'INVALID_HASH');
    assert.match(err.message, /associated data/);
    return true;
  });
});

test('node-argon2 hashes beyond the PHC bounds Bulwark parses are INVALID_HASH, never false', async () => {
  // The phc crate reads hashes of 10 to 64 bytes and salts up to 48; node-argon2 writes more.
  const cases = [{ hashLength: 9 }, { hashLength: 65 }, { salt: Buffer.alloc(49, 1) }];
  for (const extra of cases) {
    const hash = await nodeArgon2.hash('pw', { ...CHEAP, parallelism: 1, secret: Buffer.from('k'), ...extra });
    assert.equal(await nodeArgon2.verify(hash, 'pw', { secret: Buffer.from('k') }), true);
    await assertRejectsCode(verifyPassword(hash, 'pw', { secret: 'k' }), 'INVALID_HASH');
  }
});

test('secret and associatedData types: strings or bytes, anything else INVALID_OPTIONS', async () => {
  for (const value of [1, true, {}, [], ['a'], null, new String('a'), () => 'a']) {
    assertCode(() => hashPasswordSync('pw', { ...CHEAP, secret: value }), 'INVALID_OPTIONS');
    assertCode(() => hashPasswordSync('pw', { ...CHEAP, associatedData: value }), 'INVALID_OPTIONS');
    await assertRejectsCode(verifyPassword('$argon2id$', 'pw', { secret: value }), 'INVALID_OPTIONS');
  }
  assertCode(() => hashPasswordSync('pw', { ...CHEAP, secret: '\ud800' }), 'INVALID_UNICODE');
  const moved = new Uint8Array(8);
  structuredClone(moved.buffer, { transfer: [moved.buffer] });
  assertCode(() => hashPasswordSync('pw', { ...CHEAP, secret: moved }), 'INVALID_TYPE');
  await assertRejectsCode(hashPassword('pw', { ...CHEAP, secret: moved }), 'INVALID_TYPE');
  await assertRejectsCode(verifyPassword('$argon2id$', 'pw', { associatedData: 'x' }), 'INVALID_OPTIONS');
});

test("the caller's pepper buffer is copied at the call and never written", async () => {
  const key = Buffer.from('my pepper');
  const hashing = hashPassword('pw', { ...CHEAP, secret: key });
  key.fill(0x78);
  const hash = await hashing;
  assert.deepEqual(key, Buffer.alloc(9, 0x78), 'left as the caller set it');
  assert.equal(verifyPasswordSync(hash, 'pw', { secret: 'my pepper' }), true);
  const again = Buffer.from('my pepper');
  assert.equal(await verifyPassword(hash, 'pw', { secret: again }), true);
  assert.equal(verifyPasswordSync(hash, 'pw', { secret: again }), true);
  assert.deepEqual(again, Buffer.from('my pepper'), 'not wiped: it is not ours');
});

test('a polluted Object.prototype gives no pepper and no associated data', async () => {
  const plain = hashPasswordSync('pw', CHEAP);
  Object.prototype.secret = 'polluted';
  Object.prototype.associatedData = 'polluted';
  Object.prototype.bytes = new Uint8Array([1]);
  try {
    const hash = await hashPassword('pw', CHEAP);
    assert.ok(!hash.includes('data='), hash);
    assert.equal(await verifyPassword(hash, 'pw', {}), true);
    assert.equal(verifyPasswordSync(plain, 'pw', {}), true);
    assert.equal(needsRehash(plain, CHEAP), false);
  } finally {
    delete Object.prototype.secret;
    delete Object.prototype.associatedData;
    delete Object.prototype.bytes;
  }
  assert.equal(await nodeArgon2.verify(plain, 'pw'), true);
});
