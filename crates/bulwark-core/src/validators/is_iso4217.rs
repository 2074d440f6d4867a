//! `isISO4217`.

use super::rule::{Options, Rule};
use super::tables::iso_codes::ISO4217;
use super::tables::{has_code, upper_is};
use crate::Result;

/// `true` when `s` is an ISO 4217 currency code (any case), as validator.js `isISO4217` decides (`s.toUpperCase()`).
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_iso4217;
/// assert!(is_iso4217("EUR"));
/// assert!(!is_iso4217("EUROS"));
/// ```
pub fn is_iso4217(s: &str) -> bool {
    upper_is(s, 3, |upper| has_code(ISO4217, upper))
}

pub(crate) fn rule(_: &mut Options) -> Result<Rule> {
    Ok(Rule::Iso4217)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["EUR", "eur", "usd", "XAU", "CHE"] {
            assert!(is_iso4217(s), "{s}");
        }
        for s in ["", "EU", "EURO", "ABC", "EUR "] {
            assert!(!is_iso4217(s), "{s}");
        }
    }
}
