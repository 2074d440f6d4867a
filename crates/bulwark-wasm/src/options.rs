//! Options objects, decoded by the core ([`bulwark_core::options::from_value`]) after one
//! conversion to a `serde_json::Value` by serde-wasm-bindgen.
//!
//! serde-wasm-bindgen reads a plain object's own enumerable string keys
//! (`Object.entries`). An object that has (or inherits) `Symbol.iterator` is refused
//! rather than iterated, so a polluted prototype cannot add fields; the JS layer passes
//! null-prototype objects anyway. Numbers convert as the Node addon converts them.

use bulwark_core::options;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// Decodes a JS options object (`undefined` or `null`: every default) as the core's `T`.
/// Errors are `INVALID_OPTIONS` naming the field, the same as the Node addon's.
pub(crate) fn decode_options<T: DeserializeOwned>(value: &JsValue) -> bulwark_core::Result<T> {
    let json: serde_json::Value =
        serde_wasm_bindgen::from_value(value.clone()).map_err(|_| options::not_json())?;
    options::from_value(json)
}
