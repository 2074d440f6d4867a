//! `isHexadecimal`.

/// `true` when `s` is hexadecimal digits with an optional `0x` or `0h` prefix
/// (case-insensitive), as validator.js `isHexadecimal` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_hexadecimal;
/// assert!(is_hexadecimal("deadBEEF") && is_hexadecimal("0xff0044") && is_hexadecimal("0h1a"));
/// assert!(!is_hexadecimal("abcdefg") && !is_hexadecimal("0x") && !is_hexadecimal(""));
/// ```
pub fn is_hexadecimal(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = match b {
        [b'0', b'x' | b'X' | b'h' | b'H', rest @ ..] if !rest.is_empty() => rest,
        _ => b,
    };
    !digits.is_empty() && digits.iter().all(u8::is_ascii_hexdigit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "deadBEEF",
            "ff0044",
            "0xff0044",
            "0XfF0044",
            "0x0123456789abcDEF",
            "0X0123456789abcDEF",
            "0hfedCBA9876543210",
            "0HfedCBA9876543210",
            "0123456789abcDEF",
            "0",
        ] {
            assert!(is_hexadecimal(s), "{s}");
        }
        for s in [
            "0x",
            "0h",
            "abcdefg",
            "",
            "..",
            "0xa2h",
            "0xa20x",
            "0x0123456789abcDEFq",
            "0hfedCBA9876543210q",
            "01234q56789abcDEF",
            "ａ",
        ] {
            assert!(!is_hexadecimal(s), "{s}");
        }
        assert!(is_hexadecimal(&"f".repeat(1 << 20)));
    }
}
