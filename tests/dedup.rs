//! Near-duplicate posts: `fixtures/dedup/` and the merging rules one by one.

use crate::link::post;
use crate::quotes::feed_of;
use embedscan::_internal::dedup;
use embedscan::model::Post;
use embedscan::Feed;

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
