//! The owned output records of `docs/SCHEMA.md`: posts, quotes, appearances, documents.
//!
//! These are the wire contract: field names and meanings are fixed by the schema, and the types
//! serialize to exactly the documented shape.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The social network a post belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Platform {
    /// Twitter / X.
    Twitter,
    /// Bluesky.
    Bluesky,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// Mastodon and other ActivityPub servers.
    Mastodon,
    /// Threads.
    Threads,
    /// TikTok.
    TikTok,
    /// Telegram (posts of public channels and groups).
    Telegram,
    /// Reddit (posts, known by their base-36 id).
    Reddit,
    /// LinkedIn (posts, known by their activity or share URN number).
    LinkedIn,
}

impl Platform {
    /// The lowercase name used in ids and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Twitter => "twitter",
            Platform::Bluesky => "bluesky",
            Platform::Instagram => "instagram",
            Platform::Facebook => "facebook",
            Platform::Mastodon => "mastodon",
            Platform::Threads => "threads",
            Platform::TikTok => "tiktok",
            Platform::Telegram => "telegram",
            Platform::Reddit => "reddit",
            Platform::LinkedIn => "linkedin",
        }
    }
}

/// Who wrote a post, as the document shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// Display name as shown.
    pub name: Option<String>,
    /// Handle without the leading `@`.
    pub handle: Option<String>,
}

/// How a post appears in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppearanceKind {
    /// Blockquote text with a `— Name (@handle) Date` signature.
    Embed,
    /// A rendered card copied as text: name line, optional `Replying to @x`, text.
    Card,
    /// An embed found in HTML markup.
    Html,
    /// The post's words re-quoted in article prose.
    Quote,
    /// A bare status link alone on its line: the post's id and author, none of its text.
    Link,
}

/// One place where a post is shown or re-quoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Appearance {
    /// Document name, shared by the appearances of a document (a post sighted a hundred
    /// thousand times in one document holds its name once); serialized as a string.
    pub document: Arc<str>,
    /// The shape it appears in.
    pub kind: AppearanceKind,
    /// 1-based line where the fragment begins.
    pub line: usize,
    /// Byte offset where the fragment begins.
    pub start: usize,
    /// Byte offset where the fragment ends (exclusive).
    pub end: usize,
    /// How closely the fragment matches the post's text (1 except for quotes).
    pub similarity: f64,
}

/// One unique social post, after deduplication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// Stable id: `<platform>:<status id>` (`twitter:1211976404581683200`,
    /// `telegram:<channel>/<number>`) or `<platform>:<16 hex>` of the content key.
    pub id: String,
    /// The network.
    pub platform: Platform,
    /// Who wrote it.
    pub author: Author,
    /// `YYYY-MM-DD` as the embed shows it.
    pub date: Option<String>,
    /// The text as shown, links kept, signature removed, inner line breaks as `\n`.
    pub text: String,
    /// ISO 639-1 language of the text, null when unsure.
    pub lang: Option<String>,
    /// Hashtags without `#`, unique, in order.
    pub hashtags: Vec<String>,
    /// Mentions without `@`, unique, in order.
    pub mentions: Vec<String>,
    /// Links in the text, unique, in order.
    pub urls: Vec<String>,
    /// Media links (`pic.twitter.com/...`), unique, in order.
    pub media: Vec<String>,
    /// Handle this post replies to.
    pub reply_to: Option<String>,
    /// Id of the post shown quoted inside this one.
    pub quoted_post: Option<String>,
    /// Status id where the document carries the status link.
    pub status_id: Option<String>,
    /// Canonical status URL.
    pub status_url: Option<String>,
    /// Exact creation time (RFC 3339), from the status id where it encodes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Other texts shown for the same status id (e.g. an auto-translated copy of the page).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
    /// Every place this post is shown or re-quoted, in input order.
    pub appearances: Vec<Appearance>,
}

impl Post {
    /// Gives back the spare capacity of its strings and lists: a post held for deduplication
    /// across a whole corpus should cost its content, not the growth slack of its vectors
    /// (a one-element `Vec` holds room for four).
    pub fn shrink_to_fit(&mut self) {
        fn shrink(s: &mut Option<String>) {
            if let Some(s) = s {
                s.shrink_to_fit();
            }
        }
        self.id.shrink_to_fit();
        self.text.shrink_to_fit();
        for list in [
            &mut self.hashtags,
            &mut self.mentions,
            &mut self.urls,
            &mut self.media,
        ] {
            list.iter_mut().for_each(String::shrink_to_fit);
            list.shrink_to_fit();
        }
        for s in [
            &mut self.author.name,
            &mut self.author.handle,
            &mut self.date,
            &mut self.lang,
            &mut self.reply_to,
            &mut self.quoted_post,
            &mut self.status_id,
            &mut self.status_url,
            &mut self.created_at,
        ] {
            shrink(s);
        }
        self.appearances.shrink_to_fit();
        self.versions.shrink_to_fit();
    }
}

/// Another text shown for the same post, such as a translated copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// Language of this text.
    pub lang: Option<String>,
    /// The text as shown.
    pub text: String,
    /// Documents that show this text.
    pub documents: Vec<String>,
}

/// One direct quotation in article prose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable id.
    pub id: String,
    /// Document name, shared by the quotes of a document (as [`Appearance::document`]);
    /// serialized as a string.
    pub document: Arc<str>,
    /// 1-based line of the quoted words.
    pub line: usize,
    /// Byte offset of the quoted words (inside the marks).
    pub start: usize,
    /// Byte offset where the quoted words end (exclusive).
    pub end: usize,
    /// The quoted words without the marks (in HTML pages: decoded text, entities and tags
    /// resolved, while `start`/`end` point into the source).
    pub text: String,
    /// Who is quoted: the fullest name the article gives them (a pronoun, surname, title or
    /// cue-less quote resolved to the nearest earlier name that fits), or the words printed
    /// when they name nobody in particular (`a user`).
    pub speaker: Option<String>,
    /// The words printed at the cue for the speaker (`he`, `Altmaier`, `the president`);
    /// `None` when the text names nobody at the quote.
    #[serde(default)]
    pub speaker_mention: Option<String>,
    /// The attribution cue (`said`, `tweeted`, ...).
    pub cue: Option<String>,
    /// Id of the post these words re-quote.
    pub post: Option<String>,
}

/// A scanned document as listed in the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The path as given, or the record id.
    pub name: String,
    /// The document's own date where it states it.
    pub date: Option<String>,
    /// Size in bytes.
    pub bytes: usize,
}

/// Name and version of the program that wrote a feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generator {
    /// Crate name.
    pub name: String,
    /// Crate version.
    pub version: String,
}

impl Default for Generator {
    fn default() -> Self {
        Generator {
            name: env!("CARGO_PKG_NAME").into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// The whole result: the default `--format json` output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Feed {
    /// Who wrote it.
    pub generator: Generator,
    /// Every document scanned, in input order.
    pub documents: Vec<DocumentInfo>,
    /// Unique posts in order of first appearance.
    pub posts: Vec<Post>,
    /// Quotations in document order.
    pub quotes: Vec<Quote>,
}
