//! `normalizeUnicode(str, form)`: Unicode normalization (`String.prototype.normalize`).

use std::borrow::Cow;
use std::str::FromStr;

use std::sync::OnceLock;

use unicode_normalization::char::{
    canonical_combining_class, decompose_canonical, decompose_compatible,
};
use unicode_normalization::{
    IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick,
};

use crate::{Error, ErrorCode, Result};

/// A Unicode normalization form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NormalizationForm {
    /// Canonical decomposition, then canonical composition.
    Nfc,
    /// Canonical decomposition.
    Nfd,
    /// Compatibility decomposition, then canonical composition (folds `ﬁ`, `①`, fullwidth
    /// forms, ...: use for identifiers).
    Nfkc,
    /// Compatibility decomposition.
    Nfkd,
}

impl FromStr for NormalizationForm {
    type Err = Error;

    /// `"NFC"`, `"NFD"`, `"NFKC"` or `"NFKD"` (exactly, as `String.prototype.normalize`).
    fn from_str(form: &str) -> Result<Self> {
        match form {
            "NFC" => Ok(NormalizationForm::Nfc),
            "NFD" => Ok(NormalizationForm::Nfd),
            "NFKC" => Ok(NormalizationForm::Nfkc),
            "NFKD" => Ok(NormalizationForm::Nfkd),
            _ => Err(Error::new(
                ErrorCode::InvalidOptions,
                "form must be one of \"NFC\", \"NFD\", \"NFKC\", \"NFKD\"",
            )),
        }
    }
}

/// `input` in normalization form `form` (the `unicode-normalization` crate), borrowed when
/// it already is.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::{normalize_unicode, NormalizationForm};
/// assert_eq!(normalize_unicode("e\u{301}", NormalizationForm::Nfc), "\u{e9}");
/// assert_eq!(normalize_unicode("\u{e9}", NormalizationForm::Nfd), "e\u{301}");
/// assert_eq!(normalize_unicode("\u{FB01}le \u{FF11}", NormalizationForm::Nfkc), "file 1");
/// ```
pub fn normalize_unicode(input: &str, form: NormalizationForm) -> Cow<'_, str> {
    // Skip what the form leaves alone without looking at it character by character: every
    // character below the form's bound is normalized with combining class 0 (tested below).
    let Some(first) = input.bytes().position(|b| b >= stable_below(form)) else {
        return Cow::Borrowed(input);
    };
    // `first` starts a character (bytes >= the bound are lead bytes). Back up one character:
    // the stable starter before it may compose with what follows ("e" + U+0301).
    let start = input[..first].char_indices().next_back().map_or(0, |(i, _)| i);
    let tail = &input[start..];
    if quick_check(form, tail.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    out.push_str(&input[..start]);
    normalize_runs(tail, form, &mut out);
    if out == input { Cow::Borrowed(input) } else { Cow::Owned(out) }
}

/// Appends `text` in `form` to `out`. A character of the form's stable set (combining class
/// 0, quick check "yes") is a normalization boundary: no character before it reorders or
/// composes across it, and the form leaves it alone. So stable characters are copied as
/// they are, and the crate normalizes only each run of other characters, in a composing
/// form together with the stable character before the run (which it may compose with:
/// "e" + U+0301); in the decomposing forms a run is first decomposed without the crate's
/// iterator ([`decompose_run`]). The crate's iterators cost 3-5x a copy per character (a
/// profile in docs/performance.md); text is mostly stable characters with a few accented ones.
fn normalize_runs(text: &str, form: NormalizationForm, out: &mut String) {
    let stable = stable_bmp(form);
    let is_stable = |c: char| {
        let cp = u32::from(c);
        cp < 0x10000 && (stable[(cp >> 6) as usize] >> (cp & 63)) & 1 != 0
    };
    let composing = matches!(form, NormalizationForm::Nfc | NormalizationForm::Nfkc);
    // `text[..done]` is in `out`; every character from `done` to the next run is stable.
    let mut done = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_stable(c) {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next, d)) = chars.peek() {
            if is_stable(d) {
                break;
            }
            end = next + d.len_utf8();
            chars.next();
        }
        let from = if composing {
            text[done..at].char_indices().next_back().map_or(at, |(i, _)| done + i)
        } else {
            at
        };
        out.push_str(&text[done..from]);
        let run = &text[from..end];
        if !composing && decompose_run(&text[at..end], form, out) {
            done = end;
            continue;
        }
        match form {
            NormalizationForm::Nfc => out.extend(run.nfc()),
            NormalizationForm::Nfd => out.extend(run.nfd()),
            NormalizationForm::Nfkc => out.extend(run.nfkc()),
            NormalizationForm::Nfkd => out.extend(run.nfkd()),
        }
        done = end;
    }
    out.push_str(&text[done..]);
}

