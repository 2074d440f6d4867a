'use strict';
// validator.js's isDate (13.x), which Bulwark's core does not have: a calendar date in a
// format of y, m and d parts ('YYYY/MM/DD' by default) with '/' or '-' between them; a
// two-digit year is 19xx or 20xx around the current year; a Date object passes unless
// strictMode. js-tests/express-validate.test.js compares it with validator.isDate.

const FORMAT =
  // Anchored alternatives of bounded repeats: linear.
  /^(?:(?:y{4}|y{2})[./-]m{1,2}[./-]d{1,2}|m{1,2}[./-]d{1,2}[./-](?:y{4}|y{2})|d{1,2}[./-]m{1,2}[./-](?:y{4}|y{2}))$/i;
const DIGITS = /^\d+$/;

/** Reads isDate's options: a format string, or { format, delimiters, strictMode }. */
function dateOptions(options) {
  const o =
    typeof options === 'string' ? { format: options } : options !== null && typeof options === 'object' ? options : {};
  // Own properties only: a polluted Object.prototype cannot change the format.
  const own = (key) => (Object.hasOwn(o, key) ? o[key] : undefined);
  const format = typeof own('format') === 'string' ? own('format') : 'YYYY/MM/DD';
  const delimiters = Array.isArray(own('delimiters'))
    ? own('delimiters').filter((d) => typeof d === 'string')
    : ['/', '-'];
  return { format, delimiters, strictMode: own('strictMode') === true };
}

function isDate(input, options) {
  const { format, delimiters, strictMode } = dateOptions(options);
  if (typeof input === 'string' && FORMAT.test(format)) {
    if (strictMode && input.length !== format.length) return false;
    const formatDelimiter = delimiters.find((d) => format.includes(d));
    const dateDelimiter = strictMode ? formatDelimiter : delimiters.find((d) => input.includes(d));
    if (formatDelimiter === undefined || dateDelimiter === undefined) return false;
    const words = input.split(dateDelimiter);
    const parts = format.toLowerCase().split(formatDelimiter);
    if (words.length !== parts.length) return false;
    const date = Object.create(null);
    for (let i = 0; i < parts.length; i += 1) {
      if (words[i].length === 0 || words[i].length !== parts[i].length || !DIGITS.test(words[i])) return false;
      date[parts[i][0]] = words[i];
    }
    let year = date.y;
    if (year.length === 2) year = Number(year) < new Date().getFullYear() % 100 ? `20${year}` : `19${year}`;
    const month = date.m.padStart(2, '0');
    const day = date.d.padStart(2, '0');
    return new Date(`${year}-${month}-${day}T00:00:00.000Z`).getUTCDate() === Number(date.d);
  }
  if (!strictMode) return Object.prototype.toString.call(input) === '[object Date]' && Number.isFinite(input.getTime());
  return false;
}

module.exports = { isDate };
