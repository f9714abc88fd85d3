//! Rendered cards copied as text: what a reader gets selecting a tweet as the browser shows it.
//!
//! ```text
//! Omar Nasser Replying to @OmarNasser
//!
//! Crowd is growing fast outside the stadium #Derby
//!
//!
//!
//! Omar Nasser
//!
//! Police have closed the east gate, fans are redirected to the north entrance #Derby
//! ```
//!
//! A card is a short *name line* (a display name, optionally `@handle`, `· date` or a date or
//! age after a space, and `Replying to @x`, or those on lines of their own, with the widget's
//! `Follow`), then the *body*: one short paragraph, or the lines down to a date line
//! (`9:15 AM · Mar 3, 2021`) when one follows within a tweet's length; counters and buttons
//! under it (`1.2K`, `Reply`, `Read 45 replies`) belong to the card. A card that follows another
//! card's body after a run of two or more blank lines is the card of the post it quotes.
//!
//! Precision matters as much as recall: an article heading followed by a paragraph has the same
//! outline. A card needs evidence of being a post: a `Replying to` line, a body with a hashtag,
//! mention, link or media link, a handle with a date, age or the widget's words, or being the
//! quoted card inside another card.

use super::paragraphs::Paras;
use super::{fold, Sighting};
use crate::document::{is_letter, Document};
use crate::model::{AppearanceKind, Author, Platform};
use crate::post::date::{self, Date};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Longest name line, in characters.
const MAX_NAME_CHARS: usize = 50;
/// Longest name line in bytes, with `@handle`, `· date` and `Replying to @x` (a quick bound
/// checked before any parsing: four bytes a character at most).
const MAX_NAME_LINE_BYTES: usize = 4 * (MAX_NAME_CHARS + 60);
/// Most words in a display name.
const MAX_NAME_WORDS: usize = 6;
/// Most lines in a card body (lines before its date line).
const MAX_BODY_LINES: usize = 8;
/// Most header lines of their own under a name line (`@handle`, `· date`, `Follow`).
const MAX_HEADER_LINES: usize = 4;
/// The last paragraph after a card's name line that may give it evidence of a post (a handle
/// or reply line in its header, an entity in its body), save the link lines an undated body
/// takes under it: the header lines, the first body line after them, the body lines before a
/// date line.
const EVIDENCE_REACH: usize = MAX_HEADER_LINES + MAX_BODY_LINES;
/// Longest card body in characters (a tweet's 280 plus room for expanded links).
const MAX_BODY_CHARS: usize = 420;

/// `Replying to @a` (also `@a and @b`, `@a, @b`) in the languages Twitter renders.
const REPLYING_PATTERN: &str = r"(?i)(?:^|\s)(?:Replying to|In reply to|En réponse à|Antwort an|En respuesta a|Em resposta a|In risposta a|Als antwoord op|W odpowiedzi do|Yanıt olarak|В ответ|У відповідь|ردًا على|رداً على|返信先|回复|回覆|답글 대상|Membalas|Svarar)\s*:?\s*@(\w{1,15})(?:(?:\s*,\s*|\s+(?:and|et|und|y|e|i|en|и|і|و)\s+)@\w{1,15})*\s*$";

/// `Name @handle` / `Name (@handle)` / `@handle`, with an optional `· date` after it, or a
/// date or age (`Dec 31, 2019`, `3h`) after a space, as older layouts print it.
const NAME_HANDLE_PATTERN: &str = r"^(?P<name>.*?)\s*(?:\(@(?P<h1>\w{1,15})\)|@(?P<h2>\w{1,15}))[\u{200e}\u{200f}]*(?:\s*[·•]\s*(?P<date>.+?)|\s+(?P<when>\S.*?))?\s*$";

/// A handle in the patterns above: at most 15 word characters, each right after an `@`.
const HANDLE: &str = r"\w{1,15}";
/// Longest handle, in characters.
const MAX_HANDLE_CHARS: usize = 15;

/// A pattern above, built with `\w+` for its handles: the Unicode `\w{1,15}` compiles to
/// fifteen copies of the word class (~15 ms for the pair, paid by every run that meets a line
/// with an `@`; `\w+` ~1 ms).
///
/// It reads a line as the exact pattern does, on the line with [`masked`] `@`s: each handle
/// stands right after an `@` and right before a non-word character (`)`, a space, `,`, `·`, a
/// direction mark or the end), so the exact pattern matches an `@` only when all the word
/// characters after it, at most 15, are the handle; `\w+` there matches the same run, and an
/// `@` before a longer run, masked, is matched where the exact pattern could match it (by `.`
/// and `\S`) and nowhere else.
struct HandlePattern(LazyLock<Regex>);

static REPLYING: HandlePattern = HandlePattern(LazyLock::new(|| short_handles(REPLYING_PATTERN)));
static NAME_HANDLE: HandlePattern =
    HandlePattern(LazyLock::new(|| short_handles(NAME_HANDLE_PATTERN)));

/// The phrases of [`REPLYING_PATTERN`] written in ASCII. On a line without a letter outside
/// ASCII, the pattern (case-insensitive) matches nothing without one of them, in any case: its
/// other phrases each have a letter outside ASCII, which matches no ASCII character, and an
/// ASCII letter matches no character outside ASCII but letters (`K` U+212A, `ſ`).
const REPLYING_ASCII: [&str; 10] = [
    "Replying to",
    "In reply to",
    "Antwort an",
    "En respuesta a",
    "Em resposta a",
    "In risposta a",
    "Als antwoord op",
    "W odpowiedzi do",
    "Membalas",
    "Svarar",
];

/// Characters of which [`REPLYING_PATTERN`] (case-insensitive) matches one in every match: for
/// each of its phrases outside ASCII, one of its characters with every character of the same
/// case (`é` of `En réponse à`, `е` of `В ответ`, `ر` of `ردًا على`), and the two characters
/// outside ASCII that match an ASCII letter (`ſ` U+017F, `K` U+212A, the last two), through
/// which a phrase of [`REPLYING_ASCII`] could match without its ASCII spelling. A test checks
/// both against the pattern's own engine.
const REPLYING_KEYS: [char; 13] = [
    'é', 'É', 'ı', 'е', 'Е', 'і', 'І', 'ر', '返', '回', '답', 'ſ', '\u{212A}',
];
/// The keys of the phrases outside ASCII: [`REPLYING_KEYS`] less its last two.
#[cfg(test)]
const PHRASE_KEYS: usize = REPLYING_KEYS.len() - 2;

