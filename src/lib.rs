//! Finds the social posts embedded in news articles — tweets above all — and the quotations in
//! the prose that re-quote them, deduplicated across documents.
//!
//! Articles flattened to text keep embeds in a handful of shapes: Twitter's blockquote text with
//! its `— Name (@handle) Date` signature (on the text's line or its own), rendered cards copied
//! as text (`Name Replying to @x`, then the text), and prose re-quotes. A regex per shape breaks
//! on the next site; this crate walks the paragraph structure instead, from cheap triggers.
//!
//! # Data flow
//!
//! ```text
//! input (files, dirs, .gz, JSON Lines: records, WARC: webarchive)
//!   └▶ Document ─▶ extract() ──────────────────────────────▶ Extraction ─▶ Assembler ─▶ Feed ─▶ output
//!                  text: detect (embed, card) ▶ post ▶ quote              add: exact repeats
//!                  html: html::embeds ▶ article text ▶ the same           finish: versions ▶
//!                                                                          dedup ▶ link
//! ```
//!
//! [`extract`] is stateless and runs per document (the map step, `embedscan extract`);
//! [`Assembler`] / [`assemble`] merge everything (the reduce step, `embedscan merge`), so a
//! sharded run merged gives the feed of a single run ([`shard`]).
//!
//! # Example
//! ```
//! use embedscan::{assemble, extract, Document};
//! let doc = Document::new("a.txt", "Lead-in:\n\nGates are open now: https://t.co/Zz11Yy22Xx — River Report (@RiverReport) June 1, 2021\n");
//! let feed = assemble([extract(&doc)]);
//! let post = &feed.posts[0];
//! assert_eq!(post.author.handle.as_deref(), Some("RiverReport"));
//! assert_eq!(post.text, "Gates are open now: https://t.co/Zz11Yy22Xx");
//! assert_eq!(post.date.as_deref(), Some("2021-06-01"));
//! assert_eq!(post.urls, ["https://t.co/Zz11Yy22Xx"]);
//! ```
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod date;
pub mod dedup;
pub mod detect;
pub mod document;
pub mod entities;
pub mod error;
pub mod html;
pub mod input;
pub mod lang;
pub mod link;
pub mod model;
pub mod output;
pub mod post;
pub mod quote;
pub mod records;
pub mod shard;
pub mod status;
pub mod versions;
pub mod webarchive;

pub use detect::Detector;
pub use document::Document;
pub use error::Error;
pub use model::{Feed, Post, Quote};

use model::DocumentInfo;

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
    match doc.format {
        document::TextFormat::Html => html::extract(doc, detector),
        document::TextFormat::Text => extract_text(doc, detector),
    }
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

/// Merges the extractions of many documents into one feed (the reduce step), in input order.
pub fn assemble(extractions: impl IntoIterator<Item = Extraction>) -> Feed {
    let mut assembler = Assembler::default();
    for e in extractions {
        assembler.add(e);
    }
    assembler.finish()
}

/// The reduce step, incrementally: add extractions as documents are scanned, then finish.
///
/// Memory holds the deduplication state — the posts, with exact repeats folded in as they
/// arrive — and the quotes, never the documents.
#[derive(Debug, Default)]
pub struct Assembler {
    documents: Vec<DocumentInfo>,
    posts: Vec<Post>,
    quotes: Vec<Quote>,
    /// Exact repeats: hash of (id, normalized text) -> index in `posts`.
    seen: std::collections::HashMap<u64, usize>,
}

impl Assembler {
    /// Adds one document's extraction, in input order.
    pub fn add(&mut self, extraction: Extraction) {
        self.add_all(vec![extraction]);
    }

    /// Adds extractions in input order; their repeat keys are computed on all cores.
    pub fn add_all(&mut self, mut extractions: Vec<Extraction>) {
        use rayon::prelude::*;
        let keys: Vec<Vec<u64>> = extractions
            .par_iter_mut()
            .map(|e| {
                e.posts.iter_mut().for_each(Post::shrink_to_fit);
                e.posts.iter().map(repeat_key).collect()
            })
            .collect();
        for (extraction, keys) in extractions.into_iter().zip(keys) {
            self.documents.push(extraction.document);
            for (post, key) in extraction.posts.into_iter().zip(keys) {
                match self.seen.get(&key) {
                    Some(&i) => dedup::absorb(&mut self.posts[i], post),
                    None => {
                        self.seen.insert(key, self.posts.len());
                        self.posts.push(post);
                    }
                }
            }
            self.quotes.extend(extraction.quotes);
        }
    }

    /// Number of posts held so far (exact repeats folded).
    pub fn post_count(&self) -> usize {
        self.posts.len()
    }

    /// Deduplicates across everything added, links quotes to posts, and returns the feed.
    pub fn finish(self) -> Feed {
        let mut posts = self.posts;
        versions::fold(&mut posts);
        let mut feed = Feed {
            documents: self.documents,
            quotes: self.quotes,
            ..Feed::default()
        };
        feed.posts = dedup::merge(posts);
        link::link_quotes(&mut feed.posts, &mut feed.quotes);
        feed
    }
}

/// The key of exact repeats: the id and the normalized text, hashed.
fn repeat_key(post: &Post) -> u64 {
    let key = format!("{}\u{1f}{}", post.id, post::normalize_text(&post.text));
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
