//! `isEthereumAddress`.

/// `true` when `s` is `0x` (or `0X`) and 40 hexadecimal digits of either case, as
/// validator.js `isEthereumAddress` decides (`/^(0x)[0-9a-f]{40}$/i`: the EIP-55
/// mixed-case checksum is not verified).
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_ethereum_address;
/// assert!(is_ethereum_address("0x0000000000000000000000000000000000000001"));
/// assert!(is_ethereum_address("0X683E07492fBDfDA84457C16546ac3f433BFaa128"));
/// assert!(!is_ethereum_address("683E07492fBDfDA84457C16546ac3f433BFaa128"));
/// ```
pub fn is_ethereum_address(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 42
        && matches!(b, [b'0', b'x' | b'X', ..])
        && b[2..].iter().all(u8::is_ascii_hexdigit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "0x0000000000000000000000000000000000000001",
            "0x683E07492fBDfDA84457C16546ac3f433BFaa128",
            "0x88dA6B6a8D3590e88E0FcadD5CEC56A7C9478319",
            "0X8a718a84ee7B1621E63E680371e0C03C417cCaF6",
            "0xFCb5AFB808b5679b4911230Aa41FfCD0cd335b42",
        ] {
            assert!(is_ethereum_address(s), "{s}");
        }
        for s in [
            "0xGHIJK05pwm37asdf5555QWERZCXV2345AoEuIdHt",
            "0xFCb5AFB808b5679b4911230Aa41FfCD0cd335b422222",
            "0xFCb5AFB808b5679b4911230Aa41FfCD0cd33",
            "0b0110100001100101011011000110110001101111",
            "683E07492fBDfDA84457C16546ac3f433BFaa128",
            "1C6o5CDkLxjsVpnLSuqRs1UBFozXLEwYvU",
            "",
        ] {
            assert!(!is_ethereum_address(s), "{s}");
        }
    }
}
