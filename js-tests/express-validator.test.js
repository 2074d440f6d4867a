'use strict';
// bulwark/express-validator against express-validator 7 (the package it replaces): the same
// chain definitions, written once as a function of the module, run on both, on generated
// requests (nested objects, arrays, numbers, booleans, null, missing fields, wildcards).
// Compared: validationResult(req).array(), matchedData(req) (default options, with
// includeOptionals and with onlyValidData: false) and the sanitized request.
// Once on plain request objects through chain.run() (many runs), once over HTTP on
// Express 5 and Express 4 with supertest.
const test = require('node:test');
const assert = require('node:assert/strict');
const { isDeepStrictEqual } = require('node:util');
const { fc } = require('./helpers');
const EV = require('express-validator');
const BV = require('bulwark/express-validator');
const express5 = require('express');
const express4 = require('express4');
const cookieParser = require('cookie-parser');
const request = require('supertest');

// ---------------------------------------------------------------------------------------
// Chain definitions: (m) => chains, identical for both modules.

const DEFINITIONS = {
  'sign-up form': (m) => [
    m.body('email').trim().isEmail().normalizeEmail(),
    m.body('password').isLength({ min: 8 }).withMessage('too short').isStrongPassword(),
    m.body('age').optional().isInt({ min: 0, max: 150 }).toInt(),
    m.body('name').notEmpty().withMessage('required').isAlpha('en-US', { ignore: ' ' }),
    m.body('tags').optional().isArray({ max: 3 }),
    m.body('tags.*').isSlug(),
    m.body('items.*.name').exists().isString().escape(),
    m.body('items.*.qty').isInt().toInt(),
    m.body('agree').isBoolean(),
    m.body('nested.deep.value').optional({ values: 'null' }).isNumeric(),
  ],
  'negation, bail, custom, conditions': (m) => [
    m
      .body('name')
      .not()
      .isEmpty()
      .bail()
      .isLength({ max: 5 })
      .withMessage((value) => `long: ${value}`),
    m.body('email').custom((value) => value === 'ok@example.com'),
    m
      .body('password')
      .custom((value) => {
        if (typeof value !== 'string') throw new Error('not a string');
        return true;
      })
      .custom(async (value) => {
        if (value === 'taken') throw new Error('in use');
      }),
    m.body('age').if(m.body('name').exists()).isInt(),
    m
      .body('agree')
      .if((value) => value !== null)
      .not()
      .isIn(['false', '0']),
    m.body('items.*.qty').optional({ checkFalsy: true }).isFloat({ min: 0 }).toFloat(),
    m.body('tags.*').not().contains('a', { ignoreCase: true }).bail().equals('abc'),
    m.body('nested.deep.value').isBoolean({ strict: true }),
    m.body('nested.*.value').matches(/^[a-z]+$/i),
  ],
  'sanitizers and values': (m) => [
    m.body('name').ltrim().rtrim('!').blacklist('x').toLowerCase(),
    m.body('email').whitelist('a-z@.').stripLow().toUpperCase(),
    m.body('agree').toBoolean(),
    m.body('age').default(42).toInt(10),
    m.body('tags').toArray(),
    m.body('password').replace(['', null], 'empty'),
    m.body('items.*.name').unescape().trim(),
    m.body('nested.deep.value').customSanitizer((v) => (typeof v === 'number' ? v * 2 : v)),
    m.body('nested.deep').exists({ checkNull: true }).isObject(),
    m.body('items').isArray({ min: 1 }).withMessage('no items'),
  ],
  'multiple fields and locations': (m) => [
    m.check('name').isLength({ min: 2 }),
    m.check(['age', 'tags']).optional().isInt(),
    m.query('q').optional().isIn(['x', 'y', 'z']),
    m.body('*').not().isJSON(),
    m.body('items.*.*').isAlphanumeric(),
    m.body('nested.**').isLength({ max: 8 }),
    m.body().custom((body) => typeof body === 'object'),
    m.header('X-Token').optional().isLength({ max: 3 }).toUpperCase(),
    m.cookie('name').isAlpha().isLength({ min: 3 }),
  ],
  'checkSchema, oneOf, checkExact': (m) => [
    m.checkSchema({
      email: { in: ['body'], isEmail: { errorMessage: 'bad email' }, normalizeEmail: true },
      age: { optional: { options: { nullable: true } }, isInt: { options: { min: 0 }, bail: true }, toInt: true },
      'items.*.name': { isString: true, trim: true, isLength: { options: { min: 1, max: 5 } } },
      password: { isStrongPassword: { negated: true, errorMessage: 'strong!' }, isLength: { options: [{ max: 12 }] } },
      name: { custom: { options: (v) => typeof v === 'string' }, errorMessage: (v) => `name ${typeof v}` },
      agree: { isBoolean: { if: (v) => v !== undefined }, toBoolean: true },
    }),
    m.oneOf([m.body('tags').isArray(), m.body('tags').isSlug()]),
    m.oneOf(
      [[m.body('nested.deep.value').isInt().toInt(), m.body('agree').isIn(['true'])], m.body('nested').isString()],
      { errorType: 'least_errored', message: (errors) => `${errors.length} errors` },
    ),
    m.oneOf([m.query('q').isIn(['x']), m.query('name').exists()], { errorType: 'flat' }),
    m.checkExact([m.body('password'), m.body('nested.**')], { locations: ['body', 'query'] }),
  ],
  ExpressValidator: (m) => {
    const ev = new m.ExpressValidator(
      { isAbc: (v) => v === 'abc', isPositive: (v) => Number(v) > 0 },
      { double: (v) => (typeof v === 'number' ? v * 2 : v) },
      { errorFormatter: (e) => ({ at: e.path, msg: e.msg }) },
    );
    return [
      ev.body('name').isAbc().withMessage('not abc'),
      ev.body('age').not().isPositive().bail().double(),
      ev.checkSchema({ email: { isAbc: { negated: true }, double: true }, 'items.*.qty': { isPositive: true } }),
    ];
  },
};

