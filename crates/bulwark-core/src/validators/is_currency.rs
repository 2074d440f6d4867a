//! `isCurrency`.
//!
//! validator.js builds a regular expression from the options on every call and runs it on
//! V8's backtracking engine; its pattern has look-aheads (`^(?!-? )(?=.*\d)`, a placeholder
//! space `( (?!\-))?`, a trailing space `( (?!$))?`). Here the options are compiled once,
//! piece by piece in validator.js's order, into a small program run by a Pike VM over the
//! input's UTF-16 code units (as a JS regex without the `u` flag sees them): every step
//! advances all live threads by one unit, so the work is linear in the input, at most the
//! program's size per unit. The two inner look-aheads only ever look at the next unit (or
//! the end), so they are checks inside the VM's epsilon closure; the two outer ones are
//! scans before it.
//!
//! User strings are pasted into validator.js's pattern half-escaped: the symbol's first
//! non-word character gets a backslash, each separator gets one backslash in front, and the
//! rest is regex syntax. The port reads them the same way: the escaped units are literals,
//! a later `.` is JS's `.` (any unit but a line terminator), every other unit is a literal,
//! and the strings where validator.js would read other regex syntax (`^ $ \ * + ? ( ) [ ]
//! { } |` after the escaped unit, an empty separator, a separator starting with a letter or
//! digit, whose escape is a class or an assertion) are `INVALID_OPTIONS`.

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// The longest symbol or separator accepted, in UTF-16 code units (it bounds the work per
/// input unit).
pub const MAX_CURRENCY_TEXT: usize = 32;
/// The most entries of `digits_after_decimal`.
pub const MAX_DECIMAL_COUNTS: usize = 16;
/// The largest entry of `digits_after_decimal`.
pub const MAX_DECIMAL_DIGITS: u32 = 100;

/// Options of [`is_currency`], with validator.js names and defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyOptions {
    /// `symbol` (default `$`).
    pub symbol: String,
    /// `require_symbol` (default `false`).
    pub require_symbol: bool,
    /// `allow_space_after_symbol` (default `false`).
    pub allow_space_after_symbol: bool,
    /// `symbol_after_digits` (default `false`).
    pub symbol_after_digits: bool,
    /// `allow_negatives` (default `true`).
    pub allow_negatives: bool,
    /// `parens_for_negatives` (default `false`).
    pub parens_for_negatives: bool,
    /// `negative_sign_before_digits` (default `false`).
    pub negative_sign_before_digits: bool,
    /// `negative_sign_after_digits` (default `false`).
    pub negative_sign_after_digits: bool,
    /// `allow_negative_sign_placeholder` (default `false`).
    pub allow_negative_sign_placeholder: bool,
    /// `thousands_separator` (default `,`).
    pub thousands_separator: String,
    /// `decimal_separator` (default `.`).
    pub decimal_separator: String,
    /// `allow_decimal` (default `true`).
    pub allow_decimal: bool,
    /// `require_decimal` (default `false`).
    pub require_decimal: bool,
    /// `digits_after_decimal` (default `[2]`): the allowed fraction lengths.
    pub digits_after_decimal: Vec<u32>,
    /// `allow_space_after_digits` (default `false`).
    pub allow_space_after_digits: bool,
}

impl Default for CurrencyOptions {
    fn default() -> Self {
        CurrencyOptions {
            symbol: "$".into(),
            require_symbol: false,
            allow_space_after_symbol: false,
            symbol_after_digits: false,
            allow_negatives: true,
            parens_for_negatives: false,
            negative_sign_before_digits: false,
            negative_sign_after_digits: false,
            allow_negative_sign_placeholder: false,
            thousands_separator: ",".into(),
            decimal_separator: ".".into(),
            allow_decimal: true,
            require_decimal: false,
            digits_after_decimal: vec![2],
            allow_space_after_digits: false,
        }
    }
}

/// One VM instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inst {
    /// Consume this code unit.
    Unit(u16),
    /// Consume any unit but a JS line terminator (JS `.`).
    Any,
    /// Consume `0`-`9`.
    Digit,
    /// Consume `1`-`9`.
    NonZero,
    /// Continue at both.
    Split(usize, usize),
    /// Continue there.
    Jmp(usize),
    /// Continue only when the next unit is not this one (`(?!x)`; true at the end).
    NotNext(u16),
    /// Continue only when input is left (`(?!$)`).
    NotEnd,
    /// The whole input matched (only counts at its end: the pattern ends in `$`).
    Match,
}

