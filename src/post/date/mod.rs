//! Printed post dates, in any of the embed languages, turned into ISO calendar dates.
//!
//! The signature under an embedded post ends with the day it was published, printed in
//! the language of the embedding page (`data-lang`). This module recognizes those stamps:
//!
//! ```text
//! — Ana Ruiz (@MayorAnaRuiz) December 31, 2019              → 2019-12-31
//! Dec. 31, 2019 · 31 December 2019 · 1er janvier 2020          (en, fr)
//! 31. Dezember 2019 · 31 de diciembre de 2019 · 31 grudnia 2019
//! 31 декабря 2019 г. · ٣١ ديسمبر ٢٠١٩ · ۳۱ دسامبر ۲۰۱۹ · 31 كانون الأول 2019
//! 2019年12月31日 · 3月 6, 2012 · 2019년 12월 31일 · 2019. december 31.
//! November 25, 2024 at 12:58 AM                                (time consumed too)
//! ```
//!
//! Month names come from one data table per language (`date/months.rs`): nominative and
//! genitive forms and abbreviations, matched case-insensitively with an optional dot. A few
//! generic patterns use them: day-month-year (optional `.` or ordinal after the day, `de` /
//! `d'` / `of` before the month, `de` before the year, a trailing `г.` / `р.` / `r.`),
//! month-day-year, year-month-day (Hungarian, Lithuanian) and numeric year-month-day with
//! CJK or Korean markers. Digits may be ASCII, Arabic-Indic, Extended Arabic-Indic,
//! Devanagari, Thai or full-width. Dates are validated (real calendar day, year
//! 1990..=2100). An optional time after the date (` at 12:58 AM`, `, 14:05`) or before it
//! (`4:05 PM · Dec 31, 2019`) is consumed with it.

use std::fmt;
use std::sync::LazyLock;

mod months;

/// Every month name of every language the date parser knows, lowercase, in forms of four
/// letters or more (abbreviations and `may` left out: too often a word or a name).
pub fn month_names() -> impl Iterator<Item = &'static str> {
    months::LOCALES
        .iter()
        .flat_map(|l| l.months.iter().flat_map(|forms| forms.iter().copied()))
        .filter(|f| f.chars().count() >= 4 && !f.contains(' '))
}

use months::LOCALES;

/// A calendar date as printed under an embedded post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31.
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Earliest year accepted (posts older than this are not real embeds).
const MIN_YEAR: u32 = 1990;
/// Latest year accepted.
const MAX_YEAR: u32 = 2100;

impl Date {
    /// Validates and builds a date: year 1990..=2100 and a real day of that month.
    fn checked(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a string is not a date; its message quotes (a bounded part of) the input.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg(any(test, feature = "_internal"))]
pub struct DateError {
    /// The trimmed input, shortened for display.
    found: String,
    /// Text left over after a date that did parse, shortened for display.
    trailing: Option<String>,
}

/// How many characters of the input an error message quotes.
#[cfg(any(test, feature = "_internal"))]
const QUOTE_CHARS: usize = 48;

#[cfg(any(test, feature = "_internal"))]
fn quote(s: &str) -> String {
    match s.char_indices().nth(QUOTE_CHARS) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or(s)),
        None => s.to_owned(),
    }
}

#[cfg(any(test, feature = "_internal"))]
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a date like `December 31, 2019`, but found ")?;
        if self.found.is_empty() {
            return f.write_str("an empty string");
        }
        write!(f, "`{}`", self.found)?;
        if let Some(rest) = &self.trailing {
            write!(f, " (unexpected trailing input `{rest}`)")?;
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "_internal"))]
impl std::error::Error for DateError {}

/// Parses a whole string (surrounding whitespace ignored) as one date; see [`parse_prefix`].
///
/// # Errors
///
/// A [`DateError`] if the string is not a date, or has anything after the date.
#[cfg(any(test, feature = "_internal"))]
pub fn parse(s: &str, lang: Option<&str>) -> Result<Date, DateError> {
    let t = s.trim_matches(is_space);
    match parse_prefix(t, lang) {
        Some((date, n)) if n == t.len() => Ok(date),
        Some((_, n)) => Err(DateError {
            found: quote(t),
            trailing: Some(quote(t.get(n..).unwrap_or(""))),
        }),
        None => Err(DateError {
            found: quote(t),
            trailing: None,
        }),
    }
}

/// Parses a date at the start of `s` (leading whitespace allowed); returns it and the number
/// of bytes consumed, including a time printed with it. `lang` (`"fr"`, `"pt-BR"`,
/// `"zh-cn"`, ...) names the locale to try first; all the others are tried after it.
pub fn parse_prefix(s: &str, lang: Option<&str>) -> Option<(Date, usize)> {
    if !year_digits_near_start(s) {
        return None;
    }
    let mut cur = Cur { s, i: 0 };
    while cur.peek().is_some_and(is_space) {
        cur.bump();
    }
    let hint = lang.and_then(locale_for);
    if let Some((date, mut end)) = date_at(cur, hint) {
        time_after(&mut end);
        return Some((date, end.i));
    }
    // `4:05 PM · Dec 31, 2019`: a time, a separator, then the date.
    let mut t = cur;
    if time(&mut t) {
        t.ws();
        if t.eat_any(&['-', '–', '—', '·', '•', '|']) {
            t.ws();
            if let Some((date, end)) = date_at(t, hint) {
                return Some((date, end.i));
            }
        }
    }
    None
}

