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
//!
//! A page with no element that may be an embed (most pages) needs no tree: [`stream`] writes the
//! same text straight from the token stream, with what [`Article::build`] would do on entering
//! and leaving each element done as the element opens and closes.

use super::dom::{decode_into, is_block, Dom, NodeId};
use super::embeds;
use super::meta::PageMeta;
use super::tokens::{StartTag, TextType};
use super::tree::{self, Build};
use std::borrow::Cow;
use std::ops::{ControlFlow, Range};

/// Elements whose content is not article prose.
///
/// A `match` rather than a search of a list: asked of every element of a page.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "svg"
            | "iframe"
            | "object"
            | "select"
            | "button"
            | "canvas"
    )
}

/// Whether runs of words are joined into one segment ([`Article::extend_run`]); the tests turn
/// it off to compare with the map of a segment per word and per space.
fn joins() -> bool {
    #[cfg(test)]
    if tests::UNMERGED.with(std::cell::Cell::get) {
        return false;
    }
    true
}

/// The end of the word (the run of bytes that are no [`html_space_len`] white space) that
/// starts at byte `i`.
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => break,
            0xc2 if bytes.get(i + 1) == Some(&0xa0) => break,
            _ => i += 1,
        }
    }
    i
}

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
            if skip.get(n).copied().unwrap_or(true) || skipped(name) {
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
    ///
    /// Copies each run between white space whole: white space is ASCII or U+00A0 (bytes
    /// `C2 A0`), so runs are found on bytes and cut at character boundaries.
    fn push(&mut self, piece: &str, range: Range<usize>) {
        let verbatim = piece.len() == range.len();
        let bytes = piece.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let space = html_space_len(bytes, i);
            if space > 0 {
                if self.space_at.is_none() {
                    self.space_at = Some(if verbatim {
                        range.start + i
                    } else {
                        range.start
                    });
                }
                i += space;
                // The rest of the run (a page's indentation): only its first byte is kept.
                while i < bytes.len() {
                    match html_space_len(bytes, i) {
                        0 => break,
                        n => i += n,
                    }
                }
                continue;
            }
            let start = i;
            i = word_end(bytes, i);
            if !verbatim {
                self.separator();
                let at = self.text.len();
                self.text.push_str(&piece[start..i]);
                self.segment(at, range.start + start, i - start, false, &range);
                continue;
            }
            // The words after this one, each after one `' '` of the source, as
            // [`Article::extend_run`] would join them: copied with it at once.
            let mut end = i;
            while joins()
                && bytes.get(end) == Some(&b' ')
                && end + 1 < bytes.len()
                && html_space_len(bytes, end + 1) == 0
            {
                end = word_end(bytes, end + 1);
            }
            if !self.extend_run(range.start + start, &piece[start..end]) {
                self.separator();
                let at = self.text.len();
                self.text.push_str(&piece[start..end]);
                self.segment(at, range.start + start, end - start, true, &range);
            }
            i = end;
        }
    }

    /// Appends `word` (one or more words one `' '` apart), verbatim from source offset
    /// `source`, to the last segment when one space byte of the source stands between them (and
    /// no break is pending): the space and the words extend that segment rather than making
    /// segments of their own. False when they cannot.
    ///
    /// The lookups answer as they would with the space a segment of its own: a merged space
    /// maps to its source byte, as the space's own segment did (see [`Article::source_end`]).
    /// Most prose is words one space apart: this keeps the map a few segments a paragraph
    /// rather than two a word.
    fn extend_run(&mut self, source: usize, word: &str) -> bool {
        if !joins() {
            return false;
        }
        let at = self.text.len();
        let (Some(space), 0) = (self.space_at, self.pending) else {
            return false;
        };
        let Some(last) = self.segments.last_mut() else {
            return false;
        };
        let linear = last.text_len == last.source_len;
        if !linear
            || space + 1 != source
            || last.text + last.text_len != at
            || last.source + last.source_len != space
        {
            return false;
        }
        self.space_at = None;
        self.text.push(' ');
        self.text.push_str(word);
        last.text_len += 1 + word.len();
        last.source_len += 1 + word.len();
        true
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
            // A space inside a segment is one that joined two words ([`Article::extend_run`]):
            // a text ending just after it ends at the space, as when it was a segment of its own
            // (of no source length). Words hold no space.
            let into = t - s.text;
            let joined = into <= s.text_len && self.text.as_bytes().get(t - 1) == Some(&b' ');
            s.source + into.min(s.text_len) - usize::from(joined)
        } else {
            s.source + s.source_len
        }
    }
}

