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
//!
//! # Speed, and why the answers are still whatlang's
//!
//! whatlang 0.18 scores a Latin-script text against each of its 37 Latin languages by looking up
//! all 300 trigrams of each language's profile in the text's trigram table, which dominated the
//! cost of `detect` (PERFORMANCE.md has the figures). `trigrams.rs` computes the same integer
//! distances from an inverted index, trigram → (language, rank), visiting only the entries of
//! the text's own trigrams. It replaces nothing else: script detection, alphabet scores and
//! single-language scripts are whatlang's own (its `dev` API, version pinned), and the
//! combination of the scores mirrors whatlang's code step by step, sort for sort, so ties break
//! the same way. Its tests compare language, script and confidence, bit for bit, with
//! `whatlang::Detector` on the bench texts, variants of them and random mixed-script strings.
//! The profiles are whatlang's (MIT, © Sergey Potapov and others), re-encoded in
//! `src/post/lang/trigrams.bin` by `scripts/gen-trigram-index`.

use crate::document::is_letter;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::LazyLock;
use trigrams::Detector;
use whatlang::{Lang, Script};
use xxhash_rust::xxh3::xxh3_128;

mod trigrams;

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

/// The languages that use one stop word.
struct Voters {
    /// Indices into [`STOPWORD_LANGUAGES`], once per list the word is in (a few lists have a word
    /// twice: it then counts twice).
    langs: Vec<u8>,
    /// Each language's share of the word's vote: `1 / langs.len()`.
    share: f64,
}

/// The stop words (lowercase) and the byte length of the longest.
struct StopWords {
    voters: FxHashMap<&'static str, Voters>,
    longest: usize,
}

static STOPWORDS: LazyLock<StopWords> = LazyLock::new(|| {
    let mut langs: FxHashMap<&'static str, Vec<u8>> = FxHashMap::default();
    for (i, code) in STOPWORD_LANGUAGES.iter().enumerate() {
        for word in stop_words::lookup(code).unwrap_or(&[]) {
            langs.entry(word).or_default().push(i as u8);
        }
    }
    let longest = langs.keys().map(|w| w.len()).max().unwrap_or(0);
    let voters = langs
        .into_iter()
        .map(|(word, langs)| {
            let share = 1.0 / langs.len() as f64;
            (word, Voters { langs, share })
        })
        .collect();
    StopWords { voters, longest }
});

/// The ISO 639-1 code of `text`'s language, or `None` when unsure.
///
/// # Example
/// ```
/// use embedscan::_internal::lang::detect;
/// assert_eq!(detect("Military personnel on alert inside the US consulate in Marseille.").as_deref(), Some("en"));
/// assert_eq!(detect("Des manifestants ont pris d'assaut l'ambassade des États-Unis").as_deref(), Some("fr"));
/// assert_eq!(detect("https://t.co/x"), None);
/// ```
pub fn detect(text: &str) -> Option<String> {
    // A post's text is detected again and again: once per sighting (a post shown twice in a
    // page, a flood of one line), by the embed detector asking about a paragraph, by linking
    // asking about a quotation. The answers of this thread are kept by a 128-bit hash of the
    // text (two texts colliding is too unlikely to matter), and forgotten in bulk past a bound.
    const MAX_KEPT: usize = 1 << 16;
    thread_local! {
        static KEPT: RefCell<FxHashMap<u128, Option<String>>> = RefCell::default();
    }
    let key = xxh3_128(text.as_bytes());
    if let Some(known) = KEPT.with_borrow(|kept| kept.get(&key).cloned()) {
        return known;
    }
    let answer = detect_uncached(text);
    KEPT.with_borrow_mut(|kept| {
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(key, answer.clone());
    });
    answer
}

/// [`detect`], worked out.
fn detect_uncached(text: &str) -> Option<String> {
    // Letters and the stop-word vote come from one pass over the kept words; the cleaned text
    // itself is only built when whatlang is asked.
    let mut vote = Vote::default();
    for word in kept_words(text) {
        vote.read(word);
    }
    if vote.letters < MIN_LETTERS {
        return None;
    }
    let candidates = vote.candidates();
    match candidates.as_slice() {
        [only] => return Some(only.to_string()),
        [] => {}
        several => {
            // Function words narrowed it to a few languages; the n-gram model picks among them.
            let allow: Vec<Lang> = several.iter().filter_map(|c| to_whatlang(c)).collect();
            if let Some(info) = Detector::with_allowlist(allow).detect(&words_only(text)) {
                if info.is_reliable() || info.confidence() >= MIN_CONFIDENCE {
                    return to_639_1(info.lang());
                }
            }
            // Unsure between them: the best-voted, the more widely written language on a tie.
            return several.first().map(|c| c.to_string());
        }
    }
    let info = Detector::new().detect(&words_only(text))?;
    let shared_script = matches!(
        info.script(),
        Script::Latin | Script::Cyrillic | Script::Arabic | Script::Devanagari
    );
    if !(info.is_reliable() || info.confidence() >= MIN_CONFIDENCE || !shared_script) {
        return None;
    }
    to_639_1(info.lang())
}