/// The pattern before compilation, shaped as validator.js's.
#[derive(Debug, Clone)]
enum Node {
    Inst(Inst),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Opt(Box<Node>),
    Star(Box<Node>),
}

fn unit(c: char) -> Node {
    Node::Inst(Inst::Unit(c as u16))
}

fn opt(n: Node) -> Node {
    Node::Opt(Box::new(n))
}

fn is_line_terminator(u: u16) -> bool {
    matches!(u, 0x0A | 0x0D | 0x2028 | 0x2029)
}

/// A JS regex word unit (`\w` without the `u` flag).
fn is_word(u: u16) -> bool {
    matches!(u, 0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A | 0x5F)
}

/// The units of an option string after the escaped one: `.` is JS's `.`, other regex
/// syntax is refused, everything else is a literal.
fn tail(units: &[u16], out: &mut Vec<Node>, key: &str) -> Result<()> {
    for &u in units {
        if u == u16::from(b'.') {
            out.push(Node::Inst(Inst::Any));
        } else if u < 0x80 && b"^$\\*+?()[]{}|".contains(&(u as u8)) {
            return Err(invalid(format!(
                "isCurrency: {key} would be read as a regular expression by validator.js (it escapes one character only); '{}' is not supported there",
                char::from(u as u8)
            )));
        } else {
            out.push(Node::Inst(Inst::Unit(u)));
        }
    }
    Ok(())
}

fn text_units(text: &str, key: &str) -> Result<Vec<u16>> {
    let units: Vec<u16> = text.encode_utf16().collect();
    if units.len() > MAX_CURRENCY_TEXT {
        return Err(invalid(format!(
            "isCurrency: {key} must be at most {MAX_CURRENCY_TEXT} UTF-16 code units"
        )));
    }
    Ok(units)
}

/// validator.js's `symbol.replace(/\W/, '\\$&')`, read as a pattern.
fn symbol_node(symbol: &str) -> Result<Node> {
    let units = text_units(symbol, "symbol")?;
    let mut out = Vec::with_capacity(units.len());
    match units.iter().position(|&u| !is_word(u)) {
        None => out.extend(units.iter().map(|&u| Node::Inst(Inst::Unit(u)))),
        Some(i) => {
            out.extend(units[..=i].iter().map(|&u| Node::Inst(Inst::Unit(u))));
            tail(&units[i + 1..], &mut out, "symbol")?;
        }
    }
    Ok(Node::Seq(out))
}

/// validator.js's `'\\' + separator`, read as a pattern.
fn separator_node(text: &str, key: &str) -> Result<Node> {
    let units = text_units(text, key)?;
    let Some((&first, rest)) = units.split_first() else {
        return Err(invalid(format!("isCurrency: {key} must not be empty")));
    };
    if first < 0x80 && (first as u8).is_ascii_alphanumeric() {
        return Err(invalid(format!(
            "isCurrency: {key} must not start with a letter or digit (validator.js reads '\\{}' as a regex escape)",
            char::from(first as u8)
        )));
    }
    let mut out = vec![Node::Inst(Inst::Unit(first))];
    tail(rest, &mut out, key)?;
    Ok(Node::Seq(out))
}

