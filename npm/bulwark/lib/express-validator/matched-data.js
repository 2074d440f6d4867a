'use strict';
// matchedData(req, { includeOptionals, onlyValidData, locations }): the values the chains
// run on this request selected (sanitized), built into one object by path.

const { contextsOf } = require('./context');
const { setIn, toPath } = require('./fields');

function matchedData(req, options = {}) {
  const opts = options || {};
  const includeOptionals = opts.includeOptionals === true;
  const onlyValidData = opts.onlyValidData === undefined ? true : opts.onlyValidData;
  const locations = Array.isArray(opts.locations) ? opts.locations : [];
  const out = {};
  for (const context of contextsOf(req)) {
    // The object form: contexts of express-validator's own chains answer it too.
    for (const instance of context.getData({ requiredOnly: !includeOptionals })) {
      if (onlyValidData) {
        const hasError = context.errors.some(
          (e) => e.type === 'field' && e.location === instance.location && e.path === instance.path,
        );
        if (hasError) continue;
      }
      if (locations.length > 0 && !locations.includes(instance.location)) continue;
      // lodash's set(state, '', value) sets the key ''.
      const segments = instance.segments === undefined ? toPath(instance.path) : instance.segments;
      setIn(out, segments.length === 0 ? [''] : segments, instance.value);
    }
  }
  return out;
}

module.exports = { matchedData };
