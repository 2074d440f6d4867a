//! Allowlist HTML sanitizing with the option names sanitize-html users know, plus
//! [`strip_tags`].
//!
//! html5ever (the spec-compliant HTML5 parser behind ammonia and Servo) parses the input as
//! a browser would; one walk over the tree ([`walk`]) writes what the policy keeps. ammonia
//! supplies the default allowlists and [`strip_tags`]. A [`Sanitizer`] compiles a
//! [`HtmlPolicy`] once and reuses it for every call. Policies are validated when compiled:
//! options that would open a script-execution hole (allowing `<script>`, `on*` attributes,
//! `style` without `allowed_styles`, an `<iframe>` without a host rule, ...) are
//! `INVALID_OPTIONS`.

use std::collections::HashMap;
use std::sync::LazyLock;

use ammonia::Builder;

use crate::{Error, ErrorCode, Result};

mod policy;
mod rcdom;
mod style;
mod urls;
mod walk;

pub use policy::{
    DisallowedTagsMode, FORBIDDEN_ATTRIBUTES, FORBIDDEN_TAGS, HtmlPolicy, JsPattern,
    StyleProperties, TagTransform,
};

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

/// Elements that never hold children. (The depth estimate reads this list and the next
/// through [`never_nests`]; a test holds the three equal.)
#[cfg(test)]
const VOID_TAGS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements the parser closes implicitly when a sibling starts (`<p>a<p>b`, `<li>`s), which
/// therefore do not deepen the tree when written without end tags. Not counting them keeps
/// old-style HTML with thousands of unclosed paragraphs acceptable.
#[cfg(test)]
const SELF_CLOSING_SIBLINGS: [&str; 15] = [
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp",
];

/// Whether `name` (lower case) is in [`VOID_TAGS`] or [`SELF_CLOSING_SIBLINGS`]: one
/// `match` (by length, then bytes) rather than 29 comparisons per tag.
fn never_nests(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"rb"
            | b"rt"
            | b"rp"
    )
}

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
    // Open elements as name ids, and how many of each id are open.
    let mut names = NameIds::default();
    let mut open: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut lower = [0u8; 32];
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
        let raw = &rest[name_start..name_start + name_len];
        let long_name;
        let name: &[u8] = if let Some(buf) = lower.get_mut(..name_len) {
            buf.copy_from_slice(raw);
            buf.make_ascii_lowercase();
            buf
        } else {
            long_name = raw.to_ascii_lowercase();
            &long_name
        };
        if never_nests(name) {
            continue;
        }
        if closing {
            let Some(id) = names.find(name) else { continue };
            if open[id] > 0 {
                // Each element is pushed and popped once: linear overall.
                while let Some(top) = stack.pop() {
                    open[top] -= 1;
                    if top == id {
                        break;
                    }
                }
            }
        } else {
            let id = names.find(name).unwrap_or_else(|| {
                open.push(0);
                names.add(name, open.len() - 1)
            });
            open[id] += 1;
            stack.push(id);
            deepest = deepest.max(stack.len());
        }
    }
    deepest
}

/// Small ids for the distinct tag names of a document, without hashing the common case:
/// the first [`NameIds::FEW`] names of up to 8 bytes are packed into a `u64` each and
/// searched in order (a few compares per tag; bounded, so linear overall); longer names, and
/// any beyond those, go to a hash map.
#[derive(Default)]
struct NameIds {
    few: Vec<(u64, usize)>,
    more: HashMap<Vec<u8>, usize>,
}

impl NameIds {
    const FEW: usize = 32;

    /// Up to 8 name bytes in one word (names hold no NUL, so the padding is unambiguous).
    fn pack(name: &[u8]) -> Option<u64> {
        let mut word = [0u8; 8];
        word.get_mut(..name.len())?.copy_from_slice(name);
        Some(u64::from_le_bytes(word))
    }

    fn find(&self, name: &[u8]) -> Option<usize> {
        if let Some(key) = Self::pack(name) {
            if let Some(&(_, id)) = self.few.iter().find(|&&(k, _)| k == key) {
                return Some(id);
            }
            if self.few.len() < Self::FEW {
                return None; // every short name seen so far is in `few`
            }
        }
        self.more.get(name).copied()
    }

    /// Records `name` (not found before) as `id`; returns `id`.
    fn add(&mut self, name: &[u8], id: usize) -> usize {
        match Self::pack(name) {
            Some(key) if self.few.len() < Self::FEW => self.few.push((key, id)),
            _ => {
                self.more.insert(name.to_vec(), id);
            }
        }
        id
    }
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
#[derive(Debug)]
pub struct Sanitizer {
    policy: policy::Compiled,
}

impl Sanitizer {
    /// Validates and compiles `policy`.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for a forbidden tag, attribute or scheme, a malformed name or
    /// pattern, or a combination that cannot be honoured (for example `rel` allowed while
    /// `link_rel` sets it).
    pub fn new(policy: &HtmlPolicy) -> Result<Sanitizer> {
        Ok(Sanitizer { policy: policy::Compiled::new(policy)? })
    }

    /// Sanitizes `html`. Text without markup is returned as it is, without building a tree.
    ///
    /// # Errors
    /// `INPUT_TOO_LARGE` when `html` is longer than the policy's `max_bytes`;
    /// `INPUT_TOO_DEEP` when elements nest deeper than its `max_depth`.
    pub fn sanitize(&self, html: &str) -> Result<String> {
        self.sanitize_within(html, self.policy.max_bytes)
    }

    fn sanitize_within(&self, html: &str, max_bytes: usize) -> Result<String> {
        check_size(html, max_bytes)?;
        // `completelyDiscard` removes text outside allowed tags, so text is not kept as is.
        if is_plain_text(html) && self.policy.mode != DisallowedTagsMode::CompletelyDiscard {
            return Ok(html.to_owned());
        }
        check_depth(html, self.policy.max_depth)?;
        let mut pass = walk::clean(&self.policy, html, true);
        // Re-clean only output whose tree shape changed (see `walk`): what a browser
        // parses from the result must be exactly the tree that was checked.
        for _ in 1..MAX_PASSES {
            if !pass.unstable {
                break;
            }
            let next = walk::clean(&self.policy, &pass.html, false);
            if next.html == pass.html {
                break;
            }
            pass = next;
        }
        Ok(pass.html)
    }

    /// Whether `html` is returned without parsing (the JS layer's shortcut asks this).
    pub fn keeps_plain_text(&self) -> bool {
        self.policy.mode != DisallowedTagsMode::CompletelyDiscard
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

/// The default policy, compiled once.
static DEFAULT_SANITIZER: LazyLock<Result<Sanitizer>> =
    LazyLock::new(|| Sanitizer::new(&HtmlPolicy::default()));

/// Most cleaning passes a call makes; real documents settle in one (see [`walk`]), flagged
/// ones in two.
const MAX_PASSES: usize = 4;

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
mod tests;
