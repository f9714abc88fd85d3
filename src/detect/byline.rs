//! Bylined embeds flattened to text: Instagram's and Facebook's, whose signature names the
//! author on a line of its own under the post.
//!
//! ```text
//! View this post on Instagram
//!
//! First soup of the season #autumn
//!
//! A post shared by Luca Ferri (@luca.ferri_cooks) on Oct 3, 2023 at 6:12pm PDT
//! ```
//!
//! ```text
//! We are open again! New opening hours: Mon–Sat 9 to 6.
//!
//! Posted by Ashby Public Library on Thursday, September 7, 2023
//! ```
//!
//! The signature is recognised by its fixed opening (Instagram's in the languages its embed is
//! rendered in); the post is the paragraph just above it (at most one blank line away), with
//! Instagram's "View this post on Instagram" call to action left out.

use super::paragraphs::{is_space, Paras};
use super::Sighting;
use crate::document::Document;
use crate::model::{AppearanceKind, Author, Platform};
use crate::post::date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How Instagram's embed opens its byline, by language.
pub const INSTAGRAM_SHARED_BY: [&str; 25] = [
    "A post shared by",
    // The embed's older wording (before 2017): a photo or a video "posted by".
    "A photo posted by",
    "A video posted by",
    "Una foto pubblicata da",
    "Un video pubblicato da",
    "Une photo publiée par",
    "Une vidéo publiée par",
    "Una foto publicada por",
    "Un video publicado por",
    "Uma foto publicada por",
    "Um vídeo publicado por",
    "Een foto die is geplaatst door",
    "Une publication partagée par",
    "Ein Beitrag geteilt von",
    "Una publicación compartida de",
    "Una publicación compartida por",
    "Uma publicação compartilhada por",
    "Un post condiviso da",
    "Een bericht gedeeld door",
    "Post udostępniony przez",
    "Публикация от",
    // The older Russian wording, its date with no connective (`Видео опубликовано Lukas
    // Podolski (@poldi_official) Июл 9 2016 в 12:02 PDT`).
    "Видео опубликовано",
    "Фото опубликовано",
    "Bir gönderi paylaştı:",
    "Ett inlägg delat av",
];

/// Instagram's call to action above the caption, not part of the post.
const INSTAGRAM_CALL: [&str; 4] = [
    "View this post on Instagram",
    "Voir cette publication sur Instagram",
    "Dieses Profil auf Instagram ansehen",
    "Wyświetl ten post na Instagramie",
];

/// Most blank lines between a caption-less embed's call to action and its byline (a page's
/// flattened spacer lines between them).
const MAX_CHROME_GAP: usize = 4;

/// Longest signature line considered, in bytes.
const MAX_LINE: usize = 300;

/// `Name (@handle)` or `@handle`, then an optional ` on|le|am|... DATE`, or the connective
/// alone where the page lost the date (`A post shared by Madonna (@madonna) on`: the date was
/// a `<time>` element a copy dropped).
static INSTAGRAM_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?P<name>[^()@\n]{1,64}?)\s*\(@(?P<h1>[A-Za-z0-9._]{1,30})\)|@(?P<h2>[A-Za-z0-9._]{1,30}))(?:\s+(?P<tail>\S+\s+(?P<date>.+))|\s+\p{Ll}{1,5})?$")
        .expect("valid regex")
});

/// `Posted by NAME on Weekday, DATE` and its translations (Facebook renders the fallback in
/// the page's language: `Publicată de NAME pe Duminică, 6 decembrie 2020`). The fallback always
/// names the weekday, which tells it from a blog's own byline (`Posted by Jane Doe on November
/// 19, 2019`).
static FACEBOOK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Posted by|Publicată de|Publicado por|Publié par|Gepostet von|Pubblicato da|Geplaatst door|Opublikowane przez|Julkaissut|Publicerat av|Slået op af|Publisert av|Közzétette:?) (?P<name>.{1,64}?) (?:on|pe|en|em|sur|le|am|su|il|op|dnia|på|den) (?:\p{Lu}\p{Ll}+, )(?P<date>.+)$")
        .expect("valid regex")
});

