//! validator.js `normalizeEmail`.

/// validator.js `normalizeEmail` options; [`Default`] is validator.js's defaults (all `true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalizeEmailOptions {
    /// Lowercase the local part of every address (the domain is always lowercased).
    pub all_lowercase: bool,
    /// Lowercase the local part of Gmail addresses (only matters if `all_lowercase` is off).
    pub gmail_lowercase: bool,
    /// Remove single dots from Gmail local parts (runs of two or more dots are kept).
    pub gmail_remove_dots: bool,
    /// Remove `+subaddress` from Gmail local parts.
    pub gmail_remove_subaddress: bool,
    /// Turn `googlemail.com` into `gmail.com`.
    pub gmail_convert_googlemaildotcom: bool,
    /// Lowercase the local part of Outlook.com addresses.
    pub outlookdotcom_lowercase: bool,
    /// Remove `+subaddress` from Outlook.com local parts.
    pub outlookdotcom_remove_subaddress: bool,
    /// Lowercase the local part of Yahoo addresses.
    pub yahoo_lowercase: bool,
    /// Remove the last `-subaddress` from Yahoo local parts.
    pub yahoo_remove_subaddress: bool,
    /// Lowercase the local part of Yandex addresses.
    pub yandex_lowercase: bool,
    /// Turn every Yandex domain into `yandex.ru`.
    pub yandex_convert_yandexru: bool,
    /// Lowercase the local part of iCloud addresses.
    pub icloud_lowercase: bool,
    /// Remove `+subaddress` from iCloud local parts.
    pub icloud_remove_subaddress: bool,
}

impl Default for NormalizeEmailOptions {
    fn default() -> Self {
        NormalizeEmailOptions {
            all_lowercase: true,
            gmail_lowercase: true,
            gmail_remove_dots: true,
            gmail_remove_subaddress: true,
            gmail_convert_googlemaildotcom: true,
            outlookdotcom_lowercase: true,
            outlookdotcom_remove_subaddress: true,
            yahoo_lowercase: true,
            yahoo_remove_subaddress: true,
            yandex_lowercase: true,
            yandex_convert_yandexru: true,
            icloud_lowercase: true,
            icloud_remove_subaddress: true,
        }
    }
}

impl NormalizeEmailOptions {
    /// The option names, in validator.js's spelling, in the bit order of [`Self::from_bits`].
    pub const NAMES: [&'static str; 13] = [
        "all_lowercase",
        "gmail_lowercase",
        "gmail_remove_dots",
        "gmail_remove_subaddress",
        "gmail_convert_googlemaildotcom",
        "outlookdotcom_lowercase",
        "outlookdotcom_remove_subaddress",
        "yahoo_lowercase",
        "yahoo_remove_subaddress",
        "yandex_lowercase",
        "yandex_convert_yandexru",
        "icloud_lowercase",
        "icloud_remove_subaddress",
    ];

    /// Options from a bit set: bit `i` is the option `NAMES[i]` (how the bindings pass them).
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::sanitizers::NormalizeEmailOptions;
    /// assert_eq!(NormalizeEmailOptions::from_bits(0x1FFF), NormalizeEmailOptions::default());
    /// assert!(!NormalizeEmailOptions::from_bits(0x1FFF & !(1 << 2)).gmail_remove_dots);
    /// ```
    pub fn from_bits(bits: u32) -> Self {
        let bit = |i: u32| bits & (1 << i) != 0;
        NormalizeEmailOptions {
            all_lowercase: bit(0),
            gmail_lowercase: bit(1),
            gmail_remove_dots: bit(2),
            gmail_remove_subaddress: bit(3),
            gmail_convert_googlemaildotcom: bit(4),
            outlookdotcom_lowercase: bit(5),
            outlookdotcom_remove_subaddress: bit(6),
            yahoo_lowercase: bit(7),
            yahoo_remove_subaddress: bit(8),
            yandex_lowercase: bit(9),
            yandex_convert_yandexru: bit(10),
            icloud_lowercase: bit(11),
            icloud_remove_subaddress: bit(12),
        }
    }
}

const ICLOUD_DOMAINS: &[&str] = &["icloud.com", "me.com"];

