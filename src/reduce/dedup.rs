//! Deduplication: the same post seen in several places becomes one record.
//!
//! ```text
//! doc A  embed  "The bridge opens Monday! https://t.co/abc pic.twitter.com/xyz" — Ana Ruiz (@anaruiz)
//! doc B  card   "The bridge opens Monday!"                       (links and media dropped)
//! doc C  html   "The bridge opens…"  status 1234                 (truncated, status id known)
//! → one post `twitter:1234`, text of doc A, three appearances
//! ```
//!
//! # How posts are merged
//! Records are compared within one author: same platform and same handle (case-folded). A
//! record without a handle counts as the handle shown elsewhere with its display name (folded)
//! when exactly one is; else its folded name is the author. **Different handles never merge.**
//! Texts are compared as word sequences: lowercase runs of letters and digits, with links and
//! media links removed and `&amp;`-style entities decoded, so white space, quote marks,
//! punctuation, dropped trailing links or media, and HTML-vs-text differences disappear.
//! Two records merge when
//! 1. they have the same id (same status id, or same author and normalized text), or
//! 2. their word sequences are equal, or
//! 3. one is **truncated** (ends with `…` or `...`, trailing links aside): its words, less the
//!    last (possibly cut) one, at least [`MIN_PREFIX`] of them, are a prefix of exactly one
//!    other text by that author. When two different texts continue the prefix, nothing merges.
//!
//! Two records with different status ids never merge, so two different posts by one author stay
//! apart even if their texts collide; a record without a status id joins the record with the
//! smallest status id among those with its text.
//!
//! # The surviving record
//! The survivor is chosen by content, not by input order, so ids are stable whatever the file
//! order: a record with a status id first, then the fullest text (most words, not truncated),
//! then one without HTML entities left in, then the most non-space characters, then the
//! smallest id. It keeps its text with that text's entities and language; the other
//! records fill the fields it lacks (name, handle, date, reply, status...), and every appearance
//! of every record is kept, in input order. Other texts shown for the same status id (e.g. a
//! translated copy of the page) are kept as `versions`. Ids of absorbed records are rewritten to
//! the survivor's in every `quoted_post`.
//!
//! # Cost
//! O(n) expected: hash keys for ids and for (author, word sequence); for truncated records, a
//! map from (author, hash of each prefix of [`MIN_PREFIX`]+ words) built only for authors that
//! have a truncated record — O(total words). No pairwise comparison.

use crate::model::{Appearance, AppearanceKind, Platform, Post, Version};
use crate::reduce::store::PostStore;
use crate::reduce::words;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::num::NonZeroU64;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Fewest words a truncated text must keep to merge with a fuller one.
pub const MIN_PREFIX: usize = 5;

/// Merges the posts that are the same post, keeping first-appearance order.
#[cfg(any(test, feature = "_internal"))]
pub fn merge(posts: impl IntoIterator<Item = Post>) -> Vec<Post> {
    let posts: Vec<Post> = posts.into_iter().collect();
    let summaries: Vec<Summary> = posts.par_iter().map(Summary::of).collect();
    let handles = handles_by_name(&summaries);
    let merged = merge_groups(posts, &summaries, &handles);
    let mut out = merged.posts;
    rename_quoted(out.iter_mut(), &merged.renamed);
    out
}

