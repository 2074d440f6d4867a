// validator.js-compatible sanitizers and Unicode normalization (lib/sanitizers.js), with
// the semantics of the Rust core (crates/bulwark-core/src/sanitizers).
//
// Same names, arguments and results as validator.js 13.x, on every string input (lone
// surrogates included), in linear time. Deviations from validator.js, each on purpose:
// - `chars` that validator.js would turn into something other than one regex character
//   class (an unescaped `]` in `blacklist`/`whitelist`, which ends its class early and makes
//   the rest of `chars` regex syntax), or into a pattern that does not compile (a trailing
//   lone backslash, a range out of order such as `z-a`), throw `BulwarkError`
//   `INVALID_OPTIONS`; validator.js builds the other regex, or throws `SyntaxError`.
// - Arguments are typed: `chars` of `blacklist`/`whitelist` must be strings (validator.js
//   turns a missing one into the class `[undefined]`); `radix` a number; `strict` and
//   `keepNewLines` booleans; `normalizeEmail` options booleans in an object with only known
//   keys, read from own properties (validator.js reads them through the prototype chain).
//   Anything else throws `TypeError` (or `INVALID_OPTIONS` for option objects).
// - `normalizeEmail` refuses lone surrogates with `INVALID_UNICODE`: its result is an
//   identity key, and ill-formed text would be stored or compared inconsistently.
// - `rtrim(str, chars)` is linear (validator.js's was quadratic: CVE-2021-3765).
// - `chars` longer than 1,048,576 UTF-16 units is `INVALID_OPTIONS` (a set of characters
//   never needs more; parsing tens of megabytes of it on every call would cost seconds).

/**
 * Removes leading and trailing whitespace (JavaScript's `\s`, as `String.prototype.trim`),
 * or, with `chars`, leading and trailing characters of `chars` (literal characters, except
 * that `-` between two of them is a range: `'a-z'`). As validator.js, an empty `chars`
 * means whitespace.
 * @throws {BulwarkError} `INVALID_OPTIONS` for a range out of order (`'z-a'`).
 * @throws {TypeError} when `input` or `chars` is not a string.
 * @example trim('  hi  ') === 'hi'; trim('--hi--', '-') === 'hi'
 */
export declare function trim(input: string, chars?: string | null): string;

/** {@link trim}, leading characters only. */
export declare function ltrim(input: string, chars?: string | null): string;

/** {@link trim}, trailing characters only; linear time. */
export declare function rtrim(input: string, chars?: string | null): string;

/**
 * Removes ASCII control characters U+0000-U+001F and U+007F; with `keepNewLines`, keeps
 * `\n` and `\r`. Other controls (U+0080-U+009F, bidi controls) are kept, as in validator.js.
 * @throws {TypeError} when `input` is not a string or `keepNewLines` not a boolean.
 */
export declare function stripLow(input: string, keepNewLines?: boolean | null): string;

/**
 * Removes every character in the regex class `[chars]`: `chars` is class syntax, as in
 * validator.js (`'a-z'`, `'\\d'`, `'\\x00-\\x1F'`, `'\\]'`; a leading `^` negates). Classes
 * are sets of UTF-16 code units, as in a non-Unicode JS regex.
 * @throws {BulwarkError} `INVALID_OPTIONS` for an unescaped `]`, a trailing lone backslash
 * or a range out of order.
 * @throws {TypeError} when `input` or `chars` is not a string.
 * @example blacklist('I like cats', 'aeiou') === 'I lk cts'
 */
export declare function blacklist(input: string, chars: string): string;

/**
 * Keeps only the characters in the regex class `[chars]` (removes `[^chars]`).
 * @throws {BulwarkError} as {@link blacklist}.
 * @throws {TypeError} when `input` or `chars` is not a string.
 * @example whitelist('+1 (555) 010-9999', '\\d') === '15550109999'
 */
export declare function whitelist(input: string, chars: string): string;

