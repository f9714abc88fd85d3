//! Posts held packed while a corpus is assembled: one compact byte string per post.
//!
//! A [`Post`] in memory is a 416-byte struct and a dozen heap blocks (one per string, list and
//! appearance), about 1.1 KB for a tweet of 200 characters. Packed with `postcard` (lengths as
//! varints, no field names) the same post takes ~450 bytes in a single block, so a run over
//! a corpus holds the posts at less than half the memory, and the reduce step decodes a post
//! only when it must look inside (a possible duplicate, a linked quote, the writer).
//!
//! ```text
//! push(post) ──▶ [len-prefixed fields … appearances] ──▶ get(i) ─▶ Post (a fresh copy)
//! ```

use crate::model::{Appearance, AppearanceKind, Author, Platform, Post, Quote, Version};
use rustc_hash::FxHashMap;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

/// Posts in order, each packed into one byte string; the strings live back to back in large
/// chunks (an arena), so the corpus's posts cost their bytes and 12 bytes of index each —
/// no heap block per post, and no allocator pages pinned by long-lived small blocks among the
/// short-lived ones of the scan.
#[derive(Debug, Default)]
pub struct PostStore {
    arena: Arena,
    slots: Vec<Loc>,
}

/// Byte strings appended back to back in chunks that never move.
#[derive(Debug, Default)]
struct Arena {
    chunks: Vec<Vec<u8>>,
}

impl Arena {
    /// Appends `bytes`; where they lie.
    fn append(&mut self, bytes: &[u8]) -> Loc {
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= bytes.len());
        if !fits {
            self.chunks.push(Vec::with_capacity(CHUNK.max(bytes.len())));
        }
        let chunk = self.chunks.len().saturating_sub(1);
        let Some(last) = self.chunks.last_mut() else {
            return Loc {
                chunk: 0,
                start: 0,
                len: 0,
            };
        };
        let start = last.len();
        last.extend_from_slice(bytes);
        Loc {
            chunk: chunk as u32,
            start: start as u32,
            len: bytes.len() as u32,
        }
    }

    /// [`Arena::append`] of bytes the arena may keep as they are: bytes of a chunk's size or
    /// more become a chunk of their own without being copied (a post sighted a hundred
    /// thousand times is not held twice while it is stored).
    fn append_owned(&mut self, bytes: Vec<u8>) -> Loc {
        if bytes.len() < CHUNK {
            return self.append(&bytes);
        }
        let len = bytes.len();
        self.chunks.push(bytes);
        Loc {
            chunk: (self.chunks.len() - 1) as u32,
            start: 0,
            len: len as u32,
        }
    }

    /// The bytes at `loc`.
    fn bytes(&self, loc: Loc) -> Option<&[u8]> {
        let start = loc.start as usize;
        self.chunks
            .get(loc.chunk as usize)?
            .get(start..start + loc.len as usize)
    }

    /// Bytes held.
    #[cfg(any(test, feature = "_internal"))]
    fn len(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }
}

/// Quotes in order, packed like [`PostStore`]'s posts while a corpus is scanned (a quote costs
/// ~130 bytes packed, ~310 as a [`Quote`]); unpacked all at once when the scan is done.
#[derive(Debug, Default)]
pub struct QuoteStore {
    arena: Arena,
    slots: Vec<Loc>,
}

impl QuoteStore {
    /// Number of quotes held.
    #[cfg(any(test, feature = "_internal"))]
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether no quote is held.
    #[cfg(any(test, feature = "_internal"))]
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Appends a quote.
    #[cfg(any(test, feature = "_internal"))]
    pub fn push(&mut self, quote: &Quote) {
        self.push_packed(pack_quote(quote));
    }

    /// Appends a quote packed with [`pack_quote`] (e.g. on another thread).
    pub fn push_packed(&mut self, packed: PackedQuote) {
        let loc = self.arena.append(&packed.0);
        self.slots.push(loc);
    }

