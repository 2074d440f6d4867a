'use strict';
// merge against deepmerge and lodash.merge (small, 1k leaves, 20k leaves), plus the core's
// merge through the binding (values crossing as JSON text), which is why the JS API runs
// the JS implementation; sanitizeKeys / findUnsafeKeys against express-mongo-sanitize.
const deepmerge = require('deepmerge');
const lodashMerge = require('lodash.merge');
const mongoSanitize = require('express-mongo-sanitize');
const { loadBackends, benchCase, printTable, target, printTargets, note } = require('./harness');

const { native, wasm } = loadBackends();
const nativeBinding = require('../../npm/bulwark/lib/backend').binding;
// The core's merge is a test-only export (cargo feature `testing`): it is measured when the
// addon is a test build (`BULWARK_PROFILE=ci npm run bench -- merge`), not in release builds.
const coreMerge =
  typeof nativeBinding.mergeCore === 'function'
    ? {
        'core via binding (JSON text)': ([t, s]) =>
          JSON.parse(nativeBinding.mergeCore([JSON.stringify(t), JSON.stringify(s)], 'replace', 128)),
      }
    : {};

/**
 * A config/API-like object with about `leaves` scalar leaves: nested objects, arrays of
 * scalars (same lengths on both sides, so lodash's index-wise array merge gives the same
 * result as replacing), strings, numbers, booleans and nulls. `salt` changes the values.
 */
function document(leaves, salt) {
  const out = {};
  let count = 0;
  for (let i = 0; count < leaves; i += 1) {
    out[`section${i}`] = {
      id: i + salt,
      name: `item ${i} ${salt}`,
      enabled: (i + salt) % 2 === 0,
      limits: { min: i, max: i * 10 + salt, ratio: i / 7 },
      tags: [`t${i % 5}`, `s${salt}`],
      owner: salt % 3 === 0 ? null : { user: `u${i}`, team: `team${i % 4}` },
    };
    count += 12;
  }
  return out;
}

const overwriteArrays = (_target, source) => source;

async function main() {
  const sizes = [
    ['small (12 leaves)', 12],
    ['1k leaves', 1000],
    ['20k leaves', 20000],
  ];
  const merges = [];
  const sanitizes = [];
  for (const [label, leaves] of sizes) {
    const input = [document(leaves, 0), document(leaves, 1)];
    merges.push(
      await benchCase({
        name: label,
        input,
        reference: 'deepmerge',
        peer: 'deepmerge',
        impls: {
          deepmerge: ([t, s]) => deepmerge(t, s, { arrayMerge: overwriteArrays }),
          'lodash.merge': ([t, s]) => lodashMerge({}, t, s),
          'bulwark native': ([t, s]) => native.merge(t, s),
          'bulwark wasm': ([t, s]) => wasm.merge(t, s),
          ...coreMerge,
        },
      }),
    );
    const body = { ...input[0], filter: { $where: 'sleep(1000)', 'a.b': 1 } };
    sanitizes.push(
      await benchCase({
        name: `${label}, 2 unsafe keys`,
        input: body,
        reference: 'express-mongo-sanitize (on a copy)',
        peer: 'express-mongo-sanitize (on a copy)',
        impls: {
          // express-mongo-sanitize mutates its input: it gets a fresh copy each time, and the
          // copy's cost is reported on its own row below.
          'express-mongo-sanitize (on a copy)': (v) => mongoSanitize.sanitize(structuredClone(v)),
          'structuredClone (the copy alone)': (v) => structuredClone(v),
          'bulwark native': (v) => native.sanitizeKeys(v),
        },
        check: (outputs) => {
          const expected = JSON.stringify(outputs['express-mongo-sanitize (on a copy)']);
          if (JSON.stringify(outputs['bulwark native']) !== expected)
            throw new Error('sanitizeKeys differs from express-mongo-sanitize');
        },
      }),
    );
    sanitizes.push(
      await benchCase({
        name: `${label}, has / findUnsafeKeys`,
        input: body,
        reference: 'express-mongo-sanitize has',
        peer: 'express-mongo-sanitize has',
        impls: {
          'express-mongo-sanitize has': (v) => mongoSanitize.has(v),
          'bulwark native': (v) => native.findUnsafeKeys(v).length > 0,
        },
      }),
    );
  }
  printTable('merge (arrays replaced; lodash.merge into {} so that nothing is mutated)', merges);
  printTable('sanitizeKeys / findUnsafeKeys (informational)', sanitizes);
  for (const r of merges) {
    target(`merge native vs deepmerge, ${r.name}`, r, 'bulwark native', 'deepmerge', 1);
  }
  note(
    'Both backends run the same JS merge (see lib/merge.js); the core row shows what\n' +
      'handing the values to Rust as JSON text costs. express-mongo-sanitize edits its input in\n' +
      'place, so it is timed on a fresh copy; the copy alone has its own row.',
  );
  process.exitCode = printTargets('merge (native backend)') ? 3 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
