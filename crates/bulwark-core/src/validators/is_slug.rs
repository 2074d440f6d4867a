//! `isSlug`.

/// `true` when `s` is a slug, as validator.js `isSlug` decides: lowercase ASCII letters,
/// digits, `-` and `_`, starting and ending with a letter or digit, never two of `-`/`_`
/// in a row.
///
/// validator.js expresses the last rule with a look-ahead (`(?!.*[-_]{2,})`), the ReDoS
/// shape threats.md lists; this is one pass over the bytes.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_slug;
/// assert!(is_slug("my-blog_post-1"));
/// assert!(is_slug("a"));
/// assert!(!is_slug("my--post") && !is_slug("-post") && !is_slug("post-") && !is_slug("Post"));
/// ```
pub fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if !word(first) || !word(last) {
        return false;
    }
    let mut previous_separator = false;
    for &c in b {
        let separator = c == b'-' || c == b'_';
        if !(separator || word(c)) || (separator && previous_separator) {
            return false;
        }
        previous_separator = separator;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "foo",
            "foo-bar",
            "foo_bar",
            "foo-bar-foo",
            "foo-bar_foo",
            "foo-bar_foo",
            "cs_67",
            "75-b4r",
            "cs-cz",
            "cscz",
            "a",
            "1",
        ] {
            assert!(is_slug(s), "{s}");
        }
        for s in [
            "not-----------slug",
            "@#_$@",
            "-not-slug",
            "not-slug-",
            "_not-slug",
            "not-slug_",
            "not slug",
            "",
            "Foo",
            "a__b",
            "a-_b",
        ] {
            assert!(!is_slug(s), "{s}");
        }
        let adversarial = format!("a{}", "-_".repeat(1 << 19));
        assert!(!is_slug(&adversarial));
        let long = format!("a{}", "-a".repeat(1 << 19));
        assert!(is_slug(&long));
    }
}
