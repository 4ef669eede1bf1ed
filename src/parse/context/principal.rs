//! The page's principal in captions: on a head of state's site a caption "With President of
//! Kestria Daria Malinova" ("Avec le président …", "С Президентом …") pictures the person
//! whose event it is as well as the people it names.

use crate::model::{BlockKind, ParticipantId, PhotoId, TextRef, Transcript};
use crate::text::fold;

/// Caption openings that mean "the principal, with …".
const WITH: &[&str] = &["with", "avec", "с", "со", "together with"];

/// Adds the principal to every photo whose caption opens with "With …".
pub(super) fn principal_in_captions(t: &mut Transcript) {
    let Some(principal) = principal(t) else {
        return;
    };
    let with: Vec<PhotoId> = t
        .photos
        .iter()
        .filter(|p| opens_with_with(&p.caption))
        .map(|p| p.id)
        .collect();
    for photo in with {
        t.add_photo_participant(photo, principal);
    }
}

/// Whether the caption's first word is "With" (or its French or Russian form).
fn opens_with_with(caption: &str) -> bool {
    let first = caption.split_whitespace().next().map(fold);
    first.is_some_and(|w| WITH.contains(&w.as_str()))
}

/// The person whose event it is: the first person the lead names, unless "with" comes
/// right before them; failing that, the first such person in the title's own words.
fn principal(t: &Transcript) -> Option<ParticipantId> {
    let lead = t
        .blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Lead { .. }))?;
    let BlockKind::Lead { text } = &t.blocks[lead].kind else {
        return None;
    };
    let mut mentions: Vec<(usize, usize, ParticipantId)> = t
        .participants
        .iter()
        .filter(|p| !p.generic && p.name.is_some())
        .flat_map(|p| {
            p.appearances
                .mentions
                .iter()
                .filter(|m| m.at == TextRef::Block { block: lead })
                .map(move |m| (m.start, m.end, p.id))
        })
        .collect();
    mentions.sort_unstable();
    mentions
        .into_iter()
        .find(|(start, _, _)| !after_with(text, *start))
        .map(|(_, _, id)| id)
}

/// Whether "with" stands among the six words before byte `start` of `text`: "met with
/// Governor of the Province Ilya Brusov" names the guest, not the principal.
fn after_with(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    before
        .split_whitespace()
        .rev()
        .take(6)
        .any(|w| WITH.contains(&fold(w).as_str()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_caption_with_someone_pictures_the_principal_too() {
        let t = crate::parse_text(
            "Meeting with the governor\n\n1 of 2 With Governor Ilya Brusov.\n\nAndrei Velsky met with Governor Ilya Brusov.\n\n2 of 2 Governor Ilya Brusov.\n\nAndrei Velsky: Welcome.\nIlya Brusov: Thank you.\n",
        );
        let velsky = t.person_named("Andrei Velsky").expect("Velsky speaks");
        let brusov = t.person_named("Ilya Brusov").expect("Brusov speaks");
        assert!(t.photos[0].participants.contains(&velsky));
        assert!(t.photos[0].participants.contains(&brusov));
        assert!(!t.photos[1].participants.contains(&velsky));
    }
}
