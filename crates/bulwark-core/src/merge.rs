//! Deep merge, JSON Merge Patch (RFC 7386) and Mongo-operator key sanitizing, over
//! [`serde_json::Value`], that cannot pollute a prototype.
//!
//! These are the reference semantics of the JS functions `merge`, `mergePatch`,
//! `sanitizeKeys` and `findUnsafeKeys` (the JS layer runs a JS implementation that tests
//! prove equal to this one). Shared rules:
//! - **Nothing is mutated**: every function returns a new value.
//! - **Poisoning entries** (as secure-json-parse defines them, see [`is_poisoning_entry`]):
//!   a `__proto__` key (any value), or a `constructor` key whose value is an object with a
//!   `prototype` key. Merges leave them out of the result wherever they come from (target,
//!   source or patch). Any other `constructor` or `prototype` key is data and is kept (the
//!   JS layer writes it as an own data property, which cannot reach a prototype).
//! - **Inputs are validated in full**, even the parts the result will not contain: every
//!   value is walked, and arrays or objects nested deeper than `max_depth` (at most
//!   [`MAX_DEPTH_LIMIT`]) are `INPUT_TOO_DEEP`. Recursion is bounded by that depth.
//! - **Key order** follows JS: a key merged into an existing one keeps its place, new keys
//!   are appended (the `preserve_order` feature of serde_json).

use serde_json::{Map, Value};

pub use crate::json::{DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT};
use crate::json::{check_max_depth, parse_data, to_text, too_deep};
use crate::{Error, ErrorCode, Result};

/// Keys a merge never writes: assigning them in JS reaches `Object.prototype`
/// (`__proto__`) or a class's prototype (`constructor.prototype`).
pub const FORBIDDEN_KEYS: [&str; 3] = ["__proto__", "constructor", "prototype"];

/// `true` for the keys in [`FORBIDDEN_KEYS`].
///
/// # Examples
/// ```
/// use bulwark_core::merge::is_forbidden_key;
/// assert!(is_forbidden_key("__proto__") && is_forbidden_key("prototype"));
/// assert!(!is_forbidden_key("proto") && !is_forbidden_key("Constructor"));
/// ```
pub fn is_forbidden_key(key: &str) -> bool {
    FORBIDDEN_KEYS.contains(&key)
}

/// `true` for an object entry that could reach a prototype if a JS merge assigned it, as
/// secure-json-parse defines poisoning: a `__proto__` key (any value), or a `constructor`
/// key whose value is an object with a `prototype` key. Every other entry is data, a lone
/// `prototype` key and a `constructor` string included.
///
/// # Examples
/// ```
/// use bulwark_core::merge::is_poisoning_entry;
/// use serde_json::json;
/// assert!(is_poisoning_entry("__proto__", &json!(1)));
/// assert!(is_poisoning_entry("constructor", &json!({"prototype": {}})));
/// assert!(!is_poisoning_entry("constructor", &json!("Bob")));
/// assert!(!is_poisoning_entry("constructor", &json!({"name": "x"})));
/// assert!(!is_poisoning_entry("prototype", &json!({"x": 1})));
/// ```
pub fn is_poisoning_entry(key: &str, value: &Value) -> bool {
    match key {
        "__proto__" => true,
        "constructor" => matches!(value, Value::Object(map) if map.contains_key("prototype")),
        _ => false,
    }
}

/// What [`merge`] does when both sides hold an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArrayMerge {
    /// The source's array replaces the target's (the default).
    #[default]
    Replace,
    /// The source's elements are appended to the target's.
    Concat,
}

impl ArrayMerge {
    /// Parses `"replace"` or `"concat"`.
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::merge::ArrayMerge;
    /// assert_eq!(ArrayMerge::parse("concat"), Ok(ArrayMerge::Concat));
    /// assert!(ArrayMerge::parse("merge").is_err());
    /// ```
    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "replace" => Ok(ArrayMerge::Replace),
            "concat" => Ok(ArrayMerge::Concat),
            _ => Err(Error::new(ErrorCode::InvalidOptions, "arrays must be 'replace' or 'concat'")),
        }
    }
}

/// Options of [`merge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeOptions {
    /// The array policy.
    pub arrays: ArrayMerge,
    /// Deepest nesting accepted in any input (`[]` is depth 1).
    pub max_depth: usize,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions { arrays: ArrayMerge::Replace, max_depth: DEFAULT_MAX_DEPTH }
    }
}

