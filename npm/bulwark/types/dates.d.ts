// validator.js's toDate, isBefore and isAfter: JS-only, on the platform's Date.parse.

/**
 * validator.js `toDate`: the `Date` that `Date.parse` reads in `str`, or `null`. A
 * non-string is a `TypeError` (a String object is read as its string). Deviation: a string
 * longer than 1024 UTF-16 units is `null` (no date is that long; `Date.parse` is slow on
 * padding).
 */
export declare function toDate(str: string): Date | null;

/** `isBefore` / `isAfter` options. */
export interface IsBeforeOptions {
  /** The date to compare with, read by `Date.parse`; default (or `''`) now, to the second. */
  comparisonDate?: string;
}

/**
 * `true` when `str` is a date (`toDate`) before `comparisonDate`, as validator.js
 * `isBefore` decides; `false` when either is no date. `options` may be the date string
 * itself (validator.js's legacy form). Deviation: strings longer than 1024 units are no date.
 */
export declare function isBefore(str: string, options?: IsBeforeOptions | string | null): boolean;

/**
 * `true` when `str` is a date (`toDate`) after `comparisonDate`, as validator.js `isAfter`
 * decides; `false` when either is no date. `options` may be the date string itself.
 */
export declare function isAfter(str: string, options?: IsBeforeOptions | string | null): boolean;