/// validator.js's Outlook.com list (13.15), which it says is likely incomplete.
const OUTLOOKDOTCOM_DOMAINS: &[&str] = &[
    "hotmail.at",
    "hotmail.be",
    "hotmail.ca",
    "hotmail.cl",
    "hotmail.co.il",
    "hotmail.co.nz",
    "hotmail.co.th",
    "hotmail.co.uk",
    "hotmail.com",
    "hotmail.com.ar",
    "hotmail.com.au",
    "hotmail.com.br",
    "hotmail.com.gr",
    "hotmail.com.mx",
    "hotmail.com.pe",
    "hotmail.com.tr",
    "hotmail.com.vn",
    "hotmail.cz",
    "hotmail.de",
    "hotmail.dk",
    "hotmail.es",
    "hotmail.fr",
    "hotmail.hu",
    "hotmail.id",
    "hotmail.ie",
    "hotmail.in",
    "hotmail.it",
    "hotmail.jp",
    "hotmail.kr",
    "hotmail.lv",
    "hotmail.my",
    "hotmail.ph",
    "hotmail.pt",
    "hotmail.sa",
    "hotmail.sg",
    "hotmail.sk",
    "live.be",
    "live.co.uk",
    "live.com",
    "live.com.ar",
    "live.com.mx",
    "live.de",
    "live.es",
    "live.eu",
    "live.fr",
    "live.it",
    "live.nl",
    "msn.com",
    "outlook.at",
    "outlook.be",
    "outlook.cl",
    "outlook.co.il",
    "outlook.co.nz",
    "outlook.co.th",
    "outlook.com",
    "outlook.com.ar",
    "outlook.com.au",
    "outlook.com.br",
    "outlook.com.gr",
    "outlook.com.pe",
    "outlook.com.tr",
    "outlook.com.vn",
    "outlook.cz",
    "outlook.de",
    "outlook.dk",
    "outlook.es",
    "outlook.fr",
    "outlook.hu",
    "outlook.id",
    "outlook.ie",
    "outlook.in",
    "outlook.it",
    "outlook.jp",
    "outlook.kr",
    "outlook.lv",
    "outlook.my",
    "outlook.ph",
    "outlook.pt",
    "outlook.sa",
    "outlook.sg",
    "outlook.sk",
    "passport.com",
];

const YAHOO_DOMAINS: &[&str] = &[
    "rocketmail.com",
    "yahoo.ca",
    "yahoo.co.uk",
    "yahoo.com",
    "yahoo.de",
    "yahoo.fr",
    "yahoo.in",
    "yahoo.it",
    "ymail.com",
];

const YANDEX_DOMAINS: &[&str] =
    &["yandex.ru", "yandex.ua", "yandex.kz", "yandex.com", "yandex.by", "ya.ru"];

/// The part before the first `sep` (`str.split(sep)[0]`).
fn before(s: &str, sep: char) -> &str {
    s.split(sep).next().unwrap_or(s)
}

/// Removes every lone `.`, keeping runs of two or more (`replace(/\.+/g, dotsReplacer)`).
fn remove_single_dots(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(dot) = rest.find('.') {
        out.push_str(&rest[..dot]);
        let run = rest[dot..].bytes().take_while(|&b| b == b'.').count();
        if run > 1 {
            out.push_str(&rest[dot..dot + run]);
        }
        rest = &rest[dot + run..];
    }
    out.push_str(rest);
    out
}

