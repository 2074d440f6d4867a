//! `merge`, `mergePatch`, `sanitizeKeys`, `findUnsafeKeys` in the core. Values cross as
//! JSON text (`JSON.stringify` in, `JSON.parse` out). The JS layer runs its own
//! implementation for speed and is tested against these.

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
