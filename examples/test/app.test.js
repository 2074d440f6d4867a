'use strict';
// The app as a whole: security headers and CSP, the static page, security.txt, CORS, the
// request-shape attacks stopped by bulwark/express, the rate limits (429), the error handler
// and security event logging.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const { execFile, spawnSync } = require('node:child_process');
const { promisify } = require('node:util');
const path = require('node:path');
const request = require('supertest');
const { makeApp, signIn } = require('./helpers');
const { curlLines } = require('../server');

const CSP =
  "default-src 'none';script-src 'self';style-src 'self';img-src 'self';connect-src 'self';form-action 'self';frame-ancestors 'none';base-uri 'none';object-src 'none'";

function assertSecurityHeaders(res) {
  assert.equal(res.headers['content-security-policy'], CSP);
  assert.equal(res.headers['x-powered-by'], undefined);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['referrer-policy'], 'no-referrer');
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  assert.match(res.headers['strict-transport-security'], /^max-age=\d{8,}; includeSubDomains$/);
}

test('the static page is served with a strict CSP, and contains no inline script for it to block', async () => {
  const { app } = await makeApp();
  for (const url of ['/', '/app.js', '/style.css']) {
    const res = await request(app).get(url);
    assert.equal(res.status, 200, url);
    assertSecurityHeaders(res);
  }
  const html = fs.readFileSync(path.join(__dirname, '..', 'public', 'index.html'), 'utf8');
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  assert.ok(scripts.length > 0);
  for (const tag of scripts) assert.match(tag, /\ssrc="\/[^"]+"/, `${tag} loads a file (CSP script-src 'self')`);
  assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/i, 'no inline script body');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no inline style (style-src has no unsafe-inline)');
});

test('a favicon is served (SVG, linked from the page; /favicon.ico redirects to it)', async () => {
  const { app } = await makeApp();
  const icon = await request(app).get('/favicon.svg');
  assert.equal(icon.status, 200);
  assert.equal(icon.headers['content-type'], 'image/svg+xml');
  assertSecurityHeaders(icon);
  const legacy = await request(app).get('/favicon.ico');
  assert.equal(legacy.status, 301);
  assert.equal(legacy.headers.location, '/favicon.svg');
  const page = await request(app).get('/');
  assert.match(page.text, /<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml"\s*\/?>/);
});

test('API answers, errors and 404s carry the same headers; x-powered-by is off; API responses are not cached', async () => {
  const { app } = await makeApp();
  const list = await request(app).get('/api/comments');
  assert.equal(list.status, 200);
  assertSecurityHeaders(list);
  assert.equal(list.headers['cache-control'], 'no-store');
  const missing = await request(app).get('/no/such/page');
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { error: { code: 'NOT_FOUND', message: 'no such route' } });
  assertSecurityHeaders(missing);
  const bad = await request(app).post('/api/login').set('content-type', 'application/json').send('{"a":');
  assert.equal(bad.status, 400);
  assertSecurityHeaders(bad);
});

