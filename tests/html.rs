//! HTML pages: every fixture under `fixtures/html/`, its important fields checked.

use embedscan::model::{AppearanceKind, Platform, Post};
use embedscan::{assemble, extract, Document, Feed};

fn read(name: &str) -> (String, Document) {
    let path = format!("{}/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    (text.clone(), Document::html(name, text))
}

fn feed(names: &[&str]) -> Feed {
    assemble(names.iter().map(|n| extract(&read(n).1)))
}

fn post<'a>(feed: &'a Feed, id: &str) -> &'a Post {
    feed.posts
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no post {id} in {:#?}", feed.posts))
}

/// Every markup appearance spans an element of the source.
fn check_spans(name: &str) {
    let (html, doc) = read(name);
    for p in extract(&doc).posts {
        for a in &p.appearances {
            let span = &html[a.start..a.end];
            if a.kind == AppearanceKind::Html {
                assert!(span.starts_with('<'), "{name}: {span}");
                assert!(span.ends_with('>'), "{name}: {span}");
            }
            assert_eq!(a.line, html[..a.start].matches('\n').count() + 1);
        }
    }
}

#[test]
fn spans_point_at_elements() {
    let dir = format!("{}/fixtures/html", env!("CARGO_MANIFEST_DIR"));
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".html") {
            check_spans(&name);
        }
    }
}

#[test]
fn oembed_blockquote() {
    let (html, _) = read("01_oembed_basic.html");
    let f = feed(&["01_oembed_basic.html"]);
    assert_eq!(f.documents[0].date.as_deref(), Some("2019-12-31"));
    assert_eq!(f.posts.len(), 1);
    let p = post(&f, "twitter:1212011868181340851");
    assert_eq!(p.author.name.as_deref(), Some("Marlow Harbor Police"));
    assert_eq!(p.author.handle.as_deref(), Some("MarlowHarborPD"));
    assert_eq!(
        p.text,
        "The north pier is closed until further notice. Crews are assessing damage #StormWatch @PortOfMarlow\nUpdates to follow: https://t.co/Qw3rTy7uIo pic.twitter.com/PiC9xYz12A"
    );
    assert_eq!(p.hashtags, ["StormWatch"]);
    assert_eq!(p.mentions, ["PortOfMarlow"]);
    assert_eq!(p.urls, ["https://t.co/Qw3rTy7uIo"]);
    assert_eq!(p.media, ["pic.twitter.com/PiC9xYz12A"]);
    assert_eq!(p.status_id.as_deref(), Some("1212011868181340851"));
    assert_eq!(
        p.status_url.as_deref(),
        Some("https://twitter.com/MarlowHarborPD/status/1212011868181340851")
    );
    assert_eq!(p.created_at.as_deref(), Some("2019-12-31T14:05:22.123Z"));
    assert_eq!(p.date.as_deref(), Some("2019-12-31"));
    let a = &p.appearances[0];
    assert_eq!(a.kind, AppearanceKind::Html);
    assert!(html[a.start..a.end].starts_with("<blockquote class=\"twitter-tweet tw-align-center\""));
    assert!(html[a.start..a.end].ends_with("</blockquote>"));
    // The prose re-quote is found in the article text, its offsets in the source.
    let q = &f.quotes[0];
    assert_eq!(q.text, "The north pier is closed until further notice,");
    assert_eq!(
        &html[q.start..q.end],
        "The north pier is closed until further notice,"
    );
}

#[test]
fn x_and_mobile_links() {
    let f = feed(&["02_x_links.html"]);
    let p = post(&f, "twitter:1498576271746076945");
    assert_eq!(p.author.handle.as_deref(), Some("RivertonTU"));
    assert!(p.text.contains("lines 4 & 7 — details"));
    assert_eq!(p.created_at.as_deref(), Some("2022-03-01T08:30:00.042Z"));
    let q = post(&f, "twitter:1498576271746076946");
    assert_eq!(q.author.handle.as_deref(), Some("CityOfRiverton"));
    assert_eq!(q.text, "We remain open to talks at any time.");
}

#[test]
fn legacy_markup_and_reply_by_id() {
    let f = feed(&["03_legacy_2012.html"]);
    let a = post(&f, "twitter:177087396054041941");
    assert_eq!(a.date.as_deref(), Some("2012-03-06"));
    let b = post(&f, "twitter:177091474360371063");
    assert_eq!(b.author.handle.as_deref(), Some("danawhit"));
    assert_eq!(b.reply_to.as_deref(), Some("LakesideFest"));
    assert_eq!(b.created_at.as_deref(), Some("2012-03-06T18:01:12.345Z"));
}

