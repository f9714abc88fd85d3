//! Linking quotations to the posts they re-quote.
//!
//! ```text
//! post   @anaruiz: "The bridge opens Monday. We kept our promise to every family."
//! quote  “The bridge will open on Monday. We kept our promise,” Ruiz tweeted.
//!        → quote.post = the post's id; the post gains a `quote` appearance (similarity 0.82)
//! ```
//!
//! # Similarity
//! Words are lowercase runs of letters, digits and `_`, links (`https://…`, `pic.twitter.com/…`)
//! removed. `similarity` is the **containment** of the quote's distinct words in the post's:
//! `|Q ∩ P| / |Q|`. It is 1 for a verbatim quote, a prefix or a fragment of the post, and stays
//! high for a re-translation (a re-translated tweet keeps ~60–75% of the original's words).
//! Containment is never below Jaccard (`|Q ∩ P| / |Q ∪ P|`), so it is also the max of the two.
//!
//! # When a quote links
//! A quote needs at least [`MIN_WORDS`] distinct words and [`MIN_SHARED`] words in common with
//! the post, and then either
//! - **attributed** and similarity ≥ [`ATTRIBUTED`] (0.6): the speaker names the author
//!   (`Ruiz` ~ `Ana M. Ruiz` / `@MayorAnaRuiz`: name tokens compared with titles and
//!   initials ignored), or the cue names a platform (`tweeted`, `wrote on X`, `in a Twitter
//!   post`) and the speaker is not someone else by name. 0.6 admits re-translations and loose
//!   paraphrase while two unrelated statements on one topic rarely share half their words; or
//! - **near-verbatim**, similarity ≥ [`VERBATIM`] (0.9), whoever the speaker: words copied
//!   this closely are the post's.
//!
//! A translation shares few words with its post. One printed next to the post links by place
//! ([`link_translations`]); one in another document links when its speaker names the post's
//! author and it keeps the post's numbers and word stems (`persona`, `background`) in
//! another language ([`link_translations_across`]).
//!
//! A look-alike — another speaker, a spoken cue (`said`), similar but not copied words — does
//! not link. When several posts qualify, the attributed one wins, then the most similar, then
//! the first in feed order. Quotes link across documents.
//!
//! # Cost
//! An inverted index maps each word to the posts using it. A quote looks up only its
//! [`PROBES`] rarest known words, skipping words used by more than [`MAX_POSTING`] posts,
//! counts how many of them each post uses, and compares in full only the [`MAX_CANDIDATES`]
//! posts using the most: bounded work per quote, O(total words) overall, never all pairs.
//!
//! When a corpus has a small vocabulary, even a quote's rarest words are used by thousands of
//! posts, and their lists grow with the corpus. A quote whose probes' lists hold more than
//! [`POSTING_BUDGET`] entries reads its rarest words only up to that budget, and also looks up
//! its pairs of adjacent words in a second index (pairs of words some quote has, each with the
//! posts having that pair): a copied sentence shares many pairs with its post and almost none
//! with the others. Its work then stays bounded by constants whatever the corpus; the other
//! quotes (all of them in ordinary corpora) are linked exactly as before.
//!
//! Quote appearances are added to the post and its appearances re-sorted by (document in
//! input order, start). The document order is recovered from the order of the quotes and of
//! every post's appearances (a topological order); documents these leave unordered (one with
//! a quote and no post against one with a post and no quote) go in name order, the order in
//! which directories are read.

use crate::model::{Appearance, AppearanceKind, Author, DocumentInfo, Post, Quote};
use crate::post::lang::script_of;
use crate::quote::cjk::is_han_or_kana;
use crate::quote::lexicon::people::INDEFINITES;
use crate::quote::lexicon::CLASSES;
use crate::quote::lexicon::DETERMINERS;
use crate::reduce::store::PostStore;
use crate::reduce::words::{for_each_word, words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Fewest distinct words a quote needs to link.
pub const MIN_WORDS: usize = 4;
/// Fewest words a quote and a post must share.
pub const MIN_SHARED: usize = 3;
/// Similarity needed when the speaker or the cue points to the post.
pub const ATTRIBUTED: f64 = 0.6;
/// Similarity needed otherwise (near-verbatim).
pub const VERBATIM: f64 = 0.9;
/// Rarest words of a quote looked up in the index.
pub const PROBES: usize = 12;
/// Words used by more posts than this are not looked up (they select nothing).
pub const MAX_POSTING: usize = 2000;
/// Posts compared in full per quote: those using the most probed words.
pub const MAX_CANDIDATES: usize = 64;
/// Postings a quote reads by its single words. A quote whose probes' lists are longer (a
/// corpus with a small vocabulary, where even the rarest words are used by thousands of posts)
/// reads its rarest words only up to this many entries and finds its candidates by the pairs
/// of words it shares with a post instead.
pub const POSTING_BUDGET: usize = 2048;

/// Calls `f` with each word linking compares: [`for_each_word`]'s words, a run of Chinese or
/// Japanese (written without spaces, `我が国の危機管理には一分の隙もない`) as its overlapping
/// pairs of characters, so a quotation and its post share words in those scripts too.
fn for_each_link_word(text: &str, mut f: impl FnMut(&str)) {
    for_each_word(text, |w| {
        if !w.chars().any(is_han_or_kana) || w.chars().nth(2).is_none() {
            f(w);
            return;
        }
        // Each pair ends where the character after it starts: two starts kept behind.
        let (mut first, mut second) = (None, None);
        for at in w.char_indices().map(|(i, _)| i).chain([w.len()]) {
            if let (Some(from), Some(_)) = (first, second) {
                f(&w[from..at]);
            }
            (first, second) = (second, Some(at));
        }
    });
}

/// [`for_each_link_word`]'s words of `text`.
fn link_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_link_word(text, |w| out.push(w.to_string()));
    out
}

/// Containment of `quote`'s distinct words in `post`'s words (0 when the quote has none).
pub fn similarity(quote: &str, post: &str) -> f64 {
    let q: HashSet<String> = link_words(quote).into_iter().collect();
    let p: HashSet<String> = link_words(post).into_iter().collect();
    if q.is_empty() {
        return 0.0;
    }
    q.intersection(&p).count() as f64 / q.len() as f64
}

/// Name tokens for comparing people: lowercase words, titles, initials and determiners removed.
fn name_tokens(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter(|w| {
            w.chars().count() > 1
                && !CLASSES.titles.contains(w.as_str())
                && !DETERMINERS.contains(&w.as_str())
        })
        .collect()
}

/// Whether `speaker` names `author` (`Ruiz` ~ `Ana M. Ruiz` / `@MayorAnaRuiz`).
#[cfg(any(test, feature = "_internal"))]
pub fn speaker_matches(speaker: &str, author: &Author) -> bool {
    tokens_name(&name_tokens(speaker), author)
}

/// Whether the name tokens of a speaker name `author`.
fn tokens_name(speaker: &[String], author: &Author) -> bool {
    if speaker.is_empty() {
        return false;
    }
    let names = author.name.as_deref().map(name_tokens).unwrap_or_default();
    let handle = author.handle.as_deref().unwrap_or("").to_lowercase();
    speaker.iter().any(|t| {
        let n = t.chars().count();
        (n >= 3 && names.contains(t)) || (n >= 4 && handle.contains(t.as_str()))
    })
}

/// Whether `speaker` is somebody named (capitalized words beyond titles).
fn names_someone(speaker: &str) -> bool {
    speaker
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| !name_tokens(w).is_empty())
}

/// Farthest, in bytes, a quotation stands from the post it translates (see
/// [`link_translations`]).
pub const TRANSLATION_REACH: usize = 800;

