//! Attribution: the speaker and the cue of a quotation, from the clause around its marks.
//!
//! ```text
//! “...,” President Ana Ruiz tweeted.        after:  SPEAKER CUE
//! “...,” said the minister.                 after:  CUE SPEAKER
//! The agency said "..."                     before: SPEAKER CUE “
//! according to the ministry, “...”          before: PREP SPEAKER
//! “...,” one guard told us, adding “...”    before: CUE with no speaker → carried from the
//!                                           previous quote of the same sentence
//! Chanting "..." the marchers ...           before: CUE at clause start → speaker after the quote
//! ```
//!
//! A speaker is a pronoun, a determiner phrase (`one planner`, `the marchers`, `The city council`)
//! or a run of capitalized words with their particles (`Secretary of State Ana Ruiz`). The
//! windows are bounded (a few hundred bytes each side, clipped at the neighbouring quotes and
//! posts and at sentence ends), so the cost per quotation is constant.

use super::lexicon::people::{
    CROWD_NOUNS, HEBREW_OPENERS, INDEFINITES, LONE_INDEFINITES, MORE_FUNCTION_WORDS, OBJECT_NOUNS,
    ONE, PARTITIVES, PARTITIVE_PREPOSITIONS, PREPOSITIONS,
};
use super::lexicon::{CueKind, CLASSES, CUE_INDEX, TAIL_WORDS};
use super::names::{compound_adjective, is_calendar_word, is_platform, title_of};

/// Indefinite articles, which [`INDEFINITES`] lists for the name index but which alone are
/// nobody.
const ARTICLES: [&str; 11] = [
    "a", "an", "un", "une", "uno", "una", "um", "uma", "ein", "eine", "een",
];
use std::ops::Range;
use std::sync::LazyLock;

/// Words joining two verbs of one subject (`… und twitterte`).
const COORDINATORS: [&str; 11] = [
    "and", "und", "y", "e", "et", "en", "и", "і", "ta", "i", "ve",
];

/// Relative pronouns that stand for the subject before them (`X, who tweeted`).
const RELATIVES: [&str; 12] = [
    "who",
    "que",
    "qui",
    "che",
    "der",
    "die",
    "который",
    "которая",
    "який",
    "яка",
    "który",
    "która",
];

/// Bytes looked at before the opening mark and after the closing mark.
pub const WINDOW: usize = 300;

/// Who said a quotation and how the article says so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker as printed (or carried from the previous quote).
    pub speaker: Option<String>,
    /// The cue as printed.
    pub cue: Option<String>,
    /// The speaker is a pronoun still to resolve.
    pub pronoun: bool,
    /// The speaker was found in the same sentence (not carried).
    pub named_here: bool,
    /// The cue stands right at the quote (`said “`, `“...,” X said`), not elsewhere in the
    /// sentence.
    pub adjacent: bool,
    /// The quoted words follow a term marker (`so-called`).
    pub term: bool,
    /// The speaker is the subject of a lead-in clause ending in a colon, with no cue.
    pub lead: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Byte offset where the token starts ([`Tok::start`]); 32 bits, as the text tokenized
    /// ends at [`MAX_TOKENIZED`]: a document's tokens are a large part of a quotation flood's
    /// memory (24 bytes a token rather than 48).
    lo: u32,
    /// Byte offset where it ends, exclusive ([`Tok::end`]).
    hi: u32,
    /// The lowercase form is `lowered[low_start..low_end]` of its buffer; `low_end` is 0
    /// when the token has no capitals and is its own lowercase form ([`Tok::low`]).
    low_start: u32,
    /// See `low_start`.
    low_end: u32,
    /// The token's first character (a punctuation token is one character): asked of most
    /// tokens, read without slicing the text.
    pub(super) first: char,
    /// A word (letters or digits), not punctuation.
    pub(super) word: bool,
    /// A sentence end: `.` `!` `?` `…` or a line break.
    pub(super) boundary: bool,
    /// A word shaped like the first word of a cue (see [`CUE_SHAPES`]): the only tokens looked
    /// up in [`CUE_INDEX`].
    cue: bool,
    /// A word that may have capitals: an ASCII capital or a character outside ASCII in it
    /// (set by the tokenizer, so that lowercasing skips the plain words). A word without is
    /// ASCII lower case and digits only.
    pub(super) mixed: bool,
}

/// Where the tokenizer stops: text past 2 GiB of a document is not tokenized, so that token
/// offsets, and those of the lowercase forms (at most 1.5 times the bytes of a word), fit in
/// 32 bits. (The default `--max-document-size` is 256 MiB; a document of 2 GiB would take
/// ~8 GB of tokens.)
pub(super) const MAX_TOKENIZED: usize = 1 << 31;

impl Tok {
    /// Byte offset where the token starts.
    #[inline]
    pub(super) fn start(&self) -> usize {
        self.lo as usize
    }

    /// Byte offset where it ends (exclusive).
    #[inline]
    pub(super) fn end(&self) -> usize {
        self.hi as usize
    }

    /// Where its lowercase form lies in its buffer's `lowered`, when it has capitals.
    #[inline]
    fn low(&self) -> Option<(usize, usize)> {
        (self.low_end != 0).then_some((self.low_start as usize, self.low_end as usize))
    }

    /// Sets where its lowercase form lies (a non-empty range of `lowered`).
    #[inline]
    fn set_low(&mut self, from: usize, to: usize) {
        // Both below 3 GiB (see [`MAX_TOKENIZED`]).
        self.low_start = from as u32;
        self.low_end = to as u32;
    }
}

/// Token buffers, reused from one window to the next so that tokenizing a window allocates
/// nothing once the buffers have grown to the window size.
#[derive(Debug, Default)]
pub(super) struct TokBuf {
    /// The tokens.
    pub(super) toks: Vec<Tok>,
    /// The lowercase forms of the tokens that have capitals, one after the other.
    lowered: String,
}

impl TokBuf {
    /// Tokenizes `text[range]` into the buffers, replacing what they held.
    pub(super) fn fill(&mut self, text: &str, range: Range<usize>) {
        self.toks.clear();
        self.lowered.clear();
        // About one token in six bytes of prose: a page's tokens without regrowing (a bounded
        // guess: text without words has no tokens to make room for). A text too long for its
        // buffer to be kept ([`MAX_KEPT_TOKENS`]) gets room for as many tokens as it has bytes,
        // the most it can have: its pages are only touched as tokens fill them, and a flood
        // of short words never has its tokens copied to a buffer twice as large, both in
        // memory at once.
        let guess = range.len() / 6;
        if guess > MAX_KEPT_TOKENS {
            self.toks.reserve(range.len().min(MAX_RESERVED_TOKENS));
        } else {
            self.toks.reserve(guess);
        }
        tokenize_into(text, range, &mut self.toks, &mut self.lowered);
    }

    /// The lowercase forms and cue shapes of the tokens from index `from` on: what the
    /// tokenizer now works out as it makes each word, kept as the reference a test compares it
    /// with.
    #[cfg(test)]
    fn shape(&mut self, text: &str, from: usize) {
        let cue_shapes = &*CUE_SHAPES;
        for t in self.toks.iter_mut().skip(from) {
            // Punctuation tokens never have capitals (no character outside the letters and
            // digits is uppercase), so only words are looked at.
            if !t.word {
                continue;
            }
            let s = text.get(t.start()..t.end()).unwrap_or("");
            if !t.mixed {
                t.cue = cue_shapes.may_hold(s);
                continue;
            }
            let from = self.lowered.len();
            let ascii = s.is_ascii();
            let has_capitals = if ascii {
                s.bytes().any(|b| b.is_ascii_uppercase())
            } else {
                s.chars().any(char::is_uppercase)
            };
            let low = if !has_capitals {
                s
            } else {
                if ascii {
                    self.lowered.push_str(s);
                    if let Some(added) = self.lowered.get_mut(from..) {
                        added.make_ascii_lowercase();
                    }
                } else {
                    // `str::to_lowercase`, not per char: a final sigma lowercases by context.
                    self.lowered.push_str(&s.to_lowercase());
                }
                t.set_low(from, self.lowered.len());
                self.lowered.get(from..).unwrap_or("")
            };
            t.cue = cue_shapes.may_hold(low);
        }
    }

    /// [`TokBuf::fill`] of `text[range]`, copying most tokens from `doc`, the tokens a
    /// [`TokBuf::fill`] made of a range of `text` holding `range`: the same tokens.
    ///
    /// The tokenizer reads forward only, and its steps start where a token starts or at white
    /// space: the window's steps meet the document's at the first one that does not start
    /// inside a word of the document, and from there on make the same tokens, save near the
    /// window's end, where a word read up to [`MAX_LOOKAHEAD`] bytes past its end may read
    /// differently. The tokens before the meeting point and from the first such word on are
    /// tokenized here, as [`TokBuf::fill`] does.
    pub(super) fn fill_from(&mut self, doc: &TokBuf, text: &str, range: Range<usize>) {
        self.toks.clear();
        self.lowered.clear();
        let range = tokenized(text, range);
        let Some(slice) = text.get(range.clone()) else {
            return;
        };
        let (a, b) = (range.start, range.end);
        let cue_shapes = &*CUE_SHAPES;
        let mut i = 0;
        // The document's first token ending past the step.
        let mut k = doc.toks.partition_point(|t| t.end() <= a);
        while i < slice.len() && doc.toks.get(k).is_some_and(|t| t.start() < a + i) {
            i = token_at(slice, a, i, &mut self.toks, &mut self.lowered, cue_shapes);
            while doc.toks.get(k).is_some_and(|t| t.end() <= a + i) {
                k += 1;
            }
        }
        while let Some(&t) = doc.toks.get(k) {
            let read_to = if t.word {
                t.end() + MAX_LOOKAHEAD
            } else {
                t.end()
            };
            if read_to > b {
                break;
            }
            let mut t = t;
            if let Some((s, e)) = t.low() {
                let from = self.lowered.len();
                self.lowered.push_str(doc.lowered.get(s..e).unwrap_or(""));
                t.set_low(from, self.lowered.len());
            }
            self.toks.push(t);
            i = t.end() - a;
            k += 1;
        }
        while i < slice.len() {
            i = token_at(slice, a, i, &mut self.toks, &mut self.lowered, cue_shapes);
        }
    }

    pub(super) fn view<'a>(&'a self, text: &'a str) -> Toks<'a> {
        Toks {
            text,
            toks: &self.toks,
            lowered: &self.lowered,
        }
    }
}

/// Reusable working memory for attributing the quotations of one text: the token buffers of
/// the windows before and after a quotation, kept between calls so a flood of candidates costs
/// no allocation per candidate. When a quotation's window before is exactly the previous
/// one's window after (two quotes with only a short gap between them), its tokens are reused
/// as they are.
#[derive(Debug)]
pub struct Scratch<'t> {
    text: &'t str,
    pre: TokBuf,
    post: TokBuf,
    /// The range `post` holds the tokens of, if any.
    post_range: Option<Range<usize>>,
    /// The document's tokens, once its names are read, and the bytes they cover: the windows
    /// inside are copied from them (see [`TokBuf::fill_from`]).
    doc: Option<(TokBuf, Range<usize>)>,
    /// The look-back of [`named_speaker_before_in`].
    #[cfg(any(test, feature = "_internal"))]
    back: TokBuf,
}

impl<'t> Scratch<'t> {
    /// Working memory for the quotations of `text`.
    pub fn new(text: &'t str) -> Scratch<'t> {
        Scratch {
            text,
            pre: TokBuf::default(),
            post: TokBuf::default(),
            post_range: None,
            doc: None,
            #[cfg(any(test, feature = "_internal"))]
            back: TokBuf::default(),
        }
    }

    /// Tokenizes the windows `pre` and `post`; reuses the last window after as this window
    /// before when their ranges are the same.
    fn fill(&mut self, pre: Range<usize>, post: Range<usize>) {
        if self.post_range.as_ref() == Some(&pre) {
            std::mem::swap(&mut self.pre, &mut self.post);
        } else {
            window(self.text, self.doc.as_ref(), &mut self.pre, pre);
        }
        window(self.text, self.doc.as_ref(), &mut self.post, post.clone());
        self.post_range = Some(post);
    }

    /// Keeps `doc`, the tokens [`TokBuf::fill`] made of `text[covered]` (`text` the start of
    /// this scratch's text, up to `covered.end` at least), for the windows to come.
    /// Tokens past [`MAX_WINDOW_SOURCE_TOKENS`] are not kept: the windows are then tokenized
    /// alone, into the same tokens.
    pub(super) fn keep_tokens(&mut self, doc: TokBuf, covered: Range<usize>) {
        if doc.toks.len() > MAX_WINDOW_SOURCE_TOKENS {
            if let Some((old, _)) = self.doc.take() {
                put_doc_tokens(old);
            }
            return;
        }
        if let Some((old, _)) = self.doc.replace((doc, covered)) {
            put_doc_tokens(old);
        }
    }
}

impl Drop for Scratch<'_> {
    fn drop(&mut self) {
        if let Some((doc, _)) = self.doc.take() {
            put_doc_tokens(doc);
        }
    }
}

/// Tokenizes the window `range` of `text` into `buf`: copied from the document's tokens `doc`
/// where they cover it.
fn window(text: &str, doc: Option<&(TokBuf, Range<usize>)>, buf: &mut TokBuf, range: Range<usize>) {
    match doc {
        Some((d, covered)) if covered.start <= range.start && range.end <= covered.end => {
            buf.fill_from(d, text, range);
        }
        _ => buf.fill(text, range),
    }
}

thread_local! {
    /// The document token buffer of this thread's last text, taken and put back: a page's
    /// tokens without allocating (and faulting in) a new buffer per document.
    static DOC_TOKENS: std::cell::Cell<TokBuf> = std::cell::Cell::new(TokBuf::default());
}

