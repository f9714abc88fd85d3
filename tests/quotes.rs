//! Quotations, linking and near-duplicate merging: focused assertions over `fixtures/quote/`,
//! `fixtures/dedup/` and unit-level cases, plus a 100,000-post scale run.

use embedscan::model::{Appearance, AppearanceKind, Author, Platform, Post, Quote};
use embedscan::{assemble, dedup, extract, link, quote, Document, Feed};
use std::path::Path;

/// Scans one fixture alone.
fn feed_of(rel: &str) -> (Document, Feed) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel);
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    let doc = Document::new(rel, text);
    let feed = assemble([extract(&doc)]);
    check(&doc, &feed);
    (doc, feed)
}

/// Offsets, lines and marks of every quote hold against the document.
fn check(doc: &Document, feed: &Feed) {
    for q in feed.quotes.iter().filter(|q| q.document == doc.name) {
        assert_eq!(
            doc.text.get(q.start..q.end),
            Some(q.text.as_str()),
            "quote offsets"
        );
        assert_eq!(q.line, doc.line_of(q.start));
        assert!(q.id.starts_with("quote:") && q.id.len() == "quote:".len() + 16);
    }
}

/// The quote whose text starts with `prefix`.
fn q<'f>(feed: &'f Feed, prefix: &str) -> &'f Quote {
    feed.quotes
        .iter()
        .find(|q| q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no quote starting {prefix:?} in {:#?}", feed.quotes))
}

/// Asserts a quote's exact text (and so its offsets), speaker and cue.
fn expect(doc: &Document, feed: &Feed, text: &str, speaker: Option<&str>, cue: Option<&str>) {
    let got = q(feed, text);
    assert_eq!(got.text, text);
    let start = doc.text.find(text).expect("text in document");
    assert_eq!((got.start, got.end), (start, start + text.len()));
    assert_eq!(got.speaker.as_deref(), speaker, "speaker of {text:?}");
    assert_eq!(got.cue.as_deref(), cue, "cue of {text:?}");
}

// ---- quotation styles and attribution patterns ----

#[test]
fn curly_quotes_said_after_and_pronoun() {
    let (doc, feed) = feed_of("quote/curly-said.txt");
    assert_eq!(feed.quotes.len(), 3);
    expect(
        &doc,
        &feed,
        "The cranes are back and the ships are coming in,",
        Some("Ilse Varga"),
        Some("said"),
    );
    // `she added`: the pronoun resolves to the nearest earlier named speaker.
    expect(
        &doc,
        &feed,
        "We owe the crews a great deal,",
        Some("Ilse Varga"),
        Some("added"),
    );
    expect(
        &doc,
        &feed,
        "Nobody asked us about the night shifts,",
        Some("Petr Holm"),
        Some("said"),
    );
}

#[test]
fn straight_quotes_before_and_after() {
    let (doc, feed) = feed_of("quote/straight-quotes.txt");
    assert_eq!(feed.quotes.len(), 2);
    expect(
        &doc,
        &feed,
        "all lines will run a normal service by Friday",
        Some("The Coastal Rail Authority"),
        Some("said"),
    );
    expect(
        &doc,
        &feed,
        "We are still checking the signals near Ostrand,",
        Some("the operations chief"),
        Some("said"),
    );
}

#[test]
fn single_quotes_not_apostrophes() {
    let (doc, feed) = feed_of("quote/single-quotes-apostrophes.txt");
    assert_eq!(
        feed.quotes.len(),
        1,
        "doesn’t, O’Malley’s, Visitors’ are not quotes"
    );
    expect(
        &doc,
        &feed,
        "We’ve never sold out this early,",
        Some("Tamsin Reed"),
        Some("told"),
    );
}

#[test]
fn guillemets_in_french() {
    let (doc, feed) = feed_of("quote/guillemets-french.txt");
    assert_eq!(feed.quotes.len(), 2);
    expect(
        &doc,
        &feed,
        "Ce musée appartient à tous les habitants de la région",
        Some("la ministre"),
        Some("a déclaré"),
    );
    expect(
        &doc,
        &feed,
        "les travaux dureront encore deux ans",
        Some("le directeur"),
        Some("Selon"),
    );
}

#[test]
fn low_high_quotes_in_german() {
    let (doc, feed) = feed_of("quote/low-high-german.txt");
    assert_eq!(feed.quotes.len(), 1);
    expect(
        &doc,
        &feed,
        "Diese Brücke verbindet endlich beide Ufer der Stadt",
        Some("Jonas Reiter"),
        Some("sagte"),
    );
}

#[test]
fn interrupted_quote_gives_two_records() {
    let (doc, feed) = feed_of("quote/interrupted.txt");
    assert_eq!(feed.quotes.len(), 4);
    expect(
        &doc,
        &feed,
        "We have waited three years for this,",
        Some("Maren Oddsen"),
        Some("said"),
    );
    expect(
        &doc,
        &feed,
        "and three more weeks will not kill us.",
        Some("Maren Oddsen"),
        Some("said"),
    );
    expect(
        &doc,
        &feed,
        "The budget is ready,",
        Some("one planner"),
        Some("told"),
    );
    // `adding “...”`: the speaker is carried from the previous quote of the sentence.
    expect(
        &doc,
        &feed,
        "we only need the signatures",
        Some("one planner"),
        Some("adding"),
    );
}

#[test]
fn quote_spanning_sentences_with_according_to() {
    let (doc, feed) = feed_of("quote/spanning-sentences.txt");
    assert_eq!(feed.quotes.len(), 1);
    expect(
        &doc,
        &feed,
        "Crews worked through the night. Most homes will have power again by noon. Some farms may wait until Sunday.",
        Some("the regional grid operator"),
        Some("According to"),
    );
}

#[test]
fn shouting_speaker_after_and_scare_quotes_skipped() {
    let (doc, feed) = feed_of("quote/shouting-and-scare-quotes.txt");
    // "tractor convoy" (so-called), "peaceful", "orderly": terms, not quotations.
    assert_eq!(feed.quotes.len(), 1, "{:#?}", feed.quotes);
    expect(
        &doc,
        &feed,
        "No farms, no food!",
        Some("the marchers"),
        Some("Chanting"),
    );
}

#[test]
fn wrote_on_twitter_is_one_cue() {
    let (doc, feed) = feed_of("quote/wrote-on-twitter.txt");
    expect(
        &doc,
        &feed,
        "The strike is over. Trains will run normally from tomorrow morning.",
        Some("Oskar Lind"),
        Some("wrote on Twitter"),
    );
    assert!(quote::is_platform_cue("wrote on Twitter"));
    assert!(!quote::is_platform_cue("said"));
}

#[test]
fn quotes_inside_posts_are_skipped() {
    let text = "Intro line.\n\n“Quoted inside the post text here” says the tweet — Ana Ruiz (@anaruiz) May 1, 2020\n\n“This one is in the prose,” Ruiz said.\n";
    let doc = Document::new("p.txt", text);
    let feed = assemble([extract(&doc)]);
    assert_eq!(feed.posts.len(), 1);
    assert_eq!(feed.quotes.len(), 1);
    assert_eq!(feed.quotes[0].text, "This one is in the prose,");
    // And directly, with an explicit post span.
    let start = text.find('“').expect("mark");
    let end = text.find("2020").expect("date") + 4;
    let quotes = quote::extract(&doc, std::slice::from_ref(&(start..end)));
    assert_eq!(quotes.len(), 1);
}

#[test]
fn pronoun_resolves_to_named_subject_in_prose() {
    let text = "Governor Lena Brandt said on Monday that the budget was final.\n\n“There will be no new taxes this year,” she added.\n";
    let doc = Document::new("g.txt", text);
    let quotes = quote::extract(&doc, &[]);
    assert_eq!(quotes.len(), 1);
    // The fullest name, without the title; what the cue printed is kept as the mention.
    assert_eq!(quotes[0].speaker.as_deref(), Some("Lena Brandt"));
    assert_eq!(quotes[0].speaker_mention.as_deref(), Some("she"));
    assert_eq!(quotes[0].cue.as_deref(), Some("added"));
    // Nobody named: the pronoun stays.
    let doc = Document::new(
        "h.txt",
        "“There will be no new taxes this year,” she added.",
    );
    assert_eq!(quote::extract(&doc, &[])[0].speaker.as_deref(), Some("she"));
}

#[test]
fn more_languages_and_straight_single_quotes() {
    let cases = [
        (
            "«Мы не отступим», — заявил Иван Петров.",
            "Мы не отступим",
            "Иван Петров",
            "заявил",
        ),
        (
            "„Wir bleiben hier“, sagte die Sprecherin.",
            "Wir bleiben hier",
            "die Sprecherin",
            "sagte",
        ),
        (
            "“No vamos a parar”, dijo la alcaldesa.",
            "No vamos a parar",
            "la alcaldesa",
            "dijo",
        ),
        (
            "'We will not give up,' the coach said.",
            "We will not give up,",
            "the coach",
            "said",
        ),
    ];
    for (text, words, speaker, cue) in cases {
        let doc = Document::new("l.txt", text);
        let quotes = quote::extract(&doc, &[]);
        assert_eq!(quotes.len(), 1, "{text}");
        assert_eq!(quotes[0].text, words);
        assert_eq!(quotes[0].speaker.as_deref(), Some(speaker), "{text}");
        assert_eq!(quotes[0].cue.as_deref(), Some(cue), "{text}");
    }
}

#[test]
fn quote_ids_are_stable() {
    let doc = Document::new("a.txt", "“We will build it again,” Ruiz said.");
    let a = quote::extract(&doc, &[]);
    let b = quote::extract(&doc, &[]);
    assert_eq!(a, b);
    assert_eq!(a[0].id, quote::quote_id("a.txt", a[0].start));
}

#[test]
fn adversarial_marks_do_not_panic() {
    for text in [
        "“",
        "”",
        "\"",
        "‘’",
        "«",
        "»«»",
        "„“”",
        "“\n\n”",
        "’’’’",
        "\"\"\"",
        "“ ”",
        "a“b”c",
    ] {
        let doc = Document::new("x.txt", text.repeat(3));
        // Overlapping, reversed and out-of-range post spans.
        let reversed = std::ops::Range { start: 5, end: 2 };
        let _ = quote::extract(&doc, &[0..1, reversed, 100..200]);
    }
    // Large floods stay linear.
    for mark in ["“", "\"", "‘", "« ", "\" said he "] {
        let doc = Document::new("flood.txt", mark.repeat(300_000));
        let _ = quote::extract(&doc, &[]);
    }
}

// ---- linking ----

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
        .map(|x| (x.document.as_str(), x.kind))
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

fn post(
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
            document: doc.to_string(),
            kind: AppearanceKind::Embed,
            line: 1,
            start,
            end: start + text.len(),
            similarity: 1.0,
        }],
    }
}

