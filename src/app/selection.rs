//! The one selection state every panel reads: what is selected, which people filter the
//! reader, what the pointer is over, and the history for back/forward.

use crate::model::{ParticipantId, PhotoId, SpeechId};

/// Anything a panel can show, select or hover. Every panel speaks this type, so a click in
/// one panel can light up the same thing in the others.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// A person (or a generic speaker such as "Question").
    Participant(ParticipantId),
    /// A whole speech.
    Speech(SpeechId),
    /// One paragraph of a speech.
    Paragraph {
        /// The speech.
        speech: SpeechId,
        /// Index into `Speech::paragraphs`.
        index: usize,
    },
    /// A block of the document flow outside speeches (lead, narrative paragraph, list, …),
    /// by index into `Transcript::blocks`.
    Block(usize),
    /// A photo.
    Photo(PhotoId),
}

impl Item {
    /// The participant, if this item is one.
    pub fn participant(self) -> Option<ParticipantId> {
        match self {
            Item::Participant(id) => Some(id),
            _ => None,
        }
    }
}

/// What is selected and which people filter the reader: one entry of the history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Selected items, in the order they were selected.
    pub items: Vec<Item>,
    /// People chosen in the sidebar: the reader shows only their speeches (unless
    /// `show_all`), and their photos and mentions are marked.
    pub people: Vec<ParticipantId>,
    /// "Show all": the people stay chosen and marked, but the reader shows everything.
    pub show_all: bool,
}

/// How many selections back/forward remembers.
const HISTORY_LIMIT: usize = 200;

/// The shared selection state. Panels read it; only the app shell changes it, once per
/// frame, from the commands the panels returned.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    current: Snapshot,
    back: Vec<Snapshot>,
    forward: Vec<Snapshot>,
    /// Hover is double-buffered: panels write it while drawing and read last frame's value,
    /// so a panel drawn early still sees what a panel drawn later hovers.
    hovered_read: Option<Item>,
    hovered_write: Option<Item>,
    scroll_request: bool,
    generation: u64,
}

impl Selection {
    /// Selected items.
    pub fn items(&self) -> &[Item] {
        &self.current.items
    }

    /// The people chosen in the sidebar (they filter the reader unless "Show all").
    pub fn people(&self) -> &[ParticipantId] {
        &self.current.people
    }

    /// Whether the chosen people filter the reader ("Show all" turns this off).
    pub fn filters(&self) -> bool {
        !self.current.people.is_empty() && !self.current.show_all
    }

    /// The current selection as a history entry.
    pub fn snapshot(&self) -> &Snapshot {
        &self.current
    }

    /// Whether `item` is selected.
    pub fn is_selected(&self, item: Item) -> bool {
        self.current.items.contains(&item)
    }

    /// The item selected last (the one panels scroll to).
    pub fn primary(&self) -> Option<Item> {
        self.current.items.last().copied()
    }

    /// What the pointer was over during the last frame.
    pub fn hovered(&self) -> Option<Item> {
        self.hovered_read
    }

    /// Records what the pointer is over in this frame (read back next frame).
    pub fn set_hovered(&mut self, item: Item) {
        self.hovered_write = Some(item);
    }

    /// True during the one frame after the selection changed: panels scroll to it then,
    /// and never otherwise, so the user's own scrolling is left alone.
    pub fn scroll_request(&self) -> bool {
        self.scroll_request
    }

    /// Bumped on every change; derived data is rebuilt when it moves.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether there is something to go back to.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether there is something to go forward to.
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Ends a frame: the hover written now becomes the one read next frame, and a pending
    /// scroll request is spent. Returns whether the hover changed (one more frame is then
    /// needed to show it).
    pub fn end_frame(&mut self) -> bool {
        self.scroll_request = false;
        let changed = self.hovered_read != self.hovered_write;
        self.hovered_read = self.hovered_write.take();
        changed
    }

    /// Selects `item` alone. Choosing a person also makes them the reader's filter;
    /// choosing anything else keeps the filter.
    pub fn select(&mut self, item: Item) {
        let mut next = self.current.clone();
        next.items = vec![item];
        if let Item::Participant(id) = item {
            next.people = vec![id];
            next.show_all = false;
        }
        self.commit(next);
    }

