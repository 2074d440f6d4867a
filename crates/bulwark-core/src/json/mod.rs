//! Prototype-pollution-safe JSON parsing, compatible with secure-json-parse.
//!
//! Two layers:
//! - [`scan_units`] / [`scan_bytes`]: one linear pass over JSON text that measures the
//!   nesting depth and finds every string that decodes to `__proto__` or `constructor`
//!   (JSON escapes such as `"\u005f\u005fproto__"` included). It does not build anything,
//!   so a JS caller can let the engine's own `JSON.parse` build the value and only run the
//!   exact check ([`apply_actions`]' rules) when the scan found a suspect key.
//! - [`parse_json`] / [`parse_json_bytes`]: the whole guard in Rust, returning a
//!   [`serde_json::Value`]; the reference for the JS layer's behaviour.
//!
//! The rules are secure-json-parse's, applied to the parsed value: an object with an own
//! `__proto__` key is *proto poisoning*; an object whose own `constructor` key holds an
//! object with an own `prototype` key is *constructor poisoning*. Each is handled by its
//! [`KeyAction`]: refuse the whole input, remove the key, or ignore it. Duplicate keys
//! follow JSON.parse (the last one wins), so the check sees exactly what a JS program
//! would see.

mod parse;
mod poison;
mod scan;

pub use self::parse::{
    JsonOptions, KeyAction, POISONING_MESSAGE, apply_actions, parse_data, parse_json,
    parse_json_bytes, to_text,
};
pub use self::poison::{PoisonUnit, Poisoning, find_poisoning};
pub use self::scan::{JsonScan, ScanUnit, scan_bytes, scan_units, utf8_text};
use crate::{Error, ErrorCode, Result};

/// Default for [`JsonOptions::max_depth`]: arrays and objects nested 128 deep.
pub const DEFAULT_MAX_DEPTH: usize = 128;
/// The largest [`JsonOptions::max_depth`] accepted. It bounds every recursion over a value:
/// serde_json's parser (about 1 KiB of stack per level in release builds, more in debug;
/// WASM has a 1 MiB stack), the merge module, and JS code walking the result.
pub const MAX_DEPTH_LIMIT: usize = 256;
/// Default for [`JsonOptions::max_bytes`]: 16 MiB of UTF-8.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// `INVALID_OPTIONS` unless `max_depth` is at most [`MAX_DEPTH_LIMIT`].
pub(crate) fn check_max_depth(max_depth: usize) -> Result<()> {
    if max_depth > MAX_DEPTH_LIMIT {
        return Err(Error::new(
            ErrorCode::InvalidOptions,
            format!("maxDepth must be at most {MAX_DEPTH_LIMIT}"),
        ));
    }
    Ok(())
}

/// `INPUT_TOO_DEEP` for nesting beyond `max_depth`.
pub(crate) fn too_deep(max_depth: usize) -> Error {
    Error::new(
        ErrorCode::InputTooDeep,
        format!("input is nested deeper than maxDepth ({max_depth})"),
    )
}
