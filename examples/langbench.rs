//! Language identification, answer by answer: `lang::detect` over a file of texts (one per
//! line), each answer printed on its own line (`-` for none), the average time per text on
//! stderr. Diffing the answers of two builds shows whether a change to `src/post/lang/mod.rs` changed
//! what it says; `examples/langbench-texts.txt` is a multilingual set written for that.
//!
//! ```text
//! cargo run --release --example langbench -- examples/langbench-texts.txt [PASSES] > answers.txt
//! ```

use embedscan::_internal::lang;
use std::hint::black_box;
use std::time::Instant;

/// Timed passes over the texts after the answering one, unless told; the fastest is reported.
const PASSES: usize = 5;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: langbench TEXTS.txt [PASSES]");
    let passes: usize = args
        .next()
        .map_or(PASSES, |n| n.parse().expect("PASSES a number"));
    let all = std::fs::read_to_string(&path).expect("texts readable");
    let texts: Vec<&str> = all.lines().collect();

    // The first pass gives the answers (and warms the lazily built tables).
    let mut out = String::new();
    for text in &texts {
        out.push_str(lang::detect(text).as_deref().unwrap_or("-"));
        out.push('\n');
    }
    print!("{out}");

    let mut best = f64::INFINITY;
    for _ in 0..passes {
        let t = Instant::now();
        for text in &texts {
            black_box(lang::detect(black_box(text)));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    eprintln!(
        "{} texts, {:.2} µs/text (fastest of {passes} passes)",
        texts.len(),
        best * 1e6 / texts.len() as f64
    );
}
