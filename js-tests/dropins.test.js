'use strict';
// The drop-in modules (bulwark/<package>) against the packages they replace: same results
// on the peers' documented examples and on generated inputs, on both backends; each
// deviation is asserted as documented in docs/migrating.md.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const request = require('supertest');
const { bulwark, fc, assertCode } = require('./helpers');

const validator = require('validator');
const sanitizeHtmlPeer = require('sanitize-html');
const sjsonPeer = require('secure-json-parse');
const mongoSanitizePeer = require('express-mongo-sanitize');
const hppPeer = require('hpp');
const tsscmpPeer = require('tsscmp');
const argon2Peer = require('argon2');
const pathIsInsidePeer = require('path-is-inside');

const dropValidator = require('bulwark/validator');
const dropSanitizeHtml = require('bulwark/sanitize-html');
const dropSjson = require('bulwark/secure-json-parse');
const dropMongoSanitize = require('bulwark/express-mongo-sanitize');
const dropHpp = require('bulwark/hpp');
const dropTsscmp = require('bulwark/tsscmp');
const dropArgon2 = require('bulwark/argon2');
const dropPathIsInside = require('bulwark/path-is-inside');

const MAJORS = [
  ['Express 4', require('express4')],
  ['Express 5', require('express')],
];
const TIMEOUT = { response: 3000, deadline: 5000 };

test('validator: every validator.js export, under the same name and results', () => {
  for (const name of Object.keys(dropValidator)) {
    if (name === 'version' || name === 'default') continue;
    // validator.js's exported locale lists (isAlphaLocales, ...): equal to its own.
    if (Array.isArray(validator[name])) {
      assert.deepEqual([...dropValidator[name]], validator[name], name);
      continue;
    }
    assert.equal(typeof dropValidator[name], 'function', name);
  }
  const missing = Object.keys(validator).filter((name) => !Object.hasOwn(dropValidator, name));
  assert.deepEqual(missing, [], 'every export of validator.js is in bulwark/validator');
  assert.equal(dropValidator.default, dropValidator);
  assert.equal(dropValidator.version, validator.version, 'the devDependency is the version the module says it follows');
  assert.equal(dropValidator.isEmail, bulwark.isEmail, 'the same functions as the main entry point');
  assert.equal(dropValidator.createValidator, undefined, "Bulwark's batch API is not part of validator.js's object");
  // Every validator.js name the object has behaves as validator.js on its README's examples.
  const examples = [
    ['isEmail', ['foo@bar.com']],
    ['isEmail', ['foo@bar']],
    ['isURL', ['https://example.com/a?b=c']],
    ['isInt', ['12', { min: 10 }]],
    ['isAlpha', ['Füße', 'de-DE']],
    ['isUUID', ['A987FBC9-4BED-3078-CF07-9141BA07C9F3']],
    ['toInt', ['42']],
    ['trim', ['  x  ']],
  ];
  for (const [name, args] of examples) {
    assert.deepEqual(dropValidator[name](...args), validator[name](...args), `${name}(${args.join(', ')})`);
  }
});

test("validator: toString is validator.js's (Object.prototype.toString, called on the module or on a value)", () => {
  const values = [undefined, null, 0, NaN, 'a', '', 1n, true, {}, [], [1, 2], () => 1, new Date(0), /x/, Symbol('s')];
  for (const v of values) {
    assert.equal(dropValidator.toString(v), validator.toString(v), `toString(${String(v?.toString?.() ?? v)})`);
    assert.equal(dropValidator.toString.call(v), validator.toString.call(v));
  }
  assert.equal(String(dropValidator), String(validator));
  assert.equal(`${dropValidator}`, `${validator}`);
  assert.equal(dropValidator.toString, validator.toString);
  fc.assert(
    fc.property(fc.anything(), (v) => {
      assert.equal(dropValidator.toString(v), validator.toString(v));
      assert.equal(dropValidator.toString.call(v), validator.toString.call(v));
    }),
  );
});

test('validator: escape and unescape equal validator.js on generated strings', () => {
  const units = fc.constantFrom(
    '&',
    '"',
    "'",
    '<',
    '>',
    '/',
    '\\',
    '`',
    'a',
    ';',
    '#',
    'x',
    '2',
    'F',
    'amp',
    'lt',
    'gt',
  );
  fc.assert(
    fc.property(fc.array(units, { maxLength: 40 }), (parts) => {
      const s = parts.join('');
      assert.equal(dropValidator.escape(s), validator.escape(s));
      assert.equal(dropValidator.unescape(s), validator.unescape(s));
      assert.equal(dropValidator.unescape(dropValidator.escape(s)), s);
    }),
    { numRuns: 500 },
  );
  assert.throws(() => dropValidator.escape(1), TypeError);
});

