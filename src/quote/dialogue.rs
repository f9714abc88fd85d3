//! Dash dialogue: quotations printed without marks, as a paragraph opened by a dash, the
//! attribution after a comma or a dash (Scandinavian, Slavic, Hungarian, Spanish press).
//!
//! ```text
//! – Jeg tror det er det vi alle strever mot, skriver hun i teksten.
//! └ dash ┘└──────────── quotation ────────┘└ cue and speaker ─────┘
//! - Poštovani građani Srbije, želim vam srećnu Novu godinu - napisao je Tadić.
//! ```
//!
//! Only a paragraph whose attribution has a known cue is a quotation: a dash opening a line is
//! as often a list's bullet. One pass over the lines; in a dash-opened line each comma or space
//! of its first [`MAX_QUOTE`] bytes is looked at once.

use super::lexicon::CUE_INDEX;
use super::marks::{self, Marks, MAX_QUOTE};
use std::ops::Range;

/// Dashes that open a line of dialogue.
const DASHES: [&str; 3] = ["– ", "— ", "- "];

/// Separators between a line's quotation and its attribution.
const SEPARATORS: [&str; 4] = [", ", " – ", " — ", " - "];

/// Fewest bytes of quotation before the attribution.
const MIN_QUOTE: usize = 12;

/// The dash-opened paragraphs of `text[from..]` with a cue after a separator, outside the byte
/// ranges `skip` (sorted): each as [`Marks`] whose opening mark is the dash and whose closing
/// mark is empty, right before the separator.
pub fn scan(text: &str, from: usize, skip: &[Range<usize>]) -> Vec<Marks> {
    let mut out = Vec::new();
    let mut line_start = from.min(text.len());
    while line_start < text.len() {
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |n| line_start + n);
        if let Some(m) = dialogue_line(text, line_start, line_end) {
            if !skip.iter().any(|r| r.start < m.close && m.open < r.end) {
                out.push(m);
            }
        }
        line_start = line_end + 1;
    }
    out
}

/// The quotation of the line `start..end` when it is dash dialogue with a cue.
fn dialogue_line(text: &str, start: usize, end: usize) -> Option<Marks> {
    let line = text.get(start..end)?;
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let dash = DASHES.iter().find(|d| rest.starts_with(**d))?;
    let body = &rest[dash.len()..];
    if !body.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let body_start = start + indent + dash.len();
    // One pass over the first [`MAX_QUOTE`] bytes: each comma or space is tried once as a
    // separator, and a cue is read only after one (a few words at most).
    let mut limit = body.len().min(MAX_QUOTE);
    while !body.is_char_boundary(limit) {
        limit -= 1;
    }
    body[..limit]
        .match_indices([',', ' '])
        .filter(|&(i, _)| i >= MIN_QUOTE)
        .find_map(|(i, _)| {
            let sep = SEPARATORS.iter().find(|s| body[i..].starts_with(**s))?;
            opens_cue(&body[i + sep.len()..]).then_some(i)
        })
        .map(|i| Marks {
            open: start + indent,
            inner_start: body_start,
            inner_end: body_start + i,
            close: body_start + i,
            lost_open: false,
        })
}

/// Whether `s` starts with a cue of the lexicon (`skriver hun`, `napisao je`, `fortsetter`).
fn opens_cue(s: &str) -> bool {
    let mut words = s.split_whitespace().take(4).map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let Some(first) = words.next() else {
        return false;
    };
    let rest: Vec<String> = words.collect();
    CUE_INDEX.get(first.as_str()).is_some_and(|entries| {
        entries.iter().any(|e| {
            e.words.len() <= rest.len() + 1
                && e.words[1..]
                    .iter()
                    .zip(&rest)
                    .all(|(a, b)| *a == b.as_str())
        })
    })
}

/// `found` and `dialogue` together in document order; a quotation's marks inside a dialogue
/// line (scare quotes of its own) give way to the line, as nested marks do (see
/// [`marks::outermost`]).
pub fn merge(mut found: Vec<Marks>, dialogue: Vec<Marks>) -> Vec<Marks> {
    if dialogue.is_empty() {
        return found;
    }
    found.extend(dialogue);
    marks::outermost(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        scan(text, 0, &[])
            .iter()
            .map(|m| &text[m.inner_start..m.inner_end])
            .collect()
    }

    /// The line of `doc` (a document of the fixtures) that starts with `start`.
    fn line_of(doc: &'static str, start: &str) -> &'static str {
        doc.lines().find(|l| l.starts_with(start)).unwrap()
    }

    #[test]
    fn dialogue_lines_with_a_cue() {
        let no = line_of(
            include_str!("../../fixtures/realworld-next5/docs/414.txt"),
            "– Jeg tror at",
        );
        assert_eq!(
            quotes(no),
            [
                "Jeg tror at vi alle drømmer om å leve et eventyrlig liv og gjennom måten jeg har \
              postet på.. Livet mitt har virket ganske fantastisk. Jeg tror det er det vi alle \
              strever mot"
            ]
        );
        // A dash inside the quotation is no separator when no cue follows it.
        let sr = line_of(
            include_str!("../../fixtures/realworld-next5/docs/413.txt"),
            "- Poštovani",
        );
        let q = quotes(sr);
        assert_eq!(q.len(), 1);
        assert!(q[0].ends_with("zdravi, srećni i uspešni"), "{q:?}");
    }

    /// A dash line of commas with no cue costs one pass over its first bytes (linear; the
    /// test only checks the answer).
    #[test]
    fn a_long_line_without_a_cue() {
        let t = format!("- A{}\n", ", b".repeat(200_000));
        assert!(quotes(&t).is_empty());
    }

    #[test]
    fn bullets_and_lines_without_a_cue_are_no_dialogue() {
        // fixtures/realworld-next5/docs/414.txt line 3: no cue on the line.
        let t = "- Home, News - Sport\n– Jeg vil fortelle dere en liten hemmelighet..\n\
                 - lowercase item, said nobody\n";
        assert!(quotes(t).is_empty());
    }
}
