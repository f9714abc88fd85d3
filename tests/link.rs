//! Linking quotations to the posts they re-quote: verbatim, paraphrase, look-alikes, across
//! documents, and the rules one by one.

use crate::quotes::{expect, feed_of, q};
use embedscan::_internal::{link, quote};
use embedscan::model::{Appearance, AppearanceKind, Author, Platform, Post, Quote};
use embedscan::{assemble, extract, Document};

#[test]
fn verbatim_prefix_with_tweeted_links() {
    let (_, feed) = feed_of("quote/tweet-requote.txt");
    assert_eq!(feed.posts.len(), 1);
    let post = &feed.posts[0];
    let quote = &feed.quotes[0];
    assert_eq!(quote.speaker.as_deref(), Some("Ilse Varga"));
    assert_eq!(quote.cue.as_deref(), Some("tweeted"));
    assert_eq!(quote.post.as_deref(), Some(post.id.as_str()));
    let kinds: Vec<_> = post.appearances.iter().map(|a| (a.kind, a.line)).collect();
    assert_eq!(
        kinds,
        [(AppearanceKind::Embed, 3), (AppearanceKind::Quote, 5)]
    );
    let qa = &post.appearances[1];
    assert_eq!(
        (qa.start, qa.end, qa.similarity),
        (quote.start, quote.end, 1.0)
    );
}

#[test]
fn paraphrase_links() {
    let (_, feed) = feed_of("quote/paraphrase-link.txt");
    let post = &feed.posts[0];
    let quote = &feed.quotes[0];
    // The surname resolves to the full name given earlier.
    assert_eq!(quote.speaker.as_deref(), Some("Ilse Varga"));
    assert_eq!(quote.speaker_mention.as_deref(), Some("Varga"));
    assert_eq!(quote.cue.as_deref(), Some("said in a Twitter post"));
    assert_eq!(quote.post.as_deref(), Some(post.id.as_str()));
    let sim = post.appearances[1].similarity;
    assert!(
        (0.5..0.9).contains(&sim),
        "a re-translation, not a copy: {sim}"
    );
}

#[test]
fn lookalike_does_not_link() {
    let (doc, feed) = feed_of("quote/lookalike-no-link.txt");
    expect(
        &doc,
        &feed,
        "The harbor is open again, and we are grateful to all the crews who repaired the quay,",
        Some("Falk"),
        Some("said"),
    );
    assert_eq!(feed.quotes[0].post, None);
    assert_eq!(feed.posts[0].appearances.len(), 1);
}

#[test]
fn quotes_link_across_documents_in_input_order() {
    let a = Document::new(
        "a.txt",
        "Lead.\n\nThe night train to Ostrand is cancelled tonight because of the storm. Buses will replace it. — Coastal Rail (@CoastalRail) May 1, 2024\n",
    );
    let b = Document::new(
        "b.txt",
        "“The night train to Ostrand is cancelled tonight,” Coastal Rail posted.\n",
    );
    let c = Document::new(
        "c.txt",
        "Again:\n\nThe night train to Ostrand is cancelled tonight because of the storm. Buses will replace it. — Coastal Rail (@CoastalRail) May 1, 2024\n",
    );
    let feed = assemble([extract(&a), extract(&b), extract(&c)]);
    assert_eq!(feed.posts.len(), 1);
    let docs: Vec<_> = feed.posts[0]
        .appearances
        .iter()
        .map(|x| (&*x.document, x.kind))
        .collect();
    assert_eq!(
        docs,
        [
            ("a.txt", AppearanceKind::Embed),
            ("b.txt", AppearanceKind::Quote),
            ("c.txt", AppearanceKind::Embed)
        ]
    );
    assert_eq!(
        feed.quotes[0].post.as_deref(),
        Some(feed.posts[0].id.as_str())
    );
}

pub(crate) fn post(
    id: &str,
    name: &str,
    handle: &str,
    text: &str,
    status: Option<&str>,
    doc: &str,
    start: usize,
) -> Post {
    Post {
        id: id.to_string(),
        platform: Platform::Twitter,
        author: Author {
            name: Some(name.to_string()),
            handle: Some(handle.to_string()),
        },
        date: None,
        text: text.to_string(),
        lang: None,
        hashtags: Vec::new(),
        mentions: Vec::new(),
        urls: Vec::new(),
        media: Vec::new(),
        reply_to: None,
        quoted_post: None,
        status_id: status.map(str::to_string),
        status_url: None,
        created_at: None,
        versions: Vec::new(),
        appearances: vec![Appearance {
            document: doc.into(),
            kind: AppearanceKind::Embed,
            line: 1,
            start,
            end: start + text.len(),
            similarity: 1.0,
        }],
    }
}