test("sanitize-html: the peer's default allowlists, so a call without options keeps what it keeps", () => {
  for (const key of ['allowedTags', 'allowedAttributes', 'allowedSchemes']) {
    assert.deepEqual(dropSanitizeHtml.defaults[key], sanitizeHtmlPeer.defaults[key], key);
  }
  assert.ok(Object.isFrozen(dropSanitizeHtml.defaults.allowedTags));
  assert.equal(dropSanitizeHtml.default, dropSanitizeHtml);
  assert.equal(typeof dropSanitizeHtml.simpleTransform, 'function');
  const { JSDOM } = require('jsdom');
  /** Element names and attribute names of `html` as a browser parses it. */
  const shape = (markup) => {
    const { document } = new JSDOM(`<body>${markup}</body>`).window;
    return [...document.body.querySelectorAll('*')].map((el) =>
      [el.localName, ...[...el.attributes].map((a) => a.name).filter((n) => n !== 'rel')].join(' '),
    );
  };
  const documents = [
    '<p>Hi <b>there</b> <script>alert(1)</script><a href="javascript:x" onclick="y()">link</a></p>',
    '<p title="" onclick=x>hi <img src=x.png><a href="http://a" target=_blank name="">l</a></p>',
    '<table><tr><td style="color:red">x</td></tr></table><iframe src="https://e.com"></iframe>',
    '<h1 id="t" class="c">T</h1><ul><li>a<li>b</ul><del>d</del><ins>i</ins><center>c</center>',
    '<a href="ftp://f">f</a><a href="tel:1">t</a><a href="sms:1">s</a><a href="//proto.rel/x">p</a>',
  ];
  for (const dirty of documents) {
    assert.deepEqual(shape(dropSanitizeHtml(dirty)), shape(sanitizeHtmlPeer(dirty)), dirty);
  }
  // Options given are used as given; the peer's lists fill in only what they leave out.
  const options = { allowedTags: ['p', 'b', 'a'], allowedAttributes: { a: ['href'] } };
  const dirty = documents[0];
  assert.deepEqual(shape(dropSanitizeHtml(dirty, options)), shape(sanitizeHtmlPeer(dirty, options)));
  const withImages = { allowedTags: dropSanitizeHtml.defaults.allowedTags.concat(['img']) };
  assert.match(dropSanitizeHtml('<img src="x.png">', withImages), /<img src="x.png">/);
  assertCode(() => dropSanitizeHtml('<p>', { allowedTags: ['script'] }), 'INVALID_OPTIONS');
  assert.throws(() => dropSanitizeHtml('<p>', 'nope'), TypeError);
});

