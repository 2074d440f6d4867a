//! validator.js `ltrim`.

use std::borrow::Cow;

use super::{CharClass, trim_bounds, trim_str};
use crate::Result;

/// Removes leading characters: JavaScript whitespace (`\s`, what `trimStart` removes), or
/// the characters of `chars` (validator.js `ltrim(str, chars)`: literal characters, where
/// `-` between two of them is a range).
///
/// # Errors
/// `INVALID_OPTIONS` for `chars` validator.js cannot compile (`"z-a"`); `INVALID_UNICODE` if
/// the result would start with half a surrogate pair (possible only when `chars` holds an
/// astral character: use [`ltrim_units`]).
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::ltrim;
/// assert_eq!(ltrim("\u{3000}\t hi ", None)?, "hi ");
/// assert_eq!(ltrim("--==x--", Some("-="))?, "x--");
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn ltrim<'a>(input: &'a str, chars: Option<&str>) -> Result<Cow<'a, str>> {
    trim_str(input, chars, true, false)
}

/// [`ltrim`] over UTF-16 code units, with the class already parsed
/// ([`CharClass::js_whitespace`] for the default). Lone surrogates are units like any other.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::{ltrim_units, CharClass};
/// let units: Vec<u16> = vec![0x20, 0xD800, 0x78]; // " \u{D800}x", a lone surrogate
/// assert_eq!(ltrim_units(&units, &CharClass::js_whitespace()), &[0xD800, 0x78]);
/// ```
pub fn ltrim_units<'a>(input: &'a [u16], class: &CharClass) -> &'a [u16] {
    &input[trim_bounds(input, class, true, false).0..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn table() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("", None, ""),
            ("  \r\n\tfoo  ", None, "foo  "),
            ("\u{FEFF}\u{A0}\u{2028}x", None, "x"),
            ("\u{85}\u{180E}\u{200B}x", None, "\u{85}\u{180E}\u{200B}x"),
            ("    ", None, ""),
            ("010100201000", Some("01"), "201000"),
            ("aaa", Some("a"), ""),
            ("]]x", Some("]"), "x"),
            ("\\x", Some("\\"), "x"),
            ("^x", Some("^"), "x"),
            ("bcdx", Some("a-d"), "x"),
            ("-x", Some("a-"), "x"),
            ("😀😀x", Some("😀"), "x"),
        ];
        for &(input, chars, expected) in cases {
            assert_eq!(ltrim(input, chars).ok().as_deref(), Some(expected), "{input:?} {chars:?}");
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(
            ltrim("x", Some("z-a")).err().map(|e| e.code()),
            Some(ErrorCode::InvalidOptions)
        );
        // '\u{DE00}' alone would remain at the start.
        assert_eq!(
            ltrim("\u{1F600}x", Some("\u{1F601}")).err().map(|e| e.code()),
            Some(ErrorCode::InvalidUnicode)
        );
    }

    #[test]
    fn adversarial_megabyte() {
        let input = format!("{}x", " ".repeat(1 << 20));
        assert_eq!(ltrim(&input, None).ok().as_deref(), Some("x"));
        assert_eq!(ltrim(&input, Some(" ")).ok().as_deref(), Some("x"));
    }
}
