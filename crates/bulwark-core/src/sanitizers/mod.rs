//! String sanitizers with validator.js 13.x names, arguments and results: `trim`, `ltrim`,
//! `rtrim`, `stripLow`, `blacklist`, `whitelist`, `normalizeEmail`, `toInt`, `toFloat`,
//! `toBoolean`, plus [`normalize_unicode`] (`String.prototype.normalize` forms).
//!
//! One file per function, as validator.js has one file per function.
//!
//! # Compatibility model
//!
//! validator.js works on JavaScript strings, that is on UTF-16 code units, with regexes that
//! are not in Unicode mode. Every function here has a `&str` form for Rust callers and a
//! `*_units` form over UTF-16 code units that the bindings use, so that strings holding lone
//! surrogates are handled exactly as validator.js handles them (a Rust `str` cannot hold one).
//!
//! `trim`, `ltrim`, `rtrim`, `blacklist` and `whitelist` put their `chars` argument inside a
//! regex character class. [`CharClass`] parses that class exactly as V8 does for the pattern
//! validator.js builds (Annex B syntax, code units, `\d \s \w`, ranges, octal and control
//! escapes), but never runs a regex: the functions scan the input once. Where validator.js
//! would build something other than one character class, or a pattern that does not
//! compile, [`CharClass`] refuses with `INVALID_OPTIONS` (see its docs).
//!
//! # Linear time
//!
//! Every function is one pass over its input (validator.js's `rtrim` with `chars` was
//! quadratic: CVE-2021-3765).

mod blacklist;
mod char_class;
mod ltrim;
mod normalize_email;
mod normalize_unicode;
mod rtrim;
mod strip_low;
mod to_boolean;
mod to_float;
mod to_int;
mod trim;
mod whitelist;

use std::borrow::Cow;

pub use blacklist::{blacklist, remove_units};
pub use char_class::{CharClass, CharsKind};
pub use ltrim::{ltrim, ltrim_units};
pub use normalize_email::{NormalizeEmailOptions, normalize_email};
pub use normalize_unicode::{NormalizationForm, normalize_unicode, normalize_unicode_units};
pub use rtrim::{rtrim, rtrim_units};
pub use strip_low::{strip_low, strip_low_units};
pub use to_boolean::{to_boolean, to_boolean_units};
pub use to_float::{to_float, to_float_units};
pub use to_int::{to_int, to_int_units};
pub use trim::{trim, trim_units};
pub use whitelist::whitelist;

use crate::{Error, ErrorCode, Result};

/// JavaScript's `\s` (and `String.prototype.trim`) set as UTF-16 units: WhiteSpace and
/// LineTerminator.
#[inline]
pub(crate) fn is_js_space_unit(u: u16) -> bool {
    matches!(
        u,
        0x09..=0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
    )
}

/// [`is_js_space_unit`] for a `char` (every member is in the BMP).
#[inline]
pub(crate) fn is_js_space(c: char) -> bool {
    u16::try_from(u32::from(c)).is_ok_and(is_js_space_unit)
}

/// The UTF-16 units of `s`.
pub(crate) fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// `units` as a `String`, or `INVALID_UNICODE` when they hold a lone surrogate (which a
/// `str` cannot represent).
pub(crate) fn string_from_units(units: &[u16]) -> Result<String> {
    String::from_utf16(units).map_err(|_| {
        Error::new(
            ErrorCode::InvalidUnicode,
            "the result would hold a lone surrogate (chars splits a surrogate pair); use the *_units function",
        )
    })
}

/// The bounds `(start, end)` left after trimming units of `class` from the left and/or right.
pub(crate) fn trim_bounds(
    input: &[u16],
    class: &CharClass,
    left: bool,
    right: bool,
) -> (usize, usize) {
    let start = if left {
        input.iter().position(|&u| !class.contains(u)).unwrap_or(input.len())
    } else {
        0
    };
    let end = if right {
        input.iter().rposition(|&u| !class.contains(u)).map_or(start, |i| i + 1)
    } else {
        input.len()
    };
    (start, end.max(start))
}

/// `trim`, `ltrim` and `rtrim` on a `str`: JavaScript whitespace directly, or the class of
/// `chars` on the UTF-16 form, mapped back to a slice of `input`.
pub(crate) fn trim_str<'a>(
    input: &'a str,
    chars: Option<&str>,
    left: bool,
    right: bool,
) -> Result<Cow<'a, str>> {
    let Some(chars) = chars else {
        let out = match (left, right) {
            (true, true) => input.trim_matches(is_js_space),
            (true, false) => input.trim_start_matches(is_js_space),
            _ => input.trim_end_matches(is_js_space),
        };
        return Ok(Cow::Borrowed(out));
    };
    let class = CharClass::parse(CharsKind::Trim, &utf16(chars))?;
    let (start, end) = trim_bounds(&utf16(input), &class, left, right);
    str_slice_by_units(input, start, end)
}

/// The part of `input` that is `units[start..end]` of its UTF-16 form, borrowed, or
/// `INVALID_UNICODE` when a boundary falls inside a surrogate pair.
pub(crate) fn str_slice_by_units(input: &str, start: usize, end: usize) -> Result<Cow<'_, str>> {
    let mut unit = 0;
    let (mut from, mut to) = (None, None);
    for (byte, c) in input.char_indices().chain(std::iter::once((input.len(), '\0'))) {
        if unit == start {
            from = Some(byte);
        }
        if unit == end {
            to = Some(byte);
            break;
        }
        unit += c.len_utf16();
    }
    match (from, to) {
        (Some(from), Some(to)) => Ok(Cow::Borrowed(&input[from..to])),
        _ => string_from_units(&utf16(input)[start..end]).map(Cow::Owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_space_set() {
        for u in [
            0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A, 0x2028,
            0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
        ] {
            assert!(is_js_space_unit(u), "{u:#x}");
        }
        for u in [
            0x00, 0x08, 0x0E, 0x1F, 0x21, 0x85, 0x180E, 0x200B, 0x2027, 0x202A, 0xFEFE, 0xD800,
            0xFFFF,
        ] {
            assert!(!is_js_space_unit(u), "{u:#x}");
        }
        assert!(is_js_space('\u{3000}'));
        assert!(!is_js_space('\u{1F600}'));
    }

    #[test]
    fn slices_by_units() {
        assert_eq!(str_slice_by_units("a😀b", 1, 3).ok(), Some(Cow::Borrowed("😀")));
        assert_eq!(str_slice_by_units("a😀b", 0, 4).ok(), Some(Cow::Borrowed("a😀b")));
        assert_eq!(str_slice_by_units("a😀b", 4, 4).ok(), Some(Cow::Borrowed("")));
        let err = str_slice_by_units("a😀b", 2, 4).err().map(|e| e.code());
        assert_eq!(err, Some(ErrorCode::InvalidUnicode));
    }
}
