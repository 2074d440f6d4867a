//! `isISRC`.

/// `true` when `s` is an ISRC (two letters, three letters or digits, seven digits), as
/// validator.js `isISRC` decides (uppercase only; no check digit exists).
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_isrc;
/// assert!(is_isrc("USAT29900609") && is_isrc("GBAYE6800011"));
/// assert!(!is_isrc("SRC15705223") && !is_isrc("usat29900609"));
/// ```
pub fn is_isrc(s: &str) -> bool {
    // /^[A-Z]{2}[0-9A-Z]{3}\d{2}\d{5}$/
    let b = s.as_bytes();
    b.len() == 12
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..5].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[5..].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["USAT29900609", "GBAYE6800011", "USRC15705223", "USCA29500702", "AA1234567890"] {
            assert!(is_isrc(s), "{s}");
        }
        for s in [
            "USAT2990060",
            "SRC15705223",
            "US-CA29500702",
            "USARC15705223",
            "",
            "1SAT29900609",
            "USAT2990060X",
        ] {
            assert!(!is_isrc(s), "{s}");
        }
    }
}
