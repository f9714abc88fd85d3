//! Shared helpers for the integration tests.

use embedscan::{assemble, extract, input, Document, Feed};
use std::path::Path;

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
        for a in p.appearances.iter().filter(|a| a.document == doc.name) {
            if a.kind != embedscan::model::AppearanceKind::Quote {
                marks.push((a.start, 1, "⟦post⟧"));
                marks.push((a.end, 0, "⟦/post⟧"));
            }
        }
    }
    for q in feed.quotes.iter().filter(|q| q.document == doc.name) {
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
        for a in p.appearances.iter().filter(|a| a.document == doc.name) {
            assert!(
                a.start <= a.end && a.end <= doc.text.len(),
                "span within the document"
            );
            assert!(doc.text.is_char_boundary(a.start) && doc.text.is_char_boundary(a.end));
            assert_eq!(a.line, doc.line_of(a.start), "line matches start");
        }
    }
    for q in feed.quotes.iter().filter(|q| q.document == doc.name) {
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