/** Definitions whose chains express-validator runs concurrently: errors compared per field. */
const UNORDERED = new Set(['checkSchema, oneOf, checkExact', 'ExpressValidator']);
const byField = (errors) => [...errors].sort((x, y) => `${x.type}:${x.path}`.localeCompare(`${y.type}:${y.path}`));

// ---------------------------------------------------------------------------------------
// Generated requests

const STRINGS = [
  '',
  ' ',
  'a',
  'abc',
  'ABC',
  'x y',
  'Jürgen',
  'john doe',
  ' John@Example.COM ',
  'john.doe@example.com',
  'not-an-email',
  'Str0ng!Passw0rd',
  'password',
  'taken',
  'ok@example.com',
  '0',
  '1',
  '42',
  '-7',
  '151',
  '1.5',
  '1e3',
  'true',
  'false',
  'yes',
  'my-slug',
  'Not A Slug',
  'https://example.com/x',
  '{"a":1}',
  '[1,2]',
  '&lt;b&gt;',
  '<b>hi</b>',
  ' padded! ',
  'x\u0001y',
  'abcabc',
  'A',
];
const scalar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('name', 'qty', 'value', 'x'), tie('value'), { maxKeys: 3 }) },
  ),
})).value;
const item = fc.record({ name: json, qty: json }, { requiredKeys: [] });
const body = fc.record(
  {
    email: json,
    password: json,
    age: json,
    name: json,
    tags: fc.oneof(fc.array(scalar, { maxLength: 4 }), json),
    items: fc.oneof(fc.array(item, { maxLength: 3 }), json),
    agree: json,
    nested: fc.oneof(fc.record({ deep: fc.oneof(fc.record({ value: json }, { requiredKeys: [] }), json) }), json),
  },
  { requiredKeys: [] },
);
const query = fc.record(
  { q: fc.oneof(scalar, fc.array(fc.constantFrom('x', 'w'), { maxLength: 2 })), name: scalar },
  {
    requiredKeys: [],
  },
);

// ---------------------------------------------------------------------------------------
// Plain requests through run()

/** Everything a run leaves observable on `req`. */
function observe(m, req) {
  return {
    errors: m.validationResult(req).array(),
    matched: m.matchedData(req),
    withOptionals: m.matchedData(req, { includeOptionals: true }),
    allData: m.matchedData(req, { onlyValidData: false }),
    mapped: m.validationResult(req).mapped(),
    req: { body: req.body, query: req.query, params: req.params, headers: req.headers },
  };
}

