//! The attribution lexicon: cue verbs, platform tails, and the small closed word classes the
//! speaker grammar needs, per language, as data in one place.
//!
//! ```text
//! “...,” President Ana Ruiz [tweeted]          cue verb (English)
//! “...,” Ruiz [said] [in a Twitter post].      cue verb + platform tail
//! [according to] the ministry, “...”           prepositional cue
//! « ... », [a déclaré] la ministre.            French   (sagte / dijo / ... likewise)
//! ```
//!
//! Entries are lowercase and space-separated; matching is on lowercase word tokens. To add a
//! language, append its rows to [`CUES`], [`TAILS`] and the word classes; nothing else changes.

pub mod people;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How a cue relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb: the speaker stands before it (`X said`) or after it (`said X`).
    Verb,
    /// A preposition naming the source after it (`according to X`, `selon X`).
    Prep,
}

/// `(language, phrase, kind)`: every attribution cue.
pub static CUES: &[(&str, &str, CueKind)] = {
    use CueKind::{Prep, Verb};
    &[
        // English speech verbs, in their common forms.
        ("en", "said", Verb),
        ("en", "says", Verb),
        ("en", "saying", Verb),
        ("en", "told", Verb),
        ("en", "tells", Verb),
        ("en", "tweeted", Verb),
        ("en", "tweets", Verb),
        ("en", "retweeted", Verb),
        ("en", "wrote", Verb),
        ("en", "writes", Verb),
        ("en", "writing", Verb),
        ("en", "added", Verb),
        ("en", "adds", Verb),
        ("en", "adding", Verb),
        ("en", "posted", Verb),
        ("en", "posts", Verb),
        ("en", "stated", Verb),
        ("en", "states", Verb),
        ("en", "shouted", Verb),
        ("en", "shouting", Verb),
        ("en", "shout", Verb),
        ("en", "chanted", Verb),
        ("en", "chanting", Verb),
        ("en", "chant", Verb),
        ("en", "yelled", Verb),
        ("en", "yelling", Verb),
        ("en", "screamed", Verb),
        ("en", "accused", Verb),
        ("en", "accuses", Verb),
        ("en", "asked", Verb),
        ("en", "asks", Verb),
        ("en", "warned", Verb),
        ("en", "warns", Verb),
        ("en", "declared", Verb),
        ("en", "declares", Verb),
        ("en", "explained", Verb),
        ("en", "noted", Verb),
        ("en", "insisted", Verb),
        ("en", "claimed", Verb),
        ("en", "announced", Verb),
        ("en", "replied", Verb),
        ("en", "responded", Verb),
        ("en", "argued", Verb),
        ("en", "recalled", Verb),
        ("en", "admitted", Verb),
        ("en", "vowed", Verb),
        ("en", "urged", Verb),
        ("en", "stressed", Verb),
        ("en", "continued", Verb),
        ("en", "quipped", Verb),
        ("en", "commented", Verb),
        ("en", "confirmed", Verb),
        ("en", "was quoted as saying", Verb),
        ("en", "quoted as saying", Verb),
        // What a statement, letter or sign says: `The statement read: "..."`.
        ("en", "read", Verb),
        ("en", "reads", Verb),
        ("en", "according to", Prep),
        // French.
        ("fr", "a déclaré", Verb),
        ("fr", "a dit", Verb),
        ("fr", "a écrit", Verb),
        ("fr", "a tweeté", Verb),
        ("fr", "a affirmé", Verb),
        ("fr", "a ajouté", Verb),
        ("fr", "déclare", Verb),
        ("fr", "affirme", Verb),
        ("fr", "ajoute", Verb),
        ("fr", "a indiqué", Verb),
        ("fr", "a expliqué", Verb),
        ("fr", "a estimé", Verb),
        ("fr", "a souligné", Verb),
        ("fr", "a assuré", Verb),
        ("fr", "a annoncé", Verb),
        ("fr", "a averti", Verb),
        ("fr", "a réagi", Verb),
        ("fr", "a publié", Verb),
        ("fr", "a posté", Verb),
        ("fr", "écrit", Verb),
        ("fr", "explique", Verb),
        ("fr", "estime", Verb),
        ("fr", "souligne", Verb),
        ("fr", "tweete", Verb),
        ("fr", "selon", Prep),
        ("fr", "a-t-il déclaré", Verb),
        ("fr", "a-t-elle déclaré", Verb),
        ("fr", "a-t-il ajouté", Verb),
        ("fr", "a-t-elle ajouté", Verb),
        ("fr", "a-t-il expliqué", Verb),
        ("fr", "a-t-elle expliqué", Verb),
        ("fr", "a-t-il affirmé", Verb),
        ("fr", "a-t-elle affirmé", Verb),
        ("fr", "a-t-il dit", Verb),
        ("fr", "a-t-elle dit", Verb),
        ("fr", "a-t-il écrit", Verb),
        ("fr", "a-t-elle écrit", Verb),
        ("fr", "a-t-il souligné", Verb),
        ("fr", "a-t-elle souligné", Verb),
        ("fr", "a-t-il assuré", Verb),
        ("fr", "a-t-elle assuré", Verb),
        ("fr", "a-t-il estimé", Verb),
        ("fr", "a-t-elle estimé", Verb),
        ("fr", "a-t-il indiqué", Verb),
        ("fr", "a-t-elle indiqué", Verb),
        ("fr", "a-t-il précisé", Verb),
        ("fr", "a-t-elle précisé", Verb),
        ("fr", "déclare-t-il", Verb),
        ("fr", "déclare-t-elle", Verb),
        ("fr", "explique-t-il", Verb),
        ("fr", "explique-t-elle", Verb),
        ("fr", "ajoute-t-il", Verb),
        ("fr", "ajoute-t-elle", Verb),
        ("fr", "estime-t-il", Verb),
        ("fr", "estime-t-elle", Verb),
        ("fr", "affirme-t-il", Verb),
        ("fr", "affirme-t-elle", Verb),
        ("fr", "souligne-t-il", Verb),
        ("fr", "souligne-t-elle", Verb),
        ("fr", "assure-t-il", Verb),
        ("fr", "assure-t-elle", Verb),
        ("fr", "indique-t-il", Verb),
        ("fr", "indique-t-elle", Verb),
        ("fr", "précise-t-il", Verb),
        ("fr", "précise-t-elle", Verb),
        ("fr", "poursuit-t-il", Verb),
        ("fr", "poursuit-t-elle", Verb),
        ("fr", "insiste-t-il", Verb),
        ("fr", "insiste-t-elle", Verb),
        ("fr", "dit-il", Verb),
        ("fr", "dit-elle", Verb),
        ("fr", "écrit-il", Verb),
        ("fr", "écrit-elle", Verb),
        ("fr", "d'après", Prep),
        // German.
        ("de", "sagte", Verb),
        ("de", "sagt", Verb),
        ("de", "schrieb", Verb),
        ("de", "twitterte", Verb),
        ("de", "erklärte", Verb),
        ("de", "betonte", Verb),
        ("de", "erklärt", Verb),
        ("de", "schreibt", Verb),
        ("de", "twittert", Verb),
        ("de", "betont", Verb),
        ("de", "warnte", Verb),
        ("de", "kritisierte", Verb),
        ("de", "laut", Prep),
        ("de", "so", Prep),
        ("de", "meinte", Verb),
        ("de", "fügte", Verb),
        ("de", "teilte", Verb),
        ("de", "mahnte", Verb),
        ("de", "forderte", Verb),
        ("de", "unterstrich", Verb),
        // Spanish.
        ("es", "dijo", Verb),
        ("es", "afirmó", Verb),
        ("es", "escribió", Verb),
        ("es", "tuiteó", Verb),
        ("es", "aseguró", Verb),
        ("es", "declaró", Verb),
        ("es", "explicó", Verb),
        ("es", "señaló", Verb),
        ("es", "indicó", Verb),
        ("es", "añadió", Verb),
        ("es", "advirtió", Verb),
        ("es", "publicó", Verb),
        ("es", "escribe", Verb),
        ("es", "afirma", Verb),
        ("es", "tuitea", Verb),
        ("es", "según", Prep),
        ("es", "agregó", Verb),
        ("es", "sostuvo", Verb),
        ("es", "manifestó", Verb),
        ("es", "subrayó", Verb),
        ("es", "apuntó", Verb),
        ("es", "comentó", Verb),
        ("es", "recalcó", Verb),
        ("es", "destacó", Verb),
        ("es", "insistió", Verb),
        ("es", "expresó", Verb),
        ("es", "reiteró", Verb),
        ("es", "precisó", Verb),
        ("es", "dice", Verb),
        ("es", "asegura", Verb),
        ("es", "señala", Verb),
        ("es", "explica", Verb),
        ("es", "añade", Verb),
        ("es", "agrega", Verb),
        // Italian.
        ("it", "ha detto", Verb),
        ("it", "ha dichiarato", Verb),
        ("it", "ha scritto", Verb),
        ("it", "ha affermato", Verb),
        ("it", "ha spiegato", Verb),
        ("it", "ha aggiunto", Verb),
        ("it", "ha twittato", Verb),
        ("it", "ha sottolineato", Verb),
        ("it", "ha annunciato", Verb),
        ("it", "ha commentato", Verb),
        ("it", "scrive", Verb),
        ("it", "afferma", Verb),
        ("it", "secondo", Prep),
        ("it", "spiega", Verb),
        ("it", "aggiunge", Verb),
        ("it", "dice", Verb),
        ("it", "sottolinea", Verb),
        ("it", "ha precisato", Verb),
        ("it", "ha ribadito", Verb),
        ("it", "ha osservato", Verb),
        // Portuguese.
        ("pt", "disse", Verb),
        ("pt", "afirmou", Verb),
        ("pt", "escreveu", Verb),
        ("pt", "tuitou", Verb),
        ("pt", "declarou", Verb),
        ("pt", "publicou", Verb),
        ("pt", "explicou", Verb),
        ("pt", "acrescentou", Verb),
        ("pt", "escreve", Verb),
        ("pt", "afirma", Verb),
        ("pt", "segundo", Prep),
        ("pt", "destacou", Verb),
        ("pt", "ressaltou", Verb),
        ("pt", "disse à", Verb),
        ("pt", "afirmou à", Verb),
        ("pt", "diz", Verb),
        ("pt", "acrescenta", Verb),
        ("pt", "explica", Verb),
        ("pt", "garantiu", Verb),
        ("pt", "avisou", Verb),
        ("pt", "comentou", Verb),
        // Dutch.
        ("nl", "zei", Verb),
        ("nl", "zegt", Verb),
        ("nl", "schreef", Verb),
        ("nl", "twitterde", Verb),
        ("nl", "schrijft", Verb),
        ("nl", "verklaarde", Verb),
        ("nl", "volgens", Prep),
        ("nl", "aldus", Prep),
        ("nl", "stelt", Verb),
        ("nl", "stelde", Verb),
        ("nl", "zegt", Verb),
        ("nl", "liet weten", Verb),
        ("nl", "benadrukte", Verb),
        ("nl", "voegde toe", Verb),
        // Russian.
        ("ru", "сказал", Verb),
        ("ru", "сказала", Verb),
        ("ru", "заявил", Verb),
        ("ru", "заявила", Verb),
        ("ru", "написал", Verb),
        ("ru", "написала", Verb),
        ("ru", "сообщил", Verb),
        ("ru", "сообщила", Verb),
        ("ru", "отметил", Verb),
        ("ru", "отметила", Verb),
        ("ru", "добавил", Verb),
        ("ru", "добавила", Verb),
        ("ru", "по словам", Prep),
        // Turkish.
        ("tr", "dedi", Verb),
        ("tr", "yazdı", Verb),
        ("tr", "açıkladı", Verb),
        ("tr", "paylaştı", Verb),
        // Arabic.
        ("ar", "قال", Verb),
        ("ar", "قالت", Verb),
        ("ar", "كتب", Verb),
        ("ar", "كتبت", Verb),
        ("ar", "غرد", Verb),
        ("ar", "غردت", Verb),
        ("ar", "أضاف", Verb),
        ("ar", "أضافت", Verb),
        ("pl", "powiedział", Verb),
        ("pl", "powiedziała", Verb),
        ("pl", "napisał", Verb),
        ("pl", "napisała", Verb),
        ("pl", "stwierdził", Verb),
        ("pl", "stwierdziła", Verb),
        ("pl", "dodał", Verb),
        ("pl", "dodała", Verb),
        ("pl", "oświadczył", Verb),
        ("pl", "oświadczyła", Verb),
        ("pl", "zaznaczył", Verb),
        ("pl", "zaznaczyła", Verb),
        ("pl", "podkreślił", Verb),
        ("pl", "podkreśliła", Verb),
        ("pl", "mówi", Verb),
        ("pl", "według", Prep),
        ("uk", "сказав", Verb),
        ("uk", "сказала", Verb),
        ("uk", "заявив", Verb),
        ("uk", "заявила", Verb),
        ("uk", "написав", Verb),
        ("uk", "написала", Verb),
        ("uk", "повідомив", Verb),
        ("uk", "повідомила", Verb),
        ("uk", "додав", Verb),
        ("uk", "додала", Verb),
        ("uk", "наголосив", Verb),
        ("uk", "наголосила", Verb),
        ("uk", "зазначив", Verb),
        ("uk", "зазначила", Verb),
        ("uk", "за словами", Prep),
        ("ru", "подчеркнул", Verb),
        ("ru", "подчеркнула", Verb),
        ("ru", "пояснил", Verb),
        ("ru", "пояснила", Verb),
        ("ru", "рассказал", Verb),
        ("ru", "рассказала", Verb),
        ("ru", "говорит", Verb),
    ]
};

