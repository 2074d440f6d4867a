//! `isPostalCode`.

use super::rule::{Options, Rule};
use super::tables::postal_code::POSTAL_CODE;
use super::tables::{Entry, Pick};
use crate::{Error, ErrorCode, Result};

/// The locale of [`is_postal_code`]: a country of validator.js `isPostalCodeLocales`, or
/// `'any'` (every one).
#[derive(Debug, Clone, PartialEq)]
pub struct PostalCodeLocale(Pick);

impl PostalCodeLocale {
    /// `locale` (`"any"` for every country).
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown locale (validator.js throws `Error`).
    pub fn new(locale: &str) -> Result<PostalCodeLocale> {
        locale_in(&POSTAL_CODE, "isPostalCode", locale).map(PostalCodeLocale)
    }
}

/// `locale` of `table` or `'any'`.
pub(crate) fn locale_in(table: &'static [Entry], name: &str, locale: &str) -> Result<Pick> {
    Pick::one(table, locale, true).ok_or_else(|| {
        Error::new(ErrorCode::InvalidOptions, format!("{name}: invalid locale '{locale}'"))
    })
}

/// `true` when `s` is a postal code of the locale, as validator.js `isPostalCode` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_postal_code, PostalCodeLocale};
/// assert!(is_postal_code("10115", &PostalCodeLocale::new("DE").unwrap()));
/// assert!(is_postal_code("SW1A 1AA", &PostalCodeLocale::new("GB").unwrap()));
/// assert!(!is_postal_code("1011", &PostalCodeLocale::new("DE").unwrap()));
/// assert!(is_postal_code("10115", &PostalCodeLocale::new("any").unwrap()));
/// assert!(PostalCodeLocale::new("XX").is_err());
/// ```
pub fn is_postal_code(s: &str, locale: &PostalCodeLocale) -> bool {
    locale.0.test(&POSTAL_CODE, s)
}

pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::PostalCode(PostalCodeLocale(Pick::read(o, "locale", &POSTAL_CODE, false, None)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(locale: &str, s: &str) -> bool {
        match PostalCodeLocale::new(locale) {
            Ok(l) => is_postal_code(s, &l),
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn table() {
        for (locale, s, ok) in [
            ("DE", "10115", true),
            ("NL", "1234 AB", true),
            ("NL", "1234 sa", false),
            ("IN", "110001", true),
            ("IN", "100001", false),
            ("IR", "1111111111", false),
            ("IR", "1311111111", true),
            ("IE", "A65 F4E2", true),
            ("IE", "A65 FOE2", false),
            ("US", "12345-6789", true),
            ("any", "10115", true),
            ("any", "", false),
        ] {
            assert_eq!(check(locale, s), ok, "{locale} {s}");
        }
        assert!(PostalCodeLocale::new("toString").is_err());
        assert!(!check("any", &"1".repeat(1 << 20)));
    }
}
