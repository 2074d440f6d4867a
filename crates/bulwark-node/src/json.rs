//! `parseJson`: the scan the JS layer runs before `JSON.parse`, and the core's own parser
//! (the reference the JS layer is tested against).

use bulwark_core::ErrorCode;
use bulwark_core::json::{self, Poisoning};
use napi::JsString;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::entry;

// Strings cross as UTF-16: V8 copies them as they are, nothing is transcoded, and a lone
// surrogate cannot turn into a character the scan would misread.

/// Scans JSON text for its depth (`INPUT_TOO_DEEP` past `maxDepth`) and for strings that
/// decode to `__proto__` (bit 0 of the result) or `constructor` (bit 1).
#[napi(catch_unwind, ts_args_type = "text: string, maxDepth: number")]
pub fn json_scan(text: Utf16String, max_depth: u32) -> Result<u32, &'static str> {
    entry(|| json::scan_units(&text, max_depth as usize).map(|s| s.flags()))
}

/// `jsonScan` for a string the JS layer has checked holds no code unit above U+00FF: it
/// crosses as Latin-1, one byte per unit (V8 copies its one-byte strings as they are).
/// Only ASCII matters to the scan, and Latin-1 keeps every ASCII unit in place.
#[napi(catch_unwind, ts_args_type = "text: string, maxDepth: number")]
pub fn json_scan_latin1(text: JsString, max_depth: u32) -> Result<u32, &'static str> {
    entry(|| {
        let latin1 = text
            .into_latin1()
            .map_err(|e| bulwark_core::Error::new(ErrorCode::Internal, e.reason))?;
        json::scan_units(latin1.as_slice(), max_depth as usize).map(|s| s.flags())
    })
}

/// `jsonScan` over UTF-8 bytes, which must be valid UTF-8 (`INVALID_UNICODE`) and at most
/// `maxBytes` long (`INPUT_TOO_LARGE`).
#[napi(catch_unwind)]
pub fn json_scan_bytes(bytes: &[u8], max_depth: u32, max_bytes: u32) -> Result<u32, &'static str> {
    entry(|| json::scan_bytes(bytes, max_depth as usize, max_bytes as usize).map(|s| s.flags()))
}

/// Whether JSON text is poisoned, without building it (`0` clean, `1` poisoned, `2`
/// undecided: let `JSON.parse` and the walk decide). `proto` / `constructor` say which
/// rules are active. The string crosses as UTF-16 (as for `jsonScan`): nothing is
/// transcoded, and keys compare exactly as JS strings, lone surrogates included.
#[napi(
    catch_unwind,
    ts_args_type = "text: string, maxDepth: number, proto: boolean, constructor: boolean"
)]
pub fn json_find_poisoning(
    text: Utf16String,
    max_depth: u32,
    proto: bool,
    constructor: bool,
) -> Result<u32, &'static str> {
    entry(|| json::find_poisoning(&text, max_depth as usize, proto, constructor).map(verdict))
}

/// `jsonFindPoisoning` over UTF-8 bytes (invalid UTF-8 is undecided).
#[napi(catch_unwind)]
pub fn json_find_poisoning_bytes(
    bytes: &[u8],
    max_depth: u32,
    proto: bool,
    constructor: bool,
) -> Result<u32, &'static str> {
    entry(|| json::find_poisoning(bytes, max_depth as usize, proto, constructor).map(verdict))
}

fn verdict(p: Poisoning) -> u32 {
    match p {
        Poisoning::Clean => 0,
        Poisoning::Poisoned => 1,
        Poisoning::Undecided => 2,
    }
}
