// Type definitions for bulwark: one file per capability in types/, as in lib/. Doc comments
// follow the Rust core's (crates/bulwark-core).

/** Which backend this process loaded: the native addon or the WASM build. */
export declare const backend: 'native' | 'wasm';

/**
 * Why this backend was chosen, in a few words for logs: where the native addon came from
 * (`native addon from bulwark-linux-x64-gnu@0.1.0`), `BULWARK_BACKEND=wasm`, or why no
 * native addon could be used before falling back to WASM. Not a stable format.
 */
export declare const backendReason: string;

export * from './types/errors';
export * from './types/common';
export * from './types/escape';
export * from './types/html';
export * from './types/compare';
export * from './types/password';
export * from './types/json';
export * from './types/merge';
export * from './types/paths';
export * from './types/ssrf';
export * from './types/validators';
export * from './types/sanitizers';
export * from './types/dates';
