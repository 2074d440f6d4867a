//! `sanitizeHtml`, `stripTags` and the compiled `Sanitizer` class.

use bulwark_core::html::{self, HtmlPolicy};
use wasm_bindgen::prelude::*;

use crate::{coded, read_bool, read_field, read_string_list, read_string_map, read_u32};

fn policy(options: &JsValue) -> Result<HtmlPolicy, JsValue> {
    let d = HtmlPolicy::default();
    Ok(HtmlPolicy {
        allowed_tags: read_string_list(options, "allowedTags")?,
        allowed_attributes: read_string_map(options, "allowedAttributes")?,
        allowed_schemes: read_string_list(options, "allowedSchemes")?,
        allowed_schemes_by_tag: read_string_map(options, "allowedSchemesByTag")?
            .unwrap_or_default(),
        allow_protocol_relative: read_bool(options, "allowProtocolRelative")?
            .unwrap_or(d.allow_protocol_relative),
        allowed_classes: read_string_map(options, "allowedClasses")?.unwrap_or_default(),
        // `null` turns the added rel off; a missing field keeps the default.
        link_rel: read_field(options, "linkRel")?.map(|rel| rel.as_string()),
        strip_comments: read_bool(options, "stripComments")?.unwrap_or(d.strip_comments),
        non_text_tags: read_string_list(options, "nonTextTags")?,
        max_depth: read_u32(options, "maxDepth")?.map_or(d.max_depth, |n| n as usize),
        max_bytes: read_u32(options, "maxBytes")?.map_or(d.max_bytes, |n| n as usize),
    })
}

/// A compiled policy: build once, sanitize many times.
#[wasm_bindgen]
pub struct Sanitizer {
    inner: html::Sanitizer,
}

#[wasm_bindgen]
impl Sanitizer {
    /// Validates and compiles the policy (`INVALID_OPTIONS` when it is unsafe or inconsistent).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Sanitizer, JsValue> {
        crate::entered();
        Ok(Sanitizer { inner: html::Sanitizer::new(&policy(&options)?).map_err(coded)? })
    }

    /// Sanitizes `html` with this policy.
    pub fn sanitize(&self, html: &str) -> Result<String, JsValue> {
        crate::entered();
        self.inner.sanitize(html).map_err(coded)
    }
}

/// Sanitizes `html` with ammonia's default policy.
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
