//! Writers for the three output formats: JSON, JSON Lines and JSON Feed 1.1.
//!
//! All three are deterministic: the feed's order is fixed upstream (documents in input order,
//! posts by first appearance, quotes by position), and no map iteration order leaks out.

mod compact;
pub mod shard;

pub use compact::Compact;

use crate::model::{DocumentInfo, Feed, Generator, Platform, Post, Quote};
use crate::reduce::store::PostStore;
use serde::Serialize;
use serde_json::{json, Value};
use std::borrow::Cow;
use std::io::{self, Write};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object (`docs/SCHEMA.md`), pretty-printed.
    #[default]
    Json,
    /// One object per line, each with a `type` of `document`, `post` or `quote`.
    Jsonl,
    /// A JSON Feed 1.1 document whose items are the posts.
    JsonFeed,
}

/// Writes `feed` to `out` in `format`.
pub fn write(feed: &Feed, format: Format, out: &mut dyn Write) -> io::Result<()> {
    write_parts(FeedParts::of(feed), format, out)
}

/// The posts of a feed as the writers read them, one at a time: a slice of posts, or a packed
/// [`PostStore`] (unpacked post by post, so a corpus's feed is written without holding every
/// post unpacked at once).
pub(crate) trait Posts: Sync {
    /// How many posts there are.
    fn count(&self) -> usize;
    /// Post `i`; `None` past the end (or, for a packed post, if it cannot be unpacked).
    fn post(&self, i: usize) -> Option<Cow<'_, Post>>;
    /// Whether post `i` is too large to be rendered in memory beside the others (a post
    /// sighted a hundred thousand times): the writer then writes it as it serializes it.
    fn large(&self, _i: usize) -> bool {
        false
    }
}

impl Posts for Vec<Post> {
    fn count(&self) -> usize {
        self.len()
    }

    fn post(&self, i: usize) -> Option<Cow<'_, Post>> {
        self.get(i).map(Cow::Borrowed)
    }
}

impl Posts for PostStore {
    fn count(&self) -> usize {
        self.len()
    }

    fn post(&self, i: usize) -> Option<Cow<'_, Post>> {
        self.get(i).map(Cow::Owned)
    }

    fn large(&self, i: usize) -> bool {
        self.packed_len(i).is_some_and(|n| n > LARGE_PACKED)
    }
}

/// Packed size past which a post is written as it is serialized rather than rendered on the
/// pool first ([`Posts::large`]): about 40,000 appearances, whose rendered text (~190 bytes
/// each) would otherwise be held whole, beside the unpacked post.
const LARGE_PACKED: usize = 1 << 20;

/// What the writers write: the parts of a [`Feed`], its posts as any [`Posts`].
#[derive(Clone, Copy)]
pub(crate) struct FeedParts<'a> {
    /// Who wrote it.
    pub(crate) generator: &'a Generator,
    /// Every document scanned, in input order.
    pub(crate) documents: &'a [DocumentInfo],
    /// Unique posts in order of first appearance.
    pub(crate) posts: &'a dyn Posts,
    /// Quotations in document order.
    pub(crate) quotes: &'a [Quote],
}

impl std::fmt::Debug for FeedParts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeedParts")
            .field("documents", &self.documents.len())
            .field("posts", &self.posts.count())
            .field("quotes", &self.quotes.len())
            .finish()
    }
}

impl<'a> FeedParts<'a> {
    /// The parts of `feed`.
    pub(crate) fn of(feed: &'a Feed) -> FeedParts<'a> {
        FeedParts {
            generator: &feed.generator,
            documents: &feed.documents,
            posts: &feed.posts,
            quotes: &feed.quotes,
        }
    }

    /// Post `i`, or an error naming it when a packed post cannot be unpacked.
    fn post(&self, i: usize) -> io::Result<Cow<'a, Post>> {
        self.posts.post(i).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("post {i} of {} could not be unpacked", self.posts.count()),
            )
        })
    }
}

