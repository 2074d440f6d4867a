'use strict';
// express-validator 7's documented public behaviour, re-expressed as our own tables (the
// cases its test suite covers: field selection, the string form of values, custom
// validators and conditions, bail, optional, sanitizers, validationResult, matchedData,
// checkSchema, oneOf, checkExact, ExpressValidator). Every case runs on express-validator
// itself and on bulwark/express-validator with the same expectation; the few documented
// deviations (docs/express-validator.md) state both answers.
const test = require('node:test');
const assert = require('node:assert/strict');
const { assertCode } = require('./helpers');
const EV = require('express-validator');
const BV = require('bulwark/express-validator');

const MODULES = [
  ['express-validator', EV],
  ['bulwark', BV],
];

/** Runs `t` once per module with its name. */
function both(name, fn) {
  for (const [label, m] of MODULES) test(`${name} (${label})`, () => fn(m, label));
}

/** Each instance a field selects, as { location, path, value }, through a failing custom(). */
async function selected(m, fields, locations, req) {
  await m
    .buildCheckFunction(locations)(fields)
    .custom(() => false)
    .run(req);
  return m
    .validationResult(req)
    .array()
    .map(({ location, path, value }) => ({ location, path, value }));
}

// ---------------------------------------------------------------------------------------
// Field selection

const SELECTION = [
  ['one field, one location', { cookies: { foo: 'bar' } }, ['foo'], ['cookies'], [['cookies', 'foo', 'bar']]],
  [
    'fields before locations',
    { cookies: { foo: 'bar' }, params: { baz: 'qux' } },
    ['foo', 'baz'],
    ['cookies', 'params'],
    // With several locations, a field found in one is not reported from the others.
    [
      ['cookies', 'foo', 'bar'],
      ['params', 'baz', 'qux'],
    ],
  ],
  [
    'missing in every location: the first one is reported',
    { cookies: {}, params: {} },
    ['foo'],
    ['cookies', 'params'],
    [['cookies', 'foo', undefined]],
  ],
  ['dot notation', { body: { foo: { bar: true } } }, ['foo.bar'], ['body'], [['body', 'foo.bar', true]]],
  [
    'keys with dots in brackets and quotes',
    { body: { 'http://foo.com': true } },
    ['["http://foo.com"]'],
    ['body'],
    [['body', '["http://foo.com"]', true]],
  ],
  [
    'array indexes, present and absent',
    { query: { foo: ['bar', 'baz'] } },
    ['foo[1]', 'foo[2]'],
    ['query'],
    [
      ['query', 'foo[1]', 'baz'],
      ['query', 'foo[2]', undefined],
    ],
  ],
  [
    'headers are looked up in lower case',
    { headers: { 'content-type': 'application/json' } },
    ['Content-Type'],
    ['headers'],
    [['headers', 'content-type', 'application/json']],
  ],
  ['empty path: the whole location', { body: 'shake it' }, [''], ['body'], [['body', '', 'shake it']]],
  ['missing nested path', { cookies: {} }, ['foo.bar.baz'], ['cookies'], [['cookies', 'foo.bar.baz', undefined]]],
  [
    'a string primitive has its own length',
    { body: { foo: 'abc' } },
    ['foo.length', 'foo.nop'],
    ['body'],
    [
      ['body', 'foo.length', 3],
      ['body', 'foo.nop', undefined],
    ],
  ],
  [
    'duplicates across fields are reported once',
    { body: { foo: [{ a: 123, b: 456 }] } },
    ['*[0].*', 'foo.*.b'],
    ['body'],
    [
      ['body', 'foo[0].a', 123],
      ['body', 'foo[0].b', 456],
    ],
  ],
  [
    'wildcard over an array',
    { query: { foo: ['bar', 'baz'] } },
    ['foo.*'],
    ['query'],
    [
      ['query', 'foo[0]', 'bar'],
      ['query', 'foo[1]', 'baz'],
    ],
  ],
  [
    'wildcard as the whole path',
    { body: ['bar', 'baz'] },
    ['*'],
    ['body'],
    [
      ['body', '[0]', 'bar'],
      ['body', '[1]', 'baz'],
    ],
  ],
  ['a key named "*"', { query: { '*': 'foo' } }, ['*'], ['query'], [['query', '*', 'foo']]],
  [
    'wildcard in the middle',
    { query: { foo: { bar: { a: true }, baz: { a: false, b: 1 } } } },
    ['foo.*.a'],
    ['query'],
    [
      ['query', 'foo.bar.a', true],
      ['query', 'foo.baz.a', false],
    ],
  ],
  [
    'two wildcards',
    { query: { foo: { bar: { a: true }, baz: { b: 1 } } } },
    ['foo.*.*'],
    ['query'],
    [
      ['query', 'foo.bar.a', true],
      ['query', 'foo.baz.b', 1],
    ],
  ],
  ['wildcard under a primitive selects nothing', { query: { foo: 'bar' } }, ['foo.*.baz'], ['query'], []],
  [
    'globstar leaves',
    { query: { foo: { a: { b: { c: 1 } }, d: { e: 2 } } } },
    ['foo.**'],
    ['query'],
    [
      ['query', 'foo.a.b.c', 1],
      ['query', 'foo.d.e', 2],
    ],
  ],
  [
    'globstar branch',
    { query: { foo: { a: { b: { bar: 1 } }, c: { bar: 2 } } } },
    ['foo.**.bar'],
    ['query'],
    [
      ['query', 'foo.a.b.bar', 1],
      ['query', 'foo.c.bar', 2],
    ],
  ],
  [
    'globstar matching a branch and a leaf',
    { query: { foo: { foo: 1 } } },
    ['**.foo'],
    ['query'],
    [
      ['query', 'foo.foo', 1],
      ['query', 'foo', { foo: 1 }],
    ],
  ],
];

for (const [name, req, fields, locations, expected] of SELECTION) {
  both(`field selection: ${name}`, async (m) => {
    const out = await selected(m, fields, locations, structuredClone(req));
    assert.deepStrictEqual(
      out,
      expected.map(([location, path, value]) => ({ location, path, value })),
    );
  });
}