/// Appends the decomposition (`form` NFD or NFKD) of `run`, characters between two stable
/// characters, without the crate's iterator: each character's full decomposition, in turn.
/// The crate's answer is that sequence with each run of combining marks stably sorted by
/// combining class, so the two are equal when the sequence is already in that order; when
/// it is not, nothing is appended and the answer is false (the crate reorders).
fn decompose_run(run: &str, form: NormalizationForm, out: &mut String) -> bool {
    let mark = out.len();
    let mut last_class = 0;
    let mut ordered = true;
    for c in run.chars() {
        let mut emit = |d: char| {
            let class = canonical_combining_class(d);
            if class != 0 && class < last_class {
                ordered = false;
            }
            last_class = class;
            out.push(d);
        };
        match form {
            NormalizationForm::Nfd => decompose_canonical(c, &mut emit),
            _ => decompose_compatible(c, &mut emit),
        }
        if !ordered {
            out.truncate(mark);
            return false;
        }
    }
    true
}

/// The Unicode quick check for `form` (UAX #15): `No` on a combining class out of order or a
/// character the form never keeps, `Maybe` when only a full check can tell. Characters of
/// the form's stable set (a bit per BMP code point) take one table lookup.
fn quick_check(form: NormalizationForm, chars: impl Iterator<Item = char>) -> IsNormalized {
    let stable = stable_bmp(form);
    let mut result = IsNormalized::Yes;
    let mut last_class = 0;
    for c in chars {
        let cp = u32::from(c);
        if cp < 0x10000 && (stable[(cp >> 6) as usize] >> (cp & 63)) & 1 != 0 {
            last_class = 0;
            continue;
        }
        let class = canonical_combining_class(c);
        if class != 0 && last_class > class {
            return IsNormalized::No;
        }
        match quick_check_char(form, c) {
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
            IsNormalized::Yes => {}
        }
        last_class = class;
    }
    result
}

/// The crate's quick check of one character for `form`.
fn quick_check_char(form: NormalizationForm, c: char) -> IsNormalized {
    let one = std::iter::once(c);
    match form {
        NormalizationForm::Nfc => is_nfc_quick(one),
        NormalizationForm::Nfd => is_nfd_quick(one),
        NormalizationForm::Nfkc => is_nfkc_quick(one),
        NormalizationForm::Nfkd => is_nfkd_quick(one),
    }
}

/// One bit per BMP code point: set when the character has combining class 0 and quick check
/// "yes" for `form`, so that the quick check has nothing to do for it. Built once per form
/// from the crate's tables (65,536 lookups).
fn stable_bmp(form: NormalizationForm) -> &'static [u64; 1024] {
    static TABLES: [OnceLock<Box<[u64; 1024]>>; 4] = [const { OnceLock::new() }; 4];
    let index = match form {
        NormalizationForm::Nfc => 0,
        NormalizationForm::Nfd => 1,
        NormalizationForm::Nfkc => 2,
        NormalizationForm::Nfkd => 3,
    };
    TABLES[index].get_or_init(|| {
        let mut bits = Box::new([0u64; 1024]);
        for c in (0..0x10000).filter_map(char::from_u32) {
            if canonical_combining_class(c) == 0 && quick_check_char(form, c) == IsNormalized::Yes {
                let cp = u32::from(c);
                bits[(cp >> 6) as usize] |= 1 << (cp & 63);
            }
        }
        bits
    })
}

