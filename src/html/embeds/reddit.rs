//! Reddit: the embed blockquote (`reddit-embed-bq`, or the older `reddit-card`), whose first link
//! is the post with its title as text, followed by its author and subreddit.
//!
//! ```text
//! <blockquote class="reddit-embed-bq"><a href="https://www.reddit.com/r/sub/comments/ID/slug/">TITLE</a><br> by <a href="https://www.reddit.com/user/NAME/">u/NAME</a> in <a href="https://www.reddit.com/r/sub/">sub</a></blockquote>
//! <blockquote class="reddit-card"><p><a href="https://www.reddit.com/r/sub/comments/ID/slug/">TITLE</a> from <a href="https://www.reddit.com/r/sub/">sub</a></p></blockquote>
//! ```

use super::{sighting, Found};
use crate::html::dom::{Dom, NodeId};
use crate::model::{Author, Platform};
use crate::post::status_link;

/// `blockquote.reddit-embed-bq` or `blockquote.reddit-card`.
pub(super) fn read(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if !(dom.name(n) == "blockquote"
        && (dom.has_class(n, "reddit-embed-bq") || dom.has_class(n, "reddit-card")))
    {
        return false;
    }
    let links: Vec<NodeId> = dom.descendants(n).filter(|&a| dom.is(a, "a")).collect();
    let post = links.iter().find_map(|&a| {
        let link = dom
            .attr(a, "href")
            .and_then(status_link::parse)
            .filter(|l| l.platform == Platform::Reddit)?;
        Some((a, link))
    });
    let Some((title, link)) = post else {
        return true;
    };
    // The author, where the embed names one: a link to `/user/NAME` (shown `u/NAME`).
    let handle = links.iter().find_map(|&a| user_of(dom.attr(a, "href")?));
    let author = Author { name: None, handle };
    out.push(Found {
        sighting: sighting(
            dom,
            n,
            Platform::Reddit,
            author,
            None,
            dom.inner_text(title).trim().to_string(),
            Some(link.id),
        ),
        links: Vec::new(),
        in_reply_to: None,
    });
    true
}

/// The user a Reddit profile link names: `https://www.reddit.com/user/NAME/` (or `/u/NAME`).
fn user_of(href: &str) -> Option<String> {
    let url = url::Url::parse(href).ok()?;
    if !url.host_str()?.ends_with("reddit.com") {
        return None;
    }
    let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
    match (segments.next(), segments.next()) {
        (Some("user" | "u"), Some(name)) => Some(name.to_string()),
        _ => None,
    }
}
