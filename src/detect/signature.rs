//! The signature line of Twitter's blockquote embed, once flattened to text.
//!
//! ```text
//! ... closed until 6pm #Flood https://t.co/Ab12Cd34Ef pic.twitter.com/Xy98Zw76Vu — Ana Ruiz (@MayorAnaRuiz) March 3, 2021
//! ```
//!
//! Scanning starts from the `(@` trigger, reads the handle forward, the date after it, and looks
//! back a bounded distance for the dash (`—`, `―`, `–`, `&mdash;`, `--`, ` - `, or the mojibake
//! `â€”` of UTF-8 read as Windows-1252) that opens the author's name. Everything is bounded by
//! the line and by [`MAX_NAME_BYTES`], so each trigger costs constant time.

use crate::model::Platform;
use crate::post::date::{self, Date};
use std::ops::Range;

/// How far before `(@` the dash may stand: the longest display name plus slack.
pub const MAX_NAME_BYTES: usize = 160;

/// A parsed `— Name (@handle) Date` signature.
#[derive(Debug, Clone)]
pub struct Signature {
    /// Byte offset of the dash that opens the signature.
    pub dash: usize,
    /// The author's display name.
    pub name: String,
    /// The handle without `@`.
    pub handle: String,
    /// The network, from the handle's shape.
    pub platform: Platform,
    /// The printed date, when there is one.
    pub date: Option<Date>,
    /// Byte offset just past the signature (after the date).
    pub end: usize,
}

/// Parses the signature whose `(@` stands at byte `at` of `text`, within `line` (a byte range).
pub fn parse_at(text: &str, line: Range<usize>, at: usize) -> Option<Signature> {
    let after = text.get(at + 2..line.end)?;
    let (handle, platform) = read_handle(after)?;
    let mut end = at + 2 + handle.len();
    if text.as_bytes().get(end) != Some(&b')') {
        return None;
    }
    end += 1;
    // The date first: it is a cheap forward test that almost every `(@` in prose fails.
    // It is required: `— Jane Doe (@jdoe)` alone is how bylines and credits look too.
    let rest = text.get(end..line.end)?;
    let skipped = rest.len() - rest.trim_start_matches(super::paragraphs::is_space).len();
    let date = match date::parse_prefix(&rest[skipped..], None) {
        Some((date, used)) => {
            end += skipped + used;
            date
        }
        // The date link pushed onto the next line (`— Name (@handle)` / `December 31, 2019`).
        None if skipped == rest.len() => {
            let (date, date_end) = date_line_after(text, line.end)?;
            end = date_end;
            date
        }
        None => return None,
    };
    let date = Some(date);
    let (dash, dash_end, _) = find_dash(text, line.start, at)?;
    // A signature line that goes on to the next line must hold nothing but the signature.
    if end > line.end
        && !text
            .get(line.start..dash)?
            .chars()
            .all(super::paragraphs::is_space)
    {
        return None;
    }
    let name = text
        .get(dash_end..at)?
        .trim_matches(super::paragraphs::is_space);
    if !is_plausible_name(name) {
        return None;
    }
    Some(Signature {
        dash,
        name: name.to_string(),
        handle: handle.to_string(),
        platform,
        date,
        end,
    })
}

/// The date on the line right after the one ending at `line_end`, when that line is a date and
/// nothing else: the date and the end of its line's content.
fn date_line_after(text: &str, line_end: usize) -> Option<(date::Date, usize)> {
    let after = text.get(line_end..)?;
    let breaks = if after.starts_with("\r\n") {
        2
    } else if after.starts_with(['\n', '\r']) {
        1
    } else {
        return None;
    };
    let start = line_end + breaks;
    let next = text.get(start..)?;
    let len = next.find(['\n', '\r']).unwrap_or(next.len());
    let content = next
        .get(..len)?
        .trim_end_matches(super::paragraphs::is_space);
    let (date, used) = date::parse_prefix(content, None)?;
    let lead = content.len()
        - content
            .trim_start_matches(super::paragraphs::is_space)
            .len();
    (used >= lead && content.get(used..)?.is_empty()).then_some((date, start + used))
}

