//! Attribution in Arabic prose, which writes no capitals (so the word grammar of
//! [`super::attribution`] cannot tell a name from a noun) and puts the verb first: the speaker
//! is the subject right after the sentence's verb.
//!
//! ```text
//! وأجاب ترامب قائلا: "…"                              and-answered Trump saying: "…"
//! وخاطب أوباما الشعب الأمريكي عبر منصة تويتر، قائلاً: "…"   and-addressed Obama the people … saying
//! قام الرئيس الأمريكى دونالد ترامب بتدوين تغريدتين …       did the president Donald Trump write …
//! ```
//!
//! The verbs are data here (stems, with the conjunctions `و`/`ف` and the feminine `ت` they
//! take); the subject runs from the verb to a preposition, a clause mark, a cue participle, or
//! a definite noun after the name (`أوباما الشعب`: the people is the object).

use super::attribution::floor_char;

/// Bytes looked at before the marks for the sentence's verb.
const WINDOW: usize = 400;

/// Most words of a subject.
const MAX_SUBJECT_WORDS: usize = 5;

/// Past-tense stems of the verbs a reported statement's sentence opens with: saying, writing,
/// posting, answering, addressing, attacking, claiming, ending, doing. (Not `عبر`, expressed,
/// which is as often the preposition `via`.)
const VERBS: [&str; 27] = [
    "قال",
    "كتب",
    "غرد",
    "أضاف",
    "تابع",
    "خاطب",
    "أجاب",
    "رد",
    "علق",
    "أكد",
    "أعلن",
    "قام",
    "نشر",
    "هاجم",
    "زعم",
    "اختتم",
    "دعا",
    "وصف",
    "اعتبر",
    "طالب",
    "سخر",
    "انتقد",
    "أشار",
    "شارك",
    "ختم",
    "صرح",
    "ذكر",
];

/// Words that end a subject: prepositions and the participles of saying.
pub(super) const ENDS: [&str; 32] = [
    "في",
    "على",
    "عبر",
    "من",
    "إلى",
    "عن",
    "مع",
    "بعد",
    "قبل",
    "خلال",
    "حول",
    "ضد",
    "عند",
    "قائلا",
    "قائلاً",
    "قائلة",
    "مضيفا",
    "مضيفاً",
    "متسائلا",
    "متسائلاً",
    "موضحا",
    "موضحاً",
    "مشيرا",
    "مشيراً",
    "مؤكدا",
    "مؤكداً",
    "معلقا",
    "معلقاً",
    "قائلين",
    "مضيفة",
    "أن",
    "إن",
];

/// Words that open a subject with a definite noun after them: one, some, each, a number.
const QUANTIFIERS: [&str; 4] = ["أحد", "بعض", "كل", "عدد"];

/// Marks that end a sentence (the subject never runs back past one) or a subject.
const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', '؟', '\n'];

/// An Arabic letter.
fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic()
}

/// Whether the words right before `open` are Arabic (a cheap test before [`subject`]).
pub fn before(text: &str, open: usize) -> bool {
    text.get(floor_char(text, open.saturating_sub(48))..open)
        .is_some_and(|s| s.chars().any(is_arabic))
}

/// Whether `word` is one of [`VERBS`], with `و`/`ف` before it and `ت` after it or not.
pub fn is_verb(word: &str) -> bool {
    let bare = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .filter(|b| b.chars().count() >= 2)
        .unwrap_or(word);
    [bare, bare.strip_suffix('ت').unwrap_or(bare)]
        .iter()
        .any(|w| VERBS.contains(w))
}

/// The subject of the Arabic sentence the marks at `open` close, read after the first of its
/// verbs in `lo..open`; `None` when the text before is not Arabic or shows no such verb.
pub fn subject(text: &str, open: usize, lo: usize) -> Option<String> {
    let before = text.get(floor_char(text, lo.max(open.saturating_sub(WINDOW)))..open)?;
    // `؟` is two bytes: the sentence starts after the whole mark.
    let start = before.rfind(SENTENCE_ENDS).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let sentence = &before[start..];
    // Words and the marks between them, each its own token.
    let tokens: Vec<&str> = sentence
        .split_inclusive(|c: char| c.is_whitespace() || "،,:؛;«»“”\"(".contains(c))
        .flat_map(|t| {
            let word =
                t.trim_end_matches(|c: char| c.is_whitespace() || "،,:؛;«»“”\"(".contains(c));
            let mark = t[word.len()..].trim();
            [word, mark]
        })
        .filter(|t| !t.is_empty())
        .collect();
    let verb = tokens
        .iter()
        .position(|w| w.chars().any(is_arabic) && is_verb(w))?;
    let (subject, next) = subject_at(&tokens, verb + 1);
    // `كتب الناشط السعودي، عم بن عبدالعزيز:`: a title, then the name set off by commas.
    if tokens.get(next).is_some_and(|t| *t == "،" || *t == ",") {
        let (name, end) = subject_at(&tokens, next + 1);
        let closed = tokens.get(end).is_some_and(|t| *t == ":");
        if closed && !name.is_empty() && !name.iter().any(|w| definite(w)) {
            return Some(name.join(" "));
        }
    }
    (!subject.is_empty()).then(|| subject.join(" "))
}

