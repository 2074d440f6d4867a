//! Parsing: the whole guard in Rust, secure-json-parse's rules applied to a
//! [`serde_json::Value`] after the scan has bounded the depth.

use serde_json::Value;

use super::scan::{scan_units, utf8_text};
use super::{DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT, check_max_depth};
use crate::{Error, ErrorCode, Result};

/// The message secure-json-parse throws for both kinds of poisoning; kept identical so
/// that logs and tests written against it keep matching.
pub const POISONING_MESSAGE: &str = "Object contains forbidden prototype property";

/// What to do with a poisoned key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyAction {
    /// Refuse the input with [`ErrorCode::JsonProtoPoisoning`] (the default).
    #[default]
    Error,
    /// Delete the key (and everything under it) from the result.
    Remove,
    /// Keep the key. The result is then only as safe as the code that uses it.
    Ignore,
}

impl KeyAction {
    /// Parses `"error"`, `"remove"` or `"ignore"`.
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::json::KeyAction;
    /// assert_eq!(KeyAction::parse("remove"), Ok(KeyAction::Remove));
    /// assert!(KeyAction::parse("Remove").is_err());
    /// ```
    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "error" => Ok(KeyAction::Error),
            "remove" => Ok(KeyAction::Remove),
            "ignore" => Ok(KeyAction::Ignore),
            _ => Err(Error::new(
                ErrorCode::InvalidOptions,
                "an action must be 'error', 'remove' or 'ignore'",
            )),
        }
    }
}

/// Options of [`parse_json`], secure-json-parse's plus size and depth limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonOptions {
    /// What to do with own `__proto__` keys.
    pub proto_action: KeyAction,
    /// What to do with `constructor` keys holding an object with a `prototype` key.
    pub constructor_action: KeyAction,
    /// Deepest nesting of arrays and objects accepted (a scalar is depth 0, `[]` depth 1).
    /// At most [`MAX_DEPTH_LIMIT`].
    pub max_depth: usize,
    /// Largest input accepted, in bytes of UTF-8 (BOM included).
    pub max_bytes: usize,
}

