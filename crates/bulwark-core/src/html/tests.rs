use super::urls::*;
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
            !lower.contains("<script") && !lower.contains("onerror") && !lower.contains("<style"),
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
        HtmlPolicy { allowed_attributes: Some(vec![("*".into(), vec!["ON*".into()])]), ..policy() },
        HtmlPolicy { allowed_attributes: Some(vec![("*".into(), vec!["o*".into()])]), ..policy() },
        HtmlPolicy {
            allowed_attributes: Some(vec![("p".into(), vec!["style".into()])]),
            ..policy()
        },
        HtmlPolicy {
            allowed_attributes: Some(vec![("p".into(), vec!["data-*".into()])]),
            ..policy()
        },
        HtmlPolicy { allowed_attributes: Some(vec![("a".into(), vec!["rel".into()])]), ..policy() },
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
    let s = Sanitizer::new(&HtmlPolicy { max_depth: 2000, max_bytes: any, ..policy() }).unwrap();
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
        ("<q cite=\"https://example.com/src\">x</q>", "<q cite=\"https://example.com/src\">x</q>"),
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
    for scheme in ["javascript", "vbscript", "data", "JAVASCRIPT", "jav&#x09;ascript", "&#x20;data"]
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
        assert!(message(&classes).starts_with("allowedClasses[\"p\"]"), "{}", message(&classes));
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

fn tags(list: &[&str]) -> Option<Vec<String>> {
    Some(list.iter().map(|t| (*t).to_owned()).collect())
}

fn attrs(list: &[(&str, &[&str])]) -> Option<Vec<(String, Vec<String>)>> {
    Some(
        list.iter()
            .map(|(t, a)| ((*t).to_owned(), a.iter().map(|x| (*x).to_owned()).collect()))
            .collect(),
    )
}

fn run(p: &HtmlPolicy, cases: &[(&str, &str)]) {
    let s = Sanitizer::new(p).unwrap();
    for (input, expected) in cases {
        assert_eq!(s.sanitize(input).unwrap(), *expected, "{input}");
    }
}

fn rename(to: &str) -> TagTransform {
    TagTransform { tag_name: to.into(), attribs: vec![], merge: true }
}

#[test]
fn transform_tags_rename_then_check() {
    let p = HtmlPolicy {
        allowed_tags: tags(&["ul", "li", "b", "p"]),
        allowed_attributes: attrs(&[("ul", &["class"]), ("p", &["title"])]),
        transform_tags: vec![
            ("ol".into(), rename("ul")),
            ("strong".into(), rename("b")),
            (
                "div".into(),
                TagTransform {
                    tag_name: "p".into(),
                    attribs: vec![("title".into(), "t".into()), ("onclick".into(), "x()".into())],
                    merge: true,
                },
            ),
            (
                "section".into(),
                TagTransform {
                    tag_name: "ul".into(),
                    attribs: vec![("class".into(), "foo".into())],
                    merge: false,
                },
            ),
            ("em".into(), rename("script")),
        ],
        ..policy()
    };
    run(
        &p,
        &[
            ("<ol><li>x</li></ol>", "<ul><li>x</li></ul>"),
            ("<strong>s</strong>", "<b>s</b>"),
            // Added attributes are filtered like the element's own.
            ("<div id=\"i\" title=\"old\">d</div>", "<p title=\"t\">d</p>"),
            ("<section class=\"a\" title=\"b\">s</section>", "<ul class=\"foo\">s</ul>"),
            // Renamed to a disallowed non-text tag: removed with its content.
            ("a<em>b</em>c", "ac"),
        ],
    );
    let all = HtmlPolicy {
        allowed_tags: tags(&["span"]),
        transform_tags: vec![("*".into(), rename("span"))],
        ..policy()
    };
    run(&all, &[("<b>x</b><i>y</i>", "<span>x</span><span>y</span>")]);
    // Renames are a first-pass matter: the result is still a fixed point.
    let s = Sanitizer::new(&p).unwrap();
    let once = s.sanitize("<ol><li>a<ol><li>b</li></ol></li></ol><div><div>x</div></div>").unwrap();
    // <div><div> renamed is <p><p></p></p>, which a browser reads as three paragraphs: the
    // output is that reading, and stable.
    assert_eq!(
        once,
        "<ul><li>a<ul><li>b</li></ul></li></ul><p title=\"t\"></p><p title=\"t\">x</p><p></p>"
    );
    assert_eq!(s.sanitize(&once).unwrap(), once);
}

