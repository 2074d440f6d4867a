'use strict';
// The request-shape policy shared by the parsers and `guard`: prototype keys, NoSQL
// operator keys (`$where`, `a.b`), depth and key count. Walks iteratively (no recursion on
// attacker-shaped data), reads own enumerable keys only, never mutates its input.

/** Keys that reach an object's prototype when assigned: never allowed in request data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** express-mongo-sanitize's rule: a leading `$` or any `.` makes a key an operator key. */
function isOperatorKey(key) {
  return key.startsWith('$') || key.includes('.');
}

function isContainer(value) {
  return value !== null && typeof value === 'object';
}

/**
 * Inspects `value` under `policy` = { operators: 'reject'|'strip'|'allow', maxDepth, maxKeys }.
 * Returns { violations: [{ type, path }], value } where `value` is a copy with prototype keys
 * (and operator keys when `operators` is 'strip') removed, or the input itself when clean.
 * Violation types: 'prototype', 'operator', 'depth', 'keys'.
 */
function inspect(value, policy) {
  const violations = [];
  if (!isContainer(value)) return { violations, value };
  const { operators = 'reject', maxDepth = Infinity, maxKeys = Infinity } = policy;
  let keyCount = 0;
  let changed = false;
  const root = Array.isArray(value) ? [] : {};
  const stack = [{ src: value, dst: root, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { src, dst, depth, path } = stack.pop();
    if (depth > maxDepth) {
      violations.push({ type: 'depth', path });
      changed = true;
      continue;
    }
    const keys = Object.keys(src);
    keyCount += keys.length;
    if (keyCount > maxKeys) {
      violations.push({ type: 'keys', path });
      return { violations, value };
    }
    for (const key of keys) {
      const childPath = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key) && !Array.isArray(src)) {
        violations.push({ type: 'prototype', path: childPath });
        changed = true;
        continue;
      }
      if (operators !== 'allow' && !Array.isArray(src) && isOperatorKey(key)) {
        violations.push({ type: 'operator', path: childPath });
        changed = true;
        continue;
      }
      const child = src[key];
      if (isContainer(child)) {
        const copy = Array.isArray(child) ? [] : {};
        defineValue(dst, key, copy);
        stack.push({ src: child, dst: copy, depth: depth + 1, path: childPath });
      } else {
        defineValue(dst, key, child);
      }
    }
  }
  return { violations, value: changed ? root : value };
}

/** Sets an own data property even for a key like `__proto__` (never a prototype write). */
function defineValue(target, key, value) {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

module.exports = { inspect, isOperatorKey, PROTOTYPE_KEYS, defineValue };