test('secure-json-parse: parse, safeParse and scan equal the peer on its documented cases', () => {
  const texts = [
    '{"a":1}',
    '[1,{"b":null}]',
    '{"__proto__":{"x":1},"a":1}',
    '{"a":{"__proto__":{"x":1}}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"constructor":{"y":1}}',
    '{"\\u005f_proto__":1}',
    '"str"',
    '12',
    'null',
    '\ufeff{"a":1}',
  ];
  const optionSets = [
    undefined,
    { protoAction: 'remove' },
    { protoAction: 'ignore' },
    { constructorAction: 'remove' },
    { protoAction: 'remove', constructorAction: 'ignore' },
  ];
  for (const text of texts) {
    for (const options of optionSets) {
      const outcome = (fn) => {
        try {
          return { value: fn() };
        } catch (err) {
          return { threw: err.message };
        }
      };
      const ours = outcome(() => dropSjson.parse(text, options));
      const peer = outcome(() => sjsonPeer.parse(text, options));
      assert.deepEqual(ours, peer, `${text} ${JSON.stringify(options)}`);
      assert.deepEqual(
        outcome(() => dropSjson(text, null, options)),
        ours,
        'the module itself is parse(text, reviver, options)',
      );
    }
    assert.deepEqual(dropSjson.safeParse(text), sjsonPeer.safeParse(text), text);
  }
  assert.equal(dropSjson.safeParse('{x'), undefined);
  assert.throws(() => dropSjson.parse('{x'), SyntaxError);
  assertCode(() => dropSjson.parse('{"__proto__":1}'), 'JSON_PROTO_POISONING');
  // A reviver runs on the parsed value, and what it returns is checked again.
  const revive = (key, value) => (typeof value === 'number' ? value * 2 : value);
  assert.deepEqual(dropSjson.parse('{"a":1,"b":[2]}', revive), sjsonPeer.parse('{"a":1,"b":[2]}', revive));
  const smuggle = (key, value) => (key === 'a' ? JSON.parse('{"__proto__":{"p":1}}') : value);
  assertCode(() => dropSjson.parse('{"a":1}', smuggle), 'JSON_PROTO_POISONING');
  // The peer checks only the text, so a reviver's poisoned result passes there.
  assert.equal(Object.hasOwn(sjsonPeer.parse('{"a":1}', smuggle).a, '__proto__'), true);
  // scan: own keys only (the peer's for...in also walks inherited keys), cycles walked once.
  const poisoned = JSON.parse('{"a":{"__proto__":{}}}');
  assert.deepEqual(dropSjson.scan(structuredClone(poisoned), { protoAction: 'remove' }), { a: {} });
  assert.equal(dropSjson.scan(poisoned, { safe: true }), null);
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  assert.equal(dropSjson.scan(cyclic), cyclic);
  // Limits the peer does not have: depth and size.
  assertCode(() => dropSjson.parse('['.repeat(200) + ']'.repeat(200)), 'INPUT_TOO_DEEP');
  assertCode(() => dropSjson.parse('[1]', { maxBytes: 2 }), 'INPUT_TOO_LARGE');
});

/** JSON values whose keys include express-mongo-sanitize's unsafe shapes. */
const mongoValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 4 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('$gt', '$where', 'a.b', '.', '$', 'ok', 'x$', 'a', 'b'), fc.string({ maxLength: 4 })),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

test('express-mongo-sanitize: sanitize and has equal the peer on generated values', () => {
  fc.assert(
    fc.property(mongoValue, fc.constantFrom(undefined, '_', 'x'), fc.boolean(), (value, replaceWith, allowDots) => {
      const options = { allowDots, ...(replaceWith === undefined ? {} : { replaceWith }) };
      const peerTarget = structuredClone(value);
      const ourTarget = structuredClone(value);
      const peer = mongoSanitizePeer.sanitize(peerTarget, options);
      const ours = dropMongoSanitize.sanitize(ourTarget, options);
      assert.deepEqual(ours, peer);
      if (ourTarget !== null && typeof ourTarget === 'object') assert.equal(ours, ourTarget, 'cleaned in place');
      assert.equal(dropMongoSanitize.has(value, allowDots), mongoSanitizePeer.has(value, allowDots));
    }),
    { numRuns: 300 },
  );
  // The peer silently ignores a replaceWith it cannot use; here it is refused.
  assertCode(() => dropMongoSanitize.sanitize({ $a: 1 }, { replaceWith: '$x' }), 'INVALID_OPTIONS');
  assertCode(() => dropMongoSanitize({ replaceWith: 'a.b' }), 'INVALID_OPTIONS');
  assertCode(() => dropMongoSanitize({ replacewith: '_' }), 'INVALID_OPTIONS');
});

