//! validator.js sanitizers (`trim`, `blacklist`, `normalizeEmail`, `toInt`, ...) and
//! `normalizeUnicode`.
//!
//! Strings cross as UTF-16 (as in `escape`): lone surrogates survive exactly as validator.js
//! and `String.prototype.normalize` leave them. `chars` arguments cross as `Uint16Array`
//! code units, the same on both backends. Functions that return a string return `null` when
//! it is unchanged: the JS layer then returns its own input, and no string is built.

use std::borrow::Cow;

use bulwark_core::sanitizers::{
    self, CharClass, CharsKind, NormalizationForm, NormalizeEmailOptions,
};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::{entry, entry_ok};

/// The class for `kind` (0 trim, 1 blacklist, 2 whitelist), whitespace without `chars`.
fn class(kind: u32, chars: Option<&[u16]>) -> bulwark_core::Result<CharClass> {
    let Some(chars) = chars else {
        return Ok(CharClass::js_whitespace());
    };
    CharsKind::try_from(kind).and_then(|kind| CharClass::parse(kind, chars))
}

/// `None` when `transform` leaves the input unchanged, else the new units.
fn changed(input: &[u16], transform: impl FnOnce(&[u16]) -> Cow<'_, [u16]>) -> Option<Utf16String> {
    match transform(input) {
        Cow::Borrowed(out) if out.len() == input.len() => None,
        out => Some(Utf16String::from(out.into_owned())),
    }
}

/// A `chars` argument parsed once for `kind` (0 trim, 1 blacklist, 2 whitelist): the JS
/// layer caches one per `chars` and reuses it.
#[napi]
pub struct SanitizerCharClass {
    inner: CharClass,
}

#[napi]
impl SanitizerCharClass {
    /// Parses `chars` (`INVALID_OPTIONS` where validator.js would not build one class).
    #[napi(constructor, catch_unwind)]
    pub fn new(kind: u32, chars: Uint16Array) -> Result<Self, &'static str> {
        entry(|| Ok(SanitizerCharClass { inner: class(kind, Some(&chars))? }))
    }

    /// The set as flat inclusive `[lo, hi, lo, hi, ...]` (for whitelist: the units it removes).
    #[napi(catch_unwind)]
    pub fn ranges(&self) -> Result<Vec<u32>, &'static str> {
        entry_ok(|| {
            self.inner
                .ranges()
                .iter()
                .flat_map(|&(lo, hi)| [u32::from(lo), u32::from(hi)])
                .collect()
        })
    }

    /// `input` without the units of the set (blacklist, whitelist); `null` when unchanged.
    #[napi(catch_unwind, ts_args_type = "input: string", ts_return_type = "string | null")]
    pub fn remove(&self, input: Utf16String) -> Result<Option<Utf16String>, &'static str> {
        entry_ok(|| changed(&input, |units| sanitizers::remove_units(units, &self.inner)))
    }
}

/// validator.js `trim` (JS whitespace when `chars` is missing).
#[napi(
    catch_unwind,
    ts_args_type = "input: string, chars?: Uint16Array",
    ts_return_type = "string | null"
)]
pub fn trim(
    input: Utf16String,
    chars: Option<Uint16Array>,
) -> Result<Option<Utf16String>, &'static str> {
    entry(|| {
        let class = class(0, chars.as_deref())?;
        Ok(changed(&input, |units| Cow::Borrowed(sanitizers::trim_units(units, &class))))
    })
}

/// validator.js `ltrim`.
#[napi(
    catch_unwind,
    ts_args_type = "input: string, chars?: Uint16Array",
    ts_return_type = "string | null"
)]
pub fn ltrim(
    input: Utf16String,
    chars: Option<Uint16Array>,
) -> Result<Option<Utf16String>, &'static str> {
    entry(|| {
        let class = class(0, chars.as_deref())?;
        Ok(changed(&input, |units| Cow::Borrowed(sanitizers::ltrim_units(units, &class))))
    })
}

/// validator.js `rtrim`, in linear time.
#[napi(
    catch_unwind,
    ts_args_type = "input: string, chars?: Uint16Array",
    ts_return_type = "string | null"
)]
pub fn rtrim(
    input: Utf16String,
    chars: Option<Uint16Array>,
) -> Result<Option<Utf16String>, &'static str> {
    entry(|| {
        let class = class(0, chars.as_deref())?;
        Ok(changed(&input, |units| Cow::Borrowed(sanitizers::rtrim_units(units, &class))))
    })
}

/// validator.js `blacklist`.
#[napi(
    catch_unwind,
    ts_args_type = "input: string, chars: Uint16Array",
    ts_return_type = "string | null"
)]
pub fn blacklist(
    input: Utf16String,
    chars: Uint16Array,
) -> Result<Option<Utf16String>, &'static str> {
    entry(|| {
        let class = class(1, Some(&chars))?;
        Ok(changed(&input, |units| sanitizers::remove_units(units, &class)))
    })
}

/// validator.js `whitelist`.
#[napi(
    catch_unwind,
    ts_args_type = "input: string, chars: Uint16Array",
    ts_return_type = "string | null"
)]
pub fn whitelist(
    input: Utf16String,
    chars: Uint16Array,
) -> Result<Option<Utf16String>, &'static str> {
    entry(|| {
        let class = class(2, Some(&chars))?;
        Ok(changed(&input, |units| sanitizers::remove_units(units, &class)))
    })
}

/// validator.js `stripLow`.
#[napi(
    catch_unwind,
    ts_args_type = "input: string, keepNewLines: boolean",
    ts_return_type = "string | null"
)]
pub fn strip_low(
    input: Utf16String,
    keep_new_lines: bool,
) -> Result<Option<Utf16String>, &'static str> {
    entry_ok(|| changed(&input, |units| sanitizers::strip_low_units(units, keep_new_lines)))
}

/// validator.js `normalizeEmail` with options as bits (see `NormalizeEmailOptions::NAMES`);
/// `null` where validator.js returns `false`.
#[napi(catch_unwind)]
pub fn normalize_email(email: String, options: u32) -> Result<Option<String>, &'static str> {
    entry_ok(|| sanitizers::normalize_email(&email, &NormalizeEmailOptions::from_bits(options)))
}

/// validator.js `toInt` (`parseInt(input, radix || 10)`).
#[napi(catch_unwind, ts_args_type = "input: string, radix?: number")]
pub fn to_int(input: Utf16String, radix: Option<f64>) -> Result<f64, &'static str> {
    entry_ok(|| sanitizers::to_int_units(&input, radix))
}

/// validator.js `toFloat`.
#[napi(catch_unwind, ts_args_type = "input: string")]
pub fn to_float(input: Utf16String) -> Result<f64, &'static str> {
    entry_ok(|| sanitizers::to_float_units(&input))
}

/// validator.js `toBoolean`.
#[napi(catch_unwind, ts_args_type = "input: string, strict: boolean")]
pub fn to_boolean(input: Utf16String, strict: bool) -> Result<bool, &'static str> {
    entry_ok(|| sanitizers::to_boolean_units(&input, strict))
}

/// `input` in the normalization form `form` ("NFC", "NFD", "NFKC" or "NFKD").
#[napi(
    catch_unwind,
    ts_args_type = "input: string, form: string",
    ts_return_type = "string | null"
)]
pub fn normalize_unicode(
    input: Utf16String,
    form: String,
) -> Result<Option<Utf16String>, &'static str> {
    entry(|| {
        let form: NormalizationForm = form.parse()?;
        Ok(changed(&input, |units| sanitizers::normalize_unicode_units(units, form)))
    })
}
