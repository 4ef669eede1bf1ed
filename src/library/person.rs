//! One person across the library: their statistics from the index ([`person_stats`], no
//! file read) and every speech they gave in every file, gathered on background threads
//! ([`person_speeches`]), since the library keeps no texts.
//!
//! Which participant of a file is the person comes from the people matching
//! ([`super::LibraryPerson::occurrences`]); a file is read again with
//! [`crate::load::open_file`], whose parse gives the same participant ids as at indexing.
//! Should the file have changed since, the participant is looked up again by name.

use std::path::PathBuf;
use std::sync::Arc;

use super::Library;
use super::jobs::{Jobs, OnProgress};
use crate::model::{ParticipantId, SpeechId, Transcript};
use crate::stage::count_spoken_words;

/// Characters of a speech's beginning kept for a list of speeches.
pub const FIRST_WORDS_CHARS: usize = 110;

/// A person's figures across the library, from the index alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonStats {
    /// Files the person appears in.
    pub files: usize,
    /// Speeches across files.
    pub speeches: usize,
    /// Words spoken across files.
    pub words: usize,
    /// Photos picturing them across files.
    pub photos: usize,
    /// The earliest date of their files ("YYYY-MM-DD"), when any file is dated.
    pub first_date: Option<String>,
    /// The latest date of their files.
    pub last_date: Option<String>,
}

/// The statistics of library person `person` (an index into [`Library::people`]).
pub fn person_stats(library: &Library, person: usize) -> Option<PersonStats> {
    let p = library.person(person)?;
    let dates = p
        .occurrences
        .iter()
        .filter_map(|o| library.entry(o.entry)?.date.clone());
    let (first_date, last_date) = dates.fold((None, None), |(lo, hi), d| {
        let lo = match lo {
            Some(lo) if lo <= d => Some(lo),
            _ => Some(d.clone()),
        };
        let hi = match hi {
            Some(hi) if hi >= d => Some(hi),
            _ => Some(d),
        };
        (lo, hi)
    });
    Some(PersonStats {
        files: p.files(),
        speeches: p.speeches,
        words: p.words,
        photos: p.photos,
        first_date,
        last_date,
    })
}

/// One speech, as a list of speeches shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechBrief {
    /// The speech in its file's transcript.
    pub speech: SpeechId,
    /// Its first words, spaces squashed, "…" when cut.
    pub first_words: String,
    /// Its words, counted as [`count_spoken_words`] counts them (stage directions left out).
    pub words: usize,
}

/// A person's speeches in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFile {
    /// Index into the library's entries.
    pub entry: usize,
    /// Who the person is in that file's transcript (the participant to select there).
    pub participant: ParticipantId,
    /// Their first speeches in the file (at most the cap given to [`person_speeches`]), in
    /// document order.
    pub speeches: Vec<SpeechBrief>,
    /// How many speeches they gave in the file (all counted, listed or not).
    pub total: usize,
    /// Questions they asked in the file ([`crate::qa`]).
    pub questions_asked: usize,
    /// Questions they answered in the file.
    pub questions_answered: usize,
}

/// Speeches being gathered; results are `(job number, file)` for the files where the
/// person speaks or appears ([`PersonFile::entry`] says which entry).
pub type PersonSpeeches = Jobs<PersonFile>;

/// One file to read: the entry, its path, and who the person is there (id and name).
type Target = (usize, PathBuf, ParticipantId, String);

