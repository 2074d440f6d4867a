//! `parseIp`, `classifyIp`, `classifyIps` and the compiled `UrlChecker` class.

use bulwark_core::ssrf::{self, UrlPolicy};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::options::decode_options;
use crate::{entry, entry_ok};

/// A parsed IP address.
// Every field set (`null` when absent): napi-rs defines those, while it assigns
// optional ones, which an accessor on a polluted Object.prototype intercepts.
#[napi(object, use_nullable = true)]
pub struct ParsedIp {
    pub address: String,
    pub family: u32,
    pub zone: Option<String>,
}

/// The canonical form of an IP address in any notation the OS resolver accepts; `null`
/// when `input` is not an IP address.
#[napi(catch_unwind, ts_return_type = "ParsedIp | null")]
pub fn parse_ip(input: String) -> Result<Option<ParsedIp>, &'static str> {
    entry_ok(|| {
        ssrf::parse_ip(&input).map(|ip| ParsedIp {
            address: ip.canonical(),
            family: u32::from(ip.family()),
            zone: ip.zone,
        })
    })
}

/// The category of an IP address (`IP_INVALID` when it is not one).
#[napi(catch_unwind)]
pub fn classify_ip(input: String) -> Result<&'static str, &'static str> {
    entry(|| ssrf::classify_ip(&input).map(|c| c.as_str()))
}

/// The category of every address of a resolver answer, in one call.
#[napi(catch_unwind)]
pub fn classify_ips(addresses: Vec<String>) -> Result<Vec<&'static str>, &'static str> {
    entry(|| {
        ssrf::classify_ips(&addresses).map(|list| list.into_iter().map(|c| c.as_str()).collect())
    })
}

/// An accepted URL.
// Every field set (`null` when absent): napi-rs defines those, while it assigns
// optional ones, which an accessor on a polluted Object.prototype intercepts.
#[napi(object, use_nullable = true)]
pub struct UrlCheckResult {
    pub href: String,
    pub protocol: String,
    pub hostname: String,
    pub port: Option<u32>,
    pub address: Option<String>,
    pub category: Option<String>,
}

/// A compiled URL policy: build once, check many URLs.
#[napi]
pub struct UrlChecker {
    inner: ssrf::UrlChecker,
}

#[napi]
impl UrlChecker {
    /// Decodes ([`UrlPolicy`]), validates and compiles the policy (`INVALID_OPTIONS` for
    /// malformed entries).
    #[napi(constructor, catch_unwind)]
    pub fn new(options: Unknown) -> Result<Self, &'static str> {
        entry(|| {
            let policy: UrlPolicy = decode_options(options)?;
            Ok(UrlChecker { inner: ssrf::UrlChecker::new(&policy)? })
        })
    }

    /// Parses `url` (WHATWG) and checks it against the policy.
    #[napi(catch_unwind)]
    pub fn check(&self, url: String) -> Result<UrlCheckResult, &'static str> {
        entry(|| {
            let r = self.inner.check(&url)?;
            Ok(UrlCheckResult {
                href: r.href,
                protocol: r.protocol,
                hostname: r.hostname,
                port: r.port.map(u32::from),
                address: r.address,
                category: r.category.map(|c| c.as_str().to_owned()),
            })
        })
    }
}
