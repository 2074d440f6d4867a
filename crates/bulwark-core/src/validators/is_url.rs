//! `isURL`.

use super::is_fqdn::{FqdnOptions, is_fqdn};
use super::is_ip::{IpVersion, is_ip};
use super::js_regex::{HostMatcher, check_host};
use super::rule::{Options, Rule};
use super::{is_js_space, utf16_len};
use crate::Result;

/// Options of [`is_url`], with validator.js names and defaults. The host is checked with
/// [`is_fqdn`] using `require_tld`, `allow_underscores`, `allow_trailing_dot`,
/// `allow_numeric_tld`, `allow_wildcard` and `ignore_max_length` from here, as validator.js
/// passes its whole options object on.
#[derive(Debug, Clone)]
pub struct UrlOptions {
    /// `protocols` (default `http`, `https`, `ftp`), compared with the lowercased scheme.
    pub protocols: Vec<String>,
    /// `require_tld` (default `true`).
    pub require_tld: bool,
    /// `require_protocol` (default `false`).
    pub require_protocol: bool,
    /// `require_host` (default `true`).
    pub require_host: bool,
    /// `require_port` (default `false`).
    pub require_port: bool,
    /// `require_valid_protocol` (default `true`): the scheme must be in `protocols`.
    pub require_valid_protocol: bool,
    /// `allow_underscores` (default `false`).
    pub allow_underscores: bool,
    /// `allow_trailing_dot` (default `false`).
    pub allow_trailing_dot: bool,
    /// `allow_numeric_tld` (default `false`).
    pub allow_numeric_tld: bool,
    /// `allow_wildcard` (default `false`).
    pub allow_wildcard: bool,
    /// `ignore_max_length` (default `false`): host labels may exceed 63 units.
    pub ignore_max_length: bool,
    /// `allow_protocol_relative_urls` (default `false`): `//host/path`.
    pub allow_protocol_relative_urls: bool,
    /// `allow_fragments` (default `true`).
    pub allow_fragments: bool,
    /// `allow_query_components` (default `true`).
    pub allow_query_components: bool,
    /// `disallow_auth` (default `false`): refuse `user:password@`.
    pub disallow_auth: bool,
    /// `validate_length` (default `true`): refuse URLs longer than `max_allowed_length`.
    pub validate_length: bool,
    /// `max_allowed_length` (default 2084), in UTF-16 units.
    pub max_allowed_length: f64,
    /// `host_whitelist` (default none): when set, the result is whether the host matches
    /// (an empty list matches nothing).
    pub host_whitelist: Option<Vec<HostMatcher>>,
    /// `host_blacklist` (default none).
    pub host_blacklist: Option<Vec<HostMatcher>>,
}

impl Default for UrlOptions {
    fn default() -> Self {
        UrlOptions {
            protocols: vec!["http".into(), "https".into(), "ftp".into()],
            require_tld: true,
            require_protocol: false,
            require_host: true,
            require_port: false,
            require_valid_protocol: true,
            allow_underscores: false,
            allow_trailing_dot: false,
            allow_numeric_tld: false,
            allow_wildcard: false,
            ignore_max_length: false,
            allow_protocol_relative_urls: false,
            allow_fragments: true,
            allow_query_components: true,
            disallow_auth: false,
            validate_length: true,
            max_allowed_length: 2084.0,
            host_whitelist: None,
            host_blacklist: None,
        }
    }
}

/// Schemes that run code or embed documents when followed: never valid unless listed in
/// `protocols` (and `require_valid_protocol` is on).
pub const DANGEROUS_SCHEMES: [&str; 3] = ["javascript", "vbscript", "data"];

/// The length of a scheme at the start of `s` followed by `:`
/// (`/^([a-z][a-z0-9+\-.]*):/i`), if any.
fn scheme_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        .count();
    (b.get(len) == Some(&b':')).then_some(len)
}