/// Merges the posts of a packed store (see [`merge`]; the same result), decoding only the
/// posts that can merge with another: the copies of one status (first folded into versions,
/// [`crate::reduce::versions::fold`]), the records sharing an id or an (author, word sequence), every
/// record of an author with a truncated text, and records already seen more than once. The
/// others — most of a corpus — move to the result still packed. `summaries` are the posts'
/// [`Summary`]s, in store order.
pub fn merge_packed(mut store: PostStore, mut summaries: Vec<Summary>) -> PostStore {
    let n = store.len().min(summaries.len());
    // Copies of one status: versions first, then their summaries again (texts may change).
    let copies = repeated(summaries.iter().map(|s| s.status.map(NonZeroU64::get)));
    if !copies.is_empty() {
        let (at, mut posts): (Vec<usize>, Vec<Post>) = load(&store, &copies).into_iter().unzip();
        crate::reduce::versions::fold(&mut posts);
        for (i, post) in at.into_iter().zip(&posts) {
            store.set(i, post);
            if let Some(s) = summaries.get_mut(i) {
                *s = Summary::of(post);
            }
        }
    }
    let handles = handles_by_name(&summaries);
    let authors: Vec<Option<u64>> = summaries.par_iter().map(|s| s.author(&handles)).collect();
    let texts = summaries.iter().zip(&authors).map(|(s, a)| {
        let a = a.filter(|_| s.n_words > 0)?;
        Some(xxh3_64_with_seed(&s.seq.to_le_bytes(), a))
    });
    let truncating: HashSet<u64> = summaries
        .iter()
        .zip(&authors)
        .filter(|(s, _)| s.truncated)
        .filter_map(|(_, a)| *a)
        .collect();
    let mut candidate: Vec<bool> = summaries
        .iter()
        .zip(&authors)
        .map(|(s, a)| s.several_appearances || a.is_some_and(|a| truncating.contains(&a)))
        .collect();
    for i in repeated(summaries.iter().map(|s| Some(s.id)))
        .into_iter()
        .chain(repeated(texts))
    {
        if let Some(c) = candidate.get_mut(i) {
            *c = true;
        }
    }
    drop(authors);
    let subset: Vec<usize> = (0..n)
        .filter(|&i| candidate.get(i) == Some(&true))
        .collect();
    let (at, posts): (Vec<usize>, Vec<Post>) = load(&store, &subset).into_iter().unzip();
    let sub_summaries: Vec<Summary> = at
        .iter()
        .filter_map(|&i| summaries.get(i))
        .copied()
        .collect();
    let merged = merge_groups(posts, &sub_summaries, &handles);
    drop(sub_summaries);
    // The result in first-appearance order: untouched posts where they were, each merged group
    // at its first record.
    let mut firsts = merged
        .first_member
        .iter()
        .filter_map(|&k| at.get(k).copied())
        .zip(merged.posts)
        .peekable();
    let mut order = Vec::with_capacity(n);
    for i in 0..n {
        if candidate.get(i) == Some(&true) {
            if let Some((_, mut post)) = firsts.next_if(|(first, _)| *first == i) {
                rename_quoted(std::iter::once(&mut post), &merged.renamed);
                order.push(store.add(&post));
            }
            continue;
        }
        // Only a post naming a quoted post may need unpacking (to rename that id).
        let quoting = summaries.get(i).is_some_and(|s| s.quotes_a_post);
        if quoting && !merged.renamed.is_empty() {
            if let Some(mut post) = store.get(i) {
                rename_quoted(std::iter::once(&mut post), &merged.renamed);
                order.push(store.add(&post));
                continue;
            }
        }
        order.extend(store.loc(i));
    }
    store.reorder(order);
    store
}

/// The posts at `indices`, decoded on all cores, with their index.
fn load(store: &PostStore, indices: &[usize]) -> Vec<(usize, Post)> {
    indices
        .par_iter()
        .filter_map(|&i| Some((i, store.get(i)?)))
        .collect()
}

/// The indices of the items whose key (when they have one) another item shares, in order.
fn repeated(keys: impl Iterator<Item = Option<u64>>) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = keys
        .enumerate()
        .filter_map(|(i, k)| Some((k?, i)))
        .collect();
    keyed.sort_unstable();
    let mut out = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            out.extend(run.iter().map(|&(_, i)| i));
        }
    }
    out.sort_unstable();
    out
}

