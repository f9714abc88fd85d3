//! Writers for the three output formats: JSON, JSON Lines and JSON Feed 1.1.
//!
//! All three are deterministic: the feed's order is fixed upstream (documents in input order,
//! posts by first appearance, quotes by position), and no map iteration order leaks out.

use crate::model::{Feed, Platform, Post};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, Write};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object (`spec/SCHEMA.md`), pretty-printed.
    #[default]
    Json,
    /// One object per line, each with a `type` of `document`, `post` or `quote`.
    Jsonl,
    /// A JSON Feed 1.1 document whose items are the posts.
    JsonFeed,
}

/// Writes `feed` to `out` in `format`.
pub fn write(feed: &Feed, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => write_json(feed, out),
        Format::Jsonl => write_jsonl(feed, out),
        Format::JsonFeed => write_json_feed(feed, out),
    }
}

/// Records rendered per parallel step of [`write_json`]: enough to keep every core busy, few
/// enough that the rendered text of one step stays small.
const RENDER_WINDOW: usize = 4096;

/// The feed as pretty JSON — the bytes of `serde_json::to_writer_pretty(feed)` — with the
/// records rendered on all cores: each record is pretty-printed alone and indented to its depth
/// (JSON strings hold no raw line breaks, so indenting lines is exact).
fn write_json(feed: &Feed, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\n  \"generator\": ")?;
    out.write_all(&indented(
        &serde_json::to_vec_pretty(&feed.generator)?,
        "  ",
        false,
    ))?;
    write_json_array(out, "documents", &feed.documents)?;
    write_json_array(out, "posts", &feed.posts)?;
    write_json_array(out, "quotes", &feed.quotes)?;
    out.write_all(b"\n}\n")
}

/// `,\n  "name": [...]` as serde_json's pretty printer writes a field of the top object.
fn write_json_array<T: Serialize + Sync>(
    out: &mut dyn Write,
    name: &str,
    items: &[T],
) -> io::Result<()> {
    write_rendered_array(out, name, items, |item| serde_json::to_vec_pretty(item))
}

/// `,\n  "name": [...]`, each item rendered by `render` (pretty JSON at depth 0) on all cores,
/// a window at a time, and indented to depth 2.
fn write_rendered_array<T: Sync>(
    out: &mut dyn Write,
    name: &str,
    items: &[T],
    render: impl Fn(&T) -> serde_json::Result<Vec<u8>> + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    write!(out, ",\n  \"{name}\": [")?;
    if items.is_empty() {
        return out.write_all(b"]");
    }
    for (w, window) in items.chunks(RENDER_WINDOW).enumerate() {
        let rendered: Vec<Vec<u8>> = window
            .par_iter()
            .map(|item| render(item).map(|v| indented(&v, "    ", true)))
            .collect::<serde_json::Result<_>>()?;
        for (k, text) in rendered.iter().enumerate() {
            out.write_all(if w == 0 && k == 0 { b"\n" } else { b",\n" })?;
            out.write_all(text)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// `text` with `indent` before every line (before the first one too when `first`).
fn indented(text: &[u8], indent: &str, first: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    if first {
        out.extend_from_slice(indent.as_bytes());
    }
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent.as_bytes());
        }
        out.extend_from_slice(line);
    }
    out
}

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    record: &'a T,
}

/// One JSON Lines record: `{"type": kind, ...record}`.
pub fn jsonl_line<T: Serialize>(kind: &'static str, record: &T) -> serde_json::Result<String> {
    serde_json::to_string(&Tagged { kind, record })
}

fn write_jsonl(feed: &Feed, out: &mut dyn Write) -> io::Result<()> {
    for d in &feed.documents {
        writeln!(out, "{}", jsonl_line("document", d)?)?;
    }
    for p in &feed.posts {
        writeln!(out, "{}", jsonl_line("post", p)?)?;
    }
    for q in &feed.quotes {
        writeln!(out, "{}", jsonl_line("quote", q)?)?;
    }
    Ok(())
}

/// The title of every JSON Feed this crate writes.
const FEED_TITLE: &str = "Posts embedded in the scanned documents";

/// The description of a JSON Feed: what it holds and who made it.
fn feed_description(feed: &Feed) -> String {
    format!(
        "{} posts found in {} documents by {} {}",
        feed.posts.len(),
        feed.documents.len(),
        feed.generator.name,
        feed.generator.version
    )
}

/// The feed as a JSON Feed 1.1 document (<https://jsonfeed.org/version/1.1>).
pub fn json_feed(feed: &Feed) -> Value {
    let items: Vec<Value> = feed.posts.iter().map(feed_item).collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": FEED_TITLE,
        "description": feed_description(feed),
        "items": items,
    })
}

