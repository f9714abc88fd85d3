//! Shared helpers for the integration tests (each test binary uses a part of them).
#![allow(dead_code)]

use embedscan::{assemble, extract, input, Document, Feed};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// An article with one embed, for tests that need a good document beside a bad one.
pub const EMBED: &str =
    "Lead-in.\n\nGates are open https://t.co/Ab12 — River Report (@RiverReport) June 1, 2021\n";

/// Runs the built binary from the package root, feeding `stdin` when given (else none).
pub fn embedscan(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_embedscan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(input).expect("stdin written");
    }
    child.wait_with_output().expect("binary finishes")
}

/// A fresh, empty temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("embedscan-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The run's standard output as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// The names of a feed's documents, in order.
pub fn document_names(feed: &serde_json::Value) -> Vec<&str> {
    let documents = feed["documents"].as_array().expect("documents");
    documents
        .iter()
        .map(|d| d["name"].as_str().expect("a name"))
        .collect()
}

/// The run's standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Reads a file into a document named by its file name (so snapshots do not depend on paths).
pub fn document(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("fixture readable");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("?")
        .to_string();
    input::decode(name, path, bytes, &mut |e| {
        panic!("unexpected warning: {e}")
    })
}

/// The feed of one file scanned alone.
pub fn feed_of(path: &Path) -> (Document, Feed) {
    let doc = document(path);
    let feed = assemble([extract(&doc)]);
    (doc, feed)
}

/// The document's text with every post appearance marked `⟦post⟧…⟦/post⟧` and every quotation
/// `⟦q⟧…⟦/q⟧`, so a reviewer sees the spans at a glance.
pub fn annotate(doc: &Document, feed: &Feed) -> String {
    let mut marks: Vec<(usize, u8, &str)> = Vec::new();
    for p in &feed.posts {
        for a in p.appearances.iter().filter(|a| *a.document == *doc.name) {
            if a.kind != embedscan::model::AppearanceKind::Quote {
                marks.push((a.start, 1, "⟦post⟧"));
                marks.push((a.end, 0, "⟦/post⟧"));
            }
        }
    }
    for q in feed.quotes.iter().filter(|q| *q.document == *doc.name) {
        marks.push((q.start, 1, "⟦q⟧"));
        marks.push((q.end, 0, "⟦/q⟧"));
    }
    marks.sort();
    let mut out = String::with_capacity(doc.text.len() + marks.len() * 8);
    let mut last = 0;
    for (at, _, mark) in marks {
        out.push_str(&doc.text[last..at]);
        out.push_str(mark);
        last = at;
    }
    out.push_str(&doc.text[last..]);
    out
}

/// Checks the invariants every appearance and quote must hold against its document.
pub fn check_spans(doc: &Document, feed: &Feed) {
    for p in &feed.posts {
        for a in p.appearances.iter().filter(|a| *a.document == *doc.name) {
            assert!(
                a.start <= a.end && a.end <= doc.text.len(),
                "span within the document"
            );
            assert!(doc.text.is_char_boundary(a.start) && doc.text.is_char_boundary(a.end));
            assert_eq!(a.line, doc.line_of(a.start), "line matches start");
        }
    }
    for q in feed.quotes.iter().filter(|q| *q.document == *doc.name) {
        let source = doc
            .text
            .get(q.start..q.end)
            .expect("quote span within the document");
        if doc.format == embedscan::document::TextFormat::Text {
            assert_eq!(source, q.text, "quote offsets");
        } else {
            // In HTML the span is in the source and the text is decoded (`&amp;` -> `&`).
            assert!(!q.text.is_empty() && !source.is_empty(), "quote offsets");
        }
        assert_eq!(q.line, doc.line_of(q.start));
    }
}
