//! The refusal path without building anything: whether JSON text is valid and poisoned,
//! decided in one pass, so that the JS layer can refuse an attack without `JSON.parse`
//! building the value first (building is most of the cost of a small body).

use std::collections::HashSet;

use super::scan::ScanUnit;
use super::{check_max_depth, too_deep};
use crate::Result;

/// What [`find_poisoning`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poisoning {
    /// Valid JSON in which no object breaks an active rule.
    Clean,
    /// Valid JSON in which some object breaks an active rule.
    Poisoned,
    /// Not decided: the text is not valid JSON. The caller decides with the engine's own
    /// parser, as if this function had not run.
    Undecided,
}

/// JSON text [`find_poisoning`] reads: UTF-8 bytes (`u8`) or a JS string's UTF-16 code
/// units (`u16`, lone surrogates included, as `JSON.parse` reads them).
pub trait PoisonUnit: ScanUnit + Ord {
    /// Whether `text` is well-formed in its encoding (UTF-8 must be valid; UTF-16 is
    /// whatever a JS string holds).
    #[doc(hidden)]
    fn well_formed(text: &[Self]) -> bool;
    /// Appends the UTF-16 code units of `raw`, a run of a well-formed text that starts and
    /// ends at character boundaries.
    #[doc(hidden)]
    fn extend_utf16(raw: &[Self], out: &mut Vec<u16>) -> Option<()>;
}

impl PoisonUnit for u8 {
    fn well_formed(text: &[u8]) -> bool {
        std::str::from_utf8(text).is_ok()
    }
    fn extend_utf16(raw: &[u8], out: &mut Vec<u16>) -> Option<()> {
        out.extend(std::str::from_utf8(raw).ok()?.encode_utf16());
        Some(())
    }
}

impl PoisonUnit for u16 {
    fn well_formed(_: &[u16]) -> bool {
        true
    }
    fn extend_utf16(raw: &[u16], out: &mut Vec<u16>) -> Option<()> {
        out.extend_from_slice(raw);
        Some(())
    }
}

/// Decides secure-json-parse's rules for the `error` action on JSON text (UTF-8 bytes or
/// UTF-16 units): with `proto`, an object with an own `__proto__` key is poisoned; with
/// `constructor`, an object whose own `constructor` key (the last one: JSON.parse keeps the
/// last duplicate) holds an object with an own `prototype` key. No value is built; the
/// grammar checked is JSON.parse's (lone surrogate escapes and numbers beyond `f64`
/// included), and keys compare as JS strings (UTF-16). `INPUT_TOO_DEEP` when arrays and
/// objects nest deeper than `max_depth`.
///
/// Exact for the `error` and `ignore` actions only: `remove` prunes subtrees, which
/// changes what is examined afterwards, so callers with `remove` parse instead.
///
/// # Examples
/// ```
/// use bulwark_core::json::{find_poisoning, Poisoning};
/// let attack = br#"{"a":[{"\u005f_proto__":{"isAdmin":true}}]}"#;
/// assert_eq!(find_poisoning(attack, 128, true, true).unwrap(), Poisoning::Poisoned);
/// let last_wins = br#"{"constructor":{"prototype":{}},"constructor":1}"#;
/// assert_eq!(find_poisoning(last_wins, 128, true, true).unwrap(), Poisoning::Clean);
/// assert_eq!(find_poisoning(br#"{"__proto__":1"#, 128, true, true).unwrap(), Poisoning::Undecided);
/// let utf16: Vec<u16> = r#"[{"__proto__":1}]"#.encode_utf16().collect();
/// assert_eq!(find_poisoning(&utf16, 128, true, false).unwrap(), Poisoning::Poisoned);
/// ```
pub fn find_poisoning<T: PoisonUnit>(
    text: &[T],
    max_depth: usize,
    proto: bool,
    constructor: bool,
) -> Result<Poisoning> {
    check_max_depth(max_depth)?;
    if !T::well_formed(text) {
        return Ok(Poisoning::Undecided);
    }
    let mut parser = Parser { text, pos: 0, depth: 0, max_depth, proto, constructor };
    let outcome = parser.value().and_then(|outcome| {
        parser.whitespace();
        if parser.pos == text.len() { Ok(outcome) } else { Err(Stop::Undecided) }
    });
    match outcome {
        Ok(Outcome { poisoned: true, .. }) => Ok(Poisoning::Poisoned),
        Ok(_) => Ok(Poisoning::Clean),
        Err(Stop::Undecided) => Ok(Poisoning::Undecided),
        Err(Stop::TooDeep) => Err(too_deep(max_depth)),
    }
}