/// Whether [`REPLYING`] may match `line`: it has one of [`REPLYING_KEYS`], or one of
/// [`REPLYING_ASCII`] in any case. Most lines with an `@` have neither, and skip that pattern
/// (whose automaton costs more to build and run than the line's other tests: building it and
/// its first searches, ~20M instructions, were 1.5% of a run over the 279 real pages, paid
/// for display names with an accent such as `Müller (@mueller)`).
fn may_reply(line: &str) -> bool {
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(REPLYING_ASCII)
            .expect("valid phrases")
    });
    (!line.is_ascii() && line.contains(REPLYING_KEYS)) || PHRASES.is_match(line)
}

/// Groups of [`NAME_HANDLE_PATTERN`], by number.
const NAME: usize = 1;
const H1: usize = 2;
const H2: usize = 3;
const DATE: usize = 4;
const WHEN: usize = 5;

/// `pattern` with its handles as `\w+`.
fn short_handles(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(HANDLE, r"\w+")).expect("valid regex")
}

/// `s` with each `@` followed by more than [`MAX_HANDLE_CHARS`] word characters (`\w`) made a
/// `#` (neither pattern names one; same length, so offsets agree).
fn masked(s: &str) -> Cow<'_, str> {
    let long = |at: usize| {
        s[at + 1..]
            .chars()
            .take_while(|&c| regex_syntax::is_word_character(c))
            .nth(MAX_HANDLE_CHARS)
            .is_some()
    };
    let mut ats = memchr::memchr_iter(b'@', s.as_bytes()).filter(|&at| long(at));
    let Some(first) = ats.next() else {
        return Cow::Borrowed(s);
    };
    let mut bytes = s.as_bytes().to_vec();
    for at in std::iter::once(first).chain(ats) {
        bytes[at] = b'#';
    }
    // One ASCII byte for another: still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| s.to_string()))
}

impl HandlePattern {
    fn is_match(&self, line: &str) -> bool {
        self.0.is_match(&masked(line))
    }

    /// The groups of the exact pattern's match in `line`.
    fn captures<'s>(&self, line: &'s str) -> Option<Groups<'s>> {
        let mut locs = self.0.capture_locations();
        self.0.captures_read(&mut locs, &masked(line))?;
        Some(Groups { line, locs })
    }
}

/// The groups of a [`HandlePattern`]'s match, as text of the line.
struct Groups<'s> {
    line: &'s str,
    locs: regex::CaptureLocations,
}

impl<'s> Groups<'s> {
    /// Group `i`, if it took part in the match.
    fn get(&self, i: usize) -> Option<&'s str> {
        self.locs.get(i).and_then(|(a, b)| self.line.get(a..b))
    }

    /// Where the match starts.
    fn start(&self) -> Option<usize> {
        self.locs.get(0).map(|(a, _)| a)
    }
}

/// A post's age as a card prints it instead of a date: `3h`, `12m`, and the screen-reader
/// copy older layouts glued to it (`3h3 hours ago`).
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}[smhd](?:\s*\d{1,2} (?:seconds?|minutes?|hours?|days?) ago)?$")
        .expect("valid regex")
});

/// Counters under a card's text: `1,204`, `1.2K`, `12 replies 45 retweets 130 likes`.
static COUNTERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d[\d.,]*\s?[KM]?(?:\s+(?:repl(?:y|ies)|retweets?|reposts?|quote tweets?|quotes?|likes?|views?|bookmarks?))?\s*)+$",
    )
    .expect("valid regex")
});

/// The widget's own words between a card's header and its text (`Follow`), matched whole and
/// case-insensitively, in the languages Twitter renders.
const HEADER_FURNITURE: [&str; 17] = [
    "follow",
    "following",
    "verified account",
    "suivre",
    "folgen",
    "seguir",
    "segui",
    "volgen",
    "obserwuj",
    "takip et",
    "подписаться",
    "читать",
    "フォローする",
    "关注",
    "팔로우",
    "متابعة",
    "ikuti",
];

/// The widget's own words under a card's date line, matched whole and case-insensitively.
const FOOTER_FURNITURE: [&str; 23] = [
    "antworten",
    "link kopieren",
    "responder",
    "copiar enlace",
    "répondre",
    "copier le lien",
    "rispondi",
    "copia link",
    "copiar link",
    "返信",
    "リンクをコピー",
    "reply",
    "retweet",
    "repost",
    "like",
    "share",
    "copy link",
    "copy link to tweet",
    "copy link to post",
    "twitter ads info and privacy",
    "show this thread",
    "translate tweet",
    "translate post",
];

/// The parsed header of a card.
#[derive(Debug, Clone, Default)]
struct Header {
    name: Option<String>,
    handle: Option<String>,
    reply_to: Option<String>,
    date: Option<Date>,
    /// An age (`3h`) stood where a date would.
    aged: bool,
}

/// One card: its header, body paragraphs and span.
#[derive(Debug, Clone)]
struct Card {
    header: Header,
    body: std::ops::RangeInclusive<usize>,
    last: usize,
}

/// Finds every card in the unclaimed paragraphs and appends them to `out`.
pub fn scan(doc: &Document, paras: &Paras, claimed: &mut [bool], out: &mut Vec<Sighting>) {
    let text = doc.text.as_str();
    let mut memo = Memo::new(paras.list.len());
    let mut marks = Marks::new(text, paras);
    let mut i = 0;
    while i < paras.list.len() {
        if !marks.may_prove(i) {
            i += 1;
            continue;
        }
        let Some(card) = read_card(text, paras, claimed, &mut memo, i, true) else {
            i += 1;
            continue;
        };
        let own = out.len();
        out.push(sighting(text, paras, i, &card));
        let mut next = card.last + 1;
        // The quoted card: after a long blank run, a card of its own.
        if next < paras.list.len() && paras.list[next].gap_before >= 2 {
            if let Some(quoted) = read_card(text, paras, claimed, &mut memo, next, false) {
                let quoted_at = out.len();
                out[own].set_quotes(Some(quoted_at));
                out.push(sighting(text, paras, next, &quoted));
                next = quoted.last + 1;
            }
        }
        for c in &mut claimed[i..next] {
            *c = true;
        }
        i = next;
    }
}

