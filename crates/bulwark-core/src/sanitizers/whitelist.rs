//! validator.js `whitelist`.

use std::borrow::Cow;

use super::blacklist::remove_str;
use super::{CharClass, CharsKind, utf16};
use crate::Result;

/// Keeps only the characters in the class `[chars]` (removes those in `[^chars]`), as
/// validator.js `whitelist(str, chars)`. `chars` is regex class syntax, as for
/// [`blacklist`](super::blacklist()).
///
/// # Errors
/// As [`blacklist`](super::blacklist()). Use [`remove_units`](super::remove_units) with a
/// class parsed for [`CharsKind::Whitelist`] to keep lone surrogates.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::whitelist;
/// assert_eq!(whitelist("abcdef123", "abc")?, "abc");
/// assert_eq!(whitelist("+1 (555) 010-9999", r"\d")?, "15550109999");
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn whitelist<'a>(input: &'a str, chars: &str) -> Result<Cow<'a, str>> {
    let class = CharClass::parse(CharsKind::Whitelist, &utf16(chars))?;
    remove_str(input, &class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn table() {
        let cases: &[(&str, &str, &str)] = &[
            ("abc", "", ""),
            ("a^b", "^", "^"),
            ("a^b", "^a", "a^"),
            ("A-Za-z", "a-z", "az"),
            ("x😀y", "xy", "xy"),
            ("x😀y", r"\uD83D\uDE00", "😀"),
            ("tab\t", r"\S", "tab"),
        ];
        for &(input, chars, expected) in cases {
            assert_eq!(
                whitelist(input, chars).ok().as_deref(),
                Some(expected),
                "{input:?} {chars:?}"
            );
        }
        assert_eq!(whitelist("x", "a]").err().map(|e| e.code()), Some(ErrorCode::InvalidOptions));
        assert_eq!(
            whitelist("😀", r"\uD83D").err().map(|e| e.code()),
            Some(ErrorCode::InvalidUnicode)
        );
    }
}
