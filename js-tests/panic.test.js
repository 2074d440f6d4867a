'use strict';
// A Rust panic in any entry point of either binding is a BulwarkError INTERNAL, and the
// process (and the backend) keeps working afterwards (issue 9, item 8).
//
// Test builds carry `testPanic(message)`, which panics inside an entry point, and
// `testPanicArm()`, which makes the next entry point that is called panic (cargo feature
// `testing`, enabled by scripts/build.mjs unless BULWARK_PROFILE=release). Release
// builds have neither.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { bulwark } = require('./helpers');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const { binding, name: backendName } = require(path.join(pkgDir, 'lib', 'backend.js'));
const { callBackend } = require(path.join(pkgDir, 'lib', 'errors.js'));

const isTestBuild = typeof binding.testPanicArm === 'function';
const skip = isTestBuild ? false : 'release build: no testing exports';

/** Asserts `fn` throws BulwarkError INTERNAL. */
function assertInternal(fn, what) {
  let thrown = null;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  // Never leave a panic armed for the next call, whatever happened.
  const unfired = binding.testPanicDisarm();
  assert.equal(unfired, false, `${what}: the armed panic fired (the call reached the backend)`);
  assert.throws(
    () => {
      if (thrown !== null) throw thrown;
    },
    (err) => {
      assert.ok(err instanceof bulwark.BulwarkError, `${what}: ${err && err.stack}`);
      assert.equal(err.code, 'INTERNAL', what);
      return true;
    },
  );
}

const bytes = (s) => new TextEncoder().encode(s);
const units = (s) => Uint16Array.from(s, (c) => c.charCodeAt(0));
// Cheap argon2 parameters: the armed panic fires before hashing anyway.
const cheap = { memoryCost: 64, timeCost: 1, parallelism: 1 };

