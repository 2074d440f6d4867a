//! [`HtmlPolicy`] (the options, sanitize-html's names) and its validated, compiled form.

use std::collections::{HashMap, HashSet};

use ammonia::Builder;

use super::style::StyleRules;
use super::urls::{UrlFilter, scheme_set};
use super::{DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, MAX_MAX_DEPTH, invalid};
use crate::Result;
use crate::validators::JsRegex;

/// Elements no policy may allow: raw-text or script-capable elements, document-level
/// elements that change how the page loads, and foreign content (SVG, MathML) whose parsing
/// differences are the source of mutation XSS. `iframe` is the one exception: allowed
/// together with `allowed_iframe_hostnames`, `allowed_iframe_domains` or
/// `allow_iframe_relative_urls`, which decide where it may point.
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

/// Attributes no policy may allow (besides every `on*` event handler): attributes that load
/// or run documents. `style` is the one exception: allowed together with `allowed_styles`,
/// which filters it.
pub const FORBIDDEN_ATTRIBUTES: [&str; 4] = ["style", "srcdoc", "formaction", "xmlns"];

/// What sanitize-html does with a tag that is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum DisallowedTagsMode {
    /// Remove the tag, keep its content (`non_text_tags` lose their content too).
    #[default]
    Discard,
    /// Remove the tag and the text directly inside it; allowed child elements stay.
    CompletelyDiscard,
    /// Write the tag as text (`&lt;tag&gt;`); its content is sanitized as usual.
    Escape,
    /// Write the tag and everything inside it as text.
    RecursiveEscape,
}

/// A declarative `transformTags` entry: sanitize-html's
/// `sanitizeHtml.simpleTransform(tagName, attribs, merge)` (or a bare tag name).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase", deny_unknown_fields))]
pub struct TagTransform {
    /// The new tag name.
    pub tag_name: String,
    /// Attributes set on the element (then filtered like any other attribute).
    #[cfg_attr(feature = "serde", serde(default, deserialize_with = "pairs"))]
    pub attribs: Vec<(String, String)>,
    /// `true`: `attribs` are added to the element's own; `false`: they replace them.
    #[cfg_attr(feature = "serde", serde(default = "yes"))]
    pub merge: bool,
}

/// A JavaScript `RegExp` (`source` and `flags`), run by the linear-time translation in
/// [`JsRegex`]; patterns it cannot translate are `INVALID_OPTIONS`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct JsPattern {
    /// `RegExp.prototype.source`.
    pub source: String,
    /// `RegExp.prototype.flags`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub flags: String,
}

/// The CSS properties allowed for one tag, each with the patterns its values must match.
pub type StyleProperties = Vec<(String, Vec<JsPattern>)>;

