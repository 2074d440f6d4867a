//! `escapeHtml` / `unescapeHtml`.

use std::borrow::Cow;

use bulwark_core::escape;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry_ok;

// Strings cross as UTF-16: V8 copies its two-byte strings as they are (one-byte strings
// are widened), nothing is transcoded, and lone surrogates survive exactly as
// validator.js leaves them. The result is built back from UTF-16 the same way.

/// The input itself when `transform` left it unchanged, else the new units.
fn map_utf16(input: Utf16String, transform: fn(&[u16]) -> Cow<'_, [u16]>) -> Utf16String {
    let changed = match transform(&input) {
        Cow::Borrowed(_) => None,
        Cow::Owned(units) => Some(units),
    };
    changed.map_or(input, Utf16String::from)
}

/// validator.js-compatible `escape`.
#[napi(catch_unwind, ts_args_type = "input: string", ts_return_type = "string")]
pub fn escape_html(input: Utf16String) -> Result<Utf16String, &'static str> {
    entry_ok(|| map_utf16(input, escape::escape_html_units))
}

/// validator.js-compatible `unescape`.
#[napi(catch_unwind, ts_args_type = "input: string", ts_return_type = "string")]
pub fn unescape_html(input: Utf16String) -> Result<Utf16String, &'static str> {
    entry_ok(|| map_utf16(input, escape::unescape_html_units))
}
