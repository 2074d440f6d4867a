//! `sanitizeHtml`, `stripTags` and the compiled `Sanitizer` class.

use bulwark_core::html::{self, HtmlPolicy};
use wasm_bindgen::prelude::*;

use crate::coded;
use crate::options::decode_options;

/// A compiled policy: build once, sanitize many times.
#[wasm_bindgen]
pub struct Sanitizer {
    inner: html::Sanitizer,
}

#[wasm_bindgen]
impl Sanitizer {
    /// Validates and compiles the policy: sanitize-html's option names, decoded by the core
    /// ([`HtmlPolicy`]). `INVALID_OPTIONS` when it is unsafe, inconsistent or malformed.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Sanitizer, JsValue> {
        crate::entered();
        let policy: HtmlPolicy = decode_options(&options).map_err(coded)?;
        Ok(Sanitizer { inner: html::Sanitizer::new(&policy).map_err(coded)? })
    }

    /// Sanitizes `html` with this policy.
    pub fn sanitize(&self, html: &str) -> Result<String, JsValue> {
        crate::entered();
        self.inner.sanitize(html).map_err(coded)
    }
}

/// Sanitizes `html` with the default policy.
#[wasm_bindgen(js_name = sanitizeHtml)]
pub fn sanitize_html(html: &str) -> Result<String, JsValue> {
    crate::entered();
    html::sanitize_html(html).map_err(coded)
}

/// The text content of `html` (`INPUT_TOO_LARGE` above `maxBytes` UTF-8 bytes).
#[wasm_bindgen(js_name = stripTags)]
pub fn strip_tags(html: &str, max_bytes: u32) -> Result<String, JsValue> {
    crate::entered();
    html::strip_tags_within(html, max_bytes as usize).map_err(coded)
}
