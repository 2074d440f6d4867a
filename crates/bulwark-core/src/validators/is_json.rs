//! `isJSON`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_json`], with validator.js names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct JsonOptions {
    /// `allow_primitives` (default `false`): `true`, `false` and `null` are also valid.
    pub allow_primitives: bool,
    /// `allow_any_value` (default `false`): any JSON text is valid (numbers, strings too).
    pub allow_any_value: bool,
}

/// What a JSON text holds at the top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Top {
    Container,
    Literal, // true, false, null
    Scalar,  // number, string
}

/// `true` when `s` is JSON text (`JSON.parse` accepts it) whose top-level value is an
/// object or array (or also `true`/`false`/`null` with `allow_primitives`, or anything
/// with `allow_any_value`), as validator.js `isJSON` decides.
///
/// The text is checked by an iterative recognizer of `JSON.parse`'s grammar (lone
/// surrogate escapes such as `"\ud800"` included, as V8 accepts them) that builds nothing
/// and keeps one byte per open bracket, so depth and size cost no recursion.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_json, JsonOptions};
/// let d = JsonOptions::default();
/// assert!(is_json(r#"{"key": [1, 2.5e3, "\u00e9"]}"#, &d) && is_json("[]", &d));
/// assert!(!is_json("{'key': 1}", &d) && !is_json("[1,]", &d) && !is_json("true", &d));
/// assert!(is_json("null", &JsonOptions { allow_primitives: true, ..d }));
/// assert!(is_json("\"text\"", &JsonOptions { allow_any_value: true, ..d }));
/// ```
pub fn is_json(s: &str, options: &JsonOptions) -> bool {
    match recognize(s.as_bytes()) {
        None => false,
        Some(_) if options.allow_any_value => true,
        Some(Top::Container) => true,
        Some(Top::Literal) => options.allow_primitives,
        Some(Top::Scalar) => false,
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index after a string starting at `b[i] == '"'`.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        // Skip plain bytes quickly.
        i += b.get(i..)?.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        match b[i] {
            b'"' => return Some(i + 1),
            b'\\' => match b.get(i + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                b'u' => {
                    if !b.get(i + 2..i + 6)?.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    i += 6;
                }
                _ => return None,
            },
            _ => return None, // a control character
        }
    }
}

fn digits(b: &[u8], i: usize) -> usize {
    b.get(i..).map_or(0, |rest| rest.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// The index after a number starting at `b[i]`.
fn number_end(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i)? {
        b'0' => i += 1,
        b'1'..=b'9' => i += digits(b, i),
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        let n = digits(b, i + 1);
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(b, i);
        if n == 0 {
            return None;
        }
        i += n;
    }
    Some(i)
}

fn recognize(b: &[u8]) -> Option<Top> {
    // One entry per open container: `true` for an object.
    let mut stack: Vec<bool> = Vec::new();
    let mut i = skip_ws(b, 0);
    let mut top = None;
    'value: loop {
        // A value starts at b[i].
        let c = *b.get(i)?;
        let kind = match c {
            b'{' | b'[' => {
                i = skip_ws(b, i + 1);
                let object = c == b'{';
                let close = if object { b'}' } else { b']' };
                if b.get(i) == Some(&close) {
                    i += 1;
                    Top::Container
                } else {
                    stack.push(object);
                    top.get_or_insert(Top::Container);
                    if object {
                        i = key(b, i)?;
                    }
                    continue 'value;
                }
            }
            b'"' => {
                i = string_end(b, i)?;
                Top::Scalar
            }
            b't' | b'f' | b'n' => {
                let word: &[u8] = match c {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                if !b.get(i..)?.starts_with(word) {
                    return None;
                }
                i += word.len();
                Top::Literal
            }
            _ => {
                i = number_end(b, i)?;
                Top::Scalar
            }
        };
        top.get_or_insert(kind);
        // After a value: close containers or move to the next element.
        loop {
            i = skip_ws(b, i);
            let Some(&object) = stack.last() else {
                return (i == b.len()).then_some(top?);
            };
            match b.get(i)? {
                b',' => {
                    i = skip_ws(b, i + 1);
                    if object {
                        i = key(b, i)?;
                    }
                    continue 'value;
                }
                b'}' if object => {
                    stack.pop();
                    i += 1;
                }
                b']' if !object => {
                    stack.pop();
                    i += 1;
                }
                _ => return None,
            }
        }
    }
}

/// Reads `"key" :` at `b[i]` and returns where the value starts.
fn key(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let i = skip_ws(b, string_end(b, i)?);
    if b.get(i) != Some(&b':') {
        return None;
    }
    Some(skip_ws(b, i + 1))
}

/// validator.js `isJSON` options.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Json(JsonOptions {
        allow_primitives: o.bool("allow_primitives", false)?,
        allow_any_value: o.bool("allow_any_value", false)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = JsonOptions::default();
        for s in [
            "{ \"key\": \"value\" }",
            "{}",
            "[]",
            "[1,2,3]",
            " { \"a\" : [ { } , [ ] , null , -0.5e+3 ] } ",
            "{\"\\ud800\":\"\\uDFFF\"}",
            "[\"\u{2028}\"]",
            "{\"a\":1,\"a\":2}",
        ] {
            assert!(is_json(s, &d), "{s}");
        }
        for s in [
            "{ key: \"value\" }",
            "{ 'key': 'value' }",
            "null",
            "1234",
            "false",
            "\"nope\"",
            "",
            " ",
            "[1,]",
            "[,1]",
            "{\"a\":}",
            "{\"a\" 1}",
            "[01]",
            "[1.]",
            "[.5]",
            "[1e]",
            "[+1]",
            "[\"\t\"]",
            "[\"\\x\"]",
            "[\"\\u12\"]",
            "[] []",
            "[",
            "]",
            "{\"a\":1,}",
            "[NaN]",
            "[Infinity]",
            "[\u{a0}]",
            "[tru]",
            "[nul]",
        ] {
            assert!(!is_json(s, &d), "{s}");
        }
        let primitives = JsonOptions { allow_primitives: true, ..d };
        for (s, ok) in
            [("true", true), ("false", true), ("null", true), ("1", false), ("\"x\"", false)]
        {
            assert_eq!(is_json(s, &primitives), ok, "{s}");
        }
        let any = JsonOptions { allow_any_value: true, ..d };
        for (s, ok) in
            [("1", true), ("\"x\"", true), ("-0", true), ("null", true), ("x", false), ("", false)]
        {
            assert_eq!(is_json(s, &any), ok, "{s}");
        }
    }

    #[test]
    fn deep_and_large_inputs() {
        let n = 1 << 19;
        let deep = format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(is_json(&deep, &JsonOptions::default()));
        let unclosed = "[".repeat(1 << 20);
        assert!(!is_json(&unclosed, &JsonOptions::default()));
        let objects = format!("{}1{}", "{\"a\":".repeat(n / 4), "}".repeat(n / 4));
        assert!(is_json(&objects, &JsonOptions::default()));
        let long_string = format!("[\"{}\"]", "\\\"".repeat(n));
        assert!(is_json(&long_string, &JsonOptions::default()));
    }
}