/// [`json_feed`] written as pretty JSON without building it whole: its keys in the order
/// serde_json writes an object (sorted), the items rendered on all cores a window at a time —
/// the same bytes, in memory bounded by a window rather than by the feed.
fn write_json_feed(feed: &Feed, out: &mut dyn Write) -> io::Result<()> {
    let string = |s: &str| serde_json::to_string(s);
    write!(
        out,
        "{{\n  \"description\": {}",
        string(&feed_description(feed))?
    )?;
    write_rendered_array(out, "items", &feed.posts, |post| {
        serde_json::to_vec_pretty(&feed_item(post))
    })?;
    write!(out, ",\n  \"title\": {}", string(FEED_TITLE)?)?;
    write!(
        out,
        ",\n  \"version\": {}\n}}\n",
        string("https://jsonfeed.org/version/1.1")?
    )
}

fn feed_item(post: &Post) -> Value {
    let mut item = json!({ "id": post.id, "content_text": post.text });
    let obj = item.as_object_mut().expect("an object");
    if let Some(url) = &post.status_url {
        obj.insert("url".into(), url.clone().into());
    }
    if let Some(exact) = &post.created_at {
        // The status id's own creation time, to the millisecond.
        obj.insert("date_published".into(), exact.clone().into());
    } else if let Some(date) = &post.date {
        // The embed shows a day, not a time: midnight UTC of that day.
        obj.insert("date_published".into(), format!("{date}T00:00:00Z").into());
    }
    let name = post
        .author
        .name
        .clone()
        .or_else(|| post.author.handle.as_ref().map(|h| format!("@{h}")));
    if let Some(name) = name {
        let mut author = json!({ "name": name });
        if let Some(url) = post
            .author
            .handle
            .as_deref()
            .and_then(|h| profile_url(post.platform, h))
        {
            author["url"] = url.into();
        }
        obj.insert("authors".into(), json!([author]));
    }
    if !post.hashtags.is_empty() {
        obj.insert("tags".into(), json!(post.hashtags));
    }
    if let Some(lang) = &post.lang {
        obj.insert("language".into(), lang.clone().into());
    }
    obj.insert(
        "_post".into(),
        serde_json::to_value(post).unwrap_or(Value::Null),
    );
    item
}

/// The profile page of a handle on its network.
pub fn profile_url(platform: Platform, handle: &str) -> Option<String> {
    match platform {
        Platform::Twitter => Some(format!("https://twitter.com/{handle}")),
        Platform::Bluesky => Some(format!("https://bsky.app/profile/{handle}")),
        Platform::Instagram => Some(format!("https://www.instagram.com/{handle}/")),
        Platform::Threads => Some(format!("https://www.threads.net/@{handle}")),
        Platform::TikTok => Some(format!("https://www.tiktok.com/@{handle}")),
        Platform::Telegram => Some(format!("https://t.me/{handle}")),
        Platform::Facebook | Platform::Mastodon => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentInfo, Quote};

    fn pretty(feed: &Feed) -> String {
        let mut want = serde_json::to_vec_pretty(feed).expect("serializes");
        want.push(b'\n');
        String::from_utf8(want).expect("utf-8")
    }

    fn ours(feed: &Feed) -> String {
        let mut got = Vec::new();
        write(feed, Format::Json, &mut got).expect("writes");
        String::from_utf8(got).expect("utf-8")
    }

    #[test]
    fn json_feed_is_the_pretty_value_byte_for_byte() {
        let mut feed = Feed::default();
        let render = |feed: &Feed| {
            let mut got = Vec::new();
            write(feed, Format::JsonFeed, &mut got).expect("writes");
            let mut want = serde_json::to_vec_pretty(&json_feed(feed)).expect("serializes");
            want.push(b'\n');
            (String::from_utf8(got), String::from_utf8(want))
        };
        let (got, want) = render(&feed);
        assert_eq!(got.ok(), want.ok(), "no posts");
        let doc = crate::Document::new(
            "a.txt",
            "Gates “open” now: https://t.co/Zz11Yy22Xx #Flood @Desk — River Report (@RiverReport) June 1, 2021\n",
        );
        let post = crate::extract(&doc).posts.remove(0);
        feed.posts = vec![post; RENDER_WINDOW + 2];
        let (got, want) = render(&feed);
        assert_eq!(got.ok(), want.ok());
    }

    #[test]
    fn json_is_serde_json_pretty_byte_for_byte() {
        let mut feed = Feed::default();
        assert_eq!(ours(&feed), pretty(&feed), "empty lists");
        let doc = |i: usize| DocumentInfo {
            name: format!("doc \"{i}\"\nline"),
            date: (i % 2 == 0).then(|| "2021-06-01".into()),
            bytes: i,
        };
        // More than one render window, and nested values.
        feed.documents = (0..RENDER_WINDOW + 3).map(doc).collect();
        let extraction = crate::extract(&crate::Document::new(
            "a.txt",
            "Gates “open” now: https://t.co/Zz11Yy22Xx #Flood @Desk — River Report (@RiverReport) June 1, 2021\n",
        ));
        feed.posts = extraction.posts;
        assert!(!feed.posts.is_empty());
        feed.quotes = vec![Quote {
            id: "q1".into(),
            document: "a.txt".into(),
            line: 1,
            start: 0,
            end: 5,
            text: "tab\there".into(),
            speaker: None,
            cue: Some("said".into()),
            post: None,
        }];
        assert_eq!(ours(&feed), pretty(&feed));
    }
}