/// The smallest UTF-8 byte that may start a character `form` changes or reorders: every
/// character encoded with smaller bytes only is below U+0300 (NFC), U+00C0 (NFD) or U+0080
/// (NFKC, NFKD), all of which those forms leave alone and which have combining class 0.
fn stable_below(form: NormalizationForm) -> u8 {
    match form {
        NormalizationForm::Nfc => 0xCC,
        NormalizationForm::Nfd => 0xC3,
        NormalizationForm::Nfkc | NormalizationForm::Nfkd => 0x80,
    }
}

/// [`normalize_unicode`] over UTF-16 code units. Lone surrogates are kept where they are, as
/// `String.prototype.normalize` keeps them: a lone surrogate decomposes to nothing, never
/// combines and has combining class 0, so the well-formed runs between them are normalized
/// independently.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::{normalize_unicode_units, NormalizationForm};
/// let units: Vec<u16> = vec![0x65, 0x301, 0xD800, 0x65, 0x301];
/// assert_eq!(normalize_unicode_units(&units, NormalizationForm::Nfc).as_ref(), &[0xE9, 0xD800, 0xE9]);
/// ```
pub fn normalize_unicode_units(input: &[u16], form: NormalizationForm) -> Cow<'_, [u16]> {
    let Some(first) = input.iter().position(|&u| u >= stable_below_unit(form)) else {
        return Cow::Borrowed(input);
    };
    // The unit before `first` is a whole stable character (below U+0300): back up over it.
    let start = first.saturating_sub(1);
    let tail = &input[start..];
    // A lone surrogate has U+FFFD's properties here: combining class 0, no decomposition,
    // no composition, quick check "yes" in every form.
    if quick_check_units(form, tail) == IsNormalized::Yes {
        return Cow::Borrowed(input);
    }
    let mut out: Vec<u16> = Vec::with_capacity(input.len() + input.len() / 8);
    out.extend_from_slice(&input[..start]);
    let mut run = String::new();
    let mut normalized = String::new();
    let mut flush = |run: &mut String, out: &mut Vec<u16>| {
        normalized.clear();
        normalize_runs(run, form, &mut normalized);
        out.extend(normalized.encode_utf16());
        run.clear();
    };
    for decoded in char::decode_utf16(tail.iter().copied()) {
        match decoded {
            Ok(c) => run.push(c),
            Err(lone) => {
                flush(&mut run, &mut out);
                out.push(lone.unpaired_surrogate());
            }
        }
    }
    flush(&mut run, &mut out);
    if out == input { Cow::Borrowed(input) } else { Cow::Owned(out) }
}

/// [`quick_check`] over UTF-16 units, a lone surrogate counting as U+FFFD. A unit of the
/// form's stable set is a whole stable character (surrogates never are), so runs of them
/// are skipped without decoding: most of the cost of checking text that is already normal.
fn quick_check_units(form: NormalizationForm, units: &[u16]) -> IsNormalized {
    let stable = stable_bmp(form);
    let mut result = IsNormalized::Yes;
    let mut at = 0;
    while at < units.len() {
        let rest = &units[at..];
        let skip = rest
            .iter()
            .position(|&u| (stable[usize::from(u >> 6)] >> (u & 63)) & 1 == 0)
            .unwrap_or(rest.len());
        at += skip;
        if at == units.len() {
            break;
        }
        // A run of characters that are not stable, checked as before; it ends at the next
        // stable unit, which resets the combining class (as in `quick_check`).
        let end = units[at..]
            .iter()
            .position(|&u| (stable[usize::from(u >> 6)] >> (u & 63)) & 1 != 0)
            .map_or(units.len(), |n| at + n);
        let chars = char::decode_utf16(units[at..end].iter().copied())
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER));
        match quick_check(form, chars) {
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
            IsNormalized::Yes => {}
        }
        at = end;
    }
    result
}