/// Finds bylined posts in the unclaimed paragraphs; marks the paragraphs used.
pub fn scan(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    for k in 1..paras.list.len() {
        let line = &text[paras.list[k].range.clone()];
        if claimed[k] {
            continue;
        }
        let opens = line.len() <= MAX_LINE
            && line.starts_with([
                'A', 'U', 'E', 'P', 'Ü', 'B', 'П', 'В', 'Ф', 'G', 'O', 'J', 'S', 'K',
            ]);
        let Some(found) = opens.then(|| byline(line)).flatten() else {
            // A caption-less embed glued to the end of a paragraph: `… View this post on
            // Instagram A post shared by Name (@handle)`.
            if let Some((at, found)) = glued_byline(line) {
                claimed[k] = true;
                let span = paras.list[k].range.start + at..paras.list[k].range.end;
                out.push(sighting(found, String::new(), span));
            }
            continue;
        };
        // The post: the paragraph above, past Instagram's call to action.
        let body = k - 1;
        if claimed[body] {
            continue;
        }
        // A byline that lost its date, right under a paragraph: a page flattened without
        // blank lines, where the paragraph above is as often the article's (a caption stands
        // apart, `Election Night 2012`, a blank line, `A post shared by Madonna (@madonna) on`).
        if date_lost(line) && paras.list[k].gap_before == 0 {
            claimed[k] = true;
            out.push(sighting(found, String::new(), paras.list[k].range.clone()));
            continue;
        }
        if paras.list[k].gap_before > 1 {
            // A caption-less embed whose chrome lies a few blank lines apart: the call to
            // action above, then the byline.
            let above = &text[paras.list[body].range.clone()];
            let call = INSTAGRAM_CALL.iter().any(|c| above.eq_ignore_ascii_case(c));
            if call && paras.list[k].gap_before <= MAX_CHROME_GAP {
                claimed[body] = true;
                claimed[k] = true;
                let span = paras.list[body].range.start..paras.list[k].range.end;
                out.push(sighting(found, String::new(), span));
            }
            continue;
        }
        let mut body_text = &text[paras.list[body].range.clone()];
        // Only the call to action above: an embed without a caption. A call glued to the
        // caption (`Wyświetl ten post na Instagramie.Nie jestem babcią!`: the page lost the
        // break between them) is cut off it.
        if let Some(rest) = INSTAGRAM_CALL.iter().find_map(|c| strip_call(body_text, c)) {
            body_text = rest;
        }
        // The article quoting the caption above a caption-less embed is prose, left to the
        // quotations.
        if attributed_quotation(body_text) {
            claimed[k] = true;
            out.push(sighting(found, String::new(), paras.list[k].range.clone()));
            continue;
        }
        let mut start = paras.list[body].range.start;
        if let Some(call) = body.checked_sub(1) {
            let above = &text[paras.list[call].range.clone()];
            if !claimed[call] && paras.list[body].gap_before <= 1 && INSTAGRAM_CALL.contains(&above)
            {
                start = paras.list[call].range.start;
                claimed[call] = true;
            }
        }
        claimed[body] = true;
        claimed[k] = true;
        let text = body_text.trim_matches(is_space).to_string();
        out.push(sighting(found, text, start..paras.list[k].range.end));
    }
}

/// `paragraph` less the call to action `call` opening it (any case) and a full stop after it:
/// the caption glued on, or nothing.
fn strip_call<'a>(paragraph: &'a str, call: &str) -> Option<&'a str> {
    let head = paragraph.get(..call.len())?;
    if !head.eq_ignore_ascii_case(call) {
        return None;
    }
    let rest = &paragraph[call.len()..];
    match rest.strip_prefix('.') {
        Some(caption) => Some(caption),
        // A word going on (`View this post on Instagrams`) is no call.
        None => (!rest.starts_with(char::is_alphanumeric)).then_some(rest),
    }
}

/// Longest attribution after a quotation for [`attributed_quotation`], in bytes.
const MAX_ATTRIBUTION: usize = 120;