/**
 * validator.js `normalizeEmail` options; every one defaults to `true`. Unknown keys and
 * non-boolean values throw `INVALID_OPTIONS`.
 */
export interface NormalizeEmailOptions {
  /** Lowercase the local part of every address (the domain is always lowercased). */
  all_lowercase?: boolean;
  /** Lowercase Gmail local parts (only matters when `all_lowercase` is `false`). */
  gmail_lowercase?: boolean;
  /** Remove single dots from Gmail local parts (runs of two or more dots are kept). */
  gmail_remove_dots?: boolean;
  /** Remove `+subaddress` from Gmail local parts. */
  gmail_remove_subaddress?: boolean;
  /** Turn `googlemail.com` into `gmail.com`. */
  gmail_convert_googlemaildotcom?: boolean;
  /** Lowercase Outlook.com (Hotmail, Live, MSN) local parts. */
  outlookdotcom_lowercase?: boolean;
  /** Remove `+subaddress` from Outlook.com local parts. */
  outlookdotcom_remove_subaddress?: boolean;
  /** Lowercase Yahoo local parts. */
  yahoo_lowercase?: boolean;
  /** Remove the last `-subaddress` from Yahoo local parts. */
  yahoo_remove_subaddress?: boolean;
  /** Lowercase Yandex local parts. */
  yandex_lowercase?: boolean;
  /** Turn every Yandex domain into `yandex.ru`. */
  yandex_convert_yandexru?: boolean;
  /** Lowercase iCloud local parts. */
  icloud_lowercase?: boolean;
  /** Remove `+subaddress` from iCloud local parts. */
  icloud_remove_subaddress?: boolean;
}

/**
 * The canonical form of an email address, as validator.js `normalizeEmail`: the domain
 * lowercased, the local part lowercased and stripped of subaddresses (and Gmail dots) by
 * provider rules. `false` when a provider's local part becomes empty (`'+x@gmail.com'`).
 * The address is not validated: check it with `isEmail` first.
 * @throws {BulwarkError} `INVALID_UNICODE` for a lone surrogate; `INVALID_OPTIONS`.
 * @throws {TypeError} when `email` is not a string.
 * @example normalizeEmail('Some.One+news@GoogleMail.com') === 'someone@gmail.com'
 */
export declare function normalizeEmail(email: string, options?: NormalizeEmailOptions): string | false;

/**
 * `parseInt(input, radix || 10)`, as validator.js `toInt`: `NaN` when there is no number.
 * @throws {TypeError} when `input` is not a string or `radix` not a number.
 */
export declare function toInt(input: string, radix?: number | null): number;

/**
 * `NaN` unless `input` is a float as validator.js `isFloat` (default options) sees it
 * (`[-+]?[0-9]*(.[0-9]*)?([eE][-+]?[0-9]+)?`, no whitespace), else `parseFloat(input)`.
 * @throws {TypeError} when `input` is not a string.
 */
export declare function toFloat(input: string): number;

/**
 * validator.js `toBoolean`: strict, `true` only for `'1'` and `'true'` (ASCII
 * case-insensitive); otherwise `false` only for `'0'`, `'false'` and `''`.
 * @throws {TypeError} when `input` is not a string or `strict` not a boolean.
 */
export declare function toBoolean(input: string, strict?: boolean | null): boolean;

/** A Unicode normalization form. */
export type NormalizationForm = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

/**
 * `input` in Unicode normalization form `form` (default `'NFC'`), as
 * `String.prototype.normalize`, computed by the Rust core (`unicode-normalization`, the
 * same tables on every backend and Node build). Lone surrogates are kept, as there.
 * Use `'NFKC'` before comparing identifiers (it folds fullwidth forms, ligatures, ...).
 * @throws {BulwarkError} `INVALID_OPTIONS` for another form.
 * @throws {TypeError} when `input` or `form` is not a string.
 */
export declare function normalizeUnicode(input: string, form?: NormalizationForm): string;
