//! The page's own language and date, from its elements in document order: the same answer
//! whether the elements come from the element tree or straight from the token stream.
//!
//! ```text
//! <html lang="EN">…<meta property="article:published_time" content="2019-12-31T10:00:00Z">
//! → lang "en", date 2019-12-31
//! ```

use crate::post::status_link;

/// Meta tag names (`property`, `name` or `itemprop`) that hold the publication time.
const KEYS: [&str; 5] = [
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "dc.date",
];

/// What the elements seen so far say: each the first element of its kind, with the value it
/// holds (or none).
#[derive(Debug, Default)]
pub struct PageMeta {
    /// The first `<html>`'s `lang`.
    lang: Option<Option<String>>,
    /// The first publication-time `<meta>`'s `content`.
    meta: Option<Option<String>>,
    /// The first `<time>` marked as the publication date: its `datetime`.
    time: Option<Option<String>>,
}

impl PageMeta {
    /// Whether [`PageMeta::see`] of an element named `name` (lowercased) may change what is
    /// kept: not once the first element of its kind was taken, nor for other names.
    pub fn wants(&self, name: &str) -> bool {
        match name {
            "html" => self.lang.is_none(),
            "meta" => self.meta.is_none(),
            "time" => self.time.is_none(),
            _ => false,
        }
    }

    /// Sees an element named `name` (lowercased) whose first attribute of a (lowercased) name
    /// `attr` gives, decoded.
    pub fn see<'v>(&mut self, name: &str, attr: &dyn Fn(&str) -> Option<&'v str>) {
        match name {
            "html" if self.lang.is_none() => {
                self.lang = Some(attr("lang").map(str::to_string));
            }
            "meta" if self.meta.is_none() => {
                let dated = ["property", "name", "itemprop"]
                    .iter()
                    .filter_map(|a| attr(a))
                    .any(|v| KEYS.iter().any(|k| v.eq_ignore_ascii_case(k)));
                if dated {
                    self.meta = Some(attr("content").map(str::to_string));
                }
            }
            "time" if self.time.is_none() => {
                let published = attr("pubdate").is_some()
                    || attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datepublished"));
                if published {
                    self.time = Some(attr("datetime").map(str::to_string));
                }
            }
            _ => {}
        }
    }

    /// The page's language: `<html lang>`, lowercased, as a hint for printed dates.
    pub fn lang(&self) -> Option<String> {
        self.lang
            .as_ref()?
            .as_ref()
            .map(|l| l.to_ascii_lowercase())
            .filter(|l| !l.is_empty())
    }

    /// The page's own date: `article:published_time` and similar meta tags, else a `<time
    /// datetime>` marked as the publication date (`pubdate`, `itemprop="datePublished"`).
    pub fn date(&self) -> Option<String> {
        let stamp = self
            .meta
            .as_ref()
            .and_then(Option::as_deref)
            .or_else(|| self.time.as_ref().and_then(Option::as_deref))?;
        status_link::iso_date(stamp).map(|d| d.to_string())
    }
}
