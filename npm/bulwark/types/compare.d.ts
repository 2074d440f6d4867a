// Constant-time comparison (lib/compare.js).

import type { BytesLike } from './common';

/**
 * `true` when `a` and `b` hold the same bytes, in time that depends only on the longer
 * length: no early exit at the first difference. Different lengths give `false` (Node's
 * `crypto.timingSafeEqual` throws there). Strings are compared as UTF-8.
 * @throws {BulwarkError} `INVALID_UNICODE` for a string with a lone surrogate;
 * `INVALID_TYPE` for a detached buffer or a view on one (see {@link BytesLike}).
 * @throws {TypeError} for anything but a string or binary data.
 */
export declare function timingSafeEqual(a: BytesLike, b: BytesLike): boolean;
