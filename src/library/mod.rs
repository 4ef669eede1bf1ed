//! A library: every transcript in a folder, indexed on background threads, with people
//! matched across files, sorting, filtering and search. No egui here.
//!
//! A UI uses it in four steps:
//! 1. [`scan()`] the folder (fast: names only) and show [`Library::pending`] at once;
//! 2. [`index_files`] on background threads, calling [`Library::set`] with each
//!    `(index, entry)` from [`Jobs::take_ready`] (non-blocking) and showing
//!    [`Jobs::progress`];
//! 3. when [`Jobs::is_finished`] (or now and then while indexing), match people across
//!    files with [`Library::match_people`] (a background thread) and
//!    [`Library::install_people`];
//! 4. list [`Library::view`] (sorted, filtered) and answer queries with [`search()`];
//!    show a person's figures across files with [`person_stats`].
//!
//! The library keeps a compact [`Entry`] per file, not the transcript, so thousands of
//! files cost little memory; opening one reads it again with [`crate::load::open_file`].
//! [`db`] keeps the entries, the full text and every speech in a SQLite database per
//! folder: a folder seen before opens without parsing, the full text is searched through
//! FTS5, and a person's speeches are read from there ([`db::sync_library`] replaces steps
//! 1 and 2 for a UI that keeps the database).

pub mod db;
mod entry;
mod index;
mod jobs;
mod people;
mod person;
mod scan;
mod search;
mod versions;

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use entry::{Entry, EntryPerson, EntryState};
pub use index::{Indexer, index_all, index_files};
pub use jobs::{Jobs, OnProgress, Progress, default_threads, no_progress};
pub use people::{LibraryPerson, Occurrence, merge_people};
pub use person::{FIRST_WORDS_CHARS, PersonStats, person_stats};
pub use scan::{MAX_DEPTH, Scan, TRANSCRIPT_EXTENSIONS, is_transcript_name, scan};
pub use search::{LibraryResults, query_words, search};
pub use versions::other_versions;

use crate::model::ParticipantId;

/// What the library list is sorted by.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Title (folded), the file name for untitled files.
    Title,
    /// Date and time; files without a date last.
    #[default]
    Date,
    /// Place (folded); files without a place last.
    Place,
    /// Language code; unread files last.
    Language,
    /// Path.
    Path,
}

impl SortKey {
    /// Every key, in the order a UI lists columns.
    pub const ALL: [SortKey; 5] = [
        SortKey::Title,
        SortKey::Date,
        SortKey::Place,
        SortKey::Language,
        SortKey::Path,
    ];

    /// A short label for a column header.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Title => "Title",
            SortKey::Date => "Date",
            SortKey::Place => "Place",
            SortKey::Language => "Language",
            SortKey::Path => "File",
        }
    }
}

/// Every transcript of a folder and the people across them.
///
/// Entries are shared (`Arc`), so a snapshot for matching people on a background thread
/// ([`Library::match_people`]) costs a pointer copy per file.
#[derive(Clone, Debug, Default)]
pub struct Library {
    entries: Vec<Arc<Entry>>,
    people: People,
    /// Bumped on every change of the entries: tells a late [`People`] from a current one.
    generation: u64,
}

/// People matched across a library's entries (see [`merge_people`]), ready to install
/// with [`Library::install_people`].
#[derive(Clone, Debug, Default)]
pub struct People {
    /// The library generation the people were matched on.
    generation: u64,
    list: Vec<LibraryPerson>,
    /// (entry, participant) → index into `list`.
    index: HashMap<Occurrence, usize>,
}

impl People {
    /// Matches the people of `entries`, tagged with the library `generation` they are from.
    fn of(entries: &[Arc<Entry>], generation: u64) -> Self {
        let list = merge_people(entries);
        let index = list
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.occurrences.iter().map(move |&o| (o, i)))
            .collect();
        Self {
            generation,
            list,
            index,
        }
    }
}

/// People being matched on a background thread; its one result goes to
/// [`Library::install_people`].
pub type PeopleJob = Jobs<People>;

impl Library {
    /// A library of files not read yet: the list a UI shows while indexing starts.
    pub fn pending(paths: Vec<PathBuf>) -> Self {
        Self {
            entries: paths
                .into_iter()
                .map(|p| Arc::new(Entry::pending(p)))
                .collect(),
            people: People::default(),
            generation: 1,
        }
    }

