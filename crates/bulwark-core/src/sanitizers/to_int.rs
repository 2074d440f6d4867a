//! validator.js `toInt`: `parseInt(str, radix || 10)`, with V8's exact results.

use super::is_js_space_unit;

/// `parseInt(input, radix || 10)`, as validator.js `toInt`, with exactly V8's result:
/// leading JS whitespace skipped, an optional sign, the longest run of digits in the radix
/// (`0x` stripped when the radix is 16), `NaN` when there is none, `-0` for `"-0"`.
///
/// `radix` is validator.js's second argument: `None`, `0` or `NaN` mean 10; any other
/// value goes through JavaScript's `ToInt32` (so `16.9` is 16, `2**32 + 8` is 8, and a
/// value whose `ToInt32` is 0, such as `2**32`, means 10 with `0x` detection), and a result
/// outside 2..=36 gives `NaN`.
///
/// Values are computed as V8 computes them: correctly rounded for radix 10 and the powers
/// of two, and with V8's 32-bit-chunk accumulation (which rounds past 2^53) for the others.
/// That accumulation depends on the CPU V8 was compiled for, and this function follows the
/// CPU it is compiled for: each step rounds once (a fused multiply-add) on aarch64, as V8
/// does there, and twice elsewhere, as x86-64 V8 does (WASM too). See docs/platforms.md.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::to_int;
/// assert_eq!(to_int("  42px", None), 42.0);
/// assert_eq!(to_int("ff", Some(16.0)), 255.0);
/// assert_eq!(to_int("0x1f", None), 0.0); // radix 10: no 0x prefix
/// assert!(to_int("abc", None).is_nan());
/// assert!(to_int("-0", None).is_sign_negative());
/// ```
pub fn to_int(input: &str, radix: Option<f64>) -> f64 {
    parse_int(input.encode_utf16(), radix)
}

/// [`to_int`] over UTF-16 code units.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::to_int_units;
/// assert_eq!(to_int_units(&[0x20, 0x37, 0xD800], None), 7.0);
/// ```
pub fn to_int_units(input: &[u16], radix: Option<f64>) -> f64 {
    parse_int(input.iter().copied(), radix)
}

/// JavaScript `ToInt32`.
fn to_int32(x: f64) -> i32 {
    if !x.is_finite() {
        return 0;
    }
    let wrapped = x.trunc().rem_euclid(4_294_967_296.0);
    // `wrapped` is an integer in [0, 2^32): the casts are exact, the second one wraps.
    (wrapped as u32) as i32
}

fn digit(unit: u16, radix: u32) -> Option<u8> {
    char::from_u32(u32::from(unit))
        .filter(char::is_ascii)
        .and_then(|c| c.to_digit(radix))
        .and_then(|d| u8::try_from(d).ok())
}

fn signed(negative: bool, value: f64) -> f64 {
    if negative { -value } else { value }
}

/// ECMAScript `parseInt` (as V8's `NumberParseIntHelper`) after validator's `radix || 10`.
fn parse_int(units: impl Iterator<Item = u16>, radix: Option<f64>) -> f64 {
    let mut radix = match radix {
        None => 10,
        Some(r) if r == 0.0 || r.is_nan() => 10,
        Some(r) => to_int32(r),
    };
    let mut it = units.skip_while(|&u| is_js_space_unit(u)).peekable();
    let is = |u: Option<&u16>, ascii: &[u8]| {
        u.is_some_and(|&u| ascii.iter().any(|&a| u16::from(a) == u))
    };

    let Some(&first) = it.peek() else {
        return f64::NAN;
    };
    let mut negative = false;
    if is(Some(&first), b"+-") {
        negative = first == u16::from(b'-');
        it.next();
    }
    let strip_prefix = match radix {
        0 => {
            radix = 10;
            true
        }
        2..=36 => radix == 16,
        _ => return f64::NAN,
    };
    let mut leading_zero = false;
    if strip_prefix && is(it.peek(), b"0") {
        it.next();
        if is(it.peek(), b"xX") {
            it.next();
            radix = 16;
        } else {
            leading_zero = true;
        }
    }
    while is(it.peek(), b"0") {
        leading_zero = true;
        it.next();
    }
    let radix = radix.unsigned_abs();
    let digits: Vec<u8> = it.map_while(|u| digit(u, radix)).collect();
    if digits.is_empty() {
        return if leading_zero { signed(negative, 0.0) } else { f64::NAN };
    }
    let value = match radix {
        10 => decimal(&digits),
        2 => power_of_two(&digits, 1),
        4 => power_of_two(&digits, 2),
        8 => power_of_two(&digits, 3),
        16 => power_of_two(&digits, 4),
        32 => power_of_two(&digits, 5),
        _ => generic(&digits, radix),
    };
    signed(negative, value)
}

