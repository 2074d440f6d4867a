//! The core's lists of names (error codes, IP categories, validator names, normalizeEmail
//! option names), for the JS layer's contract tests (js-tests/error-codes.test.js,
//! js-tests/contract.test.js).

use bulwark_core::ErrorCode;
use bulwark_core::sanitizers::NormalizeEmailOptions;
use bulwark_core::ssrf::IpCategory;
use bulwark_core::validators::VALIDATOR_NAMES;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry_ok;

fn strings(names: impl IntoIterator<Item = &'static str>) -> Vec<String> {
    names.into_iter().map(str::to_owned).collect()
}

/// Every code the core can raise ([`ErrorCode::ALL`]), as strings.
#[napi(catch_unwind)]
pub fn error_codes() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(ErrorCode::ALL.iter().map(|c| c.as_str())))
}

/// Every category `classifyIp` returns ([`IpCategory::ALL`]).
#[napi(catch_unwind)]
pub fn ip_categories() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(IpCategory::ALL.iter().map(|c| c.as_str())))
}

/// Every validator name the core compiles ([`VALIDATOR_NAMES`]).
#[napi(catch_unwind)]
pub fn validator_names() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(VALIDATOR_NAMES.iter().copied()))
}

/// normalizeEmail's option names in bit order ([`NormalizeEmailOptions::NAMES`]).
#[napi(catch_unwind)]
pub fn normalize_email_option_names() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(NormalizeEmailOptions::NAMES))
}
