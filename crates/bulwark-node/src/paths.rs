//! `resolveWithin`, `decodePathSegment`, `sanitizeFilename`.

use bulwark_core::paths::{self, FilenameOptions, ResolveOptions};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry;

/// Options of `sanitizeFilename`, checked by the JS layer (null-prototype object).
#[napi(object)]
pub struct SanitizeFilenameOptions {
    pub replacement: Option<String>,
    pub fallback: Option<String>,
    pub max_bytes: Option<u32>,
    pub allow_dotfiles: Option<bool>,
}

impl From<SanitizeFilenameOptions> for FilenameOptions {
    fn from(o: SanitizeFilenameOptions) -> Self {
        let d = FilenameOptions::default();
        FilenameOptions {
            replacement: o.replacement.unwrap_or(d.replacement),
            fallback: o.fallback.unwrap_or(d.fallback),
            max_bytes: o.max_bytes.map_or(d.max_bytes, |n| n as usize),
            allow_dotfiles: o.allow_dotfiles.unwrap_or(d.allow_dotfiles),
        }
    }
}

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

/// Cleans an untrusted file name.
#[napi(catch_unwind)]
pub fn sanitize_filename(
    name: String,
    options: SanitizeFilenameOptions,
) -> Result<String, &'static str> {
    entry(|| paths::sanitize_filename(&name, &options.into()))
}
