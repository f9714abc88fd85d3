//! The real-world set (`fixtures/realworld`: real articles in many languages, with hand-checked
//! gold) scored by `scripts/score.py`, with minimums just under what the scanner reaches.
//!
//! The minimums only go up: when a change raises a figure, raise its minimum with it. The scorer
//! prints every miss, spurious record and wrong field; run it by hand as the README shows.

use crate::common;

use std::path::Path;
use std::process::Command;

/// Minimums of the scorer's summary figures on the whole set.
const MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.98),
    ("post_recall", 0.98),
    ("field_accuracy", 0.988),
    ("dedup", 0.975),
    ("quote_precision", 0.94),
    ("quote_recall", 0.85),
    ("speaker_accuracy", 0.636),
    ("quote_links", 0.945),
];

#[test]
fn realworld_set_meets_its_minimums() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = common::temp_dir("realworld-score");
    let gold = dir.join("gold.json");
    let pred = dir.join("pred.json");

    let combined = Command::new("python3")
        .arg(root.join("scripts/realworld-gold"))
        .arg(root.join("fixtures/realworld"))
        .output()
        .expect("python3 runs");
    assert!(
        combined.status.success(),
        "scripts/realworld-gold failed: {}",
        String::from_utf8_lossy(&combined.stderr)
    );
    std::fs::write(&gold, &combined.stdout).unwrap();

    let docs = root.join("fixtures/realworld/docs");
    let out = common::embedscan(&[docs.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", common::stderr(&out));
    std::fs::write(&pred, &out.stdout).unwrap();

    let mut score = Command::new("python3");
    score
        .arg(root.join("scripts/score.py"))
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .arg("-v");
    for (name, min) in MINIMUMS {
        score.arg("--min").arg(format!("{name}={min}"));
    }
    let scored = score.output().expect("python3 runs");
    let report = String::from_utf8_lossy(&scored.stdout);
    println!("{report}");
    assert!(scored.status.success(), "below a minimum:\n{report}");
}