/// `(language, phrase)`: what may follow a cue verb and belongs to the cue
/// (`said` + `in a Twitter post`).
pub static TAILS: &[(&str, &str)] = &[
    ("en", "in a twitter post"),
    ("en", "in a tweet"),
    ("en", "in a post"),
    ("en", "in a facebook post"),
    ("en", "in an instagram post"),
    ("en", "in a social media post"),
    ("en", "in a statement"),
    ("en", "on twitter"),
    ("en", "on x"),
    ("en", "on facebook"),
    ("en", "on instagram"),
    ("en", "on bluesky"),
    ("en", "on threads"),
    ("en", "on mastodon"),
    ("en", "on social media"),
    ("fr", "sur twitter"),
    ("fr", "sur x"),
    ("fr", "dans un communiqué"),
    ("de", "auf twitter"),
    ("de", "auf x"),
    ("de", "in einer erklärung"),
    ("es", "en twitter"),
    ("es", "en un comunicado"),
    ("it", "su twitter"),
    ("it", "su x"),
    ("pt", "no twitter"),
    ("pt", "no x"),
    ("nl", "op twitter"),
    ("nl", "op x"),
    ("ru", "в твиттере"),
    ("ru", "в соцсетях"),
];

/// Words that make a cue name a social platform (`tweeted`, `wrote on X`, `in a Twitter post`).
pub static PLATFORM_WORDS: &[&str] = &[
    "tweeted",
    "tweets",
    "tweet",
    "retweeted",
    "posted",
    "posts",
    "post",
    "twitter",
    "x",
    "facebook",
    "instagram",
    "bluesky",
    "threads",
    "mastodon",
    "social",
    "tweeté",
    "twitterte",
    "tuiteó",
    "tuitea",
    "tweete",
    "twittert",
    "twittato",
    "tuitou",
    "twitterde",
    "твиттере",
    "غرد",
    "غردت",
];

