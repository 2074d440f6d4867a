//! `isAlphanumeric`.

use super::is_alpha::{AlphaOptions, check, locale_and_ignore};
use super::rule::{Options, Rule};
use crate::Result;

/// `true` when `s` holds only letters and digits of the locale, as validator.js
/// `isAlphanumeric` decides. Build the options with [`AlphaOptions::alphanumeric`].
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_alphanumeric, AlphaOptions, IgnoreChars};
/// let en = AlphaOptions::alphanumeric("en-US", IgnoreChars::None).unwrap();
/// assert!(is_alphanumeric("abc123", &en));
/// assert!(!is_alphanumeric("abc 123", &en));
/// assert!(!is_alphanumeric("", &en));
/// let ar = AlphaOptions::alphanumeric("ar", IgnoreChars::None).unwrap();
/// assert!(is_alphanumeric("أبجد١٢٣", &ar));
/// ```
pub fn is_alphanumeric(s: &str, options: &AlphaOptions) -> bool {
    check(s, options)
}

/// `{ "locale"?: ..., "ignore"?: ... }`, as `isAlpha`'s.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let (locale, ignore) = locale_and_ignore(o)?;
    Ok(Rule::Alphanumeric(Box::new(AlphaOptions::alphanumeric(&locale, ignore)?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validators::IgnoreChars;

    #[test]
    fn table() {
        let en = match AlphaOptions::alphanumeric("en-US", IgnoreChars::None) {
            Ok(o) => o,
            Err(err) => panic!("{err}"),
        };
        for s in ["abc123", "ABC11", "0"] {
            assert!(is_alphanumeric(s, &en), "{s}");
        }
        for s in ["abc ", "foo!!", "ÄBC", "FÜübar", "Jön", "", "１"] {
            assert!(!is_alphanumeric(s, &en), "{s}");
        }
        assert!(AlphaOptions::alphanumeric("xx", IgnoreChars::None).is_err());
        assert!(!is_alphanumeric(&format!("{}!", "a".repeat(1 << 20)), &en));
    }
}
