//! People: who speaks, who is listed, who is pictured, who is mentioned.

use serde::{Deserialize, Serialize};

use super::ids::{ParticipantId, PhotoId, SpeechId};

/// One person (one entry however many ways the text spells them), or one generic
/// speaker such as "Question" or "Remark" (`generic`), which is never a named person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Stable id, in order of first appearance.
    pub id: ParticipantId,
    /// Display name; `None` when the document only gives a role.
    pub name: Option<String>,
    /// Role or title, e.g. "président du Kazakhstan"; `None` when unknown.
    pub role: Option<String>,
    /// Every spelling and label under which this person appears, as written.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A role-only speaker label ("Question", "Remark") that stands for whoever spoke:
    /// counted and shown, never merged with a named person.
    #[serde(default)]
    pub generic: bool,
    /// Where the person appears.
    #[serde(default)]
    pub appearances: Appearances,
}

impl Participant {
    /// The name, or the role when there is no name, or "?".
    pub fn display_name(&self) -> &str {
        self.name.as_deref().or(self.role.as_deref()).unwrap_or("?")
    }
}

/// Where a participant appears in the document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appearances {
    /// Speeches they gave, in order.
    #[serde(default)]
    pub speeches: Vec<SpeechId>,
    /// Photos that picture them, in order.
    #[serde(default)]
    pub photos: Vec<PhotoId>,
    /// Blocks (indexes into `Transcript::blocks`) of attendee lists that name them.
    #[serde(default)]
    pub lists: Vec<usize>,
    /// Mentions of them inside speeches and narrative text.
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// A place where a paragraph of text names a participant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Which text.
    pub at: TextRef,
    /// Byte range of the mention inside that text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
}

/// A piece of text in the document.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextRef {
    /// Paragraph `paragraph` (0-based) of a speech.
    Speech {
        /// The speech.
        speech: SpeechId,
        /// Index into `Speech::paragraphs`.
        paragraph: usize,
    },
    /// The text of a narrative block (lead, paragraph, heading), by index into `Transcript::blocks`.
    Block {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
}