    /// A library of indexed entries, with people matched across them.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let mut library = Self {
            entries: entries.into_iter().map(Arc::new).collect(),
            people: People::default(),
            generation: 1,
        };
        library.rebuild_people();
        library
    }

    /// A library of entries as they are (read back from the database), people not matched
    /// yet ([`Library::people_stale`] is true until [`Library::match_people`] runs).
    pub fn with_entries(entries: Vec<Entry>) -> Self {
        Self {
            entries: entries.into_iter().map(Arc::new).collect(),
            people: People::default(),
            generation: 1,
        }
    }

    /// Puts `entry` in the place of the entry with the same path and part, or adds it at the end;
    /// returns its index. Costs a pass over the entries: for batches of new files, not for
    /// every file of a large library at once.
    pub fn upsert(&mut self, entry: Entry) -> usize {
        let found = self
            .entries
            .iter()
            .position(|e| e.is_at(&entry.path, entry.part));
        self.generation += 1;
        match found.and_then(|i| self.entries.get_mut(i).map(|slot| (i, slot))) {
            Some((i, slot)) => {
                *slot = Arc::new(entry);
                i
            }
            None => {
                self.entries.push(Arc::new(entry));
                self.entries.len() - 1
            }
        }
    }

    /// Puts an indexed entry in place `index` (as given by [`index_files`]); returns
    /// whether the index was in range. People are matched again only on
    /// [`Library::rebuild_people`], which costs a pass over the whole library.
    pub fn set(&mut self, index: usize, entry: Entry) -> bool {
        match self.entries.get_mut(index) {
            Some(slot) => {
                *slot = Arc::new(entry);
                self.generation += 1;
                true
            }
            None => false,
        }
    }

    /// The files, in scan order (indexes are stable).
    pub fn entries(&self) -> &[Arc<Entry>] {
        &self.entries
    }

    /// One file.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index).map(|e| &**e)
    }

    /// People across files, as of the last [`Library::rebuild_people`].
    pub fn people(&self) -> &[LibraryPerson] {
        &self.people.list
    }

    /// One person.
    pub fn person(&self, index: usize) -> Option<&LibraryPerson> {
        self.people.list.get(index)
    }

    /// The library person a participant of a file belongs to.
    pub fn person_of(&self, entry: usize, participant: ParticipantId) -> Option<usize> {
        self.people
            .index
            .get(&Occurrence { entry, participant })
            .copied()
    }

    /// Whether entries changed since people were last matched.
    pub fn people_stale(&self) -> bool {
        self.people.generation != self.generation
    }

    /// Matches people across all ready entries again, on this thread (see
    /// [`merge_people`]). It costs a pass over the whole library (tens of milliseconds
    /// for thousands of files): a UI uses [`Library::match_people`] instead.
    pub fn rebuild_people(&mut self) {
        self.people = People::of(&self.entries, self.generation);
    }

    /// Starts matching people on a background thread, on a snapshot of the entries as
    /// they are now; `on_done` runs when the result is ready to take from the job and give
    /// to [`Library::install_people`].
    pub fn match_people(&self, on_done: OnProgress) -> PeopleJob {
        let entries = self.entries.clone();
        let generation = self.generation;
        Jobs::start(
            1,
            1,
            move |_| Some(People::of(&entries, generation)),
            on_done,
        )
    }

    /// Installs people matched by [`Library::match_people`]. People matched on an older
    /// state of the entries are installed too (better than none while indexing goes on;
    /// [`Library::people_stale`] stays true), but never over newer ones. Returns whether
    /// they were installed.
    pub fn install_people(&mut self, people: People) -> bool {
        let current = self.people.generation;
        if people.generation < current || people.generation > self.generation {
            return false;
        }
        self.people = people;
        true
    }

    /// How many files are (ready, failed, pending).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.entries
            .iter()
            .fold((0, 0, 0), |(r, f, p), e| match e.state {
                EntryState::Ready => (r + 1, f, p),
                EntryState::Failed(_) => (r, f + 1, p),
                EntryState::Pending => (r, f, p + 1),
            })
    }

    /// The indexes of the entries whose title, place or path holds every word of
    /// `filter` (case and accents aside; an empty filter keeps all), sorted by `key`
    /// (ties by path, so the order is total and stable), reversed when `descending`.
    /// Entries without the key's value stay last in both directions.
    pub fn view(&self, key: SortKey, descending: bool, filter: &str) -> Vec<usize> {
        let words = query_words(filter);
        let mut out: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                let k = e.keys();
                words.iter().all(|w| {
                    k.title.contains(w.as_str())
                        || k.place.contains(w.as_str())
                        || k.path.contains(w.as_str())
                })
            })
            .map(|(i, _)| i)
            .collect();
        out.sort_by(|&a, &b| match (self.entries.get(a), self.entries.get(b)) {
            (Some(x), Some(y)) => compare(x, y, key, descending),
            _ => a.cmp(&b),
        });
        out
    }
}

