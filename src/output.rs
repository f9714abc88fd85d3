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
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, feed)?;
            out.write_all(b"\n")
        }
        Format::Jsonl => write_jsonl(feed, out),
        Format::JsonFeed => {
            serde_json::to_writer_pretty(&mut *out, &json_feed(feed))?;
            out.write_all(b"\n")
        }
    }
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

/// The feed as a JSON Feed 1.1 document (<https://jsonfeed.org/version/1.1>).
pub fn json_feed(feed: &Feed) -> Value {
    let items: Vec<Value> = feed.posts.iter().map(feed_item).collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Posts embedded in the scanned documents",
        "description": format!(
            "{} posts found in {} documents by {} {}",
            feed.posts.len(), feed.documents.len(), feed.generator.name, feed.generator.version
        ),
        "items": items,
    })
}

fn feed_item(post: &Post) -> Value {
    let mut item = json!({ "id": post.id, "content_text": post.text });
    let obj = item.as_object_mut().expect("an object");
    if let Some(url) = &post.status_url {
        obj.insert("url".into(), url.clone().into());
    }
    if let Some(date) = &post.date {
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
        Platform::Facebook | Platform::Mastodon => None,
    }
}
