//! The pipelines the fuzz targets drive and the invariants they check.
//!
//! Shared by the `fuzz_targets/*` binaries and by `tests/fuzz_regressions.rs` of the main crate
//! (which includes this file with `#[path]`), so a saved crash input is replayed through exactly
//! the code that found it. It depends on nothing but `embedscan` and `std`.
//!
//! Every check below is a promise the crate documents:
//! - `model::Appearance`: `line` is the 1-based line where the fragment begins, `start..end` a
//!   byte range (exclusive end) of the document; similarity is 1 except for quotes.
//! - `model::Quote` / `quote`: `start..end` are the quoted words inside the marks, `text` the
//!   quoted words. For a plain-text document `text == doc.text[start..end]` (also asserted by
//!   `tests/common::check_spans`). For an HTML page the quotes are found in the derived article
//!   text (entities decoded, white space collapsed) and only their *offsets* are mapped back to
//!   the source (`html` module docs), so there only the span checks apply.
//! - `html`: an appearance of kind `html` spans the embed's element in the source, from its
//!   start tag's `<` (`dom::Node::span`; it ends past the end tag's `>` only when the element
//!   is closed explicitly, so the end is not checked).
//! - `lib`: `extract` is stateless, so two documents with the same text give the same records.
//! - `link`: a quote's `post` names a post of the feed, which gains a `quote` appearance.
//! - `date`: a parsed date is a real calendar day in 1990..=2100; the consumed length is a
//!   prefix of the input; the language hint only changes which locale is tried first.

use embedscan::model::AppearanceKind;
use embedscan::{assemble, extract, Document, Feed};
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Which pipeline an input goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `Document::new`.
    Text,
    /// `Document::html`.
    Html,
}

/// Names of the two documents built from one input.
pub const NAMES: [&str; 2] = ["a", "b"];

fn make(format: Format, name: &str, text: &str) -> Document {
    match format {
        Format::Text => Document::new(name, text),
        Format::Html => Document::html(name, text),
    }
}

/// Decodes `data` lossily, scans it as one document and as two documents with the same text
/// (dedup and linking across documents), and checks every invariant. Panics on a violation.
pub fn pipeline(format: Format, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text = if defusing() { defuse(&text) } else { text };
    let a = make(format, NAMES[0], &text);
    let b = make(format, NAMES[1], &text);

    let ea = extract(&a);
    let eb = extract(&b);
    // Stateless map step: the same text gives the same records, whatever the name.
    assert_eq!(
        ea.posts.len(),
        eb.posts.len(),
        "extract is stateless (posts)"
    );
    assert_eq!(
        ea.quotes.len(),
        eb.quotes.len(),
        "extract is stateless (quotes)"
    );

    let single = assemble([ea.clone()]);
    check_feed(format, &[&a], &single);

    let double = assemble([ea, eb]);
    check_feed(format, &[&a, &b], &double);
    // Both documents must show the same spans in the merged feed.
    assert_eq!(
        spans_of(&double, NAMES[0]),
        spans_of(&double, NAMES[1]),
        "identical documents give identical appearances"
    );
    assert_eq!(
        quotes_of(&double, NAMES[0]),
        quotes_of(&double, NAMES[1]),
        "identical documents give identical quotes"
    );
    assert_eq!(
        spans_of(&single, NAMES[0]),
        spans_of(&double, NAMES[0]),
        "a second document does not change the first one's appearances"
    );

    // The writers must not fail on anything the pipeline produced.
    for f in [
        embedscan::output::Format::Json,
        embedscan::output::Format::Jsonl,
        embedscan::output::Format::JsonFeed,
    ] {
        let mut out = Vec::new();
        embedscan::output::write(&double, f, &mut out).expect("feed serializes");
    }
}

/// Whether `EMBEDSCAN_FUZZ_DEFUSE=1` is set: the fuzz targets then rewrite the triggers of the
/// bugs already found (see [`defuse`]) so that a long run explores past them instead of
/// rediscovering them. The regression test never sets it.
pub fn defusing() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("EMBEDSCAN_FUZZ_DEFUSE").is_some_and(|v| v == "1"))
}

/// The text with the triggers of known, still unfixed crashes rewritten (only used while
/// fuzzing with [`defusing`] on; a crash found this way is a new one). Add a rule per open bug,
/// naming its regression input under `tests/fuzz_regressions/`, and delete it once the bug is
/// fixed, so the fuzzer explores that input shape again.
///
/// No open bug now. Rules used before the fixes:
/// - `twitter-text-rt-prefix`, `twitter-text-fullwidth-at` (fixed by `entities::guard_points`,
///   commits f4c722a and d67de94): a non-ASCII character, one of ``[A-Za-z0-9_@!#$%&*=/]``
///   and an `@` in a row, or `＠` right before `@`/`＠` — the non-ASCII character became a space;
/// - `entities-inside-link-*` (fixed in `entities::inside_link`, d67de94): every non-ASCII
///   white space and `&nbsp;` became a space.
pub fn defuse(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
}

type Span = (AppearanceKind, usize, usize, usize);

fn spans_of(feed: &Feed, doc: &str) -> Vec<Span> {
    let mut v: Vec<Span> = feed
        .posts
        .iter()
        .flat_map(|p| &p.appearances)
        .filter(|a| *a.document == *doc)
        .map(|a| (a.kind, a.line, a.start, a.end))
        .collect();
    v.sort();
    v
}

