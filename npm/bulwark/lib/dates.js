'use strict';
// validator.js's toDate, isBefore and isAfter. JS-only (no core copy): validator.js defines
// them through the engine's Date.parse, whose grammar for non-ISO strings is the engine's
// own (V8's legacy parser: comments in parentheses, month names, time zones, any amount of
// padding, answers that depend on the time zone), so the platform's Date.parse is the
// reference and is used as it is. See CONTRIBUTING.md "JS-only functions".
//
// Deviation: a string longer than MAX_DATE_LENGTH is no date (toDate answers null,
// isBefore/isAfter false) before Date.parse sees it. V8's parser is linear but slow on
// padding (about 40 ms per MiB of spaces, signs or time zone words), and no date string is
// that long: the longest forms, Date.prototype.toString with a time zone name, are under
// 100 characters.

const { stringArg, readOptions } = require('./args');

/** The longest string Date.parse is asked about (UTF-16 units). */
const MAX_DATE_LENGTH = 1024;

// The parser and constructor are captured at load: later changes to the global Date change
// nothing in how a string reads. The clock is read from the global Date on each call, as
// validator.js does (and isTaxID's currentYear here), so fake timers in a user's tests
// apply to both libraries alike.
const DateCtor = Date;
const parse = Date.parse;

/** Date.parse of a string (NaN past MAX_DATE_LENGTH). */
function timeOf(str) {
  return str.length > MAX_DATE_LENGTH ? Number.NaN : parse(str);
}

/**
 * validator.js toDate: the Date that Date.parse reads in `input`, or null. A non-string is
 * a TypeError (a String object is read as its string), as there.
 */
function toDate(input) {
  const time = timeOf(stringArg(input, 'toDate: input'));
  return Number.isNaN(time) ? null : new DateCtor(time);
}

const isDateText = (v) => typeof v === 'string' || v instanceof String;
const COMPARISON_OPTIONS = { comparisonDate: [isDateText, 'a date string'] };

/**
 * The time to compare with: `options` is `{ comparisonDate }` or validator.js's legacy
 * positional date string (a String object as options is refused: validator.js reads it
 * as an options object without comparisonDate). An empty or missing date is now, as validator.js's
 * `Date().toString()` gives it: to the second.
 */
function comparisonTime(name, options) {
  let date = options;
  if (options !== null && typeof options === 'object') {
    date = readOptions(options, COMPARISON_OPTIONS, name).comparisonDate;
  } else if (options !== undefined && options !== null && !isDateText(options)) {
    throw new TypeError(`${name}: options must be an object or a date string, got a ${typeof options}`);
  }
  const text = date === undefined || date === null ? '' : stringArg(date, `${name}: comparisonDate`);
  if (text === '') return Math.floor(Date.now() / 1000) * 1000;
  return timeOf(text);
}

/** The time of the input string (TypeError for a non-string, as validator.js's toDate). */
function inputTime(name, input) {
  return timeOf(stringArg(input, `${name}: input`));
}

/** validator.js isBefore(str, options | date): false when either date is not one. */
function isBefore(input, options) {
  const time = inputTime('isBefore', input);
  return time < comparisonTime('isBefore', options);
}

/** validator.js isAfter(str, options | date): false when either date is not one. */
function isAfter(input, options) {
  const time = inputTime('isAfter', input);
  return time > comparisonTime('isAfter', options);
}

module.exports = { toDate, isBefore, isAfter };
