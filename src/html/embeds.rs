//! Embedded posts read from their markup: Twitter's oEmbed blockquote and every wrapper news
//! sites put around it, and the embeds of Instagram, Bluesky, Facebook, Mastodon, Threads,
//! TikTok and Telegram.
//!
//! ```text
//! <blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">TEXT <a href="https://t.co/x">pic.twitter.com/x</a></p>
//!   &mdash; Name (@handle) <a href="https://twitter.com/handle/status/ID?ref_src=twsrc%5Etfw">December 31, 2019</a></blockquote>
//! <figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">https://twitter.com/h/status/ID</div></figure>
//! <amp-twitter data-tweetid="ID"><blockquote placeholder class="twitter-tweet">…</blockquote></amp-twitter>
//! <div class="embed-twitter" data-embed-id="ID">…</div>       <iframe data-tweet-id="ID" …></iframe>
//! <iframe src="https://platform.twitter.com/embed/Tweet.html?…&id=ID"></iframe>   <iframe src="https://twitframe.com/show?url=STATUS-URL"></iframe>
//! <blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CODE/">… A post shared by Name (@handle)</blockquote>
//! <blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:…/app.bsky.feed.post/RKEY"><p>TEXT</p>&mdash; Name (<a>@handle</a>) <a>DATE</a></blockquote>
//! <div class="fb-post" data-href="https://www.facebook.com/user/posts/ID"><blockquote><p>TEXT</p>Posted by <a>Name</a> on <a>DATE</a></blockquote></div>
//! <iframe class="mastodon-embed" src="https://instance/@user/ID/embed"></iframe>
//! <blockquote class="text-post-media" data-text-post-permalink="https://www.threads.net/@user/post/CODE">…</blockquote>
//! <blockquote class="tiktok-embed" cite="https://www.tiktok.com/@user/video/ID" data-video-id="ID"><section><a href="…/@user?refer=embed">@user</a>
//!   <p>CAPTION <a href="…/tag/x">#x</a></p> <a href="…/music/…">♬ original sound - Name</a></section></blockquote>
//! <iframe src="https://www.tiktok.com/embed/v2/ID"></iframe>
//! <script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="channel/43" data-width="100%"></script>
//! <blockquote class="telegram-post" data-telegram-post="channel/43"></blockquote>
//! <iframe id="telegram-post-channel-43" src="https://t.me/channel/43?embed=1"></iframe>
//! ```
//!
//! A tweet's text is its `<p>` as shown (links as their shown text, `<br>` as `\n`); its author
//! comes from the `— Name (@handle)` tail, else from the status link; its date from the status id
//! (UTC day of the snowflake time), else from the date link in the page's `data-lang`. A tweet
//! nested inside another is the post it quotes, or the post it replies to when it stands before
//! the outer tweet's own text.
//!
//! Telegram's embed is a script (or a `blockquote.telegram-post` the same script picks up) that
//! the widget replaces with a frame at load time: nothing of the post is in the page, so each of
//! the three gives a post known by its id alone (`telegram:<channel>/<number>`), and a page saved
//! after rendering, which keeps both the frame and the script, gives one post with two
//! appearances. A widget with `data-comment` shows a comment of the post, not the post, and a
//! discussion widget (`data-telegram-discussion`, frames with `discussion=1`) its comments: none
//! gives a post.

use super::dom::{Dom, Flow, NodeId};
use crate::detect::Sighting;
use crate::model::{AppearanceKind, Author, Platform};
use crate::post::date::{self, Date};
use crate::post::status_link::{self, StatusLink};

/// A post read from markup, with what post-processing needs beyond the sighting.
#[derive(Debug, Clone)]
pub struct Found {
    /// The post as seen.
    pub sighting: Sighting,
    /// The `href` of each link in the post's text with the text it shows.
    pub links: Vec<(String, String)>,
    /// Status id of the post this one replies to (`data-in-reply-to`), to resolve on the page.
    pub in_reply_to: Option<String>,
}

/// Every embed on the page, in document order, and the elements they occupy (to leave out of
/// the article text).
#[derive(Debug, Default)]
pub struct Embeds {
    /// The posts.
    pub found: Vec<Found>,
    /// Elements occupied by embeds (wrappers included).
    pub taken: Vec<NodeId>,
}

