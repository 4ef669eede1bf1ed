//! One file turned into the rows the database holds for it: its entry (metadata and a
//! record per participant), every searchable passage (original and folded text), every
//! speech and photo. Runs on the indexing workers, so the writer only writes.

use std::path::{Path, PathBuf};

use crate::library::entry::{Entry, internal_error};
use crate::model::{ParticipantId, Transcript};
use crate::search::{Place, fold_with, visit_fields};
use crate::stage::count_spoken_words;

use super::corrected::StoredCorrections;
use super::hash::content_hash;

/// A file's size and modification time, as the database compares them.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (0 when unknown).
    pub mtime: i64,
}

impl Stamp {
    /// The stamp of the file at `path`, `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        Some(Self {
            size: meta.len(),
            mtime,
        })
    }
}

/// One searchable piece of text.
#[derive(Clone, Debug)]
pub struct PassageRow {
    /// Where it is in the transcript.
    pub place: Place,
    /// Who speaks, in a speech.
    pub speaker: Option<ParticipantId>,
    /// The text as written.
    pub text: String,
    /// The text folded as the document search folds it (what the full-text index holds).
    pub folded: String,
}

/// One speech.
#[derive(Clone, Debug)]
pub struct SpeechRow {
    /// The speech's id in the transcript.
    pub speech: usize,
    /// Its speaker's participant id.
    pub speaker: usize,
    /// Its position among the file's speeches (0-based).
    pub ordinal: usize,
    /// Words spoken (stage directions left out).
    pub words: usize,
    /// The passage ordinal of its first paragraph.
    pub first_passage: Option<usize>,
    /// Its number of paragraphs.
    pub paragraphs: usize,
}

/// One photo.
#[derive(Clone, Debug)]
pub struct PhotoRow {
    /// The photo's id in the transcript.
    pub photo: usize,
    /// Its number as the document gives it.
    pub number: usize,
    /// Caption without the credit.
    pub caption: String,
    /// Credit.
    pub credit: Option<String>,
    /// The people pictured (display names, one per line).
    pub people: String,
}

/// Per participant: (questions asked, questions answered).
pub type QaCounts = Vec<(usize, usize)>;

/// Everything the database keeps about one file.
#[derive(Clone, Debug)]
pub struct FileRecord {
    /// The entry (what the library list shows); failed files have no rows besides.
    pub entry: Entry,
    /// Size and time when it was read.
    pub stamp: Stamp,
    /// [`content_hash`] of its bytes.
    pub hash: u64,
    /// [`crate::notes::content_key`] of the transcript as parsed (what its notes and
    /// corrections are kept under); empty for a file that failed.
    pub key: String,
    /// The stamp of the corrections applied ([`StoredCorrections::stamp`]); 0 for none.
    pub corrections: u64,
    /// Passages in document order.
    pub passages: Vec<PassageRow>,
    /// Speeches in document order.
    pub speeches: Vec<SpeechRow>,
    /// Photos by id.
    pub photos: Vec<PhotoRow>,
    /// Questions asked and answered, per participant.
    pub qa: QaCounts,
}

/// Reads, parses, corrects (with the user's stored corrections) and reduces the file at
/// `path` into the records the database keeps for it: one for a file, one per sitting for
/// a TEI corpus that holds its sittings, none for a corpus root that only includes other
/// files (they are files of the library in their own right, so the root adds no entry of
/// its own). Never fails: what cannot be read gives a failed record.
pub fn read_records(path: PathBuf, corrections: &StoredCorrections) -> Vec<FileRecord> {
    let stamp = Stamp::of(&path).unwrap_or_default();
    let bytes = match crate::load::read_limited(&path, crate::load::MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(kind) => {
            let error = crate::Error::new(path.display().to_string(), kind);
            return vec![failed(path, stamp, 0, error)];
        }
    };
    let is_corpus = crate::parse::formats::root_is_corpus(&bytes);
    if !is_corpus {
        return vec![record_of_bytes(path, stamp, &bytes, corrections)];
    }
    let hash = content_hash(&bytes);
    let shown = path.clone();
    // A panic in the parser must still leave a record that says so.
    let sittings = std::panic::catch_unwind(|| crate::load::corpus_sittings_of(&path, &bytes));
    match sittings {
        Ok(Ok(Some(sittings))) => sittings
            .into_iter()
            .filter_map(|s| match s {
                crate::load::Sitting::Inline(read) => Some(read),
                crate::load::Sitting::File(_) => None,
            })
            .enumerate()
            .map(|(i, read)| {
                let record = match *read {
                    Ok(t) => corrected_record(path.clone(), stamp, hash, t, corrections),
                    Err(error) => failed(path.clone(), stamp, hash, error),
                };
                record.in_part(i + 1)
            })
            .collect(),
        Ok(Ok(None)) => vec![record_of_bytes(path, stamp, &bytes, corrections)],
        Ok(Err(error)) => vec![failed(path, stamp, hash, error)],
        Err(_) => {
            let error = internal_error(&shown);
            vec![failed(shown, stamp, hash, error)]
        }
    }
}

/// The record of a parsed transcript (a file, or a sitting of a corpus) with its stored
/// corrections applied, under the key they are kept by.
fn corrected_record(
    path: PathBuf,
    stamp: Stamp,
    hash: u64,
    parsed: impl Into<crate::load::Loaded>,
    corrections: &StoredCorrections,
) -> FileRecord {
    let loaded = parsed.into();
    let key = crate::notes::content_key(&loaded.transcript);
    let (transcript, applied) = corrections.apply(loaded, &key);
    let mut record = of_transcript(path, stamp, hash, &transcript);
    record.key = key;
    record.corrections = applied;
    record
}

