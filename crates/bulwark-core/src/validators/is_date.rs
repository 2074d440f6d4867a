//! `isDate` (the format-driven string check; Date objects are the JS layer's).

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// One part of a date format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Year,
    Month,
    Day,
}

/// Options of [`is_date`], compiled: validator.js's `format`, `delimiters` and
/// `strictMode`, with the format already split into its three parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateOptions {
    /// `delimiters`, in order (the first one found in the input splits it).
    delimiters: Vec<String>,
    /// `strictMode`: the input has the format's length and its delimiter.
    strict_mode: bool,
    /// The delimiter that splits the format (the first of `delimiters` in it).
    format_delimiter: String,
    /// The parts in format order, with their lengths.
    parts: [(Part, usize); 3],
    /// The format's length in UTF-16 units (it is ASCII).
    format_len: usize,
    /// The longest delimiter, in bytes (bounds the inputs worth splitting).
    longest_delimiter: usize,
}

impl Default for DateOptions {
    /// `YYYY/MM/DD` with delimiters `/` and `-`, not strict (validator.js's defaults).
    fn default() -> Self {
        DateOptions {
            delimiters: vec!["/".into(), "-".into()],
            strict_mode: false,
            format_delimiter: "/".into(),
            parts: [(Part::Year, 4), (Part::Month, 2), (Part::Day, 2)],
            format_len: 10,
            longest_delimiter: 1,
        }
    }
}

/// The run of one letter (ASCII case-insensitive) at the start of `b`, with its length.
fn letter_run(b: &[u8]) -> Option<(u8, usize)> {
    let first = b.first()?.to_ascii_lowercase();
    let len = b.iter().take_while(|c| c.to_ascii_lowercase() == first).count();
    Some((first, len))
}

/// validator.js's `isValidFormat`: `y{4}|y{2}`, `m{1,2}` and `d{1,2}` (any case) in the
/// order y-m-d, m-d-y or d-m-y, with one of `.`, `/`, `-` after the first two.
fn valid_format(format: &str) -> bool {
    let mut b = format.as_bytes();
    let mut order = [0u8; 3];
    for (i, slot) in order.iter_mut().enumerate() {
        let Some((letter, len)) = letter_run(b) else {
            return false;
        };
        let len_ok = match letter {
            b'y' => len == 4 || len == 2,
            b'm' | b'd' => len <= 2,
            _ => false,
        };
        if !len_ok {
            return false;
        }
        *slot = letter;
        b = &b[len..];
        if i < 2 {
            match b {
                [b'.' | b'/' | b'-', rest @ ..] => b = rest,
                _ => return false,
            }
        }
    }
    b.is_empty() && matches!(&order, b"ymd" | b"mdy" | b"dmy")
}

impl DateOptions {
    /// Compiles validator.js's options.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` when `format` is not one validator.js accepts (there every string
    /// is then invalid), or when no delimiter splits it into its three parts (the first of
    /// `delimiters` found in `format` must be the separator it uses twice: validator.js
    /// then answers `false` or throws a `TypeError`, depending on the input).
    pub fn new(format: &str, delimiters: Vec<String>, strict_mode: bool) -> Result<DateOptions> {
        if !valid_format(format) {
            return Err(invalid(format!(
                "isDate: format must be YYYY or YY, MM or M and DD or D in the order \
                 year-month-day, month-day-year or day-month-year, separated by '/', '-' or '.', \
                 got '{format}'"
            )));
        }
        let unusable = || {
            invalid(format!(
                "isDate: no delimiter splits format '{format}' into year, month and day: the \
                 first of delimiters {delimiters:?} found in it must be its separator"
            ))
        };
        let Some(format_delimiter) = delimiters.iter().find(|d| format.contains(d.as_str())) else {
            return Err(unusable());
        };
        if format_delimiter.is_empty() {
            return Err(unusable());
        }
        let lower = format.to_ascii_lowercase();
        let pieces: Vec<&str> = lower.split(format_delimiter.as_str()).collect();
        let mut parts = [(Part::Year, 0); 3];
        if pieces.len() != 3 {
            return Err(unusable());
        }
        for (slot, piece) in parts.iter_mut().zip(&pieces) {
            let part = match letter_run(piece.as_bytes()) {
                Some((b'y', len)) if len == piece.len() => Part::Year,
                Some((b'm', len)) if len == piece.len() => Part::Month,
                Some((b'd', len)) if len == piece.len() => Part::Day,
                _ => return Err(unusable()),
            };
            *slot = (part, piece.len());
        }
        let format_delimiter = format_delimiter.clone();
        let longest_delimiter = delimiters.iter().map(String::len).max().unwrap_or(0);
        Ok(DateOptions {
            delimiters,
            strict_mode,
            format_delimiter,
            parts,
            format_len: format.len(),
            longest_delimiter,
        })
    }
}

