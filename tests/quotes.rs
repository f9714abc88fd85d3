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

/// Asserts the speaker and cue of each `(fixture, quote prefix, speaker, cue)`.
fn expect_speakers(cases: &[(&str, &str, &str, &str)]) {
    for &(rel, prefix, speaker, cue) in cases {
        let (_, feed) = feed_of(rel);
        let got = q(&feed, prefix);
        assert_eq!(got.speaker.as_deref(), Some(speaker), "{rel} {prefix}");
        assert_eq!(got.cue.as_deref(), Some(cue), "{rel} {prefix}");
    }
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
fn curly_quotes_says_and_pronouns() {
    // Real (en, technologyreview.com via newspaper's test data): curly quotes, the cue before
    // the name with an apposition after it, `she said` and `he says` resolved to the person the
    // paragraph names, `says Charpentier` to the full name given earlier.
    let (doc, feed) = feed_of("quote/curly-says-and-pronouns.txt");
    expect(
        &doc,
        &feed,
        "The intellectual property in this space is pretty complex, to put it nicely,",
        Some("Rodger Novak"),
        Some("says"),
    );
    expect(
        &doc,
        &feed,
        "I am not part of the company’s team at this point,",
        Some("Jennifer Doudna"),
        Some("said"),
    );
    assert_eq!(
        q(&feed, "I am not part of").speaker_mention.as_deref(),
        Some("she")
    );
    expect(
        &doc,
        &feed,
        "It’s one important piece, but I don’t really pay attention to patents,",
        Some("Feng Zhang"),
        Some("says"),
    );
    expect(
        &doc,
        &feed,
        "I am very confident that the future will clarify the situation,",
        Some("Emmanuelle Charpentier"),
        Some("says"),
    );
    // The words after the attribution go on with the same speaker.
    expect(
        &doc,
        &feed,
        "And I would like to believe the story is going to end up well.",
        Some("Emmanuelle Charpentier"),
        None,
    );
    // `“obvious”`, `“first to invent”` and the headline-like `“Genome Surgery”` are terms.
    for term in ["obvious", "first to invent", "Genome Surgery"] {
        assert!(!feed.quotes.iter().any(|q| q.text == term), "{term}");
    }
}

#[test]
fn straight_quotes_before_and_after() {
    // Real (en, cnn.com via newspaper's test data): straight quotes; `said X, a spokesman for …`,
    // `X said`, a title dropped (`CNN meteorologist Chad Myers said`), an organisation speaking.
    let (doc, feed) = feed_of("quote/straight-quotes-interrupted.txt");
    expect(
        &doc,
        &feed,
        "We dodged a bullet,",
        Some("Steve Cowan"),
        Some("said"),
    );
    expect(
        &doc,
        &feed,
        "It's sleet; it's rain; it's 31 degrees. It's ugly out there,",
        Some("Chad Myers"),
        Some("said"),
    );
    expect(
        &doc,
        &feed,
        "Rail travel remains one of the most reliable and comfortable transportation options, especially in weather conditions that negatively impact other modes,",
        Some("Amtrak"),
        Some("said"),
    );
    // A tweet quoted in the prose with no post in the page: nothing to link to.
    expect(
        &doc,
        &feed,
        "QUIET CAR. Window seat. Polite seatmate. I have hit the Amtrak travel trifecta. #blessed,",
        Some("Ellie Hall"),
        Some("tweeted"),
    );
    assert!(feed.posts.is_empty());
    assert!(feed.quotes.iter().all(|q| q.post.is_none()));
}

#[test]
fn single_quotes_not_apostrophes() {
    // Real (en, namibian.com.na, a British agency copy): quotations in `‘…’`, apostrophes in
    // and around them (`Britain’s`, `There’s`, `I’m`, `Cameron’s`) that open or close nothing.
    let (doc, feed) = feed_of("quote/british-single-quotes.txt");
    expect(
        &doc,
        &feed,
        "When I arrived at my desk on the very first day as chief secretary, I found a letter from the previous chief secretary to give me some advice, I assumed, on how I conduct myself over the months ahead,",
        Some("David Laws"),
        Some("recalled"),
    );
    let letter = q(&feed, "There’s no money left");
    assert_eq!(letter.text, "There’s no money left");
    assert_eq!(letter.cue.as_deref(), Some("said"));
    for q in &feed.quotes {
        assert!(
            !q.text.starts_with("s ") && !q.text.starts_with("m "),
            "{q:?}"
        );
    }
    // Known misses: `a letter left by a minister which said: ‘There’s no money left’` is
    // given to `Britain` (the minister is Liam Byrne, named below); the paragraph
    // `‘Unfortunately, … ‘Dear Chief Secretary, …’, which was … expecting.’` (Laws's words
    // around the letter's, a single quote inside single quotes) yields only the inner quote,
    // with `Unfortunately` as its speaker.
}

#[test]
fn guillemets_in_french() {
    // Real (fr): `«Je n’aime pas tweeter», a-t-il affirmé`: guillemets without inner spaces and
    // an inverted cue whose `il` is Donald Trump; `«President of the United States»` is a name.
    let (doc, feed) = feed_of("realworld/docs/085.txt");
    expect(
        &doc,
        &feed,
        "Je n’aime pas tweeter",
        Some("Donald Trump"),
        Some("a-t-il affirmé"),
    );
    assert!(!feed
        .quotes
        .iter()
        .any(|q| q.text == "President of the United States"));
    // Real (fr): `«Sinon, merci …», a écrit Fabienne Sintes.`
    let (doc, feed) = feed_of("realworld-next3/docs/363.txt");
    expect(
        &doc,
        &feed,
        "Sinon, merci pour vos mots aimables en ce jour de deuil",
        Some("Fabienne Sintes"),
        Some("a écrit"),
    );
}

#[test]
fn low_high_quotes_in_german() {
    // Real (de): `„Ich sehe mich jetzt gezwungen, …“, sagte er.`; the scare quotes
    // `„Wahrheiten“` and `„Kampagnen“` before it are words, not quotations.
    let (doc, feed) = feed_of("realworld/docs/091.txt");
    expect(
        &doc,
        &feed,
        "Ich sehe mich jetzt gezwungen, weil ich manche Wahrheiten sonst nicht unter eine breitere Bevölkerung bekomme",
        Some("Horst Seehofer"),
        Some("sagte"),
    );
    for term in ["Wahrheiten", "Kampagnen"] {
        assert!(!feed.quotes.iter().any(|q| q.text == term), "{term}");
    }
    // Real (de, shz.de): `ein Lebkuchenherz mit der Aufschrift „Danke“` is a word printed on a
    // thing; `„…“, so Pressesprecher Matthias Felsch.` a quotation (see `cues_and_inversions_in_more_languages`).
    let (_, feed) = feed_of("quote/so-cue-and-scare-quote-german.txt");
    assert!(!feed.quotes.iter().any(|q| q.text == "Danke"));
    assert_eq!(feed.quotes.len(), 3);
    assert!(feed.posts.is_empty());
}

#[test]
fn interrupted_quote_gives_two_records() {
    // Real (en, cnn.com): `"…," she said in an e-mail. "…"` and `"…," X told CNN affiliate
    // WUSA. "…"`: the words after the attribution are a second record with the same speaker.
    let (doc, feed) = feed_of("quote/straight-quotes-interrupted.txt");
    expect(
        &doc,
        &feed,
        "I thought the lines were going to be ridiculous,",
        Some("Latasha Abney"),
        Some("said"),
    );
    let second = q(&feed, "I was second in line checking my bag");
    assert_eq!(second.speaker.as_deref(), Some("Latasha Abney"));
    expect(
        &doc,
        &feed,
        "It was a small fortune,",
        Some("Jennifer Peterson"),
        Some("told"),
    );
    expect(
        &doc,
        &feed,
        "We could've gone to the Bahamas for what we paid!",
        Some("Jennifer Peterson"),
        None,
    );
}

#[test]
fn quote_spanning_sentences_after_its_cue() {
    // Real (en, cnn.com): `But, he added: "The worst … is over. Tomorrow will be …"`: one
    // quote over two sentences, the cue and pronoun before it, the speaker named a paragraph up.
    let (doc, feed) = feed_of("quote/straight-quotes-interrupted.txt");
    expect(
        &doc,
        &feed,
        "The worst in terms of widespread snow and rain is over. Tomorrow will be a quieter day, although wind gusts will continue to be a problem overnight and Thursday for the Northeast.",
        Some("Steve Cowan"),
        Some("added"),
    );
    // Real (en, a blog copying Bloomberg): `According to the Treasury, the letter read as
    // follows: “Dear Chief Secretary, I’m afraid there’s no money. Kind regards -- and good
    // luck! Liam.”`: three sentences, the cue before the marks.
    let (doc, feed) = feed_of("quote/according-to-the-letter-read.txt");
    let letter = q(&feed, "Dear Chief Secretary, I’m afraid there’s no money.");
    assert_eq!(
        letter.text,
        "Dear Chief Secretary, I’m afraid there’s no money. Kind regards -- and good luck! Liam."
    );
    assert_eq!(letter.cue.as_deref(), Some("read"));
    // Known miss: the letter is Liam Byrne's (it is signed `Liam.`); the finder gives it to
    // the `U.K. Treasury` that reports it.
    expect(
        &doc,
        &feed,
        "I do hope David Laws’ sense of humour wasn’t another casualty of the coalition deal,",
        Some("Liam Byrne"),
        Some("said"),
    );
    expect(
        &doc,
        &feed,
        "Sorry, old cock, to leave it in this shape.",
        Some("Reginald Maudling"),
        Some("remarked"),
    );
    // Real (en, concise.ng): `“…,” the statement read.` and a second paragraph of the
    // statement, three sentences in one pair of marks, with the statement's author.
    let (doc, feed) = feed_of("quote/statement-read-and-tweet-read.txt");
    expect(
        &doc,
        &feed,
        "Following the agreement reached between NUEE and representatives of Government this morning, on all the issues in contention, the Union wishes to suspend the industrial action it embarked upon to press home these demands,",
        Some("Joe Ajaero"),
        Some("read"),
    );
    expect(
        &doc,
        &feed,
        "Consequently, members are urged to return to their duty posts while we monitor the implementation of these agreements. We would not hesitate to resume action if the agreements are not implemented.",
        Some("Joe Ajaero"),
        None,
    );
    // Known miss: `“Dear customer, …,” the tweet read.` is given to Joe Ajaero; the tweet is
    // Eko Electricity Distribution Company's (named in the paragraph above). Its embed below,
    // cut by the page store inside the name, is no post.
    let tweet = q(&feed, "Dear customer, National Union");
    assert_eq!(tweet.cue.as_deref(), Some("read"));
}

#[test]
fn shouted_words_and_indefinite_speakers() {
    // Real (en, news4jax.com): `"No justice! No peace!" some yelled.` (words shouted by a
    // crowd, an indefinite speaker kept as printed) and `"…," said one protestor.`; the
    // copyright line closing the page is no post.
    let (doc, feed) = feed_of("quote/shouted-words-some-yelled.txt");
    expect(
        &doc,
        &feed,
        "No justice! No peace!",
        Some("some"),
        Some("yelled"),
    );
    expect(
        &doc,
        &feed,
        "I think Angela Corey set us up for failure with the second-degree murder charge, and I thought it was a joke to begin with, so I wasn't surprised,",
        Some("one protestor"),
        Some("said"),
    );
    assert_eq!(feed.quotes.len(), 2);
    assert!(feed.posts.is_empty());
}

#[test]
fn dash_credits_after_quotes() {
    // Real (en, airandspaceforces.com "Verbatim"): each quotation under a heading, closed by a
    // credit glued to the mark (`”—Secretary of Defense Donald H. Rumsfeld, NBC News’ “Meet
    // the Press,” Sunday, June 26.`). The quotations are found whole; the show's title in the
    // credit is no quotation.
    let (doc, feed) = feed_of("quote/dash-credits-after-quotes.txt");
    for text in [
        "The allegation that it’s some sort of quagmire and progress isn’t being made just isn’t true. … That’s just flat wrong. We are not losing in Iraq.",
        "I’m not old enough to give up and set down.",
        "We are changing the role of citizen-soldier to soldier-citizen.",
    ] {
        let got = q(&feed, text);
        assert_eq!(got.text, text);
        assert_eq!(got.start, doc.text.find(text).expect("in text"));
    }
    assert!(!feed
        .quotes
        .iter()
        .any(|q| q.text.starts_with("Meet the Press")));
    // Known misses: no credit gives its quote a speaker. Rumsfeld's own words get none; the
    // others take a name from an earlier credit (the Chinese Foreign Ministry's, Amir Taheri's
    // and Lena Haddix's words go to Rumsfeld, Mark Warner's to Lena Haddix) or a name cut at
    // its abbreviation (`Chinese Maj. Gen. Zhu Chenghu` gives `Chinese Maj`).
}

#[test]
fn platform_cues() {
    // Real (es): `"…", escribió en Twitter.`, the speaker the subject of the sentence before.
    let (doc, feed) = feed_of("realworld/docs/088.txt");
    expect(
        &doc,
        &feed,
        "Todo el mundo está discutiendo sobre si es o no una PROHIBICIÓN. ¡Llámenlo como quieran, es sobre mantener a la gente mala (con malas intenciones) lejos del país!",
        Some("Donald Trump"),
        Some("escribió en Twitter"),
    );
    // (it) `“…“, scrive su twitter il ministro della Cultura.`
    let (_, feed) = feed_of("realworld-next4/docs/388.txt");
    let got = q(
        &feed,
        "Una squadra piena di voglia di fare per gli Italiani",
    );
    assert_eq!(got.cue.as_deref(), Some("scrive su twitter"));
    assert_eq!(
        got.speaker_mention.as_deref(),
        Some("il ministro della Cultura")
    );
    // Known miss: the epithet is Dario Franceschini, named in the sentence above; the finder
    // keeps the phrase as the speaker.
    assert!(quote::is_platform_cue("wrote on Twitter"));
    assert!(quote::is_platform_cue("scrive su twitter"));
    assert!(quote::is_platform_cue("escribió en Twitter"));
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

#[test]
fn common_noun_speakers_in_more_languages() {
    // Real articles: a speaker with no name, the whole phrase kept, after (or before) the cue.
    let cases = [
        // (ru) `«…» — написал один из пользователей.`
        (
            "realworld-next/docs/332.txt",
            "В Московской области",
            "один из пользователей",
            "написал",
        ),
        // (pt) `“…”, disse um internauta.`
        (
            "realworld-next3/docs/365.txt",
            "Denunciem esse tuiter mentiroso!",
            "um internauta",
            "disse",
        ),
        // (pl) a dash-opened paragraph without marks: `- … – dodał inny internauta.`
        (
            "realworld-next2/docs/347.txt",
            "Kaligula mianował swojego konia",
            "inny internauta",
            "dodał",
        ),
        // (it) `“…“, scrive un utente.`
        (
            "realworld-next4/docs/388.txt",
            "Dovrebbero togliere i social",
            "un utente",
            "scrive",
        ),
    ];
    expect_speakers(&cases);
}

#[test]
fn cues_and_inversions_in_more_languages() {
    let cases = [
        // (ar) the verb and its subject before the quote: `نشر دونالد ترامب …، قال فيها “…”`.
        (
            "realworld/docs/074.txt",
            "لقد قررت أن الوقت قد حان",
            "دونالد ترامب",
            "قال",
        ),
        // (de) `„…“, so Pressesprecher Matthias Felsch.`: `so` as the cue, the title dropped.
        (
            "quote/so-cue-and-scare-quote-german.txt",
            "Wir vermuten, dass es eine spontane Aktion war",
            "Matthias Felsch",
            "so",
        ),
        // (nl) `“…,” aldus ene Onair.`, a post's words re-quoted.
        (
            "realworld/docs/168.txt",
            "Dit is de L van een oude",
            "Onair",
            "aldus",
        ),
        // (es) `“…”, agregó.`: the speaker carried from `comenzó diciendo la artista`.
        (
            "realworld-next/docs/333.txt",
            "Mujeres que defienden",
            "Shakira",
            "agregó",
        ),
        // (de) `„…“, mahnt Meyer-Landrut` (surname to full name) and `rät sie: „…“` (pronoun).
        (
            "realworld/docs/268.txt",
            "Lasst euch nicht zu sehr",
            "Lena Meyer-Landrut",
            "mahnt",
        ),
        (
            "realworld/docs/268.txt",
            "Dein Glück und deine Freude",
            "Lena Meyer-Landrut",
            "rät",
        ),
        // (nl) `"…", schrijft hij erbij.`
        (
            "realworld/docs/150.txt",
            "Rennend richting de laatste training",
            "Matthijs de Ligt",
            "schrijft",
        ),
        // (uk) a headline `"…": Кислиця відреагував …`: the surname to the full name.
        (
            "realworld-next2/docs/345.txt",
            "Коли мені знадобиться сантехнік",
            "Сергій Кислиця",
            "відреагував",
        ),
        // (pl) `ironizowała Agnieszka Burzyńska`, `skwitowała Karolina Hytrek`.
        (
            "realworld-next4/docs/394.txt",
            "Oj, a co tu się porobiło?",
            "Agnieszka Burzyńska",
            "ironizowała",
        ),
        (
            "realworld-next4/docs/394.txt",
            "Czy premier wie o tych postach?",
            "Karolina Hytrek",
            "skwitowała",
        ),
    ];
    expect_speakers(&cases);
}

#[test]
fn cues_glued_to_the_marks_in_cjk() {
    let cases = [
        // (zh) `川普在推特及臉書上發文表示,「…」`.
        (
            "realworld-next3/docs/371.txt",
            "臺灣總統今天打電話恭喜我選上總統",
            "川普",
            "表示",
        ),
        // (ja) `宇野は「…」と返しました`: the surname to the full name.
        (
            "realworld-next5/docs/409.txt",
            "X始めようと思う",
            "宇野昌磨",
            "と返しました",
        ),
        // (ko) `이 대통령은 “…”라고 말했다`: the title to the person.
        (
            "realworld-next4/docs/391.txt",
            "의심이 많으시네요",
            "이명박",
            "말했다",
        ),
    ];
    expect_speakers(&cases);
}

#[test]
fn cue_before_the_quote_and_a_title_for_the_speaker() {
    // Real (es, lasexta.com): `según Illa, "…"` (the cue and speaker before the marks) and
    // `El ministro responde: "…"` (a title resolved to Salvador Illa, named with it above).
    let (doc, feed) = feed_of("quote/segun-and-title-speaker-spanish.txt");
    expect(
        &doc,
        &feed,
        "en este momento no procede tomar otras medidas",
        Some("Salvador Illa"),
        Some("según"),
    );
    expect(
        &doc,
        &feed,
        "La valoración de riesgos que tenemos nos lleva a concluir que debemos seguir estando en una fase de contención",
        Some("Salvador Illa"),
        Some("responde"),
    );
    assert_eq!(
        q(&feed, "La valoración de riesgos")
            .speaker_mention
            .as_deref(),
        Some("El ministro")
    );
    // `como "un traidor"`: a term.
    assert!(!feed.quotes.iter().any(|q| q.text == "un traidor"));
}

#[test]
fn quotes_go_on_past_an_embed_between_paragraphs() {
    // Real (en, fixtures/realworld-next6/docs/446.txt): `“…,” Coghill said.`, then an Instagram
    // embed, then a paragraph that is a quotation of its own: Coghill goes on speaking.
    let (doc, feed) = feed_of("realworld-next6/docs/446.txt");
    for text in [
        "Some of our best-performing posts of all time have been kangaroos scratching their bellies and koalas lounging about.",
        "And that’s not to mention the wombats with their booty shakes!",
    ] {
        expect(&doc, &feed, text, Some("Susan Coghill"), None);
    }
}

#[test]
fn a_bracketed_gloss_between_speaker_and_cue() {
    // Real (en, fixtures/realworld-next7/docs/451.txt): `“…,” Sen. David Vitter (R-La.)
    // tweeted. “Very unsettling.”`: the full stop inside the brackets ends no sentence, the
    // gloss is passed over, and the next quote goes on with the speaker.
    let (doc, feed) = feed_of("realworld-next7/docs/451.txt");
    let first = q(&feed, "This attack at Rep. Giffords event");
    assert_eq!(first.speaker.as_deref(), Some("Sen. David Vitter"));
    assert_eq!(first.cue.as_deref(), Some("tweeted"));
    expect(
        &doc,
        &feed,
        "Very unsettling.",
        Some("Sen. David Vitter"),
        None,
    );
}

#[test]
fn a_title_in_apposition_and_an_impersonal_il() {
    // Real (fr, fixtures/realworld-next7/docs/458.txt): `Roselyne Bachelot, ministre de la
    // Culture` gives her the title, so `la ministre a réagi :` is her; `Il s'agit de celui de
    // Ségolène Royal. "…" a-t-elle écrit`: the impersonal `Il` sends `elle` to nobody before
    // Royal.
    let (doc, feed) = feed_of("realworld-next7/docs/458.txt");
    let q1 = q(&feed, "Je lui réponds qu");
    assert_eq!(q1.speaker.as_deref(), Some("Roselyne Bachelot"));
    assert_eq!(q1.speaker_mention.as_deref(), Some("la ministre"));
    let royal = q(&feed, "Bonjour le bilan carbone");
    assert_eq!(royal.speaker.as_deref(), Some("Ségolène Royal"));
    assert!(doc.text.contains("Il s'agit de celui de Ségolène Royal."));
}

#[test]
fn a_sports_role_before_a_name_makes_a_person() {
    // Real (en, fixtures/realworld-next7/docs/465.txt): `Manchester City midfielder Bernardo
    // Silva has taken to twitter …`: the role makes him the article's person, so the quotes of
    // his tweets (a paragraph after `he apologized`, and `He said:`) are his, not the club's
    // that beat his (`by Olympique Lyon`) nor `The Portuguese international`'s adjective.
    let (_, feed) = feed_of("realworld-next7/docs/465.txt");
    for start in [
        "The 2019/2020 season has ended",
        "The only thing we can promise",
        "And to all Liverpool fans",
    ] {
        assert_eq!(
            q(&feed, start).speaker.as_deref(),
            Some("Bernardo Silva"),
            "{start}"
        );
    }
}

#[test]
fn spanish_consideró_leads_in() {
    // Real (es, fixtures/realworld-next7/docs/456.txt): `El presidente también consideró: “…”,
    // añadió.`: the lead-in's cue and subject (the president, resolved to AMLO named in full)
    // win over the bare `añadió` after the marks.
    let (_, feed) = feed_of("realworld-next7/docs/456.txt");
    let got = q(&feed, "Lo que me llama la atención");
    assert_eq!(got.speaker.as_deref(), Some("Andrés Manuel López Obrador"));
    assert_eq!(got.cue.as_deref(), Some("consideró"));
}

#[test]
fn twitted_is_tweeted() {
    // Real (en, Nigeria, fixtures/realworld-next7/docs/453.txt): `she twitted that ‘recession
    // is just a word’`: the spelling of the press there is a cue like `tweeted`, so the single
    // quotes after it are a quotation.
    expect_speakers(&[(
        "realworld-next7/docs/453.txt",
        "recession is just a word",
        "Mrs Kemi Adeosun",
        "twitted",
    )]);
}

#[test]
fn cues_with_a_clitic_and_joking_cues() {
    // Real (it, pl, id: fixtures/realworld-next8/docs/479.txt, 480.txt, 478.txt): `ha
    // confidato`, `gli ha scritto` (the addressee's clitic before the auxiliary), `żartowała`,
    // `sambung`.
    expect_speakers(&[
        (
            "realworld-next8/docs/479.txt",
            "E poi entra in casa il vocabolario di greco",
            "Matteo Renzi",
            "ha confidato",
        ),
        (
            "realworld-next8/docs/479.txt",
            "Tu comprati quello di inglese",
            "un certo Marco Ferrari",
            "gli ha scritto",
        ),
        (
            "realworld-next8/docs/480.txt",
            "Proszę nie nawoływać do dobijania jeńców",
            "kolejna internautka",
            "żartowała",
        ),
    ]);
}

#[test]
fn greek_plural_cue_after_the_marks() {
    // Real (el, fixtures/realworld-next9/docs/486.txt): `“…” γράφουν μεταξύ άλλων οι
    // χρήστες`: the users write, among others.
    let (_, feed) = feed_of("realworld-next9/docs/486.txt");
    let got = q(&feed, "Όλη η Ευρώπη πρέπει να προστατευθεί");
    assert!(got
        .speaker
        .as_deref()
        .is_some_and(|s| s.ends_with("οι χρήστες")));
    assert_eq!(got.cue.as_deref(), Some("γράφουν"));
}

#[test]
fn a_dative_addressee_between_the_cue_and_its_subject() {
    // Real (ru, fixtures/realworld-next10/docs/510.txt): `— ответил Зеленскому один из
    // комментаторов` (one of the commentators answered Zelensky), `— поддержал третий`.
    expect_speakers(&[
        (
            "realworld-next10/docs/510.txt",
            "Вот как выглядит отчаяние",
            "один из комментаторов",
            "ответил",
        ),
        (
            "realworld-next10/docs/510.txt",
            "Думаю, пришло время уволить этого актера",
            "третий",
            "поддержал",
        ),
    ]);
}
