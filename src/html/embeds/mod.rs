//! Embedded posts read from their markup: one file per network, each a reader that says
//! whether an element is its embed and reads it. [`scan`] walks the page once and offers each
//! element to the readers of [`READERS`] in turn.
//!
//! A tweet's text is its `<p>` as shown (links as their shown text, `<br>` as `\n`); its author
//! comes from the `— Name (@handle)` tail, else from the status link; its date from the status id
//! (UTC day of the snowflake time), else from the date link in the page's `data-lang`. A tweet
//! nested inside another is the post it quotes, or the post it replies to when it stands before
//! the outer tweet's own text. The other networks' embeds follow the same pattern where their
//! markup allows, and are known by their status link alone where it does not.

mod bluesky;
mod facebook;
mod instagram;
mod linkedin;
mod mastodon;
mod reddit;
mod telegram;
mod threads;
mod tiktok;
mod twitter;

use super::dom::{decoded, Dom, Flow, NodeId};
use super::tokens::StartTag;
use crate::detect::Sighting;
use crate::model::{AppearanceKind, Author, Platform};
use crate::post::date::{self, Date};
use crate::post::status_link::{self, StatusLink};

/// Reads the embed an element is, if it is one, into `out`; returns whether the element was an
/// embed container (its subtree is then not searched further).
type Reader = fn(&Dom, NodeId, Option<&str>, &mut Vec<Found>) -> bool;

/// The readers, in the order an element is offered to them: the first that takes it wins.
const READERS: [Reader; 15] = [
    twitter::read_blockquote,
    twitter::read_wrapper,
    twitter::read_frame,
    tiktok::read_frame,
    telegram::read_frame,
    facebook::read_frame,
    linkedin::read_frame,
    reddit::read,
    mastodon::read,
    instagram::read,
    tiktok::read_blockquote,
    telegram::read_blockquote,
    bluesky::read,
    threads::read,
    facebook::read,
];

/// Offers `n` to every reader in turn; true when one took it.
fn read_embed(dom: &Dom, n: NodeId, lang: Option<&str>, out: &mut Vec<Found>) -> bool {
    !dom.name(n).is_empty() && READERS.iter().any(|read| read(dom, n, lang, out))
}

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

/// Elements whose content is never an embed nor prose (a `<template>` is entered: pages built
/// from components keep their embeds there).
const SKIP: [&str; 5] = ["head", "script", "style", "noscript", "svg"];

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
            if let Some(f) = telegram::telegram_widget(dom, n).and_then(|l| bare(dom, n, l)) {
                out.found.push(f);
                out.taken.push(n);
            }
            continue;
        }
        if name == "noscript" {
            // A fallback for readers without scripts, kept as raw text by the tokenizer: an
            // embed there (`<noscript><blockquote class="twitter-tweet">…`) is read from it.
            out.found.extend(noscript_embeds(dom, n, lang));
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

/// Classes a reader takes a `<blockquote>` by.
const BLOCKQUOTE_CLASSES: [Marker; 10] = [
    marker("twitter-tweet"),
    marker("twitter-video"),
    marker("instagram-media"),
    marker("tiktok-embed"),
    marker("telegram-post"),
    marker("bluesky-embed"),
    marker("text-post-media"),
    marker("reddit-embed-bq"),
    marker("reddit-card"),
    marker("fb-xfbml-parse-ignore"),
];

/// Classes a reader takes a `<figure>` or a `<div>` by (Twitter's wrappers).
const WRAPPER_CLASSES: [Marker; 3] = [
    marker("provider-twitter"),
    marker("embed-twitter"),
    marker("twitter-tweet"),
];

/// Classes a reader takes any element by.
const ANY_CLASSES: [Marker; 2] = [marker("fb-post"), marker("mastodon-embed")];

/// A class marker, found in a class list at the `-`s of the list.
#[derive(Debug, Clone, Copy)]
struct Marker {
    text: &'static str,
    /// Where its first `-` is (every marker has one, with a byte on each side).
    dash: usize,
    /// The [`pair_bit`] of the bytes around that `-`.
    bit: u64,
}

/// The bit of the pair of bytes `a` `-` `b` (one of 64).
const fn pair_bit(a: u8, b: u8) -> u64 {
    1 << ((a as u64 * 7 + b as u64) % 64)
}

/// The marker `m`.
const fn marker(m: &'static str) -> Marker {
    let b = m.as_bytes();
    let mut i = 1;
    while b[i] != b'-' {
        i += 1;
    }
    Marker {
        text: m,
        dash: i,
        bit: pair_bit(b[i - 1], b[i + 1]),
    }
}

/// The [`pair_bit`]s of `markers`, together (worked out at compile time for the lists above).
const fn bits(markers: &[Marker]) -> u64 {
    let (mut set, mut i) = (0, 0);
    while i < markers.len() {
        set |= markers[i].bit;
        i += 1;
    }
    set
}

/// The marker lists a class list is looked at for, by the element's name (`ANY_CLASSES` and
/// the name's own), with their [`bits`] together: one choice per start tag, no sum per list.
struct Wanted<'m> {
    groups: [&'m [Marker]; 2],
    bits: u64,
}

/// The lists of a `<blockquote>`.
const WANTED_BLOCKQUOTE: Wanted<'static> = Wanted {
    groups: [&ANY_CLASSES, &BLOCKQUOTE_CLASSES],
    bits: bits(&ANY_CLASSES) | bits(&BLOCKQUOTE_CLASSES),
};

