//! `timingSafeEqual`.

use bulwark_core::compare;
use napi_derive::napi;

/// Constant-time equality of two byte arrays; `false` for different lengths.
#[napi(catch_unwind)]
pub fn timing_safe_equal(a: &[u8], b: &[u8]) -> bool {
    compare::timing_safe_equal(a, b)
}
