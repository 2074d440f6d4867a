'use strict';

/** Every code a BulwarkError can carry. Codes are stable: never renamed once released. */
const CODES = new Set([
  'INVALID_TYPE',
  'INVALID_OPTIONS',
  'INVALID_UNICODE',
  'INPUT_TOO_LARGE',
  'INPUT_TOO_DEEP',
  'INVALID_HASH',
  'HASH_PARAMS_TOO_COSTLY',
  'RANDOM_UNAVAILABLE',
  'BACKEND_UNAVAILABLE',
  'INTERNAL',
  'INVALID_JSON',
  'JSON_PROTO_POISONING',
  'UNSUPPORTED_VALUE',
  'CYCLIC_VALUE',
  'PATH_ESCAPE',
  'PATH_ABSOLUTE',
  'PATH_NUL',
  'PATH_INVALID',
  'PATH_NOT_FOUND',
  'PATH_NOT_DIRECTORY',
  'PATH_LOOP',
  'PATH_TOO_LONG',
  'IP_INVALID',
  'URL_INVALID',
  'URL_SCHEME',
  'URL_CREDENTIALS',
  'URL_HOST_NOT_ALLOWED',
  'SSRF_BLOCKED',
  // bulwark/express middleware (lib/express): each carries its HTTP status.
  'BODY_TOO_LARGE',
  'BODY_INVALID',
  'BODY_ALREADY_READ',
  'UNSUPPORTED_CHARSET',
  'UNSUPPORTED_ENCODING',
  'PROTOTYPE_POLLUTION',
  'OPERATOR_KEY',
  'TOO_MANY_KEYS',
  'TOO_MANY_PARAMETERS',
  'REQUEST_REJECTED',
  'VALIDATION_FAILED',
]);

/** A guard's refusal. `code` is one of the stable codes above. */
class BulwarkError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'BulwarkError';
    // An own data property, as defineProperty would make it but at the cost of a plain
    // store: the prototype's writable `code` slot (below) is found before any accessor a
    // polluted Object.prototype may hold, so the assignment creates the property here.
    this.code = code;
  }
}
Object.defineProperty(BulwarkError.prototype, 'code', {
  __proto__: null,
  value: undefined,
  writable: true,
  enumerable: false,
  configurable: true,
});

/**
 * Turns an error thrown by a backend into a BulwarkError. Both bindings throw plain
 * Errors whose `code` is the core's code; a WASM trap (a Rust panic there) becomes INTERNAL.
 *
 * The WASM instance is kept after a trap, not re-instantiated: a panic there aborts (no
 * unwinding), which leaks what the call had allocated and its shadow-stack frame (and a
 * method's object stays borrowed, so it is never freed) but leaves the instance usable (js-tests/panic.test.js calls every entry point right after a panic
 * in it, and 2000 panics in a row; 100,000 were tried by hand). Re-instantiating would
 * silently invalidate the compiled objects and validator ids the JS layer caches. What a
 * trap could break for good is state held across it (a lazily built static whose
 * initializer panicked); the bindings hold no registry borrow or lock while core code runs.
 */
function fromBackend(err) {
  if (err instanceof BulwarkError) return err;
  if (err !== null && typeof err === 'object' && Object.hasOwn(err, 'code') && CODES.has(err.code)) {
    return new BulwarkError(err.code, err.message);
  }
  if (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) {
    return new BulwarkError('INTERNAL', `internal error in bulwark (wasm trap: ${err.message})`, { cause: err });
  }
  return err;
}

/** Runs a backend call, turning what it throws into a BulwarkError (see fromBackend). */
function callBackend(fn) {
  try {
    return fn();
  } catch (err) {
    throw fromBackend(err);
  }
}

module.exports = { BulwarkError, fromBackend, callBackend, CODES };
