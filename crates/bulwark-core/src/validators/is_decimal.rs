//! `isDecimal`.

use super::is_float::decimal_separator;
use super::rule::{Options, Rule};
use crate::{Error, ErrorCode, Result};

/// Options of [`is_decimal`], with validator.js names and defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalOptions {
    /// `force_decimal` (default `false`): a separator and fraction are required.
    pub force_decimal: bool,
    /// `decimal_digits` (default `'1,'`): the fraction's digit count, as `(min, max)`.
    pub decimal_digits: (u32, Option<u32>),
    /// The decimal separator of `locale` (default `en-US`: `.`).
    pub decimal: char,
}

impl Default for DecimalOptions {
    fn default() -> Self {
        DecimalOptions { force_decimal: false, decimal_digits: (1, None), decimal: '.' }
    }
}

impl DecimalOptions {
    /// Options from validator.js values: `decimal_digits` is a regex quantifier body
    /// (`'1,'`, `'1,3'`, `'3'`) and `locale` a decimal locale.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for another `decimal_digits` (validator.js pastes it into a regex
    /// unchecked) or an unknown locale (validator.js throws `Error`).
    pub fn new(force_decimal: bool, decimal_digits: &str, locale: &str) -> Result<DecimalOptions> {
        let invalid = || {
            Error::new(
                ErrorCode::InvalidOptions,
                format!(
                    "isDecimal: decimal_digits must look like '1,', '1,3' or '3', got '{decimal_digits}'"
                ),
            )
        };
        let number = |s: &str| {
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse::<u32>().ok()
            } else {
                None
            }
        };
        let digits = match decimal_digits.split_once(',') {
            None => {
                let n = number(decimal_digits).ok_or_else(invalid)?;
                (n, Some(n))
            }
            Some((min, "")) => (number(min).ok_or_else(invalid)?, None),
            Some((min, max)) => {
                let (min, max) =
                    (number(min).ok_or_else(invalid)?, number(max).ok_or_else(invalid)?);
                if min > max {
                    return Err(invalid());
                }
                (min, Some(max))
            }
        };
        Ok(DecimalOptions {
            force_decimal,
            decimal_digits: digits,
            decimal: decimal_separator(locale, "isDecimal")?,
        })
    }
}

/// `true` when `s` is a decimal number, as validator.js `isDecimal` decides:
/// `[-+]?([0-9]+)?(<sep>[0-9]{decimal_digits})?`, not empty and not a bare sign.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_decimal, DecimalOptions};
/// let d = DecimalOptions::default();
/// assert!(is_decimal("0.1", &d) && is_decimal(".3", &d) && is_decimal("-4", &d));
/// assert!(!is_decimal("1.", &d) && !is_decimal("-", &d) && !is_decimal("1e3", &d));
/// let two = DecimalOptions::new(true, "2", "en-US").unwrap();
/// assert!(is_decimal("1.25", &two) && !is_decimal("1.2", &two) && !is_decimal("1", &two));
/// ```
pub fn is_decimal(s: &str, options: &DecimalOptions) -> bool {
    if matches!(s, "" | "-" | "+") {
        return false;
    }
    let rest = s.strip_prefix(['-', '+']).unwrap_or(s);
    let int_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &rest[int_digits..];
    let Some(fraction) = rest.strip_prefix(options.decimal) else {
        return rest.is_empty() && !options.force_decimal;
    };
    let (min, max) = options.decimal_digits;
    let count = fraction.len();
    fraction.bytes().all(|b| b.is_ascii_digit())
        && count >= min as usize
        && max.is_none_or(|max| count <= max as usize)
}

/// validator.js `isDecimal` options (`force_decimal`, `decimal_digits`, `locale`).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let force = o.bool("force_decimal", false)?;
    let digits = o.string("decimal_digits")?.unwrap_or_else(|| "1,".into());
    let locale = o.string("locale")?.unwrap_or_else(|| "en-US".into());
    Ok(Rule::Decimal(DecimalOptions::new(force, &digits, &locale)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(force: bool, digits: &str, locale: &str) -> DecimalOptions {
        match DecimalOptions::new(force, digits, locale) {
            Ok(o) => o,
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn table() {
        let d = DecimalOptions::default();
        for s in [
            "123",
            "00123",
            "-00123",
            "0",
            "-0",
            "+123",
            "0.01",
            ".1",
            "1.0",
            "-.25",
            "-0",
            "0.0000000000001",
        ] {
            assert!(is_decimal(s, &d), "{s}");
        }
        for s in [
            "0,01",
            ",1",
            "1,0",
            "-,25",
            "0,0000000000001",
            "0٫01",
            "٫1",
            "1٫0",
            "-٫25",
            "-",
            "+",
            "",
            " ",
            "-.",
            ".",
            "1.",
            "1e3",
            "1 ",
        ] {
            assert!(!is_decimal(s, &d), "{s}");
        }
        let de = opts(false, "1,", "de-DE");
        assert!(is_decimal("1,5", &de) && !is_decimal("1.5", &de));
        let range = opts(false, "2,3", "en-US");
        assert!(
            is_decimal("1.23", &range)
                && is_decimal("1.234", &range)
                && !is_decimal("1.2", &range)
                && !is_decimal("1.2345", &range)
        );
        assert!(is_decimal("1.", &opts(false, "0,", "en-US")));
        for bad in ["", ",1", "1,x", "a", "2,1", "1}|.*{"] {
            assert!(DecimalOptions::new(false, bad, "en-US").is_err(), "{bad}");
        }
        assert!(DecimalOptions::new(false, "1,", "xx").is_err());
    }
}
