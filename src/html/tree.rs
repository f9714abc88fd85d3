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

use super::tokens::{self, hash, HashSet, StartTag, TextType, EMPTY};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::{ControlFlow, Range};

/// Elements that never have content (names' [`hash`]es).
const VOID: HashSet<14> = HashSet::new([
    hash(b"area"),
    hash(b"base"),
    hash(b"br"),
    hash(b"col"),
    hash(b"embed"),
    hash(b"hr"),
    hash(b"img"),
    hash(b"input"),
    hash(b"link"),
    hash(b"meta"),
    hash(b"param"),
    hash(b"source"),
    hash(b"track"),
    hash(b"wbr"),
]);

/// Start tags that close an open `<p>` (names' [`hash`]es).
const CLOSES_P: HashSet<24> = HashSet::new([
    hash(b"address"),
    hash(b"article"),
    hash(b"aside"),
    hash(b"blockquote"),
    hash(b"div"),
    hash(b"dl"),
    hash(b"fieldset"),
    hash(b"figcaption"),
    hash(b"figure"),
    hash(b"footer"),
    hash(b"form"),
    hash(b"h1"),
    hash(b"h2"),
    hash(b"h3"),
    hash(b"h4"),
    hash(b"h5"),
    hash(b"h6"),
    hash(b"header"),
    hash(b"hr"),
    hash(b"main"),
    hash(b"nav"),
    hash(b"ol"),
    hash(b"p"),
    hash(b"ul"),
]);

/// The hashes of `p` and `li`.
const P: u64 = hash(b"p");
const LI: u64 = hash(b"li");

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
        other_counts: FxHashMap::default(),
    };
    tokens::tokenize(source, &mut tree) == tokens::Outcome::Done
}

/// An element's name, as the tree compares it: by its [`hash`], or, when that is [`EMPTY`],
/// lowercased (two names of another hash are the same exactly when their hashes are). As small
/// as the name alone: a page of 200,000 nested elements holds two of them for each.
#[derive(Debug, Clone)]
enum Name<'a> {
    /// A name of another hash than [`EMPTY`].
    Hashed(u64),
    /// A name of hash [`EMPTY`].
    Other(Cow<'a, str>),
}

impl<'a> Name<'a> {
    /// The name `name` (lowercased) of hash `hash`.
    fn new(hash: u64, name: &Cow<'a, str>) -> Name<'a> {
        if hash == EMPTY {
            Name::Other(name.clone())
        } else {
            Name::Hashed(hash)
        }
    }

    /// Its hash.
    fn hash(&self) -> u64 {
        match self {
            Name::Hashed(h) => *h,
            Name::Other(_) => EMPTY,
        }
    }

    /// Whether this is the name `name` (lowercased) of hash `hash`.
    fn is(&self, hash: u64, name: &str) -> bool {
        match self {
            Name::Hashed(h) => *h == hash,
            Name::Other(n) => hash == EMPTY && n == name,
        }
    }
}

/// The tree's open elements, and those the tokenizer holds open.
struct Tree<'a, 'b, B> {
    source: &'a str,
    build: &'b mut B,
    /// Names of the open elements of the tree, outermost first.
    open: Vec<Name<'a>>,
    /// The elements the tokenizer holds open, each with its name and whether it reports its end
    /// (void names held open in foreign content do not).
    held: Vec<(Name<'a>, bool)>,
    /// How many elements of each name `held` has, by hash; names of hash [`EMPTY`] by name in
    /// `other_counts`.
    counts: FxHashMap<u64, usize>,
    other_counts: FxHashMap<Cow<'a, str>, usize>,
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
    fn end(&mut self, hash: u64, name: &str, span: &Range<usize>) {
        let depth = self.open.len();
        let found = (0..depth)
            .rev()
            .take(MAX_CLOSE_SEARCH)
            .find(|&i| self.open.get(i).is_some_and(|n| n.is(hash, name)));
        if let Some(i) = found {
            for _ in i + 1..depth {
                self.build.close(span.start);
            }
            self.build.close(span.end);
            self.open.truncate(i);
        }
    }

    /// An end tag named `name` (of hash `hash`) at `span`: closes what the tokenizer would.
    fn end_tag(&mut self, hash: u64, name: &str, span: &Range<usize>) {
        let (counts, other_counts) = (&mut self.counts, &mut self.other_counts);
        // Mostly the innermost held element is the one closed: its count need not be asked
        // (it is one at least) nor the others searched.
        let at = match self.held.last() {
            Some((n, _)) if n.is(hash, name) => self.held.len() - 1,
            _ => {
                if count(counts, other_counts, hash, name).is_none_or(|c| *c == 0) {
                    return;
                }
                let Some(at) = self.held.iter().rposition(|(n, _)| n.is(hash, name)) else {
                    return;
                };
                at
            }
        };
        let mut reported = 0;
        for (closed, reports) in self.held.drain(at..) {
            let closed = match &closed {
                Name::Hashed(h) => counts.get_mut(h),
                Name::Other(n) => other_counts.get_mut(n),
            };
            if let Some(c) = closed {
                *c -= 1;
            }
            reported += usize::from(reports);
        }
        for _ in 0..reported {
            self.end(hash, name, span);
        }
    }
}

/// The count of held elements named `name` (of hash `hash`): in `counts` by hash, in
/// `other_counts` by name when the hash is [`EMPTY`].
fn count<'m>(
    counts: &'m mut FxHashMap<u64, usize>,
    other_counts: &'m mut FxHashMap<Cow<'_, str>, usize>,
    hash: u64,
    name: &str,
) -> Option<&'m mut usize> {
    if hash == EMPTY {
        other_counts.get_mut(name)
    } else {
        counts.get_mut(&hash)
    }
}