/// validator.js's `currencyRegex(options)` without its `^(?!-? )(?=.*\d)` and `$`.
fn pattern(o: &CurrencyOptions) -> Result<Node> {
    if o.digits_after_decimal.is_empty() || o.digits_after_decimal.len() > MAX_DECIMAL_COUNTS {
        return Err(invalid(format!(
            "isCurrency: digits_after_decimal must hold 1 to {MAX_DECIMAL_COUNTS} counts"
        )));
    }
    if let Some(n) = o.digits_after_decimal.iter().find(|&&n| n > MAX_DECIMAL_DIGITS) {
        return Err(invalid(format!(
            "isCurrency: digits_after_decimal entries must be at most {MAX_DECIMAL_DIGITS}, got {n}"
        )));
    }
    let digit = || Node::Inst(Inst::Digit);
    let sym = symbol_node(&o.symbol)?;
    let symbol = if o.require_symbol { sym } else { opt(sym) };
    let thousands = separator_node(&o.thousands_separator, "thousands_separator")?;
    let decimal_separator = separator_node(&o.decimal_separator, "decimal_separator")?;
    // (0|[1-9]\d*|[1-9]\d{0,2}(\T\d{3})*)?
    let whole = opt(Node::Alt(vec![
        unit('0'),
        Node::Seq(vec![Node::Inst(Inst::NonZero), Node::Star(Box::new(digit()))]),
        Node::Seq(vec![
            Node::Inst(Inst::NonZero),
            opt(Node::Seq(vec![digit(), opt(digit())])),
            Node::Star(Box::new(Node::Seq(vec![thousands, digit(), digit(), digit()]))),
        ]),
    ]));
    let mut p = vec![whole];
    if o.allow_decimal || o.require_decimal {
        // (\D(\d{a}|\d{b}...))?
        let counts = o
            .digits_after_decimal
            .iter()
            .map(|&n| Node::Seq((0..n).map(|_| digit()).collect()))
            .collect();
        let decimal = Node::Seq(vec![decimal_separator, Node::Alt(counts)]);
        p.push(if o.require_decimal { decimal } else { opt(decimal) });
    }
    let mut p = Node::Seq(p);
    let negative = || opt(unit('-'));
    if o.allow_negatives && !o.parens_for_negatives {
        if o.negative_sign_after_digits {
            p = Node::Seq(vec![p, negative()]);
        } else if o.negative_sign_before_digits {
            p = Node::Seq(vec![negative(), p]);
        }
    }
    if o.allow_negative_sign_placeholder {
        // ( (?!\-))?
        let space = Node::Seq(vec![unit(' '), Node::Inst(Inst::NotNext(u16::from(b'-')))]);
        p = Node::Seq(vec![opt(space), p]);
    } else if o.allow_space_after_symbol {
        p = Node::Seq(vec![opt(unit(' ')), p]);
    } else if o.allow_space_after_digits {
        // ( (?!$))?
        p = Node::Seq(vec![p, opt(Node::Seq(vec![unit(' '), Node::Inst(Inst::NotEnd)]))]);
    }
    p = if o.symbol_after_digits { Node::Seq(vec![p, symbol]) } else { Node::Seq(vec![symbol, p]) };
    if o.allow_negatives {
        if o.parens_for_negatives {
            p = Node::Alt(vec![Node::Seq(vec![unit('('), p.clone(), unit(')')]), p]);
        } else if !(o.negative_sign_before_digits || o.negative_sign_after_digits) {
            p = Node::Seq(vec![negative(), p]);
        }
    }
    Ok(p)
}

/// Thompson construction (the node tree is built above, never from input, and is shallow).
fn compile(node: &Node, prog: &mut Vec<Inst>) {
    match node {
        Node::Inst(i) => prog.push(*i),
        Node::Seq(items) => items.iter().for_each(|n| compile(n, prog)),
        Node::Alt(items) => {
            let mut jumps = Vec::with_capacity(items.len());
            for (k, n) in items.iter().enumerate() {
                if k + 1 < items.len() {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(n, prog);
                    jumps.push(prog.len());
                    prog.push(Inst::Jmp(0));
                    let next = prog.len();
                    prog[split] = Inst::Split(split + 1, next);
                } else {
                    compile(n, prog);
                }
            }
            let end = prog.len();
            for j in jumps {
                prog[j] = Inst::Jmp(end);
            }
        }
        Node::Opt(n) => {
            let split = prog.len();
            prog.push(Inst::Split(split + 1, 0));
            compile(n, prog);
            let end = prog.len();
            prog[split] = Inst::Split(split + 1, end);
        }
        Node::Star(n) => {
            let split = prog.len();
            prog.push(Inst::Split(split + 1, 0));
            compile(n, prog);
            prog.push(Inst::Jmp(split));
            let end = prog.len();
            prog[split] = Inst::Split(split + 1, end);
        }
    }
}

/// [`CurrencyOptions`] compiled: what [`is_currency`] runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    prog: Vec<Inst>,
    /// The program as a DFA, when it has at most [`MAX_DFA_STATES`] states (always, for
    /// every realistic format); else the VM runs the program.
    dfa: Option<Dfa>,
}

/// The most DFA states built for one format.
const MAX_DFA_STATES: usize = 512;
/// The DFA's dead state: no thread is left.
const DEAD: u32 = 0;

