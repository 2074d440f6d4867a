// bulwark/web: the same Rust core and the same JS layer as the Node package, as one ES
// module for browsers, Deno, Bun and Cloudflare Workers (docs/web.md). The WASM module is
// the Node WASM backend's own .wasm, bound by wasm-bindgen `--target web` (web/); the JS
// layer is lib/*.js, bundled by scripts/build-web.mjs into web/lib.mjs, so every argument
// check, cache and error code is the one Node runs. Only functions that need no Node API are
// here: not resolveWithinReal (fs), safeLookup/createSafeLookup (dns).
//
//   import { init, sanitizeHtml } from 'bulwark/web';
//   await init();                 // fetches web/bulwark_wasm_bg.wasm next to this file
//   await init(wasmModule);       // Workers: a WebAssembly.Module imported by the bundler
//   initSync(wasmModuleOrBytes);  // a Module or the .wasm bytes, no await
//
// Every function throws BACKEND_UNAVAILABLE until init() has resolved.
import initWasm, * as wasm from './web/bulwark_wasm.js';
import { createRequire } from './web/lib.mjs';

const utf8Encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF as Node's Buffer#toString does.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 length of `s` as Node's Buffer.byteLength counts it (a lone surrogate is 3 bytes). */
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

function unsupported(what) {
  return new Error(`bulwark/web: ${what} is not supported by the web build's Buffer shim`);
}

/** The part of Node's Buffer that lib/*.js uses; anything else throws. */
const BufferShim = Object.freeze({
  from(value, encodingOrOffset, length) {
    if (typeof value === 'string') {
      if (encodingOrOffset === 'utf8') return utf8Encoder.encode(value);
      if (encodingOrOffset === 'latin1') {
        const out = new Uint8Array(value.length);
        for (let i = 0; i < value.length; i++) out[i] = value.charCodeAt(i);
        return out;
      }
      throw unsupported(`Buffer.from(string, ${String(encodingOrOffset)})`);
    }
    if (
      value instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)
    ) {
      const view = new Uint8Array(value, encodingOrOffset, length);
      return {
        toString(encoding) {
          if (encoding !== 'utf8') throw unsupported(`toString(${String(encoding)})`);
          // TextDecoder refuses views on shared memory: decode a copy of those.
          return utf8Decoder.decode(value instanceof ArrayBuffer ? view : view.slice());
        },
      };
    }
    throw unsupported('Buffer.from of this value');
  },
  byteLength(s, encoding) {
    if (typeof s !== 'string' || encoding !== 'utf8') throw unsupported('Buffer.byteLength of this value');
    return utf8Length(s);
  },
});

const processShim = Object.freeze({ env: Object.freeze(Object.create(null)) });

const webBackend = { name: 'wasm', binding: wasm, reason: 'bulwark/web' };

/** Only the slow functions that have an async form in lib/password.js. */
const POOL_METHODS = new Map([
  ['hashPasswordSync', wasm.hashPasswordSync],
  ['verifyPasswordSync', wasm.verifyPasswordSync],
]);

/**
 * lib/password.js's pool, on the calling thread: each async hash runs in its own task
 * (setTimeout 0), so the page stays responsive between hashes but not during one (about
 * 50-100 ms at the default cost). Hash in a Web Worker to keep a page's thread free.
 */
const wasmPool = {
  size: 1,
  run(method, args) {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          const fn = POOL_METHODS.get(method);
          if (fn === undefined) throw new Error(`bulwark/web: unknown pool method ${method}`);
          resolve(fn(...args));
        } catch (err) {
          reject(err);
        } finally {
          // The password bytes are this job's own copy (lib/password.js): wipe them once used.
          for (const arg of args) if (arg instanceof Uint8Array) arg.fill(0);
        }
      }, 0);
    });
  },
};

const NO_MODULE = Object.freeze(Object.create(null));
let BulwarkErrorClass = null;

const externals = new Map([
  ['backend', () => webBackend],
  ['worker-pool', () => ({ wasmPool })],
  [
    'node:crypto',
    () => {
      // lib/compare.js then uses the core's constant-time compare.
      throw new Error('bulwark/web: no node:crypto');
    },
  ],
  ['node:fs', () => NO_MODULE],
  ['node:dns', () => NO_MODULE],
  [
    'node:path',
    () => ({
      posix: {
        resolve() {
          throw new BulwarkErrorClass(
            'PATH_INVALID',
            'resolveWithin: base must be an absolute path in bulwark/web (there is no working directory)',
          );
        },
      },
    }),
  ],
]);

const requireLib = createRequire(externals, { Buffer: BufferShim, process: processShim });

export const { BulwarkError } = requireLib('lib/errors.js');
BulwarkErrorClass = BulwarkError;

