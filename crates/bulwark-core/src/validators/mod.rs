//! String validators with validator.js 13.x names, options and results, in linear time.
//!
//! One file per validator, as validator.js has one file per function. Each validator is a
//! plain function over `&str` with a typed options struct whose [`Default`] is
//! validator.js's default (`is_email(s, &EmailOptions::default())`), and a compiled
//! [`Rule`] form that the bindings and the batch entry point ([`RuleSet`]) use, built from
//! validator.js option objects given as JSON.
//!
//! # Compatibility model
//!
//! validator.js works on JavaScript strings, that is on UTF-16 code units, with regexes
//! that are not in Unicode mode. The ports here reproduce that exactly for well-formed text:
//! lengths are counted in UTF-16 units where validator.js uses `.length`, character classes
//! written over `\u0000-\uFFFF` include astral characters when they contain the whole
//! surrogate range (and exclude them otherwise), `\s` is JavaScript's whitespace set, and
//! case-insensitive ASCII classes never match non-ASCII letters (as in JS non-Unicode
//! regexes, where `/[a-z]/i` does not match `ſ` or the Kelvin sign). The JS test suite
//! checks every validator against the real `validator` package on generated inputs.
//!
//! # Linear time
//!
//! No backtracking anywhere: validators are hand-written scanners, `std::net` parsers or
//! patterns of the `regex` crate (finite automata). validator.js patterns with
//! look-around or back-references (`isSlug`, `isISO8601`) are restructured into code.
//!
//! # Deviations from validator.js
//!
//! Only where validator.js is unsafe or ill-defined; each is listed on the validator:
//! - [`is_url`]: `javascript:`, `vbscript:` and `data:` URLs are never valid unless that
//!   scheme is listed in `protocols` (CVE-2025-56200 class: validator.js reads
//!   `javascript:alert@example.com` as credentials and accepts it).
//! - Option values are typed: a wrong type, an unknown key, an unknown locale or version is
//!   `INVALID_OPTIONS` (validator.js ignores, coerces or throws a plain `Error`).
//! - Patterns given as options (`matches`, host lists, `blacklisted_chars`, `ignore`) run on
//!   the `regex` crate: look-around and back-references are refused (`INVALID_OPTIONS`);
//!   with the `m` flag U+2028/U+2029 are not line ends (see [`JsRegex`]).

mod alpha;
mod contains;
mod equals;
mod iban_formats;
mod is_aba_routing;
mod is_alpha;
mod is_alphanumeric;
mod is_ascii;
mod is_base32;
mod is_base58;
mod is_base64;
mod is_bic;
mod is_boolean;
mod is_btc_address;
mod is_byte_length;
mod is_credit_card;
mod is_currency;
mod is_data_uri;
mod is_date;
mod is_decimal;
mod is_divisible_by;
mod is_ean;
mod is_email;
mod is_empty;
mod is_ethereum_address;
mod is_float;
mod is_fqdn;
mod is_full_width;
mod is_half_width;
mod is_hash;
mod is_hex_color;
mod is_hexadecimal;
mod is_hsl;
mod is_iban;
mod is_identity_card;
mod is_imei;
mod is_in;
mod is_int;
mod is_ip;
mod is_ip_range;
mod is_isbn;
mod is_isin;
mod is_iso15924;
mod is_iso31661_alpha2;
mod is_iso31661_alpha3;
mod is_iso31661_numeric;
mod is_iso4217;
mod is_iso6346;
mod is_iso6391;
mod is_iso8601;
mod is_isrc;
mod is_issn;
mod is_json;
mod is_jwt;
mod is_lat_long;
mod is_length;
mod is_license_plate;
mod is_locale;
mod is_lowercase;
mod is_luhn_number;
mod is_mac_address;
mod is_magnet_uri;
mod is_mailto_uri;
mod is_md5;
mod is_mime_type;
mod is_mobile_phone;
mod is_mongo_id;
mod is_multibyte;
mod is_numeric;
mod is_octal;
mod is_passport_number;
mod is_port;
mod is_postal_code;
mod is_rfc3339;
mod is_rgb_color;
mod is_sem_ver;
mod is_slug;
mod is_strong_password;
mod is_surrogate_pair;
mod is_tax_id;
mod is_time;
mod is_ulid;
mod is_uppercase;
mod is_url;
mod is_uuid;
mod is_variable_width;
mod is_vat;
mod is_whitelisted;
mod js_regex;
mod matches;
mod registry;
mod rule;
mod tables;

