//! `equals`.

use super::rule::{Options, Rule};
use crate::Result;

/// `true` when `s` is exactly `comparison`, as validator.js `equals` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::equals;
/// assert!(equals("abc", "abc") && !equals("abc", "Abc"));
/// ```
pub fn equals(s: &str, comparison: &str) -> bool {
    s == comparison
}

/// `{ "comparison": string | null }`: `null` (validator.js compared with a non-string)
/// equals no string.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Equals(o.string("comparison")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert!(equals("", ""));
        assert!(equals("é", "é"));
        assert!(!equals("e\u{301}", "é"));
        assert!(!equals("a", "a "));
    }
}
