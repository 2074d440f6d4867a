//! `isEmail`.

use std::borrow::Cow;

use super::is_fqdn::{FqdnOptions, is_fqdn};
use super::is_ip::{IpVersion, is_ip};
use super::js_regex::{HostMatcher, JsRegex, check_host};
use super::rule::{Options, Rule, invalid};
use super::{is_js_space, utf16_len};
use crate::Result;

/// Options of [`is_email`], with validator.js names and defaults.
#[derive(Debug, Clone)]
pub struct EmailOptions {
    /// `allow_display_name` (default `false`): also match `Display Name <address>`.
    pub allow_display_name: bool,
    /// `require_display_name` (default `false`): only match `Display Name <address>`.
    pub require_display_name: bool,
    /// `allow_utf8_local_part` (default `true`): non-ASCII characters in the local part.
    pub allow_utf8_local_part: bool,
    /// `require_tld` (default `true`).
    pub require_tld: bool,
    /// `allow_ip_domain` (default `false`): `user@1.2.3.4` and `user@[::1]`.
    pub allow_ip_domain: bool,
    /// `allow_underscores` (default `false`): underscores in the domain.
    pub allow_underscores: bool,
    /// `domain_specific_validation` (default `false`): Gmail's local-part rules for
    /// `gmail.com` and `googlemail.com`.
    pub domain_specific_validation: bool,
    /// `blacklisted_chars` (default none): characters refused in the local part, compiled
    /// from validator.js's string (a regex character class body) with
    /// [`EmailOptions::blacklisted_chars_from`].
    pub blacklisted_chars: Option<JsRegex>,
    /// `ignore_max_length` (default `false`): skip the 254/64/254 length limits.
    pub ignore_max_length: bool,
    /// `host_blacklist` (default empty): domains (lowercased) refused.
    pub host_blacklist: Vec<HostMatcher>,
    /// `host_whitelist` (default empty = any): the only domains (lowercased) accepted.
    pub host_whitelist: Vec<HostMatcher>,
}

impl Default for EmailOptions {
    fn default() -> Self {
        EmailOptions {
            allow_display_name: false,
            require_display_name: false,
            allow_utf8_local_part: true,
            require_tld: true,
            allow_ip_domain: false,
            allow_underscores: false,
            domain_specific_validation: false,
            blacklisted_chars: None,
            ignore_max_length: false,
            host_blacklist: Vec::new(),
            host_whitelist: Vec::new(),
        }
    }
}

impl EmailOptions {
    /// Compiles validator.js's `blacklisted_chars` string, which it pastes into a regex
    /// character class (`[${chars}]+`); an empty string means none.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` when the class does not compile (validator.js would throw a
    /// `SyntaxError` on every call).
    pub fn blacklisted_chars_from(chars: &str) -> crate::Result<Option<JsRegex>> {
        if chars.is_empty() {
            return Ok(None);
        }
        JsRegex::new(&format!("[{chars}]+"), "g").map(Some)
    }
}

const MAX_EMAIL_LENGTH: usize = 254;

/// `true` when `s` is an email address, as validator.js `isEmail` decides.
///
/// The domain is checked with [`is_fqdn`](super::is_fqdn) (or as an IP address with
/// `allow_ip_domain`); the local part is dot-separated atoms or a quoted string. Display
/// names are found with a linear scan, not validator.js's regex.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_email, EmailOptions};
/// let default = EmailOptions::default();
/// assert!(is_email("foo@bar.com", &default));
/// assert!(is_email("\"foo bar\"@example.com", &default));
/// assert!(!is_email("foo@bar", &default));
/// assert!(!is_email("Foo <foo@bar.com>", &default));
/// let display = EmailOptions { allow_display_name: true, ..Default::default() };
/// assert!(is_email("Foo <foo@bar.com>", &display));
/// ```
pub fn is_email(s: &str, options: &EmailOptions) -> bool {
    let mut s = s;
    if options.require_display_name || options.allow_display_name {
        match split_name_address(s) {
            Some(name_len) => {
                let display_name = &s[..name_len];
                let rest = &s[name_len + 1..]; // after the `<`
                s = rest.strip_suffix('>').unwrap_or(rest);
                let display_name = display_name.strip_suffix(' ').unwrap_or(display_name);
                if !validate_display_name(display_name) {
                    return false;
                }
            }
            None if options.require_display_name => return false,
            None => {}
        }
    }
    if !options.ignore_max_length && utf16_len(s) > MAX_EMAIL_LENGTH {
        return false;
    }
    let (user, domain) = match s.rfind('@') {
        Some(at) => (&s[..at], &s[at + 1..]),
        None => ("", s),
    };
    let hosts_listed = !options.host_blacklist.is_empty() || !options.host_whitelist.is_empty();
    let gmail_rules = options.domain_specific_validation;
    if hosts_listed || gmail_rules {
        let lower_domain = domain.to_lowercase();
        if !options.host_blacklist.is_empty() && check_host(&lower_domain, &options.host_blacklist)
        {
            return false;
        }
        if !options.host_whitelist.is_empty() && !check_host(&lower_domain, &options.host_whitelist)
        {
            return false;
        }
        if gmail_rules && (lower_domain == "gmail.com" || lower_domain == "googlemail.com") {
            let lower_user = user.to_lowercase();
            if !is_gmail_user(&lower_user) {
                return false;
            }
            return check_user_and_domain(Cow::Owned(lower_user), domain, options);
        }
    }
    check_user_and_domain(Cow::Borrowed(user), domain, options)
}