/// Points every `quoted_post` at the surviving id of the post it names.
fn rename_quoted<'a>(posts: impl Iterator<Item = &'a mut Post>, renamed: &HashMap<String, String>) {
    if renamed.is_empty() {
        return;
    }
    for p in posts {
        if let Some(q) = p.quoted_post.as_ref().and_then(|q| renamed.get(q)) {
            p.quoted_post = Some(q.clone());
        }
    }
}

/// What [`merge_groups`] gives back.
struct Merged {
    /// One post per group, in order of first appearance.
    posts: Vec<Post>,
    /// For each of them, the input index of the group's first record.
    first_member: Vec<usize>,
    /// Ids of absorbed records -> the id of the record that absorbed them.
    renamed: HashMap<String, String>,
}

/// Merges `posts` (with their summaries) into one post per group; `quoted_post`s are left
/// for the caller to rename. The three rules of the module docs join records into sets, then
/// each set keeps one survivor that absorbs the others.
fn merge_groups(posts: Vec<Post>, summaries: &[Summary], handles: &HandlesByName) -> Merged {
    let mut sets = Sets::new(&posts);
    union_same_id(&posts, &mut sets);
    let mut keys: Vec<MergeKey> = summaries.iter().map(|s| MergeKey::of(s, handles)).collect();
    union_same_text(&posts, &keys, &mut sets);
    union_truncated(&posts, &mut keys, &mut sets);
    let groups = Groups::of(&mut sets);
    drop(sets);
    merge_each_group(posts, &keys, &groups)
}

/// The order in which records of one text or one prefix are joined: records with a status id
/// first (smallest id first), then by post id, then by input order.
fn canonical_order(posts: &[Post], i: usize) -> (bool, Option<String>, Option<String>, usize) {
    let p = posts.get(i);
    (
        p.is_none_or(|p| p.status_id.is_none()),
        p.and_then(|p| p.status_id.clone()),
        p.map(|p| p.id.clone()),
        i,
    )
}

/// Rule 1: records with the same id are one post.
fn union_same_id(posts: &[Post], sets: &mut Sets) {
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(posts.len());
    for (i, p) in posts.iter().enumerate() {
        if let Some(&j) = by_id.get(p.id.as_str()) {
            sets.union(j, i);
        } else {
            by_id.insert(p.id.as_str(), i);
        }
    }
}

/// Rule 2: records of one author with the same word sequence are one post, joined in
/// [`canonical_order`]. The per-post work (tokenizing, hashing) is in the summaries; everything
/// here is hashing.
fn union_same_text(posts: &[Post], keys: &[MergeKey], sets: &mut Sets) {
    // Records with the same (author, word sequence) are runs of one sorted array: a few
    // bytes per record where a map of vectors costs a heap block each.
    let mut by_text: Vec<(u64, u64, usize)> = keys
        .iter()
        .enumerate()
        .filter(|(_, f)| f.n_words > 0)
        .filter_map(|(i, f)| Some((f.author?, f.seq, i)))
        .collect();
    by_text.sort_unstable();
    // Runs of two or more, in order of their first record.
    let mut runs: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    for end in 1..=by_text.len() {
        let key = |k: usize| by_text.get(k).map(|&(a, s, _)| (a, s));
        if end == by_text.len() || key(end) != key(start) {
            if end - start > 1 {
                let first = by_text.get(start).map_or(0, |k| k.2);
                runs.push((first, start..end));
            }
            start = end;
        }
    }
    runs.sort_unstable_by_key(|r| r.0);
    for (_, run) in runs {
        let mut bucket: Vec<usize> = by_text
            .get(run)
            .unwrap_or(&[])
            .iter()
            .map(|k| k.2)
            .collect();
        bucket.sort_by_cached_key(|&i| canonical_order(posts, i));
        for k in 1..bucket.len() {
            for j in 0..k.min(4) {
                if let (Some(&a), Some(&b)) = (bucket.get(j), bucket.get(k)) {
                    if sets.union(a, b) {
                        break;
                    }
                }
            }
        }
    }
}

