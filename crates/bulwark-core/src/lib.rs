//! Bulwark's core: security guards for untrusted input, in pure Rust.
//!
//! This crate knows nothing about JavaScript. The Node addon (`bulwark-node`) and the
//! WASM package (`bulwark-wasm`) are thin layers that convert arguments, call these
//! functions and map [`Error`] to a JS `BulwarkError` carrying [`Error::code`].
//!
//! One module per capability:
//! - [`escape`]: HTML escaping and unescaping, byte-for-byte compatible with
//!   validator.js `escape`/`unescape`.
//! - [`clock`]: the current time for checks that compare with today (installable where
//!   the target has no system clock).
//! - [`compare`]: constant-time equality of secrets.
//! - [`html`]: allowlist HTML sanitizing on ammonia, and text extraction.
//! - [`json`]: prototype-pollution-safe JSON parsing (secure-json-parse compatible).
//! - [`merge`]: deep merge, JSON Merge Patch and Mongo-operator key sanitizing that never
//!   write `__proto__`, `constructor` or `prototype`.
//! - [`password`]: argon2id password hashing with PHC strings and bounded verification cost.
//! - [`paths`]: resolving untrusted paths within a base, decoding path segments, safe file names.
//! - [`sanitizers`]: validator.js-compatible sanitizers (`trim`, `blacklist`, `normalizeEmail`,
//!   `toInt`, ...) in linear time, and Unicode normalization.
//! - [`ssrf`]: IP parsing and classification in every OS notation, URL checks against SSRF.
//! - [`validators`]: validator.js-compatible string validators (`isEmail`, `isURL`, ...) in
//!   linear time, and compiled rule sets for batch checks.
//!
//! Every guard fails closed: bad input is an [`Error`] with a stable [`ErrorCode`], never
//! a panic and never a silently weakened check.
#![deny(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod clock;
pub mod compare;
mod error;
pub mod escape;
pub mod html;
pub mod json;
pub mod merge;
#[cfg(feature = "serde")]
pub mod options;
pub mod password;
pub mod paths;
pub mod sanitizers;
pub mod ssrf;
pub mod validators;

pub use error::{Error, ErrorCode, Result};
