//! Hostile and broken input: each case gives a clear message naming the file (and position),
//! the other documents are unaffected, and the exit code says whether some input failed
//! (0 ok, 1 some inputs failed, 2 usage).

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
    assert_eq!(out.status.code(), Some(1));
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
    assert_eq!(out.status.code(), Some(1));
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
    assert_eq!(out.status.code(), Some(1));
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
    assert_eq!(out.status.code(), Some(1));
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
    assert_eq!(out.status.code(), Some(1));
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
