//! `isAbaRouting`.

/// `true` when `s` is a nine-digit ABA routing number (US) whose first two digits are in
/// a series in use and whose 3-7-1 weighted checksum is a multiple of 10, as validator.js
/// `isAbaRouting` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_aba_routing;
/// assert!(is_aba_routing("322070381") && is_aba_routing("011103093"));
/// assert!(!is_aba_routing("322070382") && !is_aba_routing("200000000"));
/// ```
pub fn is_aba_routing(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    // validator.js's look-ahead refuses 13-19, 20, 33-59, 60, 73-79 and 81-99: what is
    // left is 00-12, 21-32, 61-72 and 80.
    let series = u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0');
    if !matches!(series, 0..=12 | 21..=32 | 61..=72 | 80) {
        return false;
    }
    let sum: u32 =
        b.iter().zip([3, 7, 1].iter().cycle()).map(|(&c, &w)| w * u32::from(c - b'0')).sum();
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "322070381",
            "011103093",
            "263170175",
            "121000358",
            "026009593",
            "800000006",
            "000000000",
        ] {
            assert!(is_aba_routing(s), "{s}");
        }
        for s in [
            "322070382",
            "011103094",
            "263170176",
            "124303075",
            "426317017",
            "789456124",
            "603558459",
            "qwerty",
            "12430307",
            "3220703811",
            "",
            "20000000\u{0}",
        ] {
            assert!(!is_aba_routing(s), "{s}");
        }
        for series in 0..100u32 {
            let s = format!("{series:02}0000000");
            let open = matches!(series, 0..=12 | 21..=32 | 61..=72 | 80);
            // Make the checksum right, so that only the series decides.
            let sum = 3 * (series / 10) + 7 * (series % 10);
            let fixed = format!("{}{}", &s[..8], (10 - sum % 10) % 10);
            assert_eq!(is_aba_routing(&fixed), open, "{fixed}");
        }
    }
}