#[test]
fn nested_quote_and_reply() {
    let f = feed(&["04_quoted_nested.html"]);
    assert_eq!(f.posts[0].id, "twitter:1710765733438335949");
    assert_eq!(
        f.posts[0].quoted_post.as_deref(),
        Some("twitter:1710700000000000000")
    );
    assert_eq!(
        post(&f, "twitter:1710700000000000000")
            .author
            .handle
            .as_deref(),
        Some("tomabernathy")
    );
    let f = feed(&["05_reply_nested.html"]);
    let p = post(&f, "twitter:1786183890734677760");
    assert_eq!(p.reply_to.as_deref(), Some("priyanand"));
    assert_eq!(
        p.text,
        "Crews start on Elm Street Monday. Sorry about the tyres."
    );
    assert_eq!(p.quoted_post, None);
}

#[test]
fn wrappers() {
    let (html, _) = read("06_wordpress_amp.html");
    let f = feed(&["06_wordpress_amp.html"]);
    assert_eq!(f.posts.len(), 3);
    let obs = post(&f, "twitter:1211938226173100033");
    assert_eq!(
        obs.appearances.len(),
        2,
        "the WordPress and AMP copies are one post"
    );
    let bare = post(&f, "twitter:1212050796049526978");
    assert_eq!(
        (bare.author.handle.as_deref(), bare.text.as_str()),
        (Some("skywatcher_li"), "")
    );
    assert!(html[bare.appearances[0].start..].starts_with("<figure class=\"wp-block-embed"));
    let amp = post(&f, "twitter:1212531449656320837");
    assert_eq!(amp.date.as_deref(), Some("2020-01-02"));
    assert!(html[amp.appearances[0].start..].starts_with("<amp-twitter"));

    let (html, _) = read("07_cnn_iframe_js.html");
    let f = feed(&["07_cnn_iframe_js.html"]);
    assert_eq!(f.posts.len(), 3);
    assert_eq!(
        post(&f, "twitter:1212050796049526979")
            .author
            .handle
            .as_deref(),
        Some("DorranCG")
    );
    let rendered = post(&f, "twitter:1212011868181340852");
    assert!(html[rendered.appearances[0].start..]
        .starts_with("<div class=\"twitter-tweet twitter-tweet-rendered\""));
    let js = post(&f, "twitter:1212011868181340999");
    assert_eq!(
        (js.author.handle.as_deref(), js.text.as_str()),
        (Some("HarbourMasterJo"), "")
    );
    assert_eq!(
        js.status_url.as_deref(),
        Some("https://twitter.com/HarbourMasterJo/status/1212011868181340999")
    );
}

#[test]
fn emoji_and_rtl() {
    let f = feed(&["08_emoji_rtl.html"]);
    let p = post(&f, "twitter:1212011868181340900");
    assert_eq!(p.author.name.as_deref(), Some("بلدية الواحة"));
    assert_eq!(
        p.text,
        "أضواء المهرجان تملأ الساحة الليلة 🎆✨ #العيد pic.twitter.com/Zx9Yw8Vu7T"
    );
    assert_eq!(p.hashtags, ["العيد"]);
    assert_eq!(p.lang.as_deref(), Some("ar"));
}

#[test]
fn several_embeds_and_text_embeds_in_prose() {
    let (html, _) = read("09_several.html");
    let f = feed(&["09_several.html"]);
    assert_eq!(f.posts.len(), 4, "{:#?}", f.posts);
    let handles: Vec<_> = f
        .posts
        .iter()
        .filter_map(|p| p.author.handle.as_deref())
        .collect();
    assert_eq!(
        handles,
        ["ValleyVotes", "MariaOkafor", "GlenHarper", "samortiz_news"]
    );
    let text = &f.posts[3];
    assert_eq!(text.appearances[0].kind, AppearanceKind::Embed);
    let a = &text.appearances[0];
    assert!(html[a.start..a.end].starts_with("Long queues outside"));
    assert!(html[a.start..a.end].ends_with("December 31, 2019"));
    assert!(f
        .quotes
        .iter()
        .any(|q| html[q.start..q.end].starts_with("Thank you to every volunteer")));
}

#[test]
fn page_without_embeds() {
    let f = feed(&["10_none.html"]);
    assert!(f.posts.is_empty());
    assert_eq!(f.documents[0].date.as_deref(), Some("2020-01-05"));
}

