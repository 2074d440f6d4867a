//! Safe paths: resolve an untrusted relative path under a base directory, decode one URL
//! path segment, and clean an uploaded file name.
//!
//! Everything here is lexical (no filesystem access); the JS layer's `resolveWithinReal`
//! adds symlink resolution on top of [`resolve_within`].
//!
//! Semantics are POSIX: `/` is the only separator of the base and of the result. Because
//! the same value may later reach a Windows machine, a share, or code that treats `\` as a
//! separator, [`ResolveOptions::reject_windows_forms`] (on by default) also refuses
//! backslashes, drive letters (`C:`), UNC paths (`\\server\share`), device names (`CON`,
//! `NUL`, `COM1`, ...), `:` (alternate data streams) and segments ending in a dot or a
//! space (which Windows strips, so `..` followed by a space would name the parent).

use unicode_normalization::UnicodeNormalization;

use crate::{Error, ErrorCode, Result};

/// Default for [`ResolveOptions::max_length`]: 4096 bytes, Linux's `PATH_MAX`.
pub const DEFAULT_MAX_PATH_BYTES: usize = 4096;

/// Longest file name most filesystems store, in bytes (ext4, XFS, APFS, NTFS in UTF-16 units).
pub const MAX_FILENAME_BYTES: usize = 255;

/// Options for [`resolve_within`].
///
/// # Examples
/// ```
/// let options = bulwark_core::paths::ResolveOptions::default();
/// assert!(options.reject_windows_forms);
/// assert_eq!(options.max_length, 4096);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolveOptions {
    /// Also refuse what is dangerous on Windows: `\`, drive letters, UNC paths, device names,
    /// `:` and segments ending in `.` or space. Default `true`. With `false`, a backslash is
    /// an ordinary file name character, as it is on POSIX systems.
    pub reject_windows_forms: bool,
    /// Longest user path and longest result accepted, in UTF-8 bytes; longer is
    /// `INPUT_TOO_LARGE`. Default [`DEFAULT_MAX_PATH_BYTES`].
    pub max_length: usize,
}

impl Default for ResolveOptions {
    fn default() -> Self {
        ResolveOptions { reject_windows_forms: true, max_length: DEFAULT_MAX_PATH_BYTES }
    }
}

fn err(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::new(code, message)
}

/// Windows device names (case-insensitive), which name a device in every directory and with
/// any extension (`con.txt`, `nul .tar.gz`).
const DEVICE_NAMES: [&str; 7] = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"];

/// Whether `name` is a Windows device name: its part before the first dot, with trailing
/// spaces removed, is one of [`DEVICE_NAMES`] or `COM`/`LPT` followed by a digit or a
/// superscript one, two or three.
///
/// # Examples
/// ```
/// use bulwark_core::paths::is_windows_device_name;
/// assert!(is_windows_device_name("con.txt"));
/// assert!(is_windows_device_name("LPT1 .log"));
/// assert!(is_windows_device_name("com\u{b9}"));
/// assert!(!is_windows_device_name("console.txt"));
/// ```
pub fn is_windows_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    if DEVICE_NAMES.iter().any(|d| stem.eq_ignore_ascii_case(d)) {
        return true;
    }
    let (Some(prefix), Some(suffix)) = (stem.get(..3), stem.get(3..)) else {
        return false;
    };
    (prefix.eq_ignore_ascii_case("COM") || prefix.eq_ignore_ascii_case("LPT"))
        && matches!(
            suffix,
            "0" | "1"
                | "2"
                | "3"
                | "4"
                | "5"
                | "6"
                | "7"
                | "8"
                | "9"
                | "\u{b9}"
                | "\u{b2}"
                | "\u{b3}"
        )
}

/// Checks one segment of a user path against the Windows forms.
fn check_windows_segment(segment: &str) -> Result<()> {
    if segment.contains(':') {
        return Err(err(
            ErrorCode::PathInvalid,
            "path contains ':' (a drive letter or an alternate data stream on Windows)",
        ));
    }
    if segment != "." && segment != ".." && (segment.ends_with('.') || segment.ends_with(' ')) {
        return Err(err(
            ErrorCode::PathInvalid,
            "a path segment ends with a dot or a space (Windows strips them)",
        ));
    }
    if is_windows_device_name(segment) {
        return Err(err(
            ErrorCode::PathInvalid,
            "path names a Windows device (CON, NUL, COM1, ...)",
        ));
    }
    Ok(())
}

