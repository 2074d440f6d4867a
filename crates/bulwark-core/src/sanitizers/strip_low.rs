//! validator.js `stripLow`.

use std::borrow::Cow;

use super::CharClass;
use super::blacklist::{remove_str, remove_where};

/// The class validator.js removes: `\x00-\x1F\x7F`, without `\n` and `\r` if newlines are kept.
fn low(keep_new_lines: bool) -> CharClass {
    if keep_new_lines {
        CharClass::from_ranges([(0x00, 0x09), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x7F)])
    } else {
        CharClass::from_ranges([(0x00, 0x1F), (0x7F, 0x7F)])
    }
}

/// Removes ASCII control characters (U+0000-U+001F and U+007F), keeping `\n` and `\r` when
/// `keep_new_lines` is set, as validator.js `stripLow(str, keep_new_lines)`. Other control
/// characters (U+0080-U+009F, bidi controls) are kept, as there.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::strip_low;
/// assert_eq!(strip_low("foo\x00\x1b[31mbar\x7f", false), "foo[31mbar");
/// assert_eq!(strip_low("a\r\n\tb", true), "a\r\nb");
/// ```
pub fn strip_low(input: &str, keep_new_lines: bool) -> Cow<'_, str> {
    // The class holds no surrogates, so the result is always well-formed.
    remove_str(input, &low(keep_new_lines)).unwrap_or(Cow::Borrowed(input))
}

/// [`strip_low`] over UTF-16 code units.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::strip_low_units;
/// assert_eq!(strip_low_units(&[0xD800, 0x07, 0x41], false).as_ref(), &[0xD800, 0x41]);
/// ```
pub fn strip_low_units(input: &[u16], keep_new_lines: bool) -> Cow<'_, [u16]> {
    // The class as branch-free tests, which the chunked scan vectorizes.
    if keep_new_lines {
        remove_where(input, |u| (u < 0x20) & (u != 0x0A) & (u != 0x0D) | (u == 0x7F))
    } else {
        remove_where(input, |u| (u < 0x20) | (u == 0x7F))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sanitizers::CharsKind;

    #[test]
    fn classes_are_validators() {
        let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        assert_eq!(
            CharClass::parse(CharsKind::Blacklist, &units(r"\x00-\x1F\x7F")).ok(),
            Some(low(false))
        );
        assert_eq!(
            CharClass::parse(CharsKind::Blacklist, &units(r"\x00-\x09\x0B\x0C\x0E-\x1F\x7F")).ok(),
            Some(low(true))
        );
    }

    #[test]
    fn units_match_the_class() {
        for keep in [false, true] {
            let class = low(keep);
            let all: Vec<u16> = (0..=0xFFFF).collect();
            let expected: Vec<u16> = all.iter().copied().filter(|&u| !class.contains(u)).collect();
            assert_eq!(strip_low_units(&all, keep).as_ref(), expected.as_slice(), "{keep}");
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, bool, &str)] = &[
            ("foo\x00", false, "foo"),
            ("\x7fw\x1ahat\x1dever", false, "whatever"),
            ("\ttab\x0bvt\x0cff", false, "tabvtff"),
            ("perch\u{00e9}", false, "perch\u{00e9}"),
            ("\u{20ac}", false, "\u{20ac}"),
            ("\u{85}\u{9f}\u{202e}", false, "\u{85}\u{9f}\u{202e}"),
            ("a\r\nb\n", false, "ab"),
            ("a\r\nb\n\x00", true, "a\r\nb\n"),
        ];
        for &(input, keep, expected) in cases {
            assert_eq!(strip_low(input, keep), expected, "{input:?} {keep}");
        }
    }
}
