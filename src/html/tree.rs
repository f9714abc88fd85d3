//! The shape of the element tree, from the token stream: which element each token opens or
//! closes, as events for a [`Build`] (the element tree of [`super::dom`], or the article text
//! streamed without a tree).
//!
//! ```text
//! <div><p>a<p>b</div>   → open div · open p · text · close p · open p · text · close p · close div
//! ```
//!
//! The few rules that matter for articles: void elements have no children, an end tag closes
//! the nearest open element of its name (and whatever is left open inside it), a block start
//! tag closes an open `<p>`, an `<li>` an open `<li>`. End tags are matched as `lol_html`
//! reported them to per-element handlers (the pages' trees were built that way): an end tag
//! closes the nearest element of its name that the tokenizer holds open, with every element
//! opened inside it, and each element so closed reports that end tag once.
//!
//! # Complexity
//! Linear in the number of tokens: each element is opened and closed once, an end tag naming
//! no open element is known from a count per name, and an end tag's match is looked for among
//! the innermost [`MAX_CLOSE_SEARCH`] open elements only.

use super::tokens::{self, StartTag, TextType};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::{ControlFlow, Range};

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: [&str; 24] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "ul",
];

/// How many open elements an end tag looks through for its match (bounds the work per tag).
const MAX_CLOSE_SEARCH: usize = 64;

/// What receives the tree's events.
pub trait Build<'a> {
    /// An element opens under the innermost open one (`name` lowercased); a void one is closed
    /// at once (no [`Build::close`] follows).
    fn open(&mut self, name: Cow<'a, str>, tag: &StartTag, void: bool) -> ControlFlow<()>;
    /// The innermost open element closes; its span ends at `end`.
    fn close(&mut self, end: usize);
    /// A run of text under the innermost open element.
    fn text(&mut self, span: Range<usize>, kind: TextType) -> ControlFlow<()>;
}

/// Builds `source` into `build`; false when the tokenizer refused the page (an ambiguous
/// parsing context) or `build` stopped it.
pub fn build<'a>(source: &'a str, build: &mut impl Build<'a>) -> bool {
    let mut tree = Tree {
        source,
        build,
        open: Vec::new(),
        held: Vec::new(),
        counts: FxHashMap::default(),
    };
    tokens::tokenize(source, &mut tree) == tokens::Outcome::Done
}

/// The tree's open elements, and those the tokenizer holds open.
struct Tree<'a, 'b, B> {
    source: &'a str,
    build: &'b mut B,
    /// Names of the open elements of the tree, outermost first.
    open: Vec<Cow<'a, str>>,
    /// The elements the tokenizer holds open, each with its name and whether it reports its end
    /// (void names held open in foreign content do not).
    held: Vec<(Cow<'a, str>, bool)>,
    /// How many elements of each name `held` has.
    counts: FxHashMap<Cow<'a, str>, usize>,
}

/// `s` lowercased, borrowed when it already is.
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

impl<'a, B: Build<'a>> Tree<'a, '_, B> {
    /// An end tag reported for an element: closes the nearest open element of its name (and
    /// whatever is left open inside it).
    fn end(&mut self, name: &str, span: &Range<usize>) {
        let depth = self.open.len();
        let found = (0..depth)
            .rev()
            .take(MAX_CLOSE_SEARCH)
            .find(|&i| self.open.get(i).is_some_and(|n| n == name));
        if let Some(i) = found {
            for _ in i + 1..depth {
                self.build.close(span.start);
            }
            self.build.close(span.end);
            self.open.truncate(i);
        }
    }

