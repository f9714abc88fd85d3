//! Entities of a post's text: hashtags, mentions, links, media, cashtags.
//!
//! The rules are Twitter's own, from the `twitter-text` crate (the Rust port of the reference
//! library; the conformance suite in `tests/conformance.rs` checks all of it). Text flattened out
//! of HTML often lost the spaces between elements, so before extraction a *glue pass* separates
//! what the markup kept apart:
//!
//! ```text
//! #الواحة#العيد_السعيد      -> two hashtags
//! the port of #Tripolihttps://t.co/Gh7Jk8Lm9N  -> hashtag `Tripoli` and the link
//! stop thempic.twitter.com/Kz1rMuxxcy       -> the media link
//! ```
//!
//! The glue pass only splits where no valid entity could continue (a `#` inside a hashtag, a
//! scheme or `pic.twitter.com/` glued to the end of a word that is not itself a link), so the
//! conformance cases are unaffected; they run through the same functions with the glue pass on.

use crate::model::Platform;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use twitter_text::entity::Type;
use twitter_text::extractor::{Extract, Extractor};
use twitter_text_parser::twitter_text::Rule;
use xxhash_rust::xxh3::xxh3_128;

/// The entities of one text, each list unique and in order of first occurrence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    /// Hashtags without `#`.
    pub hashtags: Vec<String>,
    /// Mentioned handles without `@`.
    pub mentions: Vec<String>,
    /// Links other than media links.
    pub urls: Vec<String>,
    /// Media links such as `pic.twitter.com/...`.
    pub media: Vec<String>,
    /// Cashtags without `$`.
    pub cashtags: Vec<String>,
}

/// Which kind of entity a [`Span`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// `#tag`.
    Hashtag,
    /// `@handle` (with `list_slug` for `@handle/list`).
    Mention,
    /// A link.
    Url,
    /// `$CASH`.
    Cashtag,
}

/// One entity with its position, in Unicode scalar values (code points) as twitter-text counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The kind of entity.
    pub kind: EntityKind,
    /// The value without its sigil (`#`, `@`, `$`); the whole link for URLs.
    pub value: String,
    /// `/slug` of a list mention, else empty.
    pub list_slug: String,
    /// Start, in code points of the original text.
    pub start: usize,
    /// End (exclusive), in code points of the original text.
    pub end: usize,
}

/// Extracts every entity of `text`, glued forms split first.
///
/// # Example
/// ```
/// let e = embedscan::_internal::entities::extract("Pro-#Union crowds in #Tripolihttps://t.co/x pic.twitter.com/y");
/// assert_eq!(e.hashtags, ["Union", "Tripoli"]);
/// assert_eq!(e.urls, ["https://t.co/x"]);
/// assert_eq!(e.media, ["pic.twitter.com/y"]);
/// ```
pub fn extract(text: &str) -> Entities {
    let mut out = Entities::default();
    for span in spans(text) {
        let list = match span.kind {
            EntityKind::Hashtag => &mut out.hashtags,
            EntityKind::Mention => &mut out.mentions,
            EntityKind::Cashtag => &mut out.cashtags,
            // `pic.twitter.com/` with no path: a link the copy cut off, to nothing.
            EntityKind::Url if cut_off(&span.value) => continue,
            EntityKind::Url if is_media_link(&span.value) => &mut out.media,
            EntityKind::Url => &mut out.urls,
        };
        let value = match span.kind {
            EntityKind::Url => unglued_media(&span.value).to_string(),
            _ => span.value,
        };
        if !list.contains(&value) {
            list.push(value);
        }
    }
    out
}

