'use strict';
// Safe paths: resolveWithin / resolveWithinReal, decodePathSegment, sanitizeFilename.
//
// resolveWithin's rules live in the core (crates/bulwark-core/src/paths.rs). Measured in
// benches/js/paths.bench.js, the work is split three ways:
// - most paths have nothing to resolve: one linear regex (`NEEDS_WORK`, no nested
//   quantifiers) finds every input that holds a dot or empty segment, a NUL, a leading `/`
//   or, with Windows forms refused, `\`, `:`, a segment ending in a dot or space or a
//   device name. Anything else is `base + '/' + userPath` as it is (3x faster than
//   path.resolve; a crossing costs more than the whole idiom).
// - short paths that need work go to `resolveInJs`, a line-by-line mirror of the core's
//   `resolve_within` (same checks in the same order, same results and error codes);
// - longer ones cross into the core, which is faster from ~64 UTF-16 units (native) or
//   ~128 (WASM).
// The test suite compares all three with the core on generated adversarial paths.
//
// Lone surrogates: both bindings would turn them into U+FFFD and Node's fs would do the
// same, so a different file than the one checked could be named; paths with them are
// refused (INVALID_UNICODE). sanitizeFilename instead replaces them with U+FFFD, since its
// job is to make any name safe.

const fs = require('node:fs');

// Loaded now, not on first use: Node compiles fs/promises lazily, and compiling it while
// Object.prototype carries accessors fails inside Node.
const fsp = fs.promises;
// Explicit options (null prototype): Node reads `encoding`/`bigint` from the options it is
// given, and from a polluted Object.prototype when it is given none.
const REALPATH_OPTIONS = Object.freeze({ __proto__: null, encoding: 'utf8' });
const LSTAT_OPTIONS = Object.freeze({ __proto__: null, bigint: false });

/** An error's own `code` (Node's fs errors have one), never a polluted Object.prototype's. */
const codeOf = (err) => (err !== null && typeof err === 'object' && Object.hasOwn(err, 'code') ? err.code : undefined);
const path = require('node:path');
const backend = require('./backend');
const { BulwarkError, callBackend: call } = require('./errors');
const { stringArg, assertWellFormed, readOptions } = require('./args');

const isBool = (v) => typeof v === 'boolean';
const isString = (v) => typeof v === 'string' && v.isWellFormed();

const RESOLVE_OPTIONS = {
  rejectWindowsForms: [isBool, 'a boolean'],
  maxLength: [(v) => Number.isInteger(v) && v >= 1 && v <= 0xffffffff, 'an integer number of bytes, at least 1'],
};
const FILENAME_OPTIONS = {
  replacement: [isString, 'a string'],
  fallback: [isString, 'a string'],
  maxBytes: [(v) => Number.isInteger(v) && v >= 1 && v <= 255, 'an integer between 1 and 255'],
  allowDotfiles: [isBool, 'a boolean'],
};

const DEFAULT_MAX_LENGTH = 4096;
/** Longest user path that needs work and is still resolved in JS (see the header comment). */
const JS_MAX_UNITS = backend.name === 'native' ? 64 : 128;

function fail(code, message) {
  throw new BulwarkError(code, message);
}

/** UTF-8 length of `s`, computed only when it could exceed `max` (a unit is at most 3 bytes). */
function exceedsBytes(s, max) {
  return s.length > max || (s.length * 3 > max && Buffer.byteLength(s, 'utf8') > max);
}

const DEVICE_STEM =
  /^(?:con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;

/** The core's `is_windows_device_name`. */
function isWindowsDeviceName(segment) {
  const dot = segment.indexOf('.');
  let end = dot === -1 ? segment.length : dot;
  while (end > 0 && segment.charCodeAt(end - 1) === 0x20) end -= 1;
  return end >= 3 && end <= 7 && DEVICE_STEM.test(segment.slice(0, end));
}

/** The core's `check_windows_segment`. */
function checkWindowsSegment(segment) {
  if (segment.includes(':'))
    fail('PATH_INVALID', "path contains ':' (a drive letter or an alternate data stream on Windows)");
  if (segment !== '.' && segment !== '..' && (segment.endsWith('.') || segment.endsWith(' '))) {
    fail('PATH_INVALID', 'a path segment ends with a dot or a space (Windows strips them)');
  }
  if (isWindowsDeviceName(segment)) fail('PATH_INVALID', 'path names a Windows device (CON, NUL, COM1, ...)');
}

/** The core's `check_windows_path`. */
function checkWindowsPath(userPath) {
  const c0 = userPath.charCodeAt(0);
  if (userPath.length >= 2 && userPath[1] === ':' && ((c0 >= 0x41 && c0 <= 0x5a) || (c0 >= 0x61 && c0 <= 0x7a))) {
    fail('PATH_ABSOLUTE', 'path starts with a Windows drive letter');
  }
  if (c0 === 0x5c) fail('PATH_ABSOLUTE', 'path starts with a backslash (a Windows root or UNC path)');
  if (userPath.includes('\\')) fail('PATH_INVALID', 'path contains a backslash (a separator on Windows)');
}

let lastBase = null;
let lastNormalized = '';

/** The base normalized as path.resolve does (`..` at the root stays at the root). */
function normalizeBase(base) {
  if (base === lastBase) return lastNormalized;
  let out = '';
  for (const segment of base.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out = out.slice(0, Math.max(0, out.lastIndexOf('/')));
    else out += `/${segment}`;
  }
  lastBase = base;
  lastNormalized = out;
  return out;
}

/** Inputs that are not simply appended to the base (see the header comment). */
const NEEDS_WORK = /\0|^\/|(?:^|\/)\.{0,2}(?:\/|$)/;
const NEEDS_WORK_WINDOWS =
  /[\0\\:]|^\/|(?:^|\/)\.{0,2}(?:\/|$)|[. ](?:\/|$)|(?:^|\/)(?:con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]) *(?:[./]|$)/i;