/// The length of the HTML white space character ([`is_html_space`](super::dom::is_html_space))
/// at byte `i`, or 0.
fn html_space_len(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => 1,
        0xc2 if bytes.get(i + 1) == Some(&0xa0) => 2,
        _ => 0,
    }
}

/// A page read without a tree.
#[derive(Debug)]
pub enum Streamed {
    /// No element of the page may be an embed: its article text and metadata.
    Page(Article, PageMeta),
    /// An element may be an embed: the page needs its tree.
    MayEmbed,
    /// The tokenizer refused the page.
    Refused,
}

/// The article text of `source` from its token stream, unless an element may be an embed.
///
/// # Complexity
/// Linear in the page's length.
pub fn stream(source: &str) -> Streamed {
    let mut s = Stream {
        source,
        article: Article::default(),
        meta: PageMeta::default(),
        open: Vec::new(),
        may_embed: false,
        signed: None,
    };
    if tree::build(source, &mut s) {
        Streamed::Page(s.article, s.meta)
    } else if s.may_embed {
        Streamed::MayEmbed
    } else {
        Streamed::Refused
    }
}

/// An open element as [`Article::build`] sees it.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// Whether the walk entered it (neither it nor an ancestor is left out).
    entered: bool,
    /// Whether it is a block (a paragraph break when left).
    block: bool,
    /// Whether it is a `<noscript>` (whose text may hold an embed's markup).
    noscript: bool,
}

/// The article text built as the tree's events arrive.
struct Stream<'a> {
    source: &'a str,
    article: Article,
    meta: PageMeta,
    open: Vec<Open>,
    may_embed: bool,
    /// Whether the page holds `(@` anywhere (asked once, at its first `<blockquote>`).
    signed: Option<bool>,
}

