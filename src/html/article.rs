//! The article text of a page: everything shown outside the embeds, as plain text whose offsets
//! map back to the HTML source.
//!
//! ```text
//! <p>The agency is reporting:</p><blockquote class="twitter-tweet">…</blockquote><p>More &amp; more<br>here</p>
//! → "The agency is reporting:\n\nMore & more\nhere"   (each byte mapped to its source byte)
//! ```
//!
//! Block elements become paragraphs separated by one blank line, `<br>` a line break, runs of
//! white space one space; entities are decoded; scripts, styles, the `<head>` and the embeds'
//! elements are left out. The text-shaped detectors and the quotation finder then run on it as
//! on any flattened article.

use super::dom::{decode_into, is_block, is_html_space, Dom, NodeId};
use std::ops::Range;

/// Elements whose content is not article prose.
const SKIP: [&str; 11] = [
    "head", "script", "style", "template", "noscript", "svg", "iframe", "object", "select",
    "button", "canvas",
];

/// A run of the article text and the source bytes it comes from.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Start in the article text.
    text: usize,
    /// Length in the article text.
    text_len: usize,
    /// Start in the source.
    source: usize,
    /// Length in the source (equal to `text_len` for verbatim runs).
    source_len: usize,
}

/// The article text and its map back to the source.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The text.
    pub text: String,
    segments: Vec<Segment>,
    /// Pending separator: 0 none, 1 line break, 2 paragraph break.
    pending: u8,
    /// Source offset of pending white space, if any.
    space_at: Option<usize>,
}

impl Article {
    /// Builds the article text of `dom`, leaving out the elements in `taken` and what they hold.
    ///
    /// # Complexity
    /// Linear in the page's length.
    pub fn build(dom: &Dom, taken: &[NodeId]) -> Article {
        let mut skip = vec![false; dom.nodes.len()];
        for &t in taken {
            if let Some(s) = skip.get_mut(t) {
                *s = true;
            }
        }
        let mut a = Article::default();
        // (node, entering?) pairs: blocks add a break when entered and when left.
        let mut stack = vec![(0, true)];
        while let Some((n, entering)) = stack.pop() {
            let name = dom.name(n);
            let block = is_block(name);
            if !entering {
                if block {
                    a.pending = 2;
                }
                continue;
            }
            if skip.get(n).copied().unwrap_or(true) || SKIP.contains(&name) {
                continue;
            }
            if let Some(raw) = dom.text(n) {
                let base = dom.span(n).start;
                decode_into(raw, base, &mut |piece, range| a.push(piece, range));
                continue;
            }
            if name == "br" {
                a.pending = a.pending.max(1);
                continue;
            }
            if block {
                a.pending = 2;
            }
            stack.push((n, false));
            stack.extend(dom.children(n).iter().rev().map(|&c| (c, true)));
        }
        a
    }

    /// Appends decoded text from source `range` (verbatim when the lengths agree).
    fn push(&mut self, piece: &str, range: Range<usize>) {
        let verbatim = piece.len() == range.len();
        let mut run_start: Option<(usize, usize)> = None; // (piece offset, text offset)
        for (i, c) in piece.char_indices() {
            if is_html_space(c) {
                if let Some((p0, t0)) = run_start.take() {
                    self.segment(t0, range.start + p0, i - p0, verbatim, &range);
                }
                if self.space_at.is_none() {
                    self.space_at = Some(if verbatim {
                        range.start + i
                    } else {
                        range.start
                    });
                }
                continue;
            }
            if run_start.is_none() {
                self.separator();
                run_start = Some((i, self.text.len()));
            }
            self.text.push(c);
        }
        if let Some((p0, t0)) = run_start {
            self.segment(t0, range.start + p0, piece.len() - p0, verbatim, &range);
        }
    }

    /// Writes the pending line or paragraph break, or the pending space.
    fn separator(&mut self) {
        let at = self.text.len();
        let space = self.space_at.take();
        let sep = match self.pending {
            _ if at == 0 => "",
            2 => "\n\n",
            1 => "\n",
            _ if space.is_some() => " ",
            _ => "",
        };
        self.pending = 0;
        if !sep.is_empty() {
            let source = space
                .or_else(|| self.segments.last().map(|s| s.source + s.source_len))
                .unwrap_or(0);
            self.text.push_str(sep);
            self.segments.push(Segment {
                text: at,
                text_len: sep.len(),
                source,
                source_len: 0,
            });
        }
    }

    /// Records a run of text `text_len` bytes long at text offset `text`.
    fn segment(
        &mut self,
        text: usize,
        source: usize,
        text_len: usize,
        verbatim: bool,
        range: &Range<usize>,
    ) {
        let seg = if verbatim {
            Segment {
                text,
                text_len,
                source,
                source_len: text_len,
            }
        } else {
            Segment {
                text,
                text_len,
                source: range.start,
                source_len: range.len(),
            }
        };
        self.segments.push(seg);
    }

    /// The source offset where article text offset `t` starts.
    pub fn source_start(&self, t: usize) -> usize {
        let i = self.segments.partition_point(|s| s.text <= t);
        let Some(s) = i.checked_sub(1).and_then(|i| self.segments.get(i)) else {
            return 0;
        };
        if t >= s.text + s.text_len {
            s.source + s.source_len
        } else if s.text_len == s.source_len {
            s.source + (t - s.text)
        } else {
            s.source
        }
    }

    /// The source offset where article text ending (exclusively) at `t` ends.
    pub fn source_end(&self, t: usize) -> usize {
        if t == 0 {
            return self.source_start(0);
        }
        let i = self.segments.partition_point(|s| s.text < t);
        let Some(s) = i.checked_sub(1).and_then(|i| self.segments.get(i)) else {
            return 0;
        };
        if s.text_len == s.source_len {
            s.source + (t - s.text).min(s.text_len)
        } else {
            s.source + s.source_len
        }
    }
}
