//! The reduce step: the extractions of every document merged into one feed.
//!
//! ```text
//! Extraction ─▶ Prepared ─▶ Assembler ─────────────────────────────▶ PackedFeed ─▶ output
//!               (packed:     add: exact repeats folded as they come   (posts unpacked
//!               store,       finish: versions ▶ dedup ▶ link           one at a time)
//!               summary)
//! ```
//!
//! Posts and quotes stay packed ([`store`]) from the thread that scanned them to the writer;
//! deduplication decides on a [`dedup::Summary`] of each and unpacks only possible duplicates.

pub mod dedup;
pub mod link;
pub mod store;
pub mod versions;
pub mod words;

use crate::model::{self, DocumentInfo, Feed, Post, Quote};
use crate::output::{self, Format};
use crate::Extraction;
use std::io::{self, Write};

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
/// Memory holds the deduplication state — the posts, packed (`reduce/store.rs`), with exact repeats
/// folded in as they arrive, and a summary of each — and the quotes, never the
/// documents.
#[derive(Debug, Default)]
pub struct Assembler {
    documents: Vec<DocumentInfo>,
    posts: store::PostStore,
    summaries: Vec<dedup::Summary>,
    quotes: store::QuoteStore,
    /// Exact repeats: hash of (id, normalized text) -> index in `posts` (12 bytes an entry;
    /// past 4 billion posts, later ones are left to [`dedup`] to fold).
    seen: rustc_hash::FxHashMap<u64, u32>,
    /// The later sightings of a held post, absorbed into one another in input order and kept
    /// unpacked (a post repeated a thousand times is not packed a thousand times), by index
    /// in `posts`; folded into it when the assembly finishes.
    repeats: std::collections::HashMap<usize, Post>,
}

impl Assembler {
    /// Adds one document's extraction, in input order.
    pub fn add(&mut self, extraction: Extraction) {
        self.add_all(vec![extraction]);
    }

    /// Adds extractions in input order; their posts are keyed, summarized and packed on all
    /// cores ([`Prepared::of`]).
    pub fn add_all(&mut self, extractions: Vec<Extraction>) {
        use rayon::prelude::*;
        let prepared: Vec<Prepared> = extractions.into_par_iter().map(Prepared::of).collect();
        self.add_prepared(prepared);
    }

    /// Adds prepared extractions in input order.
    pub fn add_prepared(&mut self, prepared: Vec<Prepared>) {
        use std::collections::hash_map::Entry;
        for doc in prepared {
            self.documents.push(doc.document);
            for (key, packed, summary) in doc.posts {
                match self.seen.get(&key).map(|&i| i as usize) {
                    // A repeat (rare): unpacked again to be absorbed.
                    Some(i) => match (self.repeats.entry(i), packed.unpack()) {
                        (Entry::Occupied(mut e), Some(post)) => dedup::absorb(e.get_mut(), post),
                        (Entry::Vacant(e), Some(post)) => {
                            e.insert(post);
                        }
                        (_, None) => {}
                    },
                    None => {
                        if let Ok(i) = u32::try_from(self.posts.len()) {
                            self.seen.insert(key, i);
                        }
                        self.posts.push_packed(packed);
                        self.summaries.push(summary);
                    }
                }
            }
            for quote in doc.quotes {
                self.quotes.push_packed(quote);
            }
        }
    }

    /// Number of posts held so far (exact repeats folded).
    pub fn post_count(&self) -> usize {
        self.posts.len()
    }

    /// Deduplicates across everything added, links quotes to posts, and returns the feed.
    pub fn finish(self) -> Feed {
        self.finish_packed().into_feed()
    }

    /// Finishes as [`Assembler::finish`] does and writes the feed to `out` in `format`,
    /// unpacking one post at a time: what a run over a corpus writes without holding every
    /// post unpacked at once. The bytes are those [`output::write`] gives for the finished
    /// feed.
    ///
    /// # Example
    /// ```
    /// use embedscan::{extract, Assembler, Document, Format};
    ///
    /// let mut assembler = Assembler::default();
    /// for text in ["Gates open https://t.co/Zz11 — River Desk (@RiverDesk) June 1, 2021\n"] {
    ///     assembler.add_all(vec![extract(&Document::new("a.txt", text))]);
    /// }
    /// let mut json = Vec::new();
    /// let written = assembler.write_to(Format::Jsonl, &mut json).unwrap();
    /// assert_eq!(written.posts, 1);
    /// assert!(String::from_utf8(json).unwrap().contains("\"handle\":\"RiverDesk\""));
    /// ```
    pub fn write_to(self, format: Format, out: &mut dyn Write) -> io::Result<Written> {
        let feed = self.finish_packed();
        output::write_parts(feed.parts(), format, out)?;
        Ok(Written {
            posts: feed.posts.len(),
            quotes: feed.quotes.len(),
        })
    }

