'use strict';
// Sign-up, login, sessions and CSRF: argon2id hashes, one generic reply for unknown users
// and wrong passwords (with a dummy verification for unknown users), hardened cookies,
// split-token sessions compared in constant time, parameterized SQL.
const test = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const bulwark = require('bulwark');
const { makeApp, uniqueEmail, sessionCookie, signIn } = require('./helpers');

test('sign-up stores an argon2id hash, and answers the same whether or not the address was taken', async () => {
  const { app, db } = await makeApp();
  const email = uniqueEmail();
  const first = await request(app).post('/api/signup').send({ email, password: 'first password 123' });
  const again = await request(app).post('/api/signup').send({ email, password: 'second password 456' });
  assert.equal(first.status, 202);
  assert.equal(again.status, 202);
  assert.deepEqual(again.body, first.body);
  const rows = await db.query('SELECT password_hash FROM users WHERE email = $1', [email]);
  assert.equal(rows.length, 1);
  assert.match(rows[0].password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(bulwark.needsRehash(rows[0].password_hash), false);
  // The second sign-up did not overwrite the first account's password.
  assert.equal((await request(app).post('/api/login').send({ email, password: 'first password 123' })).status, 200);
  assert.equal((await request(app).post('/api/login').send({ email, password: 'second password 456' })).status, 401);
});

test('sign-up and login validate input and never echo the rejected value', async () => {
  const { app } = await makeApp();
  const cases = [
    [
      '/api/signup',
      { email: 'not-an-email<script>', password: 'long enough password' },
      [{ type: 'field', location: 'body', path: 'email', msg: 'must be an email address' }],
    ],
    [
      '/api/signup',
      { email: uniqueEmail(), password: 'short' },
      [{ type: 'field', location: 'body', path: 'password', msg: 'must be 12 to 256 characters' }],
    ],
    [
      '/api/signup',
      { email: uniqueEmail(), password: 'p'.repeat(257) },
      [{ type: 'field', location: 'body', path: 'password', msg: 'must be 12 to 256 characters' }],
    ],
    [
      '/api/login',
      {},
      [
        { type: 'field', location: 'body', path: 'email', msg: 'Invalid value' },
        { type: 'field', location: 'body', path: 'password', msg: 'Invalid value' },
      ],
    ],
    [
      '/api/login',
      { email: ['a@example.com'], password: 'x' },
      [{ type: 'field', location: 'body', path: 'email', msg: 'Invalid value' }],
    ],
  ];
  for (const [url, body, errors] of cases) {
    const res = await request(app).post(url).send(body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    assert.deepEqual(res.body.error.errors, errors);
    assert.ok(!res.text.includes('<script>') && !res.text.includes('short'));
  }
});

test('login sets a __Host- session cookie that is Secure, HttpOnly and SameSite=Strict, and returns a CSRF token', async () => {
  const { app } = await makeApp({ sessionTtlMs: 3600 * 1000 });
  const email = uniqueEmail();
  await request(app).post('/api/signup').send({ email, password: 'correct horse battery staple' });
  const res = await request(app).post('/api/login').send({ email, password: 'correct horse battery staple' });
  assert.equal(res.status, 200);
  assert.match(res.body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
  const cookies = res.headers['set-cookie'];
  assert.equal(cookies.length, 1);
  const attributes = cookies[0].split(';').map((s) => s.trim());
  assert.match(attributes[0], /^__Host-sid=[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/);
  for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', 'Max-Age=3600'])
    assert.ok(attributes.includes(attribute), attribute);
  assert.ok(!attributes.some((a) => /^domain=/i.test(a)), '__Host- cookies carry no Domain');
  assert.equal(res.headers['cache-control'], 'no-store');
  // Each login is a new session (no fixation), and the database holds no usable cookie.
  const second = await request(app).post('/api/login').send({ email, password: 'correct horse battery staple' });
  assert.notEqual(sessionCookie(second), sessionCookie(res));
});

test('unknown user and wrong password get the same 401 reply, and both pay for one argon2 verification', async (t) => {
  const { app, logs } = await makeApp();
  const { email } = await signIn(app);
  const calls = [];
  const original = bulwark.verifyPassword;
  t.mock.method(bulwark, 'verifyPassword', (hash, pw, ...rest) => {
    calls.push(hash);
    return original(hash, pw, ...rest);
  });
  const wrong = await request(app).post('/api/login').send({ email, password: 'not the password' });
  const unknown = await request(app)
    .post('/api/login')
    .send({ email: uniqueEmail('ghost'), password: 'not the password' });
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.text, unknown.text);
  assert.deepEqual(unknown.body, { error: { code: 'INVALID_CREDENTIALS', message: 'invalid credentials' } });
  assert.equal(wrong.headers['set-cookie'], undefined);
  assert.equal(unknown.headers['set-cookie'], undefined);
  assert.equal(calls.length, 2, 'one verification each');
  // The unknown user's verification ran against a real argon2id hash with the same cost.
  const [realHash, dummyHash] = calls;
  assert.notEqual(dummyHash, realHash);
  assert.match(dummyHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(bulwark.needsRehash(dummyHash), false);
  assert.equal(logs.filter((l) => l.security && l.security.type === 'login').length, 2);
});

test('SQL injection strings are data: parameterized queries never let them change a query', async () => {
  const { app, db } = await makeApp();
  const victim = await signIn(app);
  for (const email of [
    "x'or'1'='1@example.com",
    "admin'--@example.com",
    `${victim.email.split('@')[0]}'--@example.com`,
  ]) {
    const res = await request(app).post('/api/login').send({ email, password: "' OR '1'='1" });
    assert.equal(res.status, 401, email);
  }
  const res = await request(app).post('/api/login').send({ email: victim.email, password: "' OR '1'='1' --" });
  assert.equal(res.status, 401);
  const quoted = uniqueEmail("o'brien");
  assert.equal(
    (await request(app).post('/api/signup').send({ email: quoted, password: 'robert"); DROP TABLE users;--' })).status,
    202,
  );
  assert.equal(
    (await request(app).post('/api/login').send({ email: quoted, password: 'robert"); DROP TABLE users;--' })).status,
    200,
  );
  assert.ok((await db.query('SELECT count(*)::int AS n FROM users', []))[0].n >= 2);
  // The db interface has no entry point without a params array.
  await assert.rejects(db.query("SELECT 1 WHERE 'a' = 'a'"), { name: 'TypeError', message: /params array/ });
});

test('emails are normalized (normalizeEmail) so case variants reach the same account', async () => {
  const { app } = await makeApp();
  const local = `Mixed.Case-${Date.now()}`;
  await request(app)
    .post('/api/signup')
    .send({ email: `${local}@Example.COM`, password: 'correct horse battery staple' });
  const res = await request(app)
    .post('/api/login')
    .send({ email: `${local.toLowerCase()}@example.com`, password: 'correct horse battery staple' });
  assert.equal(res.status, 200);
  const me = await request(app).get('/api/me').set('Cookie', sessionCookie(res));
  assert.equal(me.body.email, `${local.toLowerCase()}@example.com`);
});

test('a hash made with weaker parameters is upgraded at the next successful login (needsRehash)', async () => {
  const { app, db } = await makeApp();
  const email = uniqueEmail('legacy');
  const weak = await bulwark.hashPassword('an old but valid password', { memoryCost: 8192, timeCost: 1 });
  await db.query('INSERT INTO users (email, password_hash) VALUES ($1, $2)', [email, weak]);
  assert.equal(bulwark.needsRehash(weak), true);
  const res = await request(app).post('/api/login').send({ email, password: 'an old but valid password' });
  assert.equal(res.status, 200);
  const [{ password_hash: upgraded }] = await db.query('SELECT password_hash FROM users WHERE email = $1', [email]);
  assert.notEqual(upgraded, weak);
  assert.equal(bulwark.needsRehash(upgraded), false);
  assert.equal(await bulwark.verifyPassword(upgraded, 'an old but valid password'), true);
});

test('sessions: /api/me needs a valid cookie; a forged or tampered verifier is refused and logged', async () => {
  const { app, securityEvents } = await makeApp();
  const session = await signIn(app);
  assert.equal((await request(app).get('/api/me')).status, 401);
  const me = await request(app).get('/api/me').set('Cookie', session.cookie);
  assert.equal(me.status, 200);
  assert.equal(me.body.email, session.email);
  assert.equal(me.body.csrfToken, session.csrfToken);

  const [name, value] = session.cookie.split('=');
  const [selector, verifier] = value.split('.');
  const flipped = `${verifier.slice(0, -1)}${verifier.endsWith('A') ? 'B' : 'A'}`;
  for (const forged of [
    `${selector}.${flipped}`,
    `${selector}.${'A'.repeat(43)}`,
    `${'0'.repeat(32)}.${verifier}`,
    `${selector}.${verifier}x`,
    `${selector}`,
    "' OR 1=1 --",
  ]) {
    const res = await request(app).get('/api/me').set('Cookie', `${name}=${forged}`);
    assert.equal(res.status, 401, forged);
    assert.equal(res.body.error.code, 'UNAUTHENTICATED');
  }
  assert.ok(securityEvents().some((e) => e.type === 'session' && e.detail === 'verifier mismatch'));
});

test("CSRF: state-changing requests need the session's token, compared in constant time", async (t) => {
  const { app } = await makeApp();
  const session = await signIn(app);
  const compared = [];
  const original = bulwark.timingSafeEqual;
  t.mock.method(bulwark, 'timingSafeEqual', (a, b) => {
    compared.push([a, b]);
    return original(a, b);
  });
  const missing = await request(app).post('/api/logout').set('Cookie', session.cookie);
  assert.equal(missing.status, 403);
  assert.equal(missing.body.error.code, 'CSRF');
  const sameLength = `${session.csrfToken.slice(0, -1)}${session.csrfToken.endsWith('A') ? 'B' : 'A'}`;
  for (const token of [sameLength, 'short', `${session.csrfToken}x`]) {
    const res = await request(app).post('/api/logout').set('Cookie', session.cookie).set('X-CSRF-Token', token);
    assert.equal(res.status, 403, token);
  }
  assert.ok(
    compared.some(([a, b]) => a === sameLength && b === session.csrfToken),
    'the CSRF token went through bulwark.timingSafeEqual',
  );
  // Still signed in: the forged requests changed nothing.
  assert.equal((await request(app).get('/api/me').set('Cookie', session.cookie)).status, 200);

  const logout = await request(app)
    .post('/api/logout')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken);
  assert.equal(logout.status, 204);
  assert.match(
    logout.headers['set-cookie'][0],
    /^__Host-sid=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict$/,
  );
  assert.equal(
    (await request(app).get('/api/me').set('Cookie', session.cookie)).status,
    401,
    'the session is gone server-side',
  );
});

test('/api/session tells the page whether it is signed in, with a 200 either way', async () => {
  const { app, securityEvents } = await makeApp();
  const out = await request(app).get('/api/session');
  assert.equal(out.status, 200);
  assert.deepEqual(out.body, { signedIn: false });
  assert.equal(out.headers['cache-control'], 'no-store');
  const session = await signIn(app);
  const inside = await request(app).get('/api/session').set('Cookie', session.cookie);
  assert.deepEqual(inside.body, { signedIn: true, email: session.email, profile: {}, csrfToken: session.csrfToken });
  // A tampered verifier is not a session, and is logged.
  const [name, value] = session.cookie.split('=');
  const forged = `${value.slice(0, 33)}${value[33] === 'A' ? 'B' : 'A'}${value.slice(34)}`;
  const tampered = await request(app).get('/api/session').set('Cookie', `${name}=${forged}`);
  assert.deepEqual(tampered.body, { signedIn: false });
  assert.ok(securityEvents().some((e) => e.type === 'session' && e.url === '/api/session'));
});
