//! HTML escaping, byte-for-byte compatible with validator.js `escape` and `unescape`.
//!
//! validator.js replaces exactly eight ASCII characters. Because every replaced character
//! is ASCII and every entity is ASCII, escaping never touches any other character: astral
//! characters pass through unchanged. (The JS layer also passes lone surrogates through
//! unchanged, as validator.js does; Rust strings cannot hold them.)

use std::borrow::Cow;

/// A string code unit: `u8` for UTF-8 text, `u16` for UTF-16 text (JS strings, lone
/// surrogates included). Escaping only ever touches ASCII units, so one implementation
/// serves both encodings without decoding anything.
pub trait CodeUnit: Copy + Eq + From<u8> + 'static {
    /// The unit's value if it is ASCII.
    fn ascii(self) -> Option<u8>;
    /// The eight entities of [`ENTITIES`], in this unit type.
    #[doc(hidden)]
    fn entities() -> &'static [&'static [Self]; 8];
}

impl CodeUnit for u8 {
    #[inline]
    fn ascii(self) -> Option<u8> {
        self.is_ascii().then_some(self)
    }
    fn entities() -> &'static [&'static [u8]; 8] {
        &ENTITIES_U8
    }
}

impl CodeUnit for u16 {
    #[inline]
    fn ascii(self) -> Option<u8> {
        u8::try_from(self).ok().filter(u8::is_ascii)
    }
    fn entities() -> &'static [&'static [u16]; 8] {
        &ENTITIES_U16
    }
}

/// The eight characters validator.js escapes, in the order of [`ENTITIES`].
const SPECIALS: [u8; 8] = [b'&', b'"', b'\'', b'<', b'>', b'/', b'\\', b'`'];

/// The entity validator.js writes for each of [`SPECIALS`].
pub const ENTITIES: [&str; 8] =
    ["&amp;", "&quot;", "&#x27;", "&lt;", "&gt;", "&#x2F;", "&#x5C;", "&#96;"];

const ENTITIES_U8: [&[u8]; 8] =
    [b"&amp;", b"&quot;", b"&#x27;", b"&lt;", b"&gt;", b"&#x2F;", b"&#x5C;", b"&#96;"];

const fn ascii_to_utf16<const N: usize>(ascii: &[u8; N]) -> [u16; N] {
    let mut out = [0u16; N];
    let mut i = 0;
    while i < N {
        out[i] = ascii[i] as u16;
        i += 1;
    }
    out
}

const ENTITIES_U16: [&[u16]; 8] = [
    &ascii_to_utf16(b"&amp;"),
    &ascii_to_utf16(b"&quot;"),
    &ascii_to_utf16(b"&#x27;"),
    &ascii_to_utf16(b"&lt;"),
    &ascii_to_utf16(b"&gt;"),
    &ascii_to_utf16(b"&#x2F;"),
    &ascii_to_utf16(b"&#x5C;"),
    &ascii_to_utf16(b"&#96;"),
];

/// Index into [`SPECIALS`] for each ASCII byte, or `NONE`.
const NONE: u8 = u8::MAX;
const SPECIAL_INDEX: [u8; 128] = {
    let mut table = [NONE; 128];
    let mut i = 0;
    while i < SPECIALS.len() {
        table[SPECIALS[i] as usize] = i as u8;
        i += 1;
    }
    table
};

#[inline]
fn special_index<T: CodeUnit>(unit: T) -> Option<usize> {
    let ascii = unit.ascii()?;
    let index = SPECIAL_INDEX[usize::from(ascii)];
    (index != NONE).then_some(usize::from(index))
}

/// The longest entity, in units (`&quot;`, `&#x27;`, `&#x2F;`, `&#x5C;`).
const MAX_ENTITY: usize = 6;

/// Units examined together when skipping runs that need no work.
const CHUNK: usize = 16;

/// Branch-free test for the eight specials, written out so that chunk scans vectorize.
#[inline(always)]
fn is_special<T: CodeUnit>(u: T) -> bool {
    (u == T::from(b'&'))
        | (u == T::from(b'"'))
        | (u == T::from(b'\''))
        | (u == T::from(b'<'))
        | (u == T::from(b'>'))
        | (u == T::from(b'/'))
        | (u == T::from(b'\\'))
        | (u == T::from(b'`'))
}

// Not inlined: as a separate function its loop is vectorized; inlined into the scans
// below, LLVM leaves it scalar (measured: 8x slower on plain text).
#[inline(never)]
fn chunk_has_special<T: CodeUnit>(chunk: &[T]) -> bool {
    chunk.iter().fold(false, |acc, &u| acc | is_special(u))
}