/// How much of a document's prose is read to tell its language.
const CONTEXT_SAMPLE_BYTES: usize = 1024;

/// The language of the prose around posts, and its script: the fallback of
/// [`detect_in_context`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    lang: String,
    script: Script,
}

impl Context {
    /// The language of `prose` (its first kilobyte) from its function words, which prose has
    /// plenty of (whatlang is asked only when two languages tie, such as Spanish and
    /// Portuguese); `None` for prose in a language without a stop-word list.
    pub fn of(prose: &str) -> Option<Context> {
        let mut end = prose.len().min(CONTEXT_SAMPLE_BYTES);
        while !prose.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &prose[..end];
        let mut vote = Vote::default();
        for word in kept_words(sample) {
            vote.read(word);
        }
        let lang = match vote.candidates().as_slice() {
            [] => return None,
            [only] => only.to_string(),
            _ => detect(sample)?,
        };
        let script = match lang.as_str() {
            "ru" | "kk" => Script::Cyrillic,
            "ar" => Script::Arabic,
            "el" => Script::Greek,
            "ne" => Script::Devanagari,
            _ => Script::Latin,
        };
        Some(Context { lang, script })
    }

    /// The context's language for a text whose own detection was unsure ([`detect`] gave
    /// `None`): when the text has 8 letters or more, written in the context's script.
    pub fn fallback_for(&self, text: &str) -> Option<String> {
        let words = words_only(text);
        let letters = words.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= MIN_LETTERS && whatlang::detect_script(&words) == Some(self.script))
            .then(|| self.lang.clone())
    }
}

/// [`detect`], but a text too short or plain for a sure answer (`Repeating #Tehran
/// scenario?`: no function word, and the n-gram model's best guess is Dutch at 3%) takes the
/// language of the prose around it when it is written in that prose's script: a post embedded
/// in an article is far more often in the article's language than in any other. Texts with
/// fewer than 8 letters stay unknown; a text in another script (an Arabic post in an English
/// article) never takes the article's language.
///
/// # Example
/// ```
/// use embedscan::_internal::lang::{detect, detect_in_context, Context};
/// let article = Context::of("The embassy was stormed on Tuesday and the guards were evacuated by the army.").unwrap();
/// assert_eq!(detect("Repeating #Tehran scenario?"), None);
/// assert_eq!(detect_in_context("Repeating #Tehran scenario?", &article).as_deref(), Some("en"));
/// assert_eq!(detect_in_context("#امريكا_تقصف", &article), None);
/// ```
#[cfg(any(test, feature = "_internal"))]
pub fn detect_in_context(text: &str, context: &Context) -> Option<String> {
    detect(text).or_else(|| context.fallback_for(text))
}

fn to_639_1(lang: Lang) -> Option<String> {
    // whatlang names Mandarin (`cmn`), which has no 639-1 code of its own: Chinese is `zh`.
    if lang == Lang::Cmn {
        return Some("zh".to_string());
    }
    isolang::Language::from_639_3(lang.code())?
        .to_639_1()
        .map(str::to_string)
}

fn to_whatlang(code: &str) -> Option<Lang> {
    Lang::from_code(isolang::Language::from_639_1(code)?.to_639_3())
}

/// The stop-word vote over a text's words: each stop word votes for the languages that use it,
/// split evenly among them, so distinctive words weigh more. Languages within half of the best
/// score are candidates, provided the best one has [`MIN_STOPWORDS`] words.
#[derive(Default)]
struct Vote {
    /// Letters read, the `#` and `_` of hashtags aside.
    letters: usize,
    tally: Tally,
    /// Reused buffer for the lowercase form of words with capitals.
    lower: String,
}

/// Each language's share of the stop words read, and how many of them it uses.
#[derive(Default, Debug, PartialEq)]
struct Tally {
    score: [f64; STOPWORD_LANGUAGES.len()],
    hits: [usize; STOPWORD_LANGUAGES.len()],
}

impl Tally {
    /// Counts `key` (lowercase) if it is a stop word.
    fn vote(&mut self, key: &str) {
        if let Some(voters) = STOPWORDS.voters.get(key) {
            for &l in &voters.langs {
                self.score[l as usize] += voters.share;
                self.hits[l as usize] += 1;
            }
        }
    }
}

