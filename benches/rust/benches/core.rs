//! The core's own speed, without any binding: one group per capability, at the input sizes
//! the JS benches use (benches/js), so the cost of crossing into Rust can be read off.
use std::hint::black_box;

use bulwark_core::{compare, escape, html, password};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn text(bytes: usize) -> String {
    let sample = "Hello <b>world</b> & \"friends\" — it's 5 > 3 / 2, isn't it? café &amp; ";
    sample.repeat(bytes / sample.len() + 1).chars().take(bytes).collect()
}

fn bench_escape(c: &mut Criterion) {
    let mut group = c.benchmark_group("escape");
    for size in [16, 1024, 64 * 1024] {
        let input = text(size);
        let units: Vec<u16> = input.encode_utf16().collect();
        let escaped = escape::escape_html(&input).into_owned();
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("escape_html utf8", size), &input, |b, s| {
            b.iter(|| escape::escape_html(black_box(s)).len())
        });
        group.bench_with_input(
            BenchmarkId::new("escape_html_units utf16", size),
            &units,
            |b, s| b.iter(|| escape::escape_html_units(black_box(s)).len()),
        );
        group.bench_with_input(BenchmarkId::new("unescape_html utf8", size), &escaped, |b, s| {
            b.iter(|| escape::unescape_html(black_box(s)).len())
        });
    }
    group.finish();
}

fn bench_html(c: &mut Criterion) {
    let mut group = c.benchmark_group("html");
    let markup = "<p class=\"c\">Hello <b>world</b>, <a href=\"https://example.com/\" onclick=\"evil()\">link</a><img src=x onerror=alert(1)><script>alert(1)</script></p>\n";
    let sanitizer = html::Sanitizer::new(&html::HtmlPolicy::default()).ok();
    for size in [1024usize, 16 * 1024] {
        let input = markup.repeat(size / markup.len() + 1);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("sanitize_html", size), &input, |b, s| {
            b.iter(|| html::sanitize_html(black_box(s)).map(|o| o.len()))
        });
        if let Some(sanitizer) = &sanitizer {
            group.bench_with_input(
                BenchmarkId::new("Sanitizer::sanitize", size),
                &input,
                |b, s| b.iter(|| sanitizer.sanitize(black_box(s)).map(|o| o.len())),
            );
        }
        group.bench_with_input(BenchmarkId::new("strip_tags", size), &input, |b, s| {
            b.iter(|| html::strip_tags(black_box(s)).map(|o| o.len()))
        });
    }
    group.finish();
}

fn bench_compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    for size in [32usize, 64] {
        let a = vec![7u8; size];
        let mut b = a.clone();
        b[size - 1] ^= 1;
        group.bench_function(BenchmarkId::new("timing_safe_equal", size), |bench| {
            bench.iter(|| compare::timing_safe_equal(black_box(&a), black_box(&b)))
        });
    }
    group.finish();
}

fn bench_password(c: &mut Criterion) {
    let mut group = c.benchmark_group("password");
    group.sample_size(10);
    let options = password::HashOptions::default();
    group.bench_function("hash_password OWASP", |b| {
        b.iter(|| password::hash_password(black_box(b"correct horse"), &options))
    });
    let stored = password::hash_password(b"correct horse", &options).unwrap_or_default();
    let limits = password::CostLimits::default();
    group.bench_function("verify_password OWASP", |b| {
        b.iter(|| password::verify_password(&stored, black_box(b"correct horse"), &limits))
    });
    // A 32-byte pepper and associated data: one more input to argon2's first hash only.
    let extra = password::ExtraInputs { secret: &[7u8; 32], associated_data: b"tenant 1" };
    let peppered =
        password::hash_password_with(b"correct horse", &extra, &options).unwrap_or_default();
    group.bench_function("verify_password OWASP with a pepper", |b| {
        b.iter(|| {
            password::verify_password_with(
                &peppered,
                black_box(b"correct horse"),
                extra.secret,
                &limits,
            )
        })
    });
    group.finish();
}

