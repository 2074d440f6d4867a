//! `sanitizeHtml`, `stripTags` and the compiled `Sanitizer` class.

use bulwark_core::html::{self, HtmlPolicy};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry;

/// A compiled policy: build once, sanitize many times.
#[napi]
pub struct Sanitizer {
    inner: html::Sanitizer,
}

#[napi]
impl Sanitizer {
    /// Validates and compiles the policy, given as JSON text with sanitize-html's option
    /// names (the JS layer validates the options and writes the text from own properties
    /// only). `INVALID_OPTIONS` when it is unsafe, inconsistent or malformed.
    #[napi(constructor, catch_unwind)]
    pub fn new(policy_json: String) -> Result<Self, &'static str> {
        entry(|| {
            Ok(Sanitizer { inner: html::Sanitizer::new(&HtmlPolicy::from_json(&policy_json)?)? })
        })
    }

    /// Sanitizes `html` with this policy.
    #[napi(catch_unwind)]
    pub fn sanitize(&self, html: String) -> Result<String, &'static str> {
        entry(|| self.inner.sanitize(&html))
    }
}

/// Sanitizes `html` with the default policy.
#[napi(catch_unwind)]
pub fn sanitize_html(html: String) -> Result<String, &'static str> {
    entry(|| html::sanitize_html(&html))
}

/// The text content of `html` (`INPUT_TOO_LARGE` above `maxBytes` UTF-8 bytes).
#[napi(catch_unwind)]
pub fn strip_tags(html: String, max_bytes: u32) -> Result<String, &'static str> {
    entry(|| html::strip_tags_within(&html, max_bytes as usize))
}
