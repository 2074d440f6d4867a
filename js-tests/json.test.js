'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const sjp = require('secure-json-parse');
const bourne = require('@hapi/bourne');
const { bulwark, fc, assertCode, coreReference } = require('./helpers');
const { binding } = require('../npm/bulwark/lib/backend');

const { parseJson, BulwarkError } = bulwark;
/** The core's parser (test builds only): compared with wherever a test says "the core". */
const reference = coreReference(['jsonParseCore']);
const POISONING = 'Object contains forbidden prototype property';

/** Long enough that parseJson scans in the backend instead of in JS (see lib/json.js). */
const PAD = ' '.repeat(5000);

/** Asserts the poisoning refusal: BulwarkError JSON_PROTO_POISONING, secure-json-parse's message. */
function assertPoisoned(fn) {
  assert.throws(
    fn,
    (err) => err instanceof BulwarkError && err.code === 'JSON_PROTO_POISONING' && err.message === POISONING,
  );
}

/** secure-json-parse's outcome for `text`: { value } or { poisoned } (its SyntaxError). */
function peerOutcome(text, options) {
  try {
    JSON.parse(text.replace(/^\uFEFF/, '')); // invalid JSON is compared separately
  } catch {
    return { invalid: true };
  }
  try {
    return { value: sjp.parse(text, options) };
  } catch (err) {
    assert.equal(err.message, POISONING, 'secure-json-parse only throws poisoning here');
    return { poisoned: true };
  }
}

function ourOutcome(input, options) {
  try {
    return { value: parseJson(input, options) };
  } catch (err) {
    if (err instanceof SyntaxError) return { invalid: true };
    assert.ok(
      err instanceof BulwarkError && err.code === 'JSON_PROTO_POISONING' && err.message === POISONING,
      `unexpected ${err}`,
    );
    return { poisoned: true };
  }
}

/**
 * The core's own parser, through the binding, on the UTF-8 bytes of `text`. The core has no
 * `safe` flag (it returns errors); `safe` is modelled as "null when a check that is not
 * 'ignore' would refuse", which is what the JS layer documents.
 */
function coreOutcome(text, options = {}) {
  const run = (protoAction, constructorAction) =>
    JSON.parse(
      binding.jsonParseCore(Buffer.from(text), protoAction, constructorAction, options.maxDepth ?? 128, 0xffffffff),
    );
  const proto = options.protoAction ?? 'error';
  const constructor = options.constructorAction ?? 'error';
  try {
    if (options.safe) {
      const strict = (action) => (action === 'ignore' ? 'ignore' : 'error');
      try {
        run(strict(proto), strict(constructor));
      } catch (err) {
        if (err.code === 'JSON_PROTO_POISONING') return { value: null };
        throw err;
      }
    }
    return { value: run(proto, constructor) };
  } catch (err) {
    if (err.code === 'INVALID_JSON') return { invalid: true };
    assert.equal(err.code, 'JSON_PROTO_POISONING', `unexpected ${err}`);
    assert.equal(err.message, POISONING);
    return { poisoned: true };
  }
}

const ACTIONS = ['error', 'remove', 'ignore'];
const OPTION_SETS = [undefined];
for (const protoAction of ACTIONS) {
  for (const constructorAction of ACTIONS) {
    OPTION_SETS.push({ protoAction, constructorAction });
    OPTION_SETS.push({ protoAction, constructorAction, safe: true });
  }
}

/** Checks one text against secure-json-parse (every option set), on both scan paths and as bytes. */
function checkAgainstPeer(text, { core = true } = {}) {
  for (const options of OPTION_SETS) {
    const expected = peerOutcome(text, options);
    if (expected.invalid) {
      assert.throws(() => parseJson(text, options), SyntaxError, text);
      continue;
    }
    for (const input of [text, text + PAD, Buffer.from(text + PAD)]) {
      assert.deepStrictEqual(ourOutcome(input, options), expected, `${text} with ${JSON.stringify(options)}`);
    }
    if (core)
      reference.compare(() =>
        assert.deepStrictEqual(coreOutcome(text, options), expected, `core: ${text} with ${JSON.stringify(options)}`),
      );
  }
}

