//! Twitter / X: the oEmbed blockquote (its class stripped or not), the wrappers news sites put
//! around it (WordPress figures, AMP, CNN-style divs, rendered widgets), and the frames that
//! show a tweet by its id.
//!
//! ```text
//! <blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">TEXT <a href="https://t.co/x">pic.twitter.com/x</a></p>
//!   &mdash; Name (@handle) <a href="https://twitter.com/handle/status/ID?ref_src=twsrc%5Etfw">December 31, 2019</a></blockquote>
//! <figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">https://twitter.com/h/status/ID</div></figure>
//! <amp-twitter data-tweetid="ID"><blockquote placeholder class="twitter-tweet">…</blockquote></amp-twitter>
//! <div class="embed-twitter" data-embed-id="ID">…</div>       <iframe data-tweet-id="ID" …></iframe>
//! <iframe src="https://platform.twitter.com/embed/Tweet.html?…&id=ID"></iframe>   <iframe src="https://twitframe.com/show?url=STATUS-URL"></iframe>
//! ```

use super::{
    bare, collect_links, first_link, is_digits, parse_date, shown_text, sighting, signature,
    text_paragraph, Found,
};
use crate::html::dom::{Dom, Flow, NodeId};
use crate::model::{Author, Platform};
use crate::post::status_link::{self, StatusLink};

/// A tweet blockquote, with the tweets nested in it.
pub(super) fn read_blockquote(
    dom: &Dom,
    n: NodeId,
    lang: Option<&str>,
    out: &mut Vec<Found>,
) -> bool {
    if dom.name(n) == "blockquote" && is_tweet_blockquote(dom, n) {
        read_tweet_tree(dom, n, lang, None, 0, out);
        return true;
    }
    false
}

/// A wrapper around a tweet: the blockquote inside it, else the tweet its id or link names.
pub(super) fn read_wrapper(dom: &Dom, n: NodeId, lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if !is_twitter_wrapper(dom, n) {
        return false;
    }
    let wrapper_id = ["data-tweetid", "data-tweet-id", "data-embed-id", "data-id"]
        .iter()
        .find_map(|a| dom.attr(n, a))
        .filter(|v| is_digits(v))
        .map(str::to_string);
    match dom.find(n, |d| {
        d != n && dom.is(d, "blockquote") && is_tweet_blockquote(dom, d)
    }) {
        Some(bq) => read_tweet_tree(dom, bq, lang, wrapper_id, 0, out),
        None => read_bare_tweet(dom, n, wrapper_id, out),
    }
    true
}

/// A frame showing a tweet: `data-tweet-id`, or a widget or frame-service `src`.
pub(super) fn read_frame(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if dom.name(n) != "iframe" {
        return false;
    }
    if let Some(id) = dom.attr(n, "data-tweet-id").filter(|v| is_digits(v)) {
        read_bare_tweet(dom, n, Some(id.to_string()), out);
        return true;
    }
    if let Some(link) = dom.attr(n, "src").and_then(tweet_frame_src) {
        out.extend(bare(dom, n, link));
        return true;
    }
    false
}

/// How deep tweets nested in tweets are read (a quote of a quote); deeper ones are ignored,
/// which keeps the work linear.
const MAX_NESTING: usize = 2;

/// `blockquote.twitter-tweet` (any extra classes), `twitter-video`, or Twitter's markup with its
/// class stripped by a sanitizer or a feed: a blockquote whose last link of its own (the date) is
/// a tweet's status link and whose own text signs with `(@handle)`. Only the blockquote's
/// children are looked at, so nested blockquotes cost linear time.
pub(super) fn is_tweet_blockquote(dom: &Dom, n: NodeId) -> bool {
    if dom.has_class(n, "twitter-tweet") || dom.has_class(n, "twitter-video") {
        return true;
    }
    let children = dom.children(n);
    let last_link = children
        .iter()
        .rev()
        .find(|&&c| dom.is(c, "a"))
        .and_then(|&c| dom.attr(c, "href"));
    last_link
        .and_then(status_link::parse)
        .is_some_and(|s| s.platform == Platform::Twitter)
        && children
            .iter()
            .any(|&c| dom.text(c).is_some_and(|t| t.contains("(@")))
}