fn has_percent_escape(s: &str) -> bool {
    s.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// `true` when `s` is a URL, as validator.js `isURL` decides, except that `javascript:`,
/// `vbscript:` and `data:` URLs are never valid unless their scheme is in `protocols` with
/// `require_valid_protocol` on.
///
/// validator.js (13.15) still accepts some of them: it reads `javascript:alert@example.com`
/// as credentials `javascript:alert` for host `example.com`, `javascript:1` (with
/// `require_tld: false`) as host and port, and any scheme with
/// `require_valid_protocol: false` (CVE-2025-56200 and follow-ups). A browser runs all of
/// them as scripts, so Bulwark refuses these schemes whatever the rest looks like.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_url, UrlOptions};
/// let d = UrlOptions::default();
/// assert!(is_url("https://www.example.com/path?q=1#top", &d));
/// assert!(is_url("example.com", &d));
/// assert!(is_url("http://user:pass@[::1]:8080/x", &UrlOptions { require_tld: false, ..d.clone() }));
/// assert!(!is_url("javascript:alert(1)", &d));
/// assert!(!is_url("javascript:alert@example.com", &d)); // validator.js: true
/// assert!(!is_url("mailto:a@example.com", &d));
/// ```
pub fn is_url(s: &str, options: &UrlOptions) -> bool {
    if s.is_empty() || s.chars().any(|c| is_js_space(c) || c == '<' || c == '>') {
        return false;
    }
    if s.starts_with("mailto:") {
        return false;
    }
    if options.validate_length && (utf16_len(s) as f64) > options.max_allowed_length {
        return false;
    }
    if !options.allow_fragments && s.contains('#') {
        return false;
    }
    if !options.allow_query_components && (s.contains('?') || s.contains('&')) {
        return false;
    }
    let mut url = s.split('#').next().unwrap_or("");
    url = url.split('?').next().unwrap_or("");

    let mut had_explicit_protocol = false;
    if let Some(len) = scheme_len(url) {
        let scheme = url[..len].to_ascii_lowercase();
        let allowed = options.require_valid_protocol && options.protocols.contains(&scheme);
        if DANGEROUS_SCHEMES.contains(&scheme.as_str()) && !allowed {
            return false;
        }
        let after_colon = &url[len + 1..];
        let is_protocol = if after_colon.starts_with("//") {
            true
        } else {
            let before_slash = after_colon.split('/').next().unwrap_or("");
            match before_slash.find('@') {
                Some(at) => {
                    let before_at = &before_slash[..at];
                    let valid_auth = before_at.bytes().all(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'%' | b':')
                    });
                    // Credentials (`user:password@host`) unless they hide encoded content.
                    !valid_auth || has_percent_escape(before_at)
                }
                // `host:port` unless what follows the colon is not a number.
                None => !after_colon.as_bytes().first().is_some_and(u8::is_ascii_digit),
            }
        };
        if is_protocol {
            had_explicit_protocol = true;
            if options.require_valid_protocol && !allowed {
                return false;
            }
            url = after_colon;
        } else if options.require_protocol {
            return false;
        }
    } else if options.require_protocol {
        return false;
    }

    if let Some(rest) = url.strip_prefix("//") {
        if !had_explicit_protocol && !options.allow_protocol_relative_urls {
            return false;
        }
        url = rest;
    }
    if url.is_empty() {
        return false;
    }
    let authority = url.split('/').next().unwrap_or("");
    if authority.is_empty() && !options.require_host {
        return true;
    }
    let hostname = match authority.split_once('@') {
        Some((auth, hostname)) => {
            if options.disallow_auth || auth.is_empty() {
                return false;
            }
            if auth.matches(':').count() > 1 || auth == ":" {
                return false;
            }
            hostname
        }
        None => authority,
    };

    let (host, ipv6, port) = match wrapped_ipv6(hostname) {
        Some((ipv6, port)) => ("", Some(ipv6), port),
        None => match hostname.split_once(':') {
            Some((host, port)) => (host, None, Some(port)),
            None => (hostname, None, None),
        },
    };
    match port.filter(|p| !p.is_empty()) {
        Some(port) => {
            if !port.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            let digits = port.trim_start_matches('0');
            if digits.is_empty()
                || digits.len() > 5
                || digits.parse::<u32>().map_or(true, |p| p > 65535)
            {
                return false;
            }
        }
        None if options.require_port => return false,
        None => {}
    }
    if let Some(whitelist) = &options.host_whitelist {
        return check_host(host, whitelist);
    }
    if host.is_empty() && !options.require_host {
        return true;
    }
    let fqdn = FqdnOptions {
        require_tld: options.require_tld,
        allow_underscores: options.allow_underscores,
        allow_trailing_dot: options.allow_trailing_dot,
        allow_numeric_tld: options.allow_numeric_tld,
        allow_wildcard: options.allow_wildcard,
        ignore_max_length: options.ignore_max_length,
    };
    if !is_ip(host, IpVersion::Any)
        && !is_fqdn(host, &fqdn)
        && !ipv6.is_some_and(|ip| is_ip(ip, IpVersion::V6))
    {
        return false;
    }
    let host = if host.is_empty() { ipv6.unwrap_or("") } else { host };
    if let Some(blacklist) = &options.host_blacklist {
        if check_host(host, blacklist) {
            return false;
        }
    }
    true
}