/// How far into a string its year may stand: the longest date with a time before it and
/// white space between its parts.
const YEAR_WITHIN_BYTES: usize = 160;

/// Whether four digits in a row (any digit system) stand within [`YEAR_WITHIN_BYTES`] of the
/// start: every date form has a four-digit year, so most text (`Section 12`, a name line) is
/// turned away here without a look at the month tables. Bounded, so a caller may pass the
/// rest of a long line.
///
/// An ASCII byte is told a digit or not by itself; only characters outside ASCII are decoded
/// and compared with the digit families (the name lines the card detector asks about are
/// read a byte at a time).
fn year_digits_near_start(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i).filter(|_| i <= YEAR_WITHIN_BYTES) {
        let (is_digit, width) = if b.is_ascii() {
            (b.is_ascii_digit(), 1)
        } else {
            s.get(i..)
                .and_then(|r| r.chars().next())
                .map_or((false, 1), |c| (digit(c).is_some(), c.len_utf8()))
        };
        if is_digit {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            run = 0;
        }
        i += width;
    }
    false
}

/// The index in [`LOCALES`] of the table for a `data-lang` style code (`"pt-BR"` → `pt`).
fn locale_for(lang: &str) -> Option<usize> {
    let primary = lang.trim().split(['-', '_']).next()?;
    LOCALES.iter().position(|loc| {
        loc.code.eq_ignore_ascii_case(primary)
            || loc.aliases.iter().any(|a| a.eq_ignore_ascii_case(primary))
    })
}

/// One month form of one locale, keyed by its folded first character.
struct Form {
    first: char,
    /// Its second character folded, unless a space (which matches any white space) or none.
    second: Option<char>,
    locale: usize,
    month: u32,
    text: &'static str,
}

/// Every form of every table, sorted by folded first character, built on first use.
static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| {
    let mut forms = Vec::new();
    for (locale, loc) in LOCALES.iter().enumerate() {
        for (month, texts) in (1u32..).zip(loc.months.iter()) {
            for &text in *texts {
                if let Some(first) = text.chars().next().map(fold) {
                    forms.push(Form {
                        first,
                        second: Some(text)
                            .filter(|t| !t.starts_with(' '))
                            .and_then(|t| t.chars().nth(1))
                            .filter(|&c| c != ' ')
                            .map(fold),
                        locale,
                        month,
                        text,
                    });
                }
            }
        }
    }
    forms.sort_by_key(|f| f.first);
    forms
});

/// A month name found in the input: its locale, its number and where it ends.
#[derive(Clone, Copy)]
struct MonthMatch<'a> {
    locale: usize,
    month: u32,
    end: Cur<'a>,
}

/// Every month name, of any locale, that starts at `c` and ends a word there.
fn months_at(c: Cur<'_>) -> Vec<MonthMatch<'_>> {
    let Some(first) = c.peek().map(fold) else {
        return Vec::new();
    };
    let forms = &*FORMS;
    let start = forms.partition_point(|f| f.first < first);
    // A form whose second character (folded) is not the text's cannot match: most forms of
    // the same first letter are left at that (`Cur::lit` matches characters equal or equal
    // folded, which equal folded covers).
    let second = c.rest().chars().nth(1).map(fold);
    forms
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|f| f.first == first)
        .filter(|f| f.second.is_none_or(|w| second == Some(w)))
        .filter_map(|f| {
            let mut end = c;
            end.word(f.text).then_some(MonthMatch {
                locale: f.locale,
                month: f.month,
                end,
            })
        })
        .collect()
}

/// The longest month name of `locale` among `found`: its number and the cursor after it
/// (and after an abbreviation dot).
fn month_of<'a>(found: &[MonthMatch<'a>], locale: usize) -> Option<(u32, Cur<'a>)> {
    let best = found
        .iter()
        .filter(|f| f.locale == locale)
        .max_by_key(|f| f.end.i)?;
    let mut end = best.end;
    end.eat_char('.');
    Some((best.month, end))
}

/// Tries every pattern at `cur`: numeric CJK first, then the named-month patterns with
/// each locale in turn, the hinted one first. The parts before a month name (a day, a year)
/// are read once, and the month names standing at each place are looked up once.
fn date_at(cur: Cur<'_>, hint: Option<usize>) -> Option<(Date, Cur<'_>)> {
    let first = cur.peek()?;
    if !first.is_alphanumeric() {
        return None;
    }
    if let Some(found) = ymd_numeric(cur) {
        return Some(found);
    }
    let dmy = dmy_head(cur).map(|(day, c)| (day, months_at(c)));
    let mdy = months_at(cur);
    let ymd = ymd_head(cur).map(|(year, c)| (year, months_at(c)));
    let order = hint
        .into_iter()
        .chain((0..LOCALES.len()).filter(|&i| Some(i) != hint));
    for locale in order {
        if let Some((day, found)) = &dmy {
            let tail = month_of(found, locale).and_then(|(m, c)| dmy_tail(c, m, *day));
            if tail.is_some() {
                return tail;
            }
        }
        if let Some(tail) = month_of(&mdy, locale).and_then(|(m, c)| mdy_tail(c, m)) {
            return Some(tail);
        }
        if let Some((year, found)) = &ymd {
            let tail = month_of(found, locale).and_then(|(m, c)| ymd_tail(c, m, *year));
            if tail.is_some() {
                return tail;
            }
        }
    }
    None
}