/** Every entry point of the binding, called with arguments that reach its body. */
function entryPoints() {
  const b = binding;
  const scan = backendName === 'native' ? ['jsonScanLatin1', () => b.jsonScanLatin1('{}', 4)] : null;
  const scanBytes =
    backendName === 'wasm' ? ['jsonScanLatin1Bytes', () => b.jsonScanLatin1Bytes(bytes('{}'), 4)] : null;
  const hash = bulwark.hashPasswordSync('pw', cheap);
  return [
    ['errorCodes', () => b.errorCodes()],
    ['ipCategories', () => b.ipCategories()],
    ['validatorNames', () => b.validatorNames()],
    ['normalizeEmailOptionNames', () => b.normalizeEmailOptionNames()],
    ['timingSafeEqual', () => b.timingSafeEqual(bytes('a'), bytes('a'))],
    ['escapeHtml', () => b.escapeHtml('<a>')],
    ['unescapeHtml', () => b.unescapeHtml('&lt;')],
    ['sanitizeHtml', () => b.sanitizeHtml('<b>x</b>')],
    ['stripTags', () => b.stripTags('<b>x</b>', 100)],
    ['Sanitizer', () => new b.Sanitizer(Object.create(null))],
    ['Sanitizer.sanitize', () => new b.Sanitizer(Object.create(null)).sanitize('<b>x</b>'), 'after'],
    ['jsonScan', () => b.jsonScan('{}', 4)],
    scan,
    scanBytes,
    ['jsonScanBytes', () => b.jsonScanBytes(bytes('{}'), 4, 100)],
    ['jsonFindPoisoning', () => b.jsonFindPoisoning('{}', 4, true, true)],
    ['jsonFindPoisoningBytes', () => b.jsonFindPoisoningBytes(bytes('{}'), 4, true, true)],
    ['jsonParseCore', () => b.jsonParseCore(bytes('{}'), 'error', 'error', 4, 100)],
    ['mergeCore', () => b.mergeCore(['{}', '{}'], 'replace', 4)],
    ['mergePatchCore', () => b.mergePatchCore('{}', '{}', 4)],
    ['sanitizeKeysCore', () => b.sanitizeKeysCore('{}', false, undefined, 4)],
    ['findUnsafeKeysCore', () => b.findUnsafeKeysCore('{}', false, 4)],
    ['hashPasswordSync', () => bulwark.hashPasswordSync('pw', cheap)],
    ['verifyPasswordSync', () => bulwark.verifyPasswordSync(hash, 'pw')],
    ['needsRehash', () => bulwark.needsRehash(hash, cheap)],
    ['resolveWithin', () => b.resolveWithin('/base', 'x', false, 4096)],
    ['decodePathSegment', () => b.decodePathSegment('a%20b')],
    ['sanitizeFilename', () => b.sanitizeFilename('a.txt')],
    ['trim', () => b.trim('  a  ')],
    ['ltrim', () => b.ltrim('  a')],
    ['rtrim', () => b.rtrim('a  ')],
    ['blacklist', () => b.blacklist('abc', units('b'))],
    ['whitelist', () => b.whitelist('abc', units('b'))],
    ['stripLow', () => b.stripLow('a\u0001', false)],
    ['normalizeEmail', () => b.normalizeEmail('A@Example.com', 0)],
    ['toInt', () => b.toInt('12')],
    ['toFloat', () => b.toFloat('1.5')],
    ['toBoolean', () => b.toBoolean('1', false)],
    ['normalizeUnicode', () => b.normalizeUnicode('e\u0301', 'NFC')],
    ['SanitizerCharClass', () => new b.SanitizerCharClass(1, units('ab'))],
    ['SanitizerCharClass.ranges', () => new b.SanitizerCharClass(1, units('ab')).ranges(), 'after'],
    ['SanitizerCharClass.remove', () => new b.SanitizerCharClass(1, units('ab')).remove('abc'), 'after'],
    ['parseIp', () => b.parseIp('127.0.0.1')],
    ['classifyIp', () => b.classifyIp('127.0.0.1')],
    ['classifyIps', () => b.classifyIps(['127.0.0.1'])],
    ['UrlChecker', () => new b.UrlChecker(Object.create(null))],
    ['UrlChecker.check', () => new b.UrlChecker(Object.create(null)).check('https://example.com/'), 'after'],
    ['validatorCompile', () => b.validatorCompile('isEmail', '{}')],
    ['validatorTest', () => b.validatorTest(b.validatorCompile('isEmail', '{}'), 'a@b.co'), 'after'],
    ['validatorScore', () => b.validatorScore(b.validatorCompile('isEmail', '{}'), 'a'), 'after'],
    ['validatorRelease', () => b.validatorRelease(b.validatorCompile('isEmail', '{}')), 'after'],
    ['ValidatorSet', () => new b.ValidatorSet('[]')],
    ['ValidatorSet.check', () => new b.ValidatorSet('[]').check([]), 'after'],
  ].filter(Boolean);
}

test('testPanic is INTERNAL, and the backend keeps working, twice', { skip }, () => {
  for (let round = 0; round < 2; round += 1) {
    assertInternal(() => callBackend(() => binding.testPanic('boom')), `round ${round}`);
    assert.equal(bulwark.escapeHtml('<b>'), '&lt;b&gt;');
    assert.equal(bulwark.sanitizeHtml('<b onclick=x>y</b>'), '<b>y</b>');
    assert.equal(bulwark.isEmail('a@example.com'), true);
    assert.deepEqual(bulwark.parseJson('{"a":[1]}'), { a: [1] });
  }
});

test('the public API turns a panic into BulwarkError INTERNAL', { skip }, () => {
  const calls = [
    ['sanitizeHtml', () => bulwark.sanitizeHtml('<b>x</b>')],
    ['stripTags', () => bulwark.stripTags('<b>x</b>')],
    ['createSanitizer', () => bulwark.createSanitizer({ allowedTags: ['b'] })],
    ['parseJson', () => bulwark.parseJson(`[${'{"a":1},'.repeat(1000)}1]`)],
    ['resolveWithin', () => bulwark.resolveWithin('/base', `${'a/'.repeat(100)}b/../c`)],
    ['hashPasswordSync', () => bulwark.hashPasswordSync('pw', cheap)],
  ];
  for (const [what, call] of calls) {
    binding.testPanicArm();
    assertInternal(call, what);
  }
  assert.equal(bulwark.sanitizeHtml('<i>ok</i>'), '<i>ok</i>');
});