/// How deep tweets nested in tweets are read (a quote of a quote); deeper ones are ignored,
/// which keeps the work linear.
const MAX_NESTING: usize = 2;

/// Elements whose content is never an embed nor prose.
const SKIP: [&str; 6] = ["head", "script", "style", "template", "noscript", "svg"];

/// Finds every embed below `root`.
///
/// # Complexity
/// Linear in the number of nodes: each element is classified once, and an embed's subtree is
/// read once and not entered again.
pub fn scan(dom: &Dom, lang: Option<&str>) -> Embeds {
    let mut out = Embeds::default();
    let mut stack = vec![0];
    while let Some(n) = stack.pop() {
        let name = dom.name(n);
        if name == "script" {
            // The script's content is never read; its attributes may be Telegram's embed.
            if let Some(f) = telegram_widget(dom, n).and_then(|l| bare(dom, n, l)) {
                out.found.push(f);
                out.taken.push(n);
            }
            continue;
        }
        if SKIP.contains(&name) {
            continue;
        }
        let before = out.found.len();
        if read_embed(dom, n, lang, &mut out.found) {
            if out.found.len() > before {
                out.taken.push(n);
            }
            continue;
        }
        stack.extend(dom.children(n).iter().rev());
    }
    resolve_replies(&mut out.found);
    out
}

/// Reads the embed `n` is, if it is one; returns whether `n` was an embed container (its
/// subtree is then not searched further).
fn read_embed(dom: &Dom, n: NodeId, lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    let name = dom.name(n);
    if name.is_empty() {
        return false;
    }
    if name == "blockquote" && is_tweet_blockquote(dom, n) {
        read_tweet_tree(dom, n, lang, None, 0, out);
        return true;
    }
    if is_twitter_wrapper(dom, n) {
        let wrapper_id = ["data-tweetid", "data-tweet-id", "data-embed-id", "data-id"]
            .iter()
            .find_map(|a| dom.attr(n, a))
            .filter(|v| is_digits(v))
            .map(str::to_string);
        match dom.find(n, |d| {
            d != n && dom.is(d, "blockquote") && is_tweet_blockquote(dom, d)
        }) {
            Some(bq) => read_tweet_tree(dom, bq, lang, wrapper_id, 0, out),
            None => read_bare_tweet(dom, n, wrapper_id, out),
        }
        return true;
    }
    if name == "iframe" {
        if let Some(id) = dom.attr(n, "data-tweet-id").filter(|v| is_digits(v)) {
            read_bare_tweet(dom, n, Some(id.to_string()), out);
            return true;
        }
        if let Some(link) = dom.attr(n, "src").and_then(tweet_frame_src) {
            out.extend(bare(dom, n, link));
            return true;
        }
        if let Some(link) = dom.attr(n, "src").and_then(tiktok_frame_src) {
            out.extend(bare(dom, n, link));
            return true;
        }
        if let Some(link) = telegram_frame(dom, n) {
            out.extend(bare(dom, n, link));
            return true;
        }
        if dom.has_class(n, "mastodon-embed") {
            if let Some(f) = dom
                .attr(n, "src")
                .and_then(|src| bare(dom, n, status_link::parse_mastodon(src)?))
            {
                out.push(f);
            }
            return true;
        }
    }
    if name == "blockquote" && dom.has_class(n, "mastodon-embed") {
        let link = dom
            .attr(n, "data-embed-url")
            .and_then(status_link::parse_mastodon)
            .or_else(|| first_link(dom, n, status_link::parse_mastodon));
        out.extend(link.and_then(|l| bare(dom, n, l)));
        return true;
    }
    if name == "blockquote" && dom.has_class(n, "instagram-media") {
        out.extend(read_instagram(dom, n));
        return true;
    }
    if name == "blockquote" && dom.has_class(n, "tiktok-embed") {
        out.extend(read_tiktok(dom, n));
        return true;
    }
    if name == "blockquote" && dom.has_class(n, "telegram-post") {
        // A page's own blockquote may carry the class: only one that names a post is an embed.
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
    }
    if name == "blockquote" && dom.has_class(n, "bluesky-embed") {
        out.extend(read_bluesky(dom, n, lang));
        return true;
    }
    if name == "blockquote" && dom.has_class(n, "text-post-media") {
        let link = dom
            .attr(n, "data-text-post-permalink")
            .and_then(status_link::parse)
            .or_else(|| first_link(dom, n, on(Platform::Threads)));
        out.extend(
            link.filter(|l| l.platform == Platform::Threads)
                .and_then(|l| bare(dom, n, l)),
        );
        return true;
    }
    if dom.has_class(n, "fb-post")
        || name == "blockquote" && dom.has_class(n, "fb-xfbml-parse-ignore")
    {
        out.extend(read_facebook(dom, n, lang));
        return true;
    }
    false
}

