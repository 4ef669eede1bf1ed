//! Notes: short remarks bookmarked on a paragraph or a photo. They live in the app's data
//! folder, never inside the transcript, one file per transcript named by a hash of its
//! text, so opening the same transcript from another place finds them again.
//!
//! Files are written atomically (see [`crate::atomic_file`]), and changed by reading the
//! file again, applying the change and writing it back, so that two windows on the same
//! transcript do not undo each other's notes. A file that cannot be read is set aside
//! under another name, never overwritten.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{BlockKind, PhotoId, SpeechId, Transcript};

/// What a note is attached to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoteTarget {
    /// A paragraph of a speech.
    Paragraph {
        /// The speech.
        speech: SpeechId,
        /// Index into `Speech::paragraphs`.
        paragraph: usize,
    },
    /// A narrative paragraph (the lead or a paragraph outside speeches).
    Block {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// A photo.
    Photo {
        /// The photo.
        photo: PhotoId,
    },
}

/// One note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique within its file, never reused while the file lives.
    pub id: u64,
    /// What it is attached to.
    pub target: NoteTarget,
    /// What the user wrote.
    pub text: String,
    /// When it was written, in seconds since 1970 (UTC).
    #[serde(default)]
    pub created: u64,
    /// The start of the target's text when the note was written: a note whose target
    /// moved (the parser now splits paragraphs differently) is found again by it.
    #[serde(default)]
    pub excerpt: String,
}

/// How many characters of the target's text a note keeps as its excerpt.
const EXCERPT_CHARS: usize = 60;

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
struct NotesFile {
    /// Always "stenogram-notes": says what the file is to whoever opens it.
    format: String,
    /// The file format version.
    version: u32,
    /// The transcript's title, for people browsing the folder.
    #[serde(default)]
    title: String,
    notes: Vec<Note>,
}

const FORMAT: &str = "stenogram-notes";
const VERSION: u32 = 1;

/// A key for `t` that stays the same when the same text is opened again, from any path
/// or as the JSON Stenogram wrote of it: 16 hex digits of a 64-bit FNV-1a hash of the
/// text of the document, in flow order, with every space left out (so a parser that
/// splits lines or paragraphs differently still finds the notes).
pub fn content_key(t: &Transcript) -> String {
    let mut h = Fnv::default();
    h.text(&t.title);
    for block in &t.blocks {
        match &block.kind {
            BlockKind::Title { .. } => {} // hashed above: a document has one
            BlockKind::Dateline { text }
            | BlockKind::Lead { text }
            | BlockKind::Heading { text }
            | BlockKind::Paragraph { text }
            | BlockKind::Link { url: text } => h.text(text),
            BlockKind::Attendees {
                intro,
                items,
                outro,
            } => {
                intro.iter().for_each(|s| h.text(s));
                items.iter().for_each(|a| h.text(&a.text));
                outro.iter().for_each(|s| h.text(s));
            }
            BlockKind::Photo { photo } => {
                if let Some(p) = t.photo(*photo) {
                    h.text(&p.number.to_string());
                    h.text(&p.caption);
                    p.credit.iter().for_each(|c| h.text(c));
                }
            }
            BlockKind::Speech {
                speech,
                first,
                count,
            } => {
                if let Some(s) = t.speech(*speech) {
                    if *first == 0 {
                        h.text(&s.label);
                    }
                    let end = first.saturating_add(*count).min(s.paragraphs.len());
                    for p in s.paragraphs.get((*first).min(end)..end).unwrap_or_default() {
                        h.text(p);
                    }
                }
            }
            BlockKind::Elision { .. } => h.text("<…>"),
            BlockKind::Separator => h.text("***"),
            BlockKind::Tags { section } => {
                if let Some(tags) = t.tags.get(*section) {
                    h.text(&tags.heading);
                    tags.values.iter().for_each(|v| h.text(v));
                }
            }
        }
    }
    format!("{:016x}", h.0)
}

/// 64-bit FNV-1a: tiny, stable across Rust releases (unlike std's hasher), and good
/// enough to tell transcripts apart.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn text(&mut self, text: &str) {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut h = self.0;
        if text.is_ascii() {
            // The same bytes as the loop below, without decoding characters: the key of a
            // long English transcript is worked out several times faster.
            for &b in text.as_bytes() {
                // `char::is_whitespace` on ASCII (it includes the vertical tab).
                if !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                    h = (h ^ u64::from(b)).wrapping_mul(PRIME);
                }
            }
            self.0 = h;
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                continue;
            }
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(PRIME);
            }
        }
        self.0 = h;
    }
}

/// The notes folder: `<data folder>/notes/<key>.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteStore {
    dir: PathBuf,
}