/// The program determinized. A state is the set of program counters the threads reach
/// after consuming a unit, before the epsilon closure, so that the closure can see the
/// unit about to be consumed (the look-aheads `(?!-)` and `(?!$)`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dfa {
    /// The class of each ASCII unit.
    ascii: Vec<u16>,
    /// The classes of the other units the program names, sorted by unit.
    named: Vec<(u16, u16)>,
    /// The class of every other unit.
    other: u16,
    classes: usize,
    /// `transitions[state * classes + class]`.
    transitions: Vec<u32>,
    accepting: Vec<bool>,
}

impl Dfa {
    fn class(&self, u: u16) -> u16 {
        match self.ascii.get(usize::from(u)) {
            Some(&c) => c,
            None => match self.named.binary_search_by_key(&u, |&(unit, _)| unit) {
                Ok(i) => self.named.get(i).map_or(self.other, |&(_, c)| c),
                Err(_) => self.other,
            },
        }
    }

    fn run(&self, s: &str) -> bool {
        let mut state = 1usize;
        for u in s.encode_utf16() {
            let next = self.transitions.get(state * self.classes + usize::from(self.class(u)));
            match next {
                Some(&n) if n != DEAD => state = n as usize,
                _ => return false,
            }
        }
        self.accepting.get(state).copied().unwrap_or(false)
    }
}

impl Currency {
    /// Compiles `options`.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for a symbol or separator validator.js would read as other regex
    /// syntax than literals and `.` (see the module), an empty separator or one starting
    /// with an ASCII letter or digit, a symbol or separator longer than
    /// [`MAX_CURRENCY_TEXT`] units, or a `digits_after_decimal` that is empty, longer than
    /// [`MAX_DECIMAL_COUNTS`] or has an entry above [`MAX_DECIMAL_DIGITS`].
    pub fn new(options: &CurrencyOptions) -> Result<Currency> {
        let mut prog = Vec::new();
        compile(&pattern(options)?, &mut prog);
        prog.push(Inst::Match);
        let mut currency = Currency { prog, dfa: None };
        currency.dfa = currency.determinize();
        Ok(currency)
    }

    /// The closed thread set of `raw` when `next` is the unit about to be consumed.
    fn closure(&self, raw: &[usize], next: Option<u16>) -> Vec<usize> {
        let mut set = Threads::new(self.prog.len());
        let mut stack = Vec::new();
        for &pc in raw {
            self.add(&mut set, &mut stack, pc, next);
        }
        set.dense
    }

