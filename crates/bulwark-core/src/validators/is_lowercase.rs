//! `isLowercase`.

/// `true` when `s` equals its Unicode lowercase (JS `toLowerCase`), as validator.js
/// `isLowercase` decides: strings without cased letters pass.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_lowercase;
/// assert!(is_lowercase("abc123") && is_lowercase("") && is_lowercase("ß"));
/// assert!(!is_lowercase("fooBar") && !is_lowercase("İ"));
/// ```
pub fn is_lowercase(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_uppercase());
    }
    // Char by char, without building the mapped string: a character is unchanged by the
    // string mapping exactly when its own mapping is itself (the one contextual rule, final
    // sigma, only chooses what `Σ` lowercases to, and `Σ` never lowercases to itself).
    s.chars().all(|c| {
        let mut mapped = c.to_lowercase();
        mapped.next() == Some(c) && mapped.next().is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["abc", "abc123", "this is lowercase.", "tr竪s 端ber", "ς", "σ", ""] {
            assert!(is_lowercase(s), "{s}");
        }
        for s in ["fooBar", "123A", "Σ", "\u{212a}", "Ä"] {
            assert!(!is_lowercase(s), "{s}");
        }
    }
}