    /// Every quote, unpacked, in order.
    pub fn into_quotes(self) -> Vec<Quote> {
        // Sized once: a flood of quotes is not copied from one list to one twice as large.
        let mut quotes: Vec<Quote> = Vec::with_capacity(self.slots.len());
        for &loc in &self.slots {
            let quote = self.arena.bytes(loc).and_then(|b| match b.split_first()? {
                (&POSTCARD, rest) => postcard::from_bytes::<Quote>(rest).ok(),
                (_, rest) => serde_json::from_slice::<Quote>(rest).ok(),
            });
            let Some(mut quote) = quote else {
                continue;
            };
            // The quotes of a document come one after the other: they share its name.
            if let Some(last) = quotes.last().filter(|l| l.document == quote.document) {
                quote.document = last.document.clone();
            }
            quotes.push(quote);
        }
        quotes
    }
}

/// Where a packed post lies: chunk, offset and length.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Loc {
    chunk: u32,
    start: u32,
    len: u32,
}

/// Size of an arena chunk; a longer packed post gets a chunk of its own.
const CHUNK: usize = 4 << 20;

/// First byte of a packed post: how the rest is encoded.
const POSTCARD: u8 = 0;
/// First byte of a post kept as JSON (only if postcard ever refused it).
const JSON: u8 = 1;

/// The fields of a [`Post`] in their packed order, nested to stay within serde's tuple sizes.
type Fields = (
    (
        String,
        Platform,
        Author,
        Option<String>,
        String,
        Option<String>,
    ),
    (Vec<String>, Vec<String>, Vec<String>, Vec<String>),
    (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ),
    (Option<String>, Vec<Version>, Appearances),
);

/// The first fields of a packed post, borrowed: id, platform, author (name, handle), date, text.
type Head<'a> = (
    &'a str,
    Platform,
    (Option<&'a str>, Option<&'a str>),
    Option<&'a str>,
    &'a str,
);

impl PostStore {
    /// An empty store.
    #[cfg(any(test, feature = "_internal"))]
    pub fn new() -> PostStore {
        PostStore::default()
    }

    /// Number of posts held.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether no post is held.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Bytes held by the packed posts (arena chunks, including replaced copies).
    #[cfg(any(test, feature = "_internal"))]
    pub fn packed_bytes(&self) -> usize {
        self.arena.len()
    }

    /// Appends a post packed with [`pack`] (e.g. on another thread).
    pub fn push_packed(&mut self, packed: PackedPost) {
        let loc = self.arena.append_owned(packed.0);
        self.slots.push(loc);
    }

    /// Appends a post.
    #[cfg(any(test, feature = "_internal"))]
    pub fn push(&mut self, post: &Post) {
        self.push_packed(pack(post));
    }

    /// A copy of post `i`; `None` past the end.
    pub fn get(&self, i: usize) -> Option<Post> {
        unpack(self.arena.bytes(*self.slots.get(i)?)?)
    }

