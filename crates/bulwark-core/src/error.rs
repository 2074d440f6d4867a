//! The one error type every guard returns.

use std::fmt;

/// Stable, machine-readable error codes.
///
/// The string form ([`ErrorCode::as_str`]) is part of the public API: JS callers see it as
/// `err.code` and may branch on it, so a code is never renamed once released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// An argument has the wrong type (raised by the bindings; the core is typed).
    InvalidType,
    /// An option is out of range or inconsistent.
    InvalidOptions,
    /// Input is not well-formed Unicode (for example a string with a lone surrogate).
    InvalidUnicode,
    /// Input is larger than the guard accepts.
    InputTooLarge,
    /// Input nests deeper than the guard accepts.
    InputTooDeep,
    /// A stored password hash is malformed or uses an unsupported algorithm.
    InvalidHash,
    /// A stored password hash asks for more memory, time or lanes than allowed.
    HashParamsTooCostly,
    /// The operating system could not provide random bytes.
    RandomUnavailable,
    /// A bug in Bulwark (for example a caught panic). Never expected.
    Internal,
    /// Text is not valid JSON (raised by the core's own parser; the JS layer throws the
    /// engine's `SyntaxError`).
    InvalidJson,
    /// Parsed JSON holds an own `__proto__` key or a `constructor.prototype` pair.
    JsonProtoPoisoning,
    /// A value that is not plain JSON data (a function, symbol, class instance, ...).
    UnsupportedValue,
    /// A value that contains itself.
    CyclicValue,
    /// A path would leave its base directory (`..` above the base, or a symlink out of it).
    PathEscape,
    /// A path that had to be relative is absolute (`/x`, `C:\x`, `\\server\share`).
    PathAbsolute,
    /// A path or path segment contains a NUL byte (literal or percent-encoded).
    PathNul,
    /// A path or path segment is malformed or unsafe in another way (a backslash, a Windows
    /// device name, an encoded separator, overlong UTF-8, double encoding, ...).
    PathInvalid,
    /// A path (or the base directory) does not exist where it must (`ENOENT`).
    PathNotFound,
    /// A path or the base directory is not a directory where one is needed (`ENOTDIR`).
    PathNotDirectory,
    /// A path goes through a symlink loop (`ELOOP`).
    PathLoop,
    /// A path or one of its segments is longer than the file system accepts (`ENAMETOOLONG`).
    PathTooLong,
    /// A string is not an IP address.
    IpInvalid,
    /// A URL does not parse (WHATWG URL rules) or has no host.
    UrlInvalid,
    /// A URL's scheme is not allowed.
    UrlScheme,
    /// A URL carries a username or password.
    UrlCredentials,
    /// A URL's host is not on the allowlist.
    UrlHostNotAllowed,
    /// A host or resolved address is not public (loopback, private, link-local, ...).
    SsrfBlocked,
}

impl ErrorCode {
    /// Every code, in declaration order. Both bindings export their string forms
    /// (`errorCodes()`), and a JS contract test compares them with `lib/errors.js`, the
    /// TypeScript union and the docs, so a code added here and nowhere else fails `npm test`.
    pub const ALL: [ErrorCode; 27] = [
        ErrorCode::InvalidType,
        ErrorCode::InvalidOptions,
        ErrorCode::InvalidUnicode,
        ErrorCode::InputTooLarge,
        ErrorCode::InputTooDeep,
        ErrorCode::InvalidHash,
        ErrorCode::HashParamsTooCostly,
        ErrorCode::RandomUnavailable,
        ErrorCode::Internal,
        ErrorCode::InvalidJson,
        ErrorCode::JsonProtoPoisoning,
        ErrorCode::UnsupportedValue,
        ErrorCode::CyclicValue,
        ErrorCode::PathEscape,
        ErrorCode::PathAbsolute,
        ErrorCode::PathNul,
        ErrorCode::PathInvalid,
        ErrorCode::PathNotFound,
        ErrorCode::PathNotDirectory,
        ErrorCode::PathLoop,
        ErrorCode::PathTooLong,
        ErrorCode::IpInvalid,
        ErrorCode::UrlInvalid,
        ErrorCode::UrlScheme,
        ErrorCode::UrlCredentials,
        ErrorCode::UrlHostNotAllowed,
        ErrorCode::SsrfBlocked,
    ];

