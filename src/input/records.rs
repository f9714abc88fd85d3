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
//! line and skipped; the rest goes on.

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
    let mut read_error = None;
    read_raw(
        reader,
        origin,
        &mut |e| read_error = Some(e),
        &mut |raw| match raw.parse(fields) {
            Ok(doc) => each(doc),
            Err(e) => report(e),
        },
    );
    if let Some(e) = read_error {
        report(e);
    }
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
    /// Parses the record into a document.
    pub fn parse(&self, fields: &RecordFields) -> Result<Document, Error> {
        let r = parse(&self.bytes, fields).map_err(|reason| Error::BadRecord {
            path: self.origin.clone(),
            line: self.line,
            reason,
        })?;
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
        Ok(doc)
    }
}

/// Splits a JSON Lines stream into its non-blank lines, unparsed.
///
/// Line ends are found with `memchr`'s SIMD search (std's `BufRead::split` searches a word at
/// a time, which had been a tenth of the reader thread's time).
pub fn read_raw(
    mut reader: impl BufRead,
    origin: &Path,
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
    // The line read so far, when it runs past the reader's buffer.
    let mut pending: Vec<u8> = Vec::new();
    let mut line = 0;
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
            if !pending.is_empty() {
                emit(pending, line + 1);
            }
            return;
        }
        match memchr::memchr(b'\n', buf) {
            Some(end) => {
                pending.extend_from_slice(&buf[..end]);
                reader.consume(end + 1);
                line += 1;
                emit(std::mem::take(&mut pending), line);
            }
            None => {
                let n = buf.len();
                pending.extend_from_slice(buf);
                reader.consume(n);
            }
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

fn parse(bytes: &[u8], fields: &RecordFields) -> Result<Record, String> {
    let mut value: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("expected a JSON object, but {e}"))?;
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
    let date = RecordFields::names(&fields.date, "date", DATE_ALIASES).find_map(string);
    let date = date.and_then(|d| {
        let day = d.get(..10)?;
        let ok = day.len() == 10 && day.as_bytes()[4] == b'-' && day.as_bytes()[7] == b'-';
        ok.then(|| day.to_string())
    });
    // The body is moved out of the parsed record, not copied (it is most of the record).
    let mut take = |key: &str| match obj.remove(key) {
        Some(Value::String(s)) => Some(s),
        other => {
            if let Some(v) = other {
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
        return Ok(Record {
            id,
            body: html,
            is_html: true,
            date,
        });
    }
    match text_body {
        Some(text) => Ok(Record {
            id,
            body: text,
            is_html: false,
            date,
        }),
        None => Err(format!(
            "expected a `{}` or `{}` string field, but found neither",
            fields.text, fields.html
        )),
    }
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
