//! Detectors: find the posts a document shows, one file per shape.
//!
//! Each detector walks the document once and yields [`Sighting`]s: a post as seen in one place,
//! with the byte span it covers. Later stages ([`crate::post`]) turn sightings into records and
//! [`crate::reduce::dedup`] merges them across documents.
//!
//! | shape | file | trigger |
//! |---|---|---|
//! | blockquote text with `— Name (@handle) Date` | [`embed`] | `(@` |
//! | rendered card copied as text | [`card`] | short name line + short body |
//! | Instagram / Facebook byline under the post | [`byline`] | `A post shared by`, `Posted by` |
//! | TikTok embed: `@handle`, caption, `♬ sound` | [`tiktok`] | `♬` |
//! | listed posts `Name (@handle): “text”` | [`handle_colon`] | `(@` early in a line |
//! | replies listed as `@handle: text`, two or more | [`handle_colon`] | `@` opening a line |
//! | `handle: text` over a credit line `Name, Place`, two or more | [`handle_colon`] | `: ` |
//! | a status link alone on its line | [`bare_link`] | a line without spaces |
//! | listed posts signed by a bare `@handle` | [`handle_list`] | a line ending in a handle |

pub mod bare_link;
pub mod byline;
pub mod card;
pub mod embed;
pub mod handle_colon;
pub mod handle_list;
pub mod paragraphs;
pub mod signature;
pub mod tiktok;

use crate::document::Document;
use crate::model::{AppearanceKind, Author, Platform};
use crate::post::date::Date;
use paragraphs::Paras;
use std::collections::HashMap;

/// A post as seen in one place of one document, before deduplication.
#[derive(Debug, Clone)]
pub struct Sighting {
    /// The network.
    pub platform: Platform,
    /// The shape it was found in.
    pub kind: AppearanceKind,
    /// Who wrote it, as shown.
    pub author: Author,
    /// The printed date.
    pub date: Option<Date>,
    /// The post's text: its lines joined by `\n`.
    pub text: String,
    /// What few sightings have ([`Sighting::reply_to`], [`Sighting::quotes`],
    /// [`Sighting::status_id`]), boxed: a flood of posts (one a line) holds a sighting per
    /// paragraph before they are folded, at 104 bytes each rather than 160.
    pub(crate) extra: Option<Box<Extra>>,
    /// Byte offset where the whole fragment starts.
    pub start: usize,
    /// Byte offset where the whole fragment ends (exclusive).
    pub end: usize,
}

/// The rarer fields of a [`Sighting`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Extra {
    reply_to: Option<String>,
    quotes: Option<usize>,
    status_id: Option<String>,
}

/// The answer of a [`Sighting`] without [`Extra`].
static NO_STRING: Option<String> = None;

impl Extra {
    /// The box of a sighting's rarer fields, none when they are all empty.
    pub(crate) fn of(
        reply_to: Option<String>,
        quotes: Option<usize>,
        status_id: Option<String>,
    ) -> Option<Box<Extra>> {
        (reply_to.is_some() || quotes.is_some() || status_id.is_some()).then(|| {
            Box::new(Extra {
                reply_to,
                quotes,
                status_id,
            })
        })
    }
}

impl Sighting {
    /// The handle it replies to.
    pub fn reply_to(&self) -> &Option<String> {
        self.extra.as_ref().map_or(&NO_STRING, |e| &e.reply_to)
    }

    /// Index (in the same scan's output) of the sighting this one quotes.
    pub fn quotes(&self) -> Option<usize> {
        self.extra.as_ref().and_then(|e| e.quotes)
    }

    /// Status id, where the document carries the status link.
    pub fn status_id(&self) -> &Option<String> {
        self.extra.as_ref().map_or(&NO_STRING, |e| &e.status_id)
    }

