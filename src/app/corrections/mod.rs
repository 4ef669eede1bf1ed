//! Corrections in the app: the open document's correction list, kept in the data folder
//! and applied on top of the parse (see [`crate::corrections`]). Panels ask for a
//! correction with a [`Request`] (ids of what they show); the shell turns it into an
//! [`Edit`] (names and line texts, which survive a new parse), saves the list, and shows
//! the document again with every correction applied.

pub mod menus;
pub mod window;

use std::path::Path;

use crate::app::document::Document;
use crate::corrections::store::CorrectionStore;
use crate::corrections::{
    Base, CorrectionList, Edit, Stale, apply, line_ref, person_ref, photo_ref, speech_ref,
};
use crate::model::{ParticipantId, PhotoId, SpeechId, Transcript};

/// Ctrl+Z (Cmd+Z on macOS): take back the last correction.
pub const UNDO_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
/// Ctrl+Shift+Z: put back the last correction taken back.
pub const REDO_SHORTCUT: egui::KeyboardShortcut = egui::KeyboardShortcut::new(
    egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
    egui::Key::Z,
);

/// What a panel asks to correct, by the ids it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// New name and role for a person (empty: unchanged name, no role).
    Rename {
        /// Who.
        person: ParticipantId,
        /// The new name.
        name: String,
        /// The new role.
        role: String,
    },
    /// `gone` is the same person as `keep`.
    Merge {
        /// Who stays.
        keep: ParticipantId,
        /// Who is merged into them.
        gone: ParticipantId,
    },
    /// One of a person's spellings is somebody else.
    Split {
        /// Who.
        person: ParticipantId,
        /// The spelling.
        alias: String,
    },
    /// A speech was given by somebody else.
    Reassign {
        /// The speech.
        speech: SpeechId,
        /// Who gave it.
        to: ParticipantId,
    },
    /// A speech was given by somebody the transcript does not name yet.
    ReassignNew {
        /// The speech.
        speech: SpeechId,
        /// Their name, as the user typed it.
        name: String,
    },
    /// What a source line is.
    Line {
        /// 1-based line number.
        line: usize,
        /// The user's verdict.
        verdict: LineVerdict,
    },
    /// A person is (or is not) in a photo.
    PhotoPerson {
        /// The photo.
        photo: PhotoId,
        /// Who.
        person: ParticipantId,
        /// Added or removed.
        add: bool,
    },
}

/// What the user says a source line is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LineVerdict {
    /// A speaker label.
    Label,
    /// Not a speaker label.
    NotLabel,
    /// Not text at all (page furniture).
    NotText,
}

/// The open document's corrections.
#[derive(Default)]
pub struct CorrectionsState {
    store: Option<CorrectionStore>,
    list: CorrectionList,
    /// The document as parsed, without corrections.
    raw: Option<Transcript>,
    /// The key the list is stored under (that of the raw parse).
    key: String,
    /// The edits of the list that do not apply, with why.
    stale: Vec<Stale>,
    /// The Corrections window is shown.
    open: bool,
    /// The rename dialog, while open.
    pub(crate) rename: Option<window::RenameDialog>,
    /// The "who gave this speech" dialog, while open.
    pub(crate) new_speaker: Option<window::NewSpeakerDialog>,
    /// A file dialog's answer, while one is open (export: true).
    pub(crate) file_dialog: Option<(bool, std::sync::mpsc::Receiver<Option<std::path::PathBuf>>)>,
}

impl CorrectionsState {
    /// Keeps corrections under `data_dir` (`None`: in memory only, for this session).
    pub fn set_data_dir(&mut self, data_dir: Option<&Path>) {
        self.store = data_dir.map(CorrectionStore::new);
    }

    /// Where corrections are kept (`None`: in memory only, for this session).
    pub fn store(&self) -> Option<&CorrectionStore> {
        self.store.as_ref()
    }

    /// The list of the open document.
    pub fn list(&self) -> &CorrectionList {
        &self.list
    }

    /// The edits that do not apply, with why.
    pub fn stale(&self) -> &[Stale] {
        &self.stale
    }

    /// Whether the Corrections window is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows or hides the Corrections window.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Takes a newly opened document: reads its stored corrections and returns it with
    /// them applied. A damaged file is set aside; the returned message says so.
    pub fn open_document(&mut self, doc: Document) -> (Document, Option<String>) {
        self.key.clone_from(&doc.notes_key);
        self.raw = Some(doc.transcript.clone());
        self.stale.clear();
        self.rename = None;
        self.new_speaker = None;
        let loaded = self
            .store
            .as_ref()
            .map(|s| s.load(&self.key))
            .unwrap_or_default();
        self.list = loaded.list;
        if self.list.active().is_empty() {
            return (doc, loaded.problem);
        }
        (self.corrected(&doc), loaded.problem)
    }

