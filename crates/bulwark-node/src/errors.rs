//! The core's lists of names (error codes, IP categories, validator names, normalizeEmail
//! option names), for the JS layer's contract tests (js-tests/error-codes.test.js,
//! js-tests/contract.test.js); and the construction of the JS errors the entry points throw
//! (see [`crate::coded`]).

use std::cell::Cell;
use std::ptr;

use bulwark_core::ErrorCode;
use bulwark_core::sanitizers::NormalizeEmailOptions;
use bulwark_core::ssrf::IpCategory;
use bulwark_core::validators::VALIDATOR_NAMES;
use napi::bindgen_prelude::*;
use napi::sys;
use napi_derive::napi;

use crate::entry_ok;

fn strings(names: impl IntoIterator<Item = &'static str>) -> Vec<String> {
    names.into_iter().map(str::to_owned).collect()
}

/// Every code the core can raise ([`ErrorCode::ALL`]), as strings.
#[napi(catch_unwind)]
pub fn error_codes() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(ErrorCode::ALL.iter().map(|c| c.as_str())))
}

/// Every category `classifyIp` returns ([`IpCategory::ALL`]).
#[napi(catch_unwind)]
pub fn ip_categories() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(IpCategory::ALL.iter().map(|c| c.as_str())))
}

/// Every validator name the core compiles ([`VALIDATOR_NAMES`]).
#[napi(catch_unwind)]
pub fn validator_names() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(VALIDATOR_NAMES.iter().copied()))
}

/// normalizeEmail's option names in bit order ([`NormalizeEmailOptions::NAMES`]).
#[napi(catch_unwind)]
pub fn normalize_email_option_names() -> Result<Vec<String>, &'static str> {
    entry_ok(|| strings(NormalizeEmailOptions::NAMES))
}

thread_local! {
    /// The Node-API environment of the JS realm on this thread: set when the addon loads
    /// (the main thread, each worker_threads Worker), never on the libuv threadpool.
    static JS_ENV: Cell<sys::napi_env> = const { Cell::new(ptr::null_mut()) };
}

/// Records the loading thread's environment for [`throw_coded`]. A Worker's environment
/// lives as long as its thread (and this thread-local) does.
#[napi(module_exports)]
pub fn remember_env(_exports: Object, env: Env) -> napi::Result<()> {
    JS_ENV.with(|cell| cell.set(env.raw()));
    Ok(())
}

fn js_string(env: sys::napi_env, text: &str) -> Option<sys::napi_value> {
    let mut value = ptr::null_mut();
    // SAFETY: `env` is this thread's live environment; `text` is valid UTF-8 of that length.
    let status = unsafe {
        sys::napi_create_string_utf8(env, text.as_ptr().cast(), text.len() as isize, &mut value)
    };
    (status == sys::Status::napi_ok).then_some(value)
}

/// A JS `Error` with `message` and an own data property `code` (writable, enumerable,
/// configurable, as an assignment would make it), defined rather than assigned so that no
/// accessor on `Object.prototype` sees it.
fn coded_value(env: sys::napi_env, err: &bulwark_core::Error) -> Option<sys::napi_value> {
    let message = js_string(env, err.message())?;
    let code = js_string(env, err.code().as_str())?;
    let mut error = ptr::null_mut();
    // SAFETY: live environment; a null code makes napi_create_error set no property.
    let status = unsafe { sys::napi_create_error(env, ptr::null_mut(), message, &mut error) };
    if status != sys::Status::napi_ok {
        return None;
    }
    let property = sys::napi_property_descriptor {
        utf8name: c"code".as_ptr(),
        name: ptr::null_mut(),
        method: None,
        getter: None,
        setter: None,
        value: code,
        attributes: sys::PropertyAttributes::writable
            | sys::PropertyAttributes::enumerable
            | sys::PropertyAttributes::configurable,
        data: ptr::null_mut(),
    };
    // SAFETY: one valid descriptor; `error` is an object of this environment.
    let status = unsafe { sys::napi_define_properties(env, error, 1, &property) };
    (status == sys::Status::napi_ok).then_some(error)
}

/// Throws `err` as a coded JS error when this thread runs JS; false when it does not (or
/// when the environment could not build it), leaving the error to napi-rs.
pub(crate) fn throw_coded(err: &bulwark_core::Error) -> bool {
    let env = JS_ENV.with(Cell::get);
    if env.is_null() {
        return false;
    }
    let Some(error) = coded_value(env, err) else {
        return false;
    };
    // SAFETY: live environment, `error` made in it; fails (false) if one is already pending.
    unsafe { sys::napi_throw(env, error) == sys::Status::napi_ok }
}

/// The rejection of an async task for a core error (built on the JS thread, in `resolve`):
/// the coded JS error itself, handed back unchanged by napi-rs.
pub(crate) fn rejection(env: &Env, err: &bulwark_core::Error) -> napi::Error {
    match coded_value(env.raw(), err) {
        // SAFETY: `value` was just made in this environment.
        Some(value) => napi::Error::from_unknown_without_coercion(unsafe {
            Unknown::from_raw_unchecked(env.raw(), value)
        }),
        None => napi::Error::new(napi::Status::GenericFailure, err.message()),
    }
}
