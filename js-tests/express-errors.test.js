'use strict';
// errorHandler() in a real app: a status for every BulwarkError code, standard code names
// for `status`/`statusCode`, http-errors' `expose`, logging with a request id, hostile
// error objects, and headers already sent. Express 4 and 5.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const request = require('supertest');
const { bulwark } = require('./helpers');
const guardware = require('bulwark/express');
const { CODES } = require('../npm/bulwark/lib/errors');
const { STATUS_BY_CODE } = require('../npm/bulwark/lib/express/statuses');

const MAJORS = [
  ['Express 4', require('express4')],
  ['Express 5', require('express')],
];
const TIMEOUT = { response: 3000, deadline: 5000 };

/** An app whose route throws (or passes to next) what `make(req)` returns. */
function throwingApp(express, make, options = { log() {} }) {
  const app = express();
  app.get('/x', async (req, res, next) => {
    try {
      next(await make(req));
    } catch (err) {
      next(err);
    }
  });
  app.use(guardware.errorHandler(options));
  return app;
}

function get(app, headers = {}) {
  return request(app).get('/x').set(headers).timeout(TIMEOUT);
}

test('every code in lib/errors.js CODES has an HTTP status', () => {
  const missing = [...CODES].filter((code) => !STATUS_BY_CODE.has(code));
  assert.deepEqual(missing, [], `codes without a status in lib/express/statuses.js: ${missing.join(', ')}`);
  for (const [code, [status, message]] of STATUS_BY_CODE) {
    assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, code);
    // A 4xx for a library error shows fixed text; the middleware's own codes bring theirs.
    if (status < 500 && message !== undefined) assert.equal(typeof message, 'string', code);
  }
});