/// Checks the whole user path against the Windows forms that are not per segment.
fn check_windows_path(user_path: &str) -> Result<()> {
    let bytes = user_path.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Err(err(ErrorCode::PathAbsolute, "path starts with a Windows drive letter"));
    }
    if bytes.first() == Some(&b'\\') {
        return Err(err(
            ErrorCode::PathAbsolute,
            "path starts with a backslash (a Windows root or UNC path)",
        ));
    }
    if memchr::memchr(b'\\', bytes).is_some() {
        return Err(err(
            ErrorCode::PathInvalid,
            "path contains a backslash (a separator on Windows)",
        ));
    }
    Ok(())
}

fn too_large(what: &str, max: usize) -> Error {
    err(ErrorCode::InputTooLarge, format!("{what} is longer than {max} bytes"))
}

/// Lexically resolves the untrusted relative path `user_path` under the absolute `base` and
/// returns the result, which always lies within `base` (or is `base` itself, for `""` or
/// `"."`).
///
/// `base` is trusted: it must be an absolute POSIX path and is normalized (`.`, `..` and
/// repeated or trailing slashes removed). `user_path` is decoded by nothing here: pass the
/// already-decoded value (see [`decode_path_segment`] for raw URL segments).
///
/// Refused, with the error's code:
/// - `PATH_NUL`: a NUL byte in either path.
/// - `PATH_ABSOLUTE`: `user_path` starts with `/` (or, with Windows forms refused, a drive
///   letter or a backslash).
/// - `PATH_ESCAPE`: a `..` that would go above `base` at any point, even if later segments
///   come back (`../app/x` under `/srv/app` is refused).
/// - `PATH_INVALID`: a Windows form (see [`ResolveOptions::reject_windows_forms`]), or a
///   relative `base`.
/// - `INPUT_TOO_LARGE`: `user_path` or the result longer than [`ResolveOptions::max_length`].
///
/// # Examples
/// ```
/// use bulwark_core::paths::{resolve_within, ResolveOptions};
/// let o = ResolveOptions::default();
/// assert_eq!(resolve_within("/srv/app", "img/../logo.png", &o).unwrap(), "/srv/app/logo.png");
/// assert_eq!(resolve_within("/srv/app/", "", &o).unwrap(), "/srv/app");
/// assert_eq!(resolve_within("/srv/app", "../app2/secret", &o).unwrap_err().code().as_str(), "PATH_ESCAPE");
/// assert_eq!(resolve_within("/srv/app", "/etc/passwd", &o).unwrap_err().code().as_str(), "PATH_ABSOLUTE");
/// assert_eq!(resolve_within("/srv/app", "a\\..\\..\\x", &o).unwrap_err().code().as_str(), "PATH_INVALID");
/// ```
pub fn resolve_within(base: &str, user_path: &str, options: &ResolveOptions) -> Result<String> {
    if user_path.len() > options.max_length {
        return Err(too_large("path", options.max_length));
    }
    if memchr::memchr(0, base.as_bytes()).is_some() {
        return Err(err(ErrorCode::PathNul, "base contains a NUL byte"));
    }
    if !base.starts_with('/') {
        return Err(err(ErrorCode::PathInvalid, "base must be an absolute POSIX path"));
    }
    if memchr::memchr(0, user_path.as_bytes()).is_some() {
        return Err(err(ErrorCode::PathNul, "path contains a NUL byte"));
    }
    if user_path.starts_with('/') {
        return Err(err(ErrorCode::PathAbsolute, "path is absolute"));
    }
    if options.reject_windows_forms {
        check_windows_path(user_path)?;
    }
    let mut out = String::with_capacity(base.len() + user_path.len() + 1);
    // The base, normalized as path.resolve does (`..` at the root stays at the root).
    for segment in base.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                let cut = out.rfind('/').unwrap_or(0);
                out.truncate(cut);
            }
            _ => {
                out.push('/');
                out.push_str(segment);
            }
        }
    }
    let base_len = out.len();
    for segment in user_path.split('/') {
        if options.reject_windows_forms {
            check_windows_segment(segment)?;
        }
        match segment {
            "" | "." => {}
            ".." => {
                if out.len() == base_len {
                    return Err(err(ErrorCode::PathEscape, "path leaves the base directory"));
                }
                let cut = out.rfind('/').unwrap_or(base_len);
                out.truncate(cut.max(base_len));
            }
            _ => {
                out.push('/');
                out.push_str(segment);
            }
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    if out.len() > options.max_length {
        return Err(too_large("resolved path", options.max_length));
    }
    Ok(out)
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Whether `s` holds a `%` followed by two hex digits (a percent-encoded byte).
fn has_percent_escape(s: &str) -> bool {
    let bytes = s.as_bytes();
    memchr::memchr_iter(b'%', bytes).any(|i| {
        matches!((bytes.get(i + 1), bytes.get(i + 2)), (Some(&h), Some(&l)) if hex_value(h).is_some() && hex_value(l).is_some())
    })
}

/// The checks [`decode_path_segment`] applies to the decoded text, and again to its NFKC form.
fn check_segment_text(text: &str, form: &str) -> Result<()> {
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(err(ErrorCode::PathNul, format!("segment contains a NUL byte{form}")));
    }
    if text.contains(['/', '\\']) {
        return Err(err(
            ErrorCode::PathInvalid,
            format!("segment contains a path separator{form}"),
        ));
    }
    if text == ".." {
        return Err(err(ErrorCode::PathEscape, format!("segment is '..'{form}")));
    }
    if text == "." {
        return Err(err(ErrorCode::PathInvalid, format!("segment is '.'{form}")));
    }
    if has_percent_escape(text) {
        return Err(err(ErrorCode::PathInvalid, format!("segment is percent-encoded twice{form}")));
    }
    Ok(())
}

/// Percent-decodes one URL path segment, once, and refuses anything that could change the
/// path's structure then or after a later decoding or Unicode normalization.
///
/// Refused, with the error's code:
/// - `PATH_NUL`: a NUL byte, literal or encoded (`%00`).
/// - `PATH_INVALID`: a separator, literal or encoded (`/`, `\`, `%2f`, `%5C`); a malformed
///   escape (`%zz`, a lone `%`); decoded bytes that are not UTF-8, which includes overlong
///   forms (`%c0%ae` for `.`) and encoded surrogates; a segment that still holds an escape
///   after decoding (double encoding: `%252e` decodes to `%2e`); the segment `.`.
/// - `PATH_ESCAPE`: the segment `..` (also `%2e%2e`, `.%2E`).
///
/// Then the decoded text is NFKC-normalized and checked again, so fullwidth and
/// compatibility characters (`．．`, `／`, `％２ｅ`, U+2025 `‥`) are refused too. The result
/// is the decoded text itself, not its NFKC form. `+` is not a space in paths and stays `+`.
/// An empty segment decodes to an empty string.
///
/// # Examples
/// ```
/// use bulwark_core::paths::decode_path_segment;
/// assert_eq!(decode_path_segment("caf%C3%A9%20menu.pdf").unwrap(), "café menu.pdf");
/// for (bad, code) in [("%2e%2e", "PATH_ESCAPE"), ("a%2Fb", "PATH_INVALID"), ("%c0%ae", "PATH_INVALID"),
///                     ("%252e%252e", "PATH_INVALID"), ("\u{ff0e}\u{ff0e}", "PATH_ESCAPE"), ("a%00", "PATH_NUL")] {
///     assert_eq!(decode_path_segment(bad).unwrap_err().code().as_str(), code, "{bad}");
/// }
/// ```
pub fn decode_path_segment(segment: &str) -> Result<String> {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'%' {
            let pair = (
                bytes.get(i + 1).copied().and_then(hex_value),
                bytes.get(i + 2).copied().and_then(hex_value),
            );
            let (Some(high), Some(low)) = pair else {
                return Err(err(ErrorCode::PathInvalid, "segment has a malformed percent-escape"));
            };
            decoded.push(high << 4 | low);
            i += 3;
        } else {
            decoded.push(byte);
            i += 1;
        }
    }
    let text = String::from_utf8(decoded).map_err(|_| {
        err(
            ErrorCode::PathInvalid,
            "decoded segment is not valid UTF-8 (overlong, truncated or surrogate bytes)",
        )
    })?;
    check_segment_text(&text, "")?;
    if !text.is_ascii() {
        let normalized: String = text.nfkc().collect();
        if normalized != text {
            check_segment_text(&normalized, " after NFKC normalization")?;
        }
    }
    Ok(text)
}

