'use strict';
// The request-shape policy shared by the parsers and `guard`: prototype poisoning, NoSQL
// operator keys (`$where`, `a.b`), depth and key count. Walks iteratively (no recursion on
// attacker-shaped data), reads own enumerable keys only, never mutates its input, and is
// O(size): paths are built only for the few findings an event carries.

const { Tally } = require('./events');

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

/** Sets an own data property even for a key like `__proto__` (never a prototype write). */
function defineValue(target, key, value) {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function pathOf(node, key) {
  const parts = [key];
  for (let n = node; n !== null && n.key !== null; n = n.parent) parts.push(n.key);
  return parts.reverse().join('.');
}

/** Removed and refused findings of one kind are tallied apart; events name the kind only. */
function kinds(tally) {
  return tally.groups.map((g) => ({ ...g, type: g.type.split(':', 1)[0] }));
}

/**
 * Inspects `value` under `policy`:
 *   protoAction, constructorAction: 'error' (default) | 'remove' | 'ignore' (the two
 *     poisoning shapes; 'ignore' keeps the key and does not report it);
 *   operators: 'reject' (default) | 'strip' | 'allow'; maxDepth, maxKeys.
 * Returns { violations, value }: `violations` is a list of { type, count, paths, removable }
 * (types 'prototype', 'operator', 'depth', 'keys'; `removable` when the policy says remove
 * or strip), `value` a copy without the offending keys, or the input itself when nothing
 * was found.
 */
function inspect(value, policy) {
  const tally = new Tally();
  // Bytes (express.raw(), multer's buffers) have no keys, only indices.
  if (!isContainer(value) || ArrayBuffer.isView(value)) return { violations: tally.groups, value };
  const {
    protoAction = 'error',
    constructorAction = 'error',
    operators = 'reject',
    maxDepth = Infinity,
    maxKeys = Infinity,
  } = policy;
  const poisonAction = { proto: protoAction, constructor: constructorAction };
  let keyCount = 0;
  const root = Array.isArray(value) ? [] : {};
  const stack = [{ src: value, dst: root, depth: 1, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop();
    const { src, dst, depth } = node;
    if (depth > maxDepth) {
      tally.add('depth', () => pathOf(node.parent, node.key), { removable: false });
      continue;
    }
    const keys = Object.keys(src);
    keyCount += keys.length;
    if (keyCount > maxKeys) {
      tally.add('keys', () => (node.key === null ? '' : pathOf(node.parent, node.key)), { removable: false });
      return { violations: kinds(tally), value };
    }
    const isArray = Array.isArray(src);
    for (const key of keys) {
      const child = src[key];
      if (!isArray) {
        const kind = poisonKind(key, child);
        if (kind !== null && poisonAction[kind] !== 'ignore') {
          const removable = poisonAction[kind] === 'remove';
          tally.add(removable ? 'prototype:removed' : 'prototype', () => pathOf(node, key), { removable });
          continue;
        }
        if (operators !== 'allow' && isOperatorKey(key)) {
          const removable = operators === 'strip';
          tally.add(removable ? 'operator:removed' : 'operator', () => pathOf(node, key), { removable });
          continue;
        }
      }
      if (isContainer(child)) {
        const copy = Array.isArray(child) ? [] : {};
        defineValue(dst, key, copy);
        stack.push({ src: child, dst: copy, depth: depth + 1, parent: node, key });
      } else {
        defineValue(dst, key, child);
      }
    }
  }
  const violations = kinds(tally);
  return { violations, value: violations.length > 0 ? root : value };
}

module.exports = { inspect, isOperatorKey, poisonKind, defineValue, isContainer };
