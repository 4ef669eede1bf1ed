//! Searching the library's list: titles, places, dates and people at once from the
//! entries (one pass over folded keys, no file read). The full text is searched through
//! the library's database ([`super::db::search_library`]).

use super::Library;
use crate::text::fold;

/// What a library search found in the index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryResults {
    /// The query's words, folded.
    pub words: Vec<String>,
    /// Entries whose title, place, date, language or path holds every word, in library order.
    pub entries: Vec<usize>,
    /// People whose name, role or aliases hold every word, in the library's people order.
    pub people: Vec<usize>,
}

/// The words of a query, folded (case and accents aside).
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

/// Whether `haystack` (folded) holds every word of `words`.
pub(crate) fn holds_all(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// Searches titles, places, dates, languages, paths and people for every word of `query`
/// (case- and accent-insensitive substrings: "velski 2024" finds a 2024 file and the
/// person spelled "Velsky" in another file only if the words are in both). An empty
/// query finds nothing.
pub fn search(library: &Library, query: &str) -> LibraryResults {
    let words = query_words(query);
    if words.is_empty() {
        return LibraryResults::default();
    }
    let entries = library
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| holds_all(&e.keys().all, &words))
        .map(|(i, _)| i)
        .collect();
    let people = library
        .people()
        .iter()
        .enumerate()
        .filter(|(_, p)| holds_all(&p.folded, &words))
        .map(|(i, _)| i)
        .collect();
    LibraryResults {
        words,
        entries,
        people,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_words_are_folded() {
        assert_eq!(query_words("  Velskí  Orlavia "), vec!["velski", "orlavia"]);
        assert!(query_words("   ").is_empty());
    }

    #[test]
    fn every_word_must_be_there() {
        let words = query_words("summit 2024");
        assert!(holds_all("northern summit\ntallinn\n2024-03-01", &words));
        assert!(!holds_all("northern summit\ntallinn\n2023-03-01", &words));
    }
}
