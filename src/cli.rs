//! Command-line arguments, as typed. Validation and the objects built from them live in main.

use clap::{Args, Parser, Subcommand, ValueEnum};
use embedscan::output::Format;
use std::path::PathBuf;

/// What `--help` shows after the options: the inputs read and the exit codes.
const AFTER_HELP: &str = "\
Inputs:
  Files are read by their extension: *.txt, *.text (plain text), *.html, *.htm (pages),
  *.jsonl, *.ndjson (JSON Lines, one article per line), *.warc (web archives: their HTML
  responses), each optionally compressed as .gz. Directories are walked recursively for
  these, in sorted order. `-` is standard input: one document (gzip detected by its magic
  bytes), or JSON Lines articles with --stdin-jsonl.

Exit codes (as grep and ripgrep):
  0  posts were found
  1  no post was found
  2  an error: a usage error, an input that could not be read (the feed is still written
     with the others), or an output that could not be written
  `extract` exits 0 or 2: a shard without posts is not a failure of the map step.";

/// The most threads `--jobs` accepts.
pub const MAX_JOBS: usize = embedscan::scan::MAX_JOBS;

/// The default `--max-document-size`, as `rg --max-filesize` counts it.
pub const DEFAULT_MAX_DOCUMENT_SIZE: &str = "256M";

/// Find the social posts embedded in news articles and write them as JSON.
#[derive(Debug, Parser)]
#[command(
    name = "embedscan",
    version,
    about,
    long_about = None,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    /// A map-reduce step instead of a whole run.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The whole run: scan inputs, deduplicate, write the feed.
    #[command(flatten)]
    pub scan: ScanArgs,
}

impl Cli {
    /// Whether `--quiet` was given, to the run or to its subcommand.
    pub fn quiet(&self) -> bool {
        match &self.command {
            None => self.scan.out.quiet,
            Some(Command::Extract(args)) => args.quiet,
            Some(Command::Merge(args)) => args.out.quiet,
        }
    }
}

/// The map and reduce steps, for running under Spark, Hadoop Streaming, `xargs` or `parallel`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Map step: read JSON Lines articles (standard input, or the files given) and write, per
    /// article, its document, post and quote records as JSON Lines at once (flushed);
    /// stateless.
    Extract(ExtractArgs),
    /// Reduce step: read JSON Lines written by `extract` (or `--format jsonl`) from files or
    /// standard input, deduplicate and link, and write the feed as a whole run would.
    Merge(MergeArgs),
}

/// Options of the whole run.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files and directories to scan (*.txt, *.text, *.html, *.htm, *.jsonl, *.ndjson, *.warc,
    /// each optionally .gz; directories recursively); `-` reads standard input. A path given
    /// twice is read once.
    #[arg(
        value_name = "PATH",
        required_unless_present_any = ["stdin_jsonl", "files_from"]
    )]
    pub inputs: Vec<PathBuf>,

    /// Read more paths from LIST, one per line (or NUL-separated, as `find -print0` writes
    /// them); `-` reads the list from standard input. For runs past the command line's
    /// length limit.
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,

    #[command(flatten)]
    pub out: OutputArgs,

    #[command(flatten)]
    pub records: RecordArgs,

    /// Read standard input as JSON Lines articles rather than as one document (implies `-`
    /// when no path is given).
    #[arg(long)]
    pub stdin_jsonl: bool,

    /// Threads scanning documents, at most 1024; 0 (the default) means all cores. The output
    /// is the same for any number.
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Bounds on what one document may cost.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Skip, with a warning, a document larger than SIZE bytes (suffixes K, M, G): a file, a
    /// .gz file once inflated (inflating stops there), a JSON Lines line, a WARC record.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_DOCUMENT_SIZE, value_parser = parse_size)]
    pub max_document_size: u64,
}

/// Options of the map step.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// JSON Lines files of articles (or any input the whole run reads), in order; `-` (or none)
    /// reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(flatten)]
    pub records: RecordArgs,

    #[command(flatten)]
    pub limits: LimitArgs,

    /// Print no warnings.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of the reduce step.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// JSON Lines shards to merge, in order; `-` (or none) reads standard input.
    #[arg(value_name = "SHARD")]
    pub shards: Vec<PathBuf>,

    #[command(flatten)]
    pub out: OutputArgs,
}

/// Where and how the output is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write the output to FILE instead of standard output (`-`: standard output). A regular
    /// file is replaced atomically and keeps its permissions; a symbolic link is followed; a
    /// FIFO or device is written into.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,

    /// JSON and JSON Feed on one line, without indentation (JSON Lines is one line per record
    /// anyway).
    #[arg(long)]
    pub compact: bool,

    /// Print no warnings.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Field names of JSON Lines article records.
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Field holding an article's plain text (by default also `maintext`, `content`, `body`,
    /// `article`, `raw_text`).
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// Field holding an article's HTML, preferred over the text when present (by default also
    /// `raw_html`, `html_content`, `content_html`).
    #[arg(long, default_value = "html", value_name = "NAME")]
    pub html_field: String,
    /// Field holding the record id, used as the document name (else `url`, else FILE:LINE).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// Field holding the article's date (`YYYY-MM-DD`, longer timestamps are cut to the day; by
    /// default also `date_publish`, `date_published`, `datePublished`, `published`, ...).
    #[arg(long, default_value = "date", value_name = "NAME")]
    pub date_field: String,
}

/// The `--format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// One JSON object (the schema in docs/SCHEMA.md).
    Json,
    /// JSON Lines: one document, post or quote per line.
    Jsonl,
    /// JSON Feed 1.1.
    Jsonfeed,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Jsonfeed => Format::JsonFeed,
        }
    }
}

/// `--jobs`: 0 to [`MAX_JOBS`].
fn parse_jobs(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("expected a number of threads, but found `{s}`"))?;
    if n > MAX_JOBS {
        return Err(format!(
            "expected at most {MAX_JOBS} threads (0 means all cores), but found {n}"
        ));
    }
    Ok(n)
}

/// A size in bytes: a number, optionally followed by K, M or G (powers of 1024).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let err = || format!("expected a size such as 500K, 256M or 2G, but found `{s}`");
    let t = s.trim();
    let (digits, shift) = match t.as_bytes().last().map(u8::to_ascii_uppercase) {
        Some(b'K') => (&t[..t.len() - 1], 10),
        Some(b'M') => (&t[..t.len() - 1], 20),
        Some(b'G') => (&t[..t.len() - 1], 30),
        _ => (t, 0),
    };
    let n: u64 = digits.parse().map_err(|_| err())?;
    n.checked_mul(1 << shift).ok_or_else(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("10k"), Ok(10 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("123"), Ok(123));
        assert!(parse_size("M").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn jobs() {
        assert_eq!(parse_jobs("0"), Ok(0));
        assert_eq!(parse_jobs("1024"), Ok(1024));
        assert!(parse_jobs("1025").is_err());
        assert!(parse_jobs("100000").is_err());
    }
}
