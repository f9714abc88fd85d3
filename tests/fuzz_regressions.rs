//! Inputs the fuzz targets (`fuzz/`) found crashing or breaking an invariant, replayed on every
//! `cargo test`: each file under `tests/fuzz_regressions/` goes through the same pipelines and
//! checks as the fuzz targets (`fuzz/src/lib.rs`, included below), as a plain-text document, as
//! an HTML page, and through the date parser.
//!
//! Adding a case: minimize it (`cargo fuzz tmin`, see `fuzz/README.md`) and copy the minimized
//! file here under a short descriptive name. Each case is run on a thread of its own, with a time
//! limit, so one failure or hang does not hide the others.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Once};
use std::time::Duration;

/// Longer than any input here should take in a debug build; libFuzzer's limit is 10 s in release.
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

thread_local! {
    /// Where the last panic of this thread happened.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records each panic's location (for the summary), then reports it as usual.
fn hook_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let at = info.location().map(|l| l.to_string());
            PANIC_AT.with(|p| *p.borrow_mut() = at);
            default(info);
        }));
    });
}

/// Runs `check` on `data` on its own thread; the panic message and location, or a timeout, as
/// an error.
fn run(data: Vec<u8>, check: fn(&[u8])) -> Result<(), String> {
    hook_panics();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = std::panic::catch_unwind(|| check(&data));
        let _ = tx.send(r.map_err(|e| {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into());
            let at = PANIC_AT.with(|p| p.borrow_mut().take()).unwrap_or_default();
            format!("panicked at {at}: {msg}")
        }));
    });
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(r) => r,
        Err(_) => Err(format!("no result within {TIME_LIMIT:?} (hang)")),
    }
}

/// A pipeline to replay a case through: its name and the check.
type Check = (&'static str, fn(&[u8]));

#[test]
fn fuzz_regressions() {
    let checks: [Check; 3] = [
        ("text", |d| fuzz::pipeline(fuzz::Format::Text, d)),
        ("html", |d| fuzz::pipeline(fuzz::Format::Html, d)),
        ("date", fuzz::date),
    ];
    let cases = cases();
    assert!(!cases.is_empty(), "tests/fuzz_regressions/ holds the cases");
    let mut failures = Vec::new();
    for path in &cases {
        let data = std::fs::read(path).expect("case readable");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for (target, check) in checks {
            if let Err(msg) = run(data.clone(), check) {
                failures.push(format!("{name} ({target}): {msg}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fuzz regression runs failed:\n{}",
        failures.len(),
        cases.len() * checks.len(),
        failures.join("\n")
    );
}
