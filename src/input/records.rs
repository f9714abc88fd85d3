//! Articles as JSON Lines records: one JSON object per line, as crawlers and dumps write them.
//!
//! ```text
//! {"id": "nyt-2019-12-31-001", "date": "2019-12-31", "text": "Protesters stormed ..."}
//! {"id": "page-7", "html": "<!doctype html><html>...", "url": "https://example.com/a"}
//! ```
//!
//! Which fields hold the text, the HTML, the id and the date is configurable
//! ([`RecordFields`]); a record with HTML is scanned as a page, else its text as an article. A
//! line that is not a JSON object, or has neither text nor HTML, is reported with its file and
//! line and skipped; the rest goes on. What is only a warning: a record whose text is `null`
//! (paywalled pages in news-please dumps) is skipped; a date that is no calendar day is left
//! out; invalid UTF-8 and lone surrogate escapes (`\ud800`) are decoded as U+FFFD, each
//! reported with its line and column; a line longer than the maximum document size is skipped
//! without being held.

use crate::document::Document;
use crate::error::Error;
use serde_json::Value;
use std::io::BufRead;
use std::path::Path;

/// The names of the fields read from each record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFields {
    /// Field with the article's plain text (default `text`).
    pub text: String,
    /// Field with the article's HTML (default `html`).
    pub html: String,
    /// Field with the record's id, used as the document name (default `id`; then `url`).
    pub id: String,
    /// Field with the article's date, `YYYY-MM-DD...` (default `date`).
    pub date: String,
}

/// Names other crawler formats give the same fields, tried in order when a field has its
/// default name and the record lacks it (news-please writes `maintext` and `date_publish`).
const TEXT_ALIASES: &[&str] = &["maintext", "content", "body", "article", "raw_text"];
/// See [`TEXT_ALIASES`].
const HTML_ALIASES: &[&str] = &["raw_html", "html_content", "content_html"];
/// See [`TEXT_ALIASES`].
const DATE_ALIASES: &[&str] = &[
    "date_publish",
    "date_published",
    "datePublished",
    "published",
    "publish_date",
    "pubdate",
];

impl RecordFields {
    /// The names to look for: the configured one, then, when it is the default, the aliases.
    fn names<'a>(
        configured: &'a str,
        default: &str,
        aliases: &'a [&'a str],
    ) -> impl Iterator<Item = &'a str> {
        let aliases: &[&str] = if configured == default { aliases } else { &[] };
        std::iter::once(configured).chain(aliases.iter().copied())
    }
}

impl Default for RecordFields {
    fn default() -> Self {
        RecordFields {
            text: "text".into(),
            html: "html".into(),
            id: "id".into(),
            date: "date".into(),
        }
    }
}

/// Reads every record of a JSON Lines stream, handing each document to `each` as it is read.
///
/// `origin` names the stream in messages and in default document names (`origin:LINE`).
#[cfg(any(test, feature = "_internal"))]
pub fn read(
    reader: impl BufRead,
    origin: &Path,
    fields: &RecordFields,
    report: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(Document),
) {
    let mut read_problems = Vec::new();
    read_raw(
        reader,
        origin,
        super::DEFAULT_MAX_DOCUMENT_SIZE,
        &mut |e| read_problems.push(e),
        &mut |raw| {
            if let Some(doc) = raw.parse(fields, report) {
                each(doc)
            }
        },
    );
    read_problems.into_iter().for_each(report);
}

/// One line of a JSON Lines stream, not parsed yet: parsing is left to whoever has the cores.
#[derive(Debug, Clone)]
pub struct RawRecord {
    /// The line's bytes.
    pub bytes: Vec<u8>,
    /// The stream it came from.
    pub origin: std::path::PathBuf,
    /// Its 1-based line number.
    pub line: usize,
}