#[test]
fn iframes_only_through_host_rules() {
    let base = HtmlPolicy {
        allowed_tags: tags(&["p", "iframe"]),
        allowed_attributes: attrs(&[("iframe", &["src", "srcdoc"])]),
        ..policy()
    };
    assert_eq!(Sanitizer::new(&base).unwrap_err().code(), ErrorCode::InvalidOptions);
    let base = HtmlPolicy { allowed_attributes: attrs(&[("iframe", &["src", "width"])]), ..base };
    assert_eq!(Sanitizer::new(&base).unwrap_err().code(), ErrorCode::InvalidOptions);
    let hosts = HtmlPolicy {
        allowed_iframe_hostnames: Some(vec!["www.youtube.com".into(), "player.vimeo.com".into()]),
        ..base.clone()
    };
    run(
        &hosts,
        &[
            (
                "<iframe src=\"https://www.youtube.com/embed/x\" width=\"5\"></iframe>",
                "<iframe src=\"https://www.youtube.com/embed/x\" width=\"5\"></iframe>",
            ),
            ("<iframe src=\"https://evil.com/\"></iframe>", "<iframe></iframe>"),
            ("<iframe src=\"https://www.youtube.com.evil.com/\"></iframe>", "<iframe></iframe>"),
            (
                "<iframe src=\"//www.youtube.com/x\"></iframe>",
                "<iframe src=\"//www.youtube.com/x\"></iframe>",
            ),
            ("<iframe src=\"/\\\\evil.com/x\"></iframe>", "<iframe></iframe>"),
            ("<iframe src=\"/embed/x\"></iframe>", "<iframe></iframe>"),
            ("<iframe src=\"javascript:alert(1)\"></iframe>", "<iframe></iframe>"),
            ("<iframe src=\"data:text/html,x\"></iframe>", "<iframe></iframe>"),
            ("<iframe src=\"relative://relative-site/x\"></iframe>", "<iframe></iframe>"),
            // The content of an iframe is never shown: it is dropped.
            ("<iframe><p>x</p><script>y</script></iframe>", "<iframe></iframe>"),
            ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<iframe></iframe>"),
        ],
    );
    let domains = HtmlPolicy {
        allowed_iframe_domains: Some(vec!["zoom.us".into()]),
        allow_iframe_relative_urls: Some(true),
        ..base.clone()
    };
    run(
        &domains,
        &[
            (
                "<iframe src=\"https://zoom.us/x\"></iframe>",
                "<iframe src=\"https://zoom.us/x\"></iframe>",
            ),
            (
                "<iframe src=\"https://a.zoom.us/x\"></iframe>",
                "<iframe src=\"https://a.zoom.us/x\"></iframe>",
            ),
            ("<iframe src=\"https://evilzoom.us/x\"></iframe>", "<iframe></iframe>"),
            ("<iframe src=\"/embed/x\"></iframe>", "<iframe src=\"/embed/x\"></iframe>"),
        ],
    );
    let relative = HtmlPolicy { allow_iframe_relative_urls: Some(true), ..base };
    run(
        &relative,
        &[
            ("<iframe src=\"/embed/x\"></iframe>", "<iframe src=\"/embed/x\"></iframe>"),
            (
                "<iframe src=\"https://any.example/\"></iframe>",
                "<iframe src=\"https://any.example/\"></iframe>",
            ),
        ],
    );
}

#[test]
fn disallowed_tags_modes() {
    let with = |mode| HtmlPolicy {
        allowed_tags: tags(&["i", "p"]),
        allowed_attributes: attrs(&[("*", &["title"])]),
        disallowed_tags_mode: mode,
        ..policy()
    };
    let input = "top <wiggly a=\"1\" title=\"t\">w<i>it</i></wiggly><br>x<p>";
    run(
        &with(DisallowedTagsMode::Escape),
        &[
            (input, "top &lt;wiggly title=\"t\"&gt;w<i>it</i>&lt;/wiggly&gt;&lt;br /&gt;x<p></p>"),
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ],
    );
    run(
        &with(DisallowedTagsMode::RecursiveEscape),
        &[(
            "top <wiggly>w<i>it</i></wiggly>",
            "top &lt;wiggly&gt;w&lt;i&gt;it&lt;/i&gt;&lt;/wiggly&gt;",
        )],
    );
    run(
        &with(DisallowedTagsMode::CompletelyDiscard),
        &[
            ("top <b>bold</b> <div>d<i>it</i>x</div> end", "<i>it</i>"),
            ("plain text", ""),
            ("<p>kept <b>gone</b></p>", "<p>kept </p>"),
        ],
    );
}