/// Most tokens of a document kept for copying its windows from ([`Scratch::keep_tokens`]):
/// 1M tokens, 24 MB, a text of ~6 MB. A longer text has its windows tokenized alone (a
/// quotation's windows end at the quotations beside it and at [`WINDOW`] bytes), so that a flood
/// of quotations does not hold its document's tokens beside its quotations (hostile
/// dash-credits: 4.4M tokens, 105 MB).
const MAX_WINDOW_SOURCE_TOKENS: usize = 1 << 20;

/// Most tokens a buffer put back for the next document may have room for (a few MB): one
/// huge document does not hold its buffer for the rest of the run.
const MAX_KEPT_TOKENS: usize = 1 << 16;

/// This thread's document token buffer (see [`put_doc_tokens`]).
pub(super) fn take_doc_tokens() -> TokBuf {
    DOC_TOKENS.with(std::cell::Cell::take)
}

/// Puts a document token buffer back for the thread's next document, unless it grew large.
pub(super) fn put_doc_tokens(buf: TokBuf) {
    if buf.toks.capacity() <= MAX_KEPT_TOKENS {
        DOC_TOKENS.with(|c| c.set(buf));
    }
}

/// Most tokens a buffer makes room for ahead of the tokenizer (about 800 MB of address space,
/// for a text of 16 MB or more): past it a buffer grows as it fills.
const MAX_RESERVED_TOKENS: usize = 1 << 24;

/// The most bytes the tokenizer reads past a word's end: two characters (the one ending it,
/// and the one after an apostrophe, hyphen or dot), four bytes each.
const MAX_LOOKAHEAD: usize = 8;

/// For each first byte of a word, one bit per byte length (bit 63: 63 bytes or more) of the
/// words of a set: a word whose bit is clear is not in the set, which saves hashing it.
struct Shapes([u64; 256]);

impl Shapes {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Shapes {
        let mut bits = [0u64; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                bits[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        Shapes(bits)
    }
    /// Whether `w` may be in the set (the empty word always may).
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_none_or(|&b| self.0[usize::from(b)] >> w.len().min(63) & 1 == 1)
    }
}

/// The shapes of the cues' first words (the keys of [`CUE_INDEX`]).
static CUE_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(CUE_INDEX.keys().copied()));
/// The shapes of the term markers.
static TERM_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(CLASSES.terms.iter().copied()));
/// The shapes of the abbreviations.
static ABBREVIATION_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::of(CLASSES.abbreviations.iter().copied()));

/// Tokens of a window, with their lowercase forms.
pub(super) struct Toks<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The lowercase forms of the tokens with capitals (see [`Tok::low`]).
    lowered: &'a str,
}

