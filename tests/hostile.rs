//! Hostile and broken input: each case gives a clear message naming the file (and position),
//! the other documents are unaffected, and the exit code says what happened (0 posts found,
//! 1 none found, 2 an error: some input failed, the output could not be written, usage).

use crate::common;

use common::{stderr, temp_dir, EMBED};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    common::embedscan(args, None)
}

fn feed(out: &Output) -> serde_json::Value {
    common::json(out)
}

/// The posts of a feed that appear in the document whose name ends with `file`.
fn posts_in<'f>(feed: &'f serde_json::Value, file: &str) -> Vec<&'f serde_json::Value> {
    let shown_in = |p: &&serde_json::Value| {
        let apps = p["appearances"].as_array().expect("appearances");
        apps.iter()
            .any(|a| a["document"].as_str().is_some_and(|d| d.ends_with(file)))
    };
    feed["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .filter(shown_in)
        .collect()
}

/// A directory holding one good article and the given bad file; returns the run's output.
fn with_good_article(name: &str, file: &str, bytes: &[u8]) -> Output {
    let dir = temp_dir(name);
    std::fs::write(dir.join("good.txt"), EMBED).unwrap();
    std::fs::write(dir.join(file), bytes).unwrap();
    run(&[dir.to_str().unwrap()])
}

