//! A light element tree of an HTML page, every node carrying its byte span in the source.
//!
//! ```text
//! <blockquote class="twitter-tweet"><p lang="en">Hi &amp; bye<br>there</p>&mdash; A (@a) <a href="…">…</a></blockquote>
//! └ element blockquote [0..end]  └ element p  └ text "Hi & bye"  └ element br  └ text "there"
//! ```
//!
//! Tokens come from `lol_html` (a streaming tokenizer that reports source locations), end tags
//! read from the bytes between them; the tree is built from them in one pass, with the few rules
//! that matter for articles: void elements have no
//! children, an end tag closes the nearest open element of its name (and whatever is left open
//! inside it), a block start tag closes an open `<p>`. Text and attribute values are kept raw and
//! decoded on demand ([`decode_into`]); script, style and other raw text is flagged.

use lol_html::html_content::TextType;
use lol_html::{doc_comments, doc_text, doctype, element, HtmlRewriter, Settings};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// What a node is.
#[derive(Debug, Clone)]
pub enum Kind {
    /// The document itself (node 0).
    Root,
    /// An element, its name lowercased, its attributes decoded.
    Element {
        /// Tag name, ASCII-lowercased.
        name: String,
        /// Attributes as (lowercased name, decoded value), in source order.
        attrs: Vec<(String, String)>,
    },
    /// A run of text; its raw source is `source[node.span]`.
    Text {
        /// Whether it is script, style or other raw text (never shown as prose).
        raw: bool,
    },
}

/// One node and its place in the tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// What it is.
    pub kind: Kind,
    /// Children, in document order.
    pub children: Vec<NodeId>,
    /// Byte span in the source: from the start tag's `<` to past the end tag's `>` (or to where
    /// the element was implicitly closed).
    pub span: Range<usize>,
    /// One past the last node below it: nodes are numbered in document order, so the node and
    /// those below it are `id..end`.
    pub end: NodeId,
}

/// The element tree of one page.
#[derive(Debug, Clone)]
pub struct Dom<'a> {
    /// The page's source.
    pub source: &'a str,
    /// Every node; node 0 is the root.
    pub nodes: Vec<Node>,
}

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that stand as blocks of their own (the article text breaks around them), each with
/// whether its start tag closes an open `<p>`.
const BLOCKS: [(&str, bool); 40] = [
    ("address", true),
    ("article", true),
    ("aside", true),
    ("blockquote", true),
    ("body", false),
    ("caption", false),
    ("dd", false),
    ("details", false),
    ("div", true),
    ("dl", true),
    ("dt", false),
    ("fieldset", true),
    ("figcaption", true),
    ("figure", true),
    ("footer", true),
    ("form", true),
    ("h1", true),
    ("h2", true),
    ("h3", true),
    ("h4", true),
    ("h5", true),
    ("h6", true),
    ("header", true),
    ("hr", true),
    ("html", false),
    ("li", false),
    ("main", true),
    ("nav", true),
    ("ol", true),
    ("p", true),
    ("pre", false),
    ("section", false),
    ("summary", false),
    ("table", false),
    ("tbody", false),
    ("td", false),
    ("th", false),
    ("thead", false),
    ("tr", false),
    ("ul", true),
];

/// Whether `name` is a block element.
pub fn is_block(name: &str) -> bool {
    BLOCKS.iter().any(|&(b, _)| b == name)
}

/// Whether the start tag `name` closes an open `<p>`.
fn closes_p(name: &str) -> bool {
    BLOCKS.iter().any(|&(b, closes)| closes && b == name)
}

/// How many open elements an end tag looks through for its match (bounds the work per tag).
const MAX_CLOSE_SEARCH: usize = 64;

