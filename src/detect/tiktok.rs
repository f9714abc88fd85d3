//! TikTok embeds flattened to text: the author's `@handle`, the caption, and the `♬` sound line
//! that closes every TikTok embed.
//!
//! ```text
//! @marrow.lane.bakery 5am scoring session, who wants the first loaf? #sourdough ♬ original sound - Marrow Lane Bakery
//! ```
//!
//! ```text
//! @marrow.lane.bakery
//!
//! 5am scoring session, who wants the first loaf? #sourdough
//!
//! ♬ original sound - Marrow Lane Bakery
//! ```
//!
//! The trigger is the `♬`; the sound line runs from it to the end of its line. The author is an
//! `@handle` standing at the start of the sound line or of one of the (at most [`MAX_ABOVE`])
//! unclaimed paragraphs just above it, each at most one blank line from the next; a paragraph
//! that is the `@handle` alone is preferred to one that merely starts with a handle (a caption
//! may open with a mention). The text is everything between the handle and the `♬`, paragraphs
//! joined by `\n`. Without such a handle there is a post only when the sound line stands on a
//! line of its own (`♬ Lalala - İlkan Gunuc Remix - danilla_carvalho`) under a caption with a
//! hashtag, its author's line lost: a `♬` in prose is not an embed. No date is shown, and the
//! caption-less form (`@handle ♬ sound`) gives nothing, as it has no text to tell one video
//! from another.

use super::paragraphs::{is_space, Paras};
use super::Sighting;
use crate::document::Document;
use crate::model::{AppearanceKind, Author, Platform};
use crate::post::status_link::is_tiktok_handle;
use memchr::memmem;

/// The trigger: `♬` (U+266C BEAMED SIXTEENTH NOTES), as UTF-8.
const NOTE: &str = "♬";

/// Paragraphs above the sound line searched for the author.
pub const MAX_ABOVE: usize = 3;

/// Most bytes from the author's `@` to the `♬` (a TikTok caption holds 2,200 characters).
const MAX_TEXT_BYTES: usize = 2_400;

/// Longest sound line, in bytes, `♬` included: a sound's name is short, a longer run after the
/// note is prose.
const MAX_SOUND_BYTES: usize = 300;

/// Finds flattened TikTok embeds in the unclaimed paragraphs; marks the paragraphs used.
///
/// # Complexity
/// Linear: one `memmem` pass; each paragraph is tried at most once (at its first `♬`), and each
/// try looks at most [`MAX_ABOVE`] paragraphs and 2,400 bytes above it. Nothing is
/// allocated for a `♬` that gives no post.
pub fn scan(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    let mut k = 0; // cursor: the first paragraph that may hold the next note
    let mut last_tried = None;
    for at in memmem::find_iter(text.as_bytes(), NOTE.as_bytes()) {
        while paras.list.get(k).is_some_and(|p| p.range.end <= at) {
            k += 1;
        }
        let Some(para) = paras.list.get(k) else { break };
        if at < para.range.start || last_tried == Some(k) {
            continue;
        }
        last_tried = Some(k);
        if claimed.get(k).copied().unwrap_or(true) {
            continue;
        }
        if let Some(s) = read(text, paras, claimed, k, at) {
            out.push(s);
        }
    }
}

