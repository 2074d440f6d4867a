//! Constant-time equality for secrets (tokens, MACs, API keys).

use std::hint::black_box;

use subtle::{Choice, ConstantTimeEq};

/// `true` when `a` and `b` hold the same bytes.
///
/// The running time depends only on the two lengths, never on the content or on where
/// the inputs first differ: there is no early exit. Inputs of different lengths give
/// `false` after the same walk over the longer one.
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
    let common = a.len().min(b.len());
    let (a_common, a_tail) = a.split_at(common);
    let (b_common, b_tail) = b.split_at(common);
    // XOR-OR over 8-byte words; `black_box` on the accumulator after every word keeps the
    // compiler from ever exiting early once it is non-zero.
    let mut diff = 0u64;
    let mut words_a = a_common.chunks_exact(8);
    let mut words_b = b_common.chunks_exact(8);
    for (x, y) in (&mut words_a).zip(&mut words_b) {
        diff = black_box(diff | (word_padded(x) ^ word_padded(y)));
    }
    for (x, y) in words_a.remainder().iter().zip(words_b.remainder()) {
        diff = black_box(diff | u64::from(x ^ y));
    }
    // Touch the longer input's tail as well, so the time follows the longer length.
    let tail = if a_tail.is_empty() { b_tail } else { a_tail };
    black_box(tail.chunks(8).fold(0u64, |acc, chunk| black_box(acc | word_padded(chunk))));
    let same_length: Choice = (a.len() as u64).ct_eq(&(b.len() as u64));
    (same_length & diff.ct_eq(&0)).into()
}

/// Up to 8 bytes as a little-endian word, zero-padded.
#[inline(always)]
fn word_padded(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(buf)
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
    fn agrees_with_slice_equality_for_all_small_lengths() {
        // Every length pair up to 20 bytes, equal content and one differing byte.
        for la in 0..20usize {
            for lb in 0..20usize {
                let a: Vec<u8> = (0..la as u8).collect();
                let b: Vec<u8> = (0..lb as u8).collect();
                assert_eq!(timing_safe_equal(&a, &b), a == b, "{la} vs {lb}");
                if lb > 0 {
                    let mut c = b.clone();
                    c[lb - 1] ^= 0x80;
                    assert_eq!(timing_safe_equal(&a, &c), a == c, "{la} vs {lb} changed");
                }
            }
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