/// The value of a run of ASCII digits (at most 4), or `None`.
fn digits(b: &str) -> Option<u32> {
    b.bytes().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

/// `true` when `s` is a calendar date in the format, as validator.js `isDate` decides for
/// a string.
///
/// Without `strictMode` the input may use any of `delimiters` (the first one it contains
/// splits it); with it, the input has the format's length and delimiter. A one-letter part
/// takes one digit, a two-letter part two (`M` takes `1`-`9`, `MM` takes `01`-`12`). A
/// two-digit year is 19xx or 20xx around the current year in validator.js: only `00`
/// (2000 is a leap year, 1900 is not) depends on it, and `00` is 2000 here, as in
/// validator.js in every year from 2001 to 2099.
///
/// Deviation: every part must be ASCII digits. validator.js hands the parts to
/// `new Date(...)`, whose legacy parser takes `(` as the start of a comment, so it
/// accepts a few strings such as `2(20/01/1 ` depending on the engine and the time zone.
///
/// Linear: an input longer than the parts and two of the longest delimiter is `false`
/// before any search.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_date, DateOptions};
/// let d = DateOptions::default();
/// assert!(is_date("2024/02/29", &d) && is_date("2024-02-29", &d));
/// assert!(!is_date("2023/02/29", &d) && !is_date("2024/13/01", &d) && !is_date("2024/2/9", &d));
/// let us = DateOptions::new("MM/DD/YYYY", vec!["/".into()], true).unwrap();
/// assert!(is_date("12/31/2024", &us) && !is_date("31/12/2024", &us));
/// assert!(DateOptions::new("DD.MM.YYYY", vec!["/".into(), "-".into()], false).is_err());
/// ```
pub fn is_date(s: &str, options: &DateOptions) -> bool {
    if options.strict_mode && s.encode_utf16().count() != options.format_len {
        return false;
    }
    // A true answer is at most 8 digits and two delimiters.
    if s.len() > 8 + 2 * options.longest_delimiter {
        return false;
    }
    let delimiter = if options.strict_mode {
        Some(&options.format_delimiter)
    } else {
        options.delimiters.iter().find(|d| s.contains(d.as_str()))
    };
    // An empty delimiter splits into single units: the year part never fits.
    let Some(delimiter) = delimiter.filter(|d| !d.is_empty()) else {
        return false;
    };
    let mut words = s.split(delimiter.as_str());
    let (mut year, mut month, mut day) = (0, 0, 0);
    for &(part, len) in &options.parts {
        let Some(word) = words.next() else {
            return false;
        };
        let Some(value) = digits(word).filter(|_| word.len() == len) else {
            return false;
        };
        match part {
            Part::Year if len == 2 => year = 2000 + value,
            Part::Year => year = value,
            Part::Month => month = value,
            Part::Day => day = value,
        }
    }
    if words.next().is_some() {
        return false;
    }
    day >= 1
        && crate::clock::days_in_month(i64::from(year), i64::from(month))
            .is_some_and(|days| i64::from(day) <= days)
}

/// `{ "format"?: string, "delimiters"?: [string], "strictMode"?: bool }`; see
/// [`DateOptions::new`] for the formats refused.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let format = o.string("format")?.unwrap_or_else(|| "YYYY/MM/DD".into());
    let delimiters = o.strings("delimiters")?.unwrap_or_else(|| vec!["/".into(), "-".into()]);
    let strict_mode = o.bool("strictMode", false)?;
    Ok(Rule::Date(Box::new(DateOptions::new(&format, delimiters, strict_mode)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(format: &str, delimiters: &[&str], strict: bool) -> DateOptions {
        let delimiters = delimiters.iter().map(|d| (*d).to_string()).collect();
        match DateOptions::new(format, delimiters, strict) {
            Ok(o) => o,
            Err(err) => panic!("{format}: {}", err.message()),
        }
    }

    #[test]
    fn defaults() {
        let d = DateOptions::default();
        assert_eq!(d, opts("YYYY/MM/DD", &["/", "-"], false));
        for s in ["2024/02/29", "2000/02/29", "0000/02/29", "2024-12-31", "9999/01/01"] {
            assert!(is_date(s, &d), "{s}");
        }
        for s in [
            "",
            "2023/02/29",
            "1900/02/29",
            "2024/04/31",
            "2024/00/10",
            "2024/13/01",
            "2024/01/00",
            "2024/2/9",
            "24/02/09",
            "2024/02",
            "2024/02/29/1",
            "2024/02-29",
            "2024.02.29",
            " 024/02/01",
            "-024/01/01",
            "2024/+1/01",
            "2024/0a/01",
            "2(20/01/1 ",
            "２０２４/01/01",
        ] {
            assert!(!is_date(s, &d), "{s}");
        }
    }

    #[test]
    fn formats_and_modes() {
        let mdy = opts("MM/DD/YYYY", &["/", "-"], false);
        assert!(is_date("12/31/2024", &mdy) && is_date("02-29-2024", &mdy));
        assert!(!is_date("31/12/2024", &mdy));
        let dmy = opts("D.M.YY", &["."], false);
        assert!(is_date("1.2.24", &dmy) && is_date("9.9.99", &dmy) && is_date("9.2.00", &dmy));
        assert!(is_date("29.2.00", &opts("DD.M.YY", &["."], false)));
        assert!(!is_date("01.02.24", &dmy) && !is_date("0.2.24", &dmy));
        let strict = opts("YYYY-MM-DD", &["/", "-"], true);
        assert!(is_date("2024-01-31", &strict));
        assert!(!is_date("2024/01/31", &strict) && !is_date("2024-1-31", &strict));
        let loose = opts("YYYY-MM-DD", &["/", "-"], false);
        assert!(is_date("2024/01/31", &loose));
        // Multi-character and non-ASCII delimiters split the input (not the format).
        let multi = opts("YYYY/MM/DD", &["ab", "/"], false);
        assert!(is_date("2024ab01ab31", &multi) && is_date("2024/01/31", &multi));
        let cjk = opts("YYYY/MM/DD", &["/", "年"], false);
        assert!(is_date("2024年01年31", &cjk));
        // An empty delimiter found first (every string contains it) makes every string false.
        let empty = opts("YYYY/MM/DD", &["/", ""], false);
        assert!(is_date("2024/01/31", &empty) && !is_date("2024-01-31", &empty));
    }

    #[test]
    fn refused_options() {
        for (format, delimiters) in [
            ("YYYYMMDD", &["/", "-"][..]),
            ("YYY/MM/DD", &["/"]),
            ("YYYY/MMM/DD", &["/"]),
            ("YYYY/DD/MM", &["/"]),
            ("YYYY/MM/DD ", &["/"]),
            ("DD.MM.YYYY", &["/", "-"]),
            ("YYYY/MM-DD", &["/", "-"]),
            ("YYYY/MM/DD", &[]),
            ("YYYY/MM/DD", &["", "/"]),
            ("YYYY/MM/DD", &["Y"]),
            ("", &["/"]),
        ] {
            let delimiters = delimiters.iter().map(|d| (*d).to_string()).collect();
            assert!(DateOptions::new(format, delimiters, false).is_err(), "{format}");
        }
        assert!(DateOptions::new("yyyy.mm.dd", vec![".".into()], true).is_ok());
    }

    #[test]
    fn huge_inputs_are_false_fast() {
        let d = DateOptions::default();
        let long = "1/".repeat(1 << 19);
        assert!(!is_date(&long, &d));
        assert!(!is_date(&long, &opts("YYYY/MM/DD", &["/"], true)));
    }
}
