//! Scale: a 100,000-post dedup and linking run, and the packed reduce path checked against the
//! plain merge of posts (its oracle) on colliding inputs.

use crate::link::{post, quote_of};
use embedscan::_internal::{dedup, link};
use embedscan::model::{Platform, Post, Quote};
use embedscan::{extract, Document};
use std::path::Path;

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
        let id = embedscan::_internal::post::post_id(
            Platform::Twitter,
            None,
            Some(&handle),
            None,
            &text,
        );
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
    use embedscan::_internal::{store::PostStore, versions};
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
    use embedscan::{_internal::versions, Assembler};
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
