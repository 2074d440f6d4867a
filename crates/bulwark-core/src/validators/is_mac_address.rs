//! `isMACAddress`.

use super::is_js_space;
use super::rule::{Options, Rule, invalid};
use crate::Result;

/// Which MAC address length [`is_mac_address`] accepts (validator.js `eui`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Eui {
    /// Either (no `eui` option).
    #[default]
    Any,
    /// EUI-48: six octets.
    Eui48,
    /// EUI-64: eight octets.
    Eui64,
}

/// Options of [`is_mac_address`], with validator.js names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MacAddressOptions {
    /// `eui`: `'48'` or `'64'` (default either).
    pub eui: Eui,
    /// `no_separators` (or its deprecated name `no_colons`): bare hex digits only.
    pub no_separators: bool,
}

fn hex2(b: &[u8]) -> bool {
    b.len() == 2 && b.iter().all(u8::is_ascii_hexdigit)
}

/// `octets` two-digit groups joined by one separator, the same each time: `-`, `:` or a
/// JS whitespace character (validator.js `([-:\s])` with a back-reference).
fn separated(s: &str, octets: usize) -> bool {
    let Some(sep) = s.get(2..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    if !(sep == '-' || sep == ':' || is_js_space(sep)) {
        return false;
    }
    let mut groups = 0;
    for group in s.split(sep) {
        if !hex2(group.as_bytes()) {
            return false;
        }
        groups += 1;
    }
    groups == octets
}

/// `groups` four-digit groups joined by dots (`0123.4567.89ab`).
fn dotted(s: &str, groups: usize) -> bool {
    let mut n = 0;
    for group in s.split('.') {
        if group.len() != 4 || !group.bytes().all(|b| b.is_ascii_hexdigit()) {
            return false;
        }
        n += 1;
    }
    n == groups
}

fn bare(s: &str, digits: usize) -> bool {
    s.len() == digits && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `true` when `s` is a MAC address (EUI-48 or EUI-64: octets joined by `:`, `-` or a
/// space, or dotted groups of four, or bare digits with `no_separators`), as validator.js
/// `isMACAddress` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_mac_address, Eui, MacAddressOptions};
/// let d = MacAddressOptions::default();
/// assert!(is_mac_address("ab:ab:ab:ab:ab:ab", &d) && is_mac_address("0123.4567.89ab", &d));
/// assert!(!is_mac_address("01:02-03:04:05:ab", &d) && !is_mac_address("abababababab", &d));
/// let bare = MacAddressOptions { no_separators: true, eui: Eui::Eui64 };
/// assert!(is_mac_address("0102030405060708", &bare));
/// ```
pub fn is_mac_address(s: &str, options: &MacAddressOptions) -> bool {
    let e48 = options.eui != Eui::Eui64;
    let e64 = options.eui != Eui::Eui48;
    if options.no_separators {
        return (e48 && bare(s, 12)) || (e64 && bare(s, 16));
    }
    (e48 && (separated(s, 6) || dotted(s, 3))) || (e64 && (separated(s, 8) || dotted(s, 4)))
}

/// `{ "eui"?: "48" | "64" | 48 | 64, "no_separators"?: bool, "no_colons"?: bool }`. Another
/// `eui` is INVALID_OPTIONS (validator.js then accepts both lengths).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let eui = match o.version("eui")?.as_deref() {
        None => Eui::Any,
        Some("48") => Eui::Eui48,
        Some("64") => Eui::Eui64,
        Some(other) => {
            return Err(invalid(format!("isMACAddress: eui must be '48' or '64', got {other}")));
        }
    };
    let no_colons = o.bool("no_colons", false)?;
    let no_separators = o.bool("no_separators", false)? || no_colons;
    Ok(Rule::MacAddress(MacAddressOptions { eui, no_separators }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = MacAddressOptions::default();
        for s in [
            "ab:ab:ab:ab:ab:ab",
            "FF:FF:FF:FF:FF:FF",
            "01:02:03:04:05:ab",
            "01:AB:03:04:05:06",
            "A9 C5 D4 9F EB D3",
            "01 02 03 04 05 ab",
            "01-02-03-04-05-ab",
            "0102.0304.05ab",
            "ab:ab:ab:ab:ab:ab:ab:ab",
            "FF:FF:FF:FF:FF:FF:FF:FF",
            "01:02:03:04:05:06:07:ab",
            "01-02-03-04-05-06-07-ab",
            "0102.0304.0506.07ab",
            "01\u{3000}02\u{3000}03\u{3000}04\u{3000}05\u{3000}ab",
        ] {
            assert!(is_mac_address(s, &d), "{s}");
        }
        for s in [
            "abc",
            "01:02:03:04:05",
            "01:02:03:04:05:z0",
            "01:02:03:04::ab",
            "1:2:3:4:5:6",
            "AB:CD:EF:GH:01:02",
            "A9C5 D4 9F EB D3",
            "01-02 03:04 05 ab",
            "0102.03:04.05ab",
            "900f/dffs/sdea",
            "01:02:03:04:05:06:07",
            "01:02:03:04:05:06:07:z0",
            "01:02:03:04:05:06::ab",
            "1:2:3:4:5:6:7:8",
            "AB:CD:EF:GH:01:02:03:04",
            "A9C5 D4 9F EB D3 D4 9F",
            "01-02 03:04 05 ab 03:04",
            "0102.03:04.0506.07ab",
            "abababababab",
            "",
        ] {
            assert!(!is_mac_address(s, &d), "{s}");
        }
        let bare = MacAddressOptions { no_separators: true, ..d };
        assert!(is_mac_address("abababababab", &bare) && is_mac_address("0102030405060708", &bare));
        assert!(
            !is_mac_address("01:02:03:04:05:ab", &bare) && !is_mac_address("01020304050", &bare)
        );
        let e48 = MacAddressOptions { eui: Eui::Eui48, ..d };
        assert!(
            is_mac_address("01:02:03:04:05:ab", &e48)
                && !is_mac_address("01:02:03:04:05:06:07:ab", &e48)
        );
        let e64 = MacAddressOptions { eui: Eui::Eui64, ..d };
        assert!(
            !is_mac_address("01:02:03:04:05:ab", &e64)
                && is_mac_address("01:02:03:04:05:06:07:ab", &e64)
        );
    }
}