/// The lists of a `<figure>` or a `<div>`.
const WANTED_WRAPPER: Wanted<'static> = Wanted {
    groups: [&ANY_CLASSES, &WRAPPER_CLASSES],
    bits: bits(&ANY_CLASSES) | bits(&WRAPPER_CLASSES),
};

/// The lists of any other element.
const WANTED_ANY: Wanted<'static> = Wanted {
    groups: [&ANY_CLASSES, &[]],
    bits: bits(&ANY_CLASSES),
};

/// Whether class list `v` holds one of `groups`' markers (`v.contains(marker)`), looked for at
/// each `-` of `v` only: a marker in `v` has its first `-` on one of them, with the bytes of
/// its [`pair_bit`] around it, and is compared there, byte for byte; most lists have no `-`
/// whose bytes around it are a marker's.
#[cfg(test)]
fn holds_marker(v: &[u8], groups: [&[Marker]; 2]) -> bool {
    holds_wanted(
        v,
        &Wanted {
            groups,
            bits: bits(groups[0]) | bits(groups[1]),
        },
    )
}

/// [`holds_marker`] with the lists' bits already together.
fn holds_wanted(v: &[u8], wanted: &Wanted<'_>) -> bool {
    let groups = wanted.groups;
    let wanted = wanted.bits;
    let mut from = 0;
    while let Some(d) = v
        .get(from..)
        .and_then(|rest| super::tokens::find_byte(b'-', rest))
        .map(|o| from + o)
    {
        from = d + 1;
        let (Some(&a), Some(&b)) = (d.checked_sub(1).and_then(|p| v.get(p)), v.get(d + 1)) else {
            continue;
        };
        let bit = pair_bit(a, b);
        if wanted & bit == 0 {
            continue;
        }
        let found = groups.iter().flat_map(|g| g.iter()).any(|m| {
            m.bit == bit
                && d.checked_sub(m.dash)
                    .and_then(|at| v.get(at..at + m.text.len()))
                    .is_some_and(|there| there == m.text.as_bytes())
        });
        if found {
            return true;
        }
    }
    false
}

/// What the frame readers look for in a frame's `src`, once lowercased and percent-decoded:
/// the hosts of the networks whose frames they read.
const FRAME_HOSTS: [&str; 8] = [
    "twitter",
    "x.com",
    "twitframe",
    "tiktok",
    "t.me",
    "telegram",
    "facebook.com/plugins/",
    "linkedin",
];