/** validator.js's locale lists: plain data, usable before init(). */
export const {
  isAlphaLocales,
  isAlphanumericLocales,
  isFloatLocales,
  isMobilePhoneLocales,
  isPostalCodeLocales,
  passportNumberLocales,
} = requireLib('lib/validators/tables.js');
export const { ibanLocales } = requireLib('lib/validators/iban-locales.js');

function uninitialized() {
  throw new BulwarkError('BACKEND_UNAVAILABLE', 'bulwark/web: call `await init()` before using it');
}

/** Always the WASM build here (the same names as the Node entry's). */
export const backend = 'wasm';
export const backendReason = 'bulwark/web';
export let escapeHtml = uninitialized;
export let unescapeHtml = uninitialized;
export let sanitizeHtml = uninitialized;
export let createSanitizer = uninitialized;
export let stripTags = uninitialized;
export let timingSafeEqual = uninitialized;
export let hashPassword = uninitialized;
export let hashPasswordSync = uninitialized;
export let verifyPassword = uninitialized;
export let verifyPasswordSync = uninitialized;
export let needsRehash = uninitialized;
export let setPasswordConcurrency = uninitialized;
export let parseJson = uninitialized;
export let merge = uninitialized;
export let createMerge = uninitialized;
export let mergePatch = uninitialized;
export let sanitizeKeys = uninitialized;
export let findUnsafeKeys = uninitialized;
export let resolveWithin = uninitialized;
export let decodePathSegment = uninitialized;
export let sanitizeFilename = uninitialized;
export let parseIp = uninitialized;
export let classifyIp = uninitialized;
export let checkUrl = uninitialized;
/** classifyIp's categories: an empty list until init() has resolved. */
export let IP_CATEGORIES = Object.freeze([]);
export let isEmail = uninitialized;
export let isURL = uninitialized;
export let isFQDN = uninitialized;
export let isIP = uninitialized;
export let isIPRange = uninitialized;
export let isUUID = uninitialized;
export let isInt = uninitialized;
export let isFloat = uninitialized;
export let isNumeric = uninitialized;
export let isDecimal = uninitialized;
export let isAlpha = uninitialized;
export let isAlphanumeric = uninitialized;
export let isHexadecimal = uninitialized;
export let isBase64 = uninitialized;
export let isJWT = uninitialized;
export let isISO8601 = uninitialized;
export let isPort = uninitialized;
export let isSlug = uninitialized;
export let isMongoId = uninitialized;
export let isLength = uninitialized;
export let isByteLength = uninitialized;
export let isStrongPassword = uninitialized;
export let isJSON = uninitialized;
export let isBoolean = uninitialized;
export let isMimeType = uninitialized;
export let isSemVer = uninitialized;
export let isIn = uninitialized;
export let matches = uninitialized;
export let isRgbColor = uninitialized;
export let isHSL = uninitialized;
export let isLatLong = uninitialized;
export let isMACAddress = uninitialized;
export let isDataURI = uninitialized;
export let isMagnetURI = uninitialized;
export let isMailtoURI = uninitialized;
export let isRFC3339 = uninitialized;
export let isTime = uninitialized;
export let isLocale = uninitialized;
export let isBIC = uninitialized;
export let isIBAN = uninitialized;
export let isCurrency = uninitialized;
export let isAbaRouting = uninitialized;
export let isISRC = uninitialized;
export let isISO6346 = uninitialized;
export let isFreightContainerID = uninitialized;
export let isBtcAddress = uninitialized;
export let isEthereumAddress = uninitialized;
export let contains = uninitialized;
export let equals = uninitialized;
export let isEmpty = uninitialized;
export let isAscii = uninitialized;
export let isLowercase = uninitialized;
export let isUppercase = uninitialized;
export let isFullWidth = uninitialized;
export let isHalfWidth = uninitialized;
export let isVariableWidth = uninitialized;
export let isMultibyte = uninitialized;
export let isSurrogatePair = uninitialized;
export let isWhitelisted = uninitialized;
export let isOctal = uninitialized;
export let isMD5 = uninitialized;
export let isHash = uninitialized;
export let isBase32 = uninitialized;
export let isBase58 = uninitialized;
export let isULID = uninitialized;
export let isDivisibleBy = uninitialized;
export let isHexColor = uninitialized;
export let isLuhnNumber = uninitialized;
export let isCreditCard = uninitialized;
export let isIMEI = uninitialized;
export let isEAN = uninitialized;
export let isISBN = uninitialized;
export let isISSN = uninitialized;
export let isISIN = uninitialized;
export let createValidator = uninitialized;
export let isISO31661Alpha2 = uninitialized;
export let isISO31661Alpha3 = uninitialized;
export let isISO31661Numeric = uninitialized;
export let isISO4217 = uninitialized;
export let isISO15924 = uninitialized;
export let isISO6391 = uninitialized;
export let isMobilePhone = uninitialized;
export let isPostalCode = uninitialized;
export let isLicensePlate = uninitialized;
export let isPassportNumber = uninitialized;
export let isVAT = uninitialized;
export let isDate = uninitialized;
export let isIdentityCard = uninitialized;
export let isTaxID = uninitialized;
export let trim = uninitialized;
export let ltrim = uninitialized;
export let rtrim = uninitialized;
export let stripLow = uninitialized;
export let blacklist = uninitialized;
export let whitelist = uninitialized;
export let normalizeEmail = uninitialized;
export let toInt = uninitialized;
export let toFloat = uninitialized;
export let toBoolean = uninitialized;
export let normalizeUnicode = uninitialized;
export let toDate = uninitialized;
export let isBefore = uninitialized;
export let isAfter = uninitialized;