/// Wrappers around a tweet: WordPress figures, AMP, CNN-style divs, rendered widgets.
fn is_twitter_wrapper(dom: &Dom, n: NodeId) -> bool {
    match dom.name(n) {
        "amp-twitter" | "twitter-widget" => true,
        "figure" => {
            dom.has_class(n, "is-provider-twitter") || dom.has_class(n, "wp-block-embed-twitter")
        }
        "div" => {
            dom.has_class(n, "embed-twitter")
                || dom.has_class(n, "twitter-tweet-rendered")
                || dom.has_class(n, "twitter-tweet") && dom.attr(n, "data-tweet-id").is_some()
        }
        _ => false,
    }
}

/// Reads a tweet blockquote and the tweets nested in it (quoted or replied-to posts).
fn read_tweet_tree(
    dom: &Dom,
    bq: NodeId,
    lang: Option<&str>,
    id_hint: Option<String>,
    depth: usize,
    out: &mut Vec<Found>,
) {
    let lang = dom.attr(bq, "data-lang").or(lang);
    // Nested tweets, read first so the outer one can point at them.
    let mut before_text = Vec::new();
    let mut after_text = Vec::new();
    let text_p = text_paragraph(dom, bq);
    let text_start = text_p.map_or(usize::MAX, |p| dom.span(p).start);
    for &c in dom.children(bq) {
        if depth < MAX_NESTING && dom.is(c, "blockquote") && is_tweet_blockquote(dom, c) {
            let at = out.len();
            read_tweet_tree(dom, c, lang, None, depth + 1, out);
            if out.len() > at {
                let slot = if dom.span(c).start < text_start {
                    &mut before_text
                } else {
                    &mut after_text
                };
                slot.push(out.len() - 1);
            }
        }
    }
    let Some(mut found) = read_tweet(dom, bq, text_p, lang, id_hint) else {
        return;
    };
    if let Some(&parent) = before_text.last() {
        found.sighting.set_reply_to(
            out.get(parent)
                .and_then(|p| p.sighting.author.handle.clone()),
        );
    }
    if let Some(&quoted) = after_text.first() {
        found.sighting.set_quotes(Some(quoted));
    }
    out.push(found);
}