#[test]
fn allowed_styles_filter_declarations() {
    let re = |s: &str| JsPattern { source: s.into(), flags: "i".into() };
    let p = HtmlPolicy {
        allowed_tags: tags(&["p", "span"]),
        allowed_attributes: attrs(&[("*", &["style"])]),
        allowed_styles: vec![
            (
                "*".into(),
                vec![
                    (
                        "color".into(),
                        vec![
                            re(r"^#(0x)?[0-9a-f]+$"),
                            re(r"^rgb\(\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\)$"),
                        ],
                    ),
                    ("text-align".into(), vec![re("^left$"), re("^right$"), re("^center$")]),
                    ("background".into(), vec![re(".*")]),
                ],
            ),
            ("p".into(), vec![("font-size".into(), vec![re(r"^\d+rem$")])]),
        ],
        ..policy()
    };
    run(
        &p,
        &[
            (
                "<p style=\"color: #ff0000; text-align: center; font-size: 2rem; position: fixed\">x</p>",
                "<p style=\"color:#ff0000;text-align:center;font-size:2rem\">x</p>",
            ),
            ("<span style=\"font-size: 2rem\">x</span>", "<span>x</span>"),
            ("<p style=\"color: red\">x</p>", "<p>x</p>"),
            (
                "<p style=\"color: rgb(1, 2, 3) !important\">x</p>",
                "<p style=\"color:rgb(1, 2, 3) !important\">x</p>",
            ),
            // Loading or running anything is dropped whatever the patterns allow.
            ("<p style=\"background: url(https://e.com/x.png)\">x</p>", "<p>x</p>"),
            ("<p style=\"background: u\\72l(x)\">x</p>", "<p>x</p>"),
            ("<p style=\"background: expression(alert(1))\">x</p>", "<p>x</p>"),
            ("<p style=\"background: ex/**/pression(alert(1))\">x</p>", "<p>x</p>"),
            ("<p style=\"background: image-set('x.png' 1x)\">x</p>", "<p>x</p>"),
            (
                "<p style=\"background: red; -moz-binding: url(x)\">x</p>",
                "<p style=\"background:red\">x</p>",
            ),
            ("<p style=\"}{color:#fff\">x</p>", "<p>x</p>"),
            ("<p style=\"color:#fff;;;color\">x</p>", "<p style=\"color:#fff\">x</p>"),
        ],
    );
    // style without allowedStyles stays refused; unknown patterns are refused.
    let bare = HtmlPolicy { allowed_attributes: attrs(&[("*", &["style"])]), ..policy() };
    assert_eq!(Sanitizer::new(&bare).unwrap_err().code(), ErrorCode::InvalidOptions);
    let bad = HtmlPolicy {
        allowed_styles: vec![("*".into(), vec![("color".into(), vec![re("(?=a)")])])],
        ..policy()
    };
    assert_eq!(Sanitizer::new(&bad).unwrap_err().code(), ErrorCode::InvalidOptions);
    let behavior = HtmlPolicy {
        allowed_styles: vec![("*".into(), vec![("behavior".into(), vec![re(".*")])])],
        ..policy()
    };
    assert_eq!(Sanitizer::new(&behavior).unwrap_err().code(), ErrorCode::InvalidOptions);
    // A prefix cannot open style (or srcdoc) without allowedStyles.
    let prefix = HtmlPolicy { allowed_attributes: attrs(&[("*", &["s*"])]), ..policy() };
    run(&prefix, &[("<p style=\"color:red\" srcset=\"a.png\">x</p>", "<p srcset=\"a.png\">x</p>")]);
}

