//! `contains`.

use super::rule::{Options, Rule, invalid};
use super::utf16_len;
use crate::Result;

/// Options of [`contains`], with validator.js names.
#[derive(Debug, Clone, PartialEq)]
pub struct ContainsOptions {
    /// The substring to look for (validator.js's `elem`, converted to a string).
    pub seed: String,
    /// `ignoreCase`: compare the lowercased string and seed (default false).
    pub ignore_case: bool,
    /// `minOccurrences`: how many times the seed must occur (default 1).
    pub min_occurrences: f64,
}

impl Default for ContainsOptions {
    fn default() -> Self {
        ContainsOptions { seed: String::new(), ignore_case: false, min_occurrences: 1.0 }
    }
}

/// The number of pieces of JS `s.split(seed)` for well-formed strings: non-overlapping
/// occurrences plus one, or one piece per UTF-16 unit for an empty seed (none for "").
fn split_pieces(s: &str, seed: &str) -> usize {
    if seed.is_empty() { utf16_len(s) } else { s.matches(seed).count() + 1 }
}

/// `true` when `seed` occurs in `s` at least `min_occurrences` times (non-overlapping), as
/// validator.js `contains` decides (`str.split(seed).length > minOccurrences`, so an empty
/// seed counts one occurrence per UTF-16 unit).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{contains, ContainsOptions};
/// let o = ContainsOptions { seed: "oo".into(), ..ContainsOptions::default() };
/// assert!(contains("foobar", &o) && !contains("bar", &o));
/// let twice = ContainsOptions { seed: "A".into(), ignore_case: true, min_occurrences: 2.0 };
/// assert!(contains("abca", &twice) && !contains("abc", &twice));
/// ```
pub fn contains(s: &str, options: &ContainsOptions) -> bool {
    let pieces = if options.ignore_case {
        split_pieces(&s.to_lowercase(), &options.seed.to_lowercase())
    } else {
        split_pieces(s, &options.seed)
    };
    pieces as f64 > options.min_occurrences
}

/// `{ "seed": string, "ignoreCase"?: bool, "minOccurrences"?: number }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let seed = o.string("seed")?.ok_or_else(|| invalid("contains: a seed is required".into()))?;
    let ignore_case = o.bool("ignoreCase", false)?;
    let min_occurrences = o.number("minOccurrences")?.unwrap_or(1.0);
    Ok(Rule::Contains(Box::new(ContainsOptions { seed, ignore_case, min_occurrences })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str, seed: &str, ignore_case: bool, min: f64) -> bool {
        contains(s, &ContainsOptions { seed: seed.into(), ignore_case, min_occurrences: min })
    }

    #[test]
    fn table() {
        assert!(c("foobar", "foo", false, 1.0));
        assert!(c("foobar", "bar", false, 1.0));
        assert!(!c("bar", "foo", false, 1.0));
        assert!(!c("FOOBAR", "foo", false, 1.0));
        assert!(c("FOOBAR", "foo", true, 1.0));
        assert!(c("foobarfoo", "foo", false, 2.0));
        assert!(!c("foobar", "foo", false, 2.0));
        // Non-overlapping, as JS split counts.
        assert!(!c("aaa", "aa", false, 2.0));
        // Empty seed: one piece per UTF-16 unit.
        assert!(c("a", "", false, 0.0));
        assert!(!c("a", "", false, 1.0));
        assert!(c("😀", "", false, 1.0));
        assert!(!c("", "", false, 0.0));
        assert!(c("", "x", false, 0.0));
        assert!(c("x", "y", false, -1.0));
        assert!(c(&"ab".repeat(1 << 19), "ab", false, 500_000.0));
    }
}
