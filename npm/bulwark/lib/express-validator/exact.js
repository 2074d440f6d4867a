'use strict';
// checkExact(chains, { locations, message }): runs the chains, then fails with one error of
// type 'unknown_fields' listing every field of the checked locations (body, params and
// query by default) that no chain run on the request selected.

const { BulwarkError } = require('../errors');
const { surrogateContext, contextsOf, addContext } = require('./context');
const { runAll } = require('./run-all');
const { resultOf } = require('./schema');
const { isThenable, asMiddleware } = require('./chain');
const { toPath, reconstruct } = require('./fields');

/** A tree of known path segments (Maps: request keys never meet a prototype). */
function addToTree(tree, segments) {
  let node = tree;
  for (const segment of segments) {
    let next = node.get(segment);
    if (next === undefined) {
      next = new Map();
      node.set(segment, next);
    }
    node = next;
  }
  node.set('', new Map());
}

function mergedGlobstar(globstar) {
  const out = new Map(globstar);
  out.set('**', globstar);
  return out;
}

const MAX_DEPTH = 256;

/** express-validator's depth-first search for fields no known path covers. */
function findUnknown(location, value, tree, treePath, out, depth) {
  const globstar = tree.get('**');
  if (tree.has('') || (globstar !== undefined && globstar.has(''))) return out;
  if (depth > MAX_DEPTH) {
    throw new BulwarkError('INPUT_TOO_DEEP', `express-validator: a field is nested deeper than ${MAX_DEPTH} levels`);
  }
  if (typeof value !== 'object' || value === null) {
    if (treePath.length === 0 || globstar !== undefined) out.push({ path: reconstruct(treePath), value, location });
    return out;
  }
  const wildcard = tree.get('*');
  for (const key of Object.keys(value)) {
    const branch = tree.get(key);
    const path = treePath.concat(key);
    if (branch === undefined && wildcard === undefined && globstar === undefined) {
      out.push({ path: reconstruct(path), value: value[key], location });
      continue;
    }
    const keyUnknowns = branch ? findUnknown(location, value[key], branch, path, [], depth + 1) : [];
    const wildcardUnknowns = wildcard ? findUnknown(location, value[key], wildcard, path, [], depth + 1) : [];
    const globstarUnknowns = globstar
      ? findUnknown(location, value[key], mergedGlobstar(globstar), path, [], depth + 1)
      : [];
    if (
      (!branch || keyUnknowns.length) &&
      (!wildcard || wildcardUnknowns.length) &&
      (!globstar || globstarUnknowns.length)
    ) {
      out.push(...keyUnknowns, ...wildcardUnknowns, ...globstarUnknowns);
    }
  }
  return out;
}

function unknownFields(req, known, location) {
  const tree = new Map();
  for (const field of known) addToTree(tree, field === '' ? [''] : toPath(field));
  const root = req[location];
  if (root === null || root === undefined) return [];
  return findUnknown(location, root, tree, [], [], 0);
}

function checkExact(chains, options) {
  const opts = options || {};
  const locations = opts.locations || ['body', 'params', 'query'];
  const list = Array.isArray(chains) ? chains.flat() : chains ? [chains] : [];
  const afterChains = (req) => {
    const byLocation = new Map();
    for (const context of contextsOf(req)) {
      for (const location of context.locations) {
        if (!locations.includes(location)) continue;
        const known = byLocation.get(location) || [];
        known.push(...context.fields);
        byLocation.set(location, known);
      }
    }
    if (byLocation.size === 0) for (const location of locations) byLocation.set(location, []);
    let unknown = [];
    for (const [location, known] of byLocation) unknown = unknown.concat(unknownFields(req, known, location));
    const context = surrogateContext();
    if (unknown.length) {
      const message = opts.message || 'Unknown field(s)';
      context.addError({
        type: 'unknown_fields',
        msg: typeof message === 'function' ? message(unknown, { req }) : message,
        fields: unknown,
      });
    }
    addContext(req, context);
    return context;
  };
  const runSync = (req) => {
    const out = runAll(req, list);
    return isThenable(out) ? out.then(() => afterChains(req)) : afterChains(req);
  };
  const run = (req) =>
    Promise.resolve()
      .then(() => runSync(req))
      .then(resultOf);
  return Object.assign(asMiddleware(runSync), { run });
}

module.exports = { checkExact };
