//! `isTime`.

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// validator.js `isTime`'s `hourFormat`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HourFormat {
    /// `hour24`: `0`-`23` (one or two digits).
    #[default]
    Hour24,
    /// `hour12`: `1`-`12` then ` AM`/` PM`.
    Hour12,
}

/// validator.js `isTime`'s `mode`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TimeMode {
    /// `default`: `hh:mm`.
    #[default]
    Default,
    /// `withSeconds`: `hh:mm:ss`.
    WithSeconds,
    /// `withOptionalSeconds`: either.
    WithOptionalSeconds,
}

/// Options of [`is_time`], with validator.js names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeOptions {
    /// `hourFormat`.
    pub hour_format: HourFormat,
    /// `mode`.
    pub mode: TimeMode,
}

/// Two digits `00`-`59`.
fn minute(b: &[u8]) -> bool {
    matches!(b, [b'0'..=b'5', b'0'..=b'9'])
}

/// `true` when `s` is a time of day in the format and mode, as validator.js `isTime`
/// decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_time, HourFormat, TimeMode, TimeOptions};
/// assert!(is_time("23:59", &TimeOptions::default()) && is_time("9:05", &TimeOptions::default()));
/// assert!(!is_time("24:00", &TimeOptions::default()) && !is_time("12:30:00", &TimeOptions::default()));
/// let h12 = TimeOptions { hour_format: HourFormat::Hour12, mode: TimeMode::WithOptionalSeconds };
/// assert!(is_time("12:30:00 PM", &h12) && is_time("1:30 AM", &h12) && !is_time("13:30 PM", &h12));
/// ```
pub fn is_time(s: &str, options: &TimeOptions) -> bool {
    let mut b = s.as_bytes();
    if options.hour_format == HourFormat::Hour12 {
        match b {
            [rest @ .., b' ', b'A' | b'P', b'M'] => b = rest,
            _ => return false,
        }
    }
    let Some(colon) = b.iter().position(|&c| c == b':') else {
        return false;
    };
    let (hour, rest) = (&b[..colon], &b[colon + 1..]);
    let hour_ok = match options.hour_format {
        // ([01]?[0-9]|2[0-3])
        HourFormat::Hour24 => {
            matches!(hour, [b'0'..=b'9'] | [b'0' | b'1', b'0'..=b'9'] | [b'2', b'0'..=b'3'])
        }
        // (0?[1-9]|1[0-2])
        HourFormat::Hour12 => {
            matches!(hour, [b'1'..=b'9'] | [b'0', b'1'..=b'9'] | [b'1', b'0'..=b'2'])
        }
    };
    if !hour_ok {
        return false;
    }
    match (rest, options.mode) {
        ([m1, m2], TimeMode::Default | TimeMode::WithOptionalSeconds) => minute(&[*m1, *m2]),
        ([m1, m2, b':', s1, s2], TimeMode::WithSeconds | TimeMode::WithOptionalSeconds) => {
            minute(&[*m1, *m2]) && minute(&[*s1, *s2])
        }
        _ => false,
    }
}

/// `{ "hourFormat"?: "hour24" | "hour12", "mode"?: "default" | "withSeconds" |
/// "withOptionalSeconds" }`: other values are INVALID_OPTIONS (validator.js throws a
/// `TypeError`).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let hour_format = match o.string("hourFormat")?.as_deref() {
        None | Some("hour24") => HourFormat::Hour24,
        Some("hour12") => HourFormat::Hour12,
        Some(other) => {
            return Err(invalid(format!(
                "isTime: hourFormat must be 'hour24' or 'hour12', got '{other}'"
            )));
        }
    };
    let mode = match o.string("mode")?.as_deref() {
        None | Some("default") => TimeMode::Default,
        Some("withSeconds") => TimeMode::WithSeconds,
        Some("withOptionalSeconds") => TimeMode::WithOptionalSeconds,
        Some(other) => {
            return Err(invalid(format!(
                "isTime: mode must be 'default', 'withSeconds' or 'withOptionalSeconds', got '{other}'"
            )));
        }
    };
    Ok(Rule::Time(TimeOptions { hour_format, mode }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = TimeOptions::default();
        for s in ["00:00", "23:59", "9:00", "09:00", "1:00"] {
            assert!(is_time(s, &d), "{s}");
        }
        for s in ["12:00:00", "24:00", "23:60", "23", "", "9:0", "009:00", ":00", "23:59 PM"] {
            assert!(!is_time(s, &d), "{s}");
        }
        let secs = TimeOptions { mode: TimeMode::WithSeconds, ..d };
        assert!(
            is_time("23:59:59", &secs) && !is_time("23:59", &secs) && !is_time("23:59:60", &secs)
        );
        let h12 = TimeOptions { hour_format: HourFormat::Hour12, ..d };
        for s in ["12:00 AM", "1:00 PM", "01:59 PM"] {
            assert!(is_time(s, &h12), "{s}");
        }
        for s in ["00:00 AM", "13:00 PM", "12:00", "12:00 am", "12:00AM", "12:00:00 AM"] {
            assert!(!is_time(s, &h12), "{s}");
        }
    }
}