test('deviation: values are own properties only (a number has no toFixed, a body no constructor)', async () => {
  const req = () => ({ body: { foo: 1, bar: {} } });
  const theirs = await selected(EV, ['foo.toFixed', 'bar.constructor'], ['body'], req());
  assert.equal(typeof theirs[0].value, 'function');
  assert.equal(theirs[1].value, Object);
  assert.deepStrictEqual(await selected(BV, ['foo.toFixed', 'bar.constructor'], ['body'], req()), [
    { location: 'body', path: 'foo.toFixed', value: undefined },
    { location: 'body', path: 'bar.constructor', value: undefined },
  ]);
});

test('a polluted Object.prototype is never selected, validated or written through', async () => {
  Object.defineProperty(Object.prototype, 'isAdmin', { value: 'true', configurable: true, writable: true });
  try {
    const req = { body: {} };
    await BV.body('isAdmin').optional().isBoolean().toBoolean().run(req);
    assert.deepStrictEqual(BV.validationResult(req).array(), []);
    assert.deepStrictEqual(BV.matchedData(req, { includeOptionals: true }), { isAdmin: undefined });
    assert.equal(Object.hasOwn(req.body, 'isAdmin'), false);
  } finally {
    delete Object.prototype.isAdmin;
  }
});

// ---------------------------------------------------------------------------------------
// The string form standard validators and sanitizers read (express-validator's toString)

const STRING_FORMS = [
  ['false', false, 'false'],
  ['null', null, ''],
  ['NaN', NaN, ''],
  ['a number', 1.5, '1.5'],
  ['a Date', new Date(Date.UTC(2019, 4, 1, 10, 30, 50, 0)), '2019-05-01T10:30:50.000Z'],
  ['an object with its own toString function', { toString: () => 'foo' }, 'foo'],
  ['an object whose toString is not a function', { toString: 'something' }, '[object Object]'],
  ['a plain object', {}, '[object Object]'],
  ['a nested array (arrays are validated element by element)', [[1, [2, 3], null]], ['1,2,3,']],
];

for (const [name, value, expected] of STRING_FORMS) {
  both(`string form: ${name}`, async (m) => {
    const req = { body: { v: value } };
    await m.body('v').trim().run(req);
    assert.deepStrictEqual(req.body.v, expected);
  });
}

both('string form: validators read it too (isInt on 42 and on [4, "x"])', async (m) => {
  const req = { body: { n: 42, list: [4, 'x'] } };
  await m.body('n').isInt().run(req);
  await m.body('list').isInt().run(req);
  assert.deepStrictEqual(m.validationResult(req).array(), [
    { type: 'field', value: 'x', msg: 'Invalid value', path: 'list', location: 'body' },
  ]);
});

// ---------------------------------------------------------------------------------------
// Custom validators and conditions

const CUSTOM = [
  // [name, validator, negated, withMessage, expected msg or null for no error]
  ['falsy return fails', () => false, false, undefined, 'Invalid value'],
  ['truthy return passes', () => 1, false, undefined, null],
  ['throw: the thrown message', () => { throw new Error('thrown'); }, false, undefined, 'thrown'], // prettier-ignore
  ['throw with a message set: the message', () => { throw new Error('thrown'); }, false, 'set', 'set'], // prettier-ignore
  ['a non-Error thrown is the message', () => { throw 'plain'; }, false, undefined, 'plain'], // prettier-ignore
  ['a rejected promise: its message', () => Promise.reject(new Error('rejected')), false, undefined, 'rejected'],
  ['a resolved promise passes, whatever its value', () => Promise.resolve(false), false, undefined, null],
  ['negated: truthy fails', () => true, true, undefined, 'Invalid value'],
  ['negated: falsy passes', () => 0, true, undefined, null],
  ['negated: a throw passes', () => { throw new Error('x'); }, true, undefined, null], // prettier-ignore
  ['negated: a rejection passes', () => Promise.reject(new Error('x')), true, undefined, null],
  ['negated: a resolved promise fails', () => Promise.resolve(false), true, 'resolved', 'resolved'],
];

for (const [name, fn, negated, message, expected] of CUSTOM) {
  both(`custom(): ${name}`, async (m) => {
    const req = { body: { f: 'v' } };
    let chain = m.body('f');
    if (negated) chain = chain.not();
    chain = chain.custom(fn);
    if (message !== undefined) chain = chain.withMessage(message);
    await chain.run(req);
    const errors = m.validationResult(req).array();
    assert.deepStrictEqual(
      errors,
      expected === null ? [] : [{ type: 'field', value: 'v', msg: expected, path: 'f', location: 'body' }],
    );
  });
}

both('custom(): receives the value and { req, location, path, pathValues }', async (m) => {
  const req = { body: { items: [{ n: 1 }] } };
  const seen = [];
  await m
    .body('items.*.n')
    .custom((value, meta) => {
      seen.push({ value, location: meta.location, path: meta.path, pathValues: meta.pathValues, req: meta.req });
      return true;
    })
    .run(req);
  assert.deepStrictEqual(seen, [{ value: 1, location: 'body', path: 'items[0].n', pathValues: ['0'], req }]);
});

const CONDITIONS = [
  // [name, condition, does the chain go on?]
  ['truthy', () => 'yes', true],
  ['falsy', () => '', false],
  ['throws', () => { throw new Error('x'); }, false], // prettier-ignore
  ['resolved promise', () => Promise.resolve(), true],
  ['promise resolving to false (only rejection stops)', () => Promise.resolve(false), true],
  ['rejected promise', () => Promise.reject(new Error('x')), false],
];

for (const [name, condition, goesOn] of CONDITIONS) {
  both(`if(fn): ${name}`, async (m) => {
    const req = { body: { f: 'x' } };
    await m.body('f').if(condition).isInt().run(req);
    assert.equal(m.validationResult(req).isEmpty(), !goesOn);
  });
}

both('if(chain): goes on only when the chain passes; the condition runs dry', async (m) => {
  const req = { body: { kind: ' a ', n: 'x' } };
  await m.body('n').if(m.body('kind').trim().equals('a')).isInt().run(req);
  assert.equal(m.validationResult(req).array().length, 1, 'the condition saw its own trimmed value');
  assert.equal(req.body.kind, ' a ', 'a condition does not sanitize the request');
  const req2 = { body: { kind: 'b', n: 'x' } };
  await m.body('n').if(m.body('kind').equals('a')).isInt().run(req2);
  assert.equal(m.validationResult(req2).array().length, 0);
});

