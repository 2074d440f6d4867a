// Validators (lib/validators): validator.js 13.x names, call shapes, options and results,
// decided in linear time by the Rust core (crates/bulwark-core/src/validators).
//
// Common to every validator:
// - A non-string input throws `TypeError`, as validator.js does (String objects are read
//   by value).
// - Options are read from own properties only; an unknown key, a wrong type or an invalid
//   value (unknown locale or version, a pattern the linear-time engine cannot run) throws
//   `BulwarkError` `INVALID_OPTIONS`. validator.js ignores, coerces or throws a plain `Error`.
// - A string with a lone surrogate is never checked in a U+FFFD-replaced form: `isLength`,
//   `isJSON`, `isIn`, `isStrongPassword` and the code-unit checks (`contains`, `equals`,
//   `isLowercase`, `isUppercase`, the width checks, `isMultibyte`, `isSurrogatePair`,
//   `isWhitelisted`) answer as validator.js does; every other
//   validator answers `false` (validator.js also answers false for most, but throws
//   `URIError` in `isByteLength`/`isEmail`, and accepts lone surrogates in `isEmail`,
//   `isURL` and `isFQDN` host labels, URL paths, `isAlpha`'s `ignore` and `matches`).
// - Patterns given as options run on the `regex` crate (finite automata): see `matches`.
//
// Deviations from validator.js are listed on each function and in README "Validators".

export * from './validator-locales';
export * from './iban-locales';
import type {
  AlphaLocale,
  AlphanumericLocale,
  FloatLocale,
  IdentityCardLocale,
  LicensePlateLocale,
  MobilePhoneLocale,
  PassportCountryCode,
  PostalCodeLocale,
  TaxIdLocale,
  VatCountryCode,
} from './validator-locales';
import type { IbanLocale } from './iban-locales';

/** A host list entry of `isEmail` / `isURL`: an exact host, or a RegExp tested on it. */
export type HostPattern = string | RegExp;

/** `isEmail` options (validator.js names and defaults). */
export interface IsEmailOptions {
  /** Also match `Display Name <address>`. Default `false`. */
  allow_display_name?: boolean;
  /** Only match `Display Name <address>`. Default `false`. */
  require_display_name?: boolean;
  /** Allow non-ASCII characters in the local part. Default `true`. */
  allow_utf8_local_part?: boolean;
  /** Require a top-level domain. Default `true`. */
  require_tld?: boolean;
  /** Allow `user@1.2.3.4` and `user@[::1]`. Default `false`. */
  allow_ip_domain?: boolean;
  /** Allow underscores in the domain. Default `false`. */
  allow_underscores?: boolean;
  /** Apply Gmail's local-part rules to gmail.com / googlemail.com. Default `false`. */
  domain_specific_validation?: boolean;
  /** Characters refused in the local part (a regex character-class body, as in validator.js). */
  blacklisted_chars?: string;
  /** Skip the 254 / 64 / 254 length limits. Default `false`. */
  ignore_max_length?: boolean;
  /** Domains (lowercased) refused. */
  host_blacklist?: HostPattern[];
  /** The only domains (lowercased) accepted. */
  host_whitelist?: HostPattern[];
}

/**
 * `true` when `str` is an email address, as validator.js `isEmail` decides. Display names
 * are found by a linear scan (validator.js's display-name regex is a ReDoS shape).
 */
export declare function isEmail(str: string, options?: IsEmailOptions): boolean;

/** `isFQDN` options (validator.js names and defaults). */
export interface IsFQDNOptions {
  /** Require at least two labels and a TLD of letters (or `xn--`). Default `true`. */
  require_tld?: boolean;
  /** Default `false`. */
  allow_underscores?: boolean;
  /** Ignore one trailing dot. Default `false`. */
  allow_trailing_dot?: boolean;
  /** Default `false`. */
  allow_numeric_tld?: boolean;
  /** Ignore a leading `*.`. Default `false`. */
  allow_wildcard?: boolean;
  /** Allow labels over 63 characters. Default `false`. */
  ignore_max_length?: boolean;
}

/** `true` when `str` is a fully qualified domain name, as validator.js `isFQDN` decides. */
export declare function isFQDN(str: string, options?: IsFQDNOptions): boolean;

/** `isURL` options (validator.js names and defaults); the host is checked with the FQDN options here. */
export interface IsURLOptions extends IsFQDNOptions {
  /** Allowed schemes, lowercase. Default `['http', 'https', 'ftp']`. */
  protocols?: string[];
  /** Default `false`: `example.com` is a URL. */
  require_protocol?: boolean;
  /** Default `true`. */
  require_host?: boolean;
  /** Default `false`. */
  require_port?: boolean;
  /** The scheme must be in `protocols`. Default `true`. */
  require_valid_protocol?: boolean;
  /** Allow `//host/path`. Default `false`. */
  allow_protocol_relative_urls?: boolean;
  /** Default `true`. */
  allow_fragments?: boolean;
  /** Default `true`. */
  allow_query_components?: boolean;
  /** Refuse `user:password@`. Default `false`. */
  disallow_auth?: boolean;
  /** Refuse URLs longer than `max_allowed_length`. Default `true`. */
  validate_length?: boolean;
  /** Default 2084. */
  max_allowed_length?: number;
  /** When set, the result is whether the host matches (`[]` matches nothing). `false`: none. */
  host_whitelist?: HostPattern[] | false;
  /** Hosts refused. `false`: none. */
  host_blacklist?: HostPattern[] | false;
}

