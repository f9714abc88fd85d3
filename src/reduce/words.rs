//! How texts are compared: the one word splitter and the one normalization behind post ids,
//! exact repeats, versions, deduplication and quote linking.
//!
//! ```text
//! "Tom &amp; Ana’s “Bridge” https://t.co/x"
//!   normalize_text  → tom &amp; ana's "bridge" https://t.co/x   (ids, exact repeats, versions)
//!   for_each_word   → tom amp ana s bridge                      (quote linking)
//!   text_words      → tom ana s bridge                          (deduplication: entities decoded)
//! ```

use std::borrow::Cow;

/// The words of `text` between white space, as [`str::split_whitespace`] gives them, found on
/// bytes: an ASCII byte is white space or not by itself, and only the characters whose first
/// byte some white space outside ASCII has (`C2`, `E1`, `E2`, `E3`) are decoded, where
/// `split_whitespace` decodes every character.
pub fn split_whitespace(text: &str) -> SplitWhitespace<'_> {
    SplitWhitespace { rest: text }
}

/// The iterator of [`split_whitespace`].
#[derive(Debug, Clone)]
pub struct SplitWhitespace<'a> {
    rest: &'a str,
}

/// For each byte, whether a white space character may start at it: the ASCII white space
/// and the first bytes of the white space outside ASCII (`C2`, `E1`, `E2`, `E3`).
static MAY_BE_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    table
};

/// How many bytes the white space character starting at byte `i` of `text` has (0 when none
/// starts there). `i` is a character boundary, or a byte [`MAY_BE_SPACE`] rejects.
#[inline]
fn whitespace_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(&b) if !MAY_BE_SPACE[usize::from(b)] => 0,
        Some(&b) if b.is_ascii() => 1,
        Some(_) => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        None => 0,
    }
}

impl<'a> Iterator for SplitWhitespace<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.rest;
        let bytes = text.as_bytes();
        let mut start = 0;
        loop {
            match whitespace_len(text, start) {
                0 => break,
                n => start += n,
            }
        }
        if start >= bytes.len() {
            self.rest = "";
            return None;
        }
        // The word ends at the first white space: only the bytes [`MAY_BE_SPACE`] lets
        // through, ASCII bytes or the first bytes of characters, are looked at closer.
        let mut end = start + 1;
        loop {
            while bytes
                .get(end)
                .is_some_and(|&b| !MAY_BE_SPACE[usize::from(b)])
            {
                end += 1;
            }
            if end >= bytes.len() || whitespace_len(text, end) > 0 {
                break;
            }
            end += 1;
        }
        let word = text.get(start..end).unwrap_or("");
        self.rest = text.get(end..).unwrap_or("");
        Some(word)
    }
}

/// Text normalized for comparison: lowercase, one space between words, straight quote marks.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in split_whitespace(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        // An ASCII word is its lowercase bytes, save the one ASCII quote mark mapped.
        if word.is_ascii() && !word.contains('`') {
            let from = out.len();
            out.push_str(word);
            if let Some(added) = out.get_mut(from..) {
                added.make_ascii_lowercase();
            }
            continue;
        }
        for c in word.chars() {
            match c {
                '‘' | '’' | '‚' | '‛' | '′' | '`' => out.push('\''),
                '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Lowercase words of `text`, links removed, in order (repeats kept).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each lowercase word of `text` (runs of letters, digits and `_`), links
/// removed (one buffer for all chunks).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut low = String::new();
    for chunk in split_whitespace(text) {
        low.clear();
        let ascii = chunk.is_ascii();
        if ascii {
            low.push_str(chunk);
            low.make_ascii_lowercase();
        } else {
            low.extend(chunk.chars().flat_map(char::to_lowercase));
        }
        if is_link(&low) {
            continue;
        }
        if ascii {
            // The same words, split at bytes: an ASCII character is alphanumeric exactly
            // when it is an ASCII letter or digit (no character decoded per byte).
            let mut start = 0;
            for (i, &b) in low.as_bytes().iter().enumerate() {
                if !(b.is_ascii_alphanumeric() || b == b'_') {
                    if start < i {
                        f(low.get(start..i).unwrap_or(""));
                    }
                    start = i + 1;
                }
            }
            if start < low.len() {
                f(low.get(start..).unwrap_or(""));
            }
            continue;
        }
        low.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .for_each(&mut f);
    }
}

/// Whether a lowercase chunk of text is a link (`https://…`, `pic.twitter.com/…`, `www.…`):
/// its `://` found from its colons (most words have none) rather than searched for as a
/// string, which costs a searcher's setup per word.
fn is_link(low: &str) -> bool {
    let bytes = low.as_bytes();
    memchr::memchr_iter(b':', bytes).any(|i| bytes.get(i + 1..i + 3) == Some(b"//"))
        || low.starts_with("pic.twitter.com/")
        || low.starts_with("www.")
}

/// The words deduplication compares: [`words`] of the text with its HTML character entities
/// decoded, so a copy taken from markup and one taken from text compare equal.
#[cfg(test)]
fn text_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_text_word(text, |w| words.push(w.to_string()));
    words
}