#[test]
fn translated_copy_becomes_a_version() {
    let f = feed(&["01_oembed_basic.html", "11_translated_fr.html"]);
    assert_eq!(f.posts.len(), 1);
    let p = &f.posts[0];
    assert!(p.text.starts_with("The north pier is closed"));
    assert_eq!(
        p.appearances
            .iter()
            .filter(|a| a.kind == AppearanceKind::Html)
            .count(),
        2
    );
    assert_eq!(p.versions.len(), 1);
    assert_eq!(p.versions[0].lang.as_deref(), Some("fr"));
    assert!(p.versions[0]
        .text
        .starts_with("La jetée nord est fermée jusqu'à nouvel ordre."));
    assert_eq!(p.versions[0].documents, ["11_translated_fr.html"]);
}

#[test]
fn instagram() {
    let f = feed(&["12_instagram.html"]);
    assert_eq!(f.documents[0].date, None);
    let p = post(&f, "instagram:C0aB1cD2eF3");
    assert_eq!(p.platform, Platform::Instagram);
    assert_eq!(p.author.name.as_deref(), Some("Luca Ferri"));
    assert_eq!(p.author.handle.as_deref(), Some("luca.ferri_cooks"));
    assert_eq!(p.text, "");
    assert_eq!(
        p.status_url.as_deref(),
        Some("https://www.instagram.com/p/C0aB1cD2eF3/")
    );
    let old = post(&f, "instagram:BEx4mPlE9a");
    assert_eq!(old.text, "Première soupe de la saison #automne");
    assert_eq!(old.author.name.as_deref(), Some("Luca Ferri"));
    assert_eq!(old.date.as_deref(), Some("2016-04-21"));
}

#[test]
fn bluesky() {
    let f = feed(&["13_bluesky.html"]);
    let p = post(&f, "bluesky:3lbqwe2x7ks2c");
    assert_eq!(p.author.name.as_deref(), Some("Dr. Ingrid Solberg"));
    assert_eq!(
        p.author.handle.as_deref(),
        Some("ingridsolberg.bsky.social")
    );
    assert_eq!(
        p.text,
        "Sea ice extent hit a record low for November.\nThread with the data below 🧵"
    );
    assert_eq!(p.date.as_deref(), Some("2024-11-25"));
    assert_eq!(
        p.status_url.as_deref(),
        Some("https://bsky.app/profile/ingridsolberg.bsky.social/post/3lbqwe2x7ks2c")
    );
}

#[test]
fn facebook() {
    let f = feed(&["14_facebook.html"]);
    let p = post(&f, "facebook:10160123456789012");
    assert_eq!(p.author.name.as_deref(), Some("Ashby Public Library"));
    assert_eq!(p.author.handle.as_deref(), Some("ashbyPublicLibrary"));
    assert_eq!(
        p.text,
        "We are open again! New opening hours: Mon–Sat 9 to 6."
    );
    assert_eq!(p.date.as_deref(), Some("2023-09-07"));
}

#[test]
fn tiktok() {
    let f = feed(&["19_tiktok.html"]);
    assert_eq!(f.posts.len(), 3);
    let p = post(&f, "tiktok:7233073700258393213");
    assert_eq!(p.platform, Platform::TikTok);
    assert_eq!(p.author.name, None);
    assert_eq!(p.author.handle.as_deref(), Some("marrow.lane.bakery"));
    assert_eq!(
        p.text,
        "5am scoring session, who wants the first loaf? 🥖 #sourdough #bakerylife"
    );
    assert_eq!(p.hashtags, ["sourdough", "bakerylife"]);
    assert_eq!(p.date.as_deref(), Some("2023-05-14"));
    assert_eq!(p.created_at.as_deref(), Some("2023-05-14T16:20:05.000Z"));
    assert_eq!(
        p.status_url.as_deref(),
        Some("https://www.tiktok.com/@marrow.lane.bakery/video/7233073700258393213")
    );
    // No `cite`, no `<p>`: the id from `data-video-id`, the author from the `@` link, the text
    // without the author link and the sound.
    let bare_markup = post(&f, "tiktok:7161329384643946770");
    assert_eq!(
        bare_markup.author.handle.as_deref(),
        Some("marrow.lane.bakery")
    );
    assert_eq!(
        bare_markup.text,
        "First batch in the new oven #smallbusiness"
    );
    assert_eq!(bare_markup.date.as_deref(), Some("2022-11-02"));
    // The player frame: id and time only.
    let frame = post(&f, "tiktok:7333690589706026545");
    assert_eq!(
        (frame.author.handle.as_deref(), frame.text.as_str()),
        (None, "")
    );
    assert_eq!(
        frame.created_at.as_deref(),
        Some("2024-02-09T19:45:00.000Z")
    );
}

