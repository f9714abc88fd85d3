//! TikTok: the `tiktok-embed` blockquote and the player frame.
//!
//! ```text
//! <blockquote class="tiktok-embed" cite="https://www.tiktok.com/@user/video/ID" data-video-id="ID"><section><a href="…/@user?refer=embed">@user</a>
//!   <p>CAPTION <a href="…/tag/x">#x</a></p> <a href="…/music/…">♬ original sound - Name</a></section></blockquote>
//! <iframe src="https://www.tiktok.com/embed/v2/ID"></iframe>
//! ```

use super::{
    collect_links, is_digits, read_bare_frame, shown_text, sighting, text_paragraph, Found,
};
use crate::html::dom::{Dom, Flow, NodeId};
use crate::model::{Author, Platform};
use crate::post::status_link::{self, StatusLink};

/// A player frame, known by the video's id alone.
pub(super) fn read_frame(dom: &Dom, n: NodeId, _lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    read_bare_frame(dom, n, out, |dom, n| {
        dom.attr(n, "src").and_then(tiktok_frame_src)
    })
}

/// `blockquote.tiktok-embed`.
pub(super) fn read_blockquote(
    dom: &Dom,
    n: NodeId,
    _lang: Option<&str>,
    out: &mut Vec<Found>,
) -> bool {
    if dom.name(n) == "blockquote" && dom.has_class(n, "tiktok-embed") {
        out.extend(read_tiktok(dom, n));
        return true;
    }
    false
}

/// TikTok: `cite` gives the video id and author (else `data-video-id`, with the author from the
/// `@handle` profile link); the caption `<p>` the text — or, where a page has no `<p>`, the
/// embed's text without the `@handle` link and the `♬ sound` link; the id the date.
///
/// A blockquote without any id is left to the article text, where the flattened form is read.
fn read_tiktok(dom: &Dom, n: NodeId) -> Option<Found> {
    let links: Vec<NodeId> = dom.descendants(n).filter(|&a| dom.is(a, "a")).collect();
    // The author's profile link: `href=".../@user?refer=embed"`, or a link showing `@user`.
    let profile = links.iter().find_map(|&a| {
        let handle = dom.attr(a, "href").and_then(tiktok_profile).or_else(|| {
            let h = link_label(dom, a)?.strip_prefix('@')?;
            status_link::is_tiktok_handle(h).then(|| h.to_string())
        })?;
        Some((a, handle))
    });
    let link = dom
        .attr(n, "cite")
        .and_then(status_link::parse)
        .filter(|l| l.platform == Platform::TikTok)
        .or_else(|| {
            let id = dom.attr(n, "data-video-id").filter(|v| is_digits(v))?;
            Some(StatusLink {
                platform: Platform::TikTok,
                handle: profile.as_ref().map(|(_, h)| h.clone()),
                id: id.to_string(),
            })
        })?;
    let (text, text_links) = match text_paragraph(dom, n) {
        Some(p) => shown_text(dom, p),
        None => {
            let author_link = profile.as_ref().map(|&(a, _)| a);
            let skip = |d: NodeId| {
                Some(d) == author_link
                    || dom.is(d, "a")
                        && (dom.attr(d, "href").is_some_and(|h| h.contains("/music/"))
                            || link_label(dom, d).is_some_and(|l| l.starts_with('♬')))
            };
            let mut flow = Flow::default();
            dom.flow(n, &mut flow, &skip);
            let mut found = Vec::new();
            collect_links(dom, n, &skip, &mut found);
            (flow.finish(), found)
        }
    };
    let date = status_link::created_date(Platform::TikTok, &link.id);
    let author = Author {
        name: None,
        handle: link.handle.or_else(|| profile.map(|(_, h)| h)),
    };
    Some(Found {
        sighting: sighting(dom, n, Platform::TikTok, author, date, text, Some(link.id)),
        links: text_links,
        in_reply_to: None,
    })
}

/// What a link says at a glance, without reading its whole subtree (constant work per link):
/// its `title`, else its first child's text, trimmed.
fn link_label<'d>(dom: &'d Dom, a: NodeId) -> Option<&'d str> {
    let label = match dom.attr(a, "title") {
        Some(t) => t,
        None => dom.children(a).first().and_then(|&c| dom.text(c))?,
    };
    Some(label.trim())
}

/// The handle of a TikTok profile link (`https://www.tiktok.com/@user?refer=embed`).
fn tiktok_profile(href: &str) -> Option<String> {
    let url = url::Url::parse(href.trim()).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    if !matches!(
        host.as_str(),
        "tiktok.com" | "www.tiktok.com" | "m.tiktok.com"
    ) {
        return None;
    }
    let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
    let handle = segments.next()?.strip_prefix('@')?;
    (segments.next().is_none() && status_link::is_tiktok_handle(handle)).then(|| handle.to_string())
}

/// The video a TikTok player frame shows: `https://www.tiktok.com/embed/v2/ID` or
/// `/embed/ID` (query strings ignored), known by its id alone.
fn tiktok_frame_src(src: &str) -> Option<StatusLink> {
    let src = src.trim();
    let src = match src.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => src.to_string(),
    };
    let url = url::Url::parse(&src).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    if !matches!(
        host.as_str(),
        "tiktok.com" | "www.tiktok.com" | "m.tiktok.com"
    ) {
        return None;
    }
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let id = match segments.as_slice() {
        ["embed", "v2", id] | ["embed", id] => *id,
        _ => return None,
    };
    (is_digits(id) && id.len() <= 20 && id.parse::<u64>().is_ok()).then(|| StatusLink {
        platform: Platform::TikTok,
        handle: None,
        id: id.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiktok_frames_and_profiles() {
        let id = |src: &str| tiktok_frame_src(src).map(|l| l.id);
        let want = Some("6718335390845095173".to_string());
        assert_eq!(
            id("https://www.tiktok.com/embed/v2/6718335390845095173"),
            want
        );
        assert_eq!(
            id("https://www.tiktok.com/embed/6718335390845095173?lang=en"),
            want
        );
        assert_eq!(id("//www.tiktok.com/embed/v2/6718335390845095173/"), want);
        assert_eq!(id("https://www.tiktok.com/embed/v2/abc"), None);
        assert_eq!(
            id("https://www.tiktok.com/embed/v2/6718335390845095173/x"),
            None
        );
        assert_eq!(
            id("https://www.youtube.com/embed/6718335390845095173"),
            None
        );
        assert_eq!(
            tiktok_profile("https://www.tiktok.com/@jane.doe_42?refer=embed").as_deref(),
            Some("jane.doe_42")
        );
        assert_eq!(
            tiktok_profile("https://www.tiktok.com/tag/foryoupage?refer=embed"),
            None
        );
        assert_eq!(tiktok_profile("https://www.tiktok.com/@jane/video/1"), None);
    }
}