/// What a sanitizer allows. `None` fields take ammonia's defaults, which are safe: a broad
/// set of formatting tags, `href`/`src` with common safe schemes, `rel="noopener noreferrer"`
/// on links, comments stripped, `<script>` and `<style>` removed with their content.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, rename_all = "camelCase", deny_unknown_fields))]
pub struct HtmlPolicy {
    /// Tags kept; all others are removed (their text content is kept).
    pub allowed_tags: Option<Vec<String>>,
    /// Attributes kept per tag; the tag `"*"` applies to every tag. A trailing `*` in an
    /// attribute name of the `"*"` entry allows a prefix (`"data-*"`).
    #[cfg_attr(feature = "serde", serde(deserialize_with = "some_pairs"))]
    pub allowed_attributes: Option<Vec<(String, Vec<String>)>>,
    /// URL schemes allowed in URL attributes (`href`, `src`, ...).
    pub allowed_schemes: Option<Vec<String>>,
    /// Per-tag URL schemes, replacing `allowed_schemes` for that tag.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "pairs"))]
    pub allowed_schemes_by_tag: Vec<(String, Vec<String>)>,
    /// Whether scheme-relative URLs (`//host/path`, also written with backslashes) are kept.
    /// Default `true`, as in sanitize-html.
    pub allow_protocol_relative: bool,
    /// Classes kept per tag (`"*"`: every tag), exact or with `*` wildcards (`"col-*"`);
    /// the `class` attribute is then allowed on that tag and filtered to these.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "pairs"))]
    pub allowed_classes: Vec<(String, Vec<String>)>,
    /// Classes kept per tag, as patterns (sanitize-html's `RegExp` entries).
    #[cfg_attr(feature = "serde", serde(deserialize_with = "pairs"))]
    pub allowed_class_patterns: Vec<(String, Vec<JsPattern>)>,
    /// The `rel` added to every link. `None`: ammonia's `noopener noreferrer`; `Some(None)`: none.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "some"))]
    pub link_rel: Option<Option<String>>,
    /// Remove comments. Default `true`.
    pub strip_comments: bool,
    /// Tags removed together with their content. `None`: `script` and `style`.
    pub non_text_tags: Option<Vec<String>>,
    /// Tag renames (`"*"`: every tag), applied before the tag is checked.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "pairs"))]
    pub transform_tags: Vec<(String, TagTransform)>,
    /// What happens to tags that are not allowed. Default [`DisallowedTagsMode::Discard`].
    pub disallowed_tags_mode: DisallowedTagsMode,
    /// Hosts an `<iframe src>` may point to (exact match).
    pub allowed_iframe_hostnames: Option<Vec<String>>,
    /// Domains an `<iframe src>` may point to (the domain or any subdomain).
    pub allowed_iframe_domains: Option<Vec<String>>,
    /// Whether an `<iframe src>` may be relative. Default: `true` unless hostnames or
    /// domains are given.
    pub allow_iframe_relative_urls: Option<bool>,
    /// Per tag (`"*"`: every tag), CSS properties allowed in `style` and the patterns their
    /// values must match (one is enough).
    #[cfg_attr(feature = "serde", serde(deserialize_with = "style_rules"))]
    pub allowed_styles: Vec<(String, StyleProperties)>,
    /// Attributes kept with an empty value. `None`: `["alt"]`.
    pub allowed_empty_attributes: Option<Vec<String>>,
    /// Attributes removed when their value is empty (`"*"`: every attribute). `None`:
    /// sanitize-html's list (every non-boolean attribute of HTML).
    pub non_boolean_attributes: Option<Vec<String>>,
    /// Keep only what is inside `<html>...</html>` when the input has that tag.
    pub enforce_html_boundary: bool,
    /// Elements nested this deep (0 = top level) or deeper are treated as not allowed.
    pub nesting_limit: Option<usize>,
    /// Deepest element nesting accepted; deeper input is `INPUT_TOO_DEEP`. Default
    /// [`DEFAULT_MAX_DEPTH`]. See [`super::nesting_depth`] for why there is a limit.
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
            allowed_class_patterns: Vec::new(),
            link_rel: None,
            strip_comments: true,
            non_text_tags: None,
            transform_tags: Vec::new(),
            disallowed_tags_mode: DisallowedTagsMode::Discard,
            allowed_iframe_hostnames: None,
            allowed_iframe_domains: None,
            allow_iframe_relative_urls: None,
            allowed_styles: Vec::new(),
            allowed_empty_attributes: None,
            non_boolean_attributes: None,
            enforce_html_boundary: false,
            nesting_limit: None,
            max_depth: DEFAULT_MAX_DEPTH,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

#[cfg(feature = "serde")]
fn yes() -> bool {
    true
}

/// A JSON object read as its entries, in order (maps are ordered pairs here, so error
/// messages name the first offender in the caller's order).
#[cfg(feature = "serde")]
fn pairs<'de, D, V>(d: D) -> std::result::Result<Vec<(String, V)>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: serde::Deserialize<'de>,
{
    struct Entries<V>(std::marker::PhantomData<V>);
    impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
        type Value = Vec<(String, V)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Entries(std::marker::PhantomData))
}

#[cfg(feature = "serde")]
fn some_pairs<'de, D, V>(d: D) -> std::result::Result<Option<Vec<(String, V)>>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: serde::Deserialize<'de>,
{
    pairs(d).map(Some)
}

#[cfg(feature = "serde")]
fn some<'de, D, V>(d: D) -> std::result::Result<Option<V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: serde::Deserialize<'de>,
{
    V::deserialize(d).map(Some)
}

#[cfg(feature = "serde")]
fn style_rules<'de, D>(d: D) -> std::result::Result<Vec<(String, StyleProperties)>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(serde::Deserialize)]
    struct Properties(#[serde(deserialize_with = "pairs")] Vec<(String, Vec<JsPattern>)>);
    let tags: Vec<(String, Properties)> = pairs(d)?;
    Ok(tags.into_iter().map(|(tag, Properties(p))| (tag, p)).collect())
}

