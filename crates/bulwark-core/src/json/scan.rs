//! The scanner: one linear pass over JSON text that bounds its depth and finds every
//! string that decodes to `__proto__` or `constructor`, without building anything.

use super::{check_max_depth, too_deep};
use crate::escape::CodeUnit;
use crate::{Error, ErrorCode, Result};

/// What [`scan_units`] found. Both flags over-approximate: they are set for any string
/// (key or value) that decodes to the name, and the exact check runs on the parsed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct JsonScan {
    /// Some string decodes to `__proto__`.
    pub proto: bool,
    /// Some string decodes to `constructor`.
    pub constructor: bool,
}

impl JsonScan {
    /// Bit 0: [`JsonScan::proto`]; bit 1: [`JsonScan::constructor`] (the bindings' form).
    pub fn flags(&self) -> u32 {
        u32::from(self.proto) | (u32::from(self.constructor) << 1)
    }
}

/// A code unit of JSON text: `u8` for UTF-8, `u16` for a JS string's UTF-16. Only ASCII
/// units matter to the scan, so one implementation serves both encodings.
pub trait ScanUnit: CodeUnit {}
impl ScanUnit for u8 {}
impl ScanUnit for u16 {}

const PROTO: &[u8] = b"__proto__";
const CONSTRUCTOR: &[u8] = b"constructor";
/// Longest raw form of either name: 11 characters, each written as `\uXXXX`.
const MAX_RAW_NAME: usize = 11 * 6;

/// Decodes the raw contents of a JSON string if they decode to at most 11 ASCII
/// characters, else `None`. Only what a valid JSON string can contain is understood;
/// anything else is "not a name", which is safe because the engine will reject it.
fn decode_short_ascii<T: CodeUnit>(raw: &[T]) -> Option<([u8; 11], usize)> {
    let mut out = [0u8; 11];
    let mut len = 0;
    let mut i = 0;
    while i < raw.len() {
        let c = raw[i].ascii()?;
        let decoded = if c == b'\\' {
            match raw.get(i + 1)?.ascii()? {
                b'u' => {
                    let mut code = 0u32;
                    for k in 2..6 {
                        let digit = char::from(raw.get(i + k)?.ascii()?).to_digit(16)?;
                        code = code * 16 + digit;
                    }
                    i += 6;
                    u8::try_from(code).ok().filter(u8::is_ascii)?
                }
                b'"' | b'\\' | b'/' => {
                    i += 2;
                    raw[i - 1].ascii()?
                }
                // \b \f \n \r \t decode to control characters, which are in no name.
                _ => return None,
            }
        } else {
            i += 1;
            c
        };
        *out.get_mut(len)? = decoded;
        len += 1;
    }
    Some((out, len))
}

/// Records in `scan` whether the raw contents of a string are one of the names.
fn note_name<T: CodeUnit>(raw: &[T], scan: &mut JsonScan) {
    if (PROTO.len()..=MAX_RAW_NAME).contains(&raw.len()) {
        if let Some((name, len)) = decode_short_ascii(raw) {
            scan.proto |= &name[..len] == PROTO;
            scan.constructor |= &name[..len] == CONSTRUCTOR;
        }
    }
}

/// Records in `scan` whether the string whose contents start at `start` is one of the
/// names. Reads at most [`MAX_RAW_NAME`] + 1 units.
fn check_name<T: CodeUnit>(text: &[T], start: usize, scan: &mut JsonScan) {
    let limit = text.len().min(start + MAX_RAW_NAME + 1);
    let mut i = start;
    while i < limit {
        match text[i].ascii() {
            Some(b'"') => return note_name(&text[start..i], scan),
            Some(b'\\') => i += 2,
            _ => i += 1,
        }
    }
}

/// Units per block: one bit each in a `u64` mask.
const BLOCK: usize = 64;
const ODD_BITS: u64 = 0xAAAA_AAAA_AAAA_AAAA;

/// One bit per unit of a block for each class the scan cares about.
struct Masks {
    quote: u64,
    backslash: u64,
    open: u64,
    close: u64,
    /// `_`, `c` and `\`: how a string holding one of the names can start.
    name_start: u64,
}

