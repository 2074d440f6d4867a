//! `isISO8601`.

use std::sync::OnceLock;

use regex::Regex;

use super::rule::{Options, Rule};
use super::static_regex;
use crate::Result;
use crate::clock::{days_in_month, is_leap_year};

/// Options of [`is_iso8601`], with validator.js names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Iso8601Options {
    /// `strict` (default `false`): also refuse dates that do not exist (`2009-02-29`,
    /// ordinal day 366 of a common year).
    pub strict: bool,
    /// `strictSeparator` (default `false`): only `T` separates date and time (else also
    /// whitespace).
    pub strict_separator: bool,
}

// validator.js's pattern uses two back-references (`\3`: the date separator, `\17`: the
// hour/minute separator) and two look-aheads. Here the back-references become
// alternatives (each captures `-`/`` or `:`/``), the `(?!:)` after a time fraction
// becomes "no `:ss` after a fraction when the time uses colons" (the only place a `:` can
// follow), and the year look-ahead `(?!\d{2}\b)` is checked in code.
const D: &str = "[0-9]";

fn date(sep: &str) -> String {
    format!(
        "{sep}(?:(?:0[1-9]|1[0-2])(?:{sep}(?:[12]{D}|0[1-9]|3[01]))?|W(?:[0-4]{D}|5[0-3])(?:-?[1-7])?|(?:00[1-9]|0[1-9]{D}|[12]{D}{{2}}|3(?:[0-5]{D}|6[1-6])))"
    )
}

fn pattern(time_separator: &str) -> String {
    let hour = format!("(?:[01]{D}|2[0-3])");
    let fraction = format!("[.,]{D}+");
    let zone = format!("(?:[zZ]|[+-](?:[01]{D}|2[0-3]):?(?:[0-5]{D})?)");
    // Hours and minutes with a colon: seconds (`:ss`) only when no fraction precedes.
    let colon = format!("{hour}:[0-5]{D}(?:{fraction}|(?::[0-5]{D}(?:{fraction})?)?)");
    // Without a colon (`hhmm`, `hh`, `24:?00`, or no time at all): seconds are `ss`.
    let plain =
        format!("(?:(?:{hour}(?:[0-5]{D})?|24:?00)(?:{fraction})?)?(?:[0-5]{D}(?:{fraction})?)?");
    let time = format!("{time_separator}(?:{colon}|{plain}){zone}?");
    format!("^[+-]?{D}{{4}}(?:(?:{}|{})(?:{time})?)?$", date("-"), date(""))
}

const JS_SPACE: &str = r"\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";

static ISO8601: OnceLock<Option<Regex>> = OnceLock::new();
static ISO8601_STRICT_SEPARATOR: OnceLock<Option<Regex>> = OnceLock::new();

/// `true` when `s` is an ISO 8601 date (calendar, week or ordinal), optionally with a
/// time and zone, as validator.js `isISO8601` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_iso8601, Iso8601Options};
/// let d = Iso8601Options::default();
/// assert!(is_iso8601("2009-12-31T23:59:59.123Z", &d) && is_iso8601("2009-W53-7", &d) && is_iso8601("2009-365", &d));
/// assert!(!is_iso8601("2009-13-01", &d) && !is_iso8601("200905", &d));
/// assert!(is_iso8601("2009-02-29", &d));
/// assert!(!is_iso8601("2009-02-29", &Iso8601Options { strict: true, ..d }));
/// ```
pub fn is_iso8601(s: &str, options: &Iso8601Options) -> bool {
    // The longest valid form is a few dozen characters plus unbounded fraction digits.
    let re = if options.strict_separator {
        static_regex(&ISO8601_STRICT_SEPARATOR, || pattern("T"))
    } else {
        static_regex(&ISO8601, || pattern(&format!("[T{JS_SPACE}]")))
    };
    if !re.is_some_and(|re| re.is_match(s)) || year_lookahead_fails(s) {
        return false;
    }
    !options.strict || is_valid_date(s)
}

/// validator.js's `(?!\d{2}\b)` after the year: two more digits ending a word (so
/// `YYYYMM` is not read as a year and a month).
fn year_lookahead_fails(s: &str) -> bool {
    let b = s.as_bytes();
    let year_end = if matches!(b.first(), Some(b'+' | b'-')) { 5 } else { 4 };
    match b.get(year_end..year_end + 2) {
        Some([x, y]) if x.is_ascii_digit() && y.is_ascii_digit() => {
            !b.get(year_end + 2).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
        }
        _ => false,
    }
}

fn digits_at(b: &[u8], from: usize, max: usize) -> usize {
    b.get(from..).map_or(0, |rest| rest.iter().take(max).take_while(|c| c.is_ascii_digit()).count())
}

