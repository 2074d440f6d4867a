'use strict';
// bulwark/express against real Express 4 (latest 4.x, installed as `express4`) and Express 5.
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const zlib = require('node:zlib');
const request = require('supertest');
const { bulwark, assertCode } = require('./helpers');
const guardware = require('bulwark/express');

/** POSTs raw bytes with exact headers (superagent would re-serialize a Buffer as JSON). */
function rawPost(app, path, headers, body) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app).listen(0, '127.0.0.1', () => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.address().port,
          method: 'POST',
          path,
          headers: { 'content-length': body.length, ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => {
            server.close();
            resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null });
          });
        },
      );
      req.on('error', (err) => {
        server.close();
        reject(err);
      });
      req.end(body);
    });
  });
}

const MAJORS = [
  ['Express 4', require('express4')],
  ['Express 5', require('express')],
];

/** An app with Bulwark's parsers and guard, echoing what the route handler sees. */
function makeApp(express, { json, urlencoded, query, guard, setup } = {}) {
  const app = express();
  const events = [];
  const onViolation = (e) => events.push(e);
  if (query !== false) app.set('query parser', guardware.queryParser(query));
  app.use(guardware.json({ onViolation, ...json }), guardware.urlencoded({ onViolation, ...urlencoded }));
  if (guard) app.use(guardware.guard({ onViolation, ...guard }));
  if (setup) setup(app, onViolation);
  app.all('/echo', (req, res) =>
    res.json({ body: req.body ?? null, query: { ...req.query }, again: { ...req.query } }),
  );
  app.use(guardware.errorHandler());
  return { app, events };
}

