//! The adversarial inputs of the speed work — floods of quote candidates, of single trigger
//! characters and of line breaks — and what they must yield. They are big enough to carry the
//! attribution buffers across tens of thousands of candidates, so a reuse that leaked state
//! from one quotation into the next would show here. Nothing is timed: speed is measured with
//! the release binary (`scripts/bench`), never asserted by a test.

use embedscan::{extract, Document};

/// The quotations of `text` scanned alone: `(text, speaker, cue)` each.
fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    extract(&Document::new("flood.txt", text))
        .quotes
        .into_iter()
        .map(|q| (q.text, q.speaker, q.cue))
        .collect()
}

fn quote(text: &str, speaker: &str, cue: &str) -> (String, Option<String>, Option<String>) {
    (
        text.to_string(),
        Some(speaker.to_string()),
        Some(cue.to_string()),
    )
}

#[test]
fn floods_of_unattributed_quotes_yield_nothing() {
    for unit in ["(@x) — “q r” #t ", "(@x) — “q” #t ", "“q r”“q r”", "“q r” "]
    {
        let extraction = extract(&Document::new("flood.txt", unit.repeat(20_000)));
        assert!(extraction.quotes.is_empty(), "{unit:?}");
        assert!(extraction.posts.is_empty(), "{unit:?}");
    }
}

#[test]
fn floods_of_one_character_yield_nothing() {
    for unit in [
        "#", "(@", "—", "“", "”", "\"", "'", "«", "@", "\n", "\r\n", "\r",
    ] {
        let extraction = extract(&Document::new("flood.txt", unit.repeat(100_000)));
        assert!(extraction.quotes.is_empty(), "{unit:?}");
        assert!(extraction.posts.is_empty(), "{unit:?}");
    }
}

#[test]
fn every_quote_of_an_attributed_flood_is_attributed_alike() {
    let n = 5_000;
    let found = quotes(&"“q r,” Ana Ruiz said. ".repeat(n));
    assert_eq!(found, vec![quote("q r,", "Ana Ruiz", "said"); n]);

    // Quotes whose neighbours sit beyond the window, then right next to each other: windows
    // tokenized afresh and windows carried over from the previous quotation alternate.
    let unit = format!(
        "“we won,” said the crowd. {}“q r,” Ana Ruiz said. ",
        "x ".repeat(200)
    );
    let found = quotes(&unit.repeat(n / 2));
    let pair = [
        quote("we won,", "the crowd", "said"),
        quote("q r,", "Ana Ruiz", "said"),
    ];
    let want: Vec<_> = pair.iter().cloned().cycle().take(n).collect();
    assert_eq!(found, want);
}

#[test]
fn pronouns_of_a_flood_resolve_to_the_name_before_them() {
    let n = 5_000;
    let found = quotes(&"Ana Ruiz said on Monday. “q r,” he said. ".repeat(n));
    assert_eq!(found, vec![quote("q r,", "Ana Ruiz", "said"); n]);
    // With no name anywhere the pronoun stays as printed.
    let found = quotes(&"“q r,” he said. ".repeat(n));
    assert_eq!(found, vec![quote("q r,", "he", "said"); n]);
}

#[test]
fn floods_of_line_breaks_are_indexed_line_by_line() {
    let n = 100_000;
    for (unit, lines_per_unit) in [
        ("\n", 1),
        ("\r\n", 1),
        ("\r", 1),
        ("\r\r", 2),
        ("a\r\r\n", 2),
    ] {
        let text = unit.repeat(n);
        let doc = Document::new("lines.txt", text.as_str());
        assert_eq!(doc.lines().count(), n * lines_per_unit + 1, "{unit:?}");
        assert_eq!(doc.line_of(text.len()), n * lines_per_unit + 1, "{unit:?}");
        let last = doc.lines().count() - 1;
        assert_eq!(doc.lines().range(&text, last), text.len()..text.len());
    }
}
