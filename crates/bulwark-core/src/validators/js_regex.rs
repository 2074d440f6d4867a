//! JavaScript regular expressions on the linear-time `regex` crate.
//!
//! validator.js takes user patterns in several places (`matches`, `host_whitelist` /
//! `host_blacklist` entries, `isEmail`'s `blacklisted_chars`, `isAlpha`'s `ignore`) and
//! runs them on V8's backtracking engine. Here a JS pattern (source + flags) is translated
//! token by token into `regex` syntax with JS meanings (`\d` is `[0-9]`, `\s` is JS's
//! whitespace set, `.` excludes JS line terminators, `\b` is an ASCII word boundary, a
//! `{` that is not a quantifier is a literal, ...) and compiled into a finite automaton, so
//! matching is linear in the input whatever the pattern.
//!
//! Refused with `INVALID_OPTIONS`, never run on a backtracking engine: look-around
//! (`(?=`, `(?!`, `(?<=`, `(?<!`), back-references (`\1`, `\k<name>`), legacy octal
//! escapes, lone surrogate escapes with the `u` flag, the `v` flag, and patterns that compile to more than
//! [`MAX_COMPILED_SIZE`] bytes.
//!
//! Without the `u` flag JS sees UTF-16 code units: the pattern is translated over code
//! units and runs on a copy of the input in which each astral character is spelled as two
//! placeholder characters (one per surrogate, in a private-use plane), so `/^.$/` does not
//! match `"😀"` and `/^..$/` does, as in JS. With `i` and without `u`, case folding is
//! JS's own (a unit's single-unit uppercase, never mapping non-ASCII to ASCII: `/s/i` does
//! not match `ſ`), expanded into explicit classes; with `u`, it is Unicode simple case
//! folding in both.
//!
//! Differences that remain (documented on `matches`): with the `m` flag, `^` and `$` see
//! `\n` and `\r` as line ends but not U+2028/U+2029; `\b` stays ASCII with `u` and `i`
//! (JS counts `ſ` and the Kelvin sign as word characters there); a `g` or `y` regex keeps
//! no `lastIndex` state between calls (`y` anchors at the start).

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use crate::{Error, ErrorCode, Result};

/// The most memory a compiled user pattern may take (bytes of the `regex` crate's
/// program and lazy DFA cache each). A safety net only: [`MAX_NFA_STATES`] decides first.
pub const MAX_COMPILED_SIZE: usize = 2 << 20;

/// The most NFA states a user pattern may compile to (`a{1000}` is about 1000). The compiled
/// size in bytes depends on the pointer width, so a byte limit alone would accept a pattern
/// on WASM that it refuses natively; the state count is the same on every platform, and this
/// bound keeps every accepted pattern well under [`MAX_COMPILED_SIZE`] on 64-bit targets.
pub const MAX_NFA_STATES: usize = 20_000;

/// The longest pattern source accepted, in bytes.
pub const MAX_PATTERN_LENGTH: usize = 64 * 1024;

/// JS `\s` as a class body in `regex` syntax.
const JS_SPACE_CLASS: &str = r"\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";

/// A compiled JavaScript regular expression (source and flags, as `RegExp` has them).
#[derive(Debug, Clone)]
pub struct JsRegex {
    regex: Regex,
    source: String,
    flags: String,
    global: bool,
    /// No `u` flag: the pattern runs on code units (see [`to_units`]).
    units: bool,
}

impl PartialEq for JsRegex {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.flags == other.flags
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorCode::InvalidOptions, message)
}

/// The forward Thompson NFA's state count for `pattern` with the flags [`JsRegex::new`]
/// compiles it with: a platform-independent measure of its size.
fn nfa_states(pattern: &str, f: &Flags) -> std::result::Result<usize, String> {
    use regex_automata::nfa::thompson;
    let syntax = regex_automata::util::syntax::Config::new()
        .case_insensitive(f.ignore_case && f.unicode)
        .multi_line(f.multi_line)
        .crlf(f.multi_line);
    thompson::Compiler::new()
        .syntax(syntax)
        // Far above MAX_NFA_STATES on every platform: only the state count decides.
        .configure(thompson::Config::new().nfa_size_limit(Some(64 << 20)))
        .build(pattern)
        .map(|nfa| nfa.states().len())
        .map_err(|err| err.to_string())
}