    /// The rarer fields, boxed on first use.
    fn extra_mut(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// Sets the handle it replies to.
    pub fn set_reply_to(&mut self, reply_to: Option<String>) {
        if reply_to.is_some() || self.extra.is_some() {
            self.extra_mut().reply_to = reply_to;
        }
    }

    /// Sets the index of the sighting it quotes.
    pub fn set_quotes(&mut self, quotes: Option<usize>) {
        if quotes.is_some() || self.extra.is_some() {
            self.extra_mut().quotes = quotes;
        }
    }

    /// Sets the status id.
    pub fn set_status_id(&mut self, status_id: Option<String>) {
        if status_id.is_some() || self.extra.is_some() {
            self.extra_mut().status_id = status_id;
        }
    }
}

/// Which shapes to look for. Everything is on by default.
#[derive(Debug, Clone)]
pub struct Detector {
    embeds: bool,
    cards: bool,
}

impl Default for Detector {
    fn default() -> Self {
        Detector {
            embeds: true,
            cards: true,
        }
    }
}

impl Detector {
    /// A detector for every supported shape.
    pub fn new() -> Detector {
        Detector::default()
    }

    /// Look for blockquote-text embeds, and the bylined (Instagram, Facebook) and TikTok
    /// embeds flattened to text (default: on).
    pub fn embeds(&mut self, yes: bool) -> &mut Detector {
        self.embeds = yes;
        self
    }

    /// Look for rendered cards copied as text (default: on).
    pub fn cards(&mut self, yes: bool) -> &mut Detector {
        self.cards = yes;
        self
    }

    /// Finds every post shown in `doc`, in document order.
    ///
    /// # Complexity
    /// Linear in the document's length: one pass for the line structure, one per shape.
    pub(crate) fn scan(&self, doc: &Document) -> Vec<Sighting> {
        let paras = Paras::new(doc);
        let mut claimed = vec![false; paras.list.len()];
        // Room for a post per paragraph, the most there are as a rule (each claims one): a
        // flood of posts is not copied from one list to a list twice as large, both held.
        // The room a document leaves unused is never touched.
        let mut found = Vec::with_capacity(paras.list.len());
        if self.embeds {
            found.extend(embed::scan(doc, &paras, &mut claimed));
        }
        if self.embeds {
            byline::scan(doc, &paras, &mut claimed, &mut found);
            tiktok::scan(doc, &paras, &mut claimed, &mut found);
            handle_colon::scan(doc, &paras, &mut claimed, &mut found);
            handle_colon::scan_replies(doc, &paras, &mut claimed, &mut found);
            handle_colon::scan_credited(doc, &paras, &mut claimed, &mut found);
            handle_list::scan(doc, &paras, &mut claimed, &mut found);
            bare_link::scan(doc, &paras, &mut claimed, &mut found);
        }
        if self.cards {
            card::scan(doc, &paras, &mut claimed, &mut found);
        }
        sort_by_place(&mut found, |s| s);
        infer_handles(&mut found);
        infer_replies(&mut found);
        found
    }
}

/// Sorts sightings by position, each with what travels with it, keeping `quotes` indices
/// pointing at the same sightings.
pub(crate) fn sort_sightings<T>(mut items: Vec<(Sighting, T)>) -> Vec<(Sighting, T)> {
    sort_by_place(&mut items, |(s, _)| s);
    items
}

/// Sorts `items` in place by the position of their sightings (stable: by start, then end),
/// keeping `quotes` indices pointing at the same sightings. Moved by cycles of swaps: a flood
/// of sightings is never copied into a second list.
fn sort_by_place<I>(items: &mut [I], sighting: impl Fn(&mut I) -> &mut Sighting) {
    let places: Vec<(usize, usize)> = items
        .iter_mut()
        .map(|i| {
            let s = sighting(i);
            (s.start, s.end)
        })
        .collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| places.get(i).copied());
    drop(places);
    let mut new_index = vec![0; items.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(n) = new_index.get_mut(old) {
            *n = new;
        }
    }
    // Position `k` takes the item at `order[k]`: each cycle of the permutation is walked
    // once, the item displaced travelling along it to where it belongs.
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
    for item in items.iter_mut() {
        let s = sighting(item);
        s.set_quotes(s.quotes().map(|q| new_index[q]));
    }
}

