//! Options objects decoded once, here (feature `serde`).
//!
//! Each binding turns a JS options object into a [`serde_json::Value`] (own enumerable
//! properties only, JSON-like values only) and calls [`from_value`] with the core's option
//! type, which derives `Deserialize` with `rename_all = "camelCase"` and
//! `deny_unknown_fields`. The decoding and its error messages are therefore the same on
//! both backends.
//!
//! # Examples
//!
//! ```
//! use bulwark_core::ErrorCode;
//! use bulwark_core::password::HashOptions;
//! use bulwark_core::options::from_value;
//! use serde_json::json;
//!
//! let options: HashOptions = from_value(json!({ "timeCost": 3 })).unwrap();
//! assert_eq!(options.time_cost, 3);
//! assert_eq!(options.memory_cost, HashOptions::default().memory_cost);
//!
//! let err = from_value::<HashOptions>(json!({ "timeCost": "3" })).unwrap_err();
//! assert_eq!(err.code(), ErrorCode::InvalidOptions);
//! assert_eq!(err.message(), "invalid option timeCost: invalid type: string \"3\", expected u32");
//! ```

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Error, ErrorCode, Result};

/// How deeply an options object may nest (the deepest option type needs 3 levels). The
/// bindings stop converting at this depth, with [`too_deep`]'s error.
pub const MAX_DEPTH: usize = 32;

/// The error for an options object nested deeper than [`MAX_DEPTH`].
pub fn too_deep() -> Error {
    Error::new(ErrorCode::InvalidOptions, format!("options nested deeper than {MAX_DEPTH} levels"))
}

/// The error for an options object holding something JSON cannot (a function, a symbol, a
/// typed array, ...): the JS layer never sends one.
pub fn not_json() -> Error {
    Error::new(
        ErrorCode::InvalidOptions,
        "options may hold only null, booleans, numbers, strings, arrays and plain objects",
    )
}

fn depth(value: &Value) -> usize {
    // Iterative: the value came from outside.
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((value, level)) = stack.pop() {
        deepest = deepest.max(level);
        match value {
            Value::Array(items) => stack.extend(items.iter().map(|v| (v, level + 1))),
            Value::Object(map) => stack.extend(map.values().map(|v| (v, level + 1))),
            _ => {}
        }
    }
    deepest
}

/// Decodes an options object as `T`. `null` (options not given) is an empty object, so every
/// field takes its default; anything else but an object is refused. A failure is `INVALID_OPTIONS` naming the field
/// (`invalid option maxBytes: ...`, `invalid option maxbytes: unknown field ...`).
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T> {
    let value = match value {
        Value::Null => Value::Object(serde_json::Map::new()),
        // A derived struct also accepts its fields as an array, in order: options are objects.
        Value::Object(_) => value,
        _ => return Err(Error::new(ErrorCode::InvalidOptions, "options must be an object")),
    };
    if depth(&value) > MAX_DEPTH {
        return Err(too_deep());
    }
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let message = if path == "." {
            format!("invalid options: {}", err.inner())
        } else {
            format!("invalid option {path}: {}", err.inner())
        };
        Error::new(ErrorCode::InvalidOptions, message)
    })
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(rename_all = "camelCase", deny_unknown_fields, default)]
    struct Sample {
        max_bytes: u32,
        names: Option<Vec<String>>,
    }

    fn message(value: Value) -> String {
        let err = from_value::<Sample>(value).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidOptions);
        err.message().to_owned()
    }

    #[test]
    fn decodes_and_defaults() {
        assert_eq!(from_value::<Sample>(Value::Null).unwrap(), Sample::default());
        assert_eq!(from_value::<Sample>(json!({})).unwrap(), Sample::default());
        assert_eq!(
            from_value::<Sample>(json!({ "maxBytes": 7, "names": ["a"] })).unwrap(),
            Sample { max_bytes: 7, names: Some(vec!["a".into()]) }
        );
        assert_eq!(from_value::<Sample>(json!({ "names": null })).unwrap(), Sample::default());
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(
            message(json!({ "maxbytes": 1 })),
            "invalid option maxbytes: unknown field `maxbytes`, expected `maxBytes` or `names`"
        );
        assert_eq!(
            message(json!({ "maxBytes": -1 })),
            "invalid option maxBytes: invalid value: integer `-1`, expected u32"
        );
        assert_eq!(
            message(json!({ "names": ["a", 1] })),
            "invalid option names[1]: invalid type: integer `1`, expected a string"
        );
        assert_eq!(message(json!([1])), "options must be an object");
        assert_eq!(message(json!("x")), "options must be an object");
    }

    #[test]
    fn core_option_types_decode() {
        use crate::ssrf::{IpCategories, UrlPolicy};
        let policy: UrlPolicy = from_value(json!({
            "allowedHosts": ["example.com"],
            "allowedCategories": ["public", "loopback"],
        }))
        .unwrap();
        assert_eq!(policy.allowed_hosts, Some(vec!["example.com".to_owned()]));
        assert_eq!(
            policy.allowed_categories,
            IpCategories::from_names(["loopback", "public"]).unwrap()
        );
        assert_eq!(policy.allowed_schemes, UrlPolicy::default().allowed_schemes);
        let err = from_value::<UrlPolicy>(json!({ "allowedCategories": ["lan"] })).unwrap_err();
        assert!(
            err.message()
                .starts_with("invalid option allowedCategories: unknown IP category \"lan\"")
        );

        let names: crate::paths::FilenameOptions = from_value(json!({ "maxBytes": 9 })).unwrap();
        assert_eq!((names.max_bytes, names.fallback.as_str()), (9, "_"));
        let limits: crate::password::CostLimits = from_value(json!({ "maxTimeCost": 3 })).unwrap();
        assert_eq!(limits.max_time_cost, 3);
    }

    #[test]
    fn depth_is_bounded() {
        let mut deep = json!(1);
        for _ in 0..=MAX_DEPTH {
            deep = json!([deep]);
        }
        assert_eq!(message(json!({ "names": deep })), too_deep().message());
    }
}