/// sanitize-html's `nonBooleanAttributes` default: the attributes of HTML that are not
/// boolean (an empty value means nothing). Its event handlers are left out: no policy
/// allows them.
const NON_BOOLEAN_ATTRIBUTES: [&str; 105] = [
    "abbr",
    "accept",
    "accept-charset",
    "accesskey",
    "action",
    "allow",
    "alt",
    "as",
    "autocapitalize",
    "autocomplete",
    "blocking",
    "charset",
    "cite",
    "class",
    "color",
    "cols",
    "colspan",
    "content",
    "contenteditable",
    "coords",
    "crossorigin",
    "data",
    "datetime",
    "decoding",
    "dir",
    "dirname",
    "download",
    "draggable",
    "enctype",
    "enterkeyhint",
    "fetchpriority",
    "for",
    "form",
    "formaction",
    "formenctype",
    "formmethod",
    "formtarget",
    "headers",
    "height",
    "hidden",
    "high",
    "href",
    "hreflang",
    "http-equiv",
    "id",
    "imagesizes",
    "imagesrcset",
    "inputmode",
    "integrity",
    "is",
    "itemid",
    "itemprop",
    "itemref",
    "itemtype",
    "kind",
    "label",
    "lang",
    "list",
    "loading",
    "low",
    "max",
    "maxlength",
    "media",
    "method",
    "min",
    "minlength",
    "name",
    "nonce",
    "optimum",
    "pattern",
    "ping",
    "placeholder",
    "popover",
    "popovertarget",
    "popovertargetaction",
    "poster",
    "preload",
    "referrerpolicy",
    "rel",
    "rows",
    "rowspan",
    "sandbox",
    "scope",
    "shape",
    "size",
    "sizes",
    "slot",
    "span",
    "spellcheck",
    "src",
    "srcdoc",
    "srclang",
    "srcset",
    "start",
    "step",
    "style",
    "tabindex",
    "target",
    "title",
    "translate",
    "type",
    "usemap",
    "value",
    "width",
    "wrap",
];

