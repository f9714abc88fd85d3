//! Scanner throughput (criterion, `Throughput::Bytes`): post detection alone, the whole
//! per-document extraction, and adversarial inputs that must stay linear.
//!
//! `cargo bench --bench scan`; `scripts/bench` measures the binary end to end.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use embedscan::{extract, Detector, Document};
use std::hint::black_box;

/// About `size` bytes of article prose with one embedded post every 3 KB or so.
fn article(size: usize) -> String {
    let prose = "The council said on Tuesday that officials would review the budget after talks \
                 between the two sides, and a report by local media showed crowds gathered in the \
                 capital. Residents said the river had risen overnight and the bridge was closed. ";
    let mut text = String::with_capacity(size + 4096);
    let mut n = 0;
    while text.len() < size {
        for _ in 0..3 {
            text.push_str(prose);
            text.push_str(prose);
            text.push_str("\n\n");
        }
        n += 1;
        text.push_str(&format!(
            "Gates {n} are open now #River https://t.co/Ab{n:06} pic.twitter.com/Xy{n:06} — River Report (@RiverReport) June 1, 2021\n\n“We will review it,” the minister said.\n\n"
        ));
    }
    text
}

fn detection(c: &mut Criterion) {
    let mut group = c.benchmark_group("detect");
    for size in [64 << 10, 1 << 20] {
        let doc = Document::new("bench.txt", article(size));
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_with_input(BenchmarkId::new("posts", size), &doc, |b, doc| {
            let detector = Detector::new();
            b.iter(|| black_box(embedscan::_internal::detect::scan(&detector, doc)))
        });
        group.bench_with_input(BenchmarkId::new("extract", size), &doc, |b, doc| {
            b.iter(|| black_box(extract(doc)))
        });
    }
    group.finish();
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    let size = 1 << 20;
    let cases: [(&str, String); 6] = [
        ("hashes", "#".repeat(size)),
        ("paren-at", "(@".repeat(size / 2)),
        ("em-dashes", "—".repeat(size / 3)),
        ("curly-quotes", "“".repeat(size / 3)),
        ("blank-lines", "\n".repeat(size)),
        ("one-line", "word (@x) — “q” #t ".repeat(size / 22)),
    ];
    for (name, text) in cases {
        let doc = Document::new(name, text);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_with_input(BenchmarkId::new("extract", name), &doc, |b, doc| {
            b.iter(|| black_box(extract(doc)))
        });
    }
    group.finish();
}

criterion_group!(benches, detection, adversarial);
criterion_main!(benches);