/// Fewest letters a quotation needs to be taken for a post's translation.
const MIN_TRANSLATED_LETTERS: usize = 16;

/// Links the quotations of one document that translate a post printed next to them: `«…»,
/// escribió Trump` under an embedded English tweet. Their words are not the post's, so the
/// word index cannot find it; the evidence is the place (the post's own appearance within
/// [`TRANSLATION_REACH`] bytes), the language (the quotation's differs from the post's), the
/// length (comparable, CJK letters counting three) and a speaker that is not somebody else
/// (no speaker, the author, or a name in another script). Sets `quote.post` to the nearest such
/// post; the reduce step adds the appearance. O((posts + quotes) · log posts).
pub fn link_translations(posts: &[Post], quotes: &mut [Quote]) {
    if posts.is_empty() || quotes.is_empty() {
        return;
    }
    let at: Vec<(usize, usize)> = posts
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| {
            p.appearances
                .iter()
                .filter(|a| a.kind != AppearanceKind::Quote)
                .map(move |a| (a.start, pi))
        })
        .collect();
    link_translations_at(posts, at, |pi| pi, quotes);
}

/// [`link_translations`] over the records of [`crate::post::build_folded`]: `owner[i]` is the
/// record of sighting `i`, whose `k`-th appearance is its `k`-th sighting. Each sighting takes
/// a quotation of its own, as the record of each sighting would.
pub fn link_translations_folded(posts: &[Post], owner: &[usize], quotes: &mut [Quote]) {
    if posts.is_empty() || quotes.is_empty() {
        return;
    }
    let mut taken = vec![0usize; posts.len()];
    let at: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(i, &pi)| {
            let k = taken.get_mut(pi)?;
            let a = posts.get(pi)?.appearances.get(*k)?;
            *k += 1;
            (a.kind != AppearanceKind::Quote).then_some((a.start, i))
        })
        .collect();
    link_translations_at(
        posts,
        at,
        |i| owner.get(i).copied().unwrap_or(usize::MAX),
        quotes,
    );
}

/// [`link_translations`] given the places of the posts' sightings, `(start, sighting)`, and
/// the post of each sighting.
fn link_translations_at(
    posts: &[Post],
    mut at: Vec<(usize, usize)>,
    post_of: impl Fn(usize) -> usize,
    quotes: &mut [Quote],
) {
    at.sort_unstable();
    // (sighting, how far the lengths differ, distance, quote): each sighting takes one
    // quotation, the one closest to it in length, then in place.
    let mut found: Vec<(usize, u64, usize, usize)> = Vec::new();
    for (qi, q) in quotes.iter().enumerate().filter(|(_, q)| q.post.is_none()) {
        let lo = at.partition_point(|&(start, _)| start + TRANSLATION_REACH < q.start);
        let hi = at.partition_point(|&(start, _)| start <= q.start + TRANSLATION_REACH);
        let mut near: Vec<(usize, usize)> = at[lo..hi]
            .iter()
            .map(|&(start, pi)| (start.abs_diff(q.start), pi))
            .collect();
        near.sort_unstable();
        let qw = letter_weight(&q.text);
        if qw < MIN_TRANSLATED_LETTERS {
            continue;
        }
        let mut quote_lang: Option<Option<String>> = None;
        let best = near.iter().take(4).find_map(|&(distance, si)| {
            let post = posts.get(post_of(si))?;
            translates(q, qw, &mut quote_lang, post).then_some((si, post, distance))
        });
        if let Some((si, post, distance)) = best {
            let pw = letter_weight(&post.text);
            // |ln(qw / pw)| in thousandths, as an integer key.
            let gap = ((qw.max(1) as f64 / pw.max(1) as f64).ln().abs() * 1000.0) as u64;
            found.push((si, gap, distance, qi));
        }
    }
    found.sort_unstable();
    found.dedup_by_key(|f| f.0);
    for (si, _, _, qi) in found {
        if let (Some(q), Some(post)) = (quotes.get_mut(qi), posts.get(post_of(si))) {
            q.post = Some(post.id.clone());
            take_post_author(q, post);
        }
    }
}

/// Whether `q` (of [`letter_weight`] `qw`) reads as a translation of `post` (see
/// [`link_translations`]); `quote_lang` caches the quotation's language, detected only when the
/// other tests pass.
fn translates(q: &Quote, qw: usize, quote_lang: &mut Option<Option<String>>, post: &Post) -> bool {
    if post.lang.is_none() {
        return false;
    }
    let comparable = comparable(qw, letter_weight(&post.text));
    let speaker_fits = || match q.speaker.as_deref() {
        None => true,
        Some(sp) => {
            let other_script = script_of(sp) != post.author.name.as_deref().and_then(script_of);
            other_script || !names_someone(sp) || tokens_name(&name_tokens(sp), &post.author)
        }
    };
    // In one script a translation keeps a name, a number, a hashtag or a cognate
    // (`securitatea` ~ `security`); across scripts only the attribution can tell.
    let evidence = || {
        if script_of(&q.text) == script_of(&post.text) {
            shares_anchor(&q.text, &post.text)
        } else {
            q.cue.is_some()
        }
    };
    // The language last: detecting it costs the most.
    comparable
        && speaker_fits()
        && evidence()
        && similarity(&q.text, &post.text) < ATTRIBUTED
        && other_language(&q.text, quote_lang, post.lang.as_deref())
}

/// Whether the quotation `text` is in another language than a post in `post_lang`; the
/// quotation's language is detected once, into `quote_lang`, and only when the post has one.
fn other_language(
    text: &str,
    quote_lang: &mut Option<Option<String>>,
    post_lang: Option<&str>,
) -> bool {
    post_lang.is_some_and(|pl| {
        quote_lang
            .get_or_insert_with(|| crate::post::lang::detect(text))
            .as_deref()
            .is_some_and(|ql| ql != pl)
    })
}

/// Whether a quotation of [`letter_weight`] `qw` is as long as a translation of a post of
/// weight `pw` can be: a quarter of it to twice it.
fn comparable(qw: usize, pw: usize) -> bool {
    qw * 4 >= pw && qw <= pw * 2
}

/// Fewest stems a quotation shares with a post of another document through different words
/// (see [`cognates`]) to be taken for its translation; it must also keep a third of its
/// anchors: a stem or two in common, or a few among many, may be chance that far apart.
const MIN_ANCHORS_ACROSS: usize = 2;

/// Most posts of one author a quotation is compared with by [`link_translations_across`]; a
/// speaker with more posts in the feed than this is too common to be matched this way.
const MAX_AUTHOR_POSTS: usize = 256;