fn quotes_of(feed: &Feed, doc: &str) -> Vec<(usize, usize, usize, String)> {
    feed.quotes
        .iter()
        .filter(|q| *q.document == *doc)
        .map(|q| (q.line, q.start, q.end, q.text.clone()))
        .collect()
}

/// The span invariants shared by appearances and quotes.
fn check_span(doc: &Document, what: &str, line: usize, start: usize, end: usize) {
    let len = doc.text.len();
    assert!(
        start <= end && end <= len,
        "{what}: span {start}..{end} within the document ({len} bytes)"
    );
    assert!(
        doc.text.is_char_boundary(start) && doc.text.is_char_boundary(end),
        "{what}: span {start}..{end} on char boundaries"
    );
    assert_eq!(
        line,
        doc.line_of(start),
        "{what}: line of span {start}..{end} is the line of its start"
    );
}

/// Checks a feed built from `docs` (all of `format`).
pub fn check_feed(format: Format, docs: &[&Document], feed: &Feed) {
    let doc_of = |name: &str| {
        docs.iter()
            .find(|d| d.name == name)
            .unwrap_or_else(|| panic!("record names an unknown document {name:?}"))
    };
    assert_eq!(
        feed.documents.len(),
        docs.len(),
        "one DocumentInfo per document"
    );
    for (info, doc) in feed.documents.iter().zip(docs) {
        assert_eq!(info.name, doc.name);
        assert_eq!(info.bytes, doc.text.len());
    }

    let mut ids = HashSet::new();
    for p in &feed.posts {
        assert!(ids.insert(p.id.as_str()), "post ids are unique: {:?}", p.id);
        assert!(!p.appearances.is_empty(), "post {} has an appearance", p.id);
        for a in &p.appearances {
            let doc = doc_of(&a.document);
            let what = format!("post {} appearance {:?}", p.id, a.kind);
            check_span(doc, &what, a.line, a.start, a.end);
            assert!(
                (0.0..=1.0).contains(&a.similarity),
                "{what}: similarity {} in 0..=1",
                a.similarity
            );
            if a.kind != AppearanceKind::Quote {
                assert!(
                    a.similarity == 1.0,
                    "{what}: similarity 1 except for quotes"
                );
            }
            if a.kind == AppearanceKind::Html {
                // `dom::Node::span`: from the start tag's `<` to past the end tag's `>`, or to
                // where the element was implicitly closed (so only the start is certain).
                let span = &doc.text[a.start..a.end];
                assert!(
                    span.starts_with('<'),
                    "{what}: an html appearance starts at its element's tag: {span:?}"
                );
            }
        }
    }

    for q in &feed.quotes {
        let doc = doc_of(&q.document);
        let what = format!("quote {} {:?}", q.id, q.text);
        check_span(doc, &what, q.line, q.start, q.end);
        assert!(!q.text.is_empty(), "{what}: quote text is not empty");
        if format == Format::Text {
            assert_eq!(
                doc.text.get(q.start..q.end),
                Some(q.text.as_str()),
                "{what}: quote text is the document's bytes at its offsets"
            );
        }
        if let Some(pid) = &q.post {
            let post = feed
                .posts
                .iter()
                .find(|p| &p.id == pid)
                .unwrap_or_else(|| panic!("{what}: links to post {pid} absent from the feed"));
            assert!(
                post.appearances
                    .iter()
                    .any(|a| a.kind == AppearanceKind::Quote
                        && *a.document == *q.document
                        && a.start == q.start
                        && a.end == q.end),
                "{what}: its post {pid} has the quote appearance"
            );
        }
    }
}

/// Language hints the date target tries besides none.
pub const DATE_HINTS: [&str; 8] = ["en", "fr", "de-DE", "pt-BR", "ru", "ar", "zh-cn", "ja"];

/// Runs `date::parse_prefix` (and `date::parse`) on `data` with no hint and with every hint in
/// [`DATE_HINTS`], checking the documented promises.
pub fn date(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    let plain = embedscan::_internal::date::parse_prefix(s, None);
    for hint in std::iter::once(None).chain(DATE_HINTS.iter().map(|h| Some(*h))) {
        let got = embedscan::_internal::date::parse_prefix(s, hint);
        if let Some((d, n)) = got {
            assert!(
                n > 0 && n <= s.len(),
                "{hint:?}: consumed {n} of {} bytes",
                s.len()
            );
            assert!(
                s.is_char_boundary(n),
                "{hint:?}: consumed {n} bytes, not a char boundary"
            );
            assert!(
                (1990..=2100).contains(&d.year),
                "{hint:?}: year {} in 1990..=2100",
                d.year
            );
            assert!((1..=12).contains(&d.month), "{hint:?}: month {}", d.month);
            let leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
            let days = match d.month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            assert!((1..=days).contains(&d.day), "{hint:?}: {d} is a real day");
            assert_eq!(
                d.to_string().len(),
                10,
                "{hint:?}: {d} prints as YYYY-MM-DD"
            );
        }
        // All locales are tried whatever the hint: it may change which date is read, never
        // whether one is.
        assert_eq!(
            got.is_some(),
            plain.is_some(),
            "hint {hint:?} changes whether a date is found: {got:?} vs {plain:?}"
        );
        let _ = embedscan::_internal::date::parse(s, hint);
    }
}
