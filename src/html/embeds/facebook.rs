//! Facebook: the `fb-post` div and the blockquote inside it, and the plugin's frame.
//!
//! ```text
//! <div class="fb-post" data-href="https://www.facebook.com/user/posts/ID"><blockquote><p>TEXT</p>Posted by <a>Name</a> on <a>DATE</a></blockquote></div>
//! <iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fuser%2Fposts%2FID"></iframe>
//! ```

use super::{
    first_link, on, parse_date, read_bare_frame, shown_text, sighting, text_paragraph, Found,
};
use crate::html::dom::{Dom, NodeId};
use crate::model::{Author, Platform};
use crate::post::status_link;

/// `.fb-post`, or `blockquote.fb-xfbml-parse-ignore` without its wrapper.
pub(super) fn read(dom: &Dom, n: NodeId, lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if dom.has_class(n, "fb-post")
        || dom.name(n) == "blockquote" && dom.has_class(n, "fb-xfbml-parse-ignore")
    {
        out.extend(read_facebook(dom, n, lang));
        return true;
    }
    false
}

/// An `iframe` of Facebook's post or video plugin (`plugins/post.php?href=…`): an id-only post.
pub(super) fn read_frame(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    read_bare_frame(dom, n, out, |dom, n| {
        dom.attr(n, "src")
            .filter(|src| src.contains("facebook.com/plugins/"))
            .and_then(status_link::parse)
            .filter(|l| l.platform == Platform::Facebook)
    })
}

/// Facebook: `data-href` (or the blockquote's `cite`) gives the post id and user; the text is the
/// `<p>`; "Posted by <a>Name</a> on <a>DATE</a>" gives the name and date.
fn read_facebook(dom: &Dom, n: NodeId, lang: Option<&str>) -> Option<Found> {
    let bq = if dom.is(n, "blockquote") {
        Some(n)
    } else {
        dom.find(n, |d| dom.is(d, "blockquote"))
    };
    let facebook =
        |href: &str| status_link::parse(href).filter(|l| l.platform == Platform::Facebook);
    let cited = bq.and_then(|b| dom.attr(b, "cite")).and_then(facebook);
    let mut link = dom
        .attr(n, "data-href")
        .and_then(facebook)
        .or_else(|| cited.clone())
        .or_else(|| first_link(dom, n, on(Platform::Facebook)))?;
    // `watch/?v=ID` names no page; the blockquote's `cite` link to the same post may.
    if link.handle.is_none() {
        link.handle = cited.filter(|c| c.id == link.id).and_then(|c| c.handle);
    }
    let body = bq.unwrap_or(n);
    let p = text_paragraph(dom, body);
    let (text, links) = p.map(|p| shown_text(dom, p)).unwrap_or_default();
    let after = p.map_or(0, |p| dom.span(p).end);
    let tail_links: Vec<NodeId> = dom
        .descendants(body)
        .filter(|&a| dom.is(a, "a") && dom.span(a).start >= after)
        .collect();
    let name = tail_links
        .first()
        .map(|&a| dom.inner_text(a))
        .filter(|s| !s.is_empty());
    let date = tail_links.last().and_then(|&a| {
        let t = dom.inner_text(a);
        parse_date(&t, lang).or_else(|| {
            t.split_once(", ")
                .and_then(|(_, rest)| parse_date(rest, lang))
        })
    });
    let author = Author {
        name,
        handle: link.handle,
    };
    Some(Found {
        sighting: sighting(
            dom,
            body,
            Platform::Facebook,
            author,
            date,
            text,
            Some(link.id),
        ),
        links,
        in_reply_to: None,
    })
}