/// Where a card's evidence of a post can be: every handle and reply line has an `@`, and every
/// entity [`has_entity`] finds a `#`, an `@`, a full-width `＃` or `＠` (whose first byte is
/// `EF`), or a link, whose domain has a `.` right before a letter or digit (or a character
/// outside ASCII, in a domain of another script; the entities' glue pass inserts only spaces
/// and `!`, never between the two). A card read strictly from a name line with none of them
/// in the paragraphs its evidence may come from ([`EVIDENCE_REACH`]) has none: the lines of
/// menus and lists, and most sentences (a `.` before a space), are not read as cards.
///
/// The paragraphs are asked in order of the name lines, so each is looked at once.
struct Marks<'t> {
    text: &'t str,
    paras: &'t Paras,
    /// The first marked paragraph at or after the last one asked about (or the count of
    /// paragraphs: none), once asked.
    next: Option<usize>,
}

impl<'t> Marks<'t> {
    fn new(text: &'t str, paras: &'t Paras) -> Marks<'t> {
        Marks {
            text,
            paras,
            next: None,
        }
    }

    /// Whether paragraph `k` holds one of the bytes evidence needs.
    fn marked(&self, k: usize) -> bool {
        let line = self.paras.list.get(k).map_or(&[][..], |p| {
            self.text.as_bytes().get(p.range.clone()).unwrap_or(&[])
        });
        marked(line)
    }

    /// Whether a card read strictly from name line `i` may find its evidence: a marked
    /// paragraph within its reach, or a link line at the reach's end (an undated body takes
    /// the link lines under it, however many). `i` never goes down from one call to the next.
    ///
    /// Exact: false only where [`read_card`] finds no evidence.
    fn may_prove(&mut self, i: usize) -> bool {
        let n = self.paras.list.len();
        let next = match self.next {
            Some(k) if k >= i => k,
            _ => (i..n).find(|&k| self.marked(k)).unwrap_or(n),
        };
        self.next = Some(next);
        let reach = i + EVIDENCE_REACH;
        next <= reach
            || self.paras.list.get(reach + 1).is_some_and(|p| {
                let line = self.text.get(p.range.clone()).unwrap_or("").trim_start();
                // Every link line opens with `http` or `pic.`.
                line.starts_with(['h', 'p']) && is_bare_link(line)
            })
    }
}

/// Whether `line` holds one of the marks of [`Marks`].
fn marked(line: &[u8]) -> bool {
    memchr::memchr3(b'#', b'@', 0xEF, line).is_some()
        || memchr::memchr_iter(b'.', line).any(|dot| {
            line.get(dot + 1)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
        })
}

fn sighting(text: &str, paras: &Paras, first: usize, card: &Card) -> Sighting {
    let h = &card.header;
    let mut handle = h.handle.clone();
    // A handle is inferred only when certain: the name folds to the handle it replies to.
    if handle.is_none() {
        if let (Some(name), Some(reply)) = (&h.name, &h.reply_to) {
            if !fold(name).is_empty() && fold(name) == fold(reply) {
                handle = Some(reply.clone());
            }
        }
    }
    Sighting {
        platform: Platform::Twitter,
        kind: AppearanceKind::Card,
        author: Author {
            name: h.name.clone(),
            handle,
        },
        date: h.date,
        // Lines of the text joined by `\n`, like an embed's inner line breaks.
        text: card
            .body
            .clone()
            .map(|j| &text[paras.list[j].range.clone()])
            .collect::<Vec<_>>()
            .join("\n"),
        extra: super::Extra::of(h.reply_to.clone(), None, None),
        start: paras.list[first].range.start,
        end: paras.list[card.last].range.end,
    }
}

/// What reading cards asks of a line again and again (each line is looked at by the cards of
/// the eight lines above it), answered once per line of a document.
///
/// Its tables are allocated on first use: most documents never get that far.
struct Memo {
    /// Lines in the document.
    lines: usize,
    /// The line's date, when it is a date line.
    date: Vec<Option<Option<Date>>>,
    /// What [`Memo::bare_name`] found of the line, one byte a line: [`Named`].
    named: Vec<Named>,
    /// The headers [`Memo::bare_name`] read from lines below the card being read, by line, for
    /// the cards that start there ([`Memo::name`]): at most a card's look-ahead of them.
    headers: Vec<(usize, Header)>,
}