/// The mask of the units of `block` for which `is` holds.
///
/// Written so that it vectorizes without `unsafe` or SIMD intrinsics: the compares fill a
/// lane array (one byte per unit, 0 or 1) in vector registers, then one multiplication per
/// eight lanes moves each lane's bit to its place in the top byte (no carries can occur).
/// Measured faster than classifying every unit into a multi-bit lane first.
#[inline(always)]
fn mask<T: ScanUnit>(block: &[T; BLOCK], is: impl Fn(T) -> bool) -> u64 {
    let mut lanes = [0u8; BLOCK];
    for (lane, &u) in lanes.iter_mut().zip(block.iter()) {
        *lane = u8::from(is(u));
    }
    let mut m = 0u64;
    for (group, eight) in lanes.chunks_exact(8).enumerate() {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(eight);
        m |= (u64::from_le_bytes(bytes).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * group);
    }
    m
}

#[inline(always)]
fn classify<T: ScanUnit>(block: &[T; BLOCK]) -> Masks {
    // Bitwise `|`, not `||`: no branches in the lanes loop.
    let is = |c: u8| move |u: T| u == T::from(c);
    let either = |a: u8, b: u8| move |u: T| (u == T::from(a)) | (u == T::from(b));
    Masks {
        quote: mask(block, is(b'"')),
        backslash: mask(block, is(b'\\')),
        open: mask(block, either(b'{', b'[')),
        close: mask(block, either(b'}', b']')),
        name_start: mask(block, |u: T| {
            (u == T::from(b'_')) | (u == T::from(b'c')) | (u == T::from(b'\\'))
        }),
    }
}

/// Bit i of the result is the XOR of bits 0..=i of `x`.
#[inline]
fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

/// State carried from one block to the next.
#[derive(Default)]
struct Scanner {
    /// 1 when the first unit of the next block is escaped by a trailing backslash.
    next_is_escaped: u64,
    /// All ones when the next block starts inside a string.
    in_string: u64,
    /// Opened minus closed brackets so far (negative only in invalid JSON, which the
    /// parser rejects).
    depth: isize,
    scan: JsonScan,
}

impl Scanner {
    /// Units escaped by a backslash (simdjson's branch-free escape scanner): in a run of
    /// backslashes every other one escapes the next unit.
    #[inline]
    fn escaped(&mut self, backslash: u64) -> u64 {
        if backslash == 0 {
            return std::mem::take(&mut self.next_is_escaped);
        }
        let potential_escape = backslash & !self.next_is_escaped;
        let maybe_escaped = potential_escape << 1;
        let escape_and_terminal_code =
            ((maybe_escaped | ODD_BITS).wrapping_sub(potential_escape)) ^ ODD_BITS;
        let escaped = escape_and_terminal_code ^ (backslash | self.next_is_escaped);
        self.next_is_escaped = (escape_and_terminal_code & backslash) >> 63;
        escaped
    }

    #[inline(always)]
    fn block<T: ScanUnit>(
        &mut self,
        text: &[T],
        base: usize,
        block: &[T; BLOCK],
        max_depth: isize,
    ) -> Result<()> {
        let m = classify(block);
        let quotes = m.quote & !self.escaped(m.backslash);
        // Set from each opening quote up to (not including) its closing quote.
        let in_string = prefix_xor(quotes) ^ self.in_string;
        self.in_string = ((in_string as i64) >> 63) as u64;

        let opens = m.open & !in_string;
        let closes = m.close & !in_string;
        let open_count = opens.count_ones() as isize;
        if self.depth + open_count <= max_depth {
            // No prefix of this block can pass the limit: count, do not walk.
            self.depth += open_count - closes.count_ones() as isize;
        } else {
            let mut brackets = opens | closes;
            while brackets != 0 {
                let bit = brackets & brackets.wrapping_neg();
                if opens & bit != 0 {
                    self.depth += 1;
                    if self.depth > max_depth {
                        return Err(too_deep(max_depth as usize));
                    }
                } else {
                    self.depth -= 1;
                }
                brackets ^= bit;
            }
        }

        // Opening quotes followed by a unit a name can start with (bit 63 looks ahead).
        let mut candidates = quotes & in_string & ((m.name_start >> 1) | (1 << 63));
        while candidates != 0 {
            let start = base + candidates.trailing_zeros() as usize + 1;
            check_name(text, start, &mut self.scan);
            candidates &= candidates - 1;
        }
        Ok(())
    }
}

