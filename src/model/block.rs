//! The document flow: the ordered blocks of the source, so that every photo, list and
//! speech can be shown exactly where it stands in the text.

use serde::{Deserialize, Serialize};

use super::ids::{ParticipantId, PhotoId, SpeechId};

/// One block of the document, with the 1-based source line where it starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// 1-based line in the decoded source text where the block starts (0 when unknown).
    #[serde(default)]
    pub line: usize,
    /// What the block is.
    #[serde(flatten)]
    pub kind: BlockKind,
}

/// What a block is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind {
    /// The event title.
    Title {
        /// Title text.
        text: String,
    },
    /// "23 novembre 2023 à 15h40 à Minsk" and the like.
    Dateline {
        /// Dateline as written.
        text: String,
    },
    /// The lead paragraph (the first narrative paragraph).
    Lead {
        /// Text.
        text: String,
    },
    /// A sub-heading.
    Heading {
        /// Text.
        text: String,
    },
    /// A narrative paragraph outside any speech.
    Paragraph {
        /// Text.
        text: String,
    },
    /// A list of attendees, one per line or in running prose.
    Attendees {
        /// The sentence that introduces the list ("… ont participé à la réunion :").
        intro: Option<String>,
        /// One entry per person.
        items: Vec<Attendee>,
        /// The sentence that closes the list ("ont également participé au sommet.").
        outro: Option<String>,
    },
    /// A photo caption, standing where the photo stands.
    Photo {
        /// The photo.
        photo: PhotoId,
    },
    /// A run of consecutive paragraphs of one speech (a speech interrupted by a photo
    /// or an elision is several runs).
    Speech {
        /// The speech.
        speech: SpeechId,
        /// Index of the first paragraph of the run in `Speech::paragraphs`.
        first: usize,
        /// Number of paragraphs in the run.
        count: usize,
    },
    /// "<…>": something was left out here.
    Elision {
        /// The speech it interrupts, if any.
        speech: Option<SpeechId>,
    },
    /// "* * *".
    Separator,
    /// A tag section ("Géographie", "Topics", …), by index into `Transcript::tags`.
    Tags {
        /// Index into `Transcript::tags`.
        section: usize,
    },
    /// The source link.
    Link {
        /// The URL.
        url: String,
    },
}

/// One entry of an attendee list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    /// The entry as written, without the trailing comma or "and".
    pub text: String,
    /// The person it names.
    pub participant: Option<ParticipantId>,
}