impl Memo {
    fn new(lines: usize) -> Memo {
        Memo {
            lines,
            date: Vec::new(),
            named: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// [`name_line`] of line `k`, whose text is `line`, for the card that starts there: read
    /// once, when [`Memo::bare_name`] read it before. Cards are read in the order of their
    /// lines, so the headers of the lines above `k` are dropped.
    fn name(&mut self, k: usize, line: &str) -> Option<Header> {
        if self.named.get(k) == Some(&Named::No) {
            return None;
        }
        self.headers.retain(|&(j, _)| j >= k);
        match self.headers.iter().position(|&(j, _)| j == k) {
            Some(at) => Some(self.headers.swap_remove(at).1),
            None => name_line(line),
        }
    }

    /// [`date_line`] of line `k`, whose text is `line`.
    fn date(&mut self, k: usize, line: &str) -> Option<Date> {
        if self.date.is_empty() {
            self.date = vec![None; self.lines];
        }
        match self.date.get_mut(k) {
            Some(slot) => *slot.get_or_insert_with(|| date_line(line)),
            None => date_line(line),
        }
    }

    /// Whether line `k` (text `line`) is a name line and not a header line.
    fn bare_name(&mut self, k: usize, line: &str) -> bool {
        if self.named.is_empty() {
            self.named = vec![Named::Unknown; self.lines];
        }
        match self.named.get(k) {
            Some(Named::No | Named::Header) => return false,
            Some(Named::Bare) => return true,
            Some(Named::Unknown) | None => {}
        }
        let header = name_line(line);
        let bare = header.is_some() && header_line(line).is_none();
        if let Some(slot) = self.named.get_mut(k) {
            *slot = match (&header, bare) {
                (None, _) => Named::No,
                (Some(_), false) => Named::Header,
                (Some(_), true) => Named::Bare,
            };
        }
        if let Some(header) = header {
            self.headers.push((k, header));
        }
        bare
    }
}

/// What [`Memo::bare_name`] found of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    /// Not asked yet.
    Unknown,
    /// No name line.
    No,
    /// A name line that is also a header line.
    Header,
    /// A name line and no header line: another card's start.
    Bare,
}

/// Reads a card whose name line is paragraph `i`. `strict` asks for evidence of a post.
fn read_card(
    text: &str,
    paras: &Paras,
    claimed: &[bool],
    memo: &mut Memo,
    i: usize,
    strict: bool,
) -> Option<Card> {
    let line = |j: usize| &text[paras.list[j].range.clone()];
    let usable = |j: usize| j < paras.list.len() && !claimed[j];
    // Cheap tests first: most paragraphs are prose, far longer than a name line.
    if !usable(i) || line(i).len() > MAX_NAME_LINE_BYTES || !usable(i + 1) {
        return None;
    }
    let first = line(i);
    // Without an `@`, the line is the display name alone: short, few words, not a sentence.
    if memchr::memchr(b'@', first.as_bytes()).is_none()
        && (first.len() > 4 * MAX_NAME_CHARS
            || first.ends_with(['.', ',', ':', ';', '!', '?'])
            || first.bytes().filter(|&b| b == b' ').count() >= MAX_NAME_WORDS)
    {
        return None;
    }
    let mut header = memo.name(i, first)?;
    // Header lines of their own, directly under the name: `@handle`, `· date`, `Replying to`,
    // and the widget's `Follow`.
    let mut furniture = false;
    let mut j = i + 1;
    while usable(j) && paras.list[j].gap_before == 0 && j <= i + MAX_HEADER_LINES {
        if is_furniture(line(j), &HEADER_FURNITURE) {
            furniture = true;
            j += 1;
            continue;
        }
        let Some(extra) = header_line(line(j)) else {
            break;
        };
        header.handle = header.handle.or(extra.handle);
        header.reply_to = header.reply_to.or(extra.reply_to);
        header.date = header.date.or(extra.date);
        header.aged |= extra.aged;
        j += 1;
    }
    // The body: the next paragraph, at most one blank line below.
    if !usable(j) || paras.list[j].gap_before > 1 {
        return None;
    }
    let body = line(j);
    // A body that looks like a name line is the next card's name — unless a handle stands in
    // the header: then the next line is the text, even a short one in an uncased script
    // (Korean, Arabic) that looks like a name.
    if body.chars().count() > MAX_BODY_CHARS
        || header.handle.is_none() && memo.bare_name(j, body) && !has_entity(body)
    {
        return None;
    }
    // A date line under the body (`3:45 PM · Dec 31, 2019`) ends the card; when one follows
    // within a tweet's length, the lines before it are all the text (a text with line breaks).
    let mut body_end = j;
    let mut last = j;
    let mut chars = body.chars().count();
    // Without a handle or reply line only the next line may be the date line: the longer
    // look-ahead serves texts with line breaks under a full header, and would otherwise be
    // paid on every short line of menus and lists.
    let lookahead = if header.handle.is_some() || header.reply_to.is_some() {
        MAX_BODY_LINES
    } else {
        1
    };
    let mut k = j + 1;
    while usable(k)
        && paras.list[k].gap_before <= 1
        && chars <= MAX_BODY_CHARS
        && k <= j + lookahead
    {
        if let Some(d) = memo.date(k, line(k)) {
            header.date = header.date.or(Some(d));
            body_end = k - 1;
            last = k;
            break;
        }
        if memo.bare_name(k, line(k)) {
            break; // another card's name line
        }
        chars += line(k).chars().count() + 1;
        k += 1;
    }
    // Undated, the text still takes the link or media lines right under it (the last post of
    // a copied thread: `3/ Thank you` / `https://t.co/…`).
    if last == body_end {
        while usable(body_end + 1)
            && paras.list[body_end + 1].gap_before == 0
            && is_bare_link(line(body_end + 1))
        {
            body_end += 1;
            last = body_end;
        }
    }
    let dated = last > body_end;
    // The widget's counters and buttons under the text or its date line belong to the card
    // (buttons only under a date line: alone, `Like` or `Share` could be prose).
    while usable(last + 1)
        && paras.list[last + 1].gap_before == 0
        && (COUNTERS.is_match(line(last + 1).trim())
            || is_talk_line(line(last + 1))
            || dated && is_furniture(line(last + 1), &FOOTER_FURNITURE))
    {
        last += 1;
    }
    // Evidence of a post, when asked for: a reply line, a handle with a date or the widget's
    // own words around it, or an entity in the text (the costly test, so the last) under a
    // handle or in another script than the prose around the card (a name over a paragraph with a
    // hashtag is how a page's own boxes look too).
    let evidence = || {
        header.reply_to.is_some()
            || header.handle.is_some()
                && (header.date.is_some() || header.aged || furniture || dated)
            || (j..=body_end).any(|b| has_entity(line(b)))
                && (header.handle.is_some() || foreign_to_prose(text, paras, i, last))
    };
    if strict && !evidence() {
        return None;
    }
    Some(Card {
        header,
        body: j..=body_end,
        last,
    })
}

/// Whether the body of the card from paragraph `first` to `last` (its name line first) is
/// written in another script than the paragraphs just before and after it.
fn foreign_to_prose(text: &str, paras: &Paras, first: usize, last: usize) -> bool {
    let script = |k: usize| {
        paras
            .list
            .get(k)
            .and_then(|p| whatlang::detect_script(&text[p.range.clone()]))
    };
    let body = script(first + 1);
    let around = [first.checked_sub(1).and_then(script), script(last + 1)];
    body.is_some()
        && around.iter().flatten().any(|&s| Some(s) != body)
        && around.iter().flatten().all(|&s| Some(s) != body)
}

/// A line that is one link or media link and nothing else.
fn is_bare_link(s: &str) -> bool {
    let s = s.trim();
    !s.contains(char::is_whitespace)
        && ["https://", "http://", "pic.twitter.com/", "pic.x.com/"]
            .iter()
            .any(|p| s.starts_with(p))
}

/// Whether a line is one of the widget's own words (`Follow`, `Copy link`), lower case in
/// `words`; an ASCII line is compared without being lowercased into a new string.
fn is_furniture(s: &str, words: &[&str]) -> bool {
    let s = s.trim();
    s.len() <= 40
        && if s.is_ascii() {
            words.iter().any(|w| w.eq_ignore_ascii_case(s))
        } else {
            let s = s.to_lowercase();
            words.contains(&s.as_str())
        }
}

/// `892 people are talking about this`, `Read 45 replies`, `See Name's other Tweets`.
fn is_talk_line(s: &str) -> bool {
    let s = s.trim();
    s.len() <= 80
        && (s.ends_with("people are talking about this")
            || s.starts_with("Read ") && (s.ends_with(" replies") || s.ends_with(" reply"))
            || s.starts_with("See ")
                && (s.ends_with(" other Tweets") || s.ends_with(" other posts")))
}

/// Parses a name line: a display name, optionally with handle, date and `Replying to @x`.
fn name_line(s: &str) -> Option<Header> {
    let mut header = Header::default();
    let mut rest = s;
    // Both patterns need an `@`: most lines have none and skip the regex engines.
    let has_at = memchr::memchr(b'@', s.as_bytes()).is_some();
    // `is_match` runs the fast automaton; the slower capturing search only for a line that has it.
    if let Some(c) = (has_at && may_reply(s) && REPLYING.is_match(s))
        .then(|| REPLYING.captures(s))
        .flatten()
    {
        header.reply_to = c.get(1).map(str::to_string);
        rest = &s[..c.start()?];
    }
    if let Some(c) = has_at.then(|| NAME_HANDLE.captures(rest)).flatten() {
        header.handle = c.get(H1).or(c.get(H2)).map(str::to_string);
        if let Some(when) = c.get(WHEN) {
            // `Name (@handle) Date` is a signature's shape (its dash lost), never a card's.
            if c.get(H1).is_some() {
                return None;
            }
            header.date = date_or_age(when)?;
            header.aged = header.date.is_none();
        } else {
            header.date = c.get(DATE).and_then(date_line);
        }
        rest = c.get(NAME).unwrap_or("");
    }
    let name = clean_name(rest);
    is_display_name(name).then(|| {
        header.name = Some(name.to_string());
        header
    })
}

/// A line that only adds to the header: `@handle`, `· Dec 31, 2019`, or `Replying to @x`.
fn header_line(s: &str) -> Option<Header> {
    let s = s.trim();
    // The `·` between handle and date, copied on a line of its own.
    if !s.is_empty() && s.chars().all(|c| matches!(c, '·' | '•')) {
        return Some(Header::default());
    }
    // Both patterns need an `@`: most lines have none and skip the regex engines.
    let has_at = memchr::memchr(b'@', s.as_bytes()).is_some();
    // `is_match` runs the fast automaton; the slower capturing search only for a line that has it.
    if let Some(c) = (has_at && may_reply(s) && REPLYING.is_match(s))
        .then(|| REPLYING.captures(s))
        .flatten()
    {
        if c.start()? == 0 {
            return Some(Header {
                reply_to: c.get(1).map(str::to_string),
                ..Header::default()
            });
        }
    }
    if let Some(c) = has_at.then(|| NAME_HANDLE.captures(s)).flatten() {
        if c.get(NAME).unwrap_or("").trim().is_empty() {
            let handle = c.get(H1).or(c.get(H2)).map(str::to_string);
            let date = match c.get(WHEN) {
                Some(_) if c.get(H1).is_some() => return None,
                Some(when) => date_or_age(when)?,
                None => c.get(DATE).and_then(date_line),
            };
            return Some(Header {
                handle,
                date,
                aged: date.is_none() && c.get(WHEN).is_some(),
                ..Header::default()
            });
        }
    }
    if has_at {
        return None; // a date line has no `@`
    }
    date_line(s).map(|d| Header {
        date: Some(d),
        ..Header::default()
    })
}

/// What follows a handle after a space: a date (`Some(Some(date))`), an age such as `3h`
/// (`Some(None)`), or anything else (`None`: not a header).
fn date_or_age(s: &str) -> Option<Option<Date>> {
    let s = s.trim();
    match date_line(s) {
        Some(d) => Some(Some(d)),
        None => AGE.is_match(s).then_some(None),
    }
}

/// A display name without the marks copied along with it: direction marks, a verified badge,
/// the older layout's `Verified account`.
fn clean_name(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s.len();
        s = s
            .trim_end_matches(['\u{200e}', '\u{200f}', '\u{fe0f}', '✔', '✓', '☑', '✅'])
            .trim_end();
        for suffix in [
            "Verified account",
            "Compte certifié",
            "Verifizierter Account",
            "Cuenta verificada",
        ] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.trim_end();
            }
        }
        if s.len() == before {
            return s.trim_start_matches(['\u{200e}', '\u{200f}']);
        }
    }
}

