//! Property tests of the core's parsers on generated hostile input (issue 9): HTML
//! sanitizing under generated policies, JSON scanning and parsing, path resolution, segment
//! decoding and file names, IP and URL parsing, and the JS regex translation.
//!
//! Each parser is checked for: no panic, the guarantees its documentation states, and
//! linear time. Linear time is checked on a generated unit repeated to two sizes 16x apart:
//! a linear parser takes ~16x longer, a quadratic one ~256x. The bound is 64x plus an
//! absolute 100 ms floor, each size timed as the fastest of up to three runs, so a loaded
//! machine (the team shares 2 cores) does not make the test flaky while quadratic growth
//! still fails it. Case counts keep the whole file under ~30 s in `--profile ci` when the
//! parsers are linear.

use std::time::{Duration, Instant};

use bulwark_core::html::{HtmlPolicy, Sanitizer, sanitize_html, strip_tags};
use bulwark_core::json::{JsonOptions, KeyAction, parse_json, scan_bytes, scan_units};
use bulwark_core::paths::{
    FilenameOptions, ResolveOptions, decode_path_segment, resolve_within, sanitize_filename,
};
use bulwark_core::ssrf::{IpCategory, check_url, classify, classify_ip, parse_ip};
use bulwark_core::validators::JsRegex;
use proptest::prelude::*;
use serde_json::Value;

/// Bytes of the small input in the linear-time checks; the large one is 16 times this.
const SMALL: usize = 16 * 1024;

fn fastest_of_three(f: &dyn Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `unit` repeated to about `bytes` bytes (at least once).
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len().max(1)).max(1))
}

/// A message when `f` on 16x the input takes more than 64x as long (plus a 100 ms floor).
/// The large input runs up to three times and passes on the first run within the bound
/// (noise only ever adds time); a run over four times the bound is growth, not noise, and
/// ends the check at once (a quadratic case at 256 KiB can take seconds).
fn nonlinear(what: &str, unit: &str, f: impl Fn(&str)) -> Option<String> {
    let small = repeat_to(unit, SMALL);
    let large = repeat_to(unit, SMALL * 16);
    let t_small = fastest_of_three(&|| f(&small));
    let bound = t_small * 64 + Duration::from_millis(100);
    let mut t_large = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        f(&large);
        t_large = t_large.min(start.elapsed());
        if t_large <= bound || t_large > bound * 4 {
            break;
        }
    }
    (t_large > bound).then(|| {
        format!(
            "{what}: {} bytes took {t_small:?}, {} bytes took {t_large:?} (unit {unit:?})",
            small.len(),
            large.len()
        )
    })
}

fn assert_linear(what: &str, unit: &str, f: impl Fn(&str)) {
    if let Some(message) = nonlinear(what, unit, f) {
        panic!("{message}");
    }
}

/// Strings made of fragments that reach each parser's interesting states, plus any char.
fn tokens(list: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => prop::sample::select(list).prop_map(str::to_owned), 1 => any::<char>().prop_map(String::from)],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

const HTML: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<?",
    "&",
    "&amp;",
    "&#",
    "&#x6A;",
    "&lt",
    "<p>",
    "</p>",
    "<b>",
    "<i>",
    "<a href=\"",
    "javascript:alert(1)",
    "\">",
    "<img src=x onerror=alert(1)>",
    "<script>",
    "</script>",
    "<style>",
    "<svg>",
    "<math><mi><mglyph>",
    "<table><td>",
    "<template>",
    "<textarea>",
    "<q cite=\"",
    "<select>",
    "<noscript>",
    "<iframe srcdoc=\"",
    " style=\"",
    " class=\"",
    " srcset=\"a 1x, ",
    "'",
    "\"",
    "=",
    " ",
    "\t",
    "\n",
    "\0",
    "\u{2028}",
    "é",
    "<div>",
    "</div>",
    "<li>",
    "<ul>",
];
const JSON: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"__proto__\"",
    "\"constructor\"",
    "\"prototype\"",
    "\"\\u005f\\u005fproto__\"",
    "\\",
    "\\u",
    "\\ud800",
    "0",
    "-0",
    "1e999",
    "1.5",
    "true",
    "null",
    "\"a\"",
    " ",
    "\n",
    "\u{feff}",
    "\u{0}",
    "é",
];
const PATHS: &[&str] = &[
    "..", ".", "/", "\\", "a", "b.txt", "%2e", "%2E%2e", "%2f", "%5c", "%00", "%", "%zz", "%c0%ae",
    "%25", "C:", "CON", "nul .txt", "~", " ", "\0", "\u{ff0e}", "\u{ff0f}", "\u{2025}", "\u{202e}",
    "é", "e\u{301}",
];
const URLS: &[&str] = &[
    "http://",
    "https://",
    "ftp://",
    "file:///",
    "javascript:",
    "//",
    "\\\\",
    "user:pass@",
    "@",
    "[",
    "]",
    "::1",
    "::ffff:",
    "127.0.0.1",
    "0x7f.1",
    "2130706433",
    "017700000001",
    "0",
    ".",
    "169.254.169.254",
    "10.0.0.1",
    "fe80::1%25eth0",
    "localhost",
    "a.localhost",
    "example.com",
    "xn--",
    ":",
    "80",
    "/",
    "?",
    "#",
    "%",
    "%2e",
    " ",
    "\t",
    "\u{3002}",
    "\u{ff0e}",
    "é",
];
const REGEX: &[&str] = &[
    "a",
    "(",
    ")",
    "(?:",
    "(?<n>",
    "(?=",
    "(?!",
    "(?<=",
    "\\1",
    "\\k<n>",
    "|",
    "*",
    "+",
    "?",
    "{2}",
    "{1,1000}",
    "{,",
    "[",
    "]",
    "[^",
    "-",
    "^",
    "$",
    "\\d",
    "\\w",
    "\\b",
    "\\B",
    "\\p{L}",
    "\\u{1F600}",
    "\\u0041",
    "\\x41",
    "\\c",
    "\\",
    ".",
    "(a+)+",
    "(a|aa)*",
    ".*.*.*",
    "ſ",
    "K",
];

