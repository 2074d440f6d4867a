//! Allowlist HTML sanitizing on [`ammonia`] (html5ever's spec-compliant parser), with the
//! option names sanitize-html users know, plus [`strip_tags`].
//!
//! A [`Sanitizer`] compiles a [`HtmlPolicy`] once and reuses it for every call: building an
//! ammonia `Builder` per call is what made an earlier Node binding of ammonia slow.
//! Policies are validated when compiled: options that ammonia would reject at clean time, or
//! that would open a script-execution hole (allowing `<script>`, `<iframe>`, `on*` or
//! `style` attributes, ...), are `INVALID_OPTIONS`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::Builder;
use self_cell::self_cell;

use crate::{Error, ErrorCode, Result};

/// Elements no policy may allow: raw-text or script-capable elements, document-level
/// elements that change how the page loads, and foreign content (SVG, MathML) whose parsing
/// differences are the source of mutation XSS.
pub const FORBIDDEN_TAGS: [&str; 20] = [
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "template",
    "svg",
    "math",
    "portal",
];

/// Attributes no policy may allow (besides every `on*` event handler): inline CSS and
/// attributes that load or run documents.
pub const FORBIDDEN_ATTRIBUTES: [&str; 4] = ["style", "srcdoc", "formaction", "xmlns"];

/// What a sanitizer allows. `None` fields take ammonia's defaults, which are safe: a broad
/// set of formatting tags, `href`/`src` with common safe schemes, `rel="noopener noreferrer"`
/// on links, comments stripped, `<script>` and `<style>` removed with their content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlPolicy {
    /// Tags kept; all others are removed (their text content is kept).
    pub allowed_tags: Option<Vec<String>>,
    /// Attributes kept per tag; the tag `"*"` applies to every tag. A trailing `*` in an
    /// attribute name of the `"*"` entry allows a prefix (`"data-*"`).
    pub allowed_attributes: Option<Vec<(String, Vec<String>)>>,
    /// URL schemes allowed in URL attributes (`href`, `src`, ...).
    pub allowed_schemes: Option<Vec<String>>,
    /// Per-tag URL schemes, replacing `allowed_schemes` for that tag.
    pub allowed_schemes_by_tag: Vec<(String, Vec<String>)>,
    /// Whether scheme-relative URLs (`//host/path`, also written with backslashes) are kept.
    /// Default `true`, as in sanitize-html.
    pub allow_protocol_relative: bool,
    /// Classes kept per tag (the `class` attribute is then filtered to these).
    pub allowed_classes: Vec<(String, Vec<String>)>,
    /// The `rel` added to every link. `None`: ammonia's `noopener noreferrer`; `Some(None)`: none.
    pub link_rel: Option<Option<String>>,
    /// Remove comments. Default `true`.
    pub strip_comments: bool,
    /// Tags removed together with their content. `None`: `script` and `style`.
    pub non_text_tags: Option<Vec<String>>,
    /// Deepest element nesting accepted; deeper input is `INPUT_TOO_DEEP`. Default
    /// [`DEFAULT_MAX_DEPTH`]. See [`nesting_depth`] for why there is a limit.
    pub max_depth: usize,
    /// Largest input accepted, in UTF-8 bytes; larger input is `INPUT_TOO_LARGE`. Default
    /// [`DEFAULT_MAX_BYTES`]; `usize::MAX` for no limit.
    pub max_bytes: usize,
}

impl Default for HtmlPolicy {
    fn default() -> Self {
        HtmlPolicy {
            allowed_tags: None,
            allowed_attributes: None,
            allowed_schemes: None,
            allowed_schemes_by_tag: Vec::new(),
            allow_protocol_relative: true,
            allowed_classes: Vec::new(),
            link_rel: None,
            strip_comments: true,
            non_text_tags: None,
            max_depth: DEFAULT_MAX_DEPTH,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Default for [`HtmlPolicy::max_bytes`] and the input limit of [`sanitize_html`] and
/// [`strip_tags`]: 1 MiB. Sanitizing is linear in the input (see `benches/js/html.bench.js`
/// for the throughput of the worst shapes), so the limit bounds the time one call takes.
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;

fn check_size(html: &str, max_bytes: usize) -> Result<()> {
    if html.len() > max_bytes {
        return Err(Error::new(
            ErrorCode::InputTooLarge,
            format!("HTML is {} bytes (UTF-8); the limit is {max_bytes}", html.len()),
        ));
    }
    Ok(())
}

/// Default for [`HtmlPolicy::max_depth`]: 512, the depth at which Blink's HTML parser stops
/// nesting elements.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Upper bound for [`HtmlPolicy::max_depth`].
pub const MAX_MAX_DEPTH: usize = 10_000;

/// Elements that never hold children.
const VOID_TAGS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements the parser closes implicitly when a sibling starts (`<p>a<p>b`, `<li>`s), which
/// therefore do not deepen the tree when written without end tags. Not counting them keeps
/// old-style HTML with thousands of unclosed paragraphs acceptable.
const SELF_CLOSING_SIBLINGS: [&str; 15] = [
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp",
];

/// An estimate of the deepest element nesting in `html`, in one linear pass.
///
/// Why: the HTML tree builder checks scopes by walking the stack of open elements, so
/// parsing costs O(length x depth): 40,000 nested `<div>`s (200 KB) take seconds. Bounding
/// the depth bounds that cost. The estimate keeps its own stack of open elements: a start tag
/// of a non-void element pushes; an end tag pops up to the innermost open element of that
/// name and is ignored when none is open, as the parser ignores it (`<b></script>` repeated
/// nests every `<b>`). It ignores comments and the elements in `SELF_CLOSING_SIBLINGS`, and
/// may over-count inside raw text (`<textarea>`), which only errs on the side of refusing.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    // Open elements (lower-cased names) and how many of each name are open.
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut open: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut deepest = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            at = match memchr::memmem::find(&rest[3..], b"-->") {
                Some(end) => start + 3 + end + 3,
                None => bytes.len(),
            };
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        at = start + name_start + name_len;
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        let is = |list: &[&str]| list.iter().any(|t| t.as_bytes() == name.as_slice());
        if is(&VOID_TAGS) || is(&SELF_CLOSING_SIBLINGS) {
            continue;
        }
        if closing {
            if open.get(&name).is_some_and(|&n| n > 0) {
                // Each element is pushed and popped once: linear overall.
                while let Some(top) = stack.pop() {
                    if let Some(n) = open.get_mut(&top) {
                        *n -= 1;
                    }
                    if top == name {
                        break;
                    }
                }
            }
        } else {
            *open.entry(name.clone()).or_default() += 1;
            stack.push(name);
            deepest = deepest.max(stack.len());
        }
    }
    deepest
}

fn check_depth(html: &str, max_depth: usize) -> Result<()> {
    let depth = nesting_depth(html);
    if depth > max_depth {
        return Err(Error::new(
            ErrorCode::InputTooDeep,
            format!("HTML nests about {depth} elements deep; the limit is {max_depth}"),
        ));
    }
    Ok(())
}

fn invalid(message: String) -> Error {
    Error::new(ErrorCode::InvalidOptions, message)
}

/// Lower-cases names (HTML tag and attribute names are case-insensitive; html5ever reports
/// them lower-cased) and refuses empty or odd ones.
fn name(kind: &str, raw: &str) -> Result<String> {
    let lower = raw.to_ascii_lowercase();
    let valid = !lower.is_empty()
        && lower.len() <= 64
        && lower
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'*'));
    if !valid {
        return Err(invalid(format!("{kind} {raw:?} is not a valid name")));
    }
    Ok(lower)
}

