//! Constant-time equality for secrets (tokens, MACs, API keys).

use subtle::{Choice, ConstantTimeEq};

/// `true` when `a` and `b` hold the same bytes.
///
/// The running time depends only on the longer input's length, never on the content or
/// on where the inputs first differ. Inputs of different lengths are compared over the
/// longer length (the shorter one padded) and give `false`; there is no early exit.
/// Unlike Node's `crypto.timingSafeEqual`, a length mismatch is not an error.
///
/// # Examples
/// ```
/// use bulwark_core::compare::timing_safe_equal;
/// assert!(timing_safe_equal(b"s3cret-token", b"s3cret-token"));
/// assert!(!timing_safe_equal(b"s3cret-token", b"s3cret-tokem"));
/// assert!(!timing_safe_equal(b"s3cret", b"s3cret-token"));
/// ```
pub fn timing_safe_equal(a: &[u8], b: &[u8]) -> bool {
    let len = a.len().max(b.len());
    let mut equal: Choice = (a.len() as u64).ct_eq(&(b.len() as u64));
    for i in 0..len {
        // Which branch `get` takes depends on the lengths only, never on the bytes.
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        equal &= x.ct_eq(&y);
    }
    equal.into()
}

#[cfg(test)]
mod tests {
    use super::timing_safe_equal;

    #[test]
    fn table() {
        let cases: [(&[u8], &[u8], bool); 9] = [
            (b"", b"", true),
            (b"a", b"a", true),
            (b"abc", b"abc", true),
            (b"abc", b"abd", false),
            (b"abc", b"ab", false),
            (b"ab", b"abc", false),
            (b"", b"a", false),
            (b"abc\0", b"abc", false),
            (&[0xff; 64], &[0xff; 64], true),
        ];
        for (a, b, expected) in cases {
            assert_eq!(timing_safe_equal(a, b), expected, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn every_single_byte_difference_is_found() {
        let a = [7u8; 64];
        for i in 0..64 {
            let mut b = a;
            b[i] ^= 1;
            assert!(!timing_safe_equal(&a, &b), "difference at {i}");
        }
    }
}
