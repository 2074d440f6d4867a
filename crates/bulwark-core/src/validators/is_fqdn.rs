//! `isFQDN`.

use super::rule::{Options, Rule};
use super::{is_js_space, utf16_len};
use crate::Result;

/// Options of [`is_fqdn`], with validator.js names and defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FqdnOptions {
    /// `require_tld` (default `true`): the name needs at least two labels and a TLD of
    /// letters (or an `xn--` label).
    pub require_tld: bool,
    /// `allow_underscores` (default `false`).
    pub allow_underscores: bool,
    /// `allow_trailing_dot` (default `false`): one trailing `.` is ignored.
    pub allow_trailing_dot: bool,
    /// `allow_numeric_tld` (default `false`).
    pub allow_numeric_tld: bool,
    /// `allow_wildcard` (default `false`): a leading `*.` is ignored.
    pub allow_wildcard: bool,
    /// `ignore_max_length` (default `false`): labels may exceed 63 UTF-16 units.
    pub ignore_max_length: bool,
}

impl Default for FqdnOptions {
    fn default() -> Self {
        FqdnOptions {
            require_tld: true,
            allow_underscores: false,
            allow_trailing_dot: false,
            allow_numeric_tld: false,
            allow_wildcard: false,
            ignore_max_length: false,
        }
    }
}

/// `true` when `s` is a fully qualified domain name, as validator.js `isFQDN` decides.
///
/// Labels are `[A-Za-z0-9_-]` or any character from U+00A1 up (internationalized names are
/// not converted to punycode, as in validator.js), without fullwidth ASCII forms, not
/// starting or ending with `-`, at most 63 UTF-16 units.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_fqdn, FqdnOptions};
/// let default = FqdnOptions::default();
/// assert!(is_fqdn("www.example.com", &default));
/// assert!(is_fqdn("münchen.de", &default));
/// assert!(!is_fqdn("localhost", &default));
/// assert!(!is_fqdn("-bad.example.com", &default));
/// assert!(is_fqdn("localhost", &FqdnOptions { require_tld: false, ..default }));
/// ```
pub fn is_fqdn(s: &str, options: &FqdnOptions) -> bool {
    let mut s = s;
    if options.allow_trailing_dot {
        s = s.strip_suffix('.').unwrap_or(s);
    }
    if options.allow_wildcard {
        s = s.strip_prefix("*.").unwrap_or(s);
    }
    let tld = s.rsplit('.').next().unwrap_or("");
    if options.require_tld {
        if !s.contains('.') {
            return false;
        }
        if !options.allow_numeric_tld && !is_tld(tld) {
            return false;
        }
        if tld.chars().any(is_js_space) {
            return false;
        }
    }
    if !options.allow_numeric_tld && !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    s.split('.').all(|part| is_label(part, options))
}

/// validator.js's TLD pattern:
/// `/^([a-z\u00A1-\u00A8\u00AA-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]{2,}|xn[a-z0-9-]{2,})$/i`.
fn is_tld(tld: &str) -> bool {
    let letters = utf16_len(tld) >= 2
        && tld.chars().all(|c| {
            c.is_ascii_alphabetic()
                || matches!(c, '\u{A1}'..='\u{A8}' | '\u{AA}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFEF}')
        });
    let punycode = tld.len() >= 4
        && tld.as_bytes()[..2].eq_ignore_ascii_case(b"xn")
        && tld.bytes().skip(2).all(|b| b.is_ascii_alphanumeric() || b == b'-');
    letters || punycode
}

fn is_label(part: &str, options: &FqdnOptions) -> bool {
    if !options.ignore_max_length && utf16_len(part) > 63 {
        return false;
    }
    // `/^[a-z_\u00a1-\uffff0-9-]+$/i`: over UTF-16 units, so astral characters (two
    // surrogates, both in range) are allowed; then no fullwidth `\uff01-\uff5e`.
    if part.is_empty()
        || !part.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || c == '_'
                || c == '-'
                || (c >= '\u{A1}' && !('\u{FF01}'..='\u{FF5E}').contains(&c))
        })
    {
        return false;
    }
    if part.starts_with('-') || part.ends_with('-') {
        return false;
    }
    options.allow_underscores || !part.contains('_')
}

/// validator.js `isFQDN` options.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let d = FqdnOptions::default();
    Ok(Rule::Fqdn(FqdnOptions {
        require_tld: o.bool("require_tld", d.require_tld)?,
        allow_underscores: o.bool("allow_underscores", d.allow_underscores)?,
        allow_trailing_dot: o.bool("allow_trailing_dot", d.allow_trailing_dot)?,
        allow_numeric_tld: o.bool("allow_numeric_tld", d.allow_numeric_tld)?,
        allow_wildcard: o.bool("allow_wildcard", d.allow_wildcard)?,
        ignore_max_length: o.bool("ignore_max_length", d.ignore_max_length)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = FqdnOptions::default();
        let valid = [
            "domain.com",
            "dom.plato",
            "a.domain.co",
            "foo--bar.com",
            "xn--froschgrn-x9a.com",
            "rebecca.blackfriday",
            "1337.com",
            "abc.xn--p1ai",
            "例子.广告",
            "😀.com",
            "a.b.c.d.e.f.gh",
        ];
        let invalid = [
            "abc",
            "256.0.0.0",
            "_.com",
            "*.some.com",
            "s!ome.com",
            "domain.com/",
            "/more.com",
            "domain.com\u{ff0e}",
            "domain.co\u{00a0}m",
            "domain.co\u{1680}m",
            "domain.c",
            "domain.xn--",
            "domain.-com",
            "domain.com-",
            "-domain.com",
            "a..com",
            ".com",
            "com.",
            "domain.1com",
            "domain.123",
            "\u{ff41}.com",
            "a.b.c.d.e.f.g",
            "a.b.c.d.e.f.\u{3000}x",
            "",
        ];
        for s in valid {
            assert!(is_fqdn(s, &d), "{s:?} should be valid");
        }
        for s in invalid {
            assert!(!is_fqdn(s, &d), "{s:?} should be invalid");
        }
    }

    #[test]
    fn options() {
        let d = FqdnOptions::default();
        let o = |f: fn(&mut FqdnOptions)| {
            let mut o = d.clone();
            f(&mut o);
            o
        };
        assert!(is_fqdn("example.com.", &o(|o| o.allow_trailing_dot = true)));
        assert!(!is_fqdn("example.com.", &d));
        assert!(is_fqdn("*.example.com", &o(|o| o.allow_wildcard = true)));
        assert!(is_fqdn("_dmarc.example.com", &o(|o| o.allow_underscores = true)));
        assert!(is_fqdn("example.123", &o(|o| o.allow_numeric_tld = true)));
        assert!(is_fqdn("localhost", &o(|o| o.require_tld = false)));
        assert!(!is_fqdn("123", &o(|o| o.require_tld = false)));
        let long = format!("{}.com", "a".repeat(64));
        assert!(!is_fqdn(&long, &d));
        assert!(is_fqdn(&long, &o(|o| o.ignore_max_length = true)));
        // 32 astral characters are 64 UTF-16 units.
        assert!(!is_fqdn(&format!("{}.com", "😀".repeat(32)), &d));
    }

    #[test]
    fn long_input_is_linear() {
        let s = format!("{}.com", "a-".repeat(500_000));
        assert!(!is_fqdn(&s, &FqdnOptions::default()));
        let dots = ".".repeat(1 << 20);
        assert!(!is_fqdn(&dots, &FqdnOptions::default()));
    }
}
