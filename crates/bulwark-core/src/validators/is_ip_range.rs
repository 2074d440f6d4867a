//! `isIPRange`.

use super::is_ip::{IpVersion, ip_version, is_ip};
use super::rule::{Options, Rule};
use crate::Result;

/// `true` when `s` is an address and a prefix length (CIDR notation), as validator.js
/// `isIPRange` decides: `ip/len` with `len` 0-32 for IPv4 and 0-128 for IPv6, written
/// without leading zeros.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_ip_range, IpVersion};
/// assert!(is_ip_range("10.0.0.0/8", IpVersion::Any));
/// assert!(is_ip_range("2001:db8::/32", IpVersion::V6));
/// assert!(!is_ip_range("10.0.0.0/33", IpVersion::Any));
/// assert!(!is_ip_range("10.0.0.0/08", IpVersion::Any));
/// ```
pub fn is_ip_range(s: &str, version: IpVersion) -> bool {
    let Some((ip, subnet)) = s.split_once('/') else {
        return false;
    };
    if subnet.contains('/')
        || subnet.is_empty()
        || subnet.len() > 3
        || !subnet.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    if subnet.len() > 1 && subnet.starts_with('0') {
        return false;
    }
    if !is_ip(ip, version) {
        return false;
    }
    let max = match version {
        IpVersion::V4 => 32,
        IpVersion::V6 => 128,
        IpVersion::Any if is_ip(ip, IpVersion::V6) => 128,
        IpVersion::Any => 32,
    };
    subnet.parse::<u32>().is_ok_and(|n| n <= max)
}

/// `{ "version"?: 4 | 6 }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::IpRange(ip_version(o)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let valid = [
            "127.0.0.1/24",
            "0.0.0.0/0",
            "255.255.255.0/32",
            "::/0",
            "::/128",
            "2001::/128",
            "2001:800::/128",
            "::ffff:127.0.0.1/96",
        ];
        let invalid = [
            "0.0.0.0/-1",
            "0.0.0.0/33",
            "0.0.0.0/01",
            "::/129",
            "::/-1",
            "2001:800::/129",
            "127.0.0.1",
            "127.0.0.1/",
            "127.0.0.1/24/24",
            "abc/24",
            "127.0.0.1/2a",
            "127.0.0.1/ 24",
            "1.2.3.4/1000",
        ];
        for s in valid {
            assert!(is_ip_range(s, IpVersion::Any), "{s}");
        }
        for s in invalid {
            assert!(!is_ip_range(s, IpVersion::Any), "{s}");
        }
        assert!(is_ip_range("1.2.3.4/32", IpVersion::V4));
        assert!(!is_ip_range("1.2.3.4/32", IpVersion::V6));
        assert!(is_ip_range("::1/100", IpVersion::V6));
        assert!(!is_ip_range("::1/100", IpVersion::V4));
        assert!(!is_ip_range(&format!("1.2.3.4/{}", "1".repeat(1 << 20)), IpVersion::Any));
    }
}
