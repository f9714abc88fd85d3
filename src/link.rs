//! Linking quotations to the posts they re-quote.
//!
//! Not yet implemented (issue 3): links nothing.

use crate::model::{Post, Quote};

/// Links each quote that re-quotes a post: sets `quote.post` and adds a `quote` appearance.
pub fn link_quotes(posts: &mut [Post], quotes: &mut [Quote]) {
    let _ = (posts, quotes);
}