/**
 * `true` when `str` is a URL, as validator.js `isURL` decides, except (deviation, CVE-2025-56200
 * class): `javascript:`, `vbscript:` and `data:` URLs are never valid unless the scheme is
 * listed in `protocols` (validator.js 13.15 still accepts `javascript:alert@example.com`,
 * `javascript:1` with `require_tld: false`, and any scheme with `require_valid_protocol: false`).
 */
export declare function isURL(str: string, options?: IsURLOptions): boolean;

/** An IP version: `4`, `6`, `'4'`, `'6'`; falsy means either. */
export type IPVersion = 4 | 6 | '4' | '6' | '' | 0 | null;

/**
 * `true` when `str` is an IP address, as validator.js `isIP` decides: strict dotted-quad
 * IPv4 (no leading zeros, no octal/hex/short forms), any RFC 4291 IPv6 text form with an
 * optional `%zone`.
 */
export declare function isIP(str: string, version?: IPVersion | { version?: IPVersion }): boolean;

/** `true` when `str` is `address/prefix` (CIDR), as validator.js `isIPRange` decides. */
export declare function isIPRange(str: string, version?: IPVersion): boolean;

/** A UUID version for {@link isUUID}. */
export type UUIDVersion =
  1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | 'nil' | 'max' | 'all' | 'loose';

/** `true` when `str` is a UUID of `version` (default `'all'`), as validator.js `isUUID` decides. */
export declare function isUUID(str: string, version?: UUIDVersion | null): boolean;

/** Numeric bounds (`null` ignores a bound, as in validator.js). */
export interface NumberBounds {
  /** Inclusive lower bound. */
  min?: number | null;
  /** Inclusive upper bound. */
  max?: number | null;
  /** Exclusive upper bound. */
  lt?: number | null;
  /** Exclusive lower bound. */
  gt?: number | null;
}

/** `isInt` options. */
export interface IsIntOptions extends NumberBounds {
  /** `false` refuses `007`. Default `true`. */
  allow_leading_zeroes?: boolean;
}

/** `true` when `str` is a decimal integer within the bounds, as validator.js `isInt` decides. */
export declare function isInt(str: string, options?: IsIntOptions): boolean;

/** `isFloat` options. */
export interface IsFloatOptions extends NumberBounds {
  /** Decimal separator locale (validator.js `isFloatLocales`). Default `'en-US'` (`.`). */
  locale?: string;
}

/** `true` when `str` is a float within the bounds, as validator.js `isFloat` decides. */
export declare function isFloat(str: string, options?: IsFloatOptions): boolean;

/** `isNumeric` options. */
export interface IsNumericOptions {
  /** Digits only (no sign or separator). Default `false`. */
  no_symbols?: boolean;
  /** Decimal separator locale. Default `'en-US'`. */
  locale?: string;
}

/** `true` when `str` contains only a number, as validator.js `isNumeric` decides. */
export declare function isNumeric(str: string, options?: IsNumericOptions): boolean;

/** `isDecimal` options. */
export interface IsDecimalOptions {
  /** Require a separator and fraction. Default `false`. */
  force_decimal?: boolean;
  /** Fraction digits: `'1,'` (default), `'1,3'` or `'3'`. Anything else is INVALID_OPTIONS (validator.js pastes it into a regex). */
  decimal_digits?: string;
  /** Decimal separator locale. Default `'en-US'`. */
  locale?: string;
}

/** `true` when `str` is a decimal number, as validator.js `isDecimal` decides. */
export declare function isDecimal(str: string, options?: IsDecimalOptions): boolean;

/** `isAlpha` / `isAlphanumeric` options. */
export interface IsAlphaOptions {
  /**
   * Characters removed before the check (as in validator.js, an `s` in the string removes
   * whitespace, not the letter), or a RegExp whose matches are removed (a sticky `y`
   * RegExp is INVALID_OPTIONS).
   */
  ignore?: string | RegExp;
}

/**
 * `true` when `str` holds only letters of `locale` (default `'en-US'`; every validator.js
 * locale, `isAlphaLocales`), as validator.js `isAlpha` decides, case folded per code unit as
 * JS regexes do.
 */
export declare function isAlpha(str: string, locale?: string, options?: IsAlphaOptions): boolean;

/** `true` when `str` holds only letters and digits of `locale`, as validator.js `isAlphanumeric` decides. */
export declare function isAlphanumeric(str: string, locale?: string, options?: IsAlphaOptions): boolean;

/** `true` when `str` is hexadecimal (optional `0x`/`0h` prefix), as validator.js `isHexadecimal` decides. */
export declare function isHexadecimal(str: string): boolean;

/** `isBase64` options. */
export interface IsBase64Options {
  /** The `-_` alphabet. Default `false`. */
  urlSafe?: boolean;
  /** Length a multiple of 4 with up to two `=`. Default `!urlSafe`. */
  padding?: boolean;
}

/** `true` when `str` is base64 (the empty string is), as validator.js `isBase64` decides. */
export declare function isBase64(str: string, options?: IsBase64Options): boolean;

/** `true` when `str` is three dot-separated base64url parts, as validator.js `isJWT` decides (nothing is decoded or verified). */
export declare function isJWT(str: string): boolean;

/** `isISO8601` options. */
export interface IsISO8601Options {
  /** Refuse dates that do not exist (`2009-02-29`). Default `false`. */
  strict?: boolean;
  /** Only `T` separates date and time. Default `false`. */
  strictSeparator?: boolean;
}

/**
 * `true` when `str` is an ISO 8601 date, as validator.js `isISO8601` decides (its
 * back-references and look-aheads restructured into linear code).
 */
export declare function isISO8601(str: string, options?: IsISO8601Options): boolean;

/** `true` when `str` is a port number 0-65535 without leading zeros, as validator.js `isPort` decides. */
export declare function isPort(str: string): boolean;

