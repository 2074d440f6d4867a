//! `isBase32`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_base32`], with validator.js names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Base32Options {
    /// `crockford`: Crockford's alphabet (digits and uppercase letters but I, L, O, U), no
    /// padding and any length.
    pub crockford: bool,
}

/// `true` when `s` is base32 (RFC 4648: `A-Z2-7` then `=` padding, a multiple of 8 long),
/// or Crockford base32 with `crockford`, as validator.js `isBase32` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_base32, Base32Options};
/// assert!(is_base32("JBSWY3DPEB3W64TMMQ======", &Base32Options::default()));
/// assert!(!is_base32("JBSWY3DPEB3W64TMMQ=", &Base32Options::default()));
/// assert!(is_base32("91JPRV3F", &Base32Options { crockford: true }));
/// ```
pub fn is_base32(s: &str, options: &Base32Options) -> bool {
    let b = s.as_bytes();
    if options.crockford {
        return !b.is_empty()
            && b.iter().all(|&c| {
                c.is_ascii_digit()
                    || (c.is_ascii_uppercase() && !matches!(c, b'I' | b'L' | b'O' | b'U'))
            });
    }
    let data = b.iter().take_while(|&&c| matches!(c, b'A'..=b'Z' | b'2'..=b'7')).count();
    data > 0 && b.len() % 8 == 0 && b[data..].iter().all(|&c| c == b'=')
}

/// `{ "crockford"?: bool }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Base32(Base32Options { crockford: o.bool("crockford", false)? }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = Base32Options::default();
        for s in
            ["ZG======", "JBSWY3DP", "JBSWY3DPEE======", "JBSWY3DPEBLW64TMMQQQ====", "AAAAAAAA"]
        {
            assert!(is_base32(s, &d), "{s}");
        }
        for s in [
            "12345",
            "",
            "JBSWY3DPtesting123",
            "ZG=====",
            "Z======",
            "Zm=8JBSWY3DP",
            "========",
            "ZG==A===",
        ] {
            assert!(!is_base32(s, &d), "{s}");
        }
        let c = Base32Options { crockford: true };
        for s in ["91JPRV3F41BPYWKCCGGG", "60", "64", "B5QQA833C5Q20S3F"] {
            assert!(is_base32(s, &c), "{s}");
        }
        for s in ["91JPRV3F41BUPYWKCCGGG", "", "a", "I", "L", "O", "U", "A="] {
            assert!(!is_base32(s, &c), "{s}");
        }
    }
}