    /// The raw set after consuming `u` from the closed set `closed`.
    fn step(&self, closed: &[usize], u: u16) -> Vec<usize> {
        let mut out: Vec<usize> =
            closed.iter().filter(|&&pc| self.consumes(pc, u)).map(|&pc| pc + 1).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn consumes(&self, pc: usize, u: u16) -> bool {
        match self.prog.get(pc) {
            Some(Inst::Unit(c)) => *c == u,
            Some(Inst::Any) => !is_line_terminator(u),
            Some(Inst::Digit) => (0x30..=0x39).contains(&u),
            Some(Inst::NonZero) => (0x31..=0x39).contains(&u),
            _ => false,
        }
    }

    /// Subset construction over unit classes: every unit the program or the look-aheads
    /// name (digits, `-`, line terminators, literals) is its own class, all others one.
    /// `None` past [`MAX_DFA_STATES`].
    fn determinize(&self) -> Option<Dfa> {
        let mut units: Vec<u16> = (0x30..=0x39).chain([0x2D, 0x0A, 0x0D, 0x2028, 0x2029]).collect();
        units.extend(self.prog.iter().filter_map(|i| match i {
            Inst::Unit(u) => Some(*u),
            _ => None,
        }));
        units.sort_unstable();
        units.dedup();
        // A unit no instruction names stands for the "other" class.
        let other_unit = (0xE000..=0xFFFF).find(|u| units.binary_search(u).is_err())?;
        let classes = units.len() + 1;
        let other = u16::try_from(units.len()).ok()?;
        let mut ascii = vec![other; 128];
        let mut named = Vec::new();
        for (c, &u) in units.iter().enumerate() {
            let c = u16::try_from(c).ok()?;
            match ascii.get_mut(usize::from(u)) {
                Some(slot) => *slot = c,
                None => named.push((u, c)),
            }
        }
        let representative: Vec<u16> = units.iter().copied().chain([other_unit]).collect();
        // State 0 is dead (no threads), state 1 the start.
        let mut states: Vec<Vec<usize>> = vec![Vec::new(), vec![0]];
        let mut index = std::collections::HashMap::new();
        index.insert(Vec::new(), DEAD);
        index.insert(vec![0], 1u32);
        let mut transitions = vec![DEAD; classes];
        let mut s = 1;
        while let Some(raw) = states.get(s).cloned() {
            // The look-aheads only tell `-` from the other units.
            let closed = self.closure(&raw, Some(0));
            let closed_dash = self.closure(&raw, Some(u16::from(b'-')));
            for &u in &representative {
                let from = if u == u16::from(b'-') { &closed_dash } else { &closed };
                let next = self.step(from, u);
                let id = match index.get(&next) {
                    Some(&id) => id,
                    None => {
                        if states.len() >= MAX_DFA_STATES {
                            return None;
                        }
                        let id = u32::try_from(states.len()).ok()?;
                        index.insert(next.clone(), id);
                        states.push(next);
                        id
                    }
                };
                transitions.push(id);
            }
            s += 1;
        }
        let accepting = states
            .iter()
            .map(|raw| {
                !raw.is_empty()
                    && self
                        .closure(raw, None)
                        .iter()
                        .any(|&pc| self.prog.get(pc) == Some(&Inst::Match))
            })
            .collect();
        Some(Dfa { ascii, named, other, classes, transitions, accepting })
    }
}

/// A set of program counters with O(1) insert, membership and clear.
struct Threads {
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl Threads {
    fn new(n: usize) -> Threads {
        Threads { dense: Vec::with_capacity(n), sparse: vec![0; n] }
    }

    fn contains(&self, pc: usize) -> bool {
        self.sparse.get(pc).is_some_and(|&i| self.dense.get(i) == Some(&pc))
    }

    fn insert(&mut self, pc: usize) -> bool {
        if self.contains(pc) {
            return false;
        }
        if let Some(slot) = self.sparse.get_mut(pc) {
            *slot = self.dense.len();
            self.dense.push(pc);
            return true;
        }
        false
    }
}

impl Currency {
    /// Adds `pc` and everything reachable from it without consuming, where `next` is the
    /// unit the threads will consume (`None` at the end).
    fn add(&self, set: &mut Threads, stack: &mut Vec<usize>, pc: usize, next: Option<u16>) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !set.insert(pc) {
                continue;
            }
            match self.prog.get(pc) {
                Some(Inst::Jmp(to)) => stack.push(*to),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::NotNext(u)) if next != Some(*u) => stack.push(pc + 1),
                Some(Inst::NotEnd) if next.is_some() => stack.push(pc + 1),
                _ => {}
            }
        }
    }

    fn run(&self, s: &str) -> bool {
        if let Some(dfa) = &self.dfa {
            return dfa.run(s);
        }
        self.simulate(s)
    }

    /// The Pike VM: every live thread advances by one unit per step.
    fn simulate(&self, s: &str) -> bool {
        let n = self.prog.len();
        let (mut now, mut then) = (Threads::new(n), Threads::new(n));
        let mut stack = Vec::with_capacity(n);
        let mut units = s.encode_utf16().peekable();
        self.add(&mut now, &mut stack, 0, units.peek().copied());
        while let Some(u) = units.next() {
            if now.dense.is_empty() {
                return false;
            }
            let next = units.peek().copied();
            then.dense.clear();
            for &pc in &now.dense {
                if self.consumes(pc, u) {
                    self.add(&mut then, &mut stack, pc + 1, next);
                }
            }
            std::mem::swap(&mut now, &mut then);
        }
        now.dense.iter().any(|&pc| self.prog.get(pc) == Some(&Inst::Match))
    }
}

