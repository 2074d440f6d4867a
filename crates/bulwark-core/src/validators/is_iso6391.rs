//! `isISO6391`.

use super::rule::{Options, Rule};
use super::tables::has_code;
use super::tables::iso_codes::ISO6391;
use crate::Result;

/// `true` when `s` is an ISO 639-1 language code (lower case), as validator.js `isISO6391` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_iso6391;
/// assert!(is_iso6391("fr"));
/// assert!(!is_iso6391("FR"));
/// ```
pub fn is_iso6391(s: &str) -> bool {
    has_code(ISO6391, s)
}

pub(crate) fn rule(_: &mut Options) -> Result<Rule> {
    Ok(Rule::Iso6391)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["en", "fr", "zu", "az"] {
            assert!(is_iso6391(s), "{s}");
        }
        for s in ["", "EN", "eng", "e", "xx", "en "] {
            assert!(!is_iso6391(s), "{s}");
        }
    }
}