fn number(b: &[u8]) -> u64 {
    b.iter().fold(0u64, |n, &d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')))
}

/// validator.js's `isValidDate` for `strict` (on a string that passed the pattern).
fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    // Ordinal dates: /^(\d{4})-?(\d{3})([ T]{1}\.*|$)/
    if digits_at(b, 0, 4) == 4 {
        let day_at = if b.get(4) == Some(&b'-') { 5 } else { 4 };
        if digits_at(b, day_at, 3) == 3 && matches!(b.get(day_at + 3), None | Some(b' ' | b'T')) {
            let (year, day) = (number(&b[..4]), number(&b[day_at..day_at + 3]));
            return day <= if i64::try_from(year).is_ok_and(is_leap_year) { 366 } else { 365 };
        }
    }
    // /(\d{4})-?(\d{0,2})-?(\d*)/ at the first run of four digits.
    let Some(start) = (0..b.len()).find(|&i| digits_at(b, i, 4) == 4) else {
        return true;
    };
    let year = number(&b[start..start + 4]);
    let mut i = start + 4;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let month_len = digits_at(b, i, 2);
    let month = number(&b[i..i + month_len]);
    i += month_len;
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let day = number(&b[i..i + digits_at(b, i, usize::MAX)]);
    if month == 0 || day == 0 {
        return true;
    }
    // validator.js checks with `new Date("Y-MM-DD")`: for years below 100 that string is
    // not ISO and V8 reads it as another year, so the check always fails; from year 100
    // up it is the proleptic Gregorian calendar (the 3-digit case is V8's legacy parser
    // in UTC).
    let Some(days_in_month) = i64::try_from(year)
        .ok()
        .zip(i64::try_from(month).ok())
        .and_then(|(y, m)| days_in_month(y, m))
    else {
        return false;
    };
    year >= 100 && i64::try_from(day).is_ok_and(|d| d <= days_in_month)
}

/// validator.js `isISO8601` options.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Iso8601(Iso8601Options {
        strict: o.bool("strict", false)?,
        strict_separator: o.bool("strictSeparator", false)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        assert!(Regex::new(&pattern("T")).is_ok());
        assert!(Regex::new(&pattern(&format!("[T{JS_SPACE}]"))).is_ok());
    }

    #[test]
    fn table() {
        let d = Iso8601Options::default();
        for s in [
            "2009-12T12:34",
            "2009",
            "2009-05-19",
            "2009-05-19",
            "20090519",
            "2009123",
            "2009-05",
            "2009-123",
            "2009-222",
            "2009-001",
            "2009-W01-1",
            "2009-W51-1",
            "2009-W511",
            "2009-W33",
            "2009W511",
            "2009-05-19",
            "2009-05-19 00:00",
            "2009-05-19 14",
            "2009-05-19 14:31",
            "2009-05-19 14:39:22",
            "2009-05-19T14:39Z",
            "2009-W21-2",
            "2009-W21-2T01:22",
            "2009-139",
            "2009-05-19 14:39:22-06:00",
            "2009-05-19 14:39:22+0600",
            "2009-05-19 14:39:22-01",
            "20090621T0545Z",
            "2007-04-06T00:00",
            "2007-04-05T24:00",
            "2010-02-18T16:23:48.5",
            "2010-02-18T16:23:48,444",
            "2010-02-18T16:23:48,3-06:00",
            "2010-02-18T16:23.4",
            "2010-02-18T16:23,25",
            "2010-02-18T16:23.33+0600",
            "2010-02-18T16.23334444",
            "2010-02-18T16,2283",
            "2009-05-19 143922.500",
            "2009-05-19 1439,55",
            "2009-10-10",
            "2020-366",
            "2000-366",
            "-2009-05-19",
            "+2009-05-19",
            "2009-05-19T14:39:22.123456789Z",
            "2010-02-18T1623.5",
            "+20090519",
            "2009-05-19T",
            "2009-05-19 ",
        ] {
            assert!(is_iso8601(s, &d), "{s}");
        }
        for s in [
            "200905",
            "2009367",
            "2009-",
            "2007-04-05T24:50",
            "2009-000",
            "2009-M511",
            "2009M511",
            "2009-05-19T14a39r",
            "2009-05-19T14:3924",
            "2009-0519",
            "2009-05-1914:39",
            "2009-05-19 14:",
            "2009-05-19r14:39",
            "2009-05-19 14a39a22",
            "200912-01",
            "2009-05-19 14:39:22+06a00",
            "2009-05-19 146922.500",
            "2010-02-18T16.5:23.35:48",
            "2010-02-18T16:23.35:48",
            "2010-02-18T16:23.35:48.45",
            "2009-05-19 14.5.44",
            "2010-02-18T16:23.33.600",
            "2010-02-18T16,25:23:48,444",
            "2010-13-1",
            "nonsense2021-01-01T00:00:00Z",
            "2021-01-01T00:00:00Znonsense",
            "",
            "2010-02-18T16:23.55:20",
            "2010-02-18T16.5:00",
            "2009-05-19T14:39:22.Z",
        ] {
            assert!(!is_iso8601(s, &d), "{s}");
        }
    }

    #[test]
    fn strict() {
        let strict = Iso8601Options { strict: true, strict_separator: false };
        for s in [
            "2000-02-29",
            "2009-12-31",
            "2009-W53-7",
            "2008-366",
            "0400-02-29",
            "0100-04-30",
            "2009-05",
            "-2009-02-28",
            "+2009-123",
        ] {
            assert!(is_iso8601(s, &strict), "{s}");
        }
        for s in [
            "2009-02-29",
            "2019-02-29",
            "2009-04-31",
            "2009-366",
            "0050-02-28",
            "0000-01-01",
            "0100-02-29",
            "-2009-366",
            "2009-02-30T10:00",
        ] {
            assert!(!is_iso8601(s, &strict), "{s}");
        }
        let separator = Iso8601Options { strict: false, strict_separator: true };
        assert!(
            is_iso8601("2009-12-31T10:00", &separator)
                && !is_iso8601("2009-12-31 10:00", &separator)
        );
        assert!(!is_iso8601(&format!("2010-02-18T16:23:48.{}:", "1".repeat(1 << 20)), &separator));
        assert!(is_iso8601(&format!("2010-02-18T16:23:48.{}", "1".repeat(1 << 20)), &strict));
    }
}