/** `true` when `str` is a slug, as validator.js `isSlug` decides (one pass, no look-ahead). */
export declare function isSlug(str: string): boolean;

/** `true` when `str` is 24 hex digits (a MongoDB ObjectId), as validator.js `isMongoId` decides. */
export declare function isMongoId(str: string): boolean;

/** `isLength` options. */
export interface IsLengthOptions {
  /** Default 0. */
  min?: number;
  /** Default none. */
  max?: number;
  /** When set, the length must also be one of these. */
  discreteLengths?: number[];
}

/**
 * `true` when the length of `str` is within the range, as validator.js `isLength` counts it:
 * UTF-16 units, an astral character once, a character plus variation selector once, and
 * stacked selectors each (the CVE-2025-12758 fix). Also the legacy `(str, min, max)` form.
 */
export declare function isLength(str: string, options?: IsLengthOptions): boolean;
export declare function isLength(str: string, min: number, max?: number): boolean;

/** `isByteLength` options. */
export interface IsByteLengthOptions {
  /** Default 0. */
  min?: number;
  /** Default none. */
  max?: number;
}

/**
 * `true` when the UTF-8 length of `str` is within the range, as validator.js
 * `isByteLength` decides. Called without options it is `false` for every string, as in
 * validator.js (its legacy reading compares with an undefined minimum): pass `{}` for no
 * bounds. Lone surrogates: `false` (validator.js throws `URIError`).
 */
export declare function isByteLength(str: string, options?: IsByteLengthOptions): boolean;
export declare function isByteLength(str: string, min: number, max?: number): boolean;

/** `isStrongPassword` thresholds and scoring (validator.js names and defaults). */
export interface IsStrongPasswordOptions {
  /** Default 8 (UTF-16 units). */
  minLength?: number;
  /** Default 1. */
  minLowercase?: number;
  /** Default 1. */
  minUppercase?: number;
  /** Default 1. */
  minNumbers?: number;
  /** Default 1. */
  minSymbols?: number;
  /** Return the score instead of a boolean. Default `false`. */
  returnScore?: boolean;
  /** Default 1. */
  pointsPerUnique?: number;
  /** Default 0.5. */
  pointsPerRepeat?: number;
  /** Default 10. */
  pointsForContainingLower?: number;
  /** Default 10. */
  pointsForContainingUpper?: number;
  /** Default 10. */
  pointsForContainingNumber?: number;
  /** Default 10. */
  pointsForContainingSymbol?: number;
}

/**
 * Whether `str` meets the thresholds, or its score with `returnScore`, as validator.js
 * `isStrongPassword` decides (letters and digits are ASCII; symbols are ASCII punctuation,
 * space and `£`).
 */
export declare function isStrongPassword(str: string, options: IsStrongPasswordOptions & { returnScore: true }): number;
export declare function isStrongPassword(
  str: string,
  options?: IsStrongPasswordOptions & { returnScore?: false },
): boolean;
export declare function isStrongPassword(str: string, options?: IsStrongPasswordOptions): boolean | number;

/** `isJSON` options. */
export interface IsJSONOptions {
  /** Also accept `true`, `false` and `null`. Default `false`. */
  allow_primitives?: boolean;
  /** Accept any JSON text (numbers and strings too). Default `false`. */
  allow_any_value?: boolean;
}

/**
 * `true` when `str` is JSON text whose top level is an object or array, as validator.js
 * `isJSON` decides; checked without building it (any depth, no recursion).
 */
export declare function isJSON(str: string, options?: IsJSONOptions): boolean;

/** `isBoolean` options. */
export interface IsBooleanOptions {
  /** Also `yes`/`no`, any case. Default `false`. */
  loose?: boolean;
}

/** `true` when `str` is `true`, `false`, `1` or `0`, as validator.js `isBoolean` decides. */
export declare function isBoolean(str: string, options?: IsBooleanOptions): boolean;

/** `true` when `str` has the shape of a MIME type, as validator.js `isMimeType` decides. */
export declare function isMimeType(str: string): boolean;

/** `true` when `str` is a SemVer 2.0.0 version, as validator.js `isSemVer` decides. */
export declare function isSemVer(str: string): boolean;

/**
 * `true` when `str` is one of `values` (an array, elements converted with validator.js's
 * toString) or an own key of `values` (an object); no values (undefined), a number or a
 * boolean are in nothing (`false`), as in validator.js. Deviation: a string `values` (validator.js
 * then tests for a substring, so `isIn('', 'abc')` is true) throws `TypeError`.
 *
 * Bounds: at most 100,000 values (array length or own keys), counting the elements of
 * nested arrays, which may nest at most 32 deep (validator.js joins them with `,`).
 * @throws {BulwarkError} `INPUT_TOO_LARGE` above 100,000 values (checked before any is
 * read, so `new Array(2 ** 32 - 1)` fails at once); `INPUT_TOO_DEEP` for deeper nesting.
 */
export declare function isIn(str: string, values?: readonly unknown[] | object | number | boolean): boolean;

/**
 * `true` when `pattern` matches in `str` (`matches('foo', /fo+/)` or
 * `matches('foo', 'fo+', 'i')`), on the linear-time `regex` crate. Look-around,
 * back-references and legacy octal escapes are `INVALID_OPTIONS` (never run on a
 * backtracking engine), as are the `v` flag and patterns with lone surrogates. Flags: `i`,
 * `m`, `s`, `u`, `g`, `y` (anchored at the start), `d`. Meanings follow JS: `\d` `\w` `\b`
 * are ASCII, `\s` is JS whitespace, `.` excludes line terminators, without `u` the pattern
 * sees UTF-16 code units (`/^.$/` does not match `'😀'`) and `i` folds case as JS does
 * (`/s/i` does not match `ſ`). Deviations: with `m`, `^`/`$` treat `\n` and `\r` as line
 * ends but not U+2028/U+2029; with `u` and `i`, `\b` stays ASCII; no `lastIndex` state.
 * Strings with lone surrogates never match. Compiled patterns are cached per RegExp object.
 */
