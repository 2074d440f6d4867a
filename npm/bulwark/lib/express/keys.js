'use strict';
// The request-shape policy shared by the parsers and `guard`: prototype poisoning, NoSQL
// operator keys (`$where`, `a.b`), depth and key count. Walks iteratively (no recursion on
// attacker-shaped data), reads own enumerable keys only, never mutates its input, and is
// O(size): paths are built only for the few findings an event carries.

const { Tally } = require('./events');
const { defineValue } = require('./props');

const hasOwn = Object.hasOwn;

/** express-mongo-sanitize's rule: a leading `$` or any `.` makes a key an operator key. */
function isOperatorKey(key) {
  return key.startsWith('$') || key.includes('.');
}

function isContainer(value) {
  return value !== null && typeof value === 'object';
}

/**
 * secure-json-parse's poisoning shapes: a `__proto__` key (any value), or a `constructor`
 * key whose value is an object with an own `prototype` key. Anything else named
 * `constructor` or `prototype` is data (copies write it as an own property).
 */
function poisonKind(key, child) {
  if (key === '__proto__') return 'proto';
  if (key === 'constructor' && isContainer(child) && hasOwn(child, 'prototype')) return 'constructor';
  return null;
}

function pathOf(node, key) {
  const parts = [key];
  for (let n = node; n !== null && n.key !== null; n = n.parent) parts.push(n.key);
  return parts.reverse().join('.');
}

/** Removed and refused findings of one kind are tallied apart; events name the kind only. */
function kinds(tally) {
  return tally.groups.map((g) => ({ __proto__: null, ...g, type: g.type.split(':', 1)[0] }));
}

/**
 * Inspects `value` under `policy`:
 *   protoAction, constructorAction: 'error' (default) | 'remove' | 'ignore' (the two
 *     poisoning shapes; 'ignore' keeps the key and does not report it);
 *   operators: 'reject' (default) | 'strip' | 'allow'; maxDepth, maxKeys.
 * Returns { violations, value, keys, depth }: `violations` is a list of { type, count,
 * paths, removable } (types 'prototype', 'operator', 'depth', 'keys'; `removable` when the
 * policy says remove or strip), `value` a copy without the offending keys, or the input
 * itself when nothing was found; `keys` and `depth` what the walk saw (bounds for the
 * copy). A clean value is walked once and never copied.
 */
function inspect(value, policy) {
  const tally = new Tally();
  // Bytes (express.raw(), multer's buffers) have no keys, only indices.
  if (!isContainer(value) || ArrayBuffer.isView(value)) return { violations: tally.groups, value, keys: 0, depth: 0 };
  const rules = readPolicy(policy);
  let keyCount = 0;
  let deepest = 0;
  const stack = [{ src: value, depth: 1, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop();
    const { src, depth } = node;
    if (depth > deepest) deepest = depth;
    if (depth > rules.maxDepth) {
      tally.add('depth', () => pathOf(node.parent, node.key), { removable: false });
      continue;
    }
    const keys = Object.keys(src);
    keyCount += keys.length;
    if (keyCount > rules.maxKeys) {
      tally.add('keys', () => (node.key === null ? '' : pathOf(node.parent, node.key)), { removable: false });
      return { violations: kinds(tally), value, keys: keyCount, depth: deepest };
    }
    const isArray = Array.isArray(src);
    for (const key of keys) {
      const child = src[key];
      const finding = isArray ? null : classify(key, child, rules);
      if (finding !== null) {
        tally.add(finding, () => pathOf(node, key), { removable: finding.endsWith(':removed') });
        continue;
      }
      if (isContainer(child)) stack.push({ src: child, depth: depth + 1, parent: node, key });
    }
  }
  const violations = kinds(tally);
  const result = violations.length > 0 ? copyWithout(value, rules) : value;
  return { violations, value: result, keys: keyCount, depth: deepest };
}

/** The policy's own settings (a missing one is its default, never Object.prototype's). */
function readPolicy(policy) {
  const get = (key, fallback) => (hasOwn(policy, key) && policy[key] !== undefined ? policy[key] : fallback);
  return {
    poisonAction: {
      __proto__: null,
      proto: get('protoAction', 'error'),
      constructor: get('constructorAction', 'error'),
    },
    operators: get('operators', 'reject'),
    maxDepth: get('maxDepth', Infinity),
    maxKeys: get('maxKeys', Infinity),
  };
}

/** The finding for one object key ('prototype', 'operator', with ':removed' when the policy removes it), or null. */
function classify(key, child, rules) {
  const kind = poisonKind(key, child);
  if (kind !== null && rules.poisonAction[kind] !== 'ignore') {
    return rules.poisonAction[kind] === 'remove' ? 'prototype:removed' : 'prototype';
  }
  if (rules.operators !== 'allow' && isOperatorKey(key)) {
    return rules.operators === 'strip' ? 'operator:removed' : 'operator';
  }
  return null;
}

/** A copy of `value` without the keys `classify` flags and without nodes past maxDepth. */
function copyWithout(value, rules) {
  const root = Array.isArray(value) ? [] : {};
  const stack = [{ src: value, dst: root, depth: 1 }];
  while (stack.length > 0) {
    const { src, dst, depth } = stack.pop();
    const isArray = Array.isArray(src);
    for (const key of Object.keys(src)) {
      const child = src[key];
      if (!isArray && classify(key, child, rules) !== null) continue;
      if (isContainer(child)) {
        if (depth + 1 > rules.maxDepth) continue;
        const copy = Array.isArray(child) ? [] : {};
        defineValue(dst, key, copy);
        stack.push({ src: child, dst: copy, depth: depth + 1 });
      } else {
        defineValue(dst, key, child);
      }
    }
  }
  return root;
}

module.exports = { inspect, isOperatorKey, poisonKind, defineValue, isContainer };
