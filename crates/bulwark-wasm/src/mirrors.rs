//! Test builds only (cargo feature `testing`): the core's reference implementations of
//! the JS mirrors (CONTRIBUTING.md, "JS mirrors"), which the differential tests compare
//! with the JS layer: `merge`, `mergePatch`, `sanitizeKeys`, `findUnsafeKeys`
//! (js-tests/merge.test.js) and the whole `parseJson` (js-tests/json.test.js). Values
//! cross as JSON text (`JSON.stringify` in, `JSON.parse` out).

use bulwark_core::json::{self, JsonOptions, KeyAction};
use bulwark_core::merge::{self, ArrayMerge, MergeOptions, SanitizeOptions};
use wasm_bindgen::prelude::*;

use crate::coded;

/// Deep merge of `values[1..]` into `values[0]`; `arrays` is `"replace"` or `"concat"`.
#[wasm_bindgen(js_name = mergeCore)]
pub fn merge_core(values: Vec<String>, arrays: &str, max_depth: u32) -> Result<String, JsValue> {
    crate::entered();
    let options = MergeOptions {
        arrays: ArrayMerge::parse(arrays).map_err(coded)?,
        max_depth: max_depth as usize,
    };
    merge::merge_text(&values, &options).map_err(coded)
}

/// RFC 7386 merge patch.
#[wasm_bindgen(js_name = mergePatchCore)]
pub fn merge_patch_core(target: &str, patch: &str, max_depth: u32) -> Result<String, JsValue> {
    crate::entered();
    merge::merge_patch_text(target, patch, max_depth as usize).map_err(coded)
}

fn sanitize_options(
    allow_dots: bool,
    replace_with: Option<String>,
    max_depth: u32,
) -> SanitizeOptions {
    SanitizeOptions { allow_dots, replace_with, max_depth: max_depth as usize }
}

/// express-mongo-sanitize's `sanitize`, without mutation.
#[wasm_bindgen(js_name = sanitizeKeysCore)]
pub fn sanitize_keys_core(
    value: &str,
    allow_dots: bool,
    replace_with: Option<String>,
    max_depth: u32,
) -> Result<String, JsValue> {
    crate::entered();
    merge::sanitize_keys_text(value, &sanitize_options(allow_dots, replace_with, max_depth))
        .map_err(coded)
}

/// The paths of unsafe keys, as JSON text: an array of arrays of keys and indexes.
#[wasm_bindgen(js_name = findUnsafeKeysCore)]
pub fn find_unsafe_keys_core(
    value: &str,
    allow_dots: bool,
    max_depth: u32,
) -> Result<String, JsValue> {
    crate::entered();
    merge::find_unsafe_keys_text(value, &sanitize_options(allow_dots, None, max_depth))
        .map_err(coded)
}

/// The core's whole `parseJson` over UTF-8 bytes; returns the result as JSON text.
#[wasm_bindgen(js_name = jsonParseCore)]
pub fn json_parse_core(
    bytes: &[u8],
    proto_action: &str,
    constructor_action: &str,
    max_depth: u32,
    max_bytes: u32,
) -> Result<String, JsValue> {
    crate::entered();
    let options = JsonOptions {
        proto_action: KeyAction::parse(proto_action).map_err(coded)?,
        constructor_action: KeyAction::parse(constructor_action).map_err(coded)?,
        max_depth: max_depth as usize,
        max_bytes: max_bytes as usize,
    };
    json::parse_json_bytes(bytes, &options).and_then(|v| json::to_text(&v)).map_err(coded)
}
