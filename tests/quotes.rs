//! Quotations: quotation styles and attribution patterns over `fixtures/quote/` and unit-level
//! cases. The helpers here serve the linking and dedup modules too.

use embedscan::_internal::quote;
use embedscan::model::Quote;
use embedscan::{assemble, extract, Document, Feed};
use std::path::Path;

/// Scans one fixture alone.
pub(crate) fn feed_of(rel: &str) -> (Document, Feed) {
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
pub(crate) fn check(doc: &Document, feed: &Feed) {
    for q in feed.quotes.iter().filter(|q| *q.document == *doc.name) {
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
pub(crate) fn q<'f>(feed: &'f Feed, prefix: &str) -> &'f Quote {
    feed.quotes
        .iter()
        .find(|q| q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no quote starting {prefix:?} in {:#?}", feed.quotes))
}

/// Asserts a quote's exact text (and so its offsets), speaker and cue.
pub(crate) fn expect(
    doc: &Document,
    feed: &Feed,
    text: &str,
    speaker: Option<&str>,
    cue: Option<&str>,
) {
    let got = q(feed, text);
    assert_eq!(got.text, text);
    let start = doc.text.find(text).expect("text in document");
    assert_eq!((got.start, got.end), (start, start + text.len()));
    assert_eq!(got.speaker.as_deref(), speaker, "speaker of {text:?}");
    assert_eq!(got.cue.as_deref(), cue, "cue of {text:?}");
}

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

#[test]
fn a_cue_with_no_words_at_it_goes_to_the_sentence_subject() {
    // Real (no): `Søndag delte Bildt en artikkel om Trump og spurte seg «…»`: no words at the
    // cue (`og spurte`); the sentence's first person is its subject, not the nearest name.
    let (doc, feed) = feed_of("realworld/docs/161.txt");
    expect(
        &doc,
        &feed,
        "Sverige? Terrorangrep? Hva har han røyka?",
        Some("Carl Bildt"),
        Some("spurte"),
    );
}

#[test]
fn handles_in_brackets_after_the_marks_are_the_speakers() {
    // Real (ko): users' posts listed as `“…”(@handle)`, masked handles included.
    let (doc, feed) = feed_of("realworld/docs/219.txt");
    expect(
        &doc,
        &feed,
        "자기도 자기를 용서 못 하겠대 (웃음) 우리도 그래",
        Some("@inkivaari****"),
        None,
    );
    expect(
        &doc,
        &feed,
        "넌 외로웠냐? 난 괴로웠다",
        Some("lemonaid****"),
        None,
    );
}

#[test]
fn a_handle_after_the_cue_and_names_between_quotes() {
    // Real (fr): `« … » estime @SarahNdengue sur Twitter`.
    let (_, feed) = feed_of("realworld/docs/204.txt");
    let q = feed
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Quand Trump entraîne Macron"))
        .expect("quote found");
    assert_eq!(q.speaker.as_deref(), Some("@SarahNdengue"));
    // Real (nl): `… macht." Of Henri Bontenbal, die …: "…" Of Frans Timmermans: "…"`: each
    // quote goes to the name its sentence opens with, not on with the one before.
    let (_, feed) = feed_of("realworld/docs/216.txt");
    let speakers: Vec<_> = feed.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Rob Jetten"),
            Some("Henri Bontenbal"),
            Some("Frans Timmermans")
        ]
    );
}

#[test]
fn string_literals_in_fenced_code_are_not_quotes() {
    // Real: a Markdown blog source with fenced JavaScript (`response.error = '…'`).
    let (doc, feed) = feed_of("realworld/docs/200.html");
    assert!(doc
        .text
        .contains("'Missing env values for MASTODON_TOKEN or MASTODON_SERVER'"));
    assert!(feed
        .quotes
        .iter()
        .all(|q| !q.text.contains("Missing env values")));
}

#[test]
fn short_quotes_with_a_handle_at_the_cue() {
    // Real (id): `"Mohon maaf semuanya," tulis akun @2020official.`, `"Fu*ek!" balas @tiarbah`.
    let (doc, feed) = feed_of("realworld/docs/215.txt");
    expect(
        &doc,
        &feed,
        "Mohon maaf semuanya,",
        Some("@2020official"),
        Some("tulis"),
    );
    expect(&doc, &feed, "Fu*ek!", Some("@tiarbah"), Some("balas"));
    expect(
        &doc,
        &feed,
        "Kamu amj**k,",
        Some("@Gooogle_Id"),
        Some("tulis"),
    );
}

#[test]
fn swedish_cue_after_the_quote() {
    // Real (sv): `"Så löjligt. …", skriver Greta Thunberg på Twitter.`
    let (doc, feed) = feed_of("realworld/docs/162.txt");
    expect(
        &doc,
        &feed,
        "Så löjligt. Donald måste jobba med sina aggressionsproblem",
        Some("Greta Thunberg"),
        Some("skriver"),
    );
}

#[test]
fn a_name_set_off_by_commas_before_the_cue_in_hebrew() {
    // Real (he): `חשבון הטוויטר של המנהיג העליון של איראן, עלי חמינאי, צייץ …`.
    let (_, feed) = feed_of("realworld/docs/247.txt");
    let q = feed
        .quotes
        .iter()
        .find(|q| q.text.starts_with("העמדה שלנו נגד ישראל"))
        .expect("quote found");
    assert_eq!(q.speaker.as_deref(), Some("עלי חמינאי"));
}

#[test]
fn the_clause_goes_on_over_a_dropped_scare_quote() {
    // Real (es): `Twitter anunció que continúa "investigando el incidente" y que tomará "…"`.
    let (doc, feed) = feed_of("realworld/docs/086.txt");
    expect(
        &doc,
        &feed,
        "las medidas necesarias para que no vuelva a repetirse",
        Some("Twitter"),
        Some("anunció"),
    );
    assert!(!feed
        .quotes
        .iter()
        .any(|q| q.text == "investigando el incidente"));
}

#[test]
fn the_subject_of_a_lead_in_speaks_the_list_under_it() {
    // Real (hu): `A kommentek is mulatságosra sikeredtek, ezekből válogattunk:` and three
    // quotations, one per line.
    let (_, feed) = feed_of("realworld/docs/292.txt");
    for prefix in ["Puskás akadémián", "Mindenhez is!!", "Inkább a traktor"] {
        assert_eq!(q(&feed, prefix).speaker.as_deref(), Some("A kommentek"));
    }
    // Real (es): `Bajo la publicación podía leerse: «…»`: a capitalized first word that
    // names no person is no speaker.
    let (_, feed) = feed_of("realworld/docs/195.txt");
    assert!(!feed
        .quotes
        .iter()
        .any(|q| q.speaker.as_deref() == Some("Bajo")));
}
