//! `isHash`.

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// validator.js's algorithms and their digest lengths in hexadecimal digits.
pub const HASH_ALGORITHMS: [(&str, usize); 13] = [
    ("md5", 32),
    ("md4", 32),
    ("sha1", 40),
    ("sha256", 64),
    ("sha384", 96),
    ("sha512", 128),
    ("ripemd128", 32),
    ("ripemd160", 40),
    ("tiger128", 32),
    ("tiger160", 40),
    ("tiger192", 48),
    ("crc32", 8),
    ("crc32b", 8),
];

/// The hexadecimal length of `algorithm`'s digest, or `None` for an algorithm validator.js
/// does not list.
pub fn hash_length(algorithm: &str) -> Option<usize> {
    HASH_ALGORITHMS.iter().find(|(name, _)| *name == algorithm).map(|(_, len)| *len)
}

/// `true` when `s` is exactly `length` hexadecimal digits (either case): validator.js
/// `isHash(s, algorithm)` with `length = hash_length(algorithm)`.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{hash_length, is_hash};
/// let md5 = hash_length("md5").unwrap();
/// assert!(is_hash("d94f3f016ae679c3008de268209132f2", md5));
/// assert!(!is_hash("d94f3f016ae679c3008de268209132f", md5));
/// assert_eq!(hash_length("sha3"), None);
/// ```
pub fn is_hash(s: &str, length: usize) -> bool {
    s.len() == length && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `{ "algorithm": string }`: an algorithm validator.js does not list is INVALID_OPTIONS
/// (there it builds a pattern such as `^[a-fA-F0-9]{undefined}$`, which never matches a
/// hash).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let algorithm = o.string("algorithm")?.unwrap_or_default();
    let length = hash_length(&algorithm)
        .ok_or_else(|| invalid(format!("isHash: unknown algorithm '{algorithm}'")))?;
    Ok(Rule::Hash(length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let len = |a| hash_length(a).unwrap_or(0);
        assert!(is_hash("d94f3f016ae679c3008de268209132f2", len("md5")));
        assert!(is_hash("D94F3F016AE679C3008DE268209132F2", len("md4")));
        assert!(is_hash("3ca25ae354e192b26879f651a51d92aa8a34d8d3", len("sha1")));
        assert!(is_hash("6281a1f098c5e7290927ed09150d43ff3990a0fe1a48267c45e1ec7ac2b1a9ce4", 65));
        assert!(is_hash("45bc5fa8cb45ee408c04b6269e9f1e1c17090c5ce26ffeeda2af097735b29953", 64));
        assert!(is_hash("ffffffff", len("crc32b")));
        assert!(!is_hash("KYT0bf1c35032a71a14c2f719e5a14c1", len("md5")));
        assert!(!is_hash("ffffffff ", len("crc32")));
        assert!(!is_hash("", len("crc32")));
        assert_eq!(hash_length("constructor"), None);
    }
}