/// Personal pronouns that may stand for a speaker named earlier.
pub static PRONOUNS: &[&str] = &[
    "he", "she", "they", "il", "elle", "ils", "elles", "er", "sie", "él", "ella", "ellos", "lui",
    "lei", "ele", "ela", "eles", "hij", "zij", "он", "она", "они",
];

/// Determiners and quantifiers that open a common-noun speaker (`one planner`, `the marchers`).
pub static DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "some", "two", "three", "several", "many", "another", "this", "that",
    "these", "those", "his", "her", "their", "its", "our", "le", "la", "les", "un", "une", "der",
    "die", "das", "ein", "eine", "el", "los", "las", "una", "uno", "o", "os", "um", "il", "lo",
    "gli", "de", "het", "een",
];

/// Function words and auxiliaries that end a speaker phrase.
pub static STOPS: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "as", "when", "while", "after", "before", "if",
    "because", "to", "in", "on", "at", "for", "with", "from", "by", "of", "then", "had", "has",
    "have", "was", "were", "is", "are", "be", "been", "not", "would", "will", "could", "should",
    "may", "might", "did", "do", "does", "it", "we", "i", "you", "so", "than", "et", "und", "y",
    "que", "dass", "qui", "und", "also", "later", "again", "once", "never", "just", "still",
    "there", "here", "what", "how", "why", "where", "about", "during", "into", "over", "under",
    // French, German, Spanish prepositions.
    "de", "des", "du", "devant", "à", "au", "aux", "dans", "sur", "pour", "avec", "par", "en",
    "lors", "vor", "bei", "mit", "auf", "am", "im", "zu", "nach", "ante", "con", "para", "por",
    // Portuguese and Italian prepositions (with their articles).
    "na", "no", "nas", "nos", "em", "pela", "pelo", "com", "após", "nel", "nella", "alla", "sul",
    "sulla", "dopo", "durante", "su",
];

