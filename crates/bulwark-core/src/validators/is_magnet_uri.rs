//! `isMagnetURI`.

use std::sync::OnceLock;

use super::js_test;

/// `true` when `s` is a magnet link with an `xt` parameter naming a supported hash
/// (`urn:btih:` and friends, 32 or 40 characters, or `urn:btmh:1220` and 64), as
/// validator.js `isMagnetURI` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_magnet_uri;
/// assert!(is_magnet_uri("magnet:?xt=urn:btih:06E2A9683BF4DA92C73A661AC56F0ECC9C63C5B4&dn=helloword2000&tr=udp://helloworld:1337/announce"));
/// assert!(!is_magnet_uri("magnet:?xt=urn:btih:06E2A9683BF4DA92C73A661AC56F0ECC9C63C5B") && !is_magnet_uri(""));
/// ```
pub fn is_magnet_uri(s: &str) -> bool {
    static COMPONENT: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    s.starts_with("magnet:?")
        && js_test(
            &COMPONENT,
            || {
                r"(?:^magnet:\?|[^?&]&)xt(?:\.1)?=urn:(?:(?:aich|bitprint|btih|ed2k|ed2khash|kzhash|md5|sha1|tree:tiger):[a-z0-9]{32}(?:[a-z0-9]{8})?|btmh:1220[a-z0-9]{64})(?:$|&)".into()
            },
            "i",
            s,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "magnet:?xt.1=urn:sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456&xt.2=urn:sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magnet:?xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456&dn=helloword2000&tr=udp://helloworld:1337/announce",
            "magnet:?xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456&dn=foo",
            "magnet:?xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magnet:?xt=urn:tree:tiger:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magnet:?xt=urn:ed2k:ABCDEFGHIJKLMNOPQRSTUVWXYZ12345678901234",
            "magnet:?tr=udp://helloworld:1337/announce&xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magnet:?xt=urn:btmh:1220caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad099f3a302e",
        ] {
            assert!(is_magnet_uri(s), "{s}");
        }
        for s in [
            ":?xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magneta:?xt=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magnet:?xt=uarn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magnet:?xt=urn:btihz",
            "magnet::xt=urn:btih",
            "magnet:?xt:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "magnet:?xt:urn:nonexisting:ABCDEFGHIJKLMNOPQRSTUVWXYZ12345678901234",
            "magnet:?xt.2=urn:btih:ABCDEFGHIJKLMNOPQRSTUVWXYZ123456",
            "magnet:?xt=urn:ed2k:ABCDEFGHIJKLMNOPQRSTUVWXYZ12345678901234567890123456789ABCD",
            "magnet:?xt=urn:btmh:1120caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad099f3a302e",
            "magnet:?ttxt=urn:btmh:1220caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad099f3a302e",
        ] {
            assert!(!is_magnet_uri(s), "{s}");
        }
    }
}
