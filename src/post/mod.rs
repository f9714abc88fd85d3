//! From a [`Sighting`] to an owned [`Post`] record: entities, language, id, appearance.

pub mod date;
pub mod entities;
pub mod lang;
pub mod status_link;

use crate::detect::Sighting;
use crate::document::Document;
use crate::model::{Appearance, AppearanceKind, Platform, Post};
use crate::reduce::words::normalize_text;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;
use xxhash_rust::xxh3::xxh3_64;

/// Builds the records of one document's sightings, `quoted_post` resolved to ids.
pub fn build_all(doc: &Document, sightings: &[Sighting]) -> Vec<Post> {
    let mut posts: Vec<Post> = sightings.iter().map(|s| build(doc, s)).collect();
    for (i, s) in sightings.iter().enumerate() {
        if let Some(q) = s.quotes() {
            posts[i].quoted_post = posts.get(q).map(|p| p.id.clone());
        }
    }
    posts
}

/// The records of one document's sightings with each post sighted again unchanged folded into
/// one record (see [`build_folded`]).
#[derive(Debug, Default)]
pub struct Folded {
    /// The records, in order of their first sighting.
    pub posts: Vec<Post>,
    /// For each sighting, the index of its record in `posts`.
    pub owner: Vec<usize>,
    /// For each sighting, its byte range in the document.
    pub spans: Vec<Range<usize>>,
    /// For each record, its exact-repeat key ([`crate::reduce::repeat_key`]).
    pub keys: Vec<u64>,
}

/// [`build_all`], a sighting that repeats an earlier one in everything but its place (a flood
/// of one line, a post embedded twice) added to that one's record as an appearance instead of
/// making a record of its own: the record [`crate::reduce`] would fold them into, built once.
///
/// A sighting joins the last record made with its exact-repeat key (id and normalized text)
/// only, so the reduce step absorbs the records of a key in the order of their sightings, as
/// it would absorb one record per sighting. Sightings that quote another are never folded.
/// The sightings are dropped before the appearances are added: a flood of them is not held
/// beside its appearances.
pub fn build_folded(doc: &Document, sightings: Vec<Sighting>) -> Folded {
    let mut out = Folded {
        posts: Vec::new(),
        owner: Vec::with_capacity(sightings.len()),
        spans: sightings.iter().map(|s| s.start..s.end).collect(),
        keys: Vec::new(),
    };
    // Per record: its first sighting.
    let mut first: Vec<usize> = Vec::new();
    // The last record of each text (by hash) and of each exact-repeat key.
    let mut by_text: FxHashMap<u64, usize> = FxHashMap::default();
    let mut last_of_key: FxHashMap<u64, usize> = FxHashMap::default();
    for (i, s) in sightings.iter().enumerate() {
        let text = xxh3_64(s.text.as_bytes());
        let same = by_text.get(&text).copied().filter(|&p| {
            out.keys
                .get(p)
                .is_some_and(|k| last_of_key.get(k) == Some(&p))
                && first
                    .get(p)
                    .and_then(|&f| sightings.get(f))
                    .is_some_and(|f| same_post(f, s))
        });
        if let Some(p) = same {
            out.owner.push(p);
            continue;
        }
        let p = out.posts.len();
        let (post, key) = build_keyed(doc, s);
        out.posts.push(post);
        first.push(i);
        out.keys.push(key);
        by_text.insert(text, p);
        last_of_key.insert(key, p);
        out.owner.push(p);
    }
    for (i, s) in sightings.iter().enumerate() {
        if let Some(q) = s.quotes() {
            let quoted = out.owner.get(q).and_then(|&o| out.posts.get(o));
            let id = quoted.map(|p| p.id.clone());
            if let Some(post) = out.owner.get(i).and_then(|&o| out.posts.get_mut(o)) {
                post.quoted_post = id;
            }
        }
    }
    // The shapes of the sightings (their places are `spans`), then the appearances of those
    // folded, each record's list sized once.
    let kinds: Vec<AppearanceKind> = sightings.iter().map(|s| s.kind).collect();
    drop(sightings);
    let folded = |i: usize, p: usize| first.get(p) != Some(&i);
    let mut counts = vec![0usize; out.posts.len()];
    for (i, &p) in out.owner.iter().enumerate() {
        if let Some(n) = counts.get_mut(p).filter(|_| folded(i, p)) {
            *n += 1;
        }
    }
    for (post, n) in out.posts.iter_mut().zip(counts) {
        post.appearances.reserve_exact(n);
    }
    // One copy of the document's name, shared by every appearance folded.
    let name: Arc<str> = out
        .posts
        .first()
        .and_then(|p| p.appearances.first())
        .map_or_else(|| doc.name.as_str().into(), |a| a.document.clone());
    for (i, (&p, kind)) in out.owner.iter().zip(kinds).enumerate() {
        let place = out.spans.get(i).cloned().unwrap_or_default();
        if let Some(post) = out.posts.get_mut(p).filter(|_| folded(i, p)) {
            post.appearances
                .push(appearance_named(doc, name.clone(), place, kind));
        }
    }
    out
}

/// Whether two sightings make the same record but for its appearance: everything equal but
/// the place and the shape, and neither quoting another sighting.
fn same_post(a: &Sighting, b: &Sighting) -> bool {
    !anonymous(a)
        && a.quotes().is_none()
        && b.quotes().is_none()
        && a.platform == b.platform
        && a.text == b.text
        && a.author == b.author
        && a.date == b.date
        && a.reply_to() == b.reply_to()
        && a.status_id() == b.status_id()
}

