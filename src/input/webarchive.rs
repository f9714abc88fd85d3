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
//! Records are parsed with the `warc` crate. A `.warc.gz` holds one gzip member per record, so
//! it is read through a multi-member decoder (a plain decoder would stop after the first record).
//! Only HTML responses are documents: `response` records whose HTTP status is 2xx and whose
//! content type is HTML (and `resource` records of type HTML); each is named by its target URI.
//! A malformed record is reported with its file and position; the rest of the file is read
//! when the reader can resynchronize, else reading that file stops there.

use crate::document::Document;
use crate::error::Error;
use std::io::{BufReader, Read};
use std::path::Path;
use warc::{RecordType, WarcHeader, WarcReader};

/// Whether a path names a web archive (`.warc` or `.warc.gz`).
pub fn is_warc_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Reads every HTML response of a (decompressed) WARC stream, handing each page to `each`.
pub fn read(
    reader: impl Read,
    origin: &Path,
    report: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(Document),
) {
    let records = WarcReader::new(BufReader::with_capacity(1 << 20, reader)).iter_records();
    for (i, record) in records.enumerate() {
        let position = i + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report(Error::BadRecord {
                    path: origin.to_path_buf(),
                    line: position,
                    reason: format!("expected a WARC record, but {e}"),
                });
                if matches!(e, warc::Error::ReadData(_) | warc::Error::UnexpectedEOB) {
                    return;
                }
                continue;
            }
        };
        let uri = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .unwrap_or_else(|| format!("{}#{position}", origin.display()));
        let content_type = record
            .header(WarcHeader::ContentType)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let html = match record.warc_type() {
            RecordType::Response if content_type.starts_with("application/http") => {
                http_html_body(record.body())
            }
            RecordType::Resource if content_type.contains("html") => Some(record.body()),
            _ => None,
        };
        if let Some(body) = html {
            let text = String::from_utf8_lossy(body).into_owned();
            each(Document::html(uri, text));
        }
    }
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
            &mut |e| panic!("{e}"),
            &mut |d| docs.push(d),
        );
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].name, "https://a.example/");
        assert_eq!(docs[0].text, "<html><p>Hi</p></html>");
        assert_eq!(docs[0].format, crate::document::TextFormat::Html);
    }

    #[test]
    fn malformed_record_is_reported() {
        let mut errors = Vec::new();
        read(
            &b"WARC/1.0\r\nnot a header\r\n\r\n"[..],
            Path::new("bad.warc"),
            &mut |e| errors.push(e.to_string()),
            &mut |_| {},
        );
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("bad.warc:1: expected a WARC record, but"),
            "{}",
            errors[0]
        );
    }
}