/// `blockquote.twitter-tweet` (any extra classes), `twitter-video`, or Twitter's markup with its
/// class stripped by a sanitizer or a feed: a blockquote whose last link of its own (the date) is
/// a tweet's status link and whose own text signs with `(@handle)`. Only the blockquote's
/// children are looked at, so nested blockquotes cost linear time.
fn is_tweet_blockquote(dom: &Dom, n: NodeId) -> bool {
    if dom.has_class(n, "twitter-tweet") || dom.has_class(n, "twitter-video") {
        return true;
    }
    let children = dom.children(n);
    let last_link = children
        .iter()
        .rev()
        .find(|&&c| dom.is(c, "a"))
        .and_then(|&c| dom.attr(c, "href"));
    last_link
        .and_then(status_link::parse)
        .is_some_and(|s| s.platform == Platform::Twitter)
        && children
            .iter()
            .any(|&c| dom.text(c).is_some_and(|t| t.contains("(@")))
}

/// Wrappers around a tweet: WordPress figures, AMP, CNN-style divs, rendered widgets.
fn is_twitter_wrapper(dom: &Dom, n: NodeId) -> bool {
    match dom.name(n) {
        "amp-twitter" | "twitter-widget" => true,
        "figure" => {
            dom.has_class(n, "is-provider-twitter") || dom.has_class(n, "wp-block-embed-twitter")
        }
        "div" => {
            dom.has_class(n, "embed-twitter")
                || dom.has_class(n, "twitter-tweet-rendered")
                || dom.has_class(n, "twitter-tweet") && dom.attr(n, "data-tweet-id").is_some()
        }
        _ => false,
    }
}

/// Reads a tweet blockquote and the tweets nested in it (quoted or replied-to posts).
fn read_tweet_tree(
    dom: &Dom,
    bq: NodeId,
    lang: Option<&str>,
    id_hint: Option<String>,
    depth: usize,
    out: &mut Vec<Found>,
) {
    let lang = dom.attr(bq, "data-lang").or(lang);
    // Nested tweets, read first so the outer one can point at them.
    let mut before_text = Vec::new();
    let mut after_text = Vec::new();
    let text_p = text_paragraph(dom, bq);
    let text_start = text_p.map_or(usize::MAX, |p| dom.span(p).start);
    for &c in dom.children(bq) {
        if depth < MAX_NESTING && dom.is(c, "blockquote") && is_tweet_blockquote(dom, c) {
            let at = out.len();
            read_tweet_tree(dom, c, lang, None, depth + 1, out);
            if out.len() > at {
                let slot = if dom.span(c).start < text_start {
                    &mut before_text
                } else {
                    &mut after_text
                };
                slot.push(out.len() - 1);
            }
        }
    }
    let Some(mut found) = read_tweet(dom, bq, text_p, lang, id_hint) else {
        return;
    };
    if let Some(&parent) = before_text.last() {
        found.sighting.reply_to = out
            .get(parent)
            .and_then(|p| p.sighting.author.handle.clone());
    }
    if let Some(&quoted) = after_text.first() {
        found.sighting.quotes = Some(quoted);
    }
    out.push(found);
}

/// The `<p>` holding a tweet's text: a child `p` (first), else the first `p` below that is not
/// inside a nested tweet.
fn text_paragraph(dom: &Dom, bq: NodeId) -> Option<NodeId> {
    if let Some(&p) = dom.children(bq).iter().find(|&&c| dom.is(c, "p")) {
        return Some(p);
    }
    let mut stack: Vec<NodeId> = dom.children(bq).iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        if dom.is(n, "blockquote") {
            continue;
        }
        if dom.is(n, "p") {
            return Some(n);
        }
        stack.extend(dom.children(n).iter().rev());
    }
    None
}

