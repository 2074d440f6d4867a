//! validator.js sanitizers (`trim`, `blacklist`, `normalizeEmail`, `toInt`, ...) and
//! `normalizeUnicode`, with the same names as the Node addon.
//!
//! Strings cross as UTF-8, which would turn lone surrogates into U+FFFD: the JS layer never
//! sends ill-formed strings here for the functions whose output keeps them. `chars`
//! arguments cross as `Uint16Array` code units, so they are exact. Functions that return a
//! string return `undefined` when it is unchanged (the JS layer returns its own input).

use std::borrow::Cow;

use bulwark_core::sanitizers::{
    self, CharClass, CharsKind, NormalizationForm, NormalizeEmailOptions,
};
use bulwark_core::{Error, ErrorCode};
use wasm_bindgen::prelude::*;

use crate::coded;

/// The class for `kind` (0 trim, 1 blacklist, 2 whitelist), whitespace without `chars`.
fn class(kind: u32, chars: Option<&[u16]>) -> Result<CharClass, JsValue> {
    let Some(chars) = chars else {
        return Ok(CharClass::js_whitespace());
    };
    CharsKind::try_from(kind).and_then(|kind| CharClass::parse(kind, chars)).map_err(coded)
}

/// Runs a units transform on well-formed UTF-8 input: `None` when nothing changed, and
/// `INVALID_UNICODE` (never a lossy U+FFFD) when the result splits a surrogate pair, which
/// only `chars` holding surrogates can do. The JS layer keeps such calls in JS.
fn via_units(
    input: &str,
    transform: impl FnOnce(&[u16]) -> Vec<u16>,
) -> Result<Option<String>, JsValue> {
    let units: Vec<u16> = input.encode_utf16().collect();
    let out = transform(&units);
    if out == units {
        return Ok(None);
    }
    String::from_utf16(&out).map(Some).map_err(|_| {
        coded(Error::new(
            ErrorCode::InvalidUnicode,
            "the result would hold a lone surrogate, which UTF-8 cannot carry",
        ))
    })
}

fn changed(out: Cow<'_, str>) -> Option<String> {
    match out {
        Cow::Borrowed(_) => None,
        Cow::Owned(out) => Some(out),
    }
}

/// A `chars` argument parsed once for `kind` (0 trim, 1 blacklist, 2 whitelist): the JS
/// layer caches one per `chars` and reuses it.
#[wasm_bindgen(js_name = SanitizerCharClass)]
pub struct SanitizerCharClass {
    inner: CharClass,
}

#[wasm_bindgen(js_class = SanitizerCharClass)]
impl SanitizerCharClass {
    /// Parses `chars` (`INVALID_OPTIONS` where validator.js would not build one class).
    #[wasm_bindgen(constructor)]
    pub fn new(kind: u32, chars: &[u16]) -> Result<SanitizerCharClass, JsValue> {
        crate::entered();
        Ok(SanitizerCharClass { inner: class(kind, Some(chars))? })
    }

    /// The set as flat inclusive `[lo, hi, lo, hi, ...]` (for whitelist: the units it removes).
    pub fn ranges(&self) -> Vec<u32> {
        crate::entered();
        self.inner.ranges().iter().flat_map(|&(lo, hi)| [u32::from(lo), u32::from(hi)]).collect()
    }

    /// Well-formed `input` without the units of the set; `undefined` when unchanged.
    pub fn remove(&self, input: &str) -> Result<Option<String>, JsValue> {
        crate::entered();
        via_units(input, |u| sanitizers::remove_units(u, &self.inner).into_owned())
    }
}

/// validator.js `trim` (JS whitespace when `chars` is missing).
#[wasm_bindgen]
pub fn trim(input: &str, chars: Option<Vec<u16>>) -> Result<Option<String>, JsValue> {
    crate::entered();
    let class = class(0, chars.as_deref())?;
    via_units(input, |u| sanitizers::trim_units(u, &class).to_vec())
}

/// validator.js `ltrim`.
#[wasm_bindgen]
pub fn ltrim(input: &str, chars: Option<Vec<u16>>) -> Result<Option<String>, JsValue> {
    crate::entered();
    let class = class(0, chars.as_deref())?;
    via_units(input, |u| sanitizers::ltrim_units(u, &class).to_vec())
}

/// validator.js `rtrim`, in linear time.
#[wasm_bindgen]
pub fn rtrim(input: &str, chars: Option<Vec<u16>>) -> Result<Option<String>, JsValue> {
    crate::entered();
    let class = class(0, chars.as_deref())?;
    via_units(input, |u| sanitizers::rtrim_units(u, &class).to_vec())
}

/// validator.js `blacklist`.
#[wasm_bindgen]
pub fn blacklist(input: &str, chars: &[u16]) -> Result<Option<String>, JsValue> {
    crate::entered();
    let class = class(1, Some(chars))?;
    via_units(input, |u| sanitizers::remove_units(u, &class).into_owned())
}

/// validator.js `whitelist`.
#[wasm_bindgen]
pub fn whitelist(input: &str, chars: &[u16]) -> Result<Option<String>, JsValue> {
    crate::entered();
    let class = class(2, Some(chars))?;
    via_units(input, |u| sanitizers::remove_units(u, &class).into_owned())
}

/// validator.js `stripLow`.
#[wasm_bindgen(js_name = stripLow)]
pub fn strip_low(input: &str, keep_new_lines: bool) -> Option<String> {
    crate::entered();
    changed(sanitizers::strip_low(input, keep_new_lines))
}

/// validator.js `normalizeEmail` with options as bits (see `NormalizeEmailOptions::NAMES`);
/// `undefined` where validator.js returns `false`.
#[wasm_bindgen(js_name = normalizeEmail)]
pub fn normalize_email(email: &str, options: u32) -> Option<String> {
    crate::entered();
    sanitizers::normalize_email(email, &NormalizeEmailOptions::from_bits(options))
}

/// validator.js `toInt` (`parseInt(input, radix || 10)`).
#[wasm_bindgen(js_name = toInt)]
pub fn to_int(input: &str, radix: Option<f64>) -> f64 {
    crate::entered();
    sanitizers::to_int(input, radix)
}

/// validator.js `toFloat`.
#[wasm_bindgen(js_name = toFloat)]
pub fn to_float(input: &str) -> f64 {
    crate::entered();
    sanitizers::to_float(input)
}

/// validator.js `toBoolean`.
#[wasm_bindgen(js_name = toBoolean)]
pub fn to_boolean(input: &str, strict: bool) -> bool {
    crate::entered();
    sanitizers::to_boolean(input, strict)
}

/// `input` in the normalization form `form` ("NFC", "NFD", "NFKC" or "NFKD").
#[wasm_bindgen(js_name = normalizeUnicode)]
pub fn normalize_unicode(input: &str, form: &str) -> Result<Option<String>, JsValue> {
    crate::entered();
    let form: NormalizationForm = form.parse().map_err(coded)?;
    Ok(changed(sanitizers::normalize_unicode(input, form)))
}