/// Rule 3: a truncated text joins the one fuller text of its author that it begins.
fn union_truncated(posts: &[Post], keys: &mut [MergeKey], sets: &mut Sets) {
    let truncating: HashSet<u64> = keys
        .iter()
        .filter(|f| f.truncated)
        .filter_map(|f| f.author)
        .collect();
    if truncating.is_empty() {
        return;
    }
    // Only these authors' records need their word hashes kept.
    posts
        .par_iter()
        .zip(keys.par_iter_mut())
        .filter(|(_, f)| f.author.is_some_and(|a| truncating.contains(&a)))
        .for_each(|(p, f)| f.words = word_hashes(&p.text, f.truncated));
    // (author, prefix hash) -> up to two distinct longer texts, complete ones and truncated ones.
    let mut prefixes: HashMap<(u64, u64), Continuations> = HashMap::new();
    for (i, f) in keys.iter().enumerate() {
        let Some(a) = f.author.filter(|a| truncating.contains(a)) else {
            continue;
        };
        let mut h = 0u64;
        for (k, w) in f.words.iter().enumerate() {
            h = chain(h, *w);
            if k + 1 >= MIN_PREFIX && k + 1 < f.words.len() + usize::from(f.truncated) {
                prefixes
                    .entry((a, h))
                    .or_default()
                    .add(f.seq, i, f.truncated);
            }
        }
    }
    let mut order: Vec<usize> = (0..posts.len())
        .filter(|&i| keys.get(i).is_some_and(|f| f.truncated))
        .collect();
    order.sort_by_cached_key(|&i| canonical_order(posts, i));
    for i in order {
        let Some(f) = keys.get(i) else { continue };
        let (Some(a), true) = (f.author, f.n_words >= MIN_PREFIX) else {
            continue;
        };
        let Some(c) = prefixes.get(&(a, f.seq)) else {
            continue;
        };
        let pick = |list: &[(u64, usize)]| {
            let others: Vec<_> = list.iter().filter(|(s, _)| *s != f.seq).collect();
            (others.len() == 1)
                .then(|| others.first().map(|o| o.1))
                .flatten()
        };
        let target = if c.complete().is_empty() {
            pick(c.truncated())
        } else {
            pick(c.complete())
        };
        if let Some(j) = target {
            let prefix_ok = keys
                .get(j)
                .is_some_and(|g| g.words.get(..f.words.len()) == Some(&f.words[..]));
            if prefix_ok && c.complete().len() <= 1 {
                sets.union(j, i);
            }
        }
    }
}

/// One post per group, in order of first appearance: a lone record as it is (repeated
/// appearances dropped), a group's survivor with the others folded in.
fn merge_each_group(posts: Vec<Post>, keys: &[MergeKey], groups: &Groups) -> Merged {
    let first_member: Vec<usize> = groups.iter().filter_map(|m| m.first().copied()).collect();
    // Merged records are written back into `slots` at their group's index: group `g`'s first
    // member is at index `g` or later, and every slot before it belongs to a group already
    // merged, so slot `g` is free — no second vector of all the posts.
    let mut slots: Vec<Option<Post>> = posts.into_iter().map(Some).collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for (g, members) in groups.iter().enumerate() {
        let merged = if let [only] = members {
            // Most posts are seen once: nothing to choose or absorb.
            slots.get_mut(*only).and_then(Option::take).map(|mut post| {
                if post.appearances.len() > 1 {
                    post.appearances = distinct_appearances(std::mem::take(&mut post.appearances));
                }
                post
            })
        } else {
            let survivor = choose_survivor(members, &slots, keys);
            merge_group(members, survivor, &mut slots, keys, &mut renamed)
        };
        if let (Some(post), Some(slot)) = (merged, slots.get_mut(g)) {
            *slot = Some(post);
        }
    }
    slots.truncate(groups.len());
    // `filter_map` collects in place (same size: `Option<Post>` uses a niche); `flatten` would
    // allocate a second vector of every post.
    #[allow(clippy::filter_map_identity)]
    let mut out: Vec<Post> = slots.into_iter().filter_map(|p| p).collect();
    out.shrink_to_fit();
    Merged {
        posts: out,
        first_member,
        renamed,
    }
}

