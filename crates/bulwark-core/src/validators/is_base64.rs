//! `isBase64`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_base64`], with validator.js names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base64Options {
    /// `urlSafe` (default `false`): the `-_` alphabet instead of `+/`.
    pub url_safe: bool,
    /// `padding` (default `!urlSafe`): the length is a multiple of 4, with up to two `=`.
    pub padding: bool,
}

impl Default for Base64Options {
    fn default() -> Self {
        Base64Options { url_safe: false, padding: true }
    }
}

impl Base64Options {
    /// validator.js's defaults for `urlSafe` (padding defaults to `!urlSafe`).
    pub fn url_safe() -> Self {
        Base64Options { url_safe: true, padding: false }
    }
}

/// `true` when `s` is base64, as validator.js `isBase64` decides. The empty string is
/// base64.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_base64, Base64Options};
/// assert!(is_base64("SGVsbG8gV29ybGQ=", &Base64Options::default()));
/// assert!(!is_base64("SGVsbG8gV29ybGQ", &Base64Options::default()));
/// assert!(is_base64("SGVsbG8_V29ybGQ-", &Base64Options::url_safe()));
/// ```
pub fn is_base64(s: &str, options: &Base64Options) -> bool {
    if s.is_empty() {
        return true;
    }
    let b = s.as_bytes();
    let body = if options.padding {
        if b.len() % 4 != 0 {
            return false;
        }
        let pad = b.iter().rev().take(2).take_while(|&&c| c == b'=').count();
        &b[..b.len() - pad]
    } else {
        b
    };
    let alphabet = |c: &u8| {
        c.is_ascii_alphanumeric()
            || if options.url_safe { matches!(c, b'-' | b'_') } else { matches!(c, b'+' | b'/') }
    };
    !body.is_empty() && body.iter().all(alphabet)
}

/// validator.js `isBase64` options (`padding` defaults to `!urlSafe`).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let url_safe = o.bool("urlSafe", false)?;
    Ok(Rule::Base64(Base64Options { url_safe, padding: o.bool("padding", !url_safe)? }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = Base64Options::default();
        for s in [
            "",
            "Zg==",
            "Zm8=",
            "Zm9v",
            "Zm9vYg==",
            "Zm9vYmE=",
            "Zm9vYmFy",
            "TG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQsIGNvbnNlY3RldHVyIGFkaXBpc2NpbmcgZWxpdC4=",
            "Vml2YW11cyBmZXJtZW50dW0gc2VtcGVyIHBvcnRhLg==",
            "U3VzcGVuZGlzc2UgbGVjdHVzIGxlbw==",
            "MIICXAIBAAKBgQCqGKukO1De7zhZj6+H0qtjTkVxwTCpvKe4eCZ0FPqri0cb2JZfXJ/DgYSF6vUpwmJG8wVQZKjeGcjDOL5UlsuusFncCzWBQ7RKNUSesmQRMSGkVb1/3j+skZ6UtW+5u09lHNsj6tQ51s1SPrCBkedbNf0Tp0GbMJDyR4e9T04ZZwIDAQAB",
        ] {
            assert!(is_base64(s, &d), "{s}");
        }
        for s in [
            "12345",
            "Vml2YW11cyBmZXJtZtesting123",
            "Zg=",
            "Z===",
            "Zm=8",
            "=m9vYg==",
            "Zm9vYmFy====",
            "Zg",
            "Zm8",
            "Zm9vYg",
            "YQ",
            "SGVsbG8_V29ybGQ-",
            "====",
        ] {
            assert!(!is_base64(s, &d), "{s}");
        }
        let url = Base64Options::url_safe();
        for s in [
            "",
            "bGFkaWVzIGFuZCBnZW50bGVtZW4sIHdlIGFyZSBmbG9hdGluZyBpbiBzcGFjZQ",
            "1234",
            "bXVtLW5ldmVyLXByb3Vk",
            "PDw_Pz8-Pg",
            "VGhpcyBpcyBhbiBlbmNvZGVkIHN0cmluZw",
        ] {
            assert!(is_base64(s, &url), "{s}");
        }
        for s in [
            " AA",
            "\tAA",
            "\rAA",
            "\nAA",
            "This+isa/bad+base64Url==",
            "0K3RgtC+INC30LDQutC+0LTQuNGA0L7QstCw0L3QvdCw0Y8g0YHRgtGA0L7QutCw",
        ] {
            assert!(!is_base64(s, &url), "{s}");
        }
        assert!(is_base64("Zg==", &Base64Options { url_safe: true, padding: true }));
        assert!(is_base64("Zm8", &Base64Options { url_safe: false, padding: false }));
        assert!(!is_base64("Zm8=", &Base64Options { url_safe: false, padding: false }));
    }
}