/// Options for [`sanitize_filename`].
///
/// # Examples
/// ```
/// let options = bulwark_core::paths::FilenameOptions::default();
/// assert_eq!((options.replacement.as_str(), options.fallback.as_str(), options.max_bytes), ("", "_", 255));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(rename_all = "camelCase", deny_unknown_fields, default)
)]
pub struct FilenameOptions {
    /// Put in place of each removed character. Default `""`. Must contain only characters
    /// a file name may keep (else `INVALID_OPTIONS`).
    pub replacement: String,
    /// Returned when nothing usable is left (the name was empty, dots, spaces, ...). Default
    /// `"_"`. Must be a name this function returns unchanged (else `INVALID_OPTIONS`).
    pub fallback: String,
    /// Longest result in UTF-8 bytes, 1 to 255. Default [`MAX_FILENAME_BYTES`].
    pub max_bytes: usize,
    /// Keep leading dots (`.htaccess`, `.env`). Default `false`: leading dots and spaces are
    /// removed, so an upload cannot create a hidden or configuration file.
    pub allow_dotfiles: bool,
}

impl Default for FilenameOptions {
    fn default() -> Self {
        FilenameOptions {
            replacement: String::new(),
            fallback: "_".into(),
            max_bytes: MAX_FILENAME_BYTES,
            allow_dotfiles: false,
        }
    }
}