    /// The text of post `i`, read in place (nothing is unpacked but the fields before it).
    pub fn text(&self, i: usize) -> Option<Cow<'_, str>> {
        match self.head(i)? {
            Ok(head) => Some(Cow::Borrowed(head.4)),
            Err(post) => Some(Cow::Owned(post.text)),
        }
    }

    /// The id of post `i`, read in place.
    pub fn id(&self, i: usize) -> Option<Cow<'_, str>> {
        match self.head(i)? {
            Ok(head) => Some(Cow::Borrowed(head.0)),
            Err(post) => Some(Cow::Owned(post.id)),
        }
    }

    /// The author of post `i`, read in place.
    pub fn author(&self, i: usize) -> Option<Author> {
        match self.head(i)? {
            Ok((_, _, (name, handle), ..)) => Some(Author {
                name: name.map(str::to_string),
                handle: handle.map(str::to_string),
            }),
            Err(post) => Some(post.author),
        }
    }

    /// Replaces post `i` (nothing happens past the end). The new bytes are appended; the old
    /// ones stay in their chunk (posts are replaced rarely: copies of one status, linked posts).
    pub fn set(&mut self, i: usize, post: &Post) {
        if i < self.slots.len() {
            let loc = self.arena.append_owned(pack(post).0);
            if let Some(slot) = self.slots.get_mut(i) {
                *slot = loc;
            }
        }
    }

    /// The size of post `i` packed, in bytes.
    pub(crate) fn packed_len(&self, i: usize) -> Option<usize> {
        self.loc(i).map(|l| l.len as usize)
    }

    /// Where post `i` lies.
    pub(crate) fn loc(&self, i: usize) -> Option<Loc> {
        self.slots.get(i).copied()
    }

    /// Packs `post` into the arena without giving it a place in the order (see
    /// [`PostStore::reorder`]).
    pub(crate) fn add(&mut self, post: &Post) -> Loc {
        self.arena.append_owned(pack(post).0)
    }

    /// Makes `order` the store's posts: places from [`PostStore::loc`] and [`PostStore::add`].
    pub(crate) fn reorder(&mut self, order: Vec<Loc>) {
        self.slots = order;
        self.slots.shrink_to_fit();
        // The chunks no post lies in any more (every post in them replaced or merged away:
        // a post sighted a hundred thousand times has a chunk of its own) are freed.
        let mut used = vec![false; self.arena.chunks.len()];
        for loc in &self.slots {
            if let Some(u) = used.get_mut(loc.chunk as usize) {
                *u = true;
            }
        }
        for (chunk, used) in self.arena.chunks.iter_mut().zip(used) {
            if !used {
                *chunk = Vec::new();
            }
        }
    }

    /// Every post, unpacked, in order.
    pub fn into_posts(self) -> Vec<Post> {
        use rayon::prelude::*;
        (0..self.len())
            .into_par_iter()
            .filter_map(|i| self.get(i))
            .collect()
    }

    /// The first fields of post `i`, borrowed from its packed bytes (the whole post when it
    /// was kept as JSON).
    fn head(&self, i: usize) -> Option<Result<Head<'_>, Post>> {
        let bytes = self.arena.bytes(*self.slots.get(i)?)?;
        match bytes.split_first()? {
            (&POSTCARD, rest) => postcard::from_bytes::<Head<'_>>(rest).ok().map(Ok),
            _ => unpack(bytes).map(Err),
        }
    }
}

/// A quote packed by [`pack_quote`], ready for [`QuoteStore::push_packed`].
#[derive(Debug)]
pub struct PackedQuote(Vec<u8>);

/// Packs a quote (thread-safe, like [`pack`]).
pub fn pack_quote(quote: &Quote) -> PackedQuote {
    PackedQuote(encode(quote, quote, quote.text.len() + 64))
}

/// `value` packed with postcard after its tag byte, with room for `capacity` bytes at once; or
/// `whole` as JSON, were postcard ever to refuse it (records are strings, numbers and lists: an
/// error would be a bug in serde).
fn encode(
    value: &impl serde::Serialize,
    whole: &impl serde::Serialize,
    capacity: usize,
) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(capacity);
    bytes.push(POSTCARD);
    postcard::to_extend(value, bytes).unwrap_or_else(|_| {
        let mut bytes = vec![JSON];
        let _ = serde_json::to_writer(&mut bytes, whole);
        bytes
    })
}

/// Appearances past which [`pack`] measures a post before packing it.
const MANY_APPEARANCES: usize = 1024;

/// A post packed by [`pack`], ready for [`PostStore::push_packed`].
#[derive(Debug)]
pub struct PackedPost(Vec<u8>);

impl PackedPost {
    /// The post again.
    pub fn unpack(&self) -> Option<Post> {
        unpack(&self.0)
    }
}

/// Packs a post (thread-safe: packing can run on all cores before the posts are pushed).
pub fn pack(post: &Post) -> PackedPost {
    let fields = (
        (
            &post.id,
            post.platform,
            &post.author,
            &post.date,
            &post.text,
            &post.lang,
        ),
        (&post.hashtags, &post.mentions, &post.urls, &post.media),
        (
            &post.reply_to,
            &post.quoted_post,
            &post.status_id,
            &post.status_url,
        ),
        (
            &post.created_at,
            &post.versions,
            AppearancesRef(&post.appearances),
        ),
    );
    // Room for the text and the usual short fields at once, not grown field by field; a post
    // with many appearances is measured first, so that its bytes are not copied as they grow.
    let capacity = if post.appearances.len() > MANY_APPEARANCES {
        postcard::experimental::serialized_size(&fields).map_or(0, |n| n + 1)
    } else {
        post.text.len() + 256
    };
    PackedPost(encode(&fields, post, capacity))
}