#[inline(never)]
fn chunk_has_amp<T: CodeUnit>(chunk: &[T]) -> bool {
    chunk.iter().fold(false, |acc, &u| acc | (u == T::from(b'&')))
}

/// The index of the first special, scanning whole chunks first.
fn first_special<T: CodeUnit>(units: &[T]) -> Option<usize> {
    let mut start = 0;
    for chunk in units.chunks_exact(CHUNK * 4) {
        if chunk_has_special(chunk) {
            break;
        }
        start += CHUNK * 4;
    }
    units.get(start..)?.iter().position(|&u| is_special(u)).map(|p| p + start)
}

/// [`escape_html`] over code units of either encoding.
///
/// # Examples
/// ```
/// use bulwark_core::escape::escape_html_units;
/// let utf16: Vec<u16> = "<\u{1F600}".encode_utf16().collect();
/// let escaped: Vec<u16> = "&lt;\u{1F600}".encode_utf16().collect();
/// assert_eq!(escape_html_units(&utf16), escaped.as_slice());
/// ```
pub fn escape_html_units<T: CodeUnit>(input: &[T]) -> Cow<'_, [T]> {
    let Some(first) = first_special(input) else {
        return Cow::Borrowed(input);
    };
    // Each entity padded to the longest (6 units): writing a fixed-size array is a few
    // moves, where a slice of varying length is a memcpy call; the padding is cut off again.
    let entities = T::entities();
    let padded: [([T; MAX_ENTITY], usize); 8] = std::array::from_fn(|i| {
        let mut units = [T::from(b' '); MAX_ENTITY];
        units[..entities[i].len()].copy_from_slice(entities[i]);
        (units, MAX_ENTITY - entities[i].len())
    });
    // Most text has few specials; an eighth extra avoids regrowing in the common case.
    let mut out = Vec::with_capacity(input.len() + input.len() / 8 + 8);
    out.extend_from_slice(&input[..first]);
    let mut i = first;
    while i < input.len() {
        // Runs without specials are copied a chunk at a time; chunks with one go unit by unit.
        if let Some(chunk) = input.get(i..i + CHUNK) {
            if !chunk_has_special(chunk) {
                out.extend_from_slice(chunk);
                i += CHUNK;
                continue;
            }
        }
        let end = (i + CHUNK).min(input.len());
        // At most MAX_ENTITY units per input unit: no reallocation inside the chunk.
        out.reserve((end - i) * MAX_ENTITY);
        for &unit in &input[i..end] {
            match special_index(unit) {
                Some(index) => {
                    let (units, padding) = &padded[index];
                    out.extend_from_slice(units);
                    out.truncate(out.len() - padding);
                }
                None => out.push(unit),
            }
        }
        i = end;
    }
    Cow::Owned(out)
}

