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
use std::sync::{LazyLock, OnceLock};

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
    /// Byte offset where the article body starts (after a ` date YYYY-MM[-DD]` header, else 0).
    pub body_start: usize,
    /// What the text is: plain article text or an HTML page.
    pub format: TextFormat,
    /// Built on first use: an HTML page's own lines are never asked for (its article text,
    /// a document of its own, is what the line-wise detectors read).
    lines: OnceLock<LineIndex>,
}

static DATE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*date (\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*").expect("valid regex")
});

impl Document {
    /// Builds a document, reading a leading ` date YYYY-MM-DD` header if there is one.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let head = text
            .get(..text.len().min(64))
            .unwrap_or_else(|| head_at_char(&text, 64));
        let (date, body_start) = match DATE_HEADER.captures(head) {
            // A month alone (` date 2018-07 `) still opens the body, but is no day to report.
            Some(c) => (
                (c[1].len() == 10).then(|| c[1].to_string()),
                c.get(0).map_or(0, |m| m.end()),
            ),
            None => (None, 0),
        };
        Document {
            name: name.into(),
            text,
            date,
            body_start,
            format: TextFormat::Text,
            lines: OnceLock::new(),
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
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The 1-based line on which byte `offset` stands.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines().line_of(offset)
    }

    /// [`Document::line_of`] for offsets asked in ascending order, without building the line
    /// index when it is not built yet: the line breaks are counted from one offset to the next
    /// (a page whose lines are asked for a few quotations need not index all its lines).
    pub fn line_counter(&self) -> LineCounter<'_> {
        LineCounter {
            bytes: self.text.as_bytes(),
            index: self.lines.get(),
            at: 0,
            line: 1,
        }
    }
}

/// The lines of ascending offsets of a text ([`Document::line_counter`]).
#[derive(Debug)]
pub struct LineCounter<'a> {
    bytes: &'a [u8],
    /// The document's line index, when it was built already.
    index: Option<&'a LineIndex>,
    /// The offset counted up to, and its line.
    at: usize,
    line: usize,
}

impl LineCounter<'_> {
    /// The 1-based line on which byte `offset` stands, as [`LineIndex::line_of`] gives it.
    /// Linear in the distance from the offset asked before (from the start when `offset` is
    /// smaller).
    pub fn line_of(&mut self, offset: usize) -> usize {
        if let Some(index) = self.index {
            return index.line_of(offset);
        }
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            (self.at, self.line) = (0, 1);
        }
        let gap = self.bytes.get(self.at..offset).unwrap_or(&[]);
        // A line starts after each `\n` and each `\r` not followed by `\n` before `offset`.
        let lone_cr = memchr::memchr_iter(b'\r', gap)
            .filter(|&i| self.bytes.get(self.at + i + 1) != Some(&b'\n'))
            .count();
        self.line += memchr::memchr_iter(b'\n', gap).count() + lone_cr;
        self.at = offset;
        self.line
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
        // for growing and copying a vector that is already the largest thing in memory).
        let breaks = count_breaks(bytes);
        let mut starts = Vec::with_capacity(breaks + 1);
        starts.push(0);
        // `memchr2` jumps from break to break, but pays a few nanoseconds per break found: on
        // text whose breaks are closer than `DENSE_BREAKS` bytes on average (a flood of empty
        // lines) the plain byte loop is faster. Either way the cost per byte stays bounded.
        if breaks.saturating_mul(DENSE_BREAKS) > bytes.len() {
            line_starts_dense(bytes, &mut starts);
        } else {
            line_starts_sparse(bytes, &mut starts);
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

/// Bytes per `\n` or `\r` below which [`LineIndex::new`] walks the bytes one by one rather
/// than with `memchr2`.
const DENSE_BREAKS: usize = 16;

/// The number of `\n` and `\r` bytes in `bytes`. Counted in blocks of 192 bytes into a byte
/// counter (it cannot overflow), which vectorizes far better than a `usize` count per byte.
fn count_breaks(bytes: &[u8]) -> usize {
    let is_break = |b: &u8| *b == b'\n' || *b == b'\r';
    let mut blocks = bytes.chunks_exact(192);
    let mut n = 0;
    for block in &mut blocks {
        n += usize::from(block.iter().fold(0u8, |k, b| k + u8::from(is_break(b))));
    }
    n + blocks.remainder().iter().filter(|b| is_break(b)).count()
}

/// Appends the offset after each line break of `bytes` (`\n`, `\r\n` as one, lone `\r`),
/// found with `memchr2`.
fn line_starts_sparse(bytes: &[u8], starts: &mut Vec<usize>) {
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The `\r` of a `\r\n`: the line ends at the `\n`, found next.
        if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        starts.push(i + 1);
    }
}

