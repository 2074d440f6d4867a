//! validator.js `rtrim`, in linear time (validator.js's `[chars]+$` was quadratic:
//! CVE-2021-3765).

use std::borrow::Cow;

use super::{CharClass, trim_bounds, trim_str};
use crate::Result;

/// Removes trailing characters: JavaScript whitespace (`\s`, what `trimEnd` removes), or
/// the characters of `chars` (literal characters, where `-` between two of them is a range).
///
/// # Errors
/// `INVALID_OPTIONS` for `chars` validator.js cannot compile (`"z-a"`); `INVALID_UNICODE` if
/// the result would end with half a surrogate pair (use [`rtrim_units`]).
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::rtrim;
/// assert_eq!(rtrim(" hi\u{3000}\n", None)?, " hi");
/// assert_eq!(rtrim("x.,.,", Some(".,"))?, "x");
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn rtrim<'a>(input: &'a str, chars: Option<&str>) -> Result<Cow<'a, str>> {
    trim_str(input, chars, false, true)
}

/// [`rtrim`] over UTF-16 code units, with the class already parsed.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::{rtrim_units, CharClass};
/// let units: Vec<u16> = vec![0x78, 0xD800, 0x20, 0x0A]; // "x\u{D800} \n"
/// assert_eq!(rtrim_units(&units, &CharClass::js_whitespace()), &[0x78, 0xD800]);
/// ```
pub fn rtrim_units<'a>(input: &'a [u16], class: &CharClass) -> &'a [u16] {
    &input[..trim_bounds(input, class, false, true).1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn table() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("", None, ""),
            ("  foo \r\n\t", None, "  foo"),
            ("x\u{3000}\u{2029}", None, "x"),
            ("x\u{200B}", None, "x\u{200B}"),
            ("\t\t", None, ""),
            ("010100201000", Some("01"), "0101002"),
            ("x]]", Some("]"), "x"),
            ("x\\", Some("\\"), "x"),
            ("x.*+?^${}()|[]\\", Some(".*+?^${}()|[]\\"), "x"),
            ("x😀", Some("😀"), "x"),
        ];
        for &(input, chars, expected) in cases {
            assert_eq!(rtrim(input, chars).ok().as_deref(), Some(expected), "{input:?} {chars:?}");
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(
            rtrim("x", Some("b-a")).err().map(|e| e.code()),
            Some(ErrorCode::InvalidOptions)
        );
        assert_eq!(
            rtrim("x\u{1F600}", Some("\u{10600}")).err().map(|e| e.code()),
            Some(ErrorCode::InvalidUnicode)
        );
    }

    #[test]
    fn adversarial_megabyte() {
        // CVE-2021-3765: a long run of trimmable characters followed by one that is not.
        let input = format!("{}x", " ".repeat(1 << 20));
        assert_eq!(rtrim(&input, None).ok().as_deref(), Some(input.as_str()));
        assert_eq!(rtrim(&input, Some(" ")).ok().as_deref(), Some(input.as_str()));
        let trailing = format!("x{}", " ".repeat(1 << 20));
        assert_eq!(rtrim(&trailing, Some(" ")).ok().as_deref(), Some("x"));
    }
}