test('parseJson: table against secure-json-parse', async (t) => {
  const texts = [
    '{"a":1}',
    '[1,"x",null,true,{"b":[{}]}]',
    '"__proto__"',
    '42',
    'null',
    '{"__proto__":{"isAdmin":true}}',
    '{"a":{"b":[{"__proto__":1}]}}',
    '{"\\u005f\\u005fproto__":{"x":1}}',
    '{"\\u005F_\\u0070\\u0072\\u006F\\u0074\\u006F__":{"x":1}}',
    '{"__proto__":1,"__proto__":2,"k":3}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"\\u0063onstructor":{"prototype":{}}}',
    '{"constructor":{"\\u0070rototype":1}}',
    '{"constructor":{"prototype":1},"constructor":"fine"}',
    '{"constructor":"fine","constructor":{"prototype":1}}',
    '{"constructor":{"proto":1},"prototype":{}}',
    '{"constructor":["prototype"],"x":"constructor"}',
    '[{"constructor":null},{"constructor":{"prototype":null}}]',
    '{"__proto__":{"constructor":{"prototype":1}},"y":2}',
    '{"__proto__":1,"constructor":{"prototype":1}}',
    '{"a":"\\"__proto__\\":1"}',
    '{"__proto_":1,"__proto___":2,"_\\u005fproto_":3,"constructo":4,"constructorr":5}',
    '\uFEFF{"a":"\uFEFF"}',
    '\uFEFF{"__proto__":0}',
    '{"é😀":["constructor",{"constructor":{"prototype":"😀"}}]}',
    '{"a":"\\ud800"}',
    // Keys are JS strings: an escaped lone surrogate is a key like any other, equal to the
    // same unit escaped differently and to no other unit.
    '{"\\ud800":{"__proto__":1},"\\uD800":1}',
    '{"\\ud800":{"__proto__":1},"\\ud801":1}',
    '{"\\ud800":{"constructor":{"prototype":1}}}',
    '{bad json}',
    '',
    '\uFEFF',
    '[1,]',
  ];
  for (const text of texts) checkAgainstPeer(text, { core: !text.includes('\\ud800') });
  // Raw lone surrogates in the string (a Buffer cannot hold them, so strings only).
  for (const text of [
    '{"\ud800":{"__proto__":1},"\ud801":1}',
    '{"\ud800":{"__proto__":1},"\\ud800":1}',
    '[{"a\udc00":{"__proto__":1},"a\udc01":{}}]',
  ]) {
    for (const options of OPTION_SETS) {
      assert.deepStrictEqual(
        ourOutcome(text, options),
        peerOutcome(text, options),
        `${text} ${JSON.stringify(options)}`,
      );
    }
  }
  await reference.report(t);
});

test('parseJson equals JSON.parse on clean input (fc.json) on every path', async (t) => {
  fc.assert(
    fc.property(fc.json({ stringUnit: 'binary' }), (text) => {
      // fc.json sometimes generates a "__proto__" key: that input is not clean.
      if (peerOutcome(text).poisoned) {
        assertPoisoned(() => parseJson(text));
        return;
      }
      const expected = JSON.parse(text);
      assert.deepStrictEqual(parseJson(text), expected);
      assert.deepStrictEqual(parseJson(text + PAD), expected);
      assert.deepStrictEqual(parseJson(Buffer.from(text)), expected);
      reference.compare(() => assert.deepStrictEqual(coreOutcome(text), { value: expected }));
    }),
    { numRuns: 500 },
  );
  await reference.report(t);
});

/** Keys an attacker would try, raw JSON (escapes included), plus harmless ones. */
const KEYS = [
  '"__proto__"',
  '"\\u005f\\u005fproto__"',
  '"_\\u005Fproto\\u005f_"',
  '"\\u005F\\u005F\\u0070\\u0072\\u006f\\u0074\\u006f\\u005f\\u005f"',
  '"constructor"',
  '"\\u0063onstructor"',
  '"constru\\u0063tor"',
  '"prototype"',
  '"\\u0070rototype"',
  '"__proto_"',
  '"constructo"',
  '"a"',
  '"b"',
  '"é"',
  '"😀"',
  '"a.b"',
  '"$gt"',
  '"\\"__proto__\\""',
];

