//! The twitter-text conformance suite (`extract.yml`), run through `embedscan::_internal::entities`.
//!
//! The YAML is read at test time from `tests/conformance/extract.yml`, a verbatim copy of the
//! suite (`.ci/run` checks it still equals `../shared/conformance/twitter-text/extract.yml`).
//! Every case goes through the same functions the scanner uses, glue pass included, so the
//! glued-text rules are proven not to break Twitter's own rules.

use embedscan::_internal::entities::{self, Span};
use serde_yaml_ng::{Mapping, Value};

fn suite() -> Mapping {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/extract.yml");
    let text = std::fs::read_to_string(path).expect("conformance suite readable");
    let doc: Value = serde_yaml_ng::from_str(&text).expect("conformance suite parses");
    doc["tests"]
        .as_mapping()
        .expect("a `tests` mapping")
        .clone()
}

fn values(spans: Vec<Span>) -> Value {
    Value::Sequence(spans.into_iter().map(|s| Value::String(s.value)).collect())
}

fn with_indices(spans: Vec<Span>, key: &str, lists: bool) -> Value {
    let items = spans
        .into_iter()
        .map(|s| {
            let mut m = Mapping::new();
            m.insert(key.into(), s.value.into());
            if lists {
                m.insert("list_slug".into(), s.list_slug.into());
            }
            m.insert("indices".into(), vec![s.start as u64, s.end as u64].into());
            Value::Mapping(m)
        })
        .collect();
    Value::Sequence(items)
}

/// What our implementation gives for one case of a section, in the suite's own shape.
fn actual(section: &str, text: &str, expected: &Value) -> Value {
    // Sections without indices expect a list of strings; some URL sections mix the two.
    let indexed = expected
        .as_sequence()
        .and_then(|s| s.first())
        .is_some_and(Value::is_mapping);
    match section {
        "mentions" => values(entities::mention_spans(text)),
        "mentions_with_indices" => {
            with_indices(entities::mention_spans(text), "screen_name", false)
        }
        "mentions_or_lists_with_indices" => {
            with_indices(entities::mention_or_list_spans(text), "screen_name", true)
        }
        "replies" => entities::reply_handle(text).map_or(Value::Null, Value::String),
        "hashtags" | "hashtags_from_astral" => values(entities::hashtag_spans(text)),
        "hashtags_with_indices" => with_indices(entities::hashtag_spans(text), "hashtag", false),
        "cashtags" => values(entities::cashtag_spans(text)),
        "cashtags_with_indices" => with_indices(entities::cashtag_spans(text), "cashtag", false),
        s if s.starts_with("urls") || s.starts_with("tco_urls") => {
            if indexed {
                with_indices(entities::url_spans(text), "url", false)
            } else {
                values(entities::url_spans(text))
            }
        }
        other => panic!("unknown conformance section `{other}`: extend this test"),
    }
}

#[test]
fn twitter_text_extract_suite() {
    let (mut passed, mut failures) = (0, Vec::new());
    for (section, cases) in suite() {
        let section = section.as_str().expect("section name");
        for case in cases.as_sequence().expect("cases") {
            let text = case["text"].as_str().expect("case text");
            let expected = &case["expected"];
            let got = actual(section, text, expected);
            if &got == expected {
                passed += 1;
            } else {
                failures.push(format!(
                    "{section}: {:?}\n  text: {text:?}\n  want: {expected:?}\n  got:  {got:?}",
                    case["description"].as_str().unwrap_or("")
                ));
            }
        }
    }
    println!(
        "twitter-text conformance: {passed} passed, {} failed",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(passed, 238, "the suite has 238 cases");
}

/// The combined extraction the scanner runs (`entities::spans`) skips its parses on text without
/// the marks that open an entity; on every case where Twitter finds one, it must still find
/// some (the skip never hides an entity the suite knows).
#[test]
fn combined_extraction_finds_what_the_suite_finds() {
    let mut checked = 0;
    for (section, cases) in suite() {
        let section = section.as_str().expect("section name");
        if section == "replies" {
            continue;
        }
        for case in cases.as_sequence().expect("cases") {
            let text = case["text"].as_str().expect("case text");
            let found = case["expected"]
                .as_sequence()
                .is_some_and(|e| !e.is_empty());
            if found {
                checked += 1;
                assert!(
                    !entities::spans(text).is_empty(),
                    "{section}: nothing found in {text:?}"
                );
            }
        }
    }
    assert!(checked > 150, "{checked}");
}