/// A line that is only a date, maybe with a time before it: `3:45 PM · Dec 31, 2019`.
fn date_line(s: &str) -> Option<Date> {
    let s = s.trim().trim_start_matches(['·', '•', ' ']);
    let s = match s.find('·') {
        Some(i) if s[..i].contains(':') => s[i + '·'.len_utf8()..].trim_start(),
        _ => s,
    };
    let (d, used) = date::parse_prefix(s, None)?;
    s[used..].trim().is_empty().then_some(d)
}

/// A display name: short, few words, no sentence punctuation, words capitalised or uncased,
/// not one of a page's own words (`Subscribe`, `Share`).
fn is_display_name(name: &str) -> bool {
    // (Both counts stop past their limits: a paragraph of prose is asked too.)
    if name.len() > MAX_NAME_CHARS && name.chars().nth(MAX_NAME_CHARS).is_some() {
        return false;
    }
    let words = name.split_whitespace().take(MAX_NAME_WORDS + 1).count();
    if words == 0 || words > MAX_NAME_WORDS {
        return false;
    }
    // (Asked only when short enough to be one: the longest is 18 bytes.)
    if words <= 3 && name.len() <= 24 && is_page_word(name) {
        return false;
    }
    if name.ends_with(['.', ',', ':', ';', '!', '?', '"', '”', '(', ')']) || name.contains("http")
    {
        return false;
    }
    // One pass over the characters: a mark no name holds, and a letter (the name needs one).
    let mut letter = false;
    for c in name.chars() {
        let mark = matches!(
            c,
            '#' | '@' | '“' | '”' | '"'
            // Credit and caption labels: `[사진=JTBC]`, `© AFP`, `Foto | Reuters`.
            | '[' | ']' | '=' | '©' | 'ⓒ' | '|'
            // Sentence and clause marks of Chinese and Japanese, whose sentences have no
            // spaces to count as words.
            | '。' | '、' | '！' | '？' | '，' | '：' | '；' | '」'
        );
        if mark {
            return false;
        }
        letter = letter || is_letter(c);
    }
    if !letter {
        return false;
    }
    // Every word that starts with a cased letter starts upper-case, save short particles.
    let capitalized = name.split_whitespace().all(|w| {
        let c = w.chars().next().unwrap_or(' ');
        !c.is_lowercase() || PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w))
    });
    // A date line (`December 30, 2019`) is capitalized and short too, but nobody's name.
    capitalized && !(name.bytes().any(|b| b.is_ascii_digit()) && date_line(name).is_some())
}