both('if() refuses anything but a chain or a function', (m) => {
  assert.throws(() => m.body('f').if('nope'), TypeError);
});

// ---------------------------------------------------------------------------------------
// bail, optional, hide, not, withMessage, default messages

both('bail(): stops the chain once it has an error, for every instance', async (m) => {
  const req = { body: { a: 'x', list: ['x', 'y'] } };
  await m.body('a').isInt().bail().isLength({ min: 5 }).run(req);
  await m
    .body('list.*')
    .isInt()
    .bail()
    .custom(() => false)
    .run(req);
  assert.deepStrictEqual(
    m
      .validationResult(req)
      .array()
      .map((e) => e.path),
    ['a', 'list[0]', 'list[1]'],
  );
});

both('bail({ level: "request" }): later chains do not run once it failed', async (m) => {
  const req = { body: { a: 'x', b: 'y' } };
  await m.body('a').isInt().bail({ level: 'request' }).run(req);
  await m.body('b').isInt().run(req);
  assert.deepStrictEqual(
    m
      .validationResult(req)
      .array()
      .map((e) => e.path),
    ['a'],
  );
});

const OPTIONAL = [
  // [options, values that skip the chain, values that are checked]
  [undefined, [undefined], [null, '', 0, false]],
  [{ values: 'undefined' }, [undefined], [null, '']],
  [{ nullable: true }, [undefined, null], ['', 0]],
  [{ values: 'null' }, [undefined, null], ['', false]],
  [{ checkFalsy: true }, [undefined, null, '', 0, false], ['x']],
  [{ values: 'falsy' }, [undefined, null, '', 0, false], ['x']],
  [false, [], [undefined, null]],
];

for (const [options, skipped, checked] of OPTIONAL) {
  both(`optional(${JSON.stringify(options)})`, async (m) => {
    for (const value of [...skipped, ...checked]) {
      const req = { body: value === undefined ? {} : { f: value } };
      const chain = options === undefined ? m.body('f').optional() : m.body('f').optional(options);
      await chain.custom(() => false).run(req);
      assert.equal(m.validationResult(req).isEmpty(), skipped.includes(value), `value ${String(value)}`);
    }
  });
}

both('optional(): a sanitizer that empties the value makes the rest skip it', async (m) => {
  const req = { body: { f: '   ' } };
  await m.body('f').optional({ values: 'falsy' }).trim().isInt().run(req);
  assert.equal(m.validationResult(req).isEmpty(), true);
});

both('hide(): the value is removed, or replaced with the given one', async (m) => {
  const req = { body: { password: 'hunter2', pin: '12' } };
  await m.body('password').isInt().hide().run(req);
  await m.body('pin').isLength({ min: 4 }).hide('***').run(req);
  assert.deepStrictEqual(m.validationResult(req).array(), [
    { type: 'field', msg: 'Invalid value', path: 'password', location: 'body' },
    { type: 'field', value: '***', msg: 'Invalid value', path: 'pin', location: 'body' },
  ]);
});

both('messages: withMessage (string or function), the chain default, then "Invalid value"', async (m) => {
  const req = { body: { a: 'x', b: 'y', c: 'z' } };
  await m
    .body('a')
    .isInt()
    .withMessage((value, { path }) => `${path}=${value}`)
    .run(req);
  await m.body('b', 'chain default').isInt().isEmail().withMessage('own').run(req);
  await m.body('c').isInt().run(req);
  assert.deepStrictEqual(
    m
      .validationResult(req)
      .array()
      .map((e) => e.msg),
    ['a=x', 'chain default', 'own', 'Invalid value'],
  );
});

both('messages: any value can be a message (an object for i18n)', async (m) => {
  const req = { body: { a: 'x' } };
  await m.body('a').isInt().withMessage({ code: 'E_INT' }).run(req);
  assert.deepStrictEqual(m.validationResult(req).array()[0].msg, { code: 'E_INT' });
});

both('not() negates only the next validator', async (m) => {
  const req = { body: { a: 'abc' } };
  await m.body('a').not().isInt().isInt().run(req);
  assert.equal(m.validationResult(req).array().length, 1);
});

// ---------------------------------------------------------------------------------------
// Validators with express-validator's own meaning

const TYPE_VALIDATORS = [
  // [name, build(chain), passing values, failing values]
  ['exists()', (c) => c.exists(), ['', null, 0], [undefined]],
  ['exists({ checkNull })', (c) => c.exists({ checkNull: true }), ['', 0], [undefined, null]],
  ['exists({ checkFalsy })', (c) => c.exists({ checkFalsy: true }), ['x', 1], [undefined, null, '', 0, false]],
  ['exists({ values: "null" })', (c) => c.exists({ values: 'null' }), [''], [null]],
  ['isString()', (c) => c.isString(), ['', 'x'], [1, null, ['x']]],
  ['isArray()', (c) => c.isArray(), [[], [1]], ['x', {}, null]],
  ['isArray({ min, max })', (c) => c.isArray({ min: 1, max: 2 }), [[1], [1, 2]], [[], [1, 2, 3]]],
  ['isObject()', (c) => c.isObject(), [{}, { a: 1 }], [[], null, 'x']],
  ['isObject({ strict: false })', (c) => c.isObject({ strict: false }), [{}, [], null], ['x', 1]],
  ['isBoolean()', (c) => c.isBoolean(), [true, 'false', '0', '1'], ['yes', 'TRUE']],
  ['isBoolean({ loose: true })', (c) => c.isBoolean({ loose: true }), ['yes', 'TRUE', 'no'], ['maybe']],
  ['isBoolean({ strict: true })', (c) => c.isBoolean({ strict: true }), [true, false], ['true', 0]],
  ['notEmpty()', (c) => c.notEmpty(), ['x', ' '], ['', null, undefined]],
  ['notEmpty({ ignore_whitespace })', (c) => c.notEmpty({ ignore_whitespace: true }), ['x'], ['  ']],
  ['equals()', (c) => c.equals('5'), ['5', 5], ['05']],
  ['contains()', (c) => c.contains('ab'), ['xaby'], ['xAby']],
  ['contains({ ignoreCase, minOccurrences })', (c) => c.contains('ab', { ignoreCase: true, minOccurrences: 2 }), ['ABab'], ['ab']], // prettier-ignore
  ['isAlpha with ignore as an array', (c) => c.isAlpha('en-US', { ignore: [' ', '-'] }), ['a b-c'], ['a_b']],
  ['matches(string, modifiers)', (c) => c.matches('^abc$', 'i'), ['ABC'], ['abcd']],
  ['matches(RegExp with flags, more modifiers)', (c) => c.matches(/^abc$/m, 'i'), ['x\nABC'], ['abd']],
];

