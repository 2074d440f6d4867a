//! WebAssembly binding for `bulwark-core`, with the same function names and shapes as the
//! Node addon (`bulwark-node`). Thin on purpose; the JS layer (`npm/bulwark`) checks
//! argument types and wraps errors in `BulwarkError`.
//!
//! WASM has no threadpool: there are only `*Sync` password functions here. The JS layer's
//! async `hashPassword`/`verifyPassword` on this backend run them on the calling thread.
#![deny(clippy::unwrap_used, clippy::expect_used)]

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
