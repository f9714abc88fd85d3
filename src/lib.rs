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
//! input/    files, directories, .gz, JSON Lines records, WARC web archives
//!   └▶ document.rs   Document: name, text, line index
//!        └▶ extract()  the map step, one document at a time, no shared state
//!             detect/   text shapes: embed signature, card, byline, TikTok   ┐ Sightings
//!             html/     markup: one file per platform, then the article text ┘
//!             post/     Post records: entities, dates, language, status links
//!             quote/    prose quotations and who said them
//!        └▶ Extraction
//!   └▶ reduce/  the reduce step: Assembler (exact repeats as they come), then
//!               versions ▶ dedup ▶ link quotes to posts; posts held packed
//!   └▶ output/  JSON, JSON Lines, JSON Feed; map-reduce shards
//! ```
//!
//! [`scan`] is the whole run in one call — inputs read, scanned in parallel batches, assembled —
//! as the command (and the Python package) runs it.
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
#![forbid(unsafe_code)]

// The stages, in data-flow order. Only what a library user needs is public: the records
// (`model`), reading inputs (`input`, `document`), writing feeds (`output`), the whole run
// (`scan`) and the re-exports below; the stages themselves are private.
mod detect;
pub mod document;
mod error;
mod extract;
mod html;
pub mod input;
pub mod model;
pub mod output;
mod post;
mod quote;
mod reduce;
pub mod scan;

pub use detect::Detector;
pub use document::Document;
pub use error::Error;
pub use extract::{extract, extract_with, Extraction};
pub use model::{Feed, Post, Quote};
pub use output::{shard, Format};
pub use reduce::{assemble, Assembler, Prepared, Written};

/// The internals, for this crate's own tests, examples, benches and fuzz targets only: not
/// part of the API, and free to change in any release.
#[cfg(feature = "_internal")]
#[doc(hidden)]
pub mod _internal {
    pub use crate::extract::extract_text;
    pub use crate::post::{date, entities, lang, status_link};
    pub use crate::reduce::{dedup, link, store, versions};

    /// JSON Lines article records.
    pub mod records {
        pub use crate::input::records::*;
    }

    /// Building post records from sightings.
    pub mod post {
        pub use crate::post::*;
    }

    /// Quotations in the prose.
    pub mod quote {
        pub use crate::quote::*;
    }

    /// The text-shape detectors.
    pub mod detect {
        pub use crate::detect::*;

        /// Every post `detector` finds in `doc`, in document order.
        pub fn scan(detector: &Detector, doc: &crate::Document) -> Vec<Sighting> {
            detector.scan(doc)
        }
    }
}

/// Long-form documentation: the design, the performance figures and the output contract.
pub mod _documentation {
    #[doc = include_str!("../DESIGN.md")]
    pub mod design {}
    #[doc = include_str!("../PERFORMANCE.md")]
    pub mod performance {}
    #[doc = include_str!("../docs/SCHEMA.md")]
    pub mod schema {}
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
