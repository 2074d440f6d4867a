//! SSRF guards: parse IP addresses in every notation the OS resolver accepts, classify them
//! (public, private, loopback, ...), and check URLs before a server fetches them.
//!
//! A URL check alone cannot stop SSRF: a public host name can resolve to a private address,
//! and resolve differently a second later (DNS rebinding). The JS layer's `safeLookup`
//! therefore classifies the addresses a connection actually uses, with [`classify_ips`].
//!
//! Categories follow the IANA IPv4 and IPv6 special-purpose address registries; see
//! [`classify`] for the exact ranges. Everything not known to be globally reachable
//! unicast is non-public (fail closed).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

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

/// What [`UrlChecker`] allows. The default allows `http` and `https` URLs without
/// credentials to any host that is not a literal non-public address.
///
/// # Examples
/// ```
/// let policy = bulwark_core::ssrf::UrlPolicy::default();
/// assert_eq!(policy.allowed_schemes, ["http", "https"]);
/// assert!(policy.allowed_hosts.is_none() && !policy.allow_credentials);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPolicy {
    /// Schemes allowed, without `:` (a trailing `:` is accepted), case-insensitive.
    pub allowed_schemes: Vec<String>,
    /// When set, only these hosts: exact names or IP literals (`api.example.com`,
    /// `[::1]`), or `*.example.com` for any subdomain (not the apex). Compared after WHATWG
    /// host parsing (lowercase, punycode), ignoring one trailing dot. An allowed host is
    /// still refused when it is a literal address outside `allowed_categories`.
    pub allowed_hosts: Option<Vec<String>>,
    /// Allow `user:password@` in URLs. Default `false`.
    pub allow_credentials: bool,
    /// Address categories a literal IP host (or `localhost`) may have. Default: public only.
    pub allowed_categories: IpCategories,
}

impl Default for UrlPolicy {
    fn default() -> Self {
        UrlPolicy {
            allowed_schemes: vec!["http".into(), "https".into()],
            allowed_hosts: None,
            allow_credentials: false,
            allowed_categories: IpCategories::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum HostPattern {
    Exact(String),
    /// `.example.com`: a strict subdomain.
    Suffix(String),
}

fn invalid_options(message: String) -> Error {
    Error::new(ErrorCode::InvalidOptions, message)
}

fn normalize_scheme(scheme: &str) -> Result<String> {
    let name = scheme.strip_suffix(':').unwrap_or(scheme).to_ascii_lowercase();
    let mut bytes = name.bytes();
    let valid = bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.')
        });
    if !valid {
        return Err(invalid_options(format!("allowedSchemes: \"{scheme}\" is not a URL scheme")));
    }
    Ok(name)
}

fn normalize_host_pattern(entry: &str) -> Result<HostPattern> {
    let bad = || {
        invalid_options(format!(
            "allowedHosts: \"{entry}\" is not a host name, IP literal or *.domain pattern"
        ))
    };
    let (wildcard, host) = match entry.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, entry),
    };
    if host.is_empty()
        || host
            .bytes()
            .any(|b| matches!(b, b'/' | b'?' | b'#' | b'@' | b'\\' | b'%' | b'*') || b <= b' ')
    {
        return Err(bad());
    }
    // A port is not part of a host (and `:80` would vanish as http's default port).
    let bracketed = host.starts_with('[') && host.ends_with(']');
    if host.contains(':') && !bracketed {
        return Err(bad());
    }
    let url = Url::parse(&format!("http://{host}/")).map_err(|_| bad())?;
    let parsed = url.host().ok_or_else(bad)?;
    if url.port().is_some() || (wildcard && !matches!(parsed, Host::Domain(_))) {
        return Err(bad());
    }
    let name = url.host_str().ok_or_else(bad)?;
    let name = name.strip_suffix('.').unwrap_or(name).to_owned();
    Ok(if wildcard { HostPattern::Suffix(format!(".{name}")) } else { HostPattern::Exact(name) })
}

