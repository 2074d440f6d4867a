'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const deepmerge = require('deepmerge');
const lodashMerge = require('lodash.merge');
const mongoSanitize = require('express-mongo-sanitize');
const secureJson = require('secure-json-parse');
const { bulwark, fc, assertCode, coreReference } = require('./helpers');
const { binding } = require('../npm/bulwark/lib/backend');

const { merge, createMerge, mergePatch, sanitizeKeys, findUnsafeKeys } = bulwark;

// The core's functions through the binding (values cross as JSON text): the reference, in
// test builds only (each comparison goes through `reference.compare`).
const reference = coreReference([
  'mergeCore',
  'mergePatchCore',
  'sanitizeKeysCore',
  'findUnsafeKeysCore',
  'jsonParseCore',
]);
const core = {
  merge: (arrays, target, ...sources) =>
    JSON.parse(
      binding.mergeCore(
        [target, ...sources].map((v) => JSON.stringify(v ?? null)),
        arrays,
        128,
      ),
    ),
  mergePatch: (target, patch) => JSON.parse(binding.mergePatchCore(JSON.stringify(target), JSON.stringify(patch), 128)),
  sanitizeKeys: (value, o = {}) =>
    JSON.parse(binding.sanitizeKeysCore(JSON.stringify(value), o.allowDots === true, o.replaceWith ?? null, 128)),
  findUnsafeKeys: (value, o = {}) =>
    JSON.parse(binding.findUnsafeKeysCore(JSON.stringify(value), o.allowDots === true, 128)),
};

/**
 * True for an entry secure-json-parse calls poisoning: a `__proto__` key, or a
 * `constructor` key whose value is an object with an own `prototype` key.
 */
function isPoisoningEntry(key, value) {
  if (key === '__proto__') return true;
  return key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype');
}

/** Fresh ordinary objects without poisoning entries, at any depth. */
function assertNoForbiddenKeys(value) {
  if (value === null || typeof value !== 'object') return;
  assert.equal(
    Object.getPrototypeOf(value),
    Array.isArray(value) ? Array.prototype : Object.prototype,
    'fresh ordinary objects',
  );
  for (const key of Object.keys(value)) {
    assert.ok(!isPoisoningEntry(key, value[key]), `poisoning entry ${key} in the result`);
    assertNoForbiddenKeys(value[key]);
  }
}

/** `value` without its poisoning entries, at any depth (the reference for merge(value)). */
function withoutPoisoning(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutPoisoning);
  const out = {};
  for (const key of Object.keys(value)) {
    if (isPoisoningEntry(key, value[key])) continue;
    Object.defineProperty(out, key, {
      value: withoutPoisoning(value[key]),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return out;
}

/** Parsed JSON objects may hold own `__proto__` keys, as request bodies can. */
const KEYS = [
  'a',
  'b',
  'c',
  '0',
  '1',
  'x.y',
  '$gt',
  '$where',
  'a.b.c',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$',
  '.',
  'é',
];
const jsonData = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
      fc.boolean(),
      fc.constant(null),
    ),
    tie('object'),
    tie('array'),
  ),
  // Built through JSON.parse so that "__proto__" becomes an own data property.
  object: fc
    .array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 5 })
    .map((members) =>
      JSON.parse(`{${members.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`),
    ),
  array: fc.array(tie('value'), { maxLength: 4 }),
})).value;

const snapshot = (v) => JSON.stringify(v);

