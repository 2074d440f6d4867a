//! `isBIC`.

use super::tables::{has_code, iso_codes::ISO31661_ALPHA2};

/// `true` when `s` is a BIC (SWIFT code: four letters, an ISO 3166-1 alpha-2 country or
/// `XK`, two letters or digits, an optional branch of three), as validator.js `isBIC`
/// decides: letters of either case.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_bic;
/// assert!(is_bic("SBICKEN1345") && is_bic("SBICKEN1") && is_bic("sbicken1") && is_bic("SBICXKN1"));
/// assert!(!is_bic("SBICXXN1") && !is_bic("SBICKEN13") && !is_bic("SBIC2EN1"));
/// ```
pub fn is_bic(s: &str) -> bool {
    // /^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$/ and the country at 4..6, uppercased.
    let b = s.as_bytes();
    if !(b.len() == 8 || b.len() == 11)
        || !b[..6].iter().all(u8::is_ascii_alphabetic)
        || !b[6..].iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let country = s[4..6].to_ascii_uppercase();
    country == "XK" || has_code(ISO31661_ALPHA2, &country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "SBICKEN1345",
            "SBICKEN1",
            "SBICKENY",
            "SBICKEN1YYP",
            "SBICXKN1",
            "sbicken1",
            "SbIcKeN1aBc",
            "DEUTDEFF",
        ] {
            assert!(is_bic(s), "{s}");
        }
        for s in [
            "SBIC23NXXX",
            "S23CKENXXXX",
            "SBICKENXX",
            "SBICKENXX9",
            "SBICKEN13458",
            "SBICKEN",
            "SBICXXN1",
            "SBICUKN1",
            "",
            "SBICKEN1 ",
            "SBİCKEN1",
        ] {
            assert!(!is_bic(s), "{s}");
        }
    }
}