/** Runs lib/*.js over the initialized module and binds the exports above. */
function install() {
  ({ escapeHtml, unescapeHtml } = requireLib('lib/escape.js'));
  ({ sanitizeHtml, createSanitizer, stripTags } = requireLib('lib/html.js'));
  ({ timingSafeEqual } = requireLib('lib/compare.js'));
  ({ hashPassword, hashPasswordSync, verifyPassword, verifyPasswordSync, needsRehash, setPasswordConcurrency } =
    requireLib('lib/password.js'));
  ({ parseJson } = requireLib('lib/json.js'));
  ({ merge, createMerge, mergePatch, sanitizeKeys, findUnsafeKeys } = requireLib('lib/merge.js'));
  ({ resolveWithin, decodePathSegment, sanitizeFilename } = requireLib('lib/paths.js'));
  ({ parseIp, classifyIp, checkUrl, IP_CATEGORIES } = requireLib('lib/ssrf.js'));
  ({
    isEmail,
    isURL,
    isFQDN,
    isIP,
    isIPRange,
    isUUID,
    isInt,
    isFloat,
    isNumeric,
    isDecimal,
    isAlpha,
    isAlphanumeric,
    isHexadecimal,
    isBase64,
    isJWT,
    isISO8601,
    isPort,
    isSlug,
    isMongoId,
    isLength,
    isByteLength,
    isStrongPassword,
    isJSON,
    isBoolean,
    isMimeType,
    isSemVer,
    isIn,
    matches,
    isRgbColor,
    isHSL,
    isLatLong,
    isMACAddress,
    isDataURI,
    isMagnetURI,
    isMailtoURI,
    isRFC3339,
    isTime,
    isLocale,
    isBIC,
    isIBAN,
    isCurrency,
    isAbaRouting,
    isISRC,
    isISO6346,
    isFreightContainerID,
    isBtcAddress,
    isEthereumAddress,
    contains,
    equals,
    isEmpty,
    isAscii,
    isLowercase,
    isUppercase,
    isFullWidth,
    isHalfWidth,
    isVariableWidth,
    isMultibyte,
    isSurrogatePair,
    isWhitelisted,
    isOctal,
    isMD5,
    isHash,
    isBase32,
    isBase58,
    isULID,
    isDivisibleBy,
    isHexColor,
    isLuhnNumber,
    isCreditCard,
    isIMEI,
    isEAN,
    isISBN,
    isISSN,
    isISIN,
    createValidator,
    isISO31661Alpha2,
    isISO31661Alpha3,
    isISO31661Numeric,
    isISO4217,
    isISO15924,
    isISO6391,
    isMobilePhone,
    isPostalCode,
    isLicensePlate,
    isPassportNumber,
    isVAT,
    isDate,
    isIdentityCard,
    isTaxID,
  } = requireLib('lib/validators/index.js'));
  ({ trim, ltrim, rtrim, stripLow, blacklist, whitelist, normalizeEmail, toInt, toFloat, toBoolean, normalizeUnicode } =
    requireLib('lib/sanitizers.js'));
  ({ toDate, isBefore, isAfter } = requireLib('lib/dates.js'));
}

let ready = null;
let installed = false;

function finish() {
  if (!installed) {
    install();
    installed = true;
  }
}

/**
 * Loads the WASM module, once; later calls return the same promise. `input` is what
 * wasm-bindgen's init takes: nothing (fetch web/bulwark_wasm_bg.wasm next to this module),
 * a URL or string, a Response or a promise of one, a WebAssembly.Module (Cloudflare
 * Workers, bundlers), or the .wasm bytes. A failed init can be retried.
 */
export function init(input) {
  if (ready === null) {
    ready = initWasm(input === undefined ? undefined : { module_or_path: input }).then(
      () => finish(),
      (err) => {
        ready = null;
        throw new BulwarkError('BACKEND_UNAVAILABLE', `bulwark/web: the WASM module did not load: ${err.message}`, {
          cause: err,
        });
      },
    );
  }
  return ready;
}

/** init() without a promise, from a WebAssembly.Module or the .wasm bytes. */
export function initSync(moduleOrBytes) {
  if (!installed) {
    wasm.initSync({ module: moduleOrBytes });
    finish();
    ready = Promise.resolve();
  }
}

export default init;
