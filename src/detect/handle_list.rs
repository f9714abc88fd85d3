//! Posts listed with nothing but their author's handle after the text, as articles print a
//! selection of tweets (names, dates and links left out).
//!
//! ```text
//! Ich wünsche dem neuen Koalitionspartner viel Erfolg. Euch kriegt sie auch noch tot! @moritzkoerner
//!
//! *
//!
//! So leid es mir tut: So fühlen sich befristete Stellen an.
//!
//! @fraeulein_tessa
//! ```
//!
//! An item is a line ending in ` @handle`; a line followed by a line that is only a handle
//! (perhaps after a dash) or a credit (`Danny Zuker (writer/executive producer, Modern Family),
//! @dannyzuker`); or a header line `Name @handle` followed by the text, as a card copied as
//! text prints it (`Soran Ismail @Soranismail`, then `Bonnie Tyler har åldrats med värdighet.`).
//! One such line is as often prose naming an account, so only a run of items counts: two or
//! more with separator lines (`*`, `***`, `•`) between them, or three or more one after the
//! other. A list's item number before the text (`11. Gaga looks terrible`) is not the post's.

use super::paragraphs::Paras;
use super::Sighting;
use crate::document::Document;
use crate::model::{AppearanceKind, Author, Platform};
use std::ops::Range;

/// Fewest items of a run whose items follow one another with no separator line between.
const MIN_BARE_RUN: usize = 3;

/// Fewest items of a run with separator lines between its items.
const MIN_SEPARATED_RUN: usize = 2;

/// Fewest words of an item's text.
const MIN_WORDS: usize = 3;

/// Longest separator line, in bytes.
const MAX_SEPARATOR: usize = 12;

/// What a paragraph is to a list of handle-signed posts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Line {
    /// `*`, `***`, `• • •`: a separator between items.
    Separator,
    /// `@handle` alone (after an optional dash): the handle signing the line above.
    Handle,
    /// Text ending in ` @handle`, the handle's `@` at this byte of the line.
    Signed(usize),
    /// `Name (description), @handle`: a credit signing the line above; the name's end and the
    /// `@` at these bytes of the line.
    Credit(usize, usize),
    /// `Name @handle` with a short display name: a card's header over the text below; the
    /// `@` at this byte of the line.
    Header(usize),
    /// Anything else.
    Other,
}

/// One listed post: the paragraphs of its text and of its handle, the text's byte range.
struct Item {
    first: usize,
    last: usize,
    text: Range<usize>,
    handle: Range<usize>,
    name: Option<Range<usize>>,
}

/// Finds runs of handle-signed posts among the unclaimed paragraphs; marks those used.
pub fn scan(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    let kinds: Vec<Line> = paras
        .list
        .iter()
        .zip(claimed.iter())
        .map(|(p, &c)| {
            if c {
                Line::Other
            } else {
                classify(&text[p.range.clone()])
            }
        })
        .collect();
    // The run of items so far, whether a separator line stands between every two of them,
    // and whether one has since the last item (anything else but an item ends the run).
    let mut run: Vec<Item> = Vec::new();
    let mut all_separated = true;
    let mut separator_since = false;
    let mut k = 0;
    while k < kinds.len() {
        let item = match kinds[k] {
            Line::Signed(at) => {
                let r = &paras.list[k].range;
                let body = text[r.start..r.start + at].trim_end();
                Some(Item {
                    first: k,
                    last: k,
                    text: r.start..r.start + body.len(),
                    handle: r.start + at + 1..r.end,
                    name: None,
                })
            }
            Line::Other if kinds.get(k + 1) == Some(&Line::Handle) && has_words(doc, paras, k) => {
                let r = &paras.list[k + 1].range;
                let at = text[r.clone()].find('@').unwrap_or(0);
                Some(Item {
                    first: k,
                    last: k + 1,
                    text: paras.list[k].range.clone(),
                    handle: r.start + at + 1..r.end,
                    name: None,
                })
            }
            // A credit names its author: any few words above it are the text (counted only
            // over a credit: most lines have none under them).
            Line::Other => match kinds.get(k + 1) {
                Some(&Line::Credit(name_end, at)) if card_text(doc, paras, k) => {
                    let r = &paras.list[k + 1].range;
                    Some(Item {
                        first: k,
                        last: k + 1,
                        text: paras.list[k].range.clone(),
                        handle: r.start + at + 1..r.end,
                        name: Some(r.start..r.start + name_end),
                    })
                }
                _ => None,
            },
            Line::Header(at)
                if kinds.get(k + 1) == Some(&Line::Other) && card_text(doc, paras, k + 1) =>
            {
                let r = &paras.list[k].range;
                let name = text[r.start..r.start + at].trim_end();
                Some(Item {
                    first: k,
                    last: k + 1,
                    text: paras.list[k + 1].range.clone(),
                    handle: r.start + at + 1..r.end,
                    name: Some(r.start..r.start + name.len()),
                })
            }
            _ => None,
        };
        if let Some(item) = item {
            if !run.is_empty() {
                all_separated &= separator_since;
            }
            separator_since = false;
            k = item.last + 1;
            run.push(item);
            continue;
        }
        if kinds[k] == Line::Separator {
            separator_since = true;
        } else {
            flush(doc, &mut run, all_separated, claimed, out);
            all_separated = true;
            separator_since = false;
        }
        k += 1;
    }
    flush(doc, &mut run, all_separated, claimed, out);
}