test('/.well-known/security.txt follows RFC 9116: Contact and an Expires less than a year ahead', async () => {
  const { app } = await makeApp({
    securityContact: 'mailto:security@bulwark.test',
    canonicalUrl: 'https://bulwark.test/.well-known/security.txt',
  });
  const res = await request(app).get('/.well-known/security.txt');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
  const fields = Object.fromEntries(
    res.text
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
  assert.equal(fields.Contact, 'mailto:security@bulwark.test');
  assert.equal(fields.Canonical, 'https://bulwark.test/.well-known/security.txt');
  assert.match(fields.Expires, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const expires = Date.parse(fields.Expires);
  assert.ok(expires > Date.now() && expires < Date.now() + 365 * 24 * 3600 * 1000);
});

test('CORS: only allowlisted origins get credentials access; others get no CORS headers', async () => {
  const { app } = await makeApp({ allowedOrigins: ['https://app.bulwark.test'] });
  const preflight = await request(app)
    .options('/api/comments')
    .set('Origin', 'https://app.bulwark.test')
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'content-type,x-csrf-token');
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers['access-control-allow-origin'], 'https://app.bulwark.test');
  assert.equal(preflight.headers['access-control-allow-credentials'], 'true');
  assert.equal(preflight.headers['access-control-allow-headers'], 'Content-Type,X-CSRF-Token');
  assert.equal(preflight.headers['access-control-allow-methods'], 'GET,POST,PATCH');

  for (const origin of ['https://evil.test', 'null', 'https://app.bulwark.test.evil.test', 'http://app.bulwark.test']) {
    const evilPreflight = await request(app)
      .options('/api/comments')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST');
    assert.equal(evilPreflight.headers['access-control-allow-origin'], undefined, origin);
    assert.equal(evilPreflight.headers['access-control-allow-credentials'], undefined, origin);
    const evilGet = await request(app).get('/api/comments').set('Origin', origin);
    assert.equal(evilGet.headers['access-control-allow-origin'], undefined, origin);
    assert.match(evilGet.headers.vary, /Origin/);
  }
});

test('prototype pollution in JSON and form bodies is rejected with 400 and logged as a security event', async () => {
  const { app, securityEvents } = await makeApp();
  const payloads = [
    '{"email": "a@example.com", "password": "x", "__proto__": {"admin": true}}',
    '{"\\u005f\\u005fproto__": {"admin": true}}',
    '{"email": "a@example.com", "password": "x", "constructor": {"prototype": {"admin": true}}}',
    '{"list": [{"__proto__": {"admin": true}}]}',
  ];
  for (const payload of payloads) {
    const res = await request(app).post('/api/login').set('content-type', 'application/json').send(payload);
    assert.equal(res.status, 400, payload);
    assert.equal(res.body.error.code, 'PROTOTYPE_POLLUTION', payload);
  }
  const form = await request(app)
    .post('/api/login')
    .type('form')
    .send('email=a%40example.com&password=x&__proto__[admin]=1');
  assert.notEqual(form.status, 200);
  assert.equal({}.admin, undefined);
  assert.equal(Object.prototype.admin, undefined);
  const events = securityEvents().filter((e) => e.type === 'prototype');
  assert.ok(events.length >= payloads.length);
  assert.ok(events.every((e) => e.location === 'body' && e.url === '/api/login' && typeof e.ip === 'string'));
});

test('NoSQL operator keys in bodies are rejected before any route sees them', async () => {
  const { app, securityEvents } = await makeApp();
  for (const body of [
    { email: { $ne: null }, password: 'x' },
    { email: 'a@example.com', password: { $gt: '' } },
    { $where: 'sleep(1000)' },
    { 'email.x': 1 },
  ]) {
    const res = await request(app).post('/api/login').send(body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, 'OPERATOR_KEY', JSON.stringify(body));
  }
  const form = await request(app).post('/api/login').type('form').send('email[$ne]=x&password=y');
  assert.equal(form.status, 400);
  assert.equal(form.body.error.code, 'OPERATOR_KEY');
  assert.ok(securityEvents().some((e) => e.type === 'operator' && e.path.includes('$ne')));
});