/// The validated, owned form of a policy: every string the ammonia `Builder` borrows.
struct OwnedPolicy {
    tags: Option<HashSet<String>>,
    tag_attributes: Option<HashMap<String, HashSet<String>>>,
    generic_attributes: HashSet<String>,
    generic_prefixes: HashSet<String>,
    schemes: Option<HashSet<String>>,
    schemes_by_tag: HashMap<String, HashSet<String>>,
    allow_protocol_relative: bool,
    /// In the policy's order (a tag listed twice: the last list wins, as in a map).
    classes: Vec<(String, HashSet<String>)>,
    link_rel: Option<Option<String>>,
    strip_comments: bool,
    /// In the policy's order, so error messages name the first offending tag.
    non_text_tags: Option<Vec<String>>,
    max_depth: usize,
    max_bytes: usize,
}

impl OwnedPolicy {
    fn validate(policy: &HtmlPolicy) -> Result<OwnedPolicy> {
        let names = |kind: &str, list: &[String]| -> Result<HashSet<String>> {
            list.iter().map(|raw| name(kind, raw)).collect()
        };
        let tags = policy.allowed_tags.as_deref().map(|t| names("tag", t)).transpose()?;
        // The first forbidden tag in the policy's order (messages must not depend on hashing).
        if let Some(list) = &policy.allowed_tags {
            let lower = list.iter().map(|t| t.to_ascii_lowercase());
            if let Some(bad) = lower.into_iter().find(|t| FORBIDDEN_TAGS.contains(&t.as_str())) {
                return Err(invalid(format!(
                    "allowedTags: <{bad}> can run script or change the page and is never allowed"
                )));
            }
        }
        let mut generic_attributes = HashSet::new();
        let mut generic_prefixes = HashSet::new();
        let mut tag_attributes = None;
        if let Some(entries) = &policy.allowed_attributes {
            let mut map: HashMap<String, HashSet<String>> = HashMap::new();
            for (tag, attrs) in entries {
                let tag = if tag == "*" { tag.clone() } else { name("tag", tag)? };
                for attr in attrs {
                    let attr = name("attribute", attr)?;
                    if attr.starts_with("on") || FORBIDDEN_ATTRIBUTES.contains(&attr.as_str()) {
                        return Err(invalid(format!(
                            "allowedAttributes: {attr:?} can run script or load content and is never allowed"
                        )));
                    }
                    match (tag.as_str(), attr.strip_suffix('*')) {
                        ("*", Some(prefix)) if !prefix.is_empty() && !prefix.contains('*') => {
                            if "on".starts_with(prefix) {
                                return Err(invalid(format!(
                                    "allowedAttributes: the prefix {attr:?} would allow event handlers"
                                )));
                            }
                            generic_prefixes.insert(prefix.to_owned());
                        }
                        ("*", None) => {
                            generic_attributes.insert(attr);
                        }
                        (_, None) if !attr.contains('*') => {
                            map.entry(tag.clone()).or_default().insert(attr);
                        }
                        _ => {
                            return Err(invalid(format!(
                                "allowedAttributes: wildcard {attr:?} is only supported as a prefix under \"*\""
                            )));
                        }
                    }
                }
            }
            tag_attributes = Some(map);
        }
        let schemes = policy.allowed_schemes.as_deref().map(scheme_set).transpose()?;
        let mut schemes_by_tag = HashMap::new();
        for (tag, list) in &policy.allowed_schemes_by_tag {
            schemes_by_tag.insert(name("tag", tag)?, scheme_set(list)?);
        }
        let mut classes: Vec<(String, HashSet<String>)> = Vec::new();
        for (tag, list) in &policy.allowed_classes {
            let set = list.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
            let tag = name("tag", tag)?;
            classes.retain(|(t, _)| *t != tag);
            classes.push((tag, set));
        }
        let non_text_tags = policy
            .non_text_tags
            .as_deref()
            .map(|list| list.iter().map(|raw| name("tag", raw)).collect::<Result<Vec<_>>>())
            .transpose()?;
        if policy.max_depth == 0 || policy.max_depth > MAX_MAX_DEPTH {
            return Err(invalid(format!("maxDepth must be between 1 and {MAX_MAX_DEPTH}")));
        }
        let owned = OwnedPolicy {
            tags,
            tag_attributes,
            generic_attributes,
            generic_prefixes,
            schemes,
            schemes_by_tag,
            allow_protocol_relative: policy.allow_protocol_relative,
            classes,
            link_rel: policy.link_rel.clone(),
            strip_comments: policy.strip_comments,
            non_text_tags,
            max_depth: policy.max_depth,
            max_bytes: policy.max_bytes,
        };
        owned.check_consistency()?;
        Ok(owned)
    }

