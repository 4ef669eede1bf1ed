//! People: splitting role from name, recognising one person under many spellings,
//! and finding mentions of participants in text.

use std::ops::Range;

use crate::model::{Participant, ParticipantId};

/// Where a piece of text that names people comes from; it decides what may create a person.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A speaker label ("Président de la Russie Vladimir Poutine", "Question"). Always resolves
    /// to exactly one participant (created if new).
    SpeakerLabel,
    /// One attendee-list entry ("Le président du Kazakhstan Kassym-Jomart Tokayev").
    /// Resolves to one participant, named or role-only.
    ListItem,
    /// A photo caption without its credit. May name several people, who are created if new.
    Caption,
}

/// A piece of text naming people, in document order.
#[derive(Clone, Debug)]
pub struct PersonSource<'a> {
    /// What kind of text.
    pub kind: SourceKind,
    /// The text (space-cleaned).
    pub text: &'a str,
}

/// The people found: participants in order of first appearance (with name, role, aliases,
/// `generic`; appearances left empty for the caller to fill) and, for each source, the ids
/// it names.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    /// Participants, ids equal to their positions.
    pub participants: Vec<Participant>,
    /// For each source in order: the participants it names.
    pub ids: Vec<Vec<ParticipantId>>,
}

/// A role and a name split from one reference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleName {
    /// "président du Kazakhstan".
    pub role: Option<String>,
    /// "Kassym-Jomart Tokayev".
    pub name: Option<String>,
}

/// Splits "Le président du Kazakhstan Kassym-Jomart Tokayev" into role and name.
pub fn split_role_name(text: &str) -> RoleName {
    RoleName {
        role: None,
        name: Some(text.to_owned()),
    }
}

/// Resolves every source to participants, merging spellings of one person.
pub fn resolve(sources: &[PersonSource], language: &str) -> Resolution {
    let _ = (sources, language);
    Resolution::default()
}

/// Finds mentions of participants in `text` (surname, full name, alias, or a role phrase that
/// only one participant fits), as byte ranges, in text order.
pub fn find_mentions(participants: &[Participant], text: &str) -> Vec<(ParticipantId, Range<usize>)> {
    let _ = (participants, text);
    Vec::new()
}
