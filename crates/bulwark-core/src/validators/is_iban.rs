//! `isIBAN`.

use super::iban_formats::IBAN_FORMATS;
use super::rule::{Options, Rule, invalid};
use crate::Result;

/// Options of [`is_iban`] (validator.js names).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IbanOptions {
    /// Only these countries (codes of [`iban_countries`]); an empty list accepts nothing,
    /// as in validator.js.
    pub whitelist: Option<Vec<String>>,
    /// Never these countries (two uppercase letters each).
    pub blacklist: Option<Vec<String>>,
}

/// The countries whose IBAN format validator.js knows (its `ibanLocales`), sorted.
pub fn iban_countries() -> impl Iterator<Item = &'static str> {
    IBAN_FORMATS.iter().map(|(country, _)| *country)
}

fn format_of(country: &str) -> Option<&'static str> {
    IBAN_FORMATS
        .binary_search_by(|(c, _)| (*c).cmp(country))
        .ok()
        .and_then(|i| IBAN_FORMATS.get(i))
        .map(|(_, positions)| *positions)
}

/// `true` when `s` is an IBAN of a country validator.js knows, in that country's format,
/// with valid check digits (mod 97), as validator.js `isIBAN` decides: JS whitespace and
/// hyphens are ignored and letters may be lowercase.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_iban, IbanOptions};
/// let any = IbanOptions::default();
/// assert!(is_iban("DE89 3704 0044 0532 0130 00", &any) && is_iban("gb82west12345698765432", &any));
/// assert!(!is_iban("DE89 3704 0044 0532 0130 01", &any));
/// let only_gb = IbanOptions { whitelist: Some(vec!["GB".into()]), blacklist: None };
/// assert!(!is_iban("DE89370400440532013000", &only_gb));
/// ```
pub fn is_iban(s: &str, options: &IbanOptions) -> bool {
    // The format is checked on the input without /[\s\-]+/ and uppercased as JS does
    // (full Unicode: 'ı' becomes 'I'); the checksum on the input's ASCII letters and digits
    // alone, as validator.js does.
    let stripped: String = s
        .chars()
        .filter(|&c| c != '-' && !super::is_js_space(c))
        .collect::<String>()
        .to_uppercase();
    let b = stripped.as_bytes();
    let country = match b {
        [x, y, ..] if x.is_ascii_uppercase() && y.is_ascii_uppercase() => &stripped[..2],
        _ => return false,
    };
    if let Some(list) = &options.whitelist {
        if !list.iter().any(|c| c == country) {
            return false;
        }
    }
    if let Some(list) = &options.blacklist {
        if list.iter().any(|c| c == country) {
            return false;
        }
    }
    let Some(format) = format_of(country) else {
        return false;
    };
    let rest = &b[2..];
    let shaped = rest.len() == format.len()
        && rest.iter().zip(format.bytes()).all(|(&c, class)| match class {
            b'n' => c.is_ascii_digit(),
            b'a' => c.is_ascii_uppercase(),
            _ => c.is_ascii_digit() || c.is_ascii_uppercase(),
        });
    shaped && checksum_ok(s)
}