test('merge: table', () => {
  const concat = createMerge({ arrays: 'concat' });
  const cases = [
    [merge({ a: 1 }, { b: 2 }), { a: 1, b: 2 }],
    [merge({ a: { x: 1, y: 2 } }, { a: { y: 3, z: 4 } }), { a: { x: 1, y: 3, z: 4 } }],
    [merge({ a: [1, 2, 3] }, { a: [4] }), { a: [4] }],
    [concat({ a: [1, 2] }, { a: [3] }), { a: [1, 2, 3] }],
    [concat([1], [2], [3]), [1, 2, 3]],
    [merge({ a: { x: 1 } }, { a: null }), { a: null }],
    [merge({ a: 1 }, { a: { b: 1 } }), { a: { b: 1 } }],
    [merge({ a: 1 }, undefined, null, { b: 2 }), { a: 1, b: 2 }],
    [merge({ a: 1 }, { a: undefined, b: undefined }), { a: 1 }],
    [merge(1, { a: 1 }), { a: 1 }],
    [merge({ a: 1 }, 'x'), 'x'],
    [merge({ a: { b: { c: 1 } } }, { a: { b: { d: 2 } } }, { a: { e: 3 } }), { a: { b: { c: 1, d: 2 }, e: 3 } }],
    [merge(Object.assign(Object.create(null), { a: 1 }), { b: 2 }), { a: 1, b: 2 }],
    [merge({ toString: 1 }, { hasOwnProperty: { x: 1 } }), { toString: 1, hasOwnProperty: { x: 1 } }],
    [merge({}, { toString: { x: 1 } }), { toString: { x: 1 } }],
    [deepmerge({}, { toString: { x: 1 } }), {}], // the peer drops it: a documented difference
    [merge({ n: -0 }), { n: -0 }],
  ];
  for (const [got, expected] of cases) {
    assert.deepStrictEqual(got, expected);
    assertNoForbiddenKeys(got);
  }
  assert.deepStrictEqual(
    Object.keys(merge({ b: 1, a: { y: 1 } }, { c: 1, a: { z: 1 }, b: 2 })),
    ['b', 'a', 'c'],
    'JS key order',
  );
});

test('merge: the prototype-pollution CVEs leave Object.prototype clean', () => {
  const before = Object.getOwnPropertyNames(Object.prototype);
  const payloads = [
    '{"__proto__":{"polluted":"CVE-2018-3721"}}', // lodash.merge
    '{"constructor":{"prototype":{"polluted":"CVE-2018-16487"}}}', // lodash.merge / mergeWith
    '{"a":0,"constructor":{"prototype":{"polluted":"CVE-2019-10744"}}}', // lodash.defaultsDeep
    '{"__proto__":{"oops":"CVE-2018-3750"}}', // deep-extend
    '{"a":{"__proto__":{"polluted":"nested"}},"b":[{"__proto__":{"polluted":"in an array"}}]}',
    '{"prototype":{"polluted":"prototype"},"constructor":1}',
  ];
  const concat = createMerge({ arrays: 'concat' });
  for (const text of payloads) {
    const payload = JSON.parse(text);
    for (const result of [
      merge({}, payload),
      merge({ a: {}, b: [] }, payload),
      concat({ b: [{}] }, payload),
      merge(payload),
      merge(payload, payload),
      mergePatch({}, payload),
      mergePatch({ a: {}, constructor: 1 }, payload),
      sanitizeKeys(JSON.parse(`{"$x":${text}}`), { replaceWith: '_' }),
      sanitizeKeys(JSON.parse(text.replace('"__proto__"', '"$_proto__"')), { replaceWith: '_' }),
    ]) {
      assert.equal(Object.getPrototypeOf(result), Object.prototype);
      assert.equal(result.polluted, undefined);
      assert.equal(result.oops, undefined);
    }
    assertNoForbiddenKeys(merge({ a: {}, b: [] }, payload));
    assertNoForbiddenKeys(mergePatch({ a: {} }, payload));
    assert.equal({}.polluted, undefined);
    assert.equal({}.oops, undefined);
  }
  assert.deepStrictEqual(Object.getOwnPropertyNames(Object.prototype), before);
  assert.equal(Object.prototype.polluted, undefined);
  assert.equal(Function.prototype.polluted, undefined);
});

test('merge and mergePatch equal the core on generated data (the core is the reference)', async (t) => {
  const concat = createMerge({ arrays: 'concat' });
  fc.assert(
    fc.property(jsonData, jsonData, jsonData, (target, s1, s2) => {
      const before = [target, s1, s2].map(snapshot);
      const replaced = merge(target, s1, s2);
      const concatenated = concat(target, s1, s2);
      const patched = mergePatch(target, s1);
      reference.compare(() => {
        assert.deepStrictEqual(replaced, core.merge('replace', target, s1, s2));
        assert.deepStrictEqual(concatenated, core.merge('concat', target, s1, s2));
        assert.deepStrictEqual(patched, core.mergePatch(target, s1));
      });
      assertNoForbiddenKeys(replaced);
      assertNoForbiddenKeys(patched);
      assert.deepStrictEqual([target, s1, s2].map(snapshot), before, 'inputs are never mutated');
    }),
    { numRuns: 1000 },
  );
  await reference.report(t);
});

