//! `isIP`.

use super::rule::{Options, Rule, invalid};
use crate::Result;
use std::net::Ipv6Addr;

/// Which IP versions [`is_ip`] accepts (validator.js `version`: `4`, `6`, or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IpVersion {
    /// IPv4 or IPv6 (validator.js default, `version: ''`).
    #[default]
    Any,
    /// Dotted-quad IPv4 only.
    V4,
    /// IPv6 only.
    V6,
}

/// `true` when `s` is an IP address, as validator.js `isIP` decides.
///
/// IPv4 is strict dotted-quad: four decimal parts 0-255 without leading zeros, so the
/// ambiguous forms other parsers read as octal or hex (`1.1.1.01`, `0x7f.1`, `127.1`,
/// `2130706433`) are invalid. IPv6 is parsed by `std::net` (all RFC 4291 text forms,
/// embedded IPv4 included) and may carry a zone index `%[0-9A-Za-z.]+`, as in
/// validator.js.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_ip, IpVersion};
/// assert!(is_ip("192.168.1.1", IpVersion::Any));
/// assert!(is_ip("::ffff:127.0.0.1", IpVersion::V6));
/// assert!(is_ip("fe80::1%eth0", IpVersion::Any));
/// assert!(!is_ip("1.1.1.01", IpVersion::Any));
/// assert!(!is_ip("::1", IpVersion::V4));
/// ```
pub fn is_ip(s: &str, version: IpVersion) -> bool {
    match version {
        IpVersion::Any => is_ipv4(s) || is_ipv6(s),
        IpVersion::V4 => is_ipv4(s),
        IpVersion::V6 => is_ipv6(s),
    }
}

/// `^((25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)[.]){3}(same)$`.
pub(crate) fn is_ipv4(s: &str) -> bool {
    if s.len() > 15 {
        return false;
    }
    let mut parts = 0;
    for part in s.split('.') {
        parts += 1;
        let b = part.as_bytes();
        let ok = match b {
            [d] => d.is_ascii_digit(),
            [b'1'..=b'9', d] => d.is_ascii_digit(),
            [b'1', d, e] => d.is_ascii_digit() && e.is_ascii_digit(),
            [b'2', b'0'..=b'4', e] => e.is_ascii_digit(),
            [b'2', b'5', b'0'..=b'5'] => true,
            _ => false,
        };
        if !ok || parts > 4 {
            return false;
        }
    }
    parts == 4
}

fn is_ipv6(s: &str) -> bool {
    let (address, zone) = match s.split_once('%') {
        Some((address, zone)) => (address, Some(zone)),
        None => (s, None),
    };
    if let Some(zone) = zone {
        if zone.is_empty() || !zone.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
            return false;
        }
    }
    // The longest IPv6 text form is 45 characters (`ffff:...:255.255.255.255`).
    address.len() <= 45 && address.parse::<Ipv6Addr>().is_ok()
}

/// The `version` option of `isIP` and `isIPRange`: `4` or `6` (a string or a number);
/// none or `''` for either.
pub(super) fn ip_version(o: &mut Options) -> Result<IpVersion> {
    match o.version("version")?.as_deref() {
        None | Some("") => Ok(IpVersion::Any),
        Some("4") => Ok(IpVersion::V4),
        Some("6") => Ok(IpVersion::V6),
        Some(other) => Err(invalid(format!("{}: version must be 4 or 6, got {other}", o.name()))),
    }
}

/// `{ "version"?: 4 | 6 }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Ip(ip_version(o)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_table() {
        for s in
            ["127.0.0.1", "0.0.0.0", "255.255.255.255", "1.2.3.4", "10.0.0.99", "199.249.200.100"]
        {
            assert!(is_ip(s, IpVersion::V4), "{s}");
            assert!(is_ip(s, IpVersion::Any), "{s}");
            assert!(!is_ip(s, IpVersion::V6), "{s}");
        }
        for s in [
            "256.0.0.0",
            "0.0.0.256",
            "26.0.0.256",
            "0200.200.200.200",
            "200.0200.200.200",
            "1.1.1.01",
            "0x7f.0.0.1",
            "127.1",
            "2130706433",
            "1.2.3.4.5",
            "1.2.3.",
            ".1.2.3",
            "1..2.3",
            " 1.2.3.4",
            "1.2.3.4 ",
            "١.٢.٣.٤",
            "",
        ] {
            assert!(!is_ip(s, IpVersion::V4), "{s}");
        }
    }

    #[test]
    fn v6_table() {
        for s in [
            "::1",
            "2001:db8:0000:1:1:1:1:1",
            "2001:db8:3:4::192.0.2.33",
            "2001:41d0:2:a141::1",
            "::ffff:127.0.0.1",
            "1:2:3:4:5:6:7::",
            "::1:2:3:4:5:6:7",
            "::",
            "FE80::0202:B3FF:FE1E:8329",
            "fe80::7:8%eth0",
            "fe80::7:8%1",
            "fe80::7:8%a.b",
            "1::1.2.3.4",
            "0000:0000:0000:0000:0000:0000:0000:0000",
        ] {
            assert!(is_ip(s, IpVersion::V6), "{s}");
            assert!(is_ip(s, IpVersion::Any), "{s}");
        }
        for s in [
            "1:2:3:4:5:6:7:8:9",
            "::ffff:127.0.0.01",
            ":::",
            "1::2::3",
            "12345::",
            "fe80::7:8%",
            "fe80::7:8%a%b",
            "fe80::7:8%eth-0",
            "[::1]",
            "::1 ",
            "1:2:3:4:5:6:7:1.2.3.4",
            "g::1",
        ] {
            assert!(!is_ip(s, IpVersion::V6), "{s}");
        }
    }

    #[test]
    fn long_input() {
        assert!(!is_ip(&"1.".repeat(1 << 19), IpVersion::Any));
        assert!(!is_ip(&format!("::1%{}", "a".repeat(1 << 20)).replace("a", "a%"), IpVersion::Any));
        assert!(is_ip(&format!("::1%{}", "a".repeat(1 << 20)), IpVersion::Any));
    }
}
