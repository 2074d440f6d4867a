//! `resolveWithin`, `decodePathSegment`, `sanitizeFilename`.

use bulwark_core::paths::{self, ResolveOptions, filename_options};
use wasm_bindgen::prelude::*;

use crate::coded;

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

/// Cleans an untrusted file name. The options ([`paths::FilenameOptions`], missing ones take its
/// defaults) arrive as checked primitives, as in the Node addon.
#[wasm_bindgen(js_name = sanitizeFilename)]
pub fn sanitize_filename(
    name: &str,
    replacement: Option<String>,
    fallback: Option<String>,
    max_bytes: Option<u32>,
    allow_dotfiles: Option<bool>,
) -> Result<String, JsValue> {
    crate::entered();
    let options = filename_options(replacement, fallback, max_bytes, allow_dotfiles);
    paths::sanitize_filename(name, &options).map_err(coded)
}