/// Whether the element a start tag opens (`name` lowercased) may be an embed, or its wrapper:
/// a superset of what the readers of [`READERS`] and [`scan`] take. A page without one needs no
/// tree. A classless `<blockquote>` may be a tweet only if the page signs one with `(@`, which
/// `signed` answers.
pub fn may_embed(
    source: &str,
    name: &str,
    tag: &StartTag,
    signed: &mut dyn FnMut() -> bool,
) -> bool {
    if matches!(name, "amp-twitter" | "twitter-widget") {
        return true;
    }
    let value = |a: &super::tokens::Attr| decoded(source.get(a.value.0..a.value.1).unwrap_or(""));
    // The markers of any element, and those of this one's name, looked for in one pass over
    // its class lists.
    let wanted = match name {
        "blockquote" => &WANTED_BLOCKQUOTE,
        "figure" | "div" => &WANTED_WRAPPER,
        _ => &WANTED_ANY,
    };
    let bytes = source.as_bytes();
    let marked = tag.attrs.iter().any(|a| {
        // `class` or `classname` in any case, compared as bytes (no character boundaries
        // to check), its length first.
        let attr = bytes.get(a.name.0..a.name.1).unwrap_or_default();
        let class = match attr.len() {
            5 => attr.eq_ignore_ascii_case(b"class"),
            9 => attr.eq_ignore_ascii_case(b"classname"),
            _ => false,
        };
        class && {
            // Decoded only when it has a character reference (most lists have none).
            let raw = bytes.get(a.value.0..a.value.1).unwrap_or_default();
            match super::tokens::find_byte(b'&', raw) {
                Some(_) => {
                    let v = decoded(source.get(a.value.0..a.value.1).unwrap_or(""));
                    holds_wanted(v.as_bytes(), wanted)
                }
                None => holds_wanted(raw, wanted),
            }
        }
    });
    if marked {
        return true;
    }
    match name {
        "blockquote" => signed(),
        "script" => tag.attrs.iter().any(|a| {
            source
                .get(a.name.0..a.name.1)
                .is_some_and(|n| n.eq_ignore_ascii_case("data-telegram-post"))
        }),
        "iframe" => tag.attrs.iter().any(|a| {
            let attr = source.get(a.name.0..a.name.1).unwrap_or("");
            if attr.eq_ignore_ascii_case("data-tweet-id") {
                return true;
            }
            if attr.eq_ignore_ascii_case("id") {
                return value(a).starts_with("telegram-post-");
            }
            (attr.eq_ignore_ascii_case("src") || attr.eq_ignore_ascii_case("data-src"))
                && frame_src_may_embed(&value(a))
        }),
        _ => false,
    }
}

/// Whether a frame's `src` may name a post: one of [`FRAME_HOSTS`] in it once lowercased,
/// rid of the tabs and line breaks a URL parser drops, and percent-decoded twice (a link in
/// a query parameter); anything not ASCII may be a host in another spelling.
fn frame_src_may_embed(src: &str) -> bool {
    if !src.is_ascii() {
        return true;
    }
    let mut s: Vec<u8> = src
        .bytes()
        .filter(|b| !matches!(b, b'\t' | b'\n' | b'\r'))
        .map(|b| b.to_ascii_lowercase())
        .collect();
    for _ in 0..2 {
        s = percent_decode(&s);
    }
    if !s.is_ascii() {
        return true;
    }
    let s = String::from_utf8_lossy(&s).to_ascii_lowercase();
    FRAME_HOSTS.iter().any(|h| s.contains(h))
}

/// `s` with `%XX` sequences decoded (others kept).
fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        let hex = |k: usize| s.get(k).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Whether the text of a `<noscript>` may hold an embed's markup.
pub fn noscript_may_embed(raw: &str) -> bool {
    NOSCRIPT_MARKERS.iter().any(|m| raw.contains(m))
}

/// Markers of embed markup worth parsing a `<noscript>`'s text for.
const NOSCRIPT_MARKERS: [&str; 4] = [
    "twitter-tweet",
    "instagram-media",
    "fb-post",
    "tiktok-embed",
];