    /// The combinations ammonia asserts against at clean time, refused up front.
    fn check_consistency(&self) -> Result<()> {
        // Compare against what ammonia will actually use: its defaults where we set nothing.
        let defaults = Builder::default();
        let tags: HashSet<&str> = self.tags.as_ref().map_or_else(|| defaults.clone_tags(), set);
        let tag_attributes: HashMap<&str, HashSet<&str>> = match &self.tag_attributes {
            Some(map) => map.iter().map(|(k, v)| (k.as_str(), set(v))).collect(),
            None => defaults.clone_tag_attributes(),
        };
        let generic_attributes: HashSet<&str> = match &self.tag_attributes {
            Some(_) => set(&self.generic_attributes),
            None => defaults.clone_generic_attributes(),
        };
        let has_attr =
            |tag: &str, attr: &str| tag_attributes.get(tag).is_some_and(|s| s.contains(attr));
        if !matches!(self.link_rel, Some(None))
            && (generic_attributes.contains("rel") || has_attr("a", "rel"))
        {
            return Err(invalid("allowedAttributes: \"rel\" cannot be allowed while linkRel sets it (set linkRel: null)".into()));
        }
        if !self.classes.is_empty() && generic_attributes.contains("class") {
            return Err(invalid(
                "allowedClasses cannot be combined with \"class\" allowed for \"*\"".into(),
            ));
        }
        if let Some((tag, _)) = self.classes.iter().find(|(tag, _)| has_attr(tag, "class")) {
            return Err(invalid(format!(
                "allowedClasses[{tag:?}] cannot be combined with \"class\" in allowedAttributes[{tag:?}]"
            )));
        }
        // In the policy's order (the defaults sorted), so the message names the same tag on
        // every call.
        let non_text: Vec<&str> = match &self.non_text_tags {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => {
                let mut defaults: Vec<&str> =
                    defaults.clone_clean_content_tags().into_iter().collect();
                defaults.sort_unstable();
                defaults
            }
        };
        for tag in non_text {
            if tags.contains(tag) {
                return Err(invalid(format!("<{tag}> cannot be both allowed and a non-text tag")));
            }
            if tag_attributes.contains_key(tag) {
                return Err(invalid(format!(
                    "<{tag}> is a non-text tag and cannot have allowed attributes"
                )));
            }
        }
        Ok(())
    }

    fn builder(&self) -> Builder<'_> {
        let mut b = Builder::default();
        if let Some(tags) = &self.tags {
            b.tags(set(tags));
        }
        if let Some(map) = &self.tag_attributes {
            b.tag_attributes(map.iter().map(|(k, v)| (k.as_str(), set(v))).collect());
            b.generic_attributes(set(&self.generic_attributes));
            b.generic_attribute_prefixes(set(&self.generic_prefixes));
        }
        let mut schemes: HashSet<&str> = match &self.schemes {
            Some(s) => set(s),
            None => b.clone_url_schemes(),
        };
        // ammonia checks schemes globally after our filter; the filter narrows per tag.
        for per_tag in self.schemes_by_tag.values() {
            schemes.extend(per_tag.iter().map(String::as_str));
        }
        let global: HashSet<String> = schemes.iter().map(|s| (*s).to_owned()).collect();
        b.url_schemes(schemes);
        if !self.classes.is_empty() {
            b.allowed_classes(self.classes.iter().map(|(k, v)| (k.as_str(), set(v))).collect());
        }
        match &self.link_rel {
            None => {}
            Some(rel) => {
                b.link_rel(rel.as_deref());
            }
        }
        b.strip_comments(self.strip_comments);
        if let Some(tags) = &self.non_text_tags {
            b.clean_content_tags(tags.iter().map(String::as_str).collect());
        }
        // Always installed: ammonia checks schemes only in a fixed set of attributes.
        let url_filter = UrlFilter {
            default_schemes: self.schemes.clone().unwrap_or(global),
            schemes_by_tag: self.schemes_by_tag.clone(),
            allow_protocol_relative: self.allow_protocol_relative,
        };
        b.attribute_filter(move |element, attribute, value| {
            url_filter.filter(element, attribute, value)
        });
        b
    }
}

fn set(strings: &HashSet<String>) -> HashSet<&str> {
    strings.iter().map(String::as_str).collect()
}

fn scheme_set(list: &[String]) -> Result<HashSet<String>> {
    list.iter()
        .map(|s| {
            let lower = s.to_ascii_lowercase();
            let valid = lower.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && lower
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
            if !valid {
                return Err(invalid(format!("{s:?} is not a URL scheme")));
            }
            if matches!(lower.as_str(), "javascript" | "vbscript" | "data") {
                return Err(invalid(format!(
                    "the {lower:?} scheme can run script and is never allowed"
                )));
            }
            Ok(lower)
        })
        .collect()
}

/// The URL check ammonia leaves out, run on every attribute that survived its allowlist.
///
/// ammonia checks schemes only in a fixed set of attributes (`href`, `src`, `xlink:href`,
/// `action` on `form`, `data` on `object`, `formaction`, `ping` on `a` as one string, `poster`
/// on `video`). This filter checks every attribute that carries a URL, on any element, against
/// the policy's schemes (per tag when set): the single-URL attributes in [`URL_ATTRIBUTES`],
/// each URL of the space-separated lists in [`URL_LIST_ATTRIBUTES`] and each candidate of
/// `srcset`/`imagesrcset`. Any other attribute whose value would run as a script URL
/// (`javascript:`, `vbscript:`, `data:`, read as a browser reads a URL) is dropped too: a
/// script or framework may use any attribute as a URL. One bad URL drops the attribute.
struct UrlFilter {
    default_schemes: HashSet<String>,
    schemes_by_tag: HashMap<String, HashSet<String>>,
    allow_protocol_relative: bool,
}

/// Attributes whose value is one URL (HTML, obsolete HTML and XLink attributes that fetch or
/// navigate).
const URL_ATTRIBUTES: [&str; 18] = [
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "longdesc",
    "codebase",
    "classid",
    "icon",
    "manifest",
    "usemap",
    "lowsrc",
    "dynsrc",
    "profile",
    "xlink:href",
];

/// Attributes whose value is a list of URLs separated by ASCII whitespace (or commas, for
/// the obsolete `archive`).
const URL_LIST_ATTRIBUTES: [&str; 2] = ["ping", "archive"];

/// Attributes in the `srcset` syntax: comma-separated candidates, each a URL and descriptors.
const SRCSET_ATTRIBUTES: [&str; 2] = ["srcset", "imagesrcset"];