/// Correctly rounded, as V8's `Strtod` on the first 310 digits (more is infinite anyway:
/// the first digit is not 0).
fn decimal(digits: &[u8]) -> f64 {
    let text: String = digits.iter().take(310).map(|&d| char::from(b'0' + d)).collect();
    text.parse().unwrap_or(f64::NAN)
}

/// `value * 2^exponent` for `value` < 2^53 and `exponent` >= 0: exact, or infinite.
fn ldexp(value: f64, mut exponent: i64) -> f64 {
    let mut result = value;
    while exponent > 0 && result.is_finite() {
        let step = exponent.min(1000);
        result *= 2f64.powi(i32::try_from(step).unwrap_or(1000));
        exponent -= step;
    }
    result
}

/// V8's `InternalStringToIntDouble` for radix 2^`log2`: correctly rounded (half to even).
/// `digits` starts with a non-zero digit.
fn power_of_two(digits: &[u8], log2: u32) -> f64 {
    let radix = 1i64 << log2;
    let mut number: i64 = 0;
    let mut exponent: i64 = 0;
    for (i, &d) in digits.iter().enumerate() {
        number = number * radix + i64::from(d);
        let overflow = number >> 53;
        if overflow != 0 {
            let mut overflow_bits = 1;
            let mut o = overflow;
            while o > 1 {
                overflow_bits += 1;
                o >>= 1;
            }
            let dropped = number & ((1 << overflow_bits) - 1);
            number >>= overflow_bits;
            let rest = &digits[i + 1..];
            let zero_tail = rest.iter().all(|&d| d == 0);
            exponent =
                overflow_bits + i64::from(log2) * i64::try_from(rest.len()).unwrap_or(i64::MAX / 8);
            let middle = 1 << (overflow_bits - 1);
            if dropped > middle || (dropped == middle && ((number & 1) != 0 || !zero_tail)) {
                number += 1;
            }
            if number & (1 << 53) != 0 {
                exponent += 1;
                number >>= 1;
            }
            break;
        }
    }
    // number < 2^53: exact as f64.
    ldexp(number as f64, exponent)
}

/// V8's `NumberParseIntHelper::HandleGenericCase`: 32-bit chunks folded into a double
/// (`result * multiplier + part`, rounded as [`fold`] says), which the spec allows for radices
/// other than 2, 4, 8, 10, 16 and 32.
fn generic(digits: &[u8], radix: u32) -> f64 {
    const MAX_MULTIPLIER: u32 = 0xFFFF_FFFF / 36;
    let mut result = 0f64;
    let mut rest = digits;
    loop {
        let mut part: u32 = 0;
        let mut multiplier: u32 = 1;
        let mut used = 0;
        for &d in rest {
            let m = multiplier * radix;
            if m > MAX_MULTIPLIER {
                break;
            }
            part = part * radix + u32::from(d);
            multiplier = m;
            used += 1;
        }
        result = fold(result, f64::from(multiplier), f64::from(part));
        rest = &rest[used..];
        if rest.is_empty() {
            return result;
        }
    }
}

/// One step of V8's fold, `result * multiplier + part`, rounded as V8 rounds it on this CPU.
/// V8 writes it as one C++ expression, which its compilers contract to a fused multiply-add
/// (one rounding) where the CPU's baseline has one: every aarch64 CPU does, so arm64 Node
/// gives `parseInt('400000000001', 29) === 48802039062823320` (the exact value
/// 48802039062823317, rounded once), while x86-64 Node, built for the baseline without FMA,
/// gives 48802039062823310 (rounded twice). Seen with Node 20 and 22 for linux-arm64 (under
/// qemu, whose FMA is exact); other CPUs with FMA (ppc64, s390x, riscv64) are not verified
/// and keep the two roundings.
#[cfg(target_arch = "aarch64")]
fn fold(result: f64, multiplier: f64, part: f64) -> f64 {
    result.mul_add(multiplier, part)
}

