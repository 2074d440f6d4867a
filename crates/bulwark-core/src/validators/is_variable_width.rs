//! `isVariableWidth`.

use super::is_half_width::is_half_width_char;

/// `true` when `s` contains both a full-width and a half-width character, as validator.js
/// `isVariableWidth` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_variable_width;
/// assert!(is_variable_width("ひらがなカタカナ漢字ABCDE") && is_variable_width("Ｆｶﾀｶﾅﾞﾬ"));
/// assert!(!is_variable_width("abc") && !is_variable_width("あいうえお"));
/// ```
pub fn is_variable_width(s: &str) -> bool {
    let (mut full, mut half) = (false, false);
    for c in s.chars() {
        if is_half_width_char(c) {
            half = true
        } else {
            full = true
        }
        if full && half {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in ["ひらがなカタカナ漢字ABCDE", "３ー０123", "Ｆｶﾀｶﾅﾞﾬ", "Good＝Parts", "a😀"]
        {
            assert!(is_variable_width(s), "{s}");
        }
        for s in ["abc", "abc123", "!\"#$%&()<>/+=-_? ~^|.,@`{}[]", "ひらがな・カタカナ", ""]
        {
            assert!(!is_variable_width(s), "{s}");
        }
    }
}
