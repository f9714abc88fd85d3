//! Posts listed as `Name (@handle): “text”`, one per line, as list articles print them, and
//! replies listed as `@handle: text`.
//!
//! ```text
//! - Filippo Ronco (@filipporonco): “La buona notizia è che non è necessario essere straordinari.”
//! - Francesco Lanza (@bedrosian) [in risposta a Roberto Formigoni]:”@r_formigoni: “mentula canis”.
//! ```
//!
//! The line opens (after an optional list marker) with a display name and a handle in
//! parentheses, an optional bracketed note, a colon, and the post's text in quotation marks: the
//! marks are the evidence that the words are the account's own. The text runs to the end of the
//! line, without its enclosing marks.

use super::paragraphs::{is_space, Paras};
use super::Sighting;
use crate::document::Document;
use crate::model::{AppearanceKind, Author, Platform};

/// Longest display name, in characters.
const MAX_NAME_CHARS: usize = 64;

/// Longest bracketed note between the handle and the colon, in bytes.
const MAX_NOTE_BYTES: usize = 300;

/// Marks that may open the quoted text (a wrong-way `”` included: copies often flip it).
const OPENING_MARKS: [char; 6] = ['“', '”', '"', '«', '„', '‘'];

/// Marks that may close it.
const CLOSING_MARKS: [char; 6] = ['”', '“', '"', '»', '’', '‘'];

/// Finds `Name (@handle): “text”` lines among the unclaimed paragraphs; marks those used.
pub fn scan(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    for (k, para) in paras.list.iter().enumerate() {
        if claimed[k] {
            continue;
        }
        let line = &text[para.range.clone()];
        // The cheap test first: `(@` early in the line (each `(` found by `memchr`, which
        // costs less than setting up a substring search per paragraph).
        let Some(at) = line
            .get(..line.len().min(MAX_NAME_CHARS * 4 + 8))
            .and_then(|h| {
                let h = h.as_bytes();
                memchr::memchr_iter(b'(', h).find(|&i| h.get(i + 1) == Some(&b'@'))
            })
        else {
            continue;
        };
        let Some((name, handle, body)) = read_line(line, at) else {
            continue;
        };
        claimed[k] = true;
        out.push(listed_post(
            Some(name),
            Some(handle),
            body,
            reply_target(body),
            para.range.clone(),
        ));
    }
}

/// A listed post: no date, an author by name or handle, the text, the account it replies to
/// (when the text opens with a handle), over the bytes `range`.
fn listed_post(
    name: Option<&str>,
    handle: Option<&str>,
    text: &str,
    reply_to: Option<String>,
    range: std::ops::Range<usize>,
) -> Sighting {
    Sighting {
        platform: Platform::Twitter,
        kind: AppearanceKind::Embed,
        author: Author {
            name: name.map(str::to_string),
            handle: handle.map(str::to_string),
        },
        date: None,
        text: text.to_string(),
        extra: super::Extra::of(reply_to, None, None),
        start: range.start,
        end: range.end,
    }
}

/// Fewest paragraphs in a row of a list of replies `@handle: text`.
const MIN_REPLY_RUN: usize = 2;

/// Replies listed as `@handle: text`, a paragraph each, with no marks (`@ikanouve1: Ustadz
/// @ustadtengkuzul biarin aja …`): posts credited by handle when at least [`MIN_REPLY_RUN`]
/// unclaimed paragraphs in a row have the shape (one alone is as often a chat line or a
/// reply quoted in prose). Marks those used.
pub fn scan_replies(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    let mut k = 0;
    while k < paras.list.len() {
        // The run of reply paragraphs from `k`, each read once.
        let run: Vec<(usize, &str, &str)> = (k..paras.list.len())
            .map_while(|j| {
                let (handle, body) = (!claimed[j])
                    .then(|| reply_line(&text[paras.list[j].range.clone()]))
                    .flatten()?;
                Some((j, handle, body))
            })
            .collect();
        if run.len() >= MIN_REPLY_RUN {
            for &(j, handle, body) in &run {
                claimed[j] = true;
                out.push(listed_post(
                    None,
                    Some(handle),
                    body,
                    None,
                    paras.list[j].range.clone(),
                ));
            }
        }
        k += run.len().max(1);
    }
}

/// Fewest credited items in a run of `handle: text` lines with a credit line under each.
const MIN_CREDITED_RUN: usize = 2;