/// Notes read from a file, and what went wrong on the way, if anything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The notes, in the order they were written.
    pub notes: Vec<Note>,
    /// A sentence for the user when the file could not be read (it was set aside).
    pub problem: Option<String>,
}

impl NoteStore {
    /// Notes kept under `data_dir` (the app's data folder).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("notes"),
        }
    }

    /// The file that holds the notes of the transcript with this key.
    pub fn file(&self, key: &str) -> PathBuf {
        // Keys are hex digits; anything else is cleaned so it cannot leave the folder.
        let clean: String = key.chars().filter(char::is_ascii_alphanumeric).collect();
        self.dir.join(format!("{clean}.json"))
    }

    /// Reads the notes of `key` (none when there is no file yet). A file that cannot be
    /// read is renamed aside, and `problem` says so and where it went.
    pub fn load(&self, key: &str) -> Loaded {
        match self.read(key) {
            Ok(notes) => Loaded {
                notes,
                problem: None,
            },
            Err(problem) => Loaded {
                notes: Vec::new(),
                problem: Some(problem.message),
            },
        }
    }

    /// Reads the file again, applies `change` to its notes and writes them back
    /// atomically; returns the notes as now saved. A file that cannot be read is set
    /// aside first (the change then starts a new file); one that cannot be set aside is
    /// left alone and the change is refused.
    pub fn update(
        &self,
        key: &str,
        title: &str,
        change: impl FnOnce(&mut Vec<Note>),
    ) -> Result<Loaded, String> {
        let (mut notes, problem) = match self.read(key) {
            Ok(notes) => (notes, None),
            Err(Problem {
                message,
                set_aside: true,
            }) => (Vec::new(), Some(message)),
            Err(Problem { message, .. }) => return Err(message),
        };
        change(&mut notes);
        self.write(key, title, &notes)?;
        Ok(Loaded { notes, problem })
    }

    fn read(&self, key: &str) -> Result<Vec<Note>, Problem> {
        let path = self.file(key);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(Problem {
                    message: format!("The notes in {} cannot be read: {e}", path.display()),
                    set_aside: false,
                });
            }
        };
        let parsed = serde_json::from_slice::<NotesFile>(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|f| {
                if f.format != FORMAT {
                    Err(format!("it is not a notes file (format {:?})", f.format))
                } else if f.version > VERSION {
                    Err(format!(
                        "it was written by a newer Stenogram (version {})",
                        f.version
                    ))
                } else {
                    Ok(f.notes)
                }
            });
        parsed.map_err(|why| self.set_aside(&path, &why))
    }

    /// Renames an unreadable file to "`<key>.unreadable-<time>.json`" so nothing overwrites it.
    fn set_aside(&self, path: &Path, why: &str) -> Problem {
        let stem = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let aside = path.with_file_name(format!("{stem}.unreadable-{}.json", now()));
        match std::fs::rename(path, &aside) {
            Ok(()) => Problem {
                message: format!(
                    "The notes file {} could not be read ({why}); it was kept as {} and new \
                     notes go to a new file.",
                    path.display(),
                    aside.display()
                ),
                set_aside: true,
            },
            Err(e) => Problem {
                message: format!(
                    "The notes file {} could not be read ({why}) nor set aside ({e}); it is \
                     left as it is and notes are not saved.",
                    path.display()
                ),
                set_aside: false,
            },
        }
    }

    fn write(&self, key: &str, title: &str, notes: &[Note]) -> Result<(), String> {
        let path = self.file(key);
        let fail =
            |e: std::io::Error| format!("Notes could not be saved to {}: {e}", path.display());
        if notes.is_empty() {
            // No notes, no file: the folder holds only transcripts that have some.
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(fail(e)),
                _ => Ok(()),
            };
        }
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        let file = NotesFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: title.to_owned(),
            notes: notes.to_vec(),
        };
        let mut json = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
        json.push('\n');
        crate::atomic_file::write_atomic(&path, json.as_bytes()).map_err(fail)
    }
}

struct Problem {
    message: String,
    /// Whether the unreadable file is out of the way (a new one may be written).
    set_aside: bool,
}

/// A new note on `target`, with an id no note in `notes` has.
pub fn new_note(t: &Transcript, notes: &[Note], target: NoteTarget, text: &str) -> Note {
    Note {
        id: notes
            .iter()
            .map(|n| n.id)
            .max()
            .map_or(1, |m| m.saturating_add(1)),
        target,
        text: text.trim().to_owned(),
        created: now(),
        excerpt: target_text(t, target)
            .map(|s| excerpt(&s))
            .unwrap_or_default(),
    }
}

/// The text a target shows: the paragraph, or the photo's caption.
pub fn target_text(t: &Transcript, target: NoteTarget) -> Option<String> {
    match target {
        NoteTarget::Paragraph { speech, paragraph } => {
            t.speech(speech)?.paragraphs.get(paragraph).cloned()
        }
        NoteTarget::Block { block } => match &t.blocks.get(block)?.kind {
            BlockKind::Lead { text } | BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        },
        NoteTarget::Photo { photo } => t.photo(photo).map(|p| p.caption.clone()),
    }
}

