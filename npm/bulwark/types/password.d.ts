// argon2id password hashing (lib/password.js).

import type { BytesLike } from './common';

/** argon2id parameters for new hashes. The defaults are OWASP's argon2id minimum. */
export interface HashPasswordOptions {
  /** Memory in KiB (`m`). Default 19456 (19 MiB). At most 1048576 (1 GiB). */
  memoryCost?: number;
  /** Passes over memory (`t`). Default 2. 1 to 10. */
  timeCost?: number;
  /** Lanes (`p`). Default 1. 1 to 16; `memoryCost` must be at least 8 per lane. */
  parallelism?: number;
  /** Hash length in bytes. Default 32. 16 to 64. */
  hashLength?: number;
  /** Random salt length in bytes. Default 16. 16 to 48. */
  saltLength?: number;
  /**
   * A pepper: argon2's secret key `K`, as node-argon2's and @node-rs/argon2's `secret`. Kept
   * in configuration, never stored in the hash; {@link verifyPassword} needs the same one.
   * A string is its UTF-8 bytes. At most 1024 bytes. Every copy Bulwark makes is zeroed
   * after use; your own buffer is never written.
   */
  secret?: BytesLike;
  /**
   * argon2's associated data `X`, as node-argon2's `associatedData`: written into the hash
   * as `data=<base64>` and read back from there by {@link verifyPassword}. At most 32 bytes
   * (the argon2 crate's bound). {@link needsRehash} compares it with the stored `data=`.
   */
  associatedData?: BytesLike;
}

/**
 * The most a stored hash may ask of {@link verifyPassword}. A hash's parameters come from
 * storage: unbounded, one row could ask for terabytes of memory.
 */
export interface VerifyPasswordOptions {
  /**
   * The pepper the hash was made with (see {@link HashPasswordOptions.secret}); a wrong or
   * missing one gives `false`. Associated data needs no option: it is read from the hash.
   */
  secret?: BytesLike;
  /** Maximum `m` in KiB. Default 1048576 (1 GiB). */
  maxMemoryCost?: number;
  /** Maximum `t`. Default 10. */
  maxTimeCost?: number;
  /** Maximum `p`. Default 16. */
  maxParallelism?: number;
}

/**
 * Hashes `password` with argon2id and a fresh random salt, resolving to a PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`) that node-argon2 and @node-rs/argon2
 * also verify.
 *
 * Never runs on the event loop: on the native backend it runs on the libuv threadpool, on
 * the WASM backend in a pool of `worker_threads` (each with its own WASM instance). At most
 * {@link setPasswordConcurrency} jobs run at once; the rest wait in FIFO order. The password
 * is copied when the call is made, so the caller may reuse its buffer at once.
 *
 * Rejects with `INVALID_OPTIONS` / `HASH_PARAMS_TOO_COSTLY` for bad options (a `secret`
 * over 1024 bytes or `associatedData` over 32 bytes included),
 * `INPUT_TOO_LARGE` for a password over 64 KiB, `INVALID_UNICODE` for a lone surrogate,
 * and `TypeError` for a password that is not a string or bytes.
 */
export declare function hashPassword(password: BytesLike, options?: HashPasswordOptions): Promise<string>;

/** {@link hashPassword} on the calling thread. */
export declare function hashPasswordSync(password: BytesLike, options?: HashPasswordOptions): string;

/**
 * Resolves to whether `password` matches the stored PHC `hash`; `false` for a wrong
 * password. Verifies argon2id, argon2i and argon2d hashes (v=16 and v=19); use
 * {@link needsRehash} to upgrade old ones. The final comparison is constant-time.
 *
 * Rejects with `INVALID_HASH` for a malformed hash (or one whose `data=` is over 32 bytes)
 * and `HASH_PARAMS_TOO_COSTLY` when its parameters exceed the limits (checked before any
 * hashing).
 */
export declare function verifyPassword(
  hash: string,
  password: BytesLike,
  options?: VerifyPasswordOptions,
): Promise<boolean>;

/** {@link verifyPassword} on the calling thread. */
export declare function verifyPasswordSync(hash: string, password: BytesLike, options?: VerifyPasswordOptions): boolean;

/**
 * `true` when `hash` was not made with exactly these options (or the defaults): another
 * algorithm or version, or different `m`, `t`, `p`, hash length or associated data
 * (`data=`). `secret` is accepted (pass your hashPassword options as they are) and ignored:
 * it is not in the hash. Call it after a successful verification and store a fresh hash
 * when it says so.
 * @throws {BulwarkError} `INVALID_HASH` for a malformed hash.
 */
export declare function needsRehash(hash: string, options?: HashPasswordOptions): boolean;

/**
 * How many {@link hashPassword} / {@link verifyPassword} jobs may run at once. Default:
 * `UV_THREADPOOL_SIZE - 1` (3 with Node's default pool of 4), at least 1. Jobs beyond it
 * wait in FIFO order.
 *
 * Native backend: jobs occupy the libuv threadpool, so the limit leaves a thread for fs, dns
 * and zlib. WASM backend: it is also the number of worker threads kept, each with its own
 * WASM instance. Workers start on first use, never keep the process alive while idle, and
 * one that dies is replaced (its job rejects with `INTERNAL`); lowering the limit ends the
 * idle workers beyond it. A worker whose WASM memory grew past 128 MiB ends after its job.
 * @throws {BulwarkError} `INVALID_OPTIONS` unless `n` is a positive integer.
 */
export declare function setPasswordConcurrency(n: number): void;