impl<'a> Dom<'a> {
    /// Parses a page. Returns `None` only if the tokenizer gives up (it does not on any input we
    /// know of); callers then treat the page as text.
    ///
    /// # Complexity
    /// Linear in the page's length.
    pub fn parse(source: &'a str) -> Option<Dom<'a>> {
        let builder = Rc::new(RefCell::new(Builder::new(source)));
        let (on_element, on_text) = (Rc::clone(&builder), Rc::clone(&builder));
        let (on_comment, on_doctype) = (Rc::clone(&builder), Rc::clone(&builder));
        let settings = Settings {
            element_content_handlers: vec![element!("*", move |el| {
                let name = el.tag_name().to_ascii_lowercase();
                let held = el.can_have_content();
                let void = !held || VOID.contains(&name.as_str());
                let attrs = el
                    .attributes()
                    .iter()
                    .map(|a| (a.name(), decode(&a.value())))
                    .collect();
                let span = el.source_location().bytes();
                on_element.borrow_mut().start(name, attrs, span, void, held);
                Ok(())
            })],
            document_content_handlers: vec![
                doc_text!(move |t| {
                    let span = t.source_location().bytes();
                    if !span.is_empty() {
                        let raw = !matches!(t.text_type(), TextType::Data | TextType::RCData);
                        on_text.borrow_mut().text(span, raw);
                    }
                    Ok(())
                }),
                doc_comments!(move |c| {
                    on_comment.borrow_mut().other(c.source_location().bytes());
                    Ok(())
                }),
                doctype!(move |d| {
                    on_doctype.borrow_mut().other(d.source_location().bytes());
                    Ok(())
                }),
            ],
            ..Settings::new()
        };
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(source.as_bytes()).ok()?;
        rewriter.end().ok()?;
        let built = std::mem::replace(&mut *builder.borrow_mut(), Builder::new(""));
        Some(built.finish())
    }

    /// The tag name of an element (empty for text and the root).
    pub fn name(&self, id: NodeId) -> &str {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Element { name, .. }) => name,
            _ => "",
        }
    }

    /// Whether a node is an element with this tag name.
    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.name(id) == name
    }

    /// A decoded attribute value.
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Element { attrs, .. }) => attrs
                .iter()
                .find(|(n, _)| n == attr)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Whether an element's `class` lists `class`.
    pub fn has_class(&self, id: NodeId, class: &str) -> bool {
        self.attr(id, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|x| x == class))
    }

    /// The children of a node.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes.get(id).map_or(&[], |n| n.children.as_slice())
    }

    /// The byte span of a node.
    pub fn span(&self, id: NodeId) -> Range<usize> {
        self.nodes.get(id).map_or(0..0, |n| n.span.clone())
    }

    /// The node and all nodes below it, in document order.
    pub fn descendants(&self, id: NodeId) -> Range<NodeId> {
        id..self.nodes.get(id).map_or(id, |n| n.end)
    }

    /// The first element at or below `id` (document order) that satisfies `pred`.
    pub fn find(&self, id: NodeId, pred: impl Fn(NodeId) -> bool) -> Option<NodeId> {
        self.descendants(id).find(|&n| pred(n))
    }

    /// If `id` is shown text, its raw source.
    pub fn text(&self, id: NodeId) -> Option<&'a str> {
        match self.nodes.get(id) {
            Some(Node {
                kind: Kind::Text { raw: false },
                span,
                ..
            }) => self.source.get(span.clone()),
            _ => None,
        }
    }

    /// If `id` is text of any kind (shown, or raw as in `<noscript>`), its source.
    pub fn source_text(&self, id: NodeId) -> Option<&'a str> {
        match self.nodes.get(id) {
            Some(Node {
                kind: Kind::Text { .. },
                span,
                ..
            }) => self.source.get(span.clone()),
            _ => None,
        }
    }

    /// The decoded text below `id` as shown: white space collapsed, `<br>` as a line break,
    /// script and style left out; trimmed.
    pub fn inner_text(&self, id: NodeId) -> String {
        let mut out = Flow::default();
        self.flow(id, &mut out, &|_| false);
        out.finish()
    }

    /// Appends the text below `id` to `out`, not entering nodes for which `skip` holds.
    pub fn flow(&self, id: NodeId, out: &mut Flow, skip: &dyn Fn(NodeId) -> bool) {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if skip(n) {
                continue;
            }
            if let Some(raw) = self.text(n) {
                decode_into(raw, 0, &mut |piece, _| out.push(piece));
            } else if self.is(n, "br") {
                out.line_break();
            } else if matches!(self.name(n), "script" | "style" | "template" | "noscript") {
                continue;
            }
            stack.extend(self.children(n).iter().rev());
        }
    }
}

/// Text gathered from markup with white space collapsed as a browser shows it.
#[derive(Debug, Default, Clone)]
pub struct Flow {
    out: String,
    space: bool,
    newline: bool,
}

impl Flow {
    /// Appends decoded text.
    pub fn push(&mut self, s: &str) {
        for c in s.chars() {
            if is_html_space(c) {
                self.space = true;
            } else {
                if self.newline && !self.out.is_empty() {
                    self.out.push('\n');
                } else if self.space && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.newline = false;
                self.space = false;
                self.out.push(c);
            }
        }
    }

    /// A line break (several in a row count as one).
    pub fn line_break(&mut self) {
        self.newline = true;
    }

    /// The text so far.
    pub fn finish(self) -> String {
        self.out
    }
}