/// Canonicalizes an email address as validator.js `normalizeEmail(email, options)` does:
/// the domain lowercased (full Unicode lowercasing, as JS `toLowerCase`), the local part
/// lowercased and stripped of subaddresses and dots by provider rules. `None` where
/// validator.js returns `false` (a Gmail, iCloud, Outlook.com or Yahoo local part that
/// becomes empty).
///
/// The input is not validated (check it with `isEmail` first): without an `@`, the whole
/// string is the domain (`"Foo"` gives `"@foo"`), and with several, the last one splits.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::{normalize_email, NormalizeEmailOptions};
/// let defaults = NormalizeEmailOptions::default();
/// assert_eq!(normalize_email("Some.One+news@GoogleMail.com", &defaults).as_deref(), Some("someone@gmail.com"));
/// assert_eq!(normalize_email("Jane.Doe-shop@yahoo.com", &defaults).as_deref(), Some("jane.doe@yahoo.com"));
/// assert_eq!(normalize_email("+only@gmail.com", &defaults), None);
/// let keep_case = NormalizeEmailOptions { all_lowercase: false, ..defaults };
/// assert_eq!(normalize_email("Jane@Example.COM", &keep_case).as_deref(), Some("Jane@example.com"));
/// ```
pub fn normalize_email(email: &str, options: &NormalizeEmailOptions) -> Option<String> {
    let (user, domain) = match email.rfind('@') {
        Some(at) => (&email[..at], &email[at + 1..]),
        None => ("", email),
    };
    let mut domain = domain.to_lowercase();
    let o = options;
    let user: String = if domain == "gmail.com" || domain == "googlemail.com" {
        let mut user = if o.gmail_remove_subaddress { before(user, '+') } else { user }.to_owned();
        if o.gmail_remove_dots {
            user = remove_single_dots(&user);
        }
        if user.is_empty() {
            return None;
        }
        if o.gmail_convert_googlemaildotcom {
            domain = "gmail.com".to_owned();
        }
        if o.all_lowercase || o.gmail_lowercase { user.to_lowercase() } else { user }
    } else if ICLOUD_DOMAINS.contains(&domain.as_str()) {
        let user = if o.icloud_remove_subaddress { before(user, '+') } else { user };
        if user.is_empty() {
            return None;
        }
        lower_if(user, o.all_lowercase || o.icloud_lowercase)
    } else if OUTLOOKDOTCOM_DOMAINS.contains(&domain.as_str()) {
        let user = if o.outlookdotcom_remove_subaddress { before(user, '+') } else { user };
        if user.is_empty() {
            return None;
        }
        lower_if(user, o.all_lowercase || o.outlookdotcom_lowercase)
    } else if YAHOO_DOMAINS.contains(&domain.as_str()) {
        // Everything before the last '-' (split('-'), all components but the last).
        let user = match user.rfind('-') {
            Some(dash) if o.yahoo_remove_subaddress => &user[..dash],
            _ => user,
        };
        if user.is_empty() {
            return None;
        }
        lower_if(user, o.all_lowercase || o.yahoo_lowercase)
    } else if YANDEX_DOMAINS.contains(&domain.as_str()) {
        if o.yandex_convert_yandexru {
            domain = "yandex.ru".to_owned();
        }
        lower_if(user, o.all_lowercase || o.yandex_lowercase)
    } else {
        lower_if(user, o.all_lowercase)
    };
    Some(format!("{user}@{domain}"))
}

