//! Linking quotations to the posts they re-quote: verbatim, paraphrase, look-alikes, across
//! documents, and the rules one by one.

use crate::quotes::{expect, feed_of, q};
use embedscan::_internal::{link, quote};
use embedscan::model::{Appearance, AppearanceKind, Author, Platform, Post, Quote};
use embedscan::{assemble, extract, Document};

#[test]
fn verbatim_requote_links() {
    // Real (en): `Mark Hamill jokingly asked “And how is YOUR day going?,”` under his embedded
    // post `And how is YOUR day going? pic.twitter.com/…`: one post, a `quote` appearance with
    // similarity 1 at the quotation's offsets.
    let (doc, feed) = feed_of("realworld-next3/docs/378.txt");
    expect(
        &doc,
        &feed,
        "And how is YOUR day going?,",
        Some("Mark Hamill"),
        Some("asked"),
    );
    let quote = q(&feed, "And how is YOUR day going?");
    let post = feed
        .posts
        .iter()
        .find(|p| p.author.handle.as_deref() == Some("HamillHimself"))
        .expect("Mark Hamill's post");
    assert_eq!(quote.post.as_deref(), Some(post.id.as_str()));
    let qa = post
        .appearances
        .iter()
        .find(|a| a.kind == AppearanceKind::Quote)
        .expect("quote appearance");
    assert_eq!(
        (qa.start, qa.end, qa.similarity),
        (quote.start, quote.end, 1.0)
    );
    // The quotation (line 15) comes before the embed it re-quotes (line 17).
    let kinds: Vec<_> = post.appearances.iter().map(|a| (a.kind, a.line)).collect();
    assert_eq!(
        kinds,
        [(AppearanceKind::Quote, 15), (AppearanceKind::Embed, 17)]
    );
}

#[test]
fn paraphrase_links() {
    // Real (en): `Julia Louis-Dreyfus also hailed the decision writing “What the f— took you so
    // long,”`, a censored copy of her embedded `What the fuck took you so long @jack ?`.
    let (_, feed) = feed_of("realworld-next3/docs/378.txt");
    let quote = q(&feed, "What the f— took you so long");
    assert_eq!(quote.speaker.as_deref(), Some("Julia Louis-Dreyfus"));
    let post = feed
        .posts
        .iter()
        .find(|p| p.author.handle.as_deref() == Some("OfficialJLD"))
        .expect("her post");
    assert_eq!(quote.post.as_deref(), Some(post.id.as_str()));
    let sim = quote_similarity(post);
    assert!((0.5..1.0).contains(&sim), "not a copy: {sim}");
    // Real (pt): the caption quoted in full (`"Boa noite! Descontinuei a conta … cidadão. Um
    // novo caminho."`) against the embed, whose copy lost `cidadão. Um` to a t.co link; the
    // speaker `o ex-primeiro-ministro` resolves to António Costa.
    let (_, feed) = feed_of("realworld-next6/docs/427.txt");
    let quote = q(&feed, "Boa noite! Descontinuei a conta");
    assert_eq!(quote.speaker.as_deref(), Some("António Costa"));
    assert_eq!(
        quote.speaker_mention.as_deref(),
        Some("o ex-primeiro-ministro")
    );
    assert_eq!(quote.cue.as_deref(), Some("escreveu"));
    let post = feed
        .posts
        .iter()
        .find(|p| quote.post.as_deref() == Some(p.id.as_str()))
        .expect("linked");
    assert_eq!(post.author.handle.as_deref(), Some("antoniolscosta"));
    let sim = quote_similarity(post);
    assert!((0.5..0.9).contains(&sim), "a damaged copy: {sim}");
}

/// The similarity of a post's one `quote` appearance.
fn quote_similarity(post: &Post) -> f64 {
    let quotes: Vec<_> = post
        .appearances
        .iter()
        .filter(|a| a.kind == AppearanceKind::Quote)
        .collect();
    assert_eq!(quotes.len(), 1, "{:?}", post.appearances);
    quotes[0].similarity
}

#[test]
fn lookalike_does_not_link() {
    // Real (en): brands answering Twitter's `cheers to all the Tweets that made it to IG this
    // year` with posts of the same shape (`Cheers to all the fries that made it home this
    // year`). Each quotation links to its own speaker's post, never to a look-alike.
    let (doc, feed) = feed_of("realworld/docs/319.txt");
    let by = |handle: &str| {
        feed.posts
            .iter()
            .find(|p| p.author.handle.as_deref() == Some(handle))
            .unwrap_or_else(|| panic!("post by {handle}"))
    };
    for (prefix, handle) in [
        ("Cheers to all the tweets that made it to IG", "Twitter"),
        ("Cheers to all the fries that made it home", "McDonalds"),
        ("Cheers to all the overdraft fees saved", "Chime"),
    ] {
        let quote = q(&feed, prefix);
        let post = feed
            .posts
            .iter()
            .find(|p| {
                p.author.handle.as_deref() == Some(handle)
                    && p.text.to_lowercase().starts_with(&prefix.to_lowercase())
            })
            .unwrap_or_else(|| panic!("post by {handle}"));
        assert_eq!(quote.post.as_deref(), Some(post.id.as_str()), "{prefix}");
    }
    // Twitter's post is quoted once, by the quotation of its own words.
    let twitter = feed
        .posts
        .iter()
        .find(|p| p.text.starts_with("cheers to all the Tweets"))
        .expect("Twitter's post");
    let quoted: Vec<_> = twitter
        .appearances
        .iter()
        .filter(|a| a.kind == AppearanceKind::Quote)
        .map(|a| a.line)
        .collect();
    assert_eq!(quoted, [1]);
    assert_eq!(by("Chime").appearances.len(), 2);
    // Known misses: `“Cheers to that,” wrote KFC Gaming` and `Twitter replied, “Yeah, this
    // reply.”` are not linked to the posts printed under them (`Cheers to that 🍻 pic…`,
    // `yeah this reply`).
    expect(
        &doc,
        &feed,
        "Mine are not even making it on Twitter.",
        Some("one user"),
        Some("wrote"),
    );
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
