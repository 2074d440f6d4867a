'use strict';
// Prototype poisoning in json() and guard(), differential against secure-json-parse on
// generated JSON texts whose keys mix `__proto__`, `constructor`, `prototype` and data:
// 'error' refuses exactly what secure-json-parse throws on, 'remove' (and guard's 'clean')
// gives exactly its result, and every other `constructor` / `prototype` key stays data.
const test = require('node:test');
const assert = require('node:assert/strict');
const { Readable } = require('node:stream');
const sjson = require('secure-json-parse');
const { fc } = require('./helpers');
const guardware = require('bulwark/express');

const KEYS = ['__proto__', 'constructor', 'prototype', 'name', 'a', '\\u005f_proto__', 'construct\\u006fr'];

/** JSON text of an object tree whose keys come from KEYS (escapes included), duplicates allowed. */
const jsonText = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', '"x"', 'null', 'true', '[]', '{}'),
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  ),
  object: fc
    .array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 4 })
    .map((pairs) => `{${pairs.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
})).object;

function parsedRequest(text) {
  return {
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
    method: 'POST',
    url: '/',
    _body: true, // as express.json() leaves it
    body: JSON.parse(text),
  };
}

function streamedRequest(text) {
  const req = Readable.from([Buffer.from(text)]);
  Object.assign(req, {
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
    method: 'POST',
    url: '/',
  });
  return req;
}

/** Runs one middleware; resolves to { err, body }. */
function run(middleware, req) {
  return new Promise((resolve) => {
    middleware(req, {}, (err) => resolve({ err, body: req.body }));
  });
}

function secure(text, action) {
  try {
    return { value: sjson.parse(text, { protoAction: action, constructorAction: action }) };
  } catch (err) {
    return { threw: err };
  }
}

const LOOSE = { operators: 'allow', maxKeys: 1e6, maxDepth: 64 };

test('json() and guard() agree with secure-json-parse on generated texts', async () => {
  const jsonError = guardware.json({ ...LOOSE });
  const jsonRemove = guardware.json({ ...LOOSE, protoAction: 'remove', constructorAction: 'remove' });
  const jsonIgnore = guardware.json({ ...LOOSE, protoAction: 'ignore', constructorAction: 'ignore' });
  const guardReject = guardware.guard({ operators: 'allow', maxKeys: 1e6, maxDepth: 64 });
  const guardClean = guardware.guard({ operators: 'allow', maxKeys: 1e6, maxDepth: 64, mode: 'clean' });
  await fc.assert(
    fc.asyncProperty(jsonText, async (text) => {
      const strict = secure(text, 'error');
      const removed = secure(text, 'remove');
      for (const makeReq of [parsedRequest, streamedRequest]) {
        const refused = await run(jsonError, makeReq(text));
        if (strict.threw) assert.equal(refused.err?.code, 'PROTOTYPE_POLLUTION', text);
        else {
          assert.equal(refused.err, undefined, text);
          assert.deepStrictEqual(refused.body, strict.value, text);
        }
        const cleaned = await run(jsonRemove, makeReq(text));
        assert.equal(cleaned.err, undefined, text);
        assert.deepStrictEqual(cleaned.body, removed.value, text);
        const kept = await run(jsonIgnore, makeReq(text));
        assert.equal(kept.err, undefined, text);
        assert.deepStrictEqual(kept.body, JSON.parse(text), text);
      }
      const guarded = await run(guardReject, { body: JSON.parse(text), query: {}, params: {} });
      assert.equal(guarded.err?.code, strict.threw ? 'PROTOTYPE_POLLUTION' : undefined, text);
      const clean = await run(guardClean, { body: JSON.parse(text), query: {}, params: {} });
      assert.equal(clean.err, undefined, text);
      assert.deepStrictEqual(clean.body, removed.value, text);
      assert.equal({}.admin, undefined);
    }),
    { numRuns: 300 },
  );
});

test('queryParser() and urlencoded() drop exactly the poisoning shapes', async () => {
  const parse = guardware.queryParser({ maxDepth: 5 });
  const cases = [
    ['constructor=Bob', { constructor: 'Bob' }],
    ['prototype[x]=1', { prototype: { x: '1' } }],
    ['constructor[name]=x', { constructor: { name: 'x' } }],
    ['constructor[prototype]=1', {}],
    ['constructor[prototype][admin]=1', {}],
    ['a[constructor][prototype][admin]=1&a[b]=2', { a: { b: '2' } }],
    ['__proto__[admin]=1', {}],
    ['a[__proto__][admin]=1', {}],
    ['a[prototype][constructor]=1', { a: { prototype: { constructor: '1' } } }],
  ];
  for (const [query, expected] of cases) {
    // Null-prototype objects as Node's querystring makes them: compared as JSON.
    assert.deepEqual(JSON.parse(JSON.stringify(parse(query))), expected, query);
    const body = await run(
      guardware.urlencoded(),
      Object.assign(Readable.from([Buffer.from(query)]), {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(query.length) },
        method: 'POST',
        url: '/',
      }),
    );
    assert.equal(body.err, undefined, query);
    assert.deepEqual(JSON.parse(JSON.stringify(body.body)), expected, query);
  }
  assert.equal({}.admin, undefined);
});

/** Findings by type as the policy defines them, counted by a plain recursive walk. */
function referenceCounts(value, counts = { prototype: 0, operator: 0 }) {
  if (value === null || typeof value !== 'object') return counts;
  const isArray = Array.isArray(value);
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (!isArray) {
      const poison =
        key === '__proto__' ||
        (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype'));
      if (poison) {
        counts.prototype += 1;
        continue;
      }
      if (key.startsWith('$') || key.includes('.')) {
        counts.operator += 1;
        continue;
      }
    }
    referenceCounts(child, counts);
  }
  return counts;
}

test('json(): one event per type whose count is every finding, streamed or after express.json()', async () => {
  const keys = fc.constantFrom('__proto__', 'constructor', 'prototype', '$ne', 'a.b', 'name', 'x');
  const text = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('1', '"s"', 'null'),
      tie('object'),
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    ),
    object: fc
      .uniqueArray(fc.tuple(keys, tie('value')), { maxLength: 5, selector: ([k]) => k })
      .map((pairs) => `{${pairs.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
  })).object;
  await fc.assert(
    fc.asyncProperty(text, async (json) => {
      const expected = referenceCounts(JSON.parse(json));
      for (const makeReq of [parsedRequest, streamedRequest]) {
        const events = [];
        const middleware = guardware.json({
          ...LOOSE,
          operators: 'strip',
          protoAction: 'remove',
          constructorAction: 'remove',
          onViolation: (e) => events.push(e),
        });
        const { err } = await run(middleware, makeReq(json));
        assert.equal(err, undefined, json);
        const counts = { prototype: 0, operator: 0 };
        for (const e of events) {
          assert.equal(events.filter((o) => o.type === e.type).length, 1, 'one event per type');
          assert.equal(e.paths.length, Math.min(5, e.count));
          counts[e.type] = e.count;
        }
        assert.deepEqual(counts, expected, json);
      }
    }),
    { numRuns: 200 },
  );
});