/** The key order of every object in `value`, for comparing orders exactly. */
function shape(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(shape);
  return Object.keys(value).map((k) => [k, shape(value[k])]);
}

test('merge equals deepmerge (overwriting or concatenating arrays) on plain data without forbidden keys', () => {
  // deepmerge also drops keys that shadow inherited members (toString, hasOwnProperty):
  // a documented difference, checked in the table above.
  const safeData = jsonData.filter(
    (v) => !/"(__proto__|constructor|prototype|toString|hasOwnProperty)"/.test(JSON.stringify(v)),
  );
  const overwrite = (_target, source) => source;
  const concat = createMerge({ arrays: 'concat' });
  fc.assert(
    fc.property(safeData, safeData, (a, b) => {
      if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return;
      assert.deepStrictEqual(shape(merge(a, b)), shape(deepmerge(a, b, { arrayMerge: overwrite })));
      assert.deepStrictEqual(shape(concat(a, b)), shape(deepmerge(a, b)));
    }),
    { numRuns: 500 },
  );
});

test('merge equals lodash.merge on array-free plain data without forbidden keys', () => {
  const noArrays = (v) =>
    !/[[\]]/.test(JSON.stringify(v)) && !/"(__proto__|constructor|prototype)"/.test(JSON.stringify(v));
  fc.assert(
    fc.property(jsonData.filter(noArrays), jsonData.filter(noArrays), (a, b) => {
      if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return;
      assert.deepStrictEqual(shape(merge(a, b)), shape(lodashMerge({}, a, b)));
    }),
    { numRuns: 500 },
  );
});

test('mergePatch: RFC 7386 Appendix A', async (t) => {
  const cases = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, expected] of cases) {
    assert.deepStrictEqual(mergePatch(target, patch), expected, `${JSON.stringify(target)} + ${JSON.stringify(patch)}`);
    reference.compare(() => assert.deepStrictEqual(core.mergePatch(target, patch), expected));
  }
  await reference.report(t);
});

