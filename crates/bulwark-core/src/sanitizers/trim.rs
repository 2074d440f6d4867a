//! validator.js `trim`.

use std::borrow::Cow;

use super::{CharClass, trim_bounds, trim_str};
use crate::Result;

/// Removes leading and trailing characters: JavaScript whitespace (`\s`, what
/// `String.prototype.trim` removes), or the characters of `chars` (literal characters,
/// where `-` between two of them is a range), as validator.js `trim(str, chars)`.
///
/// # Errors
/// `INVALID_OPTIONS` for `chars` validator.js cannot compile (`"z-a"`); `INVALID_UNICODE` if
/// the result would hold half a surrogate pair at either end (use [`trim_units`]).
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::trim;
/// assert_eq!(trim("\u{A0} a b \n", None)?, "a b");
/// assert_eq!(trim("--a-b--", Some("-"))?, "a-b");
/// assert_eq!(trim("xx[x]xx", Some("x[]"))?, "");
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn trim<'a>(input: &'a str, chars: Option<&str>) -> Result<Cow<'a, str>> {
    trim_str(input, chars, true, true)
}

/// [`trim`] over UTF-16 code units, with the class already parsed.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::{trim_units, CharClass};
/// let units: Vec<u16> = " x ".encode_utf16().collect();
/// assert_eq!(trim_units(&units, &CharClass::js_whitespace()), &units[1..2]);
/// ```
pub fn trim_units<'a>(input: &'a [u16], class: &CharClass) -> &'a [u16] {
    let (start, end) = trim_bounds(input, class, true, true);
    &input[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn table() {
        // validator.js's documented examples, and more.
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("  \r\n\tfoo  \r\n\t   ", None, "foo"),
            ("      \r", None, ""),
            ("\u{2000}\u{3000}x\u{205F}", None, "x"),
            ("010100201000", Some("01"), "2"),
            ("    ", Some(" "), ""),
            ("abcba", Some("a-b"), "c"),
            ("😀x😀", Some("😀"), "x"),
            ("", Some("x"), ""),
        ];
        for &(input, chars, expected) in cases {
            assert_eq!(trim(input, chars).ok().as_deref(), Some(expected), "{input:?} {chars:?}");
        }
        assert_eq!(trim("x", Some("z-a")).err().map(|e| e.code()), Some(ErrorCode::InvalidOptions));
    }

    #[test]
    fn adversarial_megabyte() {
        let input = format!("{}x{}", "\u{3000}".repeat(1 << 19), " ".repeat(1 << 20));
        assert_eq!(trim(&input, None).ok().as_deref(), Some("x"));
        assert_eq!(trim(&input, Some("\u{3000} ")).ok().as_deref(), Some("x"));
    }
}