/// [`FilenameOptions`] from the fields given, the defaults for the others: how the bindings
/// build them from primitive arguments on this per-call path.
pub fn filename_options(
    replacement: Option<String>,
    fallback: Option<String>,
    max_bytes: Option<u32>,
    allow_dotfiles: Option<bool>,
) -> FilenameOptions {
    let d = FilenameOptions::default();
    FilenameOptions {
        replacement: replacement.unwrap_or(d.replacement),
        fallback: fallback.unwrap_or(d.fallback),
        max_bytes: max_bytes.map_or(d.max_bytes, |n| n as usize),
        allow_dotfiles: allow_dotfiles.unwrap_or(d.allow_dotfiles),
    }
}

/// ASCII characters no file name keeps: separators, characters Windows refuses, controls.
fn is_forbidden_ascii(c: char) -> bool {
    matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*' | '\0'..='\x1f' | '\x7f')
}

/// Bidirectional formatting characters: they make `evil\u{202e}gnp.exe` display as
/// `evilexe.png`.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether [`sanitize_filename`] removes `c`: forbidden ASCII, C1 controls, bidi controls,
/// and any other non-ASCII character whose NFKC form holds a forbidden character or a dot
/// (fullwidth `／`, `＼`, `．`, `：`, U+2024 `․`, ...), so normalizing the result later
/// cannot create a separator or a dot segment.
fn is_removed(c: char) -> bool {
    if c.is_ascii() {
        return is_forbidden_ascii(c);
    }
    if matches!(c, '\u{80}'..='\u{9f}') || is_bidi_control(c) {
        return true;
    }
    std::iter::once(c).nfkc().any(|d| d == '.' || is_forbidden_ascii(d) || is_bidi_control(d))
}

/// `s` cut to at most `max` bytes at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut cut = max.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// Cuts `name` to at most `max` bytes at a character boundary, keeping a short extension
/// (the part from the last dot, up to 16 bytes) when some of the stem survives; otherwise
/// keeps the beginning of the name, so the cut never exposes a leading dot.
fn truncate_name(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    if let Some(dot) =
        name.rfind('.').filter(|&dot| dot > 0 && name.len() - dot <= 16 && name.len() - dot < max)
    {
        let ext = &name[dot..];
        let stem = prefix(&name[..dot], max - ext.len()).trim_end_matches(['.', ' ']);
        if !stem.is_empty() {
            return format!("{stem}{ext}");
        }
    }
    prefix(name, max).trim_end_matches(['.', ' ']).to_owned()
}

/// The name cleaned by every rule but the fallback; may be empty.
fn clean_filename(name: &str, options: &FilenameOptions) -> String {
    let mut out = String::with_capacity(name.len().min(4 * options.max_bytes));
    for c in name.chars() {
        if is_removed(c) {
            out.push_str(&options.replacement);
        } else {
            out.push(c);
        }
    }
    let mut cleaned =
        if options.allow_dotfiles { out.as_str() } else { out.trim_start_matches(['.', ' ']) };
    cleaned = cleaned.trim_end_matches(['.', ' ']);
    let mut result = truncate_name(cleaned, options.max_bytes);
    if is_windows_device_name(&result) {
        result = truncate_name(&format!("_{result}"), options.max_bytes);
    }
    result
}