test('non-JSON values, cycles and depth are clear errors, never a hang or a stack overflow', async (t) => {
  class Point {
    constructor() {
      this.x = 1;
    }
  }
  const unsupported = [
    () => 1,
    Symbol('s'),
    1n,
    NaN,
    Infinity,
    -Infinity,
    new Date(),
    new Map(),
    Buffer.from('x'),
    new Point(),
    /x/,
    new String('s'),
    [undefined],
    // eslint-disable-next-line no-sparse-arrays -- a holey array on purpose
    [1, , 3],
  ];
  for (const bad of unsupported) {
    assertCode(() => merge({}, { a: bad }), 'UNSUPPORTED_VALUE');
    assertCode(() => merge({ a: bad }, {}), 'UNSUPPORTED_VALUE');
    assertCode(() => merge({}, { __proto__: null, constructor: { a: bad } }), 'UNSUPPORTED_VALUE');
    assertCode(() => mergePatch({}, { a: { b: bad } }), 'UNSUPPORTED_VALUE');
    assertCode(() => sanitizeKeys({ $a: bad }), 'UNSUPPORTED_VALUE');
    assertCode(() => findUnsafeKeys([bad]), 'UNSUPPORTED_VALUE');
  }
  assertCode(() => merge(undefined, {}), 'UNSUPPORTED_VALUE');
  assertCode(() => mergePatch({}, undefined), 'UNSUPPORTED_VALUE');

  const cycle = { a: {} };
  cycle.a.back = cycle;
  const selfArray = [];
  selfArray.push(selfArray);
  for (const value of [cycle, selfArray, { constructor: cycle }]) {
    assertCode(() => merge({}, value), 'CYCLIC_VALUE');
    assertCode(() => merge(value, {}), 'CYCLIC_VALUE');
    assertCode(() => mergePatch(value, {}), 'CYCLIC_VALUE');
    assertCode(() => sanitizeKeys(value), 'CYCLIC_VALUE');
    assertCode(() => findUnsafeKeys(value), 'CYCLIC_VALUE');
  }
  // A shared (not cyclic) object is fine and is copied twice.
  const shared = { k: 1 };
  const twice = merge({}, { a: shared, b: shared });
  assert.notEqual(twice.a, twice.b);

  // 100 000 levels: refused at maxDepth, without recursing that far.
  let deep = 1;
  for (let i = 0; i < 100000; i += 1) deep = i % 2 ? [deep] : { k: deep };
  for (const fn of [
    () => merge({}, deep),
    () => merge(deep),
    () => mergePatch({}, { k: deep }),
    () => sanitizeKeys(deep),
    () => findUnsafeKeys(deep),
  ]) {
    assertCode(fn, 'INPUT_TOO_DEEP');
  }
  const nested = (n) => (n === 0 ? 1 : { k: nested(n - 1) });
  assert.deepStrictEqual(merge(nested(128)), nested(128));
  assertCode(() => merge(nested(129)), 'INPUT_TOO_DEEP');
  assert.deepStrictEqual(createMerge({ maxDepth: 256 })(nested(256)), nested(256));
  assertCode(() => createMerge({ maxDepth: 5 })(nested(6)), 'INPUT_TOO_DEEP');
  assertCode(() => mergePatch(nested(6), {}, { maxDepth: 5 }), 'INPUT_TOO_DEEP');
  assertCode(() => sanitizeKeys(nested(6), { maxDepth: 5 }), 'INPUT_TOO_DEEP');
  reference.compare(() => {
    assert.deepStrictEqual(core.merge('replace', nested(128)), nested(128));
    // The deepest input the core accepts, on this backend's stack (WASM has 1 MiB).
    const deepest = JSON.stringify(nested(256));
    assert.equal(binding.mergeCore([deepest, deepest], 'replace', 256), deepest);
    assert.equal(binding.mergePatchCore(deepest, deepest, 256), deepest);
    assert.equal(binding.sanitizeKeysCore(deepest, false, null, 256), deepest);
    assert.equal(binding.jsonParseCore(Buffer.from(deepest), 'error', 'error', 256, 0xffffffff), deepest);
    assert.throws(
      () => binding.mergeCore([JSON.stringify(nested(257))], 'replace', 256),
      (err) => err.code === 'INPUT_TOO_DEEP',
    );
  });
  await reference.report(t);
});

test('holes are never read through a polluted Array.prototype', () => {
  Array.prototype[1] = 'polluted';
  try {
    assertCode(() => merge({}, { a: [0, , 2] }), 'UNSUPPORTED_VALUE'); // eslint-disable-line no-sparse-arrays
    assertCode(() => sanitizeKeys([0, , 2]), 'UNSUPPORTED_VALUE'); // eslint-disable-line no-sparse-arrays
    assert.deepStrictEqual(merge({}, { a: [0, 1, 2] }), { a: [0, 1, 2] });
  } finally {
    delete Array.prototype[1];
  }
});

test('results are independent of the inputs, and frozen inputs work', () => {
  const deepFreeze = (v) => {
    if (v && typeof v === 'object') {
      Object.freeze(v);
      Object.values(v).forEach(deepFreeze);
    }
    return v;
  };
  const target = deepFreeze({ a: { b: [1, { c: 2 }] } });
  const source = deepFreeze({ a: { d: { e: 3 } }, f: [4] });
  const out = merge(target, source);
  out.a.b[1].c = 99;
  out.a.d.e = 99;
  out.f.push(5);
  assert.deepStrictEqual(target, { a: { b: [1, { c: 2 }] } });
  assert.deepStrictEqual(source, { a: { d: { e: 3 } }, f: [4] });
  const patched = mergePatch(target, source);
  patched.a.b.push(3);
  assert.deepStrictEqual(target.a.b, [1, { c: 2 }]);
  assert.ok(!Object.isFrozen(sanitizeKeys(target)));
});

