//! `isFullWidth`.

use super::is_half_width::is_half_width_char;

/// `true` when `s` contains a character outside validator.js's half-width class (any
/// character not in U+0020-U+007E, U+FF61-U+FFDC, U+FFE8-U+FFEE, astral ones included), as
/// validator.js `isFullWidth` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_full_width;
/// assert!(is_full_width("ひらがな・カタカナ、．漢字") && is_full_width("Ｆｶﾀｶﾅﾞﾬ"));
/// assert!(!is_full_width("abc") && !is_full_width(""));
/// ```
pub fn is_full_width(s: &str) -> bool {
    s.chars().any(|c| !is_half_width_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["３ー０　ａ＠ｃｏｍ", "Good＝Parts", "😀", "\n", "\u{7F}"] {
            assert!(is_full_width(s), "{s}");
        }
        for s in ["abc", "abc123", "!\"#$%&()<>/+=-_? ~^|.,@`{}[]", "ｶﾀｶﾅﾞﾬ", ""] {
            assert!(!is_full_width(s), "{s}");
        }
    }
}
