//! `isISO6346` and its alias `isFreightContainerID`.

/// `true` when `s` is an ISO 6346 container code, as validator.js `isISO6346` (and its
/// alias `isFreightContainerID`) decides, its quirks included.
///
/// validator.js uppercases the string (full Unicode, as JS does) and tests
/// `/^[A-Z]{3}(U[0-9]{7})|([J,Z][0-9]{6,7})$/`, whose `|` is not grouped: the string must
/// start with an owner code, `U` and seven digits, or end with `J`, `Z` or `,` and six or
/// seven digits. Only when the uppercased string is 11 UTF-16 units long is the check digit
/// verified (every unit of the first ten weighed, letters by the ISO table and anything
/// else by its code unit, as validator.js does); any other length passes.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_iso6346;
/// assert!(is_iso6346("HLXU2008419") && is_iso6346("tcku1234560") && is_iso6346("ABCZ123456"));
/// assert!(!is_iso6346("HLXU2008418") && !is_iso6346("HLXU200841"));
/// ```
pub fn is_iso6346(s: &str) -> bool {
    let upper = s.to_uppercase();
    let units: Vec<u16> = upper.encode_utf16().collect();
    let n = units.len();
    let is_digit = |u: u16| (u16::from(b'0')..=u16::from(b'9')).contains(&u);
    let is_upper = |u: u16| (u16::from(b'A')..=u16::from(b'Z')).contains(&u);
    let owner = n >= 11
        && units[..3].iter().all(|&u| is_upper(u))
        && units[3] == u16::from(b'U')
        && units[4..11].iter().all(|&u| is_digit(u));
    let trailing = units.iter().rev().take(8).take_while(|&&u| is_digit(u)).count();
    let marker = |at: usize| {
        matches!(units.get(at).and_then(|&u| u8::try_from(u).ok()), Some(b'J' | b'Z' | b','))
    };
    let tail =
        (trailing == 6 && n >= 7 && marker(n - 7)) || (trailing >= 7 && n >= 8 && marker(n - 8));
    if !owner && !tail {
        return false;
    }
    if n != 11 {
        return true;
    }
    let mut sum: i64 = 0;
    for (i, &u) in units[..10].iter().enumerate() {
        let value = if is_digit(u) {
            i64::from(u - u16::from(b'0'))
        } else {
            let code = i64::from(u) - 55;
            match code {
                ..11 => code,
                11..=20 => 12 + code % 11,
                21..=30 => 23 + code % 21,
                _ => 34 + code % 31,
            }
        };
        sum += value << i;
    }
    // JS's % keeps the sign of the dividend, as Rust's does.
    let check = match sum % 11 {
        10 => 0,
        c => c,
    };
    i64::from(units[10]) - i64::from(b'0') == check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "HLXU2008419",
            "TGHU7599330",
            "ECMU4657496",
            "MEDU6246078",
            "YMLU2809976",
            "MRKU0046221",
            "EMCU3811879",
            "OOLU8643084",
            "HJCU1922713",
            "QJRZ123456",
            "tcku1234560",
            "ABCZ1234564",
            "ABCU12345670000",
            "anything,123456",
            "xZ1234567",
        ] {
            assert!(is_iso6346(s), "{s}");
        }
        for s in [
            "OOLU1922713",
            "HJCU1922413",
            "FCIU5135642",
            "OOLU8643083",
            "EMCU3811877",
            "ABCU123456",
            "",
            "AB1U1234567",
            "Z12345",
            "ABCZ12345",
            "tcku1234565",
            "ABCZ1234567",
        ] {
            assert!(!is_iso6346(s), "{s}");
        }
    }
}
