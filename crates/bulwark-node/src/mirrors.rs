//! `merge`, `mergePatch`, `sanitizeKeys`, `findUnsafeKeys` in the core. Values cross as
//! JSON text (`JSON.stringify` in, `JSON.parse` out). The JS layer runs its own
//! implementation for speed and is tested against these.

use bulwark_core::merge::{self, ArrayMerge, MergeOptions, SanitizeOptions};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::{coded, guarded};

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
