//! `isNumeric`.

use super::is_float::decimal_separator;
use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_numeric`], with validator.js names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumericOptions {
    /// `no_symbols` (default `false`): digits only, no sign or separator.
    pub no_symbols: bool,
    /// The decimal separator of `locale` (default `.`).
    pub decimal: char,
}

impl Default for NumericOptions {
    fn default() -> Self {
        NumericOptions { no_symbols: false, decimal: '.' }
    }
}

impl NumericOptions {
    /// Options with `locale`'s decimal separator.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for a locale validator.js does not list.
    pub fn with_locale(locale: &str, no_symbols: bool) -> Result<NumericOptions> {
        Ok(NumericOptions { no_symbols, decimal: decimal_separator(locale, "isNumeric")? })
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `true` when `s` is a number written with ASCII digits, as validator.js `isNumeric`
/// decides: `[+-]?([0-9]*<sep>)?[0-9]+`, or `[0-9]+` with `no_symbols`.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_numeric, NumericOptions};
/// let d = NumericOptions::default();
/// assert!(is_numeric("-12.5", &d) && is_numeric(".5", &d) && is_numeric("007", &d));
/// assert!(!is_numeric("12.", &d) && !is_numeric("1e5", &d) && !is_numeric("", &d));
/// assert!(!is_numeric("-1", &NumericOptions { no_symbols: true, ..d }));
/// ```
pub fn is_numeric(s: &str, options: &NumericOptions) -> bool {
    if options.no_symbols {
        return all_digits(s);
    }
    let rest = s.strip_prefix(['+', '-']).unwrap_or(s);
    match rest.split_once(options.decimal) {
        Some((int, frac)) => int.bytes().all(|b| b.is_ascii_digit()) && all_digits(frac),
        None => all_digits(rest),
    }
}

/// validator.js `isNumeric` options (`no_symbols`, `locale`).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let no_symbols = o.bool("no_symbols", false)?;
    match o.string("locale")? {
        Some(locale) => Ok(Rule::Numeric(NumericOptions::with_locale(&locale, no_symbols)?)),
        None => Ok(Rule::Numeric(NumericOptions { no_symbols, decimal: '.' })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = NumericOptions::default();
        for s in ["123", "00123", "-00123", "0", "-0", "+123", "123.123", "+000000", ".5", "-.5"] {
            assert!(is_numeric(s, &d), "{s}");
        }
        for s in [" ", "", ".", "12.", "1.2.3", "+", "-", "+-1", "1e5", "١", "1,5"] {
            assert!(!is_numeric(s, &d), "{s}");
        }
        let strict = NumericOptions { no_symbols: true, ..d };
        assert!(
            is_numeric("00123", &strict)
                && !is_numeric("-0", &strict)
                && !is_numeric("1.5", &strict)
        );
        let de = match NumericOptions::with_locale("de-DE", false) {
            Ok(o) => o,
            Err(err) => panic!("{err}"),
        };
        assert!(is_numeric("1,5", &de) && !is_numeric("1.5", &de));
        assert!(NumericOptions::with_locale("xx", false).is_err());
    }
}