/// Where `note` belongs in `t`: its own target when the text there still starts as it
/// did, else the first paragraph (or caption, for a photo) that does; `None` when its
/// text is nowhere (the note is then listed as detached, never dropped).
pub fn locate(t: &Transcript, note: &Note) -> Option<NoteTarget> {
    let fits = |target: NoteTarget| {
        target_text(t, target)
            .is_some_and(|s| note.excerpt.is_empty() || excerpt(&s) == note.excerpt)
    };
    if fits(note.target) {
        return Some(note.target);
    }
    if note.excerpt.is_empty() {
        return None;
    }
    if let NoteTarget::Photo { .. } = note.target {
        return t
            .photos
            .iter()
            .map(|p| NoteTarget::Photo { photo: p.id })
            .find(|target| fits(*target));
    }
    let speeches = t.speeches.iter().flat_map(|s| {
        (0..s.paragraphs.len()).map(|paragraph| NoteTarget::Paragraph {
            speech: s.id,
            paragraph,
        })
    });
    let blocks = (0..t.blocks.len()).map(|block| NoteTarget::Block { block });
    speeches.chain(blocks).find(|target| fits(*target))
}

/// The first characters of `text`, spaces tidied.
fn excerpt(text: &str) -> String {
    crate::text::clean_spaces(text)
        .chars()
        .take(EXCERPT_CHARS)
        .collect()
}

