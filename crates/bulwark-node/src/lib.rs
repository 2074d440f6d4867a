//! Node-API binding for `bulwark-core`. Thin on purpose: convert arguments, call the core,
//! turn a core [`bulwark_core::Error`] into a JS `Error` whose `code` is the stable code.
//! Argument type checks, `TypeError`s and the `BulwarkError` class live in the JS layer
//! (`npm/bulwark`), which is the only caller of these functions.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use bulwark_core::ErrorCode;

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

// mimalloc keeps freed memory for reuse: argon2's 19 MiB working area (and large string
// buffers) would otherwise be mmap'd and page-faulted afresh on every call with glibc's
// allocator. Measured in benches/js/password.bench.js and escape.bench.js.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A thrown error whose `code` property is the core's stable code.
pub(crate) type CodedResult<T> = napi::Result<T, &'static str>;

/// The error an entry point throws for a core error: a JS `Error` whose `code` is the core's
/// stable code, as an own data property. napi-rs would build it with `napi_create_error`,
/// which sets `code` by assignment: an accessor named `code` on a polluted
/// `Object.prototype` swallows (or captures) that assignment. So on a JS thread the error is
/// built and thrown here, with `code` defined, and napi-rs is handed a `PendingException`
/// status, which it leaves pending as it is. Off a JS thread (no environment: the libuv
/// threadpool) the error is napi-rs's; [`errors::rejection`] builds those on the JS thread.
pub(crate) fn coded(err: bulwark_core::Error) -> napi::Error<&'static str> {
    if errors::throw_coded(&err) {
        return napi::Error::new(napi::Status::PendingException.as_ref(), err.message());
    }
    napi::Error::new(err.code().as_str(), err.message())
}

/// Runs core work, turning a panic into an `INTERNAL` error: a panic must never unwind
/// into Node (or out of a libuv worker thread, which would abort the process). napi's own
/// `catch_unwind` would only give a plain `GenericFailure` error, so every entry point runs
/// its work through this (or [`entry`]).
pub(crate) fn guarded<T>(f: impl FnOnce() -> bulwark_core::Result<T>) -> bulwark_core::Result<T> {
    catch_unwind(AssertUnwindSafe(|| {
        test_panic::panic_if_armed();
        f()
    }))
    .unwrap_or_else(|_| {
        Err(bulwark_core::Error::new(ErrorCode::Internal, "internal error (panic) in bulwark"))
    })
}

/// An entry point's whole body: a core error becomes its coded JS error, a panic `INTERNAL`.
pub(crate) fn entry<T>(f: impl FnOnce() -> bulwark_core::Result<T>) -> CodedResult<T> {
    guarded(f).map_err(coded)
}

/// [`entry`] for work that cannot fail except by panicking.
pub(crate) fn entry_ok<T>(f: impl FnOnce() -> T) -> CodedResult<T> {
    entry(|| Ok(f()))
}

/// Test builds only (cargo feature `testing`, which `scripts/build.mjs` enables unless
/// `BULWARK_PROFILE=release`): exports that make the next guarded call panic, so the JS
/// suites can prove that every entry point turns a panic into `INTERNAL`.
#[cfg(feature = "testing")]
mod test_panic {
    use std::sync::atomic::{AtomicBool, Ordering};

    use napi_derive::napi;

    static ARMED: AtomicBool = AtomicBool::new(false);

    pub(crate) fn panic_if_armed() {
        if ARMED.swap(false, Ordering::SeqCst) {
            panic!("bulwark test panic (armed by testPanicArm)");
        }
    }

    /// Makes the next guarded call (any entry point) panic.
    #[napi]
    pub fn test_panic_arm() {
        ARMED.store(true, Ordering::SeqCst);
    }

    /// Disarms; `true` when the armed panic had not fired.
    #[napi]
    pub fn test_panic_disarm() -> bool {
        ARMED.swap(false, Ordering::SeqCst)
    }

    /// Panics inside an entry point.
    #[napi(catch_unwind)]
    pub fn test_panic(message: String) -> napi::Result<(), &'static str> {
        crate::entry(|| panic!("{message}"))
    }
}

#[cfg(not(feature = "testing"))]
mod test_panic {
    #[inline(always)]
    pub(crate) fn panic_if_armed() {}
}