impl JsRegex {
    /// Translates and compiles `new RegExp(source, flags)`.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for a pattern JS would reject, a feature a linear-time engine
    /// cannot run (look-around, back-references), or one too large to compile.
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::validators::JsRegex;
    /// let re = JsRegex::new(r"^\d{3}-\w+$", "").unwrap();
    /// assert!(re.is_match("123-abc"));
    /// assert!(!re.is_match("١٢٣-abc")); // JS \d is ASCII only
    /// assert!(JsRegex::new(r"^(a)\1$", "").is_err()); // back-references are refused
    /// assert!(JsRegex::new(r"^(?=a)", "").is_err()); // and so is look-around
    /// ```
    pub fn new(source: &str, flags: &str) -> Result<JsRegex> {
        if source.len() > MAX_PATTERN_LENGTH {
            return Err(invalid(format!("pattern longer than {MAX_PATTERN_LENGTH} bytes")));
        }
        let f = Flags::parse(flags)?;
        let translated = translate(source, &f)?;
        let pattern = if f.sticky { format!(r"\A(?:{translated})") } else { translated };
        let states = nfa_states(&pattern, &f).map_err(|err| {
            invalid(format!("pattern /{source}/{flags} cannot be compiled: {err}"))
        })?;
        if states > MAX_NFA_STATES {
            return Err(invalid(format!(
                "pattern /{source}/{flags} is too large ({states} NFA states, at most {MAX_NFA_STATES})"
            )));
        }
        let regex = RegexBuilder::new(&pattern)
            // Without `u`, case folding is expanded into the pattern (JS's own rule).
            .case_insensitive(f.ignore_case && f.unicode)
            .multi_line(f.multi_line)
            .crlf(f.multi_line)
            .size_limit(MAX_COMPILED_SIZE)
            .dfa_size_limit(MAX_COMPILED_SIZE)
            .build()
            .map_err(|err| {
                invalid(format!("pattern /{source}/{flags} cannot be compiled: {err}"))
            })?;
        Ok(JsRegex {
            regex,
            source: source.to_owned(),
            flags: flags.to_owned(),
            global: f.global,
            units: !f.unicode,
        })
    }

    /// `re.test(s)` (without `lastIndex` state).
    pub fn is_match(&self, s: &str) -> bool {
        if self.units { self.regex.is_match(&to_units(s)) } else { self.regex.is_match(s) }
    }

    /// `re.test(s)` where `units` is [`code_units`]`(s)`, made once for many patterns.
    pub(crate) fn is_match_prepared(&self, s: &str, units: &str) -> bool {
        if self.units { self.regex.is_match(units) } else { self.regex.is_match(s) }
    }

    /// `s.replace(re, '')`: every match removed with the `g` flag, else the first. (Without
    /// the `u` flag a removal can split an astral character; its remaining half becomes
    /// U+FFFD, where JS would keep a lone surrogate.)
    pub fn remove<'a>(&self, s: &'a str) -> Cow<'a, str> {
        let text = if self.units { to_units(s) } else { Cow::Borrowed(s) };
        let removed = if self.global {
            self.regex.replace_all(&text, "")
        } else {
            self.regex.replace(&text, "")
        };
        match (removed, self.units) {
            (Cow::Borrowed(_), _) => Cow::Borrowed(s),
            (Cow::Owned(rest), true) => Cow::Owned(from_units(&rest)),
            (Cow::Owned(rest), false) => Cow::Owned(rest),
        }
    }

    /// The JS source.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The JS flags.
    pub fn flags(&self) -> &str {
        &self.flags
    }
}

/// A `host_whitelist` / `host_blacklist` entry: a string (exact match) or a RegExp.
#[derive(Debug, Clone, PartialEq)]
pub enum HostMatcher {
    /// Matches this exact host.
    Exact(String),
    /// Matches hosts the pattern matches anywhere (`re.test(host)`).
    Pattern(JsRegex),
}

impl HostMatcher {
    /// Whether `host` matches this entry.
    pub fn matches(&self, host: &str) -> bool {
        match self {
            HostMatcher::Exact(exact) => exact == host,
            HostMatcher::Pattern(re) => re.is_match(host),
        }
    }
}

