//! Corrections: what the user says the parser got wrong, kept beside the transcript and
//! never written into it. A correction list is an ordered list of [`Edit`]s for one
//! transcript, applied on top of the parse each time the transcript is read.
//!
//! Edits name people by the text of a name, alias or role (never by id, which a new parse
//! may renumber), and lines by their number together with their text, so that an edit made
//! on another version of the file is reported [`Stale`] with a reason instead of being
//! applied to the wrong thing. Line edits (a line is or is not a speaker label, a line is
//! not text) change the parse itself and are all applied first; the edits on people,
//! speeches and photos follow in the order they were made.
//!
//! The lists live in the app's data folder, one file per transcript (see [`store`]).

mod apply;
pub mod command;
mod describe;
mod people;
pub mod store;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use apply::{Applied, Base, Marks, Stale, apply, line_ref, photo_ref, speech_ref};
pub use people::{find_person, name_problem, person_ref};
pub use store::{CorrectionList, CorrectionStore, data_dir};

/// A source line, by its 1-based number and its text as it was when the edit was made
/// (spaces tidied): a changed line makes the edit stale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRef {
    /// 1-based line number in the decoded text.
    pub line: usize,
    /// The line's text, spaces tidied ([`crate::text::clean_spaces`]).
    pub text: String,
}

/// A speech, by its 1-based place in the document and what it starts with: found again
/// by its label and first words when earlier corrections renumbered the speeches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeechRef {
    /// 1-based number of the speech in document order.
    pub number: usize,
    /// The speaker label as written.
    pub label: String,
    /// The first words of its first paragraph.
    #[serde(default)]
    pub excerpt: String,
}

/// A photo, by its 1-based place in the document and the start of its caption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoRef {
    /// 1-based number of the photo in document order.
    pub number: usize,
    /// The first words of its caption.
    #[serde(default)]
    pub excerpt: String,
}

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Gives a person another name and/or role (the old name stays as an alias, so the
    /// person is still found by it).
    Rename {
        /// Who (name, alias or role).
        person: String,
        /// The new name, if it changes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The new role, if it changes (empty: no role).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    /// Two entries are one person: the second's spellings, speeches and photos go to the first.
    Merge {
        /// Who stays.
        keep: String,
        /// Who is merged into them.
        gone: String,
    },
    /// One of a person's spellings is somebody else: a new person takes it, with the
    /// speeches given under it.
    Split {
        /// Who holds the spelling now.
        person: String,
        /// The spelling (an alias or speaker label as written).
        alias: String,
    },
    /// A speech was given by somebody else.
    Reassign {
        /// The speech.
        speech: SpeechRef,
        /// Who gave it.
        to: String,
        /// `to` is a new person, not yet in the transcript.
        #[serde(default)]
        new: bool,
    },
    /// A source line is (or is not) a speaker label: the parse is redone with that verdict.
    Label {
        /// The line.
        line: LineRef,
        /// Whether it is a label.
        label: bool,
    },
    /// A source line, or a run of them, is not text (page furniture): left out of the parse.
    NotText {
        /// The first line.
        from: LineRef,
        /// The last line, for a run.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<LineRef>,
    },
    /// A person is (or is not) pictured in a photo.
    PhotoPerson {
        /// The photo.
        photo: PhotoRef,
        /// Who.
        person: String,
        /// Added (`true`) or removed.
        add: bool,
    },
}