impl Vote {
    /// Counts the letters of one kept word (see [`kept_words`]) and lets its stop words vote.
    ///
    /// `#`, `_` and the spaces between words are neither letters nor apostrophes, so splitting
    /// each kept word gives the same words as splitting the text [`words_only`] builds.
    fn read(&mut self, word: &str) {
        if word.is_ascii() {
            self.read_ascii(word);
        } else {
            self.read_chars(word);
        }
    }

    /// [`Vote::read`] for any word.
    fn read_chars(&mut self, word: &str) {
        for word in word.split(|c: char| !is_letter(c) && c != '\'') {
            if word.is_empty() {
                continue;
            }
            self.letters += word.chars().filter(|&c| is_letter(c)).count();
            // Lowercase into the reused buffer, and only when the word has capitals.
            if word.chars().any(char::is_uppercase) {
                self.lower.clear();
                self.lower.extend(word.chars().flat_map(char::to_lowercase));
                self.tally.vote(&self.lower);
            } else {
                self.tally.vote(word);
            }
        }
    }

    /// [`Vote::read`] for an ASCII word: letters, capitals and lowercasing are byte tests that
    /// agree with the `char` ones of [`Vote::read_chars`].
    fn read_ascii(&mut self, word: &str) {
        for word in word.split(|c: char| !c.is_ascii_alphabetic() && c != '\'') {
            self.letters += word.bytes().filter(u8::is_ascii_alphabetic).count();
            // ASCII lowercasing keeps the length, so longer words are no stop words.
            if word.is_empty() || word.len() > STOPWORDS.longest {
                continue;
            }
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                self.lower.clear();
                self.lower.push_str(word);
                self.lower.make_ascii_lowercase();
                self.tally.vote(&self.lower);
            } else {
                self.tally.vote(word);
            }
        }
    }

    /// The languages whose stop words best explain the words read, best first.
    fn candidates(&self) -> Vec<&'static str> {
        let score = &self.tally.score;
        let best = score.iter().cloned().fold(0.0, f64::max);
        let Some(top) = score.iter().position(|&s| s == best) else {
            return Vec::new();
        };
        if best == 0.0 || self.tally.hits[top] < MIN_STOPWORDS {
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
}

/// The whitespace-separated words of `text` that are not links or mentions.
fn kept_words(text: &str) -> impl Iterator<Item = &str> {
    crate::reduce::words::split_whitespace(text).filter(|w| {
        // Both link tests need a `/`: one cheap search spares most words the two long ones.
        let link = w.contains('/') && (w.contains("://") || w.contains(".com/"));
        !(link || w.starts_with("pic.") || w.starts_with('@'))
    })
}

/// The text without links, mentions and sigils: the input of `whatlang`.
fn words_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in kept_words(text) {
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

/// The writing system of a line, Japanese kana and Chinese characters taken as one (Japanese
/// lines mix them).
pub fn script_of(line: &str) -> Option<Script> {
    whatlang::detect_script(line).map(|s| match s {
        Script::Hiragana | Script::Katakana => Script::Mandarin,
        s => s,
    })
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

    /// The one-pass vote, ASCII shortcut included, against the plain one over the text
    /// `words_only` builds, on words mixing capitals, apostrophes, sigils, links and stop words.
    #[test]
    fn vote_reads_like_the_cleaned_text() {
        use proptest::prelude::*;
        let word = prop_oneof![
            Just("The".to_string()),
            Just("AND".to_string()),
            Just("l'ambassade".to_string()),
            Just("#de_la".to_string()),
            Just("@les".to_string()),
            Just("https://t.co/x".to_string()),
            Just("pic.twitter.com/y".to_string()),
            Just("ÉTATS-UNIS".to_string()),
            Just("İçin".to_string()),
            Just("Και".to_string()),
            "[a-zA-Z'#_/:.@-]{1,12}",
            "[a-zA-Zà-ÿÀ-ÖΑ-ωа-яА-Я'#_]{1,8}",
        ];
        let text = proptest::collection::vec(word, 0..12).prop_map(|w| w.join(" "));
        proptest!(|(text in text)| {
            let mut fast = Vote::default();
            for word in kept_words(&text) {
                fast.read(word);
            }
            let mut plain = Vote::default();
            plain.read_chars(&words_only(&text));
            let letters = words_only(&text).chars().filter(|c| c.is_alphabetic()).count();
            prop_assert_eq!(fast.letters, letters);
            prop_assert_eq!(plain.letters, letters);
            prop_assert_eq!(&fast.tally, &plain.tally);
        });
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
