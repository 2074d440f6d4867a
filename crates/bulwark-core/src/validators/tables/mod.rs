//! Tables of validator.js, generated from the installed package by
//! `scripts/gen-validator-tables.mjs` (every file here but this one): alpha.js's locale
//! classes and decimal separators (used by `super::alpha`), the ISO code sets and the
//! per-locale patterns of `isMobilePhone`, `isPostalCode`, `isPassportNumber`,
//! `isLicensePlate`, `isVAT` and `isTaxID`, and `isIdentityCard`'s locales and zh-CN region codes. `js-tests/validators-locale-tables.test.js` fails when a
//! generated file differs from what the script makes of the package.
//!
//! Patterns are kept as JS source and flags and compiled on first use by [`JsRegex`] (the
//! linear-time translation `matches` uses), once per entry. The few validator.js patterns
//! that use look-around carry a look-around-free equivalent (`linear`) written by the
//! generator; the original source stays here for the equality test.

use std::sync::OnceLock;

use serde_json::Value;

use super::js_regex::{JsRegex, code_units};
use super::rule::{Options, invalid};
use super::{is_js_space, utf16_len};
use crate::Result;

// rustfmt would rewrap the generated rows: the files are kept byte-equal to the generator's.
#[rustfmt::skip]
pub(crate) mod alpha;
#[rustfmt::skip]
pub(crate) mod identity_card;
#[rustfmt::skip]
pub(crate) mod iso_codes;
#[rustfmt::skip]
pub(crate) mod license_plate;
#[rustfmt::skip]
pub(crate) mod mobile_phone;
#[rustfmt::skip]
pub(crate) mod passport_number;
#[rustfmt::skip]
pub(crate) mod postal_code;
#[rustfmt::skip]
pub(crate) mod tax_id;
#[rustfmt::skip]
pub(crate) mod vat;

/// One entry of a locale table: a key and its JS pattern, or a hand-written check
/// (`custom`, the hash of validator.js's function source).
pub(crate) struct Entry {
    pub(crate) key: &'static str,
    source: &'static str,
    flags: &'static str,
    /// A look-around-free equivalent of `source`, when it has look-around.
    linear: Option<&'static str>,
    /// validator.js tests `str.trim()`.
    trim: bool,
    /// The least length in UTF-16 units (stands for a `(?=.{n,})` look-ahead).
    min_length: usize,
    custom: Option<&'static str>,
    regex: OnceLock<Option<JsRegex>>,
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entry").field("key", &self.key).finish_non_exhaustive()
    }
}

impl Entry {
    pub(crate) const fn new(key: &'static str, source: &'static str, flags: &'static str) -> Entry {
        Entry {
            key,
            source,
            flags,
            linear: None,
            trim: false,
            min_length: 0,
            custom: None,
            regex: OnceLock::new(),
        }
    }

    pub(crate) const fn custom(key: &'static str, source_hash: &'static str) -> Entry {
        let mut e = Entry::new(key, "", "");
        e.custom = Some(source_hash);
        e
    }

    pub(crate) const fn linear(mut self, source: &'static str) -> Entry {
        self.linear = Some(source);
        self
    }

    pub(crate) const fn trimmed(mut self) -> Entry {
        self.trim = true;
        self
    }

    pub(crate) const fn min_length(mut self, units: usize) -> Entry {
        self.min_length = units;
        self
    }

    /// Whether this entry is a hand-written check (see the validator using the table).
    pub(crate) fn is_custom(&self) -> bool {
        self.custom.is_some()
    }

    /// The compiled pattern; `None` for a custom entry or a pattern that does not compile
    /// (the tests rule that out; a validator then answers `false`: fails closed).
    pub(crate) fn regex(&self) -> Option<&JsRegex> {
        if self.custom.is_some() {
            return None;
        }
        self.regex
            .get_or_init(|| JsRegex::new(self.linear.unwrap_or(self.source), self.flags).ok())
            .as_ref()
    }

    /// `pattern.test(str)` (or of `str.trim()`), as validator.js calls it.
    pub(crate) fn test(&self, s: &str) -> bool {
        self.test_prepared(s, &code_units(s))
    }

    /// [`Entry::test`] with `units` = `code_units(s)`, made once when many entries are tried.
    pub(crate) fn test_prepared(&self, s: &str, units: &str) -> bool {
        if self.trim {
            let trimmed = s.trim_matches(is_js_space);
            if trimmed.len() != s.len() {
                return self.matches(trimmed, &code_units(trimmed));
            }
        }
        self.matches(s, units)
    }

    fn matches(&self, s: &str, units: &str) -> bool {
        if self.min_length > 0 && utf16_len(s) < self.min_length {
            return false;
        }
        self.regex().is_some_and(|re| re.is_match_prepared(s, units))
    }
}

/// The entry for `key`.
pub(crate) fn find<'a>(table: &'a [Entry], key: &str) -> Option<&'a Entry> {
    table.iter().find(|e| e.key == key)
}

/// Whether the sorted code list holds `code`.
pub(crate) fn has_code(list: &[&str], code: &str) -> bool {
    list.binary_search(&code).is_ok()
}

/// Whether `s.toUpperCase()` is in the sorted list of ASCII codes of `len` letters (JS
/// full case mapping: `'ß'` is `'SS'`). A mapping never shortens a string in characters, so
/// longer strings are refused before any mapping.
pub(crate) fn upper_is(s: &str, len: usize, accept: impl Fn(&str) -> bool) -> bool {
    if s.is_empty() || s.chars().nth(len).is_some() {
        return false;
    }
    accept(&s.to_uppercase())
}

