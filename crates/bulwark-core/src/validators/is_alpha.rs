//! `isAlpha`.

use std::borrow::Cow;

use serde_json::Value;

use super::alpha::{ALPHA, ALPHANUMERIC, Pattern, find};
use super::is_js_space;
use super::js_regex::JsRegex;
use super::rule::{Options, Rule, invalid};
use crate::{Error, ErrorCode, Result};

/// validator.js's `ignore` option of `isAlpha` / `isAlphanumeric`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum IgnoreChars {
    /// Nothing is ignored.
    #[default]
    None,
    /// A string of characters to remove before checking. As in validator.js, whose
    /// escaping turns `s` into the class escape `\s`, an `s` in the string removes
    /// whitespace rather than the letter `s`.
    Chars(String),
    /// A RegExp whose matches are removed first (`str.replace(ignore, '')`: every match
    /// with the `g` flag, else the first).
    Pattern(JsRegex),
}

/// Options of [`is_alpha`] and [`is_alphanumeric`](super::is_alphanumeric): a locale and
/// the `ignore` option. Build them with [`AlphaOptions::alpha`] or
/// [`AlphaOptions::alphanumeric`], which resolve the locale in the right table.
#[derive(Debug, Clone)]
pub struct AlphaOptions {
    pattern: &'static Pattern,
    locale: &'static str,
    ignore: IgnoreChars,
}

impl PartialEq for AlphaOptions {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.pattern, other.pattern) && self.ignore == other.ignore
    }
}

fn resolve(
    table: &[(&'static str, &'static Pattern)],
    locale: &str,
    function: &str,
) -> Result<(&'static str, &'static Pattern)> {
    table
        .iter()
        .find(|(name, _)| *name == locale)
        .map(|&(name, pattern)| (name, pattern))
        .ok_or_else(|| {
            Error::new(ErrorCode::InvalidOptions, format!("{function}: invalid locale '{locale}'"))
        })
}

impl AlphaOptions {
    /// Options for `isAlpha` in `locale` (validator.js `isAlphaLocales`).
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown locale (validator.js throws `Error`).
    pub fn alpha(locale: &str, ignore: IgnoreChars) -> Result<AlphaOptions> {
        let (locale, pattern) = resolve(ALPHA, locale, "isAlpha")?;
        Ok(AlphaOptions { pattern, locale, ignore })
    }

    /// Options for `isAlphanumeric` in `locale` (validator.js `isAlphanumericLocales`).
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown locale.
    pub fn alphanumeric(locale: &str, ignore: IgnoreChars) -> Result<AlphaOptions> {
        let (locale, pattern) = resolve(ALPHANUMERIC, locale, "isAlphanumeric")?;
        Ok(AlphaOptions { pattern, locale, ignore })
    }

    /// The locale.
    pub fn locale(&self) -> &'static str {
        self.locale
    }
}

impl Default for AlphaOptions {
    /// `isAlpha` in `en-US`, nothing ignored.
    fn default() -> Self {
        let pattern = find(ALPHA, "en-US").unwrap_or(ALPHA[0].1);
        AlphaOptions { pattern, locale: "en-US", ignore: IgnoreChars::None }
    }
}

/// `s` with the ignored characters removed, or `None` when a removal would leave half of
/// an astral character (which no locale class matches).
fn remove_ignored<'a>(s: &'a str, ignore: &IgnoreChars) -> Option<Cow<'a, str>> {
    match ignore {
        IgnoreChars::None => Some(Cow::Borrowed(s)),
        IgnoreChars::Pattern(re) => Some(re.remove(s)),
        IgnoreChars::Chars(chars) => {
            let whitespace = chars.contains('s');
            let units: Vec<u16> = chars.encode_utf16().filter(|&u| u != u16::from(b's')).collect();
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                let mut buf = [0u16; 2];
                let encoded = c.encode_utf16(&mut buf);
                let removed = encoded.iter().filter(|u| units.contains(u)).count();
                if removed == encoded.len() || (whitespace && is_js_space(c)) {
                    continue;
                }
                if removed > 0 {
                    return None;
                }
                out.push(c);
            }
            Some(Cow::Owned(out))
        }
    }
}

pub(crate) fn check(s: &str, options: &AlphaOptions) -> bool {
    remove_ignored(s, &options.ignore).is_some_and(|rest| options.pattern.matches(&rest))
}