/// Lower-cases names (HTML tag and attribute names are case-insensitive; html5ever reports
/// them lower-cased) and refuses empty or odd ones.
pub(super) fn name(kind: &str, raw: &str) -> Result<String> {
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

/// A tag name (no wildcard) or `"*"`.
fn tag_or_all(raw: &str) -> Result<String> {
    if raw == "*" {
        return Ok(raw.to_owned());
    }
    let tag = name("tag", raw)?;
    if tag.contains('*') {
        return Err(invalid(format!("tag {raw:?} is not a valid name")));
    }
    Ok(tag)
}

/// A transform, validated.
#[derive(Debug)]
pub(super) struct Transform {
    pub(super) tag_name: String,
    pub(super) attribs: Vec<(String, String)>,
    pub(super) merge: bool,
}

/// Which hosts an allowed `<iframe>` may load.
#[derive(Debug)]
pub(super) struct IframeRule {
    pub(super) hostnames: Option<Vec<String>>,
    pub(super) domains: Option<Vec<String>>,
    pub(super) relative: bool,
}

impl IframeRule {
    pub(super) fn allows(&self, src: &str) -> bool {
        match super::urls::iframe_host(src) {
            None => false,
            Some(None) => self.relative,
            Some(Some(host)) => {
                if self.hostnames.is_none() && self.domains.is_none() {
                    return true;
                }
                let exact = self.hostnames.iter().flatten().any(|h| *h == host);
                let domain = self.domains.iter().flatten().any(|d| {
                    host == *d
                        || (host.len() > d.len()
                            && host.ends_with(d.as_str())
                            && host.as_bytes()[host.len() - d.len() - 1] == b'.')
                });
                exact || domain
            }
        }
    }
}

/// Class rules of one tag (or `"*"`).
#[derive(Debug, Default)]
pub(super) struct ClassRule {
    pub(super) names: HashSet<String>,
    /// Globs and patterns.
    pub(super) patterns: Vec<ClassPattern>,
}

#[derive(Debug)]
pub(super) enum ClassPattern {
    Glob(regex::Regex),
    Js(JsRegex),
}

impl ClassPattern {
    fn is_match(&self, class: &str) -> bool {
        match self {
            ClassPattern::Glob(re) => re.is_match(class),
            ClassPattern::Js(re) => re.is_match(class),
        }
    }
}

impl ClassRule {
    pub(super) fn allows(&self, class: &str) -> bool {
        self.names.contains(class) || self.patterns.iter().any(|p| p.is_match(class))
    }
}

/// A validated policy, with every default resolved.
#[derive(Debug)]
pub(super) struct Compiled {
    pub(super) tags: HashSet<String>,
    pub(super) tag_attributes: HashMap<String, HashSet<String>>,
    pub(super) generic_attributes: HashSet<String>,
    pub(super) generic_prefixes: Vec<String>,
    pub(super) urls: UrlFilter,
    pub(super) classes: HashMap<String, ClassRule>,
    pub(super) link_rel: Option<String>,
    pub(super) strip_comments: bool,
    pub(super) non_text_tags: HashSet<String>,
    pub(super) mode: DisallowedTagsMode,
    pub(super) transforms: HashMap<String, Transform>,
    pub(super) transform_all: Option<Transform>,
    pub(super) iframe: Option<IframeRule>,
    pub(super) styles: StyleRules,
    pub(super) empty_attributes: HashSet<String>,
    pub(super) non_boolean: HashSet<String>,
    pub(super) non_boolean_all: bool,
    pub(super) enforce_html_boundary: bool,
    pub(super) nesting_limit: Option<usize>,
    pub(super) max_depth: usize,
    pub(super) max_bytes: usize,
}

fn glob(pattern: &str) -> Result<regex::Regex> {
    let parts: Vec<String> = pattern.split('*').map(regex::escape).collect();
    regex::Regex::new(&format!("^(?s:{})$", parts.join(".*")))
        .map_err(|err| invalid(format!("allowedClasses: {pattern:?}: {err}")))
}

fn js_regex(option: &str, p: &JsPattern) -> Result<JsRegex> {
    JsRegex::new(&p.source, &p.flags)
        .map_err(|err| invalid(format!("{option}: /{}/{}: {}", p.source, p.flags, err.message())))
}

impl Compiled {
    #[allow(clippy::too_many_lines)]
    pub(super) fn new(policy: &HtmlPolicy) -> Result<Compiled> {
        let defaults = Builder::default();
        let owned = |set: HashSet<&str>| set.into_iter().map(str::to_owned).collect();
        let iframe = if policy.allowed_iframe_hostnames.is_some()
            || policy.allowed_iframe_domains.is_some()
            || policy.allow_iframe_relative_urls == Some(true)
        {
            let hosts = |list: &Option<Vec<String>>| -> Result<Option<Vec<String>>> {
                let Some(list) = list else { return Ok(None) };
                list.iter()
                    .map(|h| {
                        if h.is_empty() || h.len() > 253 || h.contains(char::is_whitespace) {
                            return Err(invalid(format!("{h:?} is not a host name")));
                        }
                        Ok(h.clone())
                    })
                    .collect::<Result<Vec<_>>>()
                    .map(Some)
            };
            let hostnames = hosts(&policy.allowed_iframe_hostnames)?;
            let domains = hosts(&policy.allowed_iframe_domains)?;
            let relative = policy
                .allow_iframe_relative_urls
                .unwrap_or(hostnames.is_none() && domains.is_none());
            Some(IframeRule { hostnames, domains, relative })
        } else {
            None
        };
        let tags: HashSet<String> = match &policy.allowed_tags {
            Some(list) => {
                // The first forbidden tag in the policy's order (messages must not depend
                // on hashing).
                for raw in list {
                    let tag = raw.to_ascii_lowercase();
                    if tag == "iframe" && iframe.is_some() {
                        continue;
                    }
                    if FORBIDDEN_TAGS.contains(&tag.as_str()) {
                        let hint = if tag == "iframe" {
                            " without allowedIframeHostnames, allowedIframeDomains or allowIframeRelativeUrls"
                        } else {
                            ""
                        };
                        return Err(invalid(format!(
                            "allowedTags: <{tag}> can run script or change the page and is never allowed{hint}"
                        )));
                    }
                }
                let mut set = HashSet::new();
                for raw in list {
                    let tag = name("tag", raw)?;
                    if tag.contains('*') {
                        return Err(invalid(format!("tag {raw:?} is not a valid name")));
                    }
                    set.insert(tag);
                }
                set
            }
            None => owned(defaults.clone_tags()),
        };
        let mut styles: StyleRules = HashMap::new();
        for (tag, properties) in &policy.allowed_styles {
            let tag = tag_or_all(tag)?;
            let mut list = Vec::new();
            for (property, patterns) in properties {
                let valid = !property.is_empty()
                    && property.len() <= 64
                    && property
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                if !valid {
                    return Err(invalid(format!(
                        "allowedStyles: {property:?} is not a CSS property name"
                    )));
                }
                if matches!(property.to_ascii_lowercase().as_str(), "behavior" | "-moz-binding") {
                    return Err(invalid(format!(
                        "allowedStyles: {property:?} can run script and is never allowed"
                    )));
                }
                let patterns = patterns
                    .iter()
                    .map(|p| js_regex("allowedStyles", p))
                    .collect::<Result<Vec<_>>>()?;
                list.push((property.clone(), patterns));
            }
            styles.entry(tag).or_default().extend(list);
        }
        let mut generic_attributes = HashSet::new();
        let mut generic_prefixes = Vec::new();
        let tag_attributes = if let Some(entries) = &policy.allowed_attributes {
            let mut map: HashMap<String, HashSet<String>> = HashMap::new();
            for (tag, attrs) in entries {
                let tag = tag_or_all(tag)?;
                for attr in attrs {
                    let attr = name("attribute", attr)?;
                    let style_ok = attr == "style" && !styles.is_empty();
                    if attr.starts_with("on")
                        || (FORBIDDEN_ATTRIBUTES.contains(&attr.as_str()) && !style_ok)
                    {
                        let hint = if attr == "style" { " without allowedStyles" } else { "" };
                        return Err(invalid(format!(
                            "allowedAttributes: {attr:?} can run script or load content and is never allowed{hint}"
                        )));
                    }
                    match (tag.as_str(), attr.strip_suffix('*')) {
                        ("*", Some(prefix)) if !prefix.is_empty() && !prefix.contains('*') => {
                            if "on".starts_with(prefix) {
                                return Err(invalid(format!(
                                    "allowedAttributes: the prefix {attr:?} would allow event handlers"
                                )));
                            }
                            if !generic_prefixes.iter().any(|p| p == prefix) {
                                generic_prefixes.push(prefix.to_owned());
                            }
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
            map
        } else {
            generic_attributes = owned(defaults.clone_generic_attributes());
            defaults
                .clone_tag_attributes()
                .into_iter()
                .map(|(tag, attrs)| (tag.to_owned(), owned(attrs)))
                .collect()
        };
        let schemes = policy.allowed_schemes.as_deref().map(scheme_set).transpose()?;
        let mut schemes_by_tag = HashMap::new();
        for (tag, list) in &policy.allowed_schemes_by_tag {
            schemes_by_tag.insert(name("tag", tag)?, scheme_set(list)?);
        }
        let default_schemes = match schemes {
            Some(s) => s,
            None => owned(defaults.clone_url_schemes()),
        };
        let mut classes: HashMap<String, ClassRule> = HashMap::new();
        // In the policy's order (a tag listed twice: the last list wins, as in a map).
        let mut class_tags: Vec<String> = Vec::new();
        for (tag, list) in &policy.allowed_classes {
            let tag = tag_or_all(tag)?;
            let mut rule = ClassRule::default();
            for class in list.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                if class.contains('*') {
                    rule.patterns.push(ClassPattern::Glob(glob(class)?));
                } else {
                    rule.names.insert(class.to_owned());
                }
            }
            class_tags.retain(|t| *t != tag);
            class_tags.push(tag.clone());
            classes.insert(tag, rule);
        }
        for (tag, list) in &policy.allowed_class_patterns {
            let tag = tag_or_all(tag)?;
            let rule = classes.entry(tag.clone()).or_default();
            for p in list {
                rule.patterns.push(ClassPattern::Js(js_regex("allowedClasses", p)?));
            }
            if !class_tags.contains(&tag) {
                class_tags.push(tag);
            }
        }
        let link_rel = match &policy.link_rel {
            None => defaults.get_link_rel().map(str::to_owned),
            Some(rel) => rel.clone(),
        };
        // The checks below are in the policy's order (the defaults sorted), so a message
        // names the same offender on every call.
        let has_attr =
            |tag: &str, attr: &str| tag_attributes.get(tag).is_some_and(|s| s.contains(attr));
        if link_rel.is_some() && (generic_attributes.contains("rel") || has_attr("a", "rel")) {
            return Err(invalid("allowedAttributes: \"rel\" cannot be allowed while linkRel sets it (set linkRel: null)".into()));
        }
        if !classes.is_empty() && generic_attributes.contains("class") {
            return Err(invalid(
                "allowedClasses cannot be combined with \"class\" allowed for \"*\"".into(),
            ));
        }
        if let Some(tag) = class_tags.iter().find(|tag| has_attr(tag, "class")) {
            return Err(invalid(format!(
                "allowedClasses[{tag:?}] cannot be combined with \"class\" in allowedAttributes[{tag:?}]"
            )));
        }
        let non_text: Vec<String> = match &policy.non_text_tags {
            Some(list) => list.iter().map(|raw| name("tag", raw)).collect::<Result<Vec<_>>>()?,
            None => {
                let mut d: Vec<String> =
                    defaults.clone_clean_content_tags().into_iter().map(str::to_owned).collect();
                d.sort_unstable();
                d
            }
        };
        for tag in &non_text {
            if tags.contains(tag) {
                return Err(invalid(format!("<{tag}> cannot be both allowed and a non-text tag")));
            }
            if tag_attributes.contains_key(tag) {
                return Err(invalid(format!(
                    "<{tag}> is a non-text tag and cannot have allowed attributes"
                )));
            }
        }
        let mut transforms = HashMap::new();
        let mut transform_all = None;
        for (tag, t) in &policy.transform_tags {
            let tag = tag_or_all(tag)?;
            let tag_name = name("transformTags tag", &t.tag_name)?;
            if tag_name.contains('*') {
                return Err(invalid(format!("transformTags: {:?} is not a tag name", t.tag_name)));
            }
            let attribs = t
                .attribs
                .iter()
                .map(|(k, v)| {
                    let k = name("transformTags attribute", k)?;
                    if k.contains('*') {
                        return Err(invalid(format!(
                            "transformTags: {k:?} is not an attribute name"
                        )));
                    }
                    Ok((k, v.clone()))
                })
                .collect::<Result<Vec<_>>>()?;
            let transform = Transform { tag_name, attribs, merge: t.merge };
            if tag == "*" {
                transform_all = Some(transform);
            } else {
                transforms.insert(tag, transform);
            }
        }
        let names = |list: &[String]| -> Result<HashSet<String>> {
            list.iter().map(|raw| name("attribute", raw)).collect()
        };
        let empty_attributes = match &policy.allowed_empty_attributes {
            Some(list) => names(list)?,
            None => HashSet::from(["alt".to_owned()]),
        };
        let (non_boolean, non_boolean_all) = match &policy.non_boolean_attributes {
            Some(list) => {
                let set = names(list)?;
                let all = set.contains("*");
                (set, all)
            }
            None => (NON_BOOLEAN_ATTRIBUTES.iter().map(|s| (*s).to_owned()).collect(), false),
        };
        if policy.max_depth == 0 || policy.max_depth > MAX_MAX_DEPTH {
            return Err(invalid(format!("maxDepth must be between 1 and {MAX_MAX_DEPTH}")));
        }
        if policy.nesting_limit.is_some_and(|n| n > MAX_MAX_DEPTH) {
            return Err(invalid(format!("nestingLimit must be at most {MAX_MAX_DEPTH}")));
        }
        Ok(Compiled {
            tags,
            tag_attributes,
            generic_attributes,
            generic_prefixes,
            urls: UrlFilter {
                default_schemes,
                schemes_by_tag,
                allow_protocol_relative: policy.allow_protocol_relative,
            },
            classes,
            link_rel,
            strip_comments: policy.strip_comments,
            non_text_tags: non_text.into_iter().collect(),
            mode: policy.disallowed_tags_mode,
            transforms,
            transform_all,
            iframe,
            styles,
            empty_attributes,
            non_boolean,
            non_boolean_all,
            enforce_html_boundary: policy.enforce_html_boundary,
            nesting_limit: policy.nesting_limit,
            max_depth: policy.max_depth,
            max_bytes: policy.max_bytes,
        })
    }

    /// Whether `attr` passes the allowlist on `tag` (before its value is checked).
    pub(super) fn attribute_allowed(&self, tag: &str, attr: &str) -> bool {
        self.generic_attributes.contains(attr)
            || self.generic_prefixes.iter().any(|p| attr.starts_with(p.as_str()))
            || self.tag_attributes.get(tag).is_some_and(|s| s.contains(attr))
            || (attr == "class"
                && (self.classes.contains_key(tag) || self.classes.contains_key("*")))
    }
}