/// Fails with `INPUT_TOO_DEEP` if `value` nests deeper than `max_depth`, counting
/// `value` itself as being at `depth` (when it is an array or object).
fn validate(value: &Value, depth: usize, max_depth: usize) -> Result<()> {
    match value {
        Value::Array(items) => {
            enter(depth, max_depth)?;
            items.iter().try_for_each(|item| validate(item, depth + 1, max_depth))
        }
        Value::Object(map) => {
            enter(depth, max_depth)?;
            map.values().try_for_each(|item| validate(item, depth + 1, max_depth))
        }
        _ => Ok(()),
    }
}

#[inline]
fn enter(depth: usize, max_depth: usize) -> Result<()> {
    if depth > max_depth {
        return Err(too_deep(max_depth));
    }
    Ok(())
}

/// A deep copy without poisoning entries (whose values are still validated).
fn copy(value: &Value, depth: usize, max_depth: usize) -> Result<Value> {
    match value {
        Value::Array(items) => {
            enter(depth, max_depth)?;
            items
                .iter()
                .map(|item| copy(item, depth + 1, max_depth))
                .collect::<Result<_>>()
                .map(Value::Array)
        }
        Value::Object(map) => {
            enter(depth, max_depth)?;
            let mut out = Map::with_capacity(map.len());
            for (key, item) in map {
                if is_poisoning_entry(key, item) {
                    validate(item, depth + 1, max_depth)?;
                } else {
                    out.insert(key.clone(), copy(item, depth + 1, max_depth)?);
                }
            }
            Ok(Value::Object(out))
        }
        scalar => Ok(scalar.clone()),
    }
}

/// Merges `source` into `target` (already a copy of ours), which sits at `depth`.
fn merge_into(
    target: Value,
    source: &Value,
    depth: usize,
    options: &MergeOptions,
) -> Result<Value> {
    match (target, source) {
        (Value::Object(mut out), Value::Object(map)) => {
            enter(depth, options.max_depth)?;
            for (key, item) in map {
                if is_poisoning_entry(key, item) {
                    validate(item, depth + 1, options.max_depth)?;
                    continue;
                }
                let merged = match out.get_mut(key) {
                    Some(existing) => merge_into(existing.take(), item, depth + 1, options)?,
                    None => copy(item, depth + 1, options.max_depth)?,
                };
                out.insert(key.clone(), merged);
            }
            Ok(Value::Object(out))
        }
        (Value::Array(mut out), Value::Array(items)) if options.arrays == ArrayMerge::Concat => {
            enter(depth, options.max_depth)?;
            for item in items {
                out.push(copy(item, depth + 1, options.max_depth)?);
            }
            Ok(Value::Array(out))
        }
        (_, source) => copy(source, depth, options.max_depth),
    }
}

/// Deep-merges `sources` into a copy of `target`, left to right, and returns the result.
///
/// - Object into object: key by key, recursively. Any other pair: the source's value
///   replaces the target's (arrays too, unless [`ArrayMerge::Concat`]).
/// - A `null` source is skipped (as JS `null`/`undefined` sources are); a `null` *value*
///   inside a source replaces the target's value.
/// - Poisoning entries ([`is_poisoning_entry`]) never reach the result, from the target
///   or from a source; other `constructor` and `prototype` keys are data and are merged.
/// - `INPUT_TOO_DEEP` if any input nests deeper than `options.max_depth`.
///
/// # Examples
/// ```
/// use bulwark_core::merge::{merge, ArrayMerge, MergeOptions};
/// use serde_json::json;
/// let defaults = json!({"db": {"host": "localhost", "port": 5432}, "tags": ["a"]});
/// let user = json!({"db": {"port": 6543}, "tags": ["b"], "__proto__": {"isAdmin": true}});
/// let merged = merge(&defaults, &[user.clone()], &MergeOptions::default()).unwrap();
/// assert_eq!(merged, json!({"db": {"host": "localhost", "port": 6543}, "tags": ["b"]}));
///
/// let concat = MergeOptions { arrays: ArrayMerge::Concat, ..MergeOptions::default() };
/// assert_eq!(merge(&defaults, &[user], &concat).unwrap()["tags"], json!(["a", "b"]));
/// ```
pub fn merge(target: &Value, sources: &[Value], options: &MergeOptions) -> Result<Value> {
    check_max_depth(options.max_depth)?;
    let mut out = copy(target, 1, options.max_depth)?;
    for source in sources.iter().filter(|s| !s.is_null()) {
        out = merge_into(out, source, 1, options)?;
    }
    Ok(out)
}

