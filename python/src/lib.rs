//! `embedscan._embedscan`, the native half of the Python package `embedscan`.
//!
//! Thin over the library: the scan is [`embedscan::scan`]'s and the output
//! [`embedscan::output`]'s, as the command runs them. This file converts arguments and results,
//! releases the GIL while the library works, and turns Ctrl-C into `KeyboardInterrupt`. The
//! Python-side conveniences (dates, pandas, warnings) are in `embedscan/__init__.py`.

use embedscan::input::{ReadOptions, RecordFields, DEFAULT_MAX_DOCUMENT_SIZE};
use embedscan::output::{self, Format};
use embedscan::scan::{self, Options, Stopped, Text, MAX_JOBS};
use embedscan::Error;
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// mimalloc, as the command has it: the scan makes many small short-lived allocations on every
/// core. Python's own objects keep Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc.h (v3), as in the command's `src/alloc.rs`.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tunes the extension's mimalloc as the command tunes its own (`src/alloc.rs`, PERFORMANCE.md):
/// freed memory handed back to the OS after 50 ms rather than 1 s, so the batches scanned a
/// moment ago do not add up in the peak; and, built with `no_thp`, no transparent huge pages
/// asked for (each 4 KB touched in a fresh 2 MB region would fault in the whole 2 MB). This
/// copy of mimalloc serves this extension alone: the host process is left as it is.
fn tune_allocator() {
    // SAFETY: called once, when the module is first imported, before this extension has
    // started any thread (the option setters are not thread-safe); the option is a number.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 50);
    }
}

/// A scan's result: the feed, held by Rust until a part of it is asked for.
#[pyclass(frozen, module = "embedscan._embedscan", name = "Feed")]
struct PyFeed {
    feed: embedscan::Feed,
}

#[pymethods]
impl PyFeed {
    /// The feed as the command writes it in `format` (`json`, `jsonl` or `jsonfeed`).
    fn to_json(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let format = parse_format(format)?;
        let bytes = py.detach(|| {
            let mut out = Vec::new();
            output::write(&self.feed, format, &mut out).map(|()| out)
        })?;
        String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Writes the feed to the file `path` in `format`, as `embedscan -o PATH` would.
    fn write(&self, py: Python<'_>, path: PathBuf, format: &str) -> PyResult<()> {
        let format = parse_format(format)?;
        py.detach(|| {
            let file = std::fs::File::create(&path)?;
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
            output::write(&self.feed, format, &mut out)?;
            out.flush()
        })
        .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))
    }

    /// One part of the feed (`documents`, `posts` or `quotes`) as a JSON array.
    fn part_json(&self, py: Python<'_>, part: &str) -> PyResult<String> {
        let feed = &self.feed;
        let json = match part {
            "documents" => py.detach(|| serde_json::to_string(&feed.documents)),
            "posts" => py.detach(|| serde_json::to_string(&feed.posts)),
            "quotes" => py.detach(|| serde_json::to_string(&feed.quotes)),
            _ => {
                return Err(PyValueError::new_err(format!(
                    "expected documents, posts or quotes, but found `{part}`"
                )))
            }
        };
        json.map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// How many documents, posts and quotes the feed holds.
    fn counts(&self) -> (usize, usize, usize) {
        let feed = &self.feed;
        (feed.documents.len(), feed.posts.len(), feed.quotes.len())
    }
}

/// `json`, `jsonl` or `jsonfeed`, as `--format` takes them.
fn parse_format(format: &str) -> PyResult<Format> {
    match format {
        "json" => Ok(Format::Json),
        "jsonl" => Ok(Format::Jsonl),
        "jsonfeed" => Ok(Format::JsonFeed),
        _ => Err(PyValueError::new_err(format!(
            "expected a format of json, jsonl or jsonfeed, but found `{format}`"
        ))),
    }
}

/// The scanning threads, checked as `--jobs` is.
fn options(jobs: Option<usize>, read: ReadOptions) -> PyResult<Options> {
    if let Some(n) = jobs.filter(|&n| n > MAX_JOBS) {
        return Err(PyValueError::new_err(format!(
            "expected at most {MAX_JOBS} threads (0 means all cores), but found {n}"
        )));
    }
    Ok(Options { read, jobs })
}

/// The problems of a scan as `(is_warning, message)` pairs, in the order the command prints
/// them.
type Problems = Vec<(bool, String)>;

/// Collects a scan's problems; when the scan runs on Python's main thread, checks between
/// batches for a signal (Ctrl-C), which stops the scan.
struct Watch {
    problems: Vec<Error>,
    signals: bool,
    interrupt: Option<PyErr>,
}

impl Watch {
    fn new(py: Python<'_>) -> PyResult<Watch> {
        let threading = py.import("threading")?;
        let current = threading.call_method0("current_thread")?;
        let main = threading.call_method0("main_thread")?;
        Ok(Watch {
            problems: Vec::new(),
            signals: current.is(&main),
            interrupt: None,
        })
    }

    /// The feed with the problems, or the exception that stopped the scan.
    fn finish(self, result: Result<embedscan::Feed, Stopped>) -> PyResult<(PyFeed, Problems)> {
        if let Some(interrupt) = self.interrupt {
            return Err(interrupt);
        }
        let feed = result.map_err(|stopped| PyOSError::new_err(stopped.to_string()))?;
        let problems = self
            .problems
            .into_iter()
            .map(|e| (e.is_warning(), e.to_string()))
            .collect();
        Ok((PyFeed { feed }, problems))
    }
}

impl scan::Observer for Watch {
    fn problem(&mut self, problem: Error) {
        self.problems.push(problem);
    }

