//! argon2id password hashing (only `*Sync` functions: WASM has no threadpool).

use bulwark_core::password::{self, CostLimits, HashOptions};
use wasm_bindgen::prelude::*;

use crate::{coded, read_u32};

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
