//! WebAssembly binding for `bulwark-core`, with the same function names and shapes as the
//! Node addon (`bulwark-node`). Thin on purpose; the JS layer (`npm/bulwark`) checks
//! argument types and wraps errors in `BulwarkError`.
//!
//! WASM has no threadpool: there are only `*Sync` password functions here. The JS layer's
//! async `hashPassword`/`verifyPassword` on this backend run them on the calling thread.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use bulwark_core::password::{self, CostLimits, HashOptions};
use bulwark_core::{compare, escape, ErrorCode};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

/// A JS `Error` whose `code` property is the core's stable code.
fn coded(err: bulwark_core::Error) -> JsValue {
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
fn read_u32(options: &JsValue, key: &str) -> Result<Option<u32>, JsValue> {
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

fn hash_options(options: &JsValue) -> Result<HashOptions, JsValue> {
    let d = HashOptions::default();
    Ok(HashOptions {
        memory_cost: read_u32(options, "memoryCost")?.unwrap_or(d.memory_cost),
        time_cost: read_u32(options, "timeCost")?.unwrap_or(d.time_cost),
        parallelism: read_u32(options, "parallelism")?.unwrap_or(d.parallelism),
        hash_length: read_u32(options, "hashLength")?.unwrap_or(d.hash_length),
        salt_length: read_u32(options, "saltLength")?.unwrap_or(d.salt_length),
    })
}

fn cost_limits(limits: &JsValue) -> Result<CostLimits, JsValue> {
    let d = CostLimits::default();
    Ok(CostLimits {
        max_memory_cost: read_u32(limits, "maxMemoryCost")?.unwrap_or(d.max_memory_cost),
        max_time_cost: read_u32(limits, "maxTimeCost")?.unwrap_or(d.max_time_cost),
        max_parallelism: read_u32(limits, "maxParallelism")?.unwrap_or(d.max_parallelism),
    })
}

// ---- escape ----------------------------------------------------------------------------

/// validator.js-compatible `escape`.
#[wasm_bindgen(js_name = escapeHtml)]
pub fn escape_html(input: &str) -> String {
    escape::escape_html(input).into_owned()
}

/// validator.js-compatible `unescape`.
#[wasm_bindgen(js_name = unescapeHtml)]
pub fn unescape_html(input: &str) -> String {
    escape::unescape_html(input).into_owned()
}

// ---- compare ---------------------------------------------------------------------------

/// Constant-time equality of two byte arrays; `false` for different lengths.
#[wasm_bindgen(js_name = timingSafeEqual)]
pub fn timing_safe_equal(a: &[u8], b: &[u8]) -> bool {
    compare::timing_safe_equal(a, b)
}

// ---- password --------------------------------------------------------------------------

/// Hashes a password (UTF-8 bytes) with argon2id on the calling thread.
#[wasm_bindgen(js_name = hashPasswordSync)]
pub fn hash_password_sync(password: &[u8], options: JsValue) -> Result<String, JsValue> {
    password::hash_password(password, &hash_options(&options)?).map_err(coded)
}

/// Verifies a password against a stored PHC hash on the calling thread.
#[wasm_bindgen(js_name = verifyPasswordSync)]
pub fn verify_password_sync(hash: &str, password: &[u8], limits: JsValue) -> Result<bool, JsValue> {
    password::verify_password(hash, password, &cost_limits(&limits)?).map_err(coded)
}

/// `true` when a stored hash was not made with exactly these options.
#[wasm_bindgen(js_name = needsRehash)]
pub fn needs_rehash(hash: &str, options: JsValue) -> Result<bool, JsValue> {
    password::needs_rehash(hash, &hash_options(&options)?).map_err(coded)
}
