//! `isMD5`.

/// `true` when `s` is 32 lowercase hexadecimal digits, as validator.js `isMD5` decides
/// (uppercase digits fail there too).
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_md5;
/// assert!(is_md5("d94f3f016ae679c3008de268209132f2"));
/// assert!(!is_md5("D94F3F016AE679C3008DE268209132F2") && !is_md5("d94f3f0"));
/// ```
pub fn is_md5(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["d94f3f016ae679c3008de268209132f2", "751adbc511ccbe8edf23d486fa4581cd"] {
            assert!(is_md5(s), "{s}");
        }
        for s in
            ["KYT0bf1c35032a71a14c2f719e5a14c1", "q94375dj93458w34", "39485729348", "%&FHKJFvk"]
        {
            assert!(!is_md5(s), "{s}");
        }
    }
}