impl<'a> Toks<'a> {
    fn len(&self) -> usize {
        self.toks.len()
    }
    pub(super) fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }
    pub(super) fn low(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => match t.low() {
                Some((s, e)) => self.lowered.get(s..e).unwrap_or(""),
                None => self.text.get(t.start()..t.end()).unwrap_or(""),
            },
            None => "",
        }
    }
    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.word && t.first.is_uppercase())
    }
    pub(super) fn str(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start()..t.end()))
            .unwrap_or("")
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word) && self.str(i) == s
    }
    fn boundary(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.boundary)
    }
    /// Whether token `i` may start a cue: a word whose shape some cue's first word has.
    fn may_cue(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cue)
    }
    /// The printed text of tokens `r`.
    fn span(&self, r: Range<usize>) -> Option<String> {
        let mut s = self.toks.get(r.start)?.start();
        // The `@` glued before a handle's word is the handle's (`@Nyigi_ then said`).
        if s > 0 && self.text.as_bytes()[s - 1] == b'@' {
            s -= 1;
        }
        let e = self.toks.get(r.end.checked_sub(1)?)?.end();
        self.text.get(s..e).map(str::to_string)
    }
    /// A cue starting at token `i`: its end (exclusive) and kind.
    pub(super) fn cue_at(&self, i: usize) -> Option<(usize, CueKind)> {
        if !self.may_cue(i) {
            return None;
        }
        let entries = CUE_INDEX.get(self.low(i))?;
        let entry = entries.iter().find(|e| self.matches(i, &e.words))?;
        let mut end = i + entry.words.len();
        if entry.kind == CueKind::Verb {
            if let Some(tail) = TAIL_WORDS.iter().find(|t| self.matches(end, t)) {
                end += tail.len();
            }
        }
        Some((end, entry.kind))
    }
    /// Whether the cue starting at token `i` is one of the Scandinavian languages', whose
    /// indefinite article `en`/`ett`/`et` is French's `en` (in) and whose verb comes second
    /// (`Kort efter skrev præsidenten:`).
    fn nordic_cue(&self, i: usize) -> bool {
        self.cue_in(i, &["sv", "no", "da"])
    }

    /// Whether a cue of one of `langs` starts at token `i`.
    fn cue_in(&self, i: usize, langs: &[&str]) -> bool {
        self.may_cue(i)
            && CUE_INDEX.get(self.low(i)).is_some_and(|es| {
                es.iter()
                    .any(|e| langs.contains(&e.lang) && self.matches(i, &e.words))
            })
    }

    /// The subject opening the clause `lo..p` of a Persian cue at `p`, the verb last (`رئیس
    /// جمهوری آمریکا در ادامه مصاحبه خود افزود:`): at most four words, up to the first function
    /// word.
    fn sov_subject(&self, p: usize, lo: usize) -> Option<Range<usize>> {
        if !self.cue_in(p, &["fa"]) {
            return None;
        }
        let mut k = lo;
        while k < p
            && k - lo < 4
            && self.word(k)
            && !MORE_FUNCTION_WORDS.contains(&self.low(k))
            && !HEBREW_OPENERS.contains(&self.low(k))
        {
            k += 1;
        }
        (k > lo).then_some(lo..k)
    }

    /// The subject of a Hindi cue at `p`, marked by the ergative `ने` before it (`अमिताभ बच्चन ने
    /// ट्वीट में लिखा`, `सांसद राहुल गांधी ने पीएम को बधाई देते हुए लिखा`): up to four words before
    /// `ने`, back to a postposition or conjunction (`की`, `के`, `और`).
    fn ergative_subject(&self, p: usize, lo: usize) -> Option<Range<usize>> {
        if !self.cue_in(p, &["hi"]) {
            return None;
        }
        let ne = (lo..p).rev().find(|&t| self.str(t) == "ने")?;
        let mut k = ne;
        while k > lo
            && ne - k < 4
            && self.word(k - 1)
            && !matches!(
                self.str(k - 1),
                "की" | "के" | "का" | "में" | "से" | "को" | "और" | "पर" | "ने"
            )
        {
            k -= 1;
        }
        (k < ne).then_some(k..ne)
    }

    /// The speaker of a Scandinavian cue at `p..e` in the clause `lo..n` before the marks:
    /// `En annan skriver:` (the article and a noun opening the clause), or with the verb second
    /// the subject after it (`Kort efter skrev præsidenten desuden:`, `skriver kendissen:`).
    fn nordic_subject(&self, p: usize, e: usize, lo: usize, n: usize) -> Option<Range<usize>> {
        if !self.nordic_cue(p) {
            return None;
        }
        let article = |i: usize| self.word(i) && matches!(self.low(i), "en" | "ett" | "et");
        if p >= lo + 2 && article(p - 2) && self.word(p - 1) && (p - 2 == lo || !self.word(p - 3)) {
            return Some(p - 2..p);
        }
        let colon = n > e && (self.is(n - 1, ":") || self.is(n - 1, ","));
        let plain = |t: usize| self.word(t) && !self.stop(t) && !self.cap(t);
        (colon && n - 1 > e && n - 1 - e <= 2 && plain(e)).then_some(e..e + 1)
    }

    fn matches(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.word(i + k) && self.low(i + k) == *w)
    }
    fn is_cue_word(&self, i: usize) -> bool {
        self.may_cue(i)
            && CUE_INDEX
                .get(self.low(i))
                .is_some_and(|es| es.iter().any(|e| self.matches(i, &e.words)))
    }
    fn stop(&self, i: usize) -> bool {
        CLASSES.stops.contains(self.low(i))
    }
    fn verbish(&self, i: usize) -> bool {
        let w = self.low(i);
        !self.cap(i) && (w.ends_with("ed") || self.is_cue_word(i))
    }

    /// The speaker phrase ending just before token `end` (adverbs skipped), not before `lo`.
    fn np_before(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        // `Sen. David Vitter (R-La.) tweeted`: a bracketed gloss (party and state, a handle,
        // an age) between the subject and its verb is looked past.
        if end > lo + 2 && self.is(end - 1, ")") {
            if let Some(open) = (end.saturating_sub(8).max(lo)..end - 1)
                .rev()
                .find(|&t| self.is(t, "("))
            {
                if open > lo && self.word(open - 1) {
                    return self.np_before(open, lo);
                }
            }
        }
        // `DeMint, R-S.C., tweeted`: a party-and-state designation set off by commas after
        // the subject is looked past.
        if end > lo + 2
            && is_party_designation(self.str(end - 1))
            && self.is(end - 2, ",")
            && self.word(end - 3)
        {
            return self.np_before(end - 2, lo);
        }
        // `@handle tweeted`.
        if let Some(r) = end
            .checked_sub(2)
            .filter(|&i| i >= lo)
            .and_then(|i| self.handle_at(i))
        {
            if r.end == end {
                return Some(r);
            }
        }
        let mut j = end;
        while j > lo && self.word(j - 1) && CLASSES.adverbs.contains(self.low(j - 1)) && end - j < 2
        {
            j -= 1;
        }
        // `…, עלי חמינאי, צייץ`: in a script without capitals, a name set off by commas right
        // before the cue (an appositive after the title it names).
        if j > lo + 2 && self.is(j - 1, ",") && self.word(j - 2) && is_caseless(self.str(j - 2)) {
            let mut i = j - 1;
            while i > lo && i + 3 > j - 1 && self.word(i - 1) && !self.stop(i - 1) {
                i -= 1;
            }
            if i < j - 1 && i > lo && self.is(i - 1, ",") {
                return Some(i..j - 1);
            }
        }
        // `אחד הגולשים הגיב וכתב`: in Hebrew, a chain of two verbs (reacted and wrote); the
        // subject stands before the first. (Arabic's verb comes first: `arabic.rs`.)
        let hebrew = |t: usize| {
            self.str(t)
                .chars()
                .next()
                .is_some_and(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
        };
        if j > lo + 1
            && self.word(j - 1)
            && hebrew(j - 1)
            && self.is_cue_word(j - 1)
            && self.word(j - 2)
            && !self.stop(j - 2)
        {
            j -= 1;
        }
        if j <= lo || !self.word(j - 1) {
            return None;
        }
        if CLASSES.pronouns.contains(self.low(j - 1)) {
            return Some(j - 1..j);
        }
        // `One of them wrote`, `uno de ellos escribió`: one of a crowd, a partitive.
        if j >= lo + 3
            && self.word(j - 3)
            && self.word(j - 2)
            && (ONE.contains(&self.low(j - 3)) || self.indefinite(j - 3))
            && PARTITIVE_PREPOSITIONS.contains(&self.low(j - 2))
            && (j - 3 == lo || !self.word(j - 4))
        {
            return Some(j - 3..j);
        }
        // `Otro afirmó que`, `Others wrote`: a lone indefinite opening the clause is somebody.
        if self.indefinite(j - 1) && (j - 1 == lo || !self.word(j - 2)) {
            return Some(j - 1..j);
        }
        let mut i = j;
        let mut det = false;
        while i > lo && j - i < 7 && self.word(i - 1) {
            let w = self.low(i - 1);
            if CLASSES.determiners.contains(w) {
                det = true;
                i -= 1;
                break;
            }
            if self.stop(i - 1) {
                let inside =
                    CLASSES.particles.contains(w) && i - 1 > lo && self.cap(i - 2) && self.cap(i);
                if !inside {
                    break;
                }
            } else if self.is_cue_word(i - 1) || CLASSES.pronouns.contains(w) {
                break;
            }
            i -= 1;
        }
        // A lone indefinite stands for somebody (`Another added`, `One wrote`).
        if det
            && i + 1 == j
            && matches!(
                self.low(i),
                "another" | "one" | "otro" | "otra" | "un" | "une"
            )
        {
            return Some(i..j);
        }
        if i == j || (det && i + 1 == j) {
            return None;
        }
        if det {
            // `in die Ukraine postete`: a place, no subject.
            let placed = i > lo && self.word(i - 1) && PREPOSITIONS.contains(&self.low(i - 1));
            return (!placed).then_some(i..j);
        }
        // No determiner: the capitalized run ending at the cue, else a short bare noun phrase
        // standing at the clause start (`Witnesses said`).
        let mut c = j;
        while c > i
            && (self.cap(c - 1) || (CLASSES.particles.contains(self.low(c - 1)) && c - 1 > i))
        {
            c -= 1;
        }
        while c < j && !self.cap(c) {
            c += 1;
        }
        // A hashtag is nobody (`met #TweetenZoalsTheo postte hij`).
        let hashtag = c > 0 && self.is(c - 1, "#");
        if hashtag {
            return None;
        }
        // `Jaromír Bosák na Twitteru napsal`: a platform after a preposition is where, not
        // who; the speaker is the phrase before the preposition.
        // After a relative pronoun or a conjunction the platform is the subject (`To which
        // Twitter replied`).
        let joins = matches!(
            self.low(c.saturating_sub(1)),
            "which" | "who" | "whom" | "that" | "and" | "but" | "then" | "so"
        );
        if c < j && c > lo && self.stop(c - 1) && !joins && (c..j).all(|t| is_platform(self.str(t)))
        {
            return self.np_before(c - 1, lo);
        }
        if c < j {
            return Some(c..j);
        }
        let at_start = i == lo || !self.word(i - 1);
        let lettered = (i..j).all(|t| self.str(t).chars().next().is_some_and(char::is_alphabetic));
        (at_start && lettered && j - i <= 3).then_some(i..j)
    }

    /// A speaker of common nouns right after a cue, in a script without articles or without
    /// capitals, where [`Toks::np_after`] finds no determiner or name to start from
    /// (`сообщил губернатор`, `قال المتحدث باسم الوزارة`): up to four words that end the
    /// clause (punctuation or the end follows).
    fn bare_np_after(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        let mut j = s;
        while j < hi
            && j - s < 4
            && self.word(j)
            && !self.stop(j)
            && !self.is_cue_word(j)
            && self.str(j).chars().next().is_some_and(is_unlatin_letter)
        {
            j += 1;
        }
        (j > s && (j == hi || !self.word(j))).then_some(s..j)
    }

    /// `– napisała z kolei Magdalena Filiks`, `– wypunktował rząd PiS-u Michał Kołodziejczak`:
    /// a full name (two capitalized words or more) after at most three words that follow the
    /// cue at `s`, a discourse adverb or the verb's object, before `hi`.
    fn name_after_words(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        let full = |t: usize| {
            t + 1 < hi
                && self.word(t)
                && self.word(t + 1)
                && self.cap(t)
                && self.cap(t + 1)
                && !self.stop(t)
                && !is_platform(self.str(t))
                && !compound_adjective(self.str(t))
        };
        let start = (s + 1..hi.min(s + 4))
            .take_while(|&t| self.word(t - 1) && !self.is_cue_word(t - 1))
            .find(|&t| full(t))?;
        let mut end = start;
        while end < hi && end - start < 4 && self.word(end) && self.cap(end) {
            end += 1;
        }
        Some(start..end)
    }

    /// `Jane Park, the union's president, said`: the subject and its apposition between
    /// commas, the second comma right before the cue at `end`; the apposition is words only
    /// (at most eight, no cue), the subject the phrase [`Toks::np_before`] finds before the
    /// first comma.
    /// `Sohaib Athar, un consultant în informatică din Pakistan scrie`: a name set off by a
    /// comma before the indefinite description `r` that [`Toks::np_before`] found is the
    /// subject; else `r`.
    fn named_before_description(&self, r: Range<usize>, lo: usize) -> Range<usize> {
        let comma = r.start.wrapping_sub(1);
        let indefinite = self.word(r.start) && INDEFINITES.contains(&self.low(r.start));
        if r.start < lo + 2 || !self.is(comma, ",") || !indefinite {
            return r;
        }
        match self.np_before(comma, lo) {
            Some(name) if (name.start..name.end).all(|t| self.cap(t)) => name,
            _ => r,
        }
    }

    fn apposed_subject(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        if end < lo + 4 || !self.is(end - 1, ",") {
            return None;
        }
        let mut first = end - 1;
        while first > lo && !self.is(first - 1, ",") {
            first -= 1;
            if end - 1 - first > 8 || !self.word(first) || self.is_cue_word(first) {
                return None;
            }
        }
        let comma = first
            .checked_sub(1)
            .filter(|&c| c > lo && first < end - 1)?;
        let name = self.np_before(comma, lo)?;
        Some(name.start..end - 1)
    }

    /// The speaker phrase right after a cue that opens its clause, filling `s..hi` with words
    /// only: the phrase `np_after` finds and at most four more words completing it (`el
    /// portavoz del ejército`), or in other scripts than Latin up to six words.
    fn speaker_after_cue(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        if hi <= s || hi - s > 8 || !(s..hi).all(|t| self.word(t) && !self.is_cue_word(t)) {
            return None;
        }
        // Scripts other than Latin: a short run of words (`المتحدث باسم البلدية سامي نادر`),
        // less the function words opening it (`כתב לו גדעון סער:`).
        if (s..hi).all(|t| self.str(t).chars().next().is_some_and(is_unlatin_letter)) {
            let s = (s..hi).find(|&t| !self.stop(t))?;
            return (hi - s <= 6).then_some(s..hi);
        }
        let r = self.np_after(s, hi)?;
        (hi - r.end <= 4).then_some(s..hi)
    }

    /// Where a speaker phrase ending at `j` ends once a name in apposition closing the clause is
    /// taken in (`la ministra de Seguridad, Carla Núñez`): after `, Name Name` up to `hi`, a
    /// comma or a bracket, else `j` unchanged.
    fn appositive_name(&self, j: usize, hi: usize) -> usize {
        if !(self.is(j, ",") && j + 1 < hi && self.cap(j + 1)) {
            return j;
        }
        let mut k = j + 1;
        while k < hi && k - j <= 4 && self.cap(k) {
            k += 1;
        }
        // A party in brackets may follow (`o governador de São Paulo, João Doria (PSDB).`).
        if k == hi || self.is(k, ",") || self.is(k, "(") {
            k
        } else {
            j
        }
    }

    /// The name that closes the clause opened by a cue at `s` (`napsala na Twitter
    /// senátorka Miroslava Němcová.`, `пишет менеджер Twitter Элаин Филадельфо.`): after at
    /// most ten words, a run of capitalized words (no platform) right before the clause's end
    /// (`hi`, a comma or a bracket), after a lowercase word.
    fn clause_final_name(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        let mut end = s;
        while end < hi && end - s <= 10 && self.word(end) && !self.is_cue_word(end) {
            end += 1;
        }
        let closes = end == hi || self.is(end, ",") || self.is(end, "(");
        if !closes || end == s || end - s > 10 {
            return None;
        }
        let mut c = end;
        while c > s
            && self.cap(c - 1)
            && !is_platform(self.str(c - 1))
            && !self.stop(c - 1)
            && end - c < 4
        {
            c -= 1;
        }
        let before = c.wrapping_sub(1);
        let lead_in = !self.cap(before) || is_platform(self.str(before));
        (c < end && c > s && lead_in && !self.stop(before)).then_some(c..end)
    }

    /// `– napisał w tym samym tonie inny internauta.`: an indefinite and at most two lowercase
    /// words closing the clause opened at `s` (before `hi`), after a phrase of manner or place;
    /// the two words may be a preposition and its noun (`— написал один из пользователей.`,
    /// `odpisał mu jednak ktoś z komentujących`).
    fn clause_final_indefinite(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        let hi = (s..hi).find(|&t| self.is(t, ",")).unwrap_or(hi);
        let k = (s..hi.min(s + 10))
            .take_while(|&t| self.word(t))
            .find(|&t| {
                (self.indefinite(t) && !ARTICLES.contains(&self.low(t)))
                    || (t + 3 == hi && ONE.contains(&self.low(t)))
            })?;
        let plain =
            |t: usize| self.word(t) && !self.cap(t) && !self.stop(t) && !self.is_cue_word(t);
        let partitive = hi == k + 3
            && self.word(k + 1)
            && PARTITIVE_PREPOSITIONS.contains(&self.low(k + 1))
            && plain(k + 2);
        ((k > s || partitive) && hi > k + 1 && hi - k <= 3 && ((k + 1..hi).all(plain) || partitive))
            .then_some(k..hi)
    }

    /// A short phrase of plain words filling `s..hi` up to the sentence's end (`hi`): the
    /// common-noun speaker of languages without articles, lower-case (`– powiedział
    /// burmistrz.`). At most three words, none a function word, cue or pronoun.
    fn clause_final_np(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        let plain = |t: usize| {
            self.word(t)
                && !self.stop(t)
                && !self.is_cue_word(t)
                && !CLASSES.pronouns.contains(self.low(t))
                && self.str(t).chars().all(char::is_alphabetic)
        };
        (hi > s && hi - s <= 3 && (s..hi).all(plain)).then_some(s..hi)
    }

    /// A subject pronoun right after a cue ending at `e`, closing the clause before the marks at
    /// `n` (`zei hij:`, `sagte er,`, `skriver hon:`): the verb-second order of the Germanic
    /// languages.
    fn inverted_subject(&self, e: usize, n: usize) -> Option<Range<usize>> {
        let closes = e + 1 == n || (e + 2 == n && (self.is(n - 1, ":") || self.is(n - 1, ",")));
        (closes && self.word(e) && CLASSES.pronouns.contains(self.low(e))).then_some(e..e + 1)
    }

    /// `como a atriz Maisa Silva, que disparou:`, `Salvini, che ha scritto`: a relative
    /// pronoun right before the cue at `p`, after a comma: the phrase before the comma.
    fn relative_subject(&self, p: usize, lo: usize) -> Option<Range<usize>> {
        let rel = p.checked_sub(1).filter(|&r| r > lo + 1 && self.word(r))?;
        if !RELATIVES.contains(&self.low(rel)) || !self.is(rel - 1, ",") {
            return None;
        }
        // Not a complement inside a longer phrase (`co-directeur … de la Fondation Jean
        // Jaurès, qui répond`): the person is further back.
        self.np_before(rel - 1, lo).filter(|r| {
            let complement = r.start > lo && self.word(r.start - 1) && self.stop(r.start - 1);
            (self.cap(r.start) || CLASSES.determiners.contains(self.low(r.start))) && !complement
        })
    }

    /// `Die SPD-Fraktion witterte den Verursacher und twitterte:`: a cue at `p` right after
    /// `and` takes the subject opening the clause, followed by its verb: a capitalized run, a
    /// pronoun or a determiner phrase naming someone, no written thing.
    fn coordinated_subject(&self, p: usize, lo: usize) -> Option<Range<usize>> {
        let and = p.checked_sub(1).filter(|&a| a > lo + 1 && self.word(a))?;
        if !COORDINATORS.contains(&self.low(and)) {
            return None;
        }
        // `…, informiert der Bürgermeister weiter und fragt:`: a speech verb before `and` with
        // its subject after it (the verb second) has the subject of both.
        let inverted = (lo..and).rev().take(MAX_INVERTED_REACH).find_map(|k| {
            let (end, CueKind::Verb) = self.cue_at(k)? else {
                return None;
            };
            let r = self.np_after(end, and)?;
            let titled = r.clone().any(|t| title_of(self.low(t)).is_some());
            (r.start == end && CLASSES.determiners.contains(self.low(r.start)) && titled)
                .then(|| r.start..r.start + 2)
        });
        if inverted.is_some() {
            return inverted;
        }
        let mut r = self.np_after(lo, and)?;
        let w = self.low(r.start);
        let common = CLASSES.determiners.contains(w) || INDEFINITES.contains(&w);
        // A determiner phrase ends before the first lowercase word after its noun (`Die
        // SPD-Fraktion witterte`, `The spokesman wrote`).
        if common {
            if let Some(t) = (r.start + 2..r.end).find(|&t| !self.cap(t)) {
                r.end = t;
            }
        }
        let thing = r.clone().any(|t| OBJECT_NOUNS.contains(&self.low(t)));
        let verb_next = r.end < and && self.word(r.end) && !self.cap(r.end);
        // A determiner phrase names someone: a capitalized noun (`Die SPD-Fraktion`), a title
        // or a crowd noun, not `an indication`.
        let someone = !common
            || r.clone().skip(1).any(|t| {
                self.cap(t) || CROWD_NOUNS.contains(&self.low(t)) || title_of(self.low(t)).is_some()
            });
        (!thing && verb_next && someone && !self.stop(r.start)).then_some(r)
    }

    /// `twitterte Laschet „`, `schreef Mark Rutte:`: a capitalized run right after the cue at
    /// `e` that ends at the marks (`n`) or at a colon or comma before them.
    fn inverted_name(&self, e: usize, n: usize) -> Option<Range<usize>> {
        let end = if n > e && (self.is(n - 1, ":") || self.is(n - 1, ",")) {
            n - 1
        } else {
            n
        };
        let r = self.np_after(e, end)?;
        let named = (r.clone()).all(|t| self.cap(t) || CLASSES.particles.contains(self.low(t)));
        (r.end == end && named && !self.stop(r.start)).then_some(r)
    }

    /// Whether token `p` reads as a participle (`writing`, `escribiendo`, `scrivendo`).
    fn participle(&self, p: usize) -> bool {
        let w = self.low(p);
        w.ends_with("ing") || w.ends_with("ndo")
    }

    /// `Julia Louis-Dreyfus also hailed the decision writing “…”`: a participle cue at `p`
    /// (`writing`, `escribiendo`, `scrivendo`) after a determiner phrase that a verb in lower
    /// case governs: the phrase is that verb's object; the subject stands before the verb.
    fn participle_subject(&self, p: usize, lo: usize) -> Option<Range<usize>> {
        if !self.participle(p) {
            return None;
        }
        let object = self.np_before(p, lo)?;
        if !CLASSES.determiners.contains(self.low(object.start)) {
            return None;
        }
        let verb = object.start.checked_sub(1).filter(|&v| v > lo)?;
        let governed = self.word(verb)
            && !self.cap(verb)
            && !self.stop(verb)
            && !CLASSES.pronouns.contains(self.low(verb));
        governed
            .then(|| self.np_before(verb, lo))
            .flatten()
            .filter(|r| self.cap(r.start) || CLASSES.pronouns.contains(self.low(r.start)))
    }

    /// `Mayor Tishaura Jones tweeted …, sharing a screenshot of …, writing: “…”`: a participle
    /// cue at `p` set off by a comma hangs on its sentence's clause, whose subject speaks.
    fn comma_participle_subject(&self, p: usize, lo: usize) -> Option<Range<usize>> {
        // Not in a headline's title case (`Donald Trump Advises Boeing To Rebrand Max 737,
        // Tweeting “…”`).
        if !self.participle(p) || self.cap(p) || p <= lo || !self.is(p - 1, ",") {
            return None;
        }
        // The last of coordinated clauses (`Page would grow more animated, and Schmidt would
        // carefully shut him down, saying`).
        let from = (lo..p - 1)
            .rev()
            .find(|&t| matches!(self.low(t), "and" | "y" | "e") && self.cap(t + 1))
            .map_or(lo, |t| t + 1);
        self.clause_subject(from, p - 1, |s, e| self.person_np(s, e))
    }

    /// `… Steinmeier schrieb Scholz dort: „`: a name right after the cue at `e`, then at most
    /// two adverbs in lower case before the colon closing the clause at `n`: the verb-second
    /// subject, before any phrase ahead of the verb (which is then no subject).
    fn inverted_name_adverbs(&self, e: usize, n: usize) -> Option<Range<usize>> {
        if !(n > e + 2 && self.is(n - 1, ":") && self.cap(e)) || self.stop(e) {
            return None;
        }
        let r = self.np_after(e, n - 1)?;
        let named = (r.clone()).all(|t| self.cap(t) || CLASSES.particles.contains(self.low(t)));
        let adverbs = (r.end..n - 1).all(|t| {
            let w = self.low(t);
            self.word(t)
                && !self.cap(t)
                && !CLASSES.determiners.contains(w)
                && !CLASSES.particles.contains(w)
                && !self.is_cue_word(t)
        });
        (r.start == e && r.end < n - 1 && n - 1 - r.end <= 2 && named && adverbs).then_some(r)
    }

    /// `il ministro per i Beni culturali e il turismo Dario Franceschini`: a determiner and a
    /// title opening `r` (or one capitalized word before a title), the name of their holder
    /// later in the clause (before `hi`, at most [`HOLDER_REACH`] tokens on): the last run of
    /// two capitalized words or more. Else `r`.
    fn title_holder(&self, r: Range<usize>, hi: usize) -> Range<usize> {
        // Not when the phrase names the holder itself (`le ministre Paul Girard`).
        let titled = r.len() >= 2
            && CLASSES.determiners.contains(self.low(r.start))
            && title_of(self.low(r.start + 1)).is_some()
            && !(r.start + 2..r.end).any(|t| self.cap(t));
        // `skriver Sveriges tidligere stats- og utenriksminister Carl Bildt`: one capitalized
        // word, its title in lower case after it: the word is the holder's country or
        // employer, the name comes later.
        let possessor = r.len() == 1
            && (r.end..hi.min(r.end + 6))
                .filter(|&t| self.word(t))
                .take_while(|&t| !self.cap(t))
                .any(|t| title_of(self.low(t)).is_some());
        if !titled && !possessor {
            return r;
        }
        let end = hi.min(r.start + HOLDER_REACH);
        let mut best = None;
        let mut t = if titled { r.start + 2 } else { r.end };
        // A hyphen of a compound left open (`stats- og utenriksminister`) goes on.
        while t < end && (self.word(t) || self.is(t, "-")) {
            if !self.cap(t) {
                t += 1;
                continue;
            }
            let from = t;
            while t < end && self.word(t) && self.cap(t) {
                t += 1;
            }
            if t - from >= 2 {
                best = Some(from..t);
            }
        }
        best.unwrap_or(r)
    }

    /// `lo..n` is an indefinite phrase of at most four words (`Bazı kullanıcılar`, `Some
    /// users`, `Others`) and a colon or semicolon: the phrase.
    fn indefinite_lead(&self, lo: usize, n: usize) -> Option<Range<usize>> {
        let colon = n > lo + 1 && (self.is(n - 1, ":") || self.is(n - 1, ";"));
        let words = colon && n - 1 - lo <= 4 && (lo..n - 1).all(|t| self.word(t));
        let first = self.low(lo);
        (words && INDEFINITES.contains(&first) && !ARTICLES.contains(&first)).then(|| lo..n - 1)
    }

    /// `Os fãs não pouparam os comentários:`, `Na legenda, a funkeira agradeceu:`: the subject
    /// opening a clause that ends in a colon at `n - 1` with no cue in it: a pronoun, a
    /// determiner phrase holding a title or a crowd noun (`a funkeira`, `Os fãs`), or a
    /// capitalized run followed by a lowercase word (its verb; the caller checks that it
    /// names a person). A short introductory phrase set off by a comma
    /// (`Na legenda,`) is skipped.
    fn colon_subject(&self, lo: usize, n: usize) -> Option<Range<usize>> {
        if n < lo + 3 || !self.is(n - 1, ":") {
            return None;
        }
        self.clause_subject(lo, n - 1, |s, e| self.person_np(s, e))
    }

    /// `D’autres reprennent … pour souhaiter "…"`, `Enfin certains internautes nous
    /// apprennent que "…"`: a clause with no cue whose subject is a crowd (an indefinite
    /// pronoun, or a phrase with a crowd noun), up to the marks at `n`.
    fn crowd_subject(&self, lo: usize, n: usize) -> Option<Range<usize>> {
        self.clause_subject(lo, n, |s, n| {
            let r = self.np_after(s, n)?;
            // `D’autres`, `Bazı kullanıcılar`: an indefinite alone or with its crowd noun (the
            // typographic apostrophe read as the list's straight one, copying only then).
            let low = self.low(r.start);
            let straight = low.contains('’').then(|| low.replace('’', "'"));
            let low = straight.as_deref().unwrap_or(low);
            let indefinite = (r.len() == 1
                || (r.len() == 2 && CROWD_NOUNS.contains(&self.low(r.start + 1))))
                && INDEFINITES.contains(&low)
                && !ARTICLES.contains(&low);
            if indefinite {
                return (r.end < n && !self.cap(r.end)).then_some(r);
            }
            self.person_np(s, n)
                .filter(|r| r.clone().any(|t| CROWD_NOUNS.contains(&self.low(t))))
        })
    }

    /// The subject found by `np` at the start of the clause `lo..end`, or after a short
    /// introduction set off by a comma (`Na legenda, a funkeira agradeceu:`) or an adverb
    /// opening it (`Enfin certains internautes`).
    fn clause_subject(
        &self,
        lo: usize,
        end: usize,
        np: impl Fn(usize, usize) -> Option<Range<usize>>,
    ) -> Option<Range<usize>> {
        if lo >= end {
            return None;
        }
        let intro = (lo + 1..end.min(lo + 6)).find(|&t| self.is(t, ","));
        // From `s`, or past one adverb or conjunction there (`Enfin`, `mentre`).
        let at = |s: usize| {
            np(s, end).or_else(|| {
                let opener = s + 1 < end
                    && self.word(s)
                    && (CLASSES.adverbs.contains(self.low(s)) || self.stop(s));
                opener.then(|| np(s + 1, end)).flatten()
            })
        };
        let first = at(lo);
        match (first.clone(), intro) {
            (Some(r), Some(c)) if r.end < c => at(c + 1).or(first),
            (None, Some(c)) => at(c + 1),
            _ => first,
        }
    }

    /// The phrase at `s` that may stand for somebody, followed by a lowercase word (its
    /// verb) before `end`: a pronoun, a capitalized run, or a determiner phrase cut after its
    /// last title or crowd noun (`a funkeira`, `Os fãs`; never a written thing, `A segunda
    /// mensagem`).
    fn person_np(&self, s: usize, end: usize) -> Option<Range<usize>> {
        // `mentre altri sono più maliziosi:`: an indefinite pronoun alone.
        let determiner = matches!(
            self.low(s),
            "one" | "another" | "other" | "some" | "many" | "several"
        );
        if self.indefinite(s) && !determiner && s + 1 < end && self.word(s + 1) && !self.cap(s + 1)
        {
            let crowd = CROWD_NOUNS.contains(&self.low(s + 1));
            if !crowd {
                return Some(s..s + 1);
            }
        }
        let mut r = self.np_after(s, end)?;
        // `Nhiều người`, `Alcuni utenti`: a crowd noun after a capitalized quantifier.
        if r.end < end && self.word(r.end) && CROWD_NOUNS.contains(&self.low(r.end)) {
            return (r.end + 1 < end && self.word(r.end + 1)).then_some(r.start..r.end + 1);
        }
        let w = self.low(r.start);
        let common = !(r.len() == 1 && CLASSES.pronouns.contains(w))
            && (CLASSES.determiners.contains(w) || INDEFINITES.contains(&w));
        if common {
            if r.clone().any(|t| OBJECT_NOUNS.contains(&self.low(t))) {
                return None;
            }
            let head = r
                .clone()
                .rev()
                .find(|&t| CROWD_NOUNS.contains(&self.low(t)) || title_of(self.low(t)).is_some())?;
            r.end = head + 1;
        }
        (r.end < end && self.word(r.end) && !self.cap(r.end)).then_some(r)
    }

    /// Whether token `i` is an indefinite pronoun that stands for people (`others`, `otro`,
    /// `qualcuno`), not an article.
    fn indefinite(&self, i: usize) -> bool {
        self.word(i) && {
            let w = self.low(i);
            INDEFINITES.contains(&w) && !ARTICLES.contains(&w)
        }
    }

    /// An `@handle` at token `i`: the `@` and the word glued to it.
    fn handle_at(&self, i: usize) -> Option<Range<usize>> {
        let (at, name) = (self.toks.get(i)?, self.toks.get(i + 1)?);
        (!at.word && self.str(i) == "@" && name.word && name.start() == at.end())
            .then_some(i..i + 2)
    }

    /// The speaker phrase starting at token `s`, not reaching `hi`.
    fn np_after(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        // `» estime @SarahNdengue sur Twitter`; `tulis akun cosplay Google @Gooogle_Id`: a
        // handle, or up to three words that name what the handle is (account, user).
        if let Some(r) = (s..hi.min(s + 4))
            .take_while(|&j| j == s || self.word(j - 1))
            .find_map(|j| self.handle_at(j))
            .filter(|r| r.end <= hi)
        {
            return Some(s..r.end);
        }
        if s >= hi || !self.word(s) {
            return None;
        }
        // `lamentaron otros.`: an indefinite alone closing the clause; `scrivono altri
        // utenti …`: with its crowd noun.
        if self.indefinite(s) {
            if s + 1 == hi || !self.word(s + 1) {
                return Some(s..s + 1);
            }
            // `other Twitter users`: the crowd noun one or two words on.
            if let Some(t) = (s + 1..hi.min(s + 3))
                .take_while(|&t| self.word(t))
                .find(|&t| CROWD_NOUNS.contains(&self.low(t)))
            {
                return Some(s..t + 1);
            }
            // `scrivono altri collegando…`, `a réagi l'un d'eux, …`: a pronoun that stands
            // alone before a lowercase word that is not its noun, with its partitive.
            if !self.cap(s + 1) && LONE_INDEFINITES.contains(&self.low(s)) {
                let of = PARTITIVES.contains(&self.low(s + 1));
                return Some(s..s + 1 + usize::from(of));
            }
        }
        let w = self.low(s);
        // `twitterde De Jonge als reactie`: a capitalized article or particle inside a clause,
        // before a capitalized word, opens a surname, not a description.
        let surname_particle = s > 0
            && self.word(s - 1)
            && self.cap(s)
            && s + 1 < hi
            && self.cap(s + 1)
            && (CLASSES.particles.contains(w) || CLASSES.determiners.contains(w));
        // A word that is a pronoun in one language and a determiner in another (`il`: French
        // "he", Italian "the") is a determiner when a noun follows it.
        let noun_next = |j: usize| j < hi && self.word(j) && !self.stop(j) && !self.is_cue_word(j);
        if CLASSES.pronouns.contains(w) && !(CLASSES.determiners.contains(w) && noun_next(s + 1)) {
            return Some(s..s + 1);
        }
        if CLASSES.determiners.contains(w) && !surname_particle {
            let mut j = s + 1;
            if !noun_next(j) {
                return None;
            }
            j += 1;
            while j < hi && j - s < 8 && self.word(j) {
                if !self.stop(j) && !self.verbish(j) && j - s < 6 {
                    j += 1;
                } else if CLASSES.particles.contains(self.low(j)) && j + 1 < hi && self.cap(j + 1) {
                    j += 2; // `de Seguridad`, `of State`
                } else if CLASSES.particles.contains(self.low(j))
                    && CLASSES.determiners.contains(self.low(j + 1))
                    && noun_next(j + 2)
                {
                    j += 3; // `de la alcaldía`, `of the council`
                } else {
                    break;
                }
            }
            return Some(s..self.appositive_name(j, hi));
        }
        if self.cap(s) && (!self.stop(s) || surname_particle) {
            let mut j = s + 1;
            while j < hi
                && j - s < 7
                && (self.cap(j)
                    || (CLASSES.particles.contains(self.low(j)) && self.cap(j + 1) && j + 1 < hi))
            {
                j += 1;
            }
            return Some(s..j);
        }
        None
    }
}