/// `true` when `s` is an amount of money in the compiled format, as validator.js
/// `isCurrency` decides with the same options.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_currency, Currency, CurrencyOptions};
/// let us = Currency::new(&CurrencyOptions::default()).unwrap();
/// assert!(is_currency("-$10,123.45", &us) && is_currency(".03", &us));
/// assert!(!is_currency("$1.234", &us) && !is_currency("$ 32.50", &us) && !is_currency("00", &us));
/// let it = Currency::new(&CurrencyOptions {
///     symbol: "€".into(),
///     thousands_separator: ".".into(),
///     decimal_separator: ",".into(),
///     allow_space_after_symbol: true,
///     ..CurrencyOptions::default()
/// })
/// .unwrap();
/// assert!(is_currency("-€ 1.234.567,89", &it) && !is_currency("€ 1,1", &it));
/// ```
pub fn is_currency(s: &str, currency: &Currency) -> bool {
    // ^(?!-? ): no leading space, nor a sign then a space.
    if s.starts_with(' ') || s.starts_with("- ") {
        return false;
    }
    // (?=.*\d): a digit before the first line terminator.
    let digit = s
        .encode_utf16()
        .take_while(|&u| !is_line_terminator(u))
        .any(|u| (0x30..=0x39).contains(&u));
    digit && currency.run(s)
}

