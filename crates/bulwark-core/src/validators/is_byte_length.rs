//! `isByteLength`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_byte_length`]: an inclusive range of UTF-8 byte counts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ByteLengthOptions {
    /// `min` (default 0).
    pub min: f64,
    /// `max` (default none).
    pub max: Option<f64>,
}

/// The number of UTF-8 bytes of `s` (validator.js counts `encodeURI(s)` escapes).
///
/// # Examples
/// ```
/// assert_eq!(bulwark_core::validators::utf8_len("é😀"), 6);
/// ```
#[inline]
pub fn utf8_len(s: &str) -> usize {
    s.len()
}

/// `true` when the UTF-8 length of `s` is within `[min, max]`, as validator.js
/// `isByteLength` decides.
///
/// (validator.js throws `URIError` for strings with lone surrogates, which Rust strings
/// cannot hold; the JS layer answers `false` for them.)
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_byte_length, ByteLengthOptions};
/// assert!(is_byte_length("abc", &ByteLengthOptions { min: 2.0, max: Some(3.0) }));
/// assert!(!is_byte_length("ééé", &ByteLengthOptions { min: 0.0, max: Some(3.0) }));
/// ```
pub fn is_byte_length(s: &str, options: &ByteLengthOptions) -> bool {
    let len = utf8_len(s) as f64;
    len >= options.min && options.max.is_none_or(|max| len <= max)
}

/// validator.js `isByteLength` options.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::ByteLength(ByteLengthOptions {
        min: o.number("min")?.unwrap_or(0.0),
        max: o.number("max")?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let range = |min: f64, max: Option<f64>| ByteLengthOptions { min, max };
        let cases: [(&str, ByteLengthOptions, bool); 9] = [
            ("abc", range(2.0, None), true),
            ("a", range(2.0, None), false),
            ("abc", range(2.0, Some(3.0)), true),
            ("abcd", range(2.0, Some(3.0)), false),
            ("", range(0.0, Some(0.0)), true),
            ("g", range(0.0, Some(0.0)), false),
            ("中文", range(4.0, Some(6.0)), true),
            ("😀", range(4.0, Some(4.0)), true),
            ("abc", range(3.5, None), false),
        ];
        for (s, o, expected) in cases {
            assert_eq!(is_byte_length(s, &o), expected, "{s:?} {o:?}");
        }
    }
}