/// Orders two entries by `key`, missing values last, ties by path.
fn compare(a: &Entry, b: &Entry, key: SortKey, descending: bool) -> Ordering {
    let (ka, kb) = (a.keys(), b.keys());
    let present = |x: &str, y: &str| match (x.is_empty(), y.is_empty()) {
        (false, true) => Some(Ordering::Less),
        (true, false) => Some(Ordering::Greater),
        _ => None,
    };
    let by = |x: &str, y: &str| {
        present(x, y).unwrap_or_else(|| {
            let o = x.cmp(y);
            if descending { o.reverse() } else { o }
        })
    };
    let primary = match key {
        SortKey::Title => by(&ka.title, &kb.title),
        SortKey::Date => {
            let da = a.date.as_deref().unwrap_or("");
            let db = b.date.as_deref().unwrap_or("");
            present(da, db).unwrap_or_else(|| {
                let o = (da, a.time.as_deref()).cmp(&(db, b.time.as_deref()));
                if descending { o.reverse() } else { o }
            })
        }
        SortKey::Place => by(&ka.place, &kb.place),
        SortKey::Language => by(&a.language, &b.language),
        SortKey::Path => by(&ka.path, &kb.path),
    };
    primary
        .then_with(|| a.path.cmp(&b.path))
        .then_with(|| a.part.cmp(&b.part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(path: &str, title: &str, date: Option<&str>, place: Option<&str>) -> Entry {
        let t = crate::Transcript {
            title: title.to_owned(),
            date: date.map(str::to_owned),
            place: place.map(str::to_owned),
            language: "en".to_owned(),
            ..crate::Transcript::default()
        };
        Entry::from_transcript(PathBuf::from(path), 0, &t)
    }

    fn sample() -> Library {
        Library::from_entries(vec![
            ready(
                "b/2.txt",
                "Summit in Tallinn",
                Some("2024-03-02"),
                Some("Tallinn"),
            ),
            ready("a/1.txt", "Élysée talks", None, Some("Paris")),
            ready("c/3.txt", "Baltic council", Some("2023-06-04"), None),
        ])
    }

    #[test]
    fn views_sort_with_missing_values_last() {
        let lib = sample();
        assert_eq!(lib.view(SortKey::Date, false, ""), vec![2, 0, 1]);
        assert_eq!(lib.view(SortKey::Date, true, ""), vec![0, 2, 1]);
        assert_eq!(lib.view(SortKey::Title, false, ""), vec![2, 1, 0]);
        assert_eq!(lib.view(SortKey::Place, false, ""), vec![1, 0, 2]);
        assert_eq!(lib.view(SortKey::Path, false, ""), vec![1, 0, 2]);
    }

    #[test]
    fn filter_ignores_case_and_accents() {
        let lib = sample();
        assert_eq!(lib.view(SortKey::Path, false, "ELYSEE"), vec![1]);
        assert_eq!(lib.view(SortKey::Path, false, "tallinn summit"), vec![0]);
        assert_eq!(lib.view(SortKey::Path, false, "c/3"), vec![2]);
        assert!(lib.view(SortKey::Path, false, "nowhere").is_empty());
    }

    #[test]
    fn people_matched_in_the_background_are_installed_unless_older() {
        let mut lib = Library::pending(vec![PathBuf::from("x.txt"), PathBuf::from("y.txt")]);
        let t = crate::parse_text("Talks\n\nMinister Anna Orlova: Hello.\n");
        lib.set(0, Entry::from_transcript(PathBuf::from("x.txt"), 0, &t));
        let early = lib.match_people(no_progress()).wait();
        lib.set(1, Entry::from_transcript(PathBuf::from("y.txt"), 0, &t));
        let late = lib.match_people(no_progress()).wait();
        let (Some((_, early)), Some((_, late))) =
            (early.into_iter().next(), late.into_iter().next())
        else {
            panic!("no people matched");
        };
        assert!(lib.install_people(late));
        assert!(!lib.people_stale());
        assert_eq!(lib.people().first().map(|p| p.files()), Some(2));
        assert!(
            !lib.install_people(early),
            "older people replaced newer ones"
        );
        assert_eq!(lib.person_of(1, crate::model::ParticipantId(0)), Some(0));
    }

    #[test]
    fn pending_entries_count_until_set() {
        let mut lib = Library::pending(vec![PathBuf::from("x.txt"), PathBuf::from("y.txt")]);
        assert_eq!(lib.counts(), (0, 0, 2));
        assert!(lib.set(1, ready("y.txt", "Y", None, None)));
        assert!(!lib.set(5, ready("z.txt", "Z", None, None)));
        assert_eq!(lib.counts(), (1, 0, 1));
        assert!(lib.people_stale());
    }
}
