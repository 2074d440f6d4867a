'use strict';
// lib/validators/options.js (the JS mirror of option reading: own keys, typed values) against
// the core's option parsing (Rule::from_json, each validator's `rule()`), through the backend:
// the keys each validator reads are the same on both sides, and a value type the JS schema
// accepts is one the core accepts (the core alone checks values: locales, versions, patterns).
// A key or type added on one side only fails here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.dirname(require.resolve('bulwark/package.json'));
const backend = require(path.join(pkgDir, 'lib', 'backend.js'));
const { SCHEMAS, READERS } = require(path.join(pkgDir, 'lib', 'validators', 'options.js'));

const { validatorCompile, validatorRelease, validatorNames } = backend.binding;

/** Options a validator cannot compile without (as in rule.rs's every_validator_compiles_with_defaults). */
const REQUIRED = {
  isIn: { values: ['a'] },
  matches: { pattern: 'a' },
  isPostalCode: { locale: 'any' },
  isLicensePlate: { locale: 'any' },
  isPassportNumber: { locale: 'DE' },
  isVAT: { locale: 'DE' },
  contains: { seed: 'a' },
  equals: { comparison: 'a' },
  isWhitelisted: { chars: 'a' },
  isHash: { algorithm: 'md5' },
};

/** The core's answer for `name` with `options`: 'ok' or the error message. */
function compile(name, options) {
  const json = JSON.stringify({ ...REQUIRED[name], ...options });
  let id;
  try {
    id = validatorCompile(name, json);
  } catch (err) {
    assert.equal(err.code, 'INVALID_OPTIONS', `${name} ${json}: ${err.message}`);
    return err.message;
  }
  validatorRelease(id);
  return 'ok';
}

const unknownKey = (message, key) => message.includes(`unknown option "${key}"`);
const wrongType = (message, key) => message.includes(`option "${key}" must be `);

/**
 * The keys the core's option parsers name (`o.bool("key", ...)`, `o.take("key")`, ...) in
 * crates/bulwark-core/src/validators: candidates only, each probed through the backend below.
 */
function coreKeyCandidates() {
  const dir = path.join(__dirname, '..', 'crates', 'bulwark-core', 'src', 'validators');
  const keys = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.rs'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of source.matchAll(/\bo\s*\.(?:bool|number|numbers|string|strings|hosts|version|take)\("(\w+)"/g))
      keys.push(m[1]);
  }
  assert.ok(keys.length >= 50, 'the core names its option keys as o.<type>("key")');
  return keys;
}

// Every key a JS schema or a core parser names, and a few nothing reads.
const KEYS = [...new Set([...Object.values(SCHEMAS).flatMap((schema) => Object.keys(schema)), ...coreKeyCandidates()])];
const NOT_KEYS = ['nope', 'toString', '__proto__', 'constructor', 'locales'];

test(`every validator compiles with its required options only (${backend.name})`, () => {
  for (const name of validatorNames()) assert.equal(compile(name, {}), 'ok', name);
});

test(`option keys: the JS schemas and the core read the same keys (${backend.name})`, () => {
  for (const name of validatorNames()) {
    const schema = Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : {};
    // Keys a JS reader adds from validator.js's positional arguments (isAlpha's locale,
    // isUUID's version, contains' seed, ...) are known to the core but in no schema.
    const fromArgs = READERS[name] !== undefined;
    for (const key of [...KEYS, ...NOT_KEYS]) {
      if (Object.hasOwn(REQUIRED[name] || {}, key)) continue;
      const inJs = Object.hasOwn(schema, key);
      // A value of no option's type: the core answers "unknown option" only for unknown keys.
      const inCore = !unknownKey(compile(name, { [key]: { not: 'a value' } }), key);
      if (inJs) assert.ok(inCore, `${name}: the JS schema reads "${key}", the core does not`);
      else if (!fromArgs) assert.ok(!inCore, `${name}: the core reads "${key}", the JS schema does not`);
    }
  }
});

// One value of each JSON type an option can have (and a RegExp), for the type check.
const SAMPLES = [true, false, 0, 1, 4, 2.5, '', 'a', '4', [], ['a'], [1], /a/, [/a/, 'b'], {}];

test(`option types: a value the JS schema accepts is of a type the core accepts, and no other (${backend.name})`, () => {
  for (const name of validatorNames()) {
    if (!Object.hasOwn(SCHEMAS, name)) continue;
    for (const [key, [check, description, convert]] of Object.entries(SCHEMAS[name])) {
      for (const sample of SAMPLES) {
        const jsAccepts = check(sample);
        const sent = jsAccepts && convert !== undefined ? convert(sample) : sample;
        const coreMessage = compile(name, { [key]: sent instanceof RegExp ? { source: sent.source } : sent });
        const what = `${name}.${key} = ${String(sample)} (JS: ${description})`;
        if (jsAccepts) assert.ok(!wrongType(coreMessage, key), `${what}: the core refuses its type: ${coreMessage}`);
        else assert.ok(coreMessage !== 'ok', `${what}: the JS schema refuses it, the core accepts it`);
      }
    }
  }
});