export declare function matches(str: string, pattern: RegExp | string, modifiers?: string): boolean;

/** `isISO31661Alpha2` / `isISO31661Alpha3` options. */
export interface IsISO31661Options {
  /**
   * Extra codes that count as valid (user-assigned codes such as `'XK'`); entries that are
   * not 2 (alpha-2) or 3 (alpha-3) ASCII letters are ignored, as in validator.js.
   */
  userAssignedCodes?: readonly string[];
}

/**
 * `true` when `str` (any case: `str.toUpperCase()`, so `'ß'` reads as `'SS'`) is an ISO
 * 3166-1 alpha-2 country code or a user-assigned one, as validator.js `isISO31661Alpha2` decides.
 */
export declare function isISO31661Alpha2(str: string, options?: IsISO31661Options): boolean;

/** `true` when `str` (any case) is an ISO 3166-1 alpha-3 country code, as validator.js `isISO31661Alpha3` decides. */
export declare function isISO31661Alpha3(str: string, options?: IsISO31661Options): boolean;

/** `true` when `str` is an ISO 3166-1 numeric country code (`'250'`), as validator.js `isISO31661Numeric` decides. */
export declare function isISO31661Numeric(str: string): boolean;

/** `true` when `str` (any case) is an ISO 4217 currency code, as validator.js `isISO4217` decides. */
export declare function isISO4217(str: string): boolean;

/** `true` when `str` is an ISO 15924 script code (exact case: `'Latn'`), as validator.js `isISO15924` decides. */
export declare function isISO15924(str: string): boolean;

/** `true` when `str` is an ISO 639-1 language code (lower case), as validator.js `isISO6391` decides. */
export declare function isISO6391(str: string): boolean;

/** `isMobilePhone` options. */
export interface IsMobilePhoneOptions {
  /** The number must start with `+`. Default `false`. */
  strictMode?: boolean;
}

/**
 * `true` when `str` is a mobile phone number of `locale` (one, an array of them, or
 * `'any'`; a missing or empty locale means `'any'`), as validator.js `isMobilePhone` decides.
 * Deviation: an unknown locale, also inside an array (validator.js skips those), is
 * `INVALID_OPTIONS`.
 */
export declare function isMobilePhone(
  str: string,
  locale?: MobilePhoneLocale | 'any' | readonly MobilePhoneLocale[] | null | '',
  options?: IsMobilePhoneOptions,
): boolean;

/** `true` when `str` is a postal code of `locale` (or of any country), as validator.js `isPostalCode` decides. */
export declare function isPostalCode(str: string, locale: PostalCodeLocale | 'any'): boolean;

/** `true` when `str` is a license plate of `locale` (or of any), as validator.js `isLicensePlate` decides. */
export declare function isLicensePlate(str: string, locale: LicensePlateLocale | 'any'): boolean;

/**
 * `true` when `str` (whitespace removed, upper-cased) is a passport number of `countryCode`,
 * as validator.js `isPassportNumber` decides. Deviation: an unknown code (validator.js:
 * `false`) or a known one in lower case (validator.js: `TypeError`) is `INVALID_OPTIONS`.
 */
export declare function isPassportNumber(str: string, countryCode: PassportCountryCode): boolean;

/** `true` when `str` is a VAT number of `countryCode` (with the AU, CH and PT checksums), as validator.js `isVAT` decides. */
export declare function isVAT(str: string, countryCode: VatCountryCode): boolean;

/** validator.js `isAlphaLocales`: the locales of `isAlpha` (frozen). */
export declare const isAlphaLocales: readonly AlphaLocale[];
/** validator.js `isAlphanumericLocales`: the locales of `isAlphanumeric` (frozen). */
export declare const isAlphanumericLocales: readonly AlphanumericLocale[];
/** validator.js `isFloatLocales`: the locales of `isFloat`, `isDecimal` and `isNumeric` (frozen). */
export declare const isFloatLocales: readonly FloatLocale[];
/** validator.js `isMobilePhoneLocales` (frozen). */
export declare const isMobilePhoneLocales: readonly MobilePhoneLocale[];
/** validator.js `isPostalCodeLocales` (frozen). */
export declare const isPostalCodeLocales: readonly PostalCodeLocale[];
/** validator.js `passportNumberLocales` (frozen). */
export declare const passportNumberLocales: readonly PassportCountryCode[];
/** validator.js `ibanLocales`: the countries of `isIBAN`, in its order (frozen). */
export declare const ibanLocales: readonly IbanLocale[];

/** `contains` options. */
export interface ContainsOptions {
  /** Compare the lowercased string and seed (JS `toLowerCase`). Default false. */
  ignoreCase?: boolean;
  /** How many non-overlapping occurrences are needed. Default 1. */
  minOccurrences?: number;
}

/**
 * `true` when `str` contains `seed` (converted with validator.js's toString) at least
 * `minOccurrences` times, as validator.js `contains` decides (`str.split(seed).length >
 * minOccurrences`: occurrences do not overlap, and an empty seed counts once per UTF-16 unit).
 */
export declare function contains(str: string, seed: unknown, options?: ContainsOptions): boolean;

/** `true` when `str === comparison`, as validator.js `equals` decides (a non-string never equals). */
export declare function equals(str: string, comparison: unknown): boolean;