impl UrlFilter {
    fn filter<'v>(&self, element: &str, attribute: &str, value: &'v str) -> Option<Cow<'v, str>> {
        let attribute = attribute.to_ascii_lowercase();
        let attribute = attribute.as_str();
        let allowed = if URL_ATTRIBUTES.contains(&attribute) {
            self.url_allowed(element, value)
        } else if URL_LIST_ATTRIBUTES.contains(&attribute) {
            !has_script_part(value)
                && value
                    .split(|c: char| c.is_ascii_whitespace() || c == ',')
                    .filter(|url| !url.is_empty())
                    .all(|url| self.url_allowed(element, url))
        } else if SRCSET_ATTRIBUTES.contains(&attribute) {
            !has_script_part(value) && srcset_urls(value).all(|url| self.url_allowed(element, url))
        } else {
            !is_script_url(value)
        };
        allowed.then_some(Cow::Borrowed(value))
    }

    fn url_allowed(&self, element: &str, value: &str) -> bool {
        if is_script_url_loose(value) {
            return false;
        }
        // Browsers strip leading and trailing C0 controls and spaces, and ASCII tabs and
        // newlines anywhere, before parsing a URL; the url crate does the same.
        let trimmed = value.trim_start_matches(|c: char| c <= ' ');
        let mut start = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
        let slashes = |c: Option<char>| matches!(c, Some('/' | '\\'));
        if slashes(start.next()) && slashes(start.next()) {
            return self.allow_protocol_relative;
        }
        match url::Url::parse(trimmed) {
            Ok(url) => {
                let allowed = self.schemes_by_tag.get(element).unwrap_or(&self.default_schemes);
                allowed.contains(url.scheme())
            }
            // Relative URLs stay (ammonia's default); they resolve against the page's scheme.
            Err(url::ParseError::RelativeUrlWithoutBase) => true,
            Err(_) => false,
        }
    }
}

/// `true` when a browser reading `value` as a URL would see a `javascript:`, `vbscript:` or
/// `data:` scheme: leading C0 controls and spaces are skipped, ASCII tabs and newlines
/// anywhere are ignored, case does not matter. (Entities are already decoded: the value is
/// the parsed attribute.) Reads at most the first few characters of the scheme.
fn is_script_url(value: &str) -> bool {
    script_scheme(value, |c| matches!(c, '\t' | '\n' | '\r'))
}

/// [`is_script_url`] that also ignores spaces and every C0 control inside the scheme
/// (`java script:`): for URL attributes, where such a value has no honest use.
fn is_script_url_loose(value: &str) -> bool {
    script_scheme(value, |c| c <= ' ')
}

fn script_scheme(value: &str, ignored: impl Fn(char) -> bool) -> bool {
    let mut scheme = [0u8; 10];
    let mut len = 0;
    for c in value.trim_start_matches(|c: char| c <= ' ').chars() {
        match c {
            _ if ignored(c) => {}
            ':' => return matches!(&scheme[..len], b"javascript" | b"vbscript" | b"data"),
            _ if len == scheme.len() || !c.is_ascii() => return false,
            _ => {
                scheme[len] = c.to_ascii_lowercase() as u8;
                len += 1;
            }
        }
    }
    false
}

/// `true` when a URL list (`srcset`, `ping`) reads as a script URL in any way a parser could
/// split it: as a whole, per comma-separated candidate or per token (descriptors included).
/// `"\u{1} javascript:x"` or `"jav\tascript:x"` are harmless to a browser's srcset parser,
/// but not worth keeping.
fn has_script_part(value: &str) -> bool {
    is_script_url_loose(value)
        || value.split(',').any(is_script_url_loose)
        || value.split(|c: char| c.is_ascii_whitespace() || c == ',').any(is_script_url_loose)
}

/// The URLs of a `srcset` value, as the HTML standard's "parse a srcset attribute" finds them:
/// candidates are separated by commas; a URL runs to the next whitespace (trailing commas
/// end the candidate); descriptors run to the next comma outside parentheses. Linear.
fn srcset_urls(value: &str) -> impl Iterator<Item = &str> {
    let bytes = value.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b',') {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut url = &value[start..at];
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let mut in_parens = false;
            while at < bytes.len() {
                match bytes[at] {
                    b'(' => in_parens = true,
                    b')' => in_parens = false,
                    b',' if !in_parens => break,
                    _ => {}
                }
                at += 1;
            }
        }
        Some(url)
    })
}

self_cell!(
    struct CompiledPolicy {
        owner: OwnedPolicy,
        // Builder<'a> is invariant in 'a (it holds trait objects over 'a).
        #[not_covariant]
        dependent: Builder,
    }
);

/// A compiled sanitizing policy. Build it once, call [`Sanitizer::sanitize`] many times.
///
/// # Examples
/// ```
/// use bulwark_core::html::{HtmlPolicy, Sanitizer};
/// let policy = HtmlPolicy { allowed_tags: Some(vec!["b".into(), "a".into()]), ..HtmlPolicy::default() };
/// let sanitizer = Sanitizer::new(&policy)?;
/// assert_eq!(
///     sanitizer.sanitize(r#"<b onclick="x()">hi</b><a href="javascript:alert(1)">link</a><i>it</i>"#)?,
///     r#"<b>hi</b><a rel="noopener noreferrer">link</a>it"#
/// );
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub struct Sanitizer {
    compiled: CompiledPolicy,
}

impl Sanitizer {
    /// Validates and compiles `policy`.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for a forbidden tag, attribute or scheme, a malformed name, or a
    /// combination ammonia cannot honour (for example `rel` allowed while `link_rel` sets it).
    pub fn new(policy: &HtmlPolicy) -> Result<Sanitizer> {
        let owned = OwnedPolicy::validate(policy)?;
        Ok(Sanitizer { compiled: CompiledPolicy::new(owned, |owned| owned.builder()) })
    }

    /// Sanitizes `html`. Text without markup is returned as it is, without building a tree.
    ///
    /// # Errors
    /// `INPUT_TOO_LARGE` when `html` is longer than the policy's `max_bytes`;
    /// `INPUT_TOO_DEEP` when elements nest deeper than its `max_depth`.
    pub fn sanitize(&self, html: &str) -> Result<String> {
        self.sanitize_within(html, self.compiled.borrow_owner().max_bytes)
    }

    fn sanitize_within(&self, html: &str, max_bytes: usize) -> Result<String> {
        check_size(html, max_bytes)?;
        if is_plain_text(html) {
            return Ok(html.to_owned());
        }
        self.compiled.with_dependent(|policy, builder| {
            check_depth(html, policy.max_depth)?;
            Ok(until_stable(html, |input| builder.clean(input).to_string()))
        })
    }
}

