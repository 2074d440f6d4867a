//! validator.js `toFloat`: `NaN` unless `isFloat(str)`, else `parseFloat(str)`.

use crate::validators::{FloatOptions, is_float};

/// validator.js `toFloat`: `NaN` unless the input is a float in validator's `isFloat`
/// sense (default options: `^[-+]?[0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)?$`, and not `""`,
/// `"."`, `"-"` or `"+"`), else its `parseFloat` value (correctly rounded; `Infinity` beyond
/// the double range; `-0` for `"-0"`). No whitespace is allowed, unlike `parseFloat`.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::to_float;
/// assert_eq!(to_float("2.5"), 2.5);
/// assert_eq!(to_float(".5e1"), 5.0);
/// assert_eq!(to_float("1e400"), f64::INFINITY);
/// assert!(to_float(" 2.5").is_nan() && to_float("2.5px").is_nan() && to_float("-.e5").is_nan());
/// ```
pub fn to_float(input: &str) -> f64 {
    if !is_float(input, &FloatOptions::default()) {
        return f64::NAN;
    }
    // The mantissa needs a digit for parseFloat (`"-."`, `".e5"` are NaN); then the whole
    // string is a StrDecimalLiteral, which Rust's parser reads with the same rounding.
    input.parse().unwrap_or(f64::NAN)
}

/// [`to_float`] over UTF-16 code units (any non-ASCII unit makes it `NaN`).
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::to_float_units;
/// assert_eq!(to_float_units(&[0x2D, 0x31]), -1.0);
/// assert!(to_float_units(&[0x31, 0xD800]).is_nan());
/// ```
pub fn to_float_units(input: &[u16]) -> f64 {
    let ascii: Option<String> =
        input.iter().map(|&u| u8::try_from(u).ok().filter(u8::is_ascii).map(char::from)).collect();
    ascii.map_or(f64::NAN, |s| to_float(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // validator.js's test values, and edge cases; expected values from Node 20.
        let cases: &[(&str, f64)] = &[
            ("2", 2.0),
            ("2.", 2.0),
            ("-2.5", -2.5),
            (".5", 0.5),
            ("+.5", 0.5),
            ("5.e3", 5000.0),
            ("1E-3", 0.001),
            ("0.1", 0.1),
            ("1e308", 1e308),
            ("1e309", f64::INFINITY),
            ("-1e309", f64::NEG_INFINITY),
            ("1e-400", 0.0),
            ("123456789012345678901234567890", 1.2345678901234568e29),
            ("9007199254740993", 9_007_199_254_740_992.0),
            ("0.30000000000000004", 0.30000000000000004),
        ];
        for &(input, expected) in cases {
            assert_eq!(to_float(input).to_bits(), expected.to_bits(), "{input:?}");
        }
        assert!(to_float("-0").is_sign_negative() && to_float("-0") == 0.0);
        assert!(to_float("-.0").is_sign_negative());
    }

    #[test]
    fn nan() {
        for input in [
            "", ".", ",", "-", "+", "-.", "+.", ".e5", "e5", "-e5", "1e", "1e+", "1.2.3", " 1",
            "1 ", "1,5", "0x10", "Infinity", "NaN", "１", "1_000", "--1", "1e5.5",
        ] {
            assert!(to_float(input).is_nan(), "{input:?}");
        }
    }

    #[test]
    fn megabyte_inputs() {
        let long = format!("0.{}1", "0".repeat(1 << 20));
        assert_eq!(to_float(&long), 0.0);
        let junk = format!("{}x", "1".repeat(1 << 20));
        assert!(to_float(&junk).is_nan());
        assert_eq!(to_float(&"9".repeat(1 << 20)), f64::INFINITY);
    }
}
