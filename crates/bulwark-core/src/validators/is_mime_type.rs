//! `isMimeType`.

use std::sync::OnceLock;

use regex::Regex;

use super::static_regex;

// validator.js's three patterns (case-insensitive), with JS `\s` spelled out and the `i`
// flag applied to ASCII letters only, as JS does without the `u` flag.
const SPACE: &str = r"[\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]";

fn simple() -> String {
    r"^(?i-u:application|audio|font|image|message|model|multipart|text|video)/[a-zA-Z0-9.\-+_]{1,100}$".to_owned()
}

fn parameter_value() -> String {
    let quoted_char = format!(r"(?:[a-zA-Z0-9.\-+]|{SPACE})");
    format!(
        r#"(?:"{quoted_char}{{0,70}}"|[a-zA-Z0-9.\-+]{{0,70}})(?:{SPACE}?\({quoted_char}{{1,20}}\))?"#
    )
}

fn text() -> String {
    format!(r"^(?i-u:text)/[a-zA-Z0-9.\-+]{{1,100}};{SPACE}?(?i-u:charset)={}$", parameter_value())
}

fn multipart() -> String {
    format!(
        r"^(?i-u:multipart)/[a-zA-Z0-9.\-+]{{1,100}}(?:;{SPACE}?(?i-u:boundary|charset)={}){{0,2}}$",
        parameter_value()
    )
}

static SIMPLE: OnceLock<Option<Regex>> = OnceLock::new();
static TEXT: OnceLock<Option<Regex>> = OnceLock::new();
static MULTIPART: OnceLock<Option<Regex>> = OnceLock::new();

/// `true` when `s` has the shape of a MIME type, as validator.js `isMimeType` decides:
/// `type/subtype` for the nine top-level types, plus `charset` on `text/*` and
/// `boundary`/`charset` on `multipart/*`. The type is not checked against IANA's list.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_mime_type;
/// assert!(is_mime_type("application/json"));
/// assert!(is_mime_type("text/html; charset=utf-8"));
/// assert!(is_mime_type("multipart/form-data; boundary=something"));
/// assert!(!is_mime_type("application") && !is_mime_type("foo/bar"));
/// ```
pub fn is_mime_type(s: &str) -> bool {
    // No match is longer than ~700 characters; longer input is refused before matching.
    if s.len() > 2048 {
        return false;
    }
    let test = |cell: &'static OnceLock<Option<Regex>>, pattern: fn() -> String| {
        static_regex(cell, pattern).is_some_and(|re| re.is_match(s))
    };
    test(&SIMPLE, simple) || test(&TEXT, text) || test(&MULTIPART, multipart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        for p in [simple(), text(), multipart()] {
            assert!(Regex::new(&p).is_ok(), "{p}");
        }
    }

    #[test]
    fn table() {
        for s in [
            "application/json",
            "application/xhtml+xml",
            "audio/mp4",
            "image/bmp",
            "font/woff2",
            "message/http",
            "model/vnd.gtw",
            "multipart/form-data",
            "multipart/form-data; boundary=something",
            "multipart/form-data; charset=utf-8; boundary=something",
            "multipart/form-data; boundary=something; charset=utf-8",
            "multipart/form-data; boundary=something; charset=\"utf-8\"",
            "multipart/form-data; boundary=\"something\"; charset=utf-8",
            "multipart/form-data; boundary=\"something\"; charset=\"utf-8\"",
            "text/css",
            "text/plain; charset=utf8",
            "Text/HTML;Charset=\"utf-8\"",
            "text/html;charset=UTF-8",
            "Text/html;charset=UTF-8",
            "text/html; charset=us-ascii",
            "text/html; charset=us-ascii (Plain text)",
            "text/html; charset=\"us-ascii\"",
            "video/mp4",
            "APPLICATION/JSON",
        ] {
            assert!(is_mime_type(s), "{s}");
        }
        for s in [
            "",
            " ",
            "/",
            "f/b",
            "application",
            "application\\json",
            "application/json/text",
            "application/json; charset=utf-8",
            "audio/mp4; charset=utf-8",
            "image/bmp; charset=utf-8",
            "font/woff2; charset=utf-8",
            "message/http; charset=utf-8",
            "model/vnd.gtw; charset=utf-8",
            "video/mp4; charset=utf-8",
            "meſſage/http",
            "\u{212A}/x",
        ] {
            assert!(!is_mime_type(s), "{s}");
        }
    }
}
