//! `isEmpty`.

use super::is_js_space;
use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_empty`], with validator.js names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EmptyOptions {
    /// `ignore_whitespace`: a string of JS whitespace only counts as empty.
    pub ignore_whitespace: bool,
}

/// `true` when `s` has no characters (or only JS whitespace with `ignore_whitespace`), as
/// validator.js `isEmpty` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_empty, EmptyOptions};
/// assert!(is_empty("", &EmptyOptions::default()) && !is_empty(" ", &EmptyOptions::default()));
/// assert!(is_empty(" \u{3000}\n", &EmptyOptions { ignore_whitespace: true }));
/// ```
pub fn is_empty(s: &str, options: &EmptyOptions) -> bool {
    if options.ignore_whitespace { s.chars().all(is_js_space) } else { s.is_empty() }
}

/// `{ "ignore_whitespace"?: bool }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Empty(EmptyOptions { ignore_whitespace: o.bool("ignore_whitespace", false)? }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = EmptyOptions::default();
        let ws = EmptyOptions { ignore_whitespace: true };
        assert!(is_empty("", &d) && is_empty("", &ws));
        assert!(!is_empty(" ", &d) && is_empty(" \t\u{a0}\u{feff}", &ws));
        assert!(!is_empty("g", &ws) && !is_empty(" g ", &ws));
        assert!(!is_empty("\u{85}", &ws) && !is_empty("\u{200b}", &ws));
    }
}
