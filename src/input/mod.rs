//! Inputs: the paths given on the command line, expanded to documents, and read.
//!
//! Files are read whole; directories are walked recursively for documents (see
//! `is_document_path`), sorted by path so the output does not depend on the file system's
//! order; `-` is standard input (gzip is recognized there by its magic bytes). A file found
//! twice (the same path given twice, or two names of one file) is read once. `.gz` files are
//! decompressed as they are read (every gzip member; a member whose first 8 KB inflated hold a
//! NUL byte is binary and stops there), web archives (`.warc`, `.warc.gz`: their HTML
//! responses, `webarchive.rs`), and JSON Lines files (`.jsonl`, `.ndjson`) hold one article per
//! line (`records.rs`). No document, line or archive record larger than
//! [`ReadOptions::max_document_size`] is held in memory: it is skipped with a warning. Problems
//! are reported per input and never stop the others.

mod gz;
pub(crate) mod records;
mod webarchive;

use crate::document::Document;
use crate::error::Error;
pub use records::{RawRecord, RecordFields};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Extensions of the documents read from directories (each also with `.gz` after it).
pub(crate) const EXTENSIONS: [&str; 7] = ["txt", "text", "html", "htm", "jsonl", "ndjson", "warc"];

/// Extensions read as JSON Lines, one article per line.
pub(crate) const JSONL_EXTENSIONS: [&str; 2] = ["jsonl", "ndjson"];

/// Extensions read as HTML pages.
pub(crate) const HTML_EXTENSIONS: [&str; 2] = ["html", "htm"];

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file, by the path it was found under.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Source {
    /// The name a document from this source gets: the path as given, or `-`.
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
        }
    }

    fn path(&self) -> PathBuf {
        match self {
            Source::File(p) => p.clone(),
            Source::Stdin => PathBuf::from("-"),
        }
    }
}

/// Expands command-line inputs into sources, reporting paths that give nothing to `report`
/// (and, as warnings, paths found twice, read once, and names that are not UTF-8).
pub fn collect(inputs: &[PathBuf], report: &mut dyn FnMut(Error)) -> Vec<Source> {
    let mut sources = Vec::new();
    let mut seen = Seen::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            if seen.stdin {
                report(Error::Duplicate {
                    path: input.clone(),
                    first: input.clone(),
                });
            } else {
                seen.stdin = true;
                sources.push(Source::Stdin);
            }
        } else if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found, report);
            if found.is_empty() {
                report(Error::NoDocuments {
                    path: input.clone(),
                });
            }
            for path in found {
                seen.add(path, &mut sources, report);
            }
        } else if input.exists() {
            seen.add(input.clone(), &mut sources, report);
        } else {
            report(Error::NotFound {
                path: input.clone(),
            });
        }
    }
    sources
}

/// The files collected so far, by device and inode, so that a file is read once however
/// often and under whatever names it is found.
#[derive(Default)]
struct Seen {
    stdin: bool,
    files: std::collections::HashMap<(u64, u64), PathBuf>,
}

impl Seen {
    /// Adds a file unless it was found before (reported as a duplicate then).
    fn add(&mut self, path: PathBuf, sources: &mut Vec<Source>, report: &mut dyn FnMut(Error)) {
        if let Some(key) = file_key(&path) {
            if let Some(first) = self.files.get(&key) {
                report(Error::Duplicate {
                    path,
                    first: first.clone(),
                });
                return;
            }
            self.files.insert(key, path.clone());
        }
        if path.to_str().is_none() {
            report(Error::NonUtf8Name { path: path.clone() });
        }
        sources.push(Source::File(path));
    }
}

/// A file's identity: device and inode (none where the platform has no such thing, or the
/// file cannot be examined; reading it reports why).
fn file_key(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, report: &mut dyn FnMut(Error)) {
    let start = found.len();
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        match entry {
            Ok(e) if e.file_type().is_file() && is_document_path(e.path()) => {
                found.push(e.into_path());
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                let source = err
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop"));
                report(Error::Io { path, source });
            }
        }
    }
    found[start..].sort();
}