/**
 * Every input with a Windows form: `\`, `:`, a segment ending in a space, a segment ending
 * in a dot other than `.` and `..`, a device name. Without a match, the per-segment checks
 * cannot fail, so skipping them keeps the core's results and error order.
 */
const WINDOWS_FORMS =
  /[\\:]| (?:\/|$)|[^/.]\.+(?:\/|$)|\.\.\.(?:\/|$)|(?:^|\/)(?:con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]) *(?:[./]|$)/i;

/** The core's `resolve_within`, in JS (see the header comment). */
function resolveInJs(base, userPath, rejectWindowsForms, maxLength) {
  if (exceedsBytes(userPath, maxLength)) fail('INPUT_TOO_LARGE', `path is longer than ${maxLength} bytes`);
  if (base.includes('\0')) fail('PATH_NUL', 'base contains a NUL byte');
  if (!base.startsWith('/')) fail('PATH_INVALID', 'base must be an absolute POSIX path');
  if (userPath.includes('\0')) fail('PATH_NUL', 'path contains a NUL byte');
  if (userPath.startsWith('/')) fail('PATH_ABSOLUTE', 'path is absolute');
  const rejectWindows = rejectWindowsForms && WINDOWS_FORMS.test(userPath);
  if (rejectWindows) checkWindowsPath(userPath);
  const baseOut = normalizeBase(base);
  const segments = [];
  for (const segment of userPath.split('/')) {
    if (rejectWindows) checkWindowsSegment(segment);
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) fail('PATH_ESCAPE', 'path leaves the base directory');
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  const out = segments.length === 0 ? baseOut || '/' : `${baseOut}/${segments.join('/')}`;
  if (exceedsBytes(out, maxLength)) fail('INPUT_TOO_LARGE', `resolved path is longer than ${maxLength} bytes`);
  return out;
}

/** Checked arguments of resolveWithin / resolveWithinReal. */
const NO_OPTIONS = Object.freeze(Object.create(null));

function resolveArgs(base, userPath, options, fnName) {
  const opts = options === undefined ? NO_OPTIONS : readOptions(options, RESOLVE_OPTIONS, fnName);
  let baseStr = stringArg(base, `${fnName}: base`);
  const userStr = stringArg(userPath, `${fnName}: userPath`);
  assertWellFormed(baseStr, `${fnName}: base`);
  assertWellFormed(userStr, `${fnName}: userPath`);
  // A relative base is taken from the working directory, as path.resolve does. (The base is
  // the application's, never the user's.)
  if (!baseStr.startsWith('/') && !baseStr.includes('\0')) baseStr = path.posix.resolve(baseStr);
  return { baseStr, userStr, opts };
}

function resolveChecked({ baseStr, userStr, opts }) {
  const rejectWindows = opts.rejectWindowsForms ?? true;
  const maxLength = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  // lastBase was validated by resolveInJs; the screen sends every other error case on.
  if (
    baseStr === lastBase &&
    !exceedsBytes(userStr, maxLength) &&
    !(rejectWindows ? NEEDS_WORK_WINDOWS : NEEDS_WORK).test(userStr)
  ) {
    const out = `${lastNormalized}/${userStr}`;
    if (exceedsBytes(out, maxLength)) fail('INPUT_TOO_LARGE', `resolved path is longer than ${maxLength} bytes`);
    return out;
  }
  if (userStr.length <= JS_MAX_UNITS) return resolveInJs(baseStr, userStr, rejectWindows, maxLength);
  return call(() => backend.binding.resolveWithin(baseStr, userStr, rejectWindows, maxLength));
}