for (const [major, express] of MAJORS) {
  test(`express-mongo-sanitize middleware on ${major}: body, query and onSanitize`, async () => {
    const events = [];
    const app = express();
    app.use(express.json());
    app.use(dropMongoSanitize({ onSanitize: ({ key }) => events.push(key) }));
    app.post('/x', (req, res) => res.json({ body: req.body, query: req.query }));
    const res = await request(app)
      .post('/x?$where=1&name=ann')
      .timeout(TIMEOUT)
      .send({ user: { $gt: '' }, 'a.b': 1, ok: [{ $where: 'x' }, 2] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.body, { user: {}, ok: [{}, 2] });
    assert.equal(res.body.query.name, 'ann');
    assert.deepEqual(res.body.query, { name: 'ann' });
    assert.deepEqual(events.sort(), ['body', 'query']);
  });

  test(`express-mongo-sanitize middleware on ${major}: dryRun reports without changing`, async () => {
    const events = [];
    const app = express();
    app.use(express.json());
    app.use(dropMongoSanitize({ dryRun: true, onSanitize: ({ key }) => events.push(key) }));
    app.post('/x', (req, res) => res.json(req.body));
    const res = await request(app).post('/x').timeout(TIMEOUT).send({ $gt: 1 });
    assert.deepEqual(res.body, { $gt: 1 });
    assert.deepEqual(events, ['body']);
  });

  test(`hpp on ${major}: repeated query and form parameters keep the last value, as hpp`, async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.use(dropHpp({ whitelist: ['tags'] }));
    app.post('/x', (req, res) =>
      res.json({ query: req.query, body: req.body, queryPolluted: req.queryPolluted, bodyPolluted: req.bodyPolluted }),
    );
    const res = await request(app)
      .post('/x?a=1&a=2&tags=x&tags=y&b=3')
      .timeout(TIMEOUT)
      .type('form')
      .send('c=1&c=2&d=4');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.query, { a: '2', tags: ['x', 'y'], b: '3' });
    assert.deepEqual(res.body.queryPolluted, { a: ['1', '2'] });
    assert.deepEqual(res.body.body, { c: '2', d: '4' });
    assert.deepEqual(res.body.bodyPolluted, { c: ['1', '2'] });
  });

  test(`hpp on ${major}: JSON bodies are left alone by default (checkBodyOnlyForContentType)`, async () => {
    const app = express();
    app.use(express.json());
    app.use(dropHpp());
    app.post('/x', (req, res) => res.json({ body: req.body, bodyPolluted: req.bodyPolluted ?? null }));
    const res = await request(app)
      .post('/x')
      .timeout(TIMEOUT)
      .send({ c: [1, 2] });
    assert.deepEqual(res.body, { body: { c: [1, 2] }, bodyPolluted: null });
  });
}

test('hpp: the same request objects as the peer (Express 4, where the peer works)', async () => {
  const express = require('express4');
  const results = [];
  for (const middleware of [hppPeer, dropHpp]) {
    const app = express();
    app.use(express.urlencoded({ extended: true }));
    app.use(middleware({ whitelist: 'w', checkBodyOnlyForContentType: 'urlencoded' }));
    app.use(middleware()); // a second one only puts whitelisted names back, as hpp
    app.post('/x', (req, res) => res.json([req.query, req.body, { ...req.queryPolluted }, { ...req.bodyPolluted }]));
    const res = await request(app)
      .post('/x?a=1&a=2&w=1&w=2&n[x]=1&n[x]=2')
      .timeout(TIMEOUT)
      .type('form')
      .send('f=1&f=2&w=3&w=4&g=5');
    results.push(res.body);
  }
  assert.deepEqual(results[1], results[0]);
  assertCode(() => dropHpp({ whitelist: 5 }), 'INVALID_OPTIONS');
  assertCode(() => dropHpp({ checkquery: false }), 'INVALID_OPTIONS');
});

test('tsscmp: the peer results for strings and other values', () => {
  const values = ['', 'a', 'secret', 'secreT', 'é', '😀', 1, '1', null, 'null', undefined, true, 'true'];
  for (const a of values) {
    for (const b of values) {
      assert.equal(dropTsscmp(a, b), tsscmpPeer(a, b), `${String(a)} vs ${String(b)}`);
    }
  }
  const buf = Buffer.from('x');
  assert.equal(dropTsscmp(buf, Buffer.from('x')), tsscmpPeer(buf, Buffer.from('x')));
  assert.equal(dropTsscmp(buf, buf), tsscmpPeer(buf, buf));
  // Deviation: a lone surrogate is refused, where the peer compares the U+FFFD-replaced form.
  assertCode(() => dropTsscmp('\ud800', '\ud800'), 'INVALID_UNICODE');
});

test('path-is-inside: the peer results on normalized paths; `..` cannot climb out', () => {
  const sep = path.sep;
  const root = path.resolve('/');
  const j = (...parts) => path.join(root, ...parts);
  const cases = [
    [j('srv', 'app', 'x'), j('srv', 'app')],
    [j('srv', 'app'), j('srv', 'app')],
    [j('srv', 'app') + sep, j('srv', 'app')],
    [j('srv', 'apple'), j('srv', 'app')],
    [j('srv'), j('srv', 'app')],
    [j('srv', 'app', 'x'), root],
    [root, root],
  ];
  for (const [child, parent] of cases) {
    assert.equal(dropPathIsInside(child, parent), pathIsInsidePeer(child, parent), `${child} in ${parent}`);
  }
  const climbing = `${j('srv', 'app')}${sep}..${sep}..${sep}etc`;
  assert.equal(pathIsInsidePeer(climbing, j('srv', 'app')), true, 'the peer is fooled by `..`');
  assert.equal(dropPathIsInside(climbing, j('srv', 'app')), false);
  assert.equal(dropPathIsInside(j('srv', 'app', 'a\0b'), j('srv', 'app')), false);
  assert.throws(() => dropPathIsInside(1, '/'), TypeError);
});

