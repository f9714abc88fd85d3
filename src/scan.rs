//! The whole run as a library call: what the `embedscan` command does between its arguments
//! and its output, for the command and for other front ends (the Python package) alike.
//!
//! The inputs are read on a thread of their own, in batches of a few MB; each batch is scanned
//! on all cores ([`crate::extract()`], its posts sighted again unchanged folded, and
//! [`Prepared::of`] per document) while the batch before it is
//! added to the [`Assembler`], in input order. Problems reach an [`Observer`] on the calling
//! thread, in input order, the reader's last.
//!
//! # Example
//! ```
//! use embedscan::scan::{self, Options, Text};
//!
//! let text = "Gates open https://t.co/Zz11 — River Desk (@RiverDesk) June 1, 2021\n";
//! let mut problems = Vec::new();
//! let texts = vec![Text::new("a.txt", text)];
//! let feed = scan::texts(texts, &Options::default(), &mut problems).unwrap();
//! assert_eq!(feed.posts[0].author.handle.as_deref(), Some("RiverDesk"));
//! assert!(problems.is_empty());
//! ```

use crate::extract::extract_folded;
use crate::input::{self, Item, ReadOptions, RecordFields, Source};
use crate::{Assembler, Error, Feed, Prepared};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::SyncSender;

/// Documents are scanned in parallel batches of this many bytes per thread (at least
/// [`MIN_BATCH_BYTES`]), then dropped: enough documents to keep every core busy, while the
/// three batches in flight (being read, queued, being scanned) stay small next to the
/// deduplication state.
const BATCH_BYTES_PER_THREAD: usize = 2 << 20;
/// The smallest batch.
const MIN_BATCH_BYTES: usize = 4 << 20;

/// The most scanning threads [`Options::jobs`] (and `--jobs`) accepts: more only spends memory
/// on stacks and time on scheduling (ten thousand threads took 42 s over five tiny files).
pub const MAX_JOBS: usize = 1024;

/// What a scan tells its caller as it goes. Every method is called on the thread that called
/// the scan.
pub trait Observer {
    /// A problem with an input, in input order: a warning or an error ([`Error::is_warning`]);
    /// the scan goes on either way.
    fn problem(&mut self, problem: Error);

    /// A document of `bytes` bytes was scanned.
    fn document(&mut self, bytes: usize) {
        let _ = bytes;
    }

    /// The assembler holds `count` posts so far.
    fn posts(&mut self, count: usize) {
        let _ = count;
    }

    /// Whether to stop the scan ([`Stopped::Cancelled`]): asked after every batch.
    fn cancelled(&mut self) -> bool {
        false
    }
}

/// Problems collected in order; progress is ignored.
impl Observer for Vec<Error> {
    fn problem(&mut self, problem: Error) {
        self.push(problem);
    }
}

/// Why a scan stopped before its end; nothing it read is to be trusted as complete then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stopped {
    /// The thread reading the inputs panicked: the inputs after the panic are missing.
    ReaderPanicked,
    /// The [`Observer`] asked to stop.
    Cancelled,
}

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stopped::ReaderPanicked => "reading the inputs failed",
            Stopped::Cancelled => "the scan was cancelled",
        })
    }
}

impl std::error::Error for Stopped {}

/// How much a scan read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Documents scanned.
    pub documents: u64,
    /// Their bytes.
    pub bytes: u64,
}

/// One document given by its content rather than by a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// Its name in the output (as a path would be: `a.html` is read as a page).
    pub name: String,
    /// Its content, decoded as a file's bytes are (UTF-8, or UTF-16 with a byte-order mark).
    pub bytes: Vec<u8>,
    /// Whether it is an HTML page; `None` decides by the name and the content, as for a file.
    pub html: Option<bool>,
}

impl Text {
    /// A document named `name` with the text `text`, HTML or not as a file of that name
    /// would be.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Text {
        Text {
            name: name.into(),
            bytes: text.into().into_bytes(),
            html: None,
        }
    }
}

/// The settings of a whole scan ([`paths`], [`texts`]).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How files and JSON Lines records are read.
    pub read: ReadOptions,
    /// Scanning threads: `None` or 0 for rayon's global pool (all cores unless configured),
    /// else a pool of this many (at most [`MAX_JOBS`]) for this scan alone. The output is the
    /// same for any number.
    pub jobs: Option<usize>,
}

