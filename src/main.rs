//! The `embedscan` command: inputs in, feed out. All the work is in the library.
//!
//! Exit codes: 0 when every input was read, 1 when some input failed (the others are still in
//! the output), 2 for usage errors.

mod cli;

use clap::Parser;
use cli::{Cli, Command, ExtractArgs, MergeArgs, OutputArgs, RecordArgs, ScanArgs};
use embedscan::input::records::RecordFields;
use embedscan::input::{self, Item, ReadOptions, Source};
use embedscan::{extract, output, shard, Assembler, Error, Prepared};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// mimalloc rather than the system allocator: the scan makes many small short-lived
/// allocations on every core.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sets the allocator up for a long scan whose live data is the deduplication state and whose
/// per-document memory is short-lived:
/// - transparent huge pages off for the process (what mimalloc's `allow_thp=0` does, which it
///   reads only from the environment at start-up): with them, each 4 KB touched in a fresh
///   2 MB region faults in, and zeroes, the whole 2 MB — on a 1 GB corpus ~60 MB of peak
///   memory and 5% of the time spent clearing pages;
/// - freed memory handed back to the OS after 50 ms instead of mimalloc's 1 s, so the
///   batches of documents scanned a moment ago do not add up in the peak (on the 1 GB bench
///   corpus, two threads: peak 178–187 MB at 50 ms, 194–205 MB at 250 ms, 163 MB at 0 ms but
///   15% slower; 50 ms cost at most 1–2% of the time).
///
/// Failure (another OS, an old kernel) changes nothing else.
fn tune_memory() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    #[cfg(feature = "mimalloc")]
    // SAFETY: called first thing in `main`, before any other thread exists (the option setters
    // are not thread-safe); the option is a plain number.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 50);
    }
}

/// `mi_option_purge_delay` of mimalloc.h (v3), which libmimalloc-sys leaves unnamed: between
/// `mi_option_deprecated_eager_commit_delay` (14) and `mi_option_use_numa_nodes` (16).
#[cfg(feature = "mimalloc")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Documents are scanned in parallel batches of this many bytes per thread (at least
/// [`MIN_BATCH_BYTES`]), then dropped: enough documents to keep every core busy, while the
/// three batches in flight (being read, queued, being scanned) stay small next to the
/// deduplication state.
const BATCH_BYTES_PER_THREAD: usize = 2 << 20;
/// The smallest batch.
const MIN_BATCH_BYTES: usize = 4 << 20;

