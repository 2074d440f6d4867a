//! URL checks against a policy (schemes, hosts, credentials, address categories).

use std::net::IpAddr;

use url::{Host, Url};

use super::ip::*;
use crate::{Error, ErrorCode, Result};

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
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(rename_all = "camelCase", deny_unknown_fields, default)
)]
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
    #[test]
    fn megabyte_urls_are_checked_in_linear_time() {
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
}
