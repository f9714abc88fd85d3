//! Blockquote-text embeds: a tweet's text followed by its signature.
//!
//! ```text
//! Gates are open now: https://t.co/Zz11Yy22Xx — River Report (@RiverReport) June 1, 2021
//! ```
//!
//! The signature may also stand on its own line under the text. The text runs back to the start
//! of its paragraph; a tweet with inner line breaks shows them as runs of two or more blank lines,
//! while article paragraphs are separated by one blank line or none, so the text extends back
//! over long blank runs only. Lead-in prose ("More from the wire:") is a separate paragraph and stays
//! out.

use super::paragraphs::{is_space, Paras};
use super::signature::{self, Signature};
use super::Sighting;
use crate::document::Document;
use crate::model::{AppearanceKind, Author};
use memchr::memmem;

/// Longest post text, in bytes, the backward walk will gather (a long tweet plus links).
const MAX_TEXT_BYTES: usize = 4000;

/// A tweet fits this many weighted characters (links count 23); a same-line text longer than that
/// is taken for prose glued to the tweet and cut to the longest sentence-aligned tail that fits.
/// (Long posts of paying accounts, since 2023, do exceed it: they are kept whole only when they
/// have a paragraph of their own or no sentence boundary gives a fitting tail.)
const TWEET_WEIGHT: usize = 280;

/// Finds every signature in `doc` and the text it signs. Marks the paragraphs used in `claimed`.
pub fn scan(doc: &Document, paras: &Paras, claimed: &mut [bool]) -> Vec<Sighting> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut floor = doc.body_start; // no text may start before the previous embed's end
    for at in memmem::find_iter(text.as_bytes(), b"(@") {
        if at < floor {
            continue;
        }
        let Some(k) = paras.at(at) else { continue };
        let line = paras.list[k].range.clone();
        let Some(sig) = signature::parse_at(text, line.clone(), at) else {
            continue;
        };
        let Some((first, segments)) = gather_text(text, paras, claimed, k, &sig, floor) else {
            continue;
        };
        for c in &mut claimed[first..=k] {
            *c = true;
        }
        let start = segments[0].start;
        out.push(Sighting {
            platform: sig.platform,
            kind: AppearanceKind::Embed,
            author: Author {
                name: Some(sig.name.clone()),
                handle: Some(sig.handle.clone()),
            },
            date: sig.date,
            text: segments
                .iter()
                .map(|r| &text[r.clone()])
                .collect::<Vec<_>>()
                .join("\n"),
            reply_to: None,
            quotes: None,
            status_id: None,
            start,
            end: sig.end,
        });
        floor = sig.end;
    }
    out
}

/// The byte ranges of the post's lines, first to last, and the index of the first paragraph.
fn gather_text(
    text: &str,
    paras: &Paras,
    claimed: &[bool],
    k: usize,
    sig: &Signature,
    floor: usize,
) -> Option<(usize, Vec<std::ops::Range<usize>>)> {
    let line = paras.list[k].range.clone();
    let before = text[line.start..sig.dash].trim_end_matches(is_space);
    let (mut first, mut segments) = if !before.is_empty() {
        let line_start = line.start.max(floor);
        let end = line.start + before.len();
        if end <= line_start {
            return None;
        }
        let start = cut_glued_prose(text, line_start, end);
        let start =
            start + (text[start..end].len() - text[start..end].trim_start_matches(is_space).len());
        (k, std::iter::once(start..end).collect::<Vec<_>>())
    } else {
        // Signature on its own line: the text is the paragraph just above.
        let prev = k.checked_sub(1)?;
        let p = &paras.list[prev];
        if paras.list[k].gap_before > 1 || claimed[prev] || p.range.start < floor {
            return None;
        }
        (prev, std::iter::once(p.range.clone()).collect::<Vec<_>>())
    };
    // Inner line breaks of the post: earlier lines behind runs of two or more blank lines.
    let mut total = segments[0].len();
    let whole_paragraph = segments[0].start == paras.list[first].range.start;
    while whole_paragraph && first > 0 && paras.list[first].gap_before >= 2 {
        let p = &paras.list[first - 1];
        total += p.range.len();
        if claimed[first - 1] || p.range.start < floor || total > MAX_TEXT_BYTES {
            break;
        }
        first -= 1;
        segments.insert(0, p.range.clone());
    }
    Some((first, segments))
}

/// Where a same-line post text really starts: past prose glued before it on one long line.
///
/// # Complexity
/// O(w log w) in the window of at most [`MAX_TEXT_BYTES`] before the signature.
fn cut_glued_prose(text: &str, start: usize, end: usize) -> usize {
    let mut from = end.saturating_sub(MAX_TEXT_BYTES).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from == start && weight(&text[start..end]) <= TWEET_WEIGHT {
        return start;
    }
    let s = &text[from..end];
    // Sentence openings, left to right; the text after each weighs less and less.
    let openings: Vec<usize> = s
        .char_indices()
        .filter(|&(_, c)| matches!(c, '.' | '!' | '?' | ':' | '”' | '"'))
        .filter_map(|(i, c)| {
            // A sentence ends at the mark only when white space follows (not in `https://`).
            let rest = &s[i + c.len_utf8()..];
            let trimmed = rest.trim_start_matches(is_space);
            (trimmed.len() < rest.len()).then(|| from + (s.len() - trimmed.len()))
        })
        .filter(|&o| {
            text[o..end]
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase())
        })
        .collect();
    let fits = openings.partition_point(|&o| weight(&text[o..end]) > TWEET_WEIGHT);
    openings.get(fits).copied().unwrap_or(from)
}

/// Twitter's weighted length, approximately: characters, with each link counted as 23.
fn weight(s: &str) -> usize {
    s.split(is_space)
        .map(|w| {
            if w.starts_with("http") || w.starts_with("pic.twitter.com") {
                23
            } else {
                w.chars().count()
            }
        })
        .sum::<usize>()
        + s.split(is_space).count().saturating_sub(1)
}