/// Whether a word is written in a script without capitals (Hebrew, Arabic).
/// A US party-and-state designation as newspapers print it after a legislator's name:
/// `R-S.C.`, `D-Calif.`, `I-Vt.`, `R-Texas`.
fn is_party_designation(word: &str) -> bool {
    let Some(state) = word
        .strip_prefix("R-")
        .or_else(|| word.strip_prefix("D-"))
        .or_else(|| word.strip_prefix("I-"))
    else {
        return false;
    };
    state.len() <= 8
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
}

fn is_caseless(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0600}'..='\u{06FF}'))
}

/// A letter of a script other than Latin (Cyrillic, Arabic, Hebrew, Greek, Devanagari...).
fn is_unlatin_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_ascii() && !('\u{00C0}'..='\u{024F}').contains(&c)
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII, the common letters
/// ([`crate::document::common_letter`]) and the General Punctuation block (U+2000–U+206F:
/// spaces, dashes, quotation marks; no letter or digit), which the dashes and curly quotes
/// around quotations come from. The marks of the Indic scripts count as letters.
#[inline]
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if crate::document::common_letter(c) {
        true
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else if ('\u{0900}'..='\u{0DFF}').contains(&c) {
        // The Indic scripts: their vowel signs and viramas are marks, not letters, but inside
        // a word (`ट्वीट`); only the dandas (`।`, `॥`) end one.
        !matches!(c, '\u{0964}' | '\u{0965}')
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `word` (any case) is a known abbreviation (`Gov`, `Mr`).
fn is_abbreviation(word: &str) -> bool {
    if let Some(first) = word.bytes().next().filter(|_| word.is_ascii()) {
        // Lowercasing keeps an ASCII word's length: its shape rules most words out unhashed.
        let bits = ABBREVIATION_SHAPES.0[usize::from(first.to_ascii_lowercase())];
        if bits >> word.len().min(63) & 1 == 0 {
            return false;
        }
    }
    CLASSES.abbreviations.contains(word.to_lowercase().as_str())
}

/// Splits `text[range]` into word and punctuation tokens, appended to `out`, the lowercase
/// forms of the words with capitals to `lowered`; a line break is a token of its own.
pub(super) fn tokenize_into(
    text: &str,
    range: Range<usize>,
    out: &mut Vec<Tok>,
    lowered: &mut String,
) {
    let range = tokenized(text, range);
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let cue_shapes = &*CUE_SHAPES;
    let mut i = 0;
    while i < slice.len() {
        i = token_at(slice, range.start, i, out, lowered, cue_shapes);
    }
}

/// The part of `range` the tokenizer reads: up to [`MAX_TOKENIZED`] (on a character boundary).
fn tokenized(text: &str, range: Range<usize>) -> Range<usize> {
    if range.end <= MAX_TOKENIZED || range.end > text.len() {
        return range;
    }
    let mut end = MAX_TOKENIZED;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    range.start.min(end)..end
}

/// One step of [`tokenize_into`] over `slice` (byte `base` of the text on), at its byte `i`
/// (a character boundary before its end): pushes the token starting there, if any, with its
/// lowercase form (appended to `lowered`) and its cue shape, and returns where the next step
/// starts. A step reads forward only.
#[inline(always)]
fn token_at(
    slice: &str,
    base: usize,
    i: usize,
    out: &mut Vec<Tok>,
    lowered: &mut String,
    cue_shapes: &Shapes,
) -> usize {
    let bytes = slice.as_bytes();
    let len = bytes.len();
    let b = bytes[i];
    // Spaces between words, the commonest bytes, are skipped without decoding.
    if b == b' ' {
        return i + 1;
    }
    let (c, width) = char_at(slice, i);
    if !alnum(c) {
        if c == '\n' || !c.is_whitespace() {
            // Offsets below [`MAX_TOKENIZED`] ([`tokenized`]).
            out.push(Tok {
                lo: (base + i) as u32,
                hi: (base + i + width) as u32,
                low_start: 0,
                low_end: 0,
                first: c,
                word: false,
                boundary: matches!(c, '.' | '!' | '?' | '\n' | '…'),
                cue: false,
                mixed: false,
            });
        }
        return i + width;
    }
    let start = i;
    let mut end = i + width;
    let mut dotted = false;
    let mut mixed = !b.is_ascii_lowercase() && !b.is_ascii_digit();
    // Every character outside ASCII starts at the word's start or right after a run of ASCII
    // letters and digits: where this is cleared.
    let mut ascii = b.is_ascii();
    while end < len {
        // A run of ASCII letters and digits, read a byte and a table look-up at a time.
        let mut class = 0;
        while let Some(&b) = bytes.get(end) {
            let k = ASCII_CLASS[usize::from(b)];
            if k == 0 {
                break;
            }
            class |= k;
            end += 1;
        }
        mixed |= class & CAPITAL != 0;
        let Some(&b) = bytes.get(end) else {
            break;
        };
        // The commonest end of a word: an ASCII byte that is no letter or digit (the run
        // above stopped there) and joins no word parts (a space, a comma): the word ends
        // without the byte being decoded or classified again.
        if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b'_') {
            break;
        }
        mixed |= !b.is_ascii();
        ascii &= b.is_ascii();
        let (d, d_width) = char_at(slice, end);
        if alnum(d) {
            end += d_width;
            continue;
        }
        if matches!(d, '\'' | '’' | '-' | '.' | '_' | '‐') {
            let after = end + d_width;
            if after < len && alnum(char_at(slice, after).0) {
                dotted |= d == '.';
                end = after;
                continue;
            }
            // A handle may end with underscores (`@andthenine_`).
            if d == '_' && start > 0 && bytes[start - 1] == b'@' {
                end += bytes[end..].iter().take_while(|&&b| b == b'_').count();
                break;
            }
            if d == '.' {
                let word = slice.get(start..end).unwrap_or("");
                let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if dotted || single || is_abbreviation(word) {
                    end += 1;
                }
            }
        }
        break;
    }
    let mut tok = Tok {
        lo: (base + start) as u32,
        hi: (base + end) as u32,
        low_start: 0,
        low_end: 0,
        first: c,
        word: true,
        boundary: false,
        cue: false,
        mixed,
    };
    let word = slice.get(start..end).unwrap_or("");
    if !mixed {
        tok.cue = cue_shapes.may_hold(word);
    } else if ascii {
        // ASCII and mixed: a capital opens the word or stands in a run of it.
        let from = lowered.len();
        lowered.push_str(word);
        if let Some(added) = lowered.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        tok.set_low(from, lowered.len());
        tok.cue = cue_shapes.may_hold(lowered.get(from..).unwrap_or(""));
    } else if word.chars().any(char::is_uppercase) {
        let from = lowered.len();
        // `str::to_lowercase`, not per char: a final sigma lowercases by context.
        lowered.push_str(&word.to_lowercase());
        tok.set_low(from, lowered.len());
        tok.cue = cue_shapes.may_hold(lowered.get(from..).unwrap_or(""));
    } else {
        tok.cue = cue_shapes.may_hold(word);
    }
    out.push(tok);
    end
}

/// [`ASCII_CLASS`] of an ASCII letter or digit.
const ALNUM: u8 = 1;
/// The bit of [`ASCII_CLASS`] that marks a capital.
const CAPITAL: u8 = 2;
/// [`ASCII_CLASS`] of an ASCII capital (a letter too).
const UPPER: u8 = CAPITAL | ALNUM;

/// For each byte: [`UPPER`] for an ASCII capital, [`ALNUM`] for another ASCII letter or a
/// digit, 0 for any other byte (the bytes of characters outside ASCII included).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The character starting at byte `i` of `s` (a character boundary) and its width in bytes;
/// ASCII is read without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(('\u{FFFD}', 1), |c| (c, c.len_utf8())),
    }
}