    /// [`Assembler::finish`], the posts left packed for a writer to unpack one at a time.
    fn finish_packed(mut self) -> PackedFeed {
        drop(std::mem::take(&mut self.seen));
        let mut repeats: Vec<(usize, Post)> = self.repeats.drain().collect();
        repeats.sort_unstable_by_key(|r| r.0);
        for (i, later) in repeats {
            if let Some(mut first) = self.posts.get(i) {
                dedup::absorb(&mut first, later);
                self.posts.set(i, &first);
                if let Some(s) = self.summaries.get_mut(i) {
                    *s = dedup::Summary::of(&first);
                }
            }
        }
        let mut posts = dedup::merge_packed(self.posts, self.summaries);
        let mut quotes = std::mem::take(&mut self.quotes).into_quotes();
        link::link_quotes_packed(&mut posts, &mut quotes, &self.documents);
        PackedFeed {
            generator: model::Generator::default(),
            documents: self.documents,
            posts,
            quotes,
        }
    }
}

/// How much [`Assembler::write_to`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Unique posts.
    pub posts: usize,
    /// Quotations.
    pub quotes: usize,
}

/// An extraction made ready for an [`Assembler`] on the thread that scanned it: posts keyed,
/// summarized and packed, quotes packed, and the unpacked records dropped there, where they
/// were allocated, so the allocator reuses their memory at once instead of receiving it from
/// another thread (PERFORMANCE.md has the cost).
#[derive(Debug)]
pub struct Prepared {
    document: DocumentInfo,
    posts: Vec<(u64, store::PackedPost, dedup::Summary)>,
    quotes: Vec<store::PackedQuote>,
}

impl Prepared {
    /// Prepares one document's extraction (the posts' exact-repeat keys, summaries, packing).
    pub fn of(extraction: Extraction) -> Prepared {
        Prepared::of_keyed(extraction, None)
    }

    /// [`Prepared::of`], given the posts' exact-repeat keys when they are known already (in
    /// order, one a post).
    pub(crate) fn of_keyed(extraction: Extraction, keys: Option<Vec<u64>>) -> Prepared {
        let mut keys = keys.map(Vec::into_iter);
        Prepared {
            document: extraction.document,
            // Each post is dropped as soon as it is packed: a document with a flood of posts
            // never holds them twice.
            posts: extraction
                .posts
                .into_iter()
                .map(|p| {
                    let key = keys.as_mut().and_then(Iterator::next);
                    let key = key.unwrap_or_else(|| repeat_key(&p));
                    (key, store::pack(&p), dedup::Summary::of(&p))
                })
                .collect(),
            quotes: extraction
                .quotes
                .into_iter()
                .map(|q| store::pack_quote(&q))
                .collect(),
        }
    }

    /// The document's size in bytes.
    pub fn bytes(&self) -> usize {
        self.document.bytes
    }
}

/// A finished feed whose posts are still packed ([`Assembler::finish_packed`]).
#[derive(Debug, Default)]
struct PackedFeed {
    /// Who wrote it.
    generator: model::Generator,
    /// Every document scanned, in input order.
    documents: Vec<DocumentInfo>,
    /// Unique posts in order of first appearance, packed.
    posts: store::PostStore,
    /// Quotations in document order.
    quotes: Vec<Quote>,
}

impl PackedFeed {
    /// The feed with its posts unpacked.
    fn into_feed(self) -> Feed {
        Feed {
            generator: self.generator,
            documents: self.documents,
            posts: self.posts.into_posts(),
            quotes: self.quotes,
        }
    }

    /// The parts the writers read.
    fn parts(&self) -> output::FeedParts<'_> {
        output::FeedParts {
            generator: &self.generator,
            documents: &self.documents,
            posts: &self.posts,
            quotes: &self.quotes,
        }
    }
}

/// The key of exact repeats: the id and the normalized text, hashed.
pub(crate) fn repeat_key(post: &Post) -> u64 {
    repeat_key_normalized(&post.id, &words::normalize_text(&post.text))
}

/// [`repeat_key`] of a post with id `id` whose text normalizes to `normalized`.
pub(crate) fn repeat_key_normalized(id: &str, normalized: &str) -> u64 {
    let key = format!("{id}\u{1f}{normalized}");
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}
