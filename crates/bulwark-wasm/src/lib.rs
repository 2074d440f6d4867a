//! WebAssembly binding for `bulwark-core`, with the same function names and shapes as the
//! Node addon (`bulwark-node`). Thin on purpose; the JS layer (`npm/bulwark`) checks
//! argument types and wraps errors in `BulwarkError`.
//!
//! WASM has no threadpool: there are only `*Sync` password functions here. The JS layer's
//! async `hashPassword`/`verifyPassword` on this backend run them on the calling thread.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use bulwark_core::ErrorCode;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

mod compare;
mod escape;
mod password;

/// A JS `Error` whose `code` property is the core's stable code.
pub(crate) fn coded(err: bulwark_core::Error) -> JsValue {
    let js = js_sys::Error::new(err.message());
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&js, &JsValue::from_str("code"), &JsValue::from_str(err.code().as_str()));
    js.into()
}

fn type_error(message: String) -> JsValue {
    coded(bulwark_core::Error::new(ErrorCode::InvalidType, message))
}

/// Reads `options[key]` as an optional u32. The JS layer passes null-prototype objects, so
/// this read cannot reach a polluted `Object.prototype`.
pub(crate) fn read_u32(options: &JsValue, key: &str) -> Result<Option<u32>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let value = Reflect::get(options, &JsValue::from_str(key))?;
    if value.is_undefined() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) => Ok(Some(n as u32)),
        _ => Err(type_error(format!("{key} must be an integer between 0 and {}", u32::MAX))),
    }
}