/// [`extract`] with the platform's own mention forms: on Bluesky a mention is a whole domain
/// handle (`@erikaxel.bsky.social`), on Mastodon `@user@instance`; twitter-text would read the
/// first label as the mention and the rest as a link, and no link is taken from inside one.
///
/// A post's text is read again for every sighting of it (a post shown on many pages): the
/// answers of this thread are kept by a 128-bit hash of the text and the platform (two texts
/// colliding is too unlikely to matter, as for [`crate::post::lang::detect`]), and forgotten in
/// bulk past a bound.
pub fn extract_for(text: &str, platform: Platform) -> Entities {
    const MAX_KEPT: usize = 1 << 14;
    thread_local! {
        static KEPT: RefCell<FxHashMap<(u128, Platform), Entities>> = RefCell::default();
    }
    let key = (xxh3_128(text.as_bytes()), platform);
    if let Some(known) = KEPT.with_borrow(|kept| kept.get(&key).cloned()) {
        return known;
    }
    let answer = extract_for_uncached(text, platform);
    KEPT.with_borrow_mut(|kept| {
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(key, answer.clone());
    });
    answer
}

/// [`extract_for`], worked out.
fn extract_for_uncached(text: &str, platform: Platform) -> Entities {
    let mut out = extract(text);
    if matches!(platform, Platform::Bluesky | Platform::Mastodon) && text.contains('@') {
        for handle in domain_handles(text, platform) {
            let (user, host) = match handle.split_once('@') {
                Some((user, host)) => (user, host),
                None => handle.split_once('.').unwrap_or((handle, "")),
            };
            // The whole handle replaces its first part; the domain is no link.
            if let Some(m) = out.mentions.iter_mut().find(|m| m.as_str() == user) {
                *m = handle.to_string();
            } else if !out.mentions.iter().any(|m| m == handle) {
                out.mentions.push(handle.to_string());
            }
            out.urls
                .retain(|u| !(host.ends_with(u.as_str()) && handle.ends_with(u.as_str())));
        }
    }
    out
}

/// The domain handles mentioned in `text` (without `@`), in order: `@` after no word
/// character, then labels of letters, digits and `-` joined by dots, the last one a letter
/// label (`name.bsky.social`); on Mastodon `user@host.tld`.
fn domain_handles(text: &str, platform: Platform) -> Vec<&str> {
    let bytes = text.as_bytes();
    let label = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let mut out = Vec::new();
    for at in memchr::memchr_iter(b'@', bytes) {
        if at > 0 && (label(bytes[at - 1]) || bytes[at - 1] == b'@' || bytes[at - 1] == b'.') {
            continue;
        }
        let mut end = at + 1;
        let mut dots = 0;
        let mut second_at = false;
        while end < bytes.len() {
            let b = bytes[end];
            let next_label = bytes.get(end + 1).is_some_and(|&n| label(n));
            if label(b) {
                end += 1;
            } else if b == b'.' && next_label && end > at + 1 {
                dots += 1;
                end += 1;
            } else if b == b'@' && platform == Platform::Mastodon && !second_at && next_label {
                second_at = true;
                end += 1;
            } else {
                break;
            }
        }
        let handle = &text[at + 1..end];
        let tld = handle.rsplit('.').next().unwrap_or("");
        let shaped = dots > 0
            && tld.len() >= 2
            && tld.bytes().all(|b| b.is_ascii_alphabetic())
            && (platform == Platform::Bluesky || second_at);
        if shaped && !out.contains(&handle) {
            out.push(handle);
        }
    }
    out
}

/// Length of a `pic.twitter.com/` id.
const MEDIA_ID_LEN: usize = 10;

/// A media link without the word a copy glued to its id (`pic.twitter.com/UFVY9WhoSzWe all
/// do`, the next sentence's `We`): ids are ten letters and digits, so a capital after the tenth
/// that opens a word of lowercase letters is not the link's.
fn unglued_media(link: &str) -> &str {
    let Some(at) = link
        .find("pic.twitter.com/")
        .map(|i| i + "pic.twitter.com/".len())
    else {
        return link;
    };
    let id = &link[at..];
    let glued = id.len() > MEDIA_ID_LEN
        && id.is_ascii()
        && id.bytes().all(|b| b.is_ascii_alphanumeric())
        && id.as_bytes()[MEDIA_ID_LEN].is_ascii_uppercase()
        && id.as_bytes()[MEDIA_ID_LEN + 1..]
            .iter()
            .all(u8::is_ascii_lowercase);
    if glued {
        &link[..at + MEDIA_ID_LEN]
    } else {
        link
    }
}

