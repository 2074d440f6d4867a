//! `allowedStyles`: the `style` attribute parsed as a CSS declaration list (cssparser, the
//! tokenizer of Servo and Firefox), each declaration kept only when its property is listed
//! for the tag (or `"*"`) and its value matches one of the property's patterns, as
//! sanitize-html does. Values that can load or run anything are dropped whatever the
//! patterns say.

use std::collections::HashMap;

use cssparser::{BasicParseErrorKind, Delimiter, ParseError, Parser, Token};

use crate::validators::JsRegex;

/// Properties never kept: they bind behaviour (old IE, old Firefox).
const FORBIDDEN_PROPERTIES: [&str; 2] = ["behavior", "-moz-binding"];

/// Text that, anywhere in a value, can fetch a resource or run script in some browser.
/// Checked on the lower-cased value after comments and escapes were refused, so the text
/// a browser reads is the text checked.
const FORBIDDEN_VALUE_PARTS: [&str; 14] = [
    "url(",
    "src(",
    "image(",
    "image-set(",
    "cross-fade(",
    "element(",
    "paint(",
    "expression(",
    "javascript:",
    "vbscript:",
    "data:",
    "-moz-binding",
    "behavior",
    "@import",
];

/// Allowed properties per tag (`"*"` for every tag), each with its value patterns.
pub(super) type StyleRules = HashMap<String, Vec<(String, Vec<JsRegex>)>>;

/// The declarations of `style` that `rules` allow for `tag`, serialized as sanitize-html
/// does (`prop:value` joined by `;`, with ` !important` kept). Empty when none survive.
pub(super) fn filter_style(style: &str, tag: &str, rules: &StyleRules) -> String {
    let for_tag = rules.get(tag);
    let for_all = rules.get("*");
    if for_tag.is_none() && for_all.is_none() {
        return String::new();
    }
    let mut out = String::new();
    let mut parser = Parser::new(style);
    while !parser.is_exhausted() {
        let declaration = parser.parse_until_after(Delimiter::Semicolon, |p| {
            let name = p.expect_ident()?.to_string();
            p.expect_colon()?;
            let start = p.position();
            let mut end = start;
            let mut important = false;
            let mut bang = false;
            while let Ok(token) = p.next() {
                let block = matches!(
                    token,
                    Token::Function(_)
                        | Token::ParenthesisBlock
                        | Token::SquareBracketBlock
                        | Token::CurlyBracketBlock
                );
                match token {
                    Token::BadUrl(_) | Token::BadString(_) | Token::UnquotedUrl(_) => {
                        return Err(refused(p));
                    }
                    Token::Delim('!') if !bang => bang = true,
                    Token::Ident(word) if bang && word.eq_ignore_ascii_case("important") => {
                        important = true;
                    }
                    _ if bang || important => return Err(refused(p)),
                    _ => {}
                }
                if block {
                    // Consumed now, so the position below is after the block. Blocks nested
                    // inside are skipped by cssparser without recursion.
                    let inner: Result<(), ParseError<()>> = p.parse_nested_block(|p| {
                        while let Ok(token) = p.next() {
                            if matches!(
                                token,
                                Token::BadUrl(_) | Token::BadString(_) | Token::UnquotedUrl(_)
                            ) {
                                return Err(refused(p));
                            }
                        }
                        Ok(())
                    });
                    inner?;
                }
                if !bang {
                    end = p.position();
                }
            }
            let whole = p.slice_from(start);
            let value = whole[..end.byte_index() - start.byte_index()].trim();
            Ok((name, value.to_owned(), important))
        });
        let Ok((name, value, important)) = declaration else { continue };
        if !value_is_safe(&name, &value) {
            continue;
        }
        let patterns = for_tag
            .into_iter()
            .chain(for_all)
            .flat_map(|list| list.iter())
            .filter(|(property, _)| *property == name)
            .flat_map(|(_, patterns)| patterns.iter());
        let mut patterns = patterns.peekable();
        if patterns.peek().is_none() {
            continue;
        }
        if !patterns.any(|re| re.is_match(&value)) {
            continue;
        }
        if !out.is_empty() {
            out.push(';');
        }
        out.push_str(&name);
        out.push(':');
        out.push_str(&value);
        if important {
            out.push_str(" !important");
        }
    }
    out
}

fn refused(_: &Parser<'_>) -> ParseError<()> {
    ParseError { kind: cssparser::ParseErrorKind::Basic(BasicParseErrorKind::QualifiedRuleInvalid) }
}

/// No comment, escape or control character (each can hide a function name from a
/// substring check, or from an older browser), no forbidden property, nothing that loads.
fn value_is_safe(name: &str, value: &str) -> bool {
    let property = name.to_ascii_lowercase();
    if FORBIDDEN_PROPERTIES.contains(&property.as_str()) || value.is_empty() {
        return false;
    }
    if value.contains("/*") || value.contains('\\') || value.chars().any(char::is_control) {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    !FORBIDDEN_VALUE_PARTS.iter().any(|part| lower.contains(part))
}
