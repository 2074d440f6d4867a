//! `isEAN`.

/// `true` when `s` is an EAN-8, EAN-13 or EAN-14 (8, 13 or 14 digits) with a valid check
/// digit, as validator.js `isEAN` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_ean;
/// assert!(is_ean("9421023610112") && is_ean("40123455") && is_ean("20012345678909"));
/// assert!(!is_ean("9421023610113") && !is_ean("942102361011"));
/// ```
pub fn is_ean(s: &str) -> bool {
    let b = s.as_bytes();
    if !matches!(b.len(), 8 | 13 | 14) || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    // EAN-8 and EAN-14 weigh even positions 3; EAN-13 weighs odd positions 3.
    let even_weight = if b.len() == 13 { 1 } else { 3 };
    let Some((&check, body)) = b.split_last() else {
        return false;
    };
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &c)| u32::from(c - b'0') * if i % 2 == 0 { even_weight } else { 4 - even_weight })
        .sum();
    (10 - sum % 10) % 10 == u32::from(check - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "9421023610112",
            "1234567890128",
            "4012345678901",
            "9771234567003",
            "9783161484100",
            "73513537",
            "00012345600012",
            "10012345678902",
            "20012345678909",
            "00000000",
        ] {
            assert!(is_ean(s), "{s}");
        }
        for s in ["5901234123451", "079777681629", "0705632085948", "", "7351353", "9421023610112x"]
        {
            assert!(!is_ean(s), "{s}");
        }
    }
}
