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
mod errors;
mod escape;
mod html;
mod json;
#[cfg(feature = "testing")]
mod mirrors;
mod options;
mod password;
mod paths;
mod sanitizers;
mod ssrf;
mod validators;

/// Marks the start of an entry point. WASM is built with `panic = "abort"`, so a panic
/// anywhere in an entry point traps; the trap surfaces in JS as a `WebAssembly.RuntimeError`,
/// which the JS layer turns into `BulwarkError` `INTERNAL` (`lib/errors.js`). In test builds
/// (feature `testing`) this is where an armed test panic fires, which lets the JS suites
/// prove that every entry point reaches that mapping.
#[inline(always)]
pub(crate) fn entered() {
    #[cfg(feature = "testing")]
    test_panic::panic_if_armed();
}

/// Test builds only (cargo feature `testing`, enabled by `scripts/build.mjs` unless
/// `BULWARK_PROFILE=release`).
#[cfg(feature = "testing")]
mod test_panic {
    use std::sync::atomic::{AtomicBool, Ordering};

    use wasm_bindgen::prelude::*;

    static ARMED: AtomicBool = AtomicBool::new(false);

    pub(crate) fn panic_if_armed() {
        if ARMED.swap(false, Ordering::SeqCst) {
            panic!("bulwark test panic (armed by testPanicArm)");
        }
    }

    /// Makes the next entry point called panic.
    #[wasm_bindgen(js_name = testPanicArm)]
    pub fn test_panic_arm() {
        ARMED.store(true, Ordering::SeqCst);
    }

    /// Disarms; `true` when the armed panic had not fired.
    #[wasm_bindgen(js_name = testPanicDisarm)]
    pub fn test_panic_disarm() -> bool {
        ARMED.swap(false, Ordering::SeqCst)
    }

    /// Panics inside an entry point.
    #[wasm_bindgen(js_name = testPanic)]
    pub fn test_panic(message: &str) -> Result<(), JsValue> {
        crate::entered();
        panic!("{message}")
    }
}

/// A JS `Error` whose `code` property is the core's stable code: an own data property,
/// defined (not assigned) so that no accessor on a polluted `Object.prototype` sees it.
pub(crate) fn coded(err: bulwark_core::Error) -> JsValue {
    let js = js_sys::Error::new(err.message());
    // Defining a property on a fresh Error object cannot fail.
    let _ = Reflect::define_property(
        &js,
        &JsValue::from_str("code"),
        &data_descriptor(&JsValue::from_str(err.code().as_str())),
    );
    js.into()
}

/// An object with a null prototype (writes to it define own properties: there is no
/// prototype whose accessors could intercept them).
pub(crate) fn bare_object() -> js_sys::Object {
    js_sys::Object::create(JsValue::NULL.unchecked_ref())
}

/// `{ value, writable: true, enumerable: true, configurable: true }` with a null prototype:
/// defining a property reads `get`/`set`/... from its descriptor, which a polluted
/// `Object.prototype` would otherwise answer.
fn data_descriptor(value: &JsValue) -> js_sys::Object {
    let descriptor = bare_object();
    for (key, field) in [
        ("value", value.clone()),
        ("writable", JsValue::TRUE),
        ("enumerable", JsValue::TRUE),
        ("configurable", JsValue::TRUE),
    ] {
        // Setting a property on a fresh null-prototype object cannot fail.
        let _ = Reflect::set(&descriptor, &JsValue::from_str(key), &field);
    }
    descriptor
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

/// `options[key]`, or `None` when the options or the field are missing (undefined).
pub(crate) fn read_field(options: &JsValue, key: &str) -> Result<Option<JsValue>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let value = Reflect::get(options, &JsValue::from_str(key))?;
    Ok((!value.is_undefined()).then_some(value))
}

/// Reads `options[key]` as an optional boolean.
pub(crate) fn read_bool(options: &JsValue, key: &str) -> Result<Option<bool>, JsValue> {
    read_field(options, key)?
        .map(|v| v.as_bool().ok_or_else(|| type_error(format!("{key} must be a boolean"))))
        .transpose()
}

fn string_list(value: &JsValue, key: &str) -> Result<Vec<String>, JsValue> {
    if !js_sys::Array::is_array(value) {
        return Err(type_error(format!("{key} must be an array of strings")));
    }
    js_sys::Array::from(value)
        .iter()
        .map(|item| {
            item.as_string().ok_or_else(|| type_error(format!("{key} must be an array of strings")))
        })
        .collect()
}

/// Reads `options[key]` as an optional array of strings.
pub(crate) fn read_string_list(
    options: &JsValue,
    key: &str,
) -> Result<Option<Vec<String>>, JsValue> {
    read_field(options, key)?.map(|v| string_list(&v, key)).transpose()
}