impl RawRecord {
    /// Parses the record into a document; `None` when it holds none (why goes to `report`,
    /// with the warnings of a record that was read).
    pub fn parse(&self, fields: &RecordFields, report: &mut dyn FnMut(Error)) -> Option<Document> {
        let mut warn = |column: Option<usize>, reason: String| {
            report(Error::RecordWarning {
                path: self.origin.clone(),
                line: self.line,
                column,
                reason,
            })
        };
        let r = match parse(&self.bytes, fields, &mut warn) {
            Ok(Some(r)) => r,
            Ok(None) => return None,
            Err(reason) => {
                report(Error::BadRecord {
                    path: self.origin.clone(),
                    line: self.line,
                    reason,
                });
                return None;
            }
        };
        let name =
            r.id.unwrap_or_else(|| format!("{}:{}", self.origin.display(), self.line));
        let mut doc = if r.is_html {
            Document::html(name, r.body)
        } else {
            Document::new(name, r.body)
        };
        if r.date.is_some() {
            doc.date = r.date;
        }
        Some(doc)
    }
}

/// Splits a JSON Lines stream into its non-blank lines, unparsed. A line longer than `max`
/// bytes is skipped as it is read (never held whole), with a warning.
///
/// Line ends are found with `memchr`'s SIMD search (std's `BufRead::split` searches a word at
/// a time, which had been a tenth of the reader thread's time).
pub fn read_raw(
    mut reader: impl BufRead,
    origin: &Path,
    max: u64,
    report: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(RawRecord),
) {
    let mut emit = |bytes: Vec<u8>, line: usize| {
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            each(RawRecord {
                bytes,
                origin: origin.to_path_buf(),
                line,
            });
        }
    };
    // The line read so far, when it runs past the reader's buffer (in pieces: a line near
    // `max` must not cost twice `max`).
    let mut pending = super::gz::Pieces::default();
    // Whether the current line is past `max` and being skipped.
    let mut skipping = false;
    let mut line = 0;
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    let mut too_large = |line: usize| {
        report(Error::TooLarge {
            name: format!("{}:{line}", origin.display()),
            limit: max as u64,
        })
    };
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => {
                report(Error::Io {
                    path: origin.to_path_buf(),
                    source,
                });
                return;
            }
        };
        if buf.is_empty() {
            // The end: a last line without its line break still counts.
            if skipping {
                too_large(line + 1);
            } else if pending.len() > 0 {
                emit(pending.take(), line + 1);
            }
            return;
        }
        let end = memchr::memchr(b'\n', buf);
        let piece = end.unwrap_or(buf.len());
        if !skipping && pending.len() + piece > max {
            skipping = true;
            pending = super::gz::Pieces::default();
        }
        if !skipping {
            pending.extend(&buf[..piece]);
        }
        match end {
            Some(end) => {
                reader.consume(end + 1);
                line += 1;
                if std::mem::take(&mut skipping) {
                    too_large(line);
                } else {
                    emit(pending.take(), line);
                }
            }
            None => reader.consume(piece),
        }
    }
}

/// One record's useful fields.
#[derive(Debug)]
struct Record {
    id: Option<String>,
    body: String,
    is_html: bool,
    date: Option<String>,
}

/// The fields of a record; `Ok(None)` when it holds no text to scan (a warning said why).
/// Warnings go to `warn` with the column they concern, if any.
fn parse(
    bytes: &[u8],
    fields: &RecordFields,
    warn: &mut dyn FnMut(Option<usize>, String),
) -> Result<Option<Record>, String> {
    let mut value = parse_json(bytes, warn)?;
    let obj = value
        .as_object_mut()
        .ok_or_else(|| "expected a JSON object, but found another value".to_string())?;
    let string = |key: &str| obj.get(key).and_then(Value::as_str).map(str::to_string);
    let id = string(&fields.id).or_else(|| {
        obj.get(&fields.id)
            .filter(|v| v.is_number())
            .map(Value::to_string)
    });
    let id = id.or_else(|| string("url"));
    let date = RecordFields::names(&fields.date, "date", DATE_ALIASES)
        .find_map(|key| Some((key, string(key)?)));
    let date = date.and_then(|(key, d)| {
        let day = calendar_day(&d);
        if day.is_none() {
            warn(
                None,
                format!("`{key}` is not a date (`{d}`); the document's date is left out"),
            );
        }
        day
    });
    // The body is moved out of the parsed record, not copied (it is most of the record).
    let mut nulls = Vec::new();
    let mut take = |key: &str| match obj.remove(key) {
        Some(Value::String(s)) => Some(s),
        other => {
            if let Some(v) = other {
                if v.is_null() {
                    nulls.push(key.to_string());
                }
                obj.insert(key.to_string(), v);
            }
            None
        }
    };
    let html_body = RecordFields::names(&fields.html, "html", HTML_ALIASES).find_map(&mut take);
    let text_body = if fields.text == fields.html {
        html_body.clone()
    } else {
        RecordFields::names(&fields.text, "text", TEXT_ALIASES).find_map(&mut take)
    };
    if let Some(html) = html_body.filter(|h| !h.trim().is_empty()) {
        return Ok(Some(Record {
            id,
            body: html,
            is_html: true,
            date,
        }));
    }
    match text_body {
        Some(text) => Ok(Some(Record {
            id,
            body: text,
            is_html: false,
            date,
        })),
        None if !nulls.is_empty() => {
            // Paywalled pages: the crawler found the article but not its text.
            warn(
                None,
                format!("`{}` is null: no text to scan; skipped", nulls.join("`, `")),
            );
            Ok(None)
        }
        None => Err(format!(
            "expected a `{}` or `{}` string field, but found neither",
            fields.text, fields.html
        )),
    }
}

