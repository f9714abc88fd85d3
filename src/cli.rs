//! Command-line arguments, as typed. Validation and the objects built from them live in main.

use clap::{Args, Parser, Subcommand, ValueEnum};
use embedscan::output::Format;
use std::path::PathBuf;

/// Find the social posts embedded in news articles and write them as JSON.
#[derive(Debug, Parser)]
#[command(
    name = "embedscan",
    version,
    about,
    long_about = None,
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
    /// Map step: read JSON Lines articles on standard input and write, per article, its document,
    /// post and quote records as JSON Lines at once (flushed); stateless.
    Extract(ExtractArgs),
    /// Reduce step: read JSON Lines written by `extract` (or `--format jsonl`) from files or
    /// standard input, deduplicate and link, and write the feed as a whole run would.
    Merge(MergeArgs),
}

/// Options of the whole run.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files and directories to scan (directories: *.txt, *.text, *.html, *.htm, *.jsonl,
    /// *.ndjson, each optionally .gz, recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub out: OutputArgs,

    #[command(flatten)]
    pub records: RecordArgs,

    /// Read standard input as JSON Lines articles rather than as one document.
    #[arg(long)]
    pub stdin_jsonl: bool,

    /// Threads scanning documents (default: all cores). The output is the same for any number.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Options of the map step.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub records: RecordArgs,

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
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,

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
