//! The `embedscan` command: inputs in, feed out. All the work is in the library; this file is
//! control flow, and [`Reporter`] alone decides the exit status.
//!
//! Exit codes, as grep and ripgrep give them: 0 when posts were found, 1 when none was, 2 on
//! an error — a usage error, an input that could not be read (the feed is still written with
//! the others), an output that could not be written, or a run that broke down (nothing is
//! written then). `extract` exits 0 or 2: a shard without posts is no failure of the map step.

mod alloc;
mod cli;
mod sink;

use clap::{CommandFactory, Parser};
use cli::{Cli, Command, ExtractArgs, MergeArgs, OutputArgs, RecordArgs, ScanArgs};
use embedscan::input::{self, ReadOptions, RecordFields, Source};
use embedscan::{extract, output, scan, shard, Assembler, Error};
use indicatif::{ProgressBar, ProgressStyle};
use sink::Sink;
use std::io::IsTerminal;
use std::io::{self, BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    alloc::tune();
    let cli = Cli::parse();
    let mut reporter = Reporter::new(cli.quiet());
    let result = match cli.command {
        None => scan(cli.scan, &mut reporter),
        Some(Command::Extract(args)) => extract_map(args, &mut reporter),
        Some(Command::Merge(args)) => merge_reduce(args, &mut reporter),
    };
    reporter.exit_code(result)
}

/// What a run that went to its end found.
enum Found {
    /// This many posts (0 gives exit code 1).
    Posts(usize),
    /// The map step, whose exit code does not depend on what it found.
    Shards,
}

/// Why a run stopped before its end.
enum Fatal {
    /// Opening or writing the output failed.
    Io(io::Error),
    /// The thread reading the inputs panicked: the inputs after the panic are missing, so the
    /// run writes nothing rather than a feed that looks complete.
    ReaderPanicked,
}

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Fatal {
        Fatal::Io(e)
    }
}

impl From<scan::Stopped> for Fatal {
    fn from(_: scan::Stopped) -> Fatal {
        // The command's observer never cancels.
        Fatal::ReaderPanicked
    }
}

/// Prints problems once, in one voice, and owns the exit status.
struct Reporter {
    quiet: bool,
    /// Whether an error (not a warning) was reported.
    failed: bool,
}

impl Reporter {
    fn new(quiet: bool) -> Reporter {
        Reporter {
            quiet,
            failed: false,
        }
    }

    fn warn(&mut self, e: Error) {
        if !self.quiet {
            eprintln!("embedscan: warning: {e}");
        }
    }

    fn fail(&mut self, e: Error) {
        eprintln!("embedscan: error: {e}");
        self.failed = true;
    }

    /// A problem met while reading: a warning or a failure, by its kind.
    fn problem(&mut self, e: Error) {
        if e.is_warning() {
            self.warn(e);
        } else {
            self.fail(e);
        }
    }

    /// The exit status of the run: 2 when an error was reported or the run broke down, else 0
    /// when posts were found and 1 when none was (a closed pipe is no error).
    fn exit_code(&self, result: Result<Found, Fatal>) -> ExitCode {
        let found = match result {
            Ok(found) => found,
            Err(Fatal::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Found::Shards,
            Err(Fatal::Io(e)) => {
                eprintln!("embedscan: error: {e}");
                return ExitCode::from(2);
            }
            Err(Fatal::ReaderPanicked) => {
                eprintln!(
                    "embedscan: error: reading the inputs failed (see above); no output written"
                );
                return ExitCode::from(2);
            }
        };
        match found {
            _ if self.failed => ExitCode::from(2),
            Found::Posts(0) => ExitCode::from(1),
            Found::Posts(_) | Found::Shards => ExitCode::SUCCESS,
        }
    }
}

fn record_fields(args: &RecordArgs) -> RecordFields {
    RecordFields {
        text: args.text_field.clone(),
        html: args.html_field.clone(),
        id: args.id_field.clone(),
        date: args.date_field.clone(),
    }
}

/// `1 document`, `2 documents`.
fn count(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Exits with a usage error (code 2), as clap does for its own.
fn usage_error(message: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}

/// The inputs of the whole run: the paths given, those of `--files-from`, and `-` when
/// `--stdin-jsonl` is given alone.
fn inputs(args: &ScanArgs, reporter: &mut Reporter) -> Vec<PathBuf> {
    let mut inputs = args.inputs.clone();
    if let Some(list) = &args.files_from {
        let from_stdin = list.as_os_str() == "-";
        if from_stdin && inputs.iter().any(|p| p.as_os_str() == "-") {
            usage_error("standard input cannot be both the list of --files-from and an input");
        }
        let bytes = if from_stdin {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
        } else {
            std::fs::read(list)
        };
        match bytes {
            Ok(bytes) => inputs.extend(paths_in_list(&bytes)),
            Err(source) => reporter.fail(Error::Io {
                path: list.clone(),
                source,
            }),
        }
    } else if inputs.is_empty() && args.stdin_jsonl {
        inputs.push(PathBuf::from("-"));
    }
    inputs
}

/// The paths of a `--files-from` list: one per line, or NUL-separated when the list holds a
/// NUL byte (`find -print0`), so that any name can be given; blank lines are skipped.
fn paths_in_list(bytes: &[u8]) -> Vec<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let nul = bytes.contains(&0);
    bytes
        .split(|&b| b == if nul { 0 } else { b'\n' })
        .map(|p| {
            if nul {
                p
            } else {
                p.strip_suffix(b"\r").unwrap_or(p)
            }
        })
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(std::ffi::OsStr::from_bytes(p)))
        .collect()
}

