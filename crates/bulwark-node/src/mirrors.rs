//! Test builds only (cargo feature `testing`): the core's reference implementations of
//! the JS mirrors (CONTRIBUTING.md, "JS mirrors"), which the differential tests compare
//! with the JS layer: `merge`, `mergePatch`, `sanitizeKeys`, `findUnsafeKeys`
//! (js-tests/merge.test.js) and the whole `parseJson` (js-tests/json.test.js). Values
//! cross as JSON text (`JSON.stringify` in, `JSON.parse` out).

use bulwark_core::json::{self, JsonOptions, KeyAction};
use bulwark_core::merge::{self, ArrayMerge, MergeOptions, SanitizeOptions};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::{coded, entry, guarded};

/// Deep merge of `values[1..]` into `values[0]`; `arrays` is `"replace"` or `"concat"`.
#[napi(catch_unwind)]
pub fn merge_core(
    values: Vec<String>,
    arrays: String,
    max_depth: u32,
) -> Result<String, &'static str> {
    guarded(|| {
        let options =
            MergeOptions { arrays: ArrayMerge::parse(&arrays)?, max_depth: max_depth as usize };
        merge::merge_text(&values, &options)
    })
    .map_err(coded)
}

/// RFC 7386 merge patch.
#[napi(catch_unwind)]
pub fn merge_patch_core(
    target: String,
    patch: String,
    max_depth: u32,
) -> Result<String, &'static str> {
    guarded(|| merge::merge_patch_text(&target, &patch, max_depth as usize)).map_err(coded)
}

fn sanitize_options(
    allow_dots: bool,
    replace_with: Option<String>,
    max_depth: u32,
) -> SanitizeOptions {
    SanitizeOptions { allow_dots, replace_with, max_depth: max_depth as usize }
}

/// express-mongo-sanitize's `sanitize`, without mutation.
#[napi(catch_unwind)]
pub fn sanitize_keys_core(
    value: String,
    allow_dots: bool,
    replace_with: Option<String>,
    max_depth: u32,
) -> Result<String, &'static str> {
    guarded(|| {
        merge::sanitize_keys_text(&value, &sanitize_options(allow_dots, replace_with, max_depth))
    })
    .map_err(coded)
}

/// The paths of unsafe keys, as JSON text: an array of arrays of keys and indexes.
#[napi(catch_unwind)]
pub fn find_unsafe_keys_core(
    value: String,
    allow_dots: bool,
    max_depth: u32,
) -> Result<String, &'static str> {
    guarded(|| merge::find_unsafe_keys_text(&value, &sanitize_options(allow_dots, None, max_depth)))
        .map_err(coded)
}

/// The core's whole `parseJson` over UTF-8 bytes; returns the result as JSON text.
#[napi(catch_unwind)]
pub fn json_parse_core(
    bytes: &[u8],
    proto_action: String,
    constructor_action: String,
    max_depth: u32,
    max_bytes: u32,
) -> Result<String, &'static str> {
    entry(|| {
        let options = JsonOptions {
            proto_action: KeyAction::parse(&proto_action)?,
            constructor_action: KeyAction::parse(&constructor_action)?,
            max_depth: max_depth as usize,
            max_bytes: max_bytes as usize,
        };
        json::to_text(&json::parse_json_bytes(bytes, &options)?)
    })
}
