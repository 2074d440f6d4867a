//! `isBoolean`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_boolean`], with validator.js names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BooleanOptions {
    /// `loose` (default `false`): also `yes`/`no`, in any case.
    pub loose: bool,
}

/// `true` when `s` is `true`, `false`, `1` or `0` (with `loose`: also `yes` and `no`, any
/// case), as validator.js `isBoolean` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_boolean, BooleanOptions};
/// assert!(is_boolean("true", &BooleanOptions::default()) && is_boolean("0", &BooleanOptions::default()));
/// assert!(!is_boolean("True", &BooleanOptions::default()));
/// assert!(is_boolean("YES", &BooleanOptions { loose: true }));
/// ```
pub fn is_boolean(s: &str, options: &BooleanOptions) -> bool {
    if options.loose {
        // JS toLowerCase; no non-ASCII character lowercases into these words' letters
        // except the Kelvin sign (to `k`), which none of them contains.
        s.len() <= 5
            && matches!(
                s.to_ascii_lowercase().as_str(),
                "true" | "false" | "1" | "0" | "yes" | "no"
            )
    } else {
        matches!(s, "true" | "false" | "1" | "0")
    }
}

/// validator.js `isBoolean` options.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Boolean(BooleanOptions { loose: o.bool("loose", false)? }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let strict = BooleanOptions::default();
        let loose = BooleanOptions { loose: true };
        for s in ["true", "false", "0", "1"] {
            assert!(is_boolean(s, &strict) && is_boolean(s, &loose), "{s}");
        }
        for s in ["1.0", "0.0", "true ", "False", "True", "yes", ""] {
            assert!(!is_boolean(s, &strict), "{s}");
        }
        for s in ["True", "FALSE", "yes", "No", "YeS"] {
            assert!(is_boolean(s, &loose), "{s}");
        }
        for s in ["1.0", "0.0", "true ", " false", "ye", "yesno", "ſ", "\u{212A}"] {
            assert!(!is_boolean(s, &loose), "{s}");
        }
    }
}