/// The record a group keeps, by content rather than input order (see the module docs): a
/// status id, the fullest text, no entities left in, the most non-space characters, the
/// smallest id.
fn choose_survivor(members: &[usize], slots: &[Option<Post>], keys: &[MergeKey]) -> usize {
    members
        .iter()
        .copied()
        .min_by_key(|&i| {
            let p = slots.get(i).and_then(Option::as_ref);
            let f = keys.get(i);
            (
                p.is_none_or(|p| p.status_id.is_none()),
                std::cmp::Reverse(f.map_or(0, |f| f.n_words + usize::from(!f.truncated))),
                p.is_some_and(|p| words::has_entities(&p.text)),
                std::cmp::Reverse(
                    p.map_or(0, |p| p.text.chars().filter(|c| !c.is_whitespace()).count()),
                ),
                p.map(|p| p.id.clone()),
            )
        })
        .unwrap_or(0)
}

/// Folds the other members of a group into its survivor, taking them out of `slots`: every
/// appearance once, in member order; other texts of the same status as versions; absorbed ids
/// noted in `renamed`.
fn merge_group(
    members: &[usize],
    survivor: usize,
    slots: &mut [Option<Post>],
    keys: &[MergeKey],
    renamed: &mut HashMap<String, String>,
) -> Option<Post> {
    let mut into = slots.get_mut(survivor).and_then(Option::take)?;
    let mut seen = Seen::default();
    let mut appearances = Vec::new();
    // The survivor's own appearances, moved rather than copied (read once: the second time
    // they would all be repeats).
    let mut own = Some(std::mem::take(&mut into.appearances));
    let survivor_seq = keys.get(survivor).map(|f| f.seq);
    for &i in members {
        let other = if i == survivor {
            None
        } else {
            slots.get_mut(i).and_then(Option::take)
        };
        match &other {
            Some(o) => {
                for a in &o.appearances {
                    if seen.first(a) {
                        appearances.push(a.clone());
                    }
                }
            }
            None => {
                for a in own.take().unwrap_or_default() {
                    if seen.first(&a) {
                        appearances.push(a);
                    }
                }
            }
        }
        if let Some(mut o) = other {
            if o.id != into.id {
                renamed.insert(o.id.clone(), into.id.clone());
            }
            let same_status = o.status_id.is_some() && o.status_id == into.status_id;
            let f = keys.get(i);
            let other_text = f.is_some_and(|f| Some(f.seq) != survivor_seq && !f.truncated);
            if same_status && other_text {
                add_version(&mut into.versions, &o);
            }
            for v in std::mem::take(&mut o.versions) {
                if v.text != into.text {
                    merge_version(&mut into.versions, v);
                }
            }
            o.appearances.clear();
            absorb(&mut into, o);
        }
    }
    into.appearances = appearances;
    Some(into)
}

/// The appearances without repeats (same document, span and kind), in order.
fn distinct_appearances(list: Vec<Appearance>) -> Vec<Appearance> {
    let mut seen = Seen::default();
    list.into_iter().filter(|a| seen.first(a)).collect()
}

/// The appearances met so far, by document (numbered in order of first use: a post seen
/// a hundred thousand times in one document keeps one copy of its name, not one per
/// appearance), span and kind.
#[derive(Default)]
struct Seen {
    documents: HashMap<String, usize>,
    places: HashSet<(usize, usize, usize, AppearanceKind)>,
}

impl Seen {
    /// Whether `a` is met for the first time; it is met from now on.
    fn first(&mut self, a: &Appearance) -> bool {
        let document = match self.documents.get(&*a.document) {
            Some(&d) => d,
            None => {
                let d = self.documents.len();
                self.documents.insert(a.document.to_string(), d);
                d
            }
        };
        self.places.insert((document, a.start, a.end, a.kind))
    }
}

