//! URL checks for every attribute that carries a URL.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::invalid;
use crate::Result;

pub(super) fn scheme_set(list: &[String]) -> Result<HashSet<String>> {
    list.iter()
        .map(|s| {
            let lower = s.to_ascii_lowercase();
            let valid = lower.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && lower
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
            if !valid {
                return Err(invalid(format!("{s:?} is not a URL scheme")));
            }
            if matches!(lower.as_str(), "javascript" | "vbscript" | "data") {
                return Err(invalid(format!(
                    "the {lower:?} scheme can run script and is never allowed"
                )));
            }
            Ok(lower)
        })
        .collect()
}

/// The URL check ammonia leaves out, run on every attribute that survived its allowlist.
///
/// ammonia checks schemes only in a fixed set of attributes (`href`, `src`, `xlink:href`,
/// `action` on `form`, `data` on `object`, `formaction`, `ping` on `a` as one string, `poster`
/// on `video`). This filter checks every attribute that carries a URL, on any element, against
/// the policy's schemes (per tag when set): the single-URL attributes in [`URL_ATTRIBUTES`],
/// each URL of the space-separated lists in [`URL_LIST_ATTRIBUTES`] and each candidate of
/// `srcset`/`imagesrcset`. Any other attribute whose value would run as a script URL
/// (`javascript:`, `vbscript:`, `data:`, read as a browser reads a URL) is dropped too: a
/// script or framework may use any attribute as a URL. One bad URL drops the attribute.
#[derive(Debug)]
pub(super) struct UrlFilter {
    pub(super) default_schemes: HashSet<String>,
    pub(super) schemes_by_tag: HashMap<String, HashSet<String>>,
    pub(super) allow_protocol_relative: bool,
}

/// Attributes whose value is one URL (HTML, obsolete HTML and XLink attributes that fetch or
/// navigate).
pub(super) const URL_ATTRIBUTES: [&str; 18] = [
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "longdesc",
    "codebase",
    "classid",
    "icon",
    "manifest",
    "usemap",
    "lowsrc",
    "dynsrc",
    "profile",
    "xlink:href",
];

/// Attributes whose value is a list of URLs separated by ASCII whitespace (or commas, for
/// the obsolete `archive`).
pub(super) const URL_LIST_ATTRIBUTES: [&str; 2] = ["ping", "archive"];

/// Attributes in the `srcset` syntax: comma-separated candidates, each a URL and descriptors.
pub(super) const SRCSET_ATTRIBUTES: [&str; 2] = ["srcset", "imagesrcset"];

impl UrlFilter {
    pub(super) fn filter<'v>(
        &self,
        element: &str,
        attribute: &str,
        value: &'v str,
    ) -> Option<Cow<'v, str>> {
        let attribute = attribute.to_ascii_lowercase();
        let attribute = attribute.as_str();
        let allowed = if URL_ATTRIBUTES.contains(&attribute) {
            self.url_allowed(element, value)
        } else if URL_LIST_ATTRIBUTES.contains(&attribute) {
            !has_script_part(value)
                && value
                    .split(|c: char| c.is_ascii_whitespace() || c == ',')
                    .filter(|url| !url.is_empty())
                    .all(|url| self.url_allowed(element, url))
        } else if SRCSET_ATTRIBUTES.contains(&attribute) {
            !has_script_part(value) && srcset_urls(value).all(|url| self.url_allowed(element, url))
        } else {
            !is_script_url(value)
        };
        allowed.then_some(Cow::Borrowed(value))
    }

    pub(super) fn url_allowed(&self, element: &str, value: &str) -> bool {
        if is_script_url_loose(value) {
            return false;
        }
        // Browsers strip leading and trailing C0 controls and spaces, and ASCII tabs and
        // newlines anywhere, before parsing a URL; the url crate does the same.
        let trimmed = value.trim_start_matches(|c: char| c <= ' ');
        let mut start = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
        let slashes = |c: Option<char>| matches!(c, Some('/' | '\\'));
        if slashes(start.next()) && slashes(start.next()) {
            return self.allow_protocol_relative;
        }
        match url::Url::parse(trimmed) {
            Ok(url) => {
                let allowed = self.schemes_by_tag.get(element).unwrap_or(&self.default_schemes);
                allowed.contains(url.scheme())
            }
            // Relative URLs stay (ammonia's default); they resolve against the page's scheme.
            Err(url::ParseError::RelativeUrlWithoutBase) => true,
            Err(_) => false,
        }
    }
}