    /// An end tag named `name` at `span`: closes what the tokenizer would.
    fn end_tag(&mut self, name: &str, span: &Range<usize>) {
        if self.counts.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        let Some(at) = self.held.iter().rposition(|(n, _)| n == name) else {
            return;
        };
        let mut reported = 0;
        for (closed, reports) in self.held.drain(at..) {
            if let Some(c) = self.counts.get_mut(&closed) {
                *c -= 1;
            }
            reported += usize::from(reports);
        }
        for _ in 0..reported {
            self.end(name, span);
        }
    }
}

impl<'a, B: Build<'a>> tokens::Sink for Tree<'a, '_, B> {
    fn start_tag(&mut self, _: &str, tag: &StartTag) -> ControlFlow<()> {
        let source: &'a str = self.source;
        let name = lower(source.get(tag.name.clone()).unwrap_or(""));
        let void = !tag.held || VOID.contains(&name.as_ref());
        if tag.held {
            *self.counts.entry(name.clone()).or_insert(0) += 1;
            self.held.push((name.clone(), !void));
        }
        let top = self.open.last().map_or("", |n| n.as_ref());
        if top == "p" && CLOSES_P.contains(&name.as_ref()) || name == "li" && top == "li" {
            self.build.close(tag.span.start);
            self.open.pop();
        }
        let flow = self.build.open(name.clone(), tag, void);
        if !void {
            self.open.push(name);
        }
        flow
    }

    fn end_tag(&mut self, _: &str, name: Range<usize>, span: Range<usize>) -> ControlFlow<()> {
        let source: &'a str = self.source;
        let name = lower(source.get(name).unwrap_or(""));
        self.end_tag(&name, &span);
        ControlFlow::Continue(())
    }

    fn text(&mut self, _: &str, span: Range<usize>, kind: TextType) -> ControlFlow<()> {
        self.build.text(span, kind)
    }

    fn unfinished(&mut self, _: &str, span: Range<usize>) {
        // `lol_html` gave no token for a tag cut off by the end of the input; its bytes were
        // read for end tags as any bytes between tokens were.
        let source = self.source;
        end_tags(source, span, &mut |name, span| self.end_tag(&name, &span));
    }
}

/// The end tags in `source[gap]`, with their spans; the name lowercased. Read as the tokenizer
/// reads them: `</` and a letter, the name up to white space, `/` or `>`, then attributes (a
/// `>` inside a quoted value does not end the tag); one cut off by the end of the input is none.
pub(super) fn end_tags(
    source: &str,
    gap: Range<usize>,
    emit: &mut dyn FnMut(String, Range<usize>),
) {
    let bytes = source.as_bytes();
    let end = gap.end.min(bytes.len());
    let space = |b: u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c');
    let mut i = gap.start;
    while let Some(found) = bytes
        .get(i..end)
        .and_then(|rest| memchr::memmem::find(rest, b"</"))
    {
        let start = i + found;
        let name_start = start + 2;
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = name_start;
            continue;
        }
        let mut j = name_start;
        while j < end && !space(bytes[j]) && bytes[j] != b'/' && bytes[j] != b'>' {
            j += 1;
        }
        let name = source.get(name_start..j).unwrap_or("").to_ascii_lowercase();
        // Attributes: (state) 0 before a name, 1 in a name, 2 after a name, 3 before a value,
        // 4 in an unquoted value; quoted values are skipped whole.
        let mut state = 0u8;
        let mut closed = None;
        while j < end {
            let b = bytes[j];
            match state {
                3 if b == b'"' || b == b'\'' => {
                    match bytes.get(j + 1..end).and_then(|r| memchr::memchr(b, r)) {
                        Some(q) => {
                            j += q + 2;
                            state = 0;
                            continue;
                        }
                        None => break,
                    }
                }
                _ if b == b'>' => {
                    closed = Some(j + 1);
                    break;
                }
                _ if space(b) => {
                    state = if state == 1 {
                        2
                    } else if state == 4 {
                        0
                    } else {
                        state
                    }
                }
                0..=2 if b == b'/' => state = 0,
                1 | 2 if b == b'=' => state = 3,
                0 | 2 => state = 1,
                3 => state = 4,
                _ => {}
            }
            j += 1;
        }
        let Some(stop) = closed else {
            break;
        };
        emit(name, start..stop);
        i = stop;
    }
}
