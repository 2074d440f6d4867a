//! `timingSafeEqual`.

use bulwark_core::compare;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry_ok;

/// Constant-time equality of two byte arrays; `false` for different lengths.
#[napi(catch_unwind)]
pub fn timing_safe_equal(a: &[u8], b: &[u8]) -> Result<bool, &'static str> {
    entry_ok(|| compare::timing_safe_equal(a, b))
}
