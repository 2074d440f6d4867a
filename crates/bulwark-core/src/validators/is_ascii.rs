//! `isAscii`.

/// `true` when `s` is one or more ASCII characters (U+0000 to U+007F), as validator.js
/// `isAscii` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_ascii;
/// assert!(is_ascii("foo\u{0}bar ~") && !is_ascii("café") && !is_ascii(""));
/// ```
pub fn is_ascii(s: &str) -> bool {
    !s.is_empty() && s.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert!(is_ascii("foobar") && is_ascii("0987654321") && is_ascii("test@example.com"));
        assert!(!is_ascii("ｆｏｏbar") && !is_ascii("ｘｙｚ０９８") && !is_ascii("\u{80}"));
    }
}