fn main() -> ExitCode {
    tune_memory();
    let cli = Cli::parse();
    let result = match cli.command {
        None => scan(cli.scan),
        Some(Command::Extract(args)) => extract_map(args),
        Some(Command::Merge(args)) => merge_reduce(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let e = if e.get_ref().is_some() {
                e.to_string()
            } else {
                format!("-: {e}")
            };
            eprintln!("embedscan: error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Prints problems once, in one voice; remembers whether any input failed.
struct Reporter {
    quiet: bool,
    failed: bool,
}

impl Reporter {
    fn warn(&mut self, e: Error) {
        if !self.quiet {
            eprintln!("embedscan: warning: {e}");
        }
    }

    fn fail(&mut self, e: Error) {
        eprintln!("embedscan: error: {e}");
        self.failed = true;
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

/// The whole run: read, scan in parallel batches, deduplicate, write. Ok(false): some input failed.
fn scan(args: ScanArgs) -> io::Result<bool> {
    if let Some(jobs) = args.jobs {
        // Only fails when a pool exists already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
    }
    let started = Instant::now();
    let mut reporter = Reporter {
        quiet: args.out.quiet,
        failed: false,
    };
    let sources = input::collect(&args.inputs, &mut |e| reporter.fail(e));
    let options = ReadOptions {
        stdin_jsonl: args.stdin_jsonl,
        fields: record_fields(&args.records),
    };
    let progress = Progress::new(args.out.quiet);
    let mut assembler = Assembler::default();
    let mut reporter_for_batches = Reporter {
        quiet: args.out.quiet,
        failed: false,
    };
    // A reader thread fills batches while the previous one is scanned on all cores, so
    // reading and splitting the input overlap with the work; results keep input order.
    let (batches, ready) = std::sync::mpsc::sync_channel::<Vec<Item>>(1);
    let read_problems = std::thread::scope(|scope| {
        let batch_limit =
            (rayon::current_num_threads() * BATCH_BYTES_PER_THREAD).max(MIN_BATCH_BYTES);
        let (sources, options) = (&sources, &options);
        let reader = scope.spawn(move || {
            let mut problems = Vec::new();
            let mut batch: Vec<Item> = Vec::new();
            let mut batch_bytes = 0;
            for source in sources {
                let read =
                    input::read_items(source, options, &mut |w| problems.push(w), &mut |item| {
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
            drop(batches);
            problems
        });
        // The previous batch is added to the assembler while this one is scanned: adding
        // faults in the memory the packed posts go to, which had kept the cores waiting.
        let mut scanned: Vec<Prepared> = Vec::new();
        for batch in ready {
            let (results, ()) = rayon::join(
                // Each document is read, scanned and prepared for the assembler on one thread.
                || -> Vec<Result<Prepared, Error>> {
                    batch
                        .into_par_iter()
                        .map(|item| {
                            let doc = item.into_document(&options.fields)?;
                            Ok(Prepared::of(extract(&doc)))
                        })
                        .collect()
                },
                || assembler.add_prepared(std::mem::take(&mut scanned)),
            );
            progress.posts(assembler.post_count());
            for result in results {
                match result {
                    Ok(p) => {
                        progress.document(p.bytes());
                        scanned.push(p);
                    }
                    Err(e) => reporter_for_batches.fail(e),
                }
            }
        }
        assembler.add_prepared(scanned);
        progress.posts(assembler.post_count());
        reader.join().unwrap_or_default()
    });
    for problem in read_problems {
        match problem {
            Error::Empty { .. } | Error::InvalidUtf8 { .. } => reporter.warn(problem),
            _ => reporter.fail(problem),
        }
    }
    reporter.failed |= reporter_for_batches.failed;
    let (documents, bytes) = progress.finish();
    if documents == 0 {
        reporter.fail(Error::NothingToScan);
        return Ok(false);
    }
    let feed = assembler.finish_packed();
    write_feed(feed.parts(), &args.out)?;
    if !args.out.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1_048_576.0;
        eprintln!(
            "embedscan: {documents} documents, {mb:.1} MB, {} posts, {} quotes in {secs:.2} s ({:.1} MB/s)",
            feed.posts.len(),
            feed.quotes.len(),
            mb / secs.max(1e-9)
        );
    }
    Ok(!reporter.failed)
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
fn extract_map(args: ExtractArgs) -> io::Result<bool> {
    let mut reporter = Reporter {
        quiet: args.quiet,
        failed: false,
    };
    let options = ReadOptions {
        stdin_jsonl: true,
        fields: record_fields(&args.records),
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
            let doc = match item.into_document(&options.fields) {
                Ok(doc) => doc,
                Err(e) => {
                    // A bad record becomes an error line on stderr at once, not a crash.
                    eprintln!("embedscan: error: {e}");
                    bad_records = true;
                    return;
                }
            };
            let written = shard::write(&extract(&doc), &mut out).and_then(|_| out.flush());
            if let Err(e) = written {
                write_error = Some(e);
            }
        },
    );
    if let Some(e) = write_error {
        return Err(e);
    }
    reporter.failed |= bad_records;
    for p in problems {
        reporter.fail(p);
    }
    if let Err(e) = read {
        reporter.fail(e);
    }
    Ok(!reporter.failed)
}

/// The reduce step: shards in, the feed a single run would have written out.
fn merge_reduce(args: MergeArgs) -> io::Result<bool> {
    let mut reporter = Reporter {
        quiet: args.out.quiet,
        failed: false,
    };
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
    let feed = assembler.finish_packed();
    write_feed(feed.parts(), &args.out)?;
    Ok(!reporter.failed)
}

/// Bytes handed to the kernel per write of the feed. Measured on the 1 GB bench corpus (a 280 MB
/// feed into a file, 2 cores): writing took 0.40 s in 8 KB writes, 0.29 s in 64 KB ones, and
/// more again from 256 KB up (0.6 s; 0.9 s in 1 MB writes), where the buffer no longer stays
/// in the core's cache.
const WRITE_BUFFER: usize = 64 * 1024;

/// Writes the feed to standard output, or to `--output` atomically: into a temporary file beside
/// it, renamed over the target only once complete, so an interrupted run never leaves a
/// truncated feed. Errors name the file they concern.
fn write_feed(feed: output::FeedParts<'_>, args: &OutputArgs) -> io::Result<()> {
    let format = args.format.into();
    let Some(path) = &args.output else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, stdout.lock());
        output::write_parts(feed, format, &mut out)?;
        return out.flush();
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, std::fs::File::create(&temp)?);
        output::write_parts(feed, format, &mut out)?;
        out.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        std::fs::rename(&temp, path)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        io::Error::new(e.kind(), format!("{}: {e}", path.display()))
    })
}

#[cfg(all(test, feature = "mimalloc"))]
mod tests {
    #[test]
    fn purge_delay_is_the_option_we_think() {
        // SAFETY: reads a plain number; no other test touches mimalloc's options.
        let default = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(default, 1000, "mimalloc v3's default purge delay (ms)");
        // Its neighbour is `use_numa_nodes`, 0 by default.
        let numa =
            unsafe { libmimalloc_sys::mi_option_get(libmimalloc_sys::mi_option_use_numa_nodes) };
        assert_eq!(numa, 0);
    }
}
