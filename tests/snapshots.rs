//! One insta snapshot of the records, and one of the annotated text, per fixture and per seed.
//!
//! The fixture is the test: adding a case means adding a file under `fixtures/`. Review new or
//! changed snapshots with `cargo insta review`, reading each one: a snapshot that freezes a wrong
//! answer is a bug.

mod common;

use insta::{assert_json_snapshot, assert_snapshot, glob, Settings};

fn snapshot_file(path: &std::path::Path) {
    let (doc, feed) = common::feed_of(path);
    common::check_spans(&doc, &feed);
    let mut settings = Settings::clone_current();
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
        "{002,005,007,010,012,020,021,022,069}.txt",
        snapshot_file
    );
}

#[test]
fn seeds() {
    glob!("../seeds", "*.txt", snapshot_file);
}
