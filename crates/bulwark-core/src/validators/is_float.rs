//! `isFloat`.

use super::alpha::{DECIMAL, find};
use super::is_int::in_bounds;
use super::rule::{Options, Rule};
use crate::{Error, ErrorCode, Result};

/// Options of [`is_float`], with validator.js names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FloatOptions {
    /// The decimal separator of `locale` (default `.`): see [`FloatOptions::with_locale`].
    pub decimal: char,
    /// `min` (inclusive).
    pub min: Option<f64>,
    /// `max` (inclusive).
    pub max: Option<f64>,
    /// `lt` (exclusive upper bound).
    pub lt: Option<f64>,
    /// `gt` (exclusive lower bound).
    pub gt: Option<f64>,
}

impl Default for FloatOptions {
    fn default() -> Self {
        FloatOptions { decimal: '.', min: None, max: None, lt: None, gt: None }
    }
}

/// The decimal separator of a validator.js locale (`isFloatLocales`).
pub(crate) fn decimal_separator(locale: &str, function: &str) -> Result<char> {
    find(DECIMAL, locale).ok_or_else(|| {
        Error::new(ErrorCode::InvalidOptions, format!("{function}: invalid locale '{locale}'"))
    })
}

impl FloatOptions {
    /// Default options with `locale`'s decimal separator.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for a locale validator.js does not list (it would silently build
    /// a wrong regex).
    pub fn with_locale(locale: &str) -> Result<FloatOptions> {
        Ok(FloatOptions {
            decimal: decimal_separator(locale, "isFloat")?,
            ..FloatOptions::default()
        })
    }
}

/// The parts of `[-+]?[0-9]*(<sep>[0-9]*)?([eE][-+]?[0-9]+)?`, or `None`.
struct FloatParts {
    int_digits: usize,
    frac_digits: usize,
}

fn float_parts(s: &str, sep: char) -> Option<FloatParts> {
    let rest = s.strip_prefix(['-', '+']).unwrap_or(s);
    let int_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = &rest[int_digits..];
    let mut frac_digits = 0;
    if rest.starts_with(sep) {
        rest = &rest[sep.len_utf8()..];
        frac_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        rest = &rest[frac_digits..];
    }
    if let Some(exp) = rest.strip_prefix(['e', 'E']) {
        let exp = exp.strip_prefix(['-', '+']).unwrap_or(exp);
        if exp.is_empty() || !exp.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    } else if !rest.is_empty() {
        return None;
    }
    Some(FloatParts { int_digits, frac_digits })
}

/// validator.js's value: `parseFloat(str.replace(',', '.'))` on a string that passed the
/// pattern (NaN when no digits precede the exponent; an Arabic separator ends the number).
fn js_parse_float(s: &str, parts: &FloatParts, sep: char) -> f64 {
    if parts.int_digits == 0 && parts.frac_digits == 0 {
        return f64::NAN;
    }
    let text = if sep == ',' { s.replacen(',', ".", 1) } else { s.to_owned() };
    let number = if sep == '.' || sep == ',' {
        text.as_str()
    } else {
        // parseFloat stops at a separator that is not '.'.
        match text.find(sep) {
            Some(i) => &text[..i],
            None => text.as_str(),
        }
    };
    if number
        .strip_prefix(['-', '+'])
        .unwrap_or(number)
        .bytes()
        .next()
        .is_none_or(|b| !b.is_ascii_digit() && b != b'.')
    {
        return f64::NAN;
    }
    number.parse::<f64>().unwrap_or(f64::NAN)
}

/// validator.js `toFloat(s)`: `parseFloat(s)` when `s` passes `isFloat` (default locale),
/// else NaN.
pub(crate) fn to_float(s: &str) -> f64 {
    if matches!(s, "" | "." | "," | "-" | "+") {
        return f64::NAN;
    }
    match float_parts(s, '.') {
        Some(parts) => js_parse_float(s, &parts, '.'),
        None => f64::NAN,
    }
}