fn check_user_and_domain(user: Cow<'_, str>, domain: &str, options: &EmailOptions) -> bool {
    if !options.ignore_max_length && (user.len() > 64 || domain.len() > 254) {
        return false;
    }
    let fqdn = FqdnOptions {
        require_tld: options.require_tld,
        ignore_max_length: options.ignore_max_length,
        allow_underscores: options.allow_underscores,
        ..FqdnOptions::default()
    };
    if !is_fqdn(domain, &fqdn) {
        if !options.allow_ip_domain {
            return false;
        }
        if !is_ip(domain, IpVersion::Any) {
            let Some(inner) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) else {
                return false;
            };
            if inner.is_empty() || !is_ip(inner, IpVersion::Any) {
                return false;
            }
        }
    }
    if let Some(blacklisted) = &options.blacklisted_chars {
        if blacklisted.is_match(&user) {
            return false;
        }
    }
    if user.starts_with('"') && user.ends_with('"') {
        let inner = if user.len() >= 2 { &user[1..user.len() - 1] } else { "" };
        return is_quoted_user(inner, options.allow_utf8_local_part);
    }
    let atom_char: fn(char) -> bool =
        if options.allow_utf8_local_part { is_utf8_atom_char } else { is_atom_char };
    user.split('.').all(|part| !part.is_empty() && part.chars().all(atom_char))
}

/// The length of the display name found by validator.js's `/^([^\x00-\x1F\x7F-\x9F]+)</`:
/// the text before the last `<` that precedes the first control character.
fn split_name_address(s: &str) -> Option<usize> {
    let end =
        s.find(|c: char| matches!(c, '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}')).unwrap_or(s.len());
    let lt = s[..end].rfind('<')?;
    (lt > 0).then_some(lt)
}

/// RFC 2822 display-name rules as validator.js applies them.
fn validate_display_name(display_name: &str) -> bool {
    // `display_name.replace(/^"(.+)"$/, '$1')`; `.` does not match line terminators.
    let without_quotes = display_name
        .strip_prefix('"')
        .and_then(|d| d.strip_suffix('"'))
        .filter(|inner| !inner.is_empty() && !inner.contains(['\n', '\r', '\u{2028}', '\u{2029}']))
        .unwrap_or(display_name);
    if without_quotes.chars().all(is_js_space) {
        return false;
    }
    let contains_illegal = without_quotes.contains(['.', '"', ';', '<', '>']);
    if contains_illegal {
        if without_quotes.len() == display_name.len() {
            return false;
        }
        // Every quote inside must be escaped.
        if without_quotes.matches('"').count() != without_quotes.matches("\\\"").count() {
            return false;
        }
    }
    true
}

fn is_gmail_user(lower_user: &str) -> bool {
    let username = lower_user.split('+').next().unwrap_or("");
    let without_dots = username.bytes().filter(|&b| b != b'.').count();
    if !(6..=30).contains(&without_dots) {
        return false;
    }
    username.split('.').all(|part| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// validator.js `emailUserPart`: `[a-z\d!#$%&'*+\-/=?^_`{|}~]`, case-insensitive.
fn is_atom_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// The UTF-8 ranges validator.js allows in local parts: `\u00A1-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF`.
fn is_utf8_range(c: char) -> bool {
    matches!(c, '\u{A1}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFEF}')
}

fn is_utf8_atom_char(c: char) -> bool {
    is_atom_char(c) || is_utf8_range(c)
}

/// validator.js `quotedEmailUser` / `quotedEmailUserUtf8`: a sequence of `qtext`
/// (ASCII 0x01-0x7F but `"` and `\`, JS whitespace, and with UTF-8 the ranges from
/// U+00A0) and quoted pairs `\` + (ASCII 0x01-0x7F but LF, or with UTF-8 the ranges).
fn is_quoted_user(inner: &str, utf8: bool) -> bool {
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let Some(next) = chars.next() else {
                return false;
            };
            let ok = matches!(next, '\u{1}'..='\u{9}' | '\u{B}'..='\u{7F}')
                || (utf8 && (next == '\u{A0}' || is_utf8_range(next)));
            if !ok {
                return false;
            }
        } else {
            let ascii = matches!(c, '\u{1}'..='\u{7F}') && c != '"';
            let ok = ascii || is_js_space(c) || (utf8 && (c == '\u{A0}' || is_utf8_range(c)));
            if !ok {
                return false;
            }
        }
    }
    true
}