/// validator.js's mod-97 check: ASCII letters and digits of `s`, the first four moved to
/// the end, letters as two digits (A = 10), the number mod 97 must be 1.
fn checksum_ok(s: &str) -> bool {
    let kept: Vec<u8> =
        s.bytes().filter(u8::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    let split = kept.len().min(4);
    let mut remainder = 0u32;
    for &c in kept[split..].iter().chain(&kept[..split]) {
        remainder = if c.is_ascii_digit() {
            (remainder * 10 + u32::from(c - b'0')) % 97
        } else {
            (remainder * 100 + u32::from(c) - 55) % 97
        };
    }
    remainder == 1
}

/// `{"whitelist": [...], "blacklist": [...]}`. A whitelisted country validator.js does
/// not know makes it answer false for every string; a blacklist entry that is not two
/// uppercase letters never matches there: both are refused here.
pub(super) fn rule(o: &mut Options) -> Result<Rule> {
    let whitelist = o.strings("whitelist")?;
    if let Some(unknown) = whitelist.iter().flatten().find(|c| format_of(c).is_none()) {
        return Err(invalid(format!(
            "isIBAN: whitelist: {unknown:?} is not a country with a known IBAN format"
        )));
    }
    let blacklist = o.strings("blacklist")?;
    if let Some(bad) = blacklist
        .iter()
        .flatten()
        .find(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(invalid(format!(
            "isIBAN: blacklist: {bad:?} is not a country code (two uppercase letters)"
        )));
    }
    Ok(Rule::Iban(Box::new(IbanOptions { whitelist, blacklist })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_well_formed() {
        assert!(IBAN_FORMATS.windows(2).all(|w| w[0].0 < w[1].0));
        for (country, positions) in IBAN_FORMATS {
            assert!(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(positions.starts_with("nn") && positions.bytes().all(|b| b"nac".contains(&b)));
        }
        assert_eq!(format_of("DE"), Some("nnnnnnnnnnnnnnnnnnnn"));
        assert_eq!(format_of("US"), None);
    }

    #[test]
    fn table() {
        let any = IbanOptions::default();
        for s in [
            "SC52BAHL01031234567890123456USD",
            "LC14BOSL123456789012345678901234",
            "MT31MALT01100000000000000000123",
            "SV43ACAT00000000000000123123",
            "EG800002000156789012345180002",
            "BE71 0961 2345 6769",
            "FR76 3000 6000 0112 3456 7890 189",
            "DE91 1000 0000 0123 4567 89",
            "GR96 0810 0010 0000 0123 4567 890",
            "RO09 BCYP 0000 0012 3456 7890",
            "SA44 2000 0001 2345 6789 1234",
            "SE35 5000 0000 0549 1000 0003",
            "CH56 0483 5012 3456 7800 9",
            "GB98 MIDL 0700 9312 3456 78",
            "IL170108000000012612345",
            "IT60X0542811101000000123456",
            "JO71CBJO0000000000001234567890",
            "TR320010009999901234567890",
            "BR1500000000000010932840814P2",
            "LB92000700000000123123456123",
            "IR200170000000339545727003",
            "MZ97123412341234123412341",
            "MA64011519000001205000534921",
            "VG96VPVG0000012345678901",
            "DZ580002100001113000000570",
            "IE29AIBK93115212345678",
            "PS92PALS000000000400123456702",
            "PS92PALS00000000040012345 6702",
            "PS92-PALS-0000-0000-0400-1234-5670-2",
            "gb82west12345698765432",
            "DE89\u{3000}3704\u{2028}0044 0532 0130 00",
        ] {
            assert!(is_iban(s, &any), "{s}");
        }
        for s in [
            "XX22YYY1234567890123",
            "FR14 2004 1010 0505 0001 3",
            "FR7630006000011234567890189@",
            "FR7630006000011234567890189😅",
            "FR763000600001123456!!🤨7890189@",
            "VG46H07Y0223060094359858",
            "IE95TE8270900834048660",
            "PS072435171802145240705922007",
            "",
            "DE",
            "DE89 3704 0044 0532 0130 0",
            "DE89_3704_0044_0532_0130_00",
        ] {
            assert!(!is_iban(s, &any), "{s}");
        }
        let only = IbanOptions { whitelist: Some(vec!["DK".into(), "GB".into()]), blacklist: None };
        assert!(is_iban("DK5000400440116243", &only) && !is_iban("BE71 0961 2345 6769", &only));
        let none = IbanOptions { whitelist: Some(vec![]), blacklist: None };
        assert!(!is_iban("DK5000400440116243", &none));
        let not = IbanOptions { whitelist: None, blacklist: Some(vec!["DK".into()]) };
        assert!(!is_iban("DK5000400440116243", &not) && is_iban("BE71 0961 2345 6769", &not));
    }

    #[test]
    fn hostile() {
        let any = IbanOptions::default();
        assert!(!is_iban(&format!("DE{}", "0".repeat(1 << 20)), &any));
        assert!(!is_iban(&" -".repeat(1 << 19), &any));
    }
}