/// Whether `name`, lowercased, is one of [`PAGE_WORDS`]; an ASCII name is compared without
/// being lowercased into a new string (the words are lower-case already).
fn is_page_word(name: &str) -> bool {
    // The byte lengths of the words, one bit each: most names have none of them.
    const LENGTHS: u64 = {
        let mut bits = 0u64;
        let mut i = 0;
        while i < PAGE_WORDS.len() {
            bits |= 1 << (PAGE_WORDS[i].len() % 64);
            i += 1;
        }
        bits
    };
    if name.is_ascii() {
        LENGTHS >> (name.len() % 64) & 1 == 1
            && PAGE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(name))
    } else {
        PAGE_WORDS.contains(&name.to_lowercase().as_str())
    }
}

/// A page's own words on lines of their own (menus, share bars, newsletter boxes), which are
/// no one's display name.
const PAGE_WORDS: [&str; 42] = [
    "subscribe",
    "share",
    "share this",
    "share this article",
    "email",
    "e-mail",
    "print",
    "comments",
    "advertisement",
    "related",
    "related articles",
    "read more",
    "more",
    "newsletter",
    "sign up",
    "sign in",
    "log in",
    "menu",
    "search",
    "home",
    "top stories",
    "most read",
    "follow us",
    "follow",
    "photo",
    "foto",
    "фото",
    "credit",
    "source",
    "quelle",
    "folgen",
    "suivre",
    "seguir",
    "suscríbete",
    "compartir",
    "publicidad",
    "partager",
    "publicité",
    "teilen",
    "anzeige",
    "werbung",
    "condividi",
];

/// Lower-case words that occur inside personal names.
const PARTICLES: [&str; 16] = [
    "al", "el", "de", "del", "da", "das", "do", "dos", "van", "von", "der", "den", "bin", "ibn",
    "la", "le",
];

/// Whether a body shows an entity typical of posts: hashtag, mention, link or media link.
///
/// A list of tags (`Tags: #storm #harbour`) is page furniture, and a mention in parentheses
/// (`Ana Ruiz (@anaruiz) told reporters`) is prose citing an account: neither counts.
fn has_entity(body: &str) -> bool {
    // Every hashtag and mention has its `#` or `@` (or their full-width forms), every link and
    // media link a `.`, and the glue pass of the entities adds only spaces and `!`: without
    // one of them the text has no entity, and is not parsed.
    if memchr::memchr3(b'#', b'@', b'.', body.as_bytes()).is_none() && !body.contains(['＃', '＠'])
    {
        return false;
    }
    let lead = body.trim_start();
    if TAG_LIST_LABELS.iter().any(|l| {
        lead.get(..l.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(l))
    }) {
        return false;
    }
    let entities = crate::post::entities::extract(body);
    let cited = |m: &String| body.contains(&format!("(@{m})"));
    !(entities.hashtags.is_empty()
        && entities.mentions.iter().all(cited)
        && entities.urls.is_empty()
        && entities.media.is_empty())
}