for (const [name, build, passing, failing] of TYPE_VALIDATORS) {
  both(`validator ${name}`, async (m) => {
    for (const value of [...passing, ...failing]) {
      const req = { body: value === undefined ? {} : { f: value } };
      await build(m.body('f')).run(req);
      assert.equal(m.validationResult(req).isEmpty(), passing.includes(value), `value ${JSON.stringify(value)}`);
    }
  });
}

both('arrays: holes are skipped by validators and kept by sanitizers', async (m) => {
  const req = { body: { a: 'x' } };
  await m
    .body('a')
    .customSanitizer(() => {
      const sparse = [' 1 '];
      sparse[3] = 'z';
      return sparse;
    })
    .trim()
    .isInt()
    .run(req);
  assert.deepStrictEqual(
    m
      .validationResult(req)
      .array()
      .map((e) => e.value),
    ['z'],
  );
  assert.equal(Object.hasOwn(req.body.a, 1), false);
  assert.equal(req.body.a[0], '1');
});

both('matches() with the g flag answers the same on every run', async (m) => {
  const chain = m
    .body('user')
    .toLowerCase()
    .matches(/^(it)(\d{6})$/g)
    .withMessage('bad');
  for (const [user, errors] of [
    ['it157115', 0],
    ['fo157115', 3],
  ]) {
    const req = { body: { user } };
    for (let i = 0; i < 3; i += 1) await chain.run(req);
    assert.equal(m.validationResult(req).array().length, errors);
  }
});

// ---------------------------------------------------------------------------------------
// Sanitizers with express-validator's own meaning

both('default(): replaces undefined, null, NaN and "" with a copy of the default', async (m) => {
  const fallback = { nested: [1] };
  const req = { body: { a: null, b: '', c: Number.NaN, e: 0 } };
  await m.body(['a', 'b', 'c', 'd', 'e']).default(fallback).run(req);
  assert.deepStrictEqual(req.body, { a: fallback, b: fallback, c: fallback, e: 0, d: fallback });
  assert.notEqual(req.body.a, fallback, 'a copy');
  assert.notEqual(req.body.a, req.body.b, 'one copy per field');
});

both('replace(): a list or one value, replaced with a copy', async (m) => {
  const req = { body: { a: 'x', b: 'y', c: 'z' } };
  await m.body('a').replace(['x', 'y'], { v: 1 }).run(req);
  await m.body('b').replace('y', 'Y').run(req);
  await m.body('c').replace([], 'never').run(req);
  assert.deepStrictEqual(req.body, { a: { v: 1 }, b: 'Y', c: 'z' });
});

both('toArray(), toLowerCase(), toUpperCase()', async (m) => {
  const req = { body: { a: 'x', b: ['y'], d: 'MiXeD', e: 5 } };
  await m.body(['a', 'b', 'c']).toArray().run(req);
  await m.body('d').toLowerCase().run(req);
  await m.body('e').toUpperCase().run(req);
  assert.deepStrictEqual(req.body, { a: ['x'], b: ['y'], c: [], d: 'mixed', e: 5 });
});

both('customSanitizer(): sync and async, with meta; its value is what later items see', async (m) => {
  const req = { body: { n: '2' } };
  await m
    .body('n')
    .customSanitizer((v, { path }) => `${v}${path}`)
    .customSanitizer(async (v) => v.toUpperCase())
    .equals('2N')
    .run(req);
  assert.equal(req.body.n, '2N');
  assert.equal(m.validationResult(req).isEmpty(), true);
});

both('isDate, isBefore, isAfter and the toDate sanitizer', async (m) => {
  const req = {
    body: {
      day: '2024-02-29',
      bad: '2023-02-29',
      us: '02/29/2024',
      when: '2020-01-01T00:00:00Z',
      future: '2999-01-01',
      junk: 'x',
      stamp: 'Thu, 01 Jan 1970 00:00:00 GMT',
    },
  };
  const chains = [
    m.body('day').isDate(),
    m.body('bad').isDate(),
    m.body('us').isDate({ format: 'MM/DD/YYYY', strictMode: true }),
    m.body('us').isDate('DD/MM/YYYY'),
    m.body('when').isBefore('2021-01-01'),
    m.body('when').isAfter({ comparisonDate: '2021-01-01' }),
    m.body('future').isAfter(),
    m.body('future').isBefore(),
    m.body('junk').isBefore('2021-01-01'),
  ];
  for (const chain of chains) await chain.run(req);
  await m.body('stamp').toDate().run(req);
  await m.body('junk').toDate().run(req);
  const failed = m
    .validationResult(req)
    .array()
    .map((e) => `${e.path}:${e.value}`);
  assert.deepEqual(failed, [
    'bad:2023-02-29',
    'us:02/29/2024',
    'when:2020-01-01T00:00:00Z',
    'future:2999-01-01',
    'junk:x',
  ]);
  assert.ok(req.body.stamp instanceof Date);
  assert.equal(req.body.stamp.getTime(), 0);
  assert.equal(req.body.junk, null);
});

both('a sanitizer that throws makes the middleware call next(err)', async (m) => {
  const chain = m.body('a').customSanitizer(() => {
    throw new Error('broken');
  });
  const err = await new Promise((resolve) => {
    chain({ body: { a: 1 } }, {}, resolve);
  });
  assert.equal(err.message, 'broken');
});

both('run({ dryRun: true }) neither sanitizes the request nor records errors', async (m) => {
  const req = { body: { a: ' x ' } };
  const result = await m.body('a').trim().isInt().run(req, { dryRun: true });
  assert.equal(result.isEmpty(), false);
  assert.equal(req.body.a, ' x ');
  assert.equal(m.validationResult(req).isEmpty(), true);
});

both('chain runs do not share state between requests', async (m) => {
  const chain = m.body('a').isInt();
  const bad = { body: { a: 'x' } };
  const good = { body: { a: '1' } };
  await chain.run(bad);
  await chain.run(good);
  assert.equal(m.validationResult(bad).array().length, 1);
  assert.equal(m.validationResult(good).array().length, 0);
});

