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