/// Reads one tweet blockquote (nested tweets left out).
fn read_tweet(
    dom: &Dom,
    bq: NodeId,
    text_p: Option<NodeId>,
    lang: Option<&str>,
    id_hint: Option<String>,
) -> Option<Found> {
    let nested = |n: NodeId| n != bq && dom.is(n, "blockquote");
    let (text, links) = match text_p {
        Some(p) => shown_text(dom, p),
        None => (String::new(), Vec::new()),
    };
    // The tail: everything after the text paragraph (or all of it when there is none).
    let mut tail = Flow::default();
    let mut tail_links = Vec::new();
    let after = text_p.map_or(0, |p| dom.span(p).end);
    for &c in dom.children(bq) {
        if Some(c) == text_p || nested(c) || dom.span(c).start < after {
            continue;
        }
        dom.flow(c, &mut tail, &nested);
        collect_links(dom, c, &nested, &mut tail_links);
    }
    let tail = tail.finish();
    let status = tail_links
        .iter()
        .rev()
        .find_map(|(href, _)| status_link::parse(href).filter(|s| s.platform == Platform::Twitter))
        .or_else(|| {
            links.iter().rev().find_map(|(h, _)| {
                status_link::parse(h).filter(|s| s.platform == Platform::Twitter)
            })
        });
    let sig = signature(&tail);
    let status_id = status.as_ref().map(|s| s.id.clone()).or(id_hint);
    let handle = sig
        .handle
        .clone()
        .or_else(|| status.as_ref().and_then(|s| s.handle.clone()));
    let date_text = tail_links
        .iter()
        .rev()
        .find(|(href, _)| status_link::parse(href).is_some())
        .map(|(_, shown)| shown.as_str())
        .or(sig.rest.as_deref());
    let datetime = dom
        .find(bq, |n| dom.attr(n, "data-datetime").is_some())
        .and_then(|n| dom.attr(n, "data-datetime"));
    let date = status_id
        .as_deref()
        .and_then(|id| status_link::created_date(Platform::Twitter, id))
        .or_else(|| datetime.and_then(status_link::iso_date))
        .or_else(|| date_text.and_then(|t| parse_date(t, lang)));
    if status_id.is_none() && handle.is_none() && text.is_empty() {
        return None;
    }
    let in_reply_to = dom
        .attr(bq, "data-in-reply-to")
        .filter(|v| is_digits(v))
        .map(str::to_string);
    Some(Found {
        sighting: sighting(
            dom,
            bq,
            Platform::Twitter,
            Author {
                name: sig.name,
                handle,
            },
            date,
            text,
            status_id,
        ),
        links,
        in_reply_to,
    })
}

/// The tweet a frame shows from its `src`: Twitter's own widget frame
/// (`platform.twitter.com/embed/Tweet.html?…&id=ID`) or a frame service given the status link
/// as its `url` parameter (`twitframe.com/show?url=…`).
fn tweet_frame_src(src: &str) -> Option<StatusLink> {
    let src = if src.starts_with("//") {
        format!("https:{src}")
    } else {
        src.to_string()
    };
    let url = url::Url::parse(&src).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let widget = host == "platform.twitter.com" || host == "platform.x.com";
    for (key, value) in url.query_pairs() {
        if widget && key == "id" && is_digits(&value) {
            return Some(StatusLink {
                platform: Platform::Twitter,
                handle: None,
                id: value.into_owned(),
            });
        }
        if key == "url" {
            if let Some(link) =
                status_link::parse(&value).filter(|l| l.platform == Platform::Twitter)
            {
                return Some(link);
            }
        }
    }
    None
}

/// A post known only by its status link (script-only embeds, rendered iframes, bare URLs).
fn read_bare_tweet(dom: &Dom, n: NodeId, id: Option<String>, out: &mut Vec<Found>) {
    let link = first_link(dom, n, |h| {
        status_link::parse(h).filter(|s| s.platform == Platform::Twitter)
    })
    .or_else(|| dom.attr(n, "src").and_then(status_link::parse))
    .or_else(|| {
        let text = dom.inner_text(n);
        text.split_whitespace()
            .find_map(|w| status_link::parse(w).filter(|s| s.platform == Platform::Twitter))
    });
    let id = id.or_else(|| {
        let inner = dom.find(n, |d| dom.attr(d, "data-tweet-id").is_some_and(is_digits))?;
        dom.attr(inner, "data-tweet-id").map(str::to_string)
    });
    let link = match (link, id) {
        (Some(l), _) => l,
        (None, Some(id)) => StatusLink {
            platform: Platform::Twitter,
            handle: None,
            id,
        },
        (None, None) => return,
    };
    out.extend(bare(dom, n, link));
}

