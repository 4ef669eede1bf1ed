//! Edits that keep a transcript whole: every id a speech, photo, list entry or appearance
//! holds stays valid. The parser's context rules use them, and so can corrections.

use super::ids::{ParticipantId, PhotoId};
use super::participant::{Appearances, Participant};
use super::{BlockKind, Transcript};

impl Transcript {
    /// Adds a person who is named but neither speaks nor is pictured yet; returns the id.
    pub fn add_participant(&mut self, name: Option<String>, role: Option<String>) -> ParticipantId {
        let id = ParticipantId::from(self.participants.len());
        self.participants.push(Participant {
            id,
            name,
            role,
            aliases: Vec::new(),
            generic: false,
            appearances: Appearances::default(),
        });
        id
    }

    /// Marks `who` as pictured in `photo` (once).
    pub fn add_photo_participant(&mut self, photo: PhotoId, who: ParticipantId) {
        let (Some(p), true) = (
            self.photos.get_mut(photo.index()),
            who.index() < self.participants.len(),
        ) else {
            return;
        };
        if p.participants.contains(&who) {
            return;
        }
        p.participants.push(who);
        if let Some(person) = self.participants.get_mut(who.index()) {
            person.appearances.photos.push(photo);
            person.appearances.photos.sort_unstable();
        }
    }

    /// Merges participant `gone` into `keep`: its speeches, photos, lists, mentions and
    /// spellings become `keep`'s (whose name and role stay, or are taken from `gone` where
    /// `keep` has none), and the ids after `gone` move down by one. Returns whether both
    /// existed and differed.
    pub fn merge_participants(&mut self, keep: ParticipantId, gone: ParticipantId) -> bool {
        let (k, g) = (keep.index(), gone.index());
        if k == g || k >= self.participants.len() || g >= self.participants.len() {
            return false;
        }
        let removed = self.participants.remove(g);
        let k = if k > g { k - 1 } else { k };
        let renumber = |id: ParticipantId| -> ParticipantId {
            if id == gone {
                ParticipantId::from(k)
            } else if id.index() > g {
                ParticipantId::from(id.index() - 1)
            } else {
                id
            }
        };
        for (i, p) in self.participants.iter_mut().enumerate() {
            p.id = ParticipantId::from(i);
        }
        for s in &mut self.speeches {
            s.speaker = renumber(s.speaker);
        }
        for photo in &mut self.photos {
            for id in &mut photo.participants {
                *id = renumber(*id);
            }
            let mut seen = Vec::new();
            photo.participants.retain(|id| {
                let first = !seen.contains(id);
                seen.push(*id);
                first
            });
        }
        for block in &mut self.blocks {
            if let BlockKind::Attendees { items, .. } = &mut block.kind {
                for item in items {
                    item.participant = item.participant.map(renumber);
                }
            }
        }
        let Some(target) = self.participants.get_mut(k) else {
            return false;
        };
        if target.name.is_none() {
            target.name = removed.name.clone();
        }
        if target.role.is_none() {
            target.role = removed.role.clone();
        }
        for alias in removed.name.iter().chain(&removed.aliases) {
            if target.name.as_ref() != Some(alias) && !target.aliases.contains(alias) {
                target.aliases.push(alias.clone());
            }
        }
        let a = &mut target.appearances;
        let b = removed.appearances;
        a.speeches.extend(b.speeches);
        a.speeches.sort_unstable();
        a.speeches.dedup();
        a.photos.extend(b.photos);
        a.photos.sort_unstable();
        a.photos.dedup();
        a.lists.extend(b.lists);
        a.lists.sort_unstable();
        a.lists.dedup();
        a.mentions.extend(b.mentions);
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::export::check::check_ids;

    #[test]
    fn merging_two_people_keeps_every_id_valid() {
        let mut t = crate::parse_text(
            "Talks\n\n1 of 2 Andrei Velsky and Daria Malinova.\n\nAndrei Velsky: Welcome.\n\nDaria Malinova: Thank you.\n\nAndrei Velsky: Let us begin.\n\n2 of 2 Daria Malinova.\n",
        );
        let velsky = t.person_named("Velsky").expect("Velsky is a participant");
        let malinova = t
            .person_named("Malinova")
            .expect("Malinova is a participant");
        assert!(t.merge_participants(malinova, velsky));
        assert_eq!(check_ids(&t), Ok(()));
        let kept = t.person_named("Malinova").expect("still there");
        assert!(t.speeches.iter().all(|s| s.speaker == kept));
        assert_eq!(t.participants[kept.index()].appearances.speeches.len(), 3);
        assert!(!t.merge_participants(kept, kept));
    }

    #[test]
    fn an_added_person_can_be_pictured() {
        let mut t = crate::parse_text("Talks\n\n1 of 1 The hall.\n");
        let id = t.add_participant(Some("Ana Petrova".to_owned()), None);
        t.add_photo_participant(crate::model::PhotoId(0), id);
        t.add_photo_participant(crate::model::PhotoId(0), id);
        assert_eq!(t.photos[0].participants, [id]);
        assert_eq!(check_ids(&t), Ok(()));
    }
}