    /// Adds `item` to the selection or removes it (Ctrl-click). For people, the filter
    /// is the set of selected people.
    pub fn toggle(&mut self, item: Item) {
        let mut next = self.current.clone();
        if let Item::Participant(id) = item {
            // Start from the people already chosen; other selected things give way.
            next.items.retain(|i| i.participant().is_some());
            if let Some(pos) = next.people.iter().position(|p| *p == id) {
                next.people.remove(pos);
            } else {
                next.people.push(id);
            }
            next.items = next.people.iter().map(|p| Item::Participant(*p)).collect();
            next.show_all = false;
        } else if let Some(pos) = next.items.iter().position(|i| *i == item) {
            next.items.remove(pos);
        } else {
            next.items.push(item);
        }
        self.commit(next);
    }

    /// Clears the selection and the filter ("All", Escape).
    pub fn clear(&mut self) {
        self.commit(Snapshot::default());
    }

    /// "Show all": the reader shows the whole document again while the chosen people stay
    /// marked, and the selection stays, so the reader can go to a photo the filter hid.
    pub fn clear_filter(&mut self) {
        let mut next = self.current.clone();
        next.show_all = true;
        self.commit(next);
    }

    /// Goes back to the previous selection. Returns whether there was one.
    pub fn back(&mut self) -> bool {
        let Some(previous) = self.back.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.current, previous);
        self.forward.push(current);
        self.changed();
        true
    }

    /// Goes forward again after [`Self::back`]. Returns whether there was somewhere to go.
    pub fn forward(&mut self) -> bool {
        let Some(next) = self.forward.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.current, next);
        self.back.push(current);
        self.changed();
        true
    }

    /// Forgets everything (a new document was opened).
    pub fn reset(&mut self) {
        *self = Self {
            generation: self.generation.wrapping_add(1),
            ..Self::default()
        };
    }

    fn commit(&mut self, next: Snapshot) {
        if next == self.current {
            // Re-selecting the same thing still scrolls to it: the user asked to see it.
            self.changed();
            return;
        }
        let previous = std::mem::replace(&mut self.current, next);
        self.back.push(previous);
        if self.back.len() > HISTORY_LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
        self.changed();
    }

    fn changed(&mut self) {
        self.scroll_request = true;
        self.generation = self.generation.wrapping_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(i: u32) -> Item {
        Item::Participant(ParticipantId(i))
    }

    #[test]
    fn selecting_a_person_filters_and_a_photo_keeps_the_filter() {
        let mut s = Selection::default();
        s.select(p(1));
        assert_eq!(s.people(), &[ParticipantId(1)]);
        s.select(Item::Photo(PhotoId(3)));
        assert_eq!(s.items(), &[Item::Photo(PhotoId(3))]);
        assert_eq!(s.people(), &[ParticipantId(1)]);
    }

    #[test]
    fn toggle_adds_and_removes_people() {
        let mut s = Selection::default();
        s.select(p(1));
        s.toggle(p(2));
        assert_eq!(s.people(), &[ParticipantId(1), ParticipantId(2)]);
        assert_eq!(s.items(), &[p(1), p(2)]);
        s.toggle(p(1));
        assert_eq!(s.people(), &[ParticipantId(2)]);
        assert_eq!(s.items(), &[p(2)]);
    }

    #[test]
    fn back_and_forward_walk_the_history() {
        let mut s = Selection::default();
        s.select(p(1));
        s.select(Item::Photo(PhotoId(0)));
        assert!(s.back());
        assert_eq!(s.items(), &[p(1)]);
        assert!(s.back());
        assert!(s.items().is_empty());
        assert!(!s.back());
        assert!(s.forward());
        assert_eq!(s.items(), &[p(1)]);
        // A new selection drops the forward history.
        s.select(p(2));
        assert!(!s.can_go_forward());
    }

    #[test]
    fn show_all_keeps_the_people_and_the_photo_but_stops_filtering() {
        let mut s = Selection::default();
        s.select(p(1));
        s.select(Item::Photo(PhotoId(4)));
        assert!(s.filters());
        s.clear_filter();
        assert!(!s.filters());
        assert_eq!(s.people(), &[ParticipantId(1)]);
        assert_eq!(s.items(), &[Item::Photo(PhotoId(4))]);
        // Choosing someone again filters again.
        s.toggle(p(2));
        assert!(s.filters());
    }

    #[test]
    fn hover_is_read_one_frame_later_and_scroll_request_lasts_one_frame() {
        let mut s = Selection::default();
        s.set_hovered(p(1));
        assert_eq!(s.hovered(), None);
        assert!(s.end_frame());
        assert_eq!(s.hovered(), Some(p(1)));
        assert!(s.end_frame());
        assert_eq!(s.hovered(), None);

        s.select(p(1));
        assert!(s.scroll_request());
        s.end_frame();
        assert!(!s.scroll_request());
    }
}
