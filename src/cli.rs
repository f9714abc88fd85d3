//! Command-line arguments, as typed, and the validated configuration built from them.

use clap::{Parser, ValueEnum};
use embedscan::output::Format;
use std::path::PathBuf;

/// Find the social posts embedded in news articles and write them as JSON.
#[derive(Debug, Parser)]
#[command(name = "embedscan", version, about, long_about = None)]
pub struct Args {
    /// Files and directories to scan (directories: *.txt, *.text, *.html, *.htm, recursively);
    /// `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

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

/// The `--format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// One JSON object (the schema in spec/SCHEMA.md).
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