/** `isEmpty` options. */
export interface IsEmptyOptions {
  /** A string of JS whitespace only (as `trim` removes it) counts as empty. Default false. */
  ignore_whitespace?: boolean;
}

/** `true` when `str` has length 0 (or only whitespace with `ignore_whitespace`), as validator.js `isEmpty` decides. */
export declare function isEmpty(str: string, options?: IsEmptyOptions): boolean;

/** `true` when `str` is one or more ASCII characters (U+0000-U+007F), as validator.js `isAscii` decides. */
export declare function isAscii(str: string): boolean;

/** `true` when `str === str.toLowerCase()`, as validator.js `isLowercase` decides (no cased letters passes). */
export declare function isLowercase(str: string): boolean;

/** `true` when `str === str.toUpperCase()`, as validator.js `isUppercase` decides (`ß` is not uppercase). */
export declare function isUppercase(str: string): boolean;

/**
 * `true` when `str` contains a character outside the half-width set (U+0020-U+007E,
 * U+FF61-U+FFDC, U+FFE8-U+FFEE), as validator.js `isFullWidth` decides.
 */
export declare function isFullWidth(str: string): boolean;

/** `true` when `str` contains a half-width character, as validator.js `isHalfWidth` decides. */
export declare function isHalfWidth(str: string): boolean;

/** `true` when `str` contains both full-width and half-width characters, as validator.js `isVariableWidth` decides. */
export declare function isVariableWidth(str: string): boolean;

/** `true` when `str` contains a non-ASCII character, as validator.js `isMultibyte` decides. */
export declare function isMultibyte(str: string): boolean;

/** `true` when `str` contains a character outside the BMP (a surrogate pair), as validator.js `isSurrogatePair` decides. */
export declare function isSurrogatePair(str: string): boolean;

/**
 * `true` when every UTF-16 unit of `str` occurs in `chars` (a string, or an array whose
 * one-unit strings are the allowed units), as validator.js `isWhitelisted` decides.
 * @throws {TypeError} when `chars` is neither a string nor an array.
 */
export declare function isWhitelisted(str: string, chars: string | readonly string[]): boolean;

/** `true` when `str` is octal digits with an optional `0o` prefix, as validator.js `isOctal` decides. */
export declare function isOctal(str: string): boolean;

/** `true` when `str` is 32 lowercase hex digits, as validator.js `isMD5` decides. */
export declare function isMD5(str: string): boolean;

/** A hash algorithm of `isHash`. */
export type HashAlgorithm =
  | 'md5'
  | 'md4'
  | 'sha1'
  | 'sha256'
  | 'sha384'
  | 'sha512'
  | 'ripemd128'
  | 'ripemd160'
  | 'tiger128'
  | 'tiger160'
  | 'tiger192'
  | 'crc32'
  | 'crc32b';

/**
 * `true` when `str` is a hex digest of `algorithm`'s length, as validator.js `isHash` decides.
 * Deviation: another algorithm throws `INVALID_OPTIONS` (validator.js builds a pattern like
 * `^[a-fA-F0-9]{undefined}$` that never matches a digest).
 */
export declare function isHash(str: string, algorithm: HashAlgorithm): boolean;

/** `isBase32` options. */
export interface IsBase32Options {
  /** Crockford's alphabet (no I, L, O, U; no padding; any length). Default false. */
  crockford?: boolean;
}

/** `true` when `str` is base32 (RFC 4648, padded to a multiple of 8), as validator.js `isBase32` decides. */
export declare function isBase32(str: string, options?: IsBase32Options): boolean;

/** `true` when `str` is base58 characters (the empty string too), as validator.js `isBase58` decides. */
export declare function isBase58(str: string): boolean;

/** `true` when `str` is a ULID (26 Crockford base32 characters, first 0-7, either case), as validator.js `isULID` decides. */
export declare function isULID(str: string): boolean;

/**
 * `true` when `str` is a float (validator.js `isFloat`) divisible by `parseInt(number, 10)`,
 * as validator.js `isDivisibleBy` decides (JS `%`; a divisor of 0 or NaN fails every string).
 * @throws {TypeError} when `number` is an object or a symbol.
 */
export declare function isDivisibleBy(str: string, number: number | string): boolean;

/** `isHexColor` options. */
export interface IsHexColorOptions {
  /** Require the leading `#`. Default false. */
  require_hashtag?: boolean;
}

/** `true` when `str` is a hex color (3, 4, 6 or 8 digits, optional `#`), as validator.js `isHexColor` decides. */
export declare function isHexColor(str: string, options?: IsHexColorOptions): boolean;
// Identifiers with check digits (validator.js 13.15): each answer is validator.js's;
// deviations are listed on the function.

/** `true` when `str`, spaces and hyphens removed, is digits passing the Luhn check, as validator.js `isLuhnNumber` decides. */
export declare function isLuhnNumber(str: string): boolean;

/** A card network of {@link isCreditCard} (validator.js names; matched case-insensitively). */
export type CreditCardProvider = 'amex' | 'dinersclub' | 'discover' | 'jcb' | 'mastercard' | 'unionpay' | 'visa';

/** `isCreditCard` options. */
export interface IsCreditCardOptions {
  /** Only this network's numbers (case-insensitive). Default: any. An unknown name is `INVALID_OPTIONS`. */
  provider?: CreditCardProvider | Uppercase<CreditCardProvider> | (string & {});
}

/**
 * `true` when `str` (spaces and hyphens ignored) has the shape of a card number of a known
 * network and passes the Luhn check, as validator.js `isCreditCard` decides (its mastercard
 * pattern included, whose ungrouped `|` accepts any digits before a 2-series tail).
 */
