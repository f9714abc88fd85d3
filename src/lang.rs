//! Language identification of post text.
//!
//! Posts are short and full of names (`#CityStrike flag flying over #US consulate in
//! #Marseille.`), which is where character n-gram models such as `whatlang` guess wrong: they
//! read `Military personnel on alert inside the US consulate in Marseille.` as French. Function words
//! are the better evidence in short text, so the answer comes from two sources:
//!
//! 1. a vote of stop words (the NLTK lists of the `stop-words` crate) names the candidate
//!    languages; one candidate is the answer, several are handed to `whatlang` restricted to them;
//! 2. without stop-word evidence, `whatlang` alone, when it is reliable, confident, or reading a
//!    script that only one of its languages uses.
//!
//! Links, mentions and the `#` of hashtags are dropped first (hashtag words stay: `_` reads as a
//! space). The answer is an ISO 639-1 code, or `None` when unsure.

use std::collections::HashMap;
use std::sync::LazyLock;
use whatlang::{Detector, Lang, Script};

/// Stop words needed for the vote to decide.
pub const MIN_STOPWORDS: usize = 2;

/// whatlang confidence accepted when its own reliability flag is off.
const MIN_CONFIDENCE: f64 = 0.5;

/// Letters needed before any guess is worth giving.
const MIN_LETTERS: usize = 8;

/// The languages with an NLTK stop-word list, by ISO 639-1 code, most written on the web first
/// (the order breaks ties).
const STOPWORD_LANGUAGES: [&str; 22] = [
    "en", "es", "de", "fr", "ru", "pt", "it", "ar", "tr", "nl", "id", "sv", "ro", "hu", "el", "da",
    "fi", "no", "sl", "az", "kk", "ne",
];

/// Lowercase stop word -> indices (into [`STOPWORD_LANGUAGES`]) of the languages that use it.
static STOPWORDS: LazyLock<HashMap<&'static str, Vec<u8>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<u8>> = HashMap::new();
    for (i, code) in STOPWORD_LANGUAGES.iter().enumerate() {
        for word in stop_words::lookup(code).unwrap_or(&[]) {
            map.entry(word).or_default().push(i as u8);
        }
    }
    map
});

/// The ISO 639-1 code of `text`'s language, or `None` when unsure.
///
/// # Example
/// ```
/// use embedscan::lang::detect;
/// assert_eq!(detect("Military personnel on alert inside the US consulate in Marseille.").as_deref(), Some("en"));
/// assert_eq!(detect("Des manifestants ont pris d'assaut l'ambassade des États-Unis").as_deref(), Some("fr"));
/// assert_eq!(detect("https://t.co/x"), None);
/// ```
pub fn detect(text: &str) -> Option<String> {
    let words = words_only(text);
    if words.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let candidates = stopword_candidates(&words);
    match candidates.as_slice() {
        [only] => return Some(only.to_string()),
        [] => {}
        several => {
            // Function words narrowed it to a few languages; the n-gram model picks among them.
            let allow: Vec<Lang> = several.iter().filter_map(|c| to_whatlang(c)).collect();
            if let Some(info) = Detector::with_allowlist(allow).detect(&words) {
                if info.is_reliable() || info.confidence() >= MIN_CONFIDENCE {
                    return to_639_1(info.lang());
                }
            }
            // Unsure between them: the best-voted, the more widely written language on a tie.
            return several.first().map(|c| c.to_string());
        }
    }
    let info = Detector::new().detect(&words)?;
    let shared_script = matches!(
        info.script(),
        Script::Latin | Script::Cyrillic | Script::Arabic | Script::Devanagari
    );
    if !(info.is_reliable() || info.confidence() >= MIN_CONFIDENCE || !shared_script) {
        return None;
    }
    to_639_1(info.lang())
}

fn to_639_1(lang: Lang) -> Option<String> {
    isolang::Language::from_639_3(lang.code())?
        .to_639_1()
        .map(str::to_string)
}

fn to_whatlang(code: &str) -> Option<Lang> {
    Lang::from_code(isolang::Language::from_639_1(code)?.to_639_3())
}

/// The languages whose stop words best explain `words`: each stop word votes for the languages
/// that use it, split evenly among them, so distinctive words weigh more. Languages within half
/// of the best score are candidates, provided the best one has [`MIN_STOPWORDS`] words.
fn stopword_candidates(words: &str) -> Vec<&'static str> {
    let mut score = [0f64; STOPWORD_LANGUAGES.len()];
    let mut hits = [0usize; STOPWORD_LANGUAGES.len()];
    let mut lower = String::new();
    for word in words.split(|c: char| !c.is_alphabetic() && c != '\'') {
        if word.is_empty() {
            continue;
        }
        // Lowercase into one reused buffer, and only when the word has capitals.
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if let Some(langs) = STOPWORDS.get(key) {
            for &l in langs {
                score[l as usize] += 1.0 / langs.len() as f64;
                hits[l as usize] += 1;
            }
        }
    }
    let best = score.iter().cloned().fold(0.0, f64::max);
    let Some(top) = score.iter().position(|&s| s == best) else {
        return Vec::new();
    };
    if best == 0.0 || hits[top] < MIN_STOPWORDS {
        return Vec::new();
    }
    let mut candidates: Vec<usize> = (0..score.len())
        .filter(|&i| score[i] * 2.0 >= best)
        .collect();
    // Best score first; equal scores keep the table's order.
    candidates.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    candidates
        .into_iter()
        .map(|i| STOPWORD_LANGUAGES[i])
        .collect()
}

/// The text without links, mentions and sigils.
fn words_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let kept = text.split_whitespace().filter(|w| {
        !(w.contains("://") || w.starts_with("pic.") || w.starts_with('@') || w.contains(".com/"))
    });
    for w in kept {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            w.chars()
                .map(|c| if c == '#' || c == '_' { ' ' } else { c }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stopword_language_has_a_list() {
        for code in STOPWORD_LANGUAGES {
            assert!(
                stop_words::lookup(code).is_some_and(|l| !l.is_empty()),
                "{code}"
            );
        }
    }

    #[test]
    fn short_posts() {
        for (text, want) in [
            (
                "#CityStrike flag flying over #US consulate in #Marseille.",
                Some("en"),
            ),
            (
                "Local police seemingly let this happen, per the Post.",
                Some("en"),
            ),
            (
                "Manifestantes invadieron la embajada de Estados Unidos en Bagdad",
                Some("es"),
            ),
            (
                "Demonstranten haben die US-Botschaft in Bagdad gestürmt",
                Some("de"),
            ),
            (
                "أضواء المهرجان تملأ الساحة الليلة في المدينة القديمة",
                Some("ar"),
            ),
            (
                "Протестующие ворвались в посольство США в Багдаде",
                Some("ru"),
            ),
            ("pic.twitter.com/x", None),
        ] {
            assert_eq!(detect(text).as_deref(), want, "{text}");
        }
    }
}