    /// The stable string code, e.g. `"INVALID_HASH"`.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(bulwark_core::ErrorCode::InvalidHash.as_str(), "INVALID_HASH");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidType => "INVALID_TYPE",
            ErrorCode::InvalidOptions => "INVALID_OPTIONS",
            ErrorCode::InvalidUnicode => "INVALID_UNICODE",
            ErrorCode::InputTooLarge => "INPUT_TOO_LARGE",
            ErrorCode::InputTooDeep => "INPUT_TOO_DEEP",
            ErrorCode::InvalidHash => "INVALID_HASH",
            ErrorCode::HashParamsTooCostly => "HASH_PARAMS_TOO_COSTLY",
            ErrorCode::RandomUnavailable => "RANDOM_UNAVAILABLE",
            ErrorCode::Internal => "INTERNAL",
            ErrorCode::InvalidJson => "INVALID_JSON",
            ErrorCode::JsonProtoPoisoning => "JSON_PROTO_POISONING",
            ErrorCode::UnsupportedValue => "UNSUPPORTED_VALUE",
            ErrorCode::CyclicValue => "CYCLIC_VALUE",
            ErrorCode::PathEscape => "PATH_ESCAPE",
            ErrorCode::PathAbsolute => "PATH_ABSOLUTE",
            ErrorCode::PathNul => "PATH_NUL",
            ErrorCode::PathInvalid => "PATH_INVALID",
            ErrorCode::PathNotFound => "PATH_NOT_FOUND",
            ErrorCode::PathNotDirectory => "PATH_NOT_DIRECTORY",
            ErrorCode::PathLoop => "PATH_LOOP",
            ErrorCode::PathTooLong => "PATH_TOO_LONG",
            ErrorCode::IpInvalid => "IP_INVALID",
            ErrorCode::UrlInvalid => "URL_INVALID",
            ErrorCode::UrlScheme => "URL_SCHEME",
            ErrorCode::UrlCredentials => "URL_CREDENTIALS",
            ErrorCode::UrlHostNotAllowed => "URL_HOST_NOT_ALLOWED",
            ErrorCode::SsrfBlocked => "SSRF_BLOCKED",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A guard's refusal: a stable [`ErrorCode`] plus a human-readable message.
///
/// Messages never contain the rejected secret (passwords, hashes' salts) so they are safe
/// to log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: String,
}

impl Error {
    /// A new error with `code` and `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into() }
    }

    /// The machine-readable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The human-readable message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}

/// `Result` with Bulwark's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    /// Position of each code; exhaustive, so a new variant cannot compile without an arm here,
    /// and the test below then fails until it is in [`ErrorCode::ALL`] too.
    fn position(code: ErrorCode) -> usize {
        match code {
            ErrorCode::InvalidType => 0,
            ErrorCode::InvalidOptions => 1,
            ErrorCode::InvalidUnicode => 2,
            ErrorCode::InputTooLarge => 3,
            ErrorCode::InputTooDeep => 4,
            ErrorCode::InvalidHash => 5,
            ErrorCode::HashParamsTooCostly => 6,
            ErrorCode::RandomUnavailable => 7,
            ErrorCode::Internal => 8,
            ErrorCode::InvalidJson => 9,
            ErrorCode::JsonProtoPoisoning => 10,
            ErrorCode::UnsupportedValue => 11,
            ErrorCode::CyclicValue => 12,
            ErrorCode::PathEscape => 13,
            ErrorCode::PathAbsolute => 14,
            ErrorCode::PathNul => 15,
            ErrorCode::PathInvalid => 16,
            ErrorCode::PathNotFound => 17,
            ErrorCode::PathNotDirectory => 18,
            ErrorCode::PathLoop => 19,
            ErrorCode::PathTooLong => 20,
            ErrorCode::IpInvalid => 21,
            ErrorCode::UrlInvalid => 22,
            ErrorCode::UrlScheme => 23,
            ErrorCode::UrlCredentials => 24,
            ErrorCode::UrlHostNotAllowed => 25,
            ErrorCode::SsrfBlocked => 26,
        }
    }

    #[test]
    fn all_lists_every_code_once() {
        for (i, code) in ErrorCode::ALL.iter().enumerate() {
            assert_eq!(position(*code), i, "{code:?}");
        }
        let mut names: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len(), "string forms are unique");
    }
}