/// Which entries of a table a validator tries: every one (`'any'`) or the listed ones.
#[derive(Debug, Clone)]
pub(crate) enum Pick {
    Any,
    Some(Vec<&'static Entry>),
}

impl PartialEq for Pick {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Pick::Any, Pick::Any) => true,
            (Pick::Some(a), Pick::Some(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| std::ptr::eq(*x, *y))
            }
            _ => false,
        }
    }
}

impl Pick {
    /// The entry named `key` (`'any'` when `any` allows it), or `None` when unknown.
    pub(crate) fn one(table: &'static [Entry], key: &str, any: bool) -> Option<Pick> {
        if any && key == "any" {
            return Some(Pick::Any);
        }
        find(table, key).map(|e| Pick::Some(vec![e]))
    }

    /// Whether any picked entry passes `check`, in table order.
    pub(crate) fn any(&self, table: &'static [Entry], check: impl Fn(&Entry) -> bool) -> bool {
        match self {
            Pick::Any => table.iter().any(check),
            Pick::Some(entries) => entries.iter().any(|e| check(e)),
        }
    }

    /// Whether `s` matches any picked entry's pattern; the code-unit text the patterns run
    /// on is made once, not once per entry.
    pub(crate) fn test(&self, table: &'static [Entry], s: &str) -> bool {
        let units = code_units(s);
        self.any(table, |e| e.test_prepared(s, &units))
    }

    /// Reads option `key`: a locale of `table`, `'any'` (when `any`), or with `list` an
    /// array of locales; `absent` when it is missing. An unknown locale is `INVALID_OPTIONS`.
    pub(crate) fn read(
        o: &mut Options,
        key: &str,
        table: &'static [Entry],
        list: bool,
        absent: Option<Pick>,
    ) -> Result<Pick> {
        let unknown =
            |o: &Options, locale: &str| invalid(format!("{}: invalid locale '{locale}'", o.name()));
        match o.take(key) {
            None => absent.ok_or_else(|| invalid(format!("{}: a {key} is required", o.name()))),
            Some(Value::String(s)) if s.is_empty() && absent.is_some() => {
                absent.ok_or_else(|| unknown(o, &s))
            }
            Some(Value::String(s)) => Pick::one(table, &s, true).ok_or_else(|| unknown(o, &s)),
            Some(Value::Array(items)) if list => {
                let mut picked: Vec<&'static Entry> = Vec::new();
                for item in items {
                    let Value::String(s) = item else {
                        return Err(o.wrong(key, "a string or an array of strings"));
                    };
                    let entry = find(table, &s).ok_or_else(|| unknown(o, &s))?;
                    if !picked.iter().any(|e| std::ptr::eq(*e, entry)) {
                        picked.push(entry);
                    }
                }
                Ok(Pick::Some(picked))
            }
            Some(_) => {
                Err(o.wrong(key, if list { "a string or an array of strings" } else { "a string" }))
            }
        }
    }

    /// The picked keys (`["any"]` for all).
    pub(crate) fn keys(&self) -> Vec<&'static str> {
        match self {
            Pick::Any => vec!["any"],
            Pick::Some(entries) => entries.iter().map(|e| e.key).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> [(&'static str, &'static [Entry]); 6] {
        [
            ("isMobilePhone", &mobile_phone::MOBILE_PHONE),
            ("isPostalCode", &postal_code::POSTAL_CODE),
            ("isPassportNumber", &passport_number::PASSPORT_NUMBER),
            ("isLicensePlate", &license_plate::LICENSE_PLATE),
            ("isVAT", &vat::VAT),
            ("isTaxID", &tax_id::TAX_ID_FORMAT),
        ]
    }

    #[test]
    fn every_pattern_compiles_without_look_around() {
        for (name, table) in tables() {
            for e in table {
                if e.is_custom() {
                    continue;
                }
                let source = e.linear.unwrap_or(e.source);
                if let Err(err) = JsRegex::new(source, e.flags) {
                    panic!("{name} {}: /{source}/{}: {err}", e.key, e.flags);
                }
                assert!(e.regex().is_some());
                if e.linear.is_some() {
                    // Rewritten: the original has look-around or a back-reference, which
                    // the linear-time engine refuses.
                    assert!(
                        JsRegex::new(e.source, e.flags).is_err(),
                        "{name} {}: a rewrite of a pattern the engine runs",
                        e.key
                    );
                }
            }
        }
    }

    #[test]
    fn code_lists_are_sorted_and_unique() {
        for list in [
            iso_codes::ISO31661_ALPHA2,
            iso_codes::ISO31661_ALPHA3,
            iso_codes::ISO31661_NUMERIC,
            iso_codes::ISO4217,
            iso_codes::ISO15924,
            iso_codes::ISO6391,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
            assert!(list.iter().all(|c| has_code(list, c)));
        }
    }

    #[test]
    fn entries_trim_and_bound_length() {
        let Some(sv) = find(&license_plate::LICENSE_PLATE, "sv-SE") else {
            panic!("sv-SE");
        };
        assert!(sv.test(" ABC 123 \u{FEFF}"));
        let Some(fi) = find(&license_plate::LICENSE_PLATE, "fi-FI") else {
            panic!("fi-FI");
        };
        assert!(fi.test("ABC-123") && !fi.test("A-1") && !fi.test("AB\n12"));
    }
}