/// Whether an Arabic word carries the definite article (`الشعب`, `بالقدس`).
fn definite(w: &str) -> bool {
    ["ال", "بال", "لل", "وال"].iter().any(|p| w.starts_with(p))
}

/// The subject phrase starting at token `from`, and the index of the token that ended it.
fn subject_at<'a>(tokens: &[&'a str], from: usize) -> (Vec<&'a str>, usize) {
    let mut subject: Vec<&str> = Vec::new();
    let mut named = false;
    let mut at = from;
    while let Some(&w) = tokens.get(at) {
        if subject.len() == MAX_SUBJECT_WORDS
            || !w.chars().all(is_arabic)
            || ENDS.contains(&w)
            || is_verb(w)
            || (named && definite(w))
        {
            break;
        }
        // `أحد المغردين`, one of the tweeters: a quantifier takes the definite noun after it.
        named |= !definite(w) && !QUANTIFIERS.contains(&w);
        subject.push(w);
        at += 1;
    }
    (subject, at)
}

/// Whether a speaker the word grammar read starts with a verb or a conjunction rather than a
/// name (`وأجاب ترامب`, `حيث`, `إذ`): then [`subject`] reads it again.
pub fn misread(speaker: &str) -> bool {
    let first = speaker.split_whitespace().next().unwrap_or("");
    first.chars().any(is_arabic)
        && (is_verb(first)
            || ["حيث", "إذ", "كما", "بينما"].contains(&first)
            || ENDS.contains(&first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<String> {
        let open = s.find(['"', '“', '«']).unwrap_or(s.len());
        subject(s, open, 0)
    }

    /// fixtures/realworld-next15/docs/577.txt: the sentence before ends in the two-byte `؟`.
    #[test]
    fn a_sentence_after_an_arabic_question_mark() {
        assert_eq!(
            at("وعندما سأله أحد المغردين هل يمزح في هذا الوقت العصيب؟ رد صلاح: \"لا أمزح، أتحسر\".")
                .as_deref(),
            Some("صلاح")
        );
    }

    /// Sentences of real articles (fixtures/realworld 072, 074, 075).
    #[test]
    fn subject_after_the_verb() {
        assert_eq!(at("وأجاب ترامب قائلا: \"الحياة\"").as_deref(), Some("ترامب"));
        assert_eq!(
            at("وخاطب أوباما الشعب الأمريكي عبر منصة تويتر للتغريدات، قائلاً: \"شكراً\"").as_deref(),
            Some("أوباما")
        );
        assert_eq!(
            at("وخلال 2017، نشر دونالد ترامب الكثير من التغريدات، قال فيها “لقد”").as_deref(),
            Some("دونالد ترامب")
        );
        assert_eq!(
            at("قالت الوزارة في بيان: \"نعم\"").as_deref(),
            Some("الوزارة")
        );
        // fixtures/realworld 209: the name after the title.
        assert_eq!(
            at("إذ كتب الناشط السعودي، عم بن عبدالعزيز: «ترمب»").as_deref(),
            Some("عم بن عبدالعزيز")
        );
    }

    #[test]
    fn no_verb_no_subject() {
        assert_eq!(at("The mayor said: \"yes\""), None);
        assert_eq!(at("هذا هو النص: \"نعم\""), None);
    }

    #[test]
    fn misread_speakers() {
        assert!(misread("وأجاب ترامب"));
        assert!(misread("حيث"));
        assert!(!misread("دونالد ترامب"));
        // fixtures/realworld-next3/docs/366.txt: `وتابع موضحا:`, a participle, no subject.
        assert!(misread("موضحا"));
        assert_eq!(at("وتابع موضحا: “ولكن”"), None);
    }
}
