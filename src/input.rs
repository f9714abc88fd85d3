//! Inputs: the paths given on the command line, expanded to documents, and read.
//!
//! Files are read whole; directories are walked recursively for `*.txt` and `*.text`, sorted by
//! path so the output does not depend on the file system's order; `-` is standard input.
//! Problems are reported per input and never stop the others.

use crate::document::Document;
use crate::error::Error;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions of the documents read from directories.
pub const EXTENSIONS: [&str; 4] = ["txt", "text", "html", "htm"];

/// Extensions read as HTML pages.
pub const HTML_EXTENSIONS: [&str; 2] = ["html", "htm"];

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

/// Expands command-line inputs into sources, reporting paths that give nothing to `report`.
pub fn collect(inputs: &[PathBuf], report: &mut dyn FnMut(Error)) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if input.is_dir() {
            let before = sources.len();
            walk(input, &mut sources, report);
            if sources.len() == before {
                report(Error::NoDocuments {
                    path: input.clone(),
                });
            }
        } else if input.exists() {
            sources.push(Source::File(input.clone()));
        } else {
            report(Error::NotFound {
                path: input.clone(),
            });
        }
    }
    sources
}

fn walk(dir: &Path, sources: &mut Vec<Source>, report: &mut dyn FnMut(Error)) {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        match entry {
            Ok(e) if e.file_type().is_file() && has_document_extension(e.path()) => {
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
    found.sort();
    sources.extend(found.into_iter().map(Source::File));
}

/// Whether a file name ends in one of [`EXTENSIONS`].
pub fn has_document_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads a source into a document. Non-fatal problems (invalid UTF-8, emptiness) go to `report`.
pub fn read(source: &Source, report: &mut dyn FnMut(Error)) -> Result<Document, Error> {
    let path = source.path();
    let bytes = match source {
        Source::File(p) => std::fs::read(p),
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
        }
    }
    .map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    Ok(decode(source.name(), &path, bytes, report))
}

/// Decodes a document's bytes, lossily where they are not UTF-8 (with a warning).
pub fn decode(
    name: String,
    path: &Path,
    bytes: Vec<u8>,
    report: &mut dyn FnMut(Error),
) -> Document {
    if bytes.is_empty() {
        report(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            report(Error::InvalidUtf8 {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
            });
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if is_html_path(path) || looks_like_html(&text) {
        Document::html(name, text)
    } else {
        Document::new(name, text)
    }
}

/// Whether a path names an HTML file.
pub fn is_html_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| HTML_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Whether a text read from a stream is an HTML page (it opens with a doctype or `<html`).
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = head
        .get(..head.len().min(15))
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}
