//! `isLength`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_length`], with validator.js names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LengthOptions {
    /// `min` (default 0).
    pub min: f64,
    /// `max` (default none).
    pub max: Option<f64>,
    /// `discreteLengths`: when set, the length must also be one of these.
    pub discrete_lengths: Option<Vec<f64>>,
}

/// The length validator.js `isLength` counts: UTF-16 units, minus one per surrogate pair
/// (an astral character counts once) and one per character followed by a variation
/// selector (U+FE0E/U+FE0F), so `"❤️"` counts once. Stacked selectors count as characters
/// (the CVE-2025-12758 fix), so a run of selectors cannot make a long string "short".
///
/// # Examples
/// ```
/// use bulwark_core::validators::js_length;
/// assert_eq!(js_length("abc"), 3);
/// assert_eq!(js_length("😀"), 1);
/// assert_eq!(js_length("❤\u{FE0F}"), 1);
/// assert_eq!(js_length("a\u{FE0F}\u{FE0F}\u{FE0F}"), 3);
/// ```
pub fn js_length(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    let is_selector = |u: u16| u == 0xFE0E || u == 0xFE0F;
    let mut units = s.encode_utf16().peekable();
    let (mut len, mut pairs, mut sequences) = (0usize, 0usize, 0usize);
    // /[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g: non-overlapping, left to right.
    while let Some(u) = units.next() {
        len += 1;
        if !is_selector(u) && units.next_if(|&next| is_selector(next)).is_some() {
            len += 1;
            sequences += 1;
        }
    }
    // /[\uD800-\uDBFF][\uDC00-\uDFFF]/g: one per astral character (Rust strings hold no
    // lone surrogates).
    for c in s.chars() {
        if c.len_utf16() == 2 {
            pairs += 1;
        }
    }
    len - sequences - pairs
}

/// `true` when [`js_length`] of `s` is within `[min, max]` and, when `discreteLengths` is
/// set, one of them, as validator.js `isLength` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_length, LengthOptions};
/// let o = LengthOptions { min: 2.0, max: Some(3.0), discrete_lengths: None };
/// assert!(is_length("abc", &o) && is_length("😀😀", &o) && !is_length("abcd", &o));
/// ```
pub fn is_length(s: &str, options: &LengthOptions) -> bool {
    let len = js_length(s) as f64;
    let inside = len >= options.min && options.max.is_none_or(|max| len <= max);
    match &options.discrete_lengths {
        Some(lengths) if inside => lengths.contains(&len),
        _ => inside,
    }
}

/// validator.js `isLength` options.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Length(LengthOptions {
        min: o.number("min")?.unwrap_or(0.0),
        max: o.number("max")?,
        discrete_lengths: o.numbers("discreteLengths")?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let range = |min: f64, max: Option<f64>| LengthOptions { min, max, discrete_lengths: None };
        let cases: Vec<(&str, LengthOptions, bool)> = vec![
            ("abc", range(2.0, None), true),
            ("de", range(2.0, None), true),
            ("abcd", range(2.0, None), true),
            ("干𩸽", range(2.0, None), true),
            ("", range(2.0, None), false),
            ("a", range(2.0, None), false),
            ("abcd", range(2.0, Some(3.0)), false),
            ("干𩸽", range(2.0, Some(3.0)), true),
            ("𠀋", range(0.0, Some(1.0)), true),
            ("千竈通り", range(0.0, Some(1.0)), false),
            ("👩🦰", range(0.0, Some(2.0)), true),
            ("👩🦰👩🦰", range(0.0, Some(2.0)), false),
            ("🇺🇸", range(0.0, Some(2.0)), true),
            ("⏩︎", range(0.0, Some(1.0)), true),
            ("a\u{FE0F}\u{FE0F}\u{FE0F}\u{FE0F}", range(0.0, Some(1.0)), false),
            ("a\u{FE0F}\u{FE0F}\u{FE0F}\u{FE0F}", range(4.0, Some(4.0)), true),
            ("", LengthOptions { min: 0.0, max: Some(0.0), discrete_lengths: None }, true),
            (
                "abc",
                LengthOptions { min: 0.0, max: None, discrete_lengths: Some(vec![2.0, 3.0]) },
                true,
            ),
            (
                "abcd",
                LengthOptions { min: 0.0, max: None, discrete_lengths: Some(vec![2.0, 3.0]) },
                false,
            ),
            ("ab", LengthOptions { min: 3.0, max: None, discrete_lengths: Some(vec![2.0]) }, false),
            ("ab", LengthOptions { min: 0.0, max: None, discrete_lengths: Some(vec![]) }, false),
        ];
        for (s, o, expected) in cases {
            assert_eq!(is_length(s, &o), expected, "{s:?} {o:?}");
        }
        assert_eq!(js_length("\u{FE0F}a"), 2);
        assert_eq!(js_length("😀\u{FE0F}"), 1);
        assert_eq!(js_length(&"\u{FE0F}".repeat(1 << 18)), 1 << 18);
    }
}
