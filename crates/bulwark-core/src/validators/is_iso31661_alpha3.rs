//! `isISO31661Alpha3`.

use super::is_iso31661_alpha2::CountryCodeOptions;
use super::rule::{Options, Rule};
use super::tables::iso_codes::ISO31661_ALPHA3;
use crate::Result;

/// `true` when `s` (any case) is an ISO 3166-1 alpha-3 country code or one of the
/// user-assigned codes (three letters), as validator.js `isISO31661Alpha3` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_iso31661_alpha3, CountryCodeOptions};
/// assert!(is_iso31661_alpha3("FRA", &CountryCodeOptions::default()));
/// assert!(!is_iso31661_alpha3("FR", &CountryCodeOptions::default()));
/// assert!(is_iso31661_alpha3("XXK", &CountryCodeOptions::new(&["xxk"], 3)));
/// ```
pub fn is_iso31661_alpha3(s: &str, options: &CountryCodeOptions) -> bool {
    options.accepts(s, ISO31661_ALPHA3, 3)
}

pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Iso31661Alpha3(CountryCodeOptions::from_options(o, 3)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = CountryCodeOptions::default();
        for s in ["ABW", "abw", "FRA", "deu", "SWE"] {
            assert!(is_iso31661_alpha3(s, &d), "{s}");
        }
        for s in ["", "FR", "FRAN", "XXK", "AAA", "fra "] {
            assert!(!is_iso31661_alpha3(s, &d), "{s}");
        }
        assert!(!is_iso31661_alpha3("XK", &CountryCodeOptions::new(&["XK"], 3)));
    }
}