/// Marks as a reply a post whose text opens with the handle of a post shown above it in the
/// same document, as replies printed under the post they answer read (`@BASDSUPT I feel as if
/// I just got truly blessed`, under the superintendent's tweet). A post that opens with a
/// handle shown only further down recommends that account; it does not answer it.
fn infer_replies(found: &mut [Sighting]) {
    let mut above: HashMap<(Platform, String), String> = HashMap::new();
    for s in found.iter_mut() {
        if s.reply_to().is_none() && s.text.starts_with('@') {
            let own = s.author.handle.as_deref().map(str::to_ascii_lowercase);
            if let Some(h) = crate::post::entities::reply_handle(&s.text)
                .map(|h| h.to_ascii_lowercase())
                .filter(|h| own.as_deref() != Some(h.as_str()))
            {
                if let Some(handle) = above.get(&(s.platform, h)).cloned() {
                    s.set_reply_to(Some(handle));
                }
            }
        }
        if let Some(handle) = &s.author.handle {
            above
                .entry((s.platform, handle.to_ascii_lowercase()))
                .or_insert_with(|| handle.clone());
        }
    }
}

/// Fills a missing handle where the same document shows the same display name with a handle
/// that is certain (from a signature, or a name that folds to the handle it replies to).
fn infer_handles(found: &mut [Sighting]) {
    let mut known: HashMap<(Platform, String), String> = HashMap::new();
    for s in found.iter() {
        if let (Some(name), Some(handle)) = (&s.author.name, &s.author.handle) {
            known
                .entry((s.platform, name.clone()))
                .or_insert_with(|| handle.clone());
        }
    }
    for s in found.iter_mut().filter(|s| s.author.handle.is_none()) {
        if let Some(name) = &s.author.name {
            s.author.handle = known.get(&(s.platform, name.clone())).cloned();
        }
    }
}

/// Folds a display name or handle for comparison: lowercase letters and digits only.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A flood of posts holds a sighting per paragraph: its rarer fields stay boxed.
    #[test]
    fn sightings_are_small() {
        assert!(std::mem::size_of::<Sighting>() <= 104);
    }

    /// The rarer fields read back as set, and a sighting without them boxes nothing.
    #[test]
    fn rarer_fields() {
        let mut s = Sighting {
            platform: Platform::TikTok,
            kind: AppearanceKind::Embed,
            author: Author::default(),
            date: None,
            text: "x".into(),
            extra: Extra::of(None, None, None),
            start: 0,
            end: 1,
        };
        assert!(s.extra.is_none());
        s.set_quotes(None);
        assert!(s.extra.is_none());
        s.set_reply_to(Some("a".into()));
        s.set_quotes(Some(3));
        s.set_status_id(Some("9".into()));
        assert_eq!(s.reply_to().as_deref(), Some("a"));
        assert_eq!(s.quotes(), Some(3));
        assert_eq!(s.status_id().as_deref(), Some("9"));
        s.set_quotes(None);
        assert_eq!(s.quotes(), None);
        assert_eq!(s.reply_to().as_deref(), Some("a"));
    }

    /// Replies printed under the post they answer open with its author's handle; a post that
    /// opens with the handle of a post printed below it does not answer it.
    #[test]
    fn replies_open_with_the_handle_of_a_post_above() {
        let replies_of = |text: &str| -> Vec<Option<String>> {
            Detector::default()
                .scan(&Document::new("t.txt", text))
                .iter()
                .map(|s| s.reply_to().clone())
                .collect()
        };
        // fixtures/realworld-next19/docs/637.txt, verbatim.
        let replies = replies_of(
            "BASD schools and offices will be closed tomorrow, Feb 9, 2017
— Joseph Roy (@BASDSUPT) February 9, 2017
Students in the area immediately start praising him as a \"hero\" for the decision and the announcement. Scroll down to see some of the hilarious responses!
1.
@BASDSUPT I feel as if I just got truly blessed pic.twitter.com/74VGpeZf4R
— Gab (@GabBuell) February 9, 2017
2.
",
        );
        assert_eq!(replies, [None, Some("BASDSUPT".to_string())]);
        // fixtures/realworld/docs/213.txt: the account recommended is shown below.
        let text = include_str!("../../fixtures/realworld/docs/213.txt");
        assert!(replies_of(text).iter().all(Option::is_none));
    }
}