impl<'a> Build<'a> for Stream<'a> {
    fn open(&mut self, name: Cow<'a, str>, tag: &StartTag, void: bool) -> ControlFlow<()> {
        let source = self.source;
        let signed = &mut self.signed;
        let mut sign = || *signed.get_or_insert_with(|| source.contains("(@"));
        if embeds::may_embed(source, &name, tag, &mut sign) {
            self.may_embed = true;
            return ControlFlow::Break(());
        }
        // Its attributes decoded only while an element of its kind is still looked for.
        if self.meta.wants(&name) {
            let values: Vec<(Cow<str>, Cow<str>)> = tag
                .attrs
                .iter()
                .map(|a| {
                    let n = source.get(a.name.0..a.name.1).unwrap_or("");
                    let v = source.get(a.value.0..a.value.1).unwrap_or("");
                    (tree::lower(n), super::dom::decoded(v))
                })
                .collect();
            self.meta.see(&name, &|want| {
                values
                    .iter()
                    .find(|(n, _)| n == want)
                    .map(|(_, v)| v.as_ref())
            });
        }
        let entered = self.open.last().is_none_or(|o| o.entered) && !skipped(&name);
        let block = is_block(&name);
        let a = &mut self.article;
        if entered {
            if name == "br" {
                a.pending = a.pending.max(1);
            } else if block {
                a.pending = 2;
            }
        }
        if !void {
            self.open.push(Open {
                entered,
                block,
                noscript: name == "noscript",
            });
        }
        ControlFlow::Continue(())
    }

    fn close(&mut self, _end: usize) {
        if let Some(o) = self.open.pop() {
            if o.entered && o.block {
                self.article.pending = 2;
            }
        }
    }

    fn text(&mut self, span: Range<usize>, kind: TextType) -> ControlFlow<()> {
        let raw = self.source.get(span.clone()).unwrap_or("");
        let top = self.open.last().copied();
        if top.is_some_and(|o| o.noscript) && embeds::noscript_may_embed(raw) {
            self.may_embed = true;
            return ControlFlow::Break(());
        }
        if !kind.is_raw() && top.is_none_or(|o| o.entered) {
            let a = &mut self.article;
            decode_into(raw, span.start, &mut |piece, range| a.push(piece, range));
        }
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::path::Path;

    thread_local! {
        /// Makes [`Article::extend_run`] refuse: every word and space a segment of its own, as
        /// the map was before runs were joined.
        pub(super) static UNMERGED: Cell<bool> = const { Cell::new(false) };
    }

    /// The HTML fixtures, and the real pages of `../shared/tools/realpages.sh` when
    /// `/tmp/realpages` holds them.
    fn pages() -> Vec<(std::path::PathBuf, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            root.join("fixtures"),
            Path::new("/tmp/realpages").to_path_buf(),
        ];
        let mut pages = Vec::new();
        for dir in dirs {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                let path = entry.path();
                if !path.extension().is_some_and(|e| e == "html" || e == "htm") {
                    continue;
                }
                if let Ok(bytes) = std::fs::read(path) {
                    pages.push((
                        path.to_path_buf(),
                        String::from_utf8_lossy(&bytes).into_owned(),
                    ));
                }
            }
        }
        pages
    }

    /// Joining words one source space apart into one segment changes no lookup: on every page,
    /// the article text and the source offset of every text offset, as start and as end, are
    /// those of the map with a segment per word and per space.
    #[test]
    fn joined_runs_map_as_separate_segments() {
        let mut joined_any = false;
        for (path, text) in pages() {
            let Some(dom) = Dom::parse(&text) else {
                continue;
            };
            let built = |unmerged: bool| {
                UNMERGED.with(|u| u.set(unmerged));
                let article = Article::build(&dom, &[]);
                UNMERGED.with(|u| u.set(false));
                article
            };
            let (joined, separate) = (built(false), built(true));
            assert_eq!(joined.text, separate.text, "{}", path.display());
            joined_any |= joined.segments.len() < separate.segments.len();
            for t in 0..=joined.text.len() + 1 {
                assert_eq!(
                    (joined.source_start(t), joined.source_end(t)),
                    (separate.source_start(t), separate.source_end(t)),
                    "{} at {t}",
                    path.display()
                );
            }
        }
        assert!(joined_any);
    }

    /// On every HTML fixture (and the real pages of `../shared/tools/realpages.sh` when
    /// `/tmp/realpages` holds them), the streamed article text is the one the tree gives, map
    /// to the source included, and a page with an embed is never streamed.
    #[test]
    fn streamed_as_built() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dirs = [
            root.join("fixtures"),
            Path::new("/tmp/realpages").to_path_buf(),
        ];
        let (mut streamed, mut trees) = (0, 0);
        for dir in dirs {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                let path = entry.path();
                if !path.extension().is_some_and(|e| e == "html" || e == "htm") {
                    continue;
                }
                let Ok(bytes) = std::fs::read(path) else {
                    continue;
                };
                let text = String::from_utf8_lossy(&bytes);
                let Some(dom) = Dom::parse(&text) else {
                    continue;
                };
                match stream(&text) {
                    Streamed::Page(article, _) => {
                        let embeds = super::super::embeds::scan(&dom, None);
                        assert!(embeds.found.is_empty(), "{} has embeds", path.display());
                        let built = Article::build(&dom, &[]);
                        assert_eq!(
                            format!("{article:?}"),
                            format!("{built:?}"),
                            "{}",
                            path.display()
                        );
                        streamed += 1;
                    }
                    _ => trees += 1,
                }
            }
        }
        assert!(
            streamed > 0 && trees > 0,
            "{streamed} streamed, {trees} with trees"
        );
    }
}