pub use alpha::{alpha_locales, alphanumeric_locales, decimal_locales};
pub use contains::{ContainsOptions, contains};
pub use equals::equals;
pub use is_aba_routing::is_aba_routing;
pub use is_alpha::{AlphaOptions, IgnoreChars, is_alpha};
pub use is_alphanumeric::is_alphanumeric;
pub use is_ascii::is_ascii;
pub use is_base32::{Base32Options, is_base32};
pub use is_base58::is_base58;
pub use is_base64::{Base64Options, is_base64};
pub use is_bic::is_bic;
pub use is_boolean::{BooleanOptions, is_boolean};
pub use is_btc_address::is_btc_address;
pub use is_byte_length::{ByteLengthOptions, is_byte_length, utf8_len};
pub use is_credit_card::{CardProvider, is_credit_card};
pub use is_currency::{
    Currency, CurrencyOptions, MAX_CURRENCY_TEXT, MAX_DECIMAL_COUNTS, MAX_DECIMAL_DIGITS,
    is_currency,
};
pub use is_data_uri::is_data_uri;
pub use is_date::{DateOptions, is_date};
pub use is_decimal::{DecimalOptions, is_decimal};
pub use is_divisible_by::is_divisible_by;
pub use is_ean::is_ean;
pub use is_email::{EmailOptions, is_email};
pub use is_empty::{EmptyOptions, is_empty};
pub use is_ethereum_address::is_ethereum_address;
pub use is_float::{FloatOptions, is_float};
pub use is_fqdn::{FqdnOptions, is_fqdn};
pub use is_full_width::is_full_width;
pub use is_half_width::is_half_width;
pub use is_hash::{HASH_ALGORITHMS, hash_length, is_hash};
pub use is_hex_color::{HexColorOptions, is_hex_color};
pub use is_hexadecimal::is_hexadecimal;
pub use is_hsl::is_hsl;
pub use is_iban::{IbanOptions, iban_countries, is_iban};
pub use is_identity_card::{IdentityCardLocale, is_identity_card};
pub use is_imei::{ImeiOptions, is_imei};
pub use is_in::is_in;
pub use is_int::{IntOptions, is_int};
pub use is_ip::{IpVersion, is_ip};
pub use is_ip_range::is_ip_range;
pub use is_isbn::{IsbnVersion, is_isbn};
pub use is_isin::is_isin;
pub use is_iso4217::is_iso4217;
pub use is_iso6346::is_iso6346;
pub use is_iso6391::is_iso6391;
pub use is_iso8601::{Iso8601Options, is_iso8601};
pub use is_iso15924::is_iso15924;
pub use is_iso31661_alpha2::{CountryCodeOptions, is_iso31661_alpha2};
pub use is_iso31661_alpha3::is_iso31661_alpha3;
pub use is_iso31661_numeric::is_iso31661_numeric;
pub use is_isrc::is_isrc;
pub use is_issn::{IssnOptions, is_issn};
pub use is_json::{JsonOptions, is_json};
pub use is_jwt::is_jwt;
pub use is_lat_long::{LatLongOptions, is_lat_long};
pub use is_length::{LengthOptions, is_length, js_length};
pub use is_license_plate::{LicensePlateLocale, is_license_plate};
pub use is_locale::is_locale;
pub use is_lowercase::is_lowercase;
pub use is_luhn_number::is_luhn_number;
pub use is_mac_address::{Eui, MacAddressOptions, is_mac_address};
pub use is_magnet_uri::is_magnet_uri;
pub use is_mailto_uri::is_mailto_uri;
pub use is_md5::is_md5;
pub use is_mime_type::is_mime_type;
pub use is_mobile_phone::{MobilePhoneOptions, is_mobile_phone};
pub use is_mongo_id::is_mongo_id;
pub use is_multibyte::is_multibyte;
pub use is_numeric::{NumericOptions, is_numeric};
pub use is_octal::is_octal;
pub use is_passport_number::{PassportCountry, is_passport_number};
pub use is_port::is_port;
pub use is_postal_code::{PostalCodeLocale, is_postal_code};
pub use is_rfc3339::is_rfc3339;
pub use is_rgb_color::{RgbColorOptions, is_rgb_color};
pub use is_sem_ver::is_sem_ver;
pub use is_slug::is_slug;
pub use is_strong_password::{StrongPasswordOptions, is_strong_password, password_score};
pub use is_surrogate_pair::is_surrogate_pair;
pub use is_tax_id::{TaxIdLocale, TaxIdOptions, is_tax_id, is_tax_id_with, tax_id_locales};
pub use is_time::{HourFormat, TimeMode, TimeOptions, is_time};
pub use is_ulid::is_ulid;
pub use is_uppercase::is_uppercase;
pub use is_url::{UrlOptions, is_url};
pub use is_uuid::{UuidVersion, is_uuid};
pub use is_variable_width::is_variable_width;
pub use is_vat::{VatCountry, is_vat};
pub use is_whitelisted::is_whitelisted;
pub use js_regex::{HostMatcher, JsRegex};
pub use matches::matches;
pub use registry::RuleRegistry;
pub use rule::{Rule, RuleSet, VALIDATOR_NAMES};