/// The extension that decides how a file is read, looking through a trailing `.gz`.
fn inner_extension(path: &Path) -> Option<String> {
    // Lossily: a name that is not UTF-8 still has an ASCII extension to go by.
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    Some(name.rsplit_once('.')?.1.to_string())
}

fn is_gzip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Whether a file name ends in one of [`EXTENSIONS`] (optionally followed by `.gz`).
pub(crate) fn is_document_path(path: &Path) -> bool {
    inner_extension(path).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

/// Whether a file holds JSON Lines records.
pub(crate) fn is_jsonl_path(path: &Path) -> bool {
    inner_extension(path).is_some_and(|e| JSONL_EXTENSIONS.contains(&e.as_str()))
}

/// How standard input and JSON Lines files are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Read standard input as JSON Lines records rather than one document.
    pub stdin_jsonl: bool,
    /// The record fields of JSON Lines input.
    pub fields: RecordFields,
    /// The largest document read, in bytes (a file, a `.gz` file inflated, a JSON Lines line,
    /// a web archive's record); a larger one is skipped with a warning once this many bytes
    /// are read. By default [`DEFAULT_MAX_DOCUMENT_SIZE`].
    pub max_document_size: u64,
}

/// The default [`ReadOptions::max_document_size`]: 256 MiB, as `rg --max-filesize` would be set
/// for text no article comes near.
pub const DEFAULT_MAX_DOCUMENT_SIZE: u64 = 256 << 20;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            stdin_jsonl: false,
            fields: RecordFields::default(),
            max_document_size: DEFAULT_MAX_DOCUMENT_SIZE,
        }
    }
}

/// A unit of input as read: a document, or a JSON Lines record still to be parsed (parsing is
/// the costly part of reading records, so it can run on the scanning threads).
#[derive(Debug)]
pub enum Item {
    /// A document ready to scan.
    Document(Document),
    /// An unparsed JSON Lines record.
    Record(RawRecord),
}

impl Item {
    /// The document, parsing a record with `fields`; `None` when the record could not be used
    /// (why goes to `report`, as do the warnings of a record that could).
    pub fn into_document(
        self,
        fields: &RecordFields,
        report: &mut dyn FnMut(Error),
    ) -> Option<Document> {
        match self {
            Item::Document(d) => Some(d),
            Item::Record(r) => r.parse(fields, report),
        }
    }

    /// Bytes this item holds.
    pub fn len(&self) -> usize {
        match self {
            Item::Document(d) => d.text.len(),
            Item::Record(r) => r.bytes.len(),
        }
    }

