//! `isPassportNumber`.

use super::is_js_space;
use super::rule::{Options, Rule, invalid};
use super::tables::passport_number::PASSPORT_NUMBER;
use super::tables::{Entry, find};
use crate::Result;

/// The country of [`is_passport_number`]: an upper-case code of validator.js
/// `passportNumberLocales`.
#[derive(Debug, Clone)]
pub struct PassportCountry(&'static Entry);

impl PartialEq for PassportCountry {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl PassportCountry {
    /// `country` (`"US"`, `"DE"`, ...).
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown country, or a known one not in upper case
    /// (validator.js returns `false` for the first and throws `TypeError` for the second).
    pub fn new(country: &str) -> Result<PassportCountry> {
        find(&PASSPORT_NUMBER, country)
            .map(PassportCountry)
            .ok_or_else(|| invalid(format!("isPassportNumber: invalid country code '{country}'")))
    }
}

/// `true` when `s` is a passport number of the country, as validator.js
/// `isPassportNumber` decides: whitespace removed and upper-cased first (JS full case
/// mapping).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_passport_number, PassportCountry};
/// assert!(is_passport_number(" 123 456 789 ", &PassportCountry::new("US").unwrap()));
/// assert!(is_passport_number("g12345678", &PassportCountry::new("CN").unwrap()));
/// assert!(!is_passport_number("EI1234567", &PassportCountry::new("CN").unwrap()));
/// ```
pub fn is_passport_number(s: &str, country: &PassportCountry) -> bool {
    let normalized: String = s.chars().filter(|&c| !is_js_space(c)).collect();
    country.0.test(&normalized.to_uppercase())
}

pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let country = o
        .string("locale")?
        .ok_or_else(|| invalid("isPassportNumber: a locale is required".into()))?;
    Ok(Rule::PassportNumber(PassportCountry::new(&country)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(country: &str, s: &str) -> bool {
        match PassportCountry::new(country) {
            Ok(c) => is_passport_number(s, &c),
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn table() {
        for (country, s, ok) in [
            ("US", "123456789", true),
            ("US", "A12345678", true),
            ("US", "a 1234 5678", true),
            ("US", "12345678", false),
            ("CN", "G12345678", true),
            ("CN", "EI1234567", false),
            ("CN", "EA1234567", true),
            ("DE", "C01X00T47", true),
        ] {
            assert_eq!(check(country, s), ok, "{country} {s}");
        }
        assert!(PassportCountry::new("us").is_err() && PassportCountry::new("XX").is_err());
        assert!(!check("US", &"1".repeat(1 << 20)));
    }
}