/// Writes a feed given by its parts to `out` in `format`.
pub(crate) fn write_parts(
    feed: FeedParts<'_>,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
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
/// records rendered on all cores: each record is pretty-printed alone at its depth
/// ([`pretty_at`]).
fn write_json(feed: FeedParts<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\n  \"generator\": ")?;
    out.write_all(&pretty_at(feed.generator, 1, false)?)?;
    write_rendered_array(out, "documents", feed.documents.len(), |i| {
        pretty_at(&feed.documents.get(i), 2, true).map(Rendered::Text)
    })?;
    write_rendered_array(out, "posts", feed.posts.count(), |i| {
        if feed.posts.large(i) {
            return feed.post(i).map(|post| Rendered::Large(Box::new(post)));
        }
        pretty_at(&*feed.post(i)?, 2, true).map(Rendered::Text)
    })?;
    write_rendered_array(out, "quotes", feed.quotes.len(), |i| {
        pretty_at(&feed.quotes.get(i), 2, true).map(Rendered::Text)
    })?;
    out.write_all(b"\n}\n")
}

/// A record of [`write_rendered_array`]: its text, or a post too large to hold rendered,
/// which the writer's thread writes as it serializes it.
enum Rendered<'a> {
    Text(Vec<u8>),
    Large(Box<Cow<'a, Post>>),
}

/// `,\n  "name": [...]` as serde_json's pretty printer writes a field of the top object, the
/// `count` items rendered by `render` (by index, pretty JSON at the array's depth) on all
/// cores, a window at a time.
fn write_rendered_array<'r>(
    out: &mut dyn Write,
    name: &str,
    count: usize,
    render: impl Fn(usize) -> io::Result<Rendered<'r>> + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    write!(out, ",\n  \"{name}\": [")?;
    if count == 0 {
        return out.write_all(b"]");
    }
    let window = |start: usize| -> io::Result<Vec<Rendered<'r>>> {
        (start..(start + RENDER_WINDOW).min(count))
            .into_par_iter()
            .map(&render)
            .collect()
    };
    // Each window is rendered on the pool while the one before it is written here.
    let mut rendered = window(0)?;
    for start in (0..count).step_by(RENDER_WINDOW) {
        let next_start = start + RENDER_WINDOW;
        let mut next = None;
        let written = rayon::in_place_scope(|scope| {
            if next_start < count {
                scope.spawn(|_| next = Some(window(next_start)));
            }
            rendered.drain(..).enumerate().try_for_each(|(k, record)| {
                out.write_all(if start == 0 && k == 0 { b"\n" } else { b",\n" })?;
                match record {
                    Rendered::Text(text) => out.write_all(&text),
                    Rendered::Large(post) => {
                        let mut out = io::BufWriter::new(&mut *out);
                        pretty_to(&mut out, &**post, 2, true)?;
                        out.flush()
                    }
                }
            })
        });
        written?;
        match next {
            Some(next) => rendered = next?,
            None => break,
        }
    }
    out.write_all(b"\n  ]")
}

/// `value` as serde_json's pretty printer writes it `depth` levels deep in a document: its
/// inner lines indented by `depth` more levels (and its first line too when `first`) — the
/// bytes `to_vec_pretty` gives for the whole document, written record by record.
fn pretty_at<T: Serialize + ?Sized>(value: &T, depth: usize, first: bool) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(1024);
    pretty_to(&mut out, value, depth, first)?;
    Ok(out)
}

/// [`pretty_at`], written to `out`.
fn pretty_to<T: Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    depth: usize,
    first: bool,
) -> io::Result<()> {
    if first {
        (0..depth).try_for_each(|_| out.write_all(INDENT))?;
    }
    let formatter = Nested {
        depth,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
    Ok(())
}

/// One level of indentation, as serde_json's pretty printer writes it.
const INDENT: &[u8] = b"  ";

/// serde_json's `PrettyFormatter` (same output, byte for byte) started at a depth.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    /// A line break and the indentation of the current depth.
    fn line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\n")?;
        (0..self.depth).try_for_each(|_| writer.write_all(INDENT))
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(mark)
    }

    /// `]` or `}`, on a line of its own when something came before it.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.line(writer)?;
        }
        writer.write_all(mark)
    }

    /// An array value or an object key: after a comma unless first, on a line of its own.
    fn entry<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.line(writer)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
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
pub(crate) fn jsonl_line<T: Serialize>(
    kind: &'static str,
    record: &T,
) -> serde_json::Result<String> {
    serde_json::to_string(&Tagged { kind, record })
}

fn write_jsonl(feed: FeedParts<'_>, out: &mut dyn Write) -> io::Result<()> {
    for d in feed.documents {
        writeln!(out, "{}", jsonl_line("document", d)?)?;
    }
    for i in 0..feed.posts.count() {
        writeln!(out, "{}", jsonl_line("post", &*feed.post(i)?)?)?;
    }
    for q in feed.quotes {
        writeln!(out, "{}", jsonl_line("quote", q)?)?;
    }
    Ok(())
}

