//! People: splitting role from name, recognising one person under many spellings,
//! and finding mentions of participants in text.

mod captions;
mod lexicon;
mod mentions;
mod names;
mod resolve;
mod similarity;
mod split;
mod tokens;

use std::ops::Range;

use crate::model::{Participant, ParticipantId};

pub(crate) use lexicon::{is_honorific, is_role_word};
pub use mentions::MentionFinder;
pub(crate) use mentions::Scratch as MentionScratch;
pub(crate) use tokens::fold_first_char;

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
    /// "Mr.", "M.", "Mme", "г-н": set apart from both role and name.
    pub honorific: Option<String>,
}

/// Splits "Le président du Kazakhstan Kassym-Jomart Tokayev" into role and name.
///
/// The name is the trailing run of capitalised name words (initials, hyphens and particles
/// such as "bin" or "de" included); the role is what precedes it, without leading articles
/// or conjunctions. A capitalised word right after a preposition or article belongs to the
/// role ("président de la Russie Vladimir Poutine"); labels in capitals are title-cased
/// ("MR. SMITH" → honorific "Mr.", name "Smith"); translation notes in brackets are dropped
/// and other brackets become the role when there is none ("Jane Doe (Constituency)").
/// A generic label ("Question") or a text ending in a lowercase word is a role only.
pub fn split_role_name(text: &str) -> RoleName {
    let parsed = split::parse_reference(text);
    RoleName {
        role: parsed.role,
        name: parsed.name,
        honorific: parsed.honorific,
    }
}

/// Resolves every source to participants, merging spellings of one person.
///
/// A speaker label gives exactly one participant, a list entry one (none when it holds no
/// letters), a caption any number. One person is one participant across a long and a short
/// label ("Vladimir Poutine" / "Poutine" / "В.Путин"), a surname one letter apart
/// ("Choïgou" / "Choïgu") and first names in two transliterations ("Sergueï" / "Sergey");
/// people who only share a first name, a surname with another initial, or a role stay apart,
/// and generic labels ("Question", "Вопрос") get one generic participant per label.
/// Every language's word lists are consulted whatever `language` says, because documents
/// quote titles and names across languages; it is accepted for callers' symmetry.
pub fn resolve(sources: &[PersonSource], language: &str) -> Resolution {
    let _ = language;
    let mut resolver = resolve::Resolver::default();
    // Captions repeat: what each says on its own is worked out once.
    let mut plans = captions::PlanCache::default();
    let ids = sources
        .iter()
        .map(|source| {
            let found = match source.kind {
                SourceKind::SpeakerLabel => vec![resolver.label(source.text)],
                SourceKind::ListItem => resolver.list_item(source.text).into_iter().collect(),
                SourceKind::Caption => captions::scan_with(&mut resolver, &mut plans, source.text),
            };
            found.into_iter().map(ParticipantId::from).collect()
        })
        .collect();
    Resolution {
        participants: resolver.finish(),
        ids,
    }
}

/// Finds mentions of participants in `text` (surname, full name, alias, or a role phrase that
/// only one participant fits), as byte ranges, in text order.
///
/// The lookup of `participants` is built for this one text: to read many texts, build a
/// [`MentionFinder`] once and ask it for each.
pub fn find_mentions(
    participants: &[Participant],
    text: &str,
) -> Vec<(ParticipantId, Range<usize>)> {
    MentionFinder::new(participants).find(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_role_name_gives_role_name_and_honorific() {
        assert_eq!(
            split_role_name("Le président du Kazakhstan Kassym-Jomart Tokayev"),
            RoleName {
                role: Some("président du Kazakhstan".to_owned()),
                name: Some("Kassym-Jomart Tokayev".to_owned()),
                honorific: None,
            }
        );
        assert_eq!(
            split_role_name("MR. SMITH"),
            RoleName {
                role: None,
                name: Some("Smith".to_owned()),
                honorific: Some("Mr.".to_owned()),
            }
        );
        assert_eq!(
            split_role_name("Question"),
            RoleName {
                role: Some("Question".to_owned()),
                name: None,
                honorific: None,
            }
        );
    }
}
