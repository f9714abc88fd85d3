//! Near-duplicate posts: real articles that embed the same post in other forms,
//! `fixtures/dedup/`, and the merging rules one by one.

use crate::common;
use crate::link::post;
use crate::quotes::feed_of;
use embedscan::_internal::dedup;
use embedscan::model::{AppearanceKind, Post};
use embedscan::{assemble, extract, Feed};
use std::path::Path;

fn dedup_fixture(rel: &str) -> Feed {
    feed_of(rel).1
}

/// One feed of several real articles (paths under `fixtures/`), scanned together.
fn real_feed(rels: &[&str]) -> Feed {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let docs: Vec<_> = rels
        .iter()
        .map(|r| common::document(&root.join(r)))
        .collect();
    assemble(docs.iter().map(extract))
}

/// The posts of `handle` in the feed.
fn by<'f>(feed: &'f Feed, handle: &str) -> Vec<&'f Post> {
    feed.posts
        .iter()
        .filter(|p| p.author.handle.as_deref() == Some(handle))
        .collect()
}

/// The documents a post is embedded in (quotations of it left out), in order.
fn embedded_in(post: &Post) -> Vec<&str> {
    post.appearances
        .iter()
        .filter(|a| a.kind != AppearanceKind::Quote)
        .map(|a| &*a.document)
        .collect()
}

/// Obama's first Mandela tweet in three real articles (gold/duplicates.json): curly quotes and
/// `…` in 018 and 019, straight quotes, `...` and a dash glued to the pic link in 020
/// (`…religion..." pic.twitter.com/InZ58zkoAm— Barack Obama`). One post, three embeds; the
/// second tweet of the series, in 018 and 019 only, is another post.
#[test]
fn real_copies_with_other_quote_marks_and_ellipsis_merge() {
    let feed = real_feed(&[
        "realworld/docs/018.txt",
        "realworld/docs/019.txt",
        "realworld/docs/020.txt",
    ]);
    let obama = by(&feed, "BarackObama");
    let first: Vec<_> = obama
        .iter()
        .filter(|p| p.text.contains("No one is born hating"))
        .collect();
    assert_eq!(first.len(), 1, "{obama:#?}");
    assert_eq!(embedded_in(first[0]), ["018.txt", "019.txt", "020.txt"]);
    assert_eq!(first[0].media, ["pic.twitter.com/InZ58zkoAm"]);
    let second: Vec<_> = obama
        .iter()
        .filter(|p| p.text.contains("People must learn to hate"))
        .collect();
    assert_eq!(second.len(), 1);
    assert_eq!(embedded_in(second[0]), ["018.txt", "019.txt"]);
}

/// The same post printed with its signature on its own line in an Arabic article (072) and
/// on the text's line in a Serbian one (166); `just setting up my twttr` signed with an
/// English date in a Romanian article (228) and a Portuguese one in a Brazilian one (254).
#[test]
fn real_copies_with_other_signature_layouts_and_date_languages_merge() {
    let feed = real_feed(&["realworld/docs/072.txt", "realworld/docs/166.txt"]);
    let potus = by(&feed, "POTUS");
    assert_eq!(potus.len(), 1, "{potus:#?}");
    assert_eq!(embedded_in(potus[0]), ["072.txt", "166.txt"]);
    assert_eq!(potus[0].date.as_deref(), Some("2017-01-11"));

    let feed = real_feed(&["realworld/docs/228.txt", "realworld/docs/254.txt"]);
    let jack = by(&feed, "jack");
    assert_eq!(jack.len(), 1, "{jack:#?}");
    assert_eq!(jack[0].text, "just setting up my twttr");
    assert_eq!(embedded_in(jack[0]), ["228.txt", "254.txt"]);
    assert_eq!(jack[0].date.as_deref(), Some("2006-03-21"));
}

/// A post whose dash was glued to the text in one article (013) and lost, the display name
/// glued to the hashtag, in another (012: `#OscarsWe The People Are Pissed Off (@h)`).
#[test]
fn real_copies_with_glued_and_lost_dashes_merge() {
    let feed = real_feed(&["realworld/docs/012.txt", "realworld/docs/013.txt"]);
    let posts = by(&feed, "LiddleSavages");
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert_eq!(
        posts[0].text,
        "Best hug goes to Brad Pitt and Leonardo DiCaprio. #Oscars"
    );
    assert_eq!(embedded_in(posts[0]), ["012.txt", "013.txt"]);
}

/// Four different tweets by one account on one day, the first two one sentence split over two
/// tweets (311): four posts, never merged.
#[test]
fn real_posts_of_one_author_and_day_stay_apart() {
    let feed = real_feed(&["realworld/docs/311.txt"]);
    let trump = by(&feed, "realDonaldTrump");
    assert_eq!(trump.len(), 4, "{trump:#?}");
    assert!(trump
        .iter()
        .all(|p| p.date.as_deref() == Some("2017-01-30")));
    assert!(trump.iter().all(|p| p.appearances.len() == 1));
}

/// Nine accounts posting the same words (`How it started How it’s going` and a picture) in one
/// Icelandic article flattened to one line (fixtures/realworld-next5/docs/405.txt): nine posts;
/// two of them, same words and same day, stay two. Known miss, not asserted: the first two
/// posts' texts start with the article's sentence before them.
#[test]
fn real_same_words_from_other_handles_stay_apart() {
    let feed = real_feed(&["realworld-next5/docs/405.txt"]);
    assert_eq!(feed.posts.len(), 9, "{:#?}", feed.posts);
    assert!(feed.posts.iter().all(|p| p.appearances.len() == 1));
    for (handle, pic) in [
        ("Kamillae", "pic.twitter.com/gcLMjvExFC"),
        ("mokkilitli", "pic.twitter.com/DMUD1EgQHn"),
    ] {
        let posts = by(&feed, handle);
        assert_eq!(posts.len(), 1, "{handle}");
        assert_eq!(
            posts[0].text,
            format!("How it started How it’s going {pic}")
        );
        assert_eq!(posts[0].date.as_deref(), Some("2020-10-11"));
    }
}

#[test]
fn dedup_fixtures() {
    let one = |rel: &str, appearances: usize| {
        let feed = dedup_fixture(rel);
        assert_eq!(feed.posts.len(), 1, "{rel}: {:#?}", feed.posts);
        assert_eq!(feed.posts[0].appearances.len(), appearances, "{rel}");
        feed
    };
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
    let docs: Vec<_> = merged.appearances.iter().map(|a| &*a.document).collect();
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
