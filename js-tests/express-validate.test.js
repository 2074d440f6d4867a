'use strict';
// validate() for real request shapes: nested paths, wildcards, arrays and objects as values,
// JSON types kept, every location, optional variants, local rules, custom validators, error
// messages, startup errors, one core call per request. Express 4 and 5.
const test = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const cookieParser = require('cookie-parser');
const validator = require('validator');
const { bulwark, assertCode } = require('./helpers');
const guardware = require('bulwark/express');
const { isDate } = require('bulwark');

const MAJORS = [
  ['Express 4', require('express4')],
  ['Express 5', require('express')],
];
const TIMEOUT = { response: 3000, deadline: 5000 };

/** An app with one validated route that echoes req.valid and the untouched request body. */
function makeApp(express, schema, { route = '/v', query } = {}) {
  const app = express();
  app.set('query parser', guardware.queryParser(query));
  app.use(cookieParser(), guardware.json(), guardware.urlencoded());
  app.all(route, guardware.validate(schema), (req, res) => res.json({ valid: req.valid, body: req.body ?? null }));
  app.use(guardware.errorHandler({ log() {} }));
  return app;
}

const post = (app, body, url = '/v') => request(app).post(url).send(body).timeout(TIMEOUT);
const field = (location, path, msg = 'Invalid value') => ({ type: 'field', location, path, msg });

