//! IP addresses: parsing in every notation the OS resolver accepts, and classification.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::{Error, ErrorCode, Result};

/// What kind of address an IP is. The string forms ([`IpCategory::as_str`]) are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpCategory {
    /// Globally reachable unicast.
    Public,
    /// Private networks: RFC 1918 (`10/8`, `172.16/12`, `192.168/16`), IPv6 unique local
    /// (`fc00::/7`), deprecated site-local (`fec0::/10`) and local-use NAT64 (`64:ff9b:1::/48`).
    Private,
    /// `127/8`, `::1`.
    Loopback,
    /// `169.254/16` (cloud metadata services live at 169.254.169.254), `fe80::/10`.
    LinkLocal,
    /// `0.0.0.0`, `::` (connecting to them reaches the local host on Linux).
    Unspecified,
    /// `224/4`, `ff00::/8`.
    Multicast,
    /// Carrier-grade NAT shared space, `100.64/10`.
    Cgnat,
    /// `192.0.2/24`, `198.51.100/24`, `203.0.113/24`, `2001:db8::/32`, `3fff::/20`.
    Documentation,
    /// `198.18/15`, `2001:2::/48`.
    Benchmarking,
    /// Everything else that is not global unicast: `0/8`, `240/4`, `192.0.0/24`,
    /// `192.88.99/24`, IPv6 outside `2000::/3`, `2001::/23` (Teredo, ORCHID, ...), `100::/64`,
    /// and IPv4-compatible IPv6 addresses (`::a.b.c.d`) of public IPv4 addresses.
    Reserved,
    /// `255.255.255.255`.
    Broadcast,
}

impl IpCategory {
    /// Every category, in declaration order.
    pub const ALL: [IpCategory; 11] = [
        IpCategory::Public,
        IpCategory::Private,
        IpCategory::Loopback,
        IpCategory::LinkLocal,
        IpCategory::Unspecified,
        IpCategory::Multicast,
        IpCategory::Cgnat,
        IpCategory::Documentation,
        IpCategory::Benchmarking,
        IpCategory::Reserved,
        IpCategory::Broadcast,
    ];

    /// The stable name, e.g. `"linkLocal"`.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(bulwark_core::ssrf::IpCategory::LinkLocal.as_str(), "linkLocal");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            IpCategory::Public => "public",
            IpCategory::Private => "private",
            IpCategory::Loopback => "loopback",
            IpCategory::LinkLocal => "linkLocal",
            IpCategory::Unspecified => "unspecified",
            IpCategory::Multicast => "multicast",
            IpCategory::Cgnat => "cgnat",
            IpCategory::Documentation => "documentation",
            IpCategory::Benchmarking => "benchmarking",
            IpCategory::Reserved => "reserved",
            IpCategory::Broadcast => "broadcast",
        }
    }

    /// The category named `name` (as [`IpCategory::as_str`] spells it).
    pub fn from_name(name: &str) -> Option<IpCategory> {
        IpCategory::ALL.into_iter().find(|c| c.as_str() == name)
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A set of [`IpCategory`]s that a check lets through.
///
/// # Examples
/// ```
/// use bulwark_core::ssrf::{IpCategories, IpCategory};
/// let dev = IpCategories::from_names(["public", "loopback"]).unwrap();
/// assert!(dev.contains(IpCategory::Loopback) && !dev.contains(IpCategory::Private));
/// assert!(IpCategories::from_names(["lan"]).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpCategories(u16);

impl Default for IpCategories {
    /// Only [`IpCategory::Public`].
    fn default() -> Self {
        IpCategories(IpCategory::Public.bit())
    }
}

impl IpCategories {
    /// The set of the named categories; an unknown name is `INVALID_OPTIONS`.
    pub fn from_names<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Result<Self> {
        let mut bits = 0;
        for name in names {
            let name = name.as_ref();
            let category = IpCategory::from_name(name).ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidOptions,
                    format!("unknown IP category \"{name}\" (expected one of {})", category_list()),
                )
            })?;
            bits |= category.bit();
        }
        Ok(IpCategories(bits))
    }

    /// Whether `category` is in the set.
    pub fn contains(self, category: IpCategory) -> bool {
        self.0 & category.bit() != 0
    }
}