/// A post with id, handle and URL only (empty text).
fn bare(dom: &Dom, n: NodeId, link: StatusLink) -> Option<Found> {
    let date = status_link::created_date(link.platform, &link.id);
    let author = Author {
        name: None,
        handle: link.handle,
    };
    Some(Found {
        sighting: sighting(
            dom,
            n,
            link.platform,
            author,
            date,
            String::new(),
            Some(link.id),
        ),
        links: Vec::new(),
        in_reply_to: None,
    })
}

/// Instagram: the permalink gives the shortcode; "A post shared by Name (@handle)" (localized)
/// the author; a captioned embed's first paragraph the text; `<time datetime>` the date.
fn read_instagram(dom: &Dom, n: NodeId) -> Option<Found> {
    let link = dom
        .attr(n, "data-instgrm-permalink")
        .and_then(status_link::parse)
        .or_else(|| first_link(dom, n, on(Platform::Instagram)))
        .filter(|l| l.platform == Platform::Instagram)?;
    let paragraphs: Vec<NodeId> = dom
        .descendants(n)
        .into_iter()
        .filter(|&d| dom.is(d, "p"))
        .collect();
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

/// TikTok: `cite` gives the video id and author (else `data-video-id`, with the author from the
/// `@handle` profile link); the caption `<p>` the text — or, where a page has no `<p>`, the
/// embed's text without the `@handle` link and the `♬ sound` link; the id the date.
///
/// A blockquote without any id is left to the article text, where the flattened form is read.
fn read_tiktok(dom: &Dom, n: NodeId) -> Option<Found> {
    let links: Vec<NodeId> = dom
        .descendants(n)
        .into_iter()
        .filter(|&a| dom.is(a, "a"))
        .collect();
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

/// The post a Telegram widget element (`script` or `blockquote.telegram-post`) names in
/// `data-telegram-post`: `channel/number`, or a post link (`t.me/channel/43`, with or without
/// its scheme) where a site writes one. A widget
/// with `data-comment` shows a comment of that post, not the post: `None`.
fn telegram_widget(dom: &Dom, n: NodeId) -> Option<StatusLink> {
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
    s.status_id = Some(link.id);
    Some(found)
}

/// Facebook: `data-href` (or the blockquote's `cite`) gives the post id and user; the text is the
/// `<p>`; "Posted by <a>Name</a> on <a>DATE</a>" gives the name and date.
fn read_facebook(dom: &Dom, n: NodeId, lang: Option<&str>) -> Option<Found> {
    let bq = if dom.is(n, "blockquote") {
        Some(n)
    } else {
        dom.find(n, |d| dom.is(d, "blockquote"))
    };
    let link = dom
        .attr(n, "data-href")
        .or_else(|| bq.and_then(|b| dom.attr(b, "cite")))
        .and_then(status_link::parse)
        .or_else(|| first_link(dom, n, on(Platform::Facebook)))
        .filter(|l| l.platform == Platform::Facebook)?;
    let body = bq.unwrap_or(n);
    let p = text_paragraph(dom, body);
    let (text, links) = p.map(|p| shown_text(dom, p)).unwrap_or_default();
    let after = p.map_or(0, |p| dom.span(p).end);
    let tail_links: Vec<NodeId> = dom
        .descendants(body)
        .into_iter()
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

/// Builds the sighting of an embed occupying element `n`.
fn sighting(
    dom: &Dom,
    n: NodeId,
    platform: Platform,
    author: Author,
    date: Option<Date>,
    text: String,
    status_id: Option<String>,
) -> Sighting {
    let span = dom.span(n);
    Sighting {
        platform,
        kind: AppearanceKind::Html,
        author,
        date,
        text,
        reply_to: None,
        quotes: None,
        status_id,
        start: span.start,
        end: span.end,
    }
}

/// The text of a post paragraph as shown, and its links (`href`, shown text).
fn shown_text(dom: &Dom, p: NodeId) -> (String, Vec<(String, String)>) {
    let mut flow = Flow::default();
    dom.flow(p, &mut flow, &|_| false);
    let mut links = Vec::new();
    collect_links(dom, p, &|_| false, &mut links);
    (flow.finish(), links)
}

/// The links at or below `n` (not entering `skip`), as (`href`, shown text).
fn collect_links(
    dom: &Dom,
    n: NodeId,
    skip: &dyn Fn(NodeId) -> bool,
    out: &mut Vec<(String, String)>,
) {
    let mut stack = vec![n];
    while let Some(d) = stack.pop() {
        if skip(d) {
            continue;
        }
        if dom.is(d, "a") {
            if let Some(href) = dom.attr(d, "href") {
                out.push((href.to_string(), dom.inner_text(d)));
            }
        }
        stack.extend(dom.children(d).iter().rev());
    }
}

/// A status link parser that only accepts `platform`'s links, so that a link to another
/// network's post standing first in an embed (in its caption, say) does not hide its own.
fn on(platform: Platform) -> impl Fn(&str) -> Option<StatusLink> {
    move |href| status_link::parse(href).filter(|l| l.platform == platform)
}

/// The first link at or below `n` that `parse` accepts.
fn first_link(
    dom: &Dom,
    n: NodeId,
    parse: impl Fn(&str) -> Option<StatusLink>,
) -> Option<StatusLink> {
    dom.descendants(n)
        .into_iter()
        .filter(|&a| dom.is(a, "a"))
        .find_map(|a| dom.attr(a, "href").and_then(&parse))
}

/// The parts of an embed's `— Name (@handle) Date` tail.
#[derive(Debug, Default)]
struct Signature {
    name: Option<String>,
    handle: Option<String>,
    /// What follows the closing parenthesis (the printed date), trimmed.
    rest: Option<String>,
}

/// Reads `— Name (@handle) Date` (the dash optional, the handle any network's).
fn signature(tail: &str) -> Signature {
    let tail = tail.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '—' | '–' | '―' | '-' | '\u{a0}')
    });
    let Some(open) = tail.rfind("(@") else {
        return Signature::default();
    };
    let inner = tail.get(open + 2..).unwrap_or("");
    let Some(close) = inner.find(')') else {
        return Signature::default();
    };
    let handle = inner.get(..close).unwrap_or("").trim();
    let valid = !handle.is_empty() && handle.len() <= 253 && !handle.contains(char::is_whitespace);
    let name = tail.get(..open).unwrap_or("").trim();
    let rest = inner.get(close + 1..).unwrap_or("").trim();
    Signature {
        name: (!name.is_empty()).then(|| name.to_string()),
        handle: valid.then(|| handle.to_string()),
        rest: (!rest.is_empty()).then(|| rest.to_string()),
    }
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

/// A printed date in the page's language.
fn parse_date(text: &str, lang: Option<&str>) -> Option<Date> {
    let t = text.trim();
    date::parse_prefix(t, lang).map(|(d, _)| d)
}

/// Whether `s` is a non-empty run of ASCII digits.
fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Sets `reply_to` from `data-in-reply-to` where the replied-to post is on the page.
fn resolve_replies(found: &mut [Found]) {
    let handles: std::collections::HashMap<String, String> = found
        .iter()
        .filter_map(|f| {
            Some((
                f.sighting.status_id.clone()?,
                f.sighting.author.handle.clone()?,
            ))
        })
        .collect();
    for f in found.iter_mut() {
        if f.sighting.reply_to.is_none() {
            if let Some(h) = f.in_reply_to.as_ref().and_then(|id| handles.get(id)) {
                f.sighting.reply_to = Some(h.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        let s = signature("— Ana M. Ruiz (@MayorAnaRuiz) March 3, 2021");
        assert_eq!(s.name.as_deref(), Some("Ana M. Ruiz"));
        assert_eq!(s.handle.as_deref(), Some("MayorAnaRuiz"));
        assert_eq!(s.rest.as_deref(), Some("March 3, 2021"));
        assert_eq!(signature("no signature").handle, None);
        assert_eq!(signature("— x (@").handle, None);
    }

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