/// Posts listed as `handle: text` (the handle without its `@`, or lost: `: text`) with a
/// credit line under each, a column's way of printing a week's tweets:
///
/// ```text
/// michaelcburgess: And please add my name to the list of Members of the House …
/// Representative Michael Burgess, Texas
/// ```
///
/// Only a run of at least [`MIN_CREDITED_RUN`] such pairs counts, single blank lines
/// between them. The author is the credit's name, less a title opening it. Marks those used.
pub fn scan_credited(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    let item = |claimed: &[bool], k: usize| -> Option<(Option<&str>, &str, &str)> {
        let credit = paras.list.get(k + 1)?;
        if claimed[k] || claimed[k + 1] || credit.gap_before != 0 {
            return None;
        }
        let (handle, body) = handle_text_line(&text[paras.list[k].range.clone()])?;
        Some((handle, body, credited_name(&text[credit.range.clone()])?))
    };
    let mut k = 0;
    while k < paras.list.len() {
        // The run of credited pairs from `k` (single blank lines between them), each read once.
        let mut run = Vec::new();
        loop {
            let j = k + 2 * run.len();
            let spaced = run.is_empty() || paras.list.get(j).is_some_and(|p| p.gap_before <= 1);
            match spaced.then(|| item(claimed, j)).flatten() {
                Some(found) => run.push((j, found)),
                None => break,
            }
        }
        let used = 2 * run.len();
        if run.len() >= MIN_CREDITED_RUN {
            for (j, (handle, body, name)) in run {
                let range = paras.list[j].range.start..paras.list[j + 1].range.end;
                out.push(listed_post(Some(name), handle, body, None, range));
                claimed[j] = true;
                claimed[j + 1] = true;
            }
        }
        k += used.max(1);
    }
}

/// Splits `handle: text` or `: text` (a handle lost) into the handle and the text (at least
/// [`MIN_REPLY_WORDS`] words).
fn handle_text_line(line: &str) -> Option<(Option<&str>, &str)> {
    let (handle, body) = line.split_once(": ")?;
    let shaped = handle.len() <= 15
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let body = body.trim_matches(is_space);
    (shaped && body.split_whitespace().count() >= MIN_REPLY_WORDS)
        .then(|| ((!handle.is_empty()).then_some(handle), body))
}

/// Words of a credited name, title included.
const CREDIT_NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=5;

/// The name of a credit line `[Title] Name, Place or role`: `Representative Michael Burgess,
/// Texas` gives `Michael Burgess`, `Garrett M. Graff, editor, The Washingtonian` gives
/// `Garrett M. Graff`. The name's words are capitalized (initials allowed); a known title
/// opening it is dropped; the part after the comma is short and opens with a letter.
fn credited_name(line: &str) -> Option<&str> {
    let (name, rest) = line.split_once(", ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalized = words.iter().all(|w| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    });
    if !CREDIT_NAME_WORDS.contains(&words.len())
        || !capitalized
        || rest.split_whitespace().count() > 6
        || !rest.starts_with(char::is_alphabetic)
        || rest.ends_with(['.', '!', '?', ':'])
    {
        return None;
    }
    let titled = crate::quote::lexicon::TITLES.contains(&words[0].to_lowercase().as_str());
    let name = if titled && words.len() > 2 {
        name[words[0].len()..].trim_start()
    } else {
        name
    };
    (name.split_whitespace().count() <= 4).then_some(name)
}

/// Least words of a reply's text.
const MIN_REPLY_WORDS: usize = 2;

/// Splits `@handle: text` into (handle, text): a handle of one to fifteen word characters, a
/// colon and a space, then at least [`MIN_REPLY_WORDS`] words not opened by a quote mark
/// (those are [`read_line`]'s).
fn reply_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('@')?;
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if !(1..=15).contains(&len) {
        return None;
    }
    let body = rest[len..].strip_prefix(": ")?.trim_matches(is_space);
    let words = body.split_whitespace().count() >= MIN_REPLY_WORDS;
    (words && !body.starts_with(OPENING_MARKS)).then(|| (&rest[..len], body))
}

/// Splits a line into (name, handle, text) when it has the shape; `at` is where `(@` stands.
fn read_line(line: &str, at: usize) -> Option<(&str, &str, &str)> {
    let marker = list_marker_len(line);
    let name = line.get(marker..at)?.trim_matches(is_space);
    let chars = name.chars().count();
    if !(1..=MAX_NAME_CHARS).contains(&chars)
        || !name.chars().any(char::is_alphanumeric)
        || name.contains(['(', ')', '@', '#', ':', '“', '”', '"'])
        || name.split_whitespace().count() > 6
    {
        return None;
    }
    let after = &line[at + 2..];
    let handle_len = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if !(1..=15).contains(&handle_len) || after.as_bytes().get(handle_len) != Some(&b')') {
        return None;
    }
    let handle = &after[..handle_len];
    let mut rest = after[handle_len + 1..].trim_start_matches(is_space);
    if let Some(note) = rest.strip_prefix('[') {
        let close = note.get(..note.len().min(MAX_NOTE_BYTES))?.find(']')?;
        rest = note[close + 1..].trim_start_matches(is_space);
    }
    let rest = rest.strip_prefix(':')?.trim_start_matches(is_space);
    let body = rest.strip_prefix(OPENING_MARKS)?;
    let body = body.trim_end_matches(is_space);
    // A closing mark, perhaps followed by the sentence's full stop, is not part of the text.
    let trimmed = body.strip_suffix('.').unwrap_or(body);
    let body = trimmed.strip_suffix(CLOSING_MARKS).unwrap_or(body);
    let body = body.trim_matches(is_space);
    (!body.is_empty()).then_some((name, handle, body))
}