// ---------------------------------------------------------------------------------------
// validationResult

async function twoFieldErrors(m) {
  const req = { body: { a: 'x', b: 'y' } };
  await m.body('a').isInt().isEmail().run(req);
  await m.body('b').isInt().run(req);
  return req;
}

both('validationResult: isEmpty, array, onlyFirstError, mapped', async (m) => {
  assert.equal(m.validationResult({}).isEmpty(), true);
  assert.deepStrictEqual(m.validationResult({}).array(), []);
  const result = m.validationResult(await twoFieldErrors(m));
  assert.equal(result.isEmpty(), false);
  assert.equal(result.array().length, 3);
  assert.deepStrictEqual(
    result.array({ onlyFirstError: true }).map((e) => e.path),
    ['a', 'b'],
  );
  assert.deepStrictEqual(Object.keys(result.mapped()), ['a', 'b']);
  assert.equal(result.mapped().a.value, 'x');
});

both('validationResult: formatWith returns a new Result used by array() and mapped()', async (m) => {
  const result = m.validationResult(await twoFieldErrors(m));
  const formatted = result.formatWith((e) => `${e.path}:${e.msg}`);
  assert.notEqual(formatted, result);
  assert.deepStrictEqual(formatted.array(), ['a:Invalid value', 'a:Invalid value', 'b:Invalid value']);
  assert.deepStrictEqual(formatted.mapped(), { a: 'a:Invalid value', b: 'b:Invalid value' });
  assert.equal(typeof result.array()[0], 'object', 'the original is unchanged');
});

both('validationResult: throw() throws an Error carrying the Result methods', async (m) => {
  m.validationResult({}).throw();
  const req = await twoFieldErrors(m);
  let thrown;
  try {
    m.validationResult(req).throw();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof Error);
  assert.equal(thrown.isEmpty(), false);
  assert.deepStrictEqual(Object.keys(thrown.mapped()), ['a', 'b']);
  assert.equal(thrown.array().length, 3);
});

both('validationResult.withDefaults({ formatter })', async (m) => {
  const result = m.validationResult.withDefaults({ formatter: (e) => e.msg })(await twoFieldErrors(m));
  assert.deepStrictEqual(result.array(), ['Invalid value', 'Invalid value', 'Invalid value']);
});

// ---------------------------------------------------------------------------------------
// matchedData

both('matchedData: valid, non-optional data by default; options widen or narrow it', async (m) => {
  assert.deepStrictEqual(m.matchedData({}), {});
  const req = { body: { a: ' 1 ', b: 'x', items: [{ n: '1' }, { n: '2' }] }, query: { q: 'y' } };
  await m.body('a').trim().isInt().toInt().run(req);
  await m.body('b').isInt().run(req);
  await m.body('c').optional().isInt().run(req);
  await m.body('items.*.n').isInt().run(req);
  await m.query('q').isString().run(req);
  assert.deepStrictEqual(m.matchedData(req), { a: 1, items: [{ n: '1' }, { n: '2' }], q: 'y' });
  assert.deepStrictEqual(m.matchedData(req, { includeOptionals: true }), {
    a: 1,
    c: undefined,
    items: [{ n: '1' }, { n: '2' }],
    q: 'y',
  });
  assert.deepStrictEqual(m.matchedData(req, { onlyValidData: false }), {
    a: 1,
    b: 'x',
    items: [{ n: '1' }, { n: '2' }],
    q: 'y',
  });
  assert.deepStrictEqual(m.matchedData(req, { locations: ['query'] }), { q: 'y' });
});

both('matchedData: a later equal value (-0 after 0) does not replace the first, as lodash set', async (m) => {
  const req = { body: { a: { v: -0 } } };
  await m.body('a.v').toInt().run(req);
  await m.body('a.**').run(req);
  assert.equal(Object.is(m.matchedData(req).a.v, 0), true);
  assert.equal(Object.is(req.body.a.v, -0), true, '0 === -0: nothing is written back');
});

both('matchedData: a oneOf() group that failed contributes nothing', async (m) => {
  const req = { body: { a: '1', b: 'x' } };
  await m.oneOf([[m.body('a').isInt(), m.body('b').isInt()], m.body('a').isLength({ max: 0 })]).run(req);
  assert.deepStrictEqual(m.matchedData(req, { onlyValidData: false }), {});
  const req2 = { body: { a: '1', b: '2' } };
  await m.oneOf([[m.body('a').isInt(), m.body('b').isInt().toInt()]]).run(req2);
  assert.deepStrictEqual(m.matchedData(req2), { a: '1', b: 2 });
  assert.equal(req2.body.b, 2, 'the passing group sanitized the request');
});

// ---------------------------------------------------------------------------------------
// checkSchema

both('checkSchema: a chain per field; locations from "in" or the defaults', async (m) => {
  const schema = m.checkSchema({ a: { isInt: true }, b: { in: 'query', isInt: true }, c: { in: ['params', 'body'] } });
  assert.equal(schema.length, 3);
  const req = { body: { a: 'x', b: 'x' }, query: { a: '1', b: 'y' }, params: {}, headers: {}, cookies: {} };
  await schema.run(req);
  const paths = m
    .validationResult(req)
    .array()
    .map((e) => `${e.location}:${e.path}`)
    .sort();
  assert.deepStrictEqual(paths, ['body:a', 'query:b']);
});

both('checkSchema: options (falsy too), errorMessage, negated, if, bail, optional', async (m) => {
  const req = { body: { a: 'abc', b: '', c: 'x', d: undefined, e: 'x' } };
  await m
    .checkSchema(
      {
        a: { isLength: { options: { max: 2 }, errorMessage: 'too long' }, isInt: { negated: true } },
        b: { errorMessage: 'field default', isInt: true, isEmail: { errorMessage: 'own' } },
        c: { isInt: { bail: true }, isEmail: true },
        d: { default: { options: 0 } },
        e: { optional: true, isInt: { if: () => false } },
        f: { optional: { options: { nullable: true } }, isInt: true },
      },
      ['body'],
    )
    .run(req);
  const errors = m
    .validationResult(req)
    .array()
    .map((e) => `${e.path}:${e.msg}`)
    .sort();
  assert.deepStrictEqual(errors, ['a:too long', 'b:field default', 'b:own', 'c:Invalid value']);
  assert.equal(req.body.d, 0);
});

