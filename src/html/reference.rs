//! The tree `lol_html` gave, the reference the tokenizer of [`super::tokens`] and the tree of
//! [`super::tree`] are checked against: the element tree as it was built before them, from
//! `lol_html`'s tokens with end tags read from the bytes between them.

use super::dom::{decode, push_child, Kind, Node, NodeId};
use super::tree::end_tags;
use lol_html::html_content::TextType;
use lol_html::{doc_comments, doc_text, doctype, element, HtmlRewriter, Settings};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

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

/// Whether the start tag `name` closes an open `<p>`.
fn closes_p(name: &str) -> bool {
    BLOCKS.iter().any(|&(b, closes)| closes && b == name)
}

const MAX_CLOSE_SEARCH: usize = 64;

/// What the builder made.
struct Built {
    nodes: Vec<Node<'static>>,
}

/// The nodes of `source` as `lol_html` gave them; `None` where it refused the page.
pub fn parse(source: &str) -> Option<Vec<Node<'static>>> {
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
    Some(built.finish().nodes)
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
    nodes: Vec<Node<'static>>,
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
    fn add(&mut self, kind: Kind<'static>, span: Range<usize>) -> NodeId {
        let parent = self.open.last().copied().unwrap_or(0);
        push_child(&mut self.nodes, parent, kind, span)
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
        let id = self.add(
            Kind::Element {
                name: name.into(),
                attrs: attrs
                    .into_iter()
                    .map(|(n, v)| (n.into(), v.into()))
                    .collect(),
            },
            span,
        );
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

    fn finish(mut self) -> Built {
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
        Built { nodes: self.nodes }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::html::dom::Dom;
    use proptest::prelude::*;
    use std::path::Path;

    /// The tree of the new tokenizer, as the reference's nodes print.
    fn both(source: &str) -> (String, String) {
        let new = Dom::parse(source).map(|d| d.nodes);
        (format!("{:?}", parse(source)), format!("{new:?}"))
    }

    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if entry.file_type().is_file() {
                out.push(entry.into_path());
            }
        }
    }

    /// Every fixture and seed (and the real pages of `../shared/tools/realpages.sh` when
    /// `/tmp/realpages` holds them) gives the same tree as `lol_html`'s tokens gave.
    #[test]
    fn same_tree_as_lol_html_on_fixtures() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        for dir in [
            "fixtures",
            "seeds",
            "tests/fuzz_regressions",
            "../shared/realworld/docs",
        ] {
            files(&root.join(dir), &mut paths);
        }
        files(Path::new("/tmp/realpages"), &mut paths);
        let mut checked = 0;
        for path in paths {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            let (old, new) = both(&text);
            assert!(old == new, "{} differs", path.display());
            checked += 1;
        }
        assert!(checked > 100, "{checked} files");
    }

    /// Pieces of markup that steer a tokenizer through its states.
    const PIECES: [&str; 48] = [
        "<",
        "</",
        ">",
        "/",
        "/>",
        "=",
        "\"",
        "'",
        " ",
        "\n",
        "a",
        "x",
        "&amp;",
        "&",
        "<!--",
        "-->",
        "-",
        "--!>",
        "<!",
        "<!-->",
        "<?",
        "<!DOCTYPE html>",
        "<![CDATA[",
        "]]>",
        "]",
        "script",
        "style",
        "svg",
        "math",
        "p",
        "div",
        "li",
        "br",
        "select",
        "template",
        "textarea",
        "title",
        "noscript",
        "foreignObject",
        "annotation-xml encoding=text/html",
        "mi",
        "font color=1",
        "plaintext",
        "frameset",
        "desc",
        "SCRIPT",
        "img",
        "input",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Random markup gives the same tree as `lol_html`'s tokens gave.
        #[test]
        fn same_tree_as_lol_html(picks in proptest::collection::vec(0..PIECES.len(), 0..80)) {
            let source: String = picks.iter().map(|&i| PIECES[i]).collect();
            let (old, new) = both(&source);
            prop_assert_eq!(old, new, "{:?}", source);
        }
    }
}