/// Bytes of a list marker opening the line (`- `, `• `, `* `, `3. `, `3) `), or 0.
fn list_marker_len(line: &str) -> usize {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        digits + 1
    } else if line.starts_with(['-', '*', '•', '–', '—']) {
        line.chars().next().map_or(0, char::len_utf8)
    } else {
        return 0;
    };
    match line[marker..].chars().next() {
        Some(c) if is_space(c) => marker + c.len_utf8(),
        _ => 0,
    }
}

/// The handle a text opens with (`@r_formigoni: …`): the account the post replies to.
fn reply_target(body: &str) -> Option<String> {
    let rest = body.strip_prefix('@')?;
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    (1..=15).contains(&len).then(|| rest[..len].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(&str, &str, &str)> {
        read_line(line, line.find("(@")?)
    }

    #[test]
    fn listed_posts() {
        // fixtures/realworld/docs/021.txt, verbatim lines.
        assert_eq!(
            read("- Filippo Ronco (@filipporonco): “La buona notizia è che non è necessario essere straordinari per il mondo intero. E’ sufficiente esserlo per qualcuno.”"),
            Some((
                "Filippo Ronco",
                "filipporonco",
                "La buona notizia è che non è necessario essere straordinari per il mondo intero. E’ sufficiente esserlo per qualcuno."
            ))
        );
        // A wrong-way closing mark, then the full stop.
        let (name, _, body) = read("- Alessandro Clemente (@serena_gandhi): “Bere birra analcolica è come avere una selvaggia notte di sesso con l’accappatoio di Charlize Theron“.").unwrap();
        assert_eq!(name, "Alessandro Clemente");
        assert!(body.ends_with("l’accappatoio di Charlize Theron"));
        // A bracketed note before the colon.
        let (name, handle, body) = read("- Francesco Lanza (@bedrosian) [in risposta a Roberto Formigoni che sosteneva che le riforme erano state fatte a “canis cazzum”]:”@r_formigoni: “mentula canis”. Il Latino ha delle Regole, non è la Regione Lombardia, ch").unwrap();
        assert_eq!((name, handle), ("Francesco Lanza", "bedrosian"));
        assert!(body.starts_with("@r_formigoni: “mentula canis”. Il Latino"));
    }

    #[test]
    fn handle_text_lines_over_credits() {
        // fixtures/realworld-next13/docs/558.txt, verbatim lines.
        assert_eq!(
            credited_name("Representative Michael Burgess, Texas"),
            Some("Michael Burgess")
        );
        assert_eq!(
            credited_name("Garrett M. Graff, editor, The Washingtonian"),
            Some("Garrett M. Graff")
        );
        assert_eq!(
            handle_text_line(": Unemployment tops 9.7% – billions in bonuses & bailouts for Wall Street. What’s wrong with this picture?"),
            Some((None, "Unemployment tops 9.7% – billions in bonuses & bailouts for Wall Street. What’s wrong with this picture?"))
        );
        // The column's own prose above the list (same document) is neither.
        let prose = "In other news, a guest tweet by our esteemed editor, Garrett Graff, was too good not to include. McCaskill, ever the matriarch, has been cooking up a storm, Rick Perry is loving Roy Orbison, and John McCain has been schmoozing world leaders again.";
        assert_eq!(credited_name(prose), None);
        assert_eq!(handle_text_line(prose), None);
    }

    #[test]
    fn replies_listed_by_handle() {
        // fixtures/realworld-next14/docs/566.txt, verbatim.
        assert_eq!(
            reply_line(
                "@IMyanniesyi: Najisss amat milih si Faizal, mndingan pilih tong sampah hahaaa.."
            ),
            Some((
                "IMyanniesyi",
                "Najisss amat milih si Faizal, mndingan pilih tong sampah hahaaa.."
            ))
        );
        // The prose above the list (same document) opens no reply.
        assert_eq!(
            reply_line("Warganet ikut berkomentar mengenai balasan Ustaz Tengku Zulkarnain atas kicauan Twitter Faizal tersebut. Ini kata warganet."),
            None
        );
    }

    #[test]
    fn prose_with_handles_is_not_a_listed_post() {
        // fixtures/realworld/docs/105.txt: an account described after its handle, no marks.
        assert!(read("Amy Walter (@amyewalter): The political director of ABC News emerged as one my favorite people to follow during the GOP debates. I find her tweets to be a great combination of funny and no-nonsense.").is_none());
    }
}