/// Scans files and directories (every input kind the command reads; `-` is standard input)
/// and returns their feed. Problems go to `observer`, the paths that give nothing first, then
/// as met; [`Error::NothingToScan`] when no document could be read (the feed is empty then).
pub fn paths(
    paths: &[PathBuf],
    options: &Options,
    observer: &mut dyn Observer,
) -> Result<Feed, Stopped> {
    let sources = input::collect(paths, &mut |e| observer.problem(e));
    let pool = Pool::new(options.jobs);
    let mut assembler = Assembler::default();
    let read = read_sources(&sources, &options.read);
    let totals = run(read, &options.read.fields, &pool, &mut assembler, observer)?;
    Ok(finish(assembler, totals, &pool, observer))
}

/// Scans documents given by their content and returns their feed. `texts` is iterated on a
/// thread of its own while the documents before are scanned. Problems go to `observer`;
/// [`Error::NothingToScan`] when there was no document (the feed is empty then).
pub fn texts<I>(texts: I, options: &Options, observer: &mut dyn Observer) -> Result<Feed, Stopped>
where
    I: IntoIterator<Item = Text>,
    I::IntoIter: Send,
{
    let pool = Pool::new(options.jobs);
    let mut assembler = Assembler::default();
    let read = read_texts(texts.into_iter());
    let totals = run(read, &options.read.fields, &pool, &mut assembler, observer)?;
    Ok(finish(assembler, totals, &pool, observer))
}

/// The feed, or [`Error::NothingToScan`] reported when nothing was read.
fn finish(assembler: Assembler, totals: Totals, pool: &Pool, observer: &mut dyn Observer) -> Feed {
    if totals.documents == 0 {
        observer.problem(Error::NothingToScan);
    }
    pool.install(|| assembler.finish())
}

/// The threads a scan runs on: a pool of its own, or the current rayon pool (the global one
/// unless the caller is inside another). The scan's own loop, and so the [`Observer`], stays
/// on the calling thread either way.
struct Pool(Option<rayon::ThreadPool>);

impl Pool {
    /// A pool of `jobs` threads; the current pool for `None` or 0 (and where a pool cannot be
    /// built).
    fn new(jobs: Option<usize>) -> Pool {
        let pool = jobs.filter(|&n| n > 0).and_then(|n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.min(MAX_JOBS))
                .build()
                .ok()
        });
        Pool(pool)
    }

    /// Runs `work` on this pool's threads.
    fn install<T: Send>(&self, work: impl FnOnce() -> T + Send) -> T {
        match &self.0 {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }

    /// How many threads work does.
    fn threads(&self) -> usize {
        self.0.as_ref().map_or_else(
            rayon::current_num_threads,
            rayon::ThreadPool::current_num_threads,
        )
    }
}

/// Scans `sources` (from [`input::collect`]) into `assembler` on the current rayon pool.
pub fn sources_into(
    sources: &[Source],
    options: &ReadOptions,
    assembler: &mut Assembler,
    observer: &mut dyn Observer,
) -> Result<Totals, Stopped> {
    let read = read_sources(sources, options);
    run(read, &options.fields, &Pool(None), assembler, observer)
}

/// Scans documents given by their content into `assembler` on the current rayon pool.
pub fn texts_into(
    texts: impl Iterator<Item = Text> + Send,
    assembler: &mut Assembler,
    observer: &mut dyn Observer,
) -> Result<Totals, Stopped> {
    let fields = RecordFields::default();
    run(read_texts(texts), &fields, &Pool(None), assembler, observer)
}

/// The reader of `sources`, for [`run`].
fn read_sources<'a>(
    sources: &'a [Source],
    options: &'a ReadOptions,
) -> impl FnOnce(&mut dyn FnMut(Item) -> bool) -> Vec<Error> + Send + 'a {
    move |each: &mut dyn FnMut(Item) -> bool| {
        let mut problems = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            if i == 1 && reader_panic_injected() {
                panic!("reader panic injected by EMBEDSCAN_TEST_READER_PANIC");
            }
            let mut open = true;
            let read = input::read_items(source, options, &mut |w| problems.push(w), &mut |item| {
                open = open && each(item);
            });
            if let Err(e) = read {
                problems.push(e);
            }
            if !open {
                break;
            }
        }
        problems
    }
}

/// The reader of documents given by their content, for [`run`].
fn read_texts(
    texts: impl Iterator<Item = Text> + Send,
) -> impl FnOnce(&mut dyn FnMut(Item) -> bool) -> Vec<Error> + Send {
    move |each: &mut dyn FnMut(Item) -> bool| {
        let mut problems = Vec::new();
        for text in texts {
            let doc = input::given(text.name, text.bytes, text.html, &mut |e| problems.push(e));
            match doc {
                Ok(doc) => {
                    if !each(Item::Document(doc)) {
                        break;
                    }
                }
                Err(e) => problems.push(e),
            }
        }
        problems
    }
}

