//! `isBase58`.

/// `true` when every character of `s` is in the Bitcoin base58 alphabet (digits 1-9 and
/// letters but `0`, `I`, `O`, `l`), as validator.js `isBase58` decides: the empty string
/// passes there too.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_base58;
/// assert!(is_base58("BukQL") && is_base58(""));
/// assert!(!is_base58("0OIl") && !is_base58("Bu kQL"));
/// ```
pub fn is_base58(s: &str) -> bool {
    s.bytes().all(|c| match c {
        b'1'..=b'9' => true,
        b'A'..=b'Z' => !matches!(c, b'I' | b'O'),
        b'a'..=b'z' => c != b'l',
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "BukQL",
            "3KMUV89zab",
            "91GHkLMNtyo98",
            "YyjKm3H",
            "Mkhss145TRFg",
            "7678765677",
            "abcodpq",
        ] {
            assert!(is_base58(s), "{s}");
        }
        for s in [
            "0OPLJH",
            "IMKLP23",
            "KLMOmk986",
            "LL1l1985hG",
            "*MP9K",
            "Zm=8JBSWY3DP",
            ")()(=9292929MKL",
        ] {
            assert!(!is_base58(s), "{s}");
        }
    }
}
