//! Telegram: the widget script, the `telegram-post` blockquote the same script picks up, and the
//! frame the widget renders.
//!
//! ```text
//! <script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="channel/43" data-width="100%"></script>
//! <blockquote class="telegram-post" data-telegram-post="channel/43"></blockquote>
//! <iframe id="telegram-post-channel-43" src="https://t.me/channel/43?embed=1"></iframe>
//! ```
//!
//! The widget replaces itself with a frame at load time: nothing of the post is in the page, so
//! each of the three gives a post known by its id alone (`telegram:<channel>/<number>`), and a
//! page saved after rendering, which keeps both the frame and the script, gives one post with
//! two appearances. A widget with `data-comment` shows a comment of the post, not the post, and
//! a discussion widget (`data-telegram-discussion`, frames with `discussion=1`) its comments:
//! none gives a post.

use super::{bare, first_link, read_bare_frame, Found};
use crate::html::dom::{Dom, NodeId};
use crate::model::Platform;
use crate::post::status_link::{self, StatusLink};

/// A frame rendered by the widget.
pub(super) fn read_frame(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    read_bare_frame(dom, n, out, telegram_frame)
}

/// `blockquote.telegram-post`. A page's own blockquote may carry the class: only one that
/// names a post is an embed.
pub(super) fn read_blockquote(
    dom: &Dom,
    n: NodeId,
    _lang: Option<&str>,
    out: &mut Vec<Found>,
) -> bool {
    if !(dom.name(n) == "blockquote" && dom.has_class(n, "telegram-post")) {
        return false;
    }
    if let Some(f) = telegram_widget(dom, n)
        .or_else(|| {
            first_link(dom, n, |h| {
                status_link::parse(h).filter(|l| l.platform == Platform::Telegram)
            })
        })
        .and_then(|l| bare(dom, n, l))
    {
        out.push(f);
        return true;
    }
    false
}

/// The post a Telegram widget element (`script` or `blockquote.telegram-post`) names in
/// `data-telegram-post`: `channel/number`, or a post link (`t.me/channel/43`, with or without
/// its scheme) where a site writes one. A widget
/// with `data-comment` shows a comment of that post, not the post: `None`.
pub(super) fn telegram_widget(dom: &Dom, n: NodeId) -> Option<StatusLink> {
    let value = dom.attr(n, "data-telegram-post")?.trim();
    if dom
        .attr(n, "data-comment")
        .is_some_and(|c| !c.trim().is_empty())
    {
        return None;
    }
    if value.contains('.') {
        let link = if value.contains("://") {
            value.to_string()
        } else {
            format!("https://{value}")
        };
        return status_link::parse(&link).filter(|l| l.platform == Platform::Telegram);
    }
    let (channel, number) = value.trim_matches('/').split_once('/')?;
    Some(StatusLink {
        platform: Platform::Telegram,
        id: status_link::telegram_id(channel, number)?,
        handle: Some(channel.to_string()),
    })
}

/// The post a frame shows as Telegram's widget renders it: `src` (else a lazy loader's
/// `data-src`) a post link on t.me (`https://t.me/channel/43?embed=1&userpic=false`), else the
/// widget's frame id `telegram-post-channel-43`. A discussion frame (`discussion=1`) shows the
/// post's comments, not the post: `None`.
fn telegram_frame(dom: &Dom, n: NodeId) -> Option<StatusLink> {
    let src = dom
        .attr(n, "src")
        .or_else(|| dom.attr(n, "data-src"))
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(src) = src {
        let src = match src.strip_prefix("//") {
            Some(rest) => format!("https://{rest}"),
            None => src.to_string(),
        };
        let url = url::Url::parse(&src).ok()?;
        if url.query_pairs().any(|(k, _)| k == "discussion") {
            return None;
        }
        return status_link::parse(&src).filter(|l| l.platform == Platform::Telegram);
    }
    // `telegram-post-` + the widget's `channel/number` with every other character than letters,
    // digits and `_` made `-`; channel names have no `-`, so the number is after the last one.
    let rest = dom.attr(n, "id")?.strip_prefix("telegram-post-")?;
    let (channel, number) = rest.rsplit_once('-')?;
    Some(StatusLink {
        platform: Platform::Telegram,
        id: status_link::telegram_id(channel, number)?,
        handle: Some(channel.to_string()),
    })
}