/// The record of a file (not a corpus) whose bytes are read.
fn record_of_bytes(
    path: PathBuf,
    stamp: Stamp,
    bytes: &[u8],
    corrections: &StoredCorrections,
) -> FileRecord {
    let hash = content_hash(bytes);
    let name = path.display().to_string();
    let shown = path.clone();
    let parsed = std::panic::catch_unwind(|| crate::load::open_bytes(&name, bytes));
    match parsed {
        Ok(Ok(loaded)) => corrected_record(path, stamp, hash, loaded, corrections),
        Ok(Err(error)) => failed(path, stamp, hash, error),
        Err(_) => {
            let error = internal_error(&shown);
            failed(shown, stamp, hash, error)
        }
    }
}

impl FileRecord {
    /// The same record as sitting `part` (from 1) of its file.
    fn in_part(mut self, part: usize) -> Self {
        self.entry = self.entry.in_part(part);
        self
    }
}

fn failed(path: PathBuf, stamp: Stamp, hash: u64, error: crate::Error) -> FileRecord {
    FileRecord {
        entry: Entry::failed(path, error),
        stamp,
        hash,
        key: String::new(),
        corrections: 0,
        passages: Vec::new(),
        speeches: Vec::new(),
        photos: Vec::new(),
        qa: Vec::new(),
    }
}

/// The record of a parsed transcript.
pub fn of_transcript(path: PathBuf, stamp: Stamp, hash: u64, t: &Transcript) -> FileRecord {
    // The Q&A analysis counts each speech's words once; the entry and the rows reuse them.
    let analysis = crate::qa::Qa::analyse(t);
    let entry = Entry::from_counted(path, stamp.size, t, &analysis.words);
    let mut passages = Vec::new();
    visit_fields(t, |place, speaker, text| {
        let mut folded = String::with_capacity(text.len());
        fold_with(text, |c, _, _| folded.push(c));
        passages.push(PassageRow {
            place,
            speaker,
            text: text.to_owned(),
            folded,
        });
    });
    // Each speech's first paragraph, found in one pass over the passages.
    let mut first_passage: Vec<Option<usize>> = vec![None; t.speeches.len()];
    for (i, p) in passages.iter().enumerate() {
        if let Place::Speech {
            speech,
            paragraph: 0,
        } = p.place
            && let Some(slot) = first_passage.get_mut(speech.index())
        {
            slot.get_or_insert(i);
        }
    }
    let speeches = t
        .speeches
        .iter()
        .enumerate()
        .map(|(ordinal, s)| SpeechRow {
            speech: s.id.index(),
            speaker: s.speaker.index(),
            ordinal,
            words: analysis
                .words
                .get(ordinal)
                .copied()
                .unwrap_or_else(|| s.paragraphs.iter().map(|p| count_spoken_words(p)).sum()),
            first_passage: first_passage.get(s.id.index()).copied().flatten(),
            paragraphs: s.paragraphs.len(),
        })
        .collect();
    let photos = t
        .photos
        .iter()
        .map(|p| PhotoRow {
            photo: p.id.index(),
            number: p.number as usize,
            caption: p.caption.clone(),
            credit: p.credit.clone(),
            people: p
                .participants
                .iter()
                .filter_map(|id| t.participant(*id).map(|who| who.display_name().to_owned()))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect();
    let qa = analysis.counts(t.participants.len());
    FileRecord {
        entry,
        stamp,
        hash,
        key: String::new(),
        corrections: 0,
        passages,
        speeches,
        photos,
        qa,
    }
}

/// The `(kind, a, b)` numbers a passage's place is stored as (see `passage_kinds`).
pub fn place_numbers(place: Place) -> (i64, i64, i64) {
    let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    match place {
        Place::Title { block } => (0, n(block), 0),
        Place::Dateline { block } => (1, n(block), 0),
        Place::Lead { block } => (2, n(block), 0),
        Place::Heading { block } => (3, n(block), 0),
        Place::Paragraph { block } => (4, n(block), 0),
        Place::AttendeesIntro { block } => (5, n(block), 0),
        Place::Attendee { block, index } => (6, n(block), n(index)),
        Place::AttendeesOutro { block } => (7, n(block), 0),
        Place::Speech { speech, paragraph } => (8, n(speech.index()), n(paragraph)),
        Place::Caption { photo } => (9, n(photo.index()), 0),
        Place::Credit { photo } => (10, n(photo.index()), 0),
        Place::TagHeading { block, section } => (11, n(block), n(section)),
        Place::Tags { block, section } => (12, n(block), n(section)),
    }
}

/// The place stored as `(kind, a, b)`; `None` for numbers no place has.
pub fn place_of(kind: i64, a: i64, b: i64) -> Option<Place> {
    let a = usize::try_from(a).ok()?;
    let b = usize::try_from(b).ok()?;
    let photo = crate::model::PhotoId(u32::try_from(a).ok()?);
    Some(match kind {
        0 => Place::Title { block: a },
        1 => Place::Dateline { block: a },
        2 => Place::Lead { block: a },
        3 => Place::Heading { block: a },
        4 => Place::Paragraph { block: a },
        5 => Place::AttendeesIntro { block: a },
        6 => Place::Attendee { block: a, index: b },
        7 => Place::AttendeesOutro { block: a },
        8 => Place::Speech {
            speech: crate::model::SpeechId(u32::try_from(a).ok()?),
            paragraph: b,
        },
        9 => Place::Caption { photo },
        10 => Place::Credit { photo },
        11 => Place::TagHeading {
            block: a,
            section: b,
        },
        12 => Place::Tags {
            block: a,
            section: b,
        },
        _ => return None,
    })
}
