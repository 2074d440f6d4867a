// Deep merge, JSON Merge Patch and Mongo-operator key sanitizing (lib/merge.js).
//
// Rules shared by every function here:
// - Nothing is mutated: the result is new (fresh ordinary objects and arrays), and
//   later changes to it never reach the inputs.
// - Only own enumerable string keys are read (`Object.keys`); symbol keys are ignored,
//   as `JSON.stringify` ignores them; array holes are never read through a prototype.
// - JSON data only: plain objects (prototype `Object.prototype` or `null`), arrays,
//   strings, finite numbers, booleans and `null`. An object member that is `undefined` is
//   skipped (as `JSON.stringify` skips it). Functions, symbols, bigints, `NaN`,
//   `Infinity`, `undefined` in arrays and class instances (`Date`, `Map`, `Buffer`, ...)
//   are `UNSUPPORTED_VALUE`; a value that contains itself is `CYCLIC_VALUE`; nesting
//   deeper than `maxDepth` is `INPUT_TOO_DEEP`. Every input is checked in full, even the
//   parts the result leaves out.
// - Merges leave out the poisoning entries secure-json-parse refuses: a `__proto__` key
//   (any value), and a `constructor` key whose value is an object with an own `prototype`
//   key, whether they come from the target, a source or a patch. Any other `constructor`
//   or `prototype` key (a string, a number, an object without `prototype`, a lone
//   `prototype` key) is data and is kept, written as an own data property (never through
//   a prototype or a setter).

import type { JsonValue } from './json';

/** `maxDepth`: deepest nesting of arrays and objects accepted (`[]` is 1). Default 128, at most 256. */
export interface DepthOptions {
  maxDepth?: number;
}

/** Options of {@link createMerge}. */
export interface MergeOptions extends DepthOptions {
  /** When both sides hold an array: `'replace'` (default) keeps the source's, `'concat'` appends it. */
  arrays?: 'replace' | 'concat';
}

/**
 * Deep-merges `sources` into a copy of `target`, left to right, and returns the result.
 * Object into object merges key by key; any other pair takes the source's value (arrays
 * are replaced, not merged by index). `undefined` and `null` sources are skipped; a
 * `null` member of a source replaces the target's value.
 *
 * Differences from lodash.merge: the target is not mutated; arrays are replaced (lodash
 * merges them index by index); a `constructor` key holding an object with a `prototype`
 * key is dropped too, not only `__proto__`; non-JSON values are errors. From deepmerge: arrays are replaced by
 * default (deepmerge concatenates; use `createMerge({ arrays: 'concat' })`); class
 * instances are errors, not copied by reference.
 *
 * @throws {BulwarkError} `UNSUPPORTED_VALUE`, `CYCLIC_VALUE`, `INPUT_TOO_DEEP`.
 */
export declare function merge<T = any>(target: T, ...sources: unknown[]): any;

/**
 * A {@link merge} function with options, checked once here:
 * `createMerge({ arrays: 'concat' })(defaults, overrides)`.
 * @throws {BulwarkError} `INVALID_OPTIONS`.
 */
export declare function createMerge(options?: MergeOptions): (target: unknown, ...sources: unknown[]) => any;

/**
 * RFC 7386 JSON Merge Patch: returns `target` with `patch` applied. An object patch edits
 * an object (a non-object target becomes `{}` first): a `null` member deletes the key,
 * any other member is merge-patched into it; any non-object patch replaces the target.
 * @throws {BulwarkError} `UNSUPPORTED_VALUE`, `CYCLIC_VALUE`, `INPUT_TOO_DEEP`, `INVALID_OPTIONS`.
 */
export declare function mergePatch(target: unknown, patch: unknown, options?: DepthOptions): any;

/** Options of {@link findUnsafeKeys}: express-mongo-sanitize's `allowDots`. */
export interface FindUnsafeKeysOptions extends DepthOptions {
  /** Keys containing `.` are fine; only a leading `$` is unsafe. Default `false`. */
  allowDots?: boolean;
}

/** Options of {@link sanitizeKeys}: express-mongo-sanitize's. */
export interface SanitizeKeysOptions extends FindUnsafeKeysOptions {
  /**
   * Rename unsafe keys instead of removing them: the leading `$` and every `.` become
   * this text (literally: `$&`-style patterns mean nothing). It must not start with `$`
   * nor contain `.`; `''` removes, as the default does.
   */
  replaceWith?: string;
}

/**
 * Returns `value` without the keys MongoDB reads as operators or paths: keys that start
 * with `$`, or contain `.` (unless `allowDots`), at any depth, inside arrays too, as
 * express-mongo-sanitize's `sanitize` does. With `replaceWith` they are renamed instead;
 * a renamed key overwrites an original key of the same name (as there), and one whose
 * rename makes a poisoning entry (`__proto__`, or `constructor` holding an object with a
 * `prototype` key) is dropped. Deviation: express-mongo-sanitize also drops renames to a
 * data `constructor` or `prototype` key; here they are kept as data.
 *
 * Differences from express-mongo-sanitize: the input is never mutated (so it also works
 * on Express 5's getter-only `req.query`: assign the result to a new variable); a
 * `replaceWith` that express-mongo-sanitize would silently ignore is `INVALID_OPTIONS`;
 * class instances are `UNSUPPORTED_VALUE` instead of being walked; nesting is bounded.
 *
 * @throws {BulwarkError} `UNSUPPORTED_VALUE`, `CYCLIC_VALUE`, `INPUT_TOO_DEEP`, `INVALID_OPTIONS`.
 */
export declare function sanitizeKeys<T = JsonValue>(value: T, options?: SanitizeKeysOptions): T;

/**
 * The path (object keys and array indexes) of every key {@link sanitizeKeys} would remove,
 * in document order, including unsafe keys nested under unsafe keys and keys whose value is
 * `undefined`. Empty exactly when express-mongo-sanitize's `has(value, allowDots)` is
 * `false`. Use it to log or reject instead of silently cleaning.
 * @throws {BulwarkError} `UNSUPPORTED_VALUE`, `CYCLIC_VALUE`, `INPUT_TOO_DEEP`, `INVALID_OPTIONS`.
 */
export declare function findUnsafeKeys(value: unknown, options?: FindUnsafeKeysOptions): Array<Array<string | number>>;