/// Whether the tests asked the reader thread to panic after its first input
/// (`EMBEDSCAN_TEST_READER_PANIC`), to check that such a run writes nothing. Debug builds only.
fn reader_panic_injected() -> bool {
    cfg!(debug_assertions) && std::env::var_os("EMBEDSCAN_TEST_READER_PANIC").is_some()
}

/// The scan: `read` runs on a thread of its own, handing items to its argument (which returns
/// false once the scan has stopped) and returning its problems; items are batched, each batch
/// scanned on the current rayon pool while the previous one is added to `assembler`.
fn run<R>(
    read: R,
    fields: &RecordFields,
    pool: &Pool,
    assembler: &mut Assembler,
    observer: &mut dyn Observer,
) -> Result<Totals, Stopped>
where
    R: FnOnce(&mut dyn FnMut(Item) -> bool) -> Vec<Error> + Send,
{
    let (batches, ready) = std::sync::mpsc::sync_channel::<Vec<Item>>(1);
    let mut totals = Totals::default();
    let mut cancelled = false;
    let read_problems = std::thread::scope(|scope| {
        let batch_limit = (pool.threads() * BATCH_BYTES_PER_THREAD).max(MIN_BATCH_BYTES);
        let reader = scope.spawn(move || read_batches(read, batch_limit, batches));
        // The previous batch is added to the assembler while this one is scanned: adding
        // faults in the memory the packed posts go to, which had kept the cores waiting.
        let mut scanned: Vec<Prepared> = Vec::new();
        for batch in &ready {
            let previous = std::mem::take(&mut scanned);
            let (results, ()) = pool.install(|| {
                rayon::join(
                    || scan_batch(batch, fields),
                    || assembler.add_prepared(previous),
                )
            });
            observer.posts(assembler.post_count());
            for (prepared, problems) in results {
                problems.into_iter().for_each(|e| observer.problem(e));
                if let Some(p) = prepared {
                    totals.documents += 1;
                    totals.bytes += p.bytes() as u64;
                    observer.document(p.bytes());
                    scanned.push(p);
                }
            }
            if observer.cancelled() {
                cancelled = true;
                break;
            }
        }
        // Dropping the receiver ends the reader's sends: it stops at its next item.
        drop(ready);
        pool.install(|| assembler.add_prepared(scanned));
        observer.posts(assembler.post_count());
        reader.join().map_err(|_| Stopped::ReaderPanicked)
    })?;
    if cancelled {
        return Err(Stopped::Cancelled);
    }
    for problem in read_problems {
        observer.problem(problem);
    }
    Ok(totals)
}

/// Reads with `read` into batches of about `batch_limit` bytes, sent as they fill; returns
/// the problems met.
fn read_batches<R>(read: R, batch_limit: usize, batches: SyncSender<Vec<Item>>) -> Vec<Error>
where
    R: FnOnce(&mut dyn FnMut(Item) -> bool) -> Vec<Error>,
{
    let mut batch: Vec<Item> = Vec::new();
    let mut batch_bytes = 0;
    let mut open = true;
    let problems = read(&mut |item| {
        if !open {
            return false;
        }
        batch_bytes += item.len();
        batch.push(item);
        if batch_bytes >= batch_limit {
            // The receiver goes away when the scan was cancelled (or its side panicked).
            open = batches.send(std::mem::take(&mut batch)).is_ok();
            batch_bytes = 0;
        }
        open
    });
    if open {
        let _ = batches.send(batch);
    }
    problems
}

/// Scans one batch on all cores: each document is read, scanned and prepared for the
/// assembler on one thread. Results keep input order: each document (none when its record
/// could not be used) with the problems its record had.
fn scan_batch(batch: Vec<Item>, fields: &RecordFields) -> Vec<(Option<Prepared>, Vec<Error>)> {
    batch
        .into_par_iter()
        .map(|item| {
            let mut problems = Vec::new();
            let doc = item.into_document(fields, &mut |e| problems.push(e));
            // A panic in one document's scan is a defect of ours: that document is reported
            // and skipped, the others go on.
            let prepared = doc.and_then(|doc| {
                let scanned =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract_folded(&doc)));
                match scanned {
                    Ok((extraction, keys)) => Some(Prepared::of_keyed(extraction, keys)),
                    Err(payload) => {
                        problems.push(Error::Internal {
                            name: doc.name.clone(),
                            reason: panic_message(payload.as_ref()),
                        });
                        None
                    }
                }
            });
            (prepared, problems)
        })
        .collect()
}

