//! A light element tree of an HTML page, every node carrying its byte span in the source.
//!
//! ```text
//! <blockquote class="twitter-tweet"><p lang="en">Hi &amp; bye<br>there</p>&mdash; A (@a) <a href="…">…</a></blockquote>
//! └ element blockquote [0..end]  └ element p  └ text "Hi & bye"  └ element br  └ text "there"
//! ```
//!
//! Tokens come from [`super::tokens`], the tree's shape from [`super::tree`], in one pass.
//! Names and attribute values borrow from the source unless lowercasing or decoding changed
//! them; text is kept as spans and decoded on demand ([`decode_into`]); script, style and
//! other raw text is flagged.

use super::tokens::{StartTag, TextType};
use super::tree::{self, Build};
use std::borrow::Cow;
use std::ops::{ControlFlow, Range};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// What a node is.
#[derive(Debug, Clone)]
pub enum Kind<'a> {
    /// The document itself (node 0).
    Root,
    /// An element, its name lowercased, its attributes decoded.
    Element {
        /// Tag name, ASCII-lowercased.
        name: Cow<'a, str>,
        /// Attributes as (lowercased name, decoded value), in source order.
        attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    },
    /// A run of text; its raw source is `source[node.span]`.
    Text {
        /// Whether it is script, style or other raw text (never shown as prose).
        raw: bool,
    },
}

/// One node and its place in the tree.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// What it is.
    pub kind: Kind<'a>,
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
    pub nodes: Vec<Node<'a>>,
}

/// Whether `name` is a block element: one that stands as a block of its own (the article
/// text breaks around it).
///
/// A `match` rather than a search of a list: asked of every element of a page.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

impl<'a> Dom<'a> {
    /// Parses a page. Returns `None` only if the tokenizer gives up (it does not on any input we
    /// know of); callers then treat the page as text.
    ///
    /// # Complexity
    /// Linear in the page's length.
    pub fn parse(source: &'a str) -> Option<Dom<'a>> {
        let root = Node {
            kind: Kind::Root,
            children: Vec::new(),
            span: 0..source.len(),
            end: 1,
        };
        // A node per tag and per run of text between tags: room for one per `<` is made at
        // once, rather than the vector copied as it doubles (most pages need about that many).
        let mut nodes =
            Vec::with_capacity(memchr::memchr_iter(b'<', source.as_bytes()).count() + 1);
        nodes.push(root);
        let mut builder = Builder {
            source,
            nodes,
            open: vec![0],
        };
        if !tree::build(source, &mut builder) {
            return None;
        }
        let count = builder.nodes.len();
        for &o in &builder.open {
            if let Some(n) = builder.nodes.get_mut(o) {
                n.end = count;
            }
        }
        Some(Dom {
            source,
            nodes: builder.nodes,
        })
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
                .map(|(_, v)| v.as_ref()),
            _ => None,
        }
    }

    /// Whether an element's `class` lists `class` (or its `className`, as JSX sources spell
    /// the attribute: a React component holding an embed's markup).
    pub fn has_class(&self, id: NodeId, class: &str) -> bool {
        self.attr(id, "class")
            .or_else(|| self.attr(id, "classname"))
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

/// Adds a node of `kind` under `parent` as the next node in document order; returns its id.
pub(super) fn push_child<'a>(
    nodes: &mut Vec<Node<'a>>,
    parent: NodeId,
    kind: Kind<'a>,
    span: Range<usize>,
) -> NodeId {
    let id = nodes.len();
    nodes.push(Node {
        kind,
        children: Vec::new(),
        span,
        end: id + 1,
    });
    if let Some(p) = nodes.get_mut(parent) {
        p.children.push(id);
    }
    id
}

/// Builds the nodes as the tree's events arrive.
struct Builder<'a> {
    source: &'a str,
    nodes: Vec<Node<'a>>,
    /// The open elements (node 0 first).
    open: Vec<NodeId>,
}

impl<'a> Builder<'a> {
    /// Adds a node under the innermost open element.
    fn add(&mut self, kind: Kind<'a>, span: Range<usize>) -> NodeId {
        let parent = self.open.last().copied().unwrap_or(0);
        push_child(&mut self.nodes, parent, kind, span)
    }
}

/// `raw` decoded, borrowed when it holds no character reference.
pub fn decoded(raw: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', raw.as_bytes()).is_some() {
        Cow::Owned(decode(raw))
    } else {
        Cow::Borrowed(raw)
    }
}

impl<'a> Build<'a> for Builder<'a> {
    fn open(&mut self, name: Cow<'a, str>, tag: &StartTag, void: bool) -> ControlFlow<()> {
        let source = self.source;
        let attrs = tag
            .attrs
            .iter()
            .map(|a| {
                let name = source.get(a.name.0..a.name.1).unwrap_or("");
                let value = source.get(a.value.0..a.value.1).unwrap_or("");
                (super::tree::lower(name), decoded(value))
            })
            .collect();
        let span = if void {
            tag.span.clone()
        } else {
            tag.span.start..source.len()
        };
        let kind = Kind::Element { name, attrs };
        let id = self.add(kind, span);
        if !void {
            self.open.push(id);
        }
        ControlFlow::Continue(())
    }

    fn close(&mut self, end: usize) {
        let count = self.nodes.len();
        if self.open.len() > 1 {
            if let Some(n) = self.open.pop().and_then(|o| self.nodes.get_mut(o)) {
                n.span.end = end;
                n.end = count;
            }
        }
    }

    fn text(&mut self, span: Range<usize>, kind: TextType) -> ControlFlow<()> {
        self.add(Kind::Text { raw: kind.is_raw() }, span);
        ControlFlow::Continue(())
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
///
/// Generic over `emit`, so that the article's push is inlined where it is called for every
/// text node of a page; most have no `&` and are one piece, found by one search.
pub fn decode_into<F>(raw: &str, base: usize, emit: &mut F)
where
    F: FnMut(&str, Range<usize>) + ?Sized,
{
    let Some(first) = memchr::memchr(b'&', raw.as_bytes()) else {
        if !raw.is_empty() {
            emit(raw, base..base + raw.len());
        }
        return;
    };
    let mut done = 0;
    for amp in memchr::memchr_iter(b'&', raw.as_bytes().get(first..).unwrap_or(&[])) {
        let amp = first + amp;
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
