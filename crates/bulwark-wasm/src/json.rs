//! `parseJson`: the scan the JS layer runs before `JSON.parse`, and the core's own parser
//! (the reference the JS layer is tested against).

use bulwark_core::json::{self, Poisoning};
use wasm_bindgen::prelude::*;

use crate::coded;

/// Scans JSON text for its depth (`INPUT_TOO_DEEP` past `maxDepth`) and for strings that
/// decode to `__proto__` (bit 0 of the result) or `constructor` (bit 1).
///
/// The string crosses as UTF-8, which turns a lone surrogate into U+FFFD: harmless here,
/// as both are non-ASCII and the scan only reads ASCII structure and names.
#[wasm_bindgen(js_name = jsonScan)]
pub fn json_scan(text: &str, max_depth: u32) -> Result<u32, JsValue> {
    crate::entered();
    json::scan_units(text.as_bytes(), max_depth as usize).map(|s| s.flags()).map_err(coded)
}

/// `jsonScan` over a string's Latin-1 bytes (`Buffer.from(text, 'latin1')`), for a string
/// the JS layer has checked holds no code unit above U+00FF. Latin-1 keeps every ASCII unit
/// in place, and only ASCII matters to the scan.
#[wasm_bindgen(js_name = jsonScanLatin1Bytes)]
pub fn json_scan_latin1_bytes(latin1: &[u8], max_depth: u32) -> Result<u32, JsValue> {
    crate::entered();
    json::scan_units(latin1, max_depth as usize).map(|s| s.flags()).map_err(coded)
}

/// `jsonScan` over UTF-8 bytes, which must be valid UTF-8 (`INVALID_UNICODE`) and at most
/// `maxBytes` long (`INPUT_TOO_LARGE`).
#[wasm_bindgen(js_name = jsonScanBytes)]
pub fn json_scan_bytes(bytes: &[u8], max_depth: u32, max_bytes: u32) -> Result<u32, JsValue> {
    crate::entered();
    json::scan_bytes(bytes, max_depth as usize, max_bytes as usize)
        .map(|s| s.flags())
        .map_err(coded)
}

/// Whether JSON text is poisoned, without building it (`0` clean, `1` poisoned, `2`
/// undecided: let `JSON.parse` and the walk decide). `proto` / `constructor` say which
/// rules are active. The string crosses as UTF-8, where a lone surrogate becomes U+FFFD:
/// the JS layer sends only well-formed strings here (a raw lone surrogate key would no
/// longer equal its `\u` escape).
#[wasm_bindgen(js_name = jsonFindPoisoning)]
pub fn json_find_poisoning(
    text: &str,
    max_depth: u32,
    proto: bool,
    constructor: bool,
) -> Result<u32, JsValue> {
    crate::entered();
    json_find_poisoning_bytes(text.as_bytes(), max_depth, proto, constructor)
}

/// `jsonFindPoisoning` over UTF-8 bytes (invalid UTF-8 is undecided).
#[wasm_bindgen(js_name = jsonFindPoisoningBytes)]
pub fn json_find_poisoning_bytes(
    bytes: &[u8],
    max_depth: u32,
    proto: bool,
    constructor: bool,
) -> Result<u32, JsValue> {
    crate::entered();
    json::find_poisoning(bytes, max_depth as usize, proto, constructor)
        .map(|p| match p {
            Poisoning::Clean => 0,
            Poisoning::Poisoned => 1,
            Poisoning::Undecided => 2,
        })
        .map_err(coded)
}