/// The day of `31 December 2019`, `31. Dezember 2019`, `1er janvier 2020`,
/// `31 de diciembre de 2019`, `1 d'abril de 2019`, `31 tháng 12, 2019`, up to the month.
fn dmy_head(mut c: Cur<'_>) -> Option<(u32, Cur<'_>)> {
    let day = c.num(1, 2)?;
    c.ordinal();
    c.eat_char('.');
    c.ws();
    c.connector(&["de", "of"], &["d'"]);
    Some((day, c))
}

/// The rest of a day-month-year date after its month: ` de 2019`, ` 2019 г.`
fn dmy_tail(mut c: Cur<'_>, month: u32, day: u32) -> Option<(Date, Cur<'_>)> {
    c.ws();
    c.connector(&["de", "del"], &[]);
    if c.eat_any(COMMAS) {
        c.ws();
    }
    let year = c.num(4, 4)?;
    c.year_suffix();
    Some((Date::checked(year, month, day)?, c))
}

/// The rest of `December 31, 2019`, `Dec. 31 2019`, `3月 6, 2012` after the month.
fn mdy_tail(mut c: Cur<'_>, month: u32) -> Option<(Date, Cur<'_>)> {
    c.ws();
    let day = c.num(1, 2)?;
    c.ordinal();
    c.ws();
    if c.eat_any(COMMAS) {
        c.ws();
    }
    let year = c.num(4, 4)?;
    c.year_suffix();
    Some((Date::checked(year, month, day)?, c))
}

/// The year of `2019. december 31.` or `2019 m. gruodžio 31 d.`, up to the month.
fn ymd_head(mut c: Cur<'_>) -> Option<(u32, Cur<'_>)> {
    let year = c.num(4, 4)?;
    if !c.eat_char('.') {
        c.year_suffix();
    }
    c.ws();
    Some((year, c))
}

/// The rest of a year-month-day date after its month: ` 31.`, ` 31 d.`
fn ymd_tail(mut c: Cur<'_>, month: u32, year: u32) -> Option<(Date, Cur<'_>)> {
    c.ws();
    let day = c.num(1, 2)?;
    if !c.eat_char('.') {
        let mut d = c;
        d.ws();
        if d.word("d.") {
            c = d;
        }
    }
    Some((Date::checked(year, month, day)?, c))
}

/// Year, month and day markers of the numeric East Asian form.
const CJK_MARKERS: [(char, char, char); 2] = [('年', '月', '日'), ('년', '월', '일')];

/// `2019年12月31日`, `2019 年 12 月 31 日`, `2019년 12월 31일`.
fn ymd_numeric(mut c: Cur<'_>) -> Option<(Date, Cur<'_>)> {
    let year = c.num(4, 4)?;
    c.ws();
    let (_, m_mark, d_mark) = *CJK_MARKERS.iter().find(|m| c.eat_char(m.0))?;
    c.ws();
    let month = c.num(1, 2)?;
    c.ws();
    if !c.eat_char(m_mark) {
        return None;
    }
    c.ws();
    let day = c.num(1, 2)?;
    c.ws();
    if !c.eat_char(d_mark) {
        return None;
    }
    Some((Date::checked(year, month, day)?, c))
}

/// Words that may join a date to the time after it (`at`, `à`, `um`, `a las`, ...).
const TIME_CONNECTORS: &[&str] = &[
    "at", "à", "às", "as", "um", "a las", "a les", "alle", "om", "kl.", "kl", "klo", "kello", "o",
    "в", "о", "saat", "lúc", "pukul", "-", "–", "·", "•", "@", "|",
];

/// Consumes a time printed after the date (` at 12:58 AM`, `, 14:05`), or nothing.
fn time_after(c: &mut Cur<'_>) {
    let mut t = *c;
    if t.eat_any(COMMAS) {
        t.ws();
    } else if t.ws() == 0 {
        return;
    }
    let mut joined = t;
    if TIME_CONNECTORS.iter().any(|w| joined.word(w)) && joined.ws() > 0 && time(&mut joined) {
        *c = joined;
    } else if time(&mut t) {
        *c = t;
    }
}

/// `12:58`, `12:58:07`, `12:58 AM`, `0:58 p.m.`; hours checked against the AM/PM marker.
fn time(c: &mut Cur<'_>) -> bool {
    let mut t = *c;
    let (Some(hour), true, Some(minute)) = (t.num(1, 2), t.eat_char(':'), t.num(2, 2)) else {
        return false;
    };
    if minute > 59 {
        return false;
    }
    let mut sec = t;
    if sec.eat_char(':') && sec.num(2, 2).is_some_and(|s| s <= 60) {
        t = sec;
    }
    let mut ampm = t;
    ampm.ws();
    if ["a.m.", "p.m.", "a. m.", "p. m.", "am", "pm"]
        .iter()
        .any(|w| ampm.word(w))
    {
        if !(1..=12).contains(&hour) {
            return false;
        }
        t = ampm;
    } else if hour > 24 {
        return false;
    }
    *c = t;
    true
}

/// Commas that may separate a date's parts (ASCII, Arabic, full-width, ideographic).
const COMMAS: &[char] = &[',', '،', '，', '、'];

