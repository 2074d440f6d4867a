//! `isDataURI`.

use super::is_js_space;

fn is_media_type(s: &str) -> bool {
    // ^[a-z]+\/[a-z0-9\-\+\._]+$ (case-insensitive)
    let Some((kind, sub)) = s.split_once('/') else {
        return false;
    };
    !kind.is_empty()
        && kind.bytes().all(|b| b.is_ascii_alphabetic())
        && !sub.is_empty()
        && sub.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.' | b'_'))
}

fn is_attribute(s: &str) -> bool {
    // ^[a-z\-]+=[a-z0-9\-]+$ (case-insensitive)
    let Some((key, value)) = s.split_once('=') else {
        return false;
    };
    !key.is_empty()
        && key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        && !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn is_data(s: &str) -> bool {
    // ^[a-z0-9!\$&'\(\)\*\+,;=\-\._~:@\/\?%\s]*$ (case-insensitive)
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "!$&'()*+,;=-._~:@/?%".contains(c) || is_js_space(c))
}

/// `true` when `s` is a `data:` URI (media type, `;attr=value` parameters, an optional
/// final `;base64`, then URI characters), as validator.js `isDataURI` decides. The data is
/// not decoded.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_data_uri;
/// assert!(is_data_uri("data:,Hello%2C%20World!") && is_data_uri("data:text/html;base64,PGgxPkg+"));
/// assert!(!is_data_uri("dataxbase64") && !is_data_uri("data:text/html;charset=,%3Ch1%3E"));
/// ```
pub fn is_data_uri(s: &str) -> bool {
    let Some((head, data)) = s.split_once(',') else {
        return false;
    };
    let head = head.trim_matches(is_js_space);
    let mut attributes = head.split(';');
    let scheme_and_type = attributes.next().unwrap_or_default();
    let Some(media_type) = scheme_and_type.strip_prefix("data:") else {
        return false;
    };
    if !media_type.is_empty() && !is_media_type(media_type) {
        return false;
    }
    let attributes: Vec<&str> = attributes.collect();
    let last = attributes.len().wrapping_sub(1);
    for (i, attribute) in attributes.iter().enumerate() {
        let base64_flag = i == last && attribute.to_lowercase() == "base64";
        if !(base64_flag || is_attribute(attribute)) {
            return false;
        }
    }
    is_data(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "data:text/html;charset=US-ASCII,%3Ch1%3EHello!%3C%2Fh1%3E",
            "data:application/octet-stream;base64,iVBORw0KGgoAAAANSUhEUgAAABwAAAAbCAYAAAB",
            " data:,Hello%2C%20World!",
            " data:,Hello World!",
            "data:,A%20brief%20note",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:;base64,YQ==",
            "data:,a,b",
            "data:text/plain;BASE64,YQ==",
            "data:text/plain;base64,YQ==;",
        ] {
            assert!(is_data_uri(s), "{s}");
        }
        for s in [
            "dataxbase64",
            "data:HelloWorld",
            "data:,A%20brief%20invalid%20[note",
            "file:text/plain;base64,YQ==",
            " data:text/plain;,Hello World!",
            "data:text/plain;a=b;base64;c=d,YQ==",
            "data:image/jpeg;base64,<>",
            "data:text/html;charset=,%3Ch1%3EHello!%3C%2Fh1%3E",
            "",
            ",",
        ] {
            assert!(!is_data_uri(s), "{s}");
        }
    }
}
