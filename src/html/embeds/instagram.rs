//! Instagram: the `instagram-media` blockquote.
//!
//! ```text
//! <blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CODE/">… A post shared by Name (@handle)</blockquote>
//! ```

use super::{first_link, on, sighting, signature, Found};
use crate::html::dom::{Dom, NodeId};
use crate::model::{Author, Platform};
use crate::post::status_link;

/// `blockquote.instagram-media`.
pub(super) fn read(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if dom.name(n) == "blockquote" && dom.has_class(n, "instagram-media") {
        out.extend(read_instagram(dom, n));
        return true;
    }
    false
}

/// Instagram: the permalink gives the shortcode; "A post shared by Name (@handle)" (localized)
/// the author; a captioned embed's first paragraph the text; `<time datetime>` the date.
fn read_instagram(dom: &Dom, n: NodeId) -> Option<Found> {
    let link = dom
        .attr(n, "data-instgrm-permalink")
        .and_then(status_link::parse)
        .or_else(|| first_link(dom, n, on(Platform::Instagram)))
        .filter(|l| l.platform == Platform::Instagram)?;
    let paragraphs: Vec<NodeId> = dom.descendants(n).filter(|&d| dom.is(d, "p")).collect();
    let mut author = Author::default();
    let mut caption = None;
    for &p in &paragraphs {
        let text = dom.inner_text(p);
        let sig = signature(&text);
        if sig.handle.is_some() && author.handle.is_none() {
            author.name = sig
                .name
                .map(|name| strip_shared_by(&name).to_string())
                .filter(|s| !s.is_empty());
            author.handle = sig.handle.filter(|h| is_instagram_handle(h));
            if author.name.is_none() {
                author.name = dom
                    .find(p, |a| {
                        dom.is(a, "a") && dom.attr(a, "href").is_some_and(|h| !h.contains("/p/"))
                    })
                    .map(|a| dom.inner_text(a))
                    .filter(|s| !s.is_empty());
            }
        } else if caption.is_none()
            && dom.attr(n, "data-instgrm-captioned").is_some()
            && !text.is_empty()
        {
            caption = Some(text);
        }
    }
    let date = dom
        .find(n, |t| dom.is(t, "time"))
        .and_then(|t| dom.attr(t, "datetime"))
        .and_then(status_link::iso_date);
    Some(Found {
        sighting: sighting(
            dom,
            n,
            Platform::Instagram,
            author,
            date,
            caption.unwrap_or_default(),
            Some(link.id),
        ),
        links: Vec::new(),
        in_reply_to: None,
    })
}

/// Instagram's localized "A post shared by" before the name, removed.
fn strip_shared_by(s: &str) -> &str {
    crate::detect::byline::INSTAGRAM_SHARED_BY
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
        .trim()
}

/// An Instagram handle: letters, digits, `.` and `_`, at most 30.
fn is_instagram_handle(s: &str) -> bool {
    (1..=30).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
}
