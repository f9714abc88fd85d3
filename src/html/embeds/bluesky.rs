//! Bluesky: the `bluesky-embed` blockquote, read as a tweet is (its tail signs the same way).
//!
//! ```text
//! <blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:…/app.bsky.feed.post/RKEY"><p>TEXT</p>&mdash; Name (<a>@handle</a>) <a>DATE</a></blockquote>
//! ```

use super::twitter::read_tweet;
use super::{first_link, text_paragraph, Found};
use crate::html::dom::{Dom, NodeId};
use crate::model::Platform;
use crate::post::status_link;

/// `blockquote.bluesky-embed`.
pub(super) fn read(dom: &Dom, n: NodeId, lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if dom.name(n) == "blockquote" && dom.has_class(n, "bluesky-embed") {
        out.extend(read_bluesky(dom, n, lang));
        return true;
    }
    false
}

/// Bluesky: `data-bluesky-uri` gives the record key; the tail `— Name (@handle) DATE` the rest.
fn read_bluesky(dom: &Dom, n: NodeId, lang: Option<&str>) -> Option<Found> {
    let mut found = read_tweet(dom, n, text_paragraph(dom, n), lang, None)?;
    let link = dom
        .attr(n, "data-bluesky-uri")
        .and_then(status_link::parse)
        .or_else(|| {
            first_link(dom, n, |h| {
                status_link::parse(h).filter(|l| l.platform == Platform::Bluesky)
            })
        })?;
    let s = &mut found.sighting;
    s.platform = Platform::Bluesky;
    if s.author.handle.is_none() {
        s.author.handle = link.handle;
    }
    // The id's time wins over the printed date, as for tweets.
    s.date = status_link::created_date(Platform::Bluesky, &link.id).or(s.date);
    s.set_status_id(Some(link.id));
    Some(found)
}