/// White space that HTML collapses (plus NBSP, which article prose uses like a space).
pub fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

/// The end tags in `source[gap]`, bytes that hold no other token, with their spans; the name
/// lowercased. Read as the tokenizer reads them: `</` and a letter, the name up to white space,
/// `/` or `>`, then attributes (a `>` inside a quoted value does not end the tag); one cut off
/// by the end of the input is none.
fn end_tags(source: &str, gap: Range<usize>, emit: &mut dyn FnMut(String, Range<usize>)) {
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

/// Builds the tree as the tokens arrive, with the few rules that matter for articles.
///
/// End tags are not asked of the tokenizer: a handler per element costs lol_html a walk over
/// every open element's handler at each end tag, quadratic in the nesting depth. They are read
/// from the bytes no token covers instead ([`end_tags`]), and put back as lol_html reported them
/// to per-element handlers: an end tag closes the nearest element of its name that the tokenizer
/// holds open, with every element opened inside it, and each element closed reports that end tag.
///
/// # Complexity
/// Linear in the number of tokens: each element is opened and closed once, an end tag naming no
/// open element is known from a count per name, and an end tag's match is looked for among the
/// innermost [`MAX_CLOSE_SEARCH`] open elements only.
struct Builder<'a> {
    source: &'a str,
    nodes: Vec<Node>,
    /// The open elements of the tree (node 0 first).
    open: Vec<NodeId>,
    /// The elements the tokenizer holds open, each with its name and whether it reports its end
    /// (void names held open in foreign content do not).
    held: Vec<(String, bool)>,
    /// How many elements of each name `held` has.
    counts: FxHashMap<String, usize>,
    /// End of the last token seen: the bytes after it and before the next are end tags.
    done: usize,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str) -> Self {
        let root = Node {
            kind: Kind::Root,
            children: Vec::new(),
            span: 0..source.len(),
            end: 1,
        };
        Builder {
            source,
            nodes: vec![root],
            open: vec![0],
            held: Vec::new(),
            counts: FxHashMap::default(),
            done: 0,
        }
    }

    /// Adds a node under the innermost open element.
    fn add(&mut self, kind: Kind, span: Range<usize>) -> NodeId {
        let parent = self.open.last().copied().unwrap_or(0);
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            children: Vec::new(),
            span,
            end: id + 1,
        });
        if let Some(p) = self.nodes.get_mut(parent) {
            p.children.push(id);
        }
        id
    }

    fn name_of(&self, id: NodeId) -> &str {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Element { name, .. }) => name,
            _ => "",
        }
    }

    /// A token spanning `span` arrives: first the end tags before it.
    fn token(&mut self, span: &Range<usize>) {
        if self.done < span.start {
            self.gap(self.done..span.start);
        }
        self.done = self.done.max(span.end);
    }

    /// The end tags in `gap`, each closing what the tokenizer would.
    fn gap(&mut self, gap: Range<usize>) {
        let source = self.source;
        end_tags(source, gap, &mut |name, span| {
            if self.counts.get(name.as_str()).copied().unwrap_or(0) == 0 {
                return;
            }
            let Some(at) = self.held.iter().rposition(|(n, _)| *n == name) else {
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
                self.end(&name, &span);
            }
        });
    }

    fn start(
        &mut self,
        name: String,
        attrs: Vec<(String, String)>,
        span: Range<usize>,
        void: bool,
        held: bool,
    ) {
        self.token(&span);
        if held {
            *self.counts.entry(name.clone()).or_insert(0) += 1;
            self.held.push((name.clone(), !void));
        }
        let top = self.open.last().copied().unwrap_or(0);
        if self.open.len() > 1 && closes_p(&name) && self.name_of(top) == "p"
            || name == "li" && self.name_of(top) == "li"
        {
            let count = self.nodes.len();
            if let Some(n) = self.nodes.get_mut(top) {
                n.span.end = span.start;
                n.end = count;
            }
            self.open.pop();
        }
        let start = span.start;
        let id = self.add(Kind::Element { name, attrs }, span);
        if !void {
            let end = self.source.len();
            if let Some(n) = self.nodes.get_mut(id) {
                n.span = start..end;
            }
            self.open.push(id);
        }
    }

    /// An end tag reported for an element: closes the nearest open element of its name (and
    /// whatever is left open inside it).
    fn end(&mut self, name: &str, span: &Range<usize>) {
        let depth = self.open.len();
        let found = (1..depth)
            .rev()
            .take(MAX_CLOSE_SEARCH)
            .find(|&i| self.open.get(i).is_some_and(|&n| self.name_of(n) == name));
        if let Some(i) = found {
            let count = self.nodes.len();
            for &inner in self.open.get(i + 1..).unwrap_or(&[]) {
                if let Some(n) = self.nodes.get_mut(inner) {
                    n.span.end = span.start;
                    n.end = count;
                }
            }
            if let Some(n) = self.open.get(i).and_then(|&o| self.nodes.get_mut(o)) {
                n.span.end = span.end;
                n.end = count;
            }
            self.open.truncate(i);
        }
    }

    fn text(&mut self, span: Range<usize>, raw: bool) {
        self.token(&span);
        let parent = self.open.last().copied().unwrap_or(0);
        // Chunks of one text node arrive separately: join contiguous ones.
        let last = self
            .nodes
            .get(parent)
            .and_then(|p| p.children.last().copied());
        if let Some(Node {
            kind: Kind::Text { raw: r },
            span: prev,
            ..
        }) = last.and_then(|l| self.nodes.get_mut(l))
        {
            if *r == raw && prev.end == span.start {
                prev.end = span.end;
                return;
            }
        }
        self.add(Kind::Text { raw }, span);
    }

    /// A comment or a doctype: no node, but its bytes hold no end tag.
    fn other(&mut self, span: Range<usize>) {
        self.token(&span);
    }

    fn finish(mut self) -> Dom<'a> {
        let len = self.source.len();
        if self.done < len {
            self.gap(self.done..len);
        }
        let count = self.nodes.len();
        for &o in &self.open {
            if let Some(n) = self.nodes.get_mut(o) {
                n.end = count;
            }
        }
        Dom {
            source: self.source,
            nodes: self.nodes,
        }
    }
}

