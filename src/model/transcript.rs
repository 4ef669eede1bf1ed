//! The transcript and its speeches, photos and tags.

use serde::{Deserialize, Serialize};

use super::block::Block;
use super::ids::{ParticipantId, PhotoId, SpeechId};
use super::participant::Participant;
use super::time::Timing;

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
    /// When the speech and its paragraphs start and end, where the source says.
    #[serde(flatten)]
    pub times: Timing,
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

    /// The text a [`super::TextRef`] points at: a speech paragraph, or a narrative block's
    /// text (lead, paragraph, heading).
    pub fn text_at(&self, at: super::TextRef) -> Option<&str> {
        match at {
            super::TextRef::Speech { speech, paragraph } => self
                .speech(speech)?
                .paragraphs
                .get(paragraph)
                .map(String::as_str),
            super::TextRef::Block { block } => match &self.blocks.get(block)?.kind {
                super::BlockKind::Lead { text }
                | super::BlockKind::Paragraph { text }
                | super::BlockKind::Heading { text } => Some(text),
                _ => None,
            },
        }
    }

    /// The photo with this id.
    pub fn photo(&self, id: PhotoId) -> Option<&Photo> {
        self.photos.get(id.index())
    }

    /// The participant a name written elsewhere refers to: "Velsky Andrei" in a Persons
    /// tag, "andrei velsky" typed by a user. The same name words in any order, case and
    /// accents aside, against each name and alias; failing that, a unique participant
    /// whose name (not role) holds all the written words ("Velsky"). `None` when nobody or more than
    /// one person matches: a guess would select the wrong person.
    pub fn person_named(&self, written: &str) -> Option<ParticipantId> {
        let words = name_words(written);
        if words.is_empty() {
            return None;
        }
        let names = |p: &Participant| {
            let mut all: Vec<Vec<String>> = p.name.iter().map(|n| name_words(n)).collect();
            all.extend(p.aliases.iter().map(|a| name_words(a)));
            all
        };
        let unique = |hits: Vec<ParticipantId>| match hits.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        let exact: Vec<ParticipantId> = self
            .participants
            .iter()
            .filter(|p| names(p).contains(&words))
            .map(|p| p.id)
            .collect();
        if !exact.is_empty() {
            return unique(exact);
        }
        // Only the name itself: aliases hold whole labels ("President of Kestria Daria
        // Malinova"), whose role words would make a country tag name a person.
        let within: Vec<ParticipantId> = self
            .participants
            .iter()
            .filter(|p| !p.generic)
            .filter(|p| {
                p.name.as_deref().is_some_and(|n| {
                    let n = name_words(n);
                    words.iter().all(|w| n.binary_search(w).is_ok())
                })
            })
            .map(|p| p.id)
            .collect();
        unique(within)
    }
}

/// The words of a name, folded and sorted, for order-free comparison.
fn name_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = crate::text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.sort_unstable();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_people(names: &[&str]) -> Transcript {
        let participants = names
            .iter()
            .enumerate()
            .map(|(i, n)| Participant {
                id: ParticipantId(u32::try_from(i).unwrap_or(0)),
                name: Some((*n).to_owned()),
                role: None,
                aliases: Vec::new(),
                generic: false,
                appearances: crate::model::Appearances::default(),
            })
            .collect();
        Transcript {
            participants,
            ..Transcript::default()
        }
    }

    #[test]
    fn a_name_written_surname_first_or_without_accents_finds_the_person() {
        let t = with_people(&["Andrei Velsky", "Sergueï Choïgou", "Владимир Путин"]);
        assert_eq!(t.person_named("Velsky Andrei"), Some(ParticipantId(0)));
        assert_eq!(t.person_named("choigou serguei"), Some(ParticipantId(1)));
        assert_eq!(t.person_named("Путин Владимир"), Some(ParticipantId(2)));
        assert_eq!(t.person_named("Velsky"), Some(ParticipantId(0)));
        assert_eq!(t.person_named("Nobody Here"), None);
        // A word of a role in an alias is not a name.
        let mut t = t;
        if let Some(p) = t.participants.first_mut() {
            p.aliases
                .push("President of Orlavia Andrei Velsky".to_owned());
        }
        assert_eq!(t.person_named("Orlavia"), None);
        assert_eq!(
            t.person_named("President of Orlavia Andrei Velsky"),
            Some(ParticipantId(0))
        );
        assert_eq!(t.person_named(""), None);
    }

    #[test]
    fn an_ambiguous_name_selects_nobody() {
        let t = with_people(&["Anna Orlova", "Anna Petrova"]);
        assert_eq!(t.person_named("Anna"), None);
        assert_eq!(t.person_named("Petrova Anna"), Some(ParticipantId(1)));
    }
}
