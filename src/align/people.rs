//! Who is who across two versions: participants paired by name across scripts and
//! spellings ([`crate::names`]); generic speakers ("Question", "Вопрос") pair with each
//! other, and a role-only speaker is left to the order of the turns.

use crate::model::{Participant, ParticipantId, Transcript};
use crate::names::NameKey;

/// How sure the pairing of two speakers is, before the order of the turns is known.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kinship {
    /// The names match.
    Same,
    /// Both are generic speakers, or one has no name to compare: the order decides.
    Unknown,
    /// Both are named, differently.
    Different,
}

/// The name keys of every participant of one version, by id.
pub struct Keys {
    keys: Vec<Vec<NameKey>>,
    generic: Vec<bool>,
}

impl Keys {
    /// The keys of `t`'s participants: their name and every alias that has letters.
    pub fn of(t: &Transcript) -> Self {
        Self {
            keys: t.participants.iter().map(name_keys).collect(),
            generic: t.participants.iter().map(|p| p.generic).collect(),
        }
    }

    fn of_id(&self, id: ParticipantId) -> (&[NameKey], bool) {
        (
            self.keys.get(id.index()).map_or(&[][..], Vec::as_slice),
            self.generic.get(id.index()).copied().unwrap_or(false),
        )
    }
}

/// How two speakers, one of each version, relate.
pub fn kinship(a: &Keys, ia: ParticipantId, b: &Keys, ib: ParticipantId) -> Kinship {
    let ((ka, ga), (kb, gb)) = (a.of_id(ia), b.of_id(ib));
    if ga || gb || ka.is_empty() || kb.is_empty() {
        return Kinship::Unknown;
    }
    if ka.iter().any(|x| kb.iter().any(|y| x.matches(y))) {
        Kinship::Same
    } else {
        Kinship::Different
    }
}

/// A participant's name keys: the name, then the aliases (labels such as "В.Путин").
fn name_keys(p: &Participant) -> Vec<NameKey> {
    if p.generic {
        return Vec::new();
    }
    p.name
        .iter()
        .chain(p.aliases.iter().filter(|_| p.name.is_some()))
        .filter_map(|n| NameKey::of(n))
        .collect()
}
