//! Where the time goes: each pipeline stage timed separately over a JSON Lines corpus.
//!
//! ```text
//! cargo run --release --example stages -- CORPUS.jsonl
//! ```

use embedscan::_internal::records;
use embedscan::_internal::{detect, post, quote};
use embedscan::input::RecordFields;
use embedscan::{assemble, Detector, Extraction};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages CORPUS.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("corpus readable"));
    let mut docs = Vec::new();
    records::read(
        file,
        path.as_ref(),
        &RecordFields::default(),
        &mut |e| eprintln!("{e}"),
        &mut |d| docs.push(d),
    );
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1_048_576.0;
    let report = |name: &str, t: Instant| {
        let s = t.elapsed().as_secs_f64();
        println!("{name:<28} {s:>7.3} s {:>9.1} MB/s", mb / s);
    };
    println!("{mb:.1} MB in {} documents", docs.len());

    let t = Instant::now();
    let detector = Detector::new();
    let sightings: Vec<_> = docs.iter().map(|d| detect::scan(&detector, d)).collect();
    report("detect posts", t);

    let t = Instant::now();
    let posts: Vec<_> = docs
        .iter()
        .zip(&sightings)
        .map(|(d, s)| post::build_all(d, s))
        .collect();
    report("build posts (entities, lang)", t);

    let t = Instant::now();
    let quotes: Vec<_> = docs
        .iter()
        .zip(&sightings)
        .map(|(d, s)| quote::extract(d, &s.iter().map(|x| x.start..x.end).collect::<Vec<_>>()))
        .collect();
    report("extract quotes", t);

    let extractions: Vec<Extraction> = docs
        .iter()
        .zip(posts)
        .zip(quotes)
        .map(|((d, posts), quotes)| Extraction {
            document: embedscan::model::DocumentInfo {
                name: d.name.clone(),
                date: d.date.clone(),
                bytes: d.text.len(),
            },
            posts,
            quotes,
        })
        .collect();
    let t = Instant::now();
    let mut posts: Vec<_> = extractions.iter().flat_map(|e| e.posts.clone()).collect();
    let mut quotes: Vec<_> = extractions.iter().flat_map(|e| e.quotes.clone()).collect();
    embedscan::_internal::versions::fold(&mut posts);
    report("  versions", t);
    let t = Instant::now();
    let mut merged = embedscan::_internal::dedup::merge(posts);
    report("  dedup", t);
    let t = Instant::now();
    embedscan::_internal::link::link_quotes(&mut merged, &mut quotes);
    report("  link", t);

    let t = Instant::now();
    let feed = assemble(extractions);
    report("assemble (dedup, link)", t);

    let t = Instant::now();
    let mut out = Vec::new();
    embedscan::output::write(&feed, embedscan::output::Format::Json, &mut out).expect("written");
    report("write JSON", t);
}