export declare function isCreditCard(str: string, options?: IsCreditCardOptions): boolean;

/** `isIMEI` options. */
export interface IsIMEIOptions {
  /** Accept only the hyphenated form `NN-NNNNNN-NNNNNN-N` (as in validator.js, the plain form is then refused). Default `false`. */
  allow_hyphens?: boolean;
}

/** `true` when `str` is a 15-digit IMEI with a valid Luhn check digit, as validator.js `isIMEI` decides. */
export declare function isIMEI(str: string, options?: IsIMEIOptions): boolean;

/** `true` when `str` is an EAN-8, EAN-13 or EAN-14 with a valid check digit, as validator.js `isEAN` decides. */
export declare function isEAN(str: string): boolean;

/** An ISBN version of {@link isISBN}. */
export type ISBNVersion = 10 | 13 | '10' | '13';

/** `isISBN` options. */
export interface IsISBNOptions {
  /** Only this version. */
  version: ISBNVersion;
}

/**
 * `true` when `str` (JS whitespace and hyphens ignored) is an ISBN-10 or ISBN-13 (only
 * `version` when given) with a valid check digit, as validator.js `isISBN` decides. Also
 * validator.js's legacy `isISBN(str, version)`. Deviations: a version other than 10 or 13,
 * and an options object without a version, are `INVALID_OPTIONS` (validator.js answers
 * `false` for every string).
 */
export declare function isISBN(str: string, options?: ISBNVersion | IsISBNOptions): boolean;

/** `isISSN` options. */
export interface IsISSNOptions {
  /** Only `NNNN-NNNC`. Default `false` (the hyphen is optional). */
  require_hyphen?: boolean;
  /** Only an uppercase `X` check digit. Default `false`. */
  case_sensitive?: boolean;
}

/** `true` when `str` is an ISSN with a valid check digit, as validator.js `isISSN` decides. */
export declare function isISSN(str: string, options?: IsISSNOptions): boolean;

/** `true` when `str` is an ISIN (securities number) with a valid check digit, as validator.js `isISIN` decides. */
export declare function isISIN(str: string): boolean;

/** `isRgbColor` options. */
export interface IsRgbColorOptions {
  /** Ignore whitespace after the leading `rgb`/`rgba` (default false). */
  allowSpaces?: boolean;
  /** Accept percentages (`rgb(10%,20%,30%)`) too (default true). */
  includePercentValues?: boolean;
}

/**
 * `true` when `str` is a CSS `rgb()`/`rgba()` color, as validator.js `isRgbColor` decides.
 * The legacy second argument `includePercentValues` (a boolean) is accepted; as there, an
 * explicit `undefined` turns percent values off.
 * @throws {TypeError} for a `null` second argument (as validator.js).
 */
export declare function isRgbColor(str: string, options?: IsRgbColorOptions | boolean): boolean;

/** `true` when `str` is a CSS `hsl()`/`hsla()` color (comma or space syntax), as validator.js `isHSL` decides. */
export declare function isHSL(str: string): boolean;

/** `isLatLong` options. */
export interface IsLatLongOptions {
  /** Degrees, minutes and seconds (`40° 26′ 46″ N`) instead of decimal degrees (default false). */
  checkDMS?: boolean;
}

/**
 * `true` when `str` is `latitude,longitude` (optionally in parentheses), as validator.js
 * `isLatLong` decides (only the first two comma-separated parts are read, as there).
 * Deviation: a string with a lone surrogate is false (validator.js's DMS form may accept one).
 */
export declare function isLatLong(str: string, options?: IsLatLongOptions): boolean;

/** `isMACAddress` options. */
export interface IsMACAddressOptions {
  /** `'48'` or `'64'` (default either). Another value is `INVALID_OPTIONS` (validator.js then accepts both). */
  eui?: '48' | '64' | 48 | 64;
  /** Bare hex digits only. */
  no_separators?: boolean;
  /** @deprecated validator.js's old name of `no_separators`. */
  no_colons?: boolean;
}

/** `true` when `str` is a MAC address (EUI-48 or EUI-64), as validator.js `isMACAddress` decides. */
export declare function isMACAddress(str: string, options?: IsMACAddressOptions): boolean;

/** `true` when `str` is a `data:` URI, as validator.js `isDataURI` decides (the data is not decoded). */
export declare function isDataURI(str: string): boolean;

/**
 * `true` when `str` is a magnet link with a supported `xt` hash, as validator.js
 * `isMagnetURI` decides. Deviation: a string with a lone surrogate is false.
 */
export declare function isMagnetURI(str: string): boolean;

/**
 * `true` when `str` is a `mailto:` URI whose addresses (path, `cc`, `bcc`) are each an email
 * under `options` (isEmail's), with only `subject`, `body`, `cc`, `bcc` parameters, as
 * validator.js `isMailtoURI` decides. Deviation: a string with a lone surrogate is false.
 */
export declare function isMailtoURI(str: string, options?: IsEmailOptions): boolean;

/** `true` when `str` is an RFC 3339 date-time, as validator.js `isRFC3339` decides. */
export declare function isRFC3339(str: string): boolean;

/** `isTime` options. */
export interface IsTimeOptions {
  /** Default `'hour24'`. */
  hourFormat?: 'hour24' | 'hour12';
  /** Default `'default'` (`hh:mm`). */
  mode?: 'default' | 'withSeconds' | 'withOptionalSeconds';
}

/**
 * `true` when `str` is a time of day, as validator.js `isTime` decides; as there, a
 * non-string input is `false` (not a `TypeError`). Other option values are `INVALID_OPTIONS`
 * (validator.js throws a `TypeError`).
 */