/// Starts gathering every speech of library person `person` (an index into
/// [`Library::people`]) in every file they appear in, re-reading the files on `threads`
/// background workers. At most `max_per_file` speeches are listed per file (all are
/// counted). Files that cannot be read now are skipped; an unknown person gives a job with
/// nothing to do.
pub fn person_speeches(
    library: &Library,
    person: usize,
    max_per_file: usize,
    threads: usize,
    on_progress: OnProgress,
) -> PersonSpeeches {
    let targets: Vec<Target> = library
        .person(person)
        .map(|p| {
            p.occurrences
                .iter()
                .filter_map(|o| {
                    let entry = library.entry(o.entry)?;
                    let who = entry.people.get(o.participant.index())?;
                    Some((
                        o.entry,
                        entry.path.clone(),
                        o.participant,
                        who.display_name().to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let targets = Arc::new(targets);
    Jobs::start(
        targets.len(),
        threads,
        move |job| {
            let (entry, path, participant, name) = targets.get(job)?;
            let loaded = crate::load::open_file(path).ok()?;
            let participant = find_participant(&loaded.transcript, *participant, name)?;
            Some(speeches_of(
                &loaded.transcript,
                *entry,
                participant,
                max_per_file,
            ))
        },
        on_progress,
    )
}

/// The participant of `t` who is `expected`, checked by name: the same id when the file is
/// as it was indexed, else the first participant going by that name.
fn find_participant(t: &Transcript, expected: ParticipantId, name: &str) -> Option<ParticipantId> {
    match t.participant(expected) {
        Some(p) if p.display_name() == name => Some(expected),
        _ => t
            .participants
            .iter()
            .find(|p| p.display_name() == name || p.aliases.iter().any(|a| a == name))
            .map(|p| p.id),
    }
}

/// The speeches of `participant` in `t`, the first `max` listed.
pub(crate) fn speeches_of(
    t: &Transcript,
    entry: usize,
    participant: ParticipantId,
    max: usize,
) -> PersonFile {
    let mut speeches = Vec::new();
    let mut total = 0;
    for speech in t.speeches.iter().filter(|s| s.speaker == participant) {
        total += 1;
        if speeches.len() < max {
            speeches.push(SpeechBrief {
                speech: speech.id,
                first_words: first_words(&speech.paragraphs, FIRST_WORDS_CHARS),
                words: speech
                    .paragraphs
                    .iter()
                    .map(|p| count_spoken_words(p))
                    .sum(),
            });
        }
    }
    let qa = crate::qa::Qa::analyse(t);
    let (questions_asked, questions_answered) = qa
        .counts(t.participants.len())
        .get(participant.index())
        .copied()
        .unwrap_or_default();
    PersonFile {
        entry,
        participant,
        speeches,
        total,
        questions_asked,
        questions_answered,
    }
}

/// The first `max` characters of the paragraphs read as one line (every run of spaces and
/// line breaks one space), with "…" when cut. Reads no further than it keeps.
pub(crate) fn first_words(paragraphs: &[String], max: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut space = false;
    for c in paragraphs.iter().flat_map(|p| p.chars().chain(Some(' '))) {
        if c.is_whitespace() || crate::text::is_odd_space(c) {
            space = !out.is_empty();
            continue;
        }
        if chars >= max {
            let kept = out.trim_end().len();
            out.truncate(kept);
            out.push('…');
            return out;
        }
        if space {
            out.push(' ');
            chars += 1;
            space = false;
        }
        out.push(c);
        chars += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Entry, no_progress};

    #[test]
    fn first_words_squash_spaces_and_cut_with_an_ellipsis() {
        let paras = vec![
            "  Good   morning,\ncolleagues.".to_owned(),
            "Next.".to_owned(),
        ];
        assert_eq!(first_words(&paras, 100), "Good morning, colleagues. Next.");
        assert_eq!(first_words(&paras, 12), "Good morning…");
        assert_eq!(first_words(&[], 10), "");
        assert_eq!(first_words(&["Ёлка зелёная".to_owned()], 4), "Ёлка…");
    }

    #[test]
    fn speeches_of_a_participant_are_listed_capped_and_counted() {
        let t = crate::parse_text(
            "Talks in Varengrad\n\nMinister Anna Orlova: The museum opens in May.\n\n\
             Question: And the theatre?\n\nOrlova: In June, as planned.\n\n\
             Question: Why so late?\n\nOrlova: The roof.\n",
        );
        let orlova = t
            .participants
            .iter()
            .find(|p| p.name.as_deref() == Some("Anna Orlova"))
            .map(|p| p.id);
        let Some(orlova) = orlova else {
            panic!("no Orlova in {:?}", t.participants);
        };
        let file = speeches_of(&t, 4, orlova, 2);
        assert_eq!(file.entry, 4);
        assert_eq!(file.total, 3);
        assert_eq!(file.speeches.len(), 2);
        let first = file
            .speeches
            .first()
            .map(|s| (s.first_words.as_str(), s.words));
        assert_eq!(first, Some(("The museum opens in May.", 5)));
        assert_eq!(file.questions_answered, 2);
        assert_eq!(file.questions_asked, 0);
    }

    #[test]
    fn stats_span_files_and_dates() {
        let dated = |path: &str, date: Option<&str>| {
            let mut t = crate::parse_text("Talks\n\nMinister Anna Orlova: Hello there.\n");
            t.date = date.map(str::to_owned);
            Entry::from_transcript(PathBuf::from(path), 0, &t)
        };
        let library = Library::from_entries(vec![
            dated("b.txt", Some("2024-05-02")),
            dated("a.txt", None),
            dated("c.txt", Some("2023-01-09")),
        ]);
        let stats = person_stats(&library, 0);
        assert_eq!(
            stats,
            Some(PersonStats {
                files: 3,
                speeches: 3,
                words: 6,
                photos: 0,
                first_date: Some("2023-01-09".to_owned()),
                last_date: Some("2024-05-02".to_owned()),
            })
        );
        assert_eq!(person_stats(&library, 9), None);
    }

    #[test]
    fn an_unknown_person_gives_nothing_to_do() {
        let library = Library::default();
        let jobs = person_speeches(&library, 3, 10, 1, no_progress());
        assert_eq!(jobs.progress().total, 0);
        assert!(jobs.wait().is_empty());
    }

    #[test]
    fn a_participant_is_found_again_by_name_when_ids_moved() {
        let t = crate::parse_text(
            "Talks\n\nMinister Anna Orlova: Hello.\n\nGovernor Anna Petrova: Hi.\n",
        );
        let petrova = t
            .participants
            .iter()
            .find(|p| p.display_name() == "Anna Petrova")
            .map(|p| p.id);
        assert!(petrova.is_some());
        // The index said participant 0 was "Anna Petrova": the file changed since.
        assert_eq!(
            find_participant(&t, ParticipantId(0), "Anna Petrova"),
            petrova
        );
        assert_eq!(find_participant(&t, ParticipantId(0), "Nobody Here"), None);
    }
}
