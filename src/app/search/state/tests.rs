//! The search state against a small transcript: rows, steps, the filter, the closed bar.

use super::*;
use crate::app::document::Source;
use crate::app::fixture::small_transcript;
use crate::app::search::count_label;
use crate::app::selection::Selection;

fn doc() -> Document {
    Document::new(small_transcript(), Source::Bundled, true)
}

fn state_for(d: &Document, query: &str, selection: &Selection) -> SearchState {
    let mut s = SearchState::default();
    s.open();
    s.set_query(query.to_owned());
    s.update(d, 1, &View::build(d, selection));
    s
}

#[test]
fn every_hit_has_a_reader_row_of_its_place() {
    let d = doc();
    let s = state_for(&d, "a", &Selection::default());
    assert!(!s.results().hits.is_empty());
    for (hit, row) in s.results().hits.iter().zip(&s.rows) {
        let row = row.and_then(|r| d.index.rows.get(r));
        let row = row.unwrap_or_else(|| panic!("no row for {:?}", hit.place));
        match hit.place {
            Place::Attendee { index, .. } => assert_eq!(row.kind, RowKind::Attendee(index)),
            Place::AttendeesOutro { .. } => assert_eq!(row.kind, RowKind::AttendeesOutro),
            Place::Caption { photo } | Place::Credit { photo } => {
                assert_eq!(row.kind, RowKind::Photo(photo));
            }
            _ => {}
        }
    }
}

#[test]
fn steps_wrap_around_and_start_from_the_reader_position() {
    let d = doc();
    let s0 = state_for(&d, "caption of photo", &Selection::default());
    assert_eq!(s0.reachable().len(), 3);
    let mut s = state_for(&d, "caption of photo", &Selection::default());
    // From the top: the first one.
    let first = s.step(true, None);
    assert_eq!(s.current_position(), Some(1));
    assert!(matches!(first, Some(Item::Photo(_))));
    s.step(true, None);
    s.step(true, None);
    assert_eq!(s.current_position(), Some(3));
    s.step(true, None);
    assert_eq!(s.current_position(), Some(1), "wraps to the first");
    s.step(false, None);
    assert_eq!(s.current_position(), Some(3), "and back to the last");
    assert_eq!(count_label(&s), "3 of 3");
    // With no current hit, Enter starts below the reader's top row.
    let mut s = state_for(&d, "caption of photo", &Selection::default());
    let last_row = s.rows.iter().flatten().max().copied();
    s.step(true, last_row);
    assert_eq!(s.current_position(), Some(3));
}

#[test]
fn the_filter_hides_hits_outside_the_chosen_speeches() {
    let d = doc();
    let all = state_for(&d, "caption of photo", &Selection::default());
    let mut sel = Selection::default();
    sel.select(Item::Participant(ParticipantId(0)));
    let filtered = state_for(&d, "caption of photo", &sel);
    // Only photo 2 stands inside Anna's speech.
    assert_eq!(all.reachable().len(), 3);
    assert_eq!(filtered.reachable().len(), 1);
    assert_eq!(filtered.hidden(), 2);
    assert_eq!(count_label(&filtered), "1 hit");
    // The timeline marks every matching photo all the same.
    assert!(filtered.photo_matches(PhotoId(0)));
}

#[test]
fn a_closed_bar_marks_nothing_and_go_to_refuses_hidden_hits() {
    let d = doc();
    let mut sel = Selection::default();
    sel.select(Item::Participant(ParticipantId(0)));
    let mut s = state_for(&d, "caption of photo", &sel);
    let hidden = (0..s.results().hits.len()).find(|i| !s.reachable().contains(i));
    assert!(hidden.is_some_and(|i| s.go_to(i).is_none()));
    let shown = s.reachable().first().copied();
    assert!(shown.is_some_and(|i| s.go_to(i).is_some()));
    let place = s.current_hit().map(|h| h.place);
    assert!(place.is_some_and(|p| !s.marks(p).is_empty()));
    s.close();
    assert!(place.is_some_and(|p| s.marks(p).is_empty()));
    assert!(!s.photo_matches(PhotoId(0)));
}
