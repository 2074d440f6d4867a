// Prototype-pollution-safe JSON parsing (lib/json.js), secure-json-parse compatible.

/** What to do with a poisoned key: refuse the input (default), delete the key, or keep it. */
export type JsonKeyAction = 'error' | 'remove' | 'ignore';

/** Options of {@link parseJson}: secure-json-parse's, plus size and depth limits. */
export interface ParseJsonOptions {
  /** Own `__proto__` keys. Default `'error'`. */
  protoAction?: JsonKeyAction;
  /** `constructor` keys holding an object with a `prototype` key. Default `'error'`. */
  constructorAction?: JsonKeyAction;
  /**
   * Return `null` instead of throwing when a poisoned key is found (whatever the
   * actions, unless `'ignore'`). Invalid JSON and the limits still throw.
   */
  safe?: boolean;
  /** Deepest nesting of arrays and objects (`[]` is 1). Default 128, at most 256. */
  maxDepth?: number;
  /**
   * Largest input in bytes of UTF-8 (a BOM included). Default 16 MiB (16777216);
   * `Infinity` turns the limit off.
   */
  maxBytes?: number;
}

/** JSON data as `JSON.parse` returns it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Parses JSON exactly as `JSON.parse` does, then refuses (or removes) keys that would
 * pollute a prototype when the result is merged or assigned: an own `__proto__` key, or a
 * `constructor` key holding an object with a `prototype` key, at any depth, inside arrays,
 * however the key is spelled with JSON escapes (`"\u005f\u005fproto__"`), with duplicate
 * keys resolved as `JSON.parse` does (the last wins). A leading BOM is skipped.
 *
 * Compatible with secure-json-parse's `parse(text, options)`: same options, same results
 * and the same error message. Differences:
 * - Poisoning throws a `BulwarkError` with code `JSON_PROTO_POISONING` (message
 *   `'Object contains forbidden prototype property'`, as there), not a `SyntaxError`.
 * - No reviver argument; the second argument is the options.
 * - Unknown action names are `INVALID_OPTIONS` (secure-json-parse treats them as
 *   `'remove'`); `maxDepth` and `maxBytes` are new, and on by default.
 * - Binary input must be valid UTF-8 (secure-json-parse decodes it with U+FFFD
 *   replacements); only strings and binary data are accepted, never coerced.
 *
 * @throws {SyntaxError} for invalid JSON (the engine's own error, as from `JSON.parse`).
 * @throws {BulwarkError} `JSON_PROTO_POISONING` (action `'error'`), `INPUT_TOO_DEEP`,
 *   `INPUT_TOO_LARGE`, `INVALID_UNICODE` (binary input that is not UTF-8),
 *   `INVALID_OPTIONS`.
 * @throws {TypeError} when `text` is not a string or binary data.
 */
export declare function parseJson(
  text: string | Uint8Array | ArrayBufferView | ArrayBuffer,
  options?: ParseJsonOptions,
): any;