    /// Whether the item holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reads a source, handing each document to `each` as it is read: one for a file, one per
/// record for JSON Lines, one per HTML response for WARC. Non-fatal problems (invalid UTF-8,
/// emptiness, bad records) go to `report`; an error means the source could not be read at all.
pub(crate) fn read_each(
    source: &Source,
    options: &ReadOptions,
    report: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(Document),
) -> Result<(), Error> {
    let mut record_problems = Vec::new();
    let result = read_items(source, options, report, &mut |item| {
        if let Some(doc) = item.into_document(&options.fields, &mut |e| record_problems.push(e)) {
            each(doc);
        }
    });
    for e in record_problems {
        report(e);
    }
    result
}

/// Like `read_each`, but JSON Lines records come unparsed ([`Item::Record`]).
pub fn read_items(
    source: &Source,
    options: &ReadOptions,
    report: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(Item),
) -> Result<(), Error> {
    let path = source.path();
    let io_error = |source| Error::Io {
        path: path.clone(),
        source,
    };
    let max = options.max_document_size;
    let too_large = || Error::TooLarge {
        name: source.name(),
        limit: max,
    };
    let warc = matches!(source, Source::File(p) if webarchive::is_warc_path(p));
    let jsonl = match source {
        Source::File(p) => is_jsonl_path(p),
        Source::Stdin => options.stdin_jsonl,
    };
    let (reader, gzip): (Box<dyn BufRead>, bool) = match source {
        Source::File(p) => {
            let mut file = std::fs::File::open(p).map_err(io_error)?;
            let gzip = is_gzip(p);
            if !gzip && !warc && !jsonl {
                // A plain file larger than the maximum is skipped unread, as ripgrep does;
                // else it is read in one piece of its size.
                let len = file.metadata().map_err(io_error)?.len();
                if len > max {
                    report(too_large());
                    return Ok(());
                }
                let mut bytes = Vec::with_capacity(len as usize);
                (&mut file)
                    .take(max.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(io_error)?;
                if bytes.len() as u64 > max {
                    report(too_large());
                    return Ok(());
                }
                return document(source, path, bytes, report, each);
            }
            (Box::new(BufReader::with_capacity(1 << 16, file)), gzip)
        }
        Source::Stdin => {
            let mut stdin = std::io::stdin().lock();
            let head = read_head(&mut stdin).map_err(io_error)?;
            let gzip = head.starts_with(&[0x1f, 0x8b]);
            let stdin = std::io::Cursor::new(head).chain(stdin);
            (Box::new(BufReader::with_capacity(1 << 16, stdin)), gzip)
        }
    };
    let reader: Box<dyn Read> = if gzip {
        Box::new(gz::Members::new(reader, !warc))
    } else {
        Box::new(reader)
    };
    if warc {
        webarchive::read(reader, &path, max, report, &mut |d| each(Item::Document(d)));
        return Ok(());
    }
    if jsonl {
        let reader = BufReader::with_capacity(1 << 20, reader);
        records::read_raw(reader, &path, max, report, &mut |r| each(Item::Record(r)));
        return Ok(());
    }
    let bytes = match gz::read_capped(reader, max) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            report(too_large());
            return Ok(());
        }
        Err(e) => {
            return Err(match gz::binary_member(&e) {
                Some(offset) => Error::Binary {
                    path,
                    offset: offset as usize,
                },
                None => io_error(e),
            })
        }
    };
    document(source, path, bytes, report, each)
}

/// Hands a whole document's bytes to `each`, decoded, unless they are binary.
fn document(
    source: &Source,
    path: PathBuf,
    bytes: Vec<u8>,
    report: &mut dyn FnMut(Error),
    each: &mut dyn FnMut(Item),
) -> Result<(), Error> {
    if let Some(offset) = binary_offset(&bytes) {
        return Err(Error::Binary { path, offset });
    }
    each(Item::Document(decode(source.name(), &path, bytes, report)));
    Ok(())
}

