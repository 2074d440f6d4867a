//! `isISO31661Numeric`.

use super::rule::{Options, Rule};
use super::tables::has_code;
use super::tables::iso_codes::ISO31661_NUMERIC;
use crate::Result;

/// `true` when `s` is an ISO 3166-1 numeric country code (three digits), as validator.js `isISO31661Numeric` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_iso31661_numeric;
/// assert!(is_iso31661_numeric("250"));
/// assert!(!is_iso31661_numeric("251"));
/// ```
pub fn is_iso31661_numeric(s: &str) -> bool {
    has_code(ISO31661_NUMERIC, s)
}

pub(crate) fn rule(_: &mut Options) -> Result<Rule> {
    Ok(Rule::Iso31661Numeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["076", "004", "894", "250"] {
            assert!(is_iso31661_numeric(s), "{s}");
        }
        for s in ["", "76", "0076", "000", "999", " 076", "076\n"] {
            assert!(!is_iso31661_numeric(s), "{s}");
        }
    }
}
