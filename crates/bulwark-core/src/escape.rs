//! HTML escaping, byte-for-byte compatible with validator.js `escape` and `unescape`.
//!
//! validator.js replaces exactly eight ASCII characters. Because every replaced character
//! is ASCII and every entity is ASCII, escaping never touches any other character: astral
//! characters pass through unchanged. (The JS layer also passes lone surrogates through
//! unchanged, as validator.js does; Rust strings cannot hold them.)

use std::borrow::Cow;

/// The entity validator.js writes for `byte`, or `None` if it leaves the byte alone.
#[inline]
fn entity_for(byte: u8) -> Option<&'static str> {
    match byte {
        b'&' => Some("&amp;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#x27;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'/' => Some("&#x2F;"),
        b'\\' => Some("&#x5C;"),
        b'`' => Some("&#96;"),
        _ => None,
    }
}

/// The eight entities [`escape_html`] writes, with the character each stands for.
const ENTITIES: [(&str, char); 8] = [
    ("&amp;", '&'),
    ("&quot;", '"'),
    ("&#x27;", '\''),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&#x2F;", '/'),
    ("&#x5C;", '\\'),
    ("&#96;", '`'),
];

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
    let bytes = input.as_bytes();
    let Some(first) = bytes.iter().position(|&b| entity_for(b).is_some()) else {
        return Cow::Borrowed(input);
    };
    // Most text has few specials; an eighth extra avoids regrowing in the common case.
    let mut out = String::with_capacity(input.len() + input.len() / 8 + 8);
    out.push_str(&input[..first]);
    let mut copied_to = first;
    for (i, &byte) in bytes.iter().enumerate().skip(first) {
        if let Some(entity) = entity_for(byte) {
            // `i` is the index of an ASCII byte, so both slice ends are char boundaries.
            out.push_str(&input[copied_to..i]);
            out.push_str(entity);
            copied_to = i + 1;
        }
    }
    out.push_str(&input[copied_to..]);
    Cow::Owned(out)
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
    let bytes = input.as_bytes();
    let mut amps = memchr::memchr_iter(b'&', bytes).peekable();
    if amps.peek().is_none() {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut copied_to = 0;
    for at in amps {
        if at < copied_to {
            continue;
        }
        let rest = &bytes[at..];
        if let Some((entity, ch)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e.as_bytes())) {
            // `at` indexes an ASCII `&`, a char boundary.
            out.push_str(&input[copied_to..at]);
            out.push(*ch);
            copied_to = at + entity.len();
        }
    }
    out.push_str(&input[copied_to..]);
    Cow::Owned(out)
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
            ("<script>alert(\"x\")</script>", "&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;"),
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
    fn large_input_is_linear() {
        let s = "<&>".repeat(1 << 18);
        let escaped = escape_html(&s);
        assert_eq!(escaped.len(), (4 + 5 + 4) * (1 << 18));
        assert_eq!(unescape_html(&escaped), s);
    }
}