/// Whether a media or short link stops right after its host (`pic.twitter.com/`, `t.co/`).
fn cut_off(link: &str) -> bool {
    let bare = link
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    matches!(bare, "pic.twitter.com/" | "pic.x.com/" | "t.co/")
}

/// Whether a link is a media link (`pic.twitter.com/...`, `pic.x.com/...`).
pub fn is_media_link(link: &str) -> bool {
    let bare = link
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    bare.starts_with("pic.twitter.com/") || bare.starts_with("pic.x.com/")
}

/// Whether `text` has a mark that opens a hashtag, mention or cashtag (`#`, `@`, `$` and their
/// full-width forms): without one, twitter-text finds none of them.
fn may_hold_tags(text: &str) -> bool {
    memchr::memchr3(b'#', b'@', b'$', text.as_bytes()).is_some()
        || text.contains(['＃', '＠', '＄'])
}

/// Whether `text` may hold a link: every link has a domain with a dot followed by a letter or
/// digit (`t.co/x`, `example.com`, `1.2.3.4`); text with no such dot has none.
fn may_hold_links(text: &str) -> bool {
    memchr::memchr_iter(b'.', text.as_bytes()).any(|i| {
        text.get(i + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric)
    })
}

/// Every entity of `text` with its code-point span, in text order, glued forms split first.
pub fn spans(text: &str) -> Vec<Span> {
    spans_of(text, Which::All)
}

/// Hashtags of `text` with code-point spans.
#[cfg(any(test, feature = "_internal"))]
pub fn hashtag_spans(text: &str) -> Vec<Span> {
    spans_of(text, Which::Hashtags)
}

/// Cashtags of `text` with code-point spans.
#[cfg(any(test, feature = "_internal"))]
pub fn cashtag_spans(text: &str) -> Vec<Span> {
    spans_of(text, Which::Cashtags)
}

/// Mentions of `text` with code-point spans (lists are not mentions here).
#[cfg(any(test, feature = "_internal"))]
pub fn mention_spans(text: &str) -> Vec<Span> {
    spans_of(text, Which::Mentions)
}

/// Mentions and `@user/list` lists of `text` with code-point spans.
#[cfg(any(test, feature = "_internal"))]
pub fn mention_or_list_spans(text: &str) -> Vec<Span> {
    spans_of(text, Which::MentionsOrLists)
}

/// Links of `text` (media links included) with code-point spans.
#[cfg(any(test, feature = "_internal"))]
pub fn url_spans(text: &str) -> Vec<Span> {
    spans_of(text, Which::Urls)
}

/// The handle a text replies to: an `@handle` that opens it (after optional spaces).
pub fn reply_handle(text: &str) -> Option<String> {
    let glued = Unglued::new(text);
    Extractor::new()
        .extract_reply_username(&glued.text)
        .map(|e| e.value.to_string())
}

/// Which twitter-text extraction to run.
#[derive(Clone, Copy)]
#[cfg_attr(not(any(test, feature = "_internal")), allow(dead_code))]
enum Which {
    All,
    Hashtags,
    Cashtags,
    Mentions,
    MentionsOrLists,
    Urls,
}

/// The grammar rules of hashtags, cashtags, mentions and lists.
fn is_tag_rule(r: Rule) -> bool {
    matches!(
        r,
        Rule::hashtag | Rule::cashtag | Rule::list | Rule::username
    )
}

