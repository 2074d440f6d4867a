'use strict';
// bulwark/express next to the parsers real apps already have (express.json(),
// express.urlencoded(), express.raw(), multer, a hand-written stream reader), in both orders,
// on Express 4 and 5. Every request has a client timeout: a hang fails the test.
const test = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const multer = require('multer');
const guardware = require('bulwark/express');

const MAJORS = [
  ['Express 4', require('express4')],
  ['Express 5', require('express')],
];

/** A hang (a parser waiting on a consumed stream) fails here instead of timing the suite out. */
const TIMEOUT = { response: 3000, deadline: 5000 };

function makeApp(express, middlewares) {
  const app = express();
  const events = [];
  for (const m of middlewares) app.use(typeof m.make === 'function' ? m.make(events) : m);
  app.all('/echo', (req, res) => res.json({ body: req.body ?? null }));
  app.use(guardware.errorHandler({ log() {} }));
  return { app, events };
}

const onViolation = (events) => (e) => events.push(e);
// Ours are built per app, so that their events land in that app's list.
const ourJson = (options) => ({ make: (events) => guardware.json({ onViolation: onViolation(events), ...options }) });
const ourForm = (options) => ({
  make: (events) => guardware.urlencoded({ onViolation: onViolation(events), ...options }),
});
const ourGuard = (options) => ({ make: (events) => guardware.guard({ onViolation: onViolation(events), ...options }) });

function postJson(app, text) {
  return request(app).post('/echo').timeout(TIMEOUT).set('content-type', 'application/json').send(text);
}

function postForm(app, text) {
  return request(app).post('/echo').timeout(TIMEOUT).type('form').send(text);
}

/** JSON requests and what each must answer, whatever parser ran first. */
const JSON_CASES = [
  ['{"name":"Ada","tags":["a"],"n":1.5}', 200, { name: 'Ada', tags: ['a'], n: 1.5 }],
  ['{"__proto__":{"admin":true}}', 400, 'PROTOTYPE_POLLUTION'],
  ['{"a":{"constructor":{"prototype":{"admin":true}}}}', 400, 'PROTOTYPE_POLLUTION'],
  ['{"user":{"$ne":null}}', 400, 'OPERATOR_KEY'],
  ['{"a.b":1}', 400, 'OPERATOR_KEY'],
  ['{"constructor":"Bob","prototype":{"x":1}}', 200, { constructor: 'Bob', prototype: { x: 1 } }],
];

async function checkJsonCases(app) {
  for (const [text, status, expected] of JSON_CASES) {
    const res = await postJson(app, text);
    assert.equal(res.status, status, text);
    if (status === 200) assert.deepEqual(res.body.body, expected, text);
    else assert.equal(res.body.error.code, expected, text);
  }
  assert.equal({}.admin, undefined);
}