fn policy() -> impl Strategy<Value = HtmlPolicy> {
    let names = || {
        prop::sample::select(
            &["p", "b", "a", "img", "q", "script", "style", "svg", "div", "*", ""][..],
        )
    };
    (
        prop::option::of(prop::collection::vec(names().prop_map(str::to_owned), 0..5)),
        prop::option::of(prop::collection::vec(
            (
                names().prop_map(str::to_owned),
                prop::collection::vec(
                    tokens(&["href", "src", "cite", "class", "onclick", "style", "data-*"], 2),
                    0..3,
                ),
            ),
            0..3,
        )),
        prop::option::of(prop::collection::vec(
            prop::sample::select(&["http", "https", "mailto", "javascript", "data", "", "a b"][..])
                .prop_map(str::to_owned),
            0..3,
        )),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(prop::collection::vec(names().prop_map(str::to_owned), 0..3)),
        0usize..600,
    )
        .prop_map(|(tags, attrs, schemes, relative, comments, non_text, depth)| HtmlPolicy {
            allowed_tags: tags,
            allowed_attributes: attrs,
            allowed_schemes: schemes,
            allow_protocol_relative: relative,
            strip_comments: comments,
            non_text_tags: non_text,
            max_depth: depth,
            ..HtmlPolicy::default()
        })
}

/// Whether `out` holds a `<script` start outside comments (a policy may keep comments, and
/// `</<script>` is a bogus comment that serializes as `<!--<script-->`: inert text).
fn has_script_tag(out: &str) -> bool {
    let lower = out.to_ascii_lowercase();
    let mut rest = lower.as_str();
    loop {
        let Some(comment) = rest.find("<!--") else { return rest.contains("<script") };
        if rest[..comment].contains("<script") {
            return true;
        }
        match rest[comment + 4..].find("-->") {
            Some(end) => rest = &rest[comment + 4 + end + 3..],
            None => return false,
        }
    }
}