pub(crate) fn quote_of(doc: &str, text: &str, speaker: Option<&str>, cue: Option<&str>) -> Quote {
    Quote {
        id: quote::quote_id(doc, 0),
        document: doc.into(),
        line: 1,
        start: 0,
        end: text.len(),
        text: text.to_string(),
        speaker: speaker.map(str::to_string),
        speaker_mention: speaker.map(str::to_string),
        cue: cue.map(str::to_string),
        post: None,
    }
}

#[test]
fn link_rules() {
    let text = "We will open the new bridge over the river on Monday morning with the whole town";
    let make = || {
        vec![post(
            "twitter:1",
            "Ana M. Ruiz",
            "AnaRuizMayor",
            text,
            Some("1"),
            "a",
            0,
        )]
    };
    let cases: &[(&str, Option<&str>, Option<&str>, bool)] = &[
        // Speaker names the author (titles and initials ignored), paraphrase.
        (
            "We are opening the new bridge on Monday with the whole town",
            Some("Mayor Ana Ruiz"),
            Some("said"),
            true,
        ),
        // Platform cue, no speaker.
        (
            "We are opening the new bridge on Monday with the whole town",
            None,
            Some("tweeted"),
            true,
        ),
        // Another named speaker with a platform cue: somebody else's post.
        (
            "We are opening the new bridge on Monday with the whole town",
            Some("Tom Berg"),
            Some("tweeted"),
            false,
        ),
        // Look-alike: another speaker, a spoken cue, similar words.
        (
            "We are opening the new bridge on Monday with the whole town",
            Some("Tom Berg"),
            Some("said"),
            false,
        ),
        // Near-verbatim words link whoever says them.
        (
            "We will open the new bridge over the river on Monday morning",
            Some("Tom Berg"),
            Some("said"),
            true,
        ),
        // Too short to tell.
        ("the new bridge", Some("Ana Ruiz"), Some("tweeted"), false),
        // Unrelated words.
        (
            "Taxes will rise next year for every household in town",
            Some("Ana Ruiz"),
            Some("tweeted"),
            false,
        ),
    ];
    for (words, speaker, cue, linked) in cases {
        let mut posts = make();
        let mut quotes = vec![quote_of("b", words, *speaker, *cue)];
        link::link_quotes(&mut posts, &mut quotes);
        assert_eq!(
            quotes[0].post.is_some(),
            *linked,
            "{words:?} {speaker:?} {cue:?}"
        );
        assert_eq!(posts[0].appearances.len(), 1 + usize::from(*linked));
    }
    assert_eq!(link::similarity("open the new bridge", text), 1.0);
}

#[test]
fn a_quote_naming_nobody_speaks_for_the_post_it_requotes() {
    // Real (ro): `Tusk a postat pe Twitter un mesaj ironic, fals atribuit lui Donald Trump, …
    // "I'll be tweeting anyway. Donald T."`: the cue is too far for the grammar, and the
    // nearest name is the one the message mocks; the post it re-quotes is Tusk's.
    let (_, feed) = feed_of("realworld/docs/155.txt");
    let post = &feed.posts[0];
    assert_eq!(post.author.name.as_deref(), Some("Donald Tusk"));
    let quote = feed
        .quotes
        .iter()
        .find(|q| q.text == "I'll be tweeting anyway. Donald T.")
        .expect("the re-quote is found");
    assert_eq!(quote.post.as_deref(), Some(post.id.as_str()));
    assert_eq!(quote.speaker_mention, None);
    assert_eq!(quote.speaker.as_deref(), Some("Donald Tusk"));
}

#[test]
fn a_cue_naming_nobody_gives_way_to_the_post_author_but_indefinites_stay() {
    // Real (en): `The post read, “Cheers to all the tweets…”` above Twitter's own tweet, and
    // `one user wrote, “Mine are not even making it on Twitter.”` above that user's tweet.
    let (_, feed) = feed_of("realworld/docs/319.txt");
    let post_read = q(&feed, "Cheers to all the tweets");
    assert!(post_read.post.is_some());
    assert_eq!(post_read.speaker_mention.as_deref(), Some("The post"));
    assert_eq!(post_read.speaker.as_deref(), Some("Twitter"));
    let one_user = q(&feed, "Mine are not even making it");
    assert!(one_user.post.is_some());
    assert_eq!(one_user.speaker.as_deref(), Some("one user"));
}

#[test]
fn a_post_as_subject_names_the_person_after_it_when_none_before() {
    // Real (it): `“Nessuno è nato odiando…”, recita il tweet. Accompagnato da una foto di
    // Barack Obama di spalle…` opens the article: nobody is named before the quote.
    let (_, feed) = feed_of("realworld/docs/024.txt");
    let quote = q(&feed, "Nessuno è nato odiando");
    assert_eq!(quote.speaker_mention.as_deref(), Some("il tweet"));
    assert_eq!(quote.speaker.as_deref(), Some("Barack Obama"));
}
