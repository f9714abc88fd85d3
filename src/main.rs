//! The `embedscan` command: inputs in, feed out. All the work is in the library; this file is
//! control flow, and [`Reporter`] alone decides the exit status.
//!
//! Exit codes: 0 when every input was read, 1 when some input failed (the others are still in
//! the output) or the output could not be written, 2 for usage errors and for a run that broke
//! down (nothing is written then).

mod alloc;
mod cli;

use clap::Parser;
use cli::{Cli, Command, ExtractArgs, MergeArgs, OutputArgs, RecordArgs, ScanArgs};
use embedscan::input::{self, Item, ReadOptions, RecordFields, Source};
use embedscan::{extract, output, shard, Assembler, Error, Prepared};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Documents are scanned in parallel batches of this many bytes per thread (at least
/// [`MIN_BATCH_BYTES`]), then dropped: enough documents to keep every core busy, while the
/// three batches in flight (being read, queued, being scanned) stay small next to the
/// deduplication state.
const BATCH_BYTES_PER_THREAD: usize = 2 << 20;
/// The smallest batch.
const MIN_BATCH_BYTES: usize = 4 << 20;

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

/// Why a run stopped before its end.
enum Fatal {
    /// Writing the output failed.
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

/// Prints problems once, in one voice, and owns the exit status.
struct Reporter {
    quiet: bool,
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

    /// The exit status of the run: 0, 1 when some input failed or the output could not be
    /// written (a closed pipe is not a failure), 2 when the run broke down.
    fn exit_code(&self, result: Result<(), Fatal>) -> ExitCode {
        match result {
            Ok(()) if self.failed => ExitCode::from(1),
            Ok(()) => ExitCode::SUCCESS,
            Err(Fatal::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(Fatal::Io(e)) => {
                if e.get_ref().is_some() {
                    eprintln!("embedscan: error: {e}");
                } else {
                    eprintln!("embedscan: error: -: {e}");
                }
                ExitCode::from(1)
            }
            Err(Fatal::ReaderPanicked) => {
                eprintln!(
                    "embedscan: error: reading the inputs failed (see above); no output written"
                );
                ExitCode::from(2)
            }
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

/// The whole run: read, scan in parallel batches, deduplicate, write.
fn scan(args: ScanArgs, reporter: &mut Reporter) -> Result<(), Fatal> {
    if let Some(jobs) = args.jobs {
        // Only fails when a pool exists already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
    }
    let started = Instant::now();
    let sources = input::collect(&args.inputs, &mut |e| reporter.problem(e));
    let options = ReadOptions {
        stdin_jsonl: args.stdin_jsonl,
        fields: record_fields(&args.records),
        ..ReadOptions::default()
    };
    let progress = Progress::new(args.out.quiet);
    let mut assembler = Assembler::default();
    let read_problems = scan_batches(&sources, &options, &mut assembler, &progress, reporter)?;
    for problem in read_problems {
        reporter.problem(problem);
    }
    let (documents, bytes) = progress.finish();
    if documents == 0 {
        reporter.fail(Error::NothingToScan);
        return Ok(());
    }
    let written = write_feed(&args.out, |format, out| assembler.write_to(format, out))?;
    if !args.out.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1_048_576.0;
        eprintln!(
            "embedscan: {documents} documents, {mb:.1} MB, {} posts, {} quotes in {secs:.2} s ({:.1} MB/s)",
            written.posts,
            written.quotes,
            mb / secs.max(1e-9)
        );
    }
    Ok(())
}

/// Reads the sources on a thread of its own, in batches, while the previous batch is scanned
/// on all cores and added to `assembler` in input order. Returns the reader's problems.
fn scan_batches(
    sources: &[Source],
    options: &ReadOptions,
    assembler: &mut Assembler,
    progress: &Progress,
    reporter: &mut Reporter,
) -> Result<Vec<Error>, Fatal> {
    let (batches, ready) = std::sync::mpsc::sync_channel::<Vec<Item>>(1);
    std::thread::scope(|scope| {
        let batch_limit =
            (rayon::current_num_threads() * BATCH_BYTES_PER_THREAD).max(MIN_BATCH_BYTES);
        let reader = scope.spawn(move || read_batches(sources, options, batch_limit, batches));
        // The previous batch is added to the assembler while this one is scanned: adding
        // faults in the memory the packed posts go to, which had kept the cores waiting.
        let mut scanned: Vec<Prepared> = Vec::new();
        for batch in ready {
            let (results, ()) = rayon::join(
                || scan_batch(batch, options),
                || assembler.add_prepared(std::mem::take(&mut scanned)),
            );
            progress.posts(assembler.post_count());
            for (prepared, problems) in results {
                problems.into_iter().for_each(|e| reporter.problem(e));
                if let Some(p) = prepared {
                    progress.document(p.bytes());
                    scanned.push(p);
                }
            }
        }
        assembler.add_prepared(scanned);
        progress.posts(assembler.post_count());
        reader.join().map_err(|_| Fatal::ReaderPanicked)
    })
}

/// Reads every source into batches of about `batch_limit` bytes, sent as they fill; returns
/// the problems met.
fn read_batches(
    sources: &[Source],
    options: &ReadOptions,
    batch_limit: usize,
    batches: std::sync::mpsc::SyncSender<Vec<Item>>,
) -> Vec<Error> {
    let mut problems = Vec::new();
    let mut batch: Vec<Item> = Vec::new();
    let mut batch_bytes = 0;
    for source in sources {
        let read = input::read_items(source, options, &mut |w| problems.push(w), &mut |item| {
            batch_bytes += item.len();
            batch.push(item);
            if batch_bytes >= batch_limit {
                // The receiver only goes away if the scan side panicked.
                let _ = batches.send(std::mem::take(&mut batch));
                batch_bytes = 0;
            }
        });
        if let Err(e) = read {
            problems.push(e);
        }
    }
    let _ = batches.send(batch);
    problems
}

/// Scans one batch on all cores: each document is read, scanned and prepared for the
/// assembler on one thread. Results keep input order: each document (none when its record
/// could not be used) with the problems its record had.
fn scan_batch(batch: Vec<Item>, options: &ReadOptions) -> Vec<(Option<Prepared>, Vec<Error>)> {
    batch
        .into_par_iter()
        .map(|item| {
            let mut problems = Vec::new();
            let doc = item.into_document(&options.fields, &mut |e| problems.push(e));
            (doc.map(|doc| Prepared::of(extract(&doc))), problems)
        })
        .collect()
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

/// The map step: JSON Lines articles on stdin, shard lines on stdout, one record at a time.
fn extract_map(args: ExtractArgs, reporter: &mut Reporter) -> Result<(), Fatal> {
    let options = ReadOptions {
        stdin_jsonl: true,
        fields: record_fields(&args.records),
        ..ReadOptions::default()
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut write_error = None;
    let mut bad_records = false;
    let mut problems = Vec::new();
    let read = input::read_items(
        &Source::Stdin,
        &options,
        &mut |e| problems.push(e),
        &mut |item| {
            if write_error.is_some() {
                return;
            }
            // A bad record becomes an error line on stderr at once, not a crash.
            let mut record_problems = Vec::new();
            let doc = item.into_document(&options.fields, &mut |e| record_problems.push(e));
            for e in record_problems {
                eprintln!("embedscan: error: {e}");
                bad_records = true;
            }
            let Some(doc) = doc else {
                return;
            };
            let written = shard::write(&extract(&doc), &mut out).and_then(|_| out.flush());
            if let Err(e) = written {
                write_error = Some(e);
            }
        },
    );
    if let Some(e) = write_error {
        return Err(e.into());
    }
    reporter.failed |= bad_records;
    // Every problem fails the map step, warnings included: a shard must not lose a document
    // silently.
    for p in problems {
        reporter.fail(p);
    }
    if let Err(e) = read {
        reporter.fail(e);
    }
    Ok(())
}

/// The reduce step: shards in, the feed a single run would have written out.
fn merge_reduce(args: MergeArgs, reporter: &mut Reporter) -> Result<(), Fatal> {
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
    write_feed(&args.out, |format, out| assembler.write_to(format, out))?;
    Ok(())
}

/// Bytes handed to the kernel per write of the feed: large enough to keep system calls few,
/// small enough to stay in the core's cache (PERFORMANCE.md).
const WRITE_BUFFER: usize = 64 * 1024;

/// Writes the feed with `write` to standard output, or to `--output` atomically: into a
/// temporary file beside it, renamed over the target only once complete, so an interrupted run
/// never leaves a truncated feed. Errors name the file they concern.
fn write_feed<T>(
    args: &OutputArgs,
    write: impl FnOnce(output::Format, &mut dyn Write) -> io::Result<T>,
) -> io::Result<T> {
    let format = args.format.into();
    let Some(path) = &args.output else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, stdout.lock());
        let written = write(format, &mut out)?;
        out.flush()?;
        return Ok(written);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, std::fs::File::create(&temp)?);
        let written = write(format, &mut out)?;
        out.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        std::fs::rename(&temp, path)?;
        Ok(written)
    })();
    written.map_err(|e: io::Error| {
        let _ = std::fs::remove_file(&temp);
        io::Error::new(e.kind(), format!("{}: {e}", path.display()))
    })
}