/// Whether paragraph `k` reads as a post's text (see [`is_post_text`]).
fn has_words(doc: &Document, paras: &Paras, k: usize) -> bool {
    is_post_text(&doc.text[paras.list[k].range.clone()])
}

/// Whether paragraph `k`, under a card's header or over a credit, reads as a post's text: a
/// few words.
fn card_text(doc: &Document, paras: &Paras, k: usize) -> bool {
    doc.text[paras.list[k].range.clone()]
        .split_whitespace()
        .nth(MIN_WORDS - 1)
        .is_some()
}

/// Whether `text`, before a handle, reads as a post's text rather than words leading into
/// the handle (`Follow us on Twitter: @x`, `by @x`, `Rep. Steve Israel, D-N.Y. (`): a few
/// words, the last closing a sentence, a word of its own or a hashtag (`#superbowl`).
fn is_post_text(text: &str) -> bool {
    let last = text.split_whitespace().next_back().unwrap_or("");
    let word = last.strip_prefix('#').unwrap_or(last);
    let closes = last.ends_with(['.', '!', '?', '»', '«', '”', '"', '…', ')'])
        || (word.chars().count() >= 4 && word.chars().all(char::is_alphanumeric));
    closes && text.split_whitespace().nth(MIN_WORDS - 1).is_some()
}

/// The text of an item without a list's item number before it (`11. Gaga looks terrible`).
fn unnumbered(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text[digits..].strip_prefix(". ") {
        Some(rest) if (1..=3).contains(&digits) => rest.trim_start(),
        _ => text,
    }
}

/// Whether `name` reads as a display name: one to four words, short, no sentence in it.
fn is_display_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && name.chars().count() <= MAX_NAME_CHARS
        && !name.contains([':', ',', '.', '!', '?', '"', '“', '”', '(', ')'])
}

/// Most words of a card header's display name.
const MAX_NAME_WORDS: usize = 4;

/// Longest display name, in characters (Twitter allows 50).
const MAX_NAME_CHARS: usize = 50;

/// Turns the items of a finished run into sightings when the run is long enough; empties it.
fn flush(
    doc: &Document,
    run: &mut Vec<Item>,
    separated: bool,
    claimed: &mut [bool],
    out: &mut Vec<Sighting>,
) {
    let min = if separated {
        MIN_SEPARATED_RUN
    } else {
        MIN_BARE_RUN
    };
    if run.len() >= min {
        for item in run.iter() {
            claimed[item.first..=item.last].fill(true);
            out.push(Sighting {
                platform: Platform::Twitter,
                kind: AppearanceKind::Embed,
                author: Author {
                    name: item.name.clone().map(|r| doc.text[r].to_string()),
                    handle: Some(doc.text[item.handle.clone()].to_string()),
                },
                date: None,
                text: unquoted(unnumbered(&doc.text[item.text.clone()])).to_string(),
                extra: super::Extra::of(None, None, None),
                // The text under a header: the span runs from the name to the text's end.
                start: item
                    .name
                    .as_ref()
                    .map_or(item.text.start, |n| n.start.min(item.text.start)),
                end: item.handle.end.max(item.text.end),
            });
        }
    }
    run.clear();
}

/// An item's text without the quotation marks a page set around all of it (`"Twitter yasagi
/// sebebiyle …" @RT_Erdogan`): the marks are the article's, not the post's.
fn unquoted(text: &str) -> &str {
    const PAIRS: [(char, char); 5] = [('"', '"'), ('“', '”'), ('«', '»'), ('„', '“'), ('»', '«')];
    PAIRS
        .iter()
        .find_map(|&(open, close)| {
            let inner = text.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close])).then_some(inner.trim())
        })
        .unwrap_or(text)
}

