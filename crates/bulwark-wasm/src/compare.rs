//! `timingSafeEqual`.

use bulwark_core::compare;
use wasm_bindgen::prelude::*;

/// Constant-time equality of two byte arrays; `false` for different lengths.
#[wasm_bindgen(js_name = timingSafeEqual)]
pub fn timing_safe_equal(a: &[u8], b: &[u8]) -> bool {
    crate::entered();
    compare::timing_safe_equal(a, b)
}
