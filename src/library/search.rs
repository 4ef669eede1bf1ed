//! Searching the library: titles, places, dates and people at once from the index (one
//! pass over folded keys, no file read), and the full text of every speech, caption and
//! list on background threads, file by file ([`search_files`]).

use std::path::PathBuf;
use std::sync::Arc;

use super::Library;
use super::jobs::{Jobs, OnProgress};
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

/// The full-text hits in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileHits {
    /// Index into the library's entries.
    pub entry: usize,
    /// How many matches the file holds.
    pub total: usize,
    /// The first hits (at most the cap given to [`search_files`]), in document order; their
    /// places refer to the transcript as [`crate::load::open_file`] gives it.
    pub hits: Vec<crate::search::Hit>,
    /// Per listed hit, where it is: the speaker's name, "Caption 7", "Narrative" and so on
    /// ([`crate::search::place_label`]).
    pub places: Vec<String>,
}

/// A full-text search in progress; results are `(job number, hits)` for files with at
/// least one match ([`FileHits::entry`] says which entry).
pub type FileSearch = Jobs<FileHits>;

/// Searches the full text of every ready entry for `query`, with the same matching as
/// the search inside one document ([`crate::search::search`]), re-reading the files on
/// `threads` background workers (the library keeps no texts). At most
/// `max_hits_per_file` hits are listed per file (all are counted). Files that fail now
/// are skipped: the library already shows their errors.
pub fn search_files(
    library: &Library,
    query: &str,
    max_hits_per_file: usize,
    threads: usize,
    on_progress: OnProgress,
) -> FileSearch {
    let targets: Arc<Vec<(usize, PathBuf)>> = Arc::new(
        library
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_ready())
            .map(|(i, e)| (i, e.path.clone()))
            .collect(),
    );
    let query = query.to_owned();
    let total = if crate::search::fold_query(&query).is_empty() {
        0
    } else {
        targets.len()
    };
    Jobs::start(
        total,
        threads,
        move |job| {
            let (entry, path) = targets.get(job)?;
            let loaded = crate::load::open_file(path).ok()?;
            let mut results = crate::search::search(&loaded.transcript, &query);
            if results.total == 0 {
                return None;
            }
            results.hits.truncate(max_hits_per_file);
            let t = &loaded.transcript;
            let places = results
                .hits
                .iter()
                .map(|h| crate::search::place_label(t, h.place))
                .collect();
            Some(FileHits {
                entry: *entry,
                total: results.total,
                hits: results.hits,
                places,
            })
        },
        on_progress,
    )
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
