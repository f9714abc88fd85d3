//! Bare status links: a post's URL alone on its line, where the page's embed script never ran
//! (WordPress and most CMSs turn such a line into an embed in the browser; flattened, only the
//! link is left).
//!
//! ```text
//! The storm reached the coast at noon.
//!
//! https://twitter.com/RiverReport/status/1211976404581683200
//! ```
//!
//! The link names the post (its network and id, often its author's handle) but shows none of its
//! text: the sighting is an id-only post of kind [`AppearanceKind::Link`], its date the one its
//! id encodes where the network's ids do (Twitter's snowflakes, TikTok, Bluesky, Mastodon).

use super::paragraphs::Paras;
use super::Sighting;
use crate::document::Document;
use crate::model::{AppearanceKind, Author};
use crate::post::status_link as status;

/// Longest line read as a link, in bytes.
const MAX_LINK_BYTES: usize = 600;

/// Finds the unclaimed lines that are one status link and nothing else; marks them used.
pub fn scan(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    for (k, para) in paras.list.iter().enumerate() {
        let line = &text[para.range.clone()];
        if claimed[k] || line.len() > MAX_LINK_BYTES || line.contains(char::is_whitespace) {
            continue;
        }
        let Some(link) = read_link(line) else {
            continue;
        };
        claimed[k] = true;
        out.push(Sighting {
            platform: link.platform,
            kind: AppearanceKind::Link,
            author: Author {
                name: None,
                handle: link.handle,
            },
            date: status::created_date(link.platform, &link.id),
            text: String::new(),
            extra: super::Extra::of(None, None, Some(link.id)),
            start: para.range.start,
            end: para.range.end,
        });
    }
}

/// The status a line names: a URL with or without its scheme, in angle brackets or not.
fn read_link(line: &str) -> Option<status::StatusLink> {
    let line = line
        .strip_prefix('<')
        .and_then(|l| l.strip_suffix('>'))
        .unwrap_or(line);
    if line.starts_with("https://") || line.starts_with("http://") {
        return status::parse(line);
    }
    let host = line.split('/').next()?;
    let known = [
        "twitter.com",
        "x.com",
        "mobile.twitter.com",
        "www.twitter.com",
        "instagram.com",
        "www.instagram.com",
        "bsky.app",
        "www.tiktok.com",
        "www.threads.net",
    ];
    known
        .contains(&host)
        .then(|| status::parse(&format!("https://{line}")))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Platform;

    #[test]
    fn status_links() {
        let s =
            read_link("https://twitter.com/RiverReport/status/1211976404581683200?s=20").unwrap();
        assert_eq!(s.platform, Platform::Twitter);
        assert_eq!(s.handle.as_deref(), Some("RiverReport"));
        assert_eq!(s.id, "1211976404581683200");
        let s = read_link("x.com/i/web/status/1211976404581683200").unwrap();
        assert_eq!(s.handle, None);
        assert!(read_link("<https://www.instagram.com/p/B6tqG1xAbCd/>").is_some());
    }

    #[test]
    fn other_links_are_no_post() {
        assert!(read_link("https://twitter.com/RiverReport").is_none());
        assert!(read_link("https://twitter.com/intent/tweet?text=x").is_none());
        assert!(read_link("https://example.com/status/1211976404581683200").is_none());
        assert!(read_link("twitter.com").is_none());
    }
}