/// Reads one tweet blockquote (nested tweets left out).
pub(super) fn read_tweet(
    dom: &Dom,
    bq: NodeId,
    text_p: Option<NodeId>,
    lang: Option<&str>,
    id_hint: Option<String>,
) -> Option<Found> {
    let nested = |n: NodeId| n != bq && dom.is(n, "blockquote");
    let (mut text, mut links) = match text_p {
        Some(p) => shown_text(dom, p),
        None => (String::new(), Vec::new()),
    };
    // A page that re-wrapped the tweet puts each of its paragraphs in a `<p>` of its own, the
    // signature too: the paragraphs up to the signature's are the text.
    let mut after = text_p.map_or(0, |p| dom.span(p).end);
    if let Some(p) = text_p {
        let next: Vec<NodeId> = dom
            .children(bq)
            .iter()
            .copied()
            .filter(|&c| dom.span(c).start >= dom.span(p).end && !nested(c))
            .filter(|&c| dom.is(c, "p") || dom.text(c).is_some_and(|t| !t.trim().is_empty()))
            .collect();
        let signs = |c: NodeId| {
            let shown = dom.inner_text(c);
            shown.starts_with(['—', '–', '―', '-']) && shown.contains("(@")
        };
        if let Some(sig_at) = next.iter().position(|&c| dom.is(c, "p") && signs(c)) {
            if next[..sig_at].iter().all(|&c| dom.is(c, "p")) {
                for &c in &next[..sig_at] {
                    let (more, more_links) = shown_text(dom, c);
                    if !more.is_empty() {
                        text.push('\n');
                        text.push_str(&more);
                    }
                    links.extend(more_links);
                    after = dom.span(c).end;
                }
            }
        }
    }
    // The tail: everything after the text (or all of it when there is none).
    let mut tail = Flow::default();
    let mut tail_links = Vec::new();
    for &c in dom.children(bq) {
        if Some(c) == text_p || nested(c) || dom.span(c).start < after {
            continue;
        }
        dom.flow(c, &mut tail, &nested);
        collect_links(dom, c, &nested, &mut tail_links);
    }
    let tail = tail.finish();
    let status = tail_links
        .iter()
        .rev()
        .find_map(|(href, _)| status_link::parse(href).filter(|s| s.platform == Platform::Twitter))
        .or_else(|| {
            links.iter().rev().find_map(|(h, _)| {
                status_link::parse(h).filter(|s| s.platform == Platform::Twitter)
            })
        });
    let sig = signature(&tail);
    let status_id = status.as_ref().map(|s| s.id.clone()).or(id_hint);
    let handle = sig
        .handle
        .clone()
        .or_else(|| status.as_ref().and_then(|s| s.handle.clone()));
    let date_text = tail_links
        .iter()
        .rev()
        .find(|(href, _)| status_link::parse(href).is_some())
        .map(|(_, shown)| shown.as_str())
        .or(sig.rest.as_deref());
    let datetime = dom
        .find(bq, |n| dom.attr(n, "data-datetime").is_some())
        .and_then(|n| dom.attr(n, "data-datetime"));
    let date = status_id
        .as_deref()
        .and_then(|id| status_link::created_date(Platform::Twitter, id))
        .or_else(|| datetime.and_then(status_link::iso_date))
        .or_else(|| date_text.and_then(|t| parse_date(t, lang)));
    if status_id.is_none() && handle.is_none() && text.is_empty() {
        return None;
    }
    let in_reply_to = dom
        .attr(bq, "data-in-reply-to")
        .filter(|v| is_digits(v))
        .map(str::to_string);
    Some(Found {
        sighting: sighting(
            dom,
            bq,
            Platform::Twitter,
            Author {
                name: sig.name,
                handle,
            },
            date,
            text,
            status_id,
        ),
        links,
        in_reply_to,
    })
}

/// The tweet a frame shows from its `src`: Twitter's own widget frame
/// (`platform.twitter.com/embed/Tweet.html?…&id=ID`) or a frame service given the status link
/// as its `url` parameter (`twitframe.com/show?url=…`).
fn tweet_frame_src(src: &str) -> Option<StatusLink> {
    let src = if src.starts_with("//") {
        format!("https:{src}")
    } else {
        src.to_string()
    };
    let url = url::Url::parse(&src).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let widget = host == "platform.twitter.com" || host == "platform.x.com";
    for (key, value) in url.query_pairs() {
        if widget && key == "id" && is_digits(&value) {
            return Some(StatusLink {
                platform: Platform::Twitter,
                handle: None,
                id: value.into_owned(),
            });
        }
        if key == "url" {
            if let Some(link) =
                status_link::parse(&value).filter(|l| l.platform == Platform::Twitter)
            {
                return Some(link);
            }
        }
    }
    None
}

/// A post known only by its status link (script-only embeds, rendered iframes, bare URLs).
fn read_bare_tweet(dom: &Dom, n: NodeId, id: Option<String>, out: &mut Vec<Found>) {
    let link = first_link(dom, n, |h| {
        status_link::parse(h).filter(|s| s.platform == Platform::Twitter)
    })
    .or_else(|| dom.attr(n, "src").and_then(status_link::parse))
    .or_else(|| {
        let text = dom.inner_text(n);
        text.split_whitespace()
            .find_map(|w| status_link::parse(w).filter(|s| s.platform == Platform::Twitter))
    });
    let id = id.or_else(|| {
        let inner = dom.find(n, |d| dom.attr(d, "data-tweet-id").is_some_and(is_digits))?;
        dom.attr(inner, "data-tweet-id").map(str::to_string)
    });
    let link = match (link, id) {
        (Some(l), _) => l,
        (None, Some(id)) => StatusLink {
            platform: Platform::Twitter,
            handle: None,
            id,
        },
        (None, None) => return,
    };
    out.extend(bare(dom, n, link));
}
