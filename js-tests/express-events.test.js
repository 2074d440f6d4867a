'use strict';
// onViolation: one event per request, location and type (a count and the first paths), and
// benign `constructor` / `prototype` keys kept as data in every parser and in guard().
const test = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const guardware = require('bulwark/express');

const MAJORS = [
  ['Express 4', require('express4')],
  ['Express 5', require('express')],
];
const TIMEOUT = { response: 5000, deadline: 10000 };
const EVENT_KEYS = ['count', 'detail', 'ip', 'location', 'method', 'path', 'paths', 'type', 'url'];

function makeApp(express, { json, urlencoded, query, guard, before } = {}) {
  const app = express();
  const events = [];
  const onViolation = (e) => events.push(e);
  app.set('query parser', guardware.queryParser(query));
  if (before) app.use(before);
  app.use(guardware.json({ onViolation, ...json }), guardware.urlencoded({ onViolation, ...urlencoded }));
  app.use(guardware.guard({ onViolation, ...guard }));
  app.all('/echo', (req, res) => res.json({ body: req.body ?? null, query: { ...req.query } }));
  app.use(guardware.errorHandler({ log() {} }));
  return { app, events };
}

/** Asserts the documented event shape, and that no value or query string is in it. */
function assertShape(event, secret) {
  assert.deepEqual(Object.keys(event).sort(), EVENT_KEYS);
  assert.ok(Number.isInteger(event.count) && event.count >= 1);
  assert.ok(Array.isArray(event.paths) && event.paths.length <= 5);
  assert.equal(event.path, event.paths[0] ?? '');
  for (const p of event.paths) assert.ok(typeof p === 'string' && p.length <= 200);
  assert.doesNotMatch(event.url, /\?/);
  if (secret) assert.doesNotMatch(JSON.stringify(event), new RegExp(secret));
}