/// The previous quotation, as attribution sees it.
#[derive(Debug, Clone, Copy)]
pub struct Previous<'s> {
    /// Byte offset just after its closing mark.
    pub close: usize,
    /// Its speaker.
    pub speaker: Option<&'s str>,
}

/// Attributes the quotation whose marks span `open..close`; `lo..hi` bounds the windows (the
/// neighbouring quotes and posts).
#[cfg(any(test, feature = "_internal"))]
pub fn attribute(
    text: &str,
    open: usize,
    close: usize,
    lo: usize,
    hi: usize,
    prev: Option<Previous<'_>>,
) -> Attribution {
    attribute_in(&mut Scratch::new(text), open, close, lo, hi, prev)
}

/// [`attribute`] in the text of `scratch`, reusing its buffers: the form to call once per
/// candidate over a whole text.
pub fn attribute_in(
    scratch: &mut Scratch<'_>,
    open: usize,
    close: usize,
    lo: usize,
    hi: usize,
    prev: Option<Previous<'_>>,
) -> Attribution {
    let text = scratch.text;
    let pre_lo = floor_char(text, lo.max(open.saturating_sub(WINDOW)));
    let post_hi = floor_char(text, hi.min(close.saturating_add(WINDOW)).min(text.len()));
    scratch.fill(pre_lo..open, close..post_hi.max(close));
    let pre = scratch.pre.view(text);
    let post = scratch.post.view(text);

    // The clause before the quote: from the last sentence end.
    let n = pre.len();
    let clause = (0..n).rev().find(|&i| pre.boundary(i)).map_or(0, |i| i + 1);
    let same_sentence =
        clause == 0 && prev.is_some_and(|p| p.close >= pre_lo && p.close <= open && p.close >= lo);
    let mut last_cue = None;
    let mut i = clause;
    while i < n {
        if let Some((end, kind)) = pre.cue_at(i) {
            last_cue = Some((i, end, kind));
            i = end;
        } else {
            i += 1;
        }
    }

    // The text after the quote, to the sentence end; not a full stop inside brackets
    // (`Sen. David Vitter (R-La.) tweeted.`).
    let mut depth = 0usize;
    let m = (0..post.len())
        .find(|&i| {
            if post.is(i, "(") {
                depth += 1;
            } else if post.is(i, ")") {
                depth = depth.saturating_sub(1);
            }
            post.boundary(i) && (depth == 0 || post.str(i).contains('\n'))
        })
        .unwrap_or(post.len());
    let mut s = 0;
    while s < m && !post.word(s) && matches!(post.str(s), "," | "،" | "—" | "–" | "-" | ":") {
        s += 1;
    }

    let adjacent = last_cue.is_some_and(|(_, end, _)| {
        let rest = n - end.min(n);
        rest == 0
            || (rest <= 3 && (pre.is(n - 1, ":") || pre.is(n - 1, ",")))
            || (rest == 1 && matches!(pre.low(n - 1), "that" | "que" | "dass"))
            // `CUE SPEAKER:` / `según SPEAKER,`: a longer speaker phrase of words only
            // between the cue and the mark (`قال الوزير أحمد علي: «…»`).
            || (rest <= 9
                && (pre.is(n - 1, ":") || pre.is(n - 1, ","))
                && (end..n - 1).all(|t| pre.word(t))
                && pre.speaker_after_cue(end, n - 1).is_some())
    });
    let after = after_pattern(&post, s, m).or_else(|| resumed_after(&post, m));

    let from_pre = |(p, e, kind): (usize, usize, CueKind)| -> Attribution {
        let cue = pre.span(p..e);
        let np = match kind {
            // `Volgens twitteraars „…”`: a bare plural after the preposition, too.
            CueKind::Prep => pre.np_after(e, n).or_else(|| {
                let to = if n > e && !pre.word(n - 1) { n - 1 } else { n };
                pre.clause_final_np(e, to).filter(|r| r.len() == 1)
            }),
            // `dus zei hij: „…”`, `sagte er:`: the subject pronoun after the verb.
            CueKind::Verb => pre
                .ergative_subject(p, clause)
                .or_else(|| pre.relative_subject(p, clause))
                .or_else(|| pre.inverted_subject(e, n))
                .or_else(|| pre.inverted_name_adverbs(e, n))
                .or_else(|| pre.participle_subject(p, clause))
                .or_else(|| pre.comma_participle_subject(p, clause))
                .or_else(|| pre.nordic_subject(p, e, clause, n))
                .or_else(|| pre.sov_subject(p, clause))
                .or_else(|| {
                    pre.np_before(p, clause)
                        .filter(|r| !(r.len() == 1 && is_calendar_word(pre.low(r.start))))
                        .map(|r| pre.named_before_description(r, clause))
                        .or_else(|| pre.apposed_subject(p, clause))
                })
                // `Am 25. Januar twitterte Laschet „…“`: the verb second, the name after it.
                .or_else(|| pre.inverted_name(e, n)),
        };
        if let Some(r) = np {
            return here(&pre, r, cue);
        }
        // Only function words before the cue (`בתגובה כתב לו גדעון סער:`) open no subject.
        let opens_clause = p == clause
            || (p > clause && !pre.word(p - 1))
            || (clause..p).all(|t| pre.word(t) && pre.stop(t));
        if opens_clause && same_sentence {
            if let Some(sp) = prev.and_then(|p| p.speaker) {
                return Attribution {
                    speaker: Some(sp.to_string()),
                    cue,
                    adjacent: true,
                    ..Attribution::default()
                };
            }
        }
        // `CUE SPEAKER: «…»`, the verb first (Arabic, Spanish `dijo el ministro:`).
        if opens_clause && kind == CueKind::Verb && (pre.is(n - 1, ":") || pre.is(n - 1, ",")) {
            if let Some(r) = pre.speaker_after_cue(e, n - 1) {
                return here(&pre, r, cue);
            }
        }
        if opens_clause && kind == CueKind::Verb {
            if let Some(r) = post.np_after(s, m) {
                return here(&post, r, cue);
            }
        }
        // `Nhiều người đã để lại bình luận …:`: the subject opening the lead-in clause.
        if let Some(r) = pre.colon_subject(clause, n) {
            return Attribution {
                lead: true,
                ..here(&pre, r, cue)
            };
        }
        // `Die SPD-Fraktion witterte … und twitterte:`: the subject of both verbs (a name
        // among them checked against the name index, as a lead-in's is).
        if let Some(r) = (kind == CueKind::Verb)
            .then(|| pre.coordinated_subject(p, clause))
            .flatten()
        {
            return Attribution {
                lead: true,
                ..here(&pre, r, cue)
            };
        }
        Attribution {
            cue,
            ..Attribution::default()
        }
    };

    let term = n > 0 && {
        let w = pre.low(n - 1);
        TERM_SHAPES.may_hold(w) && CLASSES.terms.contains(w)
    };
    let mut a = match (last_cue, after) {
        (Some(c), _) if adjacent => Attribution {
            adjacent: true,
            ..from_pre(c)
        },
        (_, Some(a)) => Attribution {
            adjacent: true,
            ..a
        },
        (Some(c), None) => Attribution {
            adjacent: false,
            ..from_pre(c)
        },
        // `Bazı kullanıcılar; “…”`, `Some users: “…”`: an indefinite speaker filling the
        // clause, a colon or semicolon before the marks, no cue.
        // `Os fãs não pouparam os comentários: “…”`: the subject of a lead-in clause.
        (None, None) => match pre.indefinite_lead(clause, n) {
            Some(r) => here(&pre, r, None),
            None => match pre.colon_subject(clause, n) {
                Some(r) => Attribution {
                    lead: true,
                    ..here(&pre, r, None)
                },
                // A crowd speaking in the clause, no cue: who, not a sign of a quotation.
                None => pre
                    .crowd_subject(clause, n)
                    .map_or_else(Attribution::default, |r| Attribution {
                        adjacent: false,
                        ..here(&pre, r, None)
                    }),
            },
        },
    };
    a.term = term;
    a
}