/// A post's appearances as [`pack`] writes them: the distinct document names once, then per
/// appearance the index of its name and its other fields. A post sighted a hundred thousand
/// times in one document packs its name once, not once an appearance.
struct AppearancesRef<'a>(&'a [Appearance]);

impl Serialize for AppearancesRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut names: Vec<&str> = Vec::new();
        let mut index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut ids: Vec<u32> = Vec::with_capacity(self.0.len());
        let mut last: Option<(&str, u32)> = None;
        for a in self.0 {
            let id = match last {
                Some((name, id)) if name == &*a.document => id,
                _ => *index.entry(&a.document).or_insert_with(|| {
                    names.push(&a.document);
                    (names.len() - 1) as u32
                }),
            };
            last = Some((&a.document, id));
            ids.push(id);
        }
        let mut tuple = serializer.serialize_tuple(2)?;
        tuple.serialize_element(&names)?;
        tuple.serialize_element(&Places(self.0, &ids))?;
        tuple.end()
    }
}

/// The appearances after their names: (name index, kind, line, start, end, similarity) each.
struct Places<'a>(&'a [Appearance], &'a [u32]);

impl Serialize for Places<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for (a, id) in self.0.iter().zip(self.1) {
            seq.serialize_element(&(id, a.kind, a.line, a.start, a.end, a.similarity))?;
        }
        seq.end()
    }
}

/// One packed appearance (see [`Places`]).
type Place = (u32, AppearanceKind, usize, usize, usize, f64);

/// A post's appearances read back from [`AppearancesRef`]'s form: each name made once and
/// shared by its appearances.
struct Appearances(Vec<Appearance>);

impl<'de> Deserialize<'de> for Appearances {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_tuple(2, AppearancesVisitor)
    }
}

/// Reads the names, then the appearances ([`PlacesSeed`]).
struct AppearancesVisitor;

impl<'de> Visitor<'de> for AppearancesVisitor {
    type Value = Appearances;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("document names and appearances")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Appearances, A::Error> {
        let names: Vec<String> = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let names: Vec<Arc<str>> = names.into_iter().map(Arc::from).collect();
        let list = seq
            .next_element_seed(PlacesSeed(&names))?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        Ok(Appearances(list))
    }
}

/// Reads [`Places`] into appearances named from the names read before them.
struct PlacesSeed<'n>(&'n [Arc<str>]);

impl<'de> DeserializeSeed<'de> for PlacesSeed<'_> {
    type Value = Vec<Appearance>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for PlacesSeed<'_> {
    type Value = Vec<Appearance>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("appearances")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Appearance>, A::Error> {
        // Sized once: the list of a flood is not regrown (and so held twice) as it is read.
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some((id, kind, line, start, end, similarity)) = seq.next_element::<Place>()? {
            let document = self
                .0
                .get(id as usize)
                .cloned()
                .ok_or_else(|| de::Error::custom("an appearance names no document"))?;
            list.push(Appearance {
                document,
                kind,
                line,
                start,
                end,
                similarity,
            });
        }
        Ok(list)
    }
}