/** JSON text built from adversarial keys, with duplicates, nesting and arrays. */
const adversarialJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('1', 'null', 'true', '"x"', '"__proto__"', '"constructor"', '[]', '{}'),
    tie('object'),
    tie('array'),
  ),
  object: fc
    .array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 5 })
    .map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
})).value;

test('differential: secure-json-parse, every option set, adversarial keys, every path and the core', async (t) => {
  fc.assert(
    fc.property(adversarialJson, (text) => checkAgainstPeer(text)),
    { numRuns: 300 },
  );
  await reference.report(t);
});

test('@hapi/bourne agrees on __proto__ (it has no constructor rule)', () => {
  fc.assert(
    fc.property(adversarialJson, (text) => {
      for (const protoAction of ['error', 'remove']) {
        const options = { protoAction, constructorAction: 'ignore' };
        let expected;
        try {
          expected = { value: bourne.parse(text, { protoAction }) };
        } catch {
          expected = { poisoned: true };
        }
        assert.deepStrictEqual(ourOutcome(text, options), expected, text);
      }
    }),
    { numRuns: 200 },
  );
});

test('poisoned input never reaches a prototype, whatever the action', () => {
  const before = Object.getOwnPropertyNames(Object.prototype);
  const text = '{"__proto__":{"polluted":1},"a":[{"constructor":{"prototype":{"polluted":2}}}]}';
  assertPoisoned(() => parseJson(text));
  const removed = parseJson(text, { protoAction: 'remove', constructorAction: 'remove' });
  assert.deepStrictEqual(removed, { a: [{}] });
  const kept = parseJson(text, { protoAction: 'ignore', constructorAction: 'ignore' });
  assert.ok(Object.hasOwn(kept, '__proto__'), 'ignore keeps an own data property, as JSON.parse does');
  assert.equal(Object.getPrototypeOf(kept), Object.prototype);
  assert.equal({}.polluted, undefined);
  assert.deepStrictEqual(Object.getOwnPropertyNames(Object.prototype), before);
  assert.equal(parseJson(text, { safe: true }), null);
  assert.equal(
    parseJson(text, { protoAction: 'remove', safe: true }),
    null,
    'safe wins over remove, as in secure-json-parse',
  );
});

test('depth: maxDepth is exact on both scan paths, and bytes', () => {
  for (const depth of [0, 1, 5, 64, 128, 129, 256]) {
    const doc = '[{"a":'.repeat(depth >> 1) + (depth % 2 ? '[1]' : '1') + '}]'.repeat(depth >> 1);
    for (const input of [doc, doc + PAD, Buffer.from(doc + PAD)]) {
      if (depth <= 256) assert.deepStrictEqual(parseJson(input, { maxDepth: depth }), JSON.parse(doc));
      if (depth > 0) assertCode(() => parseJson(input, { maxDepth: depth - 1 }), 'INPUT_TOO_DEEP');
      if (depth > 128) assertCode(() => parseJson(input), 'INPUT_TOO_DEEP');
      else assert.deepStrictEqual(parseJson(input), JSON.parse(doc));
    }
  }
  // Brackets inside strings do not count, on either path.
  const strings = `["${'[{'.repeat(300)}"]`;
  assert.deepStrictEqual(parseJson(strings, { maxDepth: 1 }), JSON.parse(strings));
  assert.deepStrictEqual(parseJson(strings + PAD, { maxDepth: 1 }), JSON.parse(strings));
});

test('units above U+00FF never cross as Latin-1 (truncated, U+0122 would read as a quote)', () => {
  // U+0122 ends in 0x22 ("), U+015B in 0x5B ([), U+017B in 0x7B ({): a truncating copy
  // would hide the key inside a fake string, or invent brackets.
  for (const sneaky of ['\u0122', '\u0222\u0122', '\u015b'.repeat(200), '\u017b'.repeat(200)]) {
    const text = `{"a":"${sneaky}","__proto__":{"x":1}}${PAD}`;
    assertPoisoned(() => parseJson(text));
    assert.deepStrictEqual(parseJson(text, { protoAction: 'remove', maxDepth: 2 }), { a: sneaky });
  }
});

