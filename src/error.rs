//! The crate's error type: one voice for every problem with an input or the output.
//!
//! Messages are lowercase and name the file (and position, where there is one), so a run over
//! thousands of files can say exactly which one was at fault while the others go on.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A problem with an input or output. Input problems are reported and the run goes on.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A path given on the command line does not exist.
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A directory holds no document this tool reads.
    NoDocuments {
        /// The directory.
        path: PathBuf,
    },
    /// Reading or writing a file failed.
    Io {
        /// The file (`-` for standard input or output).
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A document is not valid UTF-8; it was decoded lossily.
    InvalidUtf8 {
        /// The document.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A file is binary, not text; it was skipped.
    Binary {
        /// The file.
        path: PathBuf,
        /// Offset of the first NUL byte (0 when the file is mostly control bytes).
        offset: usize,
    },
    /// A document is empty.
    Empty {
        /// The document.
        path: PathBuf,
    },
    /// A JSON Lines record could not be used; it was skipped.
    BadRecord {
        /// The file.
        path: PathBuf,
        /// 1-based line of the record.
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// A JSON Lines record was read, but something in it was repaired or left out (a null
    /// text, a date that is no date, invalid UTF-8): a warning.
    RecordWarning {
        /// The file.
        path: PathBuf,
        /// 1-based line of the record.
        line: usize,
        /// 1-based byte column of the problem within the line, where there is one.
        column: Option<usize>,
        /// What was done.
        reason: String,
    },
    /// A stretch of a web archive that is not a well-formed record; reading went on at the
    /// next record.
    BadArchiveRecord {
        /// The file.
        path: PathBuf,
        /// Byte offset where the stretch starts (in the inflated stream of a `.warc.gz`).
        offset: u64,
        /// What was wrong.
        reason: String,
    },
    /// A document larger than the maximum document size; it was skipped.
    TooLarge {
        /// The document: a file, `FILE:LINE` or a web archive's record.
        name: String,
        /// The maximum, in bytes.
        limit: u64,
    },
    /// A path found twice (given twice, or two names of one file); it was read once.
    Duplicate {
        /// The second path.
        path: PathBuf,
        /// The path it was first read under.
        first: PathBuf,
    },
    /// A file name that is not valid UTF-8; the file was read, its name is written with
    /// replacement characters.
    NonUtf8Name {
        /// The path.
        path: PathBuf,
    },
    /// Scanning a document hit a defect of this tool (a panic); the document was skipped and
    /// the others scanned.
    Internal {
        /// The document: a file, `FILE:LINE` or a web archive's record.
        name: String,
        /// The panic's message.
        reason: String,
    },
    /// No document at all could be read.
    NothingToScan,
}

impl Error {
    /// Whether the problem is only worth a warning: the document was still read (decoded
    /// lossily) or held nothing. The others mean an input or the output was lost.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Error::InvalidUtf8 { .. }
                | Error::Empty { .. }
                | Error::RecordWarning { .. }
                | Error::TooLarge { .. }
                | Error::Duplicate { .. }
                | Error::NonUtf8Name { .. }
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound { path } => write!(f, "{}: no such file or directory", path.display()),
            Error::NoDocuments { path } => write!(
                f,
                "{}: expected documents (*.txt, *.text, *.html, *.htm, *.jsonl, *.ndjson, *.warc, optionally .gz), but found none in this directory",
                path.display()
            ),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::InvalidUtf8 { path, offset } => write!(
                f,
                "{}: invalid UTF-8 at byte {offset}; decoded with replacement characters",
                path.display()
            ),
            Error::Binary { path, offset } => write!(
                f,
                "{}: expected text, but found binary data (NUL byte at {offset}); skipped",
                path.display()
            ),
            Error::Empty { path } => write!(f, "{}: empty document", path.display()),
            Error::BadRecord { path, line, reason } => {
                write!(f, "{}:{line}: {reason}", path.display())
            }
            Error::RecordWarning {
                path,
                line,
                column,
                reason,
            } => match column {
                Some(column) => write!(f, "{}:{line}:{column}: {reason}", path.display()),
                None => write!(f, "{}:{line}: {reason}", path.display()),
            },
            Error::BadArchiveRecord {
                path,
                offset,
                reason,
            } => write!(f, "{}: at byte {offset}: {reason}", path.display()),
            Error::TooLarge { name, limit } => write!(
                f,
                "{name}: larger than the maximum document size ({}); skipped (see --max-document-size)",
                human_size(*limit)
            ),
            Error::Duplicate { path, first } => {
                if path == first {
                    write!(f, "{}: given more than once; read once", path.display())
                } else {
                    write!(
                        f,
                        "{}: the same file as {}; read once",
                        path.display(),
                        first.display()
                    )
                }
            }
            Error::NonUtf8Name { path } => write!(
                f,
                "{}: file name is not valid UTF-8; read, and named with replacement characters",
                path.display()
            ),
            Error::Internal { name, reason } => write!(
                f,
                "{name}: skipped: scanning it failed on a defect of embedscan ({reason}); please report it with the document"
            ),
            Error::NothingToScan => write!(f, "no documents to scan"),
        }
    }
}

/// A size as `--max-document-size` takes it: `256M` rather than 268435456 where it is exact.
fn human_size(bytes: u64) -> String {
    for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] {
        if bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return format!("{}{suffix}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
