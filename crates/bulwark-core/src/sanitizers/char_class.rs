//! The character classes validator.js builds from a `chars` argument, parsed as V8 parses
//! them, as sets of UTF-16 code units.
//!
//! validator.js turns `chars` into a regex and runs it on V8's backtracking engine:
//! - `trim`/`ltrim`/`rtrim`: `[${escaped}]+` where `escaped` is `chars` with each of
//!   `. * + ? ^ $ { } ( ) | [ ] \` preceded by a backslash. `-` is not escaped, so `a-z`
//!   is a range, and `z-a` is a `SyntaxError`.
//! - `blacklist`: `[${chars}]+`, and `whitelist`: `[^${chars}]+`, with `chars` unescaped: it
//!   is regex class syntax (`\x00-\x1F`, `\d`, `^` negates in `blacklist`, ...).
//!
//! The pattern is not in Unicode mode, so the class is a set of UTF-16 code units: an astral
//! character in `chars` adds its two surrogates separately, and escapes follow Annex B
//! (`\cX`, `\c0`, legacy octal `\0`-`\377`, `\8` is `8`, `\x`/`\u` without enough hex
//! digits are `x`/`u`, a `\d`-style escape at either end of a range makes the `-` literal).
//!
//! Refused with `INVALID_OPTIONS`, where validator.js misbehaves:
//! - an unescaped `]` inside `chars` (`blacklist(s, 'a]b')`): validator.js's class ends
//!   there and the rest of `chars` becomes regex syntax outside it (`[a]b]+` removes `ab]`,
//!   `ab]]`, ..., and `x](a+)+$|[` is an exponential-time pattern on `"x" + "a" * 30 + "!"`).
//!   The bracket must be escaped (`\\]`).
//! - a trailing lone backslash (`[a\]+`: unterminated class) and a range out of order
//!   (`z-a`): validator.js throws a `SyntaxError` for both.

use crate::{Error, ErrorCode, Result};

/// Which validator.js function a `chars` argument is for (each builds its class differently).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CharsKind {
    /// `trim`, `ltrim`, `rtrim`: `chars` are literal characters, except that `-` between two
    /// of them forms a range.
    Trim,
    /// `blacklist`: `chars` is the body of a regex character class (`[${chars}]`).
    Blacklist,
    /// `whitelist`: `chars` is the body of a negated class (`[^${chars}]`); the resulting
    /// [`CharClass`] is the set of units `whitelist` removes.
    Whitelist,
}

impl TryFrom<u32> for CharsKind {
    type Error = Error;

    /// The bindings' numbering: 0 [`Trim`](CharsKind::Trim), 1
    /// [`Blacklist`](CharsKind::Blacklist), 2 [`Whitelist`](CharsKind::Whitelist).
    fn try_from(kind: u32) -> Result<Self> {
        match kind {
            0 => Ok(CharsKind::Trim),
            1 => Ok(CharsKind::Blacklist),
            2 => Ok(CharsKind::Whitelist),
            _ => Err(invalid(format!("unknown chars kind {kind}"))),
        }
    }
}

/// A set of UTF-16 code units: what a JavaScript (non-Unicode-mode) character class matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharClass {
    /// Sorted, disjoint, non-adjacent inclusive ranges.
    ranges: Vec<(u16, u16)>,
    /// Bit `u % 64` of word `u / 64` is set when ASCII unit `u` is a member.
    ascii: [u64; 2],
}

