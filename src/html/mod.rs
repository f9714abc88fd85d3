//! HTML pages: embeds read from their markup, the rest of the page as article text.
//!
//! ```text
//! <html lang="en"><head><meta property="article:published_time" content="2019-12-31T10:00:00Z"></head><body>
//! <p>The mayor tweeted:</p>
//! <blockquote class="twitter-tweet"><p lang="en" dir="ltr">The north bridge is closed …</p>&mdash; Ana Ruiz
//!   (@MayorAnaRuiz) <a href="https://twitter.com/MayorAnaRuiz/status/1367…?ref_src=twsrc%5Etfw">March 3, 2021</a></blockquote>
//! <p>“The north bridge is closed,” Ruiz tweeted.</p>
//! ```
//!
//! Article extractors throw embeds away; the page itself keeps them, with the status link that
//! gives the true id and time. The page is parsed once ([`dom`]); [`embeds`] reads every embed
//! from its markup (appearance kind `html`, spanning the embed's element in the source); the rest
//! of the page becomes article text ([`article`]), where the text-shaped detectors and the
//! quotation finder run as on any flattened article, their spans mapped back to the source.

pub mod article;
pub mod dom;
pub mod embeds;
pub mod meta;
#[cfg(test)]
mod reference;
pub mod tokens;
pub mod tree;

use crate::detect::{Detector, Sighting};
use crate::document::Document;
use crate::model::{DocumentInfo, Post, Quote};
use crate::post;
use crate::{quote, Extraction};
use article::{Article, Streamed};
use dom::Dom;
use embeds::Found;
use meta::PageMeta;

/// The links of a markup post: (`href`, shown text).
type Links = Vec<(String, String)>;

/// Scans an HTML page: embeds from the markup, text-shaped posts and quotes from the prose.
///
/// Most pages embed nothing: their article text and metadata come straight from the token
/// stream ([`article::stream`]), and only a page with an element that may be an embed is
/// parsed into an element tree. A page the tokenizer rejects is scanned as text.
///
/// # Complexity
/// Linear in the page's length.
pub fn extract(doc: &Document, detector: &Detector) -> Extraction {
    let (mut article, meta, found) = match article::stream(&doc.text) {
        Streamed::Page(article, meta) => (article, meta, Vec::new()),
        Streamed::Refused => return crate::extract::extract_text(doc, detector),
        Streamed::MayEmbed => {
            let Some(dom) = Dom::parse(&doc.text) else {
                return crate::extract::extract_text(doc, detector);
            };
            let mut meta = PageMeta::default();
            for n in dom.descendants(0) {
                meta.see(dom.name(n), &|a| dom.attr(n, a));
            }
            let embeds = embeds::scan(&dom, meta.lang().as_deref());
            (Article::build(&dom, &embeds.taken), meta, embeds.found)
        }
    };
    // The article text is lent to the derived document while it is scanned, not copied.
    let derived = Document::new(doc.name.clone(), std::mem::take(&mut article.text));
    let mut text_sightings = detector.scan(&derived);
    let spans: Vec<_> = text_sightings.iter().map(|s| s.start..s.end).collect();
    let mut quotes = quote::extract_joined(&derived, &spans);
    article.text = derived.text;
    for s in &mut text_sightings {
        (s.start, s.end) = (article.source_start(s.start), article.source_end(s.end));
    }
    let name: std::sync::Arc<str> = doc.name.as_str().into();
    // A page with posts indexes its lines for them; one without needs the lines of its
    // quotations only, counted up to the last of them.
    let posts_ahead = !found.is_empty() || !text_sightings.is_empty();
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    for q in &mut quotes {
        (q.start, q.end) = (article.source_start(q.start), article.source_end(q.end));
        q.document = name.clone();
    }
    order.sort_by_key(|&k| quotes[k].start);
    let mut lines = doc.line_counter();
    for k in order {
        let q = &mut quotes[k];
        q.line = if posts_ahead {
            doc.line_of(q.start)
        } else {
            lines.line_of(q.start)
        };
    }
    drop_markdown_values(&doc.text, &mut quotes);
    let (sightings, links) = combine(found, text_sightings);
    let mut posts = post::build_all(doc, &sightings);
    for (p, links) in posts.iter_mut().zip(&links) {
        add_link_targets(p, links);
    }
    post::fill_lang_from_context(&mut posts, &article.text);
    Extraction {
        document: DocumentInfo {
            name: doc.name.clone(),
            date: meta.date().or_else(|| doc.date.clone()),
            bytes: doc.text.len(),
        },
        posts,
        quotes,
    }
}