/// `true` when `s` holds only letters of the locale, as validator.js `isAlpha` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_alpha, AlphaOptions, IgnoreChars};
/// assert!(is_alpha("abcDEF", &AlphaOptions::default()));
/// assert!(!is_alpha("abc1", &AlphaOptions::default()));
/// assert!(is_alpha("Straße", &AlphaOptions::alpha("de-DE", IgnoreChars::None).unwrap()));
/// assert!(is_alpha("new-york", &AlphaOptions::alpha("en-US", IgnoreChars::Chars("-".into())).unwrap()));
/// ```
pub fn is_alpha(s: &str, options: &AlphaOptions) -> bool {
    check(s, options)
}

/// The options of `isAlpha` and `isAlphanumeric`: `locale` (default `en-US`) and `ignore`,
/// a string of characters or a RegExp (not sticky).
pub(super) fn locale_and_ignore(o: &mut Options) -> Result<(String, IgnoreChars)> {
    let locale = o.string("locale")?.unwrap_or_else(|| "en-US".into());
    let ignore = match o.take("ignore") {
        None => IgnoreChars::None,
        Some(Value::String(s)) if s.is_empty() => IgnoreChars::None,
        Some(Value::String(s)) => IgnoreChars::Chars(s),
        Some(other) => IgnoreChars::Pattern(o.regex_value("ignore", other)?),
    };
    if let IgnoreChars::Pattern(re) = &ignore {
        if re.flags().contains('y') {
            return Err(invalid(format!(
                "{}: a sticky (y) ignore pattern is not supported",
                o.name()
            )));
        }
    }
    Ok((locale, ignore))
}

/// `{ "locale"?: ..., "ignore"?: ... }`: see [`locale_and_ignore`].
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let (locale, ignore) = locale_and_ignore(o)?;
    Ok(Rule::Alpha(Box::new(AlphaOptions::alpha(&locale, ignore)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alpha(locale: &str, ignore: IgnoreChars) -> AlphaOptions {
        match AlphaOptions::alpha(locale, ignore) {
            Ok(o) => o,
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn table() {
        let en = alpha("en-US", IgnoreChars::None);
        for s in ["abc", "ABC", "FoObar"] {
            assert!(is_alpha(s, &en), "{s}");
        }
        for s in ["abc1", "  foo  ", "", "ÄBC", "FÜübar", "Jön", "Heiß", "ſ", "\u{212A}"] {
            assert!(!is_alpha(s, &en), "{s}");
        }
        let de = alpha("de-DE", IgnoreChars::None);
        assert!(
            is_alpha("äbc", &de)
                && is_alpha("ÄBC", &de)
                && is_alpha("Heiß", &de)
                && !is_alpha("AİİA", &de)
        );
        assert!(AlphaOptions::alpha("xx-XX", IgnoreChars::None).is_err());
        // A decimal-only locale is not an alpha locale.
        assert!(AlphaOptions::alpha("id-ID", IgnoreChars::None).is_err());
        assert!(AlphaOptions::alphanumeric("fa-AF", IgnoreChars::None).is_ok());
    }

    #[test]
    fn ignore() {
        let dash = alpha("en-US", IgnoreChars::Chars("- ".into()));
        assert!(is_alpha("en-US test", &dash));
        assert!(
            is_alpha("new york", &dash)
                && is_alpha("new-york", &dash)
                && !is_alpha("new_york", &dash)
        );
        // validator.js escapes `s` into `\s`: whitespace is removed, the letter is kept.
        let s = alpha("en-US", IgnoreChars::Chars("s".into()));
        assert!(is_alpha("a b", &s) && is_alpha("abs", &s));
        assert!(!is_alpha("a1", &s));
        let only_s = alpha("en-US", IgnoreChars::Chars("1s".into()));
        assert!(is_alpha("a1 s", &only_s));
        let emoji = alpha("en-US", IgnoreChars::Chars("😀".into()));
        assert!(is_alpha("a😀b", &emoji));
        // 😁 shares its high surrogate with 😀: removing it leaves a lone surrogate.
        assert!(!is_alpha("a😁b", &emoji));
        let re = match JsRegex::new("[0-9]", "g") {
            Ok(re) => re,
            Err(err) => panic!("{err}"),
        };
        let digits = alpha("en-US", IgnoreChars::Pattern(re.clone()));
        assert!(is_alpha("a1b2", &digits));
        let first = alpha(
            "en-US",
            IgnoreChars::Pattern(match JsRegex::new("[0-9]", "") {
                Ok(re) => re,
                Err(err) => panic!("{err}"),
            }),
        );
        assert!(is_alpha("a1b", &first) && !is_alpha("a1b2", &first));
    }
}
