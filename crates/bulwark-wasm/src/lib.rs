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

/// A JS `Error` whose `code` property is the core's stable code.
pub(crate) fn coded(err: bulwark_core::Error) -> JsValue {
    let js = js_sys::Error::new(err.message());
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&js, &JsValue::from_str("code"), &JsValue::from_str(err.code().as_str()));
    js.into()
}
