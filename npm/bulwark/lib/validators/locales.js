'use strict';
// Locale tables of validator.js 13.15 (lib/alpha.js, MIT): the isAlpha / isAlphanumeric
// patterns (single character classes; hi-IN is two disjoint classes in sequence) and the
// decimal separators of isFloat / isNumeric / isDecimal, as RegExps for the JS fast paths
// (short inputs). The data is generated from the installed package into ./tables.js by
// scripts/gen-validator-tables.mjs, in the same run that writes the core's copy
// (crates/bulwark-core/src/validators/tables/alpha.rs); js-tests/validators-locales.test.js
// compares both with validator.js for every locale and every code unit of the blocks that
// matter.

const { ALPHA_PATTERNS, ALPHANUMERIC_PATTERNS, DECIMAL_SEPARATORS } = require('./tables');

/** locale -> RegExp (one RegExp per distinct pattern), in a null-prototype map. */
function table(patterns) {
  const out = Object.create(null);
  const shared = new Map();
  const locales = Object.keys(patterns);
  // Index reads, not `[source, flags]` destructuring (which reads `return` through
  // Object.prototype): this runs at require time, perhaps after a pollution.
  for (let i = 0; i < locales.length; i += 1) {
    const row = patterns[locales[i]];
    const id = `${row[1]}/${row[0]}`;
    let re = shared.get(id);
    if (re === undefined) {
      // eslint-disable-next-line security/detect-non-literal-regexp -- validator.js's alpha.js patterns, generated into ./tables.js
      re = new RegExp(row[0], row[1]);
      shared.set(id, re);
    }
    out[locales[i]] = re;
  }
  return out;
}

const ALPHA = table(ALPHA_PATTERNS);
const ALPHANUMERIC = table(ALPHANUMERIC_PATTERNS);
const DECIMAL = Object.assign(Object.create(null), DECIMAL_SEPARATORS);

module.exports = { ALPHA, ALPHANUMERIC, DECIMAL };