/// validator.js `checkHost`: `true` when any entry matches.
pub(crate) fn check_host(host: &str, list: &[HostMatcher]) -> bool {
    list.iter().any(|m| m.matches(host))
}

#[derive(Default)]
struct Flags {
    global: bool,
    ignore_case: bool,
    multi_line: bool,
    dot_all: bool,
    unicode: bool,
    sticky: bool,
}

impl Flags {
    fn parse(flags: &str) -> Result<Flags> {
        let mut f = Flags::default();
        for c in flags.chars() {
            let slot = match c {
                'g' => &mut f.global,
                'i' => &mut f.ignore_case,
                'm' => &mut f.multi_line,
                's' => &mut f.dot_all,
                'u' => &mut f.unicode,
                'y' => &mut f.sticky,
                'd' => continue,
                'v' => return Err(invalid("the regex flag \"v\" is not supported".into())),
                _ => return Err(invalid(format!("invalid regex flags \"{flags}\""))),
            };
            if *slot {
                return Err(invalid(format!("invalid regex flags \"{flags}\" (repeated flag)")));
            }
            *slot = true;
        }
        Ok(f)
    }
}

/// One class item: a code point (with `u`) or a UTF-16 code unit (without), or a whole
/// class in `regex` syntax (`\d`, ...).
enum ClassAtom {
    Code(u32),
    Set(String),
}

struct Translator<'a> {
    chars: Vec<char>,
    pos: usize,
    flags: &'a Flags,
    /// The low surrogate of an astral character read as two code units (no `u` flag).
    pending_unit: Option<u32>,
    out: String,
}

fn translate(source: &str, flags: &Flags) -> Result<String> {
    let mut t = Translator {
        chars: source.chars().collect(),
        pos: 0,
        flags,
        pending_unit: None,
        out: String::with_capacity(source.len() * 2),
    };
    t.run()?;
    Ok(t.out)
}

/// The placeholder character standing for UTF-16 code unit `unit` when it is a surrogate
/// (see [`to_units`]); the character itself otherwise.
fn unit_char(unit: u32) -> char {
    let code =
        if (0xD800..=0xDFFF).contains(&unit) { PLACEHOLDER_BASE + (unit - 0xD800) } else { unit };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

fn push_code(out: &mut String, code: u32) {
    let _ = write!(out, "\\x{{{code:X}}}");
}

fn push_range(out: &mut String, lo: u32, hi: u32) {
    push_code(out, lo);
    if hi > lo {
        out.push('-');
        push_code(out, hi);
    }
}

/// JS's `Canonicalize` of each BMP code unit for case-insensitive, non-Unicode regexes.
fn canon_table() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| (0..=0xFFFFu32).map(|u| super::js_canonicalize(u) as u16).collect())
}

