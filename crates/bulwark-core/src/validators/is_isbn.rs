//! `isISBN`.

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// Which ISBN forms [`is_isbn`] accepts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IsbnVersion {
    /// ISBN-10 or ISBN-13 (validator.js without a version).
    #[default]
    Any,
    /// ISBN-10 only.
    V10,
    /// ISBN-13 only.
    V13,
}

/// `true` when `s`, with its JS whitespace and hyphens removed, is an ISBN of `version`
/// with a valid check digit, as validator.js `isISBN` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_isbn, IsbnVersion};
/// assert!(is_isbn("3-8362-2119-5", IsbnVersion::Any) && is_isbn("3836221195", IsbnVersion::V10));
/// assert!(is_isbn("978-3-8362-2119-1", IsbnVersion::V13));
/// assert!(!is_isbn("978-3-8362-2119-1", IsbnVersion::V10) && !is_isbn("3-8362-2119-6", IsbnVersion::Any));
/// ```
pub fn is_isbn(s: &str, version: IsbnVersion) -> bool {
    // /[\s-]+/g removed; the forms left are ASCII, so anything else fails.
    let mut digits = Vec::with_capacity(13);
    for c in s.chars() {
        if c == '-' || super::is_js_space(c) {
            continue;
        }
        if !c.is_ascii() || digits.len() == 13 {
            return false;
        }
        digits.push(c as u8);
    }
    match version {
        IsbnVersion::Any => isbn10(&digits) || isbn13(&digits),
        IsbnVersion::V10 => isbn10(&digits),
        IsbnVersion::V13 => isbn13(&digits),
    }
}

/// /^(?:[0-9]{9}X|[0-9]{10})$/ and the weighted sum 1..10 divisible by 11.
fn isbn10(d: &[u8]) -> bool {
    let [body @ .., last] = d else { return false };
    if body.len() != 9 || !body.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let last = match last {
        b'X' => 10,
        b'0'..=b'9' => u32::from(last - b'0'),
        _ => return false,
    };
    let sum: u32 =
        body.iter().zip(1..).map(|(&c, w)| w * u32::from(c - b'0')).sum::<u32>() + 10 * last;
    sum % 11 == 0
}

/// Thirteen digits, weights 1 and 3 alternating, check digit (10 - sum % 10) % 10.
fn isbn13(d: &[u8]) -> bool {
    if d.len() != 13 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = d[..12]
        .iter()
        .enumerate()
        .map(|(i, &c)| u32::from(c - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    u32::from(d[12] - b'0') == (10 - sum % 10) % 10
}

/// `{"version": 10 | 13 | "10" | "13"}`; absent means either.
pub(super) fn rule(o: &mut Options) -> Result<Rule> {
    let version = match o.version("version")?.as_deref() {
        None | Some("") => IsbnVersion::Any,
        Some("10") => IsbnVersion::V10,
        Some("13") => IsbnVersion::V13,
        Some(other) => {
            return Err(invalid(format!("isISBN: version must be 10 or 13, got {other}")));
        }
    };
    Ok(Rule::Isbn(version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "3836221195",
            "3-8362-2119-5",
            "3 8362 2119 5",
            "1617290858",
            "0-9752298-0-X",
            "\u{3000}3836221195\u{2028}",
        ] {
            assert!(is_isbn(s, IsbnVersion::V10), "{s}");
            assert!(is_isbn(s, IsbnVersion::Any), "{s}");
            assert!(!is_isbn(s, IsbnVersion::V13), "{s}");
        }
        for s in ["9783836221191", "978-3-8362-2119-1", "978 3 8362 2119 1", "9784873113685"] {
            assert!(is_isbn(s, IsbnVersion::V13), "{s}");
            assert!(is_isbn(s, IsbnVersion::Any), "{s}");
            assert!(!is_isbn(s, IsbnVersion::V10), "{s}");
        }
        for s in [
            "3423214121",
            "3-423-21412-1",
            "0-9752298-0-x",
            "X975229800",
            "",
            "978383622119",
            "97838362211911",
            "9783836221190",
            "3836221195\u{85}",
        ] {
            assert!(!is_isbn(s, IsbnVersion::Any), "{s}");
        }
    }
}