/// Reads the embed whose sound line is paragraph `k`, its `♬` at byte `at`; marks what it uses.
fn read(text: &str, paras: &Paras, claimed: &mut [bool], k: usize, at: usize) -> Option<Sighting> {
    let line = paras.list.get(k)?.range.clone();
    let sound = text.get(at..line.end)?;
    if sound.len() > MAX_SOUND_BYTES || sound.get(NOTE.len()..)?.trim().is_empty() {
        return None;
    }
    // The window: the sound line and the unclaimed paragraphs just above it.
    let mut top = k;
    while top > 0 && k - top < MAX_ABOVE {
        let above = top - 1;
        let joined = paras.list.get(top)?.gap_before <= 1;
        let near = paras
            .list
            .get(above)
            .is_some_and(|p| at.saturating_sub(p.range.start) <= MAX_TEXT_BYTES);
        if !joined || !near || claimed.get(above).copied().unwrap_or(true) {
            break;
        }
        top = above;
    }
    // The author: the nearest lone `@handle`, else the nearest paragraph opening with one.
    let starts = |i: usize| -> Option<(usize, &str, bool)> {
        let p = paras.list.get(i)?.range.clone();
        let end = if i == k { at } else { p.end };
        let shown = text.get(p.start..end)?;
        let (handle, rest) = handle_start(shown)?;
        Some((i, handle, rest.trim_matches(is_space).is_empty() && i != k))
    };
    let Some((first, handle, _)) = (top..=k)
        .rev()
        .filter_map(starts)
        .find(|&(_, _, lone)| lone)
        .or_else(|| (top..=k).rev().find_map(starts))
    else {
        return captioned(text, paras, claimed, k, at, top);
    };
    let start = paras.list.get(first)?.range.start;
    if at.saturating_sub(start) > MAX_TEXT_BYTES {
        return None;
    }
    // The text: from after the handle to the note, one line per paragraph.
    let mut body = String::new();
    for i in first..=k {
        let p = paras.list.get(i)?.range.clone();
        let from = if i == first {
            p.start + 1 + handle.len()
        } else {
            p.start
        };
        let to = if i == k { at } else { p.end };
        let piece = text.get(from..to)?.trim_matches(is_space);
        if !piece.is_empty() {
            if !body.is_empty() {
                body.push('\n');
            }
            body.push_str(piece);
        }
    }
    if body.is_empty() {
        return None;
    }
    for c in claimed.get_mut(first..=k)? {
        *c = true;
    }
    let author = Author {
        name: None,
        handle: Some(handle.to_string()),
    };
    Some(embed(author, body, start..line.end))
}

/// A TikTok embed's sighting: no date is shown.
fn embed(author: Author, text: String, span: std::ops::Range<usize>) -> Sighting {
    Sighting {
        platform: Platform::TikTok,
        kind: AppearanceKind::Embed,
        author,
        date: None,
        text,
        extra: super::Extra::of(None, None, None),
        start: span.start,
        end: span.end,
    }
}

/// The embed with its author's line lost (`This is NEXT LEVEL! 😜 ##emojidance …`, blank, `♬
/// Lalala - İlkan Gunuc Remix - danilla_carvalho`): a sound line of its own, a sound's name and
/// its author after a ` - `, right under a caption with a hashtag, at most one blank line
/// between. A post with no author; prose with a `♬` has neither the line nor the hashtag.
fn captioned(
    text: &str,
    paras: &Paras,
    claimed: &mut [bool],
    k: usize,
    at: usize,
    top: usize,
) -> Option<Sighting> {
    let line = paras.list.get(k)?.range.clone();
    let above = k.checked_sub(1).filter(|&a| a >= top)?;
    let sound = text.get(at..line.end)?;
    if !text.get(line.start..at)?.trim_matches(is_space).is_empty() || !sound.contains(" - ") {
        return None;
    }
    let caption = paras.list.get(above)?.range.clone();
    let body = text.get(caption.clone())?.trim_matches(is_space);
    let tagged = body
        .match_indices('#')
        .any(|(i, _)| body[i + 1..].starts_with(|c: char| c.is_alphanumeric() || c == '#'));
    if !tagged || body.contains(NOTE) {
        return None;
    }
    for c in claimed.get_mut(above..=k)? {
        *c = true;
    }
    Some(embed(
        Author::default(),
        body.to_string(),
        caption.start..line.end,
    ))
}

