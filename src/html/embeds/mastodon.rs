//! Mastodon and other ActivityPub servers: the `mastodon-embed` frame and blockquote, known by
//! the status link alone.
//!
//! ```text
//! <iframe class="mastodon-embed" src="https://instance/@user/ID/embed"></iframe>
//! ```

use super::{bare, first_link, Found};
use crate::html::dom::{Dom, NodeId};
use crate::post::status_link;

/// `iframe.mastodon-embed` (its `src`) or `blockquote.mastodon-embed` (`data-embed-url`, else
/// its first status link).
pub(super) fn read(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if !dom.has_class(n, "mastodon-embed") {
        return false;
    }
    match dom.name(n) {
        "iframe" => {
            if let Some(f) = dom
                .attr(n, "src")
                .and_then(|src| bare(dom, n, status_link::parse_mastodon(src)?))
            {
                out.push(f);
            }
            true
        }
        "blockquote" => {
            let link = dom
                .attr(n, "data-embed-url")
                .and_then(status_link::parse_mastodon)
                .or_else(|| first_link(dom, n, status_link::parse_mastodon));
            out.extend(link.and_then(|l| bare(dom, n, l)));
            true
        }
        _ => false,
    }
}