/// The nearest capitalized speaker named before `at` (not before `lo`) as the subject of a
/// speech verb in the prose (`Ana Ruiz said on Monday that ...`): what a later `he said`
/// refers to when no earlier quotation names anyone. Looks back at most `2 × WINDOW` bytes.
#[cfg(any(test, feature = "_internal"))]
pub fn named_speaker_before(text: &str, lo: usize, at: usize) -> Option<String> {
    named_speaker_before_in(&mut Scratch::new(text), lo, at)
}

/// [`named_speaker_before`] in the text of `scratch`, reusing its buffers.
#[cfg(any(test, feature = "_internal"))]
pub fn named_speaker_before_in(scratch: &mut Scratch<'_>, lo: usize, at: usize) -> Option<String> {
    let text = scratch.text;
    let from = floor_char(text, lo.max(at.saturating_sub(2 * WINDOW)));
    scratch.back.fill(text, from..floor_char(text, at));
    let toks = scratch.back.view(text);
    (0..toks.len()).rev().find_map(|i| {
        let (_, CueKind::Verb) = toks.cue_at(i)? else {
            return None;
        };
        let r = toks.np_before(i, 0)?;
        let named = toks.cap(r.start) && !CLASSES.pronouns.contains(toks.low(r.start));
        let det = CLASSES.determiners.contains(toks.low(r.start));
        (named && !det).then(|| toks.span(r)).flatten()
    })
}

/// Endings of Russian and Ukrainian masculine names in the dative (`Зеленскому`,
/// `Зеленському`, `Путіну` is left out: `-у` ends too many nominatives).
const SLAVIC_DATIVE_ENDINGS: [&str; 4] = ["ому", "ему", "ові", "еві"];

/// Whether an Indonesian or Malay cue word ends with the fused pronoun `-nya` (his, her:
/// `ujarnya`, `tegasnya`), which stands for a speaker named before it. Cue words only, so
/// `tanya` (ask) is none.
fn fused_pronoun(cue_word: &str) -> bool {
    cue_word.len() > 5 && cue_word.ends_with("nya")
}

/// Tokens after a title within which [`Toks::title_holder`] looks for its holder's name.
const HOLDER_REACH: usize = 14;

/// Most words between an auxiliary and its participle in a split cue.
const SPLIT_CUE_GAP: usize = 4;

/// `a quant à lui publié Sacha Baron Cohen`, `a de son côté tweeté`: a two-word cue whose
/// auxiliary at `s` is parted from its participle by at most [`SPLIT_CUE_GAP`] words (before
/// `m`): where the participle ends.
fn split_cue(post: &Toks<'_>, s: usize, m: usize) -> Option<usize> {
    if !post.word(s) {
        return None;
    }
    let entries = CUE_INDEX.get(post.low(s))?;
    (s + 2..m.min(s + 2 + SPLIT_CUE_GAP))
        .take_while(|&k| post.word(k) && post.word(k - 1))
        .find(|&k| {
            entries
                .iter()
                .any(|e| e.kind == CueKind::Verb && e.words.len() == 2 && e.words[1] == post.low(k))
        })
        .map(|k| k + 1)
}

/// `SPEAKER CUE`, `CUE SPEAKER` or `PREP SPEAKER` right after the closing mark.
fn after_pattern(post: &Toks<'_>, s: usize, m: usize) -> Option<Attribution> {
    // `“…”, lance-t-elle.`: any French verb inverted with its subject pronoun is an incise,
    // a cue whether or not the lexicon lists the verb.
    let incise = post.cue_at(s).is_none()
        && post.word(s)
        && post
            .str(s)
            .split('-')
            .next()
            .is_some_and(|v| v.chars().count() >= 2)
        && inverted_pronoun(post.str(s)).is_some();
    // `“…”, a-t-il lancé`: the auxiliary inverted, then any participle.
    let auxiliary = post.cue_at(s).is_none()
        && post.word(s)
        && inverted_auxiliary(post.low(s))
        && s + 1 < m
        && post.word(s + 1)
        && !post.cap(s + 1);
    if incise || auxiliary {
        let pronoun = inverted_pronoun(post.str(s)).map(str::to_string);
        // An adverb may stand before the participle (`a-t-il ainsi répondu`).
        let adverb = auxiliary
            && s + 2 < m
            && FRENCH_INCISE_ADVERBS.contains(&post.low(s + 1))
            && post.word(s + 2)
            && !post.cap(s + 2);
        let cue_end = match (auxiliary, adverb) {
            (true, true) => s + 3,
            (true, false) => s + 2,
            _ => s + 1,
        };
        return Some(Attribution {
            pronoun: true,
            speaker: pronoun,
            cue: post.span(s..cue_end),
            ..Attribution::default()
        });
    }
    if post.cue_at(s).is_none() {
        if let Some(end) = split_cue(post, s, m) {
            if let Some(r) = post
                .np_after(end, m)
                .filter(|r| post.cap(r.start) && r.end == m)
            {
                return Some(here(post, r, post.span(s..end)));
            }
        }
    }
    if let Some((end, _)) = post.cue_at(s) {
        let cue = post.span(s..end);
        // French inversion: the subject is the pronoun inside the cue (`a-t-il déclaré`).
        let inverted = cue.as_deref().and_then(inverted_pronoun);
        // `”, ujarnya kepada wartawan di Jakarta`: a pronoun fused to the verb; the words after
        // it are the addressee and the place, never the speaker.
        if fused_pronoun(post.low(end - 1)) {
            return Some(Attribution {
                pronoun: true,
                cue,
                ..Attribution::default()
            });
        }
        // `skriver en person.`: a Scandinavian indefinite subject closing the sentence.
        let nordic = (post.nordic_cue(s)
            && m == end + 2
            && matches!(post.low(end), "en" | "ett" | "et")
            && post.word(end + 1))
        .then_some(end..m);
        // `— ответил Зеленскому один из комментаторов`: the addressee, a capitalized word in
        // the Slavic dative, stands between the cue and its subject.
        let end = if end + 1 < m
            && post.cap(end)
            && SLAVIC_DATIVE_ENDINGS
                .iter()
                .any(|e| post.str(end).ends_with(e))
        {
            end + 1
        } else {
            end
        };
        return Some(
            match nordic
                .or_else(|| post.np_after(end, m).map(|r| post.title_holder(r, m)))
                .or_else(|| post.name_after_words(end, m))
                .or_else(|| post.bare_np_after(end, m))
                .or_else(|| post.clause_final_np(end, m))
                .or_else(|| post.clause_final_indefinite(end, m))
                .or_else(|| {
                    inverted
                        .is_none()
                        .then(|| post.clause_final_name(end, m))
                        .flatten()
                }) {
                Some(r) => here(post, r, cue),
                None => Attribution {
                    pronoun: inverted.is_some(),
                    speaker: inverted.map(str::to_string),
                    cue,
                    ..Attribution::default()
                },
            },
        );
    }
    // `“…” – Dock worker Sam Lee.`: a dash, then a short phrase naming someone, to the end of
    // the sentence, without any cue.
    let dash = (0..s).any(|i| matches!(post.str(i), "—" | "–" | "-"));
    if dash
        && m > s
        && m - s <= 6
        && (s..m).all(|i| post.word(i) && !post.stop(i))
        && (s..m).any(|i| post.cap(i))
    {
        return Some(here(post, s..m, None));
    }
    // `“…”, Another.`: a lone indefinite pronoun closing the sentence stands for `another
    // user wrote`.
    let lone = if post.is(s, ",") { s + 1 } else { s };
    if m == lone + 1 && post.indefinite(lone) && !ARTICLES.contains(&post.low(lone)) {
        return Some(here(post, lone..m, None));
    }
    let mut k = s;
    while k < m && k < s + 12 && (post.word(k) || post.is(k, ",") || post.is(k, "(")) {
        // `Sen. David Vitter (R-La.) tweeted`: a short bracketed gloss is passed over.
        if post.is(k, "(") {
            match (k + 1..m.min(k + 8)).find(|&t| post.is(t, ")")) {
                Some(close) => {
                    k = close + 1;
                    continue;
                }
                None => break,
            }
        }
        if let Some((end, CueKind::Verb)) = post.cue_at(k) {
            let e = if k > s && post.is(k - 1, ",") {
                k - 1
            } else {
                k
            };
            let cue = post.span(k..end);
            // Before the speaker only words that are not function words (a lowercase title,
            // `councillor`) or an apposition's commas (`the organiser, Ana Ruiz, said`).
            let plain = |r: &Range<usize>, from: usize, to: usize| {
                (from..to).all(|i| post.is(i, ",") || (post.word(i) && !post.stop(i))) && r.end <= k
            };
            if let Some(r) = post.np_before(e, s).filter(|r| plain(r, s, r.start)) {
                // `“…,” Stephanie Otway, a Facebook spokesperson, said`: the name before the
                // description set off by commas.
                let named = r.start >= s + 2
                    && r.start - 1 - s <= 4
                    && post.is(r.start - 1, ",")
                    && CLASSES.determiners.contains(post.low(r.start))
                    && (s..r.start - 1).all(|t| post.cap(t));
                let r = if named { s..r.start - 1 } else { r };
                return Some(here(post, r, cue));
            }
            // The speaker first, then an apposition (`Ana Ruiz, 45, said`) or a relative
            // clause set off by commas (`Jones, who is Black, said`).
            let relative = |r: &Range<usize>| {
                r.end + 3 < e
                    && post.is(r.end, ",")
                    && matches!(post.low(r.end + 1), "who" | "qui" | "quien" | "que")
                    && post.is(e, ",")
                    && e - r.end <= MAX_RELATIVE_TOKENS
            };
            return post
                .np_after(s, k)
                .filter(|r| plain(r, r.end, k) || relative(r))
                .map(|r| here(post, r, cue));
        }
        k += 1;
    }
    None
}

/// Most tokens back from `and` where a speech verb with its subject after it is looked for.
const MAX_INVERTED_REACH: usize = 6;

/// Most tokens of a relative clause between a speaker and the cue after a quotation.
const MAX_RELATIVE_TOKENS: usize = 10;

/// `“…”. Lo dice il ministro …`: the sentence after the quotation's opens with a pronoun
/// standing for it and a cue (Italian, Spanish `Lo dijo`): its attribution.
fn resumed_after(post: &Toks<'_>, m: usize) -> Option<Attribution> {
    if m + 2 >= post.len() || !post.word(m + 1) || !matches!(post.low(m + 1), "lo" | "così") {
        return None;
    }
    let end = (m + 1..post.len())
        .find(|&i| post.boundary(i))
        .unwrap_or(post.len());
    post.cue_at(m + 2)?;
    after_pattern(post, m + 2, end)
}

/// French adverbs that may stand between an inverted auxiliary and its participle (`a-t-il
/// ainsi répondu`).
const FRENCH_INCISE_ADVERBS: [&str; 8] = [
    "ainsi",
    "encore",
    "aussi",
    "alors",
    "également",
    "ensuite",
    "enfin",
    "simplement",
];

/// Whether a lowercase word is French `avoir` inverted with its subject (`a-t-il`,
/// `a-t-elle`, `ont-ils`), the auxiliary of a compound-tense incise.
fn inverted_auxiliary(low: &str) -> bool {
    matches!(
        low,
        "a-t-il" | "a-t-elle" | "ont-ils" | "ont-elles" | "avait-il" | "avait-elle"
    )
}

/// The subject pronoun of a French inverted cue (`a-t-il déclaré`, `estime-t-elle`, `dit-il`):
/// the last hyphenated part of one of its words.
fn inverted_pronoun(cue: &str) -> Option<&'static str> {
    cue.split(' ')
        .filter_map(|word| word.rsplit_once('-').map(|(_, last)| last))
        .find_map(|last| {
            ["elles", "elle", "ils", "il"]
                .into_iter()
                .find(|p| p.eq_ignore_ascii_case(last))
        })
}

fn here(toks: &Toks<'_>, r: Range<usize>, cue: Option<String>) -> Attribution {
    let pronoun = r.len() == 1 && CLASSES.pronouns.contains(toks.low(r.start));
    Attribution {
        speaker: toks.span(r),
        cue,
        pronoun,
        named_here: true,
        adjacent: true,
        term: false,
        lead: false,
    }
}