/// validator.js's options object; a value of another type (validator.js coerces them or
/// throws a `TypeError`) is INVALID_OPTIONS, and so is a symbol or separator it would
/// read as a pattern (see [`Currency::new`]).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let d = CurrencyOptions::default();
    let digits_after_decimal = match o.numbers("digits_after_decimal")? {
        None => d.digits_after_decimal,
        Some(list) => list
            .into_iter()
            .map(|n| {
                if n.fract() == 0.0 && (0.0..=f64::from(MAX_DECIMAL_DIGITS)).contains(&n) {
                    Ok(n as u32)
                } else {
                    Err(invalid(format!(
                        "isCurrency: digits_after_decimal entries must be integers from 0 to {MAX_DECIMAL_DIGITS}, got {n}"
                    )))
                }
            })
            .collect::<Result<Vec<_>>>()?,
    };
    let options = CurrencyOptions {
        symbol: o.string("symbol")?.unwrap_or(d.symbol),
        require_symbol: o.bool("require_symbol", d.require_symbol)?,
        allow_space_after_symbol: o.bool("allow_space_after_symbol", d.allow_space_after_symbol)?,
        symbol_after_digits: o.bool("symbol_after_digits", d.symbol_after_digits)?,
        allow_negatives: o.bool("allow_negatives", d.allow_negatives)?,
        parens_for_negatives: o.bool("parens_for_negatives", d.parens_for_negatives)?,
        negative_sign_before_digits: o
            .bool("negative_sign_before_digits", d.negative_sign_before_digits)?,
        negative_sign_after_digits: o
            .bool("negative_sign_after_digits", d.negative_sign_after_digits)?,
        allow_negative_sign_placeholder: o
            .bool("allow_negative_sign_placeholder", d.allow_negative_sign_placeholder)?,
        thousands_separator: o.string("thousands_separator")?.unwrap_or(d.thousands_separator),
        decimal_separator: o.string("decimal_separator")?.unwrap_or(d.decimal_separator),
        allow_decimal: o.bool("allow_decimal", d.allow_decimal)?,
        require_decimal: o.bool("require_decimal", d.require_decimal)?,
        digits_after_decimal,
        allow_space_after_digits: o.bool("allow_space_after_digits", d.allow_space_after_digits)?,
    };
    Ok(Rule::Currency(Box::new(Currency::new(&options)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(o: CurrencyOptions) -> Currency {
        match Currency::new(&o) {
            Ok(c) => c,
            Err(err) => panic!("{o:?}: {err}"),
        }
    }

    fn check(o: CurrencyOptions, valid: &[&str], invalid: &[&str]) {
        let c = compiled(o.clone());
        for s in valid {
            assert!(is_currency(s, &c), "{s:?} should be valid with {o:?}");
        }
        for s in invalid {
            assert!(!is_currency(s, &c), "{s:?} should be invalid with {o:?}");
        }
    }

    fn d() -> CurrencyOptions {
        CurrencyOptions::default()
    }

    #[test]
    fn default_format() {
        check(
            d(),
            &["$1,000", "-$5.25", "1000000", "0", "$0.99", ".50", "-7", "$999,999,999.00", "12"],
            &["", "$", "-", "$ 5", " 5", "- 5", "5$", "1,00", "1.5", "1.555", "007", "$-5", "5-"],
        );
    }

    #[test]
    fn decimals() {
        let no_decimal = CurrencyOptions { allow_decimal: false, ..d() };
        check(no_decimal, &["$4,321", "-9", "0"], &["$4,321.00", "0.5", ".25"]);
        let required = CurrencyOptions { require_decimal: true, ..d() };
        check(required, &["$4,321.00", ".25", "-0.75"], &["$4,321", "7", "7."]);
        // require_decimal wins over allow_decimal: false, as in validator.js.
        let both = CurrencyOptions { require_decimal: true, allow_decimal: false, ..d() };
        check(both, &["7.50"], &["7"]);
        let counts = CurrencyOptions { digits_after_decimal: vec![0, 3], ..d() };
        check(counts, &["1.", "1.250", "8"], &["1.2", "1.25", "1.2500"]);
    }

    #[test]
    fn symbols() {
        let required = CurrencyOptions { require_symbol: true, ..d() };
        check(required, &["$8", "-$8.10"], &["8", "8.10", "-8"]);
        let after = CurrencyOptions {
            symbol: "€".into(),
            symbol_after_digits: true,
            allow_space_after_digits: true,
            ..d()
        };
        check(after, &["5€", "5 €", "-5.10 €", "5"], &["€5", "5 ", "5  €", "5€ "]);
        let spaced = CurrencyOptions { allow_space_after_symbol: true, ..d() };
        check(spaced, &["$ 3", "-$ 3", "$3"], &["$  3", " 3", "$ "]);
        let word = CurrencyOptions { symbol: "CHF".into(), allow_space_after_symbol: true, ..d() };
        check(word, &["CHF 12.50", "CHF12"], &["chf 12", "$12"]);
    }

    #[test]
    fn negatives() {
        let none = CurrencyOptions { allow_negatives: false, ..d() };
        check(none, &["$3"], &["-$3", "-3", "(3)"]);
        let parens = CurrencyOptions { parens_for_negatives: true, ..d() };
        check(parens, &["($3.50)", "(3)", "$3"], &["-$3", "(-3)", "( 3)", "()", "(3"]);
        let before = CurrencyOptions { negative_sign_before_digits: true, ..d() };
        check(before, &["$-3", "-3", "$3"], &["-$3", "$3-"]);
        let after = CurrencyOptions { negative_sign_after_digits: true, ..d() };
        check(after, &["$3-", "3-"], &["-$3", "$-3"]);
        // Both: the sign after the digits wins.
        let both = CurrencyOptions {
            negative_sign_before_digits: true,
            negative_sign_after_digits: true,
            ..d()
        };
        check(both, &["3-"], &["-3"]);
    }

    #[test]
    fn placeholder_space() {
        let rand = CurrencyOptions {
            symbol: "R".into(),
            negative_sign_before_digits: true,
            thousands_separator: " ".into(),
            decimal_separator: ",".into(),
            allow_negative_sign_placeholder: true,
            ..d()
        };
        check(
            rand,
            &["R 5 000,25", "R-5 000", "R5", "5 000", "-12"],
            &["R -5", "R- 5", "R", "5 00", " 5", "5 "],
        );
    }

    #[test]
    fn separators() {
        let swiss = CurrencyOptions { thousands_separator: "'".into(), ..d() };
        check(swiss, &["1'000'000.00"], &["1,000", "1'00"]);
        // validator.js leaves a second '.' live: it is JS's `.`.
        let rub = CurrencyOptions {
            symbol: "руб.".into(),
            symbol_after_digits: true,
            allow_space_after_digits: true,
            ..d()
        };
        check(rub, &["5 руб.", "5 рубX"], &["5 руб", "5 руб\n"]);
        let wild = CurrencyOptions { thousands_separator: ".".into(), ..d() };
        check(wild, &["1.000"], &["1.0000"]);
    }

    #[test]
    fn code_units() {
        // A wildcard sees one UTF-16 unit: an astral character takes two.
        let one = CurrencyOptions { symbol: "€.".into(), require_symbol: true, ..d() };
        check(one, &["€a5", "€-5", "€5"], &["€😀5", "€"]);
        let astral = CurrencyOptions { symbol: "𝔖".into(), ..d() };
        check(astral, &["𝔖5", "5"], &["𝔗5"]);
    }

    #[test]
    fn look_aheads() {
        // (?=.*\d) looks at the first line only.
        let nl = CurrencyOptions { symbol: "\n".into(), ..d() };
        check(nl, &["5"], &["\n5", "\n"]);
        let nl_after = CurrencyOptions { symbol: "\n".into(), symbol_after_digits: true, ..d() };
        check(nl_after, &["5\n"], &["\n"]);
        let sym_digit = CurrencyOptions { symbol: "1$".into(), ..d() };
        check(sym_digit, &["1$", "1$5"], &["$5"]);
    }

    #[test]
    fn bad_options() {
        for o in [
            CurrencyOptions { symbol: " $".into(), ..d() },
            CurrencyOptions { symbol: "$$".into(), ..d() },
            CurrencyOptions { symbol: "a(b)".into(), ..d() },
            CurrencyOptions { symbol: "€*".into(), ..d() },
            CurrencyOptions { symbol: "x".repeat(33), ..d() },
            CurrencyOptions { thousands_separator: String::new(), ..d() },
            CurrencyOptions { decimal_separator: String::new(), ..d() },
            CurrencyOptions { thousands_separator: "d".into(), ..d() },
            CurrencyOptions { decimal_separator: "1".into(), ..d() },
            CurrencyOptions { decimal_separator: ",|".into(), ..d() },
            CurrencyOptions { digits_after_decimal: vec![], ..d() },
            CurrencyOptions { digits_after_decimal: vec![101], ..d() },
            CurrencyOptions { digits_after_decimal: vec![2; 17], ..d() },
        ] {
            assert!(Currency::new(&o).is_err(), "{o:?}");
        }
        for json in [
            r#"{"symbol": 5}"#,
            r#"{"allow_negatives": "no"}"#,
            r#"{"digits_after_decimal": 2}"#,
            r#"{"digits_after_decimal": [1.5]}"#,
            r#"{"digits_after_decimal": [-1]}"#,
            r#"{"digits_after_decimal": ["2"]}"#,
            r#"{"symbols": "$"}"#,
        ] {
            assert!(Rule::from_json("isCurrency", json).is_err(), "{json}");
        }
    }

    #[test]
    fn the_dfa_and_the_vm_agree() {
        let inputs = [
            "",
            "$",
            "-",
            "0",
            "00",
            "$1,234.56",
            "-$1,234.56",
            "$-1,234.56",
            "1,234.56-",
            "(1,234.56)",
            "($1.00)",
            "( 1)",
            "R 1 000,00",
            "R -1",
            "R-1",
            "1 €",
            "1 ",
            "€ 1",
            "1.234,56",
            "kr. -1.234,56",
            "- 1",
            " 1",
            "1\n",
            "x1",
            "1.0",
            ".5",
            "5.",
        ];
        let mut n = 0;
        for bits in 0u32..1 << 9 {
            let bit = |k: u32| bits & (1 << k) != 0;
            let mut o = CurrencyOptions {
                require_symbol: bit(0),
                allow_space_after_symbol: bit(1),
                symbol_after_digits: bit(2),
                allow_negatives: !bit(3),
                parens_for_negatives: bit(4),
                negative_sign_before_digits: bit(5),
                negative_sign_after_digits: bit(6),
                allow_negative_sign_placeholder: bit(7),
                allow_space_after_digits: bit(8),
                ..d()
            };
            for (symbol, thousands, decimal) in
                [("$", ",", "."), ("€", ".", ","), ("R", " ", ","), ("kr.", ".", ",")]
            {
                o.symbol = symbol.into();
                o.thousands_separator = thousands.into();
                o.decimal_separator = decimal.into();
                let c = compiled(o.clone());
                assert!(c.dfa.is_some(), "{o:?}");
                for s in inputs {
                    let want = c.simulate(s);
                    assert_eq!(c.run(s), want, "{s:?} with {o:?}");
                    n += usize::from(want);
                }
            }
        }
        assert!(n > 1000, "{n} matches");
    }

    #[test]
    fn huge_inputs_are_linear() {
        let c = compiled(d());
        let big = format!("${}", "1".repeat(1 << 20));
        assert!(is_currency(&big, &c));
        let grouped = format!("1{}.00", ",000".repeat(1 << 18));
        assert!(is_currency(&grouped, &c));
        assert!(!is_currency(&format!("{grouped}0"), &c));
        let digits_symbol =
            compiled(CurrencyOptions { symbol: "0".repeat(32), symbol_after_digits: true, ..d() });
        let zeros = format!("1{}", "0".repeat(1 << 20));
        assert!(is_currency(&zeros, &digits_symbol));
        assert!(!is_currency(&format!("{zeros}x"), &digits_symbol));
    }
}
