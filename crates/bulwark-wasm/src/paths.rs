//! `resolveWithin`, `decodePathSegment`, `sanitizeFilename`.

use bulwark_core::paths::{self, FilenameOptions, ResolveOptions};
use wasm_bindgen::prelude::*;

use crate::{coded, read_bool, read_field, read_u32};

fn read_string(options: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    read_field(options, key)?
        .map(|v| {
            v.as_string().ok_or_else(|| {
                coded(bulwark_core::Error::new(
                    bulwark_core::ErrorCode::InvalidType,
                    format!("{key} must be a string"),
                ))
            })
        })
        .transpose()
}

fn filename_options(options: &JsValue) -> Result<FilenameOptions, JsValue> {
    let d = FilenameOptions::default();
    Ok(FilenameOptions {
        replacement: read_string(options, "replacement")?.unwrap_or(d.replacement),
        fallback: read_string(options, "fallback")?.unwrap_or(d.fallback),
        max_bytes: read_u32(options, "maxBytes")?.map_or(d.max_bytes, |n| n as usize),
        allow_dotfiles: read_bool(options, "allowDotfiles")?.unwrap_or(d.allow_dotfiles),
    })
}

/// Lexically resolves `user_path` under the absolute `base`; refuses anything that leaves it.
/// The options arrive as two checked primitives, as in the Node addon.
#[wasm_bindgen(js_name = resolveWithin)]
pub fn resolve_within(
    base: &str,
    user_path: &str,
    reject_windows_forms: bool,
    max_length: u32,
) -> Result<String, JsValue> {
    crate::entered();
    let options = ResolveOptions { reject_windows_forms, max_length: max_length as usize };
    paths::resolve_within(base, user_path, &options).map_err(coded)
}

/// Percent-decodes one path segment once, refusing separators, NUL, overlong UTF-8, dot
/// segments and double encoding (also after NFKC).
#[wasm_bindgen(js_name = decodePathSegment)]
pub fn decode_path_segment(segment: &str) -> Result<String, JsValue> {
    crate::entered();
    paths::decode_path_segment(segment).map_err(coded)
}

/// Cleans an untrusted file name.
#[wasm_bindgen(js_name = sanitizeFilename)]
pub fn sanitize_filename(name: &str, options: JsValue) -> Result<String, JsValue> {
    crate::entered();
    paths::sanitize_filename(name, &filename_options(&options)?).map_err(coded)
}