test('every entry point of the binding turns a panic into INTERNAL', { skip }, () => {
  const table = entryPoints();
  // Every exported function and class of the binding is in the table.
  // The async password functions (native only) are covered by the next test.
  const covered = new Set([...table.map(([name]) => name.split('.')[0]), 'hashPassword', 'verifyPassword']);
  const exported = Object.keys(binding).filter(
    (k) => typeof binding[k] === 'function' && !k.startsWith('testPanic') && !k.startsWith('__'),
  );
  assert.deepEqual(
    exported.filter((k) => !covered.has(k)),
    [],
    'entry points without a panic test',
  );
  for (const [what, call, when] of table) {
    if (when === 'after') {
      // The set-up entry points run unarmed; the method is the one under test.
      const prepared = prepare(what);
      binding.testPanicArm();
      assertInternal(() => callBackend(() => prepared()), what);
    } else {
      binding.testPanicArm();
      assertInternal(() => callBackend(call), what);
    }
    // And the same entry point works right after.
    assert.doesNotThrow(() => callBackend(when === 'after' ? prepare(what) : call), what);
  }
});

// WASM has no threadpool (its async password functions run elsewhere, see lib/password.js).
const nativeOnly = skip || (backendName === 'native' ? false : 'native threadpool only');

test('async password work panicking on the threadpool rejects with INTERNAL', { skip: nativeOnly }, async () => {
  const hash = await bulwark.hashPassword('pw', cheap);
  for (const [what, call] of [
    ['hashPassword', () => bulwark.hashPassword('pw', cheap)],
    ['verifyPassword', () => bulwark.verifyPassword(hash, 'pw')],
  ]) {
    binding.testPanicArm();
    await assert.rejects(call(), (err) => err instanceof bulwark.BulwarkError && err.code === 'INTERNAL', what);
    assert.equal(binding.testPanicDisarm(), false, `${what}: the armed panic fired`);
    assert.equal(await bulwark.verifyPassword(hash, 'pw'), true);
  }
});

/** For methods: builds the receiver unarmed and returns the method call alone. */
function prepare(what) {
  const b = binding;
  switch (what) {
    case 'Sanitizer.sanitize': {
      const s = new b.Sanitizer(Object.create(null));
      return () => s.sanitize('<b>x</b>');
    }
    case 'SanitizerCharClass.ranges': {
      const c = new b.SanitizerCharClass(1, units('ab'));
      return () => c.ranges();
    }
    case 'SanitizerCharClass.remove': {
      const c = new b.SanitizerCharClass(1, units('ab'));
      return () => c.remove('abc');
    }
    case 'UrlChecker.check': {
      const c = new b.UrlChecker(Object.create(null));
      return () => c.check('https://example.com/');
    }
    case 'validatorTest':
    case 'validatorScore':
    case 'validatorRelease': {
      const id = b.validatorCompile('isEmail', '{}');
      return () => b[what](id, 'a@b.co');
    }
    case 'ValidatorSet.check': {
      const set = new b.ValidatorSet('[]');
      return () => set.check([]);
    }
    default:
      throw new Error(`no set-up for ${what}`);
  }
}

test('many panics in a row leave the backend usable', { skip }, () => {
  for (let i = 0; i < 2000; i += 1) {
    assertInternal(() => callBackend(() => binding.testPanic(`panic ${i}`)), `panic ${i}`);
  }
  assert.equal(bulwark.escapeHtml('<b>'), '&lt;b&gt;');
  assert.equal(bulwark.sanitizeHtml('<b onclick=x>y</b>'), '<b>y</b>');
  assert.equal(bulwark.isURL('https://example.com/a'), true);
  assert.equal(bulwark.resolveWithin('/base', 'a/../b'), '/base/b');
});
