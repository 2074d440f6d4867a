//! The refusal path without building anything: whether JSON text is valid and poisoned,
//! decided in one pass, so that the JS layer can refuse an attack without `JSON.parse`
//! building the value first (building is most of the cost of a small body).

use std::borrow::Cow;
use std::collections::HashSet;

use super::check_max_depth;
use super::scan::scan_units;
use crate::Result;

/// What [`find_poisoning`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poisoning {
    /// Valid JSON in which no object breaks an active rule.
    Clean,
    /// Valid JSON in which some object breaks an active rule.
    Poisoned,
    /// Not decided: invalid JSON, or a key with an escaped lone surrogate. The caller
    /// decides with the engine's own parser, as if this function had not run.
    Undecided,
}

/// Decides secure-json-parse's rules for the `error` action on UTF-8 `text`: with
/// `proto`, an object with an own `__proto__` key is poisoned; with `constructor`, an
/// object whose own `constructor` key (the last one: JSON.parse keeps the last duplicate)
/// holds an object with an own `prototype` key. No value is built; the grammar checked is
/// JSON.parse's (lone surrogate escapes and numbers beyond `f64` included). `INPUT_TOO_DEEP`
/// past `max_depth`.
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
/// ```
pub fn find_poisoning(
    text: &[u8],
    max_depth: usize,
    proto: bool,
    constructor: bool,
) -> Result<Poisoning> {
    check_max_depth(max_depth)?;
    let Ok(text) = std::str::from_utf8(text) else {
        return Ok(Poisoning::Undecided);
    };
    // Bounds the recursion below by max_depth <= MAX_DEPTH_LIMIT.
    scan_units(text.as_bytes(), max_depth)?;
    let mut parser = Parser { text, pos: 0, proto, constructor };
    let outcome = parser.value().and_then(|outcome| {
        parser.whitespace();
        if parser.pos == text.len() { Ok(outcome) } else { Err(Undecided) }
    });
    Ok(match outcome {
        Ok(Outcome { poisoned: true, .. }) => Poisoning::Poisoned,
        Ok(_) => Poisoning::Clean,
        Err(Undecided) => Poisoning::Undecided,
    })
}

/// Stops the parse: the text is invalid or holds what this parser does not decide.
struct Undecided;

type Step<T> = std::result::Result<T, Undecided>;

/// What a value holds, as far as the rules care.
#[derive(Default)]
struct Outcome {
    /// Some object in the value (itself included) breaks an active rule.
    poisoned: bool,
    /// The value is an object with an own `prototype` key.
    has_prototype: bool,
}

/// A strict JSON parser that builds nothing. Recursive: the caller has bounded the depth.
struct Parser<'a> {
    text: &'a str,
    pos: usize,
    proto: bool,
    constructor: bool,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Step<Outcome> {
        self.whitespace();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string(false).map(|_| Outcome::default()),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(Undecided),
        }
    }

    fn literal(&mut self, word: &str) -> Step<Outcome> {
        if !self.text.as_bytes()[self.pos..].starts_with(word.as_bytes()) {
            return Err(Undecided);
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
        if self.pos == start { Err(Undecided) } else { Ok(()) }
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
            _ => return Err(Undecided),
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
    fn hex4(&mut self) -> Step<u32> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or(Undecided)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Undecided);
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| Undecided)
    }

    /// The string at `pos` (its opening quote). With `decode`, returns its contents decoded
    /// (a key); an escaped lone surrogate there is undecided, as Rust strings cannot hold it.
    fn string(&mut self, decode: bool) -> Step<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        let bytes = self.text.as_bytes();
        // Fast path: no escapes.
        loop {
            match bytes.get(self.pos) {
                Some(b'"') => {
                    let raw = self.text.get(start..self.pos).ok_or(Undecided)?;
                    self.pos += 1;
                    return Ok(Cow::Borrowed(raw));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) | None => return Err(Undecided),
                Some(_) => self.pos += 1,
            }
        }
        let mut out = String::new();
        if decode {
            out.push_str(self.text.get(start..self.pos).ok_or(Undecided)?);
        }
        loop {
            let run = self.pos;
            while let Some(&b) = bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            if decode {
                out.push_str(self.text.get(run..self.pos).ok_or(Undecided)?);
            }
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape = self.peek().ok_or(Undecided)?;
                    self.pos += 1;
                    let decoded = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let unit = self.hex4()?;
                            if !decode {
                                continue; // any unit, lone surrogates included, is valid JSON
                            }
                            self.unit_to_char(unit)?
                        }
                        _ => return Err(Undecided),
                    };
                    if decode {
                        out.push(decoded);
                    }
                }
                _ => return Err(Undecided),
            }
        }
    }

    /// The character of an escaped unit, reading the low half of a surrogate pair.
    fn unit_to_char(&mut self, unit: u32) -> Step<char> {
        if (0xD800..0xDC00).contains(&unit) && self.text.as_bytes()[self.pos..].starts_with(b"\\u")
        {
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                return char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    .ok_or(Undecided);
            }
        }
        char::from_u32(unit).ok_or(Undecided)
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
                _ => return Err(Undecided),
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
        let mut poisoned_keys: HashSet<Cow<'a, str>> = HashSet::new();
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(out);
        }
        loop {
            self.whitespace();
            if self.peek() != Some(b'"') {
                return Err(Undecided);
            }
            let key = self.string(true)?;
            self.whitespace();
            if self.peek() != Some(b':') {
                return Err(Undecided);
            }
            self.pos += 1;
            let value = self.value()?;
            match key.as_ref() {
                "__proto__" => has_proto = true,
                "constructor" => constructor_has_prototype = value.has_prototype,
                "prototype" => out.has_prototype = true,
                _ => {}
            }
            if value.poisoned {
                poisoned_keys.insert(key);
            } else if !poisoned_keys.is_empty() {
                poisoned_keys.remove(&key);
            }
            self.whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(Undecided),
            }
        }
        out.poisoned = !poisoned_keys.is_empty()
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
                    find_poisoning(text.as_bytes(), 128, proto, constructor).unwrap(),
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
            assert_eq!(
                find_poisoning(text.as_bytes(), 128, true, true).unwrap(),
                Poisoning::Poisoned,
                "{text}"
            );
        }
        // A key with an escaped lone surrogate cannot be decoded: undecided.
        assert_eq!(
            find_poisoning(br#"{"\ud800":{"__proto__":1}}"#, 128, true, true).unwrap(),
            Poisoning::Undecided
        );
        // A surrogate pair in a key is one character.
        let text = r#"{"\ud83d\ude00":{"__proto__":1},"😀":1}"#;
        assert_eq!(find_poisoning(text.as_bytes(), 128, true, true).unwrap(), Poisoning::Clean);
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
