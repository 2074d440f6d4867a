//! One sanitizing pass: html5ever parses the fragment into a tree (as a browser would), and
//! one iterative walk over that tree writes the sanitized HTML directly, applying the
//! compiled policy to every node. No intermediate tree is built or mutated.
//!
//! The walk also reports whether its output might parse back into a different tree. That
//! happens only when the tree's shape changed: a removed element whose child elements moved
//! up a level (`<p><object><p>` becomes `<p><p></p></p>`, which parses as three paragraphs),
//! a renamed element, text moved into a table, a form inside a form. Everything else is a
//! parsed tree with subtrees and attributes removed, which serializes to markup that parses
//! back to itself. The caller re-cleans only flagged output.

use std::borrow::Cow;

use super::rcdom::{Handle, NodeData, RcDom};
use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, QualName, local_name, ns, parse_fragment};

use super::policy::{Compiled, DisallowedTagsMode, Transform};
use super::style::filter_style;

/// The result of one pass.
pub(super) struct Pass {
    pub(super) html: String,
    /// The output may re-parse into another tree: clean it again.
    pub(super) unstable: bool,
}

/// Elements without content or end tag (html5ever's serializer list).
const VOID: [&str; 18] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements where text other than whitespace is moved out (foster-parented) by the parser.
const TABLE_CONTEXT: [&str; 6] = ["table", "tbody", "thead", "tfoot", "tr", "colgroup"];

/// What the walk knows about a node's position.
#[derive(Clone, Copy)]
struct Ctx {
    /// Source elements above this node.
    depth: usize,
    /// Inside an element written as text by `recursiveEscape`.
    escaping: bool,
    /// The nearest source element above was kept (`completelyDiscard` drops text otherwise).
    parent_kept: bool,
    /// The nearest kept element above is a table part (text there would be moved).
    in_table: bool,
    /// A kept `<form>` is open above.
    in_form: bool,
}

enum Task {
    Node(Handle, Ctx),
    Owned(String),
}

/// One pass over `html`. `first` is the pass over the user's input: transforms, the
/// disallowed-tags mode and the HTML boundary apply only there; later passes (over our
/// own output) only re-check it.
pub(super) fn clean(policy: &Compiled, html: &str, first: bool) -> Pass {
    let input = if first && policy.enforce_html_boundary { html_boundary(html) } else { html };
    let dom = parse_fragment(
        RcDom::default(),
        ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("div")),
        vec![],
        false,
    )
    .one(input);
    let mut walk = Walk {
        policy,
        first,
        mode: if first { policy.mode } else { DisallowedTagsMode::Discard },
        out: String::with_capacity(input.len() + input.len() / 8),
        unstable: false,
        pre_mark: usize::MAX,
    };
    let root = {
        let children = dom.document.children.borrow();
        children.first().cloned()
    };
    if let Some(root) = root {
        let top =
            Ctx { depth: 0, escaping: false, parent_kept: false, in_table: false, in_form: false };
        walk.run(&root, top);
    }
    Pass { html: walk.out, unstable: walk.unstable || dom.reshaped.get() }
}

struct Walk<'p> {
    policy: &'p Compiled,
    first: bool,
    mode: DisallowedTagsMode,
    out: String,
    unstable: bool,
    /// Output length right after a `<pre>`, `<textarea>` or `<listing>` start tag: a
    /// newline written exactly there would be dropped by the parser, so it is doubled.
    pre_mark: usize,
}