/// Seconds since 1970.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// "2025-03-14 09:05 UTC" for seconds since 1970.
pub fn format_time(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rest = secs % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Participant, ParticipantId, Photo, Speech};

    fn sample() -> Transcript {
        let block = |kind| Block { line: 0, kind };
        Transcript {
            title: "Harbour briefing".into(),
            language: "en".into(),
            participants: vec![Participant {
                id: ParticipantId(0),
                name: Some("Ann Lee".into()),
                role: None,
                aliases: vec![],
                generic: false,
                appearances: Default::default(),
            }],
            speeches: vec![Speech {
                times: crate::model::Timing::default(),
                id: SpeechId(0),
                speaker: ParticipantId(0),
                label: "Ann Lee".into(),
                paragraphs: vec!["Good morning.".into(), "The works start in May.".into()],
            }],
            photos: vec![Photo {
                id: PhotoId(0),
                number: 1,
                of: None,
                caption: "The quay at dawn.".into(),
                credit: None,
                participants: vec![],
                image: None,
            }],
            blocks: vec![
                block(BlockKind::Lead {
                    text: "The spokesperson met the press.".into(),
                }),
                block(BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 0,
                    count: 2,
                }),
                block(BlockKind::Photo { photo: PhotoId(0) }),
            ],
            ..Transcript::default()
        }
    }

    fn second_paragraph() -> NoteTarget {
        NoteTarget::Paragraph {
            speech: SpeechId(0),
            paragraph: 1,
        }
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn the_key_follows_the_text_not_its_layout() {
        let t = sample();
        let key = content_key(&t);
        assert_eq!(key.len(), 16);
        assert!(key.chars().all(|c| c.is_ascii_hexdigit()));
        // Read back from JSON, or split into other paragraphs: the same text, the same key.
        let json = crate::export::to_json(&t);
        assert_eq!(
            content_key(&crate::export::from_json(&json).unwrap_or_default()),
            key
        );
        let mut split = t.clone();
        split.speeches[0].paragraphs =
            vec!["Good morning. The works".into(), "start in May.".into()];
        assert_eq!(content_key(&split), key);
        let mut changed = t.clone();
        changed.speeches[0].paragraphs[1] = "The works start in June.".into();
        assert_ne!(content_key(&changed), key);
        // Pinned: a change here would lose every user's notes.
        assert_eq!(content_key(&Transcript::default()), "cbf29ce484222325");
        assert_eq!(key, "a28f99b15cf56151");
    }

    /// The key of the bundled sample, as the viewer opens it: pinned, because notes taken
    /// on it are found again only while every step from the bytes to the key (decoding,
    /// parsing, the hash) gives the same answer.
    #[test]
    fn the_sample_keeps_its_key() {
        let bytes = include_bytes!("../assets/sample.txt");
        let t = crate::load_bytes("sample.txt", bytes).unwrap_or_default();
        assert!(!t.speeches.is_empty(), "the sample reads as speeches");
        assert_eq!(content_key(&t), "5566cc3b4fa1c5c0");
    }

    #[test]
    fn notes_round_trip_through_the_folder() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let store = NoteStore::new(dir.path());
        let t = sample();
        let key = content_key(&t);
        assert_eq!(store.load(&key), Loaded::default());
        let saved = store.update(&key, &t.title, |notes| {
            let note = new_note(&t, notes, second_paragraph(), "  Check the date.  ");
            notes.push(note);
            let photo = new_note(&t, notes, NoteTarget::Photo { photo: PhotoId(0) }, "Dawn?");
            notes.push(photo);
        });
        let saved = saved.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(saved.problem, None);
        let loaded = store.load(&key);
        assert_eq!(loaded.notes, saved.notes);
        let first = &loaded.notes[0];
        assert_eq!((first.id, first.text.as_str()), (1, "Check the date."));
        assert_eq!(first.excerpt, "The works start in May.");
        assert_eq!(loaded.notes[1].id, 2);
        // Only the notes file, no temporary file left behind.
        assert_eq!(files(&dir.path().join("notes")), [format!("{key}.json")]);
        // Deleting the last note removes the file.
        let left = store.update(&key, &t.title, Vec::clear);
        assert_eq!(left.map(|l| l.notes.len()), Ok(0));
        assert!(files(&dir.path().join("notes")).is_empty());
    }

    #[test]
    fn a_corrupt_file_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let store = NoteStore::new(dir.path());
        let t = sample();
        let key = content_key(&t);
        let path = store.file(&key);
        assert!(std::fs::create_dir_all(dir.path().join("notes")).is_ok());
        assert!(std::fs::write(&path, b"{\"format\": \"stenogram-notes\", \"notes\": [").is_ok());
        let loaded = store.load(&key);
        assert!(loaded.notes.is_empty());
        let problem = loaded.problem.unwrap_or_default();
        assert!(problem.contains("could not be read"), "{problem}");
        assert!(problem.contains(".unreadable-"), "{problem}");
        let names = files(&dir.path().join("notes"));
        assert_eq!(names.len(), 1);
        assert!(
            names[0].starts_with(&format!("{key}.unreadable-")),
            "{names:?}"
        );
        // A new note starts a new file; the old one stays as it was.
        let saved = store.update(&key, &t.title, |n| {
            n.push(new_note(&t, n, second_paragraph(), "x"))
        });
        assert!(saved.is_ok());
        assert_eq!(files(&dir.path().join("notes")).len(), 2);
        // A file from a newer Stenogram is not read as ours either.
        assert!(
            std::fs::write(
                &path,
                br#"{"format": "stenogram-notes", "version": 9, "notes": []}"#
            )
            .is_ok()
        );
        assert!(
            store
                .load(&key)
                .problem
                .unwrap_or_default()
                .contains("newer Stenogram")
        );
    }

    #[test]
    fn a_moved_paragraph_is_found_by_its_excerpt() {
        let t = sample();
        let note = new_note(&t, &[], second_paragraph(), "n");
        assert_eq!(locate(&t, &note), Some(second_paragraph()));
        let mut moved = t.clone();
        moved.speeches[0].paragraphs.insert(0, "Hello.".into());
        assert_eq!(
            locate(&moved, &note),
            Some(NoteTarget::Paragraph {
                speech: SpeechId(0),
                paragraph: 2
            })
        );
        let mut gone = t.clone();
        gone.speeches[0].paragraphs.truncate(1);
        assert_eq!(locate(&gone, &note), None);
        let lead = new_note(&t, &[], NoteTarget::Block { block: 0 }, "n");
        assert_eq!(lead.excerpt, "The spokesperson met the press.");
        assert_eq!(locate(&t, &lead), Some(NoteTarget::Block { block: 0 }));
    }

    #[test]
    fn keys_cannot_leave_the_folder() {
        let store = NoteStore::new(Path::new("data"));
        assert_eq!(
            store.file("../../etc/x"),
            Path::new("data").join("notes").join("etcx.json")
        );
    }

    #[test]
    fn times_read_as_utc_dates() {
        assert_eq!(format_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_time(1_710_408_300), "2024-03-14 09:25 UTC");
        assert_eq!(format_time(951_782_400), "2000-02-29 00:00 UTC");
    }

    #[test]
    fn the_ascii_path_hashes_like_the_character_path() {
        // The original character loop, written out again as the reference.
        let by_chars = |text: &str| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
            h
        };
        for text in ["", "a b", " Velsky:\tyes\r\n", "x\u{b}y\u{c}z", "12, 13."] {
            let mut h = Fnv::default();
            h.text(text);
            assert_eq!(h.0, by_chars(text), "{text:?}");
        }
        let mut mixed = Fnv::default();
        mixed.text("Président\u{a0}Velsky");
        let mut split = Fnv::default();
        split.text("Président");
        split.text("Velsky");
        assert_eq!(
            mixed.0, split.0,
            "a no-break space is left out like any space"
        );
    }
}
