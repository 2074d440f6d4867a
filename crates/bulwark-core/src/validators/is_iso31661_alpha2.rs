//! `isISO31661Alpha2`.

use super::rule::{Options, Rule};
use super::tables::{has_code, iso_codes::ISO31661_ALPHA2, upper_is};
use crate::Result;

/// Options of [`is_iso31661_alpha2`] and
/// [`is_iso31661_alpha3`](super::is_iso31661_alpha3): validator.js `userAssignedCodes`,
/// extra codes that count as valid (user-assigned ranges such as `XK`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountryCodeOptions {
    user_assigned_codes: Vec<String>,
}

impl CountryCodeOptions {
    /// Keeps the codes of `len` ASCII letters, upper-cased, and ignores the others, as
    /// validator.js does.
    pub fn new<S: AsRef<str>>(user_assigned_codes: &[S], len: usize) -> CountryCodeOptions {
        let user_assigned_codes = user_assigned_codes
            .iter()
            .map(AsRef::as_ref)
            .filter(|c| c.len() == len && c.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(str::to_ascii_uppercase)
            .collect();
        CountryCodeOptions { user_assigned_codes }
    }

    pub(crate) fn accepts(&self, code: &str, list: &[&str], len: usize) -> bool {
        upper_is(code, len, |upper| {
            self.user_assigned_codes.iter().any(|c| c == upper) || has_code(list, upper)
        })
    }

    /// Reads `{ userAssignedCodes: [...] }`.
    pub(super) fn from_options(o: &mut Options, len: usize) -> Result<CountryCodeOptions> {
        let codes = o.strings("userAssignedCodes")?.unwrap_or_default();
        Ok(CountryCodeOptions::new(&codes, len))
    }
}

/// `true` when `s` (any case) is an ISO 3166-1 alpha-2 country code or one of the
/// user-assigned codes, as validator.js `isISO31661Alpha2` decides (`s.toUpperCase()`, so
/// `'ß'` reads as `'SS'`).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_iso31661_alpha2, CountryCodeOptions};
/// assert!(is_iso31661_alpha2("FR", &CountryCodeOptions::default()));
/// assert!(is_iso31661_alpha2("fr", &CountryCodeOptions::default()));
/// assert!(!is_iso31661_alpha2("XK", &CountryCodeOptions::default()));
/// assert!(is_iso31661_alpha2("xk", &CountryCodeOptions::new(&["XK"], 2)));
/// ```
pub fn is_iso31661_alpha2(s: &str, options: &CountryCodeOptions) -> bool {
    options.accepts(s, ISO31661_ALPHA2, 2)
}

pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Iso31661Alpha2(CountryCodeOptions::from_options(o, 2)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = CountryCodeOptions::default();
        for s in ["FR", "fR", "GB", "IT", "NO", "ss", "ß", "ıt"] {
            assert!(is_iso31661_alpha2(s, &d), "{s}");
        }
        for s in ["", "FRA", "AA", "XK", "F", "FR ", " FR", "1", "\u{0}"] {
            assert!(!is_iso31661_alpha2(s, &d), "{s}");
        }
        let user = CountryCodeOptions::new(&["xk", "XAA", "1A", "ZZ"], 2);
        assert!(is_iso31661_alpha2("XK", &user) && is_iso31661_alpha2("zz", &user));
        assert!(!is_iso31661_alpha2("XAA", &user) && !is_iso31661_alpha2("1A", &user));
        assert!(!is_iso31661_alpha2(&"F".repeat(1 << 20), &user));
    }
}