/// Folds `other` (another sighting of the same post) into `into`: fills the fields `into`
/// lacks and appends its appearances.
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
    fill(&mut into.created_at, other.created_at);
    // Appended as they come: [`merge`] drops repeats with a hash set, so a post seen a
    // hundred thousand times costs linear time, not a scan of its list per sighting.
    into.appearances.extend(other.appearances);
}

fn add_version(versions: &mut Vec<Version>, o: &Post) {
    let mut documents: Vec<String> = Vec::new();
    for a in &o.appearances {
        if !documents.iter().any(|d| **d == *a.document) {
            documents.push(a.document.to_string());
        }
    }
    merge_version(
        versions,
        Version {
            lang: o.lang.clone(),
            text: o.text.clone(),
            documents,
        },
    );
}

fn merge_version(versions: &mut Vec<Version>, v: Version) {
    match versions.iter_mut().find(|x| x.text == v.text) {
        Some(x) => {
            for d in v.documents {
                if !x.documents.contains(&d) {
                    x.documents.push(d);
                }
            }
        }
        None => versions.push(v),
    }
}

/// Distinct texts continuing one prefix, complete and truncated (three of each at most: with
/// the record's own text and two others the prefix is already ambiguous). Fixed arrays, so the
/// map of all prefixes allocates nothing per entry.
#[derive(Default)]
struct Continuations {
    complete: [(u64, usize); 3],
    n_complete: usize,
    truncated: [(u64, usize); 3],
    n_truncated: usize,
}

impl Continuations {
    fn add(&mut self, seq: u64, i: usize, truncated: bool) {
        let (list, n) = if truncated {
            (&mut self.truncated, &mut self.n_truncated)
        } else {
            (&mut self.complete, &mut self.n_complete)
        };
        let known = list
            .get(..*n)
            .is_some_and(|l| l.iter().any(|(s, _)| *s == seq));
        if !known {
            if let Some(slot) = list.get_mut(*n) {
                *slot = (seq, i);
                *n += 1;
            }
        }
    }

    fn complete(&self) -> &[(u64, usize)] {
        self.complete.get(..self.n_complete).unwrap_or(&[])
    }

    fn truncated(&self) -> &[(u64, usize)] {
        self.truncated.get(..self.n_truncated).unwrap_or(&[])
    }
}

/// What deduplication compares of one record.
struct MergeKey {
    /// Hash of platform + handle (or folded name); `None` when the author is unknown.
    author: Option<u64>,
    /// Hashes of the normalized words (the cut last word of a truncated text dropped), kept
    /// only for authors with a truncated record (the prefix comparisons); empty otherwise.
    words: Vec<u64>,
    /// How many words there are.
    n_words: usize,
    /// Hash of the word hashes (chained per word, as the prefix hashes are).
    seq: u64,
    /// The text ends with `…` / `...`.
    truncated: bool,
}

/// For each (platform, hash of a folded display name), the author key of the one handle shown
/// with it; `None` when the name is shown with several handles. Hashes, not strings: one entry
/// per named record of the corpus.
type HandlesByName = HashMap<(Platform, u64), Option<u64>>;

/// The author key of a handle: a hash of the platform and `@handle` (lowercase).
fn handle_key(platform: Platform, handle: &str) -> u64 {
    xxh3_64(format!("{}\u{1f}@{}", platform.as_str(), handle.to_lowercase()).as_bytes())
}

/// The author key of a display name known only by the hash of its folded form (another seed
/// than [`handle_key`]'s strings, so the two kinds of key do not meet).
fn name_key(platform: Platform, name_hash: u64) -> u64 {
    xxh3_64_with_seed(
        &name_hash.to_le_bytes(),
        0x6e61_6d65 ^ ((platform as u64) << 32),
    )
}