test('sanitizeKeys equals express-mongo-sanitize (and the core) on generated data', async (t) => {
  const optionSets = [
    {},
    { allowDots: true },
    { replaceWith: '_' },
    { replaceWith: '_', allowDots: true },
    { replaceWith: 'x' },
    { replaceWith: '' },
  ];
  fc.assert(
    fc.property(jsonData, (value) => {
      const before = snapshot(value);
      for (const options of optionSets) {
        const ours = sanitizeKeys(value, options);
        const peer = mongoSanitize.sanitize(structuredCloneWithProto(value), { ...options });
        assert.deepStrictEqual(ours, peer, JSON.stringify(options));
        reference.compare(() => assert.deepStrictEqual(ours, core.sanitizeKeys(value, options)));
        assert.equal(
          findUnsafeKeys(ours, { allowDots: options.allowDots }).length,
          0,
          'sanitized output has no unsafe key',
        );
      }
      for (const allowDots of [false, true]) {
        const found = findUnsafeKeys(value, { allowDots });
        assert.equal(found.length > 0, mongoSanitize.has(value, allowDots));
        reference.compare(() => assert.deepStrictEqual(found, core.findUnsafeKeys(value, { allowDots })));
        for (const path of found) {
          const parent = path.slice(0, -1).reduce((v, k) => v[k], value);
          assert.ok(Object.hasOwn(parent, path.at(-1)), `${JSON.stringify(path)} exists`);
        }
      }
      assert.equal(snapshot(value), before, 'never mutated');
    }),
    { numRuns: 500 },
  );
  await reference.report(t);
});

/** A deep copy that keeps own "__proto__" data keys (structuredClone and JSON round trips do). */
function structuredCloneWithProto(value) {
  return JSON.parse(JSON.stringify(value));
}

test('sanitizeKeys and findUnsafeKeys: table', () => {
  const login = { user: 'ann', password: { $ne: null }, 'a.b': [{ $where: '1' }] };
  assert.deepStrictEqual(sanitizeKeys(login), { user: 'ann', password: {} });
  assert.deepStrictEqual(sanitizeKeys(login, { replaceWith: '_' }), {
    user: 'ann',
    password: { _ne: null },
    a_b: [{ _where: '1' }],
  });
  assert.deepStrictEqual(sanitizeKeys({ 'a.b': 1, $c: 2 }, { allowDots: true }), { 'a.b': 1 });
  assert.deepStrictEqual(sanitizeKeys({ '$a.b': 1 }, { replaceWith: '_', allowDots: true }), { _a_b: 1 });
  assert.deepStrictEqual(sanitizeKeys({ $a: 1, _a: 2 }, { replaceWith: '_' }), { _a: 1 }, 'a renamed key overwrites');
  assert.deepStrictEqual(sanitizeKeys({ $x: 1 }, { replaceWith: 'q$&' }), { 'q$&x': 1 }, 'replaceWith is literal');
  assert.deepStrictEqual(sanitizeKeys('$top'), '$top');
  const kept = sanitizeKeys(JSON.parse('{"__proto__":{"$x":1},"a":1}'));
  assert.ok(Object.hasOwn(kept, '__proto__'), 'existing __proto__ data is kept as data');
  assert.equal(Object.getPrototypeOf(kept), Object.prototype);
  assert.deepStrictEqual(kept.__proto__, {});
  assert.deepStrictEqual(findUnsafeKeys({ q: [{ $gt: { 'b.c': 1 } }], ok: { $x: 1 } }), [
    ['q', 0, '$gt'],
    ['q', 0, '$gt', 'b.c'],
    ['ok', '$x'],
  ]);
  assert.deepStrictEqual(findUnsafeKeys({ $where: undefined }), [['$where']]);
  assert.equal(mongoSanitize.has({ $where: undefined }), true);
  assert.deepStrictEqual(
    sanitizeKeys({ $where: undefined, a: undefined, b: 1 }),
    { b: 1 },
    'undefined members are skipped',
  );
  for (const bad of ['$', '$x', '.', 'a.b', 1, null]) {
    assertCode(() => sanitizeKeys({}, { replaceWith: bad }), 'INVALID_OPTIONS');
  }
  // Express 5: req.query is a getter; the result is a new object to use instead.
  const req = {};
  Object.defineProperty(req, 'query', { get: () => ({ $where: 'x', ok: '1' }) });
  assert.deepStrictEqual(sanitizeKeys(req.query), { ok: '1' });
});

