//! `isMobilePhone`.

use super::rule::{Options, Rule};
use super::tables::mobile_phone::MOBILE_PHONE;
use super::tables::{Pick, find};
use crate::{Error, ErrorCode, Result};

/// Options of [`is_mobile_phone`]: the locales tried (validator.js `isMobilePhoneLocales`,
/// or all of them) and `strictMode` (the number must start with `+`).
#[derive(Debug, Clone, PartialEq)]
pub struct MobilePhoneOptions {
    locales: Pick,
    strict_mode: bool,
}

impl Default for MobilePhoneOptions {
    /// Every locale (`'any'`), not strict.
    fn default() -> Self {
        MobilePhoneOptions { locales: Pick::Any, strict_mode: false }
    }
}

impl MobilePhoneOptions {
    /// The given locales (one or more; `["any"]` for all). validator.js ignores unknown
    /// locales in an array; here every locale must be known.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown locale.
    pub fn new<S: AsRef<str>>(locales: &[S], strict_mode: bool) -> Result<MobilePhoneOptions> {
        let mut picked = Vec::new();
        for locale in locales.iter().map(AsRef::as_ref) {
            if locale == "any" && locales.len() == 1 {
                return Ok(MobilePhoneOptions { locales: Pick::Any, strict_mode });
            }
            picked.push(find(&MOBILE_PHONE, locale).ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidOptions,
                    format!("isMobilePhone: invalid locale '{locale}'"),
                )
            })?);
        }
        Ok(MobilePhoneOptions { locales: Pick::Some(picked), strict_mode })
    }

    /// The locales (`["any"]` for all).
    pub fn locales(&self) -> Vec<&'static str> {
        self.locales.keys()
    }
}

/// `true` when `s` is a mobile phone number of one of the locales, as validator.js
/// `isMobilePhone` decides, each locale's pattern run on the linear-time engine.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_mobile_phone, MobilePhoneOptions};
/// let us = MobilePhoneOptions::new(&["en-US"], false).unwrap();
/// assert!(is_mobile_phone("+14155552671", &MobilePhoneOptions::default()));
/// assert!(is_mobile_phone("19876543210", &us));
/// assert!(!is_mobile_phone("19876543210", &MobilePhoneOptions::new(&["en-US"], true).unwrap()));
/// assert!(MobilePhoneOptions::new(&["xx-XX"], false).is_err());
/// ```
pub fn is_mobile_phone(s: &str, options: &MobilePhoneOptions) -> bool {
    if options.strict_mode && !s.starts_with('+') {
        return false;
    }
    options.locales.test(&MOBILE_PHONE, s)
}

pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    // validator.js: a falsy locale means 'any'.
    let locales = Pick::read(o, "locale", &MOBILE_PHONE, true, Some(Pick::Any))?;
    let strict_mode = o.bool("strictMode", false)?;
    Ok(Rule::MobilePhone(MobilePhoneOptions { locales, strict_mode }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(locales: &[&str], strict: bool) -> MobilePhoneOptions {
        match MobilePhoneOptions::new(locales, strict) {
            Ok(o) => o,
            Err(err) => panic!("{err}"),
        }
    }

    #[test]
    fn table() {
        let de = opts(&["de-DE"], false);
        for s in ["+4915123456789", "015123456789", "+49 1512 3456789"] {
            assert_eq!(is_mobile_phone(s, &de), s != "+49 1512 3456789", "{s}");
        }
        let fr = opts(&["fr-FR"], false);
        assert!(is_mobile_phone("0612345678", &fr) && !is_mobile_phone("0112345678", &fr));
        // el-GR's look-ahead: 69x where x is not 2 or 6.
        let gr = opts(&["el-GR"], false);
        for d in 0..=9 {
            assert_eq!(is_mobile_phone(&format!("69{d}1234567"), &gr), d != 2 && d != 6, "{d}");
        }
        let any = MobilePhoneOptions::default();
        assert!(is_mobile_phone("0612345678", &any) && !is_mobile_phone("12", &any));
        let both = opts(&["de-DE", "fr-FR"], false);
        assert!(is_mobile_phone("0612345678", &both) && is_mobile_phone("015123456789", &both));
        assert!(!is_mobile_phone("0612345678", &opts(&[], false)));
        let strict = opts(&["de-DE"], true);
        assert!(is_mobile_phone("+4915123456789", &strict));
        assert!(!is_mobile_phone("015123456789", &strict));
        assert!(MobilePhoneOptions::new(&["de-DE", "nope"], false).is_err());
        assert!(!is_mobile_phone(&"1".repeat(1 << 20), &any));
    }
}
