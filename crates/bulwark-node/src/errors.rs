//! `errorCodes`: the core's stable error codes, for the JS layer's contract test.

use bulwark_core::ErrorCode;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry_ok;

/// Every code the core can raise ([`ErrorCode::ALL`]), as strings.
#[napi(catch_unwind)]
pub fn error_codes() -> Result<Vec<String>, &'static str> {
    entry_ok(|| ErrorCode::ALL.iter().map(|c| c.as_str().to_owned()).collect())
}