/// Links the quotations that neither the word index nor [`link_translations`] linked and that
/// translate a post of another document (`«Nessuno è nato odiando…», recita il tweet` by Barack
/// Obama in an Italian article, the English tweet embedded in another). The speaker's name
/// words are the post author's (the handle standing for a post with no name), the languages
/// differ, the lengths are comparable, and the two share a third of the quotation's anchors,
/// [`MIN_ANCHORS_ACROSS`] of them through different words (so, in practice, one script:
/// across scripts only the place tells, which [`link_translations`] reads). Among the
/// author's posts the one keeping the most anchors wins; a tie links none. `authors`, `texts`
/// and `posts` give a post's author, its text and the whole post by index (the last only for
/// its language, once the rest holds); the index of authors is built only when some quotation
/// is left to link.
fn link_translations_across<'a>(
    best_of: &mut [Option<(usize, f64)>],
    quotes: &[Quote],
    n_posts: usize,
    authors: impl Fn(usize) -> Option<Cow<'a, Author>>,
    texts: impl Fn(usize) -> Option<Cow<'a, str>>,
    posts: impl Fn(usize) -> Option<Cow<'a, Post>>,
) {
    let left = |best: &Option<(usize, f64)>, q: &Quote| {
        best.is_none()
            && q.speaker.as_deref().is_some_and(names_someone)
            && letter_weight(&q.text) >= MIN_TRANSLATED_LETTERS
    };
    if !best_of.iter().zip(quotes).any(|(b, q)| left(b, q)) {
        return;
    }
    // Each name word of an author (and the handle) to the posts of that author, and how many
    // name words each post's author has.
    let mut by_name: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut name_words: Vec<usize> = vec![0; n_posts];
    for pi in 0..n_posts {
        let Some(author) = authors(pi) else {
            continue;
        };
        let mut keys = author.name.as_deref().map(name_tokens).unwrap_or_default();
        keys.sort_unstable();
        keys.dedup();
        if let Some(n) = name_words.get_mut(pi) {
            *n = keys.len();
        }
        keys.extend(author.handle.as_deref().map(str::to_lowercase));
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            by_name.entry(key).or_default().push(pi);
        }
    }
    // The translation links made here: (quote, post).
    let mut made: Vec<(usize, usize)> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if !best_of.get(qi).is_some_and(|best| left(best, q)) {
            continue;
        }
        let mut speaker = q.speaker.as_deref().map(name_tokens).unwrap_or_default();
        speaker.sort_unstable();
        speaker.dedup();
        // The posts whose author carries every name word of the speaker, and no other.
        let mut lists: Vec<&Vec<usize>> = Vec::with_capacity(speaker.len());
        for word in &speaker {
            match by_name.get(word) {
                Some(list) => lists.push(list),
                None => break,
            }
        }
        if speaker.is_empty() || lists.len() < speaker.len() {
            continue;
        }
        lists.sort_by_key(|l| l.len());
        let Some((shortest, others)) = lists.split_first() else {
            continue;
        };
        if shortest.len() > MAX_AUTHOR_POSTS {
            continue;
        }
        let qw = letter_weight(&q.text);
        let kept = anchors(&q.text);
        let mut quote_lang: Option<Option<String>> = None;
        // (anchors kept, post), the most first.
        let mut ranked: Vec<(usize, usize)> = Vec::new();
        for &pi in shortest.iter() {
            let same_name = name_words
                .get(pi)
                .is_some_and(|&n| n == 0 || n == speaker.len());
            if !same_name || !others.iter().all(|l| l.binary_search(&pi).is_ok()) {
                continue;
            }
            let Some(text) = texts(pi) else {
                continue;
            };
            if !comparable(qw, letter_weight(&text)) {
                continue;
            }
            let shared = anchors(&text).intersection(&kept).count();
            if shared * 3 < kept.len()
                || cognates(&q.text, &text) < MIN_ANCHORS_ACROSS
                || similarity(&q.text, &text) >= ATTRIBUTED
            {
                continue;
            }
            let translated = posts(pi)
                .is_some_and(|post| other_language(&q.text, &mut quote_lang, post.lang.as_deref()));
            if translated {
                ranked.push((shared, pi));
            }
        }
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let by_anchors = match ranked.as_slice() {
            [(shared, pi), rest @ ..] if rest.first().is_none_or(|r| r.0 < *shared) => Some(*pi),
            _ => None,
        };
        // The quotation right after another of the same speaker's, linked here, translates the
        // post that follows that one in the thread.
        let next_in_thread = || {
            let &(prev_qi, prev_pi) = made.last()?;
            let prev = quotes.get(prev_qi)?;
            let adjacent =
                prev_qi + 1 == qi && prev.document == q.document && prev.speaker == q.speaker;
            if !adjacent {
                return None;
            }
            let pi = next_post(prev_pi, shortest, others, &posts)?;
            let post = posts(pi)?;
            let translated = comparable(qw, letter_weight(&post.text))
                && other_language(&q.text, &mut quote_lang, post.lang.as_deref());
            translated.then_some(pi)
        };
        if let Some(pi) = by_anchors.or_else(next_in_thread) {
            let sim = texts(pi).map_or(0.0, |t| similarity(&q.text, &t));
            if let Some(best) = best_of.get_mut(qi) {
                *best = Some((pi, sim));
            }
            made.push((qi, pi));
        }
    }
}

/// The post of the same author that follows post `pi` in a document where both are embedded
/// (the next part of a thread): of the posts in `shortest` that are also in every list of
/// `others`, the one whose appearance comes soonest after one of `pi`'s.
fn next_post<'a>(
    pi: usize,
    shortest: &[usize],
    others: &[&Vec<usize>],
    posts: &impl Fn(usize) -> Option<Cow<'a, Post>>,
) -> Option<usize> {
    let placed = |p: &Post| -> Vec<(Arc<str>, usize)> {
        p.appearances
            .iter()
            .filter(|a| a.kind != AppearanceKind::Quote)
            .map(|a| (a.document.clone(), a.start))
            .collect()
    };
    let after = placed(posts(pi)?.as_ref());
    let mut best: Option<(usize, usize)> = None;
    for &other in shortest {
        if other == pi || !others.iter().all(|l| l.binary_search(&other).is_ok()) {
            continue;
        }
        let Some(post) = posts(other) else {
            continue;
        };
        for (doc, start) in placed(&post) {
            let gap = after
                .iter()
                .filter(|(d, s)| *d == doc && *s < start)
                .map(|(_, s)| start - s)
                .min();
            if let Some(gap) = gap {
                if best.is_none_or(|(g, _)| gap < g) {
                    best = Some((gap, other));
                }
            }
        }
    }
    best.map(|(_, other)| other)
}

/// Whether `a` and `b` share an anchor (see [`anchors`]).
fn shares_anchor(a: &str, b: &str) -> bool {
    anchors(a).intersection(&anchors(b)).next().is_some()
}

/// The anchors of a text, what a translation keeps of it: its numbers of two digits or more,
/// and the first four letters (accents dropped) of its words of five letters or more
/// (`securitatea` ~ `security`).
fn anchors(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(anchor)
        .collect()
}

/// The anchor of one word (see [`anchors`]), if it has one.
fn anchor(word: &str) -> Option<String> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return (word.len() >= 2).then(|| word.to_string());
    }
    (word.chars().count() >= 5).then(|| {
        word.chars()
            .take(4)
            .flat_map(char::to_lowercase)
            .map(unaccented)
            .collect()
    })
}

/// How many stems two texts share through different words (`persona` ~ `person`, `colore` ~
/// `color`): the anchors of the words only one of them has, less the anchors of the words both
/// have (`background`). A translation shares more of the first kind; a text in the same
/// language, more of the second.
fn cognates(a: &str, b: &str) -> usize {
    let words = |t: &str| -> HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let only = |x: &HashSet<String>, y: &HashSet<String>| -> HashSet<String> {
        x.difference(y).filter_map(|w| anchor(w)).collect()
    };
    let through_others = only(&wa, &wb).intersection(&only(&wb, &wa)).count();
    let whole = wa.intersection(&wb).filter_map(|w| anchor(w)).count();
    through_others.saturating_sub(whole)
}

/// A Latin letter without its accent (`é` → `e`), other letters as they are.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' | 'ą' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ç' | 'ć' | 'č' => 'c',
        'ñ' | 'ń' => 'n',
        'ş' | 'ș' | 'ś' | 'š' => 's',
        'ţ' | 'ț' => 't',
        'ž' | 'ż' | 'ź' => 'z',
        _ => c,
    }
}