/// `true` when html5ever would give `text` back unchanged: no markup (`<`), no entity or
/// character html5ever escapes on output (`&`, `>`, U+00A0), no character its input stream
/// rewrites (CR, NUL, U+FEFF).
pub fn is_plain_text(text: &str) -> bool {
    !text.bytes().any(|b| matches!(b, b'<' | b'>' | b'&' | b'\r' | b'\0'))
        && !text.contains(['\u{a0}', '\u{feff}'])
}

/// Sanitizes `html` with the default policy (ammonia's defaults).
///
/// # Errors
/// `INPUT_TOO_LARGE` above [`DEFAULT_MAX_BYTES`]; `INPUT_TOO_DEEP` when elements nest
/// deeper than [`DEFAULT_MAX_DEPTH`].
///
/// # Examples
/// ```
/// assert_eq!(
///     bulwark_core::html::sanitize_html("<p>hi<script>alert(1)</script><img src=x onerror=alert(1)></p>")?,
///     r#"<p>hi<img src="x"></p>"#
/// );
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn sanitize_html(html: &str) -> Result<String> {
    sanitize_html_within(html, DEFAULT_MAX_BYTES)
}

/// [`sanitize_html`] with another input limit (`usize::MAX` for none).
///
/// # Errors
/// `INPUT_TOO_LARGE` above `max_bytes`; `INPUT_TOO_DEEP` as [`sanitize_html`].
pub fn sanitize_html_within(html: &str, max_bytes: usize) -> Result<String> {
    match &*DEFAULT_SANITIZER {
        Ok(sanitizer) => sanitizer.sanitize_within(html, max_bytes),
        Err(err) => Err(err.clone()),
    }
}

/// The default policy, compiled once: ammonia's defaults plus the URL filter.
static DEFAULT_SANITIZER: LazyLock<Result<Sanitizer>> =
    LazyLock::new(|| Sanitizer::new(&HtmlPolicy::default()));

/// Most cleaning passes [`until_stable`] makes; real documents settle in two.
const MAX_PASSES: usize = 4;