fn handles_by_name(summaries: &[Summary]) -> HandlesByName {
    let mut map = HandlesByName::new();
    for s in summaries {
        let (Some(name), Some(handle)) = (s.name, s.handle) else {
            continue;
        };
        let handle = handle.get();
        map.entry((s.platform, name.get()))
            .and_modify(|v| {
                if *v != Some(handle) {
                    *v = None;
                }
            })
            .or_insert(Some(handle));
    }
    map
}

/// What deduplication needs to know of a post, computed once (on the scanning threads) so
/// that the reduce step reads a packed post again only when it may merge: hashes of its id,
/// status, handle, folded name and word sequence. 48 bytes.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    /// Hash of the id.
    id: u64,
    /// Hash of the word sequence (see [`MergeKey::seq`]).
    seq: u64,
    /// Hash of platform and status id, when the post has one.
    status: Option<NonZeroU64>,
    /// [`handle_key`] of the handle.
    handle: Option<NonZeroU64>,
    /// Hash of the folded display name, when it folds to something.
    name: Option<NonZeroU64>,
    /// How many words the text has (see [`MergeKey::n_words`]).
    n_words: u32,
    /// The network.
    platform: Platform,
    /// The text ends with `…` / `...`.
    truncated: bool,
    /// It holds more than one appearance (exact repeats folded in as they came).
    several_appearances: bool,
    /// It names a quoted post (whose id merging may rename).
    quotes_a_post: bool,
}

impl Summary {
    /// The summary of `p`.
    pub fn of(p: &Post) -> Summary {
        let nz = |h: u64| NonZeroU64::new(h).unwrap_or(NonZeroU64::MIN);
        let truncated = is_truncated(&p.text);
        let (mut n_words, mut seq) = (0u32, 0u64);
        for_each_word_hash(&p.text, truncated, |h| {
            seq = chain(seq, h);
            n_words += 1;
        });
        let folded = p.author.name.as_deref().map(crate::detect::fold);
        Summary {
            id: xxh3_64(p.id.as_bytes()),
            seq,
            status: p
                .status_id
                .as_ref()
                .map(|s| nz(xxh3_64_with_seed(s.as_bytes(), p.platform as u64))),
            handle: p
                .author
                .handle
                .as_deref()
                .map(|h| nz(handle_key(p.platform, h))),
            name: folded
                .filter(|f| !f.is_empty())
                .map(|f| nz(xxh3_64(f.as_bytes()))),
            n_words,
            platform: p.platform,
            truncated,
            several_appearances: p.appearances.len() > 1,
            quotes_a_post: p.quoted_post.is_some(),
        }
    }

    /// The author key: the handle's, else that of the one handle shown with the display name
    /// anywhere, else the name's own; `None` when the post shows neither.
    fn author(&self, handles: &HandlesByName) -> Option<u64> {
        match (self.handle, self.name) {
            (Some(h), _) => Some(h.get()),
            (None, Some(n)) => match handles.get(&(self.platform, n.get())) {
                // A name-only sighting joins the one handle shown for that name.
                Some(Some(handle)) => Some(*handle),
                _ => Some(name_key(self.platform, n.get())),
            },
            _ => None,
        }
    }
}

impl MergeKey {
    fn of(s: &Summary, handles: &HandlesByName) -> MergeKey {
        MergeKey {
            author: s.author(handles),
            n_words: s.n_words as usize,
            seq: s.seq,
            words: Vec::new(),
            truncated: s.truncated,
        }
    }
}

/// The hashes of a text's compared words, the cut last word of a truncated text dropped.
fn word_hashes(text: &str, truncated: bool) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for_each_word_hash(text, truncated, |h| words.push(h));
    words
}

/// Calls `f` with the hash of each compared word of `text`, the cut last word of a truncated
/// text left out (each word is passed on one step late, so no list is needed).
fn for_each_word_hash(text: &str, truncated: bool, mut f: impl FnMut(u64)) {
    let mut pending = None;
    words::for_each_text_word(text, |w| {
        if let Some(previous) = pending.replace(xxh3_64(w.as_bytes())) {
            f(previous);
        }
    });
    if let (Some(last), false) = (pending, truncated) {
        f(last);
    }
}