/// The whole run: read, scan in parallel batches, deduplicate, write.
fn scan(args: ScanArgs, reporter: &mut Reporter) -> Result<Found, Fatal> {
    if let Some(jobs) = args.jobs {
        // 0 is rayon's "all cores" too. Only fails when a pool exists already, which cannot
        // happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
    }
    let started = Instant::now();
    let inputs = inputs(&args, reporter);
    // The output is opened before anything is read: an output that cannot be written fails
    // the run now, not after the scan.
    let sink = Sink::open(args.out.output.as_deref())?;
    let sources = input::collect(&inputs, &mut |e| reporter.problem(e));
    let options = ReadOptions {
        stdin_jsonl: args.stdin_jsonl,
        fields: record_fields(&args.records),
        max_document_size: args.limits.max_document_size,
    };
    let progress = Progress::new(args.out.quiet);
    let mut assembler = Assembler::default();
    let mut observer = Observer {
        reporter,
        progress: &progress,
    };
    if let Err(stopped) = scan::sources_into(&sources, &options, &mut assembler, &mut observer) {
        progress.finish();
        sink.discard();
        return Err(stopped.into());
    }
    let (documents, bytes) = progress.finish();
    if documents == 0 {
        reporter.fail(Error::NothingToScan);
        sink.discard();
        return Ok(Found::Posts(0));
    }
    let written = write_feed(sink, &args.out, |format, out| {
        assembler.write_to(format, out)
    })?;
    if !args.out.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1_048_576.0;
        eprintln!(
            "embedscan: {}, {mb:.1} MB, {}, {} in {secs:.2} s ({:.1} MB/s)",
            count(documents, "document"),
            count(written.posts as u64, "post"),
            count(written.quotes as u64, "quote"),
            mb / secs.max(1e-9)
        );
    }
    Ok(Found::Posts(written.posts))
}

/// What the scan reports goes to the reporter, and to the progress bar.
struct Observer<'a> {
    reporter: &'a mut Reporter,
    progress: &'a Progress,
}

impl scan::Observer for Observer<'_> {
    fn problem(&mut self, problem: Error) {
        self.reporter.problem(problem);
    }

    fn document(&mut self, bytes: usize) {
        self.progress.document(bytes);
    }

    fn posts(&mut self, count: usize) {
        self.progress.posts(count);
    }
}