for (const [major, express] of MAJORS) {
  test(`${major}: library errors answer their documented status and fixed message`, async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-eh-'));
    const cases = [
      [() => bulwark.resolveWithinReal(base, '../../etc/passwd'), 403, 'PATH_ESCAPE'],
      [() => bulwark.resolveWithin(base, '/etc/passwd'), 403, 'PATH_ABSOLUTE'],
      [() => bulwark.resolveWithin(base, 'a\0b'), 400, 'PATH_NUL'],
      [() => bulwark.checkUrl('http://169.254.169.254/latest/meta-data'), 400, 'SSRF_BLOCKED'],
      [() => bulwark.checkUrl('javascript:alert(1)'), 400, null],
      [() => bulwark.parseJson('{"__proto__":{"x":1}}'), 400, 'JSON_PROTO_POISONING'],
      [() => bulwark.parseJson('[1]', { maxBytes: 1 }), 413, 'INPUT_TOO_LARGE'],
      [() => bulwark.parseJson('[[[1]]]', { maxDepth: 1 }), 400, 'INPUT_TOO_DEEP'],
      [() => bulwark.hashPasswordSync('pw', { memoryCost: -1 }), 500, 'INVALID_OPTIONS'],
    ];
    try {
      for (const [fn, status, code] of cases) {
        const app = throwingApp(express, async () => {
          await fn();
          throw new Error('expected a BulwarkError');
        });
        const res = await get(app);
        assert.equal(res.status, status, String(fn));
        assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
        if (code !== null) assert.equal(res.body.error.code, code, String(fn));
        const [expectedStatus, message] = STATUS_BY_CODE.get(res.body.error.code);
        assert.equal(expectedStatus, status);
        if (status < 500) assert.equal(res.body.error.message, message, 'fixed text, never the input');
        else assert.equal(res.body.error.message, 'Internal Server Error');
        assert.doesNotMatch(JSON.stringify(res.body), /passwd|169\.254|alert|__proto__/);
      }
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  test(`${major}: status and statusCode answer the standard code name; expose as http-errors`, async () => {
    const cases = [
      [{ status: 400 }, 400, 'BAD_REQUEST'],
      [{ status: 401 }, 401, 'UNAUTHORIZED'],
      [{ statusCode: 403 }, 403, 'FORBIDDEN'],
      [{ status: 404 }, 404, 'NOT_FOUND'],
      [{ status: 409 }, 409, 'CONFLICT'],
      [{ status: 418 }, 418, 'IM_A_TEAPOT'],
      [{ status: 422 }, 422, 'UNPROCESSABLE_ENTITY'],
      [{ status: 429 }, 429, 'TOO_MANY_REQUESTS'],
      [{ status: 503 }, 503, 'SERVICE_UNAVAILABLE'],
      [{ status: 499 }, 499, 'BAD_REQUEST'],
      [{ status: 200 }, 500, 'INTERNAL'],
      [{ status: '404' }, 500, 'INTERNAL'],
      [{ status: 404.5 }, 500, 'INTERNAL'],
    ];
    for (const [props, status, code] of cases) {
      const app = throwingApp(express, () => Object.assign(new Error('row 42 missing'), props), {
        expose: false,
        log() {},
      });
      const res = await get(app);
      assert.equal(res.status, status, JSON.stringify(props));
      assert.equal(res.body.error.code, code, JSON.stringify(props));
      assert.doesNotMatch(res.body.error.message, /row 42/, 'expose: false hides messages without an expose flag');
    }
    // http-errors sets expose: true on 4xx (shown even with expose: false) and false on 5xx.
    const shown = throwingApp(express, () => Object.assign(new Error('no such user'), { status: 404, expose: true }), {
      expose: false,
      log() {},
    });
    assert.deepEqual((await get(shown)).body, { error: { code: 'NOT_FOUND', message: 'no such user' } });
    const hidden = throwingApp(express, () => Object.assign(new Error('secret'), { status: 400, expose: false }), {
      expose: true,
      log() {},
    });
    assert.deepEqual((await get(hidden)).body, { error: { code: 'BAD_REQUEST', message: 'Bad Request' } });
    const fiveHundred = throwingApp(express, () => Object.assign(new Error('db down'), { status: 503, expose: true }));
    const res = await get(fiveHundred);
    assert.equal(res.body.error.message, 'Service Unavailable', '5xx messages are never shown');
    // Without an expose flag, the option decides (default: shown outside production).
    const byOption = throwingApp(express, () => Object.assign(new Error('bad page number'), { status: 400 }), {
      expose: true,
      log() {},
    });
    assert.equal((await get(byOption)).body.error.message, 'bad page number');
  });

  test(`${major}: unknown errors are logged by default with the request id the reply carries`, async (t) => {
    const printed = [];
    t.mock.method(console, 'error', (...args) => printed.push(args.join(' ')));
    const app = throwingApp(express, () => new Error('db password is hunter2'), {});
    let res = await get(app);
    assert.equal(res.status, 500);
    const { requestId } = res.body.error;
    assert.match(requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(res.headers['x-request-id'], requestId);
    assert.equal(printed.length, 1);
    assert.match(printed[0], new RegExp(requestId));
    assert.match(printed[0], /hunter2/, 'the log has the error; the reply does not');
    assert.doesNotMatch(JSON.stringify(res.body), /hunter2/);
    // An incoming X-Request-Id is reused when it is a short token, replaced otherwise.
    res = await get(app, { 'x-request-id': 'req-123.abc' });
    assert.equal(res.body.error.requestId, 'req-123.abc');
    for (const hostile of ['a b', 'x'.repeat(65), '<script>', 'id\u00e9']) {
      res = await request(app)
        .get('/x')
        .set('x-request-id', Buffer.from(hostile, 'latin1').toString('latin1'))
        .timeout(TIMEOUT);
      assert.notEqual(res.body.error.requestId, hostile);
      assert.match(res.body.error.requestId, /^[0-9a-f-]{36}$/);
    }
    // 4xx are expected answers: not logged by default.
    printed.length = 0;
    await get(throwingApp(express, () => Object.assign(new Error('x'), { status: 404 }), {}));
    assert.deepEqual(printed, []);
  });

  test(`${major}: a hostile or odd error value never makes errorHandler throw`, async (t) => {
    t.mock.method(console, 'error', () => {});
    const throwing = () => {
      throw new Error('trap');
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const hostileBulwark = new bulwark.BulwarkError('PATH_ESCAPE', 'x');
    Object.defineProperty(hostileBulwark, 'code', { get: throwing });
    Object.defineProperty(hostileBulwark, 'message', { get: throwing });
    const gettersThatThrow = new Error('x');
    void gettersThatThrow.stack; // formatted now: the getters below would throw inside V8
    Object.defineProperties(gettersThatThrow, {
      status: { get: throwing },
      statusCode: { get: throwing },
      message: { get: throwing },
      expose: { get: throwing },
      stack: { get: throwing },
    });
    const values = [
      new Proxy(
        {},
        {
          get: throwing,
          has: throwing,
          getPrototypeOf: throwing,
          ownKeys: throwing,
          getOwnPropertyDescriptor: throwing,
        },
      ),
      revoked.proxy,
      gettersThatThrow,
      { [require('node:util').inspect.custom]: throwing, status: 500 },
      hostileBulwark,
      null,
      0,
      'a string',
      Symbol('s'),
      12n,
      Object.create(null),
      () => {},
    ];
    for (const value of values) {
      const app = express();
      app.get('/x', (req, res, next) => next(value));
      app.use(guardware.errorHandler());
      const res = await get(app);
      // next(null), next(0) and next('') are not errors for Express: they reach the 404.
      if (value === null || value === 0) {
        assert.equal(res.status, 404);
        continue;
      }
      // An unreadable code is no code: even a BulwarkError then answers 500.
      assert.equal(res.status, 500, typeof value);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(res.body.error.code, 'INTERNAL');
      assert.match(res.body.error.requestId, /^[0-9a-f-]{36}$/);
    }
  });

  test(`${major}: errors after the headers were sent go to next(err)`, async () => {
    const app = express();
    app.get('/x', (req, res, next) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      next(new Error('late failure'));
    });
    const seen = [];
    app.use(guardware.errorHandler({ log: () => seen.push('logged') }));
    app.use((err, req, res, next) => {
      seen.push(err.message);
      res.end();
      void next;
    });
    const res = await get(app);
    assert.equal(res.status, 200);
    assert.deepEqual(seen, ['late failure']);
  });

  test(`${major}: the middleware's own errors keep their status, code, message and details`, async () => {
    const app = express();
    app.use(guardware.json());
    app.post('/v', guardware.validate({ body: { email: { isEmail: true } } }), (req, res) => res.json(req.valid));
    app.use(guardware.errorHandler({ expose: false, log() {} }));
    let res = await request(app).post('/v').send({ email: 'SECRET' }).timeout(TIMEOUT);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    assert.equal(res.body.error.message, 'request validation failed');
    assert.equal(res.body.error.errors.length, 1);
    assert.doesNotMatch(JSON.stringify(res.body), /SECRET/);
    res = await request(app).post('/v').set('content-type', 'application/json').send('{"a":').timeout(TIMEOUT);
    assert.deepEqual(res.body, { error: { code: 'INVALID_JSON', message: 'request body is not valid JSON' } });
  });
}

test('errorHandler options are validated', () => {
  assert.throws(() => guardware.errorHandler({ log: 'console' }), { code: 'INVALID_OPTIONS' });
  assert.throws(() => guardware.errorHandler({ expose: 'yes' }), { code: 'INVALID_OPTIONS' });
  assert.throws(() => guardware.errorHandler({ verbose: true }), { code: 'INVALID_OPTIONS' });
});

test('errors and answers are built with own properties under a polluted Object.prototype', () => {
  const swallowed = [];
  const names = ['status', 'statusCode', 'expose', 'errors', 'requestId'];
  for (const name of names) {
    Object.defineProperty(Object.prototype, name, {
      configurable: true,
      get: () => undefined,
      set(v) {
        swallowed.push([name, v]);
      },
    });
  }
  let err;
  let sent;
  try {
    const check = guardware.validate({ body: { email: { isEmail: true } } });
    check({ body: { email: 'nope' }, headers: {} }, {}, (e) => {
      err = e;
    });
    const res = {
      headersSent: false,
      getHeader: () => undefined,
      setHeader() {},
      status(code) {
        sent = { code };
        return this;
      },
      json(body) {
        sent.body = JSON.parse(JSON.stringify(body));
      },
    };
    guardware.errorHandler({ log() {} })(err, { headers: {} }, res, () => {});
  } finally {
    for (const name of names) delete Object.prototype[name];
  }
  assert.deepEqual(swallowed, []);
  assert.equal(Object.getOwnPropertyDescriptor(err, 'status').value, 400);
  assert.equal(sent.code, 400);
  assert.deepEqual(sent.body.error.errors, [{ type: 'field', location: 'body', path: 'email', msg: 'Invalid value' }]);
});