impl<'a, B: Build<'a>> tokens::Sink for Tree<'a, '_, B> {
    fn start_tag(&mut self, _: &str, tag: &StartTag) -> ControlFlow<()> {
        let source: &'a str = self.source;
        let lowered = lower(source.get(tag.name.clone()).unwrap_or(""));
        let name = Name::new(tag.hash, &lowered);
        let void = !tag.held || VOID.contains(tag.hash);
        if tag.held {
            match &name {
                Name::Hashed(h) => *self.counts.entry(*h).or_insert(0) += 1,
                Name::Other(n) => *self.other_counts.entry(n.clone()).or_insert(0) += 1,
            }
            self.held.push((name.clone(), !void));
        }
        let top = self.open.last().map_or(0, Name::hash);
        if top == P && CLOSES_P.contains(tag.hash) || tag.hash == LI && top == LI {
            self.build.close(tag.span.start);
            self.open.pop();
        }
        let flow = self.build.open(lowered, tag, void);
        if !void {
            self.open.push(name);
        }
        flow
    }

    fn end_tag(
        &mut self,
        _: &str,
        name: Range<usize>,
        hash: u64,
        span: Range<usize>,
    ) -> ControlFlow<()> {
        // The name is compared by its hash, unless that is [`EMPTY`].
        let source: &'a str = self.source;
        let name = if hash == EMPTY {
            lower(source.get(name).unwrap_or(""))
        } else {
            Cow::Borrowed("")
        };
        self.end_tag(hash, &name, &span);
        ControlFlow::Continue(())
    }

    fn text(&mut self, _: &str, span: Range<usize>, kind: TextType) -> ControlFlow<()> {
        self.build.text(span, kind)
    }

    fn unfinished(&mut self, _: &str, span: Range<usize>) {
        // `lol_html` gave no token for a tag cut off by the end of the input; its bytes were
        // read for end tags as any bytes between tokens were.
        let source = self.source;
        end_tags(source, span, &mut |name, span| {
            self.end_tag(hash(name.as_bytes()), &name, &span)
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A name the tree holds takes no more room than the name alone did.
    #[test]
    fn names_are_as_small_as_a_name() {
        assert_eq!(
            std::mem::size_of::<Name<'_>>(),
            std::mem::size_of::<Cow<'_, str>>()
        );
    }
}
