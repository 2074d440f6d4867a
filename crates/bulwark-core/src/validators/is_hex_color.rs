//! `isHexColor`.

use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_hex_color`], with validator.js names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HexColorOptions {
    /// `require_hashtag`: the leading `#` is required (default: optional).
    pub require_hashtag: bool,
}

/// `true` when `s` is a CSS hex color (3, 4, 6 or 8 hexadecimal digits, `#` optional unless
/// `require_hashtag`), as validator.js `isHexColor` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_hex_color, HexColorOptions};
/// let d = HexColorOptions::default();
/// assert!(is_hex_color("#ff0034", &d) && is_hex_color("F0F", &d) && is_hex_color("#f00F", &d));
/// assert!(!is_hex_color("#ff", &d) && !is_hex_color("fff0a", &d));
/// assert!(!is_hex_color("fff", &HexColorOptions { require_hashtag: true }));
/// ```
pub fn is_hex_color(s: &str, options: &HexColorOptions) -> bool {
    let digits = match s.strip_prefix('#') {
        Some(rest) => rest,
        None if options.require_hashtag => return false,
        None => s,
    };
    matches!(digits.len(), 3 | 4 | 6 | 8) && digits.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `{ "require_hashtag"?: bool }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::HexColor(HexColorOptions { require_hashtag: o.bool("require_hashtag", false)? }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = HexColorOptions::default();
        for s in ["#ff0000ff", "#ff0034", "#CCCCCC", "0f38", "fff", "#f00"] {
            assert!(is_hex_color(s, &d), "{s}");
        }
        for s in ["#ff", "fff0a", "#ff12FG", "", "#", "##fff", "#fffff", "#fffffff"] {
            assert!(!is_hex_color(s, &d), "{s}");
        }
        let h = HexColorOptions { require_hashtag: true };
        assert!(is_hex_color("#ff0034", &h) && !is_hex_color("ff0034", &h));
    }
}
