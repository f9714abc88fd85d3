//! Real pages that embed no post, whatever looks like one in them: handles cited in prose,
//! handles alone on their lines, headings over paragraphs, credit and copyright lines, share
//! and follow lines; and titles in quote marks, which are no quotations.

use crate::quotes::{expect, feed_of};

/// The real documents of the negative shapes, each with no post.
const NO_POST: [(&str, &str); 5] = [
    // `Amy Walter (@amyewalter): The political director …`: a list of accounts, each `Name
    // (@handle):` and a description in prose with em dashes, no quote marks around it.
    (
        "realworld/docs/105.txt",
        "names with handles in parentheses",
    ),
    // `Rep. Steve Israel, D-N.Y. (` / `@RepSteveIsrael` / a paragraph: handles alone on their
    // lines between a name and prose, `#FF` and `#FollowFriday` in prose.
    ("realworld/docs/104.txt", "handles on lines of their own"),
    // Headings (`Alena Gerber will echte Bilder`, `Geschmack statt Diät`) over paragraphs, a
    // photo credit (`© Getty Images`), `VG-Wort Pixel`, `Mehr zum Thema`.
    (
        "realworld-next6/docs/445.txt",
        "headings, credits, furniture",
    ),
    // `© RIPRODUZIONE RISERVATA` under prose citing `@sarofiorello`.
    ("realworld-next2/docs/360.txt", "copyright line"),
    // `Like us on Facebook`, `Follow us on Twitter & Instagram`, `Follow Lucia I. Suarez on
    // Twitter @luciasuarezsang` closing the article.
    ("negative/film-titles-in-quote-marks.txt", "follow lines"),
];

#[test]
fn real_pages_without_posts() {
    for (rel, what) in NO_POST {
        let (_, feed) = feed_of(rel);
        assert!(feed.posts.is_empty(), "{rel} ({what}): {:#?}", feed.posts);
    }
}

#[test]
fn titles_in_quote_marks_are_not_quotations() {
    // Real (en, foxnews.com via newspaper's test data): film titles in quote marks, one with a
    // comma inside (`“A Most Violent Year, ”out on Dec. 31`), one with a translation in
    // straight quotes (`“La Violencia” ("The Violence")`), a word (`“wild”`); the interview's
    // quotations around them are kept.
    let (doc, feed) = feed_of("negative/film-titles-in-quote-marks.txt");
    for title in [
        "Inside Llewyn Davis.",
        "Inside Llewyn Davis",
        "Star Wars",
        "A Most Violent Year, ",
        "A Most Violent Year,",
        "A Most Violent Year",
        "La Violencia",
        "The Violence",
        "Star Wars: Episode VII",
        "wild",
    ] {
        assert!(!feed.quotes.iter().any(|q| q.text == title), "{title}");
    }
    expect(
        &doc,
        &feed,
        "I’ve signed away my organs,",
        Some("Oscar Isaac"),
        Some("joked"),
    );
    expect(
        &doc,
        &feed,
        "really left (the script) free for us to explore … because he doesn’t want to taint our natural instincts.",
        Some("Jessica Chastain"),
        Some("said"),
    );
}