test('malformed, oversized and too deeply nested bodies get 400/413 before the route', async () => {
  const { app } = await makeApp();
  const malformed = await request(app)
    .post('/api/login')
    .set('content-type', 'application/json')
    .send('{"email": "a@example.com",');
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.error.code, 'INVALID_JSON');

  const big = await request(app)
    .post('/api/login')
    .send({ email: 'a@example.com', password: 'x'.repeat(40 * 1024) });
  assert.equal(big.status, 413);

  const deep = await request(app)
    .post('/api/login')
    .set('content-type', 'application/json')
    .send(`${'['.repeat(64)}${']'.repeat(64)}`);
  assert.equal(deep.status, 400);
  assert.doesNotMatch(JSON.stringify(deep.body), /\[\[/);

  const manyParams = await request(app)
    .post('/api/login')
    .type('form')
    .send(Array.from({ length: 1200 }, (_, i) => `k${i}=1`).join('&'));
  assert.equal(manyParams.status, 413);
});

test('the auth limiter answers 429 on the 6th login or sign-up try within the window, and logs it', async () => {
  const { app, securityEvents } = await makeApp({ rateLimit: { auth: 5, api: 1000 } });
  const tries = [];
  for (let i = 0; i < 6; i++) {
    tries.push(
      await request(app)
        .post('/api/login')
        .send({ email: 'nobody@example.com', password: `guess-${i}` }),
    );
  }
  assert.deepEqual(
    tries.map((r) => r.status),
    [401, 401, 401, 401, 401, 429],
  );
  const limited = tries[5];
  assert.deepEqual(limited.body, { error: { code: 'RATE_LIMITED', message: 'too many requests; try again later' } });
  assert.match(limited.headers.ratelimit, /(^|, )"auth"; r=0; t=\d+$/);
  assert.match(limited.headers['ratelimit-policy'], /"auth"; q=5; w=900/);
  assert.ok(Number(limited.headers['retry-after']) > 0);
  // Sign-up shares the budget: an attacker cannot switch routes to get more tries.
  const signup = await request(app)
    .post('/api/signup')
    .send({ email: 'new@example.com', password: 'long enough password' });
  assert.equal(signup.status, 429);
  // Other routes have their own, larger budget.
  assert.equal((await request(app).get('/api/comments')).status, 200);
  assert.ok(securityEvents().some((e) => e.type === 'rateLimit' && e.path === 'auth' && e.url === '/api/login'));
});

test('the login limiter: 5 failed logins per account and IP, then 429; other accounts still sign in', async () => {
  const { app, securityEvents } = await makeApp({ rateLimit: { api: 1000 } }); // default auth and login budgets
  const victim = 'victim@example.com';
  const statuses = [];
  for (let i = 0; i < 7; i++)
    statuses.push(
      (
        await request(app)
          .post('/api/login')
          .send({ email: i % 2 ? victim.toUpperCase() : victim, password: `guess-${i}` })
      ).status,
    );
  // Another spelling of the same address (case) shares the budget: the key is the normalized address.
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
  const limited = securityEvents().filter((e) => e.type === 'rateLimit');
  assert.ok(limited.length === 2 && limited.every((e) => e.path === 'login'));
  // The same IP signs up and in to its own account: the guesses did not use its budget up.
  const own = await signIn(app);
  assert.match(own.csrfToken, /^[A-Za-z0-9_-]{43}$/);
  // A successful login gives its try back: five good logins in a row never reach the limit.
  for (let i = 0; i < 6; i++)
    assert.equal(
      (await request(app).post('/api/login').send({ email: own.email, password: own.password })).status,
      200,
    );
});

test('the curl lines printed by npm start leave the page its sign-up and sign-in', async (t) => {
  if (spawnSync('curl', ['--version']).status !== 0) {
    t.skip('curl is not installed');
    return;
  }
  const { app } = await makeApp({ rateLimit: {} }); // the defaults npm start uses
  const server = http.createServer(app);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}`;
  const script = curlLines(url).join('\n');
  // Asynchronously: the server answers from this very process.
  const run = await promisify(execFile)('sh', ['-c', script], { encoding: 'utf8', timeout: 60000 });
  const replies = run.stdout.trim().split('\n');
  // The brute-force loop: five generic refusals, then the limiter.
  assert.deepEqual(
    replies.slice(-6).map((line) => JSON.parse(line).error.code),
    [
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'RATE_LIMITED',
    ],
  );
  assert.ok(
    replies.some((line) => line.includes('SSRF_BLOCKED')),
    run.stdout,
  );
  assert.ok(
    replies.some((line) => line.includes('PATH_ESCAPE')),
    run.stdout,
  );
  // Then the page, from the same address: create an account and sign in.
  const credentials = { email: 'page-user@example.com', password: 'a page user password' };
  const post = (path, body) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  assert.equal((await post('/api/signup', credentials)).status, 202);
  assert.equal((await post('/api/login', credentials)).status, 200);
  assert.equal((await post('/api/login', { ...credentials, password: 'typo' })).status, 401);
  assert.equal((await post('/api/login', credentials)).status, 200);
});

test('the general limiter caps every other route per IP', async () => {
  const { app } = await makeApp({ rateLimit: { auth: 5, api: 3 } });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await request(app).get('/api/comments')).status);
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('a failing database gives a generic 500: no message, no stack, the details only in the server log', async () => {
  const secret = 'connection to 10.0.0.5:5432 refused (password authentication failed for user "app")';
  const brokenDb = {
    kind: 'broken',
    query: async () => {
      throw new Error(secret);
    },
    one: async () => {
      throw new Error(secret);
    },
  };
  for (const production of [true, false]) {
    const { app, logs } = await makeApp({ db: brokenDb, production });
    const res = await request(app).get('/api/comments');
    assert.equal(res.status, 500);
    const { requestId, ...error } = res.body.error;
    assert.deepEqual(error, { code: 'INTERNAL', message: 'Internal Server Error' });
    assert.match(requestId, /^[0-9a-f-]{36}$/);
    assert.doesNotMatch(res.text, /10\.0\.0\.5|password|at \w|\.js:\d/);
    const logged = logs.find((l) => l.msg === 'unhandled error');
    assert.ok(logged, 'the error is logged server-side');
    assert.equal(logged.requestId, requestId, 'the reply names the log record');
    assert.match(logged.err.message, /10\.0\.0\.5/);
    assert.match(logged.err.stack, /at /);
  }
});

test('a request with 1,000 repeated or __proto__ query keys writes a few short log records, not one per key', async () => {
  const { app, logs } = await makeApp();
  for (const key of ['limit', '__proto__[x]', 'q[$gt]']) {
    const before = logs.length;
    const query = Array.from({ length: 1000 }, () => `${key}=5`).join('&');
    const res = await request(app).get(`/api/comments?${query}`);
    assert.ok(res.status < 500, key);
    const security = logs.slice(before).filter((l) => l.security);
    assert.ok(security.length >= 1 && security.length <= 3, `${key}: ${security.length} security records`);
    const bytes = JSON.stringify(security).length;
    assert.ok(bytes < 4096, `${key}: ${bytes} bytes of security log for one request`);
    for (const { security: e } of security) if (e.paths) assert.ok(e.paths.length <= 5);
  }
});

test('security logs carry no passwords, session cookies or CSRF tokens', async () => {
  const { app, logs } = await makeApp();
  const password = 'pass-phrase-that-must-not-be-logged';
  const session = await signIn(app, { password });
  await request(app).post('/api/login').send({ email: session.email, password: 'wrong-password-never-logged' });
  await request(app).post('/api/logout').set('Cookie', session.cookie).set('X-CSRF-Token', 'forged-token-never-logged');
  await request(app)
    .post('/api/login')
    .set('content-type', 'application/json')
    .send(`{"password": "${password}", "__proto__": {}}`);
  const text = JSON.stringify(logs);
  assert.ok(logs.some((l) => l.security && l.security.type === 'login'));
  assert.ok(logs.some((l) => l.security && l.security.type === 'csrf'));
  for (const secret of [
    password,
    'wrong-password-never-logged',
    'forged-token-never-logged',
    session.cookie.split('=')[1],
    session.csrfToken,
  ]) {
    assert.ok(!text.includes(secret), 'a secret reached the logs');
  }
});