/// Words right before a quotation that make it a term, not a quotation (`so-called “plan”`).
pub static TERM_MARKERS: &[&str] = &[
    "so-called",
    "dubbed",
    "termed",
    "sogenannte",
    "sogenannten",
    "prétendu",
    "llamado",
];

/// Lowercase particles allowed inside a capitalized name (`Secretary of State`, `bin Salman`).
pub static PARTICLES: &[&str] = &[
    "of", "al", "el", "bin", "ibn", "de", "da", "del", "di", "du", "van", "von", "der", "den",
    "la", "le",
];

/// Adverbs that may stand between a speaker and the cue (`X also said`).
pub static ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "previously",
    "recently",
    "further",
    "reportedly",
];

/// Titles and honorifics ignored when a speaker is compared with a post's author.
pub static TITLES: &[&str] = &[
    "president",
    "vice",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "gen",
    "general",
    "col",
    "lt",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chancellor",
    "governor",
    "gov",
    "mayor",
    "ambassador",
    "state",
    "former",
    "us",
    "u",
    "s",
    "uk",
    "the",
    "of",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "leader",
    "foreign",
    "defense",
    "defence",
    "official",
    "madame",
    "monsieur",
    "herr",
    "frau",
    "señor",
    "señora",
];

/// Words whose trailing `.` marks an abbreviation, not a sentence end.
pub static ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "gov", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd", "mt", "ft", "v",
];

