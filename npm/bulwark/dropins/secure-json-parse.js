'use strict';
// bulwark/secure-json-parse: a drop-in for secure-json-parse (`require('secure-json-parse')`):
// `parse(text, reviver?, options?)`, `safeParse(text, reviver?)` and `scan(value, options?)`
// over Bulwark's parseJson, which adds depth and size limits (128 levels, 16 MiB by default;
// `maxDepth` and `maxBytes` may be passed with the other options). Poisoning throws
// BulwarkError `JSON_PROTO_POISONING` (secure-json-parse throws SyntaxError); invalid JSON is
// still the SyntaxError of JSON.parse. Deviations: docs/migrating.md.

const { parseJson, scanJsonValue } = require('../lib/json');

const SCAN_KEYS = Object.freeze(['protoAction', 'constructorAction', 'safe']);

function parse(text, reviver, options) {
  let opts = options;
  let revive = reviver;
  // secure-json-parse's two-argument form: parse(text, options).
  if ((opts === undefined || opts === null) && revive !== null && typeof revive === 'object') {
    opts = revive;
    revive = undefined;
  }
  if (revive !== undefined && revive !== null && typeof revive !== 'function') {
    throw new TypeError('parse: reviver must be a function');
  }
  const value = parseJson(text, opts === null ? undefined : opts);
  if (typeof revive !== 'function') return value;
  // The text passed every check; a reviver runs on a fresh parse, as in JSON.parse, and its
  // result is checked again, since a reviver can return anything.
  const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  const revived = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, revive);
  const scanOptions = Object.create(null);
  if (opts !== undefined && opts !== null) {
    for (let i = 0; i < SCAN_KEYS.length; i += 1) {
      if (Object.hasOwn(opts, SCAN_KEYS[i])) scanOptions[SCAN_KEYS[i]] = opts[SCAN_KEYS[i]];
    }
  }
  return scanJsonValue(revived, scanOptions);
}

function safeParse(text, reviver) {
  try {
    return parse(text, reviver, { safe: true });
  } catch {
    return undefined;
  }
}

function scan(value, options) {
  return scanJsonValue(value, options);
}

module.exports = parse;
module.exports.default = parse;
module.exports.parse = parse;
module.exports.safeParse = safeParse;
module.exports.scan = scan;