/// Applies `patch` to the object `out` (our copy) in place, RFC 7386 style.
fn apply_patch(
    out: &mut Map<String, Value>,
    patch: &Map<String, Value>,
    depth: usize,
    max_depth: usize,
) -> Result<()> {
    enter(depth, max_depth)?;
    for (key, item) in patch {
        if is_poisoning_entry(key, item) {
            validate(item, depth + 1, max_depth)?;
        } else if item.is_null() {
            out.shift_remove(key);
        } else if let Value::Object(fields) = item {
            match out.get_mut(key) {
                Some(Value::Object(existing)) => {
                    apply_patch(existing, fields, depth + 1, max_depth)?
                }
                _ => {
                    let mut fresh = Map::new();
                    apply_patch(&mut fresh, fields, depth + 1, max_depth)?;
                    out.insert(key.clone(), Value::Object(fresh));
                }
            }
        } else {
            out.insert(key.clone(), copy(item, depth + 1, max_depth)?);
        }
    }
    Ok(())
}

/// RFC 7386 JSON Merge Patch: returns `target` with `patch` applied.
///
/// An object patch edits an object (a non-object target is replaced by `{}` first): a
/// `null` member removes the key, any other member is merge-patched into it. Any
/// non-object patch replaces the target. Poisoning entries ([`is_poisoning_entry`]) never
/// reach the result. The
/// whole target and patch are validated (`INPUT_TOO_DEEP` beyond `max_depth`).
///
/// # Examples
/// ```
/// use bulwark_core::merge::merge_patch;
/// use serde_json::json;
/// // The example of RFC 7386, section 3.
/// let target = json!({"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
///                     "tags": ["example", "sample"], "content": "This will be unchanged"});
/// let patch = json!({"title": "Hello!", "phoneNumber": "+01-123-456-7890",
///                    "author": {"familyName": null}, "tags": ["example"]});
/// assert_eq!(merge_patch(&target, &patch, 128).unwrap(), json!({
///     "title": "Hello!", "author": {"givenName": "John"}, "tags": ["example"],
///     "content": "This will be unchanged", "phoneNumber": "+01-123-456-7890"}));
/// ```
pub fn merge_patch(target: &Value, patch: &Value, max_depth: usize) -> Result<Value> {
    check_max_depth(max_depth)?;
    let out = copy(target, 1, max_depth)?;
    let Value::Object(fields) = patch else {
        return copy(patch, 1, max_depth);
    };
    let mut object = match out {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    apply_patch(&mut object, fields, 1, max_depth)?;
    Ok(Value::Object(object))
}

/// Options of [`sanitize_keys`] and [`find_unsafe_keys`], express-mongo-sanitize's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SanitizeOptions {
    /// Keys containing `.` are allowed; only a leading `$` is unsafe.
    pub allow_dots: bool,
    /// Rename unsafe keys instead of removing them: the leading `$` and every `.` are
    /// replaced with this text. `None` (or an empty string) removes them.
    pub replace_with: Option<String>,
    /// Deepest nesting accepted (`[]` is depth 1).
    pub max_depth: usize,
}

impl Default for SanitizeOptions {
    fn default() -> Self {
        SanitizeOptions { allow_dots: false, replace_with: None, max_depth: DEFAULT_MAX_DEPTH }
    }
}

impl SanitizeOptions {
    fn validate(&self) -> Result<Option<&str>> {
        check_max_depth(self.max_depth)?;
        match self.replace_with.as_deref() {
            None | Some("") => Ok(None),
            Some(r) if r.starts_with('$') || r.contains('.') => Err(Error::new(
                ErrorCode::InvalidOptions,
                "replaceWith must not start with '$' or contain '.' (the renamed key would be unsafe again)",
            )),
            Some(r) => Ok(Some(r)),
        }
    }
}

/// `true` for a key MongoDB would read as an operator or a path: one starting with `$`,
/// or (unless `allow_dots`) containing `.`.
///
/// # Examples
/// ```
/// use bulwark_core::merge::is_unsafe_key;
/// assert!(is_unsafe_key("$where", false) && is_unsafe_key("a.b", false));
/// assert!(!is_unsafe_key("a.b", true) && !is_unsafe_key("a$", false));
/// ```
pub fn is_unsafe_key(key: &str, allow_dots: bool) -> bool {
    key.starts_with('$') || (!allow_dots && key.contains('.'))
}