/// A cue entry ready for matching: its words and kind.
#[derive(Debug, Clone)]
pub struct CueEntry {
    /// Lowercase words of the phrase.
    pub words: Vec<&'static str>,
    /// How the cue relates to its speaker.
    pub kind: CueKind,
}

/// Cue entries keyed by their first word.
pub static CUE_INDEX: LazyLock<HashMap<&'static str, Vec<CueEntry>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<CueEntry>> = HashMap::new();
    for &(_, phrase, kind) in CUES {
        let words: Vec<&'static str> = phrase.split(' ').collect();
        if let Some(&first) = words.first() {
            map.entry(first).or_default().push(CueEntry { words, kind });
        }
    }
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }
    map
});

/// Tail phrases as word lists, longest first.
pub static TAIL_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut tails: Vec<Vec<&'static str>> =
        TAILS.iter().map(|(_, t)| t.split(' ').collect()).collect();
    tails.sort_by_key(|t| std::cmp::Reverse(t.len()));
    tails
});

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

/// Word-class sets for O(1) membership tests.
pub struct Classes {
    /// See [`PRONOUNS`].
    pub pronouns: HashSet<&'static str>,
    /// See [`DETERMINERS`].
    pub determiners: HashSet<&'static str>,
    /// See [`STOPS`].
    pub stops: HashSet<&'static str>,
    /// See [`PARTICLES`].
    pub particles: HashSet<&'static str>,
    /// See [`ADVERBS`].
    pub adverbs: HashSet<&'static str>,
    /// See [`TITLES`].
    pub titles: HashSet<&'static str>,
    /// See [`ABBREVIATIONS`].
    pub abbreviations: HashSet<&'static str>,
    /// See [`PLATFORM_WORDS`].
    pub platform: HashSet<&'static str>,
    /// See [`TERM_MARKERS`].
    pub terms: HashSet<&'static str>,
}

impl std::fmt::Debug for Classes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Classes { .. }")
    }
}

/// The word classes, built once.
pub static CLASSES: LazyLock<Classes> = LazyLock::new(|| Classes {
    pronouns: set(PRONOUNS),
    determiners: set(DETERMINERS),
    stops: set(STOPS),
    particles: set(PARTICLES),
    adverbs: set(ADVERBS),
    titles: set(TITLES),
    abbreviations: set(ABBREVIATIONS),
    platform: set(PLATFORM_WORDS),
    terms: set(TERM_MARKERS),
});

/// Whether a cue (as printed, any case) names a social platform: `tweeted`, `wrote on X`,
/// `said in a Twitter post`, `posted`.
pub fn is_platform_cue(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| CLASSES.platform.contains(w.to_lowercase().as_str()))
}