/// The result of an accepted [`UrlChecker::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlCheck {
    /// The serialized URL, equal to Node's `new URL(input).href`. Fetch this, not the input.
    pub href: String,
    /// The scheme with its colon, as `URL.protocol` (`"https:"`).
    pub protocol: String,
    /// The host as `URL.hostname` (IPv6 in brackets, IPv4 normalized: `0x7f.1` becomes
    /// `127.0.0.1`).
    pub hostname: String,
    /// The explicit port, else the scheme's default; `None` for schemes without one.
    pub port: Option<u16>,
    /// The canonical address when the host is an IP literal.
    pub address: Option<String>,
    /// The host's category when it is an IP literal or `localhost`.
    pub category: Option<IpCategory>,
}

/// A compiled [`UrlPolicy`]: build once, check many URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlChecker {
    schemes: Vec<String>,
    hosts: Option<Vec<HostPattern>>,
    allow_credentials: bool,
    categories: IpCategories,
}

/// A host name that always means this machine (RFC 6761): `localhost` and `*.localhost`.
fn is_localhost(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    let tail = name.len().saturating_sub(".localhost".len());
    name.eq_ignore_ascii_case("localhost")
        || name.get(tail..).is_some_and(|t| t.eq_ignore_ascii_case(".localhost"))
}

impl UrlChecker {
    /// Validates and compiles `policy`: `INVALID_OPTIONS` for a malformed scheme or host entry.
    pub fn new(policy: &UrlPolicy) -> Result<Self> {
        Ok(UrlChecker {
            schemes: policy
                .allowed_schemes
                .iter()
                .map(|s| normalize_scheme(s))
                .collect::<Result<_>>()?,
            hosts: policy
                .allowed_hosts
                .as_ref()
                .map(|h| h.iter().map(|e| normalize_host_pattern(e)).collect())
                .transpose()?,
            allow_credentials: policy.allow_credentials,
            categories: policy.allowed_categories,
        })
    }

    fn host_allowed(&self, hostname: &str) -> bool {
        let Some(patterns) = &self.hosts else {
            return true;
        };
        let name = hostname.strip_suffix('.').unwrap_or(hostname);
        patterns.iter().any(|p| match p {
            HostPattern::Exact(exact) => name == exact,
            HostPattern::Suffix(suffix) => {
                name.len() > suffix.len() && name.ends_with(suffix.as_str())
            }
        })
    }

