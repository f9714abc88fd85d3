//! Direct quotations in article prose, with their speaker and cue.
//!
//! Not yet implemented (issue 3): returns no quotations.

use crate::document::Document;
use crate::model::Quote;
use std::ops::Range;

/// Finds the direct quotations of `doc` outside the byte ranges in `posts` (the posts' own text).
pub fn extract(doc: &Document, posts: &[Range<usize>]) -> Vec<Quote> {
    let _ = (doc, posts);
    Vec::new()
}
