//! argon2id password hashing (only `*Sync` functions: WASM has no threadpool).

use bulwark_core::password::{self, CostLimits, ExtraInputs, HashOptions};
use wasm_bindgen::prelude::*;

use crate::coded;
use crate::options::decode_options;

fn hash_options(options: &JsValue) -> Result<HashOptions, JsValue> {
    decode_options(options).map_err(coded)
}

fn cost_limits(limits: &JsValue) -> Result<CostLimits, JsValue> {
    decode_options(limits).map_err(coded)
}

/// Hashes a password (UTF-8 bytes) with argon2id on the calling thread. `secret` (the
/// pepper) and `associated_data` are empty when not used. The password and secret are
/// this call's own copies in WASM memory, wiped before return.
#[wasm_bindgen(js_name = hashPasswordSync)]
pub fn hash_password_sync(
    mut password: Vec<u8>,
    options: JsValue,
    mut secret: Vec<u8>,
    associated_data: &[u8],
) -> Result<String, JsValue> {
    crate::entered();
    let result = hash_options(&options).and_then(|options| {
        let extra = ExtraInputs { secret: &secret, associated_data };
        password::hash_password_with(&password, &extra, &options).map_err(coded)
    });
    password::wipe(&mut password);
    password::wipe(&mut secret);
    result
}

/// Verifies a password against a stored PHC hash on the calling thread (`secret`: the
/// pepper it was hashed with, empty for none; both copies wiped before return).
#[wasm_bindgen(js_name = verifyPasswordSync)]
pub fn verify_password_sync(
    hash: &str,
    mut password: Vec<u8>,
    limits: JsValue,
    mut secret: Vec<u8>,
) -> Result<bool, JsValue> {
    crate::entered();
    let result = cost_limits(&limits).and_then(|limits| {
        password::verify_password_with(hash, &password, &secret, &limits).map_err(coded)
    });
    password::wipe(&mut password);
    password::wipe(&mut secret);
    result
}

/// `true` when a stored hash was not made with exactly these options and associated data.
#[wasm_bindgen(js_name = needsRehash)]
pub fn needs_rehash(hash: &str, options: JsValue, associated_data: &[u8]) -> Result<bool, JsValue> {
    crate::entered();
    password::needs_rehash_with(hash, associated_data, &hash_options(&options)?).map_err(coded)
}