/// An API-like JSON document of about `bytes` bytes, as the JS json bench builds.
fn json_document(bytes: usize) -> String {
    let mut items = Vec::new();
    let mut size = 12;
    let mut i = 0;
    while size < bytes {
        let item = format!(
            r#"{{"id":{i},"name":"user {i}","email":"user{i}@example.com","active":{},"tags":["alpha","café ☕"],"address":{{"street":"{i} Main St","city":"quote \"here\"","zip":"{}","geo":{{"lat":{}.5,"lng":-{}.25}}}},"notes":null}}"#,
            i % 3 == 0,
            10000 + i,
            i % 90,
            i % 180
        );
        size += item.len() + 1;
        items.push(item);
        i += 1;
    }
    format!(r#"{{"items":[{}]}}"#, items.join(","))
}

fn bench_json(c: &mut Criterion) {
    use bulwark_core::json;
    let mut group = c.benchmark_group("json");
    for size in [1024, 64 * 1024, 1024 * 1024] {
        let doc = json_document(size);
        let units: Vec<u16> = doc.encode_utf16().collect();
        let options = json::JsonOptions::default();
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_with_input(BenchmarkId::new("scan_units utf8", size), &doc, |b, d| {
            b.iter(|| json::scan_units(black_box(d.as_bytes()), 128))
        });
        group.bench_with_input(BenchmarkId::new("scan_units utf16", size), &units, |b, u| {
            b.iter(|| json::scan_units(black_box(u), 128))
        });
        group.bench_with_input(BenchmarkId::new("parse_json", size), &doc, |b, d| {
            b.iter(|| json::parse_json(black_box(d), &options))
        });
    }
    group.finish();
}

fn bench_merge(c: &mut Criterion) {
    use bulwark_core::{json, merge};
    let mut group = c.benchmark_group("merge");
    for leaves in [1_000usize, 20_000] {
        let doc = |salt: usize| {
            let items: Vec<String> = (0..leaves / 5)
                .map(|i| {
                    format!(r#""k{i}":{{"a":{},"b":"s{i}","c":[{i},true],"d":null}}"#, i + salt)
                })
                .collect();
            json::parse_data(&format!("{{{}}}", items.join(","))).unwrap_or_default()
        };
        let (target, source) = (doc(0), [doc(1)]);
        let options = merge::MergeOptions::default();
        group.bench_function(BenchmarkId::new("merge", leaves), |b| {
            b.iter(|| merge::merge(black_box(&target), &source, &options))
        });
        let sanitize = merge::SanitizeOptions::default();
        group.bench_function(BenchmarkId::new("sanitize_keys", leaves), |b| {
            b.iter(|| merge::sanitize_keys(black_box(&target), &sanitize))
        });
    }
    group.finish();
}

fn bench_paths(c: &mut Criterion) {
    use bulwark_core::paths;
    let mut group = c.benchmark_group("paths");
    let options = paths::ResolveOptions::default();
    // The JS bench's inputs: a file name, three segments, dot segments, ~1 KiB of them.
    let dotted = "assets/img/../css/./themes/dark/v2/../v3/".repeat(25);
    for (name, input) in [
        ("file name", "index.css"),
        ("3 segments", "assets/img/logo-dark.png"),
        ("dot segments", "assets/img/../css/./themes/dark/main.css"),
        ("1 KiB", dotted.as_str()),
    ] {
        group.bench_with_input(BenchmarkId::new("resolve_within", name), input, |b, p| {
            b.iter(|| paths::resolve_within("/srv/app/public", black_box(p), &options))
        });
    }
    group.bench_function("decode_path_segment", |b| {
        b.iter(|| paths::decode_path_segment(black_box("caf%C3%A9%20menu%20%282024%29.pdf")))
    });
    let filename = paths::FilenameOptions::default();
    group.bench_function("sanitize_filename", |b| {
        b.iter(|| {
            paths::sanitize_filename(
                black_box("../Quarterly report: Q3 \u{202e}fdp.exe"),
                &filename,
            )
        })
    });
    group.finish();
}

fn bench_ssrf(c: &mut Criterion) {
    use bulwark_core::ssrf;
    let mut group = c.benchmark_group("ssrf");
    for input in ["93.184.215.14", "0x7f.1", "2001:4860:4860::8888", "::ffff:169.254.169.254"] {
        group.bench_with_input(BenchmarkId::new("classify_ip", input), input, |b, s| {
            b.iter(|| ssrf::classify_ip(black_box(s)))
        });
    }
    let answer = ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"];
    group.bench_function("classify_ips 2 addresses", |b| {
        b.iter(|| ssrf::classify_ips(black_box(&answer)))
    });
    let checker = ssrf::UrlChecker::new(&ssrf::UrlPolicy::default());
    if let Ok(checker) = checker {
        group.bench_function("check_url", |b| {
            b.iter(|| checker.check(black_box("https://api.example.com/v1/items?page=2#top")))
        });
    }
    group.finish();
}

fn bench_validators(c: &mut Criterion) {
    use bulwark_core::validators::Rule;
    let mut group = c.benchmark_group("validators");
    // The JS bench's realistic inputs, through compiled rules (what the bindings call).
    let cases = [
        ("isEmail", "", "john.doe@example.com"),
        ("isEmail", r#"{"allow_display_name":true}"#, "John Doe <john.doe@example.com>"),
        ("isURL", "", "https://www.example.com/path/to/page?query=1#top"),
        ("isFQDN", "", "api.example.co.uk"),
        ("isIP", "", "2001:db8::ff00:42:8329"),
        ("isUUID", "", "3b241101-e2bb-4255-8caf-4136c566a962"),
        ("isISO8601", "", "2024-01-15T10:30:00Z"),
        ("isJSON", "", r#"{"a":1,"b":[1,2,3],"c":"x"}"#),
        ("isStrongPassword", "", "Str0ng!Passw0rd"),
        ("isAlpha", r#"{"locale":"de-DE"}"#, "Jürgen"),
        ("isSemVer", "", "1.2.3-beta.1+build.5"),
        ("matches", r#"{"pattern":"^[a-z]+$"}"#, "hello"),
    ];
    for (name, options, input) in cases {
        let Ok(rule) = Rule::from_json(name, options) else { continue };
        group.bench_with_input(BenchmarkId::new(name, input), input, |b, s| {
            b.iter(|| rule.test(black_box(s)))
        });
    }
    // 1 MiB inputs scanned to the end: a valid slug, and the ISO 8601 ReDoS shape.
    let slug_input = format!("a{}", "-a".repeat(512 * 1024));
    let iso_input = format!("2020-01-01T00:00:00.{}:", "1".repeat(1 << 20));
    for (name, input) in [("isSlug", slug_input), ("isISO8601", iso_input)] {
        let Ok(rule) = Rule::from_json(name, "") else { continue };
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(format!("{name} 1 MiB"), |b| b.iter(|| rule.test(black_box(&input))));
    }
    group.finish();
}

fn bench_sanitizers(c: &mut Criterion) {
    use bulwark_core::sanitizers::{
        self, CharClass, CharsKind, NormalizationForm, NormalizeEmailOptions,
    };
    let mut group = c.benchmark_group("sanitizers");
    let units16 = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
    let Ok(angles) = CharClass::parse(CharsKind::Blacklist, &units16("<>")) else { return };
    let Ok(alnum) = CharClass::parse(CharsKind::Whitelist, &units16("a-zA-Z0-9 ")) else { return };
    let space = CharClass::js_whitespace();
    for size in [16usize, 1024, 64 * 1024] {
        let input = format!("  {}\x07  ", text(size));
        let units = units16(&input);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("trim_units", size), &units, |b, u| {
            b.iter(|| sanitizers::trim_units(black_box(u), &space).len())
        });
        group.bench_with_input(
            BenchmarkId::new("remove_units blacklist <>", size),
            &units,
            |b, u| b.iter(|| sanitizers::remove_units(black_box(u), &angles).len()),
        );
        group.bench_with_input(
            BenchmarkId::new("remove_units whitelist alnum", size),
            &units,
            |b, u| b.iter(|| sanitizers::remove_units(black_box(u), &alnum).len()),
        );
        group.bench_with_input(BenchmarkId::new("strip_low_units", size), &units, |b, u| {
            b.iter(|| sanitizers::strip_low_units(black_box(u), false).len())
        });
        group.bench_with_input(BenchmarkId::new("normalize_unicode NFC", size), &input, |b, s| {
            b.iter(|| sanitizers::normalize_unicode(black_box(s), NormalizationForm::Nfc).len())
        });
        group.bench_with_input(BenchmarkId::new("normalize_unicode NFD", size), &input, |b, s| {
            b.iter(|| sanitizers::normalize_unicode(black_box(s), NormalizationForm::Nfd).len())
        });
    }
    group.throughput(Throughput::Elements(1));
    let defaults = NormalizeEmailOptions::default();
    group.bench_function("normalize_email gmail", |b| {
        b.iter(|| sanitizers::normalize_email(black_box("Some.One+news@GoogleMail.com"), &defaults))
    });
    group.bench_function("to_int", |b| b.iter(|| sanitizers::to_int(black_box("12345"), None)));
    group.bench_function("parse class a-zA-Z0-9", |b| {
        b.iter(|| {
            CharClass::parse(CharsKind::Whitelist, black_box(&units16("a-zA-Z0-9 ")))
                .map(|c| c.ranges().len())
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_escape,
    bench_html,
    bench_compare,
    bench_password,
    bench_json,
    bench_merge,
    bench_paths,
    bench_ssrf,
    bench_validators,
    bench_sanitizers
);
criterion_main!(benches);