/// `at`, moved down to a char boundary.
pub fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize_into(s, 0..s.len(), &mut toks, &mut String::new());
        toks.iter()
            .filter_map(|t| s.get(t.start()..t.end()))
            .collect()
    }

    /// The tokenizer works out each word's lowercase form and cue shape as it makes it, as
    /// [`TokBuf::shape`] does over the tokens afterwards: the same tokens, forms and shapes on
    /// every fixture and seed.
    #[test]
    fn words_are_shaped_as_by_the_separate_pass() {
        let mut texts = vec![
            "Ünïcode ÉCOLE Straße ΣΟΦΙΑ ΟΔΟΣ l’État d'Ivoire Jean‐Luc U.S. Mr. A. said x_Y"
                .to_string(),
        ];
        for dir in ["fixtures", "seeds"] {
            let mut stack = vec![std::path::PathBuf::from(dir)];
            while let Some(p) = stack.pop() {
                if p.is_dir() {
                    for e in std::fs::read_dir(&p).into_iter().flatten().flatten() {
                        stack.push(e.path());
                    }
                } else if let Ok(t) = std::fs::read_to_string(&p) {
                    texts.push(t);
                }
            }
        }
        assert!(texts.len() > 100);
        for text in &texts {
            let mut fused = TokBuf::default();
            fused.fill(text, 0..text.len());
            let mut apart = TokBuf::default();
            tokenize_into(text, 0..text.len(), &mut apart.toks, &mut String::new());
            for t in &mut apart.toks {
                (t.low_start, t.low_end, t.cue) = (0, 0, false);
            }
            apart.shape(text, 0);
            assert_eq!(fused.lowered, apart.lowered);
            assert_eq!(fused.toks.len(), apart.toks.len());
            for (f, a) in fused.toks.iter().zip(&apart.toks) {
                assert_eq!(format!("{f:?}"), format!("{a:?}"));
            }
        }
    }

    /// A document's tokens are most of a quotation flood's memory: 24 bytes each.
    #[test]
    fn tokens_are_small() {
        assert_eq!(std::mem::size_of::<Tok>(), 24);
    }

    /// The tokenizer stops at [`MAX_TOKENIZED`], on a character boundary.
    #[test]
    fn tokenized_range_is_clamped() {
        let text = "ab";
        assert_eq!(tokenized(text, 0..2), 0..2);
        assert_eq!(tokenized(text, 1..2), 1..2);
        // A range past the text stays as it is (and gives no token, as before).
        assert_eq!(tokenized(text, 0..3), 0..3);
    }

    /// Windows copied from a document's tokens are the windows tokenized alone, at every start
    /// and end, the document's tokens covering all of the text or a middle part of a start
    /// of it.
    #[test]
    fn windows_copied_from_document_tokens() {
        // Each token as every field and its lowercase form print.
        let seen = |buf: &TokBuf, text: &str| -> Vec<String> {
            let v = buf.view(text);
            (0..buf.toks.len())
                .map(|i| format!("{:?} {:?}", buf.toks[i], v.low(i)))
                .collect()
        };
        for text in [
            "Gov. Ana Ruiz said U.S. officials’ “plans” weren't ready… Dr. Li: «Non.»\n\n O'Brien—Jean-Pierre 3.5 km. İstanbul’da ΣΟΦΟΣ",
            "a.b.c. x-y ‐z 'q' „Wir schaffen das“, sagte sie. e.g. Mr. U.N. A. B.\tC said-",
        ] {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let cut = bounds[bounds.len() * 3 / 4];
            let from = bounds[bounds.len() / 5];
            for (doc_text, covered) in [(text, 0..text.len()), (&text[..cut], from..cut)] {
                let mut doc = TokBuf::default();
                doc.fill(doc_text, covered.clone());
                for &a in bounds.iter().filter(|&&a| a >= covered.start) {
                    for &b in bounds.iter().filter(|&&b| b >= a && b <= covered.end) {
                        let (mut alone, mut copied) = (TokBuf::default(), TokBuf::default());
                        alone.fill(text, a..b);
                        copied.fill_from(&doc, text, a..b);
                        assert_eq!(seen(&copied, text), seen(&alone, text), "{a}..{b} of {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn tokens_keep_abbreviations() {
        assert_eq!(
            words("Ana J. Ruiz of the U.S. said."),
            ["Ana", "J.", "Ruiz", "of", "the", "U.S.", "said", "."]
        );
        assert_eq!(words("Kata’ib al-Sadr’s"), ["Kata’ib", "al-Sadr’s"]);
        // fixtures/realworld/docs/139.txt: Devanagari vowel signs and viramas stay inside
        // their words; the danda ends a sentence.
        assert_eq!(
            words("अमिताभ बच्चन ने ट्वीट में लिखा। हम"),
            ["अमिताभ", "बच्चन", "ने", "ट्वीट", "में", "लिखा", "।", "हम"]
        );
    }

    fn att(text: &str) -> (Option<String>, Option<String>) {
        let open = text.find('“').unwrap_or(0);
        let close = text.find('”').map_or(0, |c| c + '”'.len_utf8());
        let a = attribute(text, open, close, 0, text.len(), None);
        (a.speaker, a.cue)
    }

    /// The attribution of the marks from the first `open` to the last `close` of `text`.
    fn between(text: &str, open: char, close: char) -> Attribution {
        let o = text.find(open).unwrap_or(0);
        let c = text.rfind(close).map_or(0, |c| c + close.len_utf8());
        attribute(text, o, c, 0, text.len(), None)
    }

    /// fixtures/realworld-next24/docs/702.txt, verbatim: Tagalog `VERB (naman) ni SPEAKER`,
    /// the handle whole with its trailing underscore.
    #[test]
    fn tagalog_cues_and_a_handle_ending_with_an_underscore() {
        let a = between(
            "“Leni entered the tiger’s den this afternoon. They forgot she’s a Lioness,” wika ni \
             Twitter user @dclnviv_.",
            '“',
            '”',
        );
        assert_eq!(a.speaker.as_deref(), Some("Twitter user @dclnviv_"));
        let a = between(
            "“This is the most straightforward Leni interview so far. She’s killing it left and \
             right,” dagdag naman ni user @jeclemente1.",
            '“',
            '”',
        );
        assert_eq!(a.cue.as_deref(), Some("dagdag naman ni"));
    }

    /// fixtures/realworld-next24/docs/704.txt, verbatim: `ujarnya` holds its subject's
    /// pronoun; `Jakarta` after it is the place.
    #[test]
    fn an_indonesian_cue_with_its_pronoun_fused() {
        let a = between(
            "\"Nah, ketahuan kan akhirnya selama ini ternyata akun Twitter Joko Widodo palsu, alias \
             di-operate (digunakan) sama orang lain,\" ujarnya kepada wartawan di Jakarta, Kamis \
             (17/5/2048).",
            '"',
            '"',
        );
        assert!(a.pronoun);
        assert_eq!(a.speaker, None);
        assert_eq!(a.cue.as_deref(), Some("ujarnya"));
    }

    /// fixtures/realworld-next/docs/332.txt and fixtures/realworld/docs/306.txt: one of a
    /// crowd closing the clause after the cue, a partitive (not `Jeden z jeho tweetů`).
    #[test]
    fn a_partitive_indefinite_after_the_cue() {
        let a = between(
            "\u{ab}В Московской области по многим крупным городам идет #фестивальвесна.\u{bb} — \
             написал один из пользователей.",
            '\u{ab}',
            '\u{bb}',
        );
        assert_eq!(a.speaker.as_deref(), Some("один из пользователей"));
        let a = between(
            "\"Nie chcą. Ktoś Pana w balona robi\" – odpisał mu jednak ktoś z komentujących, \
             nawiązując do samej treści wpisu.",
            '"',
            '"',
        );
        assert_eq!(a.speaker.as_deref(), Some("ktoś z komentujących"));
    }

    /// fixtures/realworld-next4/docs/394.txt: the object's inflected acronym (`PiS-u`) is not
    /// the start of the name after it.
    #[test]
    fn a_name_after_the_object_of_the_cue() {
        let a = between(
            "\"Wprowadziliście ukraińskie zboże\" – wypunktował rząd PiS-u Michał \
             Kołodziejczak z Agrounii.",
            '"',
            '"',
        );
        assert_eq!(a.speaker.as_deref(), Some("Michał Kołodziejczak"));
    }

    /// fixtures/realworld/docs/161.txt: a country's genitive and the title before the name.
    #[test]
    fn the_holder_after_a_possessor_and_a_title() {
        let t = "- Når du befinner deg i et høl, så slutt å grave, skriver Sveriges tidligere \
                 stats- og utenriksminister Carl Bildt (67) på Twitter.";
        let close = t.find(", skriver").unwrap();
        let a = attribute(t, 0, close, 0, t.len(), None);
        assert_eq!(a.speaker.as_deref(), Some("Carl Bildt"));
    }

    /// fixtures/realworld-next5/docs/417.txt: the auxiliary parted from its participle.
    #[test]
    fn a_split_cue_then_the_name() {
        let a = between(
            "\u{ab} Twitter a enfin banni Trump ! On a r\u{e9}ussi ! \u{bb}, a quant \u{e0} lui \
             publi\u{e9} Sacha Baron Cohen. La star des films",
            '\u{ab}',
            '\u{bb}',
        );
        assert_eq!(a.speaker.as_deref(), Some("Sacha Baron Cohen"));
        assert_eq!(a.cue.as_deref(), Some("a quant \u{e0} lui publi\u{e9}"));
    }

    /// fixtures/realworld/docs/182.txt: `, Another.` after the marks is another user.
    #[test]
    fn a_lone_indefinite_after_the_marks() {
        let a = between(
            "Wrote one user. \u{201c}I couldn\u{2019}t have put it better!\u{201d}, Another. \
             Another Twitter dealt with it.",
            '\u{201c}',
            '\u{201d}',
        );
        assert_eq!(a.speaker.as_deref(), Some("Another"));
        // An article is nobody (`”, a.`).
        let a = between(
            "\u{201c}We will win this\u{201d}, a. B.",
            '\u{201c}',
            '\u{201d}',
        );
        assert_eq!(a.speaker, None);
    }

    #[test]
    fn a_french_incise_and_a_partitive_subject() {
        // fixtures/realworld-next6/docs/428.txt: an inverted verb the lexicon does not list.
        let a = between(
            "\"Jamais #Hollande n'a été choisi pour être ministre c'est parce que déjà il ne \
             paraissait pas compétent alors Président...\", ironise-t-elle.",
            '"',
            '"',
        );
        assert_eq!(a.speaker.as_deref(), Some("elle"));
        assert_eq!(a.cue.as_deref(), Some("ironise-t-elle"));
        assert!(a.pronoun);
        // fixtures/realworld-next27/docs/737.txt: the auxiliary inverted, a participle the
        // lexicon does not list.
        let a = between(
            "\"Je dois dire, monsieur le député, que vous ne faites pas honneur à la France par \
             vos propos particulièrement minables et polémiques\", a-t-il lancé, sous les huées \
             de l'opposition.",
            '"',
            '"',
        );
        assert_eq!(a.speaker.as_deref(), Some("il"));
        assert_eq!(a.cue.as_deref(), Some("a-t-il lancé"));
        // fixtures/realworld-next6/docs/443.txt.
        let (speaker, cue) = att(
            "One of them wrote, \u{201c}Everything will be finished fine. So don\u{2019}t worry \
             about all this. Believe in God.\u{201d}",
        );
        assert_eq!(speaker.as_deref(), Some("One of them"));
        assert_eq!(cue.as_deref(), Some("wrote"));
    }

    #[test]
    fn romanian_cues_and_a_name_before_its_description() {
        // fixtures/realworld/docs/156.txt, 228.txt.
        let a = between(
            "Să fie într-un ceas bun. Sărbătoare binecuvântată tuturor\", a scris pe Facebook \
             Mihai Șora.",
            '\u{0}',
            '"',
        );
        assert_eq!(a.speaker.as_deref(), Some("Mihai Șora"));
        assert_eq!(a.cue.as_deref(), Some("a scris"));
        let a = between(
            "Sohaib Athar, un consultant în informatică din Pakistan scrie următorul mesaj pe \
             contul @ReallyVirtual: \"Elicopter în zbor staţionar deasupra Abbottabad la ora \
             01:00 (foarte neobişnuit)\".",
            '"',
            '"',
        );
        assert_eq!(a.speaker.as_deref(), Some("Sohaib Athar"));
        assert_eq!(a.cue.as_deref(), Some("scrie"));
    }

    /// Lead-in clauses ending in a colon, no cue (fixtures/realworld 220, 292 and
    /// realworld-next 337, 093).
    #[test]
    fn subjects_of_lead_ins() {
        let lead = |text: &str| {
            let a = between(text, '“', '”');
            (a.speaker, a.lead)
        };
        let yes = |sp: &str| (Some(sp.to_string()), true);
        assert_eq!(
            lead(
                "Os fãs não esconderam a empolgação e não pouparam os comentários: “eu já sabia!”"
            ),
            yes("Os fãs")
        );
        // `agradeceu` is a cue: the subject before it, as any cue's.
        assert_eq!(
            att("da estrela. Na legenda, a funkeira agradeceu: “estar ao seu lado é um aprendizado”"),
            (Some("a funkeira".to_string()), Some("agradeceu".to_string()))
        );
        assert_eq!(
            lead("Nhiều người đã để lại bình luận về ảnh bìa vui nhộn này: “Tôi đổi ảnh bìa”"),
            yes("Nhiều người")
        );
        assert_eq!(
            lead("A kommentek is mulatságosra sikeredtek, ezekből válogattunk: “Mindenhez is!!”"),
            yes("A kommentek")
        );
        // A written thing is nobody; a capitalized first word is left to the name index.
        assert_eq!(
            lead(
                "A segunda mensagem sobre o debate imaginava Trump escrevendo um trabalho de \
                 escola: “Fontes citadas: 1. Você sabe.”"
            ),
            (None, false)
        );
        assert_eq!(
            lead("Bajo la publicación podía leerse: “Me encanta Tamara, muy simpática”"),
            yes("Bajo")
        );
    }

    /// Crowds as subjects with no cue, plural cues (fixtures/realworld-next2 351, 360).
    #[test]
    fn crowds_speak() {
        let a = |text: &str| between(text, '"', '"').speaker;
        assert_eq!(
            a("D’autres reprennent la formulation du tweet pour souhaiter \"Courage à tous\".")
                .as_deref(),
            Some("D’autres")
        );
        assert_eq!(
            a("Enfin certains internautes nous apprennent que \"même le New York Times\".")
                .as_deref(),
            Some("certains internautes")
        );
        assert_eq!(
            a("sono alcuni tweet dei delusi, mentre altri sono più maliziosi: \"Ma chissenefrega.\"")
                .as_deref(),
            Some("altri")
        );
        // A determiner that is no crowd (a real page of the extractor benchmarks).
        assert_eq!(
            a("One reason may be the addition of concern about Europe: \"there are risks.\""),
            None
        );
    }

    /// The subject a relative pronoun stands for (fixtures/realworld-next2 357, realworld 305).
    #[test]
    fn relative_clause_subjects() {
        let a = |text: &str| between(text, '“', '”').speaker;
        assert_eq!(
            a("Alguns foram além, como a atriz Maisa Silva, que disparou: “Se a rede acabar”")
                .as_deref(),
            Some("a atriz Maisa Silva")
        );
        // A complement at the comma is no subject.
        assert_ne!(
            a(
                "Ou Denis Quinqueton, co-directeur de la Fondation Jean Jaurès, qui répond : “Un \
               seul tweet.”"
            )
            .as_deref(),
            Some("la Fondation Jean Jaurès")
        );
    }

    /// One subject for two verbs joined by `and` (fixtures/realworld-next2 353; the negative
    /// from a real page of the extractor benchmarks).
    #[test]
    fn a_participle_cue_after_a_comma() {
        // fixtures/realworld-next11/docs/520.txt.
        let t = "Following Musk\u{2019}s Twitter posts, Mayor Tishaura Jones tweeted from her \
                 personal account on Thanksgiving Day, sharing a screenshot of Musk\u{2019}s \
                 now-deleted post, writing: \u{201c}The final straw for me. I\u{2019}m out.\u{201d}";
        assert_eq!(att(t).0.as_deref(), Some("Mayor Tishaura Jones"));
        // goose3's content_test_businessinsider3.html: the last of two coordinated clauses.
        let t = "On occasion, Page would grow more animated, and Schmidt would carefully shut him \
                 down, saying, \u{201c}We heard you, Larry. Thank you.\u{201d}";
        assert_eq!(att(t).0.as_deref(), Some("Schmidt"));
    }

    #[test]
    fn a_relative_clause_between_the_speaker_and_the_cue() {
        // fixtures/realworld-next11/docs/520.txt.
        let t =
            "\u{201c}Y\u{2019}all can have this bird app,\u{201d} Jones, who is Black, said in \
                 response to Musk\u{2019}s messages";
        assert_eq!(att(t), (Some("Jones".into()), Some("said".into())));
    }

    #[test]
    fn a_platform_after_a_relative_pronoun_is_the_subject() {
        // fixtures/realworld/docs/319.txt.
        let t = "To which Twitter replied, \u{201c}Yeah, this reply.\u{201d}";
        assert_eq!(att(t), (Some("Twitter".into()), Some("replied".into())));
    }

    #[test]
    fn the_hindi_ergative_marks_the_subject() {
        // fixtures/realworld-next12/docs/540.txt.
        let t = "कांग्रेस के पूर्व अध्यक्ष और सांसद राहुल गांधी ने पीएम को बधाई देते हुए लिखा \u{2018}प्रधानमंत्री \
                 नरेन्द्र मोदी जी को जन्मदिन की हार्दिक बधाई।\u{2019}";
        let a = between(t, '\u{2018}', '\u{2019}');
        assert_eq!(a.speaker.as_deref(), Some("सांसद राहुल गांधी"));
    }

    #[test]
    fn coordinated_subjects() {
        let a = |text: &str| {
            let a = between(text, '„', '“');
            (a.speaker, a.lead)
        };
        assert_eq!(
            a("Die SPD-Fraktion witterte schnell den Verursacher und twitterte: „Schönen Gruß“"),
            (Some("Die SPD-Fraktion".to_string()), true)
        );
        assert_eq!(
            a("As an indication of how it played, a woman leant over and said, „What are you“"),
            (None, false)
        );
    }

    /// The name after the verb (fixtures/realworld-next2 353, 350).
    #[test]
    fn inverted_speakers() {
        let a = |text: &str, open: char, close: char| between(text, open, close).speaker;
        // fixtures/realworld/docs/169.txt: a capitalized article inside the clause opens a
        // surname; the words after the name are not part of it.
        let t = "“Zou de heer Wilders kunnen ophouden in zijn tweets voortdurend te reppen over \
                 ‘ons’ land, ‘onze’ mensen, ‘onze’ tradities?”, twitterde De Jonge als reactie: \
                 “Zodat als het straks uit de hand mocht lopen, duidelijk is dat ik niet tot \
                 ‘zijn’ mensen gerekend moet worden.”";
        let close = t.find('”').unwrap() + '”'.len_utf8();
        let first = attribute(t, 0, close, 0, t.len(), None);
        assert_eq!(first.speaker.as_deref(), Some("De Jonge"));
        assert_eq!(
            a(
                "Am 25. Januar twitterte Laschet „Vf bgrtbtb yt w. T“.",
                '„',
                '“'
            )
            .as_deref(),
            Some("Laschet")
        );
        assert_eq!(
            a("בתגובה כתב לו גדעון סער: \"תחזיקו מעמד. מטפל\".", '"', '"').as_deref(),
            Some("גדעון סער")
        );
        // fixtures/realworld-next2/docs/349.txt: two verbs, the subject before the first.
        assert_eq!(
            a(
                "אחד הגולשים הגיב וכתב בגיחוך: \"צייצת בשעה 17:24 שיחת טלפון\".",
                '"',
                '"'
            )
            .as_deref(),
            Some("אחד הגולשים")
        );
        // fixtures/realworld-next4/docs/394.txt: a discourse adverb before the name.
        assert_eq!(
            a(
                "\"Byłam pewna, że to fejk konto.\" – napisała z kolei Magdalena Filiks trafnie zauważając, że nie.",
                '"',
                '"'
            )
            .as_deref(),
            Some("Magdalena Filiks")
        );
        // fixtures/realworld-next3/docs/373.txt: an indefinite closing the clause.
        assert_eq!(
            a(
                "„Zamiast myśleć o Trampie proszę pomyśleć” – napisał w tym samym tonie inny internauta.",
                '„',
                '”'
            )
            .as_deref(),
            Some("inny internauta")
        );
        // fixtures/realworld-next3/docs/378.txt: the object before a participle cue.
        assert_eq!(
            a(
                "Actress Julia Louis-Dreyfus also hailed the decision writing “What the f— took you so long,”",
                '“',
                '”'
            )
            .as_deref(),
            Some("Actress Julia Louis-Dreyfus")
        );
        // fixtures/realworld-next4/docs/388.txt: `Lo dice` opening the next sentence, and the
        // holder of the title after it.
        assert_eq!(
            a(
                "“Il segretario mi ha chiesto di guidare”. Lo dice il ministro per i Beni culturali e il turismo Dario Franceschini arrivando.",
                '“',
                '”'
            )
            .as_deref(),
            Some("Dario Franceschini")
        );
        // fixtures/realworld-next4 385, 384: adverbs after the name; a place before the verb.
        assert_eq!(
            a(
                "Nach einem Glückwunsch an den Bundespräsidenten Frank-Walter Steinmeier schrieb Scholz dort: „Und: Hallo“",
                '„',
                '“'
            )
            .as_deref(),
            Some("Scholz")
        );
        assert_ne!(
            a(
                "Vor seiner Reise in die Ukraine postete Scholz seine Haltung im Konflikt: \"In Kiew ist\"",
                '"',
                '"'
            )
            .as_deref(),
            Some("die Ukraine")
        );
    }

    /// Sentences of real articles (fixtures/realworld 034, 043, 086).
    #[test]
    fn speakers_after_descriptions_platforms_and_indefinites() {
        let s = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            att("“Jen nás zatím nenapadl dárek.” napsala na Twitter senátorka Miroslava Němcová."),
            s("Miroslava Němcová", "napsala")
        );
        assert_eq!(
            att(
                "“Мы добавили новые пункты”, – пишет старший менеджер по исследовательской работе \
                 Twitter Элаин Филадельфо."
            ),
            s("Элаин Филадельфо", "пишет")
        );
        assert_eq!(
            att("Sportovní komentátor Jaromír Bosák na Twitteru napsal: “Tak trochu mi chybí.”"),
            s("Jaromír Bosák", "napsal")
        );
        assert_eq!(
            att("Otro afirmó que “no todos los héroes llevan capa”."),
            s("Otro", "afirmó")
        );
        assert_eq!(
            att("“Lástima que no fue para siempre”, lamentaron otros."),
            s("otros", "lamentaron")
        );
        // fixtures/realworld-next2 360, 352, 356: a lone indefinite before the clause goes
        // on, with its partitive; a speech verb in the present of headlines.
        assert_eq!(
            att(
                "“Twitter per Fiorello è stato solo un strumento”, scrivono altri collegando \
                 la presenza massiccia del popolare showman."
            ),
            s("altri", "scrivono")
        );
        assert_eq!(
            {
                let a = between(
                    "« Vous tutoyez les internautes ? De quel droit ? » a réagi l'un d'eux, une \
                     critique récurrente.",
                    '«',
                    '»',
                );
                (a.speaker, a.cue)
            },
            s("l'un d'eux", "a réagi")
        );
        assert_eq!(
            att(
                "“No tuve una respuesta directa, pero escuchó la propuesta”, revela Sheinbaum \
                 sobre petición a Biden de información."
            ),
            s("Sheinbaum", "revela")
        );
        // The subject inside an inverted cue: the name after is not the speaker.
        assert_eq!(
            att("“Je n’aime pas tweeter”, a-t-il affirmé dans un entretien accordé à Fox News.").0,
            Some("il".to_string())
        );
    }

    #[test]
    fn patterns() {
        let s = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            att("“We won,” Mayor Ana Ruiz said."),
            s("Mayor Ana Ruiz", "said")
        );
        assert_eq!(
            att("“We won,” said the mayor on Monday."),
            s("the mayor", "said")
        );
        assert_eq!(
            att("The city council said “we won” yesterday."),
            s("The city council", "said")
        );
        assert_eq!(
            att("Secretary of State Ana Ruiz told reporters: “We won.”"),
            s("Secretary of State Ana Ruiz", "told")
        );
        assert_eq!(
            att("“We won,” Ruiz wrote on Twitter."),
            s("Ruiz", "wrote on Twitter")
        );
        assert_eq!(
            att("According to the ministry, “we won.”"),
            s("the ministry", "According to")
        );
        assert_eq!(
            att("Chanting “we won” the marchers walked on."),
            s("the marchers", "Chanting")
        );
        assert_eq!(
            att("“We won,” the organiser, Ana Ruiz, told us."),
            s("Ana Ruiz", "told")
        );
        assert_eq!(
            att("“We won,” councillor Ana Ruiz said."),
            s("Ana Ruiz", "said")
        );
        assert_eq!(att("“We won,” but the mayor said no."), (None, None));
        assert_eq!(att("“We won,” Ana Ruiz, 45, said."), s("Ana Ruiz", "said"));
    }

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            // The Indic blocks' marks are word characters on purpose (see `alnum`).
            let indic =
                ('\u{0900}'..='\u{0DFF}').contains(&c) && !matches!(c, '\u{0964}' | '\u{0965}');
            assert_eq!(alnum(c), c.is_alphanumeric() || indic, "{c:?}");
            // Why `TokBuf::fill` lowercases words only: no other character has capitals.
            assert!(!c.is_uppercase() || c.is_alphanumeric(), "{c:?}");
        }
        for &w in CLASSES.abbreviations.iter() {
            for form in [w.to_string(), w.to_uppercase(), w.to_lowercase()] {
                assert!(is_abbreviation(&form), "{form}");
            }
        }
        for w in ["said", "x", "", "Gov", "according", "ÉCOLE", "ΣΟΦΙΑ"] {
            assert_eq!(
                is_abbreviation(w),
                CLASSES.abbreviations.contains(w.to_lowercase().as_str()),
                "{w}"
            );
        }
        for &w in CUE_INDEX.keys() {
            assert!(CUE_SHAPES.may_hold(w), "{w}");
        }
        for &w in CLASSES.terms.iter() {
            assert!(TERM_SHAPES.may_hold(w), "{w}");
        }
    }

    #[test]
    fn lowercase_forms() {
        let text = "ÉCOLE said ΟΔΟΣ, Ana x.Y U.S. “q”";
        let mut buf = TokBuf::default();
        buf.fill(text, 0..text.len());
        let toks = buf.view(text);
        let lows: Vec<&str> = (0..toks.len()).map(|i| toks.low(i)).collect();
        let want: Vec<String> = (0..toks.len())
            .map(|i| toks.str(i).to_lowercase())
            .collect();
        assert_eq!(lows, want);
        assert_eq!(toks.low(toks.len()), "");
    }

    /// One scratch carried over a run of quotations (its windows reused from one to the next)
    /// attributes each as a fresh one does.
    #[test]
    fn scratch_reuse_changes_nothing() {
        let text = "Mayor Ana Ruiz said “we won” and “we stay,” adding “no.” “Yes,” ÉCOLE \
                    tweeted. He said “fine” “fine” “ok,” Ruiz wrote on Twitter. “x y”“z w” \
                    according to the ministry, “we won.” (@x) — “q r” #t (@x) — “q r” #t";
        let found = super::super::marks::scan(text, 0, &[]);
        assert!(found.len() > 8);
        let mut scratch = Scratch::new(text);
        let mut prev_close = None;
        let mut named = 0;
        for (k, m) in found.iter().enumerate() {
            let lo = k
                .checked_sub(1)
                .and_then(|i| found.get(i))
                .map_or(0, |p| p.close);
            let hi = found.get(k + 1).map_or(text.len(), |n| n.open);
            let prev = prev_close.map(|close| Previous {
                close,
                speaker: Some("Ana Ruiz"),
            });
            let fresh = attribute(text, m.open, m.close, lo, hi, prev);
            let reused = attribute_in(&mut scratch, m.open, m.close, lo, hi, prev);
            assert_eq!(reused, fresh, "{}", &text[m.open..m.close]);
            named += usize::from(fresh.named_here);
            assert_eq!(
                named_speaker_before_in(&mut scratch, 0, m.open),
                named_speaker_before(text, 0, m.open)
            );
            prev_close = Some(m.close);
        }
        assert!(named >= 4, "{named}");
    }
}