/// isEmail's options object (validator.js keys), also read by `isMailtoURI`.
pub(super) fn options(o: &mut Options) -> Result<EmailOptions> {
    let d = EmailOptions::default();
    let blacklisted = o.string("blacklisted_chars")?.unwrap_or_default();
    Ok(EmailOptions {
        allow_display_name: o.bool("allow_display_name", d.allow_display_name)?,
        require_display_name: o.bool("require_display_name", d.require_display_name)?,
        allow_utf8_local_part: o.bool("allow_utf8_local_part", d.allow_utf8_local_part)?,
        require_tld: o.bool("require_tld", d.require_tld)?,
        allow_ip_domain: o.bool("allow_ip_domain", d.allow_ip_domain)?,
        allow_underscores: o.bool("allow_underscores", d.allow_underscores)?,
        domain_specific_validation: o
            .bool("domain_specific_validation", d.domain_specific_validation)?,
        blacklisted_chars: EmailOptions::blacklisted_chars_from(&blacklisted).map_err(|err| {
            invalid(format!("{}: option \"blacklisted_chars\": {}", o.name(), err.message()))
        })?,
        ignore_max_length: o.bool("ignore_max_length", d.ignore_max_length)?,
        host_blacklist: o.hosts("host_blacklist")?.unwrap_or_default(),
        host_whitelist: o.hosts("host_whitelist")?.unwrap_or_default(),
    })
}