/**
 * Lexically resolves the untrusted relative `userPath` under `base`; the result always lies
 * within `base`. Throws PATH_ESCAPE, PATH_ABSOLUTE, PATH_NUL, PATH_INVALID, INPUT_TOO_LARGE.
 */
function resolveWithin(base, userPath, options) {
  return resolveChecked(resolveArgs(base, userPath, options, 'resolveWithin'));
}

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR']);

/** File-system error codes and the BulwarkError codes they become. */
const FS_CODES = new Map([
  ['ENOENT', ['PATH_NOT_FOUND', 'does not exist']],
  ['ENOTDIR', ['PATH_NOT_DIRECTORY', 'is not a directory']],
  ['ELOOP', ['PATH_LOOP', 'goes through a symlink loop']],
  ['ENAMETOOLONG', ['PATH_TOO_LONG', 'has a name longer than the file system accepts']],
]);

/**
 * A file-system error as a BulwarkError (the original is `cause`), so callers can branch on
 * a stable code; codes outside FS_CODES (EACCES, EIO, ...) stay as they are. The message
 * names what failed (`base` or `path`), not the path itself.
 */
function fsError(err, what) {
  const code = codeOf(err);
  const mapped = code === undefined ? undefined : FS_CODES.get(code);
  if (mapped === undefined) return err;
  return new BulwarkError(mapped[0], `resolveWithinReal: the ${what} ${mapped[1]} (${code})`, {
    __proto__: null,
    cause: err,
  });
}

function within(real, realBase) {
  return real === realBase || real.startsWith(realBase === '/' ? '/' : `${realBase}/`);
}

/**
 * resolveWithin, then symlinks: the longest existing prefix of the result is resolved with
 * fs.promises.realpath and the result must stay within the real path of `base`. Resolves
 * to the real path (plus the segments that do not exist yet).
 */
async function resolveWithinReal(base, userPath, options) {
  const args = resolveArgs(base, userPath, options, 'resolveWithinReal');
  const lexical = resolveChecked(args);
  const lexicalBase = resolveChecked({ ...args, userStr: '' });
  let realBase;
  try {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the resolver itself: the path is checked against the base
    realBase = await fsp.realpath(lexicalBase, REALPATH_OPTIONS);
  } catch (err) {
    throw fsError(err, 'base');
  }
  let prefix = lexical;
  const missing = [];
  let real;
  for (;;) {
    try {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the resolver itself: the path is checked against the base
      real = await fsp.realpath(prefix, REALPATH_OPTIONS);
      break;
    } catch (err) {
      if (!NOT_FOUND.has(codeOf(err)) || prefix === lexicalBase) throw fsError(err, 'path');
    }
    // realpath fails for a dangling symlink too; following it later (fs.writeFile) could
    // create a file anywhere, and where it points cannot be checked here without racing.
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the resolver itself: the path is checked against the base
    const stat = await fsp.lstat(prefix, LSTAT_OPTIONS).catch((err) => {
      if (NOT_FOUND.has(codeOf(err))) return null;
      throw fsError(err, 'path');
    });
    if (stat !== null) {
      fail('PATH_ESCAPE', 'path goes through a dangling symlink (its target cannot be proven to stay within base)');
    }
    const cut = prefix.lastIndexOf('/');
    missing.unshift(prefix.slice(cut + 1));
    prefix = prefix.slice(0, cut) || '/';
  }
  const full = missing.length === 0 ? real : `${real === '/' ? '' : real}/${missing.join('/')}`;
  if (!within(full, realBase)) fail('PATH_ESCAPE', 'path leaves the base directory through a symlink');
  return full;
}

/**
 * Percent-decodes one URL path segment once; refuses encoded or literal separators, NUL,
 * malformed escapes, invalid or overlong UTF-8, `.`/`..`, double encoding, and all of
 * these again after NFKC normalization.
 */
function decodePathSegment(segment) {
  const str = stringArg(segment, 'decodePathSegment: segment');
  assertWellFormed(str, 'decodePathSegment: segment');
  return call(() => backend.binding.decodePathSegment(str));
}

/**
 * Cleans an untrusted file name (uploads): removes separators, reserved and control
 * characters, leading and trailing dots and spaces, caps it at 255 UTF-8 bytes, renames
 * Windows device names, and never returns '', '.' or '..'.
 */
function sanitizeFilename(name, options) {
  const opts = readOptions(options, FILENAME_OPTIONS, 'sanitizeFilename');
  const str = stringArg(name, 'sanitizeFilename: name').toWellFormed();
  // Primitives, not the object: decoding an object per call cost more than the call.
  return call(() =>
    backend.binding.sanitizeFilename(str, opts.replacement, opts.fallback, opts.maxBytes, opts.allowDotfiles),
  );
}

module.exports = { resolveWithin, resolveWithinReal, decodePathSegment, sanitizeFilename };