/// The embeds in the raw text of a `<noscript>` element, their spans in the page's source.
/// Read one level deep (a `<noscript>` inside one is not entered).
fn noscript_embeds(dom: &Dom, n: NodeId, lang: Option<&str>) -> Vec<Found> {
    let mut found = Vec::new();
    for &child in dom.children(n) {
        let Some(raw) = dom.source_text(child) else {
            continue;
        };
        if !noscript_may_embed(raw) {
            continue;
        }
        let Some(inner) = Dom::parse(raw) else {
            continue;
        };
        let mut here = Vec::new();
        let mut stack = vec![0];
        while let Some(m) = stack.pop() {
            if SKIP.contains(&inner.name(m)) {
                continue;
            }
            if read_embed(&inner, m, lang, &mut here) {
                continue;
            }
            stack.extend(inner.children(m).iter().rev());
        }
        let base = dom.span(child).start;
        for f in &mut here {
            f.sighting.start += base;
            f.sighting.end += base;
        }
        found.append(&mut here);
    }
    found
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

/// Reads an `iframe` whose status link `link_of` finds as an id-only post; true when it was one.
fn read_bare_frame(
    dom: &Dom,
    n: NodeId,
    out: &mut Vec<Found>,
    link_of: impl FnOnce(&Dom, NodeId) -> Option<StatusLink>,
) -> bool {
    if dom.name(n) != "iframe" {
        return false;
    }
    match link_of(dom, n) {
        Some(link) => {
            out.extend(bare(dom, n, link));
            true
        }
        None => false,
    }
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
        extra: crate::detect::Extra::of(None, None, status_id),
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
        .filter(|&a| dom.is(a, "a"))
        .find_map(|a| dom.attr(a, "href").and_then(&parse))
}

/// The parts of an embed's `— Name (@handle) Date` tail.
#[derive(Debug, Default)]
struct MarkupSignature {
    name: Option<String>,
    handle: Option<String>,
    /// What follows the closing parenthesis (the printed date), trimmed.
    rest: Option<String>,
}

/// Reads `— Name (@handle) Date` (the dash optional, the handle any network's).
fn signature(tail: &str) -> MarkupSignature {
    let tail = tail.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '—' | '–' | '―' | '-' | '\u{a0}')
    });
    // `(@handle)`, or with the handle's link on lines of its own, as a JSX source prints the
    // markup (`Haoqun Jiang (⏎<a>⏎@haoqun.dev⏎</a>⏎)`).
    let Some((open, at)) = tail.rmatch_indices('(').find_map(|(i, _)| {
        let after = &tail[i + 1..];
        let pad = after.len() - after.trim_start().len();
        after[pad..].starts_with('@').then_some((i, i + 1 + pad))
    }) else {
        return MarkupSignature::default();
    };
    let inner = tail.get(at + 1..).unwrap_or("");
    let Some(close) = inner.find(')') else {
        return MarkupSignature::default();
    };
    let handle = inner.get(..close).unwrap_or("").trim();
    let valid = !handle.is_empty() && handle.len() <= 253 && !handle.contains(char::is_whitespace);
    let name = tail.get(..open).unwrap_or("").trim();
    let rest = inner.get(close + 1..).unwrap_or("").trim();
    MarkupSignature {
        name: (!name.is_empty()).then(|| name.to_string()),
        handle: valid.then(|| handle.to_string()),
        rest: (!rest.is_empty()).then(|| rest.to_string()),
    }
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
                f.sighting.status_id().clone()?,
                f.sighting.author.handle.clone()?,
            ))
        })
        .collect();
    for f in found.iter_mut() {
        if f.sighting.reply_to().is_none() {
            if let Some(h) = f.in_reply_to.as_ref().and_then(|id| handles.get(id)) {
                f.sighting.set_reply_to(Some(h.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`holds_marker`] answers as `contains` does, for every marker in class lists around
    /// it, and for lists that hold a marker's bytes around a `-` but not the marker.
    #[test]
    fn class_markers_found_at_their_dashes() {
        let groups: [&[Marker]; 3] = [&ANY_CLASSES, &BLOCKQUOTE_CLASSES, &WRAPPER_CLASSES];
        let markers: Vec<Marker> = groups.iter().flat_map(|g| g.iter().copied()).collect();
        let mut lists = vec![
            "entry content".to_string(),
            "- a-".to_string(),
            "-".to_string(),
            "twitter-".to_string(),
            "fb-pos".to_string(),
            "x-fb-post".to_string(),
            "tweet-twitter-tweet-".to_string(),
        ];
        for m in &markers {
            assert!(
                m.text.contains('-') && !m.text.starts_with('-'),
                "{}",
                m.text
            );
            let t = m.text;
            lists.extend([
                t.to_string(),
                format!("a {t}"),
                format!("x-y {t}-z -q"),
                format!("{}-", &t[..m.dash]),
                t[1..].to_string(),
                t[..t.len() - 1].to_string(),
                format!("{t}{t}"),
            ]);
        }
        for list in &lists {
            for g in groups {
                let want = ANY_CLASSES.iter().chain(g).any(|m| list.contains(m.text));
                assert_eq!(
                    holds_marker(list.as_bytes(), [&ANY_CLASSES, g]),
                    want,
                    "{list}"
                );
            }
        }
    }

    #[test]
    fn signatures() {
        let s = signature("— Ana M. Ruiz (@MayorAnaRuiz) March 3, 2021");
        assert_eq!(s.name.as_deref(), Some("Ana M. Ruiz"));
        assert_eq!(s.handle.as_deref(), Some("MayorAnaRuiz"));
        assert_eq!(s.rest.as_deref(), Some("March 3, 2021"));
        assert_eq!(signature("no signature").handle, None);
        assert_eq!(signature("— x (@").handle, None);
    }
}
