//! The map step: one document in, its posts and quotations out, with no state shared between
//! documents.

use crate::detect::{Detector, Sighting};
use crate::document::{self, Document};
use crate::model::{DocumentInfo, Post, Quote};
use crate::{html, post, quote};
use std::ops::Range;

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
    let post_spans = spans(&sightings);
    let posts = post::build_all(doc, &sightings);
    drop(sightings);
    text_extraction(doc, posts, &post_spans)
}

/// [`extract`] as a whole run ([`crate::scan`]) hands it to the reduce step: in a plain-text
/// document, a post sighted again unchanged comes as one record with an appearance per
/// sighting ([`post::build_folded`]), the record the reduce step folds such sightings into,
/// so a flood of one post (a line repeated a million times) holds one record, not a million.
/// The feed assembled is the one [`extract`] gives. With it, the posts' exact-repeat keys
/// when they were worked out (for [`crate::Prepared`]).
pub(crate) fn extract_folded(doc: &Document) -> (Extraction, Option<Vec<u64>>) {
    let detector = Detector::default();
    if let document::TextFormat::Html = doc.format {
        return (extract_with(doc, &detector), None);
    }
    let folded = post::build_folded(doc, detector.scan(doc));
    let mut e = text_extraction(doc, folded.posts, &folded.spans);
    crate::reduce::link::link_translations_folded(&e.posts, &folded.owner, &mut e.quotes);
    (e, Some(folded.keys))
}

/// The byte ranges of the sightings.
fn spans(sightings: &[Sighting]) -> Vec<Range<usize>> {
    sightings.iter().map(|s| s.start..s.end).collect()
}

/// The extraction of a plain-text document whose posts are `posts`, printed at `post_spans`:
/// the posts' languages completed from the prose, and the quotations outside them.
fn text_extraction(
    doc: &Document,
    mut posts: Vec<Post>,
    post_spans: &[Range<usize>],
) -> Extraction {
    post::fill_lang_from_context(&mut posts, doc.text.get(doc.body_start..).unwrap_or(""));
    Extraction {
        document: DocumentInfo {
            name: doc.name.clone(),
            date: doc.date.clone(),
            bytes: doc.text.len(),
        },
        posts,
        quotes: quote::extract(doc, post_spans),
    }
}
