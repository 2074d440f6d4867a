//! `isISSN`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_issn`] (validator.js names).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IssnOptions {
    /// Only `NNNN-NNNC` (without it the hyphen is optional).
    pub require_hyphen: bool,
    /// Only an uppercase `X` as check digit (without it `x` too).
    pub case_sensitive: bool,
}

/// `true` when `s` is an ISSN (`NNNN-NNNC`, the check `C` a digit or `X`) with a valid
/// check digit, as validator.js `isISSN` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_issn, IssnOptions};
/// assert!(is_issn("0378-5955", &IssnOptions::default()) && is_issn("03785955", &IssnOptions::default()));
/// assert!(!is_issn("03785955", &IssnOptions { require_hyphen: true, case_sensitive: false }));
/// assert!(is_issn("2434-561x", &IssnOptions::default()));
/// ```
pub fn is_issn(s: &str, options: &IssnOptions) -> bool {
    let b = s.as_bytes();
    let digits: [u8; 8] = match b.len() {
        9 if b[4] == b'-' => {
            let mut d = [0u8; 8];
            d[..4].copy_from_slice(&b[..4]);
            d[4..].copy_from_slice(&b[5..]);
            d
        }
        8 if !options.require_hyphen => {
            let mut d = [0u8; 8];
            d.copy_from_slice(b);
            d
        }
        _ => return false,
    };
    let (body, check) = digits.split_at(7);
    if !body.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let check = match check[0] {
        b'X' => 10,
        b'x' if !options.case_sensitive => 10,
        c @ b'0'..=b'9' => u32::from(c - b'0'),
        _ => return false,
    };
    let sum: u32 = body.iter().zip((2..=8).rev()).map(|(&c, w)| w * u32::from(c - b'0')).sum();
    (sum + check) % 11 == 0
}

/// `{"require_hyphen": bool, "case_sensitive": bool}`.
pub(super) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Issn(IssnOptions {
        require_hyphen: o.bool("require_hyphen", false)?,
        case_sensitive: o.bool("case_sensitive", false)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = IssnOptions::default();
        let strict = IssnOptions { require_hyphen: true, case_sensitive: true };
        for s in ["0378-5955", "0000-0000", "2434-561X", "2434-561x", "01896016", "20905076"] {
            assert!(is_issn(s, &d), "{s}");
        }
        for s in [
            "0378-5954",
            "0000-0001",
            "03785954",
            "2434-561c",
            "1684-5370",
            "19960791",
            "",
            "0378-59555",
            "0378--5955",
            "x378-5955",
        ] {
            assert!(!is_issn(s, &d), "{s}");
        }
        assert!(is_issn("2434-561X", &strict));
        assert!(!is_issn("2434-561x", &strict) && !is_issn("01896016", &strict));
    }
}
