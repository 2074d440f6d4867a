//! validator.js `blacklist`.

use std::borrow::Cow;

use super::{CharClass, CharsKind, string_from_units, utf16};
use crate::Result;

/// Removes every character in the class `[chars]`, as validator.js `blacklist(str, chars)`:
/// `chars` is regex class syntax (`"a-z"`, `"\\d"`, `"\\x00-\\x1F"`; a leading `^`
/// negates). See [`CharClass`] for what is refused.
///
/// # Errors
/// `INVALID_OPTIONS` for `chars` that are not one well-formed class body (an unescaped `]`,
/// a trailing backslash, a range out of order); `INVALID_UNICODE` if the result would hold
/// half a surrogate pair (use [`remove_units`]).
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::blacklist;
/// assert_eq!(blacklist("I like cats", "aeiou")?, "I lk cts");
/// assert_eq!(blacklist("a1b2c3", r"\d")?, "abc");
/// assert_eq!(blacklist("a[b]c", r"\[\]")?, "abc");
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn blacklist<'a>(input: &'a str, chars: &str) -> Result<Cow<'a, str>> {
    let class = CharClass::parse(CharsKind::Blacklist, &utf16(chars))?;
    remove_str(input, &class)
}

/// Removes every unit of `input` that is in `class`: `blacklist` with a class parsed for
/// [`CharsKind::Blacklist`], `whitelist` with one parsed for [`CharsKind::Whitelist`].
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::{remove_units, CharClass, CharsKind};
/// let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
/// let class = CharClass::parse(CharsKind::Whitelist, &units("a-z"))?;
/// let input = [0x61, 0x31, 0xD800, 0x62]; // "a1\u{D800}b", a lone surrogate
/// assert_eq!(remove_units(&input, &class).as_ref(), units("ab").as_slice());
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn remove_units<'a>(input: &'a [u16], class: &CharClass) -> Cow<'a, [u16]> {
    remove_where(input, |u| class.contains(u))
}

/// Units examined together when looking for the next unit to remove.
const CHUNK: usize = 32;

/// The index of the first unit matching `removed`, skipping whole chunks first (a cheap
/// predicate such as `stripLow`'s vectorizes there).
#[inline]
fn first_match(input: &[u16], removed: &impl Fn(u16) -> bool) -> Option<usize> {
    let mut start = 0;
    for chunk in input.chunks_exact(CHUNK) {
        if chunk.iter().fold(false, |acc, &u| acc | removed(u)) {
            break;
        }
        start += CHUNK;
    }
    input[start..].iter().position(|&u| removed(u)).map(|p| p + start)
}

/// `input` without the units matching `removed`. After the first match every unit is
/// written and the write position advances only for kept ones: no branch on the data, so
/// dense matches (blacklist("text", "aeiou")) cost what sparse ones do.
pub(crate) fn remove_where(input: &[u16], removed: impl Fn(u16) -> bool) -> Cow<'_, [u16]> {
    let Some(first) = first_match(input, &removed) else {
        return Cow::Borrowed(input);
    };
    let mut out = input.to_vec();
    let mut kept = first;
    for &u in &input[first..] {
        if let Some(slot) = out.get_mut(kept) {
            *slot = u;
        }
        kept += usize::from(!removed(u));
    }
    out.truncate(kept);
    Cow::Owned(out)
}

/// [`remove_units`] on a `str`: per character when `class` holds no surrogates (an astral
/// character is then never removed), else through UTF-16.
pub(crate) fn remove_str<'a>(input: &'a str, class: &CharClass) -> Result<Cow<'a, str>> {
    if class.has_surrogates() {
        let units = utf16(input);
        return match remove_units(&units, class) {
            Cow::Borrowed(_) => Ok(Cow::Borrowed(input)),
            Cow::Owned(out) => string_from_units(&out).map(Cow::Owned),
        };
    }
    let removed = |c: char| u16::try_from(u32::from(c)).is_ok_and(|u| class.contains(u));
    let Some(first) = input.find(removed) else {
        return Ok(Cow::Borrowed(input));
    };
    let mut out = String::with_capacity(input.len());
    out.push_str(&input[..first]);
    out.extend(input[first..].chars().filter(|&c| !removed(c)));
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn table() {
        let cases: &[(&str, &str, &str)] = &[
            ("abc", "", "abc"),
            ("abc", "^", ""),
            ("abc", "^b", "b"),
            ("a-b-c", "-", "abc"),
            ("a-b-c", "a-", "bc"),
            ("a\\b", r"\\", "ab"),
            ("tab\there", r"\t", "tabhere"),
            ("x\u{3000}y z", r"\s", "xyz"),
            ("x_y!z", r"\W", "x_yz"),
            ("caf\u{E9} 😀", r"\u00E9", "caf 😀"),
            ("😀x", r"\uD83D\uDE00", "x"),
        ];
        for &(input, chars, expected) in cases {
            assert_eq!(
                blacklist(input, chars).ok().as_deref(),
                Some(expected),
                "{input:?} {chars:?}"
            );
        }
    }

    #[test]
    fn refusals() {
        for chars in ["a]b", "]", "a\\", "z-a"] {
            assert_eq!(
                blacklist("x", chars).err().map(|e| e.code()),
                Some(ErrorCode::InvalidOptions),
                "{chars:?}"
            );
        }
        assert_eq!(
            blacklist("😀", r"\uDE00").err().map(|e| e.code()),
            Some(ErrorCode::InvalidUnicode)
        );
    }

    #[test]
    fn units_keep_lone_surrogates() {
        let units: Vec<u16> = vec![0xD800, 0x61, 0xDC00, 0x62];
        let class = CharClass::parse(CharsKind::Blacklist, &[0x61]).ok();
        assert_eq!(
            class.map(|c| remove_units(&units, &c).into_owned()),
            Some(vec![0xD800, 0xDC00, 0x62])
        );
    }

    #[test]
    fn runs_and_chunks() {
        // Matches at chunk edges, in runs, at both ends, and none.
        for len in [0usize, 1, 31, 32, 33, 64, 100] {
            for period in [1usize, 2, 3, 31, 32, 33] {
                let input: Vec<u16> = (0..len)
                    .map(|i| if i % period == 0 { 7 } else { 0x41 + (i % 26) as u16 })
                    .collect();
                let expected: Vec<u16> = input.iter().copied().filter(|&u| u != 7).collect();
                assert_eq!(
                    remove_where(&input, |u| u == 7).as_ref(),
                    expected.as_slice(),
                    "{len} {period}"
                );
            }
        }
    }

    #[test]
    fn adversarial_megabyte() {
        let input = "ab".repeat(1 << 19);
        assert_eq!(blacklist(&input, "a").ok().as_deref(), Some("b".repeat(1 << 19).as_str()));
    }
}
