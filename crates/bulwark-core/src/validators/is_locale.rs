//! `isLocale`.

use std::sync::OnceLock;

use super::js_test;

/// validator.js's BCP 47 (RFC 5646) language-tag pattern, `_` allowed as a delimiter.
fn language_tag_pattern() -> String {
    let extlang = "([A-Za-z]{3}(-[A-Za-z]{3}){0,2})";
    let language = format!("(([a-zA-Z]{{2,3}}(-{extlang})?)|([a-zA-Z]{{5,8}}))");
    let script = "([A-Za-z]{4})";
    let region = r"([A-Za-z]{2}|\d{3})";
    let variant = r"([A-Za-z0-9]{5,8}|(\d[A-Z-a-z0-9]{3}))";
    let singleton = r"(\d|[A-W]|[Y-Z]|[a-w]|[y-z])";
    let extension = format!("({singleton}(-[A-Za-z0-9]{{2,8}})+)");
    let privateuse = "(x(-[A-Za-z0-9]{1,8})+)";
    let irregular = "((en-GB-oed)|(i-ami)|(i-bnn)|(i-default)|(i-enochian)|(i-hak)|(i-klingon)|(i-lux)|(i-mingo)|(i-navajo)|(i-pwn)|(i-tao)|(i-tay)|(i-tsu)|(sgn-BE-FR)|(sgn-BE-NL)|(sgn-CH-DE))";
    let regular = "((art-lojban)|(cel-gaulish)|(no-bok)|(no-nyn)|(zh-guoyu)|(zh-hakka)|(zh-min)|(zh-min-nan)|(zh-xiang))";
    let grandfathered = format!("({irregular}|{regular})");
    let d = "(-|_)";
    let langtag = format!(
        "{language}({d}{script})?({d}{region})?({d}{variant})*({d}{extension})*({d}{privateuse})?"
    );
    format!("(^{privateuse}$)|(^{grandfathered}$)|(^{langtag}$)")
}

/// `true` when `s` is a BCP 47 language tag (`en`, `zh-Hant-TW`, `de-CH-1996`, `x-private`,
/// grandfathered tags; `_` also separates subtags), as validator.js `isLocale` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_locale;
/// assert!(is_locale("en-US") && is_locale("uz_Latn_UZ") && is_locale("i-klingon"));
/// assert!(!is_locale("lo_POP") && !is_locale("12") && !is_locale(""));
/// ```
pub fn is_locale(s: &str) -> bool {
    static TAG: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    js_test(&TAG, language_tag_pattern, "", s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in [
            "uz_Latn_UZ",
            "en",
            "gsw",
            "en-US",
            "es_ES",
            "es-419",
            "sw_KE",
            "am_ET",
            "zh-CHS",
            "ca_ES_VALENCIA",
            "en_US_POSIX",
            "hak-CN",
            "zh-Hant",
            "zh-Hans",
            "sr-Cyrl",
            "sr-Latn",
            "zh-cmn-Hans-CN",
            "cmn-Hans-CN",
            "zh-yue-HK",
            "yue-HK",
            "zh-Hans-CN",
            "sr-Latn-RS",
            "sl-rozaj",
            "sl-rozaj-biske",
            "sl-nedis",
            "de-CH-1901",
            "sl-IT-nedis",
            "hy-Latn-IT-arevela",
            "i-enochian",
            "en-scotland-fonipa",
            "sl-IT-rozaj-biske-1994",
            "de-CH-x-phonebk",
            "az-Arab-x-AZE-derbend",
            "x-whatever",
            "qaa-Qaaa-QM-x-southern",
            "de-Qaaa",
            "sr-Latn-QM",
            "sr-Qaaa-RS",
            "en-US-u-islamcal",
            "zh-CN-a-myext-x-private",
            "en-a-myext-b-another",
        ] {
            assert!(is_locale(s), "{s}");
        }
        for s in ["lo_POP", "12", "12_DD", "de-419-DE", "a-DE", "", "en-", "-en", "en--US"] {
            assert!(!is_locale(s), "{s}");
        }
    }
}
