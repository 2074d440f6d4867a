'use strict';
// The attack lab's event view (GET /api/security-events): each browser (lab cookie) sees the
// events its own requests produced, merged per request, type and location, and never anyone
// else's or any request value. The page itself is tested in real Chromium (browser.test.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const { makeApp, signIn } = require('./helpers');
const { createSecurityEvents, LAB_COOKIE } = require('../lib/security-events');

/** A lab id from the event view: the `name=value` of its cookie. */
async function labCookie(app) {
  const res = await request(app).get('/api/security-events');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { events: [], counts: {}, latest: 0 });
  const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${LAB_COOKIE}=`));
  assert.ok(cookie, 'a lab cookie is set');
  for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) assert.ok(cookie.includes(attribute));
  assert.equal(res.headers['cache-control'], 'no-store');
  return cookie.split(';')[0];
}

test('each attack class produces its event, seen by the browser that sent it and by no other', async () => {
  const { app } = await makeApp();
  const mine = await labCookie(app);
  const theirs = await labCookie(app);
  assert.notEqual(mine, theirs);
  const session = await signIn(app);
  const cookies = `${mine}; ${session.cookie}`;
  const secret = 'never-shown-password-value';
  const attacks = [
    [
      'html',
      201,
      request(app)
        .post('/api/comments')
        .set('Cookie', cookies)
        .set('X-CSRF-Token', session.csrfToken)
        .send({ body: '<b>lab</b><img src=x onerror=alert(1)><script>alert(1)</script>' }),
    ],
    ['path', 400, request(app).get('/files/..%2f..%2fpackage.json').set('Cookie', cookies)],
    [
      'ssrf',
      400,
      request(app)
        .post('/api/preview')
        .set('Cookie', cookies)
        .set('X-CSRF-Token', session.csrfToken)
        .send({ url: 'http://169.254.169.254/latest/meta-data/' }),
    ],
    [
      'prototype',
      400,
      request(app)
        .post('/api/login')
        .set('Cookie', cookies)
        .set('content-type', 'application/json')
        .send(`{"email": "a@example.com", "password": "${secret}", "__proto__": {"admin": true}}`),
    ],
    [
      'operator',
      400,
      request(app)
        .post('/api/login')
        .set('Cookie', cookies)
        .send({ email: { $ne: null }, password: secret }),
    ],
    ['parameterPollution', 200, request(app).get('/api/comments?limit=50&limit=5').set('Cookie', cookies)],
    [
      'limit',
      413,
      request(app)
        .post('/api/login')
        .set('Cookie', cookies)
        .send({ email: 'a@example.com', password: 'x'.repeat(64 * 1024) }),
    ],
  ];
  let latest = 0;
  for (const [type, status, pending] of attacks) {
    const res = await pending;
    assert.equal(res.status, status, `${type}: ${res.text}`);
    const view = await request(app).get(`/api/security-events?after=${latest}`).set('Cookie', mine);
    assert.deepEqual(
      view.body.events.map((e) => e.type),
      [type],
      `${type} produced exactly its own event`,
    );
    latest = view.body.latest;
  }
  const { body } = await request(app).get('/api/security-events').set('Cookie', mine);
  assert.deepEqual(body.counts, {
    html: 1,
    path: 1,
    ssrf: 1,
    prototype: 1,
    operator: 1,
    parameterPollution: 1,
    limit: 1,
  });
  const operator = body.events.find((e) => e.type === 'operator');
  assert.equal(operator.location, 'body');
  assert.equal(operator.method, 'POST');
  assert.equal(operator.url, '/api/login');
  assert.ok(operator.paths.some((p) => p.includes('$ne')));
  for (const e of body.events)
    assert.deepEqual(Object.keys(e).sort(), [
      'at',
      'count',
      'detail',
      'location',
      'method',
      'paths',
      'seq',
      'type',
      'url',
    ]);
  assert.ok(!JSON.stringify(body).includes(secret), 'no request value');
  assert.ok(!JSON.stringify(body).includes('127.0.0.1'), 'no IP');

  // The other browser saw none of it; a browser without a lab cookie is not stored at all.
  const other = await request(app).get('/api/security-events').set('Cookie', theirs);
  assert.deepEqual(other.body, { events: [], counts: {}, latest: 0 });
  // A made-up id is not adopted: it gets a fresh one of its own.
  const forged = await request(app)
    .get('/api/security-events')
    .set('Cookie', `${LAB_COOKIE}=${'A'.repeat(22)}`);
  assert.deepEqual(forged.body, { events: [], counts: {}, latest: 0 });
  assert.ok(forged.headers['set-cookie'].some((c) => c.startsWith(`${LAB_COOKIE}=`) && !c.includes('A'.repeat(22))));
});

test('login brute force: 5 failures then 429 from the per-account limiter; the brute-forcing browser still signs in', async () => {
  const { app } = await makeApp({ rateLimit: { api: 1000 } }); // default auth and login budgets
  const lab = await labCookie(app);
  const statuses = [];
  for (let i = 1; i <= 6; i++)
    statuses.push(
      (
        await request(app)
          .post('/api/login')
          .set('Cookie', lab)
          .send({ email: 'brute-force-target@example.com', password: `guess-${i}` })
      ).status,
    );
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  const { body } = await request(app).get('/api/security-events').set('Cookie', lab);
  assert.deepEqual(body.counts, { login: 5, rateLimit: 1 });
  assert.deepEqual(body.events.at(-1).paths, ['login']);
  await signIn(app); // from the same address
});

test('tries refused by the per-account limiter give their try back to the IP budget: clicking brute force again never locks the IP out', async () => {
  const { app } = await makeApp({ rateLimit: { auth: 8, api: 1000 } });
  const statuses = [];
  for (let i = 1; i <= 20; i++)
    statuses.push(
      (
        await request(app)
          .post('/api/login')
          .send({ email: 'brute-force-target@example.com', password: `guess-${i}` })
      ).status,
    );
  assert.deepEqual(statuses, [...Array(5).fill(401), ...Array(15).fill(429)]);
  // 5 of the IP's 8 tries are used: sign-up, sign-in and one more still fit, and no more.
  const session = await signIn(app);
  const login = () => request(app).post('/api/login').send({ email: session.email, password: session.password });
  assert.equal((await login()).status, 200);
  const over = await login();
  assert.equal(over.status, 429);
  assert.match(over.headers.ratelimit, /"auth"; r=0/);
});

test('events of one request are merged per type and location, whether they come one per key or with a count', () => {
  const lab = createSecurityEvents();
  const res = {
    set() {},
    cookie(name, value) {
      this.id = value;
    },
    json(body) {
      this.body = body;
    },
  };
  lab.route({ headers: {}, query: {} }, res);
  const req = { headers: { cookie: `${LAB_COOKIE}=${res.id}` }, query: {} };
  const base = { location: 'query', ip: '10.0.0.1', method: 'GET', url: '/x?token=secret' };
  // Before bulwark/express reported once per request: one event per key, without count/paths.
  lab.attribute(req, {}, () => {
    for (let i = 0; i < 1000; i++) lab.record({ ...base, type: 'operator', path: `k${i}.$gt`, detail: 'x' });
  });
  // After: one event per request, location and type.
  lab.attribute(req, {}, () => {
    lab.record({
      ...base,
      type: 'operator',
      count: 1000,
      paths: ['k0.$gt', 'k1.$gt', 'k2.$gt', 'k3.$gt', 'k4.$gt'],
      path: 'k0.$gt',
      detail: 'x',
    });
  });
  // Outside any lab context (no cookie): not stored.
  lab.record({ ...base, type: 'operator', path: 'a' });
  lab.route(req, res);
  const [before, after] = res.body.events;
  assert.equal(res.body.events.length, 2);
  for (const e of [before, after]) {
    assert.equal(e.count, 1000);
    assert.deepEqual(e.paths, ['k0.$gt', 'k1.$gt', 'k2.$gt', 'k3.$gt', 'k4.$gt']);
    assert.equal(e.url, '/x');
  }
  assert.deepEqual(res.body.counts, { operator: 2 });
});