/// What `line` is to a list of handle-signed posts.
fn classify(line: &str) -> Line {
    if line.len() <= MAX_SEPARATOR
        && line
            .chars()
            .all(|c| matches!(c, '*' | '•' | '·' | '~' | '#' | '=') || c.is_whitespace())
    {
        return Line::Separator;
    }
    // A handle is at most 15 bytes after the last `@`: only the line's last 16 bytes are
    // searched (an `@` before them leaves a longer tail, no handle, as none at all does).
    let tail = line.len().saturating_sub(16);
    let Some(at) = memchr::memrchr(b'@', &line.as_bytes()[tail..]).map(|o| tail + o) else {
        return Line::Other;
    };
    let handle = &line[at + 1..];
    let handle_shaped = (1..=15).contains(&handle.len())
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !handle_shaped {
        return Line::Other;
    }
    let before = line[..at].trim_end_matches(|c: char| c.is_whitespace());
    let lead = before.trim_start_matches(['—', '–', '-', ' ']);
    if lead.is_empty() {
        return Line::Handle;
    }
    // ` @handle` after a space, closing text of a few words that does not lead into the handle
    // (`Follow us on Twitter: @x`, `by @x`).
    let spaced = before.len() < at;
    if spaced && is_post_text(before) {
        return Line::Signed(at);
    }
    // `Danny Zuker (writer/executive producer, Modern Family), @dannyzuker`.
    if let Some(credited) = before.strip_suffix(',') {
        let name = credited
            .split_once(" (")
            .filter(|(_, gloss)| gloss.ends_with(')'))
            .map_or(credited, |(name, _)| name)
            .trim();
        if spaced && !name.is_empty() && is_display_name(name) {
            return Line::Credit(name.len(), at);
        }
    }
    // `Soran Ismail @Soranismail` over the text: one word, or capitalized words (not `Mehr
    // dazu von @nd_aktuell`).
    let named = before.split_whitespace().count() == 1
        || before
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    if spaced && named && is_display_name(before) {
        return Line::Header(at);
    }
    Line::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_a_handle_signed_list() {
        // fixtures/realworld-next8/docs/468.txt.
        assert_eq!(classify("*"), Line::Separator);
        assert_eq!(classify("@fraeulein_tessa"), Line::Handle);
        assert_eq!(
            classify(
                "Lobbyisten sind stinksauer, Gesetze kaufen wird wahrscheinlich teurer @bootboss"
            ),
            Line::Signed(70)
        );
        assert_eq!(
            classify("Ich wünsche dem neuen Koalitionspartner von Frau Merkel viel Erfolg. Euch kriegt sie auch noch tot! @moritzkoerner"),
            Line::Signed(101)
        );
        assert_eq!(
            classify("Folgen Sie uns auf Twitter: @nd_aktuell"),
            Line::Other
        );
        assert_eq!(classify("Mehr dazu von @nd_aktuell"), Line::Other);
        // fixtures/realworld/docs/104.txt: accounts recommended, a handle under each name.
        assert!(!is_post_text("Rep. Steve Israel, D-N.Y. ("));
        // fixtures/realworld-next10/docs/505.txt: marks around the whole text are the page's.
        assert_eq!(
            unquoted("\"@Besiktas hala mı giremediniz twitter'a?\""),
            "@Besiktas hala mı giremediniz twitter'a?"
        );
        assert_eq!(unquoted("»Ja« sagt er"), "»Ja« sagt er");
    }

    #[test]
    fn credits_under_and_headers_over_the_text() {
        // fixtures/realworld-next12/docs/535.txt: a credit under each numbered text.
        let line = "Danny Zuker (writer/executive producer, Modern Family), @dannyzuker";
        assert_eq!(classify(line), Line::Credit(11, line.find('@').unwrap()));
        assert_eq!(unnumbered("11. Gaga looks terrible"), "Gaga looks terrible");
        // fixtures/realworld-next12/docs/536.txt: a card's header over its text.
        assert_eq!(classify("Soran Ismail @Soranismail"), Line::Header(13));
        assert_eq!(classify("robin @robinhoodi"), Line::Header(6));
        // fixtures/realworld-next12/docs/535.txt, `7. Madonna is so obviously dance-syncing
        // right now. #superbowl`: a closing hashtag ends a post's text.
        assert!(is_post_text("right now. #superbowl"));
    }
}