/// A progress bar on standard error while it is a terminal (and not `--quiet`): documents,
/// bytes, posts and throughput. Counts are kept either way for the closing summary.
struct Progress {
    bar: Option<ProgressBar>,
    documents: std::cell::Cell<u64>,
    bytes: std::cell::Cell<u64>,
    posts: std::cell::Cell<usize>,
    started: Instant,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            let style = ProgressStyle::with_template("{spinner} {elapsed} {msg}");
            if let Ok(style) = style {
                bar.set_style(style);
            }
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            documents: 0.into(),
            bytes: 0.into(),
            posts: 0.into(),
            started: Instant::now(),
        }
    }

    fn show(&self) {
        if let Some(bar) = &self.bar {
            let mb = self.bytes.get() as f64 / 1_048_576.0;
            let rate = mb / self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} documents, {mb:.1} MB ({rate:.1} MB/s), {} posts",
                self.documents.get(),
                self.posts.get()
            ));
        }
    }

    fn document(&self, bytes: usize) {
        self.documents.set(self.documents.get() + 1);
        self.bytes.set(self.bytes.get() + bytes as u64);
        self.show();
    }

    fn posts(&self, posts: usize) {
        self.posts.set(posts);
        self.show();
    }

    fn finish(&self) -> (u64, u64) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        (self.documents.get(), self.bytes.get())
    }
}

/// The map step: JSON Lines articles (standard input or files) in, shard lines on standard
/// output, one record at a time.
fn extract_map(args: ExtractArgs, reporter: &mut Reporter) -> Result<Found, Fatal> {
    let options = ReadOptions {
        stdin_jsonl: true,
        fields: record_fields(&args.records),
        max_document_size: args.limits.max_document_size,
    };
    let sources = if args.files.is_empty() {
        vec![Source::Stdin]
    } else {
        input::collect(&args.files, &mut |e| reporter.problem(e))
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for source in &sources {
        let mut write_error = None;
        let mut problems = Vec::new();
        let read = input::read_items(source, &options, &mut |e| problems.push(e), &mut |item| {
            if write_error.is_some() {
                return;
            }
            // A record's problems are reported at once, in order with its shard lines.
            let mut record_problems = Vec::new();
            let doc = item.into_document(&options.fields, &mut |e| record_problems.push(e));
            record_problems
                .into_iter()
                .for_each(|e| reporter.problem(e));
            let Some(doc) = doc else {
                return;
            };
            let written = shard::write(&extract(&doc), &mut out).and_then(|_| out.flush());
            if let Err(e) = written {
                write_error = Some(e);
            }
        });
        if let Some(e) = write_error {
            return Err(e.into());
        }
        problems.into_iter().for_each(|e| reporter.problem(e));
        if let Err(e) = read {
            reporter.fail(e);
        }
    }
    Ok(Found::Shards)
}

/// The reduce step: shards in, the feed a single run would have written out.
fn merge_reduce(args: MergeArgs, reporter: &mut Reporter) -> Result<Found, Fatal> {
    let sink = Sink::open(args.out.output.as_deref())?;
    let shards = if args.shards.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.shards.clone()
    };
    let mut extractions = Vec::new();
    for path in &shards {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(source) => {
                    reporter.fail(Error::Io {
                        path: path.clone(),
                        source,
                    });
                    continue;
                }
            }
        };
        shard::read(reader, path, &mut |e| reporter.fail(e), &mut extractions);
    }
    let mut assembler = Assembler::default();
    assembler.add_all(extractions);
    let written = write_feed(sink, &args.out, |format, out| {
        assembler.write_to(format, out)
    })?;
    Ok(Found::Posts(written.posts))
}

/// Bytes handed to the kernel per write of the feed: large enough to keep system calls few,
/// small enough to stay in the core's cache (PERFORMANCE.md).
const WRITE_BUFFER: usize = 64 * 1024;

/// Writes the feed with `write` to `sink` (see `sink.rs`: a regular file is replaced
/// atomically, so an interrupted run never leaves a truncated feed), one line per document
/// with `--compact`. Errors name the output.
fn write_feed<T>(
    sink: Sink,
    args: &OutputArgs,
    write: impl FnOnce(output::Format, &mut dyn Write) -> io::Result<T>,
) -> io::Result<T> {
    let format: output::Format = args.format.into();
    let compact = args.compact && format != output::Format::Jsonl;
    let name = sink.name();
    let written = sink.write(|raw| {
        let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, raw);
        let written = if compact {
            let mut compact = output::Compact::new(&mut out);
            let written = write(format, &mut compact)?;
            compact.flush()?;
            written
        } else {
            write(format, &mut out)?
        };
        out.flush()?;
        Ok(written)
    });
    written.map_err(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            e
        } else {
            io::Error::new(e.kind(), format!("{name}: {e}"))
        }
    })
}