/// `isEmail`: its [`options`].
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::Email(Box::new(options(o)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: fn(&mut EmailOptions)) -> EmailOptions {
        let mut o = EmailOptions::default();
        f(&mut o);
        o
    }

    #[test]
    fn validator_js_examples() {
        let d = EmailOptions::default();
        let long_user = format!("{}@gmail.com", "a".repeat(64));
        let valid = [
            "foo@bar.com",
            "x@x.au",
            "foo@bar.com.au",
            "foo+bar@bar.com",
            "hans.m端ller@test.com",
            "hans@m端ller.com",
            "test|123@m端ller.com",
            "test123+ext@gmail.com",
            "some.name.midd.leNa.me.and.locality+extension@GoogleMail.com",
            "\"foobar\"@example.com",
            "\"  foo  m端ller \"@example.com",
            "\"foo\\@bar\"@example.com",
            long_user.as_str(),
            "test@gmail.com",
            "test.1@gmail.com",
            "sisko@example.com",
        ];
        let too_long_user = format!("{}@gmail.com", "a".repeat(65));
        let too_long_domain = format!("test@{}.com", "a".repeat(251));
        let invalid = [
            "invalidemail@",
            "invalid.com",
            "@invalid.com",
            "foo@bar.com.",
            "foo@_bar.com",
            "somename@ｇｍａｉｌ.com",
            "foo@bar.co.uk.",
            "z@co.c",
            "ｇｍａｉｌｇｍａｉｌｇｍａｉｌｇｍａｉｌｇｍａｉｌ@gmail.com",
            too_long_user.as_str(),
            too_long_domain.as_str(),
            "test1@invalid.co m",
            "test2@invalid.co m",
            "test3@invalid.co m",
            "test4@invalid.co m",
            "test5@invalid.co m",
            "test6@invalid.co m",
            "test7@invalid.co m",
            "test8@invalid.co m",
            "test9@invalid.co m",
            "test11@invalid.co m",
            "test12@invalid.co　m",
            "test13@invalid.co　m",
            "multiple..dots@stillinvalid.com",
            "test123+invalid! sub_address@gmail.com",
            "gmail...ignores...dots...@gmail.com",
            "ends.with.dot.@gmail.com",
            "multiple..dots@gmail.com",
            "wrong()[]\",:;<>@@gmail.com",
            "\"wrong()[]\",:;<>@@gmail.com",
            "username@domain.com�",
            "username@domain.com©",
            "nbsp\u{a0}test@test.com",
            "nbsp_test@te\u{a0}st.com",
            "nbsp_test@test.co\u{a0}m",
        ];
        for s in valid {
            assert!(is_email(s, &d), "{s:?} should be valid");
        }
        for s in invalid {
            assert!(!is_email(s, &d), "{s:?} should be invalid");
        }
    }

    #[test]
    fn display_names() {
        let o = with(|o| o.allow_display_name = true);
        let valid = [
            "foo@bar.com",
            "Some Name <foo@bar.com>",
            "Some Name <foo@bar.com>",
            "Name <test@gmail.com>",
            "\"Some Name\" <foo@bar.com>",
            "\"Some \\\"Name\\\"\" <foo@bar.com>",
            "Some Name <foo@bar.com",
            "\"Some;Name\" <foo@bar.com>",
            "Some Middle Name <some.name.middle@gmail.com>",
            "Name<test@gmail.com>",
            "😀 <a@b.com>",
        ];
        let invalid = [
            "invalidemail@",
            "Some Name <invalidemail@>",
            "Some Name foo@bar.com>",
            "Some Name <foo@bar.com>.",
            "Some Name <foo@bar.com> ",
            "   <foo@bar.com>",
            "Some;Name <foo@bar.com>",
            "\"Some \"Name\"\" <foo@bar.com>",
            "Some.Name <foo@bar.com>",
            "\"\" <foo@bar.com>",
        ];
        for s in valid {
            assert!(is_email(s, &o), "{s:?} should be valid");
        }
        for s in invalid {
            assert!(!is_email(s, &o), "{s:?} should be invalid");
        }
        let required = with(|o| o.require_display_name = true);
        assert!(is_email("Some Name <foo@bar.com>", &required));
        assert!(!is_email("foo@bar.com", &required));
    }

    #[test]
    fn options() {
        assert!(!is_email(
            "foo@bar.com",
            &with(|o| o.host_blacklist = vec![HostMatcher::Exact("bar.com".into())])
        ));
        assert!(!is_email(
            "foo@BAR.com",
            &with(|o| o.host_blacklist = vec![HostMatcher::Exact("bar.com".into())])
        ));
        assert!(is_email(
            "foo@bar.com",
            &with(|o| o.host_whitelist = vec![HostMatcher::Exact("bar.com".into())])
        ));
        assert!(!is_email(
            "foo@baz.com",
            &with(|o| o.host_whitelist = vec![HostMatcher::Exact("bar.com".into())])
        ));
        assert!(is_email("foo@localhost", &with(|o| o.require_tld = false)));
        assert!(!is_email("foo@localhost", &EmailOptions::default()));
        assert!(is_email("foo@1.2.3.4", &with(|o| o.allow_ip_domain = true)));
        assert!(is_email("foo@[::1]", &with(|o| o.allow_ip_domain = true)));
        assert!(!is_email("foo@[]", &with(|o| o.allow_ip_domain = true)));
        assert!(!is_email("hans.m端ller@test.com", &with(|o| o.allow_utf8_local_part = false)));
        assert!(is_email("foo@b_ar.com", &with(|o| o.allow_underscores = true)));
        let bl = EmailOptions {
            blacklisted_chars: EmailOptions::blacklisted_chars_from("abc").unwrap_or(None),
            ..Default::default()
        };
        assert!(!is_email("email@gmail.com", &bl));
        assert!(is_email("email@gmail.com", &EmailOptions::default()));
        assert!(is_email("emil@gmail.com", &bl));
        let gmail = with(|o| o.domain_specific_validation = true);
        assert!(!is_email("abc@gmail.com", &gmail));
        assert!(!is_email("test..1@gmail.com", &gmail));
        assert!(is_email("Test.Nu.Mber@GMAIL.com", &gmail));
        assert!(is_email("abc@gmail.com", &EmailOptions::default()));
        let long = format!("{}@{}.com", "a".repeat(300), "b".repeat(10));
        assert!(is_email(&long, &with(|o| o.ignore_max_length = true)));
        assert!(!is_email(&long, &EmailOptions::default()));
    }

    #[test]
    fn adversarial_inputs_are_linear() {
        let d = with(|o| o.allow_display_name = true);
        let lts = "<".repeat(1 << 20);
        assert!(!is_email(&lts, &d));
        let mixed = format!("{}a@b.com", "a<".repeat(1 << 19));
        assert!(!is_email(&mixed, &d));
        let at = "@".repeat(1 << 20);
        assert!(!is_email(&at, &with(|o| o.ignore_max_length = true)));
        let dots = format!("{}@example.com", "a.".repeat(1 << 19));
        assert!(!is_email(&dots, &with(|o| o.ignore_max_length = true)));
        let quoted = format!("\"{}\"@example.com", "\\a".repeat(1 << 19));
        assert!(is_email(&quoted, &with(|o| o.ignore_max_length = true)));
    }
}