/// Words that may follow the year (`г.`, `р.` in Russian and Ukrainian, `r.` in Polish,
/// `m.` in Lithuanian); longest first.
const YEAR_SUFFIXES: &[&str] = &["года", "року", "roku", "г.", "р.", "r.", "m.", "г", "р"];

/// Ordinal endings a day number may carry (`1er`, `31st`, `1º`).
const ORDINALS: &[&str] = &["er", "st", "nd", "rd", "th", "º", "ª"];

/// The zero of every digit family accepted: ASCII, Arabic-Indic, Extended Arabic-Indic
/// (Persian, Urdu), Devanagari, Thai, full-width.
const DIGIT_ZEROS: [u32; 6] = [0x30, 0x660, 0x6F0, 0x966, 0xE50, 0xFF10];

/// The value of a decimal digit of any accepted family.
fn digit(c: char) -> Option<u32> {
    let c = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&c))
        .map(|&zero| c - zero)
}

/// Whitespace, including no-break spaces and the invisible direction and joiner marks that
/// right-to-left text carries.
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Folds a character for comparison with the month tables: lower case, digits to ASCII,
/// Turkish dotless i, Greek accents and final sigma, Arabic/Persian letter variants,
/// apostrophes and the Hebrew geresh.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(d) = digit(c) {
        return char::from_digit(d, 10).unwrap_or(c);
    }
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'ı' => 'i',
        'ς' => 'σ',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'أ' | 'إ' | 'آ' => 'ا',
        'ك' => 'ک',
        'ي' | 'ى' => 'ی',
        '’' | 'ʼ' | '‘' | '׳' | '`' | '´' => '\'',
        _ => c,
    }
}

/// At most this many whitespace characters are skipped between two parts of a date.
const MAX_GAP: usize = 16;

