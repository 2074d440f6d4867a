//! Node-API binding for `bulwark-core`. Thin on purpose: convert arguments, call the core,
//! turn a core [`bulwark_core::Error`] into a JS `Error` whose `code` is the stable code.
//! Argument type checks, `TypeError`s and the `BulwarkError` class live in the JS layer
//! (`npm/bulwark`), which is the only caller of these functions.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use bulwark_core::ErrorCode;

mod compare;
mod escape;
mod html;
mod json;
mod merge;
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

pub(crate) fn coded(err: bulwark_core::Error) -> napi::Error<&'static str> {
    napi::Error::new(err.code().as_str(), err.message())
}

/// Runs core work, turning a panic into an `INTERNAL` error: a panic must never unwind
/// into Node (or out of a libuv worker thread, which would abort the process).
pub(crate) fn guarded<T>(f: impl FnOnce() -> bulwark_core::Result<T>) -> bulwark_core::Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(bulwark_core::Error::new(ErrorCode::Internal, "internal error (panic) in bulwark"))
    })
}
