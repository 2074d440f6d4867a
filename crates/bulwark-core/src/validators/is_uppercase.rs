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
    // Char by char, without building the mapped string: a character is unchanged by the
    // string mapping exactly when its own mapping is itself (the one contextual rule, final
    // sigma, only chooses what `Σ` lowercases to, and `Σ` never lowercases to itself).
    s.chars().all(|c| {
        let mut mapped = c.to_uppercase();
        mapped.next() == Some(c) && mapped.next().is_none()
    })
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