/// See the aarch64 version: x86-64 V8 (and WASM, which has no fused multiply-add) rounds
/// the product and the sum separately. Rust never contracts floating-point expressions.
#[cfg(not(target_arch = "aarch64"))]
fn fold(result: f64, multiplier: f64, part: f64) -> f64 {
    result * multiplier + part
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // Expected values from Node 20's parseInt(input, radix || 10).
        let cases: &[(&str, Option<f64>, f64)] = &[
            ("123", None, 123.0),
            ("  \u{3000}\u{FEFF}-0012px", None, -12.0),
            ("+7", None, 7.0),
            ("0x10", None, 0.0),
            ("0x10", Some(16.0), 16.0),
            ("0X1f", Some(16.0), 31.0),
            ("1f", Some(16.0), 31.0),
            ("0x10", Some(4_294_967_296.0), 16.0),
            ("010", Some(4_294_967_296.0), 10.0),
            ("0x10", Some(f64::INFINITY), 16.0),
            ("10", Some(16.9), 16.0),
            ("10", Some(-4_294_967_294.0), 2.0),
            ("z", Some(36.0), 35.0),
            ("Z", Some(36.0), 35.0),
            ("12", Some(2.0), 1.0),
            ("777", Some(8.0), 511.0),
            ("10", Some(0.0), 10.0),
            ("10", Some(f64::NAN), 10.0),
            ("9007199254740993", None, 9_007_199_254_740_992.0),
            ("9007199254740995", None, 9_007_199_254_740_996.0),
            ("1e3", None, 1.0),
            ("1.9", None, 1.0),
        ];
        for &(input, radix, expected) in cases {
            let got = to_int(input, radix);
            assert_eq!(got.to_bits(), expected.to_bits(), "{input:?} {radix:?}: {got}");
        }
    }

    #[test]
    fn nan_and_signed_zero() {
        for (input, radix) in [
            ("", None),
            ("   ", None),
            ("-", None),
            ("+", None),
            ("- 1", None),
            ("x", None),
            ("0x", Some(16.0)),
            ("1", Some(1.0)),
            ("1", Some(37.0)),
            ("1", Some(-1.0)),
            ("\u{200B}1", None),
            ("\u{FF11}", None),
        ] {
            assert!(to_int(input, radix).is_nan(), "{input:?} {radix:?}");
        }
        for (input, negative) in [
            ("0", false),
            ("-0", true),
            ("-000x", true),
            ("-0x0", true),
            ("+0", false),
            ("00", false),
        ] {
            let got = to_int(input, None);
            assert!(got == 0.0 && got.is_sign_negative() == negative, "{input:?}: {got}");
        }
        assert!(to_int("-0x0", Some(16.0)).is_sign_negative());
        assert!(to_int("-0x", Some(16.0)).is_nan());
    }

    #[test]
    fn rounding_and_overflow() {
        // Power-of-two radices round half to even, with sticky low digits.
        assert_eq!(to_int("20000000000001", Some(16.0)), 9_007_199_254_740_992.0);
        assert_eq!(to_int("20000000000003", Some(16.0)), 9_007_199_254_740_996.0);
        assert_eq!(to_int("200000000000010", Some(16.0)), 144_115_188_075_855_870.0);
        assert_eq!(to_int("200000000000011", Some(16.0)), 144_115_188_075_855_900.0);
        // V8's chunked accumulation for radix 36 (values from Node 22 on x64 and on arm64).
        let expected: u64 = if cfg!(target_arch = "aarch64") {
            0x44fa_555c_7222_20b7
        } else {
            0x44fa_555c_7222_20b5
        };
        assert_eq!(to_int("9007199254740993", Some(36.0)).to_bits(), expected);
        // 82044596 * 29^6 + 1 = 48802039062823317: rounded once by V8 on arm64, twice on x64.
        let expected = if cfg!(target_arch = "aarch64") {
            48_802_039_062_823_320.0
        } else {
            48_802_039_062_823_310.0
        };
        assert_eq!(to_int("400000000001", Some(29.0)), expected);
        assert_eq!(to_int(&"9".repeat(400), None), f64::INFINITY);
        assert_eq!(to_int(&"f".repeat(300), Some(16.0)), f64::INFINITY);
        assert_eq!(to_int(&"z".repeat(300), Some(36.0)), f64::INFINITY);
        assert_eq!(to_int(&format!("-{}", "1".repeat(1100)), Some(2.0)), f64::NEG_INFINITY);
    }

    #[test]
    fn units_and_megabyte_inputs() {
        assert!(to_int_units(&[0xD800, 0x31], None).is_nan());
        let spaces = format!("{}7", " ".repeat(1 << 20));
        assert_eq!(to_int(&spaces, None), 7.0);
        let zeros = format!("{}12", "0".repeat(1 << 20));
        assert_eq!(to_int(&zeros, None), 12.0);
        assert_eq!(to_int(&"1".repeat(1 << 20), Some(7.0)), f64::INFINITY);
    }
}