/// No regression files in the shared tree: failures print their minimal input instead.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn html_sanitize_never_panics_nor_emits_script(html in tokens(HTML, 40)) {
        if let Ok(out) = sanitize_html(&html) {
            prop_assert!(!has_script_tag(&out), "{out}");
        }
        let _ = strip_tags(&html);
    }

    #[test]
    fn html_generated_policies(p in policy(), html in tokens(HTML, 30)) {
        // A policy is refused (INVALID_OPTIONS) or compiled; either way no panic, and no
        // policy lets <script> through (it is in FORBIDDEN_TAGS).
        match Sanitizer::new(&p) {
            Ok(sanitizer) => {
                if let Ok(out) = sanitizer.sanitize(&html) {
                    prop_assert!(!has_script_tag(&out), "{out}");
                }
            }
            Err(err) => prop_assert_eq!(err.code().as_str(), "INVALID_OPTIONS"),
        }
    }

    #[test]
    fn json_scan_and_parse_never_panic(text in tokens(JSON, 40), depth in 0usize..300) {
        let _ = scan_bytes(text.as_bytes(), depth, 1 << 20);
        let units: Vec<u16> = text.encode_utf16().collect();
        let _ = scan_units(&units, depth);
        let _ = scan_units(text.as_bytes(), depth);
        let options = JsonOptions { max_depth: depth, ..JsonOptions::default() };
        let _ = parse_json(&text, &options);
    }

    #[test]
    fn json_accepts_only_json(text in tokens(JSON, 40)) {
        // With both actions `ignore`, parse_json is JSON.parse: it accepts exactly what a
        // strict JSON parser accepts (up to the depth limit) and builds the same value.
        let options = JsonOptions {
            proto_action: KeyAction::Ignore,
            constructor_action: KeyAction::Ignore,
            max_depth: 256,
            ..JsonOptions::default()
        };
        let ours = parse_json(&text, &options);
        let reference = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(&text));
        if let Ok(value) = &ours {
            prop_assert_eq!(Some(value), reference.as_ref().ok());
        }
        if ours.is_err() && reference.is_ok() {
            prop_assert_eq!(ours.unwrap_err().code().as_str(), "INPUT_TOO_DEEP");
        }
    }

    #[test]
    fn json_refuses_every_spelling_of_proto(key in prop::sample::select(&["__proto__", "\\u005f_proto__", "__pro\\u0074o__", "\\u005F\\u005Fproto\\u005f\\u005f"][..]), before in tokens(&["\"a\":1,", "\"b\":[],", " "], 4)) {
        let text = format!("{{{before}\"{key}\":{{\"x\":1}}}}");
        // A generated `"` or `\` in `before` can turn the key into another string (such as
        // `"\"__proto__"`): only a text whose object really holds `__proto__` is poisoned.
        let parsed = serde_json::from_str::<Value>(&text);
        if parsed.is_ok_and(|value| value.get("__proto__").is_some()) {
            let err = parse_json(&text, &JsonOptions::default()).unwrap_err();
            prop_assert_eq!(err.code().as_str(), "JSON_PROTO_POISONING");
        }
    }

    #[test]
    fn resolve_within_stays_within(base in prop::sample::select(&["/srv/app", "/srv/app/", "/", "/a/./b/../c"][..]), user in tokens(PATHS, 16), windows in any::<bool>()) {
        let options = ResolveOptions { reject_windows_forms: windows, ..ResolveOptions::default() };
        if let Ok(r) = resolve_within(base, &user, &options) {
            let root = match base { "/" => "", "/a/./b/../c" => "/a/c", b => b.trim_end_matches('/') };
            prop_assert!(r == root || r.starts_with(&format!("{root}/")) || (root.is_empty() && r == "/"), "{r} not within {base}");
            prop_assert!(!r.contains('\0'));
            prop_assert!(r.split('/').skip(1).all(|s| !s.is_empty() && s != "." && s != "..") || r == "/", "{r} is not normalized");
            if windows {
                prop_assert!(!r.contains('\\'));
            }
        }
    }

    #[test]
    fn decoded_segments_are_single_names(segment in tokens(PATHS, 16)) {
        if let Ok(s) = decode_path_segment(&segment) {
            prop_assert!(!s.contains('/') && !s.contains('\0'), "{s:?}");
            prop_assert!(s != "." && s != "..", "{s:?}");
        }
    }

    #[test]
    fn file_names_are_safe_and_stable(name in tokens(PATHS, 24), dotfiles in any::<bool>(), max in 1usize..=255) {
        let options = FilenameOptions { allow_dotfiles: dotfiles, max_bytes: max, ..FilenameOptions::default() };
        let s = sanitize_filename(&name, &options).unwrap();
        prop_assert!(!s.is_empty() && s != "." && s != "..");
        prop_assert!(!s.contains(['/', '\\', '\0']), "{s:?}");
        prop_assert!(s.len() <= max.max(options.fallback.len()), "{s:?} is longer than {max}");
        prop_assert_eq!(sanitize_filename(&s, &options).unwrap(), s.clone(), "not idempotent");
    }

    #[test]
    fn ip_notations_agree(n in any::<u32>(), v6 in any::<u128>()) {
        // The same IPv4 address in every notation parses to it, and is classified as such.
        let addr = std::net::Ipv4Addr::from(n);
        for text in [addr.to_string(), n.to_string(), format!("{n:#x}"), format!("0{n:o}")] {
            let parsed = parse_ip(&text);
            prop_assert_eq!(parsed.map(|p| p.addr), Some(std::net::IpAddr::V4(addr)), "{}", text);
            prop_assert_eq!(classify_ip(&text).ok(), Some(classify(addr.into())));
        }
        let a6 = std::net::Ipv6Addr::from(v6);
        let p6 = parse_ip(&a6.to_string()).map(|p| p.addr);
        prop_assert_eq!(p6, Some(std::net::IpAddr::V6(a6)));
        let canonical = parse_ip(&format!("[{a6}]")).map(|p| p.canonical()).unwrap_or_default();
        prop_assert_eq!(parse_ip(&canonical).map(|p| p.addr), Some(std::net::IpAddr::V6(a6)));
    }

    #[test]
    fn urls_to_private_addresses_are_refused(n in any::<u32>(), text in tokens(URLS, 20)) {
        let addr = std::net::Ipv4Addr::from(n);
        let url = format!("http://{n}/x");
        match check_url(&url) {
            Ok(c) => prop_assert_eq!(c.category, Some(IpCategory::Public), "{} accepted as {:?}", url, c),
            Err(_) => prop_assert_ne!(classify(addr.into()), IpCategory::Public, "{} refused", url),
        }
        let _ = parse_ip(&text);
        if let Ok(c) = check_url(&text) {
            prop_assert!(c.category.is_none() || c.category == Some(IpCategory::Public), "{text:?}: {c:?}");
            prop_assert!(c.protocol == "http:" || c.protocol == "https:");
        }
    }

    #[test]
    fn js_regex_translation_never_panics(source in tokens(REGEX, 16), flags in "[gimsuyvdx]{0,3}", input in tokens(&["a", "b", "\n", "ſ", "K", "1", " "], 24)) {
        if let Ok(re) = JsRegex::new(&source, &flags) {
            let _ = re.is_match(&input);
            let _ = re.remove(&input);
        }
    }
}

