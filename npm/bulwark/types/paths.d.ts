// Safe paths (lib/paths.js), on crates/bulwark-core/src/paths.rs.

/** Options of {@link resolveWithin} and {@link resolveWithinReal}. */
export interface ResolveWithinOptions {
  /**
   * Also refuse what is dangerous on Windows or for code that treats `\` as a separator:
   * backslashes (`PATH_INVALID`), drive letters and leading backslashes such as
   * `C:\x`, `c:/x` and UNC `\\server\share` (`PATH_ABSOLUTE`), `:` (alternate data streams,
   * `PATH_INVALID`), device names in any segment (`CON`, `NUL`, `COM1`, `LPT1`, `CONIN$`,
   * with any extension or trailing spaces: `nul .txt`; `PATH_INVALID`) and segments ending
   * in a dot or a space (Windows strips them, so `.. ` names the parent; `PATH_INVALID`).
   * Default `true`. With `false`, `\` is an ordinary file name character, as on POSIX.
   */
  rejectWindowsForms?: boolean;
  /**
   * Longest `userPath` and longest result, in UTF-8 bytes; longer throws
   * `INPUT_TOO_LARGE`. Default 4096 (Linux `PATH_MAX`).
   */
  maxLength?: number;
}

/**
 * Lexically resolves the untrusted relative `userPath` under `base` and returns the
 * absolute result, which always lies within `base` (or is `base` itself for `''` or `'.'`).
 *
 * POSIX semantics: `/` is the separator; `base` is the application's directory and is
 * normalized (a relative `base` is resolved against `process.cwd()`, as `path.resolve`
 * does). Nothing is decoded: pass the already-decoded value (Express route params are
 * decoded), or decode raw URL segments with {@link decodePathSegment}. The filesystem is not
 * consulted: use {@link resolveWithinReal} when symlinks inside `base` could point outside.
 *
 * Differences from the `path.resolve(base, p).startsWith(base + path.sep)` idiom (and
 * `path-is-inside`), all deliberate:
 * - a `..` that goes above `base` at any point is refused even if later segments come back
 *   (`../app/x` under `/srv/app`), since `base` may be reached through a different path;
 * - absolute user paths are refused (`PATH_ABSOLUTE`) instead of replacing `base`;
 * - NUL bytes, the Windows forms above, and strings with lone surrogates
 *   (`INVALID_UNICODE`: Node's fs would open the U+FFFD form) are refused;
 * - `base` itself is within `base`.
 * On every other input the result equals `path.resolve(base, userPath)`.
 *
 * @throws {BulwarkError} `PATH_ESCAPE`, `PATH_ABSOLUTE`, `PATH_NUL`, `PATH_INVALID`,
 *   `INPUT_TOO_LARGE`, `INVALID_UNICODE`, `INVALID_OPTIONS`.
 * @throws {TypeError} when `base` or `userPath` is not a string.
 * @example resolveWithin('/srv/app/public', req.params.file) // '/srv/app/public/img/a.png'
 */
export declare function resolveWithin(base: string, userPath: string, options?: ResolveWithinOptions): string;

/**
 * {@link resolveWithin}, then symlinks: the longest existing prefix of the result is
 * resolved with `fs.promises.realpath`, and the result must stay within the real path of
 * `base` (`PATH_ESCAPE` otherwise). Resolves to the real path, followed by the segments
 * that do not exist yet. A dangling symlink on the way is refused (`PATH_ESCAPE`): writing
 * through it could create a file anywhere.
 *
 * File-system errors reject with a `BulwarkError` whose `cause` is the original `fs` error:
 * - `PATH_NOT_FOUND` (`ENOENT`): `base` does not exist;
 * - `PATH_NOT_DIRECTORY` (`ENOTDIR`): `base` is not a directory;
 * - `PATH_LOOP` (`ELOOP`): the path goes through a symlink loop;
 * - `PATH_TOO_LONG` (`ENAMETOOLONG`): a segment or the path is longer than the file system
 *   accepts (a 256-byte segment on most Linux file systems).
 * Missing segments below `base` are not errors (they resolve as named). Other `fs` errors
 * (`EACCES`, `EIO`, ...) reject as they are.
 *
 * The check and your later use of the path are separate operations: someone who can create
 * symlinks inside `base` between the two can still redirect it.
 */
export declare function resolveWithinReal(
  base: string,
  userPath: string,
  options?: ResolveWithinOptions,
): Promise<string>;

/**
 * Percent-decodes one raw URL path segment, once (`+` stays `+`), and refuses anything that
 * could change the path's structure now or after another decoding or normalization:
 * - `PATH_NUL`: NUL, literal or `%00`;
 * - `PATH_INVALID`: `/` or `\`, literal or encoded (`%2f`, `%5C`); malformed escapes (`%zz`,
 *   a lone `%`; `decodeURIComponent` throws `URIError` for these); bytes that are not UTF-8,
 *   including overlong forms (`%c0%ae`) and encoded surrogates; text that is still
 *   percent-encoded after decoding (double encoding: `%252e`); the segment `.`;
 * - `PATH_ESCAPE`: the segment `..` (also `%2e%2e`);
 * - then the same checks on the NFKC form, so `．．`, `／`, `％２ｅ` and U+2025 `‥` are
 *   refused. The result is the decoded text itself, not its NFKC form.
 * `''` decodes to `''`. Lone surrogates throw `INVALID_UNICODE`.
 *
 * Split a raw path on `/` first and decode each segment.
 */
export declare function decodePathSegment(segment: string): string;

/** Options of {@link sanitizeFilename}. */
export interface SanitizeFilenameOptions {
  /**
   * Put in place of each removed character. Default `''`. Must hold only characters a
   * name keeps (else `INVALID_OPTIONS`).
   */
  replacement?: string;
  /**
   * Returned when nothing usable is left. Default `'_'`. Must be a name
   * `sanitizeFilename` returns unchanged (else `INVALID_OPTIONS`).
   */
  fallback?: string;
  /** Longest result in UTF-8 bytes, 1 to 255. Default 255. */
  maxBytes?: number;
  /**
   * Keep leading dots (`.htaccess`, `.env`). Default `false`: leading dots and spaces are
   * removed so that an upload cannot create a hidden or configuration file.
   */
  allowDotfiles?: boolean;
}

/**
 * Cleans an untrusted file name (an upload's original name) into one that is safe on any
 * common filesystem:
 * 1. each of `/ \ < > : " | ? *`, C0/C1 control characters, DEL, bidirectional formatting
 *    characters (U+202E, ...) and non-ASCII characters whose NFKC form holds one of these
 *    or a dot (`／`, `．`) becomes `replacement`;
 * 2. leading dots and spaces (unless `allowDotfiles`) and trailing dots and spaces are removed;
 * 3. the name is cut to `maxBytes` UTF-8 bytes at a character boundary, keeping an
 *    extension of up to 16 bytes;
 * 4. a Windows device name (`con.txt`, `LPT1`) gets a `_` prefix;
 * 5. an empty result becomes `fallback`.
 * Never returns `''`, `'.'` or `'..'`; idempotent. Lone surrogates become U+FFFD (the
 * character Node's fs would write for them).
 * @throws {BulwarkError} `INVALID_OPTIONS`.
 * @throws {TypeError} when `name` is not a string.
 */
export declare function sanitizeFilename(name: string, options?: SanitizeFilenameOptions): string;