/// JavaScript's `\s` (and `String.prototype.trim`) set: WhiteSpace and LineTerminator.
#[inline]
pub(crate) fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// The JS `.length` of `s`: its length in UTF-16 code units.
#[inline]
pub(crate) fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char::len_utf16).sum()
}

/// JS's `Canonicalize` of a UTF-16 code unit for case-insensitive regexes without the `u`
/// flag: its uppercase when that is a single BMP unit and does not map a non-ASCII unit
/// to ASCII, else the unit itself (surrogates have no case).
pub(crate) fn js_canonicalize(unit: u32) -> u32 {
    let Some(c) = char::from_u32(unit) else {
        return unit;
    };
    let mut upper = c.to_uppercase();
    let (Some(u), None) = (upper.next(), upper.next()) else {
        return unit;
    };
    let u = u32::from(u);
    if u > 0xFFFF || (unit >= 128 && u < 128) {
        return unit;
    }
    u
}

/// Whether validator.js's fixed pattern `source` (JS syntax and `flags`, compiled once
/// into `cell` with JS semantics: see [`JsRegex`]) matches `s`, as `RegExp.test` does.
/// `false` if the pattern does not compile, which each module's tests rule out.
pub(crate) fn js_test(
    cell: &'static std::sync::OnceLock<Option<JsRegex>>,
    source: impl FnOnce() -> String,
    flags: &str,
    s: &str,
) -> bool {
    cell.get_or_init(|| JsRegex::new(&source(), flags).ok())
        .as_ref()
        .is_some_and(|re| re.is_match(s))
}

/// A fixed pattern compiled once. `None` only if the pattern does not compile, which each
/// module's tests rule out (a validator then answers `false`: fails closed).
pub(crate) fn static_regex<P: AsRef<str>>(
    cell: &'static std::sync::OnceLock<Option<regex::Regex>>,
    pattern: impl FnOnce() -> P,
) -> Option<&'static regex::Regex> {
    cell.get_or_init(|| regex::Regex::new(pattern().as_ref()).ok()).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_space_set() {
        for c in [
            '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{A0}', '\u{1680}', '\u{2000}',
            '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}', '\u{FEFF}',
        ] {
            assert!(is_js_space(c), "{c:?}");
        }
        for c in ['a', '\u{85}', '\u{180E}', '\u{200B}', '\u{0}', '\u{1F}'] {
            assert!(!is_js_space(c), "{c:?}");
        }
    }

    #[test]
    fn utf16_lengths() {
        assert_eq!(utf16_len(""), 0);
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("é"), 1);
        assert_eq!(utf16_len("😀"), 2);
    }
}