/// `true` when `s` is a decimal floating-point literal within the bounds, as validator.js
/// `isFloat` decides (its pattern lets every part be empty but the whole: `"-."` and
/// `"e5"` are floats, whose value is NaN and fails any bound).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_float, FloatOptions};
/// let d = FloatOptions::default();
/// assert!(is_float("123.45", &d) && is_float("-.5e-3", &d) && is_float("5", &d));
/// assert!(!is_float("1.2.3", &d) && !is_float("", &d) && !is_float("0x1", &d));
/// assert!(is_float("1,5", &FloatOptions::with_locale("de-DE").unwrap()));
/// assert!(!is_float("10.5", &FloatOptions { max: Some(10.0), ..d }));
/// ```
pub fn is_float(s: &str, options: &FloatOptions) -> bool {
    if matches!(s, "" | "." | "," | "-" | "+") {
        return false;
    }
    let Some(parts) = float_parts(s, options.decimal) else {
        return false;
    };
    if options.min.is_none()
        && options.max.is_none()
        && options.lt.is_none()
        && options.gt.is_none()
    {
        return true;
    }
    in_bounds(
        js_parse_float(s, &parts, options.decimal),
        options.min,
        options.max,
        options.lt,
        options.gt,
    )
}

/// validator.js `isFloat` options (`locale` picks the decimal separator).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let decimal = match o.string("locale")? {
        Some(locale) => FloatOptions::with_locale(&locale)?.decimal,
        None => '.',
    };
    Ok(Rule::Float(FloatOptions {
        decimal,
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
        let d = FloatOptions::default();
        for s in [
            "123",
            "123.",
            "123.123",
            "-123.123",
            "-0.123",
            "+0.123",
            "0.123",
            ".0",
            "-.123",
            "+.123",
            "01.123",
            "-0.22250738585072011e-307",
            "-.",
            "e5",
            "1e5",
            "1E+5",
        ] {
            assert!(is_float(s, &d), "{s}");
        }
        for s in [
            "0,824", "abc", "  ", "", ".", ",", "+", "-", "foo", "1.2.3", "1e", "1e+", "0x1",
            "١٫٥", " 1",
        ] {
            assert!(!is_float(s, &d), "{s}");
        }
        let bounded = FloatOptions { min: Some(3.7), ..d };
        for (s, ok) in [
            ("3.888", true),
            ("3.92", true),
            ("4.5", true),
            ("50", true),
            ("3.65", false),
            ("-5", false),
            ("-.", false),
            ("e5", false),
        ] {
            assert_eq!(is_float(s, &bounded), ok, "{s}");
        }
        let range = FloatOptions { gt: Some(-5.5), lt: Some(10.0), ..d };
        for (s, ok) in [
            ("9.9", true),
            ("-5.3", true),
            ("-5.5", false),
            ("10", false),
            ("1e1", false),
            ("1e0", true),
        ] {
            assert_eq!(is_float(s, &range), ok, "{s}");
        }
        let de = match FloatOptions::with_locale("de-DE") {
            Ok(o) => o,
            Err(err) => panic!("{err}"),
        };
        assert!(is_float("1,5", &de) && !is_float("1.5", &de));
        assert!(is_float("1,5", &FloatOptions { min: Some(1.4), max: Some(1.6), ..de }));
        let ar = match FloatOptions::with_locale("ar") {
            Ok(o) => o,
            Err(err) => panic!("{err}"),
        };
        assert!(is_float("1٫5", &ar));
        // parseFloat stops at the Arabic separator: the value is 1.
        assert!(is_float("1٫5", &FloatOptions { max: Some(1.0), ..ar }));
        assert!(!is_float("٫5", &FloatOptions { max: Some(1.0), ..ar }));
        assert!(FloatOptions::with_locale("xx").is_err());
        assert!(is_float(&"1".repeat(1 << 20), &FloatOptions { min: Some(0.0), ..d }));
    }
}
