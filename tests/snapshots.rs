//! One insta snapshot of the records, and one of the annotated text, per fixture and per seed.
//!
//! The fixture is the test: adding a case means adding a file under `fixtures/`. Review new or
//! changed snapshots with `cargo insta review`, reading each one: a snapshot that freezes a wrong
//! answer is a bug.

use crate::common;

use insta::{assert_json_snapshot, assert_snapshot, glob, Settings};
use std::path::Path;

fn snapshot_file(path: &Path) {
    let (doc, feed) = common::feed_of(path);
    common::check_spans(&doc, &feed);
    let mut settings = Settings::clone_current();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    if path.parent() == Some(seeds.as_path()) {
        settings.set_snapshot_suffix(seed_name(
            path,
            doc.text.get(doc.body_start..).unwrap_or(""),
        ));
    }
    settings.add_redaction(".generator.version", "[version]");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        assert_json_snapshot!("records", feed);
        assert_snapshot!("annotated", common::annotate(&doc, &feed));
    });
}

#[test]
fn fixtures() {
    glob!(
        "../fixtures",
        "{card,dedup,embed,entities,html,negative,quote}/**/*.{txt,html}",
        snapshot_file
    );
}

/// The real articles that show a text shape the detectors handle; the whole real-world set is
/// scored against its gold in `realworld.rs`.
#[test]
fn real_articles() {
    glob!(
        "../fixtures/realworld/docs",
        "{002,005,040,006,007,010,012,020,032,094,021,022,046,047,054,063,069,074,103,128,137,141,147,153,154,155,156,165,170,181,183,196,197,202,205,211,239,244,261,262,263,270,271,272,220,277,278,302,304,309,310,315,316,321,322,323,085,091,104,105,319}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld/docs",
        "{031,107,108,111,112}.html",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next/docs",
        "{327,330,340}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next2/docs",
        "{343,344}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next3/docs",
        "{363,364,365,367,378}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next4/docs",
        "{384,385,388}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next5/docs",
        "{408,414}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next6/docs",
        "{428,443,427,445}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next8/docs",
        "{468,470}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next11/docs",
        "{518,527}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next12/docs",
        "{535,536}.txt",
        snapshot_file
    );
    glob!(
        "../fixtures/realworld-next33/docs",
        "{809,813}.txt",
        snapshot_file
    );
}

#[test]
fn seeds() {
    glob!("../seeds", "*.txt", snapshot_file);
}

/// A seed's snapshot name (its file name is a hash): its number and the first six words of its
/// body's first line of eight words or more, e.g. `000-on-december-31st-protesters-in-iraq`.
fn seed_name(path: &Path, text: &str) -> String {
    let number = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('_').next())
        .unwrap_or("seed");
    let words = |line: &str| -> Vec<String> {
        line.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let first = text
        .lines()
        .map(words)
        .find(|w| w.len() >= 8)
        .unwrap_or_default();
    std::iter::once(number.to_string())
        .chain(first.into_iter().take(6))
        .collect::<Vec<_>>()
        .join("-")
}