fn lower_if(s: &str, lower: bool) -> String {
    if lower { s.to_lowercase() } else { s.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// validator.js's test values and edge cases, default options; expected values as
    /// validator 13.15 gives them.
    #[test]
    fn validator_defaults() {
        let cases: &[(&str, Option<&str>)] = &[
            ("test@me.com", Some("test@me.com")),
            ("some.name@gmail.com", Some("somename@gmail.com")),
            ("some.name@googleMail.com", Some("somename@gmail.com")),
            ("some.name+extension@gmail.com", Some("somename@gmail.com")),
            ("some.Name+extension@GoogleMail.com", Some("somename@gmail.com")),
            ("some.name.middleName+extension@gmail.com", Some("somenamemiddlename@gmail.com")),
            ("some.name.middleName+extension@GoogleMail.com", Some("somenamemiddlename@gmail.com")),
            ("some.name.midd.leNa.me.+extension@gmail.com", Some("somenamemiddlename@gmail.com")),
            (
                "some.name.midd.leNa.me.+extension@GoogleMail.com",
                Some("somenamemiddlename@gmail.com"),
            ),
            ("some.name+extension@unknown.com", Some("some.name+extension@unknown.com")),
            ("hans@m\u{fc}ller.com", Some("hans@m\u{fc}ller.com")),
            (
                "some.name.midd..leNa...me...+extension@GoogleMail.com",
                Some("somenamemidd..lena...me...@gmail.com"),
            ),
            ("matthew..example@gmail.com", Some("matthew..example@gmail.com")),
            ("test@me.com", Some("test@me.com")),
            ("test@ME.COM", Some("test@me.com")),
            ("TEST@me.com", Some("test@me.com")),
            ("+extension@gmail.com", None),
            ("..@gmail.com", Some("..@gmail.com")),
            (".+extension@googlemail.com", None),
            ("+extension@hotmail.com", None),
            ("-extension@yahoo.com", None),
            (
                "some.name.midd..leNa...me...+extension@yahoo.com",
                Some("some.name.midd..lena...me...+extension@yahoo.com"),
            ),
            ("some.name-extension@yahoo.com", Some("some.name@yahoo.com")),
            ("some.name-extension@gmail.com", Some("somename-extension@gmail.com")),
            ("some.name-ext-ension@yahoo.com", Some("some.name-ext@yahoo.com")),
            ("Some.Name+ext@Outlook.com", Some("some.name@outlook.com")),
            ("someone@yandex.ua", Some("someone@yandex.ru")),
            ("Someone+x@Me.com", Some("someone@me.com")),
            ("noat", Some("@noat")),
            ("a@b@Gmail.com", Some("a@b@gmail.com")),
            ("", Some("@")),
            ("\u{3a3}\u{3a3}@x.com", Some("\u{3c3}\u{3c2}@x.com")),
            ("x@\u{130}.com", Some("x@i\u{307}.com")),
            ("x@yandex.\u{212A}z", Some("x@yandex.ru")),
        ];
        let defaults = NormalizeEmailOptions::default();
        for &(input, expected) in cases {
            assert_eq!(normalize_email(input, &defaults).as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn options() {
        let d = NormalizeEmailOptions::default();
        let cases: &[(&str, NormalizeEmailOptions, Option<&str>)] = &[
            (
                "Some.Name@Gmail.com",
                NormalizeEmailOptions { gmail_remove_dots: false, ..d },
                Some("some.name@gmail.com"),
            ),
            (
                "Some.Name+x@Gmail.com",
                NormalizeEmailOptions { all_lowercase: false, gmail_lowercase: false, ..d },
                Some("SomeName@gmail.com"),
            ),
            (
                "Some.Name+x@Gmail.com",
                NormalizeEmailOptions { all_lowercase: false, ..d },
                Some("somename@gmail.com"),
            ),
            (
                "a+b@googlemail.com",
                NormalizeEmailOptions {
                    gmail_convert_googlemaildotcom: false,
                    gmail_remove_subaddress: false,
                    ..d
                },
                Some("a+b@googlemail.com"),
            ),
            (
                "A+b@Hotmail.com",
                NormalizeEmailOptions { outlookdotcom_remove_subaddress: false, ..d },
                Some("a+b@hotmail.com"),
            ),
            (
                "A+b@Hotmail.com",
                NormalizeEmailOptions { all_lowercase: false, outlookdotcom_lowercase: false, ..d },
                Some("A@hotmail.com"),
            ),
            (
                "A-b@Yahoo.com",
                NormalizeEmailOptions { yahoo_remove_subaddress: false, ..d },
                Some("a-b@yahoo.com"),
            ),
            (
                "A@YA.RU",
                NormalizeEmailOptions { yandex_convert_yandexru: false, ..d },
                Some("a@ya.ru"),
            ),
            (
                "A@YA.RU",
                NormalizeEmailOptions { all_lowercase: false, yandex_lowercase: false, ..d },
                Some("A@yandex.ru"),
            ),
            (
                "A+b@icloud.com",
                NormalizeEmailOptions { icloud_remove_subaddress: false, ..d },
                Some("a+b@icloud.com"),
            ),
            (
                "A+b@icloud.com",
                NormalizeEmailOptions { all_lowercase: false, icloud_lowercase: false, ..d },
                Some("A@icloud.com"),
            ),
            ("+b@icloud.com", d, None),
            (
                "+b@icloud.com",
                NormalizeEmailOptions { icloud_remove_subaddress: false, ..d },
                Some("+b@icloud.com"),
            ),
            (
                "A@Other.com",
                NormalizeEmailOptions { all_lowercase: false, ..d },
                Some("A@other.com"),
            ),
        ];
        for &(input, options, expected) in cases {
            assert_eq!(
                normalize_email(input, &options).as_deref(),
                expected,
                "{input:?} {options:?}"
            );
        }
    }

    #[test]
    fn megabyte_inputs() {
        let dots = format!("{}@gmail.com", ".a".repeat(1 << 19));
        assert_eq!(
            normalize_email(&dots, &NormalizeEmailOptions::default()),
            Some(format!("{}@gmail.com", "a".repeat(1 << 19)))
        );
        let ats = "@".repeat(1 << 20);
        assert_eq!(normalize_email(&ats, &NormalizeEmailOptions::default()), Some(ats.clone()));
    }
}
