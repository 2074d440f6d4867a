//! `isISO15924`.

use super::rule::{Options, Rule};
use super::tables::has_code;
use super::tables::iso_codes::ISO15924;
use crate::Result;

/// `true` when `s` is an ISO 15924 script code (exact case: `Latn`), as validator.js `isISO15924` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_iso15924;
/// assert!(is_iso15924("Latn"));
/// assert!(!is_iso15924("latn"));
/// ```
pub fn is_iso15924(s: &str) -> bool {
    has_code(ISO15924, s)
}

pub(crate) fn rule(_: &mut Options) -> Result<Rule> {
    Ok(Rule::Iso15924)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["Latn", "Cyrl", "Zyyy", "Adlm"] {
            assert!(is_iso15924(s), "{s}");
        }
        for s in ["", "latn", "LATN", "Lat", "Latnn", "Abcd"] {
            assert!(!is_iso15924(s), "{s}");
        }
    }
}