fn quote_of(doc: &str, text: &str, speaker: Option<&str>, cue: Option<&str>) -> Quote {
    Quote {
        id: quote::quote_id(doc, 0),
        document: doc.to_string(),
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

// ---- near-duplicate posts ----

fn dedup_fixture(rel: &str) -> Feed {
    feed_of(rel).1
}

#[test]
fn dedup_fixtures() {
    let one = |rel: &str, appearances: usize| {
        let feed = dedup_fixture(rel);
        assert_eq!(feed.posts.len(), 1, "{rel}: {:#?}", feed.posts);
        assert_eq!(feed.posts[0].appearances.len(), appearances, "{rel}");
        feed
    };
    one("dedup/whitespace-and-quote-marks.txt", 2);
    let feed = one("dedup/trailing-links-dropped.txt", 2);
    assert!(
        feed.posts[0].text.contains("https://t.co/Qw12Er34Ty"),
        "fullest text kept"
    );
    assert_eq!(
        feed.posts[0].urls,
        ["https://t.co/Qw12Er34Ty"],
        "with its entities"
    );
    let feed = one("dedup/truncated-ellipsis.txt", 2);
    assert!(feed.posts[0].text.ends_with("in the courtyard."));
    let feed = one("dedup/html-entity-vs-text.txt", 2);
    assert!(feed.posts[0].text.starts_with("Hamlet & Macbeth"));
    assert_eq!(
        dedup_fixture("dedup/same-author-different-posts.txt")
            .posts
            .len(),
        2
    );
    assert_eq!(dedup_fixture("dedup/different-handles.txt").posts.len(), 2);
}

#[test]
fn merge_is_order_independent_and_rewrites_quoted_post() {
    let full =
        "The museum reopens on Saturday with six new rooms and a garden cafe https://t.co/abc";
    let mut quoting = post(
        "twitter:9",
        "Lorvane Museum",
        "LorvaneMuseum",
        "Come and see! ",
        Some("9"),
        "a",
        500,
    );
    quoting.quoted_post = Some("twitter:deadbeefdeadbeef".into());
    let posts = vec![
        post(
            "twitter:deadbeefdeadbeef",
            "Lorvane Museum",
            "lorvanemuseum",
            "The museum reopens on Saturday with six new…",
            None,
            "a",
            0,
        ),
        post(
            "twitter:77",
            "Lorvane Museum",
            "LorvaneMuseum",
            full,
            Some("77"),
            "b",
            10,
        ),
        post(
            "twitter:1111111111111111",
            "Lorvane Museum",
            "LorvaneMuseum",
            "The  museum reopens on Saturday with six new rooms and a garden cafe",
            None,
            "c",
            20,
        ),
        quoting,
    ];
    let forward = dedup::merge(posts.clone());
    let mut reversed_in = posts;
    reversed_in.reverse();
    let backward = dedup::merge(reversed_in);
    assert_eq!(forward.len(), 2);
    let ids = |v: &[Post]| {
        let mut ids: Vec<String> = v.iter().map(|p| p.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&forward), ids(&backward));
    let merged = forward
        .iter()
        .find(|p| p.id == "twitter:77")
        .expect("status id survives");
    assert_eq!(merged.text, full);
    let docs: Vec<_> = merged
        .appearances
        .iter()
        .map(|a| a.document.as_str())
        .collect();
    assert_eq!(docs, ["a", "b", "c"], "every appearance, input order");
    let q = forward
        .iter()
        .find(|p| p.id == "twitter:9")
        .expect("quoting post");
    assert_eq!(
        q.quoted_post.as_deref(),
        Some("twitter:77"),
        "rewritten to the survivor"
    );
}

#[test]
fn different_status_ids_never_merge() {
    let t = "Same words from two different posts by one account";
    let merged = dedup::merge(vec![
        post("twitter:1", "A", "acct", t, Some("1"), "a", 0),
        post("twitter:2", "A", "acct", t, Some("2"), "a", 100),
        post("twitter:0123456789abcdef", "A", "acct", t, None, "b", 0),
    ]);
    assert_eq!(merged.len(), 2);
    assert_eq!(
        merged[0].id, "twitter:1",
        "the text-only sighting joins the smallest status id"
    );
    assert_eq!(merged[0].appearances.len(), 2);
}

#[test]
fn name_only_sighting_joins_the_handle_of_that_name() {
    let t = "Snow on the pass tonight, drive carefully everyone";
    let mut card = post(
        "twitter:aaaaaaaaaaaaaaaa",
        "Alpine Roads",
        "x",
        t,
        None,
        "b",
        0,
    );
    card.author.handle = None;
    let merged = dedup::merge(vec![
        post(
            "twitter:5",
            "Alpine Roads",
            "AlpineRoadsAT",
            &format!("{t} https://t.co/abc"),
            Some("5"),
            "a",
            0,
        ),
        card.clone(),
    ]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].appearances.len(), 2);
    // Two handles for one name: the name-only sighting stays apart.
    let merged = dedup::merge(vec![
        post(
            "twitter:5",
            "Alpine Roads",
            "AlpineRoadsAT",
            t,
            Some("5"),
            "a",
            0,
        ),
        post(
            "twitter:6",
            "Alpine Roads",
            "AlpineRoadsCH",
            t,
            Some("6"),
            "a",
            100,
        ),
        card,
    ]);
    assert_eq!(merged.len(), 3);
}

#[test]
fn ambiguous_truncation_does_not_merge() {
    let merged = dedup::merge(vec![
        post(
            "twitter:1",
            "A",
            "acct",
            "Road closed today between the two bridges after a crash",
            Some("1"),
            "a",
            0,
        ),
        post(
            "twitter:2",
            "A",
            "acct",
            "Road closed today between the two bridges for repairs",
            Some("2"),
            "a",
            100,
        ),
        post(
            "twitter:aaaaaaaaaaaaaaaa",
            "A",
            "acct",
            "Road closed today between the two…",
            None,
            "b",
            0,
        ),
    ]);
    assert_eq!(merged.len(), 3);
}

// ---- scale ----

/// A small deterministic generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn scale_100k_posts() {
    const POSTS: usize = 100_000;
    let mut rng = Lcg(7);
    let vocab: Vec<String> = (0..20_000).map(|i| format!("w{i:x}q")).collect();
    let mut posts: Vec<Post> = Vec::with_capacity(POSTS);
    let mut texts: Vec<String> = Vec::new();
    for i in 0..POSTS {
        let (text, handle) = if i % 10 == 9 && !texts.is_empty() {
            // A re-sighting: same text, extra white space or truncated.
            let k = (rng.next() as usize) % texts.len();
            let t = &texts[k];
            let t = if i % 20 == 19 {
                let cut: Vec<&str> = t.split(' ').take(8).collect();
                format!("{}…", cut.join(" "))
            } else {
                t.replace(' ', "  ")
            };
            (t, format!("user{}", k % 3000))
        } else {
            let n = 12 + (rng.next() as usize) % 20;
            let words: Vec<&str> = (0..n)
                .map(|_| vocab[(rng.next() as usize) % vocab.len()].as_str())
                .collect();
            let t = words.join(" ");
            texts.push(t.clone());
            (t, format!("user{}", (texts.len() - 1) % 3000))
        };
        let id = embedscan::post::post_id(Platform::Twitter, None, Some(&handle), None, &text);
        posts.push(post(
            &id,
            &handle,
            &handle,
            &text,
            None,
            &format!("d{}", i / 10),
            i,
        ));
    }
    let mut merged = dedup::merge(posts);
    assert!(merged.len() < POSTS && merged.len() >= texts.len() * 9 / 10);
    let mut quotes: Vec<Quote> = (0..5_000)
        .map(|i| {
            let k = (rng.next() as usize) % texts.len();
            let fragment: Vec<&str> = texts[k].split(' ').skip(2).take(8).collect();
            quote_of(&format!("q{i}"), &fragment.join(" "), None, Some("tweeted"))
        })
        .collect();
    link::link_quotes(&mut merged, &mut quotes);
    let linked = quotes.iter().filter(|q| q.post.is_some()).count();
    assert!(linked > 4_000, "{linked}");
}

