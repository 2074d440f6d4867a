//! Locale tables of validator.js `alpha.js`: the letter (and digit) classes of `isAlpha`
//! and `isAlphanumeric`, and the decimal separators of `isFloat`, `isNumeric` and
//! `isDecimal`.
//!
//! The tables are generated from validator 13.15 `lib/alpha.js` by
//! `scripts/gen-validator-tables.mjs` (into `tables/alpha.rs`, each class as merged code-unit
//! ranges; the JS layer's copy in `lib/validators/tables.js` comes from the same run). Its
//! patterns are JS regexes without the `u` flag, mostly with `i`: membership is decided
//! per UTF-16 code unit, with the `i` flag's canonicalization (a unit matches when its
//! simple uppercase, kept only if it is a single BMP unit and does not map non-ASCII to
//! ASCII, equals that of a class member). A 64 Kibit table per pattern is computed on first
//! use. The JS test suite compares every BMP code unit, for every locale, with validator.js.

use std::sync::OnceLock;

pub(crate) use super::tables::alpha::{ALPHA, ALPHANUMERIC, DECIMAL};

/// The shape of a locale pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `^[first]+$`
    Plus,
    /// `^[first]*$` (the empty string matches: `ko-KR`)
    Star,
    /// `^[first]+[second]*$` (`hi-IN`)
    PlusThenStar,
}

/// A locale pattern: one or two classes of code-unit ranges.
pub(crate) struct Pattern {
    cache: OnceLock<[Box<[u64; 1024]>; 2]>,
    case_insensitive: bool,
    kind: Kind,
    first: &'static [(u32, u32)],
    second: &'static [(u32, u32)],
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pattern")
            .field("kind", &self.kind)
            .field("first", &self.first)
            .finish_non_exhaustive()
    }
}

fn table(ranges: &[(u32, u32)], case_insensitive: bool) -> Box<[u64; 1024]> {
    let mut bits = Box::new([0u64; 1024]);
    let mut set = |unit: u32| bits[(unit >> 6) as usize] |= 1 << (unit & 63);
    if case_insensitive {
        let mut canon = Box::new([0u64; 1024]);
        for &(lo, hi) in ranges {
            for unit in lo..=hi {
                let c = super::js_canonicalize(unit);
                canon[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        for unit in 0..=0xFFFF {
            let c = super::js_canonicalize(unit);
            if canon[(c >> 6) as usize] & (1 << (c & 63)) != 0 {
                set(unit);
            }
        }
    } else {
        for &(lo, hi) in ranges {
            for unit in lo..=hi {
                set(unit);
            }
        }
    }
    bits
}

impl Pattern {
    /// A pattern of `kind` over `first` (and `second`) as code-unit ranges (the generated
    /// tables call this).
    pub(crate) const fn new(
        case_insensitive: bool,
        kind: Kind,
        first: &'static [(u32, u32)],
        second: &'static [(u32, u32)],
    ) -> Pattern {
        Pattern { cache: OnceLock::new(), case_insensitive, kind, first, second }
    }

    fn tables(&self) -> &[Box<[u64; 1024]>; 2] {
        self.cache.get_or_init(|| {
            [table(self.first, self.case_insensitive), table(self.second, self.case_insensitive)]
        })
    }

    /// Whether the pattern matches all of `s` (astral characters never match: no class
    /// holds surrogates).
    pub(crate) fn matches(&self, s: &str) -> bool {
        let [first, second] = self.tables();
        let member = |t: &[u64; 1024], c: char| {
            let unit = u32::from(c);
            unit <= 0xFFFF && t[(unit >> 6) as usize] & (1 << (unit & 63)) != 0
        };
        let mut chars = s.chars().peekable();
        let mut leading = 0usize;
        while chars.next_if(|&c| member(first, c)).is_some() {
            leading += 1;
        }
        match self.kind {
            Kind::Plus => leading > 0 && chars.next().is_none(),
            Kind::Star => chars.next().is_none(),
            Kind::PlusThenStar => leading > 0 && chars.all(|c| member(second, c)),
        }
    }

    #[cfg(test)]
    pub(crate) fn contains_unit(&self, unit: u32) -> bool {
        self.tables()[0][(unit >> 6) as usize] & (1 << (unit & 63)) != 0
    }
}

/// Looks a locale up in a table.
pub(crate) fn find<T: Copy>(table: &[(&'static str, T)], locale: &str) -> Option<T> {
    table.iter().find(|(name, _)| *name == locale).map(|&(_, value)| value)
}

/// The locales `isAlpha` accepts (validator.js `isAlphaLocales`).
///
/// # Examples
/// ```
/// assert!(bulwark_core::validators::alpha_locales().any(|l| l == "de-DE"));
/// ```
pub fn alpha_locales() -> impl Iterator<Item = &'static str> {
    ALPHA.iter().map(|(name, _)| *name)
}

/// The locales `isAlphanumeric` accepts (validator.js `isAlphanumericLocales`).
pub fn alphanumeric_locales() -> impl Iterator<Item = &'static str> {
    ALPHANUMERIC.iter().map(|(name, _)| *name)
}

/// The locales `isFloat`, `isNumeric` and `isDecimal` accept, with their decimal
/// separator.
pub fn decimal_locales() -> impl Iterator<Item = (&'static str, char)> {
    DECIMAL.iter().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(table: &[(&'static str, &'static Pattern)], locale: &str) -> &'static Pattern {
        match find(table, locale) {
            Some(p) => p,
            None => panic!("no locale {locale}"),
        }
    }

    #[test]
    fn case_insensitive_classes_follow_js_canonicalization() {
        let en = pattern(ALPHA, "en-US");
        assert!(en.matches("abcXYZ") && !en.matches("") && !en.matches("a1"));
        // JS: /[A-Z]/i matches neither the long s nor the Kelvin sign.
        assert!(!en.contains_unit(0x17F) && !en.contains_unit(0x212A));
        // µ (U+00B5) uppercases to Greek capital Mu, inside [Α-ώ].
        assert!(pattern(ALPHA, "el-GR").contains_unit(0xB5));
        assert!(pattern(ALPHA, "tr-TR").matches("İıiIçÇ"));
        assert!(pattern(ALPHA, "ko-KR").matches(""));
        let hi = pattern(ALPHA, "hi-IN");
        assert!(
            hi.matches("\u{905}\u{972}") && !hi.matches("\u{972}") && !hi.matches("\u{972}\u{905}")
        );
        let de = pattern(ALPHANUMERIC, "de-DE");
        assert!(de.matches("Straße42") && !de.matches("😀"));
        assert_eq!(find(DECIMAL, "de-DE"), Some(','));
        assert_eq!(find(DECIMAL, "ar"), Some('٫'));
        assert!(ALPHA.len() > 60 && ALPHANUMERIC.len() > 60);
    }
}