both('checkSchema: disabled entries (false) are skipped; custom names run custom validators', async (m) => {
  const req = { body: { a: 'x' } };
  await m
    .checkSchema({
      a: {
        in: ['body'],
        isInt: false,
        isPositive: { custom: (v) => v === 'x', errorMessage: 'never' },
        isUpper: { customSanitizer: (v) => v.toUpperCase() },
        isAlpha: { custom: () => false },
      },
    })
    .run(req);
  assert.deepStrictEqual(
    m
      .validationResult(req)
      .array()
      .map((e) => e.msg),
    [],
    'isAlpha is a standard validator: its custom function is not what runs',
  );
  assert.equal(req.body.a, 'X');
});

both('checkSchema: bail with request level stops the later fields', async (m) => {
  const req = { body: { a: 'x', b: 'y' } };
  await m
    .checkSchema({ a: { in: ['body'], isInt: { bail: { level: 'request' } } }, b: { in: ['body'], isInt: true } })
    .run(req);
  assert.deepStrictEqual(
    m
      .validationResult(req)
      .array()
      .map((e) => e.path),
    ['a'],
  );
});

test('deviation: checkSchema refuses unknown keys and not/withMessage (express-validator warns and skips)', () => {
  for (const key of ['isEmial', 'not', 'withMessage']) {
    assertCode(() => BV.checkSchema({ a: { [key]: true } }), 'INVALID_OPTIONS');
  }
});

// ---------------------------------------------------------------------------------------
// oneOf

both('oneOf: passes when one chain passes; otherwise one grouped error by default', async (m) => {
  const ok = { body: { a: '1', b: 'x' } };
  await m.oneOf([m.body('a').isInt(), m.body('b').isInt()]).run(ok);
  assert.equal(m.validationResult(ok).isEmpty(), true);
  const bad = { body: { a: 'x', b: 'y' } };
  await m.oneOf([[m.body('a').isInt(), m.body('b').isInt()], m.body('a').isEmail()]).run(bad);
  const [error] = m.validationResult(bad).array();
  assert.equal(error.type, 'alternative_grouped');
  assert.equal(error.msg, 'Invalid value(s)');
  assert.deepStrictEqual(
    error.nestedErrors.map((group) => group.map((e) => e.path)),
    [['a', 'b'], ['a']],
  );
  assert.deepStrictEqual(Object.keys(m.validationResult(bad).mapped()), ['_alternative_grouped']);
});

both('oneOf: errorType flat and least_errored; message as a string or a function', async (m) => {
  const chains = () => [[m.body('a').isInt(), m.body('b').isInt()], m.body('a').isEmail()];
  const flat = { body: { a: 'x', b: 'y' } };
  await m.oneOf(chains(), { errorType: 'flat', message: 'none' }).run(flat);
  const [f] = m.validationResult(flat).array();
  assert.deepStrictEqual([f.type, f.msg, f.nestedErrors.length], ['alternative', 'none', 3]);
  const least = { body: { a: 'x', b: 'y' } };
  await m.oneOf(chains(), { errorType: 'least_errored', message: (errors) => `${errors.length}` }).run(least);
  const [l] = m.validationResult(least).array();
  assert.deepStrictEqual([l.type, l.msg, l.nestedErrors.length], ['alternative', '1', 1]);
  const unknown = { body: { a: 'x', b: 'y' } };
  await m.oneOf(chains(), { errorType: 'nonsense' }).run(unknown);
  assert.equal(m.validationResult(unknown).array()[0].type, 'alternative_grouped');
});

both('oneOf: run({ dryRun: true }) records nothing; the middleware passes errors to next', async (m) => {
  const req = { body: { a: 'x' } };
  const result = await m.oneOf([m.body('a').isInt()]).run(req, { dryRun: true });
  assert.equal(result.isEmpty(), false);
  assert.equal(m.validationResult(req).isEmpty(), true);
  const mw = m.oneOf([
    m.body('a').custom(() => {
      throw new Error('expected');
    }),
    m.body('a').customSanitizer(() => {
      throw new Error('unexpected');
    }),
  ]);
  const err = await new Promise((resolve) => {
    mw({ body: { a: 1 } }, {}, resolve);
  });
  assert.equal(err.message, 'unexpected');
});

// ---------------------------------------------------------------------------------------
// checkExact

for (const [name, chains] of [
  ['one chain', (m) => m.check('banana')],
  ['an array', (m) => [m.check('banana'), m.check('apple')]],
  ['chains and a schema', (m) => [m.check('banana'), m.checkSchema({ pear: {} })]],
]) {
  both(`checkExact: unknown fields given ${name}`, async (m) => {
    const req = { body: { banana: true }, query: { orange: 1 } };
    const result = await m.checkExact(chains(m)).run(req);
    assert.deepStrictEqual(result.array(), [
      { type: 'unknown_fields', msg: 'Unknown field(s)', fields: [{ path: 'orange', value: 1, location: 'query' }] },
    ]);
  });
}

both('checkExact: counts chains run before it; default locations are body, params, query', async (m) => {
  const req = { query: { banana: 1, apple: 'red' }, headers: { host: 'x' }, cookies: { sid: '1' } };
  await m.check('banana').run(req);
  const result = await m.checkExact().run(req);
  assert.deepStrictEqual(result.array()[0].fields, [{ path: 'apple', value: 'red', location: 'query' }]);
});

both('checkExact: only the given locations; message function; no error when exact', async (m) => {
  const req = { body: { a: 1, extra: 2 }, query: { q: 1 } };
  const result = await m
    .checkExact([m.body('a')], { locations: ['body'], message: (fields) => fields.map((f) => f.path).join() })
    .run(req);
  assert.equal(result.array()[0].msg, 'extra');
  const exact = await m.checkExact([m.body('a'), m.body('extra')], { locations: ['body'] }).run(req);
  assert.equal(exact.isEmpty(), true);
});