/// Decodes character references (`&amp;`, `&mdash;`, `&#8212;`, `&#x2014;`) in raw text.
pub fn decode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, 0, &mut |piece, _| out.push_str(piece));
    out
}

/// Longest character reference looked at, in bytes.
const MAX_ENTITY: usize = 40;

/// Decodes `raw` (which starts at byte `base` of the source) piece by piece: `emit(piece,
/// source_range)` gets each verbatim run with its own range, and each decoded reference with
/// the range of the reference.
pub fn decode_into(raw: &str, base: usize, emit: &mut dyn FnMut(&str, Range<usize>)) {
    let mut done = 0;
    for amp in memchr::memchr_iter(b'&', raw.as_bytes()) {
        if amp < done {
            continue;
        }
        let Some(len) = entity_len(raw.get(amp..).unwrap_or("")) else {
            continue;
        };
        let Some(reference) = raw.get(amp..amp + len) else {
            continue;
        };
        let decoded = html_escape::decode_html_entities(reference);
        if decoded == reference {
            continue;
        }
        if done < amp {
            emit(raw.get(done..amp).unwrap_or(""), base + done..base + amp);
        }
        emit(&decoded, base + amp..base + amp + len);
        done = amp + len;
    }
    if done < raw.len() {
        emit(raw.get(done..).unwrap_or(""), base + done..base + raw.len());
    }
}

/// Length of the character reference `s` starts with (`&` up to and including `;`), if it has
/// the shape of one.
fn entity_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let body = bytes.get(1..)?;
    let end = body.iter().take(MAX_ENTITY).position(|&b| b == b';')?;
    let name = body.get(..end)?;
    let ok = match name.first() {
        Some(b'#') => {
            name.len() > 1
                && name
                    .iter()
                    .skip(1)
                    .all(|b| b.is_ascii_hexdigit() || *b == b'x' || *b == b'X')
        }
        Some(_) => name.iter().all(u8::is_ascii_alphanumeric),
        None => false,
    };
    ok.then_some(end + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_and_spans() {
        let html = "<div><p>a &amp; b<br>c<p>d</div><script>x<y</script>";
        let dom = Dom::parse(html).unwrap();
        let div = dom.find(0, |n| dom.is(n, "div")).unwrap();
        assert_eq!(&html[dom.span(div)], "<div><p>a &amp; b<br>c<p>d</div>");
        let ps: Vec<_> = dom.descendants(0).filter(|&n| dom.is(n, "p")).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(&html[dom.span(ps[0])], "<p>a &amp; b<br>c");
        assert_eq!(dom.inner_text(ps[0]), "a & b\nc");
        assert_eq!(dom.inner_text(0), "a & b\ncd");
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode("&mdash; A &#8212;&#x2014; &amp;amp; &bogus; & x"),
            "— A —— &amp; &bogus; & x"
        );
    }
}
