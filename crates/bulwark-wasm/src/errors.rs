//! `errorCodes`: the core's stable error codes, for the JS layer's contract test.

use bulwark_core::ErrorCode;
use wasm_bindgen::prelude::*;

/// Every code the core can raise ([`ErrorCode::ALL`]), as strings.
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Vec<String> {
    crate::entered();
    ErrorCode::ALL.iter().map(|c| c.as_str().to_owned()).collect()
}