/// A list of category names, as [`IpCategories::from_names`] reads it.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for IpCategories {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let names = Vec::<String>::deserialize(deserializer)?;
        IpCategories::from_names(names).map_err(|err| serde::de::Error::custom(err.message()))
    }
}

fn category_list() -> String {
    IpCategory::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
}

/// A parsed IP address and, for IPv6, its zone (`fe80::1%eth0`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedIp {
    /// The address.
    pub addr: IpAddr,
    /// The IPv6 zone (scope id) without the `%`, if one was given.
    pub zone: Option<String>,
}

impl ParsedIp {
    /// The canonical text of the address (without zone): dotted decimal for IPv4; for IPv6
    /// lowercase hex with the first longest run of two or more zero groups written `::`, and
    /// no dotted IPv4 tail, exactly as WHATWG URL (Node's `URL`) serializes IPv6 hosts.
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::ssrf::parse_ip;
    /// assert_eq!(parse_ip("0x7f.1").unwrap().canonical(), "127.0.0.1");
    /// assert_eq!(parse_ip("::FFFF:127.0.0.1").unwrap().canonical(), "::ffff:7f00:1");
    /// assert_eq!(parse_ip("[2001:db8:0:0:1:0:0:1]").unwrap().canonical(), "2001:db8::1:0:0:1");
    /// ```
    pub fn canonical(&self) -> String {
        match self.addr {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => ipv6_to_string(v6),
        }
    }

    /// `4` or `6`, as Node's `net.isIP` and `dns.lookup` report it.
    pub fn family(&self) -> u8 {
        if self.addr.is_ipv4() { 4 } else { 6 }
    }
}

fn ipv6_to_string(addr: Ipv6Addr) -> String {
    let groups = addr.segments();
    // The first longest run of at least two zero groups.
    let (mut best_start, mut best_len) = (usize::MAX, 1);
    let mut i = 0;
    while i < groups.len() {
        if groups[i] == 0 {
            let start = i;
            while i < groups.len() && groups[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                (best_start, best_len) = (start, i - start);
            }
        } else {
            i += 1;
        }
    }
    let mut out = String::with_capacity(39);
    let mut i = 0;
    while i < groups.len() {
        if i == best_start {
            out.push_str(if i == 0 { "::" } else { ":" });
            i += best_len;
            continue;
        }
        out.push_str(&format!("{:x}", groups[i]));
        if i + 1 < groups.len() {
            out.push(':');
        }
        i += 1;
    }
    out
}

/// One part of a loose IPv4 address: `0x` hex (empty digits mean 0, as in WHATWG URL),
/// `0`-prefixed octal, or decimal. `None` when malformed or above `u32::MAX`.
fn ipv4_part(part: &str) -> Option<u64> {
    let bytes = part.as_bytes();
    let (digits, radix) = match bytes {
        [b'0', b'x' | b'X', ..] => (&bytes[2..], 16),
        [b'0', _, ..] => (&bytes[1..], 8),
        [] => return None,
        _ => (bytes, 10),
    };
    let mut value: u64 = 0;
    for &b in digits {
        let digit = char::from(b).to_digit(radix)?;
        value = value * u64::from(radix) + u64::from(digit);
        if value > u64::from(u32::MAX) {
            return None;
        }
    }
    Some(value)
}

/// Parses IPv4 in every form `inet_aton` (the OS resolver) and WHATWG URL accept: one to
/// four parts, each decimal, octal (leading `0`) or hex (`0x`), the last filling the
/// remaining bytes (`127.1`, `2130706433`, `0x7f.1`, `017700000001`), and one trailing dot.
fn parse_ipv4(s: &str) -> Option<Ipv4Addr> {
    let s = s.strip_suffix('.').unwrap_or(s);
    if !s.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let mut parts = [0u64; 4];
    let mut count = 0;
    for part in s.split('.') {
        if count == 4 {
            return None;
        }
        parts[count] = ipv4_part(part)?;
        count += 1;
    }
    let (init, last) = (&parts[..count - 1], parts[count - 1]);
    if init.iter().any(|&p| p > 255) || last >= 1u64 << (8 * (5 - count)) {
        return None;
    }
    let mut value = last;
    for (i, &p) in init.iter().enumerate() {
        value |= p << (24 - 8 * i);
    }
    Some(Ipv4Addr::from(u32::try_from(value).ok()?))
}