/// `@handle` at the start of `s`, ended by white space, a `♬` or the end: the handle and what
/// follows it. A trailing `.` is punctuation (TikTok handles never end with one), so no handle.
fn handle_start(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('@')?;
    let len = rest
        .bytes()
        .take(25)
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        .count();
    let (handle, after) = (rest.get(..len)?, rest.get(len..)?);
    let ended = after.is_empty() || after.starts_with(is_space) || after.starts_with(NOTE);
    (ended && is_tiktok_handle(handle) && !handle.ends_with('.')).then_some((handle, after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Detector;

    fn scan_text(s: &str) -> Vec<Sighting> {
        Detector::default().scan(&Document::new("t.txt", s.to_string()))
    }

    fn one(s: &str) -> (String, String) {
        let found = scan_text(s);
        assert_eq!(found.len(), 1, "{s:?}: {found:#?}");
        let f = &found[0];
        assert_eq!(
            (f.platform, f.kind, f.date, f.author.name.as_deref()),
            (Platform::TikTok, AppearanceKind::Embed, None, None)
        );
        (f.author.handle.clone().unwrap_or_default(), f.text.clone())
    }

    #[test]
    fn handles_at_line_start() {
        assert_eq!(
            handle_start("@jane.doe_42 caption"),
            Some(("jane.doe_42", " caption"))
        );
        assert_eq!(handle_start("@jane♬ x"), Some(("jane", "♬ x")));
        assert_eq!(handle_start("@jane"), Some(("jane", "")));
        assert_eq!(handle_start("@jane. More"), None);
        assert_eq!(handle_start("@j caption"), None);
        assert_eq!(handle_start("@jane, caption"), None);
        assert_eq!(handle_start("@abcdefghijklmnopqrstuvwxy x"), None);
        assert_eq!(handle_start("jane caption"), None);
    }

    #[test]
    fn a_caption_over_its_sound_line_without_the_author() {
        // fixtures/realworld-next21/docs/655.txt, verbatim: the author's line was lost.
        let text = "Perhaps the most impressive \u{201c}Hand Emoji Challenge\u{201d} would be the video by user Nik Skrlec, which he completes the challenge using both hands and facial expressions:


This is NEXT LEVEL! \u{1f61c} ##emojidance ##emojidancechallenge ##challenge ##viral ##tiktokslovenia ##slovenia ##fyp

\u{266c} Lalala - \u{130}lkan Gunuc Remix - danilla_carvalho

That\u{2019}s some serious hand-eye-face-emoji coordination right there.";
        let found = scan_text(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].author, Author::default());
        assert!(found[0].text.starts_with("This is NEXT LEVEL!"));
        assert!(found[0].text.ends_with("##fyp"));
    }

    #[test]
    fn one_line_and_paragraph_forms() {
        let want = (
            "kiln.and.kettle".to_string(),
            "Glaze day! Guess the colour 🎨 #pottery #ceramics".to_string(),
        );
        assert_eq!(
            one("Lead-in prose.\n@kiln.and.kettle Glaze day! Guess the colour 🎨 #pottery #ceramics ♬ original sound - Kiln and Kettle\nMore prose.\n"),
            want
        );
        assert_eq!(
            one("Lead-in prose:\n\n@kiln.and.kettle\n\nGlaze day! Guess the colour 🎨 #pottery #ceramics\n\n♬ original sound - Kiln and Kettle\n\nMore prose.\n"),
            want
        );
        assert_eq!(
            one("@kiln.and.kettle\nGlaze day!\nGuess the colour\n♬ original sound\n"),
            (
                "kiln.and.kettle".into(),
                "Glaze day!\nGuess the colour".into()
            )
        );
        // A caption opening with a mention: the lone handle above is the author.
        assert_eq!(
            one("@kiln.and.kettle\n\n@ana_draws look what you made #collab\n\n♬ Slow Tide - Ren Oak\n"),
            ("kiln.and.kettle".into(), "@ana_draws look what you made #collab".into())
        );
    }

    #[test]
    fn prose_and_distant_handles_are_no_post() {
        for s in [
            "The clip, set to ♬ original sound - the harbour whistle, spread fast.\n",
            "Fans tagged @harbour_radio as ♬ Morning Tide played.\n",
            "@kiln.and.kettle\n\n\nGlaze day!\n\n♬ original sound\n",
            "@kiln.and.kettle\n\nOne.\n\nTwo.\n\nThree.\n\n♬ original sound\n",
            "@kiln.and.kettle ♬ original sound - Kiln and Kettle\n",
            "@kiln.and.kettle Glaze day! ♬\n",
            "@kiln.and.kettle. Glaze day! ♬ original sound\n",
        ] {
            assert!(scan_text(s).is_empty(), "{s:?}: {:#?}", scan_text(s));
        }
    }

    #[test]
    fn hostile_inputs_stay_cheap() {
        let notes = "♬".repeat(200_000);
        assert!(scan_text(&notes).is_empty());
        let lines = "@ab x ♬ y\n".repeat(20_000);
        assert_eq!(scan_text(&lines).len(), 20_000);
        let long = format!("@ab {} ♬ sound\n", "word ".repeat(1_000));
        assert!(scan_text(&long).is_empty());
    }
}