/// Letters of `text`, a Chinese, Japanese or Korean one counting three (a word's worth).
///
/// Runs of ASCII are counted byte by byte (an ASCII character is alphanumeric exactly when its
/// byte is, and is no CJK letter); only the characters outside ASCII are decoded.
fn letter_weight(text: &str) -> usize {
    let mut weight = 0;
    let mut rest = text;
    loop {
        let bytes = rest.as_bytes();
        let ascii = bytes
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len());
        weight += bytes
            .get(..ascii)
            .unwrap_or_default()
            .iter()
            .filter(|b| b.is_ascii_alphanumeric())
            .count();
        // `ascii` is where a character outside ASCII starts, or the end.
        let mut chars = rest.get(ascii..).unwrap_or_default().chars();
        let Some(c) = chars.next() else {
            return weight;
        };
        if c.is_alphanumeric() {
            weight += if crate::quote::cjk::is_cjk(c) { 3 } else { 1 };
        }
        rest = chars.as_str();
    }
}

/// [`letter_weight`] character by character: the reference the tests compare it with.
#[cfg(test)]
fn letter_weight_by_chars(text: &str) -> usize {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| if crate::quote::cjk::is_cjk(c) { 3 } else { 1 })
        .sum()
}

/// Links each quote that re-quotes a post: sets `quote.post` and adds a `quote` appearance.
/// The input order of the documents, which orders a post's appearances, is recovered from
/// the posts and quotes; [`link_quotes_packed`] is told it.
#[cfg(any(test, feature = "_internal"))]
pub fn link_quotes(posts: &mut [Post], quotes: &mut [Quote]) {
    if posts.is_empty() || quotes.is_empty() {
        return;
    }
    let mut best_of = {
        let texts = |i: usize| posts.get(i).map(|p| Cow::Borrowed(p.text.as_str()));
        let authors = |i: usize| posts.get(i).map(|p| Cow::Borrowed(&p.author));
        best_posts(posts.len(), texts, authors, quotes)
    };
    keep_translations(
        &mut best_of,
        quotes,
        |i| posts.get(i).map(|p| Cow::Borrowed(p.id.as_str())),
        |i| posts.get(i).map(|p| Cow::Borrowed(p.text.as_str())),
    );
    link_translations_across(
        &mut best_of,
        quotes,
        posts.len(),
        |i| posts.get(i).map(|p| Cow::Borrowed(&p.author)),
        |i| posts.get(i).map(|p| Cow::Borrowed(p.text.as_str())),
        |i| posts.get(i).map(Cow::Borrowed),
    );
    if best_of.iter().all(Option::is_none) {
        return;
    }
    let rank = document_order(posts, quotes);
    apply_links(best_of, quotes, &rank, |pi, change| {
        if let Some(post) = posts.get_mut(pi) {
            change(post);
        }
    });
}

/// [`link_quotes`] over packed posts, the documents' input order given: only the posts that
/// a quote links to are unpacked and packed again.
pub fn link_quotes_packed(store: &mut PostStore, quotes: &mut [Quote], documents: &[DocumentInfo]) {
    if store.is_empty() || quotes.is_empty() {
        return;
    }
    let mut best_of = {
        let store = &*store;
        let texts = |i: usize| store.text(i);
        let authors = |i: usize| store.author(i).map(Cow::Owned);
        best_posts(store.len(), texts, authors, quotes)
    };
    keep_translations(&mut best_of, quotes, |i| store.id(i), |i| store.text(i));
    link_translations_across(
        &mut best_of,
        quotes,
        store.len(),
        |i| store.author(i).map(Cow::Owned),
        |i| store.text(i),
        |i| store.get(i).map(Cow::Owned),
    );
    if best_of.iter().all(Option::is_none) {
        return;
    }
    let mut rank: HashMap<String, usize> = HashMap::with_capacity(documents.len());
    for (i, d) in documents.iter().enumerate() {
        rank.entry(d.name.clone()).or_insert(i);
    }
    apply_links(best_of, quotes, &rank, |pi, change| {
        if let Some(mut post) = store.get(pi) {
            change(&mut post);
            store.set(pi, &post);
        }
    });
}

/// A quote that the word index links to no post keeps the post [`link_translations`] gave it,
/// when that post is still in the feed under its id (merging may have renamed it); otherwise
/// its `post` is cleared. `ids` and `texts` give a post's id and text by index; the id map is
/// built only when some quote needs it.
fn keep_translations<'a>(
    best_of: &mut [Option<(usize, f64)>],
    quotes: &mut [Quote],
    ids: impl Fn(usize) -> Option<Cow<'a, str>>,
    texts: impl Fn(usize) -> Option<Cow<'a, str>>,
) {
    let pending = |(best, q): (&Option<(usize, f64)>, &Quote)| best.is_none() && q.post.is_some();
    if !best_of.iter().zip(quotes.iter()).any(pending) {
        return;
    }
    let mut by_id: FxHashMap<Cow<'a, str>, usize> = FxHashMap::default();
    let mut i = 0;
    while let Some(id) = ids(i) {
        by_id.entry(id).or_insert(i);
        i += 1;
    }
    for (best, q) in best_of.iter_mut().zip(quotes.iter_mut()) {
        if best.is_some() {
            continue;
        }
        let Some(id) = q.post.take() else {
            continue;
        };
        if let Some(&pi) = by_id.get(id.as_str()) {
            let sim = texts(pi).map_or(0.0, |t| similarity(&q.text, &t));
            *best = Some((pi, sim));
        }
    }
}

/// Applies each quote's best post (`best_of`, by quote): sets `quote.post`, adds the `quote`
/// appearances to each linked post in quote order, and orders its appearances by document
/// `rank`. `update` runs the change on post `i`, once per linked post.
fn apply_links(
    best_of: Vec<Option<(usize, f64)>>,
    quotes: &mut [Quote],
    rank: &HashMap<String, usize>,
    mut update: impl FnMut(usize, &mut dyn FnMut(&mut Post)),
) {
    // Quotes by the post they link to; each post's in quote order.
    let mut links: Vec<(usize, usize, f64)> = best_of
        .into_iter()
        .enumerate()
        .filter_map(|(qi, best)| best.map(|(pi, sim)| (pi, qi, sim)))
        .collect();
    links.sort_by_key(|&(pi, qi, _)| (pi, qi));
    for run in links.chunk_by(|a, b| a.0 == b.0) {
        let Some(pi) = run.first().map(|l| l.0) else {
            continue;
        };
        update(pi, &mut |post| {
            for &(_, qi, sim) in run {
                if let Some(q) = quotes.get_mut(qi) {
                    q.post = Some(post.id.clone());
                    take_post_author(q, post);
                    post.appearances.push(quote_appearance(q, sim));
                }
            }
            sort_appearances(post, rank);
        });
    }
}

/// A quote that names nobody at its cue (no mention, or one without a name) and re-quotes a
/// post is the post author's words: the author replaces the nearest-name guess (`Tusk posted
/// an ironic message, signed as Donald Trump: "…"` guessed Trump).
fn take_post_author(q: &mut Quote, post: &Post) {
    // A cue that names nobody (`The post read`, `o ministro`) gives way too; a name, a handle
    // or an indefinite speaker (`one user wrote`, kept as printed) does not.
    let named = |m: &str| {
        let first = m.split_whitespace().next().unwrap_or("").to_lowercase();
        names_someone(m) || m.contains('@') || INDEFINITES.contains(&first.as_str())
    };
    if q.speaker_mention.as_deref().is_some_and(named) {
        return;
    }
    // The account's display name less the titles before the person's name (`Bundeskanzler
    // Olaf Scholz` is Olaf Scholz), as prose names the speaker.
    let author = post.author.name.as_deref().map(untitled).or_else(|| {
        post.author
            .handle
            .as_ref()
            .map(|handle| format!("@{handle}"))
    });
    // A name in another script than the author's (`دونالد ترامب`) is how the article writes
    // that author: kept.
    let other_script = q
        .speaker
        .as_deref()
        .zip(author.as_deref())
        .is_some_and(|(sp, a)| script_of(sp) != script_of(a));
    if author.is_some() && !other_script {
        q.speaker = author;
    }
}