    fn cancelled(&mut self) -> bool {
        if self.signals && self.interrupt.is_none() {
            self.interrupt = Python::attach(|py| py.check_signals()).err();
        }
        self.interrupt.is_some()
    }
}

/// Scans files and directories, every input the command reads; returns the feed and the
/// problems met.
#[pyfunction]
#[pyo3(signature = (paths, *, jobs=None, max_document_size=None, text_field=None, html_field=None, id_field=None, date_field=None))]
#[allow(clippy::too_many_arguments)]
fn scan_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    max_document_size: Option<u64>,
    text_field: Option<String>,
    html_field: Option<String>,
    id_field: Option<String>,
    date_field: Option<String>,
) -> PyResult<(PyFeed, Problems)> {
    let defaults = RecordFields::default();
    let read = ReadOptions {
        stdin_jsonl: false,
        fields: RecordFields {
            text: text_field.unwrap_or(defaults.text),
            html: html_field.unwrap_or(defaults.html),
            id: id_field.unwrap_or(defaults.id),
            date: date_field.unwrap_or(defaults.date),
        },
        max_document_size: max_document_size.unwrap_or(DEFAULT_MAX_DOCUMENT_SIZE),
    };
    let options = options(jobs, read)?;
    let mut watch = Watch::new(py)?;
    let result = py.detach(|| scan::paths(&paths, &options, &mut watch));
    watch.finish(result)
}

/// Scans documents given by their content: an iterable of `str`, `bytes` or `(name, text)`
/// pairs, read one at a time while the documents before it are scanned; `names` names the
/// documents given without one (by default their position, `0`, `1`, ...). Returns the feed
/// and the problems met.
#[pyfunction]
#[pyo3(signature = (texts, *, names=None, html=None, jobs=None))]
fn scan_texts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    names: Option<&Bound<'_, PyAny>>,
    html: Option<bool>,
    jobs: Option<usize>,
) -> PyResult<(PyFeed, Problems)> {
    let options = options(jobs, ReadOptions::default())?;
    let error = Arc::new(Mutex::new(None));
    let texts = PyTexts {
        texts: texts.try_iter()?.unbind(),
        names: names.map(|n| n.try_iter()).transpose()?.map(Bound::unbind),
        html,
        index: 0,
        error: Arc::clone(&error),
    };
    let mut watch = Watch::new(py)?;
    let result = py.detach(|| scan::texts(texts, &options, &mut watch));
    if let Some(e) = error.lock().ok().and_then(|mut e| e.take()) {
        return Err(e);
    }
    watch.finish(result)
}

/// The documents of [`scan_texts`], taken from Python one at a time on the scan's reading
/// thread (which attaches to the interpreter for each). The first Python error ends them and
/// is kept in `error`.
struct PyTexts {
    texts: Py<pyo3::types::PyIterator>,
    names: Option<Py<pyo3::types::PyIterator>>,
    html: Option<bool>,
    index: usize,
    error: Arc<Mutex<Option<PyErr>>>,
}

impl Iterator for PyTexts {
    type Item = Text;

    fn next(&mut self) -> Option<Text> {
        let next = Python::attach(|py| self.next_text(py));
        let index = self.index;
        self.index += 1;
        match next {
            Ok(text) => text,
            Err(e) => {
                let e = Python::attach(|py| prefix_error(py, e, index));
                if let Ok(mut error) = self.error.lock() {
                    *error = Some(e);
                }
                None
            }
        }
    }
}

impl PyTexts {
    fn next_text(&mut self, py: Python<'_>) -> PyResult<Option<Text>> {
        let Some(item) = self.texts.bind(py).clone().next().transpose()? else {
            return Ok(None);
        };
        let name = match &self.names {
            Some(names) => match names.bind(py).clone().next().transpose()? {
                Some(name) => Some(name.str()?.to_string()),
                None => return Err(PyValueError::new_err("fewer names than texts")),
            },
            None => None,
        };
        let (name, content) = match item.cast::<PyTuple>() {
            Ok(pair) if pair.len() == 2 => (
                Some(pair.get_item(0)?.str()?.to_string()),
                pair.get_item(1)?,
            ),
            _ => (name, item),
        };
        let bytes = if let Ok(s) = content.cast::<PyString>() {
            s.to_cow()?.into_owned().into_bytes()
        } else if let Ok(b) = content.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else {
            return Err(PyTypeError::new_err(format!(
                "expected str, bytes or a (name, text) pair, but found {}",
                content.get_type().name()?
            )));
        };
        Ok(Some(Text {
            name: name.unwrap_or_else(|| self.index.to_string()),
            bytes,
            html: self.html,
        }))
    }
}

/// `e` with the position of the text it is about: `texts[3]: ...`.
fn prefix_error(py: Python<'_>, e: PyErr, index: usize) -> PyErr {
    let message = format!("texts[{index}]: {}", e.value(py));
    if e.is_instance_of::<PyTypeError>(py) {
        PyTypeError::new_err(message)
    } else if e.is_instance_of::<PyValueError>(py) {
        PyValueError::new_err(message)
    } else {
        e
    }
}

/// The native half of `embedscan`: `scan_paths`, `scan_texts` and the `Feed` they return.
#[pymodule]
fn _embedscan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    tune_allocator();
    m.add_class::<PyFeed>()?;
    m.add_function(wrap_pyfunction!(scan_paths, m)?)?;
    m.add_function(wrap_pyfunction!(scan_texts, m)?)?;
    m.add("MAX_JOBS", MAX_JOBS)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
