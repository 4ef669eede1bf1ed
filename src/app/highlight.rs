//! How strongly to show an item, as a pure function of the model and the selection.
//! No egui here: the panels map the level to colours.

use crate::app::document::DocIndex;
use crate::app::selection::Item;
use crate::model::{ParticipantId, Transcript};

/// How an item should look, strongest first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Highlight {
    /// Nothing special.
    Normal,
    /// Someone is selected and this item has nothing to do with them.
    Dimmed,
    /// The pointer is over it, or over something related to it.
    Hovered,
    /// Related to something selected (a speech of a selected person, a photo picturing
    /// them, the speaker of a selected paragraph, the people in a selected photo).
    Related,
    /// Selected itself.
    Selected,
}

/// What the highlight depends on: the selection, the chosen people and the hover.
#[derive(Copy, Clone, Debug)]
pub struct Focus<'a> {
    /// Selected items.
    pub selected: &'a [Item],
    /// People chosen in the sidebar (they count as selected everywhere).
    pub people: &'a [ParticipantId],
    /// What the pointer is over (last frame).
    pub hovered: Option<Item>,
}

/// The highlight level of `item`.
pub fn highlight(t: &Transcript, ix: &DocIndex, focus: &Focus<'_>, item: Item) -> Highlight {
    let is_chosen_person = item
        .participant()
        .is_some_and(|p| focus.people.contains(&p));
    if is_chosen_person || focus.selected.contains(&item) {
        return Highlight::Selected;
    }
    let mut sources = focus
        .selected
        .iter()
        .copied()
        .chain(focus.people.iter().map(|p| Item::Participant(*p)));
    if sources.any(|s| related(t, ix, s, item)) {
        return Highlight::Related;
    }
    if let Some(h) = focus.hovered
        && (h == item || related(t, ix, h, item))
    {
        return Highlight::Hovered;
    }
    if !focus.people.is_empty() {
        return Highlight::Dimmed;
    }
    Highlight::Normal
}

/// Whether two items belong together (either way round).
pub fn related(t: &Transcript, ix: &DocIndex, a: Item, b: Item) -> bool {
    a != b && (linked(t, ix, a, b) || linked(t, ix, b, a))
}

/// One direction of [`related`].
fn linked(t: &Transcript, ix: &DocIndex, a: Item, b: Item) -> bool {
    let speaker = |s: crate::model::SpeechId| t.speech(s).map(|s| s.speaker);
    match (a, b) {
        (Item::Participant(p), Item::Speech(s)) => speaker(s) == Some(p),
        (Item::Participant(p), Item::Paragraph { speech, .. }) => speaker(speech) == Some(p),
        (Item::Participant(p), Item::Photo(ph)) => t
            .photo(ph)
            .is_some_and(|photo| photo.participants.contains(&p)),
        (Item::Participant(p), Item::Block(block)) => ix
            .block_people
            .get(&block)
            .is_some_and(|people| people.contains(&p)),
        (Item::Speech(s), Item::Paragraph { speech, .. }) => s == speech,
        (Item::Speech(s), Item::Photo(ph)) => {
            ix.photo_speech.get(ph.index()).copied().flatten() == Some(s)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::small_transcript;
    use crate::model::{PhotoId, SpeechId};

    const ANNA: ParticipantId = ParticipantId(0);
    const BORIS: ParticipantId = ParticipantId(1);
    const LISTED: ParticipantId = ParticipantId(2);

    fn level(
        selected: &[Item],
        people: &[ParticipantId],
        hovered: Option<Item>,
        item: Item,
    ) -> Highlight {
        let t = small_transcript();
        let ix = DocIndex::build(&t);
        let focus = Focus {
            selected,
            people,
            hovered,
        };
        highlight(&t, &ix, &focus, item)
    }

    #[test]
    fn nothing_selected_is_normal() {
        assert_eq!(
            level(&[], &[], None, Item::Photo(PhotoId(0))),
            Highlight::Normal
        );
    }

    #[test]
    fn a_chosen_person_marks_their_photos_and_speeches_and_dims_the_rest() {
        let sel = [Item::Participant(ANNA)];
        let people = [ANNA];
        assert_eq!(
            level(&sel, &people, None, Item::Participant(ANNA)),
            Highlight::Selected
        );
        // Photo 0 pictures Anna, photo 1 pictures Boris only.
        assert_eq!(
            level(&sel, &people, None, Item::Photo(PhotoId(0))),
            Highlight::Related
        );
        assert_eq!(
            level(&sel, &people, None, Item::Photo(PhotoId(1))),
            Highlight::Dimmed
        );
        assert_eq!(
            level(&sel, &people, None, Item::Speech(SpeechId(0))),
            Highlight::Related
        );
        let para = Item::Paragraph {
            speech: SpeechId(1),
            index: 0,
        };
        assert_eq!(level(&sel, &people, None, para), Highlight::Dimmed);
    }

    #[test]
    fn a_selected_photo_marks_the_people_it_pictures() {
        let sel = [Item::Photo(PhotoId(1))];
        assert_eq!(
            level(&sel, &[], None, Item::Photo(PhotoId(1))),
            Highlight::Selected
        );
        assert_eq!(
            level(&sel, &[], None, Item::Participant(BORIS)),
            Highlight::Related
        );
        assert_eq!(
            level(&sel, &[], None, Item::Participant(ANNA)),
            Highlight::Normal
        );
    }

    #[test]
    fn a_selected_paragraph_marks_its_speaker() {
        let sel = [Item::Paragraph {
            speech: SpeechId(1),
            index: 0,
        }];
        assert_eq!(
            level(&sel, &[], None, Item::Participant(BORIS)),
            Highlight::Related
        );
        assert_eq!(
            level(&sel, &[], None, Item::Participant(ANNA)),
            Highlight::Normal
        );
    }

    #[test]
    fn hover_lights_related_items_but_selection_wins() {
        let hovered = Some(Item::Participant(BORIS));
        assert_eq!(
            level(&[], &[], hovered, Item::Photo(PhotoId(1))),
            Highlight::Hovered
        );
        assert_eq!(
            level(&[], &[], hovered, Item::Speech(SpeechId(1))),
            Highlight::Hovered
        );
        assert_eq!(
            level(&[], &[], hovered, Item::Photo(PhotoId(0))),
            Highlight::Normal
        );
        let sel = [Item::Photo(PhotoId(1))];
        assert_eq!(
            level(&sel, &[], hovered, Item::Photo(PhotoId(1))),
            Highlight::Selected
        );
    }

    #[test]
    fn an_attendee_list_relates_to_the_people_it_lists() {
        // Block 1 is the attendee list naming the listed-only person.
        let sel = [Item::Participant(LISTED)];
        assert_eq!(
            level(&sel, &[LISTED], None, Item::Block(1)),
            Highlight::Related
        );
        assert_eq!(
            level(&sel, &[LISTED], None, Item::Block(0)),
            Highlight::Dimmed
        );
    }
}