/// `name` without the title words opening it, when a name of two words or more is left.
fn untitled(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let titles = words
        .iter()
        .take_while(|w| crate::quote::names::title_of(&w.to_lowercase()).is_some())
        .count();
    if titles > 0 && words.len() - titles >= 2 {
        words[titles..].join(" ")
    } else {
        name.to_string()
    }
}

/// The `quote` appearance of a linked quote.
fn quote_appearance(q: &Quote, sim: f64) -> Appearance {
    Appearance {
        document: q.document.clone(),
        kind: AppearanceKind::Quote,
        line: q.line,
        start: q.start,
        end: q.end,
        similarity: (sim * 1000.0).round() / 1000.0,
    }
}

/// Orders a post's appearances by (document in input order, start).
fn sort_appearances(post: &mut Post, rank: &HashMap<String, usize>) {
    post.appearances.sort_by_key(|a| {
        (
            rank.get(&*a.document).copied().unwrap_or(usize::MAX),
            a.start,
        )
    });
}

/// Each quote's best post and similarity, found on all cores (the index is read-only), in
/// quote order, so the result is the same for any thread count. `texts` and `authors` give a
/// post's text and author by index; authors are asked only of posts similar enough.
fn best_posts<'a>(
    n_posts: usize,
    texts: impl Fn(usize) -> Option<Cow<'a, str>> + Sync,
    authors: impl Fn(usize) -> Option<Cow<'a, Author>> + Sync,
    quotes: &[Quote],
) -> Vec<Option<(usize, f64)>> {
    let index = Index::of(n_posts, &texts, quotes);
    let chunk = quotes
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(256);
    quotes
        .par_chunks(chunk)
        .enumerate()
        .flat_map_iter(|(c, chunk_quotes)| {
            let mut scratch = Scratch::new(n_posts, index.vocab.len());
            chunk_quotes
                .iter()
                .enumerate()
                .map(|(k, q)| {
                    best_post(
                        q,
                        index.quote_words(c * chunk + k),
                        &authors,
                        &index,
                        &mut scratch,
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The inverted index of the posts' words — only the words some quote uses, the only ones a
/// lookup can ask for: each post's distinct word ids and each word's posts, as flat arrays
/// (CSR) — two vectors in all rather than one per post and one per word.
struct Index {
    vocab: FxHashMap<String, u32>,
    /// The words of each quote the index was built for, in order, as vocabulary ids (which
    /// hold them all), back to back, and where each quote's begin (plus the end): their texts
    /// are split once.
    quote_ids: Vec<u32>,
    quote_starts: Vec<usize>,
    /// Per chunk of [`INDEX_CHUNK`] posts, as the cores built them, never copied into one array.
    chunks: Vec<Chunk>,
    /// How many posts use each word.
    df: Vec<u32>,
    /// The posts of each word used by at most [`MAX_POSTING`] posts (the only words a quote
    /// looks up), as a flat array and where each word's begin.
    posting_posts: Vec<u32>,
    posting_starts: Vec<usize>,
    /// Pairs of adjacent words some quote has (word ids, first << 32 | second) and their ids.
    pairs: FxHashMap<u64, u32>,
    /// The posts having each pair, when at most [`MAX_POSTING`] do, as a flat array and where
    /// each pair's begin.
    pair_posts: Vec<u32>,
    pair_starts: Vec<usize>,
}

/// A pair of adjacent word ids as one key.
fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Posting lists by counting sort: `lists(i)` gives the distinct keys of item `i` (of `n`);
/// keys used by more than [`MAX_POSTING`] items get none. Returns the flat postings and where
/// each key's begin (plus the end).
fn postings<'k>(
    n: usize,
    keys: usize,
    lists: impl Fn(usize) -> &'k [u32],
) -> (Vec<u32>, Vec<usize>, Vec<u32>) {
    let mut df = vec![0u32; keys];
    for i in 0..n {
        for &k in lists(i) {
            if let Some(d) = df.get_mut(k as usize) {
                *d += 1;
            }
        }
    }
    let mut starts = Vec::with_capacity(keys + 1);
    let mut at = 0;
    for &d in &df {
        starts.push(at);
        if d as usize <= MAX_POSTING {
            at += d as usize;
        }
    }
    starts.push(at);
    let mut flat = vec![0u32; at];
    let mut next = starts.clone();
    for i in 0..n {
        for &k in lists(i) {
            if df
                .get(k as usize)
                .is_some_and(|&d| d as usize > MAX_POSTING)
            {
                continue;
            }
            if let Some(at) = next.get_mut(k as usize) {
                if let Some(slot) = flat.get_mut(*at) {
                    *slot = i as u32;
                }
                *at += 1;
            }
        }
    }
    (flat, starts, df)
}

/// The words and pairs of a chunk of posts: their ids back to back, and where each post's begin
/// (plus the end).
#[derive(Default)]
struct Chunk {
    ids: Vec<u32>,
    starts: Vec<u32>,
    pair_ids: Vec<u32>,
    pair_starts: Vec<u32>,
}

/// Item `k` of a flat list of lists.
fn slice_of<'s>(flat: &'s [u32], starts: &[u32], k: usize) -> &'s [u32] {
    match (starts.get(k), starts.get(k + 1)) {
        (Some(&a), Some(&b)) => flat.get(a as usize..b as usize).unwrap_or(&[]),
        _ => &[],
    }
}

/// Posts tokenized per parallel step of [`Index::of`].
const INDEX_CHUNK: usize = 4096;

impl Index {
    fn of<'a>(
        n_posts: usize,
        texts: &(impl Fn(usize) -> Option<Cow<'a, str>> + Sync),
        quotes: &[Quote],
    ) -> Index {
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut pairs: FxHashMap<u64, u32> = FxHashMap::default();
        let mut quote_ids: Vec<u32> = Vec::new();
        let mut quote_starts: Vec<usize> = Vec::with_capacity(quotes.len() + 1);
        for q in quotes {
            quote_starts.push(quote_ids.len());
            let mut prev: Option<u32> = None;
            for_each_link_word(&q.text, |w| {
                let id = match vocab.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = vocab.len() as u32;
                        vocab.insert(w.to_string(), id);
                        id
                    }
                };
                quote_ids.push(id);
                if let Some(p) = prev {
                    let next = pairs.len() as u32;
                    pairs.entry(pair_key(p, id)).or_insert(next);
                }
                prev = Some(id);
            });
        }
        quote_starts.push(quote_ids.len());
        // Each post's distinct known words and pairs, on all cores, a chunk of posts at a time.
        let chunks: Vec<Chunk> = (0..n_posts.div_ceil(INDEX_CHUNK))
            .into_par_iter()
            .map(|c| {
                let mut chunk = Chunk::default();
                chunk.starts.push(0);
                chunk.pair_starts.push(0);
                let mut own: Vec<u32> = Vec::new();
                let mut own_pairs: Vec<u32> = Vec::new();
                for pi in c * INDEX_CHUNK..((c + 1) * INDEX_CHUNK).min(n_posts) {
                    own.clear();
                    own_pairs.clear();
                    if let Some(text) = texts(pi) {
                        let mut prev: Option<u32> = None;
                        for_each_link_word(&text, |w| {
                            let id = vocab.get(w).copied();
                            if let (Some(p), Some(id)) = (prev, id) {
                                own_pairs.extend(pairs.get(&pair_key(p, id)));
                            }
                            own.extend(id);
                            prev = id;
                        });
                    }
                    for list in [&mut own, &mut own_pairs] {
                        list.sort_unstable();
                        list.dedup();
                    }
                    chunk.ids.extend_from_slice(&own);
                    chunk.starts.push(chunk.ids.len() as u32);
                    chunk.pair_ids.extend_from_slice(&own_pairs);
                    chunk.pair_starts.push(chunk.pair_ids.len() as u32);
                }
                chunk.ids.shrink_to_fit();
                chunk.pair_ids.shrink_to_fit();
                chunk
            })
            .collect();
        let mut index = Index {
            vocab,
            quote_ids,
            quote_starts,
            chunks,
            df: Vec::new(),
            posting_posts: Vec::new(),
            posting_starts: Vec::new(),
            pairs,
            pair_posts: Vec::new(),
            pair_starts: Vec::new(),
        };
        let (flat, starts, df) = postings(n_posts, index.vocab.len(), |pi| index.post_words(pi));
        let (pair_flat, pair_starts, _) =
            postings(n_posts, index.pairs.len(), |pi| index.post_pairs(pi));
        index.posting_posts = flat;
        index.posting_starts = starts;
        index.df = df;
        index.pair_posts = pair_flat;
        index.pair_starts = pair_starts;
        index
    }

    /// The words of quote `k` (of those the index was built for), in order, as ids.
    fn quote_words(&self, k: usize) -> &[u32] {
        match (self.quote_starts.get(k), self.quote_starts.get(k + 1)) {
            (Some(&a), Some(&b)) => self.quote_ids.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The distinct word ids of post `pi`, sorted.
    fn post_words(&self, pi: usize) -> &[u32] {
        let Some(c) = self.chunks.get(pi / INDEX_CHUNK) else {
            return &[];
        };
        slice_of(&c.ids, &c.starts, pi % INDEX_CHUNK)
    }

    /// The distinct pair ids of post `pi`, sorted.
    fn post_pairs(&self, pi: usize) -> &[u32] {
        let Some(c) = self.chunks.get(pi / INDEX_CHUNK) else {
            return &[];
        };
        slice_of(&c.pair_ids, &c.pair_starts, pi % INDEX_CHUNK)
    }

    /// The posts having pair `id` (none when more than [`MAX_POSTING`] do).
    fn pair_postings(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.pair_starts.get(id), self.pair_starts.get(id + 1)) {
            (Some(&a), Some(&b)) => self.pair_posts.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// How many posts use word `id`.
    fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }

    /// The posts using word `id`, in feed order (none for a word used by more than
    /// [`MAX_POSTING`] posts: it is never looked up).
    fn postings(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.posting_starts.get(id), self.posting_starts.get(id + 1)) {
            (Some(&a), Some(&b)) => self.posting_posts.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Per-thread counters of candidate posts, reused from quote to quote: `seen[post] == (mark,
/// slot)` means the post was already hit for the current quote and `hits[slot]` is its entry
/// (hits, post) — the two side by side, one memory access per posting; `quote_word[id] ==
/// mark` means word `id` is one of the current quote's.
struct Scratch {
    seen: Vec<(u32, u32)>,
    hits: Vec<(u32, u32)>,
    quote_word: Vec<u32>,
    /// The current quote's distinct word ids (a buffer kept from quote to quote).
    quote_ids: Vec<u32>,
    mark: u32,
}

impl Scratch {
    fn new(posts: usize, words: usize) -> Scratch {
        Scratch {
            seen: vec![(0, 0); posts],
            hits: Vec::new(),
            quote_word: vec![0; words],
            quote_ids: Vec::new(),
            mark: 0,
        }
    }

    /// Counts a hit for each post of `posts` (the current quote's `mark`).
    fn count(&mut self, posts: &[u32], mark: u32) {
        for &pi in posts {
            let i = pi as usize;
            let Some((st, sl)) = self.seen.get_mut(i) else {
                continue;
            };
            if *st == mark {
                if let Some(h) = self.hits.get_mut(*sl as usize) {
                    h.0 += 1;
                }
            } else {
                *st = mark;
                *sl = self.hits.len() as u32;
                self.hits.push((1, pi));
            }
        }
    }
}

/// The post `q` re-quotes and the similarity, if any (see the module doc for the rules).
/// `words` are the quote's words in order, as ids of the index's vocabulary, which holds every
/// word of the quotes it was built for ([`Index::quote_words`]): no string split, kept or hashed
/// again per word.
fn best_post<'a>(
    q: &Quote,
    words: &[u32],
    authors: &impl Fn(usize) -> Option<Cow<'a, Author>>,
    index: &Index,
    scratch: &mut Scratch,
) -> Option<(usize, f64)> {
    // The quote's distinct words.
    let mut ids = std::mem::take(&mut scratch.quote_ids);
    ids.clear();
    ids.extend_from_slice(words);
    ids.sort_unstable();
    ids.dedup();
    let distinct = ids.len();
    if distinct < MIN_WORDS {
        scratch.quote_ids = ids;
        return None;
    }
    let mut known: Vec<(usize, u32)> = ids
        .iter()
        .map(|&id| (index.df(id) as usize, id))
        .filter(|&(df, _)| df > 0 && df <= MAX_POSTING)
        .collect();
    known.sort_unstable();
    // The quote's words, marked for the count of the words a candidate shares.
    scratch.mark += 1;
    let mark = scratch.mark;
    for &id in &ids {
        if let Some(m) = scratch.quote_word.get_mut(id as usize) {
            *m = mark;
        }
    }
    scratch.quote_ids = ids;

    // Candidates: the posts using the probed words, counted by how many they use.
    scratch.hits.clear();
    let probes = known.iter().take(PROBES);
    let dense = probes.clone().map(|&(df, _)| df).sum::<usize>() > POSTING_BUDGET;
    let mut read = 0;
    for (k, &(df, id)) in probes.enumerate() {
        read += df;
        if dense && k > 0 && read > POSTING_BUDGET {
            break;
        }
        scratch.count(index.postings(id), mark);
    }
    if dense {
        // The quote's pairs of adjacent words, rarest first, within the same budget.
        let mut pairs: Vec<(usize, u32)> = Vec::new();
        for w in words.windows(2) {
            if let Some(&pair) = index.pairs.get(&pair_key(w[0], w[1])) {
                pairs.push((index.pair_postings(pair).len(), pair));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut read = 0;
        for &(len, pair) in &pairs {
            read += len;
            if read > POSTING_BUDGET {
                break;
            }
            scratch.count(index.pair_postings(pair), mark);
        }
    }
    let hits = &mut scratch.hits;
    keep_most_hit(hits, MAX_CANDIDATES);

    let speaker = q.speaker.as_deref().map(name_tokens).unwrap_or_default();
    let platform = q.cue.as_deref().is_some_and(crate::quote::is_platform_cue);
    let other = q.speaker.as_deref().is_some_and(names_someone);
    let mut best: Option<(bool, f64, Reverse<usize>)> = None;
    for &(_, pi) in hits.iter() {
        let pi = pi as usize;
        let pw = index.post_words(pi);
        // Both lists are of distinct words: the marked words of the post are the shared ones.
        let shared = pw
            .iter()
            .filter(|&&id| scratch.quote_word.get(id as usize) == Some(&mark))
            .count();
        if shared < MIN_SHARED {
            continue;
        }
        let sim = shared as f64 / distinct as f64;
        if sim < ATTRIBUTED {
            continue; // below both thresholds, whoever speaks
        }
        // The author is read (and its name tokenized) only when it can change the outcome: not
        // when the cue attributes the quote anyway, nor when even an attributed rank would not
        // beat the best so far.
        let platform_attributed = platform && !other;
        if !platform_attributed && best.is_some_and(|b| (true, sim, Reverse(pi)) <= b) {
            continue;
        }
        let by_name = !platform_attributed
            && !speaker.is_empty()
            && authors(pi).is_some_and(|author| tokens_name(&speaker, &author));
        let attributed = by_name || platform_attributed;
        let ok = (attributed && sim >= ATTRIBUTED) || sim >= VERBATIM;
        let rank = (attributed, sim, Reverse(pi));
        if ok && best.as_ref().is_none_or(|b| rank > *b) {
            best = Some(rank);
        }
    }
    best.map(|(_, sim, Reverse(pi))| (pi, sim))
}

/// Keeps the `k` entries (hits, post) of `hits` with the most hits, ties to the smaller post:
/// the `k` first of that order, in no particular order (a quote's best post does not depend on
/// the order its candidates are compared in). The hit counts are small: they are counted by
/// value, and only the posts tied at the last count kept are selected by number — rather than
/// selecting among thousands of candidates by both.
fn keep_most_hit(hits: &mut Vec<(u32, u32)>, k: usize) {
    if hits.len() <= k {
        return;
    }
    /// Counts from this one up share a bucket: a cut among them is selected as before.
    const BUCKETS: usize = 64;
    let mut by_count = [0usize; BUCKETS];
    for h in hits.iter() {
        by_count[(h.0 as usize).min(BUCKETS - 1)] += 1;
    }
    // The count `cut` of the last entry kept: fewer than `k` have more hits, at least `k` as
    // many or more.
    let mut above = 0;
    let mut cut = BUCKETS - 1;
    while cut > 0 && above + by_count[cut] < k {
        above += by_count[cut];
        cut -= 1;
    }
    if cut == BUCKETS - 1 {
        let by_hits = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        hits.select_nth_unstable_by(k, by_hits);
        hits.truncate(k);
        return;
    }
    let cut = cut as u32;
    hits.retain(|h| h.0 >= cut);
    // Those above the cut first, then the tied ones, of which the smallest posts are kept.
    let mut first_tied = 0;
    for i in 0..hits.len() {
        if hits[i].0 > cut {
            hits.swap(first_tied, i);
            first_tied += 1;
        }
    }
    let need = k - first_tied;
    let tied = &mut hits[first_tied..];
    if tied.len() > need {
        tied.select_nth_unstable_by_key(need, |h| h.1);
    }
    hits.truncate(k);
}

/// The input order of documents, recovered from the order of the quotes and of each post's
/// appearances (Kahn's topological sort; ties and cycles resolved by first sight).
#[cfg(any(test, feature = "_internal"))]
fn document_order(posts: &[Post], quotes: &[Quote]) -> HashMap<String, usize> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    let chains = posts
        .iter()
        .map(|p| {
            p.appearances
                .iter()
                .filter(|a| a.kind != AppearanceKind::Quote)
                .map(|a| &*a.document)
                .collect()
        })
        .chain(std::iter::once(
            quotes.iter().map(|q| &*q.document).collect::<Vec<&str>>(),
        ));
    for docs in chains {
        let mut last: Option<usize> = None;
        for d in docs {
            let id = *ids.entry(d).or_insert_with(|| {
                names.push(d);
                names.len() - 1
            });
            if let Some(l) = last.filter(|&l| l != id) {
                edges.push((l, id));
            }
            last = Some(id);
        }
    }
    // Ties go to the smaller name (directories are read in name order).
    let n = ids.len();
    let mut by_name: Vec<usize> = (0..n).collect();
    by_name.sort_by_key(|&i| names.get(i).copied().unwrap_or(""));
    let mut name_rank = vec![0usize; n];
    for (r, &i) in by_name.iter().enumerate() {
        if let Some(slot) = name_rank.get_mut(i) {
            *slot = r;
        }
    }
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for (a, b) in edges {
        if let (Some(list), Some(d)) = (out_edges.get_mut(a), indeg.get_mut(b)) {
            list.push(b);
            *d += 1;
        }
    }
    let key = |i: usize| Reverse((name_rank.get(i).copied().unwrap_or(usize::MAX), i));
    let mut heap: std::collections::BinaryHeap<Reverse<(usize, usize)>> = (0..n)
        .filter(|&i| indeg.get(i) == Some(&0))
        .map(key)
        .collect();
    let mut order: HashMap<String, usize> = HashMap::with_capacity(n);
    let mut done = vec![false; n];
    let mut next_unplaced = 0;
    while order.len() < n {
        let i = match heap.pop() {
            Some(Reverse((_, i))) => i,
            None => {
                // A cycle: place the first remaining document by name.
                while by_name
                    .get(next_unplaced)
                    .is_some_and(|&i| done.get(i) == Some(&true))
                {
                    next_unplaced += 1;
                }
                by_name.get(next_unplaced).copied().unwrap_or(n)
            }
        };
        if i >= n {
            break;
        }
        if done.get(i) != Some(&false) {
            continue;
        }
        if let Some(d) = done.get_mut(i) {
            *d = true;
        }
        if let Some(name) = names.get(i) {
            order.insert((*name).to_string(), order.len());
        }
        for &b in out_edges.get(i).map_or(&[][..], Vec::as_slice) {
            if let Some(d) = indeg.get_mut(b) {
                *d = d.saturating_sub(1);
                if *d == 0 && done.get(b) == Some(&false) {
                    heap.push(key(b));
                }
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`letter_weight`] counts as the character-by-character count does: ASCII, Latin, CJK,
    /// Korean, digits of other scripts, marks and symbols, runs of each beside the others.
    #[test]
    fn letter_weight_counts_as_by_characters() {
        let texts = [
            "",
            "a",
            "Hello, world! 42",
            "ça va? Ünïcödé — “quoted” 1½ ²",
            "我が国の危機管理には一分の隙もない。",
            "토리 시선 강탈 abc",
            "Ελληνικά ١٢٣ हिन्दी ॥ 🙂 x",
            "mixed漢字and한글 with e\u{301} and \u{a0}nbsp",
            "ꓐ ＡＢＣ１２３ ｶﾀｶﾅ",
        ];
        for t in texts {
            assert_eq!(letter_weight(t), letter_weight_by_chars(t), "{t:?}");
        }
        let every: String = (0..0x3_0000u32).filter_map(char::from_u32).collect();
        assert_eq!(letter_weight(&every), letter_weight_by_chars(&every));
        for (i, _) in every.char_indices().step_by(997) {
            let t = every.get(i..).unwrap_or_default();
            let t = t
                .get(..t.char_indices().nth(300).map_or(t.len(), |(j, _)| j))
                .unwrap_or_default();
            assert_eq!(letter_weight(t), letter_weight_by_chars(t));
        }
    }

    /// [`keep_most_hit`] keeps the entries the full selection by both keys kept.
    #[test]
    fn japanese_and_chinese_compare_by_pairs_of_characters() {
        // fixtures/realworld-next12/docs/539.txt: the post's text quoted in 「」.
        let post = "我が国の危機管理には一分の隙もない。改めて、そう確信しました。";
        assert_eq!(similarity(post, post), 1.0);
        assert!(link_words(post).len() >= MIN_WORDS);
        assert_eq!(link_words("改めて"), ["改め", "めて"]);
        // Korean is spaced: its words stay whole.
        assert_eq!(link_words("토리 시선 강탈"), ["토리", "시선", "강탈"]);
    }

    #[test]
    fn most_hit_as_selected_by_both_keys() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..2000 {
            let len = next(300) as usize;
            let top = [2, 4, 70, 200][round % 4];
            let mut posts: Vec<u32> = (0..len as u32 * 3).collect();
            for i in (1..posts.len()).rev() {
                posts.swap(i, next(i as u64 + 1) as usize);
            }
            let hits: Vec<(u32, u32)> = posts[..len]
                .iter()
                .map(|&p| (1 + next(top) as u32, p))
                .collect();
            for k in [1, 5, 64, 250] {
                let mut fast = hits.clone();
                keep_most_hit(&mut fast, k);
                let mut full = hits.clone();
                if full.len() > k {
                    full.select_nth_unstable_by(k, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                    full.truncate(k);
                }
                fast.sort_unstable();
                full.sort_unstable();
                assert_eq!(fast, full, "k {k}, hits {hits:?}");
            }
        }
    }

    #[test]
    fn speakers_match_authors() {
        let a = Author {
            name: Some("Ana M. Ruiz".into()),
            handle: Some("anaruizcity".into()),
        };
        assert!(speaker_matches("Mayor Ana Ruiz", &a));
        assert!(speaker_matches("Ruiz", &a));
        assert!(!speaker_matches("Mayor Tom Berg", &a));
        assert!(!speaker_matches("the marchers", &a));
    }

    /// A Twitter post with only an id, an author, a text and its appearances.
    fn bare_post(id: String, author: Author, text: String, appearances: Vec<Appearance>) -> Post {
        Post {
            id,
            platform: crate::model::Platform::Twitter,
            author,
            date: None,
            text,
            lang: None,
            hashtags: Vec::new(),
            mentions: Vec::new(),
            urls: Vec::new(),
            media: Vec::new(),
            reply_to: None,
            quoted_post: None,
            status_id: None,
            status_url: None,
            created_at: None,
            versions: Vec::new(),
            appearances,
        }
    }

    #[test]
    fn translations_link_to_the_post_next_to_them() {
        let author = Author {
            name: Some("Klaus Iohannis".into()),
            handle: Some("KlausIohannis".into()),
        };
        let text = "The risks for the European security are still critical. We need to continue \
                    our efforts together.";
        let embed = Appearance {
            document: "d".into(),
            kind: AppearanceKind::Embed,
            line: 3,
            start: 1000,
            end: 1100,
            similarity: 1.0,
        };
        let mut post = bare_post("p".into(), author, text.into(), vec![embed]);
        post.lang = Some("en".into());
        let quote = |start: usize, text: &str, speaker: Option<&str>| Quote {
            id: format!("q{start}"),
            document: "d".into(),
            line: 1,
            start,
            end: start + text.len(),
            text: text.into(),
            speaker: speaker.map(str::to_string),
            speaker_mention: None,
            cue: None,
            post: None,
        };
        let ro = "Riscurile pentru securitatea Europei sunt în continuare critice. Trebuie să \
                  continuăm eforturile împreună.";
        let mut quotes = vec![
            quote(700, ro, Some("Klaus Iohannis")),
            // Too far from the post.
            quote(3000, ro, None),
            // Somebody else by name.
            quote(1300, ro, Some("Ana Ruiz")),
        ];
        link_translations(std::slice::from_ref(&post), &mut quotes);
        let linked: Vec<bool> = quotes.iter().map(|q| q.post.is_some()).collect();
        assert_eq!(linked, [true, false, false]);
    }

    #[test]
    fn translations_link_across_documents_by_author_stems_and_thread() {
        let obama = Author {
            name: Some("Barack Obama".into()),
            handle: Some("BarackObama".into()),
        };
        let embed = Appearance {
            document: "018.txt".into(),
            kind: AppearanceKind::Embed,
            line: 9,
            start: 900,
            end: 1000,
            similarity: 1.0,
        };
        let first = "\u{201c}No one is born hating another person because of the color of his \
                     skin or his background or his religion\u{2026}\u{201d}";
        let second = "\u{201c}People must learn to hate, and if they can learn to hate, they can \
                      be taught to love\u{2026}\u{201d}";
        let mut posts: Vec<Post> = [first, second]
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut p = bare_post(format!("p{i}"), obama.clone(), text.to_string(), vec![]);
                p.appearances.push(Appearance {
                    start: embed.start + 200 * i,
                    ..embed.clone()
                });
                p.lang = Some("en".into());
                p
            })
            .collect();
        let quote = |text: &str, speaker: &str, cue: &str| Quote {
            id: format!("q{}", text.len()),
            document: "024.txt".into(),
            line: 3,
            start: 400,
            end: 400 + text.len(),
            text: text.into(),
            speaker: Some(speaker.into()),
            speaker_mention: None,
            cue: Some(cue.into()),
            post: None,
        };
        let mut quotes = vec![
            // The first tweet in Italian: persona, colore, background, religioso.
            quote(
                "Nessuno \u{e8} nato odiando un\u{2019}altra persona per il colore della pelle o \
                 per il background religioso",
                "Barack Obama",
                "recita il tweet",
            ),
            // The second in Italian keeps no word of the English: it is the next in the thread
            // after the quotation before it, by the same speaker.
            quote(
                "La gente deve imparare a odiare e, se pu\u{f2} imparare a odiare, si pu\u{f2} \
                 anche insegnare loro ad amare",
                "Barack Obama",
                "La seconda parte dice",
            ),
            // Somebody else's words, with the same anchors.
            quote(
                "Nessuno \u{e8} nato odiando un\u{2019}altra persona per il colore della pelle o \
                 per il background religioso",
                "Nelson Mandela",
                "scrisse",
            ),
        ];
        link_quotes(&mut posts, &mut quotes);
        let linked: Vec<Option<&str>> = quotes.iter().map(|q| q.post.as_deref()).collect();
        assert_eq!(linked, [Some("p0"), Some("p1"), None]);
    }

    #[test]
    fn containment() {
        assert_eq!(
            similarity("the bridge opens", "The bridge opens Monday https://t.co/x"),
            1.0
        );
        assert!(similarity("a b c d", "a b") == 0.5);
    }

    /// A corpus with a vocabulary of 40 words: each of a quote's words is used by ~900 of the
    /// 3,000 posts, so the quote takes the bounded path (its rarest words within the budget,
    /// then its pairs of adjacent words) and still finds the post it copies.
    #[test]
    fn small_vocabulary_links_by_pairs() {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let mut posts: Vec<Post> = (0..3000)
            .map(|i| {
                let text: Vec<String> = (0..12).map(|_| format!("w{:02}", next() % 40)).collect();
                bare_post(
                    format!("p{i}"),
                    Author::default(),
                    text.join(" "),
                    Vec::new(),
                )
            })
            .collect();
        let copied = posts[1234].text.clone();
        let mut quotes = vec![Quote {
            id: "q".into(),
            document: "d".into(),
            line: 1,
            start: 0,
            end: copied.len(),
            text: copied,
            speaker: None,
            speaker_mention: None,
            cue: None,
            post: None,
        }];
        link_quotes(&mut posts, &mut quotes);
        assert_eq!(quotes[0].post.as_deref(), Some("p1234"));
    }
}
