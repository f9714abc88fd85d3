//! Property tests (proptest), bounded to a few seconds: random documents assembled from embed
//! fragments and noise round-trip — every generated post is found once, with its fields — and
//! the feed does not depend on file order or thread count.

use embedscan::{assemble, extract, Document, Extraction, Feed};
use proptest::prelude::*;
use rayon::prelude::*;

/// A generated post and how it is shown.
#[derive(Debug, Clone)]
struct Embed {
    name: String,
    handle: String,
    text: String,
    date: (&'static str, &'static str),
    own_line: bool,
}

const DATES: [(&str, &str); 6] = [
    ("December 31, 2019", "2019-12-31"),
    ("Dec 1, 2020", "2020-12-01"),
    ("5 March 2021", "2021-03-05"),
    ("31 décembre 2019", "2019-12-31"),
    ("31. Dezember 2019", "2019-12-31"),
    ("2019年12月31日", "2019-12-31"),
];

/// Words for post texts and for noise, with the characters scanners trigger on.
const WORDS: [&str; 16] = [
    "the",
    "council",
    "said",
    "river",
    "“today”",
    "#Flood",
    "@desk",
    "—",
    "(@x)",
    "bridge",
    "open",
    "crews",
    "é",
    "مرحبا",
    "2019",
    "https://t.co/Ab1",
];

fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS.to_vec()), min..max).prop_map(|w| w.join(" "))
}

fn embed() -> impl Strategy<Value = Embed> {
    (
        prop::sample::select(vec![
            "Ana Ruiz",
            "River Report",
            "Metro Desk",
            "Layla",
            "KARRAR",
        ]),
        "[A-Za-z][A-Za-z0-9_]{0,14}",
        words(3, 12),
        prop::sample::select(DATES.to_vec()),
        any::<bool>(),
    )
        .prop_map(|(name, handle, text, date, own_line)| Embed {
            name: name.to_string(),
            handle,
            text: format!("Update {text}"),
            date,
            own_line,
        })
}

/// A document: noise paragraphs and embeds, each post text made unique by its index.
fn document() -> impl Strategy<Value = (String, Vec<Embed>)> {
    prop::collection::vec(
        prop_oneof![words(0, 30).prop_map(Err), embed().prop_map(Ok)],
        1..12,
    )
    .prop_map(|blocks| {
        let mut text = String::new();
        let mut embeds = Vec::new();
        for (i, block) in blocks.into_iter().enumerate() {
            match block {
                // Noise ends with a full stop so it reads as a finished paragraph.
                Err(noise) => text.push_str(&format!("Noise {i}: {noise}.")),
                Ok(mut e) => {
                    e.text = format!("{} n{i}", e.text);
                    let sep = if e.own_line { "\n" } else { " " };
                    text.push_str(&format!(
                        "{}{sep}— {} (@{}) {}",
                        e.text, e.name, e.handle, e.date.0
                    ));
                    embeds.push(e);
                }
            }
            text.push_str("\n\n");
        }
        (text, embeds)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_posts_round_trip((text, embeds) in document()) {
        let doc = Document::new("gen.txt", text.clone());
        let feed = assemble([extract(&doc)]);
        for e in &embeds {
            let found: Vec<_> = feed.posts.iter().filter(|p| p.text == e.text).collect();
            prop_assert_eq!(found.len(), 1, "post {:?} in {:?}", e.text, text);
            let p = found[0];
            prop_assert_eq!(p.author.handle.as_deref(), Some(e.handle.as_str()));
            prop_assert_eq!(p.author.name.as_deref(), Some(e.name.as_str()));
            prop_assert_eq!(p.date.as_deref(), Some(e.date.1));
            prop_assert_eq!(p.appearances.len(), 1);
            let a = &p.appearances[0];
            prop_assert!(text[a.start..a.end].starts_with(&e.text));
        }
        prop_assert_eq!(feed.posts.len(), embeds.len(), "no other posts in {:?}", text);
    }

    #[test]
    fn feed_does_not_depend_on_order_or_threads(docs in prop::collection::vec(document(), 2..6)) {
        let docs: Vec<Document> = docs
            .into_iter()
            .enumerate()
            .map(|(i, (text, _))| Document::new(format!("d{i}.txt"), text))
            .collect();
        let run = |threads: usize, order: &[usize]| -> Feed {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let extractions: Vec<Extraction> =
                pool.install(|| order.par_iter().map(|&i| extract(&docs[i])).collect());
            assemble(extractions)
        };
        let forward: Vec<usize> = (0..docs.len()).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let one = serde_json::to_string(&run(1, &forward)).unwrap();
        let three = serde_json::to_string(&run(3, &forward)).unwrap();
        prop_assert_eq!(&one, &three);
        // Another file order: the same posts with the same ids and appearances.
        let canonical = |feed: Feed| {
            let mut posts: Vec<String> = feed.posts.into_iter().map(|mut p| {
                p.appearances.sort_by(|a, b| (&a.document, a.start).cmp(&(&b.document, b.start)));
                serde_json::to_string(&p).unwrap()
            }).collect();
            posts.sort();
            posts
        };
        prop_assert_eq!(canonical(run(2, &forward)), canonical(run(2, &backward)));
    }
}