/// express-mongo-sanitize's renaming: the leading `$` and every `.` become `with`.
fn renamed(key: &str, with: &str) -> String {
    let mut out = String::with_capacity(key.len() + with.len());
    for (i, ch) in key.char_indices() {
        if (i == 0 && ch == '$') || ch == '.' {
            out.push_str(with);
        } else {
            out.push(ch);
        }
    }
    out
}

fn sanitize(
    value: &Value,
    depth: usize,
    options: &SanitizeOptions,
    with: Option<&str>,
) -> Result<Value> {
    let max_depth = options.max_depth;
    match value {
        Value::Array(items) => {
            enter(depth, max_depth)?;
            items
                .iter()
                .map(|item| sanitize(item, depth + 1, options, with))
                .collect::<Result<_>>()
                .map(Value::Array)
        }
        Value::Object(map) => {
            enter(depth, max_depth)?;
            let mut out = Map::with_capacity(map.len());
            let mut renames = Vec::new();
            for (key, item) in map {
                if !is_unsafe_key(key, options.allow_dots) {
                    out.insert(key.clone(), sanitize(item, depth + 1, options, with)?);
                } else if let Some(with) = with {
                    renames.push((renamed(key, with), item));
                } else {
                    validate(item, depth + 1, max_depth)?;
                }
            }
            // Renamed keys are written after the others, in order, as express-mongo-sanitize's
            // in-place edits leave them: a renamed key overwrites a same-named original one.
            for (key, item) in renames {
                if is_poisoning_entry(&key, item) {
                    validate(item, depth + 1, max_depth)?;
                } else {
                    out.insert(key, sanitize(item, depth + 1, options, with)?);
                }
            }
            Ok(Value::Object(out))
        }
        scalar => Ok(scalar.clone()),
    }
}

/// Returns `value` without the keys MongoDB would read as operators or paths (see
/// [`is_unsafe_key`]), at any depth, as express-mongo-sanitize's `sanitize` does, but
/// without mutating the input. With `replace_with`, unsafe keys are renamed instead
/// (a rename that makes a poisoning entry, see [`is_poisoning_entry`], is dropped), and a
/// renamed key overwrites an
/// original key of the same name.
///
/// `INVALID_OPTIONS` for a `replace_with` that would leave the key unsafe; `INPUT_TOO_DEEP`
/// beyond `max_depth`.
///
/// # Examples
/// ```
/// use bulwark_core::merge::{sanitize_keys, SanitizeOptions};
/// use serde_json::json;
/// let login = json!({"user": "ann", "password": {"$ne": null}, "a.b": [{"$where": "1"}]});
/// assert_eq!(sanitize_keys(&login, &SanitizeOptions::default()).unwrap(),
///            json!({"user": "ann", "password": {}}));
/// let rename = SanitizeOptions { replace_with: Some("_".into()), ..SanitizeOptions::default() };
/// assert_eq!(sanitize_keys(&login, &rename).unwrap(),
///            json!({"user": "ann", "password": {"_ne": null}, "a_b": [{"_where": "1"}]}));
/// ```
pub fn sanitize_keys(value: &Value, options: &SanitizeOptions) -> Result<Value> {
    let with = options.validate()?;
    sanitize(value, 1, options, with)
}

/// One step of a path into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