impl Walk<'_> {
    fn run(&mut self, root: &Handle, top: Ctx) {
        let mut tasks: Vec<Task> = Vec::new();
        push_children(&mut tasks, root, top);
        while let Some(task) = tasks.pop() {
            match task {
                Task::Owned(s) => self.out.push_str(&s),
                Task::Node(node, ctx) => self.node(&node, ctx, &mut tasks),
            }
        }
    }

    fn node(&mut self, node: &Handle, ctx: Ctx, tasks: &mut Vec<Task>) {
        match &node.data {
            NodeData::Text { contents } => {
                let text = contents.borrow();
                if self.mode == DisallowedTagsMode::CompletelyDiscard && !ctx.parent_kept {
                    return;
                }
                self.text(&text, ctx);
            }
            NodeData::Comment { contents } => {
                if !self.policy.strip_comments && !ctx.escaping {
                    self.out.push_str("<!--");
                    self.out.push_str(contents);
                    self.out.push_str("-->");
                }
            }
            NodeData::Element { name, attrs, .. } => {
                let local: &str = &name.local;
                let foreign = name.ns != ns!(html);
                // Foreign content never survives: <svg> and <math> themselves are treated
                // as disallowed tags (their text may stay), anything inside them is removed
                // with its content, so no element changes namespace when re-parsed.
                if (foreign && !matches!(local, "svg" | "math")) || local == "selectedcontent" {
                    return;
                }
                let attrs = attrs.borrow();
                let mut list: Vec<(Cow<'_, str>, Cow<'_, str>)> = attrs
                    .iter()
                    .map(|a| (Cow::Borrowed(&*a.name.local), Cow::Borrowed(&*a.value)))
                    .collect();
                let mut tag: Cow<'_, str> = Cow::Borrowed(local);
                if self.first {
                    if let Some(t) = self.policy.transforms.get(local) {
                        tag = Cow::Owned(apply(t, &mut list));
                    }
                    if let Some(t) = &self.policy.transform_all {
                        tag = Cow::Owned(apply(t, &mut list));
                    }
                    if tag != local {
                        self.unstable = true;
                    }
                }
                self.element(node, &tag, &list, foreign, ctx, tasks);
            }
            NodeData::Document
            | NodeData::Doctype { .. }
            | NodeData::ProcessingInstruction { .. } => {}
        }
    }

    fn text(&mut self, text: &str, ctx: Ctx) {
        if ctx.in_table && !text.bytes().all(|b| b.is_ascii_whitespace()) {
            self.unstable = true;
        }
        if self.out.len() == self.pre_mark && text.starts_with('\n') {
            self.out.push('\n');
        }
        escape_text(&mut self.out, text);
    }

    #[allow(clippy::too_many_arguments)]
    fn element(
        &mut self,
        node: &Handle,
        tag: &str,
        attrs: &[(Cow<'_, str>, Cow<'_, str>)],
        foreign: bool,
        ctx: Ctx,
        tasks: &mut Vec<Task>,
    ) {
        let policy = self.policy;
        let limited = policy.nesting_limit.is_some_and(|n| ctx.depth >= n);
        let allowed = !foreign
            && !limited
            && !ctx.escaping
            && policy.tags.contains(tag)
            && (tag != "iframe" || policy.iframe.is_some());
        let void = VOID.contains(&tag);
        let child = Ctx { depth: ctx.depth + 1, parent_kept: allowed, ..ctx };
        if allowed {
            self.out.push('<');
            self.out.push_str(tag);
            self.attributes(tag, attrs);
            self.out.push('>');
            if matches!(tag, "pre" | "textarea" | "listing") {
                self.pre_mark = self.out.len();
            }
            if void {
                return;
            }
            if tag == "form" && ctx.in_form {
                self.unstable = true;
            }
            tasks.push(Task::Owned(format!("</{tag}>")));
            // An iframe's content is never shown (it is fallback text for old browsers).
            if tag != "iframe" {
                let inner = Ctx {
                    in_table: TABLE_CONTEXT.contains(&tag),
                    in_form: ctx.in_form || tag == "form",
                    ..child
                };
                push_children(tasks, node, inner);
            }
            return;
        }
        match self.mode {
            DisallowedTagsMode::Discard | DisallowedTagsMode::CompletelyDiscard => {
                if policy.non_text_tags.contains(tag) {
                    return;
                }
                if has_element_child(node) {
                    self.unstable = true;
                }
                push_children(tasks, node, child);
            }
            DisallowedTagsMode::Escape | DisallowedTagsMode::RecursiveEscape => {
                let mut markup = String::new();
                markup.push('<');
                markup.push_str(tag);
                let saved = std::mem::replace(&mut self.out, markup);
                self.attributes(tag, attrs);
                let mut markup = std::mem::replace(&mut self.out, saved);
                markup.push_str(if void { " />" } else { ">" });
                self.text(&markup, ctx);
                if void {
                    return;
                }
                let recursive = self.mode == DisallowedTagsMode::RecursiveEscape;
                if !recursive && has_element_child(node) {
                    self.unstable = true;
                }
                let mut end = String::new();
                escape_text(&mut end, &format!("</{tag}>"));
                tasks.push(Task::Owned(end));
                push_children(tasks, node, Ctx { escaping: ctx.escaping || recursive, ..child });
            }
        }
    }

    /// Writes the attributes of `tag` that the policy keeps, then the link `rel`.
    fn attributes(&mut self, tag: &str, attrs: &[(Cow<'_, str>, Cow<'_, str>)]) {
        let policy = self.policy;
        let link_rel = if tag == "a" { policy.link_rel.as_deref() } else { None };
        for (name, value) in attrs {
            let name: &str = name;
            if value.is_empty()
                && !policy.empty_attributes.contains(name)
                && (policy.non_boolean_all || policy.non_boolean.contains(name))
            {
                continue;
            }
            if !policy.attribute_allowed(tag, name) || never_allowed(policy, name) {
                continue;
            }
            if link_rel.is_some() && name == "rel" {
                continue;
            }
            let Some(value) = policy.urls.filter(tag, name, value) else { continue };
            if tag == "iframe"
                && name == "src"
                && !policy.iframe.as_ref().is_some_and(|rule| rule.allows(&value))
            {
                continue;
            }
            let value: Cow<'_, str> = match name {
                "class" => match filter_classes(policy, tag, &value) {
                    Some(v) => v,
                    None => continue,
                },
                "style" => {
                    let v = filter_style(&value, tag, &policy.styles);
                    if v.is_empty() {
                        continue;
                    }
                    Cow::Owned(v)
                }
                _ => value,
            };
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_attribute(&mut self.out, &value);
            self.out.push('"');
        }
        if let Some(rel) = link_rel {
            self.out.push_str(" rel=\"");
            escape_attribute(&mut self.out, rel);
            self.out.push('"');
        }
    }
}

