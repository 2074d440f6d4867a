//! `isBtcAddress`.

/// `true` when `s` has the shape of a Bitcoin address, as validator.js `isBtcAddress`
/// decides: bech32 (`bc1`/`tb1`, then 39-58 characters of the bech32 alphabet, or `bc1p`/
/// `tb1p` and 39-58 more) or base58 (`1`, `2`, `3` or `m`, then 25-39 base58 characters).
/// Nothing is decoded: checksums are not verified, as in validator.js.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_btc_address;
/// assert!(is_btc_address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
/// assert!(is_btc_address("1MUz4VMYui5qY1mxUiG8BQ1Luv6tqkvaiL"));
/// assert!(!is_btc_address("4J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"));
/// ```
pub fn is_btc_address(s: &str) -> bool {
    let b = s.as_bytes();
    let bech32 =
        |c: &u8| matches!(c, b'a' | b'c'..=b'h' | b'j'..=b'n' | b'p'..=b'z' | b'0' | b'2'..=b'9');
    let base58 = |c: &u8| matches!(c, b'A'..=b'H' | b'J'..=b'N' | b'P'..=b'Z' | b'a'..=b'k' | b'm'..=b'z' | b'1'..=b'9');
    // /^(bc1|tb1|bc1p|tb1p)[ac-hj-np-z02-9]{39,58}$/
    if let Some(rest) = b.strip_prefix(b"bc1").or_else(|| b.strip_prefix(b"tb1")) {
        if (39..=58).contains(&rest.len()) && rest.iter().all(bech32) {
            return true;
        }
        if let Some(after) = rest.strip_prefix(b"p") {
            return (39..=58).contains(&after.len()) && after.iter().all(bech32);
        }
        return false;
    }
    // /^(1|2|3|m)[A-HJ-NP-Za-km-z1-9]{25,39}$/
    match b {
        [b'1' | b'2' | b'3' | b'm', rest @ ..] => {
            (25..=39).contains(&rest.len()) && rest.iter().all(base58)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
            "1MUz4VMYui5qY1mxUiG8BQ1Luv6tqkvaiL",
            "mucFNhKMYoBQYUAEsrFVscQ1YaFQPekBpg",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "tb1qxhkl607frmth8jh4ks4pc9wmxw77yfqtxpwpqm",
            "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
            "tb1pzpelffrdh9ggpeqj8ej9c45jlrfn9dwz3w5jzqa8gxcpxfdxkmlsdmpq7n",
        ] {
            assert!(is_btc_address(s), "{s}");
        }
        for s in [
            "4J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "0x56F0B8A998425c53c75C4A303D4eF987533c5597",
            "pp8skudq3x5hzw8ew7vzsw8tn4k8wxsqsv0lt0mf3g",
            "17VZNX1SN5NlKa8UQFxwQbFeFc3iqRYhem",
            "BC1QYPNYG3K3WUDGSPEPTCNK3Q9WH3SQ2TXKC0FHWH",
            "bc1i",
            "",
            "1",
        ] {
            assert!(!is_btc_address(s), "{s}");
        }
    }
}
