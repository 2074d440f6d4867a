//! `isWhitelisted`.

use super::rule::{Options, Rule, invalid};
use crate::Result;

/// `true` when every UTF-16 unit of `s` occurs in `chars`, as validator.js `isWhitelisted`
/// decides (`chars.indexOf(str[i])`: astral characters are checked unit by unit). The empty
/// string passes.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_whitelisted;
/// assert!(is_whitelisted("foo bar", "abfor ") && is_whitelisted("", "a"));
/// assert!(!is_whitelisted("foo bar", "abfor"));
/// ```
pub fn is_whitelisted(s: &str, chars: &str) -> bool {
    if s.is_ascii() && chars.is_ascii() {
        let mut allowed = [false; 128];
        for b in chars.bytes() {
            allowed[usize::from(b)] = true;
        }
        return s.bytes().all(|b| allowed[usize::from(b)]);
    }
    let mut allowed: Vec<u16> = chars.encode_utf16().collect();
    allowed.sort_unstable();
    allowed.dedup();
    s.encode_utf16().all(|u| allowed.binary_search(&u).is_ok())
}

/// `{ "chars": string }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let chars =
        o.string("chars")?.ok_or_else(|| invalid("isWhitelisted: chars are required".into()))?;
    Ok(Rule::Whitelisted(chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert!(is_whitelisted("foo", "abcdefghijklmnopqrstuvwxyz-"));
        assert!(is_whitelisted("bar", "abcdefghijklmnopqrstuvwxyz-"));
        assert!(!is_whitelisted("foo1", "abcdefghijklmnopqrstuvwxyz-"));
        assert!(!is_whitelisted("bar-", "abcdefghijklmnopqrstuvwxyz"));
        assert!(is_whitelisted("é😀", "😀é"));
        // Unit by unit: 😁 is D83D DE01; 😀 has D83D and U+10601 is D801 DE01.
        assert!(is_whitelisted("😁", "😀\u{10601}"));
        assert!(!is_whitelisted("😁", "😀"));
        assert!(!is_whitelisted("é", "e"));
        assert!(!is_whitelisted("a", ""));
    }
}
