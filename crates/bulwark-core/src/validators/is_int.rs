//! `isInt`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_int`], with validator.js names. Bounds compare the number the string
/// denotes, as JS does (`'10' >= 9`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntOptions {
    /// `allow_leading_zeroes` (default `true`): `007` is an integer.
    pub allow_leading_zeroes: bool,
    /// `min` (inclusive).
    pub min: Option<f64>,
    /// `max` (inclusive).
    pub max: Option<f64>,
    /// `lt` (exclusive upper bound).
    pub lt: Option<f64>,
    /// `gt` (exclusive lower bound).
    pub gt: Option<f64>,
}

impl Default for IntOptions {
    fn default() -> Self {
        IntOptions { allow_leading_zeroes: true, min: None, max: None, lt: None, gt: None }
    }
}

/// `true` when `s` is a decimal integer (`[-+]?[0-9]+`, or without leading zeros when
/// `allow_leading_zeroes` is `false`) within the bounds, as validator.js `isInt` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_int, IntOptions};
/// assert!(is_int("-13", &IntOptions::default()));
/// assert!(is_int("0013", &IntOptions::default()));
/// assert!(!is_int("0013", &IntOptions { allow_leading_zeroes: false, ..Default::default() }));
/// assert!(!is_int("1.0", &IntOptions::default()));
/// assert!(is_int("15", &IntOptions { min: Some(10.0), lt: Some(16.0), ..Default::default() }));
/// ```
pub fn is_int(s: &str, options: &IntOptions) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if !options.allow_leading_zeroes && digits.len() > 1 && digits.starts_with('0') {
        return false;
    }
    if options.min.is_none()
        && options.max.is_none()
        && options.lt.is_none()
        && options.gt.is_none()
    {
        return true;
    }
    // JS converts the string with Number(): the correctly rounded f64.
    let Ok(value) = s.parse::<f64>() else {
        return false;
    };
    in_bounds(value, options.min, options.max, options.lt, options.gt)
}

/// validator.js's `min`/`max`/`lt`/`gt` checks (a NaN value fails every set bound).
pub(crate) fn in_bounds(
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
    lt: Option<f64>,
    gt: Option<f64>,
) -> bool {
    min.is_none_or(|m| value >= m)
        && max.is_none_or(|m| value <= m)
        && lt.is_none_or(|m| value < m)
        && gt.is_none_or(|m| value > m)
}

/// validator.js `isInt` options.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Int(IntOptions {
        allow_leading_zeroes: o.bool("allow_leading_zeroes", true)?,
        min: o.number("min")?,
        max: o.number("max")?,
        lt: o.number("lt")?,
        gt: o.number("gt")?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = IntOptions::default();
        let strict = IntOptions { allow_leading_zeroes: false, ..d };
        for s in ["13", "123", "0", "-0", "+1", "01", "-01", "000"] {
            assert!(is_int(s, &d), "{s}");
        }
        for s in ["100e10", "123.123", "   ", "", "+", "-", "1 ", "١", "0x1", "1_000"] {
            assert!(!is_int(s, &d), "{s}");
        }
        for s in ["13", "123", "0", "-0", "+1"] {
            assert!(is_int(s, &strict), "{s}");
        }
        for s in ["01", "-01", "000", "+00"] {
            assert!(!is_int(s, &strict), "{s}");
        }
        let range = IntOptions { min: Some(10.0), max: Some(15.0), ..d };
        for (s, ok) in
            [("15", true), ("80", false), ("9", false), ("10", true), ("010", true), ("+11", true)]
        {
            assert_eq!(is_int(s, &range), ok, "{s}");
        }
        let open = IntOptions { gt: Some(10.0), lt: Some(15.0), ..d };
        for (s, ok) in [("11", true), ("14", true), ("10", false), ("15", false)] {
            assert_eq!(is_int(s, &open), ok, "{s}");
        }
        let big = "9".repeat(400);
        assert!(is_int(&big, &d));
        assert!(!is_int(&big, &IntOptions { max: Some(1e300), ..d }));
        assert!(is_int(&"1".repeat(1 << 20), &IntOptions { min: Some(0.0), ..d }));
    }
}
