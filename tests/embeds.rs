//! How far up a flattened post's text reaches, on real pages.

use crate::quotes::feed_of;

/// A self-reply thread printed line by line, each post's lines right under the account's last
/// signature (fixtures/realworld-next4/docs/390.txt); prose between two posts of one account
/// that names it stays the article's (fixtures/realworld/docs/049.txt).
#[test]
fn thread_lines_under_the_same_accounts_signature() {
    let feed = feed_of("realworld-next4/docs/390.txt").1;
    let texts: Vec<&str> = feed.posts.iter().map(|p| p.text.as_str()).collect();
    assert!(
        texts.contains(&"もちろん!\nお爺ちゃんお婆ちゃんもいらっしゃいますので!"),
        "{texts:#?}"
    );
    let feed = feed_of("realworld/docs/049.txt").1;
    assert!(
        feed.posts
            .iter()
            .all(|p| !p.text.contains("a ensuite tweeté")),
        "{:#?}",
        feed.posts
    );
}

/// The article's quotation of a post, in its own paragraph a few blank lines above the embed,
/// is a quotation, not the post's first line (fixtures/realworld-next4/docs/400.txt).
#[test]
fn a_quotation_of_the_post_above_it_is_not_its_text() {
    let feed = feed_of("realworld-next4/docs/400.txt").1;
    let post = feed
        .posts
        .iter()
        .find(|p| p.text.contains("#dkpol"))
        .expect("the post");
    assert_eq!(post.text, "Nå, men de blev da enige om udgifterne...#dkpol");
    assert!(feed
        .quotes
        .iter()
        .any(|q| q.text == "Nå, men de blev da enige om udgifterne..."));
}

/// A caption-less Instagram embed whose call to action and byline stand a few blank lines
/// apart is a post with an empty text (fixtures/realworld-next6/docs/446.txt, three embeds;
/// fixtures/realworld/docs/165.txt).
#[test]
fn caption_less_instagram_embeds_spread_over_blank_lines() {
    for (path, handle, appearances) in [
        ("realworld-next6/docs/446.txt", "australia", 3),
        ("realworld/docs/165.txt", "kirsialmsiira", 1),
    ] {
        let feed = feed_of(path).1;
        let posts: Vec<_> = feed
            .posts
            .iter()
            .filter(|p| p.author.handle.as_deref() == Some(handle))
            .collect();
        assert!(
            posts.iter().all(|p| p.text.is_empty()),
            "{path}: {posts:#?}"
        );
        let seen: usize = posts.iter().map(|p| p.appearances.len()).sum();
        assert_eq!(seen, appearances, "{path}: {:#?}", feed.posts);
    }
}