/// `/^\[([^\]]+)\](?::([0-9]+))?$/`: the address and the port, if any.
fn wrapped_ipv6(hostname: &str) -> Option<(&str, Option<&str>)> {
    let inner = hostname.strip_prefix('[')?;
    let close = inner.find(']')?;
    let (address, rest) = (&inner[..close], &inner[close + 1..]);
    if address.is_empty() {
        return None;
    }
    match rest.strip_prefix(':') {
        None if rest.is_empty() => Some((address, None)),
        Some(port) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
            Some((address, Some(port)))
        }
        _ => None,
    }
}

/// validator.js `isURL` options; `host_whitelist` / `host_blacklist` hold strings and
/// RegExps (`false`: none).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let d = UrlOptions::default();
    Ok(Rule::Url(Box::new(UrlOptions {
        protocols: o.strings("protocols")?.unwrap_or(d.protocols),
        require_tld: o.bool("require_tld", d.require_tld)?,
        require_protocol: o.bool("require_protocol", d.require_protocol)?,
        require_host: o.bool("require_host", d.require_host)?,
        require_port: o.bool("require_port", d.require_port)?,
        require_valid_protocol: o.bool("require_valid_protocol", d.require_valid_protocol)?,
        allow_underscores: o.bool("allow_underscores", d.allow_underscores)?,
        allow_trailing_dot: o.bool("allow_trailing_dot", d.allow_trailing_dot)?,
        allow_numeric_tld: o.bool("allow_numeric_tld", d.allow_numeric_tld)?,
        allow_wildcard: o.bool("allow_wildcard", d.allow_wildcard)?,
        ignore_max_length: o.bool("ignore_max_length", d.ignore_max_length)?,
        allow_protocol_relative_urls: o
            .bool("allow_protocol_relative_urls", d.allow_protocol_relative_urls)?,
        allow_fragments: o.bool("allow_fragments", d.allow_fragments)?,
        allow_query_components: o.bool("allow_query_components", d.allow_query_components)?,
        disallow_auth: o.bool("disallow_auth", d.disallow_auth)?,
        validate_length: o.bool("validate_length", d.validate_length)?,
        max_allowed_length: o.number("max_allowed_length")?.unwrap_or(d.max_allowed_length),
        host_whitelist: o.hosts("host_whitelist")?,
        host_blacklist: o.hosts("host_blacklist")?,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: fn(&mut UrlOptions)) -> UrlOptions {
        let mut o = UrlOptions::default();
        f(&mut o);
        o
    }

    #[test]
    fn validator_js_examples() {
        let d = UrlOptions::default();
        let long = format!("http://foobar.com/{}", "f".repeat(2064));
        let valid = [
            "foobar.com",
            "www.foobar.com",
            "foobar.com/",
            "valid.au",
            "http://www.foobar.com/",
            "HTTP://WWW.FOOBAR.COM/",
            "https://www.foobar.com/",
            "HTTPS://WWW.FOOBAR.COM/",
            "http://www.foobar.com:23/",
            "http://www.foobar.com:65535/",
            "http://www.foobar.com:5/",
            "https://www.foobar.com/",
            "ftp://www.foobar.com/",
            "http://www.foobar.com/~foobar",
            "http://user:pass@www.foobar.com/",
            "http://user:@www.foobar.com/",
            "http://:pass@www.foobar.com/",
            "http://user@www.foobar.com",
            "http://127.0.0.1/",
            "http://10.0.0.0/",
            "http://189.123.14.13/",
            "http://duckduckgo.com/?q=%2F",
            "http://foobar.com/t$-_.+!*'(),",
            "http://foobar.com/?foo=bar#baz=qux",
            "http://foobar.com?foo=bar",
            "http://foobar.com#baz=qux",
            "http://www.xn--froschgrn-x9a.net/",
            "http://xn--froschgrn-x9a.com/",
            "http://foo--bar.com",
            "http://høyfjellet.no",
            "http://xn--j1aac5a4g.xn--j1amh",
            "http://xn------eddceddeftq7bvv7c4ke4c.xn--p1ai",
            "http://кулік.укр",
            "test.com?ref=http://test2.com",
            "http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html",
            "http://[1080:0:0:0:8:800:200C:417A]/index.html",
            "http://[3ffe:2a00:100:7031::1]",
            "http://[1080::8:800:200C:417A]/foo",
            "http://[::192.9.5.5]/ipng",
            "http://[::FFFF:129.144.52.38]:80/index.html",
            "http://[2010:836B:4179::836B:4179]",
            "http://example.com/example.json#/foo/bar",
            "http://1337.com",
            long.as_str(),
        ];
        for s in valid {
            assert!(is_url(s, &d), "{s:?} should be valid");
        }
        let too_long = format!("http://foobar.com/{}", "f".repeat(2067));
        let invalid = [
            "http://localhost:3000/",
            "//foobar.com",
            "xyz://foobar.com",
            "invalid/",
            "invalid.x",
            "invalid.",
            ".com",
            "http://com/",
            "http://300.0.0.1/",
            "mailto:foo@bar.com",
            "rtmp://foobar.com",
            "http://www.xn--.com/",
            "http://xn--.com/",
            "http://www.foobar.com:0/",
            "http://www.foobar.com:70000/",
            "http://www.foobar.com:99999/",
            "http://www.-foobar.com/",
            "http://www.foobar-.com/",
            "http://foobar/# lol",
            "http://foobar/? lol",
            "http://foobar/ lol/",
            "http://lol @foobar.com/",
            "http://lol:lol @foobar.com/",
            "http://lol:lol:lol@foobar.com/",
            "http://lol: @foobar.com/",
            "http://www.foo_bar.com/",
            "http://www.foobar.com/\t",
            "http://@foobar.com",
            "http://:@foobar.com",
            "http://\n@www.foobar.com/",
            "",
            too_long.as_str(),
            "http://*.foo.com",
            "*.foo.com",
            "!.foo.com",
            "http://example.com.",
            "http://localhost:61500this is an invalid url!!!!",
            "////foobar.com",
            "http:////foobar.com",
            "https://example.com/foo/<script>alert('XSS')</script>/",
            "javascript:alert(1)",
            "javascript:alert@example.com",
            "JaVaScRiPt:alert@example.com",
            "data:text@example.com",
            "vbscript:msgbox@example.com",
        ];
        for s in invalid {
            assert!(!is_url(s, &d), "{s:?} should be invalid");
        }
    }

    #[test]
    fn options() {
        assert!(is_url("rtmp://foobar.com", &with(|o| o.protocols = vec!["rtmp".into()])));
        assert!(!is_url("http://foobar.com", &with(|o| o.protocols = vec!["rtmp".into()])));
        assert!(is_url("rtmp://foobar.com", &with(|o| o.require_valid_protocol = false)));
        assert!(!is_url(
            "javascript://foobar.com/%0aalert(1)",
            &with(|o| o.require_valid_protocol = false)
        ));
        assert!(is_url(
            "javascript://foobar.com/x",
            &with(|o| o.protocols = vec!["javascript".into()])
        ));
        assert!(!is_url("javascript:1", &with(|o| o.require_tld = false)));
        assert!(is_url("localhost:3000", &with(|o| o.require_tld = false)));
        assert!(is_url("http://localhost:3000/", &with(|o| o.require_tld = false)));
        assert!(!is_url("foobar.com", &with(|o| o.require_protocol = true)));
        assert!(is_url("http://foobar.com", &with(|o| o.require_protocol = true)));
        assert!(!is_url("http://foobar.com", &with(|o| o.require_port = true)));
        assert!(is_url("http://foobar.com:80", &with(|o| o.require_port = true)));
        assert!(is_url("//foobar.com", &with(|o| o.allow_protocol_relative_urls = true)));
        assert!(!is_url("http://foobar.com#x", &with(|o| o.allow_fragments = false)));
        assert!(!is_url("http://foobar.com?x=1", &with(|o| o.allow_query_components = false)));
        assert!(!is_url("http://user@foobar.com", &with(|o| o.disallow_auth = true)));
        assert!(is_url("http://foo_bar.com", &with(|o| o.allow_underscores = true)));
        assert!(is_url("http://example.com.", &with(|o| o.allow_trailing_dot = true)));
        assert!(is_url("http://*.foo.com", &with(|o| o.allow_wildcard = true)));
        assert!(is_url("http://foobar.123", &with(|o| o.allow_numeric_tld = true)));
        assert!(is_url(
            "file:///path",
            &with(|o| {
                o.protocols = vec!["file".into()];
                o.require_host = false;
            })
        ));
        let long = format!("http://foobar.com/{}", "f".repeat(3000));
        assert!(is_url(&long, &with(|o| o.validate_length = false)));
        assert!(!is_url("http://foobar.com/abc", &with(|o| o.max_allowed_length = 10.0)));
        let wl = with(|o| o.host_whitelist = Some(vec![HostMatcher::Exact("foo.com".into())]));
        assert!(is_url("http://foo.com/", &wl) && !is_url("http://bar.com/", &wl));
        let empty = with(|o| o.host_whitelist = Some(vec![]));
        assert!(!is_url("http://foo.com/", &empty));
        let bl = with(|o| o.host_blacklist = Some(vec![HostMatcher::Exact("foo.com".into())]));
        assert!(!is_url("http://foo.com/", &bl) && is_url("http://bar.com/", &bl));
    }

    #[test]
    fn adversarial_inputs_are_linear() {
        let d = with(|o| o.validate_length = false);
        for s in [
            format!("http://{}", "a.".repeat(1 << 19)),
            format!("http://{}", "@".repeat(1 << 20)),
            format!("http://{}", ":".repeat(1 << 20)),
            format!("{}:", "a".repeat(1 << 20)),
            format!("http://[{}]", ":".repeat(1 << 20)),
            "/".repeat(1 << 20),
        ] {
            assert!(!is_url(&s, &d));
        }
        assert!(is_url(&format!("http://example.com/{}", "a/".repeat(1 << 19)), &d));
    }
}