export declare function isTime(str: unknown, options?: IsTimeOptions): boolean;

/** `true` when `str` is a BCP 47 language tag (`_` also separates subtags), as validator.js `isLocale` decides. */
export declare function isLocale(str: string): boolean;
/** `isIBAN` options. */
export interface IsIBANOptions {
  /** Only these countries (codes of validator.js's `ibanLocales`). An empty list accepts nothing, as in validator.js. A code without a known IBAN format is `INVALID_OPTIONS` (validator.js answers `false` for every string). */
  whitelist?: readonly string[];
  /** Never these countries (two uppercase letters each, else `INVALID_OPTIONS`: validator.js never matches a lowercase code). */
  blacklist?: readonly string[];
}

/**
 * `true` when `str` (JS whitespace and hyphens ignored, letters of either case) is an IBAN
 * of a country validator.js knows, in that country's format, with valid mod-97 check
 * digits, as validator.js `isIBAN` decides.
 */
export declare function isIBAN(str: string, options?: IsIBANOptions): boolean;

/** `true` when `str` is a US ABA routing number (nine digits, a series in use, valid checksum), as validator.js `isAbaRouting` decides. */
export declare function isAbaRouting(str: string): boolean;

/** `true` when `str` is an ISRC (recording code, uppercase), as validator.js `isISRC` decides. */
export declare function isISRC(str: string): boolean;

/**
 * `true` when `str` is an ISO 6346 freight container code, as validator.js `isISO6346`
 * decides, its quirks included: its pattern's `|` is not grouped (a string that starts with
 * an owner code, `U` and seven digits, or ends with `J`/`Z` and six or seven digits,
 * passes), and the check digit is verified only at exactly 11 characters. Deviation: a
 * string with a lone surrogate is `false`.
 */
export declare function isISO6346(str: string): boolean;

/** validator.js's alias of {@link isISO6346}. */
export declare function isFreightContainerID(str: string): boolean;

/** `true` when `str` has the shape of a Bitcoin address (bech32 or base58; not decoded), as validator.js `isBtcAddress` decides. */
export declare function isBtcAddress(str: string): boolean;

/** `true` when `str` is `0x` and 40 hex digits (the EIP-55 checksum is not verified), as validator.js `isEthereumAddress` decides. */
export declare function isEthereumAddress(str: string): boolean;

/** `true` when `str` is a BIC / SWIFT code (8 or 11 characters, an ISO 3166-1 alpha-2 country or `XK` at 5-6, letters of either case), as validator.js `isBIC` decides. */
export declare function isBIC(str: string): boolean;

/** `isDate` options. */
export interface IsDateOptions {
  /**
   * Default `'YYYY/MM/DD'`: `YYYY` or `YY`, `MM` or `M`, `DD` or `D` (any case) in the order
   * y-m-d, m-d-y or d-m-y, separated by `/`, `-` or `.`. Another format, or one whose
   * separator is not the first of `delimiters` found in it, is `INVALID_OPTIONS`
   * (validator.js answers `false`, or throws a `TypeError` for some inputs).
   */
  format?: string;
  /** Default `['/', '-']`: the first one found in the input splits it (with `strictMode`, the format's). */
  delimiters?: string[];
  /** The input has the format's length and delimiter; a `Date` object is `false`. */
  strictMode?: boolean;
}

/**
 * `true` when `input` is a date string in the format (every part ASCII digits, a real
 * calendar day; a two-digit year `00` is 2000), or, without `strictMode`, a `Date` holding a
 * valid time, as validator.js `isDate` decides. A format string is validator.js's legacy
 * form. Other inputs are `false` (no `TypeError`, as there). Deviations: a part that is not
 * ASCII digits is `false` (validator.js lets the legacy Date parser read it); a `Date` is
 * recognised by its internal time value, not by `Symbol.toStringTag` or `valueOf`.
 */
export declare function isDate(input: unknown, options?: IsDateOptions | string): boolean;
/**
 * `true` when `str` is an identity card number of `locale` (format and check digit), or of
 * any locale for `'any'` (the default), as validator.js `isIdentityCard` decides. zh-CN
 * birth dates after today's UTC date are refused (validator.js: the local date).
 * Deviations: an unknown locale (validator.js: `Error`) is `INVALID_OPTIONS`; no locale is
 * `'any'`, as validator.js documents (its code throws).
 */
export declare function isIdentityCard(str: string, locale?: IdentityCardLocale | 'any'): boolean;
/**
 * `true` when `str` is a tax identification number of `locale` (default `'en-US'`): the
 * locale's format and its checksum or date-of-birth check, as validator.js `isTaxID`
 * decides. Two-digit years and sv-SE's `-`/`+` century signs are read against the local
 * clock's year, as there. Deviation: an unknown locale (validator.js: `Error`, or
 * `TypeError` for names such as `'toString'`) is `INVALID_OPTIONS`.
 */
