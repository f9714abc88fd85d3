//! Deterministic synthetic corpus for benchmarks: article prose with embedded posts of every
//! text shape (same-line and own-line signatures, multi-paragraph tweets, cards with quoted
//! cards, localized dates, glued entities, prose quotations), one embed per 2–5 KB.
//!
//! ```text
//! cargo run --release --example gencorpus -- OUT.jsonl SIZE_MB [SEED]
//! ```
//!
//! Writes JSON Lines articles (`id`, `date`, `text`) to OUT.jsonl and the truth — one line per
//! embedded post: article id, shape, handle, text — to OUT.jsonl.truth.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};

/// xorshift64*: small, fast, and the same sequence everywhere for a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "officials",
    "would",
    "review",
    "budget",
    "river",
    "bridge",
    "protest",
    "embassy",
    "minister",
    "workers",
    "city",
    "residents",
    "police",
    "election",
    "results",
    "were",
    "expected",
    "after",
    "talks",
    "between",
    "two",
    "sides",
    "in",
    "capital",
    "and",
    "a",
    "report",
    "by",
    "local",
    "media",
    "showed",
    "crowds",
    "gathered",
];
const NAMES: &[(&str, &str)] = &[
    ("River Report", "RiverReport"),
    ("Mayor Ana Ruiz", "MayorAnaRuiz"),
    ("Metro Desk", "MetroDesk"),
    ("Layla Haddad", "laylahaddad"),
    ("Coast Guard North", "CGNorth"),
    ("Election Watch", "ElectionWatch"),
];
const DATES: &[&str] = &[
    "December 31, 2019",
    "Dec 31, 2019",
    "31 December 2019",
    "31 décembre 2019",
    "31. Dezember 2019",
    "31 de diciembre de 2019",
    "31 декабря 2019 г.",
    "2019年12月31日",
];

fn sentence(rng: &mut Rng, min_words: usize, spread: usize) -> String {
    let words = min_words + rng.below(spread);
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    let mut c = s.chars();
    let first = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("{first}{}.", c.as_str())
}

fn post_text(rng: &mut Rng, n: u64) -> String {
    let mut t = sentence(rng, 6, 12);
    match rng.below(4) {
        0 => write!(t, " #Tag{n} https://t.co/{n:010x}").unwrap(),
        1 => write!(
            t,
            " #Glued{n}https://t.co/{n:010x} pic.twitter.com/{n:010x}"
        )
        .unwrap(),
        2 => write!(t, " via @Desk{} pic.twitter.com/{n:010x}", n % 97).unwrap(),
        _ => write!(t, " update {n}").unwrap(),
    }
    t
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .get(1)
        .expect("usage: gencorpus OUT.jsonl SIZE_MB [SEED]");
    let size_mb: usize = args.get(2).and_then(|s| s.parse().ok()).expect("SIZE_MB");
    let mut rng = Rng(args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42) | 1);
    let mut corpus = BufWriter::new(std::fs::File::create(out).expect("output file"));
    let mut truth =
        BufWriter::new(std::fs::File::create(format!("{out}.truth")).expect("truth file"));
    let (mut written, mut article, mut n) = (0usize, 0u64, 0u64);
    while written < size_mb << 20 {
        article += 1;
        let id = format!("article-{article:08}");
        let mut text = String::new();
        let target = 8_000 + rng.below(24_000);
        let mut next_embed = 2_000 + rng.below(3_000);
        while text.len() < target {
            text.push_str(&sentence(&mut rng, 12, 30));
            text.push(' ');
            text.push_str(&sentence(&mut rng, 12, 30));
            text.push_str("\n\n");
            if text.len() < next_embed {
                continue;
            }
            next_embed = text.len() + 2_000 + rng.below(3_000);
            n += 1;
            let (name, handle) = NAMES[rng.below(NAMES.len())];
            let handle = format!("{handle}{}", n % 50);
            let body = post_text(&mut rng, n);
            let date = rng.pick(DATES);
            let shape = match rng.below(5) {
                0 => {
                    write!(text, "{body} — {name} (@{handle}) {date}\n\n").unwrap();
                    "embed-same-line"
                }
                1 => {
                    write!(text, "{body}\n— {name} (@{handle}) {date}\n\n").unwrap();
                    "embed-own-line"
                }
                2 => {
                    let second = sentence(&mut rng, 8, 1);
                    write!(
                        text,
                        "{second}\n\n\n\n{body} &mdash; {name} (@{handle}) {date}\n\n"
                    )
                    .unwrap();
                    writeln!(truth, "{id}\tembed-multi\t{handle}\t{second}\\n{body}").unwrap();
                    ""
                }
                3 => {
                    let quoted = post_text(&mut rng, n + 1_000_000);
                    write!(
                        text,
                        "{name} Replying to @{handle}\n\n{body}\n\n\n\n\n{name}\n\n{quoted}\n\n"
                    )
                    .unwrap();
                    writeln!(truth, "{id}\tcard-quoted\t\t{quoted}").unwrap();
                    "card"
                }
                _ => {
                    let said = sentence(&mut rng, 10, 1);
                    write!(text, "“{said}” {name} said on Twitter.\n\n{body} — {name} (@{handle}) {date}\n\n").unwrap();
                    "embed-with-quote"
                }
            };
            // A card shows the name, not the handle (it replies to one that does not fold to it).
            let shown = if shape == "card" { "" } else { handle.as_str() };
            if !shape.is_empty() {
                writeln!(truth, "{id}\t{shape}\t{shown}\t{body}").unwrap();
            }
        }
        let line = format!(
            "{{\"id\":\"{id}\",\"date\":\"2019-12-31\",\"text\":{}}}\n",
            serde_json::to_string(&text).expect("a string serializes")
        );
        written += line.len();
        corpus.write_all(line.as_bytes()).expect("write corpus");
    }
    corpus.flush().expect("flush corpus");
    truth.flush().expect("flush truth");
    eprintln!(
        "{out}: {article} articles, {n} embedded posts, {} MB",
        written >> 20
    );
}
