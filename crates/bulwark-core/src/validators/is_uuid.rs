//! `isUUID`.

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// Which UUIDs [`is_uuid`] accepts (validator.js `version`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UuidVersion {
    /// `'all'` (default): versions 1-8 with the RFC 9562 variant, nil and max.
    #[default]
    All,
    /// `'1'` to `'8'`: that version digit and the RFC 9562 variant (`8`, `9`, `a`, `b`).
    Version(u8),
    /// `'nil'`: `00000000-0000-0000-0000-000000000000`.
    Nil,
    /// `'max'`: `ffffffff-ffff-ffff-ffff-ffffffffffff`.
    Max,
    /// `'loose'`: any hex digits in the 8-4-4-4-12 layout.
    Loose,
}

impl UuidVersion {
    /// Parses validator.js's `version` argument (`'1'`-`'8'`, `'nil'`, `'max'`, `'all'`,
    /// `'loose'`); `None` for anything else.
    pub fn parse(version: &str) -> Option<UuidVersion> {
        Some(match version {
            "all" => UuidVersion::All,
            "nil" => UuidVersion::Nil,
            "max" => UuidVersion::Max,
            "loose" => UuidVersion::Loose,
            "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" => {
                UuidVersion::Version(version.as_bytes()[0] - b'0')
            }
            _ => return None,
        })
    }
}

/// `true` when `s` is a UUID of `version`, as validator.js `isUUID` decides
/// (case-insensitive hex, hyphens at 8, 13, 18 and 23).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_uuid, UuidVersion};
/// assert!(is_uuid("A987FBC9-4BED-3078-CF07-9141BA07C9F3", UuidVersion::Loose));
/// assert!(is_uuid("713ae7e3-cb32-45f9-adcb-7c4fa86b90c1", UuidVersion::All));
/// assert!(is_uuid("713ae7e3-cb32-45f9-adcb-7c4fa86b90c1", UuidVersion::Version(4)));
/// assert!(!is_uuid("713ae7e3-cb32-45f9-adcb-7c4fa86b90c1", UuidVersion::Version(5)));
/// assert!(!is_uuid("xxxA987FBC9-4BED-3078-CF07-9141BA07C9F3", UuidVersion::All));
/// ```
pub fn is_uuid(s: &str, version: UuidVersion) -> bool {
    let b = s.as_bytes();
    if b.len() != 36 {
        return false;
    }
    for (i, &c) in b.iter().enumerate() {
        let ok = if matches!(i, 8 | 13 | 18 | 23) { c == b'-' } else { c.is_ascii_hexdigit() };
        if !ok {
            return false;
        }
    }
    let all = |digit: u8| {
        b.iter()
            .enumerate()
            .all(|(i, &c)| matches!(i, 8 | 13 | 18 | 23) || c.eq_ignore_ascii_case(&digit))
    };
    let rfc = |v: u8| {
        b[14] == b'0' + v && matches!(b[19].to_ascii_lowercase(), b'8' | b'9' | b'a' | b'b')
    };
    match version {
        UuidVersion::Loose => true,
        UuidVersion::Nil => all(b'0'),
        UuidVersion::Max => all(b'f'),
        UuidVersion::Version(v) => rfc(v),
        UuidVersion::All => (1..=8).any(rfc) || all(b'0') || all(b'f'),
    }
}

/// `{ "version"?: ... }`: a string or a number [`UuidVersion::parse`] knows (default
/// `'all'`).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let version = o.version("version")?.unwrap_or_else(|| "all".into());
    Ok(Rule::Uuid(
        UuidVersion::parse(&version)
            .ok_or_else(|| invalid(format!("isUUID: unknown version '{version}'")))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        use UuidVersion::*;
        let cases: &[(&str, UuidVersion, bool)] = &[
            ("A987FBC9-4BED-3078-CF07-9141BA07C9F3", Loose, true),
            ("A987FBC9-4BED-3078-CF07-9141BA07C9F3", All, false),
            ("A987FBC9-4BED-3078-8F07-9141BA07C9F3", Version(3), true),
            ("A987FBC9-4BED-4078-8F07-9141BA07C9F3", Version(3), false),
            ("713ae7e3-cb32-45f9-adcb-7c4fa86b90c1", Version(4), true),
            ("625e63f3-58f5-40b7-83a1-a72ad31acffb", Version(4), true),
            ("57b73598-8764-4ad0-a76a-679bb6640eb1", Version(4), true),
            ("9c858901-8a57-4791-81fe-4c455b099bc9", Version(4), true),
            ("987FBC97-4BED-5078-AF07-9141BA07C9F3", Version(5), true),
            ("018C544A-D384-7000-BB74-3B1738ABE43C", Version(7), true),
            ("018C544A-D384-7000-BB74-3B1738ABE43C", All, true),
            ("00000000-0000-0000-0000-000000000000", Nil, true),
            ("00000000-0000-0000-0000-000000000000", All, true),
            ("ffffffff-FFFF-ffff-ffff-ffffffffffff", Max, true),
            ("ffffffff-FFFF-ffff-ffff-ffffffffffff", All, true),
            ("A987FBC9-4BED-9078-AF07-9141BA07C9F3", All, false),
            ("A987FBC9-4BED-0078-AF07-9141BA07C9F3", All, false),
            ("A987FBC9-4BED-4078-CF07-9141BA07C9F3", All, false),
            ("", All, false),
            ("xxxA987FBC9-4BED-3078-CF07-9141BA07C9F", Loose, false),
            ("A987FBC94BED3078CF079141BA07C9F3", Loose, false),
            ("934859", Loose, false),
            ("987FBC9-4BED-3078-CF07A-9141BA07C9F3", Loose, false),
            ("AAAAAAAA-1111-1111-AAAG-111111111111", Loose, false),
            ("A987FBC9-4BED-3078-CF07-9141BA07C9F３", Loose, false),
        ];
        for &(s, version, expected) in cases {
            assert_eq!(is_uuid(s, version), expected, "{s} {version:?}");
        }
        assert_eq!(UuidVersion::parse("4"), Some(Version(4)));
        assert_eq!(UuidVersion::parse("9"), None);
        assert!(!is_uuid(&"a".repeat(1 << 20), All));
    }
}
