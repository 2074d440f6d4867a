//! `isSemVer`.

use std::sync::OnceLock;

use regex::Regex;

use super::static_regex;

/// validator.js's pattern (semver.org's), case-insensitive for ASCII letters only.
const SEMVER: &str = concat!(
    r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
    r"(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?",
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$",
);

static RE: OnceLock<Option<Regex>> = OnceLock::new();

/// `true` when `s` is a Semantic Versioning 2.0.0 version, as validator.js `isSemVer`
/// decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_sem_ver;
/// assert!(is_sem_ver("1.2.3-beta.1+build.5"));
/// assert!(!is_sem_ver("1.2") && !is_sem_ver("01.2.3") && !is_sem_ver("1.2.3-01"));
/// ```
pub fn is_sem_ver(s: &str) -> bool {
    static_regex(&RE, || SEMVER).is_some_and(|re| re.is_match(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert!(Regex::new(SEMVER).is_ok());
        for s in [
            "0.0.4",
            "1.2.3",
            "10.20.30",
            "1.1.2-prerelease+meta",
            "1.1.2+meta",
            "1.1.2+meta-valid",
            "1.0.0-alpha",
            "1.0.0-beta",
            "1.0.0-alpha.beta",
            "1.0.0-alpha.beta.1",
            "1.0.0-alpha.1",
            "1.0.0-alpha0.valid",
            "1.0.0-alpha.0valid",
            "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay",
            "1.0.0-rc.1+build.1",
            "2.0.0-rc.1+build.123",
            "1.2.3-beta",
            "10.2.3-DEV-SNAPSHOT",
            "1.2.3-SNAPSHOT-123",
            "1.0.0",
            "2.0.0",
            "1.1.7",
            "2.0.0+build.1848",
            "2.0.1-alpha.1227",
            "1.0.0-alpha+beta",
            "1.2.3----RC-SNAPSHOT.12.9.1--.12+788",
            "1.2.3----R-S.12.9.1--.12+meta",
            "1.2.3----RC-SNAPSHOT.12.9.1--.12",
            "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
            "1.0.0-0A.is.legal",
        ] {
            assert!(is_sem_ver(s), "{s}");
        }
        for s in [
            "-invalid+invalid",
            "-invalid.01",
            "alpha",
            "alpha.beta",
            "alpha.beta.1",
            "alpha.1",
            "1",
            "1.2",
            "1.2.3-0123",
            "1.2.3-0123.0123",
            "1.1.2+.123",
            "+invalid",
            "-invalid",
            "1.0.0-alpha_beta",
            "1.2.3.DEV",
            "1.2-SNAPSHOT",
            "01.1.1",
            "1.01.1",
            "1.1.01",
            "1.2.3-beta-ſ",
            "",
        ] {
            assert!(!is_sem_ver(s), "{s}");
        }
        assert!(!is_sem_ver(&format!("1.2.3-{}!", "a.".repeat(1 << 19))));
    }
}
