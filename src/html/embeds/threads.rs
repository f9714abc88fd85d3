//! Threads: the `text-post-media` blockquote, known by its permalink.
//!
//! ```text
//! <blockquote class="text-post-media" data-text-post-permalink="https://www.threads.net/@user/post/CODE">…</blockquote>
//! ```

use super::{bare, first_link, on, Found};
use crate::html::dom::{Dom, NodeId};
use crate::model::Platform;
use crate::post::status_link;

/// `blockquote.text-post-media`.
pub(super) fn read(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    if !(dom.name(n) == "blockquote" && dom.has_class(n, "text-post-media")) {
        return false;
    }
    let link = dom
        .attr(n, "data-text-post-permalink")
        .and_then(status_link::parse)
        .or_else(|| first_link(dom, n, on(Platform::Threads)));
    out.extend(
        link.filter(|l| l.platform == Platform::Threads)
            .and_then(|l| bare(dom, n, l)),
    );
    true
}
