//! Web archives: WARC files (`.warc`, `.warc.gz`) as crawlers such as Common Crawl write them.
//!
//! ```text
//! WARC/1.0
//! WARC-Type: response
//! WARC-Target-URI: https://example.com/news/river-flood
//! Content-Type: application/http; msgtype=response
//!
//! HTTP/1.1 200 OK
//! Content-Type: text/html; charset=utf-8
//!
//! <!doctype html><html>...
//! ```
//!
//! Records are read here, with bounded memory: the header block (at most [`MAX_HEADER`]
//! bytes), then `Content-Length` bytes of content. A `.warc.gz` holds one gzip member per
//! record, so it is read through a multi-member decoder (a plain decoder would stop after the
//! first record). Only HTML responses are documents: `response` records whose HTTP status is
//! 2xx and whose content type is HTML (and `resource` records of type HTML); each is named by
//! its target URI. A stretch that is not a well-formed record is reported once, with the byte
//! offset where it starts, and reading goes on at the next line opening with `WARC/`; a record
//! whose content is larger than the maximum document size is skipped unread, with a warning.

use crate::document::Document;
use crate::error::Error;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The largest header block read: real ones are well under a kilobyte.
const MAX_HEADER: usize = 1 << 20;

/// Whether a path names a web archive (`.warc` or `.warc.gz`).
pub fn is_warc_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// A record's header block.
#[derive(Debug, Default)]
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    /// A field's value, by case-insensitive name.
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A stream read line by line and by length, counting the bytes consumed.
struct Stream<R> {
    reader: BufReader<R>,
    offset: u64,
}

impl<R: Read> Stream<R> {
    /// The next line, without its line end, at most `max` bytes of it kept (the rest is
    /// consumed); `None` at the end of the stream.
    fn line(&mut self, max: usize) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        let mut any = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(any.then_some(line));
            }
            any = true;
            let (piece, used, done) = match memchr::memchr(b'\n', buf) {
                Some(end) => (&buf[..end], end + 1, true),
                None => (buf, buf.len(), false),
            };
            let room = max.saturating_sub(line.len());
            line.extend_from_slice(&piece[..piece.len().min(room)]);
            self.reader.consume(used);
            self.offset += used as u64;
            if done {
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some(line));
            }
        }
    }

    /// Reads `len` bytes of content, or skips them when `keep` is false; returns them and how
    /// many there were (fewer at a truncated end).
    fn content(&mut self, len: u64, keep: bool) -> io::Result<(Vec<u8>, u64)> {
        let mut limited = (&mut self.reader).take(len);
        let (bytes, n) = if keep {
            let mut bytes = Vec::with_capacity(len.min(1 << 20) as usize);
            let n = limited.read_to_end(&mut bytes)? as u64;
            (bytes, n)
        } else {
            (Vec::new(), io::copy(&mut limited, &mut io::sink())?)
        };
        self.offset += n;
        Ok((bytes, n))
    }
}