impl CharClass {
    /// The set of the given inclusive ranges (in any order, overlapping or not).
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::sanitizers::CharClass;
    /// let class = CharClass::from_ranges([(0x61, 0x7A), (0x30, 0x39)]);
    /// assert!(class.contains(u16::from(b'q')) && class.contains(u16::from(b'0')));
    /// assert!(!class.contains(u16::from(b'A')));
    /// ```
    pub fn from_ranges(ranges: impl IntoIterator<Item = (u16, u16)>) -> Self {
        let mut sorted: Vec<(u16, u16)> = ranges.into_iter().filter(|(lo, hi)| lo <= hi).collect();
        sorted.sort_unstable();
        let mut merged: Vec<(u16, u16)> = Vec::with_capacity(sorted.len());
        for (lo, hi) in sorted {
            match merged.last_mut() {
                Some(last) if u32::from(lo) <= u32::from(last.1) + 1 => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        let mut ascii = [0u64; 2];
        for &(lo, hi) in &merged {
            for u in lo..=hi.min(127) {
                ascii[usize::from(u >> 6)] |= 1 << (u & 63);
            }
        }
        CharClass { ranges: merged, ascii }
    }

    /// JavaScript's `\s`: the whitespace `trim` removes when no `chars` are given.
    pub fn js_whitespace() -> Self {
        CharClass::from_ranges(SPACE.iter().copied())
    }

    /// Parses a validator.js `chars` argument (as UTF-16 units) for the function `kind`.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` where validator.js would throw a `SyntaxError` or build a pattern
    /// other than one character class (see the module docs).
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::sanitizers::{CharClass, CharsKind};
    /// let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
    /// let trim = CharClass::parse(CharsKind::Trim, &units("a-c.]"))?;
    /// assert!(trim.contains(u16::from(b'b')) && trim.contains(u16::from(b']')));
    /// let low = CharClass::parse(CharsKind::Blacklist, &units(r"\x00-\x1F\x7F"))?;
    /// assert!(low.contains(0x1B) && !low.contains(u16::from(b' ')));
    /// let keep_digits = CharClass::parse(CharsKind::Whitelist, &units(r"\d"))?;
    /// assert!(keep_digits.contains(u16::from(b'x')) && !keep_digits.contains(u16::from(b'7')));
    /// assert!(CharClass::parse(CharsKind::Blacklist, &units("a]b")).is_err());
    /// # Ok::<(), bulwark_core::Error>(())
    /// ```
    pub fn parse(kind: CharsKind, chars: &[u16]) -> Result<Self> {
        let mut pattern = Vec::with_capacity(chars.len() * 2 + 3);
        pattern.push(u16::from(b'['));
        match kind {
            CharsKind::Trim => {
                for &u in chars {
                    if TRIM_ESCAPED.iter().any(|&e| u16::from(e) == u) {
                        pattern.push(u16::from(b'\\'));
                    }
                    pattern.push(u);
                }
            }
            CharsKind::Blacklist => pattern.extend_from_slice(chars),
            CharsKind::Whitelist => {
                pattern.push(u16::from(b'^'));
                pattern.extend_from_slice(chars);
            }
        }
        pattern.push(u16::from(b']'));
        Parser { pattern: &pattern, pos: 0 }.class()
    }

    /// `true` when `unit` is in the set.
    #[inline]
    pub fn contains(&self, unit: u16) -> bool {
        if unit < 128 {
            return (self.ascii[usize::from(unit >> 6)] >> (unit & 63)) & 1 != 0;
        }
        match self.ranges.binary_search_by(|&(lo, _)| lo.cmp(&unit)) {
            Ok(_) => true,
            Err(0) => false,
            Err(i) => self.ranges.get(i - 1).is_some_and(|&(_, hi)| unit <= hi),
        }
    }

    /// The members as sorted, disjoint, non-adjacent inclusive ranges.
    pub fn ranges(&self) -> &[(u16, u16)] {
        &self.ranges
    }

    /// `true` when some member is a surrogate (the class can split a surrogate pair).
    pub fn has_surrogates(&self) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= 0xDFFF && hi >= 0xD800)
    }

    /// Every unit not in `self`.
    pub fn complement(&self) -> Self {
        let mut out = Vec::with_capacity(self.ranges.len() + 1);
        let mut next: u32 = 0;
        for &(lo, hi) in &self.ranges {
            if u32::from(lo) > next {
                out.push((unit(next), lo - 1));
            }
            next = u32::from(hi) + 1;
        }
        if next <= 0xFFFF {
            out.push((unit(next), 0xFFFF));
        }
        CharClass::from_ranges(out)
    }
}

/// `n` (at most 0xFFFF by construction) as a code unit.
fn unit(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The characters validator.js escapes in `trim` chars (`/[.*+?^${}()|[\]\\]/g`).
const TRIM_ESCAPED: &[u8] = b".*+?^${}()|[]\\";

/// `\s`: JavaScript WhiteSpace and LineTerminator.
const SPACE: &[(u16, u16)] = &[
    (0x09, 0x0D),
    (0x20, 0x20),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
    (0xFEFF, 0xFEFF),
];
const DIGIT: &[(u16, u16)] = &[(0x30, 0x39)];
const WORD: &[(u16, u16)] = &[(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)];

/// One class atom: a single unit, or a class escape (`\d`, `\S`, ...) as ranges.
enum Atom {
    Unit(u16),
    Class(Vec<(u16, u16)>),
}

fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidOptions, message.into())
}