    /// `doc` (the open document) shown again from its raw parse with the list applied.
    pub fn corrected(&mut self, doc: &Document) -> Document {
        let edits = self.list.active();
        let lines = edits
            .iter()
            .any(|e| matches!(e, Edit::Label { .. } | Edit::NotText { .. }));
        let text = if lines {
            doc.source_text.as_ref().and_then(|s| s.text().ok())
        } else {
            None
        };
        let raw = self.raw.as_ref().unwrap_or(&doc.transcript);
        let applied = match &text {
            Some(text) => apply(Base::Text(text), edits),
            None => apply(Base::Parsed(raw), edits),
        };
        self.stale = applied.stale;
        let mut new = Document::new(applied.transcript, doc.source.clone(), doc.is_sample)
            .with_source_text(doc.source_text.clone());
        new.photo_files.clone_from(&doc.photo_files);
        new.notes_key.clone_from(&self.key);
        new.corrected = applied.marks;
        new.line_verdicts = applied.verdicts;
        new
    }

    /// Turns `request` into an edit on `doc` (the document as corrected so far) and adds
    /// it; `Err` says why it cannot be made.
    pub fn push(&mut self, doc: &Document, request: Request) -> Result<String, String> {
        let edit = edit_for(doc, request)?;
        let shown = edit.to_string();
        self.list.push(edit);
        Ok(shown)
    }

    /// Takes back the last edit; returns what it was.
    pub fn undo(&mut self) -> Option<String> {
        self.list.undo().map(ToString::to_string)
    }

    /// Puts back the last edit taken back; returns what it was.
    pub fn redo(&mut self) -> Option<String> {
        self.list.redo().map(ToString::to_string)
    }

    /// Removes edit `index` of the ones in effect.
    pub fn remove(&mut self, index: usize) -> Option<String> {
        self.list.remove(index).map(|e| e.to_string())
    }

    /// Adds the edits in effect of a corrections file read from `path`.
    pub fn import(&mut self, path: &Path) -> Result<usize, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{} cannot be read: {e}", path.display()))?;
        let list = CorrectionList::from_json(&text)
            .map_err(|e| format!("{} cannot be imported: {e}", path.display()))?;
        let count = list.active().len();
        self.list.extend(list.active().iter().cloned());
        Ok(count)
    }

    /// Writes the list to `path` (the corrections file format).
    pub fn export(&self, path: &Path, title: &str) -> Result<(), String> {
        crate::atomic_file::write_atomic(path, self.list.to_json(title).as_bytes()).map_err(|e| {
            format!(
                "Corrections could not be exported to {}: {e}",
                path.display()
            )
        })
    }

    /// Saves the list in the data folder; the error names the file and the problem (the
    /// list stays in memory either way).
    pub fn save(&self, title: &str) -> Result<(), String> {
        match &self.store {
            Some(store) => store.save(&self.key, title, &self.list),
            None => Ok(()),
        }
    }
}

/// The edit `request` stands for in `doc`: people named by a text that finds only them,
/// lines by number and text.
fn edit_for(doc: &Document, request: Request) -> Result<Edit, String> {
    let t = &doc.transcript;
    let name = |id: ParticipantId| {
        person_ref(t, id).ok_or_else(|| {
            let shown = t.participant(id).map_or("?", |p| p.display_name());
            format!("“{shown}” shares every spelling with somebody else: rename them first")
        })
    };
    Ok(match request {
        Request::Rename {
            person,
            name: new,
            role,
        } => {
            let p = t.participant(person).ok_or("nobody is chosen")?;
            let new = new.trim();
            let role = role.trim();
            let name_changes = !new.is_empty() && p.name.as_deref() != Some(new);
            let role_changes = p.role.as_deref().unwrap_or("") != role;
            if !name_changes && !role_changes {
                return Err("the name and role are as they were".to_owned());
            }
            Edit::Rename {
                person: name(person)?,
                name: name_changes.then(|| new.to_owned()),
                role: role_changes.then(|| role.to_owned()),
            }
        }
        Request::Merge { keep, gone } => Edit::Merge {
            keep: name(keep)?,
            gone: name(gone)?,
        },
        Request::Split { person, alias } => Edit::Split {
            person: name(person)?,
            alias,
        },
        Request::Reassign { speech, to } => Edit::Reassign {
            speech: speech_ref(t, speech).ok_or("that speech is gone")?,
            to: name(to)?,
            new: false,
        },
        Request::ReassignNew { speech, name: new } => {
            let new = new.trim();
            if new.is_empty() {
                return Err("type the name of who gave the speech".to_owned());
            }
            Edit::Reassign {
                speech: speech_ref(t, speech).ok_or("that speech is gone")?,
                to: new.to_owned(),
                new: true,
            }
        }
        Request::Line { line, verdict } => {
            let text = doc
                .source_text
                .as_ref()
                .ok_or("this document has no source lines")?
                .text()?;
            let line = line_ref(&text, line).ok_or("that line is gone")?;
            match verdict {
                LineVerdict::Label => Edit::Label { line, label: true },
                LineVerdict::NotLabel => Edit::Label { line, label: false },
                LineVerdict::NotText => Edit::NotText {
                    from: line,
                    to: None,
                },
            }
        }
        Request::PhotoPerson { photo, person, add } => Edit::PhotoPerson {
            photo: photo_ref(t, photo).ok_or("that photo is gone")?,
            person: name(person)?,
            add,
        },
    })
}
