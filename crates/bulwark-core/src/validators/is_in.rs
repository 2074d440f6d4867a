//! `isIn`.

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// `true` when `s` equals one of `values`, as validator.js `isIn` decides for an array
/// (whose elements it converts with `toString`: the JS layer passes them converted).
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_in;
/// let colors = ["red".to_string(), "green".to_string()];
/// assert!(is_in("red", &colors));
/// assert!(!is_in("Red", &colors) && !is_in("", &colors));
/// ```
pub fn is_in(s: &str, values: &[String]) -> bool {
    values.iter().any(|v| v == s)
}

/// `{ "values": [...] }`: the strings (required; the JS layer converts validator.js's
/// array or object).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::In(
        o.strings("values")?
            .ok_or_else(|| invalid("isIn: values must be an array of strings".into()))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let values: Vec<String> = ["foo", "bar", "1", ""].iter().map(|s| s.to_string()).collect();
        for (s, expected) in [
            ("foo", true),
            ("bar", true),
            ("1", true),
            ("", true),
            ("foobar", false),
            ("fo", false),
            (" foo", false),
        ] {
            assert_eq!(is_in(s, &values), expected, "{s}");
        }
        assert!(!is_in("foo", &[]));
    }
}
