//! `isULID`.

/// `true` when `s` is a ULID: 26 Crockford base32 characters (either case, no `I`, `L`,
/// `O`, `U`) whose first is `0`-`7`, as validator.js `isULID` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_ulid;
/// assert!(is_ulid("01HBGW8CWQ5Q6DTT7XP89VV4KT") && is_ulid("01hbgw8cwq5q6dtt7xp89vv4kt"));
/// assert!(!is_ulid("81HBGW8CWQ5Q6DTT7XP89VV4KT") && !is_ulid("01HBGW8CWQ5Q6DTT7XP89VV4K"));
/// ```
pub fn is_ulid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 26
        && matches!(b[0], b'0'..=b'7')
        && b[1..].iter().all(|&c| {
            let u = c.to_ascii_uppercase();
            u.is_ascii_digit()
                || (u.is_ascii_uppercase() && !matches!(u, b'I' | b'L' | b'O' | b'U'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "01HBGW8CWQ5Q6DTT7XP89VV4KT",
            "01HBGW8CWQ5Q6DTT7XP89VV4KT".to_lowercase().as_str(),
            "7ZZZZZZZZZZZZZZZZZZZZZZZZZ",
        ] {
            assert!(is_ulid(s), "{s}");
        }
        for s in [
            "",
            "01HBGW-CWQ5Q6DTT7XP89VV4KT",
            "01HBGW8CWQ5Q6DTT7XP89VV4KTT",
            "01HBGW8CWQ5Q6DTT7XP89VV4KU",
            "01HBGW8CWQ5Q6DTT7XP89VV4KI",
            "01HBGW8CWQ5Q6DTT7XP89VV4KL",
            "01HBGW8CWQ5Q6DTT7XP89VV4KO",
            "ÿ1HBGW8CWQ5Q6DTT7XP89VV4K",
        ] {
            assert!(!is_ulid(s), "{s}");
        }
    }
}
