'use strict';
// The string form a standard validator or sanitizer reads, as express-validator's toString
// computes it: a Date is its ISO form, null, undefined and NaN are '', an array is its
// elements joined with ',' (nested arrays too), a plain object is '[object Object]', any
// other value is String(value).
//
// Unlike express-validator, request data never runs a method here: plain objects and
// arrays are converted without calling toString or join (a body cannot carry functions,
// but a polluted Object.prototype or Array.prototype could), arrays are walked with a depth
// bound and without revisiting one (Array.prototype.join prints a cycle as ''), and an
// object without a prototype is '[object Object]' where express-validator throws a
// TypeError. Objects of other classes (a value a custom sanitizer produced) keep their own
// toString, as in express-validator.

const MAX_DEPTH = 64;

function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function arrayToString(array, depth, active) {
  if (depth > MAX_DEPTH || active.has(array)) return '';
  active.add(array);
  let out = '';
  for (let i = 0; i < array.length; i += 1) {
    if (i > 0) out += ',';
    const item = Object.hasOwn(array, i) ? array[i] : undefined;
    // Array.prototype.join: null and undefined elements are empty, the rest String().
    if (item !== null && item !== undefined) out += elementToString(item, depth + 1, active);
  }
  active.delete(array);
  return out;
}

function elementToString(value, depth, active) {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' && typeof value !== 'function') return String(value);
  if (Array.isArray(value)) return arrayToString(value, depth, active);
  // join() converts an element with its toString: a Date is its long form, not ISO.
  return value instanceof Date ? String(value) : objectToString(value);
}

function objectToString(value) {
  if (value instanceof Date) return value.toISOString();
  if (isPlainObject(value)) {
    const own = Object.getOwnPropertyDescriptor(value, 'toString');
    if (own !== undefined && typeof own.value === 'function') return String(own.value.call(value));
    return '[object Object]';
  }
  const fn = value.toString;
  return String(typeof fn === 'function' ? fn.call(value) : Object.prototype.toString.call(value));
}

function toString(value) {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'object' || typeof value === 'function') {
    if (Array.isArray(value)) return arrayToString(value, 0, new Set());
    return objectToString(value);
  }
  return String(value);
}

module.exports = { toString };