/// Runs one twitter-text extraction over the unglued text and maps spans back.
fn spans_of(text: &str, which: Which) -> Vec<Span> {
    let glued = Unglued::new(text);
    let extractor = Extractor::new();
    let s = glued.text.as_str();
    let (tags, links) = (may_hold_tags(s), may_hold_links(s));
    let found = match which {
        Which::All if !tags && !links => Vec::new(),
        // One parse for every kind: twitter-text's combined extraction leaves out links
        // without a scheme (`pic.twitter.com/x`), so its rules are named here with them. A
        // link needs a dot before a letter or digit, so without one none is kept.
        Which::All if links => extractor.extract(s, |r| {
            is_tag_rule(r) || matches!(r, Rule::url | Rule::url_without_protocol)
        }),
        Which::All => extractor.extract(s, is_tag_rule),
        Which::Hashtags => extractor.extract_hashtags_with_indices(s),
        Which::Cashtags => extractor.extract_cashtags_with_indices(s),
        Which::Mentions => extractor.extract_mentioned_screennames_with_indices(s),
        Which::MentionsOrLists => extractor.extract_mentions_or_lists_with_indices(s),
        Which::Urls => extractor.extract_urls_with_indices(s),
    };
    found
        .into_iter()
        .map(|e| Span {
            kind: match e.t {
                Type::HASHTAG => EntityKind::Hashtag,
                Type::MENTION | Type::FEDERATEDMENTION => EntityKind::Mention,
                Type::CASHTAG => EntityKind::Cashtag,
                Type::URL => EntityKind::Url,
            },
            value: e.value.to_string(),
            list_slug: e.list_slug.to_string(),
            start: glued.original_index(e.start.max(0) as usize),
            end: glued.original_index(e.end.max(0) as usize),
        })
        .collect()
}

/// The text with glued entities pulled apart by inserted spaces, and where they were inserted.
struct Unglued {
    text: String,
    /// Code-point indices (in `text`) of the inserted characters, ascending.
    inserted: Vec<usize>,
}

