'use strict';
// Link previews behind bulwark.checkUrl and bulwark.createSafeLookup. The only server any
// test fetches from is this file's own on 127.0.0.1; loopback is allowed only in the apps
// built with `allowedCategories: ['loopback']` (nothing else: no public address either).
// Every refusal is checked against the server's hit count: a blocked URL made no request.
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const request = require('supertest');
const { makeApp, signIn } = require('./helpers');

let origin;
const hits = [];
const target = http.createServer((req, res) => {
  hits.push(req.url);
  const send = (status, headers, body = '') => {
    res.writeHead(status, headers);
    res.end(body);
  };
  switch (req.url) {
    case '/page':
      return send(
        200,
        { 'content-type': 'text/html; charset=utf-8' },
        '<!doctype html><html><head><title>\n  Local &amp; <b>friendly</b> page </title></head><body>hi</body></html>',
      );
    case '/to-metadata':
      return send(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' });
    case '/to-hex-loopback':
      return send(301, { location: `http://0x7f.1:${new URL(origin).port}/page` });
    case '/to-file':
      return send(302, { location: 'file:///etc/passwd' });
    case '/to-page':
      return send(302, { location: '/page' });
    case '/loop':
      return send(302, { location: '/loop' });
    case '/json':
      return send(200, { 'content-type': 'application/json' }, '{"title": "not html"}');
    case '/huge': {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write(`<html>${' '.repeat(300 * 1024)}`);
      return res.end('<title>after the cap</title>');
    }
    default:
      return send(404, { 'content-type': 'text/plain' }, 'not found');
  }
});

test.before(
  () =>
    new Promise((resolve) =>
      target.listen(0, '127.0.0.1', () => {
        origin = `http://127.0.0.1:${target.address().port}`;
        resolve();
      }),
    ),
);
test.after(() => new Promise((resolve) => target.close(resolve)));

/** A fake DNS: `rebind.test` is an attacker's name that resolves to the loopback address. */
function fakeDns(hostname, options, callback) {
  if (hostname === 'rebind.test') callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
}

async function appWith(preview, rateLimit) {
  const made = await makeApp({ preview: { lookup: fakeDns, ...preview }, ...(rateLimit ? { rateLimit } : {}) });
  const session = await signIn(made.app);
  const previewOf = (url) =>
    request(made.app)
      .post('/api/preview')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send({ url });
  return { ...made, session, previewOf };
}

test('a page on an allowed address is fetched and its title returned as text', async () => {
  const { previewOf } = await appWith({ allowedCategories: ['loopback'] });
  hits.length = 0;
  const res = await previewOf(`${origin}/page`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { url: `${origin}/page`, title: 'Local & friendly page' });
  const redirected = await previewOf(`${origin}/to-page`);
  assert.deepEqual(redirected.body, { url: `${origin}/page`, title: 'Local & friendly page' });
  assert.deepEqual((await previewOf(`${origin}/json`)).body, { url: `${origin}/json`, title: null });
  const huge = await previewOf(`${origin}/huge`);
  assert.equal(huge.status, 200);
  assert.equal(huge.body.title, null, 'nothing past the byte cap is read');
  // The fake resolver is really used: a name resolving to loopback works when loopback is allowed.
  const named = await previewOf(`http://rebind.test:${new URL(origin).port}/page`);
  assert.equal(named.status, 200);
  assert.equal(named.body.title, 'Local & friendly page');
  assert.deepEqual(hits, ['/page', '/to-page', '/page', '/json', '/huge', '/page']);
});

test('with the production policy (public addresses only) internal targets are refused without a request', async () => {
  const { previewOf, securityEvents } = await appWith({});
  const port = new URL(origin).port;
  hits.length = 0;
  const blocked = [
    `${origin}/page`,
    `http://localhost:${port}/page`,
    `http://0x7f.1:${port}/page`,
    `http://2130706433:${port}/page`,
    `http://017700000001:${port}/page`,
    `http://127.1:${port}/page`,
    `http://[::1]:${port}/page`,
    `http://[::ffff:127.0.0.1]:${port}/page`,
    `http://0.0.0.0:${port}/page`,
    `http://[::]:${port}/page`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    `http://rebind.test:${port}/page`, // a public-looking name resolving to 127.0.0.1: refused at connect time
  ];
  for (const url of blocked) {
    const res = await previewOf(url);
    assert.equal(res.status, 400, url);
    assert.deepEqual(
      res.body,
      { error: { code: 'SSRF_BLOCKED', message: 'this URL leads to an address the server may not reach' } },
      url,
    );
  }
  assert.deepEqual(hits, [], 'no request reached the internal server');
  const events = securityEvents().filter((e) => e.type === 'ssrf');
  assert.equal(events.length, blocked.length);
  assert.ok(events.every((e) => e.detail === 'SSRF_BLOCKED' && e.path === 'url' && e.url === '/api/preview'));
});

test('redirects are checked again: to cloud metadata, to another spelling of loopback, to file:', async () => {
  const { previewOf } = await appWith({ allowedCategories: ['loopback'] });
  hits.length = 0;
  const meta = await previewOf(`${origin}/to-metadata`);
  assert.equal(meta.status, 400);
  assert.equal(meta.body.error.code, 'SSRF_BLOCKED');
  const file = await previewOf(`${origin}/to-file`);
  assert.equal(file.status, 400);
  assert.equal(file.body.error.code, 'URL_SCHEME');
  const loop = await previewOf(`${origin}/loop`);
  assert.equal(loop.status, 502);
  assert.deepEqual(loop.body, { error: { code: 'UPSTREAM_FAILED', message: 'the page could not be fetched' } });
  assert.deepEqual(hits, ['/to-metadata', '/to-file', '/loop', '/loop', '/loop', '/loop']);

  const { previewOf: publicOnly } = await appWith({});
  hits.length = 0;
  assert.equal((await publicOnly(`${origin}/to-hex-loopback`)).body.error.code, 'SSRF_BLOCKED');
  assert.deepEqual(hits, [], 'the first hop was already refused');
});

test('schemes, credentials and malformed URLs are refused; the input is validated', async () => {
  const { previewOf } = await appWith({ allowedCategories: ['loopback'] });
  hits.length = 0;
  const cases = [
    ['file:///etc/passwd', 'URL_SCHEME'],
    [`gopher://127.0.0.1:${new URL(origin).port}/_x`, 'URL_SCHEME'],
    ['javascript:alert(1)', 'URL_SCHEME'],
    [`http://user:secret@127.0.0.1:${new URL(origin).port}/page`, 'URL_CREDENTIALS'],
    ['not a url', 'URL_INVALID'],
    ['http://', 'URL_INVALID'],
  ];
  for (const [url, code] of cases) {
    const res = await previewOf(url);
    assert.equal(res.status, 400, url);
    assert.equal(res.body.error.code, code, url);
    assert.ok(!res.text.includes('secret'), 'credentials are not echoed');
  }
  const long = await previewOf(`${origin}/${'a'.repeat(2100)}`);
  assert.deepEqual(long.body.error.errors, [
    { type: 'field', location: 'body', path: 'url', msg: 'must be at most 2048 characters' },
  ]);
  const notString = await previewOf({ href: `${origin}/page` });
  assert.deepEqual(notString.body.error.errors, [
    { type: 'field', location: 'body', path: 'url', msg: 'Invalid value' },
  ]);
  assert.deepEqual(hits, []);
  const closed = await new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
  const unreachable = await previewOf(`http://127.0.0.1:${closed}/`);
  assert.equal(unreachable.status, 502);
  assert.equal(unreachable.body.error.code, 'UPSTREAM_FAILED');
});

test('previews need a session and the CSRF token, and have their own rate limit', async () => {
  const { app, session, previewOf } = await appWith(
    { allowedCategories: ['loopback'] },
    { preview: 3, auth: 100, api: 1000 },
  );
  hits.length = 0;
  assert.equal(
    (
      await request(app)
        .post('/api/preview')
        .send({ url: `${origin}/page` })
    ).status,
    401,
  );
  assert.equal(
    (
      await request(app)
        .post('/api/preview')
        .set('Cookie', session.cookie)
        .send({ url: `${origin}/page` })
    ).status,
    403,
  );
  assert.equal((await previewOf(`${origin}/page`)).status, 200);
  // Every try counts, refused ones too: the 4th within the window is 429.
  const limited = await previewOf(`${origin}/page`);
  assert.equal(limited.status, 429);
  assert.equal(limited.body.error.code, 'RATE_LIMITED');
  assert.deepEqual(hits, ['/page']);
});