#[test]
fn allowed_classes_globs_star_and_patterns() {
    let p = HtmlPolicy {
        allowed_tags: tags(&["p", "b"]),
        allowed_attributes: attrs(&[]),
        allowed_classes: vec![
            ("*".into(), vec!["all".into(), "col-*".into()]),
            ("p".into(), vec!["lead".into()]),
        ],
        allowed_class_patterns: vec![(
            "b".into(),
            vec![JsPattern { source: "^x-\\d+$".into(), flags: String::new() }],
        )],
        ..policy()
    };
    run(
        &p,
        &[
            ("<p class=\"lead all col-6 evil\">x</p>", "<p class=\"lead all col-6\">x</p>"),
            ("<b class=\"lead x-12 x-a all\">x</b>", "<b class=\"x-12 all\">x</b>"),
            ("<b class=\"evil\">x</b>", "<b>x</b>"),
            ("<b class=\"col-\">x</b>", "<b class=\"col-\">x</b>"),
        ],
    );
    let bad = HtmlPolicy {
        allowed_class_patterns: vec![(
            "b".into(),
            vec![JsPattern { source: "(a)\\1".into(), flags: String::new() }],
        )],
        ..policy()
    };
    assert_eq!(Sanitizer::new(&bad).unwrap_err().code(), ErrorCode::InvalidOptions);
}

#[test]
fn empty_attributes_boundary_and_nesting_limit() {
    let p = HtmlPolicy {
        allowed_tags: tags(&["a", "img"]),
        allowed_attributes: attrs(&[("a", &["href", "title"]), ("img", &["alt", "src"])]),
        link_rel: Some(None),
        ..policy()
    };
    run(&p, &[("<a href=\"\" title=\"\">x</a><img alt=\"\" src=\"\">", "<a>x</a><img alt=\"\">")]);
    let keep = HtmlPolicy {
        allowed_empty_attributes: Some(vec!["alt".into(), "title".into()]),
        non_boolean_attributes: Some(vec!["*".into()]),
        ..p.clone()
    };
    run(
        &keep,
        &[("<a href=\"\" title=\"\">x</a><img alt src>", "<a title=\"\">x</a><img alt=\"\">")],
    );
    let none = HtmlPolicy { non_boolean_attributes: Some(vec![]), ..p };
    run(&none, &[("<a href=\"\" title=\"\">x</a>", "<a href=\"\" title=\"\">x</a>")]);
    let boundary = HtmlPolicy { enforce_html_boundary: true, ..policy() };
    run(
        &boundary,
        &[
            ("pre<html><body><p>in</p></body></html>post", "<p>in</p>"),
            ("no boundary <b>x</b>", "no boundary <b>x</b>"),
            ("a<HTML lang=en>b</HTML >c", "b"),
        ],
    );
    let nesting = HtmlPolicy { nesting_limit: Some(2), ..policy() };
    run(&nesting, &[("<div><div><div><div>x</div></div></div></div>", "<div><div>x</div></div>")]);
}

/// Generated documents for the stability properties (a subset of the JS suite's).
fn document() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let tag = prop::sample::select(vec![
        "p", "b", "i", "a", "div", "span", "ul", "li", "table", "tr", "td", "tbody", "form",
        "object", "svg", "math", "mtext", "select", "option", "pre", "textarea", "h1", "h2",
        "blink", "marquee", "script", "style", "iframe", "caption", "col", "dl", "dd", "button",
        "nobr", "ruby", "rt", "template", "br", "img", "title", "listing", "xmp", "noscript",
    ]);
    let text = prop::sample::select(vec![
        "x", " ", "\n", "\n\n", "&amp;", "&", "<", "a b", "\u{a0}", "</p>", "<!--c-->",
    ]);
    let leaf = text.prop_map(str::to_owned);
    leaf.prop_recursive(5, 48, 4, move |inner| {
        (tag.clone(), prop::collection::vec(inner, 0..4), any::<bool>()).prop_map(
            |(t, children, close)| {
                format!(
                    "<{t} title=\"{t}\">{}{}",
                    children.concat(),
                    if close { format!("</{t}>") } else { String::new() }
                )
            },
        )
    })
}

#[test]
fn never_nests_is_exactly_the_two_lists() {
    for name in VOID_TAGS.iter().chain(&SELF_CLOSING_SIBLINGS) {
        assert!(never_nests(name.as_bytes()), "{name}");
    }
    for name in
        ["", "a", "b", "div", "span", "pre", "table", "textarea", "ul", "brr", "P", "Li", "imgx"]
    {
        assert!(!never_nests(name.as_bytes()), "{name}");
    }
}