for (const [major, express] of MAJORS) {
  test(`${major}: express.json() then json(): no hang, the parsed body is checked`, async () => {
    const { app, events } = makeApp(express, [express.json(), ourJson()]);
    await checkJsonCases(app);
    assert.ok(events.some((e) => e.type === 'prototype' && e.location === 'body'));
    assert.ok(events.some((e) => e.type === 'operator' && e.path === 'user.$ne'));
  });

  test(`${major}: json() then express.json(): ours parses, theirs skips`, async () => {
    const { app } = makeApp(express, [ourJson(), express.json()]);
    await checkJsonCases(app);
  });

  test(`${major}: express.json() then json() keeps depth, key-count and operator options`, async () => {
    const { app } = makeApp(express, [express.json(), ourJson({ maxDepth: 3, maxKeys: 5, operators: 'strip' })]);
    let res = await postJson(app, '{"a":{"b":{"c":{"d":1}}}}');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'INPUT_TOO_DEEP');
    res = await postJson(app, JSON.stringify({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }));
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'TOO_MANY_KEYS');
    res = await postJson(app, '{"user":{"name":"x","$ne":null},"__proto__x":1}');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { user: { name: 'x' }, __proto__x: 1 });
  });

  test(`${major}: express.json() then json({ protoAction: 'remove' }) removes poisoning`, async () => {
    const { app } = makeApp(express, [express.json(), ourJson({ protoAction: 'remove', constructorAction: 'remove' })]);
    const res = await postJson(app, '{"__proto__":{"admin":true},"constructor":{"prototype":{}},"ok":1}');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { ok: 1 });
  });

  test(`${major}: express.urlencoded() then urlencoded(), and the reverse`, async () => {
    for (const order of ['theirs first', 'ours first']) {
      const theirs = express.urlencoded({ extended: true });
      const { app } = makeApp(express, order === 'theirs first' ? [theirs, ourForm()] : [ourForm(), theirs]);
      let res = await postForm(app, 'a=1&b[c]=2');
      assert.equal(res.status, 200, order);
      assert.deepEqual(res.body.body, { a: '1', b: { c: '2' } }, order);
      res = await postForm(app, 'user[$ne]=1');
      assert.equal(res.status, 400, order);
      assert.equal(res.body.error.code, 'OPERATOR_KEY', order);
    }
  });

  test(`${major}: both Express parsers, then both of ours, then guard()`, async () => {
    const { app } = makeApp(express, [
      express.json(),
      express.urlencoded({ extended: false }),
      ourJson(),
      ourForm(),
      ourGuard(),
    ]);
    await checkJsonCases(app);
    const res = await postForm(app, 'q=1&r=2');
    assert.deepEqual(res.body.body, { q: '1', r: '2' });
  });

  test(`${major}: express.raw() or express.text() then json(): the kept bytes are parsed`, async () => {
    for (const first of [express.raw({ type: 'application/json' }), express.text({ type: 'application/json' })]) {
      const { app } = makeApp(express, [first, ourJson()]);
      await checkJsonCases(app);
      const res = await postJson(app, '{"a":');
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'INVALID_JSON');
    }
  });

  test(`${major}: multer then guard() checks the multipart fields`, async () => {
    const { app, events } = makeApp(express, [multer().none(), ourJson(), ourGuard()]);
    let res = await request(app).post('/echo').timeout(TIMEOUT).field('name', 'Ada').field('note', 'x');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { name: 'Ada', note: 'x' });
    res = await request(app).post('/echo').timeout(TIMEOUT).field('user[$ne]', '1');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'OPERATOR_KEY');
    assert.ok(events.some((e) => e.type === 'operator' && e.location === 'body'));
  });

  test(`${major}: a consumed stream with nothing parsed fails fast with BODY_ALREADY_READ`, async () => {
    const drain = (req, res, next) => {
      req.on('data', () => {});
      req.on('end', () => next());
    };
    const { app } = makeApp(express, [drain, ourJson()]);
    const res = await postJson(app, '{"a":1}');
    assert.equal(res.status, 500);
    assert.equal(res.body.error.code, 'BODY_ALREADY_READ');
    const form = makeApp(express, [drain, ourForm()]);
    const formRes = await postForm(form.app, 'a=1');
    assert.equal(formRes.status, 500);
    assert.equal(formRes.body.error.code, 'BODY_ALREADY_READ');
  });

  test(`${major}: guard() skips a body json() already checked, and checks a replaced one`, async () => {
    const replace = (req, res, next) => {
      req.body = { ...req.body, $where: 'x' };
      next();
    };
    const { app } = makeApp(express, [ourJson(), replace, ourGuard()]);
    const res = await postJson(app, '{"a":1}');
    assert.equal(res.status, 400, 'a body replaced after json() is walked again');
    assert.equal(res.body.error.code, 'OPERATOR_KEY');
    // With a looser json() policy, guard() walks the same body again.
    const loose = makeApp(express, [ourJson({ operators: 'allow' }), ourGuard()]);
    const again = await postJson(loose.app, '{"$where":"x"}');
    assert.equal(again.status, 400);
  });

  test(`${major}: guard() does not walk again a body json() or urlencoded() checked as strictly`, async () => {
    // Counts Object.keys calls on req.body's objects while guard() runs: 0 means no second walk.
    const counting = (seen) => [
      (req, res, next) => {
        const own = new Set();
        const collect = (v) => {
          if (v !== null && typeof v === 'object' && !own.has(v)) {
            own.add(v);
            for (const k of Reflect.ownKeys(v)) collect(v[k]);
          }
        };
        collect(req.body);
        const keys = Object.keys;
        Object.keys = (o) => {
          if (own.has(o)) seen.walks += 1;
          return keys(o);
        };
        res.locals.restore = () => {
          Object.keys = keys;
        };
        next();
      },
    ];
    const restore = (req, res, next) => {
      res.locals.restore();
      next();
    };
    const cases = [
      [ourJson(), 'json', '{"a":{"b":[1,2]},"c":"x"}', 0],
      [ourForm(), 'form', 'a[b]=1&c=2', 0],
      [ourJson({ operators: 'allow' }), 'json', '{"a":1}', 1],
      [
        ourJson({ maxKeys: 5000 }),
        'json',
        JSON.stringify(Object.fromEntries([...Array(1001).keys()].map((k) => [`k${k}`, k]))),
        1,
      ],
    ];
    for (const [parser, type, text, walked] of cases) {
      const seen = { walks: 0 };
      const { app } = makeApp(express, [parser, ...counting(seen), ourGuard({ query: false, params: false }), restore]);
      const res = await request(app).post('/echo').timeout(TIMEOUT).type(type).send(text);
      assert.equal(res.status, walked === 1 && text.length > 1000 ? 413 : 200, text.slice(0, 40));
      if (walked === 0) assert.equal(seen.walks, 0, text.slice(0, 40));
      else assert.ok(seen.walks > 0, text.slice(0, 40));
    }
  });
}