for (const [major, express] of MAJORS) {
  test(`${major}: clean requests pass untouched`, async () => {
    const { app, events } = makeApp(express);
    const body = { name: 'Ada', tags: ['a', 'b'], nested: { n: 1, ok: true, nil: null }, text: '<b>kept as data</b>' };
    const res = await request(app).post('/echo?page=2&sort=name').send(body);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, body);
    assert.deepEqual(res.body.query, { page: '2', sort: 'name' });
    const form = await request(app).post('/echo').type('form').send('a=1&b[c]=2&text=x+y%21');
    assert.deepEqual(form.body.body, { a: '1', b: { c: '2' }, text: 'x y!' });
    assert.deepEqual(events, []);
    // Events name the path, never the query string (it can carry tokens).
    const noisy = makeApp(express, { guard: {} });
    await request(noisy.app).get('/echo?token=SECRET&__proto__[x]=1');
    assert.ok(noisy.events.length > 0);
    assert.ok(
      noisy.events.every((e) => e.url === '/echo'),
      JSON.stringify(noisy.events),
    );
    assert.doesNotMatch(JSON.stringify(noisy.events), /SECRET/);
  });

  test(`${major}: prototype poisoning in JSON is rejected in every spelling`, async () => {
    const { app, events } = makeApp(express);
    const payloads = [
      '{"__proto__": {"admin": true}}',
      '{"a": {"b": [{"__proto__": {"admin": true}}]}}',
      '{"\\u005f\\u005fproto__": {"admin": true}}',
      '{"constructor": {"prototype": {"admin": true}}}',
      '{"a": 1, "__proto__": {"x": 1}, "__proto__": {"y": 2}}',
    ];
    for (const payload of payloads) {
      const res = await request(app).post('/echo').set('content-type', 'application/json').send(payload);
      assert.equal(res.status, 400, payload);
      assert.equal(res.body.error.code, 'PROTOTYPE_POLLUTION', payload);
    }
    assert.equal({}.admin, undefined);
    assert.ok(events.some((e) => e.type === 'prototype' && e.location === 'body'));
  });

  test(`${major}: NoSQL operator keys are rejected, or stripped when configured`, async () => {
    const { app } = makeApp(express);
    for (const body of [
      { user: { $ne: null } },
      { $where: 'sleep(1000)' },
      { 'a.b': 1 },
      { list: [{ q: { $gt: '' } }] },
    ]) {
      const res = await request(app).post('/echo').send(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'OPERATOR_KEY');
      assert.doesNotMatch(JSON.stringify(res.body), /\$ne|\$where|sleep|\$gt/, 'the response does not echo input');
    }
    const strip = makeApp(express, { json: { operators: 'strip' } });
    const res = await request(strip.app)
      .post('/echo')
      .send({ user: { name: 'x', $ne: null }, ok: 1 });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { user: { name: 'x' }, ok: 1 });
    assert.deepEqual(
      strip.events.map((e) => [e.type, e.path]),
      [['operator', 'user.$ne']],
    );
  });

  test(`${major}: limits give 413, bad encodings and charsets 415, bad JSON 400`, async () => {
    const { app, events } = makeApp(express, { json: { limit: '1kb', maxDepth: 4, maxKeys: 20 } });
    const big = JSON.stringify({ s: 'x'.repeat(2000) });
    let res = await request(app).post('/echo').set('content-type', 'application/json').send(big);
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'BODY_TOO_LARGE');
    assert.ok(events.some((e) => e.type === 'limit'));
    // A small gzip body that inflates past the limit is caught after decoding.
    const gzipped = zlib.gzipSync(big);
    assert.ok(gzipped.length < 1024, 'the compressed body is under the limit');
    res = await rawPost(app, '/echo', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipped);
    assert.equal(res.status, 413);
    res = await rawPost(
      app,
      '/echo',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      zlib.gzipSync('{"ok":1}'),
    );
    assert.deepEqual(res.body.body, { ok: 1 });
    res = await rawPost(
      app,
      '/echo',
      { 'content-type': 'application/json', 'content-encoding': 'br' },
      zlib.brotliCompressSync('{"ok":2}'),
    );
    assert.deepEqual(res.body.body, { ok: 2 });
    res = await rawPost(
      app,
      '/echo',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      Buffer.from('not gzip'),
    );
    assert.equal(res.status, 400);
    res = await rawPost(
      app,
      '/echo',
      { 'content-type': 'application/json', 'content-encoding': 'compress' },
      Buffer.from('{}'),
    );
    assert.equal(res.status, 415);
    res = await request(app).post('/echo').set('content-type', 'application/json; charset=latin1').send('{}');
    assert.equal(res.status, 415);
    res = await request(app).post('/echo').set('content-type', 'application/json').send('{"a":');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'INVALID_JSON');
    res = await request(app)
      .post('/echo')
      .send({ a: { b: { c: { d: { e: 1 } } } } });
    assert.equal(res.status, 400);
    res = await request(app)
      .post('/echo')
      .send(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])));
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'TOO_MANY_KEYS');
  });

  test(`${major}: urlencoded bodies: qs attacks, parameter and depth limits`, async () => {
    const { app, events } = makeApp(express, { urlencoded: { parameterLimit: 10, maxDepth: 2 } });
    let res = await request(app).post('/echo').type('form').send('a[__proto__]=b&a[length]=100000000&a[x]=1');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { a: { length: '100000000', x: '1' } });
    assert.equal({}.b, undefined);
    assert.ok(events.some((e) => e.type === 'prototype'));
    res = await request(app)
      .post('/echo')
      .type('form')
      .send(Array.from({ length: 11 }, (_, i) => `p${i}=1`).join('&'));
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'TOO_MANY_PARAMETERS');
    res = await request(app).post('/echo').type('form').send('a[b][c][d]=deep&ok=1');
    assert.deepEqual(res.body.body, { ok: '1' });
    res = await request(app).post('/echo').type('form').send('user[$ne]=1');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'OPERATOR_KEY');
  });

  test(`${major}: queryParser makes req.query clean on every access (hpp, prototype and operator keys)`, async () => {
    const { app, events } = makeApp(express, { query: { allowArrays: ['tag'] }, guard: {} });
    const res = await request(app).get(
      '/echo?a=1&a=2&tag=x&tag=y&__proto__[admin]=1&constructor[prototype][x]=1&user[$ne]=1&$where=1&q[b]=3',
    );
    assert.equal(res.status, 200);
    const expected = { a: '2', tag: ['x', 'y'], q: { b: '3' } };
    assert.deepEqual(res.body.query, expected);
    assert.deepEqual(res.body.again, expected, 'a second read (Express 5 re-parses) is just as clean');
    assert.equal({}.admin, undefined);
    const types = events.map((e) => e.type).sort();
    assert.ok(
      types.includes('parameterPollution') && types.includes('prototype') && types.includes('operator'),
      types.join(),
    );
  });

  test(`${major}: guard rejects what other parsers let through, and cleans only where safe`, async () => {
    const setup = (app) => app.set('query parser', 'extended');
    const { app } = makeApp(express, { query: false, guard: {}, setup });
    let res = await request(app).get('/echo?user[$ne]=x');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'OPERATOR_KEY');
    const cleaning = makeApp(express, { query: false, guard: { mode: 'clean' }, setup, json: { operators: 'allow' } });
    res = await request(cleaning.app).post('/echo?user[$ne]=x&ok=1').send({ a: 1, $where: 'x' });
    if (major === 'Express 4') {
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.query, { user: {}, ok: '1' });
      assert.deepEqual(res.body.body, { a: 1 });
    } else {
      // Express 5's req.query is a getter: it cannot be cleaned in place, so guard rejects.
      assert.equal(res.status, 400);
    }
  });

  test(`${major}: validate answers 400 with path and message only, and fills req.valid`, async () => {
    const app = express();
    app.use(guardware.json());
    app.post(
      '/profile',
      guardware.validate({
        body: { bio: { stripTags: {}, escape: {} }, nick: { escape: {} }, note: { optional: true, escape: {} } },
      }),
      (req, res) => {
        res.json({ valid: req.valid, original: req.body });
      },
    );
    app.use(guardware.errorHandler());
    let res = await request(app).post('/profile').send({ bio: '<b>hi</b> & <script>x</script>', nick: 'a<b' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.valid, { body: { bio: 'hi &amp; ', nick: 'a&lt;b' } });
    assert.deepEqual(
      res.body.original,
      { bio: '<b>hi</b> & <script>x</script>', nick: 'a<b' },
      'the request is untouched',
    );
    res = await request(app)
      .post('/profile')
      .send({ bio: ['SECRET-ITEM'], extra: 'SECRET-VALUE' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    // express-validator's error shape (issue 8); the array is refused because bio has no isArray.
    assert.deepEqual(res.body.error.errors, [
      { type: 'field', location: 'body', path: 'bio', msg: 'Invalid value' },
      { type: 'field', location: 'body', path: 'nick', msg: 'Invalid value' },
    ]);
    assert.doesNotMatch(JSON.stringify(res.body), /SECRET/);
  });

  test(`${major}: validate runs validators and sanitizers in rule order, one batch per request`, async () => {
    const app = express();
    app.set('query parser', guardware.queryParser());
    app.use(guardware.json());
    const rules = {
      body: {
        // Each rule names itself in its message, so the answer says which rule failed first.
        email: { trim: {}, isEmail: { options: {}, errorMessage: 'isEmail' }, normalizeEmail: {} },
        age: { isInt: { options: { min: 0, max: 150 }, errorMessage: 'isInt' }, toInt: {} },
        name: { trim: {}, isLength: { options: { min: 1, max: 10 }, errorMessage: 'isLength' }, escape: {} },
        role: { optional: true, isIn: { options: [['user', 'admin']], errorMessage: 'isIn' } },
      },
      query: { page: { optional: true, isInt: { options: { min: 1 }, errorMessage: 'isInt' } } },
    };
    app.post('/signup', guardware.validate(rules), (req, res) => res.json(req.valid));
    app.use(guardware.errorHandler());
    let res = await request(app)
      .post('/signup?page=3')
      .send({ email: '  Ada.Lovelace@GMail.com ', age: 36, name: ' <Ada> ' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      body: { email: 'adalovelace@gmail.com', age: 36, name: '&lt;Ada&gt;' },
      query: { page: '3' },
    });
    res = await request(app)
      .post('/signup?page=0')
      .send({ email: 'not-an-email', age: '-1', name: 'a-very-long-name', role: 'root' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.errors, [
      { type: 'field', location: 'body', path: 'email', msg: 'isEmail' },
      { type: 'field', location: 'body', path: 'age', msg: 'isInt' },
      { type: 'field', location: 'body', path: 'name', msg: 'isLength' },
      { type: 'field', location: 'body', path: 'role', msg: 'isIn' },
      { type: 'field', location: 'query', path: 'page', msg: 'isInt' },
    ]);
    assert.doesNotMatch(JSON.stringify(res.body), /not-an-email|very-long|root/);
    assertCode(() => guardware.validate({ body: { x: { isLength: 'ten' } } }), 'INVALID_OPTIONS');
    // A sanitizer that cannot convert fails the field instead of storing false or NaN.
    const conv = express();
    conv.use(guardware.json());
    conv.post(
      '/c',
      guardware.validate({
        body: {
          email: { normalizeEmail: { errorMessage: 'normalizeEmail' } },
          n: { toInt: { errorMessage: 'toInt' } },
        },
      }),
      (req, res) => res.json(req.valid),
    );
    conv.use(guardware.errorHandler());
    res = await request(conv).post('/c').send({ email: '+tag@gmail.com', n: 'abc' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.errors, [
      { type: 'field', location: 'body', path: 'email', msg: 'normalizeEmail' },
      { type: 'field', location: 'body', path: 'n', msg: 'toInt' },
    ]);
  });

  test(`${major}: errorHandler never leaks 5xx details`, async () => {
    const app = express();
    app.get('/boom', () => {
      throw new Error('db password is hunter2');
    });
    const logged = [];
    app.use(guardware.errorHandler({ expose: false, log: (err, req, info) => logged.push([err.message, info]) }));
    const res = await request(app).get('/boom');
    assert.equal(res.status, 500);
    const { requestId } = res.body.error;
    assert.match(requestId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(res.body, { error: { code: 'INTERNAL', message: 'Internal Server Error', requestId } });
    assert.deepEqual(logged, [['db password is hunter2', { requestId, status: 500, code: 'INTERNAL' }]]);
    const app2 = express();
    app2.get('/gone', () => {
      throw Object.assign(new Error('row 42 of users missing'), { status: 404 });
    });
    app2.use(guardware.errorHandler({ expose: false }));
    const gone = await request(app2).get('/gone');
    // The status's standard code name (issue 8: it used to answer BAD_REQUEST for every 4xx).
    assert.deepEqual(gone.body, { error: { code: 'NOT_FOUND', message: 'Not Found' } });
  });
}

test('options are validated and a polluted Object.prototype does not change them', async () => {
  assertCode(() => guardware.json({ limit: 'lots' }), 'INVALID_OPTIONS');
  assertCode(() => guardware.json({ maxDepth: 1000 }), 'INVALID_OPTIONS');
  assertCode(() => guardware.json({ operatorz: 'allow' }), 'INVALID_OPTIONS');
  assertCode(() => guardware.guard({ mode: 'fix' }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ body: { x: { isNotARule: {} } } }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ session: {} }), 'INVALID_OPTIONS');
  Object.prototype.operators = 'allow';
  Object.prototype.limit = '1gb';
  try {
    const { app } = makeApp(require('express'));
    const res = await request(app).post('/echo').send({ $where: '1' });
    assert.equal(res.status, 400);
  } finally {
    delete Object.prototype.operators;
    delete Object.prototype.limit;
  }
  assert.equal(typeof bulwark.escapeHtml, 'function');
});

test('queryParser: `constructor` not followed by `prototype` stays data under Array.prototype index pollution', () => {
  // isPoisoning used to read the segment after the last one, which a polluted index answers.
  Array.prototype[2] = 'prototype';
  let parsed;
  try {
    parsed = guardware.queryParser()('a[constructor]=1&b=2');
  } finally {
    delete Array.prototype[2];
  }
  assert.deepEqual({ ...parsed }, { a: Object.assign(Object.create(null), { constructor: '1' }), b: '2' });
});

for (const encoding of [undefined, 'gzip']) {
  test(`json(): a request aborted mid-body ends with BODY_INVALID (${encoding ?? 'identity'})`, async () => {
    const express = require('express');
    const app = express();
    let settle;
    const seen = new Promise((resolve) => {
      settle = resolve;
    });
    app.use(guardware.json());
    app.use((_req, _res) => settle('next() without an error'));
    app.use((err, _req, _res, _next) => settle(err.code));
    const server = http.createServer(app);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const body = encoding ? zlib.gzipSync('{"a":"' + 'x'.repeat(1000) + '"}') : Buffer.from('{"a":"xxxxxxxx"}');
      const headers = { 'content-type': 'application/json', 'content-length': body.length + 100 };
      if (encoding) headers['content-encoding'] = encoding;
      const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', path: '/', headers });
      req.on('error', () => {});
      req.write(body.subarray(0, 10));
      setTimeout(() => req.destroy(), 50);
      assert.equal(await seen, 'BODY_INVALID');
    } finally {
      server.close();
    }
  });
}