test('size: maxBytes counts UTF-8 bytes (BOM included), for strings and bytes', () => {
  const text = '["é😀"]'; // 1 + 1 + 2 + 4 + 1 + 1 = 10 bytes
  assert.equal(Buffer.byteLength(text), 10);
  assert.deepStrictEqual(parseJson(text, { maxBytes: 10 }), ['é😀']);
  assertCode(() => parseJson(text, { maxBytes: 9 }), 'INPUT_TOO_LARGE');
  assert.deepStrictEqual(parseJson(Buffer.from(text), { maxBytes: 10 }), ['é😀']);
  assertCode(() => parseJson(Buffer.from(text), { maxBytes: 9 }), 'INPUT_TOO_LARGE');
  assertCode(() => parseJson('\uFEFF1', { maxBytes: 3 }), 'INPUT_TOO_LARGE');
  assert.equal(parseJson('\uFEFF1', { maxBytes: 4 }), 1);
  const big = `[1${' '.repeat(17 * 1024 * 1024)}]`; // 17 MiB, over the 16 MiB default
  assertCode(() => parseJson(big), 'INPUT_TOO_LARGE');
  assertCode(() => parseJson(Buffer.from(big)), 'INPUT_TOO_LARGE');
  assert.deepStrictEqual(parseJson(big, { maxBytes: Infinity }), [1]);
});

