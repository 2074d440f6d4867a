//! `sanitizeHtml`, `stripTags` and the compiled `Sanitizer` class.

use std::collections::HashMap;

use bulwark_core::html::{self, HtmlPolicy};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry;

/// sanitize-html-style options. The JS layer validates them and passes a null-prototype
/// object, so no field can be read from a polluted `Object.prototype`.
#[napi(object)]
pub struct HtmlPolicyOptions {
    pub allowed_tags: Option<Vec<String>>,
    pub allowed_attributes: Option<HashMap<String, Vec<String>>>,
    pub allowed_schemes: Option<Vec<String>>,
    pub allowed_schemes_by_tag: Option<HashMap<String, Vec<String>>>,
    pub allow_protocol_relative: Option<bool>,
    pub allowed_classes: Option<HashMap<String, Vec<String>>>,
    /// `null` (JS) turns the added `rel` off; a missing field keeps ammonia's default.
    pub link_rel: Option<Either<String, Null>>,
    pub strip_comments: Option<bool>,
    pub non_text_tags: Option<Vec<String>>,
    pub max_depth: Option<u32>,
    /// UTF-8 bytes; `u32::MAX` (more than any JS string holds) for no limit.
    pub max_bytes: Option<u32>,
}

impl From<HtmlPolicyOptions> for HtmlPolicy {
    fn from(o: HtmlPolicyOptions) -> Self {
        let d = HtmlPolicy::default();
        // Sorted by key: a HashMap has no order, and the policy's error messages name the
        // first offending entry, which must be the same on every call and on both backends.
        let pairs = |m: Option<HashMap<String, Vec<String>>>| m.map(crate::sorted_entries);
        HtmlPolicy {
            allowed_tags: o.allowed_tags,
            allowed_attributes: pairs(o.allowed_attributes),
            allowed_schemes: o.allowed_schemes,
            allowed_schemes_by_tag: pairs(o.allowed_schemes_by_tag).unwrap_or_default(),
            allow_protocol_relative: o.allow_protocol_relative.unwrap_or(d.allow_protocol_relative),
            allowed_classes: pairs(o.allowed_classes).unwrap_or_default(),
            link_rel: o.link_rel.map(|rel| match rel {
                Either::A(rel) => Some(rel),
                Either::B(_) => None,
            }),
            strip_comments: o.strip_comments.unwrap_or(d.strip_comments),
            non_text_tags: o.non_text_tags,
            max_depth: o.max_depth.map_or(d.max_depth, |n| n as usize),
            max_bytes: o.max_bytes.map_or(d.max_bytes, |n| n as usize),
        }
    }
}

/// A compiled policy: build once, sanitize many times.
#[napi]
pub struct Sanitizer {
    inner: html::Sanitizer,
}

#[napi]
impl Sanitizer {
    /// Validates and compiles the policy (`INVALID_OPTIONS` when it is unsafe or inconsistent).
    #[napi(constructor, catch_unwind)]
    pub fn new(options: HtmlPolicyOptions) -> Result<Self, &'static str> {
        entry(|| Ok(Sanitizer { inner: html::Sanitizer::new(&options.into())? }))
    }

    /// Sanitizes `html` with this policy.
    #[napi(catch_unwind)]
    pub fn sanitize(&self, html: String) -> Result<String, &'static str> {
        entry(|| self.inner.sanitize(&html))
    }
}

/// Sanitizes `html` with ammonia's default policy.
#[napi(catch_unwind)]
pub fn sanitize_html(html: String) -> Result<String, &'static str> {
    entry(|| html::sanitize_html(&html))
}

/// The text content of `html` (`INPUT_TOO_LARGE` above `maxBytes` UTF-8 bytes).
#[napi(catch_unwind)]
pub fn strip_tags(html: String, max_bytes: u32) -> Result<String, &'static str> {
    entry(|| html::strip_tags_within(&html, max_bytes as usize))
}
