//! `isMultibyte`.

/// `true` when `s` contains a non-ASCII character, as validator.js `isMultibyte` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_multibyte;
/// assert!(is_multibyte("ünicode") && is_multibyte("😀"));
/// assert!(!is_multibyte("abc") && !is_multibyte(""));
/// ```
pub fn is_multibyte(s: &str) -> bool {
    !s.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["ひらがな・カタカナ、．漢字", "あいうえお foobar", "test＠example.com", "\u{80}"]
        {
            assert!(is_multibyte(s), "{s}");
        }
        for s in ["abc", "abc123", "<>@\" *.", "\u{7F}", ""] {
            assert!(!is_multibyte(s), "{s}");
        }
    }
}
