//! `isJWT`.

use super::is_base64::{Base64Options, is_base64};

/// `true` when `s` is three dot-separated base64url parts (without padding), as
/// validator.js `isJWT` decides. As there, parts may be empty (`".."` is accepted) and
/// nothing is decoded.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_jwt;
/// assert!(is_jwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"));
/// assert!(!is_jwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"));
/// assert!(!is_jwt("a.b.c.d"));
/// ```
pub fn is_jwt(s: &str) -> bool {
    let url = Base64Options::url_safe();
    let mut parts = 0;
    for part in s.split('.') {
        parts += 1;
        if parts > 3 || !is_base64(part, &url) {
            return false;
        }
    }
    parts == 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE1MTYyMzkwMjJ9.E2Di0esTSDHGNdsYBiWBLdKEhx03_o9wMFzqRQk6Ld4",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.",
            "..",
            "a.b.c",
        ] {
            assert!(is_jwt(s), "{s}");
        }
        for s in [
            "",
            "a.b",
            "a.b.c.d",
            "$Zs.ewu.YePa.xs",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0=.x",
            "a.b.c ",
            "a..b.",
        ] {
            assert!(!is_jwt(s), "{s}");
        }
        assert!(!is_jwt(&".".repeat(1 << 20)));
    }
}