/// A parser for one JS character class, `[` ... `]`, that must span the whole pattern.
struct Parser<'a> {
    pattern: &'a [u16],
    pos: usize,
}

impl Parser<'_> {
    fn at(&self, offset: usize) -> Option<u16> {
        self.pattern.get(self.pos + offset).copied()
    }

    fn is(&self, offset: usize, ascii: u8) -> bool {
        self.at(offset) == Some(u16::from(ascii))
    }

    /// The value of the ASCII digit at `offset` in `radix`, if it is one.
    fn digit(&self, offset: usize, radix: u32) -> Option<u32> {
        self.at(offset).and_then(|u| char::from_u32(u32::from(u))).and_then(|c| c.to_digit(radix))
    }

    fn class(mut self) -> Result<CharClass> {
        self.pos = 1; // past '['
        let negated = self.is(0, b'^');
        if negated {
            self.pos += 1;
        }
        let mut ranges: Vec<(u16, u16)> = Vec::new();
        let add = |ranges: &mut Vec<(u16, u16)>, atom: Atom| match atom {
            Atom::Unit(u) => ranges.push((u, u)),
            Atom::Class(r) => ranges.extend(r),
        };
        loop {
            match self.at(0) {
                None => {
                    return Err(invalid(
                        "chars: unterminated character class (a trailing backslash escapes the closing bracket)",
                    ));
                }
                Some(u) if u == u16::from(b']') => break,
                Some(_) => {}
            }
            let first = self.atom()?;
            if !self.is(0, b'-') {
                add(&mut ranges, first);
                continue;
            }
            self.pos += 1;
            match self.at(0) {
                None => return Err(invalid("chars: unterminated character class")),
                Some(u) if u == u16::from(b']') => {
                    add(&mut ranges, first);
                    ranges.push((u16::from(b'-'), u16::from(b'-')));
                    break;
                }
                Some(_) => {}
            }
            let second = self.atom()?;
            match (first, second) {
                (Atom::Unit(lo), Atom::Unit(hi)) => {
                    if lo > hi {
                        return Err(invalid(format!(
                            "chars: range out of order in character class ({lo:#06x}-{hi:#06x})"
                        )));
                    }
                    ranges.push((lo, hi));
                }
                // Annex B: with a class escape at either end, the '-' is a literal.
                (first, second) => {
                    add(&mut ranges, first);
                    ranges.push((u16::from(b'-'), u16::from(b'-')));
                    add(&mut ranges, second);
                }
            }
        }
        // At the closing ']': it must be the one validator.js appended, at the very end.
        if self.pos + 1 != self.pattern.len() {
            return Err(invalid(
                "chars: an unescaped ']' ends the character class early (validator.js would treat the rest as regex syntax); escape it as \\]",
            ));
        }
        let class = CharClass::from_ranges(ranges);
        Ok(if negated { class.complement() } else { class })
    }

    /// One atom at `pos` (not `]`), advancing past it.
    fn atom(&mut self) -> Result<Atom> {
        let Some(u) = self.at(0) else {
            return Err(invalid("chars: unterminated character class"));
        };
        if u != u16::from(b'\\') {
            self.pos += 1;
            return Ok(Atom::Unit(u));
        }
        let Some(next) = self.at(1) else {
            return Err(invalid("chars: \\ at end of pattern"));
        };
        let Some(c) = char::from_u32(u32::from(next)).filter(char::is_ascii) else {
            // Identity escape of a non-ASCII unit (surrogates included).
            self.pos += 2;
            return Ok(Atom::Unit(next));
        };
        let class = |ranges: &[(u16, u16)], negate: bool| {
            let class = CharClass::from_ranges(ranges.iter().copied());
            Atom::Class(if negate { class.complement() } else { class }.ranges)
        };
        let atom = match c {
            'b' => Atom::Unit(0x08),
            'd' | 'D' => class(DIGIT, c == 'D'),
            's' | 'S' => class(SPACE, c == 'S'),
            'w' | 'W' => class(WORD, c == 'W'),
            'f' => Atom::Unit(0x0C),
            'n' => Atom::Unit(0x0A),
            'r' => Atom::Unit(0x0D),
            't' => Atom::Unit(0x09),
            'v' => Atom::Unit(0x0B),
            'c' => {
                // \cX with an ASCII letter, or in a class (Annex B) a digit or '_'.
                let control = self.at(2).filter(|&l| {
                    l < 128 && (char::from(l as u8).is_ascii_alphanumeric() || l == u16::from(b'_'))
                });
                match control {
                    Some(l) => {
                        self.pos += 3;
                        return Ok(Atom::Unit(l & 0x1F));
                    }
                    // A backslash; the 'c' is parsed next as a literal.
                    None => {
                        self.pos += 1;
                        return Ok(Atom::Unit(u16::from(b'\\')));
                    }
                }
            }
            '0' if self.digit(2, 10).is_none() => Atom::Unit(0),
            '0'..='7' => {
                // Annex B legacy octal: up to three digits, at most 0o377.
                self.pos += 1;
                let mut value = 0;
                for step in 0..3 {
                    match self.digit(0, 8) {
                        Some(d) if step < 2 || value < 32 => {
                            value = value * 8 + d;
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                return Ok(Atom::Unit(unit(value)));
            }
            'x' | 'u' => {
                let len = if c == 'x' { 2 } else { 4 };
                let digits: Option<Vec<u32>> = (0..len).map(|k| self.digit(2 + k, 16)).collect();
                match digits {
                    Some(digits) => {
                        self.pos += 2 + len;
                        return Ok(Atom::Unit(unit(digits.iter().fold(0, |acc, d| acc * 16 + d))));
                    }
                    None => Atom::Unit(next),
                }
            }
            // Identity escapes: `\]`, `\\`, `\-`, `\^`, `\8`, `\k`, `\.`, ...
            _ => Atom::Unit(next),
        };
        self.pos += 2;
        Ok(atom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// `chars`, and the ranges it parses to (`None`: refused).
    type Case = (&'static str, Option<Vec<(u16, u16)>>);

    fn members(kind: CharsKind, chars: &str) -> Option<Vec<(u16, u16)>> {
        CharClass::parse(kind, &units(chars)).ok().map(|c| c.ranges().to_vec())
    }

    fn r(lo: char, hi: char) -> (u16, u16) {
        (lo as u16, hi as u16)
    }

    #[test]
    fn trim_chars_table() {
        let cases: &[Case] = &[
            ("", Some(vec![])),
            ("abc", Some(vec![r('a', 'c')])),
            ("a-c", Some(vec![r('a', 'c')])),
            ("-a", Some(vec![r('-', '-'), r('a', 'a')])),
            ("a-", Some(vec![r('-', '-'), r('a', 'a')])),
            ("]", Some(vec![r(']', ']')])),
            ("\\", Some(vec![r('\\', '\\')])),
            ("^", Some(vec![r('^', '^')])),
            ("^a", Some(vec![r('^', '^'), r('a', 'a')])),
            (".-a", Some(vec![r('.', 'a')])),
            ("\\-a", Some(vec![r('\\', 'a')])),
            ("a-b-c", Some(vec![r('-', '-'), r('a', 'c')])),
            ("z-a", None),
            ("a--", None),
            ("--a", Some(vec![r('-', 'a')])),
            ("$-.", Some(vec![r('$', '.')])),
            ("😀", Some(vec![(0xD83D, 0xD83D), (0xDE00, 0xDE00)])),
            ("😀-😁", None),
        ];
        for (chars, expected) in cases {
            assert_eq!(&members(CharsKind::Trim, chars), expected, "{chars:?}");
        }
    }

    #[test]
    fn class_body_table() {
        let all = Some(vec![(0, 0xFFFF)]);
        let cases: &[Case] = &[
            ("", Some(vec![])),
            ("^", all.clone()),
            ("^a", Some(vec![(0, 0x60), (0x62, 0xFFFF)])),
            (r"\x00-\x1F\x7F", Some(vec![(0, 0x1F), (0x7F, 0x7F)])),
            (
                r"\x00-\x09\x0B\x0C\x0E-\x1F\x7F",
                Some(vec![(0, 0x09), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x7F)]),
            ),
            (r"\d", Some(vec![r('0', '9')])),
            (r"\w", Some(vec![r('0', '9'), r('A', 'Z'), r('_', '_'), r('a', 'z')])),
            (r"\d-z", Some(vec![r('-', '-'), r('0', '9'), r('z', 'z')])),
            (r"a-\d", Some(vec![r('-', '-'), r('0', '9'), r('a', 'a')])),
            (r"\D\d", all.clone()),
            (r"\s\S", all.clone()),
            (r"\b", Some(vec![(8, 8)])),
            (r"\cA\cz", Some(vec![(1, 1), (0x1A, 0x1A)])),
            (r"\c1\c_", Some(vec![(0x11, 0x11), (0x1F, 0x1F)])),
            (r"\c!", Some(vec![r('!', '!'), r('\\', '\\'), r('c', 'c')])),
            (r"\c", Some(vec![r('\\', '\\'), r('c', 'c')])),
            (r"\0", Some(vec![(0, 0)])),
            (r"\08", Some(vec![(0, 0), r('8', '8')])),
            (r"\12", Some(vec![(0o12, 0o12)])),
            (r"\123", Some(vec![(0o123, 0o123)])),
            (r"\400", Some(vec![(0o40, 0o40), r('0', '0')])),
            (r"\3777", Some(vec![r('7', '7'), (0o377, 0o377)])),
            (r"\8\9", Some(vec![r('8', '9')])),
            (r"\x4", Some(vec![r('4', '4'), r('x', 'x')])),
            (r"\x41", Some(vec![r('A', 'A')])),
            (r"\u00411", Some(vec![r('1', '1'), r('A', 'A')])),
            (
                r"\u{41}",
                Some(vec![r('1', '1'), r('4', '4'), r('u', 'u'), r('{', '{'), r('}', '}')]),
            ),
            (r"\uD83D", Some(vec![(0xD83D, 0xD83D)])),
            (r"\]\\\^\-", Some(vec![r('-', '-'), r('\\', '^')])),
            ("[", Some(vec![r('[', '[')])),
            ("a-", Some(vec![r('-', '-'), r('a', 'a')])),
            ("]", None),
            ("a]b", None),
            ("a\\", None),
            ("z-a", None),
            (r"\x7F-\x00", None),
        ];
        for (chars, expected) in cases {
            assert_eq!(&members(CharsKind::Blacklist, chars), expected, "{chars:?}");
        }
    }

    #[test]
    fn whitelist_is_the_negated_body() {
        assert_eq!(members(CharsKind::Whitelist, ""), Some(vec![(0, 0xFFFF)]));
        assert_eq!(members(CharsKind::Whitelist, "^"), Some(vec![(0, 0x5D), (0x5F, 0xFFFF)]));
        assert_eq!(members(CharsKind::Whitelist, "a-z"), Some(vec![(0, 0x60), (0x7B, 0xFFFF)]));
        assert_eq!(members(CharsKind::Whitelist, "a]"), None);
    }

    #[test]
    fn membership_and_complement() {
        let class =
            CharClass::from_ranges([(0x41, 0x5A), (0x3000, 0x3000), (0x100, 0x1FF), (0x5B, 0x5B)]);
        assert_eq!(class.ranges(), &[(0x41, 0x5B), (0x100, 0x1FF), (0x3000, 0x3000)]);
        for (u, expected) in [
            (0x40, false),
            (0x41, true),
            (0x5B, true),
            (0x5C, false),
            (0xFF, false),
            (0x100, true),
            (0x1FF, true),
            (0x200, false),
            (0x3000, true),
            (0xFFFF, false),
        ] {
            assert_eq!(class.contains(u), expected, "{u:#x}");
            assert_eq!(class.complement().contains(u), !expected, "{u:#x}");
        }
        assert_eq!(class.complement().complement(), class);
        assert!(!class.has_surrogates());
        assert!(CharClass::from_ranges([(0xDC00, 0xDC00)]).has_surrogates());
        assert!(CharClass::js_whitespace().contains(0xFEFF));
    }
}
