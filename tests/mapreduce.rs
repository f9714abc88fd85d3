//! The map-reduce mode: `extract` over shards then `merge` gives the feed of a single run; JSON
//! Lines and gzip inputs; bad records reported and skipped.

use crate::common;

use common::temp_dir;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    common::embedscan(args, Some(stdin))
}

/// The feed of a run that must have succeeded.
fn ok_feed(out: &Output) -> serde_json::Value {
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(out));
    common::json(out)
}

/// Each part compressed as a gzip member of its own, concatenated (as Common Crawl writes).
fn gzip_members(parts: &[&[u8]]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for part in parts {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(part).expect("compressed");
        bytes.extend(enc.finish().expect("compressed"));
    }
    bytes
}

/// The seeds and text fixtures as JSON Lines records, one article per line.
fn corpus_lines() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for dir in ["embed", "card", "negative"] {
        paths.extend(
            std::fs::read_dir(root.join("fixtures").join(dir))
                .unwrap()
                .map(|e| e.unwrap().path()),
        );
    }
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let id = p.file_name().unwrap().to_str().unwrap();
            serde_json::json!({ "id": id, "text": text }).to_string()
        })
        .collect()
}

#[test]
fn sharded_extract_then_merge_equals_a_single_run() {
    let lines = corpus_lines();
    let all = lines.join("\n") + "\n";
    let dir = temp_dir("shards");
    let corpus = dir.join("all.jsonl");
    std::fs::write(&corpus, &all).unwrap();
    let single = run(&[corpus.to_str().unwrap()], b"");
    assert_eq!(
        single.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&single.stderr)
    );

    // Three uneven shards, each through the stateless map step.
    let mut shard_paths = Vec::new();
    for (i, chunk) in lines.chunks(lines.len() / 3 + 1).enumerate() {
        let mapped = run(&["extract"], (chunk.join("\n") + "\n").as_bytes());
        assert_eq!(mapped.status.code(), Some(0));
        let path = dir.join(format!("shard-{i}.jsonl"));
        std::fs::write(&path, &mapped.stdout).unwrap();
        shard_paths.push(path.to_str().unwrap().to_string());
    }
    let mut args = vec!["merge"];
    args.extend(shard_paths.iter().map(String::as_str));
    let merged = run(&args, b"");
    assert_eq!(
        merged.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&single.stdout)
    );
    let feed: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert!(feed["posts"].as_array().unwrap().len() > 20);
}

#[test]
fn extract_writes_each_record_with_grouping_keys() {
    let input = "{\"id\":\"a\",\"text\":\"Gates open https://t.co/x — River Report (@RiverReport) June 1, 2021\"}\n";
    let out = run(&["extract"], input.as_bytes());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["type"], "document");
    assert_eq!(lines[1]["type"], "post");
    assert_eq!(lines[1]["key"], lines[1]["id"]);
    assert_eq!(lines[1]["group"], "twitter:@riverreport");
}

#[test]
fn bad_records_are_reported_and_skipped() {
    let input = "{\"id\":\"a\",\"text\":\"x\"}\n{broken\n{\"id\":\"b\",\"text\":\"y\"}\n";
    let out = run(&["extract"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("-:2: expected a JSON object, but"),
        "{stderr}"
    );
    let docs = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("\"type\":\"document\""))
        .count();
    assert_eq!(docs, 2);
}

#[test]
fn gzip_and_jsonl_inputs_are_read_transparently() {
    let dir = temp_dir("gz");
    let text = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/realworld-next3/docs/365.txt"),
    )
    .unwrap();
    let gz = dir.join("article.txt.gz");
    // Two gzip members, as concatenated archives have: both must be read.
    let (first, second) = text.split_at(text.len() / 2);
    std::fs::write(&gz, gzip_members(&[first, second])).unwrap();
    let feed = ok_feed(&run(&[gz.to_str().unwrap()], b""));
    assert_eq!(feed["documents"][0]["bytes"], text.len());
    assert_eq!(feed["posts"][0]["author"]["handle"], "joaquimmonstrao");

    let out = run(
        &[
            "--stdin-jsonl",
            "--text-field",
            "body",
            "--id-field",
            "key",
            "-",
        ],
        b"{\"key\":\"k1\",\"body\":\"hi\",\"date\":\"2020-01-02T03:04:05Z\"}\n",
    );
    let feed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(feed["documents"][0]["name"], "k1");
    assert_eq!(feed["documents"][0]["date"], "2020-01-02");
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let one = run(&["--jobs", "1", "seeds", "fixtures/embed"], b"");
    let four = run(&["--jobs", "4", "seeds", "fixtures/embed"], b"");
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, four.stdout);
}

/// A `.warc.gz` as Common Crawl writes it: one gzip member per record. Every HTML response is
/// a document named by its target URI; requests, metadata and non-HTML responses are not.
#[test]
fn warc_gz_with_one_member_per_record() {
    fn record(kind: &str, uri: &str, content_type: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: 2019-12-31T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }
    let page = |n: u32| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<!doctype html><html><body><p>Story {n}.</p><blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Gates {n} are open</p>&mdash; River Report (@RiverReport) <a href=\"https://twitter.com/RiverReport/status/14000000000000000{n}\">June 1, 2021</a></blockquote></body></html>"
        )
    };
    let records = [
        record(
            "warcinfo",
            "info",
            "application/warc-fields",
            "software: test",
        ),
        record(
            "request",
            "https://news.example/1",
            "application/http; msgtype=request",
            "GET /1 HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "https://news.example/1",
            "application/http; msgtype=response",
            &page(1),
        ),
        record(
            "metadata",
            "https://news.example/1",
            "application/warc-fields",
            "fetchTimeMs: 12",
        ),
        record(
            "response",
            "https://news.example/2",
            "application/http; msgtype=response",
            &page(2),
        ),
    ];
    let parts: Vec<&[u8]> = records.iter().map(|r| r.as_bytes()).collect();
    let dir = temp_dir("warc");
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, gzip_members(&parts)).unwrap();
    let feed = ok_feed(&run(&[path.to_str().unwrap()], b""));
    let names: Vec<&str> = common::document_names(&feed);
    assert_eq!(names, ["https://news.example/1", "https://news.example/2"]);
    let ids: Vec<&str> = feed["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["twitter:140000000000000001", "twitter:140000000000000002"]
    );
}