/// Cleans until the output is a fixed point: what a browser parses from the result is
/// exactly the tree that was checked. One pass is not always enough: removing an element
/// hoists its children, and the serialized tree can re-parse differently (`<p><object><p>`
/// cleans to `<p><p></p></p>`, which parses as three paragraphs). Re-parse instability is
/// the root of mutation XSS, so the result is re-cleaned until it no longer changes.
fn until_stable(html: &str, clean: impl Fn(&str) -> String) -> String {
    let mut current = clean(html);
    for _ in 1..MAX_PASSES {
        let next = clean(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// The text content of `html`: every tag removed, `<script>` and `<style>` removed with their
/// content, comments removed, entities decoded. The result is text, not HTML: escape it
/// (`escape_html`) before putting it into a page.
///
/// # Errors
/// `INPUT_TOO_LARGE` above [`DEFAULT_MAX_BYTES`]; `INPUT_TOO_DEEP` when elements nest
/// deeper than [`DEFAULT_MAX_DEPTH`].
///
/// # Examples
/// ```
/// assert_eq!(bulwark_core::html::strip_tags("<p>a &lt; b<script>x()</script></p><!-- c -->")?, "a < b");
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn strip_tags(html: &str) -> Result<String> {
    strip_tags_within(html, DEFAULT_MAX_BYTES)
}

/// [`strip_tags`] with another input limit (`usize::MAX` for none).
///
/// # Errors
/// `INPUT_TOO_LARGE` above `max_bytes`; `INPUT_TOO_DEEP` as [`strip_tags`].
pub fn strip_tags_within(html: &str, max_bytes: usize) -> Result<String> {
    check_size(html, max_bytes)?;
    if is_plain_text(html) {
        return Ok(html.to_owned());
    }
    check_depth(html, DEFAULT_MAX_DEPTH)?;
    let text_only = Builder::empty().clean(html).to_string();
    // html5ever escapes exactly these four in text; undo them (`&amp;` last).
    Ok(text_only
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> HtmlPolicy {
        HtmlPolicy::default()
    }

    #[test]
    fn default_policy_removes_script_vectors() {
        let cases = [
            ("<script>alert(1)</script>", ""),
            ("<img src=x onerror=alert(1)>", "<img src=\"x\">"),
            ("<a href=\"javascript:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
            ("<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
            ("<a href=\" \u{1}javascript:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
            ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
            (
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<a rel=\"noopener noreferrer\">x</a>",
            ),
            ("<a href=\"vbscript:msgbox(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
            ("<svg><set attributeName=href to=javascript:alert(1) /></svg>", ""),
            ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ""),
            ("<iframe src=\"https://x\"></iframe>", ""),
            ("<!-- <img src=x onerror=alert(1)> -->", ""),
            // In HTML content CDATA is a bogus comment ending at the first `>`: the rest is text.
            ("<![CDATA[<img src=x onerror=alert(1)>]]>", "]]&gt;"),
        ];
        let s = Sanitizer::new(&policy()).unwrap();
        for (input, expected) in cases {
            assert_eq!(s.sanitize(input).unwrap(), expected, "{input}");
            assert_eq!(sanitize_html(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn mutation_xss_vectors_stay_inert() {
        let vectors = [
            "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
            "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
            "<math><annotation-xml encoding=\"text/html\"><style><img src=x onerror=alert(1)></style></annotation-xml></math>",
            "<svg><iframe><a title=\"</iframe><img src=x onerror=alert(1)>\">",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<<script>script>alert(1)<</script>/script>",
            "<scr<script>ipt>alert(1)</script>",
            "<img src=x onerror=alert(1)//",
        ];
        let s = Sanitizer::new(&policy()).unwrap();
        for v in vectors {
            let once = s.sanitize(v).unwrap();
            let lower = once.to_ascii_lowercase();
            assert!(
                !lower.contains("<script")
                    && !lower.contains("onerror")
                    && !lower.contains("<style"),
                "{v} -> {once}"
            );
            // Re-parsing the output must not produce anything new (no mutation).
            assert_eq!(s.sanitize(&once).unwrap(), once, "{v}");
        }
    }

    #[test]
    fn output_is_a_fixed_point() {
        for input in [
            "<p><object><p>",
            "<form><div><form>x</form></div></form>",
            "<table><tr><td>a</td></tr><p>b</table>",
            "<a href=/x><div><a href=/y>z</a></div></a>",
        ] {
            let once = sanitize_html(input).unwrap();
            assert_eq!(sanitize_html(&once).unwrap(), once, "{input}");
        }
        assert_eq!(sanitize_html("<p><object><p>").unwrap(), "<p></p><p></p><p></p>");
    }

    #[test]
    fn options_map_to_ammonia() {
        let p = HtmlPolicy {
            allowed_tags: Some(vec!["a".into(), "p".into(), "img".into()]),
            allowed_attributes: Some(vec![
                ("a".into(), vec!["href".into()]),
                ("img".into(), vec!["src".into()]),
                ("*".into(), vec!["data-*".into(), "title".into()]),
            ]),
            allowed_schemes: Some(vec!["https".into()]),
            allowed_schemes_by_tag: vec![("img".into(), vec!["https".into(), "http".into()])],
            allow_protocol_relative: false,
            link_rel: Some(None),
            ..policy()
        };
        let s = Sanitizer::new(&p).unwrap();
        let cases = [
            ("<p data-x=\"1\" title=\"t\" id=\"i\">x</p>", "<p data-x=\"1\" title=\"t\">x</p>"),
            ("<a href=\"https://e.com\">x</a>", "<a href=\"https://e.com\">x</a>"),
            ("<a href=\"http://e.com\">x</a>", "<a>x</a>"),
            ("<img src=\"http://e.com/i.png\">", "<img src=\"http://e.com/i.png\">"),
            ("<a href=\"//evil.com\">x</a>", "<a>x</a>"),
            ("<a href=\"/\\evil.com\">x</a>", "<a>x</a>"),
            ("<a href=\"/local\">x</a>", "<a href=\"/local\">x</a>"),
            ("<b>bold</b>", "bold"),
        ];
        for (input, expected) in cases {
            assert_eq!(s.sanitize(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn allowed_classes_filter_class_values() {
        let p = HtmlPolicy { allowed_classes: vec![("p".into(), vec!["lead".into()])], ..policy() };
        let s = Sanitizer::new(&p).unwrap();
        assert_eq!(s.sanitize("<p class=\"lead evil\">x</p>").unwrap(), "<p class=\"lead\">x</p>");
    }

    #[test]
    fn dangerous_or_inconsistent_policies_are_refused() {
        let bad = [
            HtmlPolicy { allowed_tags: Some(vec!["script".into()]), ..policy() },
            HtmlPolicy { allowed_tags: Some(vec!["IFRAME".into()]), ..policy() },
            HtmlPolicy { allowed_tags: Some(vec!["svg".into()]), ..policy() },
            HtmlPolicy { allowed_tags: Some(vec!["".into()]), ..policy() },
            HtmlPolicy { allowed_tags: Some(vec!["a b".into()]), ..policy() },
            HtmlPolicy {
                allowed_attributes: Some(vec![("img".into(), vec!["onerror".into()])]),
                ..policy()
            },
            HtmlPolicy {
                allowed_attributes: Some(vec![("*".into(), vec!["ON*".into()])]),
                ..policy()
            },
            HtmlPolicy {
                allowed_attributes: Some(vec![("*".into(), vec!["o*".into()])]),
                ..policy()
            },
            HtmlPolicy {
                allowed_attributes: Some(vec![("p".into(), vec!["style".into()])]),
                ..policy()
            },
            HtmlPolicy {
                allowed_attributes: Some(vec![("p".into(), vec!["data-*".into()])]),
                ..policy()
            },
            HtmlPolicy {
                allowed_attributes: Some(vec![("a".into(), vec!["rel".into()])]),
                ..policy()
            },
            HtmlPolicy { allowed_schemes: Some(vec!["javascript".into()]), ..policy() },
            HtmlPolicy { allowed_schemes: Some(vec!["Data".into()]), ..policy() },
            HtmlPolicy { allowed_schemes: Some(vec!["ht tp".into()]), ..policy() },
            HtmlPolicy {
                allowed_schemes_by_tag: vec![("img".into(), vec!["data".into()])],
                ..policy()
            },
            HtmlPolicy {
                allowed_attributes: Some(vec![("p".into(), vec!["class".into()])]),
                allowed_classes: vec![("p".into(), vec!["x".into()])],
                ..policy()
            },
            HtmlPolicy { non_text_tags: Some(vec!["p".into()]), ..policy() },
            HtmlPolicy { max_depth: 0, ..policy() },
            HtmlPolicy { max_depth: MAX_MAX_DEPTH + 1, ..policy() },
        ];
        for p in bad {
            let err = Sanitizer::new(&p).err().map(|e| e.code());
            assert_eq!(err, Some(ErrorCode::InvalidOptions), "{p:?}");
        }
        // The same rel, allowed once linkRel no longer sets it, is fine.
        let ok = HtmlPolicy {
            allowed_attributes: Some(vec![("a".into(), vec!["rel".into()])]),
            link_rel: Some(None),
            ..policy()
        };
        assert!(Sanitizer::new(&ok).is_ok());
    }

    #[test]
    fn plain_text_fast_path_equals_the_parser() {
        let samples = [
            "",
            "hello",
            "  leading and trailing  ",
            "tab\tand\nnewline",
            "quotes \" ' and = signs",
            "unicode é 😀 \u{2028}",
            "\u{c}form feed",
        ];
        for text in samples {
            assert!(is_plain_text(text));
            assert_eq!(ammonia::clean(text), text, "{text:?}");
            assert_eq!(Builder::empty().clean(text).to_string(), text, "{text:?}");
        }
        for text in ["a<b", "a>b", "a&b", "a\rb", "a\0b", "a\u{a0}b", "\u{feff}a"] {
            assert!(!is_plain_text(text), "{text:?}");
        }
    }

    #[test]
    fn strip_tags_returns_text() {
        let cases = [
            ("", ""),
            ("plain", "plain"),
            ("<b>bold</b> and <i>it</i>", "bold and it"),
            ("a &lt; b &amp;&amp; c &gt; d&nbsp;e", "a < b && c > d\u{a0}e"),
            ("<script>alert(1)</script>x<style>p{}</style>", "x"),
            ("<p>one</p><p>two</p>", "onetwo"),
            ("&amp;lt;", "&lt;"),
            ("<!-- hidden -->shown", "shown"),
        ];
        for (input, expected) in cases {
            assert_eq!(strip_tags(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn nesting_depth_estimates() {
        let cases = [
            ("", 0),
            ("text", 0),
            ("<div><div></div></div>", 2),
            ("<div></div><div></div>", 1),
            ("<br><img src=x><hr><wbr>", 0),
            ("<p>a<p>b<p>c", 0),
            ("<ul><li>a<li>b</ul>", 1),
            ("<!-- <div><div><div> -->", 0),
            ("<DIV><Span>x</SPAN></div>", 2),
            ("a < b and 1<2", 0),
            ("</div></div><div>", 1),
            ("<div", 1),
            ("<b></script><b></script><b>", 3),
            ("<div><span></div><div>", 2),
            ("<div><b><i></b></i></div><p>", 3),
            ("<div><b><i></b></i></div><div>", 3),
        ];
        for (html, depth) in cases {
            assert_eq!(nesting_depth(html), depth, "{html}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_quickly_and_shallow_is_sanitized() {
        // 1.1 MB: over the default size limit, so the depth check is tested without it.
        let deep = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let any = usize::MAX;
        assert_eq!(sanitize_html_within(&deep, any).unwrap_err().code(), ErrorCode::InputTooDeep);
        assert_eq!(strip_tags_within(&deep, any).unwrap_err().code(), ErrorCode::InputTooDeep);
        let s =
            Sanitizer::new(&HtmlPolicy { max_depth: 2000, max_bytes: any, ..policy() }).unwrap();
        assert_eq!(s.sanitize(&deep).unwrap_err().code(), ErrorCode::InputTooDeep);
        let ok = format!("{}x{}", "<div>".repeat(512), "</div>".repeat(512));
        assert!(sanitize_html(&ok).unwrap().contains('x'));
        // Thousands of unclosed paragraphs (old-style HTML) are not "deep".
        let paragraphs = "<p>para".repeat(5000);
        assert_eq!(sanitize_html(&paragraphs).unwrap().matches("<p>").count(), 5000);
    }

    /// Every attribute value of `html` (as html5ever parses it: entities decoded).
    fn attribute_values(html: &str) -> Vec<String> {
        // Allow every attribute through a permissive re-clean to read the values back.
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(eq) = rest.find("=\"") {
            let after = &rest[eq + 2..];
            let end = after.find('"').unwrap();
            out.push(after[..end].replace("&amp;", "&").replace("&quot;", "\""));
            rest = &after[end + 1..];
        }
        out
    }

    #[test]
    fn url_attributes_outside_ammonias_list_are_checked() {
        // Default policy: cite is allowed on q, blockquote, del, ins and was not checked.
        let cases = [
            ("<q cite=\"javascript:alert(1)\">x</q>", "<q>x</q>"),
            (
                "<blockquote cite=\" JaVa&#x09;script:alert(1)\">x</blockquote>",
                "<blockquote>x</blockquote>",
            ),
            ("<del cite=\"vbscript:x\">x</del>", "<del>x</del>"),
            ("<ins cite=\"data:text/html,x\">x</ins>", "<ins>x</ins>"),
            ("<q cite=\"&#1;&#32;javascript:x\">x</q>", "<q>x</q>"),
            (
                "<q cite=\"https://example.com/src\">x</q>",
                "<q cite=\"https://example.com/src\">x</q>",
            ),
            ("<q cite=\"/relative\">x</q>", "<q cite=\"/relative\">x</q>"),
            ("<q cite=\"ftp://example.com/\">x</q>", "<q cite=\"ftp://example.com/\">x</q>"),
            // Generic attributes holding a script URL are dropped as well.
            ("<p title=\"javascript:alert(1)\">x</p>", "<p>x</p>"),
            ("<p title=\"a javascript: b\">x</p>", "<p title=\"a javascript: b\">x</p>"),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize_html(input).unwrap(), expected, "{input}");
        }
    }

    #[test]
    fn url_attributes_follow_custom_schemes() {
        let attrs: Vec<String> = [
            "cite",
            "srcset",
            "longdesc",
            "background",
            "poster",
            "action",
            "data",
            "codebase",
            "xlink:href",
            "ping",
            "icon",
            "manifest",
            "usemap",
            "href",
            "src",
            "title",
            "data-x",
        ]
        .iter()
        .map(|a| (*a).to_owned())
        .collect();
        let p = HtmlPolicy {
            allowed_tags: Some(vec!["q".into(), "img".into(), "a".into()]),
            allowed_attributes: Some(vec![("*".into(), attrs.clone())]),
            allowed_schemes: Some(vec!["https".into()]),
            allowed_schemes_by_tag: vec![("img".into(), vec!["https".into(), "http".into()])],
            link_rel: Some(None),
            ..policy()
        };
        let s = Sanitizer::new(&p).unwrap();
        for attr in &attrs {
            for (tag, bad) in [
                ("q", "javascript:alert(1)"),
                ("q", "vbscript:x"),
                ("q", "data:text/html,x"),
                ("q", "\u{1} JAVAscript:x"),
                ("q", "java&#x0A;script:x"),
                ("q", "java&Tab;script:x"),
            ] {
                let html = format!("<{tag} {attr}=\"{bad}\">x</{tag}>");
                assert_eq!(s.sanitize(&html).unwrap(), format!("<{tag}>x</{tag}>"), "{html}");
            }
        }
        for attr in [
            "cite",
            "longdesc",
            "background",
            "poster",
            "action",
            "data",
            "codebase",
            "xlink:href",
            "icon",
            "manifest",
            "usemap",
            "href",
            "src",
        ] {
            // http is not in allowedSchemes, but is for <img>.
            let html = format!("<q {attr}=\"http://e.com/\">x</q>");
            assert_eq!(s.sanitize(&html).unwrap(), "<q>x</q>", "{html}");
            let html = format!("<img {attr}=\"http://e.com/\">");
            assert_eq!(s.sanitize(&html).unwrap(), html, "{html}");
            let html = format!("<q {attr}=\"https://e.com/\">x</q>");
            assert_eq!(s.sanitize(&html).unwrap(), html, "{html}");
        }
        let kept = [
            "<img srcset=\"a.jpg 1x, https://e.com/b.jpg 2x\">",
            "<img srcset=\"a.jpg,b.jpg 2x\">",
            "<img srcset=\"http://e.com/a.jpg 100w, b.jpg (x,y) 2x\">",
            "<a ping=\"https://e.com/p /local\">x</a>",
        ];
        for html in kept {
            assert_eq!(s.sanitize(html).unwrap(), html, "{html}");
        }
        let dropped = [
            ("<img srcset=\"a.jpg 1x, javascript:alert(1) 2x\">", "<img>"),
            ("<img srcset=\"a.jpg 1x,javascript:alert(1)\">", "<img>"),
            ("<img srcset=\"a.jpg (1x,javascript:x), data:x 2x\">", "<img>"),
            ("<img srcset=\"ftp://e.com/a.jpg\">", "<img>"),
            ("<a ping=\"https://e.com/p javascript:x\">x</a>", "<a>x</a>"),
            ("<a ping=\"http://e.com/p\">x</a>", "<a>x</a>"),
        ];
        for (html, expected) in dropped {
            assert_eq!(s.sanitize(html).unwrap(), expected, "{html}");
        }
        // Without protocol-relative URLs, every URL attribute refuses them.
        let strict = Sanitizer::new(&HtmlPolicy { allow_protocol_relative: false, ..p }).unwrap();
        assert_eq!(strict.sanitize("<q cite=\"//evil.com\">x</q>").unwrap(), "<q>x</q>");
        assert_eq!(strict.sanitize("<img srcset=\"\\\\evil.com/a 1x\">").unwrap(), "<img>");
    }

    #[test]
    fn no_attribute_keeps_a_script_url() {
        let s = Sanitizer::new(&HtmlPolicy {
            allowed_attributes: Some(vec![(
                "*".into(),
                vec!["title".into(), "cite".into(), "srcset".into(), "data-*".into(), "alt".into()],
            )]),
            ..policy()
        })
        .unwrap();
        for scheme in
            ["javascript", "vbscript", "data", "JAVASCRIPT", "jav&#x09;ascript", "&#x20;data"]
        {
            for attr in ["title", "cite", "srcset", "data-url", "alt"] {
                let html = format!("<p {attr}=\"{scheme}:x\">y</p><img {attr}=\"{scheme}:z\">");
                let out = s.sanitize(&html).unwrap();
                for value in attribute_values(&out) {
                    assert!(!is_script_url(&value), "{html} -> {out}");
                }
                assert!(!out.contains(&format!("{attr}=")), "{html} -> {out}");
            }
        }
    }

    #[test]
    fn script_url_detection() {
        for v in [
            "javascript:x",
            " \u{1}JavaScript:x",
            "java\tscr\nipt:x",
            "data:",
            "vbscript:",
            "\r\ndata:x",
        ] {
            assert!(is_script_url(v), "{v:?}");
        }
        for v in [
            "",
            "javascript",
            "x javascript:x",
            "javascriptx:",
            "jav\u{ad}ascript:x",
            "https://x",
            "datax:y",
            "/data:x",
        ] {
            assert!(!is_script_url(v), "{v:?}");
        }
        assert!(!is_script_url("java script:x") && is_script_url_loose("java script:x"));
        assert!(!is_script_url("d a\u{1}ta:x") && is_script_url_loose("d a\u{1}t a:x"));
        assert!(!is_script_url_loose("https://x") && !is_script_url_loose("x javascript:x"));
        let urls: Vec<&str> = srcset_urls(" a.jpg 1x,b.jpg, c.jpg (a,b) 2x ,, d,,, e").collect();
        assert_eq!(urls, ["a.jpg", "b.jpg", "c.jpg", "d", "e"]);
    }

    #[test]
    fn policy_errors_name_the_first_offender_in_order() {
        // HashSet iteration order differs between sets: build many and compare messages.
        let message = |p: &HtmlPolicy| Sanitizer::new(p).err().unwrap().message().to_owned();
        let non_text = HtmlPolicy {
            non_text_tags: Some(vec!["div".into(), "table".into(), "span".into(), "b".into()]),
            ..policy()
        };
        let forbidden = HtmlPolicy {
            allowed_tags: Some(vec!["p".into(), "style".into(), "script".into(), "iframe".into()]),
            ..policy()
        };
        let classes = HtmlPolicy {
            allowed_attributes: Some(vec![
                ("p".into(), vec!["class".into()]),
                ("b".into(), vec!["class".into()]),
                ("i".into(), vec!["class".into()]),
            ]),
            allowed_classes: vec![
                ("p".into(), vec!["x".into()]),
                ("i".into(), vec!["x".into()]),
                ("b".into(), vec!["x".into()]),
            ],
            ..policy()
        };
        for _ in 0..50 {
            assert_eq!(message(&non_text), "<div> cannot be both allowed and a non-text tag");
            assert!(message(&forbidden).contains("<style>"), "{}", message(&forbidden));
            assert!(
                message(&classes).starts_with("allowedClasses[\"p\"]"),
                "{}",
                message(&classes)
            );
        }
    }

    #[test]
    fn large_input() {
        // 10 MB inputs are exercised through the bindings (js-tests/html.test.js).
        let big = "<p>hello <b>world</b> &amp; friends</p>".repeat(50_000);
        assert_eq!(sanitize_html(&big).unwrap_err().code(), ErrorCode::InputTooLarge);
        assert_eq!(strip_tags(&big).unwrap_err().code(), ErrorCode::InputTooLarge);
        let out = sanitize_html_within(&big, usize::MAX).unwrap();
        assert_eq!(out.len(), big.len());
        assert!(strip_tags_within(&big, big.len()).is_ok());
        let s = Sanitizer::new(&HtmlPolicy { max_bytes: big.len(), ..policy() }).unwrap();
        assert_eq!(s.sanitize(&big).unwrap().len(), big.len());
        let s = Sanitizer::new(&HtmlPolicy { max_bytes: big.len() - 1, ..policy() }).unwrap();
        assert_eq!(s.sanitize(&big).unwrap_err().code(), ErrorCode::InputTooLarge);
        // The limit holds for plain text too (no markup is not a reason to accept more).
        let text = "a".repeat(DEFAULT_MAX_BYTES + 1);
        assert_eq!(sanitize_html(&text).unwrap_err().code(), ErrorCode::InputTooLarge);
        assert_eq!(sanitize_html(&text[1..]).unwrap(), &text[1..]);
    }
}
