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

mod ip;
mod url;

pub use self::ip::{
    IpCategories, IpCategory, ParsedIp, classify, classify_ip, classify_ips, parse_ip,
};
pub use self::url::{UrlCheck, UrlChecker, UrlPolicy, check_url};
