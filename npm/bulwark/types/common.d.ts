// Argument types shared by several capabilities (lib/args.js).

/** Bytes a guard accepts: a string (compared or hashed as UTF-8) or binary data. */
export type BytesLike = string | Uint8Array | ArrayBufferView | ArrayBuffer;
