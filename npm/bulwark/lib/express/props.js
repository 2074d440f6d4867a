'use strict';
// Property reads and writes on objects the middleware does not own (req, res, thrown
// errors) that a polluted Object.prototype cannot reach: a read finds a property only on
// the object or on a prototype below Object.prototype (IncomingMessage's getters, Express
// 5's req.query), and a write defines an own data property, which no accessor on a
// prototype can intercept.

const { hasOwn, getPrototypeOf, prototype: OBJECT_PROTOTYPE } = Object;

/**
 * `obj[key]` when `obj` or one of its prototypes other than Object.prototype has `key`;
 * undefined otherwise (and for non-objects). Reading may still run a getter the object's
 * own class defines, as a plain read would.
 */
function readProp(obj, key) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  for (let o = obj; o !== null && o !== OBJECT_PROTOTYPE; o = getPrototypeOf(o)) {
    if (hasOwn(o, key)) return obj[key];
  }
  return undefined;
}

/** Sets an own data property even for a key like `__proto__` (never a prototype write). */
function defineValue(target, key, value) {
  Object.defineProperty(target, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
}

module.exports = { readProp, defineValue };
