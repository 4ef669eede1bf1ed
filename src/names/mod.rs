//! Names across scripts and languages: whether "В.Путин", "Vladimir Putin" and "Vladimir
//! Poutine" name one person. Each word is reduced to a sound key ([`word_key`]); a name to
//! the keys of its given name and surname ([`NameKey`]), patronymics, titles and word order
//! aside. Used to pair the speakers of two language versions of one event and to match
//! people across a library's files.

mod key;

pub use key::word_key;

/// Titles and forms of address that are not part of a name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "m",
    "mme",
    "mlle",
    "herr",
    "frau",
    "г-н",
    "г-жа",
    "господин",
    "госпожа",
    "sir",
    "madame",
    "monsieur",
];

/// Endings of the sound key of a patronymic ("Vladimirovich", "Владимировна").
const PATRONYMIC_ENDINGS: &[&str] = &["oviS", "eviS", "ovna", "evna", "iSna"];

/// A name reduced for matching across scripts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameKey {
    /// The given name's key; `None` when only a surname is written.
    pub given: Option<String>,
    /// Whether the given name is only an initial ("В.", "Yu.").
    pub initial: bool,
    /// The surname's key.
    pub surname: String,
}

/// One word of a written name and whether a full stop closed it.
struct Word<'a> {
    text: &'a str,
    initial: bool,
}

impl NameKey {
    /// The key of a written name; `None` when it holds no word with a letter.
    pub fn of(name: &str) -> Option<Self> {
        let words = name_words(name);
        let keys: Vec<(String, bool)> = words
            .iter()
            .map(|w| (word_key(w.text), w.initial))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        let is_patronymic = |k: &str| PATRONYMIC_ENDINGS.iter().any(|e| k.ends_with(e));
        let (given, surname) = match keys.as_slice() {
            [] => return None,
            [only] => (None, only.clone()),
            // "Путин Владимир Владимирович": surname first in official lists.
            [surname, given, last] if is_patronymic(&last.0) && !surname.1 => {
                (Some(given.clone()), surname.clone())
            }
            [first, .., last] => (Some(first.clone()), last.clone()),
        };
        let initial = given.as_ref().is_some_and(|g| g.1);
        Some(Self {
            given: given.map(|g| g.0),
            initial,
            surname: surname.0,
        })
    }

    /// Whether two names can be one person's: the surnames sound alike, and the given
    /// names too where both are written (an initial only has to start the other).
    pub fn matches(&self, other: &Self) -> bool {
        close(&self.surname, &other.surname, 6)
            && match (&self.given, &other.given) {
                (Some(a), Some(b)) if self.initial || other.initial => {
                    initial_of(a).get(..1) == initial_of(b).get(..1)
                }
                (Some(a), Some(b)) => close(a, b, 5),
                _ => true,
            }
    }
}

/// Whether two written names can be one person's (see [`NameKey::matches`]).
pub fn same_person(a: &str, b: &str) -> bool {
    match (NameKey::of(a), NameKey::of(b)) {
        (Some(a), Some(b)) => a.matches(&b),
        _ => false,
    }
}

/// The words of a name, titles left out; "В.Путин" gives "В." and "Путин".
fn name_words(name: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    for part in name.split_whitespace() {
        let mut rest = part;
        while !rest.is_empty() {
            let (text, initial, after) = match rest.find('.') {
                Some(dot) => (&rest[..dot], true, &rest[dot + 1..]),
                None => (rest, false, ""),
            };
            let text = text.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if !text.is_empty() && !TITLES.contains(&crate::text::fold(text).as_str()) {
                words.push(Word { text, initial });
            }
            rest = after;
        }
    }
    words
}

/// The key an initial is compared by: a glide before "e" left out, as [`word_key`] does at
/// the start of a full name ("Ye." and "Е." alike).
fn initial_of(key: &str) -> &str {
    key.strip_prefix('i')
        .filter(|rest| rest.starts_with('e'))
        .unwrap_or(key)
}

/// Whether two keys are equal, or one letter apart when both have at least `min` letters
/// and the difference is not a feminine "-a" ("Ivanov" and "Ivanova" are two people).
fn close(a: &str, b: &str, min: usize) -> bool {
    if a == b {
        return true;
    }
    let gendered = a.strip_suffix('a') == Some(b) || b.strip_suffix('a') == Some(a);
    a.len().min(b.len()) >= min && !gendered && strsim::levenshtein(a, b) <= 1
}

#[cfg(test)]
mod tests;