/// Checks the nesting depth of JSON text and looks for `__proto__` / `constructor`
/// strings, over code units (`u8` for UTF-8, `u16` for a JS string's UTF-16).
///
/// One linear pass, no allocation, no recursion. For text that is valid JSON the depth is
/// exact and no such string is missed, whatever escapes spell it. Invalid JSON gives some
/// answer (the parser will reject it anyway) and never a panic. Fails with
/// `INPUT_TOO_DEEP` as soon as the depth passes `max_depth`.
///
/// Two implementations with the same results on valid JSON (tested against each other):
/// 64-unit blocks with bit masks where the compiler vectorizes the compares, and a
/// unit-by-unit loop on `wasm32`, which has no vector compares in the default target.
///
/// # Examples
/// ```
/// use bulwark_core::json::scan_units;
/// let text: Vec<u16> = r#"{"a":[{"\u005f_proto__":{}}]}"#.encode_utf16().collect();
/// let scan = scan_units(&text, 128).unwrap();
/// assert!(scan.proto && !scan.constructor);
/// assert_eq!(scan_units(b"[[[1]]]", 2).unwrap_err().code().as_str(), "INPUT_TOO_DEEP");
/// ```
pub fn scan_units<T: ScanUnit>(text: &[T], max_depth: usize) -> Result<JsonScan> {
    if cfg!(target_arch = "wasm32") {
        scan_unit_by_unit(text, max_depth)
    } else {
        scan_blocks(text, max_depth)
    }
}

/// [`scan_units`] with bit masks over 64-unit blocks.
fn scan_blocks<T: ScanUnit>(text: &[T], max_depth: usize) -> Result<JsonScan> {
    let max_depth = isize::try_from(max_depth).unwrap_or(isize::MAX);
    let mut scanner = Scanner::default();
    let mut blocks = text.chunks_exact(BLOCK);
    let mut base = 0;
    for chunk in &mut blocks {
        if let Ok(block) = <&[T; BLOCK]>::try_from(chunk) {
            scanner.block(text, base, block, max_depth)?;
        }
        base += BLOCK;
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        let mut padded = [T::from(b' '); BLOCK];
        padded[..rest.len()].copy_from_slice(rest);
        scanner.block(text, base, &padded, max_depth)?;
    }
    Ok(scanner.scan)
}

/// [`scan_units`] one unit at a time.
fn scan_unit_by_unit<T: ScanUnit>(text: &[T], max_depth: usize) -> Result<JsonScan> {
    let max_depth = isize::try_from(max_depth).unwrap_or(isize::MAX);
    let mut scan = JsonScan::default();
    // Opened minus closed brackets, as in the block scanner.
    let mut depth = 0isize;
    let mut i = 0;
    while let Some(&unit) = text.get(i) {
        i += 1;
        match unit.ascii() {
            Some(b'"') => {
                let start = i;
                while let Some(&u) = text.get(i) {
                    if u == T::from(b'"') {
                        // An unterminated string (invalid JSON) holds no name.
                        note_name(&text[start..i], &mut scan);
                        break;
                    }
                    i += if u == T::from(b'\\') { 2 } else { 1 };
                }
                i += 1;
            }
            Some(b'{' | b'[') => {
                depth += 1;
                if depth > max_depth {
                    return Err(too_deep(max_depth as usize));
                }
            }
            Some(b'}' | b']') => depth -= 1,
            // Outside strings too, a backslash escapes a quote or a backslash after it, as in
            // the block scanner (which finds escaped quotes before it knows where strings
            // are). Only invalid JSON has one there, but both scanners must still give the
            // same answer: in `""\"{` the quote is escaped, so `{` opens a level to both.
            Some(b'\\')
                if text.get(i).is_some_and(|&u| u == T::from(b'"') || u == T::from(b'\\')) =>
            {
                i += 1;
            }
            _ => {}
        }
    }
    Ok(scan)
}