impl Unglued {
    fn new(original: &str) -> Unglued {
        let splits = glue_points(original);
        if splits.is_empty() {
            return Unglued {
                text: original.to_string(),
                inserted: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len() + 2 * splits.len());
        let mut inserted = Vec::with_capacity(splits.len());
        let (mut last, mut chars) = (0, 0);
        for &(at, filler) in &splits {
            let piece = &original[last..at];
            text.push_str(piece);
            chars += piece.chars().count();
            for c in filler.chars() {
                inserted.push(chars);
                text.push(c);
                chars += 1;
            }
            last = at;
        }
        text.push_str(&original[last..]);
        Unglued { text, inserted }
    }

    /// Maps a code-point index of the unglued text back to the original.
    fn original_index(&self, index: usize) -> usize {
        index - self.inserted.partition_point(|&i| i < index)
    }
}

/// A character that can continue a hashtag (letters, marks, digits, `_`, and the middle dot).
fn is_hashtag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '·' || c == '\u{200c}' || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks: enough of the general ranges to keep scripts with vowel signs together.
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Byte offsets where ASCII filler (a space, mostly) must be inserted to unglue entities or to
/// guard the extractor, ascending.
///
/// Linear: every `#`, `http`, `pic.` and `@` trigger looks back at most over one word.
fn glue_points(text: &str) -> Vec<(usize, &'static str)> {
    const MAX_WORD: usize = 280;
    /// Longest handle glued before a hashtag, in bytes.
    const MAX_HANDLE: usize = 15;
    let bytes = text.as_bytes();
    let mut points = guard_points(text);
    for at in memchr::memchr3_iter(b'#', b'h', b'p', bytes) {
        let rest = &bytes[at..];
        let is_hash = rest[0] == b'#';
        let is_scheme = rest.starts_with(b"https://") || rest.starts_with(b"http://");
        let is_media = rest.starts_with(b"pic.twitter.com/") || rest.starts_with(b"pic.x.com/");
        if !(is_hash || is_scheme || is_media) || at == 0 {
            continue;
        }
        // The word glued on the left: hashtag characters back to its start.
        let before = &text[..at];
        let mut word_start = at;
        for (i, c) in before.char_indices().rev().take(MAX_WORD) {
            if !is_hashtag_char(c) {
                break;
            }
            word_start = i;
        }
        if word_start == at {
            // Nothing glued on the left, but for a link glued to a sentence's end (`We are
            // joining the game.https://t.co/…`, `Puskás Award for this kid,
            // please.pic.twitter.com/…`), which the extractor reads as one domain.
            let ended = before.ends_with(['.', ',', '!', '?', ';'])
                && before[..before.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            if (is_scheme || is_media) && ended && !inside_link(before, at) {
                points.push((at, " "));
            }
            continue;
        }
        let opener = before[..word_start].chars().next_back();
        let glued = if is_hash {
            // `#a#b`: the left word is itself a hashtag, and a letter-led tag follows; or a
            // mention (`@imVkohli#ViratKohli`), or a `t.co/` link's id, which never has a
            // fragment (`https://t.co/Bfx6MDWWvu#nhk_video`).
            let tag_or_mention = matches!(opener, Some('#' | '@'))
                && !inside_link(before, word_start)
                && (opener == Some('#') || at - word_start <= MAX_HANDLE);
            let short_link =
                before[..word_start].ends_with("t.co/") && (8..=12).contains(&(at - word_start));
            // `quedarse en casa#QuedateEnCasa`: a line break lost before a CamelCase tag,
            // glued to a word in lower case.
            let camel = opener != Some('#')
                && opener != Some('@')
                && before.chars().next_back().is_some_and(char::is_lowercase)
                && !inside_link(before, word_start)
                && is_camel_tag(&text[at + 1..]);
            camel || (tag_or_mention || short_link) && starts_tag(&text[at + 1..])
        } else {
            // `#Tripolihttps://`, `thempic.twitter.com/`: the left word is not a link itself;
            // or it is a `t.co/` link's id, which holds no `.` or `:` (`https://t.co/
            // iMKV5fwxo6pic.twitter.com/…`).
            // A hashtag split off a `t.co/` id above ends there too (`https://t.co/l0Bzu7g8ek
            // #Squeepic.twitter.com/…`).
            let tag_after_short_link = opener == Some('#')
                && before[..word_start - 1]
                    .rfind("t.co/")
                    .is_some_and(|i| (8..=12).contains(&(word_start - 1 - (i + 5))));
            (!inside_link(before, word_start) && opener != Some('/') && opener != Some('.'))
                || (before[..word_start].ends_with("t.co/")
                    && (8..=12).contains(&(at - word_start)))
                || tag_after_short_link
        };
        if glued {
            points.push((at, " "));
        }
    }
    points.sort_unstable();
    points.dedup_by_key(|p| p.0);
    points
}

/// Insertions that keep `twitter-text` (0.3.1) from slicing inside a character. Its check for
/// the legacy `RT@user` form reads the two bytes before an `@` whose previous character forbids
/// a mention (`a@`, `_@`, `!@`, `＠@`...), and panics when those bytes split a multi-byte
/// character (`andréa@example.com`, `＠@`). A space before an ASCII forbidding character, or
/// `!!` after a full-width `＠`, changes no result — the `@` stays forbidden, and `RT` needs
/// ASCII letters — but puts the slice on a boundary. Found by fuzzing
/// (`tests/fuzz_regressions/`).
fn guard_points(text: &str) -> Vec<(usize, &'static str)> {
    let forbids = |c: char| c.is_ascii_alphanumeric() || "_@!#$%&*=/".contains(c);
    let mut points = Vec::new();
    let ats =
        memchr::memchr_iter(b'@', text.as_bytes()).chain(text.match_indices('＠').map(|(i, _)| i));
    for at in ats {
        let mut before = text[..at].chars().rev();
        match (before.next(), before.next()) {
            (Some('＠'), _) => points.push((at, "!!")),
            (Some(p), Some(pp)) if forbids(p) && !pp.is_ascii() => {
                points.push((at - p.len_utf8(), " "));
            }
            _ => {}
        }
    }
    points
}

/// Whether the whitespace-delimited token that `word_start` lies in contains a link.
fn inside_link(before: &str, word_start: usize) -> bool {
    let token_start = before[..word_start]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = &before[token_start..word_start];
    token.contains("://") || token.contains("pic.twitter.com") || token.contains("pic.x.com")
}

/// Whether `s` begins a CamelCase hashtag body: an uppercase letter first, another later, and
/// a lowercase letter (`QuedateEnCasa`, not `USA` or `Covid`).
fn is_camel_tag(s: &str) -> bool {
    let body = s.chars().take_while(|&c| is_hashtag_char(c));
    let (mut upper, mut lower, mut first) = (0, 0, true);
    for c in body {
        if first && !c.is_uppercase() {
            return false;
        }
        first = false;
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    upper >= 2 && lower >= 1
}

/// Whether `s` begins a hashtag body (a letter or mark before any non-hashtag char).
fn starts_tag(s: &str) -> bool {
    s.chars()
        .take_while(|&c| is_hashtag_char(c))
        .any(|c| !c.is_numeric() && c != '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_glued_to_a_full_stop() {
        // fixtures/realworld-next14/docs/565.txt, a line of the post.
        assert_eq!(
            extract("We are joining the game.https://t.co/rJQNNfkh1w").urls,
            ["https://t.co/rJQNNfkh1w"]
        );
        // fixtures/realworld-next18/docs/624.txt, line 15 (the page's mojibake kept).
        let e =
            extract("Pusk\u{e23}\u{e01}s Award for this kid, please.pic.twitter.com/Q4ImhaBkRC");
        assert!(e.urls.is_empty());
        assert_eq!(e.media, ["pic.twitter.com/Q4ImhaBkRC"]);
    }

    #[test]
    fn a_camel_case_tag_glued_to_a_word() {
        // fixtures/realworld-next4/docs/392.txt and fixtures/realworld/docs/152.txt.
        let tags = |t: &str| extract(t).hashtags;
        assert_eq!(
            tags("that 13 years in prison will not serve themselves#VisitUkraineNOW"),
            ["VisitUkraineNOW"]
        );
        assert_eq!(
            tags("Chellini: you've mamma'd your last mia#Euro2020Final pic.twitter.com/MFZdwYyAvX"),
            ["Euro2020Final"]
        );
    }

    #[test]
    fn a_word_glued_to_a_media_id() {
        // fixtures/realworld-next12/docs/534.txt: the next sentence glued to the link.
        let e =
            extract("Me: Kami naaaaaaaa!!! pic.twitter.com/UFVY9WhoSzWe all do, Ben. We all do.");
        assert_eq!(e.media, ["pic.twitter.com/UFVY9WhoSz"]);
        assert_eq!(
            unglued_media("pic.twitter.com/9C4oRiizJE"),
            "pic.twitter.com/9C4oRiizJE"
        );
    }

    #[test]
    fn glued_hashtags_split() {
        let e = extract("الساحة.#الواحة_تحتفل_الليلة#EID_العيد_السعيد");
        assert_eq!(e.hashtags, ["الواحة_تحتفل_الليلة", "EID_العيد_السعيد"]);
    }

    #[test]
    fn platform_mentions_are_whole_handles() {
        let e = extract_for("It's @erikaxel.bsky.social's team!", Platform::Bluesky);
        assert_eq!(e.mentions, ["erikaxel.bsky.social"]);
        assert!(e.urls.is_empty());
        let e = extract_for(
            "Thanks @ana@mastodon.social, see example.org",
            Platform::Mastodon,
        );
        assert_eq!(e.mentions, ["ana@mastodon.social"]);
        assert_eq!(e.urls, ["example.org"]);
        // Twitter keeps twitter-text's reading; an e-mail address is no handle.
        let e = extract_for("@ana.b mail me@example.com", Platform::Twitter);
        assert_eq!(e.mentions, ["ana"]);
        let e = extract_for("mail me@example.com", Platform::Bluesky);
        assert!(e.mentions.is_empty());
    }

    #[test]
    fn media_glued_to_a_short_link() {
        let e = extract("viral de 2019 https://t.co/iMKV5fwxo6pic.twitter.com/gLz4nIiwM2");
        assert_eq!(e.urls, ["https://t.co/iMKV5fwxo6"]);
        assert_eq!(e.media, ["pic.twitter.com/gLz4nIiwM2"]);
        // A longer path is no t.co id: left whole.
        let e = extract("see https://t.co/abcdefghijklmnopqpic.twitter.com/x");
        assert!(e.media.is_empty());
    }

    #[test]
    fn glued_url_after_hashtag() {
        let e =
            extract("the old port of #Tripolihttps://t.co/Gh7Jk8Lm9N pic.twitter.com/Bc3De4Fg5H");
        assert_eq!(e.hashtags, ["Tripoli"]);
        assert_eq!(e.urls, ["https://t.co/Gh7Jk8Lm9N"]);
        assert_eq!(e.media, ["pic.twitter.com/Bc3De4Fg5H"]);
    }

    #[test]
    fn glued_media_after_word() {
        let e = extract("failed to stop thempic.twitter.com/Kz1rMuxxcy");
        assert_eq!(e.media, ["pic.twitter.com/Kz1rMuxxcy"]);
    }

    /// A line of a real article (fixtures/realworld 072), cut by the page store.
    #[test]
    fn cut_off_media_link_is_no_link() {
        let e = extract("عبر الرابط https://t.co/od9fEViLeF pic.twitter.com/");
        assert_eq!(e.urls, ["https://t.co/od9fEViLeF"]);
        assert!(e.media.is_empty());
    }

    #[test]
    fn apostrophe_and_prefixes() {
        let e = extract("#Lebanon’s adviser, Pro-#Union crowd (#FFF) members");
        assert_eq!(e.hashtags, ["Lebanon", "Union", "FFF"]);
    }

    #[test]
    fn hashtags_glued_to_a_short_link_or_a_mention() {
        // fixtures/realworld-next9/docs/488.txt and 492.txt: a t.co id has no fragment, and
        // a copy lost the space between a mention and a hashtag.
        let e = extract(
            "ファンの出迎えを受けました。https://t.co/Bfx6MDWWvu#nhk_video pic.twitter.com/",
        );
        assert_eq!(e.urls, ["https://t.co/Bfx6MDWWvu"]);
        assert_eq!(e.hashtags, ["nhk_video"]);
        // fixtures/realworld-next10/docs/506.txt: and a media link glued to that hashtag.
        let e =
            extract("bonding well w/ mom. https://t.co/l0Bzu7g8ek#Squeepic.twitter.com/nEhuJe6vBk");
        assert_eq!(e.urls, ["https://t.co/l0Bzu7g8ek"]);
        assert_eq!(e.hashtags, ["Squee"]);
        assert_eq!(e.media, ["pic.twitter.com/nEhuJe6vBk"]);
        let e = extract("Look at the number of hundreds by him 🐐🐐🥵@imVkohli#ViratKohli𓃵pic.twitter.com/TSk6BGPKY3");
        assert_eq!(e.mentions, ["imVkohli"]);
        assert_eq!(e.hashtags, ["ViratKohli𓃵"]);
    }

    #[test]
    fn links_are_not_unglued() {
        assert!(glue_points("https://web.archive.org/web/2/https://x.com").is_empty());
        assert!(glue_points("see https://example.com/page#section").is_empty());
        assert_eq!(
            extract("#http://twitter.com").hashtags,
            Vec::<String>::new()
        );
    }

    #[test]
    fn spans_map_back_to_original_indices() {
        let s = hashtag_spans("#a#b");
        assert_eq!((s[0].start, s[0].end, s[1].start, s[1].end), (0, 2, 2, 4));
    }

    #[test]
    fn multibyte_before_a_forbidden_prefix_does_not_panic() {
        for text in [
            "andréa@example.com",
            "P\n\u{fffd}@@",
            "中_@x",
            "é!＠y",
            "RT@a é@@",
        ] {
            let e = extract(text);
            assert!(
                e.mentions.is_empty() || text.starts_with("RT"),
                "{text}: {e:?}"
            );
        }
        assert_eq!(extract("RT@alice").mentions, ["alice"]);
    }

    #[test]
    fn unique_in_order() {
        let e = extract("#US and #us and #US @a @a");
        assert_eq!(e.hashtags, ["US", "us"]);
        assert_eq!(e.mentions, ["a"]);
    }
}
