'use strict';
// matchedData(req, { includeOptionals, onlyValidData, locations }): the values the chains
// run on this request selected (sanitized), built into one object by path.

const { contextsOf } = require('./context');
const { setIn } = require('./fields');

function matchedData(req, options = {}) {
  const opts = options || {};
  const includeOptionals = opts.includeOptionals === true;
  const onlyValidData = opts.onlyValidData === undefined ? true : opts.onlyValidData;
  const locations = Array.isArray(opts.locations) ? opts.locations : [];
  const out = {};
  for (const context of contextsOf(req)) {
    for (const instance of context.getData(!includeOptionals)) {
      if (onlyValidData) {
        const hasError = context.errors.some(
          (e) => e.type === 'field' && e.location === instance.location && e.path === instance.path,
        );
        if (hasError) continue;
      }
      if (locations.length > 0 && !locations.includes(instance.location)) continue;
      // lodash's set(state, '', value) sets the key ''.
      setIn(out, instance.segments.length === 0 ? [''] : instance.segments, instance.value);
    }
  }
  return out;
}

module.exports = { matchedData };