/// The title of every JSON Feed this crate writes.
const FEED_TITLE: &str = "Posts embedded in the scanned documents";

/// The description of a JSON Feed: what it holds and who made it.
fn feed_description(feed: FeedParts<'_>) -> String {
    format!(
        "{} posts found in {} documents by {} {}",
        feed.posts.count(),
        feed.documents.len(),
        feed.generator.name,
        feed.generator.version
    )
}

/// The `version` of every JSON Feed this crate writes.
const FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// Where the `_post` extension of JSON Feed items is described (its `about` key, as the JSON
/// Feed spec recommends for extensions): the schema doc of this version.
pub const SCHEMA_URL: &str = concat!(
    "https://docs.rs/embedscan/",
    env!("CARGO_PKG_VERSION"),
    "/embedscan/_documentation/schema/index.html"
);

/// The feed as a JSON Feed 1.1 document (<https://jsonfeed.org/version/1.1>), built whole: the
/// oracle of [`write_json_feed`]. Its keys in the spec's order, `version` first.
#[cfg(test)]
fn json_feed(feed: &Feed) -> impl Serialize {
    #[derive(Serialize)]
    struct JsonFeed {
        version: &'static str,
        title: &'static str,
        description: String,
        items: Vec<Value>,
    }
    JsonFeed {
        version: FEED_VERSION,
        title: FEED_TITLE,
        description: feed_description(FeedParts::of(feed)),
        items: feed.posts.iter().map(feed_item).collect(),
    }
}

/// [`json_feed`] written as pretty JSON without building it whole: `version`, `title`,
/// `description`, then the items rendered on all cores a window at a time — the same bytes, in
/// memory bounded by a window rather than by the feed.
fn write_json_feed(feed: FeedParts<'_>, out: &mut dyn Write) -> io::Result<()> {
    let string = |s: &str| serde_json::to_string(s);
    write!(out, "{{\n  \"version\": {}", string(FEED_VERSION)?)?;
    write!(out, ",\n  \"title\": {}", string(FEED_TITLE)?)?;
    write!(
        out,
        ",\n  \"description\": {}",
        string(&feed_description(feed))?
    )?;
    write_rendered_array(out, "items", feed.posts.count(), |i| {
        pretty_at(&feed_item(&*feed.post(i)?), 2, true).map(Rendered::Text)
    })?;
    out.write_all(b"\n}\n")
}

fn feed_item(post: &Post) -> Value {
    // An id-only post (a bare status link) shows its link, not an empty text.
    let content = match &post.status_url {
        Some(url) if post.text.is_empty() => url.as_str(),
        _ => post.text.as_str(),
    };
    let mut item = json!({ "id": post.id, "content_text": content });
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
    let mut extension = serde_json::to_value(post).unwrap_or(Value::Null);
    if let Some(fields) = extension.as_object_mut() {
        fields.insert("about".into(), SCHEMA_URL.into());
    }
    obj.insert("_post".into(), extension);
    item
}

/// The profile page of a handle on its network.
pub(crate) fn profile_url(platform: Platform, handle: &str) -> Option<String> {
    match platform {
        Platform::Twitter => Some(format!("https://twitter.com/{handle}")),
        Platform::Bluesky => Some(format!("https://bsky.app/profile/{handle}")),
        Platform::Instagram => Some(format!("https://www.instagram.com/{handle}/")),
        Platform::Threads => Some(format!("https://www.threads.net/@{handle}")),
        Platform::TikTok => Some(format!("https://www.tiktok.com/@{handle}")),
        Platform::Telegram => Some(format!("https://t.me/{handle}")),
        Platform::Reddit => Some(format!("https://www.reddit.com/user/{handle}/")),
        Platform::Facebook | Platform::Mastodon | Platform::LinkedIn => None,
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
    fn telegram_profile_url() {
        assert_eq!(
            profile_url(Platform::Telegram, "svitlo_vorskla").as_deref(),
            Some("https://t.me/svitlo_vorskla")
        );
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
            speaker_mention: None,
            cue: Some("said".into()),
            post: None,
        }];
        assert_eq!(ours(&feed), pretty(&feed));
    }
}