fn find(
    value: &Value,
    depth: usize,
    options: &SanitizeOptions,
    path: &mut Vec<PathSegment>,
    found: &mut Vec<Vec<PathSegment>>,
) -> Result<()> {
    match value {
        Value::Array(items) => {
            enter(depth, options.max_depth)?;
            for (i, item) in items.iter().enumerate() {
                path.push(PathSegment::Index(i));
                find(item, depth + 1, options, path, found)?;
                path.pop();
            }
        }
        Value::Object(map) => {
            enter(depth, options.max_depth)?;
            for (key, item) in map {
                path.push(PathSegment::Key(key.clone()));
                if is_unsafe_key(key, options.allow_dots) {
                    found.push(path.clone());
                }
                find(item, depth + 1, options, path, found)?;
                path.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

/// The path of every unsafe key (see [`is_unsafe_key`]) in `value`, in document order,
/// including unsafe keys under unsafe keys. Empty when express-mongo-sanitize's `has`
/// would return `false`. `options.replace_with` is not used.
///
/// # Examples
/// ```
/// use bulwark_core::merge::{find_unsafe_keys, PathSegment, SanitizeOptions};
/// let body = serde_json::json!({"q": [{"$gt": 1}], "ok": true});
/// let found = find_unsafe_keys(&body, &SanitizeOptions::default()).unwrap();
/// assert_eq!(found, vec![vec![PathSegment::Key("q".into()), PathSegment::Index(0), PathSegment::Key("$gt".into())]]);
/// ```
pub fn find_unsafe_keys(value: &Value, options: &SanitizeOptions) -> Result<Vec<Vec<PathSegment>>> {
    check_max_depth(options.max_depth)?;
    let mut found = Vec::new();
    find(value, 1, options, &mut Vec::new(), &mut found)?;
    Ok(found)
}

// JSON-text entry points for the bindings: values cross as `JSON.stringify` text and go
// back as JSON text, so both bindings stay thin and identical.

/// [`merge`] over JSON texts: `values[0]` is the target, the rest are the sources.
///
/// # Examples
/// ```
/// use bulwark_core::merge::{merge_text, MergeOptions};
/// let out = merge_text(&[r#"{"a":{"b":1}}"#, r#"{"a":{"c":2},"__proto__":{"x":1}}"#], &MergeOptions::default());
/// assert_eq!(out.unwrap(), r#"{"a":{"b":1,"c":2}}"#);
/// ```
pub fn merge_text<S: AsRef<str>>(values: &[S], options: &MergeOptions) -> Result<String> {
    let values = values.iter().map(|text| parse_data(text.as_ref())).collect::<Result<Vec<_>>>()?;
    let (target, sources) = values
        .split_first()
        .ok_or_else(|| Error::new(ErrorCode::InvalidType, "merge needs a target"))?;
    to_text(&merge(target, sources, options)?)
}

/// [`merge_patch`] over JSON texts.
///
/// # Examples
/// ```
/// use bulwark_core::merge::merge_patch_text;
/// assert_eq!(merge_patch_text(r#"{"a":1,"b":2}"#, r#"{"a":null}"#, 128).unwrap(), r#"{"b":2}"#);
/// ```
pub fn merge_patch_text(target: &str, patch: &str, max_depth: usize) -> Result<String> {
    to_text(&merge_patch(&parse_data(target)?, &parse_data(patch)?, max_depth)?)
}

/// [`sanitize_keys`] over JSON text.
///
/// # Examples
/// ```
/// use bulwark_core::merge::{sanitize_keys_text, SanitizeOptions};
/// assert_eq!(sanitize_keys_text(r#"{"$gt":1,"a":2}"#, &SanitizeOptions::default()).unwrap(), r#"{"a":2}"#);
/// ```
pub fn sanitize_keys_text(value: &str, options: &SanitizeOptions) -> Result<String> {
    to_text(&sanitize_keys(&parse_data(value)?, options)?)
}

/// [`find_unsafe_keys`] over JSON text; the paths come back as a JSON array of arrays of
/// keys (strings) and indexes (numbers).
///
/// # Examples
/// ```
/// use bulwark_core::merge::{find_unsafe_keys_text, SanitizeOptions};
/// let found = find_unsafe_keys_text(r#"[{"a.b":1}]"#, &SanitizeOptions::default()).unwrap();
/// assert_eq!(found, r#"[[0,"a.b"]]"#);
/// ```
pub fn find_unsafe_keys_text(value: &str, options: &SanitizeOptions) -> Result<String> {
    let paths = find_unsafe_keys(&parse_data(value)?, options)?
        .into_iter()
        .map(|path| {
            Value::Array(
                path.into_iter()
                    .map(|segment| match segment {
                        PathSegment::Key(key) => Value::String(key),
                        PathSegment::Index(i) => Value::from(i),
                    })
                    .collect(),
            )
        })
        .collect();
    to_text(&Value::Array(paths))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn nested(depth: usize) -> Value {
        let mut v = json!(1);
        for i in 0..depth {
            v = if i % 2 == 0 { json!([v]) } else { json!({ "k": v }) };
        }
        v
    }

    #[test]
    fn merge_table() {
        let d = MergeOptions::default();
        let concat = MergeOptions { arrays: ArrayMerge::Concat, ..d };
        // (target, sources, options, expected)
        let cases: Vec<(Value, Vec<Value>, MergeOptions, Value)> = vec![
            (json!({"a": 1}), vec![json!({"b": 2})], d, json!({"a": 1, "b": 2})),
            (
                json!({"a": {"x": 1, "y": 2}}),
                vec![json!({"a": {"y": 3, "z": 4}})],
                d,
                json!({"a": {"x": 1, "y": 3, "z": 4}}),
            ),
            (json!({"a": [1, 2, 3]}), vec![json!({"a": [4]})], d, json!({"a": [4]})),
            (json!({"a": [1, 2]}), vec![json!({"a": [3]})], concat, json!({"a": [1, 2, 3]})),
            (json!([1]), vec![json!([2]), json!([3])], concat, json!([1, 2, 3])),
            (json!([1]), vec![json!([2])], d, json!([2])),
            (json!({"a": {"x": 1}}), vec![json!({"a": null})], d, json!({"a": null})),
            (json!({"a": 1}), vec![json!({"a": {"b": 1}})], d, json!({"a": {"b": 1}})),
            (json!({"a": {"b": 1}}), vec![json!({"a": 1})], d, json!({"a": 1})),
            (
                json!({"a": 1}),
                vec![Value::Null, json!({"b": 2}), Value::Null],
                d,
                json!({"a": 1, "b": 2}),
            ),
            (json!(1), vec![json!({"a": 1})], d, json!({"a": 1})),
            (json!({"a": 1}), vec![json!("x")], d, json!("x")),
            (json!({"a": 1}), vec![], d, json!({"a": 1})),
            (
                json!({"a": {"b": {"c": 1}}}),
                vec![json!({"a": {"b": {"d": 2}}}), json!({"a": {"e": 3}})],
                d,
                json!({"a": {"b": {"c": 1, "d": 2}, "e": 3}}),
            ),
            // Poisoning entries never reach the result, wherever they come from; a
            // `constructor` or `prototype` key that cannot reach a prototype is data.
            (
                json!({"__proto__": {"x": 1}, "constructor": 1, "ok": 1}),
                vec![],
                d,
                json!({"constructor": 1, "ok": 1}),
            ),
            (
                json!({}),
                vec![json!({"constructor": "Bob", "prototype": {"x": 1}})],
                d,
                json!({"constructor": "Bob", "prototype": {"x": 1}}),
            ),
            (
                json!({"constructor": {"name": "a"}}),
                vec![json!({"constructor": {"size": 1}})],
                d,
                json!({"constructor": {"name": "a", "size": 1}}),
            ),
            (
                json!({"constructor": {"name": "a"}}),
                vec![json!({"constructor": {"prototype": {"x": 1}}})],
                d,
                json!({"constructor": {"name": "a"}}),
            ),
            (json!({}), vec![json!({"__proto__": "a string"})], d, json!({})),
            (json!({}), vec![json!({"__proto__": {"polluted": true}})], d, json!({})),
            (
                json!({}),
                vec![json!({"constructor": {"prototype": {"polluted": true}}})],
                d,
                json!({}),
            ),
            (
                json!({"a": {}}),
                vec![json!({"a": {"prototype": {"x": 1}, "y": 2}})],
                d,
                json!({"a": {"prototype": {"x": 1}, "y": 2}}),
            ),
            (json!([]), vec![json!([{"__proto__": 1, "k": 1}])], d, json!([{"k": 1}])),
        ];
        for (target, sources, options, expected) in cases {
            assert_eq!(
                merge(&target, &sources, &options),
                Ok(expected.clone()),
                "{target} <- {sources:?}"
            );
        }
    }

    #[test]
    fn merge_keeps_js_key_order() {
        let merged = merge(
            &json!({"b": 1, "a": {"y": 1, "x": 1}}),
            &[json!({"c": 1, "a": {"z": 1, "y": 2}, "b": 2})],
            &MergeOptions::default(),
        );
        assert_eq!(
            serde_json::to_string(&merged.unwrap_or_default()).unwrap_or_default(),
            r#"{"b":2,"a":{"y":2,"x":1,"z":1},"c":1}"#
        );
    }

    #[test]
    fn depth_is_bounded_everywhere() {
        let d = MergeOptions { max_depth: 10, ..MergeOptions::default() };
        let ok = nested(10);
        let deep = nested(11);
        assert!(merge(&ok, std::slice::from_ref(&ok), &d).is_ok());
        for (target, source) in [
            (deep.clone(), json!({})),
            (json!({}), deep.clone()),
            (json!({}), json!({"__proto__": deep.clone()})),
        ] {
            assert_eq!(merge(&target, &[source], &d).unwrap_err().code(), ErrorCode::InputTooDeep);
        }
        assert_eq!(
            merge_patch(&deep, &json!(1), 10).unwrap_err().code(),
            ErrorCode::InputTooDeep,
            "the whole target is validated"
        );
        assert_eq!(
            merge_patch(&json!({}), &json!({"constructor": deep.clone()}), 10).unwrap_err().code(),
            ErrorCode::InputTooDeep
        );
        let s = SanitizeOptions { max_depth: 10, ..SanitizeOptions::default() };
        assert_eq!(
            sanitize_keys(&json!({"$x": deep.clone()}), &s).unwrap_err().code(),
            ErrorCode::InputTooDeep
        );
        assert_eq!(find_unsafe_keys(&deep, &s).unwrap_err().code(), ErrorCode::InputTooDeep);
        assert!(sanitize_keys(&ok, &s).is_ok());
        let too_big = MergeOptions { max_depth: MAX_DEPTH_LIMIT + 1, ..MergeOptions::default() };
        assert_eq!(merge(&json!(1), &[], &too_big).unwrap_err().code(), ErrorCode::InvalidOptions);
        // The deepest input allowed at all works (bounded recursion, no stack overflow).
        let deepest = nested(MAX_DEPTH_LIMIT);
        let max = MergeOptions { max_depth: MAX_DEPTH_LIMIT, ..MergeOptions::default() };
        assert_eq!(merge(&deepest, std::slice::from_ref(&deepest), &max).as_ref(), Ok(&deepest));
        assert_eq!(merge_patch(&deepest, &deepest, MAX_DEPTH_LIMIT).as_ref(), Ok(&deepest));
    }

    #[test]
    fn merge_patch_rfc7386_appendix_a() {
        // Every test case of RFC 7386, Appendix A.
        let cases = [
            (json!({"a": "b"}), json!({"a": "c"}), json!({"a": "c"})),
            (json!({"a": "b"}), json!({"b": "c"}), json!({"a": "b", "b": "c"})),
            (json!({"a": "b"}), json!({"a": null}), json!({})),
            (json!({"a": "b", "b": "c"}), json!({"a": null}), json!({"b": "c"})),
            (json!({"a": ["b"]}), json!({"a": "c"}), json!({"a": "c"})),
            (json!({"a": "c"}), json!({"a": ["b"]}), json!({"a": ["b"]})),
            (
                json!({"a": {"b": "c"}}),
                json!({"a": {"b": "d", "c": null}}),
                json!({"a": {"b": "d"}}),
            ),
            (json!({"a": [{"b": "c"}]}), json!({"a": [1]}), json!({"a": [1]})),
            (json!(["a", "b"]), json!(["c", "d"]), json!(["c", "d"])),
            (json!({"a": "b"}), json!(["c"]), json!(["c"])),
            (json!({"a": "foo"}), json!(null), json!(null)),
            (json!({"a": "foo"}), json!("bar"), json!("bar")),
            (json!({"e": null}), json!({"a": 1}), json!({"e": null, "a": 1})),
            (json!([1, 2]), json!({"a": "b", "c": null}), json!({"a": "b"})),
            (json!({}), json!({"a": {"bb": {"ccc": null}}}), json!({"a": {"bb": {}}})),
        ];
        for (target, patch, expected) in cases {
            assert_eq!(
                merge_patch(&target, &patch, DEFAULT_MAX_DEPTH),
                Ok(expected),
                "{target} + {patch}"
            );
        }
        // Poisoning entries are neither written nor removed from anything; other
        // `constructor` and `prototype` keys are data.
        assert_eq!(
            merge_patch(&json!({"a": 1}), &json!({"__proto__": {"x": 1}, "a": null}), 10),
            Ok(json!({}))
        );
        assert_eq!(
            merge_patch(&json!({"constructor": 1}), &json!({"b": {"prototype": 1, "c": null}}), 10),
            Ok(json!({"constructor": 1, "b": {"prototype": 1}}))
        );
        assert_eq!(
            merge_patch(
                &json!({"constructor": {"name": "a"}}),
                &json!({"constructor": {"prototype": {"x": 1}}, "prototype": null}),
                10
            ),
            Ok(json!({"constructor": {"name": "a"}}))
        );
        assert_eq!(
            merge_patch(&json!({"constructor": {"name": "a"}}), &json!({"constructor": null}), 10),
            Ok(json!({}))
        );
    }

    #[test]
    fn sanitize_table() {
        let remove = SanitizeOptions::default();
        let dots = SanitizeOptions { allow_dots: true, ..SanitizeOptions::default() };
        let under =
            SanitizeOptions { replace_with: Some("_".into()), ..SanitizeOptions::default() };
        let under_dots = SanitizeOptions {
            replace_with: Some("_".into()),
            allow_dots: true,
            ..SanitizeOptions::default()
        };
        let letter_c =
            SanitizeOptions { replace_with: Some("c".into()), ..SanitizeOptions::default() };
        let cases: Vec<(Value, &SanitizeOptions, Value)> = vec![
            (json!({"$gt": 1, "a": 2}), &remove, json!({"a": 2})),
            (json!({"a.b": 1, "a": {"$in": [1], "b$": 2}}), &remove, json!({"a": {"b$": 2}})),
            (
                json!([{"$where": 1}, "$str", {"k": [{"x.y": 1}]}]),
                &remove,
                json!([{}, "$str", {"k": [{}]}]),
            ),
            (json!({"a.b": 1, "$c": 2}), &dots, json!({"a.b": 1})),
            (json!({"$gt": 1, "a.b": {"$ne": 2}}), &under, json!({"_gt": 1, "a_b": {"_ne": 2}})),
            (json!({"$a.b.c": 1}), &under_dots, json!({"_a_b_c": 1})),
            (json!({"x.y": 1}), &under_dots, json!({"x.y": 1})),
            // A renamed key overwrites an original of the same name, before or after it.
            (json!({"$a": 1, "_a": 2}), &under, json!({"_a": 1})),
            (json!({"_a": 2, "$a": 1}), &under, json!({"_a": 1})),
            (json!({"_.a": 1, "$.a": 2}), &under, json!({"__a": 2})),
            (json!({"$.a": 2, "_.a": 1}), &under, json!({"__a": 1})),
            // Renaming into a forbidden name drops the key.
            (json!({"$_proto__": 1, "ok": 1}), &under, json!({"ok": 1})),
            (json!({"$onstructor": {"prototype": 1}}), &letter_c, json!({})),
            // Not a merge: existing forbidden keys are kept as data.
            (json!({"__proto__": {"$x": 1}}), &remove, json!({"__proto__": {}})),
            (json!("$top"), &remove, json!("$top")),
        ];
        for (value, options, expected) in cases {
            assert_eq!(
                sanitize_keys(&value, options),
                Ok(expected.clone()),
                "{value} with {options:?}"
            );
            assert_eq!(
                find_unsafe_keys(
                    &expected,
                    &SanitizeOptions { allow_dots: options.allow_dots, ..remove.clone() }
                )
                .map(|f| f.len()),
                Ok(0),
                "{expected} is clean"
            );
        }
        for bad in ["$", "$x", ".", "a.b"] {
            let options =
                SanitizeOptions { replace_with: Some(bad.into()), ..SanitizeOptions::default() };
            assert_eq!(
                sanitize_keys(&json!({}), &options).unwrap_err().code(),
                ErrorCode::InvalidOptions,
                "{bad}"
            );
        }
        let empty =
            SanitizeOptions { replace_with: Some(String::new()), ..SanitizeOptions::default() };
        assert_eq!(
            sanitize_keys(&json!({"$a": 1}), &empty),
            Ok(json!({})),
            "an empty replacement removes"
        );
    }

    #[test]
    fn find_reports_every_path() {
        use PathSegment::{Index as I, Key as K};
        let value = json!({"a": [{"$gt": {"b.c": 1}}], "ok": {"$x": 1}});
        let found = find_unsafe_keys(&value, &SanitizeOptions::default()).unwrap_or_default();
        assert_eq!(
            found,
            vec![
                vec![K("a".into()), I(0), K("$gt".into())],
                vec![K("a".into()), I(0), K("$gt".into()), K("b.c".into())],
                vec![K("ok".into()), K("$x".into())],
            ]
        );
        let dots = SanitizeOptions { allow_dots: true, ..SanitizeOptions::default() };
        assert_eq!(find_unsafe_keys(&value, &dots).map(|f| f.len()), Ok(2));
    }

    #[test]
    fn megabyte_inputs() {
        let wide =
            Value::Array((0..50_000).map(|i| json!({"$i": i, "k.v": "x", "keep": [i]})).collect());
        let clean = sanitize_keys(&wide, &SanitizeOptions::default()).unwrap_or_default();
        assert_eq!(clean.as_array().map(Vec::len), Some(50_000));
        assert_eq!(clean[49_999], json!({"keep": [49_999]}));
        assert_eq!(
            find_unsafe_keys(&wide, &SanitizeOptions::default()).map(|f| f.len()),
            Ok(100_000)
        );
        let merged = merge(
            &json!({"list": wide.clone()}),
            &[json!({"list": wide.clone()})],
            &MergeOptions { arrays: ArrayMerge::Concat, ..MergeOptions::default() },
        );
        assert_eq!(merged.map(|m| m["list"].as_array().map(Vec::len)), Ok(Some(100_000)));
    }
}
