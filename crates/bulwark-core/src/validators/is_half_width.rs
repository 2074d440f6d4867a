//! `isHalfWidth`.

/// validator.js's half-width class `[\u0020-\u007E\uFF61-\uFF9F\uFFA0-\uFFDC\uFFE8-\uFFEE]`
/// (astral characters are two surrogate units, both outside it).
pub(crate) fn is_half_width_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{FF61}'..='\u{FFDC}' | '\u{FFE8}'..='\u{FFEE}')
}

/// `true` when `s` contains a half-width character, as validator.js `isHalfWidth` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_half_width;
/// assert!(is_half_width("!\"#$%&()<>/+=-_? ~^|.,@`{}[]") && is_half_width("ｶﾀｶﾅﾞﾬ"));
/// assert!(!is_half_width("あいうえお") && !is_half_width(""));
/// ```
pub fn is_half_width(s: &str) -> bool {
    s.chars().any(is_half_width_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["l-btn_02--active", "abc123い", "ｶﾀｶﾅﾞﾬ￩", "\u{FFA0}", "\u{FFEE}"]
        {
            assert!(is_half_width(s), "{s}");
        }
        for s in ["あいうえお", "００１１", "", "\u{FFDD}", "😀", "\u{1F}"] {
            assert!(!is_half_width(s), "{s}");
        }
    }
}