/// Why the parse stopped before the end.
enum Stop {
    /// The text is not valid JSON.
    Undecided,
    /// Arrays and objects nest deeper than `max_depth`.
    TooDeep,
}

type Step<T> = std::result::Result<T, Stop>;

/// What a value holds, as far as the rules care.
#[derive(Default)]
struct Outcome {
    /// Some object in the value (itself included) breaks an active rule.
    poisoned: bool,
    /// The value is an object with an own `prototype` key.
    has_prototype: bool,
}

/// An object key: its raw units when it holds no escape (most keys), else decoded.
enum Key<'a, T> {
    Raw(&'a [T]),
    Decoded(Vec<u16>),
}

impl<T: PoisonUnit> Key<'_, T> {
    /// Whether the key is the ASCII `name`.
    fn is(&self, name: &[u8]) -> bool {
        match self {
            Key::Raw(raw) => {
                raw.len() == name.len() && raw.iter().zip(name).all(|(&u, &c)| u == T::from(c))
            }
            Key::Decoded(units) => {
                units.len() == name.len()
                    && units.iter().zip(name).all(|(&u, &c)| u == u16::from(c))
            }
        }
    }

    /// The key as a JS string (UTF-16): equal keys give equal units, however escaped.
    fn to_utf16(&self) -> Step<Vec<u16>> {
        match self {
            Key::Raw(raw) => {
                let mut out = Vec::with_capacity(raw.len());
                T::extend_utf16(raw, &mut out).ok_or(Stop::Undecided)?;
                Ok(out)
            }
            Key::Decoded(units) => Ok(units.clone()),
        }
    }
}

/// The end of the run of string units from `pos` that need no attention: no quote, no
/// backslash, no control character (most of a JSON text's units).
#[inline]
fn plain_run<T: PoisonUnit>(text: &[T], mut pos: usize) -> usize {
    let (quote, backslash, space) = (T::from(b'"'), T::from(b'\\'), T::from(b' '));
    while let Some(&u) = text.get(pos) {
        if u == quote || u == backslash || u < space {
            break;
        }
        pos += 1;
    }
    pos
}

/// A strict JSON parser that builds nothing. Recursive, to at most `max_depth` levels
/// (at most [`super::MAX_DEPTH_LIMIT`]).
struct Parser<'a, T> {
    text: &'a [T],
    pos: usize,
    /// Arrays and objects open around `pos`.
    depth: usize,
    max_depth: usize,
    proto: bool,
    constructor: bool,
}

