//! `resolveWithin`, `decodePathSegment`, `sanitizeFilename`.

use bulwark_core::paths::{self, ResolveOptions, filename_options};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry;

/// Lexically resolves `user_path` under the absolute `base`; refuses anything that leaves it.
/// The options arrive as two checked primitives (`rejectWindowsForms`, `maxLength`) rather
/// than an object: reading an object's fields was most of the call's cost (paths bench).
#[napi(catch_unwind)]
pub fn resolve_within(
    base: String,
    user_path: String,
    reject_windows_forms: bool,
    max_length: u32,
) -> Result<String, &'static str> {
    let options = ResolveOptions { reject_windows_forms, max_length: max_length as usize };
    entry(|| paths::resolve_within(&base, &user_path, &options))
}

/// Percent-decodes one path segment once, refusing separators, NUL, overlong UTF-8, dot
/// segments and double encoding (also after NFKC).
#[napi(catch_unwind)]
pub fn decode_path_segment(segment: String) -> Result<String, &'static str> {
    entry(|| paths::decode_path_segment(&segment))
}

/// Cleans an untrusted file name. The options ([`paths::FilenameOptions`], missing ones take its
/// defaults) arrive as checked primitives, as in `resolveWithin`: decoding an options
/// object on every call cost more than the call itself (sanitizeFilename in paths.bench.js).
#[napi(catch_unwind)]
pub fn sanitize_filename(
    name: String,
    replacement: Option<String>,
    fallback: Option<String>,
    max_bytes: Option<u32>,
    allow_dotfiles: Option<bool>,
) -> Result<String, &'static str> {
    entry(|| {
        let options = filename_options(replacement, fallback, max_bytes, allow_dotfiles);
        paths::sanitize_filename(&name, &options)
    })
}
