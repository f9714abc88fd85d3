//! LinkedIn: the embed frame, which carries the post's URN and nothing of its text.
//!
//! ```text
//! <iframe src="https://www.linkedin.com/embed/feed/update/urn:li:share:6728971807346561024" title="Embedded post"></iframe>
//! ```

use super::{read_bare_frame, Found};
use crate::html::dom::{Dom, NodeId};
use crate::model::Platform;
use crate::post::status_link;

/// An `iframe` whose `src` is LinkedIn's embed of a post: an id-only post.
pub(super) fn read_frame(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    read_bare_frame(dom, n, out, |dom, n| {
        dom.attr(n, "src")
            .and_then(status_link::parse)
            .filter(|l| l.platform == Platform::LinkedIn)
    })
}
