//! `isLicensePlate`.

use super::is_postal_code::locale_in;
use super::rule::{Options, Rule};
use super::tables::Pick;
use super::tables::license_plate::LICENSE_PLATE;
use crate::Result;

/// The locale of [`is_license_plate`]: one of validator.js's (`de-DE`, `pt-BR`, ...) or
/// `'any'`.
#[derive(Debug, Clone, PartialEq)]
pub struct LicensePlateLocale(Pick);

impl LicensePlateLocale {
    /// `locale` (`"any"` for every one).
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown locale (validator.js throws `Error`).
    pub fn new(locale: &str) -> Result<LicensePlateLocale> {
        locale_in(&LICENSE_PLATE, "isLicensePlate", locale).map(LicensePlateLocale)
    }
}

/// `true` when `s` is a license plate of the locale, as validator.js `isLicensePlate`
/// decides (`sv-SE` and `en-PK` trim the string first, as there).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_license_plate, LicensePlateLocale};
/// assert!(is_license_plate("B-AB 123", &LicensePlateLocale::new("de-DE").unwrap()));
/// assert!(!is_license_plate("AAA-123", &LicensePlateLocale::new("hu-HU").unwrap()));
/// assert!(is_license_plate("AAB-123", &LicensePlateLocale::new("any").unwrap()));
/// ```
pub fn is_license_plate(s: &str, locale: &LicensePlateLocale) -> bool {
    locale.0.test(&LICENSE_PLATE, s)
}

pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::LicensePlate(LicensePlateLocale(Pick::read(
        o,
        "locale",
        &LICENSE_PLATE,
        false,
        None,
    )?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(locale: &str, s: &str) -> bool {
        match LicensePlateLocale::new(locale) {
            Ok(l) => is_license_plate(s, &l),
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn table() {
        for (locale, s, ok) in [
            ("de-DE", "B-AB 123", true),
            ("de-DE", "B-AB 12345", false),
            ("hu-HU", "AAA-123", false),
            ("hu-HU", "AAB-123", true),
            ("hu-HU", "ABC-000", false),
            ("fi-FI", "ABC-123", true),
            ("fi-FI", "A-1", false),
            ("sv-SE", " ABC 123 ", true),
            ("pt-BR", "ABC1D23", true),
            ("any", "ABC1D23", true),
            ("any", "", false),
        ] {
            assert_eq!(check(locale, s), ok, "{locale} {s}");
        }
        assert!(LicensePlateLocale::new("de").is_err());
        assert!(!check("any", &"A".repeat(1 << 20)));
    }
}
