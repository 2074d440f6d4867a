//! The core's own speed, without any binding: one group per capability, at the input sizes
//! the JS benches use (benches/js), so the cost of crossing into Rust can be read off.
use std::hint::black_box;

use bulwark_core::{compare, escape, password};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

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
        group.bench_with_input(BenchmarkId::new("escape_html utf8", size), &input, |b, s| b.iter(|| escape::escape_html(black_box(s)).len()));
        group.bench_with_input(BenchmarkId::new("escape_html_units utf16", size), &units, |b, s| b.iter(|| escape::escape_html_units(black_box(s)).len()));
        group.bench_with_input(BenchmarkId::new("unescape_html utf8", size), &escaped, |b, s| b.iter(|| escape::unescape_html(black_box(s)).len()));
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
    group.bench_function("hash_password OWASP", |b| b.iter(|| password::hash_password(black_box(b"correct horse"), &options)));
    let stored = password::hash_password(b"correct horse", &options).unwrap_or_default();
    let limits = password::CostLimits::default();
    group.bench_function("verify_password OWASP", |b| b.iter(|| password::verify_password(&stored, black_box(b"correct horse"), &limits)));
    group.finish();
}

criterion_group!(benches, bench_escape, bench_compare, bench_password);
criterion_main!(benches);