/// Attributes no allowlist entry (a prefix such as `"s*"` included) can let through.
fn never_allowed(policy: &Compiled, name: &str) -> bool {
    name.starts_with("on")
        || match name {
            "style" => policy.styles.is_empty(),
            _ => super::FORBIDDEN_ATTRIBUTES.contains(&name),
        }
}

/// The classes of `value` that `tag` allows, joined by spaces; `None` when none remain.
/// No rule for the tag (nor for `"*"`): the value is kept as it is.
fn filter_classes<'v>(policy: &Compiled, tag: &str, value: &'v str) -> Option<Cow<'v, str>> {
    let rules = [policy.classes.get(tag), policy.classes.get("*")];
    if rules.iter().all(Option::is_none) {
        return Some(Cow::Borrowed(value));
    }
    let mut out = String::new();
    for class in value.split(|c: char| c.is_whitespace()).filter(|c| !c.is_empty()) {
        if rules.iter().flatten().any(|rule| rule.allows(class)) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(class);
        }
    }
    (!out.is_empty()).then_some(Cow::Owned(out))
}

/// Applies a transform: the new tag name, and the attributes merged into or replacing the
/// element's.
fn apply(t: &Transform, attrs: &mut Vec<(Cow<'_, str>, Cow<'_, str>)>) -> String {
    if !t.merge {
        attrs.clear();
    }
    for (name, value) in &t.attribs {
        match attrs.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = Cow::Owned(value.clone()),
            None => attrs.push((Cow::Owned(name.clone()), Cow::Owned(value.clone()))),
        }
    }
    t.tag_name.clone()
}

fn has_element_child(node: &Handle) -> bool {
    node.children.borrow().iter().any(|c| matches!(c.data, NodeData::Element { .. }))
}

fn push_children(tasks: &mut Vec<Task>, node: &Handle, ctx: Ctx) {
    let children = node.children.borrow();
    tasks.extend(children.iter().rev().map(|c| Task::Node(c.clone(), ctx)));
}

/// The part of `html` inside its last `<html>` start tag and the `</html>` after it (the
/// whole input when there is none), as sanitize-html's `enforceHtmlBoundary` reads it.
fn html_boundary(html: &str) -> &str {
    let bytes = html.as_bytes();
    let tag_at = |at: usize, closing: bool| {
        let name = if closing { &b"</html"[..] } else { &b"<html"[..] };
        bytes.len() >= at + name.len()
            && bytes[at..at + name.len()].eq_ignore_ascii_case(name)
            && bytes
                .get(at + name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
    };
    let mut start = None;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let i = at + i;
        if tag_at(i, false) {
            start = Some(i);
        }
        at = i + 1;
    }
    let Some(start) = start else { return html };
    let Some(gt) = memchr::memchr(b'>', &bytes[start..]) else { return "" };
    let content = start + gt + 1;
    let mut end = bytes.len();
    let mut at = content;
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let i = at + i;
        if tag_at(i, true) {
            end = i;
            break;
        }
        at = i + 1;
    }
    &html[content..end]
}

/// Text as html5ever's serializer escapes it: `&`, U+00A0, `<`, `>`.
pub(super) fn escape_text(out: &mut String, text: &str) {
    escape(out, text, false);
}

/// An attribute value as html5ever's serializer escapes it: `&`, U+00A0, `"`, `<`, `>`.
fn escape_attribute(out: &mut String, value: &str) {
    escape(out, value, true);
}

/// Bytes that may need escaping: 1 in text and attributes, 2 in attributes only. 0xC2 is
/// the first byte of U+00A0.
const SPECIAL: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'&' as usize] = 1;
    table[b'<' as usize] = 1;
    table[b'>' as usize] = 1;
    table[0xC2] = 1;
    table[b'"' as usize] = 2;
    table
};

fn escape(out: &mut String, text: &str, attribute: bool) {
    let bytes = text.as_bytes();
    let limit = if attribute { 2 } else { 1 };
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let kind = SPECIAL[byte as usize];
        if kind == 0 || kind > limit {
            i += 1;
            continue;
        }
        let (replacement, len) = match byte {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            _ if bytes.get(i + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        i += len;
        last = i;
    }
    out.push_str(&text[last..]);
}