impl Default for JsonOptions {
    fn default() -> Self {
        JsonOptions {
            proto_action: KeyAction::Error,
            constructor_action: KeyAction::Error,
            max_depth: DEFAULT_MAX_DEPTH,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl JsonOptions {
    fn validate(&self) -> Result<()> {
        check_max_depth(self.max_depth)
    }
}
/// The poisoning error.
fn poisoned() -> Error {
    Error::new(ErrorCode::JsonProtoPoisoning, POISONING_MESSAGE)
}

/// Applies secure-json-parse's rules to a parsed value, in place: every object reachable
/// from `value` (not through a removed key) is checked for an own `__proto__` key and for
/// a `constructor` key holding an object with a `prototype` key, and each finding is
/// refused (`JSON_PROTO_POISONING`), removed or ignored per its action. Iterative.
///
/// # Examples
/// ```
/// use bulwark_core::json::{apply_actions, KeyAction};
/// let mut v = serde_json::json!({"a": 1, "__proto__": {"admin": true}});
/// apply_actions(&mut v, KeyAction::Remove, KeyAction::Error).unwrap();
/// assert_eq!(v, serde_json::json!({"a": 1}));
/// let mut v = serde_json::json!([{"constructor": {"prototype": {}}}]);
/// assert!(apply_actions(&mut v, KeyAction::Error, KeyAction::Error).is_err());
/// ```
pub fn apply_actions(
    value: &mut Value,
    proto_action: KeyAction,
    constructor_action: KeyAction,
) -> Result<()> {
    if proto_action == KeyAction::Ignore && constructor_action == KeyAction::Ignore {
        return Ok(());
    }
    let mut stack = vec![value];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                if proto_action != KeyAction::Ignore && map.contains_key("__proto__") {
                    if proto_action == KeyAction::Error {
                        return Err(poisoned());
                    }
                    map.shift_remove("__proto__");
                }
                let constructor_poisoned = matches!(map.get("constructor"), Some(Value::Object(c)) if c.contains_key("prototype"));
                if constructor_action != KeyAction::Ignore && constructor_poisoned {
                    if constructor_action == KeyAction::Error {
                        return Err(poisoned());
                    }
                    map.shift_remove("constructor");
                }
                stack.extend(map.values_mut());
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
    Ok(())
}

/// Parses JSON text with secure-json-parse's protections and the size and depth limits.
///
/// A leading BOM is skipped. Errors: `INPUT_TOO_LARGE`, `INPUT_TOO_DEEP`, `INVALID_JSON`
/// (with line and column), `JSON_PROTO_POISONING` (the message is secure-json-parse's).
/// The depth is checked by [`scan_units`] before anything is built.
///
/// Unlike a JS engine's `JSON.parse`, Rust strings cannot hold lone surrogates, so a
/// `"\ud800"` escape is `INVALID_JSON` here; numbers beyond the range of `f64` are
/// `INVALID_JSON` too (JS would make them `Infinity`).
///
/// # Examples
/// ```
/// use bulwark_core::json::{parse_json, JsonOptions, KeyAction};
/// let value = parse_json(r#"{"user":"ann"}"#, &JsonOptions::default()).unwrap();
/// assert_eq!(value["user"], "ann");
///
/// let attack = r#"{"user":"ann","\u005f_proto__":{"isAdmin":true}}"#;
/// let err = parse_json(attack, &JsonOptions::default()).unwrap_err();
/// assert_eq!(err.code().as_str(), "JSON_PROTO_POISONING");
///
/// let options = JsonOptions { proto_action: KeyAction::Remove, ..JsonOptions::default() };
/// assert_eq!(parse_json(attack, &options).unwrap(), serde_json::json!({"user": "ann"}));
/// ```
pub fn parse_json(text: &str, options: &JsonOptions) -> Result<Value> {
    parse_json_bytes(text.as_bytes(), options)
}

/// [`parse_json`] over UTF-8 bytes, refusing invalid UTF-8 with `INVALID_UNICODE`.
///
/// # Examples
/// ```
/// use bulwark_core::json::{parse_json_bytes, JsonOptions};
/// assert_eq!(parse_json_bytes(b"\xEF\xBB\xBF[true]", &JsonOptions::default()).unwrap(), serde_json::json!([true]));
/// ```
pub fn parse_json_bytes(bytes: &[u8], options: &JsonOptions) -> Result<Value> {
    options.validate()?;
    let text = utf8_text(bytes, options.max_bytes)?;
    scan_units(text.as_bytes(), options.max_depth)?;
    let mut de = serde_json::Deserializer::from_str(text);
    // The scan has bounded the depth by max_depth <= MAX_DEPTH_LIMIT, so serde's own
    // recursion (limit 128) may be lifted without risking the stack.
    de.disable_recursion_limit();
    let mut values = de.into_iter::<Value>();
    let invalid =
        |e: serde_json::Error| Error::new(ErrorCode::InvalidJson, format!("invalid JSON: {e}"));
    let mut value = match values.next() {
        Some(first) => first.map_err(invalid)?,
        None => return Err(Error::new(ErrorCode::InvalidJson, "invalid JSON: no value")),
    };
    if values.next().is_some() {
        return Err(Error::new(
            ErrorCode::InvalidJson,
            "invalid JSON: trailing characters after the value",
        ));
    }
    apply_actions(&mut value, options.proto_action, options.constructor_action)?;
    Ok(value)
}

/// Parses JSON text that carries plain data between layers (the bindings receive values
/// as `JSON.stringify` text): no key actions, depth up to [`MAX_DEPTH_LIMIT`], no size
/// limit. The functions it feeds apply their own rules to `__proto__` and friends.
///
/// # Examples
/// ```
/// use bulwark_core::json::parse_data;
/// assert_eq!(parse_data(r#"{"__proto__":1}"#).unwrap(), serde_json::json!({"__proto__": 1}));
/// ```
pub fn parse_data(text: &str) -> Result<Value> {
    let options = JsonOptions {
        proto_action: KeyAction::Ignore,
        constructor_action: KeyAction::Ignore,
        max_depth: MAX_DEPTH_LIMIT,
        max_bytes: usize::MAX,
    };
    parse_json(text, &options)
}

/// `value` as compact JSON text (the bindings' way back to JS).
///
/// # Examples
/// ```
/// use bulwark_core::json::to_text;
/// assert_eq!(to_text(&serde_json::json!({"b": 1, "a": [true]})).unwrap(), r#"{"b":1,"a":[true]}"#);
/// ```
pub fn to_text(value: &Value) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| Error::new(ErrorCode::Internal, format!("JSON serialization failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;
    use serde_json::json;

    fn options(proto: KeyAction, constructor: KeyAction) -> JsonOptions {
        JsonOptions {
            proto_action: proto,
            constructor_action: constructor,
            ..JsonOptions::default()
        }
    }

    #[test]
    fn parse_table() {
        use KeyAction::{Error as E, Ignore as I, Remove as R};
        // (text, proto action, constructor action, expected value or None for poisoning)
        let cases: Vec<(&str, KeyAction, KeyAction, Option<Value>)> = vec![
            (r#"{"a":1}"#, E, E, Some(json!({"a": 1}))),
            (r#"{"__proto__":{"x":1}}"#, E, E, None),
            (r#"{"__proto__":{"x":1}}"#, R, E, Some(json!({}))),
            (r#"{"__proto__":{"x":1}}"#, I, E, Some(json!({"__proto__": {"x": 1}}))),
            (r#"{"a":[{"b":{"\u005f\u005fproto__":1}}]}"#, E, I, None),
            (
                r#"{"a":[{"b":{"\u005f\u005fproto__":1,"c":2}}]}"#,
                R,
                I,
                Some(json!({"a": [{"b": {"c": 2}}]})),
            ),
            // Duplicates: the last one wins, as in JSON.parse.
            (r#"{"__proto__":1,"__proto__":2,"k":3}"#, R, E, Some(json!({"k": 3}))),
            (
                r#"{"constructor":{"prototype":{}},"constructor":1}"#,
                E,
                E,
                Some(json!({"constructor": 1})),
            ),
            (r#"{"constructor":1,"constructor":{"prototype":{}}}"#, E, E, None),
            // constructor is only poisoning with an object holding "prototype".
            (r#"{"constructor":{"prototype":{"x":1}}}"#, E, E, None),
            (r#"{"constructor":{"prototype":{"x":1}},"y":2}"#, E, R, Some(json!({"y": 2}))),
            (
                r#"{"constructor":{"prototype":1}}"#,
                I,
                I,
                Some(json!({"constructor": {"prototype": 1}})),
            ),
            (r#"{"constructor":{"proto":1}}"#, E, E, Some(json!({"constructor": {"proto": 1}}))),
            (r#"{"constructor":["prototype"]}"#, E, E, Some(json!({"constructor": ["prototype"]}))),
            (
                r#"{"constructor":null,"prototype":{}}"#,
                E,
                E,
                Some(json!({"constructor": null, "prototype": {}})),
            ),
            (r#"["__proto__","constructor"]"#, E, E, Some(json!(["__proto__", "constructor"]))),
            // A removed key's contents are not examined further.
            (r#"{"__proto__":{"constructor":{"prototype":1}}}"#, R, E, Some(json!({}))),
            // Both kinds in one object: proto first, then constructor.
            (r#"{"__proto__":1,"constructor":{"prototype":1}}"#, R, R, Some(json!({}))),
            (r#"{"__proto__":1,"constructor":{"prototype":1}}"#, R, E, None),
            ("\u{FEFF}[1]", E, E, Some(json!([1]))),
        ];
        for (text, proto, constructor, expected) in cases {
            let got = parse_json(text, &options(proto, constructor));
            match expected {
                Some(value) => assert_eq!(got, Ok(value), "{text}"),
                None => {
                    let err = got.unwrap_err();
                    assert_eq!(
                        (err.code(), err.message()),
                        (ErrorCode::JsonProtoPoisoning, POISONING_MESSAGE),
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn parse_errors() {
        let d = JsonOptions::default();
        for bad in [
            "",
            "{",
            "[1,]",
            "{'a':1}",
            "01",
            "NaN",
            "[1] x",
            "\u{FEFF}\u{FEFF}1",
            "\"\\ud800\"",
            "1e400",
        ] {
            assert_eq!(parse_json(bad, &d).unwrap_err().code(), ErrorCode::InvalidJson, "{bad:?}");
        }
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        assert_eq!(parse_json(&deep, &d).unwrap_err().code(), ErrorCode::InputTooDeep);
        let limit = JsonOptions { max_depth: 129, ..d };
        assert!(parse_json(&deep, &limit).is_ok(), "serde's own limit of 128 is lifted");
        let deepest = format!("{}{}", "[".repeat(MAX_DEPTH_LIMIT), "]".repeat(MAX_DEPTH_LIMIT));
        assert!(parse_json(&deepest, &JsonOptions { max_depth: MAX_DEPTH_LIMIT, ..d }).is_ok());
        let too_big = JsonOptions { max_depth: MAX_DEPTH_LIMIT + 1, ..d };
        assert_eq!(parse_json("1", &too_big).unwrap_err().code(), ErrorCode::InvalidOptions);
        assert_eq!(
            parse_json("[1]", &JsonOptions { max_bytes: 2, ..d }).unwrap_err().code(),
            ErrorCode::InputTooLarge
        );
    }

    #[test]
    fn poisoning_is_found_at_any_depth_and_position() {
        let d = JsonOptions::default();
        for depth in 0..50 {
            let open = "[{\"x\":".repeat(depth);
            let close = "}]".repeat(depth);
            let text = format!("{open}{{\"a\":1,\"\\u005f_proto__\":{{}}}}{close}");
            assert_eq!(
                parse_json(&text, &d).unwrap_err().code(),
                ErrorCode::JsonProtoPoisoning,
                "{text}"
            );
        }
    }
}
