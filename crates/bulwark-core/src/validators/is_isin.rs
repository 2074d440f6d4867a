//! `isISIN`.

/// `true` when `s` is an ISIN (two letters, nine letters or digits, a check digit) with a
/// valid check digit, as validator.js `isISIN` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_isin;
/// assert!(is_isin("AU0000XVGZA3") && is_isin("US0378331005"));
/// assert!(!is_isin("US0378331004") && !is_isin("us0378331005"));
/// ```
pub fn is_isin(s: &str) -> bool {
    let b = s.as_bytes();
    // /^[A-Z]{2}[0-9A-Z]{9}[0-9]$/
    if b.len() != 12
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..11].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        || !b[11].is_ascii_digit()
    {
        return false;
    }
    // Letters count as two digits (A = 10 ... Z = 35); Luhn doubling over all the digits
    // from the right, the check digit excluded.
    let mut double = true;
    let mut sum = 0u32;
    let mut add = |digit: u32| {
        sum += if !double {
            digit
        } else if digit >= 5 {
            1 + (digit - 5) * 2
        } else {
            digit * 2
        };
        double = !double;
    };
    for &c in b[..11].iter().rev() {
        if c.is_ascii_uppercase() {
            let value = u32::from(c) - 55;
            add(value % 10);
            add(value / 10);
        } else {
            add(u32::from(c - b'0'));
        }
    }
    u32::from(b[11] - b'0') == sum.div_ceil(10) * 10 - sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "AU0000XVGZA3",
            "DE000BAY0017",
            "BE0003796134",
            "SG1G55870362",
            "GB0001411924",
            "DE000WCH8881",
            "PLLWBGD00016",
            "US0378331005",
        ] {
            assert!(is_isin(s), "{s}");
        }
        for s in [
            "DE000BAY0018",
            "PLLWBGD00019",
            "foo",
            "5398228707871528",
            "US0378331004",
            "",
            "us0378331005",
            "US037833100A",
            "US03783310055",
        ] {
            assert!(!is_isin(s), "{s}");
        }
    }
}