for (const [major, express] of MAJORS) {
  test(`${major}: a query of 1,000 repeated keys is one parameterPollution event`, async () => {
    const { app, events } = makeApp(express);
    const query = Array.from({ length: 1000 }, (_, i) => `a=SECRET${i}`).join('&');
    const res = await request(app).get(`/echo?${query}`).timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.query, { a: 'SECRET999' });
    assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.type)));
    assertShape(events[0], 'SECRET');
    assert.equal(events[0].type, 'parameterPollution');
    assert.equal(events[0].location, 'query');
    assert.equal(events[0].count, 999);
    assert.deepEqual(events[0].paths, ['a']);
    assert.equal(events[0].url, '/echo');
  });

  test(`${major}: a query of 1,000 __proto__ keys is one prototype event with five paths`, async () => {
    const { app, events } = makeApp(express);
    // Five distinct spellings first, then repeats: ~12 KB, under Node's 16 KB header limit,
    // and 1,000 parameters with `ok` (parameterLimit's default).
    const distinct = Array.from({ length: 5 }, (_, i) => `__proto__[k${i}]=1`);
    const query = [...distinct, ...Array.from({ length: 994 }, () => '__proto__=1')].join('&');
    const res = await request(app).get(`/echo?${query}&ok=1`).timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.query, { ok: '1' });
    assert.equal({}.k0, undefined);
    assert.equal(events.length, 1);
    assertShape(events[0]);
    assert.equal(events[0].type, 'prototype');
    assert.equal(events[0].count, 999);
    assert.deepEqual(events[0].paths, [
      '__proto__[k0]',
      '__proto__[k1]',
      '__proto__[k2]',
      '__proto__[k3]',
      '__proto__[k4]',
    ]);
  });

  test(`${major}: parameters past parameterLimit are ignored and reported once`, async () => {
    const { app, events } = makeApp(express, { query: { parameterLimit: 10 } });
    const query = Array.from({ length: 500 }, (_, i) => `p${i}=1`).join('&');
    const res = await request(app).get(`/echo?${query}`).timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.equal(Object.keys(res.body.query).length, 10);
    assert.deepEqual(
      events.map((e) => [e.location, e.type, e.detail]),
      [['query', 'limit', 'too many parameters; the rest were ignored']],
    );
    assertShape(events[0]);
  });

  test(`${major}: mixed findings give one event per location and type; long paths are cut`, async () => {
    const { app, events } = makeApp(express, { json: { operators: 'strip' } });
    const body = {};
    for (let i = 0; i < 300; i += 1) body[`$op${i}`] = 'SECRET';
    body[`$${'x'.repeat(500)}`] = 1;
    body.keep = { $nested: 1, name: 'ok' };
    const res = await request(app).post('/echo?a=1&a=2&b[$ne]=1&b[$gt]=2').send(body).timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { keep: { name: 'ok' } });
    const summary = events.map((e) => [e.location, e.type, e.count]).sort();
    assert.deepEqual(summary, [
      ['body', 'operator', 302],
      ['query', 'operator', 2],
      ['query', 'parameterPollution', 1],
    ]);
    for (const e of events) assertShape(e, 'SECRET');
    const bodyEvent = events.find((e) => e.location === 'body');
    assert.equal(bodyEvent.paths.length, 5);
    assert.ok(bodyEvent.paths.every((p) => p.length <= 200));
  });

  test(`${major}: validation failures are one event per location`, async () => {
    const app = express();
    const events = [];
    app.use(guardware.json());
    app.post(
      '/v',
      guardware.validate(
        { body: { a: { isInt: true }, b: { isInt: true }, c: { isInt: true } } },
        { onViolation: (e) => events.push(e) },
      ),
      (req, res) => res.json(req.valid),
    );
    app.use(guardware.errorHandler({ log() {} }));
    const res = await request(app).post('/v').send({ a: 'x', b: 'y' }).timeout(TIMEOUT);
    assert.equal(res.status, 400);
    assert.equal(events.length, 1);
    assertShape(events[0], 'SECRET');
    assert.equal(events[0].type, 'validation');
    assert.equal(events[0].count, 3);
    assert.deepEqual(events[0].paths, ['a', 'b', 'c']);
  });

  test(`${major}: benign constructor and prototype keys are data in json(), urlencoded(), queryParser(), guard()`, async () => {
    const benign = {
      constructor: 'Bob',
      prototype: { plan: 'pro' },
      nested: { constructor: { name: 'x' }, list: [{ prototype: 1 }] },
      number: { constructor: 5 },
    };
    const variants = [
      {},
      { json: { protoAction: 'remove', constructorAction: 'remove' } },
      { guard: { mode: 'clean' } },
      { before: express.json() },
      { before: express.json(), guard: { mode: 'clean' } },
    ];
    for (const options of variants) {
      const { app, events } = makeApp(express, options);
      const res = await request(app).post('/echo').send(benign).timeout(TIMEOUT);
      assert.equal(res.status, 200, JSON.stringify(Object.keys(options)));
      assert.deepEqual(res.body.body, benign, JSON.stringify(Object.keys(options)));
      assert.deepEqual(events, []);
    }
    const { app, events } = makeApp(express, {});
    let res = await request(app)
      .post('/echo?constructor=Bob&prototype[x]=1&constructor[prototype][y]=2')
      .type('form')
      .send('constructor=Ann&prototype[plan]=pro&constructor[prototype][admin]=1')
      .timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.query, { constructor: 'Bob', prototype: { x: '1' } });
    assert.deepEqual(res.body.body, { constructor: 'Ann', prototype: { plan: 'pro' } });
    assert.deepEqual(events.map((e) => [e.location, e.type, e.count]).sort(), [
      ['body', 'prototype', 1],
      ['query', 'prototype', 1],
    ]);
    assert.equal({}.admin, undefined);
    assert.equal({}.y, undefined);
    res = await request(app).post('/echo').send('{"constructor":{"prototype":{"admin":true}}}').type('json');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'PROTOTYPE_POLLUTION');
  });

  test(`${major}: poisoning shapes are removed, not kept, with 'remove' and mode 'clean'`, async () => {
    const poisoned = '{"__proto__":{"admin":true},"a":{"constructor":{"prototype":{"admin":true}},"b":1},"ok":1}';
    for (const options of [{ json: { protoAction: 'remove', constructorAction: 'remove' } }]) {
      const { app, events } = makeApp(express, options);
      const res = await request(app).post('/echo').type('json').send(poisoned).timeout(TIMEOUT);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.body, { a: { b: 1 }, ok: 1 });
      assert.equal({}.admin, undefined);
      void events;
    }
    const { app, events } = makeApp(express, { before: express.json(), guard: { mode: 'clean' } });
    // express.json() ran first: json() checks its result (error by default) ...
    let res = await request(app).post('/echo').type('json').send(poisoned).timeout(TIMEOUT);
    assert.equal(res.status, 400);
    // ... and with 'remove' it removes them from that result.
    const removing = makeApp(express, {
      before: express.json(),
      json: { protoAction: 'remove', constructorAction: 'remove' },
    });
    res = await request(removing.app).post('/echo').type('json').send(poisoned).timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { a: { b: 1 }, ok: 1 });
    assert.deepEqual(
      removing.events.map((e) => [e.type, e.count, e.paths]),
      [['prototype', 2, ['__proto__', 'a.constructor']]],
    );
    void events;
  });
}

test('json(): a body too deep is a depth event whether json() or express.json() parsed it', async () => {
  const express = require('express');
  const deep = '{"a":'.repeat(10) + '1' + '}'.repeat(10);
  for (const before of [null, express.json()]) {
    const { app, events } = makeApp(express, { json: { maxDepth: 4 }, ...(before ? { before } : {}) });
    const res = await request(app).post('/echo').type('json').send(deep).timeout(TIMEOUT);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'INPUT_TOO_DEEP');
    assert.deepEqual(
      events.map((e) => [e.location, e.type]),
      [['body', 'depth']],
      before ? 'after express.json()' : 'json() alone',
    );
  }
});