#[test]
fn telegram() {
    let (html, _) = read("20_telegram.html");
    let f = feed(&["20_telegram.html"]);
    // The widget script, the rendered frame with its script (one post), the blockquote form;
    // not the private link, the channel link, the prose link to a post or the comments widget.
    assert_eq!(f.posts.len(), 3, "{:#?}", f.posts);
    assert!(f.posts.iter().all(|p| p.platform == Platform::Telegram
        && p.text.is_empty()
        && p.date.is_none()
        && p.created_at.is_none()));
    let script = post(&f, "telegram:poltava_rain_watch/1187");
    assert_eq!(script.author.handle.as_deref(), Some("poltava_rain_watch"));
    assert_eq!(script.status_id.as_deref(), Some("poltava_rain_watch/1187"));
    assert_eq!(
        script.status_url.as_deref(),
        Some("https://t.me/poltava_rain_watch/1187")
    );
    let a = &script.appearances[0];
    assert!(html[a.start..a.end].starts_with("<script async"));
    // Frame and script of one post: one post, both appearances, in page order.
    let rendered = post(&f, "telegram:vorskla_vodokanal/3310");
    assert_eq!(rendered.author.handle.as_deref(), Some("Vorskla_Vodokanal"));
    assert_eq!(
        rendered.status_url.as_deref(),
        Some("https://t.me/vorskla_vodokanal/3310")
    );
    let shown: Vec<&str> = rendered
        .appearances
        .iter()
        .map(|a| &html[a.start..a.start + 7])
        .collect();
    assert_eq!(shown, ["<iframe", "<script"]);
    let quote = post(&f, "telegram:svitlo_vorskla/702");
    assert!(html[quote.appearances[0].start..].starts_with("<blockquote class=\"telegram-post\""));
}

#[test]
fn telegram_markup_variants() {
    let ids = |html: &str| -> Vec<String> {
        assemble([extract(&Document::html("t.html", html))])
            .posts
            .into_iter()
            .map(|p| p.id)
            .collect()
    };
    // One post however the page spells its channel.
    assert_eq!(
        ids("<p>a</p><iframe id=\"telegram-post-Durov_Channel-43\" src=\"https://t.me/Durov_Channel/43?embed=1\"></iframe>\
             <script async src=\"https://telegram.org/js/telegram-widget.js?22\" data-telegram-post=\"durov_channel/43\"></script>"),
        ["telegram:durov_channel/43"]
    );
    // A lazy frame with `data-src`, a frame known by its id only, a protocol-relative frame, a
    // full link in the attribute, the old `telegram.me` host.
    assert_eq!(
        ids("<iframe data-src=\"https://t.me/river_news/7?embed=1\"></iframe>\
             <iframe id=\"telegram-post-river_news-8\"></iframe>\
             <iframe src=\"//t.me/river_news/9?embed=1&amp;dark=1\"></iframe>\
             <script data-telegram-post=\"https://t.me/river_news/10\"></script>\
             <blockquote class=\"telegram-post\" data-telegram-post=\"t.me/river_news/11\"></blockquote>\
             <iframe src=\"https://telegram.me/river_news/12?embed=1\"></iframe>"),
        [
            "telegram:river_news/7",
            "telegram:river_news/8",
            "telegram:river_news/9",
            "telegram:river_news/10",
            "telegram:river_news/11",
            "telegram:river_news/12",
        ]
    );
    // Comments and discussions are not the post; private, reserved and malformed names give
    // nothing; a blockquote that only has the class is the page's own.
    assert!(ids("<script data-telegram-post=\"river_news/7\" data-comment=\"15\"></script>\
         <iframe id=\"telegram-post-river_news-7-comment15\" src=\"https://t.me/river_news/7?embed=1&amp;comment=15\"></iframe>\
         <script data-telegram-discussion=\"river_news/7\"></script>\
         <iframe src=\"https://t.me/river_news/7?embed=1&amp;discussion=1\"></iframe>\
         <script data-telegram-post=\"c/1873456210\"></script>\
         <script data-telegram-post=\"joinchat/12\"></script>\
         <script data-telegram-post=\"river_news\"></script>\
         <script data-telegram-post=\"river_news/x\"></script>\
         <script data-telegram-post=\"/\"></script>\
         <script data-telegram-post=\"\"></script>\
         <script data-telegram-login=\"river_bot\"></script>\
         <iframe id=\"telegram-post-\"></iframe>\
         <iframe id=\"telegram-post--\"></iframe>\
         <iframe src=\"https://t.me/c/1873456210/45?embed=1\"></iframe>\
         <blockquote class=\"telegram-post\"><p>Our Telegram digest</p></blockquote>")
    .is_empty());
    // The script's content is never read, whatever it holds.
    assert_eq!(
        ids("<script data-telegram-post=\"river_news/7\">document.write('<blockquote class=\"telegram-post\" data-telegram-post=\"river_news/8\">')</script>"),
        ["telegram:river_news/7"]
    );
}