for (const [major, express] of MAJORS) {
  test(`${major}: nested paths are checked and stored nested`, async () => {
    const app = makeApp(express, {
      body: { 'user.email': { isEmail: true, normalizeEmail: true }, 'user.profile.age': { isInt: true } },
    });
    let res = await post(app, { user: { email: 'Ada@Example.com', profile: { age: 36 }, role: 'admin' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.valid, { body: { user: { email: 'ada@example.com', profile: { age: 36 } } } });
    assert.equal(res.body.body.user.email, 'Ada@Example.com', 'the request is untouched');
    res = await post(app, { user: { email: 'SECRET-not-mail', profile: 'x' } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.errors, [field('body', 'user.email'), field('body', 'user.profile.age')]);
    assert.doesNotMatch(JSON.stringify(res.body.error), /SECRET/);
    res = await post(app, {});
    assert.deepEqual(res.body.error.errors, [field('body', 'user.email'), field('body', 'user.profile.age')]);
  });

  test(`${major}: wildcards check every element and report concrete paths`, async () => {
    const app = makeApp(express, {
      body: {
        items: { isArray: { min: 1, max: 3 } },
        'items.*.name': { trim: true, isLength: { min: 1, max: 5 } },
        'items[*].qty': { isInt: { min: 1 } },
        'tags.*': { isAlpha: true },
      },
    });
    let res = await post(app, {
      items: [
        { name: ' a ', qty: 1 },
        { name: 'b', qty: 2 },
      ],
      tags: ['x', 'y'],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.valid.body, {
      items: [
        { name: 'a', qty: 1 },
        { name: 'b', qty: 2 },
      ],
      tags: ['x', 'y'],
    });
    res = await post(app, { items: [{ name: 'ok', qty: 1 }, { name: 'too-long', qty: 0 }, {}], tags: ['x', '1'] });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.errors, [
      field('body', 'items[1].name'),
      field('body', 'items[2].name'),
      field('body', 'items[1].qty'),
      field('body', 'items[2].qty'),
      field('body', 'tags[1]'),
    ]);
    res = await post(app, { items: [1, 2, 3, 4] });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.errors[0], field('body', 'items'));
    // Nothing to expand: the wildcard's written path is missing (required).
    res = await post(app, { items: [{ name: 'a', qty: 1 }] });
    assert.deepEqual(res.body.error.errors, [field('body', 'tags.*')]);
    // Object wildcards expand over own keys (a key named __proto__ stays data).
    const prefs = makeApp(express, { body: { 'prefs.*': { isIn: [['on', 'off']] } } });
    res = await post(prefs, { prefs: { mail: 'on', sms: 'off' } });
    assert.deepEqual(res.body.valid, { body: { prefs: { mail: 'on', sms: 'off' } } });
  });

  test(`${major}: arrays are values when the rules say so (isArray, toArray, allowArrays)`, async () => {
    const app = makeApp(
      express,
      // toArray makes one `tag=a` a list too; isAlpha then checks each element.
      { query: { tag: { toArray: true, isArray: { max: 3 }, isAlpha: true } } },
      { query: { allowArrays: ['tag'] } },
    );
    let res = await request(app).get('/v?tag=a&tag=b').timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.valid, { query: { tag: ['a', 'b'] } });
    res = await request(app).get('/v?tag=a').timeout(TIMEOUT);
    assert.deepEqual(res.body.valid, { query: { tag: ['a'] } });
    res = await request(app).get('/v?tag=a&tag=b&tag=c&tag=d').timeout(TIMEOUT);
    assert.equal(res.status, 400);
    res = await request(app).get('/v?tag=a&tag=1').timeout(TIMEOUT);
    assert.deepEqual(res.body.error.errors, [field('query', 'tag')]);
    // Validators on an array value check each element (express-validator's rule).
    const each = makeApp(express, { body: { emails: { isArray: true, isEmail: true, normalizeEmail: true } } });
    res = await post(each, { emails: ['A@x.com', 'b@Y.com'] });
    assert.deepEqual(res.body.valid.body.emails, ['a@x.com', 'b@y.com']);
    res = await post(each, { emails: ['a@x.com', 'nope'] });
    assert.equal(res.status, 400);
    res = await post(each, { emails: 'a@x.com' });
    assert.equal(res.status, 400, 'isArray refuses a string');
    // Without isArray or toArray an array is refused (a string field must not become a list).
    const scalar = makeApp(express, { body: { email: { isEmail: true } } });
    res = await post(scalar, { email: ['a@x.com'] });
    assert.deepEqual(res.body.error.errors, [field('body', 'email')]);
    // isObject accepts objects; other fields refuse them.
    const objects = makeApp(express, { body: { meta: { isObject: true }, name: { isString: true } } });
    res = await post(objects, { meta: { a: 1 }, name: 'x' });
    assert.deepEqual(res.body.valid.body, { meta: { a: 1 }, name: 'x' });
    res = await post(objects, { meta: [1], name: { a: 1 } });
    assert.deepEqual(res.body.error.errors, [field('body', 'meta'), field('body', 'name')]);
  });

  test(`${major}: JSON types are kept in req.valid unless a sanitizer converts them`, async () => {
    const app = makeApp(express, {
      body: {
        price: { isFloat: { min: 0 } },
        count: { isInt: true },
        flag: { isBoolean: true },
        asText: { isInt: true, trim: true },
        asNumber: { isInt: true, toInt: true },
      },
    });
    const res = await post(app, { price: 1.5, count: 3, flag: false, asText: 7, asNumber: '42' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.valid.body, { price: 1.5, count: 3, flag: false, asText: '7', asNumber: 42 });
  });

  test(`${major}: params, headers and cookies`, async () => {
    const app = makeApp(
      express,
      {
        params: { id: { isInt: { min: 1 }, toInt: true } },
        headers: { 'X-Api-Key': { isLength: { min: 8 } } },
        cookies: { session: { isUUID: 4 } },
      },
      { route: '/users/:id' },
    );
    const uuid = '3b241101-e2bb-4255-8caf-4136c566a962';
    let res = await request(app)
      .get('/users/7')
      .set('x-api-key', 'k'.repeat(8))
      .set('cookie', `session=${uuid}`)
      .timeout(TIMEOUT);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.valid, {
      params: { id: 7 },
      headers: { 'x-api-key': 'kkkkkkkk' },
      cookies: { session: uuid },
    });
    res = await request(app).get('/users/0').set('cookie', 'session=nope').timeout(TIMEOUT);
    assert.deepEqual(res.body.error.errors, [
      field('params', 'id'),
      field('headers', 'x-api-key'),
      field('cookies', 'session'),
    ]);
  });

  test(`${major}: optional: true, { nullable }, { checkFalsy } and {} skip what they say`, async () => {
    const app = makeApp(express, {
      body: {
        a: { optional: true, isInt: true },
        b: { optional: { nullable: true }, isInt: true },
        c: { optional: { checkFalsy: true }, isInt: { min: 1 } },
        d: { optional: {}, isInt: true },
      },
    });
    const cases = [
      [{}, []],
      [{ a: null, b: null, c: null }, []],
      [{ a: '', c: '' }, []],
      [{ c: 0, d: 5 }, []],
      [{ b: '' }, ['b']],
      [{ d: null }, ['d']],
      [{ d: '' }, ['d']],
      [{ a: 'x', b: 'x', c: 'x', d: 'x' }, ['a', 'b', 'c', 'd']],
    ];
    for (const [body, failing] of cases) {
      const res = await post(app, body);
      assert.deepEqual(
        (res.body.error?.errors ?? []).map((e) => e.path),
        failing,
        JSON.stringify(body),
      );
    }
    const res = await post(app, { a: '1', d: 2 });
    assert.deepEqual(res.body.valid.body, { a: '1', d: 2 }, 'skipped fields are not in req.valid');
  });

  test(`${major}: exists, notEmpty, equals, isString, isObject, isDate`, async () => {
    const app = makeApp(express, {
      body: {
        e: { optional: {}, exists: { checkNull: true } },
        n: { notEmpty: true },
        q: { equals: 'yes' },
        s: { isString: true },
        o: { isObject: { strict: true } },
        d: { isDate: { format: 'YYYY-MM-DD', strictMode: true } },
      },
    });
    let res = await post(app, { n: ' ', q: 'yes', s: 'x', o: {}, d: '2024-02-29' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    res = await post(app, { e: null, n: [], q: 'no', s: 5, o: 'x', d: '2023-02-29' });
    assert.deepEqual(
      res.body.error.errors.map((e) => e.path),
      ['e', 'n', 'q', 's', 'o', 'd'],
    );
  });

  test(`${major}: custom validators, sync and async, with { req, location, path }`, async () => {
    const seen = [];
    const taken = new Set(['ada']);
    const app = makeApp(express, {
      body: {
        'users.*.name': {
          isLength: { min: 2 },
          custom: {
            options: async (value, { req, location, path }) => {
              seen.push([value, location, path, typeof req.get]);
              if (taken.has(value)) throw new Error('name taken');
            },
          },
        },
        password: { isLength: { min: 4 } },
        confirm: { custom: (value, { req }) => value === req.body.password },
      },
    });
    let res = await post(app, {
      users: [{ name: 'bob' }, { name: 'ada' }, { name: 'x' }],
      password: 'abcd',
      confirm: 'abce',
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error.errors, [
      field('body', 'users[1].name', 'name taken'),
      field('body', 'users[2].name'),
      field('body', 'confirm'),
    ]);
    // The custom check ran only where isLength passed.
    assert.deepEqual(seen, [
      ['bob', 'body', 'users[0].name', 'function'],
      ['ada', 'body', 'users[1].name', 'function'],
    ]);
    res = await post(app, { users: [{ name: 'bob' }], password: 'abcd', confirm: 'abcd' });
    assert.equal(res.status, 200);
    const syncThrow = makeApp(express, {
      body: {
        x: {
          custom: () => {
            throw new Error('bad x');
          },
        },
      },
    });
    res = await post(syncThrow, { x: 1 });
    assert.deepEqual(res.body.error.errors, [field('body', 'x', 'bad x')]);
  });

  test(`${major}: per-rule and per-field errorMessage, strings or functions`, async () => {
    const app = makeApp(express, {
      body: {
        email: {
          errorMessage: (value, { path, location }) => `${location}.${path} is required`,
          isEmail: { errorMessage: 'not an email' },
          isLength: { options: { max: 10 }, errorMessage: (value, { path }) => `${path} too long` },
        },
        age: { errorMessage: 'bad age', isInt: true },
      },
    });
    let res = await post(app, { age: 'x' });
    assert.deepEqual(res.body.error.errors, [
      field('body', 'email', 'body.email is required'),
      field('body', 'age', 'bad age'),
    ]);
    res = await post(app, { email: 'nope', age: 1 });
    assert.deepEqual(res.body.error.errors, [field('body', 'email', 'not an email')]);
    res = await post(app, { email: 'long-address@example.com', age: 1 });
    assert.deepEqual(res.body.error.errors, [field('body', 'email', 'email too long')]);
  });

  test(`${major}: validate() calls merge into req.valid`, async () => {
    const app = express();
    app.use(guardware.json());
    app.post(
      '/v',
      guardware.validate({ body: { a: { isInt: true } } }),
      guardware.validate({ body: { b: { isInt: true } }, query: { q: { optional: true, isAlpha: true } } }),
      (req, res) => res.json(req.valid),
    );
    const res = await request(app).post('/v?q=x').send({ a: 1, b: 2 }).timeout(TIMEOUT);
    assert.deepEqual(res.body, { body: { a: 1, b: 2 }, query: { q: 'x' } });
  });
}

test('validate: paths that cannot name request data, unknown rules and bad rule options fail at startup', () => {
  for (const path of ['', 'a..b', 'a.', '.a', '[0]', 'a[', 'a[]', 'a]b', 'a[0]b', '__proto__', 'a.__proto__.b']) {
    assertCode(() => guardware.validate({ body: { [path]: { isInt: true } } }), 'INVALID_OPTIONS');
  }
  assertCode(() => guardware.validate({ body: { a: { isEmial: true } } }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ body: { a: { isArray: { min: 3, max: 1 } } } }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ body: { a: { optional: { nulable: true } } } }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ body: { a: { custom: 'fn' } } }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ body: { a: { isInt: { errorMessage: 5 } } } }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ body: { a: { equals: 5 } } }), 'INVALID_OPTIONS');
  // isDate formats that can never match (validator.js: false, or a TypeError on some inputs).
  assertCode(() => guardware.validate({ body: { a: { isDate: { format: 'DD.MM.YYYY' } } } }), 'INVALID_OPTIONS');
  assertCode(() => guardware.validate({ body: { a: { isDate: 'YYYYMMDD' } } }), 'INVALID_OPTIONS');
  // Paths that do resolve.
  for (const path of ['a', 'a.b', 'a.*', 'a[*].b', 'a[0]', '*', 'constructor', 'a.prototype']) {
    guardware.validate({ body: { [path]: { optional: true, isInt: true } } });
  }
});