/// The message a panic was raised with, when it is a string.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBED: &str =
        "Gates are open now: https://t.co/Zz11Yy22Xx — River Report (@RiverReport) June 1, 2021\n";

    fn seed_paths() -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir("seeds")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        paths
    }

    #[test]
    fn texts_named_as_files_give_the_files_feed() {
        let paths = seed_paths();
        let mut problems = Vec::new();
        let from_files = super::paths(&paths, &Options::default(), &mut problems).unwrap();
        let texts = paths.iter().map(|p| Text {
            name: p.display().to_string(),
            bytes: std::fs::read(p).unwrap(),
            html: None,
        });
        let from_texts = super::texts(texts, &Options::default(), &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!from_files.posts.is_empty());
        assert_eq!(from_files, from_texts);
    }

    #[test]
    fn a_pool_of_its_own_gives_the_same_feed() {
        let paths = [
            PathBuf::from("seeds"),
            PathBuf::from("fixtures/realworld/docs"),
        ];
        let feed = |jobs| {
            super::paths(
                &paths,
                &Options {
                    jobs,
                    ..Options::default()
                },
                &mut Vec::new(),
            )
        };
        assert_eq!(feed(Some(1)).unwrap(), feed(None).unwrap());
        assert_eq!(feed(Some(3)).unwrap(), feed(Some(0)).unwrap());
    }

    #[test]
    fn problems_come_in_the_commands_order() {
        let paths = [PathBuf::from("missing.txt"), PathBuf::from("seeds")];
        let mut problems = Vec::new();
        let feed = super::paths(&paths, &Options::default(), &mut problems).unwrap();
        assert!(!feed.posts.is_empty());
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages, ["missing.txt: no such file or directory"]);

        let mut problems = Vec::new();
        let texts = [
            Text::new("a", ""),
            Text {
                name: "b".into(),
                bytes: vec![0, 1, 2],
                html: None,
            },
        ];
        let feed = super::texts(texts, &Options::default(), &mut problems).unwrap();
        assert_eq!(feed.documents.len(), 1);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "a: empty document",
                "b: expected text, but found binary data (NUL byte at 0); skipped"
            ]
        );
        let mut problems = Vec::new();
        super::texts(Vec::new(), &Options::default(), &mut problems).unwrap();
        assert!(matches!(problems[..], [Error::NothingToScan]));
    }

    /// Cancels after its first batch.
    struct CancelFirst(u64);

    impl Observer for CancelFirst {
        fn problem(&mut self, _: Error) {}

        fn document(&mut self, _: usize) {
            self.0 += 1;
        }

        fn cancelled(&mut self) -> bool {
            true
        }
    }

    #[test]
    fn an_observer_stops_the_scan_between_batches() {
        // Batches are at least 4 MB: 2,000 documents of 4 KB make two or more.
        let text = EMBED.repeat(4096 / EMBED.len() + 1);
        let texts = (0..2000).map(|i| Text::new(i.to_string(), text.clone()));
        let mut observer = CancelFirst(0);
        let stopped = super::texts(texts, &Options::default(), &mut observer);
        assert_eq!(stopped.unwrap_err(), Stopped::Cancelled);
        assert!(observer.0 > 0 && observer.0 < 2000, "{}", observer.0);
    }

    #[test]
    fn a_text_is_html_as_its_name_or_flag_says() {
        let page = "<p>x</p><blockquote class=\"twitter-tweet\"><p>Water rising</p>&mdash; Desk (@Desk) <a href=\"https://twitter.com/Desk/status/1211976404581683200\">December 31, 2019</a></blockquote>";
        let scan = |name: &str, html| {
            let text = Text {
                html,
                ..Text::new(name, page)
            };
            super::texts([text], &Options::default(), &mut Vec::new()).unwrap()
        };
        let status = |feed: Feed| feed.posts.first().and_then(|p| p.status_id.clone());
        assert_eq!(
            status(scan("a.html", None)).as_deref(),
            Some("1211976404581683200")
        );
        assert_eq!(
            status(scan("a", Some(true))).as_deref(),
            Some("1211976404581683200")
        );
        assert_eq!(status(scan("a.html", Some(false))), None);
    }
}
