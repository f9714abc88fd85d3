//! Map-reduce shards: the JSON Lines that `embedscan extract` writes and `embedscan merge` reads.
//!
//! ```text
//! {"type":"document","name":"a-17","date":"2021-06-01","bytes":3181}
//! {"type":"post","key":"twitter:67feae126fd8f0fb","group":"twitter:@riverreport","id":"twitter:67feae126fd8f0fb",...}
//! {"type":"quote","document":"a-17",...}
//! ```
//!
//! Each document line is followed by its own posts and quotes, so a shard is self-contained and
//! the map step is stateless. Every post carries two grouping keys for engines that group before
//! reducing: `key`, its id (equal ids are the same post), and `group`, its platform and author
//! (near-duplicates — a truncated copy, a dropped link — only ever merge within one group).
//! `merge` folds shards back into [`Extraction`]s and [`crate::assemble`] does the rest, so the
//! merged feed equals the feed of a single run over the same documents in the same order.

use crate::error::Error;
use crate::model::{DocumentInfo, Post, Quote};
use crate::output::jsonl_line;
use crate::Extraction;
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, Write};
use std::path::Path;

/// A post line of a shard: the post with its grouping keys.
#[derive(Serialize)]
struct KeyedPost<'a> {
    key: &'a str,
    group: String,
    #[serde(flatten)]
    post: &'a Post,
}

/// The author group of a post: platform and handle (else folded name).
pub(crate) fn group_key(post: &Post) -> String {
    let author = match (&post.author.handle, &post.author.name) {
        (Some(h), _) => format!("@{}", h.to_lowercase()),
        (None, Some(n)) => crate::detect::fold(n),
        (None, None) => String::new(),
    };
    format!("{}:{author}", post.platform.as_str())
}

/// Writes one document's extraction as shard lines.
pub fn write(extraction: &Extraction, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", jsonl_line("document", &extraction.document)?)?;
    for post in &extraction.posts {
        let keyed = KeyedPost {
            key: &post.id,
            group: group_key(post),
            post,
        };
        writeln!(out, "{}", jsonl_line("post", &keyed)?)?;
    }
    for quote in &extraction.quotes {
        writeln!(out, "{}", jsonl_line("quote", quote)?)?;
    }
    Ok(())
}

/// Reads shard lines back into extractions, in order. Bad lines are reported and skipped.
pub fn read(
    reader: impl BufRead,
    origin: &Path,
    report: &mut dyn FnMut(Error),
    into: &mut Vec<Extraction>,
) {
    for (i, line) in reader.lines().enumerate() {
        let bad = |reason: String| Error::BadRecord {
            path: origin.to_path_buf(),
            line: i + 1,
            reason,
        };
        let line = match line {
            Ok(l) if l.trim().is_empty() => continue,
            Ok(l) => l,
            Err(source) => {
                return report(Error::Io {
                    path: origin.to_path_buf(),
                    source,
                })
            }
        };
        let value: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                report(bad(format!("expected a JSON object, but {e}")));
                continue;
            }
        };
        let kind = value
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let result = match kind.as_str() {
            "document" => serde_json::from_value::<DocumentInfo>(value).map(|document| {
                into.push(Extraction {
                    document,
                    posts: Vec::new(),
                    quotes: Vec::new(),
                });
            }),
            "post" => serde_json::from_value::<Post>(value).map(|p| current(into).posts.push(p)),
            "quote" => serde_json::from_value::<Quote>(value).map(|q| current(into).quotes.push(q)),
            other => {
                report(bad(format!(
                    "expected a `type` of document, post or quote, but found `{other}`"
                )));
                continue;
            }
        };
        if let Err(e) = result {
            report(bad(format!("expected a {kind} record, but {e}")));
        }
    }
}

/// The extraction that records without a document line of their own go to.
fn current(into: &mut Vec<Extraction>) -> &mut Extraction {
    if into.is_empty() {
        let document = DocumentInfo {
            name: String::new(),
            date: None,
            bytes: 0,
        };
        into.push(Extraction {
            document,
            posts: Vec::new(),
            quotes: Vec::new(),
        });
    }
    let last = into.len() - 1;
    &mut into[last]
}