/// Labels that open a page's list of tags or topics.
const TAG_LIST_LABELS: [&str; 9] = [
    "tags:",
    "tagged:",
    "topics:",
    "filed under:",
    "etiquetas:",
    "mots-clés:",
    "schlagwörter:",
    "tag:",
    "temas:",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_display_name`] as it was written before its checks were fused into one pass.
    fn is_display_name_reference(name: &str) -> bool {
        if name.chars().nth(MAX_NAME_CHARS).is_some() {
            return false;
        }
        let words = name.split_whitespace().take(MAX_NAME_WORDS + 1).count();
        if words == 0 || words > MAX_NAME_WORDS {
            return false;
        }
        if words <= 3 && name.len() <= 24 && PAGE_WORDS.contains(&name.to_lowercase().as_str()) {
            return false;
        }
        if name.ends_with(['.', ',', ':', ';', '!', '?', '"', '”', '(', ')'])
            || name.contains("http")
            || name.contains(['#', '@', '“', '”', '"'])
            || name.contains(['[', ']', '=', '©', 'ⓒ', '|'])
            || name.contains(['。', '、', '！', '？', '，', '：', '；', '」'])
            || !name.chars().any(char::is_alphabetic)
        {
            return false;
        }
        let capitalized = name.split_whitespace().all(|w| {
            let c = w.chars().next().unwrap_or(' ');
            !c.is_lowercase() || PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w))
        });
        capitalized && !(name.chars().any(|c| c.is_ascii_digit()) && date_line(name).is_some())
    }

    /// [`has_entity`] as it was before it turned away texts without `#`, `@` or `.`.
    fn has_entity_reference(body: &str) -> bool {
        let lead = body.trim_start();
        if TAG_LIST_LABELS.iter().any(|l| {
            lead.get(..l.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(l))
        }) {
            return false;
        }
        let entities = crate::post::entities::extract(body);
        let cited = |m: &String| body.contains(&format!("(@{m})"));
        !(entities.hashtags.is_empty()
            && entities.mentions.iter().all(cited)
            && entities.urls.is_empty()
            && entities.media.is_empty())
    }

    /// [`has_entity`] answers as before its quick test on every line of the fixtures and seeds
    /// and on texts with full-width signs.
    #[test]
    fn entities_as_the_reference() {
        let mut texts: Vec<String> = ["＃tag", "＠ana", "a.b", "#x", "@x", "x", "$CASH", "ab.cd"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for (_, text) in fixture_texts() {
            texts.extend(text.lines().filter(|l| l.len() < 600).map(str::to_string));
        }
        let found = texts.iter().filter(|t| has_entity(t)).count();
        assert!(found > 100 && found < texts.len());
        for t in &texts {
            assert_eq!(has_entity(t), has_entity_reference(t), "{t:?}");
        }
    }

    /// [`is_furniture`] answers as lowercasing the line does, in ASCII and in other scripts.
    #[test]
    fn furniture_as_lowercased() {
        let reference = |s: &str, words: &[&str]| {
            let s = s.trim();
            s.len() <= 40 && words.contains(&s.to_lowercase().as_str())
        };
        let lines = [
            "Follow",
            "FOLLOW",
            " follow ",
            "Following",
            "Folgen",
            "Подписаться",
            "ПОДПИСАТЬСЯ",
            "Copy link",
            "COPY LINK TO TWEET",
            "Reply",
            "Replies",
            "Takip et",
            "TAKİP ET",
            "",
            "Verified account",
            "Kelvin \u{212A}",
            "follow\u{212A}",
        ];
        for line in lines {
            for words in [&HEADER_FURNITURE[..], &FOOTER_FURNITURE[..]] {
                assert_eq!(is_furniture(line, words), reference(line, words), "{line}");
            }
        }
    }

    /// Every text file under `fixtures/` and `seeds/`, with its path.
    fn fixture_texts() -> Vec<(std::path::PathBuf, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        [root.join("fixtures"), root.join("seeds")]
            .into_iter()
            .flat_map(|dir| walkdir::WalkDir::new(dir).into_iter().flatten())
            .filter_map(|entry| {
                let text = std::fs::read_to_string(entry.path()).ok()?;
                Some((entry.into_path(), text))
            })
            .collect()
    }

    /// Every line of the fixtures and seeds with an entity [`has_entity`] counts has a mark
    /// of [`Marks`], and so have links to domains of other scripts and addresses.
    #[test]
    fn entities_have_marks() {
        let mut texts: Vec<String> = [
            "＃tag",
            "＠ana",
            "#x",
            "@x",
            "see t.co/abc",
            "пример.рф",
            "http://127.0.0.1/x",
            "例え.テスト",
            "pic.twitter.com/Ab12Cd34Ef",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (_, text) in fixture_texts() {
            texts.extend(text.lines().filter(|l| l.len() < 600).map(str::to_string));
        }
        let with_entity: Vec<&String> = texts.iter().filter(|t| has_entity(t)).collect();
        assert!(with_entity.len() > 100);
        for t in with_entity {
            assert!(marked(t.as_bytes()), "{t:?}");
        }
        assert!(!marked(b"The end. Next sentence, and more"));
    }

    /// A card read strictly is found only where [`Marks::may_prove`] lets it be looked for:
    /// every paragraph of the text fixtures and seeds, as the name line of a card.
    #[test]
    fn cards_only_where_marks_are() {
        let (mut cards, mut skipped) = (0, 0);
        for (path, text) in fixture_texts() {
            let doc = Document::new("doc.txt", text.as_str());
            let paras = Paras::new(&doc);
            let claimed = vec![false; paras.list.len()];
            let mut memo = Memo::new(paras.list.len());
            let mut marks = Marks::new(&doc.text, &paras);
            for i in 0..paras.list.len() {
                let may = marks.may_prove(i);
                let card = read_card(&doc.text, &paras, &claimed, &mut memo, i, true);
                assert!(may || card.is_none(), "{} at {i}", path.display());
                cards += usize::from(card.is_some());
                skipped += usize::from(!may);
            }
        }
        assert!(
            cards > 20 && skipped > 1000,
            "{cards} cards, {skipped} skipped"
        );
    }

    /// The one-pass [`is_display_name`] answers as the reference does for every line (and its
    /// first words) of the fixtures and seeds, and for page words, marks and letters of other
    /// scripts.
    #[test]
    fn display_names_as_the_reference() {
        let mut names: Vec<String> = [
            "Subscribe",
            "SHARE THIS",
            "Фото",
            "ФОТО",
            "Publicité",
            "PUBLICITÉ",
            "Ana Ruiz",
            "ana ruiz",
            "Ana de la Cruz",
            "Kelvin \u{212a}",
            "İstanbul Haber",
            "3 ½",
            "Ana “Ruiz”",
            "[사진=JTBC]",
            "© AFP",
            "Foto | Reuters",
            "北京。",
            "Ana Ruiz.",
            "http Ana",
            "",
            "   ",
            "December 30, 2019",
            "Dec 2019",
            "Ω",
            "١٢٣",
            "Ana Ruiz ✅",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for (_, text) in fixture_texts() {
            for line in text.lines().filter(|l| l.len() < 400) {
                let words: Vec<&str> = line.split(' ').collect();
                for n in 1..=words.len().min(4) {
                    names.push(words[..n].join(" "));
                }
                names.push(line.trim().to_string());
            }
        }
        assert!(names.len() > 10_000);
        assert!(names.iter().filter(|n| is_display_name(n)).count() > 1_000);
        for name in &names {
            assert_eq!(
                is_display_name(name),
                is_display_name_reference(name),
                "{name:?}"
            );
        }
    }

    /// [`REPLYING_ASCII`] holds every phrase of [`REPLYING_PATTERN`] written in ASCII, and
    /// lines of ASCII the pattern matches pass [`may_reply`].
    #[test]
    fn replying_phrases_in_ascii() {
        let group = REPLYING_PATTERN
            .split_once("(?:Replying")
            .map(|(_, rest)| format!("Replying{}", rest.split_once(')').unwrap().0))
            .unwrap();
        let ascii: Vec<&str> = group.split('|').filter(|p| p.is_ascii()).collect();
        assert_eq!(ascii, REPLYING_ASCII);
        for line in [
            "Replying to @a",
            "REPLYING TO @a",
            "x in REPLY to @b_c",
            "svarar @x",
            "Ana Ruiz Membalas @ana and @bo",
        ] {
            assert!(REPLYING.is_match(line) && may_reply(line), "{line}");
        }
        assert!(!may_reply("Ana Ruiz @ana_r · Dec 31, 2019"));
        assert!(!may_reply("Jürgen Müller (@mueller) · Dec 31, 2019"));
        assert!(may_reply("En réponse à @élise"));
        // Every phrase outside ASCII has a key; each key's case-insensitive matches, over
        // every character, are keys; the characters outside ASCII an ASCII letter matches
        // are keys.
        let every: String = (0..0x11_0000).filter_map(char::from_u32).collect();
        let matched = |pattern: &str| -> Vec<char> {
            Regex::new(pattern)
                .unwrap()
                .find_iter(&every)
                .flat_map(|m| m.as_str().chars())
                .collect()
        };
        let keys = &REPLYING_KEYS[..PHRASE_KEYS];
        for phrase in group.split('|').filter(|p| !p.is_ascii()) {
            assert!(phrase.contains(keys), "{phrase}");
        }
        for key in keys {
            let same = matched(&format!("(?i){}", regex::escape(&key.to_string())));
            assert!(same.iter().all(|c| keys.contains(c)), "{key}: {same:?}");
        }
        let beyond: Vec<char> = matched("(?i)[a-z]")
            .into_iter()
            .filter(|c| !c.is_ascii())
            .collect();
        assert_eq!(beyond, REPLYING_KEYS[PHRASE_KEYS..]);
        // A letter outside ASCII of the other phrases matches no ASCII character; ASCII
        // letters match only letters outside ASCII.
        let other = group.split('|').filter(|p| !p.is_ascii());
        for c in other.flat_map(str::chars).filter(|c| !c.is_ascii()) {
            let one = Regex::new(&format!("(?i){}", regex::escape(&c.to_string()))).unwrap();
            assert!(
                (0..128u8).all(|b| !one.is_match(&(b as char).to_string())),
                "{c}"
            );
        }
        let not_letters: String = (128..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|&c| !is_letter(c))
            .collect();
        assert!(!Regex::new("(?i)[a-z]").unwrap().is_match(&not_letters));
    }

    /// The cheap build of each handle pattern on the masked line captures exactly what the
    /// exact pattern does on the line.
    #[test]
    fn short_handle_builds_agree() {
        let lines = [
            "Omar Nasser Replying to @OmarNasser",
            "Replying to @a and @b",
            "En réponse à @élise_01, @b_c",
            "Replying to @abcdefghijklmno",
            "Replying to @abcdefghijklmnop",
            "Replying to @abcdefghijklmnop Replying to @b",
            "Name @abcdefghijklmnopqrst @bob",
            "Name @abcdefghijklmno @bob",
            "Name @bob @abcdefghijklmnopqrst",
            "Name (@abcdefghijklmnopqrst) @bob · 3h",
            "Maria Lopez @mlopez_news · Dec 31, 2019",
            "Maria (@mlopez) 3h",
            "José Pérez @josé_pérez\u{200e} · 3 mars 2021",
            "@only",
            "@",
            "a@b@c @ @@ @x #y",
            "Ana Ruiz @ana_r 12m",
            "Ana Ruiz @ana_r · @abcdefghijklmnopqrst",
            "名前 @名前名前名前名前名前名前名前名 · 3h",
            "名前 @名前名前名前名前名前名前名前名前 · 3h",
        ];
        for line in lines {
            for (p, pattern) in [
                (&REPLYING, REPLYING_PATTERN),
                (&NAME_HANDLE, NAME_HANDLE_PATTERN),
            ] {
                let exact = Regex::new(pattern).unwrap();
                let want = exact
                    .captures(line)
                    .map(|c| c.iter().map(|m| m.map(|m| m.as_str())).collect::<Vec<_>>());
                let got = p
                    .captures(line)
                    .map(|g| (0..exact.captures_len()).map(|i| g.get(i)).collect());
                assert_eq!(got, want, "{line}");
                assert_eq!(p.is_match(line), exact.is_match(line), "{line}");
            }
        }
        let exact = Regex::new(NAME_HANDLE_PATTERN).unwrap();
        let names: Vec<_> = exact.capture_names().collect();
        assert_eq!(
            [names[NAME], names[H1], names[H2], names[DATE], names[WHEN]],
            [
                Some("name"),
                Some("h1"),
                Some("h2"),
                Some("date"),
                Some("when")
            ]
        );
    }

    #[test]
    fn name_lines() {
        let h = name_line("Omar Nasser Replying to @OmarNasser").unwrap();
        assert_eq!(h.name.as_deref(), Some("Omar Nasser"));
        assert_eq!(h.reply_to.as_deref(), Some("OmarNasser"));
        let h = name_line("Maria Lopez @mlopez_news · Dec 31, 2019").unwrap();
        assert_eq!(h.handle.as_deref(), Some("mlopez_news"));
        assert_eq!(h.date.unwrap().to_string(), "2019-12-31");
        assert!(name_line("HAIDAR").is_some());
        assert!(name_line("كرار الموسوي").is_some());
    }

    #[test]
    fn headings_and_sentences_are_not_names() {
        assert!(name_line("Social media reaction").is_none());
        assert!(name_line("When the fans reached the gate there were scuffles.").is_none());
        assert!(name_line("More from the wire:").is_none());
    }

    #[test]
    fn credits_and_buttons_are_not_names() {
        for line in [
            "[사진=JTBC, 이매진아시아]",
            "Фото",
            "Follow",
            "© AFP",
            "Foto | Reuters",
        ] {
            assert!(!is_display_name(line), "{line}");
        }
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line("3:45 PM · Dec 31, 2019").unwrap().to_string(),
            "2019-12-31"
        );
        assert!(date_line("Dec 31, 2019 was a day").is_none());
    }
}
