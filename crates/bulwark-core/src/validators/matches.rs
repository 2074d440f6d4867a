//! `matches`.

use super::js_regex::JsRegex;
use super::rule::{Options, Rule, invalid};
use crate::Result;

/// `true` when `pattern` matches somewhere in `s`, as validator.js `matches` decides
/// (`!!s.match(pattern)`), on the linear-time `regex` crate.
///
/// Build the pattern with [`JsRegex::new`] from a JS source and flags; patterns the
/// linear-time engine cannot run (look-around, back-references) are refused there with
/// `INVALID_OPTIONS` rather than run on a backtracking engine. See [`JsRegex`] for the
/// JS semantics kept (code units without `u`, JS case folding) and the two that differ
/// (`m` does not treat U+2028/U+2029 as line ends; `\b` stays ASCII with `u` and `i`).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{matches, JsRegex};
/// let re = JsRegex::new("^[a-z]+$", "i").unwrap();
/// assert!(matches("Hello", &re));
/// assert!(!matches("Hello!", &re));
/// ```
pub fn matches(s: &str, pattern: &JsRegex) -> bool {
    pattern.is_match(s)
}

/// `{ "pattern": source, "flags"?: flags }`: a JS RegExp's source and flags.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let source =
        o.string("pattern")?.ok_or_else(|| invalid("matches: a pattern is required".into()))?;
    let flags = o.string("flags")?.unwrap_or_default();
    Ok(Rule::Matches(Box::new(JsRegex::new(&source, &flags)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let re = |s: &str, f: &str| match JsRegex::new(s, f) {
            Ok(re) => re,
            Err(err) => panic!("{err}"),
        };
        assert!(matches("abc", &re("abc", "")));
        assert!(matches("acb", &re("c", "")));
        assert!(!matches("acb", &re("^[a-z0-9]+c$", "")));
        assert!(matches("ABC", &re("abc", "i")));
        assert!(!matches("ABC", &re("abc", "")));
        assert!(matches("abc", &re("abc", "g")));
        assert!(!matches(&format!("{}!", "a".repeat(1 << 20)), &re("^(a+)+$", "")));
    }
}
