//! The gender a cue gives its speaker, and the gender of a person's name: a pronoun (`she
//! said`, `написала вона`) or a verb that agrees with its subject (`napisała`, `написав`)
//! rules out the people of the other gender when the speaker is resolved.
//!
//! ```text
//! … Davidson told her that she was going to become “obsessed” with him …
//! “So Pete and I have been dating for a few months,” she said.   → not Pete Davidson
//! ```
//!
//! A name's gender is its title's (`Mrs`, `Herr`), else its first given name's, else its
//! surname's ending where surnames agree (`Захарова`, `Kowalski`); the tables are in
//! [`super::lexicon::genders`]. Names they do not know, and names used for both, have none.

use super::lexicon::genders::{
    FEMININE_GIVEN_NAMES, FEMININE_PRONOUNS, FEMININE_SURNAME_ENDINGS, FEMININE_TITLES,
    GENDERED_VERB_LANGUAGES, MASCULINE_GIVEN_NAMES, MASCULINE_PRONOUNS, MASCULINE_SURNAME_ENDINGS,
    MASCULINE_TITLES,
};
use super::lexicon::CUE_INDEX;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// The given names of each gender, as sets (each list has hundreds).
static FEMININE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FEMININE_GIVEN_NAMES.iter().copied().collect());
static MASCULINE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| MASCULINE_GIVEN_NAMES.iter().copied().collect());

/// A speaker's grammatical gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `she`, `napisała`, `Mrs`, `Anna`.
    Female,
    /// `he`, `napisał`, `Mr`, `John`.
    Male,
}

/// The gender a lowercase pronoun gives its referent, if it gives one.
pub fn of_pronoun(low: &str) -> Option<Gender> {
    either(|l| l.contains(&low), FEMININE_PRONOUNS, MASCULINE_PRONOUNS)
}

/// Female when `test` holds for `feminine`, else male when it holds for `masculine`.
fn either<T: ?Sized>(test: impl Fn(&T) -> bool, feminine: &T, masculine: &T) -> Option<Gender> {
    if test(feminine) {
        Some(Gender::Female)
    } else if test(masculine) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender of a lowercase given name the lexicon knows (`мария`, `john`), if it knows it.
pub fn of_given(low: &str) -> Option<Gender> {
    either(|set| set.contains(low), &*FEMININE, &*MASCULINE)
}

/// The gender a printed cue gives its subject: a past-tense speech verb of a language where it
/// agrees (`napisała`, `- napisao je`, `написала`), if the cue holds one.
pub fn of_cue(cue: &str) -> Option<Gender> {
    cue.split_whitespace().find_map(|w| {
        let low = w.to_lowercase();
        let gendered = CUE_INDEX
            .get(low.as_str())?
            .iter()
            .any(|e| e.words.len() == 1 && GENDERED_VERB_LANGUAGES.contains(&e.lang));
        if !gendered {
            return None;
        }
        if ["ла", "la", "ła"].iter().any(|e| low.ends_with(e)) {
            Some(Gender::Female)
        } else if ["л", "в", "l", "ł", "ao", "eo", "io"]
            .iter()
            .any(|e| low.ends_with(e))
        {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// The gender a lowercase definite article gives the noun after it (`el portavoz`, `la
/// ministra`, `o ex-juiz`), in the languages whose articles show it unambiguously.
pub fn of_article(low: &str) -> Option<Gender> {
    match low {
        "el" | "le" | "il" | "lo" | "o" | "der" => Some(Gender::Male),
        "la" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a lowercase title gives (`mrs`, `herr`), if it gives one.
pub fn of_title(low: &str) -> Option<Gender> {
    either(|l| l.contains(&low), FEMININE_TITLES, MASCULINE_TITLES)
}

/// The gender of a person's name: its title's, else its first known given name's (`Держдепу
/// США Джон Керрі`: the name index may hold words before the name), else (for a name of five
/// letters or more at its end) its surname's ending.
pub fn of_name(name: &str) -> Option<Gender> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let given = words.iter().find_map(|low| {
        let low = low.as_str();
        of_given(low).or_else(|| of_title(low))
    });
    given.or_else(|| {
        let surname = words.last()?;
        let ends = |endings: &[&str]| endings.iter().any(|e| surname.ends_with(e));
        (surname.chars().count() >= 5)
            .then(|| either(ends, FEMININE_SURNAME_ENDINGS, MASCULINE_SURNAME_ENDINGS))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_agreeing_verbs() {
        // fixtures/realworld/docs/258.txt, 296.txt; realworld-next5/docs/413.txt.
        assert_eq!(of_pronoun("she"), Some(Gender::Female));
        assert_eq!(of_pronoun("вона"), Some(Gender::Female));
        assert_eq!(of_pronoun("they"), None);
        assert_eq!(of_cue("написала"), Some(Gender::Female));
        assert_eq!(of_cue("- napisao je"), Some(Gender::Male));
        assert_eq!(of_cue("- napisala je"), Some(Gender::Female));
        // Not a gendered language's verb: Spanish `señala` ends like one.
        assert_eq!(of_cue("señala"), None);
        assert_eq!(of_cue("said"), None);
    }

    #[test]
    fn names_by_title_and_given_name() {
        // fixtures/realworld/docs/258.txt, 296.txt, 084.txt: `Kim` is used for both.
        assert_eq!(of_name("Kim Kardashian"), None);
        assert_eq!(of_name("Theresa May"), Some(Gender::Female));
        assert_eq!(of_name("Pete Davidson"), Some(Gender::Male));
        assert_eq!(of_name("Джон Керрі"), Some(Gender::Male));
        assert_eq!(of_name("Марія Захарова"), Some(Gender::Female));
        // fixtures/realworld-next/docs/373.txt: a surname that agrees.
        assert_eq!(of_name("Tusk"), None);
        assert_eq!(of_name("Kowalski"), Some(Gender::Male));
        assert_eq!(of_name("Mrs. May"), Some(Gender::Female));
        assert_eq!(of_name("Davidson"), None);
    }
}