/// Cleans an untrusted file name (an upload's `originalname`) into one that is safe to
/// store on any common filesystem and never names a directory.
///
/// In order:
/// 1. Each removed character becomes `options.replacement`: `/ \ < > : " | ? *`, C0 and C1
///    control characters and DEL, bidirectional formatting characters (U+202E and friends),
///    and non-ASCII characters whose NFKC form holds one of these or a dot (`／`, `．`, ...).
/// 2. Leading dots and spaces are removed (unless [`FilenameOptions::allow_dotfiles`]);
///    trailing dots and spaces are removed (Windows strips them).
/// 3. The name is cut to [`FilenameOptions::max_bytes`] UTF-8 bytes without splitting a
///    character, keeping an extension of up to 16 bytes.
/// 4. A Windows device name (`con.txt`, `LPT1`, `aux .log`) gets a `_` prefix.
/// 5. If nothing is left, the result is `options.fallback`.
///
/// The result is never `""`, `"."` or `".."`, and sanitizing it again returns it unchanged.
///
/// # Examples
/// ```
/// use bulwark_core::paths::{sanitize_filename, FilenameOptions};
/// let o = FilenameOptions::default();
/// assert_eq!(sanitize_filename("../../etc/passwd", &o).unwrap(), "etcpasswd");
/// assert_eq!(sanitize_filename("report\u{202e}fdp.exe", &o).unwrap(), "reportfdp.exe");
/// assert_eq!(sanitize_filename("CON.txt", &o).unwrap(), "_CON.txt");
/// assert_eq!(sanitize_filename("..", &o).unwrap(), "_");
/// let dashes = FilenameOptions { replacement: "-".into(), ..FilenameOptions::default() };
/// assert_eq!(sanitize_filename("a/b:c.txt. ", &dashes).unwrap(), "a-b-c.txt");
/// ```
pub fn sanitize_filename(name: &str, options: &FilenameOptions) -> Result<String> {
    validate_filename_options(options)?;
    let result = clean_filename(name, options);
    if result.is_empty() {
        return Ok(options.fallback.clone());
    }
    Ok(result)
}