/// The first two bytes of a stream (fewer when it is shorter), to tell gzip by its magic.
fn read_head(reader: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut head = [0; 2];
    let mut n = 0;
    while n < head.len() {
        match reader.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(head[..n].to_vec())
}

/// Reads a source that holds one document.
pub fn read(source: &Source, report: &mut dyn FnMut(Error)) -> Result<Document, Error> {
    let mut doc = None;
    read_each(source, &ReadOptions::default(), report, &mut |d| {
        doc = Some(d)
    })?;
    doc.ok_or(Error::NothingToScan)
}

/// Decodes a document's bytes: UTF-16 with a byte-order mark is converted; other text is read
/// as UTF-8, lossily where it is not (with a warning naming the first bad byte).
///
/// Offsets in the output are byte offsets into the decoded UTF-8 text; for UTF-8 input that is
/// the file itself.
pub fn decode(
    name: String,
    path: &Path,
    bytes: Vec<u8>,
    report: &mut dyn FnMut(Error),
) -> Document {
    decode_as(name, path, bytes, None, report)
}

/// A document given by its content rather than read from a file (by a library caller, or the
/// Python package): its bytes checked and decoded as a file's would be ([`decode`]), its name
/// standing for the path (a name ending in `.html` is a page, as is a text opening with a
/// doctype) unless `html` says whether it is HTML. Binary content is an error, as for a file.
pub fn given(
    name: String,
    bytes: Vec<u8>,
    html: Option<bool>,
    report: &mut dyn FnMut(Error),
) -> Result<Document, Error> {
    let path = PathBuf::from(&name);
    if let Some(offset) = binary_offset(&bytes) {
        return Err(Error::Binary { path, offset });
    }
    Ok(decode_as(name, &path, bytes, html, report))
}

/// [`decode`], HTML or not as `html` says (by the name and content when `None`).
fn decode_as(
    name: String,
    path: &Path,
    bytes: Vec<u8>,
    html: Option<bool>,
    report: &mut dyn FnMut(Error),
) -> Document {
    if bytes.is_empty() {
        report(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let text = match utf16_with_bom(&bytes) {
        Some(text) => text,
        None => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                report(Error::InvalidUtf8 {
                    path: path.to_path_buf(),
                    offset: e.utf8_error().valid_up_to(),
                });
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        },
    };
    let html = html.unwrap_or_else(|| {
        inner_extension(path).is_some_and(|e| HTML_EXTENSIONS.contains(&e.as_str()))
            || looks_like_html(&text)
    });
    if html {
        Document::html(name, text)
    } else {
        Document::new(name, text)
    }
}

/// Decodes UTF-16 text that announces itself with a byte-order mark (as Windows tools write it).
fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let little = match bytes.get(..2)? {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Where a byte sequence is not text: the offset of the first NUL byte, when the first 8 KiB
/// hold NUL bytes or mostly control bytes (and it is not UTF-16, which has NULs).
pub(crate) fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if matches!(bytes.get(..2), Some([0xFF, 0xFE] | [0xFE, 0xFF])) {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    // Counted in runs of at most 255 bytes, each summed in a byte: the compiler vectorizes
    // that 16 or 32 bytes at a time, where a filtered count of every byte widens each to 64
    // bits (about a gigabyte a second, ~1% of a run over 50 KB documents).
    let control: usize = head
        .chunks(255)
        .map(|run| {
            let n: u8 = run
                .iter()
                .map(|&b| u8::from(b < 0x09 || (0x0E..0x20).contains(&b)))
                .sum();
            usize::from(n)
        })
        .sum();
    let first_nul = memchr::memchr(0, head);
    (first_nul.is_some() || control * 10 > head.len()).then(|| first_nul.unwrap_or(0))
}

/// Whether a text read from a stream is an HTML page (it opens with a doctype or `<html`).
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = head
        .get(..head.len().min(15))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The control-byte count in runs of 255 gives the answers of a plain count: more control
    /// bytes than a run holds, every byte one, none, and text either side of the threshold.
    #[test]
    fn binary_offset_counts_control_bytes_as_a_plain_count() {
        let plain = |bytes: &[u8]| {
            let head = &bytes[..bytes.len().min(8192)];
            let control = head
                .iter()
                .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
                .count();
            let first_nul = memchr::memchr(0, head);
            (first_nul.is_some() || control * 10 > head.len()).then(|| first_nul.unwrap_or(0))
        };
        let mut inputs: Vec<Vec<u8>> = vec![
            vec![1; 9000],
            vec![b'a'; 9000],
            Vec::new(),
            b"plain text\n".to_vec(),
        ];
        // Control bytes at one in 9, 10 and 11 bytes: either side of the one-in-ten threshold.
        for every in [9, 10, 11] {
            inputs.push(
                (0..3000)
                    .map(|i| if i % every == 0 { 0x1B } else { b'x' })
                    .collect(),
            );
        }
        for bytes in &inputs {
            assert_eq!(binary_offset(bytes), plain(bytes), "{} bytes", bytes.len());
        }
    }
}
