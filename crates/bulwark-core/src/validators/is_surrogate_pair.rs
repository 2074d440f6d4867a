//! `isSurrogatePair`.

/// `true` when `s` contains a character outside the Basic Multilingual Plane (a UTF-16
/// surrogate pair), as validator.js `isSurrogatePair` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_surrogate_pair;
/// assert!(is_surrogate_pair("ABC千𥧄1-2-3") && is_surrogate_pair("😀"));
/// assert!(!is_surrogate_pair("abc") && !is_surrogate_pair("中文"));
/// ```
pub fn is_surrogate_pair(s: &str) -> bool {
    s.chars().any(|c| u32::from(c) > 0xFFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["𠮷野𠮷", "𩸽", "ABC千𥧄1-2-3", "\u{10000}", "\u{10FFFF}"] {
            assert!(is_surrogate_pair(s), "{s}");
        }
        for s in ["吉野竈", "鮪", "ABC1-2-3", "\u{FFFF}", ""] {
            assert!(!is_surrogate_pair(s), "{s}");
        }
    }
}