test('options are validated and read from own properties only', () => {
  for (const fn of [
    () => createMerge({ arrays: 'merge' }),
    () => createMerge({ maxDepth: 257 }),
    () => createMerge({ depth: 1 }),
    () => mergePatch({}, {}, { arrays: 'concat' }),
    () => sanitizeKeys({}, { allowDots: 'yes' }),
    () => findUnsafeKeys({}, { replaceWith: '_' }),
  ]) {
    assertCode(fn, 'INVALID_OPTIONS');
  }
  // Options with a custom prototype are refused, never read as "no options" (issue 9 item 9).
  assertCode(() => createMerge(Object.create({ arrays: 'concat' })), 'INVALID_OPTIONS');
  const own = createMerge(Object.assign(Object.create(null), { arrays: 'concat' }));
  assert.deepStrictEqual(own({ a: [1] }, { a: [2] }), { a: [1, 2] });
});

test('constructor and prototype keys that cannot reach a prototype are data and are kept', async (t) => {
  const concat = createMerge({ arrays: 'concat' });
  const data = JSON.parse('{"constructor":"Bob","prototype":{"x":1},"a":{"constructor":{"name":"n"}}}');
  for (const result of [merge({}, data), merge(data), concat({}, data), mergePatch({}, data), sanitizeKeys(data)]) {
    assert.deepStrictEqual(result, {
      constructor: 'Bob',
      prototype: { x: 1 },
      a: { constructor: { name: 'n' } },
    });
    assert.ok(Object.hasOwn(result, 'constructor') && Object.hasOwn(result.a, 'constructor'));
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
  }
  // Merged into existing data keys, and replaced by the patch's values.
  assert.deepStrictEqual(merge({ constructor: { name: 'a' } }, { constructor: { size: 1 } }), {
    constructor: { name: 'a', size: 1 },
  });
  assert.deepStrictEqual(mergePatch({ constructor: 'x', prototype: 1 }, { constructor: null, prototype: 2 }), {
    prototype: 2,
  });
  // The poisoning shapes are still left out, wherever they are.
  const poison = JSON.parse('{"__proto__":"str","constructor":{"prototype":{"polluted":1}},"ok":1}');
  for (const result of [merge({}, poison), merge(poison), mergePatch({}, poison), concat({ a: [] }, { a: [poison] })]) {
    assertNoForbiddenKeys(result);
  }
  assert.deepStrictEqual(merge({}, poison), { ok: 1 });
  reference.compare(() => {
    assert.deepStrictEqual(core.merge('replace', {}, data), merge({}, data));
    assert.deepStrictEqual(core.mergePatch({}, data), mergePatch({}, data));
  });
  assert.equal({}.polluted, undefined);
  await reference.report(t);
});

test('merge drops exactly what secure-json-parse calls poisoning (differential, generated data)', async (t) => {
  fc.assert(
    fc.property(jsonData, (value) => {
      let poisoned = false;
      if (value !== null && typeof value === 'object')
        try {
          secureJson.scan(JSON.parse(JSON.stringify(value)), { protoAction: 'error', constructorAction: 'error' });
        } catch {
          poisoned = true;
        }
      const expected = withoutPoisoning(value);
      const merged = merge(value);
      assert.deepStrictEqual(merged, expected);
      reference.compare(() =>
        assert.deepStrictEqual(core.merge('replace', value), JSON.parse(JSON.stringify(expected))),
      );
      assert.equal(JSON.stringify(expected) !== JSON.stringify(value), poisoned);
    }),
    { numRuns: 1000 },
  );
  await reference.report(t);
});

test('megabyte inputs finish with the right answer', () => {
  const wide = Array.from({ length: 50000 }, (_, i) => ({ $i: i, 'k.v': 'x', keep: [i] }));
  const clean = sanitizeKeys(wide);
  assert.equal(clean.length, 50000);
  assert.deepStrictEqual(clean[49999], { keep: [49999] });
  assert.equal(findUnsafeKeys(wide).length, 100000);
  const merged = createMerge({ arrays: 'concat' })({ list: wide }, { list: wide });
  assert.equal(merged.list.length, 100000);
  const bigObject = Object.fromEntries(Array.from({ length: 100000 }, (_, i) => [`k${i}`, { v: i }]));
  assert.equal(Object.keys(merge(bigObject, bigObject)).length, 100000);
});
