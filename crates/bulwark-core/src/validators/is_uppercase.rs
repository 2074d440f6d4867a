//! `isUppercase`.

/// `true` when `s` equals its Unicode uppercase (JS `toUpperCase`, so `ß` is not
/// uppercase: it becomes `SS`), as validator.js `isUppercase` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_uppercase;
/// assert!(is_uppercase("ABC123") && is_uppercase("") && is_uppercase("ÄÖ"));
/// assert!(!is_uppercase("fooBar") && !is_uppercase("ß"));
/// ```
pub fn is_uppercase(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_lowercase());
    }
    s.to_uppercase() == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["ABC", "ABC123", "ALL CAPS IS FUN.", "   .", "Σ", ""] {
            assert!(is_uppercase(s), "{s}");
        }
        for s in ["fooBar", "123abc", "ﬀ", "ŉ"] {
            assert!(!is_uppercase(s), "{s}");
        }
    }
}