/// A position in the input; `Copy`, so backtracking is taking a copy.
#[derive(Clone, Copy)]
struct Cur<'a> {
    s: &'a str,
    /// Byte offset, always at a char boundary.
    i: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.i..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        Some(c)
    }

    fn eat_char(&mut self, want: char) -> bool {
        if self.peek() == Some(want) {
            self.i += want.len_utf8();
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, set: &[char]) -> bool {
        set.iter().any(|&c| self.eat_char(c))
    }

    /// Skips up to [`MAX_GAP`] whitespace characters; returns how many.
    fn ws(&mut self) -> usize {
        let mut n = 0;
        while n < MAX_GAP && self.peek().is_some_and(is_space) {
            self.bump();
            n += 1;
        }
        n
    }

    /// True if no letter or digit follows (the end of a word).
    fn at_boundary(&self) -> bool {
        !self.peek().is_some_and(char::is_alphanumeric)
    }

    /// Consumes `lit` compared through [`fold`]; a space in `lit` matches 1+ whitespace.
    fn lit(&mut self, lit: &str) -> bool {
        let mut t = *self;
        for want in lit.chars() {
            if want == ' ' {
                if t.ws() == 0 {
                    return false;
                }
            } else if !t
                .bump()
                .is_some_and(|got| got == want || fold(got) == fold(want))
            {
                return false;
            }
        }
        *self = t;
        true
    }

    /// Like [`Cur::lit`], but a `lit` ending in a letter or digit must end a word.
    fn word(&mut self, lit: &str) -> bool {
        let mut t = *self;
        let needs_boundary = lit.chars().last().is_some_and(char::is_alphanumeric);
        if t.lit(lit) && (!needs_boundary || t.at_boundary()) {
            *self = t;
            true
        } else {
            false
        }
    }

    /// Reads `min..=max` digits (no more may follow) as a number.
    fn num(&mut self, min: usize, max: usize) -> Option<u32> {
        let mut t = *self;
        let (mut value, mut n) = (0u32, 0usize);
        while let Some(d) = t.peek().and_then(digit) {
            if n == max {
                return None;
            }
            value = value * 10 + d;
            n += 1;
            t.bump();
        }
        if n < min {
            return None;
        }
        *self = t;
        Some(value)
    }

    /// Consumes an ordinal ending glued to a day number (`1er`, `31st`).
    fn ordinal(&mut self) {
        ORDINALS.iter().any(|w| self.word(w));
    }

    /// Consumes one of `words` followed by whitespace, or one of `glued` (`d'abril`).
    fn connector(&mut self, words: &[&str], glued: &[&str]) {
        for w in words {
            let mut t = *self;
            if t.word(w) && t.ws() > 0 {
                *self = t;
                return;
            }
        }
        glued.iter().any(|g| self.lit(g));
    }

    /// Consumes a word that may follow the year (`г.`), with the whitespace before it.
    fn year_suffix(&mut self) {
        let mut t = *self;
        t.ws();
        if YEAR_SUFFIXES.iter().any(|w| t.word(w)) {
            *self = t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The year filter reads bytes as the former version read characters: the same answer on
    /// digits of every family, at and around the bound, after text outside ASCII.
    #[test]
    fn year_filter_as_by_characters() {
        fn by_characters(s: &str) -> bool {
            let mut run = 0;
            for (i, c) in s.char_indices() {
                if i > YEAR_WITHIN_BYTES {
                    break;
                }
                if digit(c).is_some() {
                    run += 1;
                    if run == 4 {
                        return true;
                    }
                } else {
                    run = 0;
                }
            }
            false
        }
        let pieces = [
            "2019",
            "201",
            "١٤٤٥",
            "۱۴۰۲",
            "२०२३",
            "๒๕๖๖",
            "２０２４",
            "12",
            "é",
            "日",
            " ",
            "a",
            "—",
            "1",
            "٣",
        ];
        let mut lines: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    lines.push(format!("{a}{b}{c}"));
                }
            }
        }
        for pad in 150..=165 {
            for tail in pieces {
                lines.push(format!("{}{tail}", "x".repeat(pad)));
                lines.push(format!("{}{tail}", "é".repeat(pad / 2)));
            }
        }
        for line in &lines {
            assert_eq!(year_digits_near_start(line), by_characters(line), "{line}");
        }
    }

    /// Asserts that `s` parses (with `lang`) to `iso`, consuming exactly `consumed`.
    #[track_caller]
    fn check(lang: Option<&str>, s: &str, iso: &str, consumed: &str) {
        assert!(s.starts_with(consumed), "bad test: {s:?} / {consumed:?}");
        let got = parse_prefix(s, lang);
        let got = got.map(|(d, n)| (d.to_string(), s.get(..n).unwrap_or("<not a boundary>")));
        assert_eq!(
            got,
            Some((iso.to_owned(), consumed)),
            "input {s:?}, lang {lang:?}"
        );
    }

    /// Checks with the hint and without it; `s` is consumed whole.
    #[track_caller]
    fn whole(lang: &str, s: &str, iso: &str) {
        check(Some(lang), s, iso, s);
        check(None, s, iso, s);
    }

    #[track_caller]
    fn none(lang: Option<&str>, s: &str) {
        assert_eq!(parse_prefix(s, lang), None, "input {s:?} should not parse");
    }

    #[test]
    fn date_en() {
        whole("en", "December 31, 2019", "2019-12-31");
        whole("en", "Dec 31, 2019", "2019-12-31");
        whole("en", "Dec. 31, 2019", "2019-12-31");
        whole("en", "31 December 2019", "2019-12-31");
        whole("en", "Sept. 1, 2020", "2020-09-01");
        whole("en", "DECEMBER 31 2019", "2019-12-31");
        whole("en", "31st December, 2019", "2019-12-31");
        whole("en", "February 29, 2020", "2020-02-29");
        check(
            Some("en"),
            "  May 5, 2019</a>",
            "2019-05-05",
            "  May 5, 2019",
        );
        check(Some("en-GB"), "31 Dec 2019\n", "2019-12-31", "31 Dec 2019");
    }

    #[test]
    fn date_bluesky() {
        let s = "November 25, 2024 at 12:58 AM";
        whole("en", s, "2024-11-25");
        check(None, "November 25, 2024 at 12:58 AM more", "2024-11-25", s);
        check(
            None,
            "Nov 25, 2024, 14:05 x",
            "2024-11-25",
            "Nov 25, 2024, 14:05",
        );
        check(
            None,
            "4:05 PM · Dec 31, 2019 x",
            "2019-12-31",
            "4:05 PM · Dec 31, 2019",
        );
        check(
            None,
            "12:58 AM - 31 Dec 2019",
            "2019-12-31",
            "12:58 AM - 31 Dec 2019",
        );
        // A broken time is not consumed.
        check(
            None,
            "November 25, 2024 at 25:99",
            "2024-11-25",
            "November 25, 2024",
        );
        check(
            None,
            "November 25, 2024 at noon",
            "2024-11-25",
            "November 25, 2024",
        );
        check(
            None,
            "November 25, 2024 13:05 PM",
            "2024-11-25",
            "November 25, 2024",
        );
        whole("fr", "25 novembre 2024 à 00:58", "2024-11-25");
    }

    #[test]
    fn date_fr() {
        whole("fr", "31 décembre 2019", "2019-12-31");
        whole("fr", "1 janv. 2020", "2020-01-01");
        whole("fr", "1er janvier 2020", "2020-01-01");
        whole("fr", "3 févr. 2020", "2020-02-03");
        whole("fr", "15 août 2019", "2019-08-15");
        whole("fr", "31 DÉCEMBRE 2019", "2019-12-31");
        whole("fr", "31 déc. 2019", "2019-12-31");
        whole("fr", "4 juil. 2019", "2019-07-04");
        check(
            Some("fr"),
            "31 décembre 2019 more",
            "2019-12-31",
            "31 décembre 2019",
        );
    }

    #[test]
    fn date_de() {
        whole("de", "31. Dezember 2019", "2019-12-31");
        whole("de", "1. März 2020", "2020-03-01");
        whole("de", "31. Dez. 2019", "2019-12-31");
        whole("de", "5. Jänner 2021", "2021-01-05");
        check(
            Some("de"),
            "31. Dezember 2019.",
            "2019-12-31",
            "31. Dezember 2019",
        );
    }

    #[test]
    fn date_es() {
        whole("es", "31 de diciembre de 2019", "2019-12-31");
        whole("es", "31 dic. 2019", "2019-12-31");
        whole("es", "1 de enero del 2020", "2020-01-01");
        whole("es", "9 de septiembre de 2019", "2019-09-09");
        check(
            Some("es-MX"),
            "31 de dic. de 2019 x",
            "2019-12-31",
            "31 de dic. de 2019",
        );
    }

    #[test]
    fn date_pt() {
        whole("pt", "31 de dezembro de 2019", "2019-12-31");
        whole("pt", "2 de março de 2020", "2020-03-02");
        whole("pt", "31 de dez de 2019", "2019-12-31");
        check(
            Some("pt-BR"),
            "7 de setembro de 2019 -",
            "2019-09-07",
            "7 de setembro de 2019",
        );
    }

    #[test]
    fn date_ca() {
        whole("ca", "31 de desembre de 2019", "2019-12-31");
        whole("ca", "1 d'abril de 2019", "2019-04-01");
        whole("ca", "12 d’octubre de 2019", "2019-10-12");
        whole("ca", "11 de set. 2019", "2019-09-11");
    }

    #[test]
    fn date_gl() {
        whole("gl", "31 de decembro de 2019", "2019-12-31");
        whole("gl", "24 de xuño de 2019", "2019-06-24");
    }

    #[test]
    fn date_it() {
        whole("it", "31 dicembre 2019", "2019-12-31");
        whole("it", "2 giu 2019", "2019-06-02");
        whole("it", "15 ago. 2019", "2019-08-15");
    }

    #[test]
    fn date_nl() {
        whole("nl", "31 december 2019", "2019-12-31");
        whole("nl", "4 mrt. 2020", "2020-03-04");
        whole("nl", "5 mei 2019", "2019-05-05");
    }

    #[test]
    fn date_pl() {
        whole("pl", "31 grudnia 2019", "2019-12-31");
        whole("pl", "1 października 2019", "2019-10-01");
        whole("pl", "3 lut 2020", "2020-02-03");
        check(
            Some("pl"),
            "31 grudnia 2019 r. Dalej",
            "2019-12-31",
            "31 grudnia 2019 r.",
        );
        // Polish November, unless the page says it is Croatian (October).
        whole("pl", "30 listopada 2019", "2019-11-30");
    }

    #[test]
    fn date_cs() {
        whole("cs", "31. prosince 2019", "2019-12-31");
        whole("cs", "1. července 2019", "2019-07-01");
    }

    #[test]
    fn date_sk() {
        whole("sk", "31. decembra 2019", "2019-12-31");
        whole("sk", "1. mája 2019", "2019-05-01");
    }

    #[test]
    fn date_hr() {
        check(
            Some("hr"),
            "31. listopada 2019",
            "2019-10-31",
            "31. listopada 2019",
        );
        check(
            Some("hr"),
            "30. listopada 2019",
            "2019-10-30",
            "30. listopada 2019",
        );
        check(
            None,
            "30. listopada 2019",
            "2019-11-30",
            "30. listopada 2019",
        );
        whole("hr", "31. prosinca 2019", "2019-12-31");
        whole("hr", "1. siječnja 2020", "2020-01-01");
        // The hint is tried first, not only: "31 listopada" can only be Croatian.
        check(
            None,
            "31. listopada 2019",
            "2019-10-31",
            "31. listopada 2019",
        );
    }

    #[test]
    fn date_sr() {
        whole("sr", "31. децембар 2019", "2019-12-31");
        whole("sr", "1. јануара 2020", "2020-01-01");
        whole("sr", "31. decembar 2019", "2019-12-31");
    }

    #[test]
    fn date_tr() {
        whole("tr", "31 Aralık 2019", "2019-12-31");
        whole("tr", "31 ARALIK 2019", "2019-12-31");
        whole("tr", "1 Şubat 2020", "2020-02-01");
        whole("tr", "19 Mayıs 2019", "2019-05-19");
    }

    #[test]
    fn date_ru() {
        whole("ru", "31 декабря 2019 г.", "2019-12-31");
        check(
            Some("ru"),
            "31 декабря 2019 г. x",
            "2019-12-31",
            "31 декабря 2019 г.",
        );
        check(
            Some("ru"),
            "31 декабря 2019 x",
            "2019-12-31",
            "31 декабря 2019",
        );
        whole("ru", "1 янв. 2020 г.", "2020-01-01");
        whole("ru", "9 Мая 2019 года", "2019-05-09");
    }

    #[test]
    fn date_uk() {
        whole("uk", "31 грудня 2019 р.", "2019-12-31");
        check(
            Some("uk"),
            "31 грудня 2019 р. далі",
            "2019-12-31",
            "31 грудня 2019 р.",
        );
        whole("uk", "1 лют. 2020 р.", "2020-02-01");
        whole("uk", "24 серпня 2019", "2019-08-24");
    }

    #[test]
    fn date_bg() {
        whole("bg", "31 декември 2019 г.", "2019-12-31");
        whole("bg", "3 март 2020", "2020-03-03");
    }

    #[test]
    fn date_ar() {
        whole("ar", "31 ديسمبر 2019", "2019-12-31");
        whole("ar", "٣١ ديسمبر ٢٠١٩", "2019-12-31");
        whole("ar", "٣١ كانون الأول ٢٠١٩", "2019-12-31");
        whole("ar", "1 كانون الثاني 2020", "2020-01-01");
        whole("ar", "15 آب 2019", "2019-08-15");
        whole("ar", "15 اب 2019", "2019-08-15");
        whole("ar", "1 ابريل 2019", "2019-04-01");
        whole("ar", "ديسمبر ٣١، ٢٠١٩", "2019-12-31");
        // Right-to-left marks around the parts.
        whole("ar", "\u{200f}٣١ ديسمبر\u{200f} ٢٠١٩", "2019-12-31");
        check(
            Some("ar"),
            "٣١ ديسمبر ٢٠١٩ نص",
            "2019-12-31",
            "٣١ ديسمبر ٢٠١٩",
        );
    }

    #[test]
    fn date_fa() {
        whole("fa", "۳۱ دسامبر ۲۰۱۹", "2019-12-31");
        whole("fa", "۱ ژانویه ۲۰۲۰", "2020-01-01");
        whole("fa", "۵ مه ۲۰۱۹", "2019-05-05");
        // Arabic yeh for the Persian one.
        whole("fa", "۵ مي ۲۰۱۹", "2019-05-05");
        check(
            Some("fa"),
            "۳۱ دسامبر ۲۰۱۹ متن",
            "2019-12-31",
            "۳۱ دسامبر ۲۰۱۹",
        );
    }

    #[test]
    fn date_ur() {
        whole("ur", "31 دسمبر 2019", "2019-12-31");
        whole("ur", "۳۱ دسمبر ۲۰۱۹", "2019-12-31");
    }

    #[test]
    fn date_he() {
        whole("he", "31 בדצמבר 2019", "2019-12-31");
        whole("he", "31 דצמבר 2019", "2019-12-31");
        whole("he", "31 בדצמ׳ 2019", "2019-12-31");
    }

    #[test]
    fn date_hi() {
        whole("hi", "31 दिसंबर 2019", "2019-12-31");
        whole("hi", "३१ दिसम्बर २०१९", "2019-12-31");
        whole("hi", "1 \u{95e}रवरी 2020", "2020-02-01");
        whole("hi", "1 \u{92b}\u{93c}रवरी 2020", "2020-02-01");
        whole("hi", "1 फरवरी 2020", "2020-02-01");
    }

    #[test]
    fn date_th() {
        whole("th", "31 ธันวาคม 2019", "2019-12-31");
        whole("th", "31 ธ.ค. 2019", "2019-12-31");
        whole("th", "1 มี.ค. 2020", "2020-03-01");
    }

    #[test]
    fn date_el() {
        whole("el", "31 Δεκεμβρίου 2019", "2019-12-31");
        whole("el", "31 ΔΕΚΕΜΒΡΙΟΥ 2019", "2019-12-31");
        whole("el", "15 Αυγ 2019", "2019-08-15");
    }

    #[test]
    fn date_ja() {
        whole("ja", "2019年12月31日", "2019-12-31");
        whole("ja", "２０１９年１２月３１日", "2019-12-31");
        whole("ja", "3月 6, 2012", "2012-03-06");
        check(
            Some("ja"),
            "2019年12月31日（火）",
            "2019-12-31",
            "2019年12月31日",
        );
    }

    #[test]
    fn date_zh() {
        whole("zh-cn", "2019年12月31日", "2019-12-31");
        whole("zh-tw", "2019 年 1 月 5 日", "2019-01-05");
        whole("zh", "3月 6, 2012", "2012-03-06");
        whole("zh", "十二月 31, 2019", "2019-12-31");
        check(
            Some("zh-cn"),
            "12月 31, 2019 x",
            "2019-12-31",
            "12月 31, 2019",
        );
    }

    #[test]
    fn date_ko() {
        whole("ko", "2019년 12월 31일", "2019-12-31");
        whole("ko", "2020년 1월 1일", "2020-01-01");
        whole("ko", "3월 6, 2012", "2012-03-06");
    }

    #[test]
    fn date_vi() {
        whole("vi", "31 tháng 12, 2019", "2019-12-31");
        whole("vi", "1 tháng 1, 2020", "2020-01-01");
        whole("vi", "5 thg 10, 2019", "2019-10-05");
    }

    #[test]
    fn date_id() {
        whole("id", "31 Desember 2019", "2019-12-31");
        whole("id", "17 Agustus 2019", "2019-08-17");
        whole("in", "17 Agu 2019", "2019-08-17");
    }

    #[test]
    fn date_ms() {
        whole("msa", "31 Disember 2019", "2019-12-31");
        whole("ms", "3 Mac 2020", "2020-03-03");
        whole("ms", "9 Ogos 2019", "2019-08-09");
    }

    #[test]
    fn date_fil() {
        whole("fil", "Disyembre 31, 2019", "2019-12-31");
        whole("fil", "31 Hulyo 2019", "2019-07-31");
    }

    #[test]
    fn date_sv() {
        whole("sv", "31 december 2019", "2019-12-31");
        whole("sv", "6 juni 2019", "2019-06-06");
        whole("sv", "1 maj 2019", "2019-05-01");
    }

    #[test]
    fn date_da() {
        whole("da", "31. december 2019", "2019-12-31");
        whole("da", "1. marts 2020", "2020-03-01");
    }

    #[test]
    fn date_nb() {
        whole("nb", "31. desember 2019", "2019-12-31");
        whole("no", "17. mai 2019", "2019-05-17");
    }

    #[test]
    fn date_fi() {
        whole("fi", "31. joulukuuta 2019", "2019-12-31");
        whole("fi", "1. tammik. 2020", "2020-01-01");
    }

    #[test]
    fn date_hu() {
        whole("hu", "2019. december 31.", "2019-12-31");
        whole("hu", "2020. márc. 1.", "2020-03-01");
    }

    #[test]
    fn date_ro() {
        whole("ro", "31 decembrie 2019", "2019-12-31");
        whole("ro", "1 ian. 2020", "2020-01-01");
    }

    #[test]
    fn date_lt() {
        whole("lt", "2019 m. gruodžio 31 d.", "2019-12-31");
        whole("lt", "31 gruodžio 2019", "2019-12-31");
    }

    #[test]
    fn negatives() {
        for s in [
            "Dec 32, 2019",
            "February 30, 2020",
            "February 29, 2019",
            "April 31, 2019",
            "13 Foo 2019",
            "2019",
            "2019年13月1日",
            "2019年2月30日",
            "",
            "   ",
            "é",
            "日",
            "ديسمبر",
            "\u{200f}",
            "Dec 31, 1989",
            "Dec 31, 2101",
            "Dec 31, 19",
            "Dec 31, 20190",
            "Dec 312019",
            "December",
            "31 December",
            "December 31",
            "Decembers 31, 2019",
            "31 de",
            "0 December 2019",
            "12:58 AM",
            "12:58 AM - ",
            "2019-12-31",
        ] {
            none(None, s);
            none(Some("en"), s);
        }
    }

    #[test]
    fn digit_families() {
        whole("en", "December ３１, ２０１９", "2019-12-31");
        whole("ar", "٣١ ديسمبر 2019", "2019-12-31");
        whole("fa", "۳۱ دسامبر 2019", "2019-12-31");
    }

    #[test]
    fn hints() {
        let code = |lang| locale_for(lang).map(|i| LOCALES[i].code);
        assert_eq!(code("pt-BR"), Some("pt"));
        assert_eq!(code("zh_TW"), Some("zh"));
        assert_eq!(code("no"), Some("nb"));
        assert_eq!(code("xx"), None);
        assert_eq!(code(""), None);
        // A wrong hint still parses.
        check(
            Some("ja"),
            "31 décembre 2019",
            "2019-12-31",
            "31 décembre 2019",
        );
        check(
            Some("xx-yy"),
            "December 31, 2019",
            "2019-12-31",
            "December 31, 2019",
        );
    }

    #[test]
    fn whole_string() {
        assert_eq!(
            parse("  December 31, 2019\n", Some("en")),
            Ok(Date {
                year: 2019,
                month: 12,
                day: 31
            })
        );
        let err = parse("December 31, 2019 trailing", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a date like `December 31, 2019`, but found \
             `December 31, 2019 trailing` (unexpected trailing input ` trailing`)"
        );
        let err = parse("Dec 32, 2019", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a date like `December 31, 2019`, but found `Dec 32, 2019`"
        );
        let err = parse(" ", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a date like `December 31, 2019`, but found an empty string"
        );
        let long = "x".repeat(1000);
        assert!(parse(&long, None).unwrap_err().to_string().len() < 150);
        let _: &dyn std::error::Error = &err;
    }

    #[test]
    fn tables_have_twelve_months() {
        assert!(LOCALES.len() >= 20);
        for loc in LOCALES {
            assert_eq!(loc.months.len(), 12, "{}", loc.code);
            let mut seen = std::collections::HashMap::new();
            for (m, forms) in loc.months.iter().enumerate() {
                assert!(!forms.is_empty(), "{} month {}", loc.code, m + 1);
                for form in forms.iter() {
                    assert_eq!(*form, form.to_lowercase(), "{} {form}", loc.code);
                    assert_eq!(*form, form.trim(), "{} {form:?}", loc.code);
                    assert!(!form.ends_with('.'), "{} {form}", loc.code);
                    let folded: String = form.chars().map(fold).collect();
                    let prev = seen.insert(folded, m);
                    assert!(prev.is_none(), "{} {form} listed twice", loc.code);
                    // Each form parses as its own month.
                    let s = format!("1 {form} 2020");
                    let got = parse_prefix(&s, Some(loc.code)).map(|(d, _)| d.month);
                    assert_eq!(got, Some(m as u8 + 1), "{} {s}", loc.code);
                }
            }
        }
        let mut codes: Vec<_> = LOCALES.iter().map(|l| l.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), LOCALES.len(), "duplicate locale code");
    }

    #[test]
    fn never_panics() {
        let pieces = [
            "31",
            "3",
            "2019",
            "٣١",
            "۲۰۱۹",
            "１２",
            "年",
            "月",
            "日",
            "년",
            "월",
            "일",
            "de",
            "d'",
            " ",
            "\u{a0}",
            "\u{200f}",
            ".",
            ",",
            "،",
            "г.",
            "р.",
            "Dec",
            "décembre",
            "декабря",
            "ديسمبر",
            "كانون الأول",
            "tháng 1",
            "at",
            "12:58",
            "AM",
            "·",
            "é",
            "😀",
            "\u{301}",
            "ς",
            "İ",
            "ı",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..4_000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut r = state;
            for _ in 0..(r % 9) {
                r /= 9;
                s.push_str(pieces[(r % pieces.len() as u64) as usize]);
                r /= pieces.len() as u64;
            }
            for (i, _) in s.char_indices() {
                let tail = &s[i..];
                if let Some((_, n)) = parse_prefix(tail, None) {
                    assert!(n <= tail.len() && tail.is_char_boundary(n), "{tail:?}");
                }
                let _ = parse(tail, Some("ar"));
            }
        }
    }
}