/// Input shapes known to be the worst case of some HTML tokenizer or sanitizer state
/// (text full of character references, unclosed tags and attributes, NULs, deep nesting).
const HTML_WORST: &[&str] = &[
    "&",
    "a&",
    "&amp",
    "&#",
    "&#x",
    "<",
    "<a",
    "<a>",
    "<b><i>",
    "</",
    "<!--",
    "<!",
    "<?",
    " style=\"&",
    "<a href=\"",
    "<p title='",
    "\0",
    "<table>",
    "<svg>",
    "<math>",
    "<textarea>",
    "<select><option>",
];

#[test]
fn html_worst_shapes_are_linear() {
    let slow: Vec<String> = HTML_WORST
        .iter()
        .flat_map(|unit| {
            [
                nonlinear("sanitize_html", unit, |s| drop(sanitize_html(s))),
                nonlinear("strip_tags", unit, |s| drop(strip_tags(s))),
            ]
        })
        .flatten()
        .collect();
    assert!(slow.is_empty(), "superlinear HTML shapes:\n{}", slow.join("\n"));
}

proptest! {
    // Timed cases: few of them, each runs a parser six times on up to 256 KiB.
    #![proptest_config(config(12))]

    #[test]
    fn html_is_linear(unit in tokens(HTML, 6).prop_filter("non-empty", |u| !u.is_empty())) {
        assert_linear("sanitize_html", &unit, |s| drop(sanitize_html(s)));
        assert_linear("strip_tags", &unit, |s| drop(strip_tags(s)));
    }

    #[test]
    fn json_is_linear(unit in tokens(JSON, 6).prop_filter("non-empty", |u| !u.is_empty())) {
        assert_linear("scan_bytes", &unit, |s| drop(scan_bytes(s.as_bytes(), 256, 1 << 30)));
        assert_linear("parse_json", &unit, |s| drop(parse_json(s, &JsonOptions::default())));
        let element = format!("{unit},");
        assert_linear("parse_json in an array", &element, |s| drop(parse_json(&format!("[{s}0]"), &JsonOptions::default())));
    }

    #[test]
    fn paths_are_linear(unit in tokens(PATHS, 6).prop_filter("non-empty", |u| !u.is_empty())) {
        let long = ResolveOptions { max_length: usize::MAX, ..ResolveOptions::default() };
        assert_linear("resolve_within", &unit, |s| drop(resolve_within("/srv/app", s, &long)));
        assert_linear("decode_path_segment", &unit, |s| drop(decode_path_segment(s)));
        assert_linear("sanitize_filename", &unit, |s| drop(sanitize_filename(s, &FilenameOptions::default())));
    }

    #[test]
    fn urls_are_linear(unit in tokens(URLS, 6).prop_filter("non-empty", |u| !u.is_empty())) {
        assert_linear("check_url", &unit, |s| drop(check_url(&format!("http://example.com/{s}"))));
        assert_linear("check_url (host)", &unit, |s| drop(check_url(&format!("http://{s}/"))));
        assert_linear("parse_ip", &unit, |s| drop(parse_ip(s)));
    }

    #[test]
    fn regexes_are_linear(source in prop::sample::select(&["^(a+)+$", "^(a|aa)*b$", "^(.*a){12}$", "(\\w+\\s?)*$", "^[a-z]+@([a-z]+\\.)+[a-z]{2,}$"][..]), unit in prop::sample::select(&["a", "aa!", "ab ", "a@a."][..])) {
        let re = JsRegex::new(source, "").unwrap();
        assert_linear(source, unit, |s| {
            let _ = re.is_match(s);
        });
    }
}