/// Reads every HTML response of a (decompressed) WARC stream, handing each page to `each`.
/// Records with more than `max` bytes of content are skipped unread.
pub fn read(
    reader: impl Read,
    origin: &Path,
    max: u64,
    report: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(Document),
) {
    let mut stream = Stream {
        reader: BufReader::with_capacity(1 << 20, reader),
        offset: 0,
    };
    let bad = |offset: u64, reason: String| Error::BadArchiveRecord {
        path: origin.to_path_buf(),
        offset,
        reason,
    };
    // The line read ahead while looking for the next record.
    let mut ahead: Option<(u64, Vec<u8>)> = None;
    let mut records = 0usize;
    loop {
        // The record's first line: the version, after any blank lines.
        let (start, first) = match ahead.take() {
            Some(line) => line,
            None => {
                let start = stream.offset;
                match stream.line(MAX_HEADER) {
                    Ok(Some(line)) => (start, line),
                    Ok(None) => return,
                    Err(e) => return report(read_error(origin, stream.offset, e)),
                }
            }
        };
        if first.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if !first.starts_with(b"WARC/") {
            let reason = format!(
                "expected a WARC record, but found `{}`; skipped to the next record",
                preview(&first)
            );
            report(bad(start, reason));
            match resync(&mut stream) {
                Ok(next) => ahead = next,
                Err(e) => return report(read_error(origin, stream.offset, e)),
            }
            continue;
        }
        let header = match read_header(&mut stream) {
            Ok(Ok(header)) => header,
            Ok(Err(reason)) => {
                report(bad(start, format!("{reason}; skipped to the next record")));
                match resync(&mut stream) {
                    Ok(next) => ahead = next,
                    Err(e) => return report(read_error(origin, stream.offset, e)),
                }
                continue;
            }
            Err(e) => return report(read_error(origin, stream.offset, e)),
        };
        records += 1;
        let Some(len) = header
            .get("Content-Length")
            .and_then(|l| l.trim().parse::<u64>().ok())
        else {
            report(bad(
                start,
                "expected a record with a Content-Length, but found none; skipped to the next record"
                    .to_string(),
            ));
            match resync(&mut stream) {
                Ok(next) => ahead = next,
                Err(e) => return report(read_error(origin, stream.offset, e)),
            }
            continue;
        };
        let uri = header
            .get("WARC-Target-URI")
            .map(|u| u.trim().trim_matches(['<', '>']).to_string())
            .unwrap_or_else(|| format!("{}#{records}", origin.display()));
        let content_type = header
            .get("Content-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let kind = header.get("WARC-Type").unwrap_or_default().trim();
        let wanted = match kind {
            "response" => content_type.starts_with("application/http"),
            "resource" => content_type.contains("html"),
            _ => false,
        };
        let keep = wanted && len <= max;
        if wanted && !keep {
            report(Error::TooLarge {
                name: format!("{} (record at byte {start} of {})", uri, origin.display()),
                limit: max,
            });
        }
        let content = match stream.content(len, keep) {
            Ok((_, n)) if n < len => {
                return report(bad(
                    start,
                    format!("expected {len} bytes of content, but the file ends after {n}"),
                ))
            }
            Ok((content, _)) => content,
            Err(e) => return report(read_error(origin, stream.offset, e)),
        };
        if !keep {
            continue;
        }
        let html = match kind {
            "response" => http_html_body(&content),
            _ => Some(&content[..]),
        };
        if let Some(body) = html {
            let text = String::from_utf8_lossy(body).into_owned();
            each(Document::html(uri, text));
        }
    }
}

/// A read error in a web archive, with the offset reached.
fn read_error(origin: &Path, offset: u64, e: io::Error) -> Error {
    Error::BadArchiveRecord {
        path: origin.to_path_buf(),
        offset,
        reason: format!("reading stopped: {e}"),
    }
}

/// The header fields after the version line, up to the blank line that ends them; `Err` with
/// a reason when a line is not a field (or the block is too long or cut short).
fn read_header<R: Read>(stream: &mut Stream<R>) -> io::Result<Result<Header, String>> {
    let mut header = Header::default();
    let mut size = 0;
    loop {
        let Some(line) = stream.line(MAX_HEADER)? else {
            return Ok(Err("expected a header block, but the file ends".to_string()));
        };
        if line.is_empty() {
            return Ok(Ok(header));
        }
        size += line.len();
        if size > MAX_HEADER {
            return Ok(Err(format!(
                "expected a header block of at most {MAX_HEADER} bytes, but found more"
            )));
        }
        if matches!(line[0], b' ' | b'\t') {
            // A continuation of the field above.
            if let Some((_, value)) = header.fields.last_mut() {
                value.push(' ');
                value.push_str(String::from_utf8_lossy(&line).trim());
                continue;
            }
        }
        let field = std::str::from_utf8(&line).ok().and_then(|l| {
            let (name, value) = l.split_once(':')?;
            let name = name.trim_end();
            let token = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b));
            token.then(|| (name.to_string(), value.trim().to_string()))
        });
        match field {
            Some(field) => header.fields.push(field),
            None => {
                return Ok(Err(format!(
                    "expected a header field, but found `{}`",
                    preview(&line)
                )))
            }
        }
    }
}

/// Skips to the next line that opens a record; returns it with its offset (`None` at the end).
fn resync<R: Read>(stream: &mut Stream<R>) -> io::Result<Option<(u64, Vec<u8>)>> {
    loop {
        let start = stream.offset;
        match stream.line(64)? {
            Some(line) if line.starts_with(b"WARC/") => {
                // Only the line's head was kept: enough to know it, and a version is short.
                return Ok(Some((start, line)));
            }
            Some(_) => {}
            None => return Ok(None),
        }
    }
}

/// The head of a line for a message: lossy, at most 40 characters.
fn preview(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let mut preview: String = text.chars().take(40).collect();
    if preview.len() < text.len() {
        preview.push('…');
    }
    preview.escape_debug().to_string()
}