/// Whether a paragraph is a quotation and its attribution, as article prose prints them:
/// `“Lo que para mí era una catarsis …”, comenzó diciendo la artista en Instagram.` It opens
/// with a quotation mark and, after the closing one, goes on with a comma and a short clause
/// of words (no hashtag, mention or link: a caption's) ending a sentence.
fn attributed_quotation(paragraph: &str) -> bool {
    let Some(first) = paragraph.chars().next() else {
        return false;
    };
    let close = match first {
        '“' => '”',
        '"' => '"',
        '«' => '»',
        '„' => '“',
        _ => return false,
    };
    let Some(end) = paragraph
        .get(first.len_utf8()..)
        .and_then(|r| r.rfind(close))
    else {
        return false;
    };
    let after = &paragraph[first.len_utf8() + end + close.len_utf8()..];
    let tail = after.trim_end();
    let clause = tail.strip_prefix(',').unwrap_or("");
    !clause.trim().is_empty()
        && tail.len() <= MAX_ATTRIBUTION
        && tail.ends_with('.')
        && !clause.contains(['#', '@', '“', '"', '«', '„'])
        && !clause.contains("http")
        && clause.split_whitespace().count() >= 2
}

/// The sighting of a bylined post with its text, spanning `span`.
fn sighting((platform, author, date): Byline, text: String, span: Range<usize>) -> Sighting {
    Sighting {
        platform,
        kind: AppearanceKind::Embed,
        author,
        date,
        text,
        extra: super::Extra::of(None, None, None),
        start: span.start,
        end: span.end,
    }
}

/// The searcher for `Instagram`, which every call to action names.
static INSTAGRAM: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"Instagram"));

/// What a byline says: the network, the author and the date it shows.
type Byline = (Platform, Author, Option<date::Date>);

/// A byline at the end of a longer line, right after Instagram's call to action: where it
/// starts in the line, and what it says.
fn glued_byline(line: &str) -> Option<(usize, Byline)> {
    let mut from = line.len().saturating_sub(MAX_LINE);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    let tail = &line[from..];
    // Every call to action names Instagram: one fast search first, with a searcher built
    // once rather than per line.
    INSTAGRAM.find(tail.as_bytes())?;
    INSTAGRAM_CALL.iter().find_map(|call| {
        let at = tail.find(call)?;
        let rest = tail[at + call.len()..].trim_start_matches(is_space);
        Some((from + at, byline(rest)?))
    })
}

/// Whether a byline ends with its connective and no date (`… (@maribuhma) am`).
fn date_lost(line: &str) -> bool {
    line.trim_end().rsplit_once(')').is_some_and(|(_, tail)| {
        let word = tail.trim();
        !word.is_empty() && word.chars().all(char::is_lowercase)
    })
}

