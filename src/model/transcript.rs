//! The transcript and its speeches, photos and tags.

use serde::{Deserialize, Serialize};

use super::block::Block;
use super::ids::{ParticipantId, PhotoId, SpeechId};
use super::participant::Participant;

/// A parsed transcript. Serialises to Stenogram's JSON format (see README).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    /// Event title, without any site counter in front.
    pub title: String,
    /// ISO date "YYYY-MM-DD".
    pub date: Option<String>,
    /// "HH:MM".
    pub time: Option<String>,
    /// Where the event took place.
    pub place: Option<String>,
    /// ISO 639-1 code detected from the text ("fr", "en", "ru"), or "und".
    pub language: String,
    /// The source page.
    pub source_url: Option<String>,
    /// Tag sections in document order.
    #[serde(default)]
    pub tags: Vec<TagSection>,
    /// One entry per person, in order of first appearance.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Speeches in document order.
    #[serde(default)]
    pub speeches: Vec<Speech>,
    /// Photos in document order.
    #[serde(default)]
    pub photos: Vec<Photo>,
    /// The document flow.
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// One speaker turn (with the paragraphs that follow it until the next turn).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speech {
    /// Stable id, in document order.
    pub id: SpeechId,
    /// Who speaks.
    pub speaker: ParticipantId,
    /// The label as written ("Président de la Russie Vladimir Poutine", "В.Путин").
    #[serde(default)]
    pub label: String,
    /// Paragraphs in order.
    pub paragraphs: Vec<String>,
}

/// A numbered photo caption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// Stable id, in document order.
    pub id: PhotoId,
    /// The printed number ("3/21" → 3).
    pub number: u32,
    /// The series size when printed ("3/21" or "3 of 21" → 21).
    #[serde(default)]
    pub of: Option<u32>,
    /// Caption without the credit.
    pub caption: String,
    /// "Photographer, Agency", without "Photo :".
    pub credit: Option<String>,
    /// The participants the caption names.
    #[serde(default)]
    pub participants: Vec<ParticipantId>,
    /// Image file, relative to the JSON file (set by JSON import or photo discovery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// A tag section: a heading and its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSection {
    /// "Géographie", "Topics", "Persons", "География", …
    pub heading: String,
    /// The values listed under it.
    pub values: Vec<String>,
}

impl Transcript {
    /// The participant with this id.
    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.get(id.index())
    }

    /// The speech with this id.
    pub fn speech(&self, id: SpeechId) -> Option<&Speech> {
        self.speeches.get(id.index())
    }

    /// The photo with this id.
    pub fn photo(&self, id: PhotoId) -> Option<&Photo> {
        self.photos.get(id.index())
    }
}