impl Translator<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn unsupported(&self, what: &str) -> Error {
        let source: String = self.chars.iter().collect();
        invalid(format!(
            "pattern /{source}/ uses {what}, which the linear-time regex engine does not support"
        ))
    }

    fn syntax(&self, what: &str) -> Error {
        let source: String = self.chars.iter().collect();
        invalid(format!("invalid regular expression /{source}/: {what}"))
    }

    /// Code units mode: JS without the `u` flag sees UTF-16 code units.
    fn units(&self) -> bool {
        !self.flags.unicode
    }

    /// Code units mode with `i`: JS folds case per BMP code unit with its own rule.
    fn js_case(&self) -> bool {
        self.units() && self.flags.ignore_case
    }

    /// A literal character of the source: one code point, or in units mode one or two code
    /// units (the second is returned by the next call).
    fn literal(&mut self, c: char) -> u32 {
        let code = u32::from(c);
        if self.units() && code > 0xFFFF {
            let v = code - 0x10000;
            self.pending_unit = Some(0xDC00 + (v & 0x3FF));
            return 0xD800 + (v >> 10);
        }
        code
    }

    /// Writes one matched code (point or unit) outside a class.
    fn emit_code(&mut self, code: u32) {
        if self.js_case() && code <= 0xFFFF && !(0xD800..=0xDFFF).contains(&code) {
            let canon = canon_table();
            let target = canon[code as usize];
            let members: Vec<u32> =
                (0..=0xFFFFu32).filter(|&u| canon[u as usize] == target).collect();
            if members.len() > 1 {
                self.out.push('[');
                for u in members {
                    push_code(&mut self.out, u);
                }
                self.out.push(']');
                return;
            }
        }
        let c = if self.units() { u32::from(unit_char(code)) } else { code };
        push_code(&mut self.out, c);
    }

    fn run(&mut self) -> Result<()> {
        // What the last token was, to refuse what JS refuses: a quantifier on nothing, on
        // an assertion or on another quantifier (`a**`), which `regex` would accept.
        #[derive(PartialEq)]
        enum Last {
            Nothing,
            Atom,
            Assertion,
            Quantifier,
            Lazy,
        }
        let mut last = Last::Nothing;
        while let Some(c) = self.peek() {
            self.pos += 1;
            let quantifier = match c {
                '*' | '+' => true,
                '?' => last != Last::Quantifier,
                '{' => self.quantifier_len().is_some(),
                _ => false,
            };
            if quantifier && last != Last::Atom {
                return Err(self.syntax("nothing to repeat"));
            }
            last = match c {
                '\\' => match self.escape(false)? {
                    ClassAtom::Code(code) => {
                        self.emit_code(code);
                        Last::Atom
                    }
                    ClassAtom::Set(set) => {
                        self.out.push_str(&set);
                        if set.contains("\\b") || set.contains("\\B") {
                            Last::Assertion
                        } else {
                            Last::Atom
                        }
                    }
                },
                '.' => {
                    self.out.push_str(if self.flags.dot_all {
                        r"(?s:.)"
                    } else {
                        r"[^\n\r\x{2028}\x{2029}]"
                    });
                    Last::Atom
                }
                '[' => {
                    self.class()?;
                    Last::Atom
                }
                '(' => {
                    self.group()?;
                    Last::Nothing
                }
                '{' => {
                    if let Some(len) = self.quantifier_len() {
                        self.out.push('{');
                        self.out.extend(&self.chars[self.pos..self.pos + len]);
                        self.pos += len;
                        Last::Quantifier
                    } else if self.flags.unicode {
                        return Err(self.syntax("lone quantifier bracket"));
                    } else {
                        self.out.push_str(r"\{");
                        Last::Atom
                    }
                }
                '}' | ']' if self.flags.unicode => return Err(self.syntax("lone bracket")),
                '}' | ']' => {
                    self.out.push('\\');
                    self.out.push(c);
                    Last::Atom
                }
                '?' if last == Last::Quantifier => {
                    self.out.push('?');
                    Last::Lazy
                }
                '*' | '+' | '?' => {
                    self.out.push(c);
                    Last::Quantifier
                }
                ')' => {
                    self.out.push(c);
                    Last::Atom
                }
                '|' => {
                    self.out.push(c);
                    Last::Nothing
                }
                '^' | '$' => {
                    self.out.push(c);
                    Last::Assertion
                }
                _ => {
                    let first = self.literal(c);
                    match self.pending_unit.take() {
                        // An astral character is two units: a quantifier after it repeats
                        // only the second, as in JS.
                        Some(low) => {
                            self.emit_code(first);
                            self.emit_code(low);
                        }
                        None => self.emit_code(first),
                    }
                    Last::Atom
                }
            };
        }
        Ok(())
    }

    /// Length of `n}`, `n,}` or `n,m}` after a `{`, if that is what follows.
    fn quantifier_len(&self) -> Option<usize> {
        let rest = &self.chars[self.pos..];
        let digits = |from: usize| rest[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let n = digits(0);
        if n == 0 {
            return None;
        }
        match rest.get(n) {
            Some('}') => Some(n + 1),
            Some(',') => {
                let m = digits(n + 1);
                (rest.get(n + 1 + m) == Some(&'}')).then_some(n + 2 + m)
            }
            _ => None,
        }
    }

    fn group(&mut self) -> Result<()> {
        if self.peek() != Some('?') {
            self.out.push('(');
            return Ok(());
        }
        match (self.peek_at(1), self.peek_at(2)) {
            (Some(':'), _) => {
                self.pos += 2;
                self.out.push_str("(?:");
            }
            (Some('=' | '!'), _) | (Some('<'), Some('=' | '!')) => {
                return Err(self.unsupported("look-around"));
            }
            (Some('<'), _) => {
                let name_start = self.pos + 2;
                let Some(len) = self.chars[name_start..].iter().position(|&c| c == '>') else {
                    return Err(self.syntax("invalid group name"));
                };
                let name: String = self.chars[name_start..name_start + len].iter().collect();
                if name.is_empty()
                    || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
                {
                    return Err(self.unsupported("a non-ASCII or invalid group name"));
                }
                self.pos = name_start + len + 1;
                let _ = write!(self.out, "(?<{}>", name.replace('$', "_"));
            }
            _ => return Err(self.syntax("invalid group")),
        }
        Ok(())
    }

    fn hex_digits(&self, from: usize, count: usize) -> Option<u32> {
        let digits: String = self.chars.get(from..from + count)?.iter().collect();
        if digits.chars().all(|c| c.is_ascii_hexdigit()) {
            u32::from_str_radix(&digits, 16).ok()
        } else {
            None
        }
    }

    /// `\uXXXX` (a code unit; with `u`, a surrogate pair of escapes is one code point) or
    /// `\u{...}` with `u`.
    fn unicode_escape(&mut self) -> Result<Option<u32>> {
        if self.flags.unicode && self.peek() == Some('{') {
            let Some(len) = self.chars[self.pos + 1..].iter().position(|&c| c == '}') else {
                return Err(self.syntax("invalid Unicode escape"));
            };
            let value = self.hex_digits(self.pos + 1, len).filter(|_| len > 0);
            let Some(c) = value.and_then(char::from_u32) else {
                return Err(self.syntax("invalid Unicode escape"));
            };
            self.pos += len + 2;
            return Ok(Some(u32::from(c)));
        }
        let Some(unit) = self.hex_digits(self.pos, 4) else {
            return Ok(None);
        };
        self.pos += 4;
        if !self.flags.unicode {
            return Ok(Some(unit));
        }
        if (0xD800..0xDC00).contains(&unit)
            && self.peek() == Some('\\')
            && self.peek_at(1) == Some('u')
        {
            if let Some(low @ 0xDC00..=0xDFFF) = self.hex_digits(self.pos + 2, 4) {
                self.pos += 6;
                return Ok(Some(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)));
            }
        }
        if (0xD800..=0xDFFF).contains(&unit) {
            return Err(self.unsupported("a lone surrogate escape with the u flag"));
        }
        Ok(Some(unit))
    }

    /// The escape after a `\` (already consumed).
    fn escape(&mut self, in_class: bool) -> Result<ClassAtom> {
        let Some(c) = self.peek() else {
            return Err(self.syntax("\\ at end of pattern"));
        };
        self.pos += 1;
        let set = |s: &str| Ok(ClassAtom::Set(s.to_owned()));
        // Word characters: with `u` and `i`, JS adds the two non-ASCII characters that fold
        // into [a-z] (ſ, the Kelvin sign).
        let word = if self.flags.unicode && self.flags.ignore_case {
            r"0-9A-Za-z_\x{17F}\x{212A}"
        } else {
            "0-9A-Za-z_"
        };
        // Class escapes keep their meaning under `i` (outside classes; inside, the `regex`
        // crate cannot scope flags, and only `u` mode sets its case-insensitive flag).
        let ascii = |class: &str| {
            Ok(ClassAtom::Set(if in_class { class.to_owned() } else { format!("(?-i:{class})") }))
        };
        match c {
            'd' => ascii("[0-9]"),
            'D' => ascii("[^0-9]"),
            'w' => ascii(&format!("[{word}]")),
            'W' => ascii(&format!("[^{word}]")),
            's' => set(&format!("[{JS_SPACE_CLASS}]")),
            'S' => set(&format!("[^{JS_SPACE_CLASS}]")),
            'b' if in_class => Ok(ClassAtom::Code(8)),
            'b' if !in_class => set(r"(?-u:\b)"),
            'B' if !in_class => set(r"(?-u:\B)"),
            'n' => Ok(ClassAtom::Code(0x0A)),
            'r' => Ok(ClassAtom::Code(0x0D)),
            't' => Ok(ClassAtom::Code(0x09)),
            'v' => Ok(ClassAtom::Code(0x0B)),
            'f' => Ok(ClassAtom::Code(0x0C)),
            '0' if !self.peek().is_some_and(|d| d.is_ascii_digit()) => Ok(ClassAtom::Code(0)),
            '0'..='9' => Err(self.unsupported("back-references or octal escapes")),
            'c' => match self.peek() {
                Some(l) if l.is_ascii_alphabetic() => {
                    self.pos += 1;
                    Ok(ClassAtom::Code(u32::from(l) % 32))
                }
                _ => Err(self.unsupported("a \\c escape without a control letter")),
            },
            'x' => match self.hex_digits(self.pos, 2) {
                Some(v) => {
                    self.pos += 2;
                    Ok(ClassAtom::Code(v))
                }
                None if self.flags.unicode => Err(self.syntax("invalid escape")),
                None => Ok(ClassAtom::Code(u32::from('x'))),
            },
            'u' => match self.unicode_escape()? {
                Some(code) => Ok(ClassAtom::Code(code)),
                None if self.flags.unicode => Err(self.syntax("invalid Unicode escape")),
                None => Ok(ClassAtom::Code(u32::from('u'))),
            },
            'k' if self.flags.unicode || self.peek() == Some('<') => {
                Err(self.unsupported("back-references"))
            }
            'p' | 'P' if self.flags.unicode => {
                let Some(len) = (self.peek() == Some('{'))
                    .then(|| self.chars[self.pos..].iter().position(|&c| c == '}'))
                    .flatten()
                else {
                    return Err(self.syntax("invalid property name"));
                };
                let body: String = self.chars[self.pos..=self.pos + len].iter().collect();
                self.pos += len + 1;
                set(&format!("\\{c}{body}"))
            }
            c if self.flags.unicode && !"^$\\.*+?()[]{}|/-".contains(c) => {
                Err(self.syntax("invalid escape"))
            }
            c => Ok(ClassAtom::Code(self.literal(c))),
        }
    }

    fn class_atom(&mut self) -> Result<ClassAtom> {
        if let Some(low) = self.pending_unit.take() {
            return Ok(ClassAtom::Code(low));
        }
        let Some(c) = self.peek() else {
            return Err(self.syntax("unterminated character class"));
        };
        self.pos += 1;
        if c == '\\' { self.escape(true) } else { Ok(ClassAtom::Code(self.literal(c))) }
    }

    fn class(&mut self) -> Result<()> {
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        let mut sets = String::new();
        loop {
            if self.pending_unit.is_none() {
                match self.peek() {
                    None => return Err(self.syntax("unterminated character class")),
                    Some(']') => {
                        self.pos += 1;
                        break;
                    }
                    Some(_) => {}
                }
            }
            let first = self.class_atom()?;
            let is_range = self.pending_unit.is_none()
                && self.peek() == Some('-')
                && self.peek_at(1).is_some_and(|c| c != ']');
            if !is_range {
                match first {
                    ClassAtom::Code(code) => ranges.push((code, code)),
                    ClassAtom::Set(set) => sets.push_str(&set),
                }
                continue;
            }
            self.pos += 1; // the '-'
            let second = self.class_atom()?;
            match (first, second) {
                (ClassAtom::Code(a), ClassAtom::Code(b)) => {
                    if a > b {
                        return Err(self.syntax("range out of order in character class"));
                    }
                    ranges.push((a, b));
                }
                (a, b) if !self.flags.unicode => {
                    for atom in [a, ClassAtom::Code(u32::from('-')), b] {
                        match atom {
                            ClassAtom::Code(code) => ranges.push((code, code)),
                            ClassAtom::Set(set) => sets.push_str(&set),
                        }
                    }
                }
                _ => return Err(self.syntax("invalid character class range")),
            }
        }
        let mut items = String::new();
        for (lo, hi) in self.class_ranges(ranges) {
            push_range(&mut items, lo, hi);
        }
        items.push_str(&sets);
        match (items.is_empty(), negated) {
            (true, false) => self.out.push_str(r"[a&&b]"),
            (true, true) => self.out.push_str(r"(?s:.)"),
            (false, false) => {
                let _ = write!(self.out, "[{items}]");
            }
            (false, true) => {
                let _ = write!(self.out, "[^{items}]");
            }
        }
        Ok(())
    }

    /// A class's character ranges in `regex` code points: in units mode, surrogate units
    /// become placeholders and, with `i`, every unit JS would fold together is added.
    fn class_ranges(&self, ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
        if !self.units() {
            return ranges;
        }
        let mut units = vec![false; 0x10000];
        for &(lo, hi) in &ranges {
            for u in lo..=hi.min(0xFFFF) {
                units[u as usize] = true;
            }
        }
        if self.js_case() {
            let canon = canon_table();
            let mut folded = vec![false; 0x10000];
            for (u, &member) in units.iter().enumerate() {
                if member && !(0xD800..=0xDFFF).contains(&u) {
                    folded[usize::from(canon[u])] = true;
                }
            }
            for (u, slot) in units.iter_mut().enumerate() {
                if !(0xD800..=0xDFFF).contains(&u) && folded[usize::from(canon[u])] {
                    *slot = true;
                }
            }
        }
        let mut out: Vec<(u32, u32)> = Vec::new();
        for (u, &member) in units.iter().enumerate() {
            if !member {
                continue;
            }
            let code = u32::from(unit_char(u as u32));
            match out.last_mut() {
                Some((_, hi)) if *hi + 1 == code => *hi = code,
                _ => out.push((code, code)),
            }
        }
        out
    }
}