/// Parses a byline: the platform, the author and the date it shows.
fn byline(line: &str) -> Option<Byline> {
    if let Some(rest) = INSTAGRAM_SHARED_BY
        .iter()
        .find_map(|p| line.strip_prefix(p))
    {
        let c = INSTAGRAM_TAIL.captures(rest)?;
        let handle = c
            .name("h1")
            .or(c.name("h2"))
            .map(|m| m.as_str().to_string());
        let name = c
            .name("name")
            .map(|m| m.as_str().trim().to_string())
            .filter(|n| !n.is_empty());
        // After a connective (`on`, `le`, `am`), else right after the handle.
        let date = c
            .name("date")
            .and_then(|d| date::parse_prefix(d.as_str(), None))
            .or_else(|| {
                c.name("tail")
                    .and_then(|d| date::parse_prefix(d.as_str(), None))
            })
            .map(|(d, _)| d);
        return Some((Platform::Instagram, Author { name, handle }, date));
    }
    let c = FACEBOOK.captures(line)?;
    let (d, _) = date::parse_prefix(&c["date"], None)?;
    let author = Author {
        name: Some(c["name"].trim().to_string()),
        handle: None,
    };
    Some((Platform::Facebook, author, Some(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_older_russian_credit_dated_without_a_connective() {
        // fixtures/realworld-next11/docs/514.txt.
        let (p, a, d) =
            byline("Видео опубликовано Lukas Podolski (@poldi_official) Июл 9 2016 в 12:02 PDT")
                .unwrap();
        assert_eq!(p, Platform::Instagram);
        assert_eq!(
            (a.name.as_deref(), a.handle.as_deref()),
            (Some("Lukas Podolski"), Some("poldi_official"))
        );
        assert_eq!(d.map(|d| (d.year, d.month, d.day)), Some((2016, 7, 9)));
    }

    #[test]
    fn instagram_and_facebook_bylines() {
        let (p, a, d) =
            byline("A post shared by Luca Ferri (@luca.ferri_cooks) on Oct 3, 2023 at 6:12pm PDT")
                .unwrap();
        assert_eq!(p, Platform::Instagram);
        assert_eq!(
            (a.name.as_deref(), a.handle.as_deref()),
            (Some("Luca Ferri"), Some("luca.ferri_cooks"))
        );
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2023-10-03"));
        let (_, a, d) = byline("Une publication partagée par @atelier.nord").unwrap();
        assert_eq!(
            (a.name, a.handle.as_deref(), d),
            (None, Some("atelier.nord"), None)
        );
        let (p, a, d) =
            byline("Posted by Ashby Public Library on Thursday, September 7, 2023").unwrap();
        assert_eq!(p, Platform::Facebook);
        assert_eq!(a.name.as_deref(), Some("Ashby Public Library"));
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2023-09-07"));
    }

    #[test]
    fn a_quoted_caption_with_its_attribution_is_prose() {
        // fixtures/realworld-next/docs/333.txt, the paragraph above the credit.
        assert!(attributed_quotation(
            "\u{201c}Lo que para m\u{ed} era una catarsis y un desahogo jam\u{e1}s pens\u{e9} que \
             llegar\u{ed}a directo al n\u{fa}mero uno del mundo\u{201d}, comenz\u{f3} diciendo la \
             artista en Instagram."
        ));
        // A caption that quotes somebody keeps its hashtags.
        assert!(!attributed_quotation(
            "\u{201c}Be yourself,\u{201d} says my mum. #monday #quotes."
        ));
        assert!(!attributed_quotation("First soup of the season #autumn"));
        assert!(!attributed_quotation(
            "\u{201c}Ready for the weekend\u{201d}"
        ));
    }

    #[test]
    fn a_call_to_action_glued_to_the_caption_is_cut_off() {
        // fixtures/realworld-next17/docs/605.txt, line 5.
        let line =
            "Wy\u{15b}wietl ten post na Instagramie.Nie jestem babci\u{105}! I am not Grandma!";
        let caption = INSTAGRAM_CALL.iter().find_map(|c| strip_call(line, c));
        assert_eq!(caption, Some("Nie jestem babci\u{105}! I am not Grandma!"));
        assert_eq!(
            strip_call("View this post on Instagram", INSTAGRAM_CALL[0]),
            Some("")
        );
        assert_eq!(
            strip_call("View this post on Instagrams", INSTAGRAM_CALL[0]),
            None
        );
    }

    #[test]
    fn prose_is_not_a_byline() {
        assert!(byline("A post shared by many readers went viral on Tuesday.").is_none());
        assert!(byline("Posted by the council on its website, the notice was short.").is_none());
        assert!(byline("Posted by admin").is_none());
        // fixtures/realworld-next8/docs/470.txt: the date lost after `on`.
        let (_, author, date) = byline("A post shared by Madonna (@madonna) on").unwrap();
        assert_eq!(author.handle.as_deref(), Some("madonna"));
        assert!(date.is_none());
        assert!(date_lost("A post shared by Madonna (@madonna) on"));
        // fixtures/realworld/docs/206.txt.
        assert!(date_lost(
            "Ein Beitrag geteilt von Mari - SUNNY Days (@maribuhma) am"
        ));
        assert!(!date_lost(
            "A post shared by Luca Ferri (@luca.ferri_cooks) on Oct 3, 2023 at 6:12pm PDT"
        ));
        let (_, author, date) =
            byline("Publicată de Mihai Șora pe Duminică, 6 decembrie 2020").unwrap();
        assert_eq!(author.name.as_deref(), Some("Mihai Șora"));
        assert_eq!(date.unwrap().to_string(), "2020-12-06");
        // A blog's byline names no weekday.
        assert!(byline("Posted by Michael David Smith on November 19, 2019").is_none());
    }
}