/// The record's JSON. A line that fails to parse only for invalid UTF-8 or a lone surrogate
/// escape is repaired (U+FFFD for each) and parsed again, with a warning naming the first
/// column of each; valid lines cost nothing more.
fn parse_json(bytes: &[u8], warn: &mut dyn FnMut(Option<usize>, String)) -> Result<Value, String> {
    let error = match serde_json::from_slice(bytes) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    let fail = |e: serde_json::Error| format!("expected a JSON object, but {e}");
    let mut repaired = bytes.to_vec();
    let surrogate = replace_lone_surrogates(&mut repaired);
    if let Some(at) = surrogate {
        warn(
            Some(at + 1),
            "lone surrogate escape; decoded as U+FFFD".to_string(),
        );
    }
    let repaired = match String::from_utf8(repaired) {
        Ok(s) => s,
        Err(e) => {
            warn(
                Some(e.utf8_error().valid_up_to() + 1),
                "invalid UTF-8; decoded with replacement characters".to_string(),
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if repaired.as_bytes() == bytes {
        return Err(fail(error));
    }
    serde_json::from_str(&repaired).map_err(fail)
}

/// Replaces every `\uD800`-`\uDFFF` escape that is not half of a pair with `\uFFFD` (the same
/// length, so columns stay put); returns the byte offset of the first.
fn replace_lone_surrogates(bytes: &mut [u8]) -> Option<usize> {
    let hex = |b: &[u8]| -> Option<u16> {
        let s = std::str::from_utf8(b.get(..4)?).ok()?;
        u16::from_str_radix(s, 16).ok()
    };
    let mut first = None;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &bytes[i..]) {
        let at = i + k;
        if bytes.get(at + 1) != Some(&b'u') {
            // Another escape (`\\`, `\"`, ...): skip both bytes.
            i = at + 2;
            continue;
        }
        let Some(unit) = hex(&bytes[at + 2..]) else {
            i = at + 2;
            continue;
        };
        let paired = (0xD800..0xDC00).contains(&unit)
            && bytes.get(at + 6..at + 8) == Some(b"\\u")
            && hex(&bytes[at + 8..]).is_some_and(|low| (0xDC00..0xE000).contains(&low));
        if paired {
            i = at + 12;
        } else if (0xD800..0xE000).contains(&unit) {
            bytes[at + 2..at + 6].copy_from_slice(b"FFFD");
            first.get_or_insert(at);
            i = at + 6;
        } else {
            i = at + 6;
        }
    }
    first
}

/// The calendar day a date field opens with (`2021-06-01`, `2021-06-01 10:00:00`,
/// `2021-06-01T10:00:00Z`); `None` when it is none (`2021-13-45`, `yesterday`).
fn calendar_day(date: &str) -> Option<String> {
    let day = date.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| day[r].parse().ok())?
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then(|| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_as_bufread_splits_them_whatever_the_buffer() {
        let inputs = [
            "",
            "\n",
            "{\"a\":1}",
            "{\"a\":1}\n{\"b\":2}\n",
            "\n\n  \n{\"a\":1}\r\n\t\n{\"b\":\"long line past the buffer\"}",
            "x\ny\n\nz\n\n",
        ];
        for input in inputs {
            let expected: Vec<(Vec<u8>, usize)> = input
                .as_bytes()
                .split(|&b| b == b'\n')
                .enumerate()
                .filter(|(i, l)| {
                    // `split` on a slice gives a last, empty piece after a final line break.
                    !(l.is_empty() && *i == input.matches('\n').count())
                })
                .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
                .map(|(i, l)| (l.to_vec(), i + 1))
                .collect();
            for capacity in [1, 2, 3, 7, 64] {
                let reader = std::io::BufReader::with_capacity(capacity, input.as_bytes());
                let mut got = Vec::new();
                read_raw(
                    reader,
                    Path::new("t.jsonl"),
                    u64::MAX,
                    &mut |e| panic!("{e}"),
                    &mut |r| got.push((r.bytes, r.line)),
                );
                assert_eq!(got, expected, "{input:?} with a {capacity}-byte buffer");
            }
        }
    }

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let input = b"{\"id\":\"a\",\"text\":\"hello\",\"date\":\"2019-12-31T10:00:00Z\"}\nnot json\n\n{\"html\":\"<p>x</p>\"}\n{\"id\":3}\n";
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        read(
            &input[..],
            Path::new("f.jsonl"),
            &RecordFields::default(),
            &mut |e| errors.push(e.to_string()),
            &mut |d| docs.push(d),
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(
            (docs[0].name.as_str(), docs[0].date.as_deref()),
            ("a", Some("2019-12-31"))
        );
        assert_eq!(docs[1].name, "f.jsonl:4");
        assert_eq!(docs[1].format, crate::document::TextFormat::Html);
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0].starts_with("f.jsonl:2: expected a JSON object, but"),
            "{}",
            errors[0]
        );
        assert_eq!(
            errors[1],
            "f.jsonl:5: expected a `text` or `html` string field, but found neither"
        );
    }

    fn read_all(input: &[u8], fields: &RecordFields) -> (Vec<Document>, Vec<String>) {
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        read(
            input,
            Path::new("f.jsonl"),
            fields,
            &mut |e| errors.push(e.to_string()),
            &mut |d| docs.push(d),
        );
        (docs, errors)
    }

    #[test]
    fn crawler_field_names_are_found_under_the_defaults() {
        // news-please writes `maintext` and `date_publish`; others `content`, `raw_html`.
        let input = "{\"url\":\"https://e.com/a\",\"maintext\":\"hello\",\"date_publish\":\"2019-12-31 10:00:00\"}\n\
                     {\"id\":\"b\",\"content\":\"x\",\"datePublished\":\"2020-01-02T00:00:00Z\"}\n\
                     {\"id\":\"c\",\"raw_html\":\"<p>y</p>\",\"text\":\"y\"}\n";
        let (docs, errors) = read_all(input.as_bytes(), &RecordFields::default());
        assert!(errors.is_empty(), "{errors:?}");
        let got: Vec<_> = docs
            .iter()
            .map(|d| {
                (
                    d.name.as_str(),
                    d.text.as_str(),
                    d.date.as_deref(),
                    d.format,
                )
            })
            .collect();
        use crate::document::TextFormat::{Html, Text};
        assert_eq!(
            got,
            [
                ("https://e.com/a", "hello", Some("2019-12-31"), Text),
                ("b", "x", Some("2020-01-02"), Text),
                ("c", "<p>y</p>", None, Html),
            ]
        );
    }

    #[test]
    fn a_named_field_is_not_replaced_by_an_alias() {
        let fields = RecordFields {
            text: "body_text".into(),
            ..RecordFields::default()
        };
        let (docs, errors) = read_all(b"{\"id\":\"a\",\"maintext\":\"hello\"}\n", &fields);
        assert!(docs.is_empty());
        assert_eq!(
            errors,
            ["f.jsonl:1: expected a `body_text` or `html` string field, but found neither"]
        );
    }
}