/// [`unescape_html`] over code units of either encoding.
pub fn unescape_html_units<T: CodeUnit>(input: &[T]) -> Cow<'_, [T]> {
    let amp = T::from(b'&');
    let Some(first) = input.iter().position(|&u| u == amp) else {
        return Cow::Borrowed(input);
    };
    let entities = T::entities();
    let mut out = Vec::with_capacity(input.len());
    out.extend_from_slice(&input[..first]);
    let mut i = first;
    while i < input.len() {
        if let Some(chunk) = input.get(i..i + CHUNK) {
            if !chunk_has_amp(chunk) {
                out.extend_from_slice(chunk);
                i += CHUNK;
                continue;
            }
        }
        let end = (i + CHUNK).min(input.len());
        // An entity may run past `end`; `i` then simply starts the next round later.
        while i < end {
            let rest = &input[i..];
            if rest[0] == amp {
                if let Some(index) = entities.iter().position(|e| rest.starts_with(e)) {
                    out.push(T::from(SPECIALS[index]));
                    i += entities[index].len();
                    continue;
                }
            }
            out.push(rest[0]);
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// Rebuilds a `str` result from the byte-level functions. Their output is valid UTF-8 by
/// construction (only ASCII units are replaced, by ASCII), so the fallback never runs.
fn into_str<'a>(bytes: Cow<'_, [u8]>, input: &'a str) -> Cow<'a, str> {
    match bytes {
        Cow::Borrowed(_) => Cow::Borrowed(input),
        Cow::Owned(bytes) => Cow::Owned(
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ),
    }
}

/// Escapes `&`, `"`, `'`, `<`, `>`, `/`, `\` and `` ` `` as validator.js `escape` does.
///
/// Returns the input unchanged (borrowed) when nothing needs escaping.
///
/// # Examples
/// ```
/// use bulwark_core::escape::escape_html;
/// assert_eq!(escape_html("<a href='/x'>&</a>"), "&lt;a href=&#x27;&#x2F;x&#x27;&gt;&amp;&lt;&#x2F;a&gt;");
/// assert_eq!(escape_html("plain text"), "plain text");
/// ```
pub fn escape_html(input: &str) -> Cow<'_, str> {
    into_str(escape_html_units(input.as_bytes()), input)
}

/// Replaces the eight entities [`escape_html`] writes with their characters, exactly as
/// validator.js `unescape` does; every other entity is left alone.
///
/// validator.js runs eight `replace` passes, `&amp;` last, so `&amp;lt;` becomes `&lt;`
/// (not `<`). One left-to-right pass gives the same result because no entity can overlap
/// another and no replacement character can start or complete one.
///
/// # Examples
/// ```
/// use bulwark_core::escape::unescape_html;
/// assert_eq!(unescape_html("&lt;b&gt; &amp;lt; &nbsp;"), "<b> &lt; &nbsp;");
/// ```
pub fn unescape_html(input: &str) -> Cow<'_, str> {
    into_str(unescape_html_units(input.as_bytes()), input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_each_character_like_validator() {
        let cases = [
            ("", ""),
            ("abc", "abc"),
            ("&", "&amp;"),
            ("\"", "&quot;"),
            ("'", "&#x27;"),
            ("<", "&lt;"),
            (">", "&gt;"),
            ("/", "&#x2F;"),
            ("\\", "&#x5C;"),
            ("`", "&#96;"),
            (
                "<script>alert(\"x\")</script>",
                "&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;",
            ),
            ("héllo 😀 <", "héllo 😀 &lt;"),
            ("&amp;", "&amp;amp;"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_html(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn unescapes_like_validator() {
        let cases = [
            ("", ""),
            ("&lt;&gt;&quot;&#x27;&#x2F;&#x5C;&#96;&amp;", "<>\"'/\\`&"),
            ("&amp;lt;", "&lt;"),
            ("&amp;amp;", "&amp;"),
            ("&lt", "&lt"),
            ("&&lt;", "&<"),
            ("&#39; &nbsp; &#x2f;", "&#39; &nbsp; &#x2f;"),
            ("😀&gt;é", "😀>é"),
        ];
        for (input, expected) in cases {
            assert_eq!(unescape_html(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn unescape_inverts_escape() {
        for s in ["", "a<b>&c'd\"e/f\\g`h", "&amp;&lt;", "😀 & <"] {
            assert_eq!(unescape_html(&escape_html(s)), s);
        }
    }

    #[test]
    fn borrows_when_unchanged() {
        assert!(matches!(escape_html("nothing to do"), Cow::Borrowed(_)));
        assert!(matches!(unescape_html("a & b"), Cow::Owned(_) | Cow::Borrowed(_)));
        assert!(matches!(unescape_html("no amp"), Cow::Borrowed(_)));
    }

    #[test]
    fn utf16_matches_utf8_and_keeps_lone_surrogates() {
        for s in ["", "a<b>&c'd\"e/f\\g`h", "&amp;&lt;&#x2F", "😀 & < é"] {
            let units: Vec<u16> = s.encode_utf16().collect();
            let escaped: Vec<u16> = escape_html(s).encode_utf16().collect();
            assert_eq!(escape_html_units(&units), escaped.as_slice());
            let unescaped: Vec<u16> = unescape_html(s).encode_utf16().collect();
            assert_eq!(unescape_html_units(&units), unescaped.as_slice());
        }
        let lone = [0xD800, u16::from(b'<'), 0xDFFF, u16::from(b'&')];
        let expected: Vec<u16> = [0xD800]
            .into_iter()
            .chain("&lt;".encode_utf16())
            .chain([0xDFFF])
            .chain("&amp;".encode_utf16())
            .collect();
        assert_eq!(escape_html_units(&lone), expected.as_slice());
        assert_eq!(unescape_html_units(&expected), &lone[..]);
    }

    #[test]
    fn large_input_is_linear() {
        let s = "<&>".repeat(1 << 18);
        let escaped = escape_html(&s);
        assert_eq!(escaped.len(), (4 + 5 + 4) * (1 << 18));
        assert_eq!(unescape_html(&escaped), s);
    }
}