impl<'a, T: PoisonUnit> Parser<'a, T> {
    /// The ASCII unit at `pos` (`Some(0x80)` for any other unit, `None` at the end).
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).map(|&u| u.ascii().unwrap_or(0x80))
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Step<Outcome> {
        self.whitespace();
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string(false).map(|_| Outcome::default()),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(Stop::Undecided),
        }
    }

    /// An array or object one level deeper, refused past `max_depth`.
    fn nested(&mut self, parse: fn(&mut Self) -> Step<Outcome>) -> Step<Outcome> {
        if self.depth == self.max_depth {
            return Err(Stop::TooDeep);
        }
        self.depth += 1;
        let outcome = parse(self);
        self.depth -= 1;
        outcome
    }

    fn literal(&mut self, word: &[u8]) -> Step<Outcome> {
        let rest = self.text.get(self.pos..self.pos + word.len()).ok_or(Stop::Undecided)?;
        if !rest.iter().zip(word).all(|(&u, &c)| u == T::from(c)) {
            return Err(Stop::Undecided);
        }
        self.pos += word.len();
        Ok(Outcome::default())
    }

    /// Digits from `pos`; fails unless there is at least one.
    fn digits(&mut self) -> Step<()> {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        if self.pos == start { Err(Stop::Undecided) } else { Ok(()) }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; any magnitude (JS makes
    /// `1e400` Infinity).
    fn number(&mut self) -> Step<Outcome> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits()?,
            _ => return Err(Stop::Undecided),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        Ok(Outcome::default())
    }

    /// Four hex digits after `\u` at `pos`, as a code unit.
    fn hex4(&mut self) -> Step<u16> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or(Stop::Undecided)?;
        let mut unit = 0u16;
        for &d in digits {
            let digit =
                d.ascii().and_then(|c| char::from(c).to_digit(16)).ok_or(Stop::Undecided)?;
            unit = (unit << 4) | digit as u16;
        }
        self.pos += 4;
        Ok(unit)
    }

    /// The string at `pos` (its opening quote). With `decode`, returns its contents (a
    /// key): raw when it holds no escape, else decoded to UTF-16.
    fn string(&mut self, decode: bool) -> Step<Key<'a, T>> {
        self.pos += 1;
        let start = self.pos;
        let text = self.text;
        // Fast path: no escapes.
        self.pos = plain_run(text, self.pos);
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                return Ok(Key::Raw(&text[start..self.pos - 1]));
            }
            Some(b'\\') => {}
            _ => return Err(Stop::Undecided),
        }
        let mut out = Vec::new();
        if decode {
            T::extend_utf16(&text[start..self.pos], &mut out).ok_or(Stop::Undecided)?;
        }
        loop {
            let run = self.pos;
            self.pos = plain_run(text, self.pos);
            if decode {
                T::extend_utf16(&text[run..self.pos], &mut out).ok_or(Stop::Undecided)?;
            }
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Key::Decoded(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = self.peek().ok_or(Stop::Undecided)?;
                    self.pos += 1;
                    let decoded = match escape {
                        b'"' | b'\\' | b'/' => u16::from(escape),
                        b'b' => 0x08,
                        b'f' => 0x0c,
                        b'n' => u16::from(b'\n'),
                        b'r' => u16::from(b'\r'),
                        b't' => u16::from(b'\t'),
                        // Any unit, lone surrogates included: JS strings hold them.
                        b'u' => self.hex4()?,
                        _ => return Err(Stop::Undecided),
                    };
                    if decode {
                        out.push(decoded);
                    }
                }
                _ => return Err(Stop::Undecided),
            }
        }
    }

    fn array(&mut self) -> Step<Outcome> {
        self.pos += 1;
        let mut poisoned = false;
        self.whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Outcome::default());
        }
        loop {
            poisoned |= self.value()?.poisoned;
            self.whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Outcome { poisoned, has_prototype: false });
                }
                _ => return Err(Stop::Undecided),
            }
        }
    }

    fn object(&mut self) -> Step<Outcome> {
        self.pos += 1;
        let mut out = Outcome::default();
        let mut has_proto = false;
        // The last `constructor` value is the one JSON.parse keeps.
        let mut constructor_has_prototype = false;
        // Keys whose last value is poisoned: a later duplicate replaces the value (JSON.parse
        // keeps the last one), and with it the finding. A set, so that many keys stay linear.
        // Made at the first poisoned value: most objects never need one.
        let mut poisoned_keys: Option<HashSet<Vec<u16>>> = None;
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(out);
        }
        loop {
            self.whitespace();
            if self.peek() != Some(b'"') {
                return Err(Stop::Undecided);
            }
            let key = self.string(true)?;
            self.whitespace();
            if self.peek() != Some(b':') {
                return Err(Stop::Undecided);
            }
            self.pos += 1;
            let value = self.value()?;
            if key.is(b"__proto__") {
                has_proto = true;
            } else if key.is(b"constructor") {
                constructor_has_prototype = value.has_prototype;
            } else if key.is(b"prototype") {
                out.has_prototype = true;
            }
            if value.poisoned {
                poisoned_keys.get_or_insert_default().insert(key.to_utf16()?);
            } else if let Some(keys) = poisoned_keys.as_mut().filter(|keys| !keys.is_empty()) {
                keys.remove(&key.to_utf16()?);
            }
            self.whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(Stop::Undecided),
            }
        }
        out.poisoned = poisoned_keys.is_some_and(|keys| !keys.is_empty())
            || (self.proto && has_proto)
            || (self.constructor && constructor_has_prototype);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;
    use crate::json::{JsonOptions, KeyAction, MAX_DEPTH_LIMIT, parse_json};

    /// The reference: parse_json with both actions `error` (or `ignore`).
    fn reference(text: &str, proto: bool, constructor: bool) -> Poisoning {
        let action = |on: bool| if on { KeyAction::Error } else { KeyAction::Ignore };
        let options = JsonOptions {
            proto_action: action(proto),
            constructor_action: action(constructor),
            ..JsonOptions::default()
        };
        match parse_json(text, &options) {
            Ok(_) => Poisoning::Clean,
            Err(e) if e.code() == ErrorCode::JsonProtoPoisoning => Poisoning::Poisoned,
            Err(_) => Poisoning::Undecided,
        }
    }

    /// The answer for `text` as UTF-8, checked equal to the answer for its UTF-16 units.
    fn both(text: &str, proto: bool, constructor: bool) -> Poisoning {
        let utf8 = find_poisoning(text.as_bytes(), 128, proto, constructor).unwrap();
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(find_poisoning(&units, 128, proto, constructor).unwrap(), utf8, "{text}");
        utf8
    }

    #[test]
    fn agrees_with_parse_json() {
        let texts = [
            r#"{"a":1}"#,
            r#"{"__proto__":{"x":1}}"#,
            r#"{"a":[{"b":{"\u005f\u005fproto__":1}}]}"#,
            r#"{"__proto__":1,"__proto__":2}"#,
            r#"{"constructor":{"prototype":{}},"constructor":1}"#,
            r#"{"constructor":1,"constructor":{"prototype":{}}}"#,
            r#"{"constructor":{"prototype":{"x":1}}}"#,
            r#"{"constructor":{"prototype":1}}"#,
            r#"{"constructor":{"proto":1}}"#,
            r#"{"constructor":["prototype"]}"#,
            r#"{"constructor":null,"prototype":{}}"#,
            r#"{"prototype":{},"constructor":{}}"#,
            r#"["__proto__","constructor"]"#,
            r#"{"x":"__proto__","y":{"z":"constructor"}}"#,
            r#"{"constructor":{"a":{"prototype":1}}}"#,
            r#"[[{"constructor":{"\u0070rototype":0}}]]"#,
            "\"__proto__\"",
            "1",
            // A later duplicate replaces a poisoned value, and an earlier one does not.
            r#"[[{"a":{"__proto__":1},"a":1}]]"#,
            r#"{"a":1,"a":{"__proto__":1}}"#,
            r#"{"a":{"__proto__":1},"b":1,"\u0061":2}"#,
            r#"{"a":{"__proto__":1},"a":{"constructor":{"prototype":0}}}"#,
            // Invalid: undecided, never poisoned.
            r#"{"__proto__":01}"#,
            r#"{"__proto__":1.}"#,
            r#"{"__proto__":-}"#,
            r#"{"__proto__":"\x"}"#,
            r#"{"__proto__":"\u12"}"#,
            "{\"__proto__\":\"\t\"}",
            r#"{"__proto__" 1}"#,
            r#"{__proto__:1}"#,
            r#"{"__proto__":tru}"#,
            r#"[{"__proto__":1}"#,
            r#"[{"__proto__":1},]"#,
            r#"{"__proto__":1"#,
            r#"{"__proto__":1,}"#,
            r#"{"__proto__":1} x"#,
            "",
        ];
        for text in texts {
            for (proto, constructor) in [(true, true), (true, false), (false, true)] {
                assert_eq!(
                    both(text, proto, constructor),
                    reference(text, proto, constructor),
                    "{text} {proto} {constructor}"
                );
            }
        }
    }

    #[test]
    fn accepts_what_json_parse_accepts() {
        // Lone surrogate escapes and numbers beyond f64 are valid for JSON.parse (serde
        // refuses them, so parse_json is no reference here).
        for text in [
            r#"{"__proto__":"\ud800"}"#,
            r#"{"__proto__":1e400}"#,
            r#"{"a":"\udc00x","constructor":{"prototype":-0.5E+3}}"#,
            " \t\r\n{\"__proto__\" : [ ] } \n",
        ] {
            assert_eq!(both(text, true, true), Poisoning::Poisoned, "{text}");
        }
        // A key with an escaped lone surrogate is a JS string like any other.
        assert_eq!(
            find_poisoning(br#"{"\ud800":{"__proto__":1}}"#, 128, true, true).unwrap(),
            Poisoning::Poisoned
        );
        assert_eq!(both(r#"{"\ud800":{"__proto__":1},"\uD800":1}"#, true, true), Poisoning::Clean);
        // In UTF-16 text a raw lone surrogate is the same key as its escape.
        let mut units: Vec<u16> = r#"{"\ud800":{"__proto__":1},"#.encode_utf16().collect();
        units.extend([u16::from(b'"'), 0xD800, u16::from(b'"')]);
        units.extend(r#":1}"#.encode_utf16());
        assert_eq!(find_poisoning(&units, 128, true, true).unwrap(), Poisoning::Clean);
        units.truncate(units.len() - 2);
        units.extend(r#"{"x":{"__proto__":0}}}"#.encode_utf16());
        assert_eq!(find_poisoning(&units, 128, true, true).unwrap(), Poisoning::Poisoned);
        // A surrogate pair in a key is one character.
        let text = r#"{"\ud83d\ude00":{"__proto__":1},"😀":1}"#;
        assert_eq!(both(text, true, true), Poisoning::Clean);
        assert_eq!(find_poisoning(b"\xff", 128, true, true).unwrap(), Poisoning::Undecided);
    }

    #[test]
    fn depth_is_bounded_first() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            find_poisoning(deep.as_bytes(), 128, true, true).unwrap_err().code(),
            ErrorCode::InputTooDeep
        );
        assert_eq!(find_poisoning(deep.as_bytes(), 200, true, true).unwrap(), Poisoning::Clean);
        assert_eq!(
            find_poisoning(b"1", MAX_DEPTH_LIMIT + 1, true, true).unwrap_err().code(),
            ErrorCode::InvalidOptions
        );
    }

    #[test]
    fn many_keys_stay_linear() {
        // 50,000 poisoned values, then 50,000 duplicates replacing them (about 1.5 MB).
        let poisoned: Vec<String> =
            (0..50_000).map(|i| format!("\"k{i}\":{{\"__proto__\":1}}")).collect();
        let text = format!("{{{}}}", poisoned.join(","));
        assert_eq!(find_poisoning(text.as_bytes(), 128, true, false).unwrap(), Poisoning::Poisoned);
        let replaced: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\":1")).collect();
        let text = format!("{{{},{}}}", poisoned.join(","), replaced.join(","));
        assert_eq!(find_poisoning(text.as_bytes(), 128, true, false).unwrap(), Poisoning::Clean);
        assert_eq!(reference(&text, true, false), Poisoning::Clean);
    }
}