fn good_article_found(out: &Output) {
    let feed = feed(out);
    let handles: Vec<&str> = feed["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["author"]["handle"].as_str())
        .collect();
    assert!(
        handles.contains(&"RiverReport"),
        "the good document is unaffected: {handles:?}"
    );
}

#[test]
fn binary_file_is_skipped_with_an_error() {
    let out = with_good_article(
        "binary",
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("image.txt: expected text, but found binary data (NUL byte at 8); skipped"),
        "{}",
        stderr(&out)
    );
    good_article_found(&out);
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(EMBED.encode_utf16().flat_map(u16::to_le_bytes));
    let dir = temp_dir("utf16");
    std::fs::write(dir.join("wide.txt"), bytes).unwrap();
    let out = run(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(feed(&out)["posts"][0]["author"]["handle"], "RiverReport");
}

#[test]
fn crlf_and_lone_cr_line_endings() {
    for (name, eol) in [("crlf", "\r\n"), ("cr", "\r")] {
        let text = EMBED.replace('\n', eol);
        let out = with_good_article(name, "other.txt", text.as_bytes());
        assert_eq!(out.status.code(), Some(0));
        let feed = feed(&out);
        let post = &feed["posts"][0];
        assert_eq!(post["text"], "Gates are open https://t.co/Ab12", "{name}");
        let lines: Vec<u64> = post["appearances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["line"].as_u64().unwrap())
            .collect();
        assert_eq!(
            lines,
            [3, 3],
            "{name}: the line counts {eol:?} as a line end"
        );
    }
}

#[test]
fn stray_nul_bytes_in_a_long_text_are_binary_but_reported() {
    let mut text = EMBED.repeat(50).into_bytes();
    text[30] = 0;
    let out = with_good_article("nul", "nul.txt", &text);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nul.txt: expected text, but found binary data (NUL byte at 30)"));
    good_article_found(&out);
}

#[test]
fn empty_file_warns_and_is_listed() {
    let out = with_good_article("empty", "empty.txt", b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("empty.txt: empty document"));
    assert_eq!(feed(&out)["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn one_huge_line_without_breaks() {
    // 10 MB on one line, prose with quote marks, handles and dashes, and one real embed at the
    // end; must finish (linear time) and find the embed.
    let unit = "Officials — said “the plan (@city) works” and #tags (@ x) went on. ";
    let mut text = unit.repeat(10_000_000 / unit.len());
    text.push_str("Gates are open https://t.co/Ab12 — River Report (@RiverReport) June 1, 2021");
    let out = with_good_article("huge", "huge.txt", text.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let feed = feed(&out);
    let in_huge = posts_in(&feed, "huge.txt");
    // Prose glued before a post on one line is cut to the longest sentence-aligned tail that
    // fits a tweet: here some prose sentences fit too, so only the end of the text is certain.
    assert_eq!(in_huge.len(), 1);
    assert_eq!(in_huge[0]["author"]["handle"], "RiverReport");
    let text = in_huge[0]["text"].as_str().unwrap();
    assert!(
        text.ends_with("went on. Gates are open https://t.co/Ab12"),
        "{text}"
    );
}

#[test]
fn dangling_link_in_a_directory_is_reported() {
    let dir = temp_dir("dangling");
    std::fs::write(dir.join("good.txt"), EMBED).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("link.txt")).unwrap();
    let out = run(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("link.txt"), "{}", stderr(&out));
    good_article_found(&out);
}

#[test]
fn path_that_disappears_before_it_is_read() {
    let dir = temp_dir("vanish");
    let path = dir.join("soon-gone.txt");
    std::fs::write(&path, EMBED).unwrap();
    let mut errors = Vec::new();
    let sources = embedscan::input::collect(std::slice::from_ref(&dir), &mut |e| {
        errors.push(e.to_string())
    });
    std::fs::remove_file(&path).unwrap();
    let err = embedscan::input::read(&sources[0], &mut |_| {}).unwrap_err();
    assert!(
        err.to_string()
            .contains("soon-gone.txt: No such file or directory"),
        "{err}"
    );
}

#[test]
fn deeply_nested_and_unclosed_html() {
    let mut page = String::from("<!doctype html><html><body>");
    page.push_str(&"<div><blockquote><p>".repeat(20_000));
    page.push_str("<blockquote class=\"twitter-tweet\"><p>Unclosed");
    let out = with_good_article("html", "deep.html", page.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    good_article_found(&out);
}

#[test]
fn output_to_a_full_disk_fails_clearly() {
    let out = Command::new(env!("CARGO_BIN_EXE_embedscan"))
        .args(["-o", "/dev/full/feed.json", "-"])
        .stdin(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/full/feed.json:"),
        "{}",
        stderr(&out)
    );

    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_embedscan"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("seeds")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("No space left on device"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_embedscan"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--format", "jsonl", "seeds", "fixtures"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, like `| head -0`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn output_file_is_written_atomically() {
    let dir = temp_dir("atomic");
    let target = dir.join("feed.json");
    std::fs::write(&target, "previous feed").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_embedscan"))
        .args(["-", "-o", target.to_str().unwrap()])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(EMBED.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(written["posts"][0]["author"]["handle"], "RiverReport");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn a_100_mb_single_line() {
    // 100 MB without a line break: prose words, a few triggers, and one embed at the very end.
    let unit =
        "The council met again on Tuesday and the river kept rising — officials (@ noon) said. ";
    let mut text = unit.repeat(100_000_000 / unit.len());
    text.push_str("Gates are open https://t.co/Ab12 — River Report (@RiverReport) June 1, 2021");
    let out = with_good_article("hundred", "line.txt", text.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let feed = feed(&out);
    let in_line = posts_in(&feed, "line.txt").len();
    assert_eq!(in_line, 1);
    assert_eq!(feed["documents"][1]["bytes"], text.len());
}

// The command line under misuse (issue 16): one test per row of its table, each failing on
// the behaviour the issue reported.

/// The binary, run from the package root.
fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_embedscan"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// The handles of a feed's posts.
fn handles(feed: &serde_json::Value) -> Vec<String> {
    feed["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["author"]["handle"].as_str().map(str::to_string))
        .collect()
}

fn post_count(feed: &serde_json::Value) -> usize {
    feed["posts"].as_array().unwrap().len()
}

fn is_symlink(path: &std::path::Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Row 1: `-j 100000` spawned threads until memory ran out.
#[test]
fn jobs_above_1024_is_a_usage_error_and_0_means_all_cores() {
    let started = std::time::Instant::now();
    let out = run(&["-j", "100000", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("at most 1024"), "{}", stderr(&out));
    assert!(started.elapsed().as_secs() < 10, "rejected at once");
    let all = run(&["-j", "0", "seeds"]);
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    assert_eq!(all.stdout, run(&["-j", "1", "seeds"]).stdout);
    assert_eq!(
        run(&[
            "-j",
            "1024",
            "--quiet",
            "fixtures/realworld-next3/docs/365.txt"
        ])
        .status
        .code(),
        Some(0)
    );
}

/// Row 2: `-o /dev/stdout` replaced the link with a regular file. Without root, a link of our
/// own to /dev/stdout and one to /dev/null stand in for it.
#[test]
fn output_through_a_link_to_a_device_writes_into_the_device() {
    let dir = temp_dir("o-devices");
    let to_stdout = dir.join("stdout.json");
    std::os::unix::fs::symlink("/dev/stdout", &to_stdout).unwrap();
    let out = run(&["-o", to_stdout.to_str().unwrap(), "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        post_count(&feed(&out)),
        21,
        "the feed reached standard output"
    );
    assert!(is_symlink(&to_stdout), "the link is still a link");

    let to_null = dir.join("null.json");
    std::os::unix::fs::symlink("/dev/null", &to_null).unwrap();
    let out = run(&["-o", to_null.to_str().unwrap(), "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(is_symlink(&to_null));
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        2,
        "nothing else left"
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

/// Row 3: a symbolic link was replaced, its target kept stale data.
#[test]
fn output_through_a_symlink_replaces_its_target() {
    let dir = temp_dir("o-symlink");
    std::fs::create_dir(dir.join("real")).unwrap();
    let target = dir.join("real/feed.json");
    std::fs::write(&target, "stale").unwrap();
    let link = dir.join("link.json");
    std::os::unix::fs::symlink("real/feed.json", &link).unwrap();
    let out = run(&["-o", link.to_str().unwrap(), "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(is_symlink(&link), "the link is still a link");
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(post_count(&written), 21, "the target holds the new feed");
    // A dangling link: its target is created.
    std::fs::remove_file(&target).unwrap();
    let out = run(&["-o", link.to_str().unwrap(), "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(is_symlink(&link) && target.is_file());
    assert_eq!(std::fs::read_dir(dir.join("real")).unwrap().count(), 1);
}

/// Row 4: a FIFO was replaced by a file and its reader hung.
#[test]
fn output_into_a_fifo_reaches_its_reader() {
    let dir = temp_dir("o-fifo");
    let fifo = dir.join("pipe.fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let (sent, received) = std::sync::mpsc::channel();
    let reading = fifo.clone();
    std::thread::spawn(move || {
        let _ = sent.send(std::fs::read(reading));
    });
    let out = run(&["-o", fifo.to_str().unwrap(), "seeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read = received
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the reader got the feed and its end")
        .unwrap();
    let written: serde_json::Value = serde_json::from_slice(&read).unwrap();
    assert_eq!(post_count(&written), 21);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
}

/// Row 5: a file of mode 600 became 644.
#[test]
fn output_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("o-mode");
    for mode in [0o600, 0o640, 0o664] {
        let path = dir.join(format!("feed-{mode:o}.json"));
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        let out = run(&[
            "-o",
            path.to_str().unwrap(),
            "fixtures/realworld-next3/docs/365.txt",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let now = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(now, mode, "{mode:o}");
        assert_ne!(std::fs::read(&path).unwrap(), b"old");
    }
}

/// Row 6: `-o -` wrote a file named `-`.
#[test]
fn output_dash_is_standard_output() {
    let dir = temp_dir("o-dash");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = Command::new(env!("CARGO_BIN_EXE_embedscan"))
        .current_dir(&dir)
        .args(["-o", "-"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(post_count(&feed(&out)), 21);
    assert!(!dir.join("-").exists(), "no file named -");
}

/// The entries of a directory, sorted.
fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Waits (at most 20 s) until `ready` holds.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while !ready() {
        assert!(
            started.elapsed().as_secs() < 20,
            "timed out waiting: {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Row 7: SIGINT or SIGTERM during `-o out.json` left `.out.json.PID.tmp` behind (and SIGKILL
/// too). The output is opened before the inputs are read, so a run held on its standard input
/// is a run with its output open.
#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    let dir = temp_dir("o-signals");
    let target = dir.join("out.json");
    std::fs::write(&target, "previous").unwrap();

    // SIGKILL: where the output is an unnamed file (O_TMPFILE) nothing is left at all; where
    // it is a named one, the next run removes it (its process is gone).
    let mut child = bin()
        .args(["-", "-o", target.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let fds = format!("/proc/{}/fd", child.id());
    wait_for("the output open in its directory", || {
        std::fs::read_dir(&fds).is_ok_and(|fds| {
            fds.flatten()
                .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|to| to.starts_with(&dir)))
        })
    });
    child.kill().unwrap();
    child.wait().unwrap();
    let out = run(&[
        "-o",
        target.to_str().unwrap(),
        "fixtures/realworld-next3/docs/365.txt",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        entries(&dir),
        ["out.json"],
        "nothing left after SIGKILL and a new run"
    );

    // A temporary file of a process that no longer exists is removed by the next run.
    let stale = dir.join(".out.json.4999999.tmp");
    std::fs::write(&stale, "stale").unwrap();
    let out = run(&[
        "-o",
        target.to_str().unwrap(),
        "fixtures/realworld-next3/docs/365.txt",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        entries(&dir),
        ["out.json"],
        "the stale temporary file is gone"
    );

    // SIGINT and SIGTERM with a named temporary file (what systems without O_TMPFILE get):
    // the handler removes it. The switch exists in debug builds only.
    if !cfg!(debug_assertions) {
        return;
    }
    for signal in ["INT", "TERM"] {
        let mut child = bin()
            .env("EMBEDSCAN_TEST_NAMED_TEMP", "1")
            .args(["-", "-o", target.to_str().unwrap()])
            .stdin(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let temp = dir.join(format!(".out.json.{}.tmp", child.id()));
        wait_for("the named temporary file", || temp.exists());
        let killed = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert!(status.signal().is_some(), "{signal}: ended by the signal");
        assert_eq!(entries(&dir), ["out.json"], "{signal}: nothing left");
        assert!(
            std::fs::read(&target).unwrap().len() > 100,
            "{signal}: the old output is intact"
        );
    }
}

/// Row 8: a file whose name is not UTF-8 was skipped silently.
#[test]
fn a_file_named_in_invalid_utf8_is_scanned() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("non-utf8-name");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.join(name), EMBED).unwrap();
    let out = run(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("not valid UTF-8"), "{}", stderr(&out));
    let feed = feed(&out);
    let names = common::document_names(&feed);
    assert_eq!(names.len(), 1);
    assert!(names[0].ends_with("caf\u{fffd}.txt"), "{names:?}");
    assert_eq!(handles(&feed), ["RiverReport"]);
}

/// A JSON Lines file of the given lines beside nothing else; the run's output.
fn jsonl_run(name: &str, lines: &[&[u8]]) -> (Output, String) {
    let dir = temp_dir(name);
    let path = dir.join("articles.jsonl");
    std::fs::write(&path, lines.join(&b'\n')).unwrap();
    let out = run(&[path.to_str().unwrap()]);
    let shown = path.to_str().unwrap().to_string();
    (out, shown)
}

const GOOD_RECORD: &[u8] =
    b"{\"id\":\"good\",\"text\":\"Gates are open https://t.co/Ab12 \\u2014 River Report (@RiverReport) June 1, 2021\"}";

/// Row 9: `"maintext": null` (a paywalled page in a news-please dump) failed the run.
#[test]
fn a_null_text_is_a_warning_and_the_other_records_are_kept() {
    let (out, path) = jsonl_run(
        "null-text",
        &[
            b"{\"url\":\"https://paywalled.example/a\",\"maintext\":null,\"title\":\"t\"}",
            GOOD_RECORD,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("warning: {path}:1: `maintext` is null")),
        "{}",
        stderr(&out)
    );
    assert_eq!(handles(&feed(&out)), ["RiverReport"]);
}

/// Row 10: `2021-13-45` became the document's date.
#[test]
fn an_impossible_date_is_null_with_a_warning() {
    let (out, path) = jsonl_run(
        "bad-date",
        &[
            b"{\"id\":\"a\",\"text\":\"x\",\"date_publish\":\"2021-13-45 10:00:00\"}",
            b"{\"id\":\"b\",\"text\":\"y\",\"date_publish\":\"2021-02-29\"}",
            b"{\"id\":\"c\",\"text\":\"z\",\"date_publish\":\"2020-02-29 10:00:00\"}",
        ],
    );
    let feed = feed(&out);
    let dates: Vec<&serde_json::Value> = feed["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["date"])
        .collect();
    assert_eq!(
        dates,
        [
            &serde_json::Value::Null,
            &serde_json::Value::Null,
            &"2020-02-29".into()
        ]
    );
    assert!(
        stderr(&out).contains(&format!("warning: {path}:1: `date_publish` is not a date")),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(&format!("{path}:2:")),
        "{}",
        stderr(&out)
    );
}

/// Row 11: a record with invalid UTF-8 or a lone surrogate escape was dropped whole.
#[test]
fn invalid_utf8_and_lone_surrogates_in_records_are_decoded_with_a_warning() {
    let (out, path) = jsonl_run(
        "record-utf8",
        &[
            b"{\"id\":\"raw\",\"text\":\"caf\xe9 Gates are open https://t.co/Ab12 \\u2014 River Report (@RiverReport) June 1, 2021\"}",
            b"{\"id\":\"lone\",\"text\":\"a \\ud800 b \\ud83d\\ude00 c \\\\ud800\"}",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("warning: {path}:1:24: invalid UTF-8")),
        "{err}"
    );
    assert!(
        err.contains(&format!("warning: {path}:2:24: lone surrogate")),
        "{err}"
    );
    let feed = feed(&out);
    assert_eq!(common::document_names(&feed), ["raw", "lone"]);
    assert_eq!(
        feed["documents"][1]["bytes"],
        "a \u{fffd} b 😀 c \\ud800".len()
    );
    assert_eq!(handles(&feed), ["RiverReport"]);
}

/// Row 12: gzip on standard input was "binary data".
#[test]
fn gzip_on_standard_input_is_recognized() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(EMBED.as_bytes()).unwrap();
    let out = common::embedscan(&["-"], Some(&gz.finish().unwrap()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(handles(&feed(&out)), ["RiverReport"]);
}

/// Row 13: `--stdin-jsonl` without `-` was a usage error.
#[test]
fn stdin_jsonl_implies_standard_input() {
    let out = common::embedscan(&["--stdin-jsonl"], Some(GOOD_RECORD));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(handles(&feed(&out)), ["RiverReport"]);
    // No input at all is still a usage error.
    assert_eq!(run(&[]).status.code(), Some(2));
}

/// Row 14: a path given twice was read twice, and its quotes' ids came out twice.
#[test]
fn a_path_given_twice_is_read_once() {
    let out = run(&[
        "seeds",
        "seeds/002_4ec155f8137147e7.txt",
        "./seeds/002_4ec155f8137147e7.txt",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("read once"), "{}", stderr(&out));
    let feed = feed(&out);
    assert_eq!(common::document_names(&feed).len(), 5);
    let ids: Vec<&str> = feed["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert!(!ids.is_empty());
    assert_eq!(unique.len(), ids.len(), "quote ids are unique");
}

/// Row 15: a panic on the reading thread wrote a partial feed and exited 0. The panic is
/// injected (debug builds only) after the first input.
#[test]
fn a_reader_panic_fails_the_run_and_writes_nothing() {
    if !cfg!(debug_assertions) {
        return;
    }
    let dir = temp_dir("reader-panic");
    let target = dir.join("feed.json");
    std::fs::write(&target, "previous").unwrap();
    let out = bin()
        .env("EMBEDSCAN_TEST_READER_PANIC", "1")
        .args(["-o", target.to_str().unwrap(), "seeds", "fixtures/embed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no output written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"previous");
    assert_eq!(entries(&dir), ["feed.json"]);
    let out = bin()
        .env("EMBEDSCAN_TEST_READER_PANIC", "1")
        .args(["seeds", "fixtures/embed"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no partial feed on standard output");
}

/// A WARC response record holding an HTML page with one embed.
fn warc_page(uri: &str, handle: &str) -> String {
    let html = format!(
        "<html><body><blockquote class=\"twitter-tweet\"><p>Water rising at {uri}</p>&mdash; Desk ({handle}) <a href=\"https://twitter.com/{handle}/status/1211976404581683200\">December 31, 2019</a></blockquote></body></html>"
    );
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: 2019-12-31T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

/// Row 16: one garbled header gave four errors, numbered by attempt, for three records.
#[test]
fn a_garbled_warc_header_is_one_error_at_its_byte_offset() {
    let dir = temp_dir("warc-garbled");
    let first = warc_page("https://a.example/", "DeskA");
    let second = warc_page("https://b.example/", "DeskB").replacen(
        "WARC-Type: response",
        "WARC-Type response",
        1,
    );
    let third = warc_page("https://c.example/", "DeskC");
    let path = dir.join("crawl.warc");
    std::fs::write(&path, [first.clone(), second, third].concat()).unwrap();
    let out = run(&[path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an input failed: {}",
        stderr(&out)
    );
    let errors: Vec<&str> = std::str::from_utf8(&out.stderr)
        .unwrap()
        .lines()
        .filter(|l| l.contains("error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains(&format!("crawl.warc: at byte {}: ", first.len())),
        "{errors:?}"
    );
    assert_eq!(
        common::document_names(&feed(&out)),
        ["https://a.example/", "https://c.example/"]
    );
}

/// Row 17: exit codes as grep and ripgrep give them; `--help` states them and lists every
/// input kind.
#[test]
fn exit_codes_follow_grep_and_help_states_them() {
    assert_eq!(run(&["seeds"]).status.code(), Some(0), "posts found");
    let none = common::embedscan(&["-"], Some(b"No post here.\n"));
    assert_eq!(none.status.code(), Some(1), "no post found");
    let failed = run(&["seeds", "no/such/file.txt"]);
    assert_eq!(failed.status.code(), Some(2), "an input failed");
    assert_eq!(post_count(&feed(&failed)), 21, "the feed is still written");
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    for kind in [
        "*.txt", "*.text", "*.html", "*.htm", "*.jsonl", "*.ndjson", "*.warc", ".gz",
    ] {
        assert!(help.contains(kind), "--help lists {kind}");
    }
    assert!(help.contains("Exit codes"), "{help}");
    for code in ["0  posts were found", "1  no post was found", "2  an error"] {
        assert!(help.contains(code), "{code}: {help}");
    }
}

#[test]
fn compact_output_is_one_line_of_the_same_json() {
    for format in ["json", "jsonfeed"] {
        let pretty = run(&["--format", format, "seeds"]);
        let compact = run(&["--compact", "--format", format, "seeds"]);
        assert_eq!(compact.status.code(), Some(0));
        let text = String::from_utf8(compact.stdout.clone()).unwrap();
        assert_eq!(text.lines().count(), 1, "{format}");
        assert!(text.ends_with("}\n"));
        assert_eq!(feed(&compact), feed(&pretty), "{format}");
        assert!(compact.stdout.len() < pretty.stdout.len() * 3 / 4);
    }
    let jsonl = run(&["--format", "jsonl", "seeds"]).stdout;
    assert_eq!(
        run(&["--compact", "--format", "jsonl", "seeds"]).stdout,
        jsonl
    );
}

#[test]
fn files_from_a_list_or_standard_input() {
    let dir = temp_dir("files-from");
    let list = dir.join("list");
    std::fs::write(
        &list,
        "seeds/002_4ec155f8137147e7.txt\n\nfixtures/realworld-next3/docs/365.txt\n",
    )
    .unwrap();
    let out = run(&["--files-from", list.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        common::document_names(&feed(&out)),
        [
            "seeds/002_4ec155f8137147e7.txt",
            "fixtures/realworld-next3/docs/365.txt"
        ]
    );
    // NUL-separated on standard input, beside a path on the command line.
    let out = common::embedscan(
        &["--files-from", "-", "seeds/000_35b1bdba7b1737f2.txt"],
        Some(b"fixtures/realworld-next3/docs/365.txt\0"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        common::document_names(&feed(&out)),
        [
            "seeds/000_35b1bdba7b1737f2.txt",
            "fixtures/realworld-next3/docs/365.txt"
        ]
    );
    let both = common::embedscan(&["--files-from", "-", "-"], Some(b""));
    assert_eq!(both.status.code(), Some(2), "stdin cannot be both");
}

#[test]
fn the_summary_counts_in_the_singular_too() {
    let out = common::embedscan(&["-"], Some(EMBED.as_bytes()));
    assert!(
        stderr(&out).contains("embedscan: 1 document, "),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(", 1 post, 0 quotes in"),
        "{}",
        stderr(&out)
    );
}

/// JSON Feed: `version` first; an id-only post carries its status URL as text and url.
#[test]
fn json_feed_opens_with_its_version_and_id_only_items_carry_their_url() {
    let link = "Read it here:\n\nhttps://twitter.com/RiverReport/status/1211976404581683200\n";
    let out = common::embedscan(&["--format", "jsonfeed", "-"], Some(link.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.starts_with("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": "),
        "{text}"
    );
    let feed = feed(&out);
    let item = &feed["items"][0];
    let url = "https://twitter.com/RiverReport/status/1211976404581683200";
    assert_eq!(item["content_text"], url);
    assert_eq!(item["url"], url);
    assert_eq!(item["_post"]["text"], "");
}

/// A gzip stream of `member` repeated `times` times, one gzip member each (compressed once).
fn repeated_members(member: &[u8], times: usize) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(member).unwrap();
    gz.finish().unwrap().repeat(times)
}

/// Issue 15's memory row: a gzip of zeros stops at its first member; a gzip of one repeated
/// line stops at the maximum document size; both with a message, the other documents kept.
/// Small here (a debug build inflates slowly); the full-size bombs, 2 GB and 1.5 GB inflated,
/// peak under 300 MB with the default maximum in a release build.
#[test]
fn gzip_bombs_stop_early_and_the_other_documents_are_kept() {
    let dir = temp_dir("bombs");
    std::fs::write(dir.join("good.txt"), EMBED).unwrap();
    std::fs::write(
        dir.join("zeros.txt.gz"),
        repeated_members(&vec![0; 1 << 20], 64),
    )
    .unwrap();
    let line = "The council met again and the river kept rising.\n".repeat(20_000);
    std::fs::write(
        dir.join("lines.txt.gz"),
        repeated_members(line.as_bytes(), 40),
    )
    .unwrap();
    // One JSON Lines record that never ends: 40 members of one unbroken line.
    let record = line.replace('\n', " ");
    std::fs::write(
        dir.join("lines.jsonl.gz"),
        [
            repeated_members(b"{\"text\":\"", 1),
            repeated_members(record.as_bytes(), 40),
        ]
        .concat(),
    )
    .unwrap();
    let out = run(&["--max-document-size", "4M", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "the zeros are an error: {err}");
    assert!(
        err.contains("zeros.txt.gz: expected text, but found binary data (NUL byte at 0)"),
        "{err}"
    );
    assert!(
        err.contains("lines.txt.gz: larger than the maximum document size (4M); skipped"),
        "{err}"
    );
    assert!(
        err.contains("lines.jsonl.gz:1: larger than the maximum document size (4M); skipped"),
        "{err}"
    );
    good_article_found(&out);
    assert_eq!(common::document_names(&feed(&out)).len(), 1);
}
