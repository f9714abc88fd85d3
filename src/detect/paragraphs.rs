//! The paragraph structure the text-shaped detectors walk: non-blank lines and the blank-line
//! gaps between them.
//!
//! Flattened articles encode structure only in blank lines. Article paragraphs are separated by
//! one blank line or none; a tweet's own inner line breaks survive as runs of two or more blank
//! lines; a card and the card it quotes are separated by a long blank run. Detectors therefore
//! look at each non-blank line together with the number of blank lines before it.

use crate::document::Document;
use std::ops::Range;

/// One non-blank line and the blank lines before it.
#[derive(Debug, Clone)]
pub struct Para {
    /// Byte range of the line's content, trimmed of surrounding whitespace.
    pub range: Range<usize>,
    /// Number of blank lines between this line and the previous non-blank one.
    pub gap_before: usize,
}

/// The non-blank lines of a document body, in order.
#[derive(Debug, Clone, Default)]
pub struct Paras {
    /// Non-blank lines in document order.
    pub list: Vec<Para>,
}

impl Paras {
    /// Splits the body of `doc` (after its date header) into non-blank lines.
    ///
    /// # Complexity
    /// One pass over the text; one entry per non-blank line.
    pub fn new(doc: &Document) -> Paras {
        let text = doc.text.as_str();
        let mut gap = 0;
        let first = doc.line_of(doc.body_start) - 1;
        // Sized once from the line count (an upper bound): growing by doubling would hold up
        // to three times the final size while a text of short lines is split.
        let mut list = Vec::with_capacity(doc.lines().count().saturating_sub(first));
        for i in first..doc.lines().count() {
            let mut range = doc.lines().range(text, i);
            range.start = range.start.max(doc.body_start);
            let line = &text[range.clone()];
            let trimmed = line.trim_start_matches(is_space);
            let content = trimmed.trim_end_matches(is_space);
            if content.is_empty() {
                gap += 1;
                continue;
            }
            let start = range.start + (line.len() - trimmed.len());
            list.push(Para {
                range: start..start + content.len(),
                gap_before: gap,
            });
            gap = 0;
        }
        Paras { list }
    }

    /// Index of the paragraph containing byte `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<usize> {
        let i = self
            .list
            .partition_point(|p| p.range.start <= offset)
            .checked_sub(1)?;
        (offset <= self.list[i].range.end).then_some(i)
    }
}

/// White space as it occurs in flattened pages: Unicode spaces, NBSP, zero-width marks.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}')
}
