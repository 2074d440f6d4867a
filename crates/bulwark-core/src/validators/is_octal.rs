//! `isOctal`.

/// `true` when `s` is octal digits with an optional `0o` prefix (case-insensitive), as
/// validator.js `isOctal` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_octal;
/// assert!(is_octal("076543210") && is_octal("0o01234567") && is_octal("0O7"));
/// assert!(!is_octal("012345678") && !is_octal("0o") && !is_octal(""));
/// ```
pub fn is_octal(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = match b {
        [b'0', b'o' | b'O', rest @ ..] if !rest.is_empty() => rest,
        _ => b,
    };
    !digits.is_empty() && digits.iter().all(|d| matches!(d, b'0'..=b'7'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["076543210", "0o01234567", "00", "0", "0o0"] {
            assert!(is_octal(s), "{s}");
        }
        for s in ["012345678", "0o8", "", "..", "o7", "0x7", "0o", " 7", "0o7 "] {
            assert!(!is_octal(s), "{s}");
        }
    }
}