/// Drops the quotations that a Markdown source read as HTML (a blog's `.html` post) shows to
/// be code or markup in its lines, which the article text joins: string literals in fenced
/// code blocks, and link reference titles (`[eff]: https://… "EFF's dice generated
/// passphrases"`). `quotes` hold source offsets.
fn drop_markdown_values(source: &str, quotes: &mut Vec<Quote>) {
    // No quotation, nothing to drop: the page's fenced blocks are not looked for.
    if quotes.is_empty() {
        return;
    }
    let code = quote::fenced_code(source);
    let mark_before = |at: usize| {
        source
            .get(..at)
            .and_then(|t| t.char_indices().next_back())
            .map_or(at, |(i, _)| i)
    };
    quotes.retain(|q| {
        // The blocks are in order and apart: the one that may hold a quote is the last to
        // start at or before it.
        let k = code.partition_point(|r| r.start <= q.start);
        let in_code = k
            .checked_sub(1)
            .and_then(|k| code.get(k))
            .is_some_and(|r| q.end <= r.end);
        !in_code && !quote::source_reference_title(source, mark_before(q.start))
    });
}

/// All sightings of the page in document order (quote indices kept pointing at the same
/// sightings), with the links of each markup post.
fn combine(found: Vec<Found>, text: Vec<Sighting>) -> (Vec<Sighting>, Vec<Links>) {
    let offset = found.len();
    let mut all: Vec<(Sighting, Links)> =
        found.into_iter().map(|f| (f.sighting, f.links)).collect();
    all.extend(text.into_iter().map(|mut s| {
        s.set_quotes(s.quotes().map(|q| q + offset));
        (s, Vec::new())
    }));
    crate::detect::sort_sightings(all).into_iter().unzip()
}

/// Adds to `urls` the targets of shortened links whose shown text is not itself a link (a
/// display URL such as `nyti.ms/2QfKp…` or a media link).
fn add_link_targets(p: &mut Post, links: &[(String, String)]) {
    for (href, shown) in links {
        let shown = shown.trim();
        let shortened = href.starts_with("https://t.co/") || href.starts_with("http://t.co/");
        let listed = p
            .urls
            .iter()
            .chain(&p.media)
            .any(|u| u == shown || u == href);
        let entity = shown.starts_with('#') || shown.starts_with('@') || shown.starts_with('$');
        if shortened && !listed && !entity && !p.media.iter().any(|m| shown.ends_with(m.as_str())) {
            p.urls.push(href.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Markdown sources saved as `.html` (fixtures/realworld/docs/201.html and 112.html): a
    /// string literal in a fenced block and link reference titles are no quotations; the
    /// prose quotation after them is.
    #[test]
    fn markdown_code_and_reference_titles_are_no_quotations() {
        let page = "<p>Posting is super easy as well - this is right from the docs:</p>\n\n\
                    ```js\nawait agent.post({\n  text: 'Hello world! I posted this via the \
                    API.',\n  createdAt: new Date().toISOString()\n})\n```\n\n\
                    [eff]: https://www.eff.org/dice \"EFF's dice generated passphrases\"\n\
                    [hibp]: https://haveibeenpwned.com/ \"Have I been Pwned Account Compromise \
                    Checker\"\n\n<p>Ana Ruiz said: \"The bridge opens on Monday morning.\"</p>\n";
        let doc = Document::new("post.html", page);
        let got = extract(&doc, &Detector::new());
        let texts: Vec<&str> = got.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["The bridge opens on Monday morning."]);
    }

    /// 200,000 nested `<div>`s around a tweet and a quotation, closed, then a paragraph: the
    /// tree follows the nesting (each `div` spans to its own end tag) and the page reads as a
    /// flat one does. The time is not asserted; before the tree was built in one pass, this
    /// page took seconds (quadratic in the depth).
    #[test]
    fn deep_nesting() {
        const DEPTH: usize = 200_000;
        let tweet = "<blockquote class=\"twitter-tweet\"><p lang=\"en\">The north bridge is closed \
                     until Friday</p>&mdash; Ana Ruiz (@MayorAnaRuiz) <a href=\"https://twitter.com/\
                     MayorAnaRuiz/status/1367136891290664965\">March 3, 2021</a></blockquote>";
        let page = format!(
            "<html><body>{}{tweet}{}<p>“The north bridge is closed until Friday,” Ruiz tweeted.</p></body></html>",
            "<div>".repeat(DEPTH),
            "</div>".repeat(DEPTH),
        );
        let dom = Dom::parse(&page).unwrap();
        let divs: Vec<_> = dom.descendants(0).filter(|&n| dom.is(n, "div")).collect();
        assert_eq!(divs.len(), DEPTH);
        let nest = 12 + 5 * DEPTH + tweet.len() + 6 * DEPTH;
        assert_eq!(dom.span(divs[0]), 12..nest);
        let innermost = divs[DEPTH - 1];
        assert_eq!(
            &page[dom.span(innermost)],
            format!("<div>{tweet}</div>").as_str()
        );
        let doc = Document::new("deep.html", page.as_str());
        let got = extract(&doc, &Detector::new());
        assert_eq!(got.posts.len(), 1);
        let post = &got.posts[0];
        assert_eq!(post.text, "The north bridge is closed until Friday");
        assert_eq!(post.author.handle.as_deref(), Some("MayorAnaRuiz"));
        assert_eq!(got.quotes.len(), 1);
        assert!(got.quotes[0].text.starts_with("The north bridge"));
    }
}