/// The depth estimate written plainly (a lower-cased `Vec` per tag, counts by name): the
/// reference for [`nesting_depth`], which interns names to avoid allocating per tag.
fn reference_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut open: std::collections::HashMap<Vec<u8>, usize> = std::collections::HashMap::new();
    let mut deepest = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            at = rest[3..]
                .windows(3)
                .position(|w| w == b"-->")
                .map_or(bytes.len(), |e| start + 6 + e);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let from = usize::from(closing);
        let len = rest[from..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        at = start + from + len;
        if len == 0 || !rest[from].is_ascii_alphabetic() {
            continue;
        }
        let name = rest[from..from + len].to_ascii_lowercase();
        let listed = |list: &[&str]| list.iter().any(|t| t.as_bytes() == name.as_slice());
        if listed(&VOID_TAGS) || listed(&SELF_CLOSING_SIBLINGS) {
            continue;
        }
        if closing {
            if open.get(&name).is_some_and(|&n| n > 0) {
                while let Some(top) = stack.pop() {
                    *open.get_mut(&top).unwrap() -= 1;
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

/// Tag soup for the depth estimate: mixed case, end tags without starts, comments, names
/// longer than its 32-byte buffer, more distinct names than it keeps unhashed.
fn tag_soup() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let long = "d".repeat(40);
    let piece = prop::sample::select(vec![
        "<div>".to_owned(),
        "</div>".to_owned(),
        "<DiV>".to_owned(),
        "</DIV>".to_owned(),
        "<b>".to_owned(),
        "</b>".to_owned(),
        "<i x=1>".to_owned(),
        "</i>".to_owned(),
        "<p>".to_owned(),
        "<li>".to_owned(),
        "<br>".to_owned(),
        "<img>".to_owned(),
        "<!--".to_owned(),
        "-->".to_owned(),
        "</script>".to_owned(),
        "<1>".to_owned(),
        "<".to_owned(),
        "x".to_owned(),
        format!("<{long}>"),
        format!("</{long}>"),
        format!("<{}>", long.to_uppercase()),
        "<h1>".to_owned(),
        "</H1>".to_owned(),
    ]);
    // More distinct short names than NameIds keeps unhashed (32).
    let numbered = (0..48u8, any::<bool>(), any::<bool>()).prop_map(|(n, close, upper)| {
        format!("<{}{}{n}>", if close { "/" } else { "" }, if upper { "T" } else { "t" })
    });
    prop::collection::vec(prop_oneof![piece, numbered], 0..120).prop_map(|p| p.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 2000, failure_persistence: None, ..Default::default() })]

    #[test]
    fn nesting_depth_equals_its_reference(html in tag_soup()) {
        proptest::prop_assert_eq!(nesting_depth(&html), reference_depth(&html), "{:?}", html);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 400, failure_persistence: None, ..Default::default() })]

    /// One pass suffices unless the walk flagged its output: an unflagged output is already
    /// what a second pass makes of it. And the sanitizer is idempotent.
    #[test]
    fn one_pass_is_stable_unless_flagged(doc in proptest::collection::vec(document(), 1..4)) {
        let html = doc.concat();
        for p in [
            policy(),
            HtmlPolicy { allowed_tags: tags(&["p", "b", "a", "div", "table", "td", "li", "form", "pre", "textarea"]), ..policy() },
            HtmlPolicy { allowed_tags: tags(&["p", "b", "i", "td", "tr"]), disallowed_tags_mode: DisallowedTagsMode::Escape, ..policy() },
            HtmlPolicy { allowed_tags: tags(&["p", "b", "i"]), disallowed_tags_mode: DisallowedTagsMode::RecursiveEscape, ..policy() },
            HtmlPolicy { allowed_tags: tags(&["p", "b", "i", "ul", "li"]), disallowed_tags_mode: DisallowedTagsMode::CompletelyDiscard, ..policy() },
            HtmlPolicy { nesting_limit: Some(2), strip_comments: false, ..policy() },
        ] {
            let s = Sanitizer::new(&p).unwrap();
            let first = walk::clean(&s.policy, &html, true);
            if !first.unstable {
                let again = walk::clean(&s.policy, &first.html, false);
                proptest::prop_assert_eq!(&again.html, &first.html, "input {:?}", html);
            }
            let once = s.sanitize(&html).unwrap();
            proptest::prop_assert_eq!(s.sanitize(&once).unwrap(), once.clone(), "input {:?}", html);
        }
    }
}
