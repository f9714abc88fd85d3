//! Same post, other text: copies of one post (same network and status id) whose texts differ,
//! as on an auto-translated copy of an article, which keeps the status link but translates the
//! post's text, name and date.
//!
//! ```text
//! a.html  <p lang="en">We stand with the people of the valley.</p> … /status/1211980318110646272
//! a.fr.html <p lang="fr">Nous sommes aux côtés du peuple irakien.</p> … /status/1211980318110646272
//! → one post, text from a.html, versions: [{lang: "fr", text: "Nous sommes…", documents: ["a.fr.html"]}]
//! ```
//!
//! [`fold`] runs before [`crate::reduce::dedup::merge`]: it records each later, differing text as a
//! [`Version`] of the first-seen copy and gives the later copies the first copy's text, so that
//! merging (which keys on the id) keeps one record with one text.

use crate::model::{Platform, Post, Version};
use crate::reduce::words::normalize_text;
use std::collections::HashMap;

/// Records the differing texts of posts that share a network and status id as versions of the
/// first-seen copy (which keeps its text). A copy with an empty text (a script-only embed)
/// takes the text of the first copy that shows one.
///
/// # Complexity
/// O(n) expected, plus the comparison of each copy with the versions already recorded.
pub fn fold(posts: &mut [Post]) {
    let mut first: HashMap<(Platform, String), usize> = HashMap::new();
    for i in 0..posts.len() {
        let Some(key) = posts
            .get(i)
            .and_then(|p| Some((p.platform, p.status_id.clone()?)))
        else {
            continue;
        };
        let Some(&f) = first.get(&key) else {
            first.insert(key, i);
            continue;
        };
        let (head, tail) = posts.split_at_mut(i);
        let (Some(orig), Some(copy)) = (head.get_mut(f), tail.first_mut()) else {
            continue;
        };
        if copy.text.is_empty() {
            take_text(copy, orig);
            continue;
        }
        if orig.text.is_empty() {
            take_text(orig, copy);
            continue;
        }
        let text = normalize_text(&copy.text);
        if text != normalize_text(&orig.text) {
            let documents = copy.appearances.iter().map(|a| a.document.to_string());
            match orig
                .versions
                .iter_mut()
                .find(|v| normalize_text(&v.text) == text)
            {
                Some(v) => {
                    for d in documents {
                        if !v.documents.contains(&d) {
                            v.documents.push(d);
                        }
                    }
                }
                None => {
                    let mut docs: Vec<String> = Vec::new();
                    for d in documents {
                        if !docs.contains(&d) {
                            docs.push(d);
                        }
                    }
                    orig.versions.push(Version {
                        lang: copy.lang.clone(),
                        text: copy.text.clone(),
                        documents: docs,
                    });
                }
            }
        }
        take_text(copy, orig);
        if orig.author.name.is_some() {
            copy.author.name.clone_from(&orig.author.name);
        }
    }
}

/// Gives `to` the text of `from` and everything derived from it.
fn take_text(to: &mut Post, from: &Post) {
    to.text.clone_from(&from.text);
    to.lang.clone_from(&from.lang);
    to.hashtags.clone_from(&from.hashtags);
    to.mentions.clone_from(&from.mentions);
    to.urls.clone_from(&from.urls);
    to.media.clone_from(&from.media);
}