/// `true` when a browser reading `value` as a URL would see a `javascript:`, `vbscript:` or
/// `data:` scheme: leading C0 controls and spaces are skipped, ASCII tabs and newlines
/// anywhere are ignored, case does not matter. (Entities are already decoded: the value is
/// the parsed attribute.) Reads at most the first few characters of the scheme.
pub(super) fn is_script_url(value: &str) -> bool {
    script_scheme(value, |c| matches!(c, '\t' | '\n' | '\r'))
}

/// [`is_script_url`] that also ignores spaces and every C0 control inside the scheme
/// (`java script:`): for URL attributes, where such a value has no honest use.
pub(super) fn is_script_url_loose(value: &str) -> bool {
    script_scheme(value, |c| c <= ' ')
}

pub(super) fn script_scheme(value: &str, ignored: impl Fn(char) -> bool) -> bool {
    let mut scheme = [0u8; 10];
    let mut len = 0;
    for c in value.trim_start_matches(|c: char| c <= ' ').chars() {
        match c {
            _ if ignored(c) => {}
            ':' => return matches!(&scheme[..len], b"javascript" | b"vbscript" | b"data"),
            _ if len == scheme.len() || !c.is_ascii() => return false,
            _ => {
                scheme[len] = c.to_ascii_lowercase() as u8;
                len += 1;
            }
        }
    }
    false
}

/// `true` when a URL list (`srcset`, `ping`) reads as a script URL in any way a parser could
/// split it: as a whole, per comma-separated candidate or per token (descriptors included).
/// `"\u{1} javascript:x"` or `"jav\tascript:x"` are harmless to a browser's srcset parser,
/// but not worth keeping.
pub(super) fn has_script_part(value: &str) -> bool {
    is_script_url_loose(value)
        || value.split(',').any(is_script_url_loose)
        || value.split(|c: char| c.is_ascii_whitespace() || c == ',').any(is_script_url_loose)
}

/// The URLs of a `srcset` value, as the HTML standard's "parse a srcset attribute" finds them:
/// candidates are separated by commas; a URL runs to the next whitespace (trailing commas
/// end the candidate); descriptors run to the next comma outside parentheses. Linear.
pub(super) fn srcset_urls(value: &str) -> impl Iterator<Item = &str> {
    let bytes = value.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b',') {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut url = &value[start..at];
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let mut in_parens = false;
            while at < bytes.len() {
                match bytes[at] {
                    b'(' => in_parens = true,
                    b')' => in_parens = false,
                    b',' if !in_parens => break,
                    _ => {}
                }
                at += 1;
            }
        }
        Some(url)
    })
}

/// How sanitize-html reads an `<iframe src>` to check its host: `Some(None)` for a relative
/// URL, `Some(Some(host))` for an absolute one, `None` when it does not parse (the attribute
/// is then dropped). Leading `scheme:` followed by slashes and backslashes with spaces around
/// them is normalized to `scheme://` first, and the URL is resolved against a placeholder
/// base, as sanitize-html does.
pub(super) fn iframe_host(value: &str) -> Option<Option<String>> {
    let normalized = normalize_slashes(value);
    if normalized.starts_with("relative:") {
        return None;
    }
    static BASE: std::sync::LazyLock<Option<url::Url>> = std::sync::LazyLock::new(|| {
        let mut base = String::from("relative://relative-site");
        for i in 0..100 {
            base.push_str(&format!("/{i}"));
        }
        url::Url::parse(&base).ok()
    });
    let base = BASE.as_ref()?;
    let url = url::Url::options().base_url(Some(base)).parse(&normalized).ok()?;
    let host = url.host_str().unwrap_or("");
    if url.scheme() == "relative" && host == "relative-site" {
        return Some(None);
    }
    Some(Some(host.to_owned()))
}

/// `^(\w+:)?\s*[\\/]\s*[\\/]` replaced by `$1//`.
fn normalize_slashes(value: &str) -> Cow<'_, str> {
    let word = value.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    let scheme_len =
        if word > 0 && value.as_bytes().get(word) == Some(&b':') { word + 1 } else { 0 };
    let rest = &value[scheme_len..];
    let mut chars = rest.char_indices().peekable();
    let mut slashes = 0;
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() || c == '\u{feff}' {
            chars.next();
        } else if (c == '/' || c == '\\') && slashes < 2 {
            slashes += 1;
            chars.next();
            end = i + 1;
            if slashes == 2 {
                break;
            }
        } else {
            break;
        }
    }
    if slashes < 2 {
        return Cow::Borrowed(value);
    }
    Cow::Owned(format!("{}//{}", &value[..scheme_len], &rest[end..]))
}