#[test]
fn another_networks_link_first_does_not_hide_the_embeds_own() {
    // No permalink attribute: the embed's own link is found past a Telegram link in the caption.
    let html = "<blockquote class=\"instagram-media\"><p>More on <a href=\"https://t.me/river_news/7\">t.me/river_news/7</a></p>\
        <p><a href=\"https://www.instagram.com/p/B6tqG1xAbCd/\">A post shared by River News (@river.news)</a></p></blockquote>";
    let f = assemble([extract(&Document::html("i.html", html))]);
    let ids: Vec<&str> = f.posts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["instagram:B6tqG1xAbCd"]);
}

#[test]
fn mastodon_and_threads() {
    let f = feed(&["15_mastodon.html"]);
    let p = post(&f, "mastodon:109278976355523419");
    assert_eq!(
        p.author.handle.as_deref(),
        Some("kmoreau@fosstodon.example")
    );
    assert_eq!(
        p.status_url.as_deref(),
        Some("https://fosstodon.example/@kmoreau/109278976355523419")
    );
    assert_eq!(p.created_at.as_deref(), Some("2022-11-03T08:40:49.174Z"));
    assert_eq!(
        post(&f, "mastodon:113489123456789012")
            .author
            .handle
            .as_deref(),
        Some("lin@social.example.org")
    );
    let f = feed(&["16_threads.html"]);
    let p = post(&f, "threads:C1a2B3c4D5e");
    assert_eq!(
        (p.author.handle.as_deref(), p.text.as_str()),
        (Some("thelanterns.band"), "")
    );
    assert_eq!(
        p.status_url.as_deref(),
        Some("https://www.threads.net/@thelanterns.band/post/C1a2B3c4D5e")
    );
}

#[test]
fn seeds_as_html_match_the_text_seeds() {
    let dir = format!("{}/fixtures/html/seeds", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let docs: Vec<Document> = names
        .iter()
        .map(|n| {
            Document::html(
                n.clone(),
                std::fs::read_to_string(format!("{dir}/{n}")).expect("seed"),
            )
        })
        .collect();
    let f = assemble(docs.iter().map(extract));
    assert_eq!(f.posts.len(), 21);
    assert!(f.posts.iter().all(|p| p.status_id.is_some()
        && p.created_at
            .as_deref()
            .is_some_and(|t| t.starts_with("2019-12-31T"))));
    let barzan = f
        .posts
        .iter()
        .find(|p| p.text == "Repeating #Tehran scenario?")
        .expect("barzan");
    assert!(barzan.quoted_post.as_deref().is_some_and(|q| f
        .posts
        .iter()
        .any(|p| p.id == q && p.text.starts_with("#PMF"))));
    let trump = f
        .posts
        .iter()
        .find(|p| p.author.handle.as_deref() == Some("realDonaldTrump"))
        .expect("trump");
    assert_eq!(
        trump
            .appearances
            .iter()
            .filter(|a| a.kind == AppearanceKind::Html)
            .count(),
        2
    );
}

#[test]
fn never_panics_on_broken_markup() {
    for html in [
        "",
        "<",
        "<blockquote class=\"twitter-tweet\">",
        "<blockquote class=\"twitter-tweet\"><p>x</blockquote></p></div>&mdash (@",
        "<html><body><p>a &#xFFFFFFFF; &#0; &amp</p><blockquote class=\"instagram-media\"></blockquote>",
        "<amp-twitter data-tweetid=\"99999999999999999999999\"></amp-twitter><iframe class=\"mastodon-embed\" src=\"::\"></iframe>",
    ] {
        let _ = extract(&Document::html("x.html", html));
    }
}