/// The running hash of a word sequence, one word hash at a time (the same for prefixes).
fn chain(h: u64, word: u64) -> u64 {
    xxh3_64_with_seed(&word.to_le_bytes(), h)
}

/// Whether a post's text was cut short: it ends with `…` or `...` once trailing links are
/// set aside.
pub fn is_truncated(text: &str) -> bool {
    let mut rest = text.trim_end();
    while let Some((head, last)) = rest.rsplit_once(char::is_whitespace) {
        if !is_link(last) {
            break;
        }
        rest = head.trim_end();
    }
    if is_link(rest) {
        return false;
    }
    rest.ends_with('…') || rest.ends_with("...")
}

fn is_link(word: &str) -> bool {
    let starts = |prefix: &str| {
        word.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    word.contains("://") || starts("pic.twitter.com/") || starts("www.")
}

/// The records of each set, sets in order of first appearance and records in input order,
/// in two flat arrays (not a vector per set).
struct Groups {
    /// Where each group's records start in `members`, plus the end.
    starts: Vec<usize>,
    /// Record indices, group after group.
    members: Vec<usize>,
}

impl Groups {
    fn of(sets: &mut Sets) -> Groups {
        let n = sets.parent.len();
        let mut group_of_root = vec![usize::MAX; n];
        let mut group_of = Vec::with_capacity(n);
        let mut sizes: Vec<usize> = Vec::new();
        for i in 0..n {
            let root = sets.find(i);
            let Some(slot) = group_of_root.get_mut(root) else {
                continue;
            };
            if *slot == usize::MAX {
                *slot = sizes.len();
                sizes.push(0);
            }
            let g = *slot;
            if let Some(size) = sizes.get_mut(g) {
                *size += 1;
            }
            group_of.push((i, g));
        }
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0;
        for size in &sizes {
            starts.push(at);
            at += size;
        }
        starts.push(at);
        let mut next = starts.clone();
        let mut members = vec![0; at];
        for (i, g) in group_of {
            if let Some(k) = next.get_mut(g) {
                if let Some(m) = members.get_mut(*k) {
                    *m = i;
                }
                *k += 1;
            }
        }
        Groups { starts, members }
    }

    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn iter(&self) -> impl Iterator<Item = &[usize]> {
        self.starts
            .windows(2)
            .map(|w| self.members.get(w[0]..w[1]).unwrap_or(&[]))
    }
}

/// Union-find over record indices; a set holds at most one status id.
struct Sets {
    parent: Vec<usize>,
    status: Vec<Option<String>>,
}

impl Sets {
    fn new(posts: &[Post]) -> Sets {
        Sets {
            parent: (0..posts.len()).collect(),
            status: posts.iter().map(|p| p.status_id.clone()).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        let mut root = i;
        while let Some(&p) = self.parent.get(root) {
            if p == root {
                break;
            }
            root = p;
        }
        while let Some(&p) = self.parent.get(i) {
            if p == root {
                break;
            }
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = root;
            }
            i = p;
        }
        root
    }

    /// Joins the sets of `a` and `b` unless they hold different status ids; true when joined.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let (sa, sb) = (
            self.status.get(ra).cloned().flatten(),
            self.status.get(rb).cloned().flatten(),
        );
        if let (Some(x), Some(y)) = (&sa, &sb) {
            if x != y {
                return false;
            }
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.parent.get_mut(child) {
            *slot = root;
        }
        if let Some(slot) = self.status.get_mut(root) {
            *slot = sa.or(sb);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_marks() {
        assert!(is_truncated("The bridge opens on Mon…"));
        assert!(is_truncated("The bridge opens on Mon... https://t.co/abc"));
        assert!(!is_truncated("The bridge opens on Monday https://t.co/abc"));
    }
}
