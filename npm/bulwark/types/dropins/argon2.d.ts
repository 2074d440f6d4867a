// Types for `bulwark/argon2`: node-argon2's API over Bulwark's argon2id (docs/migrating.md).
import type { BytesLike } from '../common';

export declare const argon2d: 0;
export declare const argon2i: 1;
export declare const argon2id: 2;

/** node-argon2's hash options. Defaults are node-argon2's: m=65536, t=3, p=4, 32-byte hash. */
export interface Options {
  hashLength?: number;
  timeCost?: number;
  memoryCost?: number;
  parallelism?: number;
  /** Only `argon2id` is made (other types are INVALID_OPTIONS); verify accepts every type. */
  type?: typeof argon2id;
  /** Only 0x13 is made; verify accepts 0x10 and 0x13. */
  version?: 0x13;
  /** A pepper (argon2's secret key). */
  secret?: BytesLike;
  associatedData?: BytesLike;
  /** Only `false`: raw hashes are not made. */
  raw?: false;
}

/** Resolves to the PHC string. */
export declare function hash(password: BytesLike, options?: Options): Promise<string>;
/** Resolves to whether `password` matches `digest`. */
export declare function verify(digest: string, password: BytesLike, options?: { secret?: BytesLike }): Promise<boolean>;
/** Whether `digest` was made with other parameters than `options` (node-argon2's defaults). */
export declare function needsRehash(digest: string, options?: Omit<Options, 'raw'>): boolean;