/// Posts drawn from small pools, so that every merging rule fires: one id seen twice, one
/// text re-spaced or cut short, name-only sightings, copies of one status with other texts
/// (versions), posts quoting absorbed ids, repeated appearances.
fn colliding_posts(n: usize, seed: u64) -> Vec<Post> {
    let mut rng = Lcg(seed);
    let words = [
        "bridge", "opens", "monday", "river", "flood", "gates", "city", "council", "vote", "today",
        "tonight", "storm", "road", "closed", "school", "museum",
    ];
    let names = ["Ana Ruiz", "Port Authority", "River Desk", "Sam Lee"];
    let texts: Vec<String> = (0..40)
        .map(|_| {
            let len = 4 + (rng.next() as usize) % 9;
            (0..len)
                .map(|_| words[(rng.next() as usize) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    (0..n)
        .map(|i| {
            let a = (rng.next() as usize) % names.len();
            let name = names[a];
            let handle = name.replace(' ', "").to_lowercase();
            let mut text = texts[(rng.next() as usize) % texts.len()].clone();
            match rng.next() % 6 {
                0 => text = text.replace(' ', "  "),
                1 => {
                    let cut: Vec<&str> = text.split(' ').take(6).collect();
                    text = format!("{}…", cut.join(" "));
                }
                2 => text.push_str(" https://t.co/abc"),
                _ => {}
            }
            let status = (rng.next() % 4 == 0).then(|| format!("{}", 100 + rng.next() % 30));
            let mut p = post(
                &format!("twitter:{:016x}", rng.next() % 200),
                name,
                &handle,
                &text,
                status.as_deref(),
                &format!("d{}", i / 3),
                i * 10,
            );
            if let Some(s) = &status {
                p.id = format!("twitter:{s}");
            }
            match rng.next() % 5 {
                0 => p.author.handle = None,
                1 => p.author.name = None,
                _ => {}
            }
            if rng.next() % 7 == 0 {
                p.quoted_post = Some(format!("twitter:{:016x}", rng.next() % 200));
            }
            if rng.next() % 9 == 0 {
                let again = p.appearances[0].clone();
                p.appearances.push(again);
            }
            p
        })
        .collect()
}

#[test]
fn packed_merge_equals_the_merge_of_posts() {
    use embedscan::{store::PostStore, versions};
    for (n, seed) in [(0, 1), (1, 2), (50, 3), (400, 4), (3_000, 5)] {
        let posts = colliding_posts(n, seed);
        let mut folded = posts.clone();
        versions::fold(&mut folded);
        let want = dedup::merge(folded);
        let mut store = PostStore::new();
        posts.iter().for_each(|p| store.push(p));
        let summaries = posts.iter().map(dedup::Summary::of).collect();
        let got = dedup::merge_packed(store, summaries).into_posts();
        assert!(
            n < 50 || want.len() < n * 9 / 10,
            "the pools make duplicates"
        );
        assert_eq!(got, want, "{n} posts, seed {seed}");
    }
}

#[test]
fn assembled_feed_equals_the_reduce_of_posts() {
    use embedscan::{versions, Assembler};
    // Every fixture and seed, each twice (exact repeats folded as they come).
    let mut docs = Vec::new();
    for dir in ["seeds", "fixtures"] {
        for entry in walk(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).as_path()) {
            if let Ok(text) = std::fs::read_to_string(&entry) {
                let name = entry.display().to_string();
                docs.push(if name.ends_with(".html") {
                    Document::html(name, text)
                } else {
                    Document::new(name, text)
                });
            }
        }
    }
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    let extractions: Vec<_> = docs.iter().chain(&docs).map(extract).collect();
    let mut assembler = Assembler::default();
    assembler.add_all(extractions.clone());
    let got = assembler.finish();
    let mut posts: Vec<Post> = extractions.iter().flat_map(|e| e.posts.clone()).collect();
    let mut quotes: Vec<Quote> = extractions.iter().flat_map(|e| e.quotes.clone()).collect();
    versions::fold(&mut posts);
    let mut want = dedup::merge(posts);
    link::link_quotes(&mut want, &mut quotes);
    assert!(got.posts.iter().any(|p| p.appearances.len() > 2));
    assert_eq!(got.posts, want);
    assert_eq!(got.quotes, quotes);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "txt" || e == "html") {
            out.push(path);
        }
    }
    out
}