export declare function isTaxID(str: string, locale?: TaxIdLocale): boolean;
/** `isCurrency` options (validator.js's, with its defaults). */
export interface IsCurrencyOptions {
  /** The currency symbol. Default `'$'`. At most 32 UTF-16 units; validator.js escapes only its first non-word character, so a later `.` matches any character there and here, and a later `^ $ \ * + ? ( ) [ ] { } |` is `INVALID_OPTIONS`. */
  symbol?: string;
  /** Default false. */
  require_symbol?: boolean;
  /** Default false. */
  allow_space_after_symbol?: boolean;
  /** Default false. */
  symbol_after_digits?: boolean;
  /** Default true. */
  allow_negatives?: boolean;
  /** `(1.00)` for negatives instead of a sign. Default false. */
  parens_for_negatives?: boolean;
  /** `$-1.00`. Default false. */
  negative_sign_before_digits?: boolean;
  /** `$1.00-` (wins over `negative_sign_before_digits`). Default false. */
  negative_sign_after_digits?: boolean;
  /** `R 123` and `R-123`: a space where the sign would be. Default false. */
  allow_negative_sign_placeholder?: boolean;
  /** Default `','`. Not empty, not starting with an ASCII letter or digit (validator.js reads `\` + it as a regex escape), at most 32 units; as `symbol` after its first character. */
  thousands_separator?: string;
  /** Default `'.'`. As `thousands_separator`. */
  decimal_separator?: string;
  /** Default true. */
  allow_decimal?: boolean;
  /** Default false (true wins over `allow_decimal: false`). */
  require_decimal?: boolean;
  /** The allowed numbers of digits after the separator: 1 to 16 integers from 0 to 100. Default `[2]`. */
  digits_after_decimal?: readonly number[];
  /** A space between the digits and a symbol after them. Default false. */
  allow_space_after_digits?: boolean;
}

/**
 * `true` when `str` is an amount of money in the format the options describe, as
 * validator.js `isCurrency` decides (compiled once per options object into a linear-time
 * matcher). Deviation: options of other types, unknown keys and the symbols and separators
 * described on {@link IsCurrencyOptions} are `INVALID_OPTIONS`.
 */
export declare function isCurrency(str: string, options?: IsCurrencyOptions): boolean;

/** A validator name for {@link createValidator}. */
export type ValidatorName =
  | 'isEmail'
  | 'isURL'
  | 'isFQDN'
  | 'isIP'
  | 'isIPRange'
  | 'isUUID'
  | 'isInt'
  | 'isFloat'
  | 'isNumeric'
  | 'isDecimal'
  | 'isAlpha'
  | 'isAlphanumeric'
  | 'isHexadecimal'
  | 'isBase64'
  | 'isJWT'
  | 'isISO8601'
  | 'isPort'
  | 'isSlug'
  | 'isMongoId'
  | 'isLength'
  | 'isByteLength'
  | 'isStrongPassword'
  | 'isJSON'
  | 'isBoolean'
  | 'isMimeType'
  | 'isSemVer'
  | 'isIn'
  | 'matches'
  | 'isISO31661Alpha2'
  | 'isISO31661Alpha3'
  | 'isISO31661Numeric'
  | 'isISO4217'
  | 'isISO15924'
  | 'isISO6391'
  | 'isMobilePhone'
  | 'isPostalCode'
  | 'isLicensePlate'
  | 'isPassportNumber'
  | 'isVAT'
  | 'contains'
  | 'equals'
  | 'isEmpty'
  | 'isAscii'
  | 'isLowercase'
  | 'isUppercase'
  | 'isFullWidth'
  | 'isHalfWidth'
  | 'isVariableWidth'
  | 'isMultibyte'
  | 'isSurrogatePair'
  | 'isWhitelisted'
  | 'isOctal'
  | 'isMD5'
  | 'isHash'
  | 'isBase32'
  | 'isBase58'
  | 'isULID'
  | 'isDivisibleBy'
  | 'isHexColor'
  | 'isRgbColor'
  | 'isHSL'
  | 'isLatLong'
  | 'isMACAddress'
  | 'isDataURI'
  | 'isMagnetURI'
  | 'isMailtoURI'
  | 'isRFC3339'
  | 'isTime'
  | 'isLocale'
  | 'isLuhnNumber'
  | 'isCreditCard'
  | 'isIMEI'
  | 'isEAN'
  | 'isISBN'
  | 'isISSN'
  | 'isISIN'
  | 'isIBAN'
  | 'isAbaRouting'
  | 'isISRC'
  | 'isISO6346'
  | 'isFreightContainerID'
  | 'isBtcAddress'
  | 'isEthereumAddress'
  | 'isBIC'
  | 'isDate'
  | 'isIdentityCard'
  | 'isTaxID'
  | 'isCurrency';

/**
 * One rule of {@link createValidator}: a validator name, or `{ validator, args }` where
 * `args` are the arguments after the string, exactly as in the single call
 * (`{ validator: 'isLength', args: [{ min: 3 }] }`, `{ validator: 'isAlpha', args: ['de-DE'] }`,
 * `{ validator: 'matches', args: [/^[a-z]+$/i] }`). `returnScore` is refused.
 */
export type ValidatorRule = ValidatorName | { validator: ValidatorName; args?: readonly unknown[] };

/** Rules compiled once by {@link createValidator}. */
export interface CompiledValidator {
  /** The number of rules. */
  readonly size: number;
  /**
   * Runs rule `i` on `values[i]` for every rule, in one call into the core, and returns the
   * indexes of the rules that failed, ascending (empty when all passed). Each answer equals
   * the single call's. `values` must hold exactly `size` strings (else `TypeError`).
   */
  check(values: readonly string[]): number[];
}

/**
 * Compiles rules once for repeated batch checks (the Express `validate` middleware compiles
 * a route's rules with it and checks each request with one call). Invalid rules or options
 * throw `INVALID_OPTIONS` here, not at check time.
 *
 * Bounds: at most 10,000 rules (`INPUT_TOO_LARGE`, checked before any rule is read); a
 * hole in `rules` or in `check`'s `values` is a `TypeError`, never read through
 * `Array.prototype`. List options of the rules (`protocols`, `host_whitelist`,
 * `host_blacklist`, `discreteLengths`) hold at most 10,000 entries, without holes
 * (`INVALID_OPTIONS`), as in the single calls.
 */
export declare function createValidator(rules: readonly ValidatorRule[]): CompiledValidator;
