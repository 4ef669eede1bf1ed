//! One file of the library: what the library panel shows about it and what people
//! matching needs, without the transcript itself (a library holds thousands).

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::model::{ParticipantId, Transcript};
use crate::stage::count_spoken_words;
use crate::text::fold;

/// Where a file stands in indexing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum EntryState {
    /// Found by the scan, not read yet.
    #[default]
    Pending,
    /// Read and parsed.
    Ready,
    /// Could not be read or parsed; the error names the file and the reason.
    Failed(Error),
}

/// A file of the library: metadata, counts and a compact record per participant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The file.
    pub path: PathBuf,
    /// Which sitting of a TEI corpus file this entry is, from 1; 0 for a whole file.
    pub part: usize,
    /// Pending, ready or failed.
    pub state: EntryState,
    /// Size of the file in bytes (0 when unknown).
    pub bytes: u64,
    /// Event title (empty when unknown; see [`Entry::display_title`]).
    pub title: String,
    /// ISO date "YYYY-MM-DD".
    pub date: Option<String>,
    /// "HH:MM".
    pub time: Option<String>,
    /// Where the event took place.
    pub place: Option<String>,
    /// ISO 639-1 code ("fr", "en", "ru"), "und" when undetermined, empty when not read.
    pub language: String,
    /// Number of speeches.
    pub speeches: usize,
    /// Number of photos.
    pub photos: usize,
    /// Words spoken in all speeches.
    pub words: usize,
    /// One record per participant, in the transcript's order (index = participant id).
    pub people: Vec<EntryPerson>,
    /// Folded title, place, date, language and path, for filtering and sorting.
    keys: Keys,
}

/// Folded forms computed once per entry, so that filtering and sorting thousands of
/// entries costs no folding per keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Keys {
    pub title: String,
    pub place: String,
    pub path: String,
    /// Title, place, date, language and path on separate lines (a query with no line
    /// break cannot match across two of them).
    pub all: String,
}

/// What the library keeps about one participant of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryPerson {
    /// The participant's id in that file's transcript.
    pub id: ParticipantId,
    /// Display name; `None` when the file only gives a role.
    pub name: Option<String>,
    /// Role or title.
    pub role: Option<String>,
    /// Every spelling and label under which the person appears in the file.
    pub aliases: Vec<String>,
    /// A generic speaker ("Question"), never merged with a named person.
    pub generic: bool,
    /// Speeches given in the file.
    pub speeches: usize,
    /// Words spoken in the file.
    pub words: usize,
    /// Photos of the file that picture them.
    pub photos: usize,
}

impl EntryPerson {
    /// The name, or the role when there is no name, or "?".
    pub fn display_name(&self) -> &str {
        self.name.as_deref().or(self.role.as_deref()).unwrap_or("?")
    }
}

impl Entry {
    /// A file not read yet.
    pub fn pending(path: PathBuf) -> Self {
        let mut entry = Self {
            path,
            ..Self::default()
        };
        entry.keys = Keys::of(&entry);
        entry
    }

    /// A file that could not be opened.
    pub fn failed(path: PathBuf, error: Error) -> Self {
        let mut entry = Self {
            path,
            state: EntryState::Failed(error),
            ..Self::default()
        };
        entry.keys = Keys::of(&entry);
        entry
    }

    /// The entry for a parsed transcript; `bytes` is the file's size.
    pub fn from_transcript(path: PathBuf, bytes: u64, t: &Transcript) -> Self {
        let words: Vec<usize> = t
            .speeches
            .iter()
            .map(|s| s.paragraphs.iter().map(|p| count_spoken_words(p)).sum())
            .collect();
        Self::from_counted(path, bytes, t, &words)
    }

    /// [`Entry::from_transcript`], with each speech's spoken words already counted (by
    /// position in `t.speeches`), as the Q&A analysis counts them.
    pub fn from_counted(path: PathBuf, bytes: u64, t: &Transcript, speech_words: &[usize]) -> Self {
        let mut people: Vec<EntryPerson> = t
            .participants
            .iter()
            .map(|p| EntryPerson {
                id: p.id,
                name: p.name.clone(),
                role: p.role.clone(),
                aliases: p.aliases.clone(),
                generic: p.generic,
                speeches: 0,
                words: 0,
                photos: p.appearances.photos.len(),
            })
            .collect();
        let mut words = 0;
        for (i, speech) in t.speeches.iter().enumerate() {
            let spoken = speech_words.get(i).copied().unwrap_or_else(|| {
                speech
                    .paragraphs
                    .iter()
                    .map(|p| count_spoken_words(p))
                    .sum()
            });
            words += spoken;
            if let Some(person) = people.get_mut(speech.speaker.index()) {
                person.speeches += 1;
                person.words += spoken;
            }
        }
        let mut entry = Self {
            path,
            part: 0,
            state: EntryState::Ready,
            bytes,
            title: t.title.clone(),
            date: t.date.clone(),
            time: t.time.clone(),
            place: t.place.clone(),
            language: t.language.clone(),
            speeches: t.speeches.len(),
            photos: t.photos.len(),
            words,
            people,
            keys: Keys::default(),
        };
        entry.keys = Keys::of(&entry);
        entry
    }