/// Gives the posts whose language [`lang::detect`] left unknown the language of the document's
/// `prose` where [`lang::Context::fallback_for`] allows it. The prose is only read when some post
/// needs it.
pub fn fill_lang_from_context(posts: &mut [Post], prose: &str) {
    if posts.iter().all(|p| p.lang.is_some()) {
        return;
    }
    let Some(context) = lang::Context::of(prose) else {
        return;
    };
    for p in posts.iter_mut().filter(|p| p.lang.is_none()) {
        p.lang = context.fallback_for(&p.text);
    }
}

/// Whether a sighting has nothing that tells it from another of its author: no status id, no
/// text, no date (the three caption-less Instagram embeds of one account in
/// fixtures/realworld-next6/docs/446.txt are three posts). Such a sighting is a post of its
/// own, never merged with another.
fn anonymous(s: &Sighting) -> bool {
    s.status_id().is_none() && s.date.is_none() && s.text.trim().is_empty()
}

/// Builds the record of one sighting, with its one appearance.
pub fn build(doc: &Document, s: &Sighting) -> Post {
    build_normalized(doc, s, None)
}

/// [`build`] and the record's exact-repeat key ([`crate::reduce::repeat_key`]): the text is
/// normalized once for both the key and the content id (which normalized it each).
fn build_keyed(doc: &Document, s: &Sighting) -> (Post, u64) {
    let normalized = normalize_text(&s.text);
    let post = build_normalized(doc, s, Some(&normalized));
    let key = crate::reduce::repeat_key_normalized(&post.id, &normalized);
    (post, key)
}

/// [`build`], given `normalize_text(&s.text)` when the caller has it.
fn build_normalized(doc: &Document, s: &Sighting, normalized: Option<&str>) -> Post {
    let found = entities::extract_for(&s.text, s.platform);
    // An anonymous sighting's id hashes where it stands instead of its empty text.
    let place = anonymous(s).then(|| format!("\u{1e}{}\u{1e}{}", doc.name, s.start));
    let status_url = s
        .status_id()
        .as_ref()
        .and_then(|id| status_link::canonical_url(s.platform, s.author.handle.as_deref(), id));
    let handle = s.author.handle.as_deref();
    let name = s.author.name.as_deref();
    let id = match (s.status_id().as_deref(), place.as_deref(), normalized) {
        (None, None, Some(normalized)) => content_id(s.platform, handle, name, normalized),
        (status_id, place, _) => post_id(
            s.platform,
            status_id,
            handle,
            name,
            place.unwrap_or(&s.text),
        ),
    };
    Post {
        id,
        platform: s.platform,
        author: s.author.clone(),
        date: s.date.map(|d| d.to_string()),
        text: s.text.clone(),
        lang: lang::detect(&s.text),
        hashtags: found.hashtags,
        mentions: found.mentions,
        urls: found.urls,
        media: found.media,
        reply_to: s.reply_to().clone(),
        quoted_post: None,
        status_id: s.status_id().clone(),
        status_url,
        created_at: s
            .status_id()
            .as_deref()
            .and_then(|id| status_link::created_at(s.platform, id)),
        versions: Vec::new(),
        appearances: vec![appearance(doc, s.start..s.end, s.kind)],
    }
}

/// The appearance of a sighting at `place`, in the shape `kind`.
fn appearance(doc: &Document, place: Range<usize>, kind: AppearanceKind) -> Appearance {
    appearance_named(doc, doc.name.as_str().into(), place, kind)
}

/// [`appearance`] with the document's name given (shared by the appearances of a document).
fn appearance_named(
    doc: &Document,
    document: Arc<str>,
    place: Range<usize>,
    kind: AppearanceKind,
) -> Appearance {
    Appearance {
        document,
        kind,
        line: doc.line_of(place.start),
        start: place.start,
        end: place.end,
        similarity: 1.0,
    }
}

/// The stable id of a post: `<platform>:<status id>` when known (`twitter:<snowflake>`,
/// `telegram:<channel>/<number>`), else a content hash of the normalized author and text.
pub fn post_id(
    platform: Platform,
    status_id: Option<&str>,
    handle: Option<&str>,
    name: Option<&str>,
    text: &str,
) -> String {
    match status_id {
        Some(id) => format!("{}:{id}", platform.as_str()),
        None => content_id(platform, handle, name, &normalize_text(text)),
    }
}

/// The content hash id of [`post_id`], of a text already normalized ([`normalize_text`]).
fn content_id(
    platform: Platform,
    handle: Option<&str>,
    name: Option<&str>,
    normalized: &str,
) -> String {
    format!(
        "{}:{:016x}",
        platform.as_str(),
        xxh3_64(content_key_normalized(handle, name, normalized).as_bytes())
    )
}

/// The exact-duplicate key of a post: author (handle, else name) and its text normalized
/// ([`normalize_text`]: case-folded, with white space collapsed and quote marks unified).
fn content_key_normalized(handle: Option<&str>, name: Option<&str>, normalized: &str) -> String {
    let author = match (handle, name) {
        (Some(h), _) => format!("@{}", h.to_lowercase()),
        (None, Some(n)) => crate::detect::fold(n),
        (None, None) => String::new(),
    };
    format!("{author}\u{1f}{normalized}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_normalized() {
        let a = post_id(
            Platform::Twitter,
            None,
            Some("RiverReport"),
            None,
            "It’s  here\n“now”",
        );
        let b = post_id(
            Platform::Twitter,
            None,
            Some("riverreport"),
            Some("x"),
            "it's here \"now\"",
        );
        assert_eq!(a, b);
        assert!(a.starts_with("twitter:") && a.len() == "twitter:".len() + 16);
        assert_eq!(
            post_id(Platform::Twitter, Some("123"), None, None, ""),
            "twitter:123"
        );
    }
}
