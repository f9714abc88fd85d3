//! One input document: its name, its text, its own date, and a line index.
//!
//! Documents may open with a header line giving their date, as the seeds do:
//!
//! ```text
//!  date 2021-03-03 Flood waters reached the old town on Tuesday morning ...
//! ```
//!
//! The header is recognised and skipped by the detectors; every offset stays an offset into the
//! original text, so spans can be checked against the file byte for byte.

use regex::Regex;
use std::sync::LazyLock;

/// The format of a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextFormat {
    /// Plain article text (flattened pages, extractor output).
    #[default]
    Text,
    /// An HTML page.
    Html,
}

/// A document as read: the name it was given and its full text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given on the command line, or a record id.
    pub name: String,
    /// The full text (lossily decoded when the input was not valid UTF-8).
    pub text: String,
    /// The document's own date (`YYYY-MM-DD`) where its header states it.
    pub date: Option<String>,
    /// Byte offset where the article body starts (after a ` date YYYY-MM-DD` header, else 0).
    pub body_start: usize,
    /// What the text is: plain article text or an HTML page.
    pub format: TextFormat,
    lines: LineIndex,
}

static DATE_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*").expect("valid regex"));

impl Document {
    /// Builds a document, reading a leading ` date YYYY-MM-DD` header if there is one.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let head = text
            .get(..text.len().min(64))
            .unwrap_or_else(|| head_at_char(&text, 64));
        let (date, body_start) = match DATE_HEADER.captures(head) {
            Some(c) => (Some(c[1].to_string()), c.get(0).map_or(0, |m| m.end())),
            None => (None, 0),
        };
        let lines = LineIndex::new(&text);
        Document {
            name: name.into(),
            text,
            date,
            body_start,
            format: TextFormat::Text,
            lines,
        }
    }

    /// Builds a document whose text is an HTML page.
    pub fn html(name: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            format: TextFormat::Html,
            ..Document::new(name, text)
        }
    }

    /// The line index of this document's text.
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// The 1-based line on which byte `offset` stands.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }
}

/// The first `max` bytes of `text`, shortened to a char boundary.
fn head_at_char(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Byte offsets of line starts, for offset -> line lookups and line-wise walking.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes the lines of `text`. Lines end at `\n`, `\r\n`, or a lone `\r` (old Mac files).
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        // Counted first, so the index is allocated once (a flood of line breaks must not pay
        // for growing and copying a vector that is already the largest thing in memory). Plain
        // byte loops: they vectorize, and cost nothing per hit when line breaks are dense.
        let breaks = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
        let mut starts = Vec::with_capacity(breaks + 1);
        starts.push(0);
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines (a trailing newline opens a last, empty line).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based line number of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Byte range of 0-based line `i`, without its line terminator (`\n`, `\r\n` or `\r`).
    pub fn range(&self, text: &str, i: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(i).copied().unwrap_or(self.len);
        let mut end = self.starts.get(i + 1).map_or(self.len, |&n| n - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_gives_date_and_body_start() {
        let d = Document::new("a", " date 2019-12-31 Hello\nworld");
        assert_eq!(d.date.as_deref(), Some("2019-12-31"));
        assert_eq!(&d.text[d.body_start..], "Hello\nworld");
    }

    #[test]
    fn no_header() {
        let d = Document::new("a", "Hello date 2019-12-31");
        assert_eq!(d.date, None);
        assert_eq!(d.body_start, 0);
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "a\rb\r\nc\r\rd";
        let d = Document::new("a", text);
        let lines: Vec<&str> = (0..d.lines().count())
            .map(|i| &text[d.lines().range(text, i)])
            .collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
        assert_eq!(d.line_of(text.find('d').unwrap()), 5);
    }

    #[test]
    fn lines_and_offsets() {
        let text = "ab\r\ncd\n\nef";
        let d = Document::new("a", text);
        assert_eq!(d.lines().count(), 4);
        assert_eq!(&text[d.lines().range(text, 0)], "ab");
        assert_eq!(&text[d.lines().range(text, 2)], "");
        assert_eq!(d.line_of(0), 1);
        assert_eq!(d.line_of(4), 2);
        assert_eq!(d.line_of(9), 4);
    }
}
