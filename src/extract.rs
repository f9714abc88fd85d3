//! The map step: one document in, its posts and quotations out, with no state shared between
//! documents.

use crate::detect::Detector;
use crate::document::{self, Document};
use crate::model::{DocumentInfo, Post, Quote};
use crate::{html, post, quote};

/// Everything found in one document, before deduplication.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The document as listed in the output.
    pub document: DocumentInfo,
    /// Its posts, one record per sighting.
    pub posts: Vec<Post>,
    /// Its prose quotations.
    pub quotes: Vec<Quote>,
}

/// Scans one document with every detector (the map step: no state shared between documents).
pub fn extract(doc: &Document) -> Extraction {
    extract_with(doc, &Detector::default())
}

/// Scans one document with a configured detector.
pub fn extract_with(doc: &Document, detector: &Detector) -> Extraction {
    let mut e = match doc.format {
        document::TextFormat::Html => html::extract(doc, detector),
        document::TextFormat::Text => extract_text(doc, detector),
    };
    // Quotations that translate a post printed next to them: found here, where both are at
    // hand; the reduce step links the others by their words.
    crate::reduce::link::link_translations(&e.posts, &mut e.quotes);
    e
}

/// Scans a plain-text document: text-shaped posts, then prose quotations outside them.
pub fn extract_text(doc: &Document, detector: &Detector) -> Extraction {
    let sightings = detector.scan(doc);
    let post_spans: Vec<_> = sightings.iter().map(|s| s.start..s.end).collect();
    let mut posts = post::build_all(doc, &sightings);
    post::fill_lang_from_context(&mut posts, doc.text.get(doc.body_start..).unwrap_or(""));
    Extraction {
        document: DocumentInfo {
            name: doc.name.clone(),
            date: doc.date.clone(),
            bytes: doc.text.len(),
        },
        posts,
        quotes: quote::extract(doc, &post_spans),
    }
}
