// Argument types shared by several capabilities (lib/args.js).

/**
 * Bytes a guard accepts: a string (compared or hashed as UTF-8) or binary data.
 *
 * - A detached `ArrayBuffer` (transferred with `postMessage`/`structuredClone`), or any
 *   view on one (even a zero-length view), is refused with `BulwarkError` `INVALID_TYPE`:
 *   it reads as zero bytes and must never be taken for an empty password or secret. A
 *   genuinely empty buffer is empty input.
 * - Bytes in a `SharedArrayBuffer` are copied before a backend reads them, so another
 *   thread cannot change them mid-hash.
 *
 * Options objects (every `options` argument): only plain objects (prototype
 * `Object.prototype` or `null`) are options; a `Map`, `Date`, `RegExp`, typed array,
 * boxed primitive, Promise, class instance or object with a custom prototype is
 * `INVALID_OPTIONS`, never read as "no options". Only own properties are read.
 */
export type BytesLike = string | Uint8Array | ArrayBufferView | ArrayBuffer;
