//! `isVAT`.

use super::rule::{Options, Rule, invalid};
use super::tables::vat::VAT;
use super::tables::{Entry, find};
use crate::Result;

/// The country of [`is_vat`]: a code of validator.js `vatMatchers` (`"DE"`, `"GB"`, ...).
#[derive(Debug, Clone)]
pub struct VatCountry(&'static Entry);

impl PartialEq for VatCountry {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl VatCountry {
    /// `country`.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown country code (validator.js throws `Error`).
    pub fn new(country: &str) -> Result<VatCountry> {
        find(&VAT, country)
            .map(VatCountry)
            .ok_or_else(|| invalid(format!("isVAT: invalid country code '{country}'")))
    }
}

/// ASCII digits of `s` as numbers.
fn digits(s: &str) -> Vec<u32> {
    s.bytes().filter(u8::is_ascii_digit).map(|b| u32::from(b - b'0')).collect()
}

/// `/^(prefix)?(\d{n})$/`: the digits.
fn prefixed_digits<'a>(s: &'a str, prefix: &str, n: usize) -> Option<&'a str> {
    let rest = s.strip_prefix(prefix).unwrap_or(s);
    (rest.len() == n && rest.bytes().all(|b| b.is_ascii_digit())).then_some(rest)
}

/// Australia: an ABN (11 digits, optionally after `AU`) whose weighted sum, with the first
/// digit less one, is a non-zero multiple of 89 (a leading 0 never passes, as there).
fn au(s: &str) -> bool {
    let Some(abn) = prefixed_digits(s, "AU", 11) else {
        return false;
    };
    const WEIGHTS: [u32; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    let d = digits(abn);
    if d[0] == 0 {
        return false;
    }
    let total: u32 = d
        .iter()
        .zip(WEIGHTS)
        .enumerate()
        .map(|(i, (&x, w))| if i == 0 { (x - 1) * w } else { x * w })
        .sum();
    total != 0 && total % 89 == 0
}

/// Switzerland: the format of the pattern in validator.js and its mod-11 check digit.
fn ch(s: &str, entry: &Entry) -> bool {
    if !entry.test(s) {
        return false;
    }
    let mut d = digits(s);
    let Some(last) = d.pop() else {
        return false;
    };
    const WEIGHTS: [u32; 8] = [5, 4, 3, 2, 7, 6, 5, 4];
    let sum: u32 = d.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum();
    (11 - sum % 11) % 11 == last
}

/// Portugal: 9 digits (optionally after `PT`) with a mod-11 check digit.
fn pt(s: &str) -> bool {
    let Some(tin) = prefixed_digits(s, "PT", 9) else {
        return false;
    };
    let d = digits(tin);
    let sum: u32 = d[..8].iter().enumerate().map(|(i, x)| x * (9 - i as u32)).sum();
    let checksum = 11 - sum % 11;
    if checksum > 9 { d[8] == 0 } else { checksum == d[8] }
}

/// `true` when `s` is a VAT number of the country, as validator.js `isVAT` decides
/// (patterns, and the checksums of AU, CH and PT).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_vat, VatCountry};
/// assert!(is_vat("DE123456789", &VatCountry::new("DE").unwrap()));
/// assert!(is_vat("PT501964843", &VatCountry::new("PT").unwrap()));
/// assert!(!is_vat("PT501964842", &VatCountry::new("PT").unwrap()));
/// ```
pub fn is_vat(s: &str, country: &VatCountry) -> bool {
    let entry = country.0;
    match entry.key {
        "AU" if entry.is_custom() => au(s),
        "PT" if entry.is_custom() => pt(s),
        "CH" if entry.is_custom() => ch(s, &CH_FORMAT),
        _ => entry.test(s),
    }
}

/// The format check inside validator.js's CH function.
static CH_FORMAT: Entry = Entry::new(
    "CH",
    r"^(CHE[- ]?)?(\d{9}|(\d{3}\.\d{3}\.\d{3})|(\d{3} \d{3} \d{3})) ?(TVA|MWST|IVA)?$",
    "",
);

pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let country =
        o.string("locale")?.ok_or_else(|| invalid("isVAT: a country code is required".into()))?;
    Ok(Rule::Vat(VatCountry::new(&country)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(country: &str, s: &str) -> bool {
        match VatCountry::new(country) {
            Ok(c) => is_vat(s, &c),
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn table() {
        for (country, s, ok) in [
            ("AU", "51824753556", true),
            ("AU", "AU51824753556", true),
            ("AU", "51824753557", false),
            ("AU", "01824753556", false),
            ("CH", "CHE-116.281.710 MWST", true),
            ("CH", "CHE-116.281.711 MWST", false),
            ("CH", "CHE116281710", true),
            ("PT", "PT501964843", true),
            ("PT", "501964842", false),
            ("GB", "GB999 9999 00", true),
            ("HN", "", true),
            ("HN", "HN", true),
            ("DE", "DE12345678", false),
        ] {
            assert_eq!(check(country, s), ok, "{country} {s}");
        }
        for key in ["AU", "CH", "PT"] {
            assert!(find(&VAT, key).is_some_and(Entry::is_custom), "{key}");
        }
        assert!(VatCountry::new("de").is_err() && VatCountry::new("XX").is_err());
        assert!(!check("CH", &"1".repeat(1 << 20)));
    }
}