const UNKNOWN = [
  ['nested', { foo: { bar: 'hi', baz: 'hey' } }, ['foo.bar'], [['foo.baz', 'hey']]],
  ['under an array', { foo: ['bar', 'baz'] }, ['foo[0]'], [['foo[1]', 'baz']]],
  ['not the parent of a known primitive', { foo: 'bla' }, ['foo.bar'], []],
  ['nothing at a wildcard level', { foo: 1, bar: 2 }, ['*'], []],
  ['under a wildcard', { o1: { foo: 1, bar: 2 }, o2: { foo: 3, baz: 4 } }, ['*.foo'], [['o1.bar', 2], ['o2.baz', 4]]], // prettier-ignore
  ['nothing at a globstar level', { foo: 1, bar: { baz: 2 } }, ['**'], []],
  ['deep under a globstar', { o1: { foo: 1, bar: 2 }, o2: { foo: 3, baz: { foo: 4, qux: 5 } } }, ['**.foo'], [['o1.bar', 2], ['o2.baz.qux', 5]]], // prettier-ignore
  ['nothing under a known field', { o1: { foo: 1, bar: 2 } }, ['o1', 'o.foo'], []],
  ['nothing when the whole location is known', 'foobar', [''], []],
  ['the whole location when unknown and not an object', 'foobar', ['foo'], [['', 'foobar']]],
];

for (const [name, body, known, expected] of UNKNOWN) {
  both(`checkExact: ${name}`, async (m) => {
    const result = await m
      .checkExact(
        known.map((f) => m.body(f)),
        { locations: ['body'] },
      )
      .run({ body });
    const fields = result.isEmpty() ? [] : result.array()[0].fields.map((f) => [f.path, f.value]);
    assert.deepStrictEqual(fields, expected);
  });
}

test('deviation: checkExact treats null under a known path as a value (express-validator throws)', async () => {
  const req = () => ({ body: { items: null, x: 1 } });
  const chains = (m) => [m.body('items.*.name'), m.body('x')];
  await assert.rejects(EV.checkExact(chains(EV)).run(req()), TypeError);
  const result = await BV.checkExact(chains(BV)).run(req());
  assert.equal(result.isEmpty(), true);
});

// ---------------------------------------------------------------------------------------
// ExpressValidator

both('ExpressValidator: extension methods on every builder, in checkSchema, and a formatter', async (m) => {
  const ev = new m.ExpressValidator(
    { isAbc: (v) => v === 'abc' },
    { shout: (v) => `${v}!` },
    { errorFormatter: (e) => `${e.path}: ${e.msg}` },
  );
  for (const builder of ['check', 'body', 'query']) {
    const req = { body: { f: 'x' }, query: { f: 'x' } };
    await ev[builder]('f').isAbc().run(req);
    assert.equal(ev.validationResult(req).isEmpty(), false, builder);
  }
  const req = { body: { a: 'abc', b: 'x' } };
  await ev.checkSchema({ a: { in: ['body'], isAbc: true, shout: true }, b: { in: ['body'], isAbc: true } }).run(req);
  assert.deepStrictEqual(ev.validationResult(req).array(), ['b: Invalid value']);
  assert.deepStrictEqual(m.validationResult(req).array()[0].path, 'b', 'the plain function does not format');
  assert.equal(req.body.a, 'abc!');
  assert.deepStrictEqual(ev.matchedData(req), { a: 'abc!' });
  const exact = await ev.checkExact([ev.body('a')]).run({ body: { a: 1, z: 2 } });
  assert.equal(exact.array()[0].fields[0].path, 'z');
  const one = { body: { a: 'abc' } };
  await ev.oneOf([ev.body('a').isAbc(), ev.body('a').isInt()]).run(one);
  assert.equal(ev.validationResult(one).isEmpty(), true);
});

test('the same exports as express-validator, also as ESM named imports', async () => {
  assert.deepStrictEqual(Object.keys(BV).sort(), Object.keys(EV).sort());
  const esm = await import('bulwark/express-validator');
  for (const name of Object.keys(EV)) assert.equal(esm[name], BV[name], `import { ${name} }`);
});

test("mixed imports: each package's validationResult and matchedData see the other's chains", async () => {
  const req = { body: { a: 'x', b: ' 2 ', c: 'y' }, query: {} };
  await BV.body('a').isInt().run(req);
  await EV.body('b').trim().isInt().toInt().run(req);
  await BV.body('c').isAlpha().run(req);
  const expected = [{ type: 'field', value: 'x', msg: 'Invalid value', path: 'a', location: 'body' }];
  assert.deepStrictEqual(EV.validationResult(req).array(), expected, "express-validator's view");
  assert.deepStrictEqual(BV.validationResult(req).array(), expected, "Bulwark's view");
  assert.deepStrictEqual(EV.matchedData(req), { b: 2, c: 'y' });
  assert.deepStrictEqual(BV.matchedData(req), { b: 2, c: 'y' });
  const exact = await EV.checkExact().run({ ...req, body: { ...req.body, d: 1 } });
  assert.deepStrictEqual(
    exact.array()[0].fields.map((f) => f.path),
    ['d'],
    "express-validator's checkExact knows Bulwark's fields",
  );
  // A request-level bail of one package stops the other's chains.
  const bailed = { body: { a: 'x', b: 'y' } };
  await BV.body('a').isInt().bail({ level: 'request' }).run(bailed);
  await EV.body('b').isInt().run(bailed);
  assert.equal(BV.validationResult(bailed).array().length, 1);
  // oneOf with chains of both packages.
  const either = { body: { a: 'x', b: '3' } };
  await BV.oneOf([BV.body('a').isInt(), EV.body('b').isInt().toInt()]).run(either);
  assert.equal(BV.validationResult(either).isEmpty(), true);
  assert.deepStrictEqual(BV.matchedData(either), { b: 3 });
});

test('deviation: chains run together record errors in chain order (express-validator: as they finish)', async () => {
  const schema = (m) =>
    m.checkSchema({ a: { in: ['body'], isInt: true, trim: true, isEmail: true }, b: { in: ['body'], isInt: true } });
  const order = async (m) => {
    const req = { body: { a: 'x', b: 'y' } };
    await schema(m).run(req);
    return m
      .validationResult(req)
      .array()
      .map((e) => e.path);
  };
  assert.deepStrictEqual(await order(BV), ['a', 'a', 'b']);
  assert.deepStrictEqual(await order(EV), ['b', 'a', 'a'], 'b has fewer items and finishes first');
});

test('deviation: an object without a prototype reads as [object Object] (express-validator throws)', async () => {
  const req = () => ({ body: { v: Object.assign(Object.create(null), { a: 1 }) } });
  await assert.rejects(EV.body('v').trim().run(req()), TypeError);
  const ours = req();
  await BV.body('v').trim().run(ours);
  assert.equal(ours.body.v, '[object Object]');
});