/// The body of an HTTP response when its status is 2xx and its content type is HTML.
fn http_html_body(message: &[u8]) -> Option<&[u8]> {
    let split = memchr::memmem::find(message, b"\r\n\r\n").map(|i| (i, i + 4));
    let split = split.or_else(|| memchr::memmem::find(message, b"\n\n").map(|i| (i, i + 2)))?;
    let head = std::str::from_utf8(&message[..split.0]).ok()?;
    let mut lines = head.lines();
    let status = lines.next()?.split_whitespace().nth(1)?;
    if !status.starts_with('2') {
        return None;
    }
    let is_html = lines.any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("content-type:") && l.contains("html")
    });
    is_html.then(|| &message[split.1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, content_type: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: 2019-12-31T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    #[test]
    fn html_responses_become_documents() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><p>Hi</p></html>";
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
        let missing = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>";
        let warc = [
            record(
                "warcinfo",
                "info",
                "application/warc-fields",
                "software: test",
            ),
            record(
                "request",
                "https://a.example/",
                "application/http; msgtype=request",
                "GET / HTTP/1.1\r\n\r\n",
            ),
            record(
                "response",
                "https://a.example/",
                "application/http; msgtype=response",
                page,
            ),
            record(
                "response",
                "https://a.example/logo.png",
                "application/http; msgtype=response",
                image,
            ),
            record(
                "response",
                "https://a.example/gone",
                "application/http; msgtype=response",
                missing,
            ),
        ]
        .concat();
        let mut docs = Vec::new();
        read(
            warc.as_bytes(),
            Path::new("t.warc"),
            u64::MAX,
            &mut |e| panic!("{e}"),
            &mut |d| docs.push(d),
        );
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].name, "https://a.example/");
        assert_eq!(docs[0].text, "<html><p>Hi</p></html>");
        assert_eq!(docs[0].format, crate::document::TextFormat::Html);
    }

    fn page(uri: &str) -> String {
        let body =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>{uri}</p></html>");
        record("response", uri, "application/http; msgtype=response", &body)
    }

    fn read_all(warc: &[u8], max: u64) -> (Vec<String>, Vec<String>) {
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        read(
            warc,
            Path::new("bad.warc"),
            max,
            &mut |e| errors.push(e.to_string()),
            &mut |d| docs.push(d.name),
        );
        (docs, errors)
    }

    #[test]
    fn malformed_record_is_reported() {
        let (docs, errors) = read_all(b"WARC/1.0\r\nnot a header\r\n\r\n", u64::MAX);
        assert!(docs.is_empty());
        assert_eq!(
            errors,
            ["bad.warc: at byte 0: expected a header field, but found `not a header`; skipped to the next record"]
        );
    }

    #[test]
    fn one_garbled_header_is_one_error_and_the_other_records_are_read() {
        for garbled in ["WARC-Type response", "WARX/1.0", "\u{0}\u{1}binary"] {
            let second = page("https://b.example/");
            let damaged = second.replacen("WARC-Type: response", garbled, 1);
            let damaged = if garbled == "WARX/1.0" {
                second.replacen("WARC/1.0", garbled, 1)
            } else {
                damaged
            };
            let first = page("https://a.example/");
            let warc = [first.clone(), damaged, page("https://c.example/")].concat();
            let (docs, errors) = read_all(warc.as_bytes(), u64::MAX);
            assert_eq!(
                docs,
                ["https://a.example/", "https://c.example/"],
                "{garbled}"
            );
            assert_eq!(errors.len(), 1, "{garbled}: {errors:?}");
            assert!(
                errors[0].starts_with(&format!("bad.warc: at byte {}: ", first.len())),
                "{garbled}: {errors:?}"
            );
        }
    }

    #[test]
    fn a_record_past_the_maximum_is_skipped_unread() {
        let big = page(&format!("https://big.example/{}", "x".repeat(2000)));
        let warc = [page("https://a.example/"), big, page("https://c.example/")].concat();
        let (docs, errors) = read_all(warc.as_bytes(), 1000);
        assert_eq!(docs, ["https://a.example/", "https://c.example/"]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("larger than the maximum document size"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_truncated_record_ends_the_file_with_one_error() {
        let warc = page("https://a.example/");
        let cut = &warc.as_bytes()[..warc.len() - 20];
        let (docs, errors) = read_all(cut, u64::MAX);
        assert!(docs.is_empty());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("bad.warc: at byte 0: expected"),
            "{errors:?}"
        );
    }
}