/// Reads `handle)` from the start of `s`: a Twitter handle, or a domain handle (Bluesky).
fn read_handle(s: &str) -> Option<(&str, Platform)> {
    let word = s
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if word == 0 {
        return None;
    }
    if s.as_bytes().get(word) == Some(&b')') {
        return (word <= 15).then(|| (&s[..word], Platform::Twitter));
    }
    // Domain handles: `name.bsky.social`, `example.com`.
    let len = s
        .bytes()
        .take(253)
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        .count();
    let handle = &s[..len];
    let is_domain = handle.contains('.') && !handle.ends_with('.') && !handle.starts_with('.');
    (is_domain && s.as_bytes().get(len) == Some(&b')')).then_some((handle, Platform::Bluesky))
}

/// Finds the dash that opens the name: the nearest real dash before `at` (else the nearest
/// spaced hyphen), no earlier than `line_start` or [`MAX_NAME_BYTES`] back.
/// Returns (dash start, dash end, is a real dash).
fn find_dash(text: &str, line_start: usize, at: usize) -> Option<(usize, usize, bool)> {
    let mut from = at.saturating_sub(MAX_NAME_BYTES).max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..at)?;
    const DASHES: [(&str, bool); 8] = [
        ("—", true),
        ("―", true),
        ("&mdash;", true),
        ("–", true),
        // The em and en dash of UTF-8 text decoded as Windows-1252 (mojibake).
        ("â€”", true),
        ("â€“", true),
        ("--", false),
        ("-", false),
    ];
    let mut best: Option<(usize, usize, bool)> = None;
    for (dash, strong) in DASHES {
        let mut search = window;
        while let Some(i) = search.rfind(dash) {
            let start = from + i;
            let end = start + dash.len();
            let before = text[line_start..start].chars().next_back();
            let after = text[end..].chars().next();
            let spaced_before = before.is_none_or(super::paragraphs::is_space);
            let spaced_after = after.is_some_and(super::paragraphs::is_space);
            // A hyphen must stand alone; a real dash may be glued to the text before it
            // (flattened markup drops the space after a link).
            let ok = if strong {
                spaced_after || after != Some('-')
            } else {
                spaced_before && spaced_after
            };
            if ok && !(dash == "-" && before == Some('-')) {
                // A real dash anywhere in the window wins over a nearer hyphen.
                let better = best.is_none_or(|b| (strong, start) > (b.2, b.0));
                if better {
                    best = Some((start, end, strong));
                }
                break;
            }
            search = &search[..i];
        }
    }
    best
}

/// A display name: short, on one line, not a sentence.
fn is_plausible_name(name: &str) -> bool {
    let chars = name.chars().count();
    (1..=64).contains(&chars)
        && name.split_whitespace().count() <= 10
        && name.chars().any(char::is_alphanumeric)
        && !name.contains("(@")
        && !name.contains("http")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Option<Signature> {
        let at = line.find("(@")?;
        parse_at(line, 0..line.len(), at)
    }

    #[test]
    fn same_line_signature() {
        let s = parse("Text pic.twitter.com/x — Metro (@Metro) December 31, 2019").unwrap();
        assert_eq!((s.name.as_str(), s.handle.as_str()), ("Metro", "Metro"));
        assert_eq!(s.date.unwrap().to_string(), "2019-12-31");
        assert_eq!(s.dash, 23);
    }

    #[test]
    fn dash_inside_text_is_not_the_signature_dash() {
        let line =
            "fire – reports https://t.co/1 — City Desk Live (@CityDeskLive) December 31, 2019";
        let s = parse(line).unwrap();
        assert_eq!(s.name, "City Desk Live");
    }

    #[test]
    fn mdash_entity_and_hyphen_forms() {
        assert_eq!(
            parse("x &mdash; A B (@ab) Dec 31, 2019").unwrap().name,
            "A B"
        );
        assert_eq!(parse("x -- A B (@ab) Dec 31, 2019").unwrap().name, "A B");
        assert_eq!(
            parse("x - Jean-Paul (@jp) 31 December 2019").unwrap().name,
            "Jean-Paul"
        );
    }

    #[test]
    fn prose_with_handle_is_not_a_signature() {
        assert!(parse("— John Smith (@jsmith) said on Tuesday that").is_none());
        assert!(parse("John Smith (@jsmith) December 31, 2019").is_none());
        assert!(parse("well-known (@jsmith) December 31, 2019").is_none());
    }

    #[test]
    fn bluesky_domain_handle() {
        let s = parse("— Jay (@jay.bsky.team) November 25, 2024 at 12:58 AM").unwrap();
        assert_eq!(s.platform, Platform::Bluesky);
        assert_eq!(s.handle, "jay.bsky.team");
    }
}
