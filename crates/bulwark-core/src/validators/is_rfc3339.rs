//! `isRFC3339`.

fn digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

/// Two digits in `lo..=hi`.
fn two(b: &[u8], lo: u8, hi: u8) -> bool {
    b.len() == 2 && digits(b) && (lo..=hi).contains(&((b[0] - b'0') * 10 + (b[1] - b'0')))
}

/// `true` when `s` is an RFC 3339 date-time (`YYYY-MM-DD`, `T`, `t` or a space,
/// `hh:mm:ss`, optional fraction, `Z` or `±hh:mm`), as validator.js `isRFC3339` decides:
/// days 01-31 in any month, seconds up to 60.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_rfc3339;
/// assert!(is_rfc3339("2009-05-19 14:39:22-06:00") && is_rfc3339("2015-07-20T15:49:04.1234Z"));
/// assert!(!is_rfc3339("2009-05-19 14:39:22") && !is_rfc3339("2010-02-18T16:23.33.600"));
/// ```
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 {
        return false;
    }
    let date_ok = digits(&b[0..4])
        && b[4] == b'-'
        && two(&b[5..7], 1, 12)
        && b[7] == b'-'
        && two(&b[8..10], 1, 31)
        && matches!(b[10], b' ' | b'T' | b't');
    let time_ok = two(&b[11..13], 0, 23)
        && b[13] == b':'
        && two(&b[14..16], 0, 59)
        && b[16] == b':'
        && two(&b[17..19], 0, 60);
    if !(date_ok && time_ok) {
        return false;
    }
    let mut rest = &b[19..];
    if let [b'.', tail @ ..] = rest {
        let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &tail[n..];
    }
    match rest {
        [b'z' | b'Z'] => true,
        [b'+' | b'-', h @ .., b':', m1, m2] => two(h, 0, 23) && two(&[*m1, *m2], 0, 59),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "2009-05-19 14:39:22-06:00",
            "2009-05-19 14:39:22+06:00",
            "2009-05-19 14:39:22Z",
            "2009-05-19T14:39:22-06:00",
            "2009-05-19T14:39:22Z",
            "2010-02-18T16:23:48.3-06:00",
            "2010-02-18t00:23:23.33+06:00",
            "2010-02-18t00:23:32.33+00:00",
            "2010-02-18t00:23:32.33+23:59",
            "2015-02-28T23:59:60z",
            "2015-02-31T00:00:00Z",
        ] {
            assert!(is_rfc3339(s), "{s}");
        }
        for s in [
            "2010-02-18t00:23:32.33+24:00",
            "2009-05-31 14:39:22",
            "2009-05-31 14:39:22+",
            "2009-05-31T14:39:22-06",
            "2009-05-31 14:39:22+06a00",
            "2009-05-31T14:39:22Z ",
            "2015-13-01T00:00:00Z",
            "2015-01-00T00:00:00Z",
            "2015-01-32T00:00:00Z",
            "2015-01-01T24:00:00Z",
            "2015-01-01T00:60:00Z",
            "2015-01-01T00:00:61Z",
            "2015-01-01T00:00:00.Z",
            "",
            "2009-05-19T14:39:22+6:00",
        ] {
            assert!(!is_rfc3339(s), "{s}");
        }
    }
}
