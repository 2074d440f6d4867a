//! `isMailtoURI`.

use super::is_email::{EmailOptions, is_email, options as email_options};
use super::rule::{Options, Rule};
use crate::Result;

/// validator.js's `parseMailtoQueryString`: at most four `key=value` parameters, each of
/// `subject`, `body`, `cc`, `bcc` at most once; the `cc` and `bcc` values, or `None`.
fn query_addresses(query: &str) -> Option<(&str, &str)> {
    if query.split('&').count() > 4 {
        return None;
    }
    let mut seen = [false; 4];
    let (mut cc, mut bcc) = ("", "");
    for param in query.split('&') {
        let mut kv = param.split('=');
        let key = kv.next().unwrap_or_default();
        let value = kv.next().unwrap_or_default();
        if key.is_empty() {
            continue;
        }
        let slot = ["subject", "body", "cc", "bcc"].iter().position(|k| *k == key)?;
        if seen[slot] {
            return None;
        }
        seen[slot] = true;
        match key {
            "cc" if !value.is_empty() => cc = value,
            "bcc" if !value.is_empty() => bcc = value,
            _ => {}
        }
    }
    Some((cc, bcc))
}

/// `true` when `s` is a `mailto:` URI whose recipients (comma-separated, in the path and
/// in `cc`/`bcc`) are each empty or an email address under `options` (validator.js
/// `isEmail` options), with only `subject`, `body`, `cc`, `bcc` as parameters, as
/// validator.js `isMailtoURI` decides. Values are not percent-decoded (as there).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_mailto_uri, EmailOptions};
/// let d = EmailOptions::default();
/// assert!(is_mailto_uri("mailto:a@example.com?subject=hi&cc=b@example.com", &d));
/// assert!(is_mailto_uri("mailto:", &d) && !is_mailto_uri("mailto:a@example.com?to=b@example.com", &d));
/// assert!(!is_mailto_uri("a@example.com", &d));
/// ```
pub fn is_mailto_uri(s: &str, options: &EmailOptions) -> bool {
    let Some(rest) = s.strip_prefix("mailto:") else {
        return false;
    };
    let mut parts = rest.split('?');
    let to = parts.next().unwrap_or_default();
    let query = parts.next().unwrap_or_default();
    if to.is_empty() && query.is_empty() {
        return true;
    }
    let Some((cc, bcc)) = query_addresses(query) else {
        return false;
    };
    [to, cc, bcc].iter().flat_map(|list| list.split(',')).all(|address| {
        let address = address.trim_matches(' ');
        address.is_empty() || is_email(address, options)
    })
}

/// isEmail's options object.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::MailtoUri(Box::new(email_options(o)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = EmailOptions::default();
        for s in [
            "mailto:?subject=something&cc=valid@mail.com",
            "mailto:?subject=something&cc=valid@mail.com,another@mail.com,",
            "mailto:?subject=something&bcc=valid@mail.com",
            "mailto:?subject=something&bcc=valid@mail.com,another@mail.com",
            "mailto:?bcc=valid@mail.com,another@mail.com",
            "mailto:valid@mail.com",
            "mailto:valid@mail.com?cc=valid@mail.com",
            "mailto:valid@mail.com,another@mail.com?cc=valid@mail.com",
            "mailto:",
            "mailto:?",
            "mailto: valid@mail.com , another@mail.com ?body=x",
            "mailto:valid@mail.com?body=a?b",
        ] {
            assert!(is_mailto_uri(s, &d), "{s}");
        }
        for s in [
            "",
            "something",
            "valid@gmail.com",
            "mailto:?subject=okay&subject=444",
            "mailto:?subject=something&wrong=888",
            "mailto:somename@ｇｍａｉｌ.com",
            "mailto:hello@world.com?cc=somename@ｇｍａｉｌ.com",
            "mailto:hello@world.com?bcc=somename@ｇｍａｉｌ.com",
            "mailto:hello@world.com?bcc=somename@ｇｍａｉｌ.com&bcc",
            "mailto:valid@gmail.com?subject=anything&body=nothing&cc=&bcc=&key=",
            "mailto:hello@world.com?cc=somename",
            "mailto:somename",
            "mailto:info@mail.com?subject=foo&body=bar&cc=baz@mail.com&bcc=qux@mail.com&x=y",
            "mailto:a@b.com?body=x&body=y",
        ] {
            assert!(!is_mailto_uri(s, &d), "{s}");
        }
    }

    #[test]
    fn option_errors_name_the_validator() {
        for name in ["isEmail", "isMailtoURI"] {
            let message = Rule::from_json(name, r#"{"blacklisted_chars": "z-a"}"#)
                .err()
                .map(|err| err.message().to_string());
            assert_eq!(
                message
                    .as_deref()
                    .map(|m| m.starts_with(&format!("{name}: option \"blacklisted_chars\": "))),
                Some(true),
                "{message:?}"
            );
        }
    }
}