/// UTF-8 bytes as text: `INPUT_TOO_LARGE` over `max_bytes`, `INVALID_UNICODE` for
/// anything but well-formed UTF-8 (never a replacement character), and one leading BOM
/// removed.
///
/// # Examples
/// ```
/// use bulwark_core::json::utf8_text;
/// assert_eq!(utf8_text(b"\xEF\xBB\xBF[1]", 100).unwrap(), "[1]");
/// assert_eq!(utf8_text(b"[\"\xC0\xAE\"]", 100).unwrap_err().code().as_str(), "INVALID_UNICODE");
/// assert_eq!(utf8_text(b"[1]", 2).unwrap_err().code().as_str(), "INPUT_TOO_LARGE");
/// ```
pub fn utf8_text(bytes: &[u8], max_bytes: usize) -> Result<&str> {
    if bytes.len() > max_bytes {
        return Err(Error::new(
            ErrorCode::InputTooLarge,
            format!("JSON text is larger than maxBytes ({max_bytes} bytes)"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorCode::InvalidUnicode,
            format!("JSON text is not valid UTF-8 (at byte {})", e.valid_up_to()),
        )
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// [`scan_units`] over UTF-8 bytes, after [`utf8_text`]'s size and UTF-8 checks.
///
/// # Examples
/// ```
/// use bulwark_core::json::scan_bytes;
/// let scan = scan_bytes(br#"{"constructor":{"prototype":{}}}"#, 128, 1 << 20).unwrap();
/// assert!(scan.constructor && !scan.proto);
/// assert_eq!(scan_bytes(b"\"\xFF\"", 128, 1 << 20).unwrap_err().code().as_str(), "INVALID_UNICODE");
/// ```
pub fn scan_bytes(bytes: &[u8], max_depth: usize, max_bytes: usize) -> Result<JsonScan> {
    check_max_depth(max_depth)?;
    scan_units(utf8_text(bytes, max_bytes)?.as_bytes(), max_depth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{JsonOptions, MAX_DEPTH_LIMIT, parse_json_bytes};

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn scan(s: &str) -> JsonScan {
        let a = scan_blocks(s.as_bytes(), MAX_DEPTH_LIMIT).unwrap_or_default();
        let b = scan_blocks(&utf16(s), MAX_DEPTH_LIMIT).unwrap_or_default();
        assert_eq!(a, b, "UTF-8 and UTF-16 scans agree on {s}");
        assert_eq!(scan_unit_by_unit(s.as_bytes(), MAX_DEPTH_LIMIT), Ok(a), "unit by unit on {s}");
        a
    }

    /// The deepest `max_depth` that `s` passes, found through the limit itself.
    fn depth(s: &str) -> usize {
        let d = (0..=MAX_DEPTH_LIMIT)
            .find(|&d| scan_blocks(s.as_bytes(), d).is_ok())
            .unwrap_or(usize::MAX);
        assert_eq!(
            (0..=MAX_DEPTH_LIMIT).find(|&d| scan_unit_by_unit(s.as_bytes(), d).is_ok()),
            Some(d),
            "{s}"
        );
        d
    }

    #[test]
    fn scan_table() {
        // (text, depth, proto, constructor)
        let cases: &[(&str, usize, bool, bool)] = &[
            ("1", 0, false, false),
            ("\"__proto__\"", 0, true, false),
            ("[]", 1, false, false),
            ("{}", 1, false, false),
            (r#"{"a":{"b":[1,[2]]}}"#, 4, false, false),
            (r#"{"__proto__":{}}"#, 2, true, false),
            (r#"{"\u005f\u005fproto__":1}"#, 1, true, false),
            (r#"{"\u005F\u005F\u0070\u0072\u006F\u0074\u006F\u005F\u005F":1}"#, 1, true, false),
            (r#"{"\u0063onstructor":{"prototype":1}}"#, 2, false, true),
            (r#"{"constructor" : 1}"#, 1, false, true),
            (r#"["x", {"k": ["constructor"]}]"#, 3, false, true),
            // Not the names: other spellings and near misses.
            (r#"{"__proto_":1,"__proto___":1,"_\_proto__":1}"#, 1, false, false),
            (r#"{"__PROTO__":1,"Constructor":1,"constructor ":1}"#, 1, false, false),
            (r#"{"\u005f\u005fproto\u005f\u005f\u005f":1}"#, 1, false, false),
            (r#"{"__proto\u0000__":1}"#, 1, false, false),
            // Brackets and quotes inside strings do not count.
            (r#"{"a":"[[[{{{","b":"\"[","c":"\\","d":"\\\"]]"}"#, 1, false, false),
            (r#"["\"__proto__\":"]"#, 1, false, false),
            // An escaped quote does not end a string; an escaped backslash does not escape.
            (r#"["a\"b","\\",{"__proto__":0}]"#, 2, true, false),
            (r#"["\\\\\"[[[\\\\",{"constructor":0}]"#, 2, false, true),
            ("\u{FEFF}{\"é😀\":[\"constructor\"]}", 2, false, true),
        ];
        for &(text, d, proto, constructor) in cases {
            assert_eq!(scan(text), JsonScan { proto, constructor }, "{text}");
            assert_eq!(depth(text), d, "{text}");
            // The same text across a block boundary, and with a long string before it.
            for pad in [1, 60, 63, 64, 65, 127] {
                let shifted = format!("[{}{text}]", " ".repeat(pad));
                assert_eq!(scan(&shifted), JsonScan { proto, constructor }, "{shifted}");
                assert_eq!(depth(&shifted), d + 1, "{shifted}");
                let after_string = format!("[\"{}\\\\\",{text}]", "x\\\"".repeat(pad));
                assert_eq!(scan(&after_string), JsonScan { proto, constructor }, "{after_string}");
                assert_eq!(depth(&after_string), d + 1, "{after_string}");
            }
        }
    }

    #[test]
    fn scan_depth_limit_is_exact() {
        for n in [1, 5, 63, 64, 65, 200, MAX_DEPTH_LIMIT] {
            let nested = format!("{}{}", "[".repeat(n), "]".repeat(n));
            assert!(scan_units(nested.as_bytes(), n).is_ok(), "{n}");
            assert_eq!(
                scan_units(nested.as_bytes(), n - 1).unwrap_err().code(),
                ErrorCode::InputTooDeep,
                "{n}"
            );
            assert_eq!(
                scan_units(&utf16(&nested), n - 1).unwrap_err().code(),
                ErrorCode::InputTooDeep,
                "{n}"
            );
        }
        assert!(scan_units(b"1", 0).is_ok());
        assert!(scan_units(b"[]", 0).is_err());
        // Siblings do not add up, however many blocks they span.
        let siblings = format!("[{}1]", "[[]],{\"a\":[]},".repeat(100));
        assert_eq!(depth(&siblings), 3);
    }

    /// A tiny deterministic generator (xorshift) for the differential test.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// JSON-like text where backslashes only occur inside strings (as in any valid JSON),
    /// built from the pieces that matter to the scan.
    fn json_like(rng: &mut Rng) -> String {
        const OUTSIDE: &[&str] =
            &["[", "]", "{", "}", ",", ":", " ", "\n", "1", "-2.5e3", "true", "null", "é"];
        const INSIDE: &[&str] = &[
            "a",
            "_",
            "c",
            "__proto__",
            "constructor",
            "\\u005f",
            "\\u005F",
            "\\u0063",
            "\\u0070",
            "\\\\",
            "\\\"",
            "\\n",
            "\\/",
            "[",
            "{",
            "]",
            "}",
            "é",
            "😀",
            "\\ud800",
            "proto",
            "onstructor",
            "\\u00",
            "x\\\\\\\"",
            "\\u005f_proto__",
            "_\\u005fproto\\u005f_",
            "\\u0063onstructor",
            "constru\\u0063tor",
        ];
        let mut text = String::new();
        for _ in 0..rng.below(120) {
            if rng.below(3) == 0 {
                text.push('"');
                for _ in 0..rng.below(6) {
                    text.push_str(INSIDE[rng.below(INSIDE.len())]);
                }
                if rng.below(20) != 0 {
                    text.push('"');
                } else {
                    break; // an unterminated string at the end
                }
            } else {
                text.push_str(OUTSIDE[rng.below(OUTSIDE.len())]);
            }
        }
        text
    }

    #[test]
    fn block_scanner_equals_unit_by_unit_scanner() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let text = json_like(&mut rng);
            let max_depth = rng.below(12);
            let units = utf16(&text);
            assert_eq!(
                scan_blocks(text.as_bytes(), max_depth),
                scan_unit_by_unit(text.as_bytes(), max_depth),
                "{text}"
            );
            assert_eq!(
                scan_blocks(&units, max_depth),
                scan_unit_by_unit(&units, max_depth),
                "{text}"
            );
        }
    }

    #[test]
    fn scanners_agree_on_any_mix_of_structural_units() {
        // Invalid JSON included: backslashes and quotes outside strings (issue 9, item 7).
        assert_eq!(scan_blocks(br#"""\"{"#, 0), scan_unit_by_unit(br#"""\"{"#, 0));
        let deep = scan_unit_by_unit(br#"""\"{"#, 0).map_err(|e| e.code());
        assert_eq!(deep, Err(ErrorCode::InputTooDeep));
        const ALPHABET: &[u8] = b"\"\\{}[]a:, u_";
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let len = rng.below(200);
            let text: Vec<u8> = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
            let max_depth = rng.below(6);
            let units: Vec<u16> = text.iter().map(|&b| u16::from(b)).collect();
            let shown = String::from_utf8_lossy(&text);
            assert_eq!(
                scan_blocks(&text, max_depth),
                scan_unit_by_unit(&text, max_depth),
                "{shown}"
            );
            assert_eq!(
                scan_blocks(&units, max_depth),
                scan_unit_by_unit(&units, max_depth),
                "{shown}"
            );
        }
    }

    #[test]
    fn scan_never_panics_on_garbage() {
        let inputs: &[&[u8]] = &[
            b"\"",
            b"\"\\",
            b"\"\\u",
            b"\"\\u00",
            b"\"\\u005",
            b"]]]}}}",
            b"\"abc",
            b"\\\\\\\"",
            b"\"\\u005f\\u005fproto__",
        ];
        for input in inputs {
            let _ = scan_units(input, 10);
        }
        // Every prefix of a tricky document, and random bytes.
        let doc = r#"{"\u005f\u005fproto__":[{"constructor":{"prototype":"\"\\"}}]}"#;
        for end in 0..doc.len() {
            let _ = scan_units(&doc.as_bytes()[..end], 10);
            let _ = scan_units(&utf16(&doc[..end]), 10);
        }
        let mut rng = Rng(42);
        for _ in 0..2_000 {
            let bytes: Vec<u8> =
                (0..rng.below(300)).map(|_| b"\"\\[]{}_cu0x"[rng.below(11)]).collect();
            let _ = scan_units(&bytes, 5);
        }
    }

    #[test]
    fn scan_is_linear_on_adversarial_megabytes() {
        type Scan = fn(&[u8], usize) -> Result<JsonScan>;
        let both: [Scan; 2] = [scan_blocks, scan_unit_by_unit];
        for scan in both {
            // Every kind of near-miss key, a megabyte of them: must finish and find nothing.
            let chunk = r#"{"\u005f\u005fprot":"\\\\\\\"[[{","__proto_":1,"constructo":2},"#;
            let text = format!("[{}0]", chunk.repeat((1 << 20) / chunk.len()));
            assert_eq!(scan(text.as_bytes(), 2), Ok(JsonScan::default()));
            assert!(scan(text.as_bytes(), 1).is_err());
            // One unterminated string a megabyte long, full of escaped quotes and brackets.
            let text = format!("[\"{}", "\\\"[{".repeat(1 << 18));
            assert_eq!(scan(text.as_bytes(), 1), Ok(JsonScan::default()));
            // A megabyte of backslashes in a string, then the name.
            let text = format!("[\"{}\",\"__proto__\"]", "\\\\".repeat(1 << 19));
            assert_eq!(scan(text.as_bytes(), 1).map(|s| s.proto), Ok(true));
            // A megabyte of brackets stops at the limit.
            assert!(scan("[".repeat(1 << 20).as_bytes(), 128).is_err());
            // A megabyte of candidate names that are not quite names.
            let text = format!("[{}1]", "\"__proto_\",\"constructo\",".repeat(1 << 15));
            assert_eq!(scan(text.as_bytes(), 1), Ok(JsonScan::default()));
        }
    }

    #[test]
    fn utf8_is_validated_never_replaced() {
        for bad in [
            &b"\"\xFF\""[..],
            b"\"\xC0\xAE\"",
            b"\"\xED\xA0\x80\"",
            b"\"\xF4\x90\x80\x80\"",
            b"[\"\xE2\x82\"",
        ] {
            assert_eq!(
                scan_bytes(bad, 10, 100).unwrap_err().code(),
                ErrorCode::InvalidUnicode,
                "{bad:?}"
            );
            assert_eq!(
                parse_json_bytes(bad, &JsonOptions::default()).unwrap_err().code(),
                ErrorCode::InvalidUnicode
            );
        }
        assert_eq!(
            utf8_text(b"\xEF\xBB\xBF\xEF\xBB\xBF1", 10),
            Ok("\u{FEFF}1"),
            "only one BOM is removed"
        );
        assert_eq!(utf8_text(b"12345", 5), Ok("12345"));
        assert_eq!(utf8_text(b"123456", 5).unwrap_err().code(), ErrorCode::InputTooLarge);
    }
}