    /// Reads and parses the file at `path` (on the calling thread) and keeps its summary.
    /// A file that cannot be opened gives a failed entry, never a panic.
    pub fn read(path: PathBuf) -> Self {
        match crate::load::open_file(&path) {
            Ok(loaded) => {
                let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
                Self::from_transcript(path, bytes, &loaded.transcript)
            }
            Err(error) => Self::failed(path, error),
        }
    }

    /// The same entry as sitting `part` (from 1) of its file.
    pub fn in_part(mut self, part: usize) -> Self {
        self.part = part;
        self
    }

    /// Whether this entry is the file at `path`, sitting `part` (0: the whole file).
    pub fn is_at(&self, path: &std::path::Path, part: usize) -> bool {
        self.part == part && self.path == path
    }

    /// Works out the folded keys again after the fields were set one by one (an entry
    /// read back from the database).
    pub(crate) fn rekey(&mut self) {
        self.keys = Keys::of(self);
    }

    /// The error, for a file that failed.
    pub fn error(&self) -> Option<&Error> {
        match &self.state {
            EntryState::Failed(error) => Some(error),
            _ => None,
        }
    }

    /// Whether the file was read and parsed.
    pub fn is_ready(&self) -> bool {
        self.state == EntryState::Ready
    }

    /// Number of participants (people and generic speakers).
    pub fn participants(&self) -> usize {
        self.people.len()
    }

    /// The title, or the file name when the file has no title (or was not read), with the
    /// sitting's number for a sitting of a corpus.
    pub fn display_title(&self) -> String {
        if self.title.trim().is_empty() {
            match self.part {
                0 => file_name(&self.path),
                n => format!("{}, sitting {n}", file_name(&self.path)),
            }
        } else {
            self.title.clone()
        }
    }

    /// The folded keys.
    pub(crate) fn keys(&self) -> &Keys {
        &self.keys
    }
}

impl Keys {
    fn of(entry: &Entry) -> Self {
        let title = fold(&entry.display_title());
        let place = entry.place.as_deref().map(fold).unwrap_or_default();
        let path = fold(&entry.path.to_string_lossy());
        let date = entry.date.as_deref().unwrap_or("");
        let all = format!(
            "{}\n{place}\n{date}\n{}\n{path}",
            title.replace('\n', " "),
            entry.language
        );
        Self {
            title,
            place,
            path,
            all,
        }
    }
}

/// The last component of a path, or the whole path when it has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The error given to a file whose parse failed inside the library (a bug, not the file).
pub(crate) fn internal_error(path: &Path) -> Error {
    Error::new(
        path.display().to_string(),
        ErrorKind::NotATranscript("Stenogram failed while reading this file".to_owned()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_speeches_and_words_per_participant() {
        let t = crate::parse_text(
            "A meeting in Varengrad\n\nPresident of Orlavia Andrei Velsky: We met today.\n\
             Thank you all.\n\nDaria Malinova: Thank you, Mr. Velsky.\n\nVelsky: Good.\n",
        );
        let entry = Entry::from_transcript(PathBuf::from("m.txt"), 10, &t);
        assert!(entry.is_ready());
        let velsky = entry
            .people
            .iter()
            .find(|p| p.name.as_deref() == Some("Andrei Velsky"));
        assert_eq!(velsky.map(|p| (p.speeches, p.words)), Some((2, 7)));
        assert_eq!(entry.speeches, 3);
        assert_eq!(entry.words, 11);
    }

    #[test]
    fn an_untitled_or_failed_entry_shows_its_file_name() {
        let error = Error::new("dir/broken.txt", ErrorKind::Empty);
        let entry = Entry::failed(PathBuf::from("dir/broken.txt"), error);
        assert_eq!(entry.display_title(), "broken.txt");
        assert_eq!(
            entry.error().map(ToString::to_string).as_deref(),
            Some("dir/broken.txt: the file is empty")
        );
    }
}