    /// Parses `input` with WHATWG URL rules and checks it against the policy, in this order:
    /// `URL_INVALID` (does not parse, has no host, or has a non-special scheme and a
    /// backslash anywhere), `URL_SCHEME`, `URL_CREDENTIALS`,
    /// `URL_HOST_NOT_ALLOWED`, then `SSRF_BLOCKED` when the host is a literal address (in
    /// any notation, also in the opaque hosts of non-special schemes) or `localhost`, whose
    /// category is not allowed.
    ///
    /// Host names are not resolved here: use the JS `safeLookup` at connect time, and check
    /// every redirect target again.
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::ssrf::{UrlChecker, UrlPolicy};
    /// let checker = UrlChecker::new(&UrlPolicy::default()).unwrap();
    /// let ok = checker.check("HTTPS://Example.COM:443/a/../b?q").unwrap();
    /// assert_eq!((ok.href.as_str(), ok.port), ("https://example.com/b?q", Some(443)));
    /// for (url, code) in [("http://0x7f.1/", "SSRF_BLOCKED"), ("http://[::ffff:169.254.169.254]/", "SSRF_BLOCKED"),
    ///                     ("file:///etc/passwd", "URL_SCHEME"), ("http://u:p@example.com/", "URL_CREDENTIALS"),
    ///                     ("http://exa mple.com/", "URL_INVALID")] {
    ///     assert_eq!(checker.check(url).unwrap_err().code().as_str(), code, "{url}");
    /// }
    /// ```
    pub fn check(&self, input: &str) -> Result<UrlCheck> {
        let url = Url::parse(input)
            .map_err(|e| Error::new(ErrorCode::UrlInvalid, format!("invalid URL: {e}")))?;
        if !self.schemes.iter().any(|s| s == url.scheme()) {
            return Err(Error::new(
                ErrorCode::UrlScheme,
                format!("URL scheme \"{}:\" is not allowed", url.scheme()),
            ));
        }
        // In non-special URLs `\` is no separator. The url crate still ends a port at one
        // (`redis://h:\x`), which WHATWG and Node refuse: refuse them all rather than risk
        // reading an authority differently from the client that will use the URL.
        if !url.is_special() && input.contains('\\') {
            return Err(Error::new(
                ErrorCode::UrlInvalid,
                "a URL with a non-special scheme contains a backslash",
            ));
        }
        if !self.allow_credentials && (!url.username().is_empty() || url.password().is_some()) {
            return Err(Error::new(ErrorCode::UrlCredentials, "URL contains credentials"));
        }
        let hostname = url.host_str().unwrap_or("");
        if hostname.is_empty() {
            return Err(Error::new(ErrorCode::UrlInvalid, "URL has no host"));
        }
        if !self.host_allowed(hostname) {
            return Err(Error::new(
                ErrorCode::UrlHostNotAllowed,
                format!("host \"{hostname}\" is not allowed"),
            ));
        }
        let ip = match url.host() {
            Some(Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
            Some(Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
            // Opaque hosts of non-special schemes are not parsed as IPv4 by WHATWG, but the
            // OS resolver would: classify them as it would.
            _ => parse_ip(hostname).map(|ip| ip.addr),
        };
        let category = match ip {
            Some(addr) => Some(classify(addr)),
            None if is_localhost(hostname) => Some(IpCategory::Loopback),
            None => None,
        };
        if let Some(c) = category.filter(|c| !self.categories.contains(*c)) {
            return Err(Error::new(
                ErrorCode::SsrfBlocked,
                format!("host \"{hostname}\" is a {} address", c.as_str()),
            ));
        }
        Ok(UrlCheck {
            href: url.as_str().to_owned(),
            protocol: format!("{}:", url.scheme()),
            hostname: hostname.to_owned(),
            port: url.port_or_known_default(),
            address: ip.map(|addr| ParsedIp { addr, zone: None }.canonical()),
            category,
        })
    }
}

/// [`UrlChecker::check`] with the default [`UrlPolicy`].
///
/// # Examples
/// ```
/// let r = bulwark_core::ssrf::check_url("http://93.184.215.14:8080/x").unwrap();
/// assert_eq!((r.address.as_deref(), r.port), (Some("93.184.215.14"), Some(8080)));
/// ```
pub fn check_url(input: &str) -> Result<UrlCheck> {
    UrlChecker::new(&UrlPolicy::default())?.check(input)
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
    fn megabyte_inputs_are_parsed_in_linear_time() {
        let zeros = format!("{}1", "0".repeat(1 << 20));
        assert_eq!(canonical(&zeros).as_deref(), Some("0.0.0.1"));
        let dots = "1.".repeat(1 << 19);
        assert_eq!(canonical(&dots), None);
        let colons = ":".repeat(1 << 20);
        assert_eq!(canonical(&colons), None);
        let url = format!("http://{}.example.com/", "a".repeat(1 << 20));
        assert_eq!(
            check_url(&url).unwrap().hostname.len(),
            (1 << 20) + ".example.com".len(),
            "WHATWG does not limit label length"
        );
        let url = format!("http://{}/", "0x7f.1".repeat(1 << 17));
        assert_eq!(check_url(&url).unwrap_err().code(), ErrorCode::UrlInvalid);
        let url = format!("http://example.com/{}", "%2e%2e/".repeat(150_000));
        assert_eq!(check_url(&url).unwrap().href, "http://example.com/");
    }

    fn checker(policy: UrlPolicy) -> UrlChecker {
        UrlChecker::new(&policy).unwrap()
    }

    #[test]
    fn checks_urls_with_the_default_policy() {
        let ok = [
            ("https://example.com", "https://example.com/", "example.com", Some(443)),
            (
                "http://EXAMPLE.com:8080/a?b#c",
                "http://example.com:8080/a?b#c",
                "example.com",
                Some(8080),
            ),
            ("  http://example.com/\t", "http://example.com/", "example.com", Some(80)),
            ("http://8.8.8.8/", "http://8.8.8.8/", "8.8.8.8", Some(80)),
            ("http://0x08080808/", "http://8.8.8.8/", "8.8.8.8", Some(80)),
            (
                "http://[2606:4700::1111]/",
                "http://[2606:4700::1111]/",
                "[2606:4700::1111]",
                Some(80),
            ),
            ("http://bücher.de/", "http://xn--bcher-kva.de/", "xn--bcher-kva.de", Some(80)),
            ("http://@example.com/", "http://example.com/", "example.com", Some(80)),
            ("http:\\\\example.com\\x", "http://example.com/x", "example.com", Some(80)),
        ];
        let c = checker(UrlPolicy::default());
        for (input, href, hostname, port) in ok {
            let r = c.check(input).unwrap();
            assert_eq!(
                (r.href.as_str(), r.hostname.as_str(), r.port),
                (href, hostname, port),
                "{input}"
            );
        }
        let r = c.check("http://0x08080808/").unwrap();
        assert_eq!((r.address.as_deref(), r.category), (Some("8.8.8.8"), Some(Public)));
        let bad = [
            ("not a url", "URL_INVALID"),
            ("http://", "URL_INVALID"),
            ("http://exa mple.com", "URL_INVALID"),
            ("http://256.0.0.1/", "URL_INVALID"),
            ("http://1.2.3.08/", "URL_INVALID"),
            ("//example.com", "URL_INVALID"),
            ("javascript:alert(1)", "URL_SCHEME"),
            ("file:///etc/passwd", "URL_SCHEME"),
            ("gopher://127.0.0.1:25/", "URL_SCHEME"),
            ("ftp://example.com/", "URL_SCHEME"),
            ("http://user@example.com/", "URL_CREDENTIALS"),
            ("http://:pw@example.com/", "URL_CREDENTIALS"),
            ("http://127.0.0.1/", "SSRF_BLOCKED"),
            ("http://127.1/", "SSRF_BLOCKED"),
            ("http://0x7f.1/", "SSRF_BLOCKED"),
            ("http://2130706433/", "SSRF_BLOCKED"),
            ("http://017700000001/", "SSRF_BLOCKED"),
            ("http://0/", "SSRF_BLOCKED"),
            ("http://0.0.0.0:8080/", "SSRF_BLOCKED"),
            ("http://[::]/", "SSRF_BLOCKED"),
            ("http://[::1]/", "SSRF_BLOCKED"),
            ("http://[::ffff:127.0.0.1]/", "SSRF_BLOCKED"),
            ("http://[::ffff:7f00:1]/", "SSRF_BLOCKED"),
            ("http://[0:0:0:0:0:ffff:a9fe:a9fe]/", "SSRF_BLOCKED"),
            ("http://169.254.169.254/latest/meta-data/", "SSRF_BLOCKED"),
            ("http://10.0.0.1/", "SSRF_BLOCKED"),
            ("http://100.64.1.1/", "SSRF_BLOCKED"),
            ("http://[fd00::1]/", "SSRF_BLOCKED"),
            ("http://[fe80::1]/", "SSRF_BLOCKED"),
            ("http://[2002:a9fe:a9fe::]/", "SSRF_BLOCKED"),
            ("http://[64:ff9b::127.0.0.1]/", "SSRF_BLOCKED"),
            ("http://224.0.0.1/", "SSRF_BLOCKED"),
            ("http://255.255.255.255/", "SSRF_BLOCKED"),
            ("http://localhost:3000/", "SSRF_BLOCKED"),
            ("http://LOCALHOST./", "SSRF_BLOCKED"),
            ("http://api.localhost/", "SSRF_BLOCKED"),
            ("http://%31%32%37%2e%30%2e%30%2e%31/", "SSRF_BLOCKED"),
            ("http://１２７.０.０.１/", "SSRF_BLOCKED"),
        ];
        for (input, expected) in bad {
            assert_eq!(c.check(input).unwrap_err().code().as_str(), expected, "{input}");
        }
    }

    #[test]
    fn opaque_hosts_of_other_schemes_are_classified_as_the_resolver_would() {
        let c = checker(UrlPolicy {
            allowed_schemes: vec!["redis".into(), "HTTP:".into()],
            ..UrlPolicy::default()
        });
        for input in
            ["redis://0x7f.1:6379/", "redis://2130706433/", "redis://[::1]/", "redis://localhost/"]
        {
            assert_eq!(c.check(input).unwrap_err().code(), ErrorCode::SsrfBlocked, "{input}");
        }
        let r = c.check("redis://cache.example.com:6379/0").unwrap();
        assert_eq!((r.port, r.category), (Some(6379), None));
        assert_eq!(
            c.check("redis://cache.example.com/0").unwrap().port,
            None,
            "no known default port"
        );
        assert_eq!(c.check("http://example.com").unwrap().protocol, "http:");
        assert_eq!(c.check("redis:///0").unwrap_err().code(), ErrorCode::UrlInvalid);
        for input in ["redis://h:\\x", "redis://h:6379\\", "redis://h/a\\b"] {
            assert_eq!(c.check(input).unwrap_err().code(), ErrorCode::UrlInvalid, "{input}");
        }
        assert_eq!(
            c.check("http:\\\\example.com\\a").unwrap().href,
            "http://example.com/a",
            "special schemes: \\ is /"
        );
    }

    #[test]
    fn host_allowlist_and_options() {
        let c = checker(UrlPolicy {
            allowed_hosts: Some(vec![
                "api.example.com".into(),
                "*.cdn.example.org".into(),
                "[::1]".into(),
                "BÜCHER.de".into(),
                "127.0.0.1".into(),
            ]),
            ..UrlPolicy::default()
        });
        for ok in [
            "https://api.example.com/x",
            "https://API.EXAMPLE.COM./",
            "https://a.cdn.example.org/",
            "https://a.b.cdn.example.org/",
            "http://xn--bcher-kva.de/",
        ] {
            assert!(c.check(ok).is_ok(), "{ok}");
        }
        for (bad, code) in [
            ("https://example.com/", "URL_HOST_NOT_ALLOWED"),
            ("https://cdn.example.org/", "URL_HOST_NOT_ALLOWED"),
            ("https://evilcdn.example.org/", "URL_HOST_NOT_ALLOWED"),
            ("https://api.example.com.evil.net/", "URL_HOST_NOT_ALLOWED"),
            ("https://127.0.0.1/", "SSRF_BLOCKED"),
            ("https://[::1]/", "SSRF_BLOCKED"),
        ] {
            assert_eq!(c.check(bad).unwrap_err().code().as_str(), code, "{bad}");
        }
        let dev = checker(UrlPolicy {
            allow_credentials: true,
            allowed_categories: IpCategories::from_names(["public", "loopback", "private"])
                .unwrap(),
            ..UrlPolicy::default()
        });
        assert_eq!(dev.check("http://u:p@localhost:3000/").unwrap().category, Some(Loopback));
        assert_eq!(dev.check("http://10.0.0.1/").unwrap().category, Some(Private));
        assert_eq!(
            dev.check("http://169.254.169.254/").unwrap_err().code(),
            ErrorCode::SsrfBlocked
        );
        let none = checker(UrlPolicy {
            allowed_categories: IpCategories::from_names::<&str>([]).unwrap(),
            ..UrlPolicy::default()
        });
        assert_eq!(none.check("http://8.8.8.8/").unwrap_err().code(), ErrorCode::SsrfBlocked);
        assert!(none.check("http://example.com/").is_ok(), "names are checked at connect time");
        for bad_host in [
            "",
            "*.",
            "a/b",
            "a:80",
            "a:8080",
            "[::1]:80",
            "::1",
            "u@h",
            "*.1.2.3.4",
            "*",
            "a b",
            "exa%20mple",
        ] {
            let policy =
                UrlPolicy { allowed_hosts: Some(vec![bad_host.into()]), ..UrlPolicy::default() };
            assert_eq!(
                UrlChecker::new(&policy).unwrap_err().code(),
                ErrorCode::InvalidOptions,
                "{bad_host:?}"
            );
        }
        for bad_scheme in ["", "1http", "ht tp", "http://"] {
            let policy =
                UrlPolicy { allowed_schemes: vec![bad_scheme.into()], ..UrlPolicy::default() };
            assert_eq!(
                UrlChecker::new(&policy).unwrap_err().code(),
                ErrorCode::InvalidOptions,
                "{bad_scheme:?}"
            );
        }
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