/// A zone id as `getaddrinfo` takes it: an interface name or number.
fn valid_zone(zone: &str) -> bool {
    (1..=64).contains(&zone.len())
        && zone.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn parse_ipv6(s: &str) -> Option<ParsedIp> {
    let (addr, zone) = match s.split_once('%') {
        Some((addr, zone)) => (addr, Some(zone)),
        None => (s, None),
    };
    if addr.len() > 64 || !addr.contains(':') || zone.is_some_and(|z| !valid_zone(z)) {
        return None;
    }
    let addr: Ipv6Addr = addr.parse().ok()?;
    Some(ParsedIp { addr: IpAddr::V6(addr), zone: zone.map(str::to_owned) })
}

/// Parses an IP address in any notation the OS resolver accepts; `None` for anything else.
///
/// IPv4: as `inet_aton` and WHATWG URL: decimal, octal and hex parts, one to four of them
/// (`127.0.0.1`, `127.1`, `0x7f.1`, `017700000001`, `2130706433`, `1.1.1.01` = 1.1.1.1),
/// and one trailing dot. IPv6: every RFC 4291 form, with an embedded dotted IPv4 tail
/// (`::ffff:127.0.0.1`), an optional zone (`fe80::1%eth0`) and optional brackets (`[::1]`).
///
/// # Examples
/// ```
/// use bulwark_core::ssrf::parse_ip;
/// for s in ["2130706433", "017700000001", "0x7f.1", "127.1", "0x7F000001", "127.0.0.1."] {
///     assert_eq!(parse_ip(s).unwrap().canonical(), "127.0.0.1", "{s}");
/// }
/// let ip = parse_ip("[fe80::1%eth0]").unwrap();
/// assert_eq!((ip.canonical().as_str(), ip.zone.as_deref(), ip.family()), ("fe80::1", Some("eth0"), 6));
/// assert!(parse_ip("example.com").is_none() && parse_ip("1.2.3.4.5").is_none() && parse_ip("08").is_none());
/// ```
pub fn parse_ip(s: &str) -> Option<ParsedIp> {
    if let Some(inner) = s.strip_prefix('[') {
        return parse_ipv6(inner.strip_suffix(']')?);
    }
    if let Some(v4) = parse_ipv4(s) {
        return Some(ParsedIp { addr: IpAddr::V4(v4), zone: None });
    }
    parse_ipv6(s)
}

fn in_v4(addr: u32, net: [u8; 4], prefix: u32) -> bool {
    let net = u32::from_be_bytes(net);
    let mask = if prefix == 0 { 0 } else { u32::MAX << (32 - prefix) };
    addr & mask == net
}

fn classify_v4(addr: Ipv4Addr) -> IpCategory {
    let a = u32::from(addr);
    use IpCategory::*;
    const RANGES: [([u8; 4], u32, IpCategory); 17] = [
        ([0, 0, 0, 0], 32, Unspecified),
        ([255, 255, 255, 255], 32, Broadcast),
        ([0, 0, 0, 0], 8, Reserved),
        ([10, 0, 0, 0], 8, Private),
        ([100, 64, 0, 0], 10, Cgnat),
        ([127, 0, 0, 0], 8, Loopback),
        ([169, 254, 0, 0], 16, LinkLocal),
        ([172, 16, 0, 0], 12, Private),
        ([192, 0, 0, 0], 24, Reserved),
        ([192, 0, 2, 0], 24, Documentation),
        ([192, 88, 99, 0], 24, Reserved),
        ([192, 168, 0, 0], 16, Private),
        ([198, 18, 0, 0], 15, Benchmarking),
        ([198, 51, 100, 0], 24, Documentation),
        ([203, 0, 113, 0], 24, Documentation),
        ([224, 0, 0, 0], 4, Multicast),
        ([240, 0, 0, 0], 4, Reserved),
    ];
    RANGES.iter().find(|(net, prefix, _)| in_v4(a, *net, *prefix)).map_or(Public, |&(_, _, c)| c)
}

fn in_v6(addr: u128, net: u128, prefix: u32) -> bool {
    let mask = if prefix == 0 { 0 } else { u128::MAX << (128 - prefix) };
    addr & mask == net
}

fn embedded_v4(bits: u128) -> Ipv4Addr {
    Ipv4Addr::from((bits & 0xffff_ffff) as u32)
}

fn classify_v6(addr: Ipv6Addr) -> IpCategory {
    use IpCategory::*;
    let a = u128::from(addr);
    if a == 0 {
        return Unspecified;
    }
    if a == 1 {
        return Loopback;
    }
    // IPv4-mapped ::ffff:0:0/96 and NAT64 64:ff9b::/96: the embedded IPv4 address decides.
    if in_v6(a, 0xffff_0000_0000, 96) || in_v6(a, 0x0064_ff9b << 96, 96) {
        return classify_v4(embedded_v4(a));
    }
    // IPv4-compatible ::/96 (deprecated): never routed, but classified by its IPv4 address
    // when that is not public so that ::127.0.0.1 still reads as loopback.
    if in_v6(a, 0, 96) {
        let category = classify_v4(embedded_v4(a));
        return if category == Public { Reserved } else { category };
    }
    // 6to4 2002::/16: the IPv4 address is in bits 16..48.
    if in_v6(a, 0x2002 << 112, 16) {
        return classify_v4(embedded_v4(a >> 80));
    }
    const RANGES: [(u128, u32, IpCategory); 10] = [
        (0x0064_ff9b_0001 << 80, 48, Private),
        (0x2001_0db8 << 96, 32, Documentation),
        (0x3fff << 112, 20, Documentation),
        (0x2001_0002 << 96, 48, Benchmarking),
        (0x2001 << 112, 23, Reserved),
        (0xfc << 120, 7, Private),
        (0xfec << 116, 10, Private),
        (0xfe8 << 116, 10, LinkLocal),
        (0xff << 120, 8, Multicast),
        (0x2000 << 112, 3, Public),
    ];
    RANGES.iter().find(|(net, prefix, _)| in_v6(a, *net, *prefix)).map_or(Reserved, |&(_, _, c)| c)
}

/// The category of `addr`.
///
/// IPv4-mapped (`::ffff:a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::`)
/// addresses take the category of the IPv4 address they embed, since that is where packets
/// go. IPv4-compatible addresses (`::a.b.c.d`) do too, except that a public embedded
/// address makes them `Reserved` (they are deprecated and never routed). Teredo
/// (`2001::/32`) is `Reserved` as part of `2001::/23`. IPv6 outside `2000::/3` that is not
/// otherwise listed is `Reserved`.
///
/// # Examples
/// ```
/// use bulwark_core::ssrf::{classify, parse_ip, IpCategory};
/// let c = |s: &str| classify(parse_ip(s).unwrap().addr);
/// assert_eq!(c("169.254.169.254"), IpCategory::LinkLocal);
/// assert_eq!(c("::ffff:7f00:1"), IpCategory::Loopback);
/// assert_eq!(c("2002:c0a8:101::1"), IpCategory::Private);
/// assert_eq!(c("64:ff9b::8.8.8.8"), IpCategory::Public);
/// assert_eq!(c("100.64.0.1"), IpCategory::Cgnat);
/// ```
pub fn classify(addr: IpAddr) -> IpCategory {
    match addr {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn invalid_ip() -> Error {
    Error::new(ErrorCode::IpInvalid, "not an IP address")
}

/// Parses (see [`parse_ip`]) and classifies `s`; `IP_INVALID` when it is not an IP address.
///
/// # Examples
/// ```
/// use bulwark_core::ssrf::{classify_ip, IpCategory};
/// assert_eq!(classify_ip("0x7f.1").unwrap(), IpCategory::Loopback);
/// assert_eq!(classify_ip("localhost").unwrap_err().code().as_str(), "IP_INVALID");
/// ```
pub fn classify_ip(s: &str) -> Result<IpCategory> {
    parse_ip(s).map(|ip| classify(ip.addr)).ok_or_else(invalid_ip)
}

/// [`classify_ip`] for every address of a resolver answer, in one call; `IP_INVALID` if any
/// is not an IP address.
///
/// # Examples
/// ```
/// use bulwark_core::ssrf::{classify_ips, IpCategory};
/// assert_eq!(classify_ips(&["8.8.8.8", "::1"]).unwrap(), [IpCategory::Public, IpCategory::Loopback]);
/// ```
pub fn classify_ips<S: AsRef<str>>(addresses: &[S]) -> Result<Vec<IpCategory>> {
    addresses.iter().map(|a| classify_ip(a.as_ref())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use IpCategory::*;

    fn canonical(s: &str) -> Option<String> {
        parse_ip(s).map(|ip| ip.canonical())
    }

    #[test]
    fn parses_every_ipv4_notation() {
        let cases = [
            ("127.0.0.1", "127.0.0.1"),
            ("2130706433", "127.0.0.1"),
            ("017700000001", "127.0.0.1"),
            ("0x7f000001", "127.0.0.1"),
            ("0X7F.1", "127.0.0.1"),
            ("0x7f.0.0.1", "127.0.0.1"),
            ("127.1", "127.0.0.1"),
            ("127.0.1", "127.0.0.1"),
            ("0177.0.0.01", "127.0.0.1"),
            ("1.1.1.01", "1.1.1.1"),
            ("010.010.010.010", "8.8.8.8"),
            ("0", "0.0.0.0"),
            ("0x", "0.0.0.0"),
            ("0.0x.0.0", "0.0.0.0"),
            ("4294967295", "255.255.255.255"),
            ("169.254.43518", "169.254.169.254"),
            ("0xa9fea9fe", "169.254.169.254"),
            ("127.0.0.1.", "127.0.0.1"),
            ("00000000000000000000000000000000177.1", "127.0.0.1"),
        ];
        for (input, expected) in cases {
            assert_eq!(canonical(input).as_deref(), Some(expected), "{input}");
            assert_eq!(parse_ip(input).unwrap().family(), 4);
        }
        let invalid = [
            "",
            ".",
            "..",
            "1..1",
            "1.2.3.4.5",
            "4294967296",
            "256.1.1.1",
            "1.256.1.1",
            "1.1.65536",
            "1.16777216",
            "08",
            "09.1",
            "0x1g",
            "1.2.3.-4",
            "+1.2.3.4",
            " 1.2.3.4",
            "1.2.3.4 ",
            "1.2.3.4..",
            "a.b.c.d",
            "example.com",
            "1e3",
            "0xffffffffff",
            "127.0.0.1\0",
            "١٢٧.0.0.1",
        ];
        for input in invalid {
            assert_eq!(canonical(input), None, "{input:?}");
        }
    }

    #[test]
    fn parses_ipv6_forms() {
        let cases = [
            ("::1", "::1"),
            ("[::1]", "::1"),
            ("::", "::"),
            ("0:0:0:0:0:0:0:1", "::1"),
            ("::ffff:127.0.0.1", "::ffff:7f00:1"),
            ("::FFFF:7F00:1", "::ffff:7f00:1"),
            ("::127.0.0.1", "::7f00:1"),
            ("2001:DB8::1", "2001:db8::1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
            ("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),
            ("fe80::1%eth0", "fe80::1"),
            ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ];
        for (input, expected) in cases {
            assert_eq!(canonical(input).as_deref(), Some(expected), "{input}");
        }
        assert_eq!(parse_ip("fe80::1%eth0").unwrap().zone.as_deref(), Some("eth0"));
        assert_eq!(parse_ip("[fe80::1%25]").unwrap().zone.as_deref(), Some("25"));
        for input in [
            ":::",
            "1::2::3",
            "::ffff:127.1",
            "::ffff:0x7f.0.0.1",
            "::ffff:127.0.0.01",
            "[::1",
            "::1]",
            "fe80::1%",
            "fe80::1%a b",
            "12345::",
            "::1%eth0%x",
            "[::1]:80",
        ] {
            assert_eq!(canonical(input), None, "{input}");
        }
    }

    #[test]
    fn classifies_ipv4() {
        let cases = [
            ("8.8.8.8", Public),
            ("1.1.1.1", Public),
            ("0.0.0.0", Unspecified),
            ("0.1.2.3", Reserved),
            ("10.1.2.3", Private),
            ("172.16.0.1", Private),
            ("172.31.255.255", Private),
            ("172.32.0.1", Public),
            ("192.168.1.1", Private),
            ("100.64.0.1", Cgnat),
            ("100.127.255.255", Cgnat),
            ("100.128.0.1", Public),
            ("127.0.0.1", Loopback),
            ("127.255.255.254", Loopback),
            ("169.254.169.254", LinkLocal),
            ("192.0.0.8", Reserved),
            ("192.0.2.1", Documentation),
            ("198.51.100.7", Documentation),
            ("203.0.113.9", Documentation),
            ("192.88.99.1", Reserved),
            ("198.18.0.1", Benchmarking),
            ("198.19.255.255", Benchmarking),
            ("198.20.0.1", Public),
            ("224.0.0.1", Multicast),
            ("239.255.255.255", Multicast),
            ("240.0.0.1", Reserved),
            ("255.255.255.254", Reserved),
            ("255.255.255.255", Broadcast),
            ("2130706433", Loopback),
            ("0x7f.1", Loopback),
            ("017700000001", Loopback),
        ];
        for (input, expected) in cases {
            assert_eq!(classify_ip(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn classifies_ipv6_and_embedded_ipv4() {
        let cases = [
            ("::", Unspecified),
            ("::1", Loopback),
            ("::ffff:127.0.0.1", Loopback),
            ("::ffff:7f00:1", Loopback),
            ("::ffff:169.254.169.254", LinkLocal),
            ("::ffff:10.0.0.1", Private),
            ("::ffff:0.0.0.0", Unspecified),
            ("::ffff:8.8.8.8", Public),
            ("::127.0.0.1", Loopback),
            ("::8.8.8.8", Reserved),
            ("::2", Reserved),
            ("::ffff:0:8.8.8.8", Reserved),
            ("64:ff9b::7f00:1", Loopback),
            ("64:ff9b::8.8.8.8", Public),
            ("64:ff9b::a9fe:a9fe", LinkLocal),
            ("64:ff9b:1::1", Private),
            ("2002:7f00:1::", Loopback),
            ("2002:c0a8:101::1", Private),
            ("2002:808:808::1", Public),
            ("2001:db8::1", Documentation),
            ("3fff::1", Documentation),
            ("2001:2::1", Benchmarking),
            ("2001::1", Reserved),
            ("2001:1ff::1", Reserved),
            ("2001:200::1", Public),
            ("2001:4860:4860::8888", Public),
            ("2606:4700::1111", Public),
            ("fc00::1", Private),
            ("fd12:3456::1", Private),
            ("fec0::1", Private),
            ("fe80::1", LinkLocal),
            ("fe80::1%eth0", LinkLocal),
            ("febf::1", LinkLocal),
            ("ff02::1", Multicast),
            ("100::1", Reserved),
            ("5f00::1", Reserved),
            ("4000::1", Reserved),
            ("1::", Reserved),
        ];
        for (input, expected) in cases {
            assert_eq!(classify_ip(input).unwrap(), expected, "{input}");
        }
        assert_eq!(classify_ip("nope").unwrap_err().code(), ErrorCode::IpInvalid);
        assert_eq!(classify_ips(&["1.1.1.1", "x"]).unwrap_err().code(), ErrorCode::IpInvalid);
    }

    #[test]
    fn megabyte_addresses_are_parsed_in_linear_time() {
        let zeros = format!("{}1", "0".repeat(1 << 20));
        assert_eq!(canonical(&zeros).as_deref(), Some("0.0.0.1"));
        let dots = "1.".repeat(1 << 19);
        assert_eq!(canonical(&dots), None);
        let colons = ":".repeat(1 << 20);
        assert_eq!(canonical(&colons), None);
    }

    #[test]
    fn category_names_round_trip() {
        for c in IpCategory::ALL {
            assert_eq!(IpCategory::from_name(c.as_str()), Some(c));
        }
        assert_eq!(
            IpCategories::from_names(["Public"]).unwrap_err().code(),
            ErrorCode::InvalidOptions
        );
    }
}