/// [`line_starts_sparse`] as a plain byte loop, for text dense with line breaks.
fn line_starts_dense(bytes: &[u8], starts: &mut Vec<usize>) {
    for (i, &b) in bytes.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(i + 1);
        }
    }
}

/// Whether `c` is a letter of the Latin-1 or Latin Extended-A/B blocks, of Cyrillic or of the
/// Arabic alphabet, a CJK unified ideograph, a kana or a Hangul syllable: the letters outside
/// ASCII that news is mostly written in, which `char::is_alphabetic` finds by a search of its
/// tables (~500 instructions a character). Every such character is alphabetic (a test checks
/// all of them).
#[inline]
pub(crate) fn common_letter(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}'
        | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{24F}'
        | '\u{400}'..='\u{481}'
        | '\u{48A}'..='\u{52F}'
        | '\u{621}'..='\u{64A}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
}

/// `c.is_alphabetic()`, answered without the Unicode tables for ASCII, the
/// [`common_letter`]s and the General Punctuation block (U+2000–U+206F: no letter).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if common_letter(c) {
        true
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphabetic()
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
    fn month_header_opens_the_body_without_a_date() {
        let d = Document::new("a", " date 2021-01 I'll be tweeting anyway.");
        assert_eq!(d.date, None);
        assert_eq!(&d.text[d.body_start..], "I'll be tweeting anyway.");
    }

    #[test]
    fn no_header() {
        let d = Document::new("a", "Hello date 2019-12-31");
        assert_eq!(d.date, None);
        assert_eq!(d.body_start, 0);
    }

    /// The counter gives the index's line for every offset, asked in ascending order, then
    /// again from the start.
    #[test]
    fn line_counter_as_the_index() {
        for text in [
            "",
            "a",
            "\n",
            "\r",
            "\r\n",
            "a\rb\r\nc\r\rd\n\n\r",
            "ab\n\ncd\r\n\r\nef\r",
        ] {
            let d = Document::new("a", text);
            let mut counter = d.line_counter();
            let ascending: Vec<usize> = (0..text.len() + 3).collect();
            for &at in ascending.iter().chain(&ascending) {
                assert_eq!(
                    counter.line_of(at),
                    LineIndex::new(text).line_of(at),
                    "{text:?} {at}"
                );
            }
            let mut built = d.line_counter();
            d.lines();
            assert_eq!(
                built.line_of(text.len()),
                d.line_counter().line_of(text.len())
            );
        }
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

    /// The line starts as the byte loop of the first implementation found them.
    fn reference_starts(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        starts
    }

    #[test]
    fn line_starts_match_the_byte_loop() {
        let long = format!(
            "{}\r\n{}\r{}\n",
            "a".repeat(300),
            "b".repeat(200),
            "é".repeat(100)
        );
        let mut cases: Vec<String> = [
            "",
            "\r",
            "\n",
            "\r\n",
            "\n\r",
            "\r\r",
            "\n\n",
            "\r\n\r",
            "\r\r\n",
            "\r\n\r\n",
            "a\r",
            "a\r\n",
            "a\n",
            "\ra",
            "a\rb\r\nc\r\rd",
            "ab\r\ncd\n\nef",
            "x\r\n\r\ny\r",
            "é\r“q”\r\n—\n\r",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        cases.push(long.clone());
        cases.push(long.repeat(5) + "\r");
        cases.push("\r\n".repeat(500) + "\r");
        cases.push("\n\r".repeat(500));
        // Random mixes of breaks and letters, dense and sparse, around the 192-byte blocks.
        let mut seed: u32 = 1;
        for len in (0..40).chain([191, 192, 193, 383, 384, 385, 1000]) {
            for density in [2, 5, 40] {
                let text: String = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        match (seed >> 16) % density {
                            0 => '\r',
                            1 => '\n',
                            2 => 'é',
                            _ => 'a',
                        }
                    })
                    .collect();
                cases.push(text);
            }
        }
        for text in &cases {
            let want = reference_starts(text);
            let index = LineIndex::new(text);
            assert_eq!(index.starts, want, "{text:?}");
            assert_eq!(
                count_breaks(text.as_bytes()),
                text.bytes().filter(|&b| b == b'\n' || b == b'\r').count()
            );
            // Both walks, whichever `new` chose for this text.
            for walk in [line_starts_sparse, line_starts_dense] {
                let mut starts = vec![0];
                walk(text.as_bytes(), &mut starts);
                assert_eq!(starts, want, "{text:?}");
            }
        }
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

    #[test]
    fn letter_fast_paths_agree_with_the_unicode_tables() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert!(!common_letter(c) || c.is_alphabetic(), "{c:?}");
        }
    }
}