test('deviation: wildcards past 256 levels are INPUT_TOO_DEEP, passed to next(err)', async () => {
  const deep = {};
  let node = deep;
  for (let i = 0; i < 300; i += 1) node = node.a = {};
  for (const mw of [BV.body('**').isInt(), BV.checkExact([BV.body('**.z')])]) {
    const err = await new Promise((resolve) => {
      mw({ body: { a: deep } }, {}, resolve);
    });
    assert.equal(err && err.code, 'INPUT_TOO_DEEP');
  }
  const shallow = await new Promise((resolve) => {
    BV.body('**').isInt()({ body: { a: { b: { c: '1' } } } }, {}, resolve);
  });
  assert.equal(shallow, undefined);
});

test('deviation: normalizeEmail refuses lone surrogates (INVALID_UNICODE to next(err))', async () => {
  const err = await new Promise((resolve) => {
    BV.body('email').normalizeEmail()({ body: { email: 'a\ud800@example.com' } }, {}, resolve);
  });
  assert.equal(err && err.code, 'INVALID_UNICODE');
});

test('deviation: a wildcard key with brackets reads its own value (express-validator re-parses the path)', async () => {
  const req = () => ({ body: { o: { 'a[0]': 'x', a: ['y'] } } });
  const theirs = req();
  await EV.body('o.*')
    .custom(() => false)
    .run(theirs);
  const ours = req();
  await BV.body('o.*')
    .custom(() => false)
    .run(ours);
  const view = (m, r) =>
    m
      .validationResult(r)
      .array()
      .map((e) => [e.path, e.value]);
  assert.deepStrictEqual(view(EV, theirs)[0], ['o.a[0]', 'y']);
  assert.deepStrictEqual(view(BV, ours)[0], ['o.a[0]', 'x']);
});

test("normalizeUnicode(): Bulwark's addition, as a chain method and a schema key", async () => {
  const req = { body: { a: 'Cafe\u0301', b: 'Cafe\u0301' } };
  await BV.body('a').normalizeUnicode().equals('Caf\u00e9').run(req);
  await BV.checkSchema({ b: { in: ['body'], normalizeUnicode: { options: 'NFD' } } }).run(req);
  assert.deepStrictEqual(BV.validationResult(req).array(), []);
  assert.equal(req.body.a, 'Caf\u00e9');
  assert.equal(req.body.b, 'Cafe\u0301');
  assertCode(() => BV.body('a').normalizeUnicode('NFX'), 'INVALID_OPTIONS');
});

// ---------------------------------------------------------------------------------------
// Fail closed at startup (Bulwark only)

test("every validator express-validator's chain has is a chain method here, and builds", () => {
  const evChain = EV.body('f');
  const bvChain = BV.body('f');
  const names = Object.keys(require('validator')).filter(
    (k) => typeof evChain[k] === 'function' && (/^is[A-Z]/.test(k) || ['contains', 'equals', 'matches'].includes(k)),
  );
  assert.ok(names.length >= 85, `${names.length} validators`); // 90 in express-validator 7.3
  for (const name of names) assert.equal(typeof bvChain[name], 'function', name);
  // The last six validator.js gained here build with their options, in chains and schemas.
  for (const build of [
    (c) => c.isTaxID('en-US'),
    (c) => c.isIdentityCard('any'),
    (c) => c.isCurrency({ symbol: '€' }),
    (c) => c.isDate({ format: 'DD/MM/YYYY' }),
    (c) => c.isBefore('2020-01-01'),
    (c) => c.isAfter({ comparisonDate: '2020-01-01' }),
  ]) {
    build(BV.body('f'));
  }
  BV.checkSchema({ f: { isTaxID: { options: 'en-US' }, isCurrency: { options: { symbol: '€' } } } });
  // A bad locale is still refused when the chain is built.
  assertCode(() => BV.body('f').isTaxID('xx-XX'), 'INVALID_OPTIONS');
});

test('bad validator or sanitizer options are errors when the chain is built', () => {
  assertCode(() => BV.body('f').isInt({ min: 1, mni: 2 }), 'INVALID_OPTIONS');
  assertCode(() => BV.body('f').isEmail({ allow_display_name: 'yes' }), 'INVALID_OPTIONS');
  assertCode(() => BV.body('f').isStrongPassword({ returnScore: true }), 'INVALID_OPTIONS');
  assertCode(() => BV.body('f').trim(5), 'INVALID_OPTIONS');
  assert.throws(() => BV.body('f').optional({ values: 'nope' }), /optional values/);
  assert.throws(() => BV.body('f').withMessage('x'), /withMessage\(\) must follow a validator/);
});

test('one createValidator batch per run of consecutive standard validators', async () => {
  const bulwark = require('bulwark');
  const real = bulwark.createValidator;
  let sets = 0;
  let checks = 0;
  bulwark.createValidator = (rules) => {
    sets += 1;
    const v = real(rules);
    return Object.freeze({
      size: v.size,
      check(values) {
        checks += 1;
        return v.check(values);
      },
    });
  };
  try {
    const chain = BV.body('email').isEmail().isLength({ max: 64 }).trim().isEmail().normalizeEmail();
    sets = 0;
    const req = { body: { email: ' a@b.co ' } };
    await chain.run(req);
    await chain.run({ body: { email: 'c@d.co' } });
    assert.equal(sets, 2, 'two batches compiled, once');
    assert.equal(checks, 4, 'one core call per batch per request');
    // Wildcard matches and array elements share calls, up to 32 values per call.
    const items = BV.body('items.*.name').isLength({ max: 3 }).isAlpha();
    const order = (n) => ({
      body: { items: Array.from({ length: n }, (_, i) => ({ name: i % 7 ? 'abc' : 'abcd1' })) },
    });
    for (const [n, calls] of [
      [1, 1],
      [5, 1],
      [32, 1],
      [40, 2],
    ]) {
      checks = 0;
      const req = order(n);
      await items.run(req);
      assert.equal(checks, calls, `${n} items`);
      const errors = BV.validationResult(req).array();
      assert.equal(errors.length, 2 * Math.ceil(n / 7), `${n} items: both validators fail on every 7th`);
    }
  } finally {
    bulwark.createValidator = real;
  }
});