/**
 * express-validator's checkExact throws a TypeError when a known path holds null (its
 * search calls Object.keys(null)); Bulwark treats null as a leaf (a documented deviation).
 */
const KNOWN_CRASH = /Cannot convert undefined or null to object/;

async function runOn(m, definition, input) {
  const req = structuredClone(input);
  try {
    for (const chain of DEFINITIONS[definition](m)) await chain.run(req);
  } catch (err) {
    if (m === EV && err instanceof TypeError && KNOWN_CRASH.test(err.message)) return { crashed: true };
    throw err;
  }
  const seen = observe(m, req);
  if (UNORDERED.has(definition)) seen.errors = byField(seen.errors);
  return seen;
}

for (const definition of Object.keys(DEFINITIONS)) {
  test(`run(): ${definition} gives express-validator's errors, matched data and sanitized request`, async () => {
    await fc.assert(
      fc.asyncProperty(body, query, async (b, q) => {
        const input = { body: b, query: q, params: { id: '7' }, headers: { 'x-token': 'abc' }, cookies: {} };
        const theirs = await runOn(EV, definition, input);
        const ours = await runOn(BV, definition, input);
        if (theirs.crashed) assert.ok(Array.isArray(ours.errors), 'Bulwark answers where express-validator crashed');
        else assert.deepStrictEqual(ours, theirs);
      }),
      { numRuns: Number(process.env.EV_RUNS) || 250, verbose: process.env.EV_VERBOSE ? 2 : 0 },
    );
  });
}

// ---------------------------------------------------------------------------------------
// Over HTTP, Express 5 and Express 4

function appFor(express, m, definition) {
  const app = express();
  app.use(express.json());
  app.use(cookieParser());
  app.post('/t/:id', ...DEFINITIONS[definition](m), (req, res) => {
    res.json({
      errors: m.validationResult(req).array(),
      matched: m.matchedData(req),
      body: req.body,
      // Express 5 re-parses req.query on each read: what the route sees is compared.
      query: req.query,
    });
  });
  return app;
}

for (const [label, express] of [
  ['Express 5', express5],
  ['Express 4', express4],
]) {
  test(`${label}: same responses as express-validator for every definition`, async () => {
    for (const definition of Object.keys(DEFINITIONS)) {
      const theirs = appFor(express, EV, definition);
      const ours = appFor(express, BV, definition);
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom('', '?q=x', '?q=w&q=x', '?name=ab', '?q=y&name=a'), async (b, qs) => {
          const send = (app) => request(app).post(`/t/7${qs}`).set('Cookie', 'name=abc').send(b);
          const [a, o] = await Promise.all([send(theirs), send(ours)]);
          if (a.status === 500 && definition === 'checkSchema, oneOf, checkExact') {
            assert.equal(o.status, 200, 'Bulwark answers where express-validator crashed');
            return;
          }
          assert.equal(o.status, a.status);
          if (UNORDERED.has(definition)) {
            a.body.errors = byField(a.body.errors);
            o.body.errors = byField(o.body.errors);
          }
          assert.deepStrictEqual(o.body, a.body);
        }),
        { numRuns: 25 },
      );
    }
  });
}

// ---------------------------------------------------------------------------------------
// Pinned examples (so a regression shows a readable diff, not a shrunk counterexample)

test('error shape: type, value, msg, path, location, in that key order', async () => {
  const req = { body: { age: 'x', items: [{ qty: '1' }, { qty: 'a' }] } };
  await BV.body('age').isInt().withMessage('age must be a number').run(req);
  await BV.body('items.*.qty').isInt().run(req);
  const errors = BV.validationResult(req).array();
  assert.deepStrictEqual(errors, [
    { type: 'field', value: 'x', msg: 'age must be a number', path: 'age', location: 'body' },
    { type: 'field', value: 'a', msg: 'Invalid value', path: 'items[1].qty', location: 'body' },
  ]);
  assert.deepStrictEqual(Object.keys(errors[0]), ['type', 'value', 'msg', 'path', 'location']);
});

test('isDeepStrictEqual sanity: the comparison distinguishes what it must', () => {
  assert.equal(isDeepStrictEqual({ a: undefined }, {}), false);
  assert.equal(isDeepStrictEqual([1], ['1']), false);
});
