//! `sanitizeHtml`, `stripTags` and the compiled `Sanitizer` class.

use bulwark_core::html::{self, HtmlPolicy};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry;
use crate::options::decode_options;

/// A compiled policy: build once, sanitize many times.
#[napi]
pub struct Sanitizer {
    inner: html::Sanitizer,
}

#[napi]
impl Sanitizer {
    /// Validates and compiles the policy: sanitize-html's option names, decoded by the core
    /// ([`HtmlPolicy`]). `INVALID_OPTIONS` when it is unsafe, inconsistent or malformed.
    #[napi(constructor, catch_unwind)]
    pub fn new(options: Unknown) -> Result<Self, &'static str> {
        entry(|| {
            let policy: HtmlPolicy = decode_options(options)?;
            Ok(Sanitizer { inner: html::Sanitizer::new(&policy)? })
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