test('validate: one batch call per request; list elements past the first use the single call', async () => {
  const original = bulwark.createValidator;
  const calls = [];
  bulwark.createValidator = (rules) => {
    const compiled = original(rules);
    return {
      size: compiled.size,
      check: (values) => {
        calls.push(values.length);
        return compiled.check(values);
      },
    };
  };
  let app;
  try {
    app = makeApp(require('express'), {
      body: {
        email: { isEmail: true },
        name: { isLength: { min: 1 } },
        age: { isInt: true },
        'tags.*': { isAlpha: true },
      },
    });
  } finally {
    bulwark.createValidator = original;
  }
  await post(app, { email: 'a@b.co', name: 'x', age: 1, tags: ['a'] });
  assert.deepEqual(calls, [4]);
  calls.length = 0;
  let res = await post(app, { email: 'a@b.co', name: 'x', age: 1, tags: ['a', 'b', 'c'] });
  assert.equal(res.status, 200);
  assert.deepEqual(calls, [4]);
  calls.length = 0;
  res = await post(app, { email: 'a@b.co', name: 'x', age: 1, tags: ['a', 'b', '1', 'c'] });
  assert.deepEqual(calls, [4]);
  assert.deepEqual(
    res.body.error.errors.map((e) => e.path),
    ['tags[2]'],
    'a failing element after the first is found',
  );
});