test('bytes must be valid UTF-8: never replaced with U+FFFD (secure-json-parse replaces)', () => {
  const bad = [
    [0x22, 0xff, 0x22], // invalid byte
    [0x22, 0xc0, 0xae, 0x22], // overlong '.'
    [0x22, 0xed, 0xa0, 0x80, 0x22], // UTF-8 encoded surrogate
    [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
    [0x22, 0xe2, 0x82, 0x22], // truncated sequence
  ];
  for (const bytes of bad) {
    const buf = Buffer.from(bytes);
    assert.equal(typeof sjp.parse(buf), 'string', 'the peer decodes with replacement characters');
    assertCode(() => parseJson(buf), 'INVALID_UNICODE');
    assertCode(() => parseJson(new Uint8Array(bytes)), 'INVALID_UNICODE');
  }
  // Binary views of every kind, and a BOM.
  const json = Buffer.from('\uFEFF{"k":"v"}');
  for (const input of [
    json,
    new Uint8Array(json),
    json.buffer.slice(json.byteOffset, json.byteOffset + json.length),
    new DataView(json.buffer, json.byteOffset, json.length),
  ]) {
    assert.deepStrictEqual(parseJson(input), { k: 'v' });
  }
});

test("invalid JSON is the engine's SyntaxError, even with safe: true", () => {
  for (const bad of ['', '{', '[1,]', "{'a':1}", 'NaN', '\uFEFF\uFEFF1', '01', '"\\x"', '[1] 2']) {
    assert.throws(() => JSON.parse(bad.replace(/^\uFEFF/, '')), SyntaxError);
    assert.throws(() => parseJson(bad), SyntaxError, bad);
    assert.throws(() => parseJson(bad, { safe: true }), SyntaxError, bad);
    assert.throws(() => parseJson(Buffer.from(bad + PAD)), SyntaxError, bad);
  }
});

test('refusals decided without building: invalid JSON stays a SyntaxError, JS-only JSON is still refused', () => {
  // Poisoned but invalid: the engine's SyntaxError, as secure-json-parse gives, on every path.
  for (const bad of ['{"__proto__":1', '{"__proto__":1,}', '{"__proto__":1} x', '{"constructor":{"prototype":1}']) {
    for (const text of [bad, bad + PAD]) {
      assert.throws(() => parseJson(text), SyntaxError, text);
      assert.throws(() => parseJson(text, { safe: true }), SyntaxError, text);
      assert.throws(() => parseJson(Buffer.from(text)), SyntaxError, text);
    }
  }
  // Valid for JSON.parse, but not held by Rust (a lone surrogate escape, a number beyond f64):
  // the backend cannot decide, and the walk still refuses.
  for (const text of ['{"__proto__":"\\ud800"}', '{"__proto__":1e400}', '{"constructor":{"prototype":"\\udc00"}}']) {
    assert.throws(() => sjp.parse(text), SyntaxError, text);
    assertPoisoned(() => parseJson(text));
    assertPoisoned(() => parseJson(text + PAD));
    assertPoisoned(() => parseJson(Buffer.from(`\uFEFF${text}`)));
    assert.equal(parseJson(text, { safe: true }), null);
  }
  // A later duplicate replaces a poisoned value (JSON.parse keeps the last one).
  for (const text of ['{"a":{"__proto__":1},"a":1}', '{"a":{"constructor":{"prototype":{}}},"\\u0061":2}']) {
    assert.deepEqual(parseJson(text), sjp.parse(text), text);
    assert.deepEqual(parseJson(Buffer.from(text + PAD)), sjp.parse(text), text);
  }
});

test('wrong types and options', () => {
  for (const value of [undefined, null, 1, true, {}, [], () => '1', Symbol('s'), 1n]) {
    assert.throws(() => parseJson(value), TypeError);
  }
  assert.deepStrictEqual(parseJson(new String('[1]')), [1]);
  for (const options of [
    { protoAction: 'Remove' },
    { constructorAction: 'drop' },
    { safe: 1 },
    { maxDepth: 257 },
    { maxDepth: -1 },
    { maxDepth: 1.5 },
    { maxBytes: -1 },
    { reviver: () => 1 },
  ]) {
    assertCode(() => parseJson('1', options), 'INVALID_OPTIONS');
  }
  assert.throws(() => parseJson('1', () => 1), TypeError, 'no reviver argument');
  // Options are read from own properties only, and an object with a custom prototype is not
  // an options object at all (issue 9 item 9): refused, never read as "no options".
  const polluted = Object.create({ protoAction: 'ignore' });
  assertCode(() => parseJson('{"__proto__":1}', polluted), 'INVALID_OPTIONS');
  assertPoisoned(() => parseJson('{"__proto__":1}', Object.assign(Object.create(null), { maxDepth: 8 })));
});

test('megabyte adversarial inputs finish with the right answer', () => {
  // A megabyte of near-miss names and escapes: clean, equal to JSON.parse.
  const chunk = '{"\\u005f\\u005fprot":"\\\\\\"[[{","__proto_":1,"constructo":[2]},';
  const clean = `[${chunk.repeat((1 << 20) / chunk.length)}0]`;
  assert.deepStrictEqual(parseJson(clean), JSON.parse(clean));
  // The same with one escaped __proto__ at the very end.
  const poisoned = `${clean.slice(0, -1)},{"\\u005f_proto__":{"x":1}}]`;
  assertPoisoned(() => parseJson(poisoned));
  assert.deepStrictEqual(parseJson(poisoned, { protoAction: 'remove' }).at(-1), {});
  // A megabyte of opening brackets, and of nested objects.
  assertCode(() => parseJson('['.repeat(1 << 20)), 'INPUT_TOO_DEEP');
  assertCode(() => parseJson('{"a":'.repeat(1 << 18)), 'INPUT_TOO_DEEP');
  // A megabyte-long key made of escapes, and a megabyte of backslashes.
  const longKey = `{"${'\\u005f'.repeat(1 << 17)}":1}`;
  assert.deepStrictEqual(parseJson(longKey), JSON.parse(longKey));
  const backslashes = `["${'\\\\'.repeat(1 << 19)}",{"constructor":{"prototype":1}}]`;
  assertPoisoned(() => parseJson(backslashes));
  // Many poisoned objects: every one is removed.
  const many = `[${'{"__proto__":{"x":1},"k":1},'.repeat(30000)}{}]`;
  const removed = parseJson(many, { protoAction: 'remove' });
  assert.equal(removed.length, 30001);
  assert.ok(removed.every((o) => !Object.hasOwn(o, '__proto__')));
});
