'use strict';
// bulwark/argon2: a drop-in for node-argon2 (`require('argon2')`): change the import, keep
// `hash`, `verify`, `needsRehash` and the type constants. Hashing is Bulwark's argon2id
// (lib/password.js) with node-argon2's default parameters, so hashes, peppers and
// `needsRehash` answers carry over in both directions. Deviations: docs/migrating.md.

const password = require('../lib/password');
const { BulwarkError } = require('../lib/errors');
const { isPlainObject, notPlain } = require('../lib/args');

const argon2d = 0;
const argon2i = 1;
const argon2id = 2;

/** node-argon2's defaults: an app that switches keeps making the hashes it made before. */
const DEFAULTS = Object.freeze({ hashLength: 32, memoryCost: 65536, timeCost: 3, parallelism: 4 });
const VERSION = 0x13;

/** node-argon2 option name -> Bulwark option name (null: checked here, not passed on). */
const HASH_KEYS = new Map([
  ['hashLength', 'hashLength'],
  ['timeCost', 'timeCost'],
  ['memoryCost', 'memoryCost'],
  ['parallelism', 'parallelism'],
  ['secret', 'secret'],
  ['associatedData', 'associatedData'],
  ['type', null],
  ['version', null],
  ['salt', null],
  ['raw', null],
]);
const VERIFY_KEYS = new Map([['secret', 'secret']]);
const REHASH_KEYS = new Map([
  ['hashLength', 'hashLength'],
  ['timeCost', 'timeCost'],
  ['memoryCost', 'memoryCost'],
  ['parallelism', 'parallelism'],
  ['associatedData', 'associatedData'],
  ['secret', 'secret'],
  ['type', null],
  ['version', null],
]);

function invalid(fnName, message) {
  return new BulwarkError('INVALID_OPTIONS', `${fnName}: ${message}`);
}

/**
 * Own enumerable options only, as a null-prototype object of Bulwark option names; unknown
 * keys are refused (a typo must not silently weaken a hash), and the node-argon2 options
 * Bulwark does not offer are refused with the reason.
 */
function translate(options, keys, fnName, defaults) {
  const out = Object.create(null);
  if (defaults) Object.assign(out, defaults);
  if (options === undefined || options === null) return out;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fnName}: options must be an object`);
  }
  if (!isPlainObject(options)) throw notPlain(fnName, options);
  const names = Object.keys(options);
  for (let i = 0; i < names.length; i += 1) {
    const key = names[i];
    if (!keys.has(key)) throw invalid(fnName, `unknown option "${key}"`);
    const value = options[key];
    if (value === undefined) continue;
    const target = keys.get(key);
    if (target !== null) {
      out[target] = value;
    } else if (key === 'type' && value !== argon2id) {
      throw invalid(fnName, 'only argon2id (type 2) is made here; verify accepts hashes of every type');
    } else if (key === 'version' && value !== VERSION) {
      throw invalid(fnName, 'only version 0x13 is made here; verify accepts 0x10 and 0x13 hashes');
    } else if (key === 'salt') {
      throw invalid(fnName, 'the salt is drawn from the OS random source for every hash; a chosen salt is refused');
    } else if (key === 'raw' && value !== false) {
      throw invalid(fnName, 'raw hashes are not made; the result is always the PHC string');
    }
  }
  return out;
}

/** Resolves to the PHC string of `plain` (node-argon2's `hash`). */
function hash(plain, options) {
  let opts;
  try {
    opts = translate(options, HASH_KEYS, 'hash', DEFAULTS);
  } catch (err) {
    return Promise.reject(err);
  }
  return password.hashPassword(plain, opts);
}

/** Resolves to whether `plain` matches `digest` (node-argon2's `verify`). */
function verify(digest, plain, options) {
  let opts;
  try {
    opts = translate(options, VERIFY_KEYS, 'verify');
  } catch (err) {
    return Promise.reject(err);
  }
  return password.verifyPassword(digest, plain, opts);
}

/** Whether `digest` was made with other parameters than `options` (node-argon2's defaults). */
function needsRehash(digest, options) {
  return password.needsRehash(digest, translate(options, REHASH_KEYS, 'needsRehash', DEFAULTS));
}

module.exports = { argon2d, argon2i, argon2id, hash, verify, needsRehash };