/// The smallest code unit that may be (part of) a character `form` changes or reorders:
/// every character below it is left alone by the form and has combining class 0.
fn stable_below_unit(form: NormalizationForm) -> u16 {
    match form {
        NormalizationForm::Nfc => 0x300,
        NormalizationForm::Nfd => 0xC0,
        NormalizationForm::Nfkc | NormalizationForm::Nfkd => 0xA0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NormalizationForm::*;

    #[test]
    fn table() {
        // (input, NFC, NFD, NFKC, NFKD), as String.prototype.normalize gives them.
        let cases: &[(&str, &str, &str, &str, &str)] = &[
            ("", "", "", "", ""),
            ("abc", "abc", "abc", "abc", "abc"),
            ("\u{e9}", "\u{e9}", "e\u{301}", "\u{e9}", "e\u{301}"),
            ("e\u{301}", "\u{e9}", "e\u{301}", "\u{e9}", "e\u{301}"),
            (
                "\u{1E9B}\u{323}",
                "\u{1E9B}\u{323}",
                "\u{17F}\u{323}\u{307}",
                "\u{1E69}",
                "s\u{323}\u{307}",
            ),
            ("\u{FB01}", "\u{FB01}", "\u{FB01}", "fi", "fi"),
            ("\u{FF0E}\u{FF0F}", "\u{FF0E}\u{FF0F}", "\u{FF0E}\u{FF0F}", "./", "./"),
            ("\u{212B}", "\u{C5}", "A\u{30A}", "\u{C5}", "A\u{30A}"),
            ("\u{AC00}", "\u{AC00}", "\u{1100}\u{1161}", "\u{AC00}", "\u{1100}\u{1161}"),
            ("a\u{323}\u{302}", "\u{1EAD}", "a\u{323}\u{302}", "\u{1EAD}", "a\u{323}\u{302}"),
            ("\u{1F600}", "\u{1F600}", "\u{1F600}", "\u{1F600}", "\u{1F600}"),
            (
                "caf\u{e9} e\u{301}",
                "caf\u{e9} \u{e9}",
                "cafe\u{301} e\u{301}",
                "caf\u{e9} \u{e9}",
                "cafe\u{301} e\u{301}",
            ),
            (
                "\u{1100}\u{1161}\u{11A8}",
                "\u{AC01}",
                "\u{1100}\u{1161}\u{11A8}",
                "\u{AC01}",
                "\u{1100}\u{1161}\u{11A8}",
            ),
        ];
        for &(input, nfc, nfd, nfkc, nfkd) in cases {
            assert_eq!(normalize_unicode(input, Nfc), nfc, "NFC {input:?}");
            assert_eq!(normalize_unicode(input, Nfd), nfd, "NFD {input:?}");
            assert_eq!(normalize_unicode(input, Nfkc), nfkc, "NFKC {input:?}");
            assert_eq!(normalize_unicode(input, Nfkd), nfkd, "NFKD {input:?}");
        }
    }

    #[test]
    fn stable_bounds() {
        for form in [Nfc, Nfd, Nfkc, Nfkd] {
            let below = u32::from(stable_below_unit(form));
            let mut encoded = [0u8; 4];
            for c in (0..below).filter_map(char::from_u32) {
                let bytes_below =
                    c.encode_utf8(&mut encoded).bytes().all(|b| b < stable_below(form));
                assert!(bytes_below || form == Nfkc || form == Nfkd, "{c:?}");
                assert_eq!(canonical_combining_class(c), 0, "{c:?}");
                assert_eq!(quick_check_char(form, c), IsNormalized::Yes, "{form:?} {c:?}");
                assert!(
                    stable_bmp(form)[(u32::from(c) >> 6) as usize] & (1 << (u32::from(c) & 63))
                        != 0,
                    "{form:?} {c:?}"
                );
            }
            // The byte bound never lets through more than the unit bound.
            for c in (below..0x800).filter_map(char::from_u32) {
                assert!(
                    c.encode_utf8(&mut encoded).as_bytes()[0] >= stable_below(form),
                    "{form:?} {c:?}"
                );
            }
        }
    }

    #[test]
    fn below_u0300_every_character_is_a_starter_and_never_maybe() {
        // What makes the JS layer's per-form fast paths exact: a string made only of these
        // characters, each unchanged alone, is normalized (quick check "yes").
        for c in (0..0x300).filter_map(char::from_u32) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            for form in [Nfc, Nfd, Nfkc, Nfkd] {
                assert_ne!(quick_check_char(form, c), IsNormalized::Maybe, "{form:?} {c:?}");
            }
        }
    }

    #[test]
    fn quick_check_agrees_with_the_crate() {
        // Every pair of characters from a mix of stable, combining, composing and
        // compatibility characters: the table-driven check gives the crate's answer.
        let sample: Vec<char> = "aeAS\u{e9}\u{c5}\u{300}\u{301}\u{323}\u{345}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{fb01}\u{ff21}\u{2126}\u{212b}\u{3099}\u{304b}\u{f900}\u{1d15e}\u{fb1d}\u{b47}\u{b3e}\u{f73}"
            .chars()
            .collect();
        for form in [Nfc, Nfd, Nfkc, Nfkd] {
            for &a in &sample {
                for &b in &sample {
                    for &c in &sample {
                        let s = [a, b, c];
                        let crate_answer = match form {
                            Nfc => is_nfc_quick(s.iter().copied()),
                            Nfd => is_nfd_quick(s.iter().copied()),
                            Nfkc => is_nfkc_quick(s.iter().copied()),
                            Nfkd => is_nfkd_quick(s.iter().copied()),
                        };
                        assert_eq!(
                            quick_check(form, s.iter().copied()),
                            crate_answer,
                            "{form:?} {s:?}"
                        );
                    }
                }
            }
        }
    }

    /// The crate's answer for the whole string, without the boundary splitting.
    fn whole(s: &str, form: NormalizationForm) -> String {
        match form {
            Nfc => s.nfc().collect(),
            Nfd => s.nfd().collect(),
            Nfkc => s.nfkc().collect(),
            Nfkd => s.nfkd().collect(),
        }
    }

    /// Characters that compose, decompose, reorder, fold or sit on a run's edge: stable
    /// starters that compose with what follows, combining marks of different classes,
    /// Hangul jamo and syllables, compatibility characters, singletons, excluded
    /// compositions, characters whose decomposition starts with a non-starter, and
    /// characters outside the BMP (never in the stable table).
    const MIX: &str = "aeAEoSsu \u{e9}\u{c5}\u{1e9b}\u{17f}\u{300}\u{301}\u{302}\u{308}\u{323}\u{327}\u{345}\u{344}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{ac01}\u{fb01}\u{ff21}\u{ff9e}\u{2126}\u{212b}\u{3099}\u{309a}\u{304b}\u{30ab}\u{f900}\u{1d15e}\u{1d165}\u{fb1d}\u{b47}\u{b3e}\u{b57}\u{f73}\u{f71}\u{f72}\u{f80}\u{958}\u{93c}\u{915}\u{1f600}\u{2460}\u{fdfa}\u{1b05}\u{1b35}";

    #[test]
    fn runs_equal_the_crate_on_every_triple() {
        let sample: Vec<char> = MIX.chars().collect();
        for form in [Nfc, Nfd, Nfkc, Nfkd] {
            for &a in &sample {
                for &b in &sample {
                    for &c in &sample {
                        let s: String = [a, b, c].iter().collect();
                        let mut out = String::new();
                        normalize_runs(&s, form, &mut out);
                        assert_eq!(out, whole(&s, form), "{form:?} {s:?}");
                        assert_eq!(normalize_unicode(&s, form), whole(&s, form), "{form:?} {s:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_equal_the_crate(
            picks in proptest::collection::vec(0usize..1000, 0..64),
            any in proptest::collection::vec(proptest::char::any(), 0..8),
        ) {
            // Mostly the mix above, with arbitrary characters spliced in.
            let sample: Vec<char> = MIX.chars().collect();
            let mut s: String = picks.iter().map(|&i| sample[i % sample.len()]).collect();
            for (i, c) in any.into_iter().enumerate() {
                let at = s.char_indices().nth(i * 7).map_or(s.len(), |(k, _)| k);
                s.insert(at, c);
            }
            for form in [Nfc, Nfd, Nfkc, Nfkd] {
                proptest::prop_assert_eq!(normalize_unicode(&s, form), whole(&s, form), "{:?} {:?}", form, s);
            }
        }
    }

    #[test]
    fn one_character_decompositions_equal_the_crate() {
        // Every code point: the iterator-free path gives the crate's decomposition, or
        // declines (the marks need reordering) and appends nothing.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for form in [Nfd, Nfkd] {
                let mut out = String::from("x");
                if decompose_run(&c.to_string(), form, &mut out) {
                    assert_eq!(out[1..], whole(&c.to_string(), form), "{form:?} {c:?}");
                } else {
                    assert_eq!(out, "x", "{form:?} {c:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn units_equal_the_crate_between_lone_surrogates(
            picks in proptest::collection::vec(0usize..1000, 0..48),
            lone in proptest::collection::vec((0usize..48, 0xD800u16..0xE000), 0..4),
        ) {
            let sample: Vec<char> = MIX.chars().collect();
            let s: String = picks.iter().map(|&i| sample[i % sample.len()]).collect();
            let mut units: Vec<u16> = s.encode_utf16().collect();
            for (at, u) in lone {
                units.insert(at.min(units.len()), u);
            }
            for form in [Nfc, Nfd, Nfkc, Nfkd] {
                // The reference: the crate on each well-formed run, lone surrogates kept.
                let mut expected = Vec::new();
                let mut run = String::new();
                for d in char::decode_utf16(units.iter().copied()) {
                    match d {
                        Ok(c) => run.push(c),
                        Err(e) => {
                            expected.extend(whole(&run, form).encode_utf16());
                            run.clear();
                            expected.push(e.unpaired_surrogate());
                        }
                    }
                }
                expected.extend(whole(&run, form).encode_utf16());
                let got = normalize_unicode_units(&units, form).into_owned();
                proptest::prop_assert_eq!(got, expected, "{:?} {:x?}", form, units);
                let chars = char::decode_utf16(units.iter().copied()).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER));
                proptest::prop_assert_eq!(quick_check_units(form, &units), quick_check(form, chars));
            }
        }
    }

    #[test]
    fn forms() {
        assert_eq!("NFKC".parse::<NormalizationForm>().ok(), Some(Nfkc));
        for bad in ["nfc", "NFC ", "", "NFE"] {
            assert_eq!(
                bad.parse::<NormalizationForm>().err().map(|e| e.code()),
                Some(ErrorCode::InvalidOptions),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn lone_surrogates_stay() {
        let cases: &[(&[u16], NormalizationForm, &[u16])] = &[
            (&[0xD800], Nfc, &[0xD800]),
            (&[0x65, 0xDC00, 0x301], Nfc, &[0x65, 0xDC00, 0x301]),
            (&[0xE9, 0xD800], Nfd, &[0x65, 0x301, 0xD800]),
            (&[0xD83D, 0xDE00, 0xDE00, 0xFB01], Nfkc, &[0xD83D, 0xDE00, 0xDE00, 0x66, 0x69]),
            (&[0x65, 0x301, 0xDBFF], Nfc, &[0xE9, 0xDBFF]),
            (&[0xDBFF, 0x301, 0x65], Nfc, &[0xDBFF, 0x301, 0x65]),
            (&[0x61, 0xE9, 0xD800], Nfkd, &[0x61, 0x65, 0x301, 0xD800]),
            (&[0x41, 0x42], Nfd, &[0x41, 0x42]),
        ];
        for &(input, form, expected) in cases {
            assert_eq!(
                normalize_unicode_units(input, form).as_ref(),
                expected,
                "{input:x?} {form:?}"
            );
        }
    }

    #[test]
    fn megabyte_inputs() {
        // One base with a million combining marks: canonical reordering stays linear.
        let marks = format!("a{}", "\u{301}\u{323}".repeat(1 << 19));
        let nfd = normalize_unicode(&marks, Nfd);
        assert_eq!(nfd.chars().count(), 1 + (1 << 20));
        assert!(nfd.starts_with("a\u{323}"));
        let nfc = normalize_unicode(&marks, Nfc);
        assert!(nfc.starts_with("\u{1EA1}"));
    }
}
