//! `isPort`.

use super::is_int::{IntOptions, is_int};

/// `true` when `s` is a port number 0-65535 without leading zeros, as validator.js `isPort`
/// decides (`isInt` with `allow_leading_zeroes: false, min: 0, max: 65535`).
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_port;
/// assert!(is_port("8080"));
/// assert!(is_port("0"));
/// assert!(!is_port("65536"));
/// assert!(!is_port("080"));
/// ```
pub fn is_port(s: &str) -> bool {
    is_int(
        s,
        &IntOptions {
            allow_leading_zeroes: false,
            min: Some(0.0),
            max: Some(65535.0),
            lt: None,
            gt: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["0", "22", "80", "443", "3000", "8080", "65535", "-0", "+1"] {
            assert!(is_port(s), "{s}");
        }
        for s in ["", "-1", "65536", "0080", "00", "1.0", " 80", "80 "] {
            assert!(!is_port(s), "{s}");
        }
    }
}
