// Type definitions for bulwark/web (web.mjs, an ES module: hence .d.mts): the Node package's functions that need no Node
// API, over the WASM build, for browsers, Deno, Bun and Cloudflare Workers (docs/web.md).
// Every function throws BACKEND_UNAVAILABLE until init() (or initSync()) has run.

/**
 * What init() loads the WASM module from: nothing (web/bulwark_wasm_bg.wasm next to the
 * module, fetched), a URL or string, a Response or a promise of one, a compiled
 * WebAssembly.Module (Cloudflare Workers, bundlers), or the .wasm bytes.
 */
export type WasmInput =
  string | URL | Request | Response | PromiseLike<Response> | WebAssembly.Module | ArrayBuffer | ArrayBufferView;

/** Loads the WASM module once (later calls return the same promise); a failed init can be retried. */
export declare function init(input?: WasmInput): Promise<void>;
export default init;

/** init() without a promise, from a compiled WebAssembly.Module or the .wasm bytes. */
export declare function initSync(moduleOrBytes: WebAssembly.Module | ArrayBuffer | ArrayBufferView): void;

/** Always the WASM build here. */
export declare const backend: 'wasm';
/** Always `bulwark/web`. */
export declare const backendReason: string;

export * from './errors.js';
export * from './common.js';
export * from './escape.js';
export * from './html.js';
export * from './compare.js';
export * from './password.js';
export * from './json.js';
export * from './merge.js';
export * from './validators.js';
export * from './sanitizers.js';
export * from './dates.js';
// Lexical path checks only: resolveWithinReal needs a file system. A relative `base` is
// PATH_INVALID here (there is no working directory).
export { resolveWithin, decodePathSegment, sanitizeFilename } from './paths.js';
export type { ResolveWithinOptions, SanitizeFilenameOptions } from './paths.js';
// Parsing and classification only: safeLookup needs DNS. IP_CATEGORIES is empty until init().
export { IP_CATEGORIES, parseIp, classifyIp, checkUrl } from './ssrf.js';
export type { IpCategory, ParsedIpAddress, CheckUrlOptions, UrlCheckResult } from './ssrf.js';
