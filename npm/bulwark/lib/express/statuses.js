'use strict';
// The HTTP answer for every BulwarkError code (docs/express.md has the table and the
// reasons). js-tests/express-errors.test.js fails when a code in lib/errors.js CODES has no
// entry here. The message is what a client sees for a 4xx that was not raised by the
// middleware itself: fixed text, so that a library error never echoes request input.

const STATUS_BY_CODE = new Map([
  // Arguments and options: the app called Bulwark wrongly, a bug to fix, never the client's.
  ['INVALID_TYPE', [500]],
  ['INVALID_OPTIONS', [500]],
  ['INTERNAL', [500]],
  ['BACKEND_UNAVAILABLE', [500]],
  ['RANDOM_UNAVAILABLE', [500]],
  // Stored password hashes come from the app's database, not from the request.
  ['INVALID_HASH', [500]],
  ['HASH_PARAMS_TOO_COSTLY', [500]],
  // merge()/sanitizeKeys() of values JSON cannot produce (functions, cycles): app data.
  ['UNSUPPORTED_VALUE', [500]],
  ['CYCLIC_VALUE', [500]],
  // Request input.
  ['INVALID_UNICODE', [400, 'the input is not well-formed Unicode']],
  ['INPUT_TOO_LARGE', [413, 'the input is too large']],
  ['INPUT_TOO_DEEP', [400, 'the input nests too deep']],
  ['INVALID_JSON', [400, 'the input is not valid JSON']],
  ['JSON_PROTO_POISONING', [400, 'the input holds a prototype key']],
  // Paths from the request. Refusals are 403 and missing files 404, as Express's own
  // `send`/serve-static answer (it maps ENOENT, ENOTDIR and ENAMETOOLONG to 404).
  ['PATH_ESCAPE', [403, 'the path is outside the allowed directory']],
  ['PATH_ABSOLUTE', [403, 'the path must be relative']],
  ['PATH_NUL', [400, 'the path is malformed']],
  ['PATH_INVALID', [400, 'the path is malformed']],
  ['PATH_NOT_FOUND', [404, 'no such file']],
  ['PATH_NOT_DIRECTORY', [404, 'no such file']],
  ['PATH_TOO_LONG', [404, 'no such file']],
  ['PATH_LOOP', [404, 'no such file']],
  // URLs and addresses from the request: a destination the server will not contact. 400,
  // not 403: no credential would make the same URL acceptable.
  ['IP_INVALID', [400, 'the address is not valid']],
  ['URL_INVALID', [400, 'the URL is not valid']],
  ['URL_SCHEME', [400, 'the URL scheme is not allowed']],
  ['URL_CREDENTIALS', [400, 'the URL must not carry credentials']],
  ['URL_HOST_NOT_ALLOWED', [400, 'the URL host is not allowed']],
  ['SSRF_BLOCKED', [400, 'the URL points to an address that is not allowed']],
  // The middleware's own codes (they carry their status and a safe message already).
  ['BODY_TOO_LARGE', [413]],
  ['BODY_INVALID', [400]],
  ['BODY_ALREADY_READ', [500]],
  ['UNSUPPORTED_CHARSET', [415]],
  ['UNSUPPORTED_ENCODING', [415]],
  ['PROTOTYPE_POLLUTION', [400]],
  ['OPERATOR_KEY', [400]],
  ['TOO_MANY_KEYS', [413]],
  ['TOO_MANY_PARAMETERS', [413]],
  ['REQUEST_REJECTED', [400]],
  ['VALIDATION_FAILED', [400]],
]);

module.exports = { STATUS_BY_CODE };
