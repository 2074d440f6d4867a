//! `escapeHtml` / `unescapeHtml`.

use bulwark_core::escape;
use wasm_bindgen::prelude::*;

/// validator.js-compatible `escape`.
#[wasm_bindgen(js_name = escapeHtml)]
pub fn escape_html(input: &str) -> String {
    crate::entered();
    escape::escape_html(input).into_owned()
}

/// validator.js-compatible `unescape`.
#[wasm_bindgen(js_name = unescapeHtml)]
pub fn unescape_html(input: &str) -> String {
    crate::entered();
    escape::unescape_html(input).into_owned()
}
