//! The core's lists of names (error codes, IP categories, validator names, normalizeEmail
//! option names), for the JS layer's contract tests, as in the Node addon.

use bulwark_core::ErrorCode;
use bulwark_core::sanitizers::NormalizeEmailOptions;
use bulwark_core::ssrf::IpCategory;
use bulwark_core::validators::VALIDATOR_NAMES;
use wasm_bindgen::prelude::*;

fn strings(names: impl IntoIterator<Item = &'static str>) -> Vec<String> {
    crate::entered();
    names.into_iter().map(str::to_owned).collect()
}

/// Every code the core can raise ([`ErrorCode::ALL`]), as strings.
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Vec<String> {
    strings(ErrorCode::ALL.iter().map(|c| c.as_str()))
}

/// Every category `classifyIp` returns ([`IpCategory::ALL`]).
#[wasm_bindgen(js_name = ipCategories)]
pub fn ip_categories() -> Vec<String> {
    strings(IpCategory::ALL.iter().map(|c| c.as_str()))
}

/// Every validator name the core compiles ([`VALIDATOR_NAMES`]).
#[wasm_bindgen(js_name = validatorNames)]
pub fn validator_names() -> Vec<String> {
    strings(VALIDATOR_NAMES.iter().copied())
}

/// normalizeEmail's option names in bit order ([`NormalizeEmailOptions::NAMES`]).
#[wasm_bindgen(js_name = normalizeEmailOptionNames)]
pub fn normalize_email_option_names() -> Vec<String> {
    strings(NormalizeEmailOptions::NAMES)
}