test('argon2: hashes verify across node-argon2 and the drop-in, with and without a pepper', async () => {
  const pepper = Buffer.from('a pepper kept in configuration');
  // Small parameters keep the test fast; the defaults are checked below on the PHC string.
  const params = { memoryCost: 1024, timeCost: 2, parallelism: 2 };
  for (const secret of [undefined, pepper]) {
    const extra = secret ? { secret } : {};
    const ours = await dropArgon2.hash('correct horse', { ...params, ...extra });
    const peers = await argon2Peer.hash('correct horse', { ...params, ...extra });
    assert.equal(await argon2Peer.verify(ours, 'correct horse', extra), true);
    assert.equal(await dropArgon2.verify(peers, 'correct horse', extra), true);
    assert.equal(await dropArgon2.verify(peers, 'wrong horse', extra), false);
    assert.equal(dropArgon2.needsRehash(ours, params), argon2Peer.needsRehash(ours, params));
    assert.equal(dropArgon2.needsRehash(peers, { ...params, timeCost: 3 }), true);
  }
  assert.deepEqual(
    [dropArgon2.argon2d, dropArgon2.argon2i, dropArgon2.argon2id],
    [argon2Peer.argon2d, argon2Peer.argon2i, argon2Peer.argon2id],
  );
  const defaults = await dropArgon2.hash('pw');
  assert.match(defaults, /^\$argon2id\$v=19\$m=65536,t=3,p=4\$/, "node-argon2's default parameters");
  assert.equal(dropArgon2.needsRehash(defaults), false);
  assert.equal(argon2Peer.needsRehash(defaults), false);
  await assert.rejects(dropArgon2.hash('pw', { type: argon2Peer.argon2i }), (e) => e.code === 'INVALID_OPTIONS');
  await assert.rejects(dropArgon2.hash('pw', { salt: Buffer.alloc(16) }), (e) => e.code === 'INVALID_OPTIONS');
  await assert.rejects(dropArgon2.hash('pw', { raw: true }), (e) => e.code === 'INVALID_OPTIONS');
  await assert.rejects(dropArgon2.hash('pw', { memorycost: 1 }), (e) => e.code === 'INVALID_OPTIONS');
  // Verify accepts the types it does not make.
  const argon2iHash = await argon2Peer.hash('pw', { ...params, type: argon2Peer.argon2i });
  assert.equal(await dropArgon2.verify(argon2iHash, 'pw'), true);
});

test('the middleware drop-ins give the same answers with Object.prototype polluted', async () => {
  const express = require('express');
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use(dropHpp());
  app.use(dropMongoSanitize());
  app.post('/x', (req, res) => res.json({ query: req.query, body: req.body, polluted: { ...req.queryPolluted } }));
  const send = () => request(app).post('/x?a=1&a=2&$where=1').timeout(TIMEOUT).type('form').send('b=1&b=2&c.d=3');
  const clean = (await send()).body;
  // The keys these modules read or define (own-property reads and null-prototype descriptors
  // make each harmless); Express's own reads of them are not under test here.
  const keys = ['body', 'query', 'queryPolluted', 'bodyPolluted', 'onSanitize', 'dryRun', 'whitelist', 'get', 'set'];
  for (const key of keys) {
    const value = key === 'get' || key === 'set' ? () => ({ polluted: 1 }) : { polluted: 1 };
    Object.defineProperty(Object.prototype, key, { __proto__: null, value, configurable: true, writable: true });
  }
  let polluted;
  try {
    polluted = (await send()).body;
  } finally {
    for (const key of keys) delete Object.prototype[key];
  }
  assert.deepEqual(clean, { query: { a: '2' }, body: { b: '2' }, polluted: { a: ['1', '2'] } });
  assert.deepEqual(polluted, clean);
});
