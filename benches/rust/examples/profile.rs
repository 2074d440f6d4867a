//! A driver for profilers: runs one workload of the core `count` times, with the inputs the
//! JS benches use (benches/js), so `valgrind --tool=callgrind` (instruction counts, which do
//! not depend on the machine's load) or `perf record` can say where the time goes. See
//! docs/performance.md ("Profiles") for the commands and the results.
//!
//! ```text
//! cargo run --profile ci -p bulwark-bench --example profile -- <workload> [count]
//! ```
//!
//! Workloads: `sanitize_html <KiB>`, `hash_password`, `verify_password`,
//! `normalize <NFC|NFD|NFKC|NFKD> <latin-KiB|hangul>`, `escape_html <KiB>` (the JS bench's
//! text, as UTF-16), `find_poisoning <file>` (JSON text
//! in a file, decided as the native addon does: UTF-16, both rules; write the JS bench's
//! poisoned 1 KiB document with `node benches/js/json.bench.js --write-poisoned <file>`).
use std::hint::black_box;

use bulwark_core::sanitizers::{self, NormalizationForm};
use bulwark_core::{escape, html, json, password};

/// benches/js/html.bench.js's markup unit.
const MARKUP: &str = concat!(
    "<p class=\"c\">Hello <b>world</b>, <i>see</i> <a href=\"https://example.com/x?a=1&amp;b=2\" onclick=\"evil()\">this link</a>",
    " and <img src=\"x.png\" alt=\"pic\" onerror=\"alert(1)\"><script>alert(1)</script><!-- note --></p>\n",
    "<ul><li>one</li><li>two &amp; three</li></ul><div><span title=\"t\">nested <em>text</em></span></div>\n",
);

/// benches/js/sanitizers.bench.js's Latin text, `units` UTF-16 units long.
fn latin(units: usize) -> String {
    let unit: Vec<u16> =
        "Crème brûlée, déjà vu — naïve façade, Ångström. ".encode_utf16().collect();
    let all: Vec<u16> = unit.iter().copied().cycle().take(units).collect();
    String::from_utf16_lossy(&all)
}

fn usage() -> ! {
    eprintln!(
        "usage: profile sanitize_html <KiB> | hash_password | verify_password | normalize <form> <latin-KiB|hangul> | escape_html <KiB> | find_poisoning <file> [count]"
    );
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or_else(|| usage());
    let count_at = |i: usize| args.get(i).and_then(|s| s.parse::<usize>().ok()).unwrap_or(1);
    let mut sink = 0usize;
    match arg(0) {
        "sanitize_html" => {
            let kib: usize = arg(1).parse().unwrap_or_else(|_| usage());
            let input = MARKUP
                .repeat(((kib * 1024) as f64 / MARKUP.len() as f64).round().max(1.0) as usize);
            for _ in 0..count_at(2) {
                sink += html::sanitize_html(black_box(&input)).map_or(0, |o| o.len());
            }
        }
        "hash_password" => {
            let options = password::HashOptions::default();
            for _ in 0..count_at(1) {
                sink += password::hash_password(black_box(b"correct horse"), &options)
                    .map_or(0, |h| h.len());
            }
        }
        "verify_password" => {
            let options = password::HashOptions::default();
            let stored = password::hash_password(b"correct horse", &options).unwrap_or_default();
            let limits = password::CostLimits::default();
            for _ in 0..count_at(1) {
                sink += usize::from(
                    password::verify_password(&stored, black_box(b"correct horse"), &limits)
                        .unwrap_or(false),
                );
            }
        }
        "normalize" => {
            let form: NormalizationForm = arg(1).parse().unwrap_or_else(|_| usage());
            let input = match arg(2) {
                "hangul" => {
                    let unit: Vec<u16> =
                        "한국어 텍스트 日本語のテキスト ガギグ ".encode_utf16().collect();
                    String::from_utf16_lossy(
                        &unit.iter().copied().cycle().take(1024).collect::<Vec<_>>(),
                    )
                }
                kib => latin(kib.parse::<usize>().unwrap_or_else(|_| usage()) * 1024),
            };
            // What the native addon calls: UTF-16 in, UTF-16 out.
            let units: Vec<u16> = input.encode_utf16().collect();
            for _ in 0..count_at(3) {
                sink += sanitizers::normalize_unicode_units(black_box(&units), form).len();
            }
        }
        "escape_html" => {
            // benches/js/escape.bench.js's text: prose with markup-ish characters.
            let sample = "Hello <b>world</b> & \"friends\" \u{2014} it's 5 > 3 / 2, isn't it? caf\u{e9} &amp; ";
            let kib: usize = arg(1).parse().unwrap_or_else(|_| usage());
            let units: Vec<u16> = sample.encode_utf16().cycle().take(kib * 1024).collect();
            for _ in 0..count_at(2) {
                sink += escape::escape_html_units(black_box(&units[..])).len();
            }
        }
        "find_poisoning" => {
            let text = std::fs::read_to_string(arg(1)).unwrap_or_else(|_| usage());
            let units: Vec<u16> = text.encode_utf16().collect();
            for _ in 0..count_at(2) {
                let verdict = json::find_poisoning(black_box(&units[..]), 128, true, true);
                sink += usize::from(verdict.is_ok_and(|v| v == json::Poisoning::Poisoned));
            }
        }
        _ => usage(),
    }
    println!("{sink}");
}
