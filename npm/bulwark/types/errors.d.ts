// BulwarkError and its stable codes (lib/errors.js).

/** Stable error codes carried by {@link BulwarkError}. */
export type BulwarkErrorCode =
  | 'INVALID_TYPE'
  | 'INVALID_OPTIONS'
  | 'INVALID_UNICODE'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_TOO_DEEP'
  | 'INVALID_HASH'
  | 'HASH_PARAMS_TOO_COSTLY'
  | 'RANDOM_UNAVAILABLE'
  | 'BACKEND_UNAVAILABLE'
  | 'INTERNAL'
  | 'INVALID_JSON'
  | 'JSON_PROTO_POISONING'
  | 'UNSUPPORTED_VALUE'
  | 'CYCLIC_VALUE'
  | 'PATH_ESCAPE'
  | 'PATH_ABSOLUTE'
  | 'PATH_NUL'
  | 'PATH_INVALID'
  // resolveWithinReal: file-system errors (the original error is `cause`)
  | 'PATH_NOT_FOUND'
  | 'PATH_NOT_DIRECTORY'
  | 'PATH_LOOP'
  | 'PATH_TOO_LONG'
  | 'IP_INVALID'
  | 'URL_INVALID'
  | 'URL_SCHEME'
  | 'URL_CREDENTIALS'
  | 'URL_HOST_NOT_ALLOWED'
  | 'SSRF_BLOCKED'
  // bulwark/express middleware
  | 'BODY_TOO_LARGE'
  | 'BODY_INVALID'
  | 'BODY_ALREADY_READ'
  | 'UNSUPPORTED_CHARSET'
  | 'UNSUPPORTED_ENCODING'
  | 'PROTOTYPE_POLLUTION'
  | 'OPERATOR_KEY'
  | 'TOO_MANY_KEYS'
  | 'TOO_MANY_PARAMETERS'
  | 'REQUEST_REJECTED'
  | 'VALIDATION_FAILED';

/**
 * A guard's refusal. Branch on `code`, which never changes between releases; the message
 * is for humans and never contains the rejected secret.
 * Wrong argument types throw a plain `TypeError` instead, as validator.js does.
 */
export declare class BulwarkError extends Error {
  constructor(code: BulwarkErrorCode, message: string, options?: { cause?: unknown });
  readonly name: 'BulwarkError';
  readonly code: BulwarkErrorCode;
}