fn validate_filename_options(options: &FilenameOptions) -> Result<()> {
    if !(1..=MAX_FILENAME_BYTES).contains(&options.max_bytes) {
        return Err(err(
            ErrorCode::InvalidOptions,
            format!("maxBytes must be between 1 and {MAX_FILENAME_BYTES}"),
        ));
    }
    if options.replacement.len() > MAX_FILENAME_BYTES || options.replacement.chars().any(is_removed)
    {
        return Err(err(
            ErrorCode::InvalidOptions,
            "replacement must be at most 255 bytes of characters a file name may keep (no separators, controls or reserved characters)",
        ));
    }
    let fallback = &options.fallback;
    if fallback.is_empty()
        || fallback.len() > options.max_bytes
        || clean_filename(fallback, options) != *fallback
    {
        return Err(err(
            ErrorCode::InvalidOptions,
            "fallback must be a non-empty file name, at most maxBytes long, that sanitizeFilename leaves unchanged",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T: std::fmt::Debug>(r: Result<T>) -> &'static str {
        r.unwrap_err().code().as_str()
    }

    #[test]
    fn resolves_benign_paths_like_path_resolve() {
        let o = ResolveOptions::default();
        let cases = [
            ("/srv/app", "index.html", "/srv/app/index.html"),
            ("/srv/app/", "a/b/c.txt", "/srv/app/a/b/c.txt"),
            ("/srv/app", "a//b/./c/", "/srv/app/a/b/c"),
            ("/srv/app", "a/b/../c", "/srv/app/a/c"),
            ("/srv/app", "a/..", "/srv/app"),
            ("/srv/app", "", "/srv/app"),
            ("/srv/app", ".", "/srv/app"),
            ("/srv/./x/../app//", "f", "/srv/app/f"),
            ("/", "etc", "/etc"),
            ("/", "", "/"),
            ("/../..", "x", "/x"),
            ("/srv/app", "...hidden", "/srv/app/...hidden"),
            ("/srv/app", "café/😀.txt", "/srv/app/café/😀.txt"),
            ("/srv/app", "\u{ff0e}\u{ff0e}/x", "/srv/app/\u{ff0e}\u{ff0e}/x"),
        ];
        for (base, p, expected) in cases {
            assert_eq!(resolve_within(base, p, &o).unwrap(), expected, "{base} + {p}");
        }
    }

    #[test]
    fn refuses_escapes_and_bad_forms() {
        let o = ResolveOptions::default();
        let cases = [
            ("..", "PATH_ESCAPE"),
            ("../app2/x", "PATH_ESCAPE"),
            ("../app/x", "PATH_ESCAPE"),
            ("a/../../x", "PATH_ESCAPE"),
            ("a/b/../../..", "PATH_ESCAPE"),
            ("./../x", "PATH_ESCAPE"),
            ("/etc/passwd", "PATH_ABSOLUTE"),
            ("//server/share", "PATH_ABSOLUTE"),
            ("a\0b", "PATH_NUL"),
            ("x.txt\0.png", "PATH_NUL"),
            ("C:\\Windows", "PATH_ABSOLUTE"),
            ("c:/x", "PATH_ABSOLUTE"),
            ("\\\\server\\share", "PATH_ABSOLUTE"),
            ("\\x", "PATH_ABSOLUTE"),
            ("a\\..\\..\\x", "PATH_INVALID"),
            ("..\\x", "PATH_INVALID"),
            ("a/b:c", "PATH_INVALID"),
            ("file.txt::$DATA", "PATH_INVALID"),
            ("a/.. /x", "PATH_INVALID"),
            ("a/... /x", "PATH_INVALID"),
            ("x.", "PATH_INVALID"),
            ("...", "PATH_INVALID"),
            ("CON", "PATH_INVALID"),
            ("a/nul.txt", "PATH_INVALID"),
            ("aux .tar.gz", "PATH_INVALID"),
            ("LPT9", "PATH_INVALID"),
            ("COM\u{b3}.x", "PATH_INVALID"),
            ("conin$", "PATH_INVALID"),
        ];
        for (p, expected) in cases {
            assert_eq!(code(resolve_within("/srv/app", p, &o)), expected, "{p:?}");
        }
        assert_eq!(code(resolve_within("srv/app", "x", &o)), "PATH_INVALID");
        assert_eq!(code(resolve_within("/srv\0/app", "x", &o)), "PATH_NUL");
    }

    #[test]
    fn windows_forms_are_plain_names_when_allowed() {
        let o = ResolveOptions { reject_windows_forms: false, ..ResolveOptions::default() };
        assert_eq!(resolve_within("/srv/app", "..\\..\\x", &o).unwrap(), "/srv/app/..\\..\\x");
        assert_eq!(resolve_within("/srv/app", "CON:x.", &o).unwrap(), "/srv/app/CON:x.");
        assert_eq!(code(resolve_within("/srv/app", "../x", &o)), "PATH_ESCAPE");
        assert_eq!(code(resolve_within("/srv/app", "/x", &o)), "PATH_ABSOLUTE");
    }

    #[test]
    fn sibling_prefix_never_matches() {
        let o = ResolveOptions::default();
        for p in ["../app2", "../app2/secret", "../app-backup/x", "..//app2"] {
            assert_eq!(code(resolve_within("/srv/app", p, &o)), "PATH_ESCAPE", "{p}");
        }
    }

    #[test]
    fn length_limits_and_megabyte_inputs() {
        let o = ResolveOptions::default();
        let long = "a/".repeat(3000);
        assert_eq!(code(resolve_within("/srv", &long, &o)), "INPUT_TOO_LARGE");
        let big = ResolveOptions { max_length: 4 << 20, ..o };
        // 1 MiB of `x/../` resolves back to the base; 1 MiB of `../` escapes at the first one.
        assert_eq!(resolve_within("/srv", &"x/../".repeat(200_000), &big).unwrap(), "/srv");
        assert_eq!(code(resolve_within("/srv", &"../".repeat(350_000), &big)), "PATH_ESCAPE");
        assert_eq!(code(resolve_within("/srv", &"a/".repeat(2100), &o)), "INPUT_TOO_LARGE");
        let deep = "a/".repeat(500_000);
        assert_eq!(
            resolve_within("/srv", &deep, &big).unwrap().len(),
            "/srv".len() + 1_000_000 - 1 + 1
        );
    }

    #[test]
    fn decodes_segments_once_and_refuses_tricks() {
        let ok = [
            ("plain.txt", "plain.txt"),
            ("a%20b", "a b"),
            ("caf%c3%a9", "café"),
            ("a+b", "a+b"),
            ("", ""),
            ("...", "..."),
            ("%2e%2e%2e", "..."),
            ("100%25", "100%"),
            ("%25zz", "%zz"),
            ("\u{ff0e}txt", "\u{ff0e}txt"),
        ];
        for (input, expected) in ok {
            assert_eq!(decode_path_segment(input).unwrap(), expected, "{input}");
        }
        let bad = [
            ("..", "PATH_ESCAPE"),
            ("%2e%2e", "PATH_ESCAPE"),
            ("%2E.", "PATH_ESCAPE"),
            (".", "PATH_INVALID"),
            ("%2e", "PATH_INVALID"),
            ("a/b", "PATH_INVALID"),
            ("a\\b", "PATH_INVALID"),
            ("..%2f..", "PATH_INVALID"),
            ("%5c", "PATH_INVALID"),
            ("%00", "PATH_NUL"),
            ("a\0", "PATH_NUL"),
            ("%", "PATH_INVALID"),
            ("%2", "PATH_INVALID"),
            ("%zz", "PATH_INVALID"),
            ("%c0%ae%c0%ae", "PATH_INVALID"),
            ("%e0%80%ae", "PATH_INVALID"),
            ("%c0%af", "PATH_INVALID"),
            ("%ed%a0%80", "PATH_INVALID"),
            ("%ff", "PATH_INVALID"),
            ("%252e%252e", "PATH_INVALID"),
            ("%252f", "PATH_INVALID"),
            ("\u{ff0e}\u{ff0e}", "PATH_ESCAPE"),
            ("%ef%bc%8e%ef%bc%8e", "PATH_ESCAPE"),
            ("\u{2025}", "PATH_ESCAPE"),
            ("\u{2024}", "PATH_INVALID"),
            ("a\u{ff0f}b", "PATH_INVALID"),
            ("a\u{ff3c}b", "PATH_INVALID"),
            ("\u{ff05}\u{ff12}\u{ff45}", "PATH_INVALID"),
        ];
        for (input, expected) in bad {
            assert_eq!(code(decode_path_segment(input)), expected, "{input:?}");
        }
    }

    #[test]
    fn decodes_megabyte_segments() {
        let big = "%41".repeat(350_000);
        assert_eq!(decode_path_segment(&big).unwrap(), "A".repeat(350_000));
        let overlong = "%c0%ae".repeat(200_000);
        assert_eq!(code(decode_path_segment(&overlong)), "PATH_INVALID");
        let fullwidth = "\u{ff0e}".repeat(300_000);
        assert_eq!(decode_path_segment(&fullwidth).unwrap(), fullwidth);
    }

    #[test]
    fn sanitizes_filenames() {
        let o = FilenameOptions::default();
        let cases = [
            ("photo.jpg", "photo.jpg"),
            ("../../etc/passwd", "etcpasswd"),
            ("..\\..\\win.ini", "win.ini"),
            ("a<b>c:d\"e|f?g*h", "abcdefgh"),
            ("tab\there\nnew\u{7f}\u{85}", "tabherenew"),
            (".htaccess", "htaccess"),
            (" . .env", "env"),
            ("name. . ", "name"),
            ("con", "_con"),
            ("Con.txt", "_Con.txt"),
            ("nul .tar.gz", "_nul .tar.gz"),
            ("lpt1", "_lpt1"),
            ("console", "console"),
            ("évian café 😀.txt", "évian café 😀.txt"),
            ("a\u{ff0f}b\u{ff0e}\u{ff0e}c", "abc"),
            ("x\u{202e}gpj.exe", "xgpj.exe"),
            ("", "_"),
            (".", "_"),
            ("..", "_"),
            ("...", "_"),
            ("  ", "_"),
            ("///", "_"),
            ("\u{0}", "_"),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize_filename(input, &o).unwrap(), expected, "{input:?}");
        }
        let dotfiles = FilenameOptions { allow_dotfiles: true, ..FilenameOptions::default() };
        assert_eq!(sanitize_filename(".env", &dotfiles).unwrap(), ".env");
        assert_eq!(sanitize_filename("..", &dotfiles).unwrap(), "_");
        let dashes = FilenameOptions {
            replacement: "-".into(),
            fallback: "upload".into(),
            ..FilenameOptions::default()
        };
        assert_eq!(sanitize_filename("a/b\\c", &dashes).unwrap(), "a-b-c");
        assert_eq!(sanitize_filename("/", &dashes).unwrap(), "-");
        assert_eq!(sanitize_filename(".", &dashes).unwrap(), "upload");
        let n = FilenameOptions { replacement: "n".into(), ..FilenameOptions::default() };
        assert_eq!(
            sanitize_filename("co/", &n).unwrap(),
            "_con",
            "a replacement cannot form a device name"
        );
    }

    #[test]
    fn caps_length_without_splitting_characters() {
        let o = FilenameOptions::default();
        let long = format!("{}.pdf", "é".repeat(300));
        let out = sanitize_filename(&long, &o).unwrap();
        assert!(out.len() <= 255 && out.ends_with(".pdf") && out.starts_with('é'), "{out}");
        assert_eq!(out.len(), 2 * 125 + 4);
        let emoji = "😀".repeat(100);
        let out = sanitize_filename(&emoji, &o).unwrap();
        assert_eq!(out, "😀".repeat(63));
        let spaces = format!("con{}x.txt", " ".repeat(300));
        let out = sanitize_filename(&spaces, &o).unwrap();
        assert_eq!(out, "_con.txt", "truncation that exposes a device name is caught");
        let small = FilenameOptions { max_bytes: 5, ..FilenameOptions::default() };
        assert_eq!(sanitize_filename("abcdefgh", &small).unwrap(), "abcde");
        assert_eq!(sanitize_filename("abcdefgh.txt", &small).unwrap(), "a.txt");
        assert_eq!(sanitize_filename("ab.longextension", &small).unwrap(), "ab.lo");
        // A stem too short to keep with the extension: the cut keeps the beginning instead
        // of leaving a dotfile (found by the JS property test).
        let eleven = FilenameOptions {
            max_bytes: 11,
            replacement: "-".into(),
            ..FilenameOptions::default()
        };
        assert_eq!(
            sanitize_filename("\u{a0}..//\u{800}a\u{800}", &eleven).unwrap(),
            "\u{a0}..--\u{800}a"
        );
        assert_eq!(
            sanitize_filename(
                "\u{a0}.x.pdf",
                &FilenameOptions { max_bytes: 5, ..FilenameOptions::default() }
            )
            .unwrap(),
            "\u{a0}.x"
        );
    }

    #[test]
    fn sanitize_is_idempotent_and_never_returns_dots() {
        let o = FilenameOptions::default();
        let long = "a".repeat(400);
        let inputs = [
            "a. .b. ",
            ". .",
            "con . txt",
            "x/../y",
            "\u{ff0e}.",
            "é.",
            "com1.",
            "lpt1 ",
            "_",
            long.as_str(),
        ];
        for input in inputs {
            let once = sanitize_filename(input, &o).unwrap();
            assert!(!["", ".", ".."].contains(&once.as_str()), "{input:?}");
            assert_eq!(sanitize_filename(&once, &o).unwrap(), once, "{input:?}");
        }
    }

    #[test]
    fn filename_options_are_validated() {
        let bad = [
            FilenameOptions { replacement: "/".into(), ..FilenameOptions::default() },
            FilenameOptions { replacement: "\u{ff0f}".into(), ..FilenameOptions::default() },
            FilenameOptions { fallback: "".into(), ..FilenameOptions::default() },
            FilenameOptions { fallback: "..".into(), ..FilenameOptions::default() },
            FilenameOptions { fallback: "con".into(), ..FilenameOptions::default() },
            FilenameOptions { fallback: "a/b".into(), ..FilenameOptions::default() },
            FilenameOptions { max_bytes: 0, ..FilenameOptions::default() },
            FilenameOptions { max_bytes: 256, ..FilenameOptions::default() },
            FilenameOptions {
                fallback: "abcdef".into(),
                max_bytes: 3,
                ..FilenameOptions::default()
            },
        ];
        for options in bad {
            assert_eq!(code(sanitize_filename("x", &options)), "INVALID_OPTIONS", "{options:?}");
        }
    }

    #[test]
    fn sanitizes_megabyte_names() {
        let o = FilenameOptions::default();
        let big = "/\u{202e}.".repeat(400_000);
        assert_eq!(sanitize_filename(&big, &o).unwrap(), "_");
        let text = "ab".repeat(500_000);
        assert_eq!(sanitize_filename(&text, &o).unwrap().len(), 255);
    }
}
