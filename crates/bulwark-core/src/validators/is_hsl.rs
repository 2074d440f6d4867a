//! `isHSL`.

use std::sync::OnceLock;

use super::{is_js_space, js_test};

/// A number of validator.js's HSL patterns: `[+-]` digits, fraction, exponent.
const NUMBER: &str = r"(\+|\-)?([0-9]+(\.[0-9]+)?(e(\+|\-)?[0-9]+)?|\.[0-9]+(e(\+|\-)?[0-9]+)?)";

/// At `s[i..]`: the length of a token of validator.js's space stripping (`hsl(`, `hsla(`,
/// case-insensitive, `)` or `,`), if one starts there.
fn token_at(s: &[u8], i: usize) -> Option<usize> {
    match s.get(i)? {
        b')' | b',' => Some(1),
        b'h' | b'H' => {
            let rest = s.get(i + 1..i + 3)?;
            if !rest.eq_ignore_ascii_case(b"sl") {
                return None;
            }
            match s.get(i + 3) {
                Some(b'(') => Some(4),
                Some(b'a' | b'A') if s.get(i + 4) == Some(&b'(') => Some(5),
                _ => None,
            }
        }
        _ => None,
    }
}

/// validator.js's `str.replace(/\s+/g, ' ').replace(/\s?(hsla?\(|\)|,)\s?/gi, '$1')`.
fn strip_spaces(s: &str) -> String {
    let mut collapsed = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if is_js_space(c) {
            if !in_space {
                collapsed.push(' ');
            }
            in_space = true;
        } else {
            collapsed.push(c);
            in_space = false;
        }
    }
    let b = collapsed.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let start = if b[i] == b' ' && token_at(b, i + 1).is_some() { i + 1 } else { i };
        match token_at(b, start) {
            Some(len) => {
                out.extend_from_slice(&b[start..start + len]);
                i = start + len;
                if b.get(i) == Some(&b' ') {
                    i += 1;
                }
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    // Only ASCII bytes were removed, at ASCII positions: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// `true` when `s` is a CSS `hsl()`/`hsla()` color in the comma or the space syntax
/// (whitespace runs collapsed first), as validator.js `isHSL` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_hsl;
/// assert!(is_hsl("hsl(360,0000000000100%,000000100%)") && is_hsl("hsla(-360deg 0% 0% / 0.5)"));
/// assert!(is_hsl("hsl( 120 , 50% , 50% )"));
/// assert!(!is_hsl("hsl(0,0,0)") && !is_hsl("hsl(120, 50%, 50%, 0.5, 1)"));
/// ```
pub fn is_hsl(s: &str) -> bool {
    static COMMA: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    static SPACE: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    let stripped = strip_spaces(s);
    if stripped.contains(',') {
        js_test(
            &COMMA,
            || {
                format!(
                    r"^hsla?\(({NUMBER})(deg|grad|rad|turn)?(,{NUMBER}%){{2}}(,({NUMBER}%?))?\)$"
                )
            },
            "i",
            &stripped,
        )
    } else {
        js_test(
            &SPACE,
            || {
                format!(
                    r"^hsla?\(({NUMBER})(deg|grad|rad|turn)?(\s{NUMBER}%){{2}}\s?(\/\s({NUMBER}%?)\s?)?\)$"
                )
            },
            "i",
            &stripped,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "hsl(360,0000000000100%,000000100%)",
            "hsl(000010, 00000000001%, 00000040%)",
            "HSL(00000,0000000000100%,000000100%)",
            "hsL(0, 0%, 0%)",
            "hSl(  360  , 100%  , 100%   )",
            "Hsl(  00150  , 000099%  , 01%   )",
            "hsl(01.5deg, 100%, 100%)",
            "hsl(0.5E-3rad,55%,0%)",
            "hsla(+.123turn,01%,00%)",
            "hsl(2.5grad,3%,98%)",
            "hsl(-.5E3deg,3%,98%)",
            "hsla(360, 0%, 0%, 0.5)",
            "hsl(5e-5grad, 100%, 100%)",
            "hsl(360 100% 100%)",
            "hsla(360 100% 100% / 50%)",
            "hsla(-360deg 0% 0% / 0.5)",
            "HSLA(360  0%  00% / .5)",
            "hsla(120,   100%,    50%  ,   0.3)",
        ] {
            assert!(is_hsl(s), "{s}");
        }
        for s in [
            "hsl (360,0000000000100%,000000100%)",
            "hsl(0260, 100 %, 100%)",
            "hsl(0160, 100%, 100%, 100 %)",
            "hsl(-0160, 100%, 100a)",
            "hsl(-0160, 100%, 100)",
            "hsl(-0160 100%, 100%, )",
            "hsl(270 deg, 100%, 100%)",
            "hsl(0, 0%, 0%, 10deg)",
            "hsl(360 0 0 / 0.5)",
            "hsl(0 0% 0%%)",
            "hsla(0,0%,0%,0.5,4)",
            "hsl(0,0%,0%,0.5,4)",
            "",
        ] {
            assert!(!is_hsl(s), "{s}");
        }
    }

    #[test]
    fn stripping() {
        assert_eq!(strip_spaces("hsl( 1 ,  2 )"), "hsl(1,2)");
        assert_eq!(strip_spaces("a \t b"), "a b");
        assert_eq!(strip_spaces(" hsla( x"), "hsla(x");
        assert_eq!(strip_spaces("hsla x"), "hsla x");
        assert_eq!(strip_spaces("é , ü"), "é,ü");
        let long = "hsl(".to_string() + &" , ".repeat(1 << 18);
        assert_eq!(strip_spaces(&long).len(), 4 + (1 << 18));
    }
}
