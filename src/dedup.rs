//! Deduplication: the same post seen in several places becomes one record.
//!
//! Exact duplicates share an id (same platform and status id, or same author and normalized
//! text; see [`crate::post::content_key`]). Merging keeps the first record's fields, fills the
//! fields it lacks from the others, and lists every appearance in input order.

use crate::model::Post;
use std::collections::HashMap;

/// Merges posts with the same id, keeping first-appearance order.
///
/// # Complexity
/// O(n) expected: one hash lookup per post.
pub fn merge(posts: impl IntoIterator<Item = Post>) -> Vec<Post> {
    let mut out: Vec<Post> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for post in posts {
        match index.get(&post.id) {
            Some(&i) => absorb(&mut out[i], post),
            None => {
                index.insert(post.id.clone(), out.len());
                out.push(post);
            }
        }
    }
    out
}

/// Folds `other` (a later sighting of the same post) into `into`.
pub fn absorb(into: &mut Post, other: Post) {
    fn fill<T>(a: &mut Option<T>, b: Option<T>) {
        if a.is_none() {
            *a = b;
        }
    }
    fill(&mut into.author.name, other.author.name);
    fill(&mut into.author.handle, other.author.handle);
    fill(&mut into.date, other.date);
    fill(&mut into.lang, other.lang);
    fill(&mut into.reply_to, other.reply_to);
    fill(&mut into.quoted_post, other.quoted_post);
    fill(&mut into.status_id, other.status_id);
    fill(&mut into.status_url, other.status_url);
    for a in other.appearances {
        if !into.appearances.contains(&a) {
            into.appearances.push(a);
        }
    }
}
