//! `isLuhnNumber`, and the Luhn (mod 10) sum the card and ID validators share.

/// `true` when the ASCII digits `digits` (most significant first) pass the Luhn check.
/// Any other byte fails.
pub(crate) fn luhn_ok(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    let mut double = false;
    for &b in digits.iter().rev() {
        if !b.is_ascii_digit() {
            return false;
        }
        let d = u32::from(b - b'0');
        sum += if double && d >= 5 {
            d * 2 - 9
        } else if double {
            d * 2
        } else {
            d
        };
        sum %= 10;
        double = !double;
    }
    sum == 0
}

/// `true` when `s`, with its spaces and hyphens removed, is ASCII digits (at least one) that
/// pass the Luhn check, as validator.js `isLuhnNumber` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_luhn_number;
/// assert!(is_luhn_number("4111 1111 1111 1111") && is_luhn_number("79927398713"));
/// assert!(!is_luhn_number("79927398710") && !is_luhn_number("") && !is_luhn_number("- -"));
/// ```
pub fn is_luhn_number(s: &str) -> bool {
    // validator.js removes [- ]+ and reads every other unit with parseInt: NaN fails.
    let digits: Vec<u8> = s.bytes().filter(|b| !matches!(b, b'-' | b' ')).collect();
    !digits.is_empty() && luhn_ok(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "0",
            "79927398713",
            "4111111111111111",
            "4111-1111-1111-1111",
            "4111 1111--1111  1111",
            "5500000000000004",
            "-0-",
        ] {
            assert!(is_luhn_number(s), "{s}");
        }
        for s in [
            "",
            " ",
            "-",
            "79927398710",
            "4111111111111112",
            "4111\t1111111111111",
            "٤١١١",
            "4111111111111111x",
            "+4111111111111111",
            "4111_1111_1111_1111",
        ] {
            assert!(!is_luhn_number(s), "{s}");
        }
        assert!(is_luhn_number(&"0".repeat(1 << 20)));
        assert!(!is_luhn_number(&format!("{}1", "0".repeat(1 << 20))));
    }
}