/// The post packed in `bytes`.
fn unpack(bytes: &[u8]) -> Option<Post> {
    let bytes = match bytes.split_first()? {
        (&POSTCARD, rest) => rest,
        (_, rest) => return serde_json::from_slice(rest).ok(),
    };
    let (
        (id, platform, author, date, text, lang),
        (hashtags, mentions, urls, media),
        (reply_to, quoted_post, status_id, status_url),
        (created_at, versions, Appearances(appearances)),
    ): Fields = postcard::from_bytes(bytes).ok()?;
    Some(Post {
        id,
        platform,
        author,
        date,
        text,
        lang,
        hashtags,
        mentions,
        urls,
        media,
        reply_to,
        quoted_post,
        status_id,
        status_url,
        created_at,
        versions,
        appearances,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Post {
        Post {
            id: "twitter:1211976404581683200".into(),
            platform: Platform::Twitter,
            author: Author {
                name: Some("Ana Ruiz".into()),
                handle: Some("anaruiz".into()),
            },
            date: Some("2019-12-31".into()),
            text: "The bridge opens Monday! #bridge @city https://t.co/abc".into(),
            lang: Some("en".into()),
            hashtags: vec!["bridge".into()],
            mentions: vec!["city".into()],
            urls: vec!["https://t.co/abc".into()],
            media: vec![],
            reply_to: None,
            quoted_post: Some("twitter:1".into()),
            status_id: Some("1211976404581683200".into()),
            status_url: Some("https://twitter.com/anaruiz/status/1211976404581683200".into()),
            created_at: Some("2019-12-31T11:00:00.000Z".into()),
            versions: vec![Version {
                lang: Some("fr".into()),
                text: "Le pont ouvre lundi !".into(),
                documents: vec!["b.html".into()],
            }],
            appearances: vec![Appearance {
                document: "a.txt".into(),
                kind: AppearanceKind::Embed,
                line: 3,
                start: 10,
                end: 90,
                similarity: 1.0,
            }],
        }
    }

    #[test]
    fn round_trips_every_field() {
        let mut store = PostStore::new();
        let post = sample();
        store.push(&post);
        let mut bare = sample();
        bare.created_at = None;
        bare.versions.clear();
        bare.author = Author::default();
        store.push(&bare);
        assert_eq!(store.get(0), Some(post.clone()));
        assert_eq!(store.get(1), Some(bare.clone()));
        assert_eq!(store.get(2), None);
        assert_eq!(store.text(0).as_deref(), Some(post.text.as_str()));
        assert_eq!(store.author(0), Some(post.author.clone()));
        assert_eq!(store.author(1), Some(Author::default()));
        assert_eq!(store.text(2).as_deref(), None);
        assert_eq!(store.into_posts(), vec![post, bare]);
    }

    #[test]
    fn packed_is_smaller_than_the_struct_alone() {
        let PackedPost(bytes) = pack(&sample());
        assert_eq!(bytes.first(), Some(&POSTCARD));
        assert!(bytes.len() < std::mem::size_of::<Post>());
    }

    #[test]
    fn json_fallback_unpacks() {
        let post = sample();
        let mut bytes = vec![JSON];
        serde_json::to_writer(&mut bytes, &post).expect("serializes");
        let mut store = PostStore::new();
        store.push_packed(PackedPost(bytes));
        assert_eq!(store.get(0), Some(post.clone()));
        assert_eq!(store.text(0).as_deref(), Some(post.text.as_str()));
        assert_eq!(store.author(0), Some(post.author));
    }

    #[test]
    fn set_and_reorder() {
        let mut store = PostStore::new();
        store.push(&sample());
        let mut changed = sample();
        changed.text = "changed".into();
        store.set(0, &changed);
        let mut added = sample();
        added.text = "added".into();
        let new = store.add(&added);
        let old = store.loc(0).expect("a place");
        store.reorder(vec![new, old]);
        assert_eq!(store.get(0).map(|p| p.text), Some("added".into()));
        assert_eq!(store.get(1).map(|p| p.text), Some("changed".into()));
    }

    #[test]
    fn quotes_round_trip() {
        let quote = Quote {
            id: "quote:1".into(),
            document: "a.txt".into(),
            line: 2,
            start: 5,
            end: 9,
            text: "words".into(),
            speaker: Some("Ana Ruiz".into()),
            speaker_mention: Some("Ruiz".into()),
            cue: None,
            post: None,
        };
        let mut store = QuoteStore::default();
        store.push(&quote);
        let mut other = quote.clone();
        other.speaker = None;
        store.push(&other);
        assert_eq!(store.len(), 2);
        assert_eq!(store.into_quotes(), vec![quote, other]);
    }

    #[test]
    fn posts_longer_than_a_chunk_get_their_own() {
        let mut store = PostStore::new();
        let mut long = sample();
        long.text = "x".repeat(CHUNK + 10);
        store.push(&sample());
        store.push(&long);
        store.push(&sample());
        assert_eq!(store.get(1), Some(long));
        assert_eq!(store.get(2), Some(sample()));
    }
}
