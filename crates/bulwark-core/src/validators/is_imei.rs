//! `isIMEI`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_imei`] (validator.js names).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImeiOptions {
    /// Accept only the hyphenated form `NN-NNNNNN-NNNNNN-N` (validator.js `allow_hyphens`:
    /// with it, the plain 15-digit form is refused).
    pub allow_hyphens: bool,
}

/// `true` when `s` is a 15-digit IMEI with a valid Luhn check digit, as validator.js
/// `isIMEI` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_imei, ImeiOptions};
/// assert!(is_imei("352099001761481", &ImeiOptions::default()));
/// assert!(!is_imei("352099001761482", &ImeiOptions::default()));
/// assert!(is_imei("35-209900-176148-1", &ImeiOptions { allow_hyphens: true }));
/// ```
pub fn is_imei(s: &str, options: &ImeiOptions) -> bool {
    let b = s.as_bytes();
    let mut digits = [0u8; 15];
    if options.allow_hyphens {
        // /^\d{2}-\d{6}-\d{6}-\d{1}$/
        if b.len() != 18 || b[2] != b'-' || b[9] != b'-' || b[16] != b'-' {
            return false;
        }
        let mut n = 0;
        for (i, &c) in b.iter().enumerate() {
            if matches!(i, 2 | 9 | 16) {
                continue;
            }
            digits[n] = c;
            n += 1;
        }
    } else if b.len() == 15 {
        digits.copy_from_slice(b);
    } else {
        return false;
    }
    if !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    super::is_luhn_number::luhn_ok(&digits)
}

/// `{"allow_hyphens": bool}`.
pub(super) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Imei(ImeiOptions { allow_hyphens: o.bool("allow_hyphens", false)? }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let plain = ImeiOptions::default();
        let hyphens = ImeiOptions { allow_hyphens: true };
        for s in ["352099001761481", "868932036356090", "490154203237518", "000000000000000"] {
            assert!(is_imei(s, &plain), "{s}");
        }
        for s in ["352099001761482", "35209900176148", "3520990017614811", "35-209900-176148-1", ""]
        {
            assert!(!is_imei(s, &plain), "{s}");
        }
        for s in ["35-209900-176148-1", "49-015420-323751-8"] {
            assert!(is_imei(s, &hyphens), "{s}");
        }
        for s in
            ["352099001761481", "35-209900-176148-2", "35-2099001-76148-1", "3a-209900-176148-1"]
        {
            assert!(!is_imei(s, &hyphens), "{s}");
        }
    }
}
