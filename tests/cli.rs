//! The `embedscan` binary end to end: inputs, errors and exit codes, output formats.

use crate::common;

use common::{embedscan, json, temp_dir, EMBED};

#[test]
fn seeds_directory_scans_in_sorted_order() {
    let out = embedscan(&["seeds"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let feed = json(&out);
    let names: Vec<&str> = common::document_names(&feed);
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.len(), 5);
    assert_eq!(feed["documents"][0]["date"], "2019-12-31");
    // The same post embedded in two seeds is one record with both appearances.
    let trump: Vec<_> = feed["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["author"]["handle"] == "realDonaldTrump")
        .collect();
    assert_eq!(trump.len(), 1);
    let embeds = trump[0]["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "embed")
        .count();
    assert_eq!(embeds, 2);
}

#[test]
fn missing_path_is_an_error_but_others_go_on() {
    let out = embedscan(
        &["no/such/file.txt", "seeds/002_4ec155f8137147e7.txt"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "an error, the feed still written"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no/such/file.txt: no such file or directory"),
        "{stderr}"
    );
    assert_eq!(json(&out)["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn directory_without_documents() {
    let dir = temp_dir("empty-dir");
    std::fs::write(dir.join("notes.md"), "not a document").unwrap();
    let out = embedscan(&[dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("but found none in this directory"),
        "{stderr}"
    );
    assert!(stderr.contains("no documents to scan"), "{stderr}");
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = temp_dir("utf8");
    let mut bytes = b"Bad byte here: \xff\n\n".to_vec();
    bytes.extend_from_slice(EMBED.as_bytes());
    let path = dir.join("bad.txt");
    std::fs::write(&path, bytes).unwrap();
    let out = embedscan(&[path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt: invalid UTF-8 at byte 15"),
        "{stderr}"
    );
    assert_eq!(json(&out)["posts"].as_array().unwrap().len(), 1);
}

#[test]
fn empty_input_warns() {
    let out = embedscan(&["-"], Some(b""));
    assert_eq!(out.status.code(), Some(1), "no post found");
    assert!(String::from_utf8_lossy(&out.stderr).contains("-: empty document"));
    assert!(json(&out)["posts"].as_array().unwrap().is_empty());
}

#[test]
fn stdin_and_output_file() {
    let dir = temp_dir("out");
    let path = dir.join("feed.json");
    let out = embedscan(&["-", "-o", path.to_str().unwrap()], Some(EMBED.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let feed: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(feed["documents"][0]["name"], "-");
    assert_eq!(feed["posts"][0]["author"]["handle"], "RiverReport");
}

#[test]
fn usage_error_exits_2() {
    assert_eq!(embedscan(&[], None).status.code(), Some(2));
    assert_eq!(
        embedscan(&["--format", "xml", "seeds"], None).status.code(),
        Some(2)
    );
}

#[test]
fn jsonl_has_typed_lines() {
    let out = embedscan(&["--format", "jsonl", "seeds"], None);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.iter().filter(|l| l["type"] == "document").count(), 5);
    assert!(lines
        .iter()
        .any(|l| l["type"] == "post" && l["id"].as_str().unwrap().starts_with("twitter:")));
}

/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the required top-level fields and item
/// fields, with their types, and the optional ones we write with theirs.
#[test]
fn jsonfeed_follows_the_spec() {
    let out = embedscan(&["--format", "jsonfeed", "seeds"], None);
    assert_eq!(out.status.code(), Some(0));
    let feed = json(&out);
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(feed["title"].is_string());
    let items = feed["items"].as_array().expect("items is an array");
    assert!(!items.is_empty());
    let mut ids = std::collections::HashSet::new();
    for item in items {
        let id = item["id"].as_str().expect("id is a string");
        assert!(ids.insert(id.to_string()), "ids are unique");
        assert!(item["content_text"].is_string() || item["content_html"].is_string());
        assert_eq!(item["_post"]["about"], embedscan::output::SCHEMA_URL);
        if let Some(date) = item.get("date_published") {
            let d = date.as_str().expect("date_published is a string");
            assert!(d.len() == 20 && d.ends_with("T00:00:00Z"), "RFC 3339: {d}");
        }
        for author in item["authors"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            assert!(author["name"].is_string());
            if let Some(url) = author.get("url") {
                assert!(url.as_str().unwrap().starts_with("https://"));
            }
        }
        if let Some(tags) = item.get("tags") {
            assert!(tags.as_array().unwrap().iter().all(|t| t.is_string()));
        }
        assert_eq!(item["_post"]["id"], item["id"]);
        // Extension keys must start with an underscore; everything else is a spec field.
        for key in item.as_object().unwrap().keys() {
            let known = [
                "id",
                "url",
                "content_text",
                "date_published",
                "authors",
                "tags",
                "language",
            ];
            assert!(
                key.starts_with('_') || known.contains(&key.as_str()),
                "{key}"
            );
        }
    }
}

/// The seeds as text and as HTML pages together give the same 21 posts as the text alone, now
/// keyed by status id, each with its text and HTML sightings merged.
#[test]
fn text_and_html_seeds_merge_into_id_keyed_posts() {
    let text_only = json(&embedscan(&["seeds"], None));
    let both = json(&embedscan(&["seeds", "fixtures/html/seeds"], None));
    let posts = both["posts"].as_array().unwrap();
    assert_eq!(posts.len(), text_only["posts"].as_array().unwrap().len());
    for post in posts {
        let id = post["id"].as_str().unwrap();
        assert_eq!(
            id,
            format!("twitter:{}", post["status_id"].as_str().unwrap())
        );
        let kinds: Vec<&str> = post["appearances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"html"), "{id}: {kinds:?}");
        assert!(
            kinds.contains(&"embed") || kinds.contains(&"card"),
            "{id}: {kinds:?}"
        );
    }
    let texts = |feed: &serde_json::Value| {
        let mut t: Vec<String> = feed["posts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap().to_string())
            .collect();
        t.sort();
        t
    };
    assert_eq!(texts(&both), texts(&text_only));
}