/// First placeholder code point: code unit `0xD800 + k` stands as `PLACEHOLDER_BASE + k`
/// (Supplementary Private Use Area-B) in the text a non-Unicode pattern runs on.
const PLACEHOLDER_BASE: u32 = 0x10_0000;

/// `s` as the code-unit text non-Unicode patterns run on: each astral character becomes
/// the placeholders of its two surrogates, so that `.` or a class matches one of them as in
/// JS. Every other character stays itself.
pub(crate) fn code_units(s: &str) -> Cow<'_, str> {
    to_units(s)
}

fn to_units(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| u32::from(c) > 0xFFFF) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let mut buf = [0u16; 2];
        for &unit in c.encode_utf16(&mut buf).iter() {
            out.push(unit_char(u32::from(unit)));
        }
    }
    Cow::Owned(out)
}

/// The inverse of [`to_units`]: placeholder pairs become their character again; an
/// unpaired placeholder (half of a character a removal split) becomes U+FFFD.
fn from_units(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let unit = |c: char| {
        let code = u32::from(c);
        (PLACEHOLDER_BASE..PLACEHOLDER_BASE + 0x800)
            .contains(&code)
            .then(|| 0xD800 + (code - PLACEHOLDER_BASE))
    };
    while let Some(c) = chars.next() {
        match unit(c) {
            None => out.push(c),
            Some(high @ 0xD800..=0xDBFF) => match chars.peek().copied().and_then(unit) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    chars.next();
                    out.push(
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                            .unwrap_or('\u{FFFD}'),
                    );
                }
                _ => out.push('\u{FFFD}'),
            },
            Some(_) => out.push('\u{FFFD}'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_decided_by_nfa_states_on_every_platform() {
        // The compiled byte size differs between 64-bit and WASM; the state count does not.
        assert!(JsRegex::new("a{1000}", "").is_ok());
        assert!(JsRegex::new(r"\w{100}", "u").is_ok());
        for (source, flags) in [("a{99999}", "m"), ("a{30000}", ""), ("(a{200}){200}", "")] {
            let err = JsRegex::new(source, flags).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidOptions, "{source}");
            assert!(err.message().contains("NFA states"), "{source}: {}", err.message());
        }
    }

    fn re(source: &str, flags: &str) -> JsRegex {
        match JsRegex::new(source, flags) {
            Ok(re) => re,
            Err(err) => panic!("/{source}/{flags}: {err}"),
        }
    }

    #[test]
    fn js_meanings() {
        let cases: &[(&str, &str, &str, bool)] = &[
            (r"^\d+$", "", "123", true),
            (r"^\d+$", "", "١٢٣", false),
            (r"^\w+$", "", "abc_1", true),
            (r"^\w+$", "", "é", false),
            (r"^\w+$", "i", "ſ", false),
            (r"^\s$", "", "\u{3000}", true),
            (r"^\s$", "", "\u{85}", false),
            (r"^.$", "", "\n", false),
            (r"^.$", "", "\r", false),
            (r"^.$", "", "\u{2028}", false),
            (r"^.$", "s", "\n", true),
            (r"a{", "", "a{", true),
            (r"a{1,2}$", "", "aa", true),
            (r"a{,2}", "", "a{,2}", true),
            (r"\bfoo\b", "", "a foo b", true),
            (r"\bfoo\b", "", "afoo", false),
            (r"^[\d-z]+$", "", "1-z", true),
            (r"^[\w.-]+$", "", "a.b-c", true),
            (r"^[^]$", "", "\n", true),
            (r"[]", "", "a", false),
            (r"^\u0041\x42\cJ$", "", "AB\n", true),
            (r"^\uD83D\uDE00$", "", "😀", true),
            (r"^\u{1F600}$", "u", "😀", true),
            (r"^[a-z]+$", "i", "ABC", true),
            (r"^abc$", "m", "x\nabc\ny", true),
            (r"^abc$", "", "x\nabc\ny", false),
            (r"\/path\.", "", "/path.", true),
            (r"[&&]", "", "&", true),
            (r"[~-]", "", "-", true),
            (r"[[]", "", "[", true),
            (r"a]", "", "a]", true),
            (r"(?<year>\d{4})", "", "2024", true),
            (r"^\p{Lu}$", "u", "É", true),
            (r"^\p{Lu}$", "", "p{Lu}", true),
            (r"^[\b]$", "", "\u{8}", true),
            (r"^\0$", "", "\0", true),
            (r"^a", "y", "ba", false),
            (r"a", "y", "ab", true),
            // Without `u`, an astral character is two code units, as in JS.
            (r"^.$", "", "😀", false),
            (r"^..$", "", "😀", true),
            (r"^.$", "u", "😀", true),
            (r"^\uD83D", "", "😀", true),
            (r"^[\uD800-\uDBFF]", "", "𐀀x", true),
            (r"^[^a]{2}$", "", "😀", true),
            (r"^😀+$", "", "😀😀", false),
            (r"^(?:😀)+$", "", "😀😀", true),
            (r"^[\u00a1-\uffff]+$", "", "é😀", true),
            // JS's case folding without `u`: ASCII letters never match non-ASCII ones.
            (r"^s$", "i", "ſ", false),
            (r"^k$", "i", "\u{212A}", false),
            (r"^s$", "iu", "ſ", true),
            (r"^[a-z]$", "i", "K", true),
            (r"^[a-z]$", "i", "\u{212A}", false),
            (r"^µ$", "i", "Μ", true),
            (r"^ß$", "i", "ẞ", false),
            (r"^[^a]$", "i", "A", false),
        ];
        for &(source, flags, input, expected) in cases {
            assert_eq!(
                re(source, flags).is_match(input),
                expected,
                "/{source}/{flags} on {input:?}"
            );
        }
    }

    #[test]
    fn refused_patterns() {
        for (source, flags) in [
            (r"(?=a)", ""),
            (r"(?!a)", ""),
            (r"(?<=a)b", ""),
            (r"(?<!a)b", ""),
            (r"(a)\1", ""),
            (r"(?<n>a)\k<n>", ""),
            (r"\07", ""),
            ("a", "gg"),
            ("a", "x"),
            ("a", "v"),
            ("[b-a]", ""),
            ("(", ""),
            ("[a", ""),
            ("a**", ""),
            (r"\uD800", "u"),
            (r"a{2,1}", ""),
            (r"(?<é>a)", ""),
            (r"a{1000}{1000}{1000}", ""),
        ] {
            assert!(JsRegex::new(source, flags).is_err(), "/{source}/{flags} should be refused");
        }
    }

    #[test]
    fn remove_first_or_all() {
        assert_eq!(re("\\uDE00", "g").remove("a😀b"), "a\u{FFFD}b");
        assert_eq!(re("😀", "g").remove("a😀b😀"), "ab");
        assert_eq!(re("-", "").remove("a-b-c"), "ab-c");
        assert_eq!(re("-", "g").remove("a-b-c"), "abc");
        assert_eq!(re("x*", "g").remove("axbxxc"), "abc");
    }

    #[test]
    fn classic_redos_patterns_are_linear() {
        let input = format!("{}!", "a".repeat(1 << 20));
        for source in [r"^(a+)+$", r"^(a|a)*$", r"^(a|aa)+$", r"^(.*a){12}$", r"^([a-z]+)*[0-9]$"] {
            assert!(!re(source, "").is_match(&input), "{source}");
        }
    }
}