/// Calls `f` with each word deduplication compares: [`for_each_word`] of the text with its
/// HTML character entities decoded, so a copy taken from markup and one taken from text
/// compare equal.
pub fn for_each_text_word(text: &str, f: impl FnMut(&str)) {
    for_each_word(&decode_entities(text), f);
}

/// Whether a text still carries HTML character entities (`&amp;`).
pub fn has_entities(text: &str) -> bool {
    matches!(decode_entities(text), Cow::Owned(_))
}

/// The text with its HTML character entities (`&amp;`, `&#39;`, `&eacute;` …) decoded; borrowed
/// when there is none.
fn decode_entities(text: &str) -> Cow<'_, str> {
    if text.contains('&') {
        html_escape::decode_html_entities(text)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`split_whitespace`] gives the words [`str::split_whitespace`] gives: every character
    /// between and around words, white space of every kind, runs of it, none at all.
    #[test]
    fn splits_at_whitespace_as_std() {
        let every: Vec<char> = (0..0x11_0000u32).filter_map(char::from_u32).collect();
        let spaces: Vec<char> = every
            .iter()
            .copied()
            .filter(|c| c.is_whitespace())
            .collect();
        let mut texts: Vec<String> = vec![
            String::new(),
            " ".into(),
            "a".into(),
            "  a  b\tc\n\n d\x0b e\x0cf\rg ".into(),
            "naïve\u{a0}café\u{85}x\u{2003}y\u{3000}z\u{1680}w\u{205f}v\u{202f}u".into(),
            "“quoted” — dash… ’ \u{2028}\u{2029}end\u{200b}zero-width".into(),
        ];
        for &sp in &spaces {
            texts.push(format!("a{sp}b {sp}{sp}c{sp}"));
        }
        // Every character beside every kind of white space, in runs.
        for chunk in every.chunks(61) {
            let mut t = String::new();
            for (k, &c) in chunk.iter().enumerate() {
                t.push(c);
                if k % 3 == 0 {
                    t.push(spaces[k % spaces.len()]);
                }
            }
            texts.push(t);
        }
        for t in &texts {
            let got: Vec<&str> = split_whitespace(t).collect();
            let want: Vec<&str> = t.split_whitespace().collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    /// [`for_each_word`] splits an ASCII chunk at bytes into the words the character split
    /// gives.
    #[test]
    fn ascii_words_split_as_by_characters() {
        fn reference(text: &str) -> Vec<String> {
            let mut out = Vec::new();
            for chunk in text.split_whitespace() {
                let low: String = chunk.chars().flat_map(char::to_lowercase).collect();
                if is_link(&low) {
                    continue;
                }
                low.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|w| !w.is_empty())
                    .for_each(|w| out.push(w.to_string()));
            }
            out
        }
        for text in [
            "",
            "_",
            "a",
            "--",
            "Tom &amp; Ana's \"Bridge\"\thttps://t.co/X  pic.twitter.com/a www.x.org",
            "x_y_, (ABC)...def!!g #tag @user_1 1,000.5 a-b-c- -d",
            "naïve Café's ΣΟΦΟΣ İstanbul mixed_ASCII_and_é",
        ] {
            let mut got = Vec::new();
            for_each_word(text, |w| got.push(w.to_string()));
            assert_eq!(got, reference(text), "{text:?}");
        }
    }

    /// [`normalize_text`] as it was, a character at a time: the ASCII words copied at once
    /// give the same text.
    #[test]
    fn ascii_words_normalize_as_character_by_character() {
        fn reference(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            for word in text.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                for c in word.chars() {
                    match c {
                        '‘' | '’' | '‚' | '‛' | '′' | '`' => out.push('\''),
                        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
                        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                        c => out.extend(c.to_lowercase()),
                    }
                }
            }
            out
        }
        for text in [
            "",
            "  Tom &amp; Ana's \"Bridge\"\thttps://t.co/X  ",
            "It`s `QUOTED` — «Élan» ‘x’ İstanbul ΣΟΦΟΣ",
            "MIXED ascii Ünïcode\u{a0}words\u{2003}here",
        ] {
            assert_eq!(normalize_text(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn links_as_a_search_for_their_mark_finds_them() {
        for chunk in [
            "https://t.co/x",
            "a:b",
            "a:/",
            "://",
            ":",
            "x:y://z",
            "www.a",
            "é://",
        ] {
            let searched = chunk.contains("://")
                || chunk.starts_with("pic.twitter.com/")
                || chunk.starts_with("www.");
            assert_eq!(is_link(chunk), searched, "{chunk}");
        }
    }

    #[test]
    fn words_ignore_links_and_entities() {
        assert_eq!(
            text_words("Tom &amp; Ana’s “bridge” https://t.co/x pic.twitter.com/y"),
            ["tom", "ana", "s", "bridge"]
        );
    }

    #[test]
    fn the_entities_of_copied_markup() {
        for (with, without) in [
            ("a &amp; b", "a & b"),
            ("&quot;a&quot;", "\"a\""),
            ("it&#39;s", "it's"),
            ("it&apos;s", "it's"),
            ("&lt;a&gt;", "<a>"),
            ("a&nbsp;b", "a b"),
        ] {
            assert!(has_entities(with), "{with}");
            assert!(!has_entities(without), "{without}");
            assert_eq!(text_words(with), text_words(without), "{with}");
        }
    }
}