test('isDate agrees with validator.isDate', () => {
  const inputs = [
    '2024/02/29',
    '2023/02/29',
    '2024-02-29',
    '2024/2/9',
    '2024/13/01',
    '2024/00/10',
    '24/02/10',
    '99/12/31',
    '2024/02',
    '2024/02/29/1',
    '2024/0a/01',
    ' 024/02/01',
    '2024/+1/01',
    '',
    'x',
    '-024/01/01',
    '12/31/2024',
    '31/12/2024',
    '2024.02.01',
    '2024/02-01',
  ];
  const options = [
    undefined,
    { format: 'YYYY-MM-DD' },
    { format: 'YYYY-MM-DD', strictMode: true },
    { format: 'MM/DD/YYYY' },
    { format: 'DD/MM/YYYY', delimiters: ['/'] },
    { format: 'YY/MM/DD' },
    { format: 'YYYY.MM.DD', delimiters: ['.'] },
    'YYYY/M/D',
  ];
  for (const input of inputs) {
    for (const o of options) {
      assert.equal(isDate(input, o), validator.isDate(input, o), `${JSON.stringify(input)} ${JSON.stringify(o)}`);
    }
  }
  assert.equal(isDate(new Date(0)), true);
  assert.equal(isDate(new Date(Number.NaN)), false);
  assert.equal(isDate(new Date(0), { strictMode: true }), false);
});

test('validate: a polluted Object.prototype changes neither the schema nor the checks', async () => {
  const polluted = {
    errorMessage: 'POLLUTED',
    options: { min: 100 },
    nullable: true,
    checkFalsy: true,
    values: 'falsy',
    min: 5,
    max: 0,
    strict: false,
    format: 'DD/MM/YYYY',
    optional: true,
    isInt: true,
  };
  const app = (() => {
    for (const [k, v] of Object.entries(polluted)) Object.prototype[k] = v;
    try {
      return makeApp(require('express'), {
        body: {
          list: { isArray: { max: 2 }, isInt: { options: {} } },
          obj: { optional: {}, isObject: true },
          day: { isDate: {} },
          name: { isLength: { options: { max: 3 } } },
        },
      });
    } finally {
      for (const k of Object.keys(polluted)) delete Object.prototype[k];
    }
  })();
  let res = await post(app, { list: [1, 2], obj: { a: 1 }, day: '2024/01/31', name: 'abc' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(res.body.valid.body, { list: [1, 2], obj: { a: 1 }, day: '2024/01/31', name: 'abc' });
  res = await post(app, { list: [1, 2, 3], obj: null, day: '31/01/2024', name: 'abcd' });
  assert.deepEqual(res.body.error.errors, [
    field('body', 'list'),
    field('body', 'obj'),
    field('body', 'day'),
    field('body', 'name'),
  ]);
});
