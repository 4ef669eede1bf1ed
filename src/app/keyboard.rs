//! Keyboard navigation: where j/k and ←/→ go from the current selection. Pure functions of
//! the document, the view and the selection, so the rules are tested without a window.

use crate::app::document::{Document, RowKind};
use crate::app::selection::{Item, Selection};
use crate::app::view::View;
use crate::model::{PhotoId, SpeechId};

/// Which way to step.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Next (j, →).
    Next,
    /// Previous (k, ←).
    Previous,
}

/// The speech j/k go to: the next (or previous) speech the reader shows, counted from the
/// selected speech or paragraph, else from the row at the top of the reader.
pub fn speech_step(
    doc: &Document,
    view: &View,
    selection: &Selection,
    top_row: Option<usize>,
    step: Step,
) -> Option<SpeechId> {
    let ix = &doc.index;
    let from_selection = selection.primary().and_then(|item| match item {
        Item::Speech(_) | Item::Paragraph { .. } | Item::Photo(_) | Item::Block(_) => {
            ix.row_of(item)
        }
        Item::Participant(_) => None,
    });
    // Position in the shown rows; a selection the filter hides counts from where it would be.
    let row = from_selection.or(top_row);
    let pos = row.map(|r| match view.visible_rows.binary_search(&r) {
        Ok(p) => (p, true),
        Err(p) => (p, false),
    });
    let header = |r: &usize| match ix.rows.get(*r).map(|row| row.kind) {
        Some(RowKind::SpeechHeader(s)) => Some(s),
        _ => None,
    };
    let rows = &view.visible_rows;
    match (step, pos) {
        // Nothing to count from: the first (or last) speech.
        (Step::Next, None) => rows.iter().find_map(header),
        (Step::Previous, None) => rows.iter().rev().find_map(header),
        (Step::Next, Some((p, exact))) => {
            // Counting from the top of the reader, a speech whose header stands at the
            // top is the next one to select; counting from a selection, it is passed.
            let start = if exact && from_selection.is_some() {
                p + 1
            } else {
                p
            };
            rows.get(start..)?.iter().find_map(header)
        }
        // From inside a speech, "previous" first goes to that speech's own header.
        (Step::Previous, Some((p, _))) => rows.get(..p)?.iter().rev().find_map(header),
    }
}

/// The photo ←/→ go to: the next (or previous) photo in the timeline, counted from the
/// selected photo, else from the timeline's "you are here" marker.
pub fn photo_step(
    doc: &Document,
    selection: &Selection,
    here: Option<usize>,
    step: Step,
) -> Option<PhotoId> {
    let ix = &doc.index;
    let timeline = &ix.timeline;
    if timeline.is_empty() {
        return None;
    }
    let selected = selection.primary().and_then(|item| match item {
        Item::Photo(p) => ix.timeline_pos.get(p.index()).copied(),
        _ => None,
    });
    let pos = match (selected, step) {
        (Some(p), Step::Next) => p + 1,
        (Some(p), Step::Previous) => p.checked_sub(1)?,
        // The marker stands before card `h`: → selects that card, ← the one before it.
        (None, Step::Next) => here.unwrap_or(0),
        (None, Step::Previous) => here.unwrap_or(timeline.len()).checked_sub(1)?,
    };
    timeline.get(pos).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::Source;
    use crate::app::fixture::small_transcript;

    fn setup() -> (Document, Selection) {
        let doc = Document::new(small_transcript(), Source::Bundled, true);
        (doc, Selection::default())
    }

    fn speeches(doc: &Document) -> Vec<SpeechId> {
        doc.transcript.speeches.iter().map(|s| s.id).collect()
    }

    #[test]
    fn j_and_k_walk_the_speeches_in_order() {
        let (doc, mut sel) = setup();
        let all = speeches(&doc);
        assert!(all.len() >= 3, "the fixture has several speeches");
        let view = View::build(&doc, &sel);
        let first = speech_step(&doc, &view, &sel, None, Step::Next);
        assert_eq!(first, all.first().copied());
        sel.select(Item::Speech(all[0]));
        let view = View::build(&doc, &sel);
        assert_eq!(
            speech_step(&doc, &view, &sel, None, Step::Next),
            Some(all[1])
        );
        sel.select(Item::Speech(all[1]));
        let view = View::build(&doc, &sel);
        assert_eq!(
            speech_step(&doc, &view, &sel, None, Step::Previous),
            Some(all[0])
        );
        // k from a paragraph goes to the header of its own speech first.
        sel.select(Item::Paragraph {
            speech: all[1],
            index: 0,
        });
        let view = View::build(&doc, &sel);
        assert_eq!(
            speech_step(&doc, &view, &sel, None, Step::Previous),
            Some(all[1])
        );
        // Past the last speech there is nowhere to go.
        let last = *all.last().unwrap_or(&all[0]);
        sel.select(Item::Speech(last));
        let view = View::build(&doc, &sel);
        assert_eq!(speech_step(&doc, &view, &sel, None, Step::Next), None);
    }

    #[test]
    fn j_skips_speeches_the_filter_hides() {
        let (doc, mut sel) = setup();
        let speaker = doc.transcript.speeches[1].speaker;
        sel.select(Item::Participant(speaker));
        let view = View::build(&doc, &sel);
        let mut at: Option<SpeechId> = None;
        let mut seen = Vec::new();
        loop {
            if let Some(s) = at {
                sel.select(Item::Speech(s));
            }
            let view = View::build(&doc, &sel);
            match speech_step(&doc, &view, &sel, None, Step::Next) {
                Some(s) if !seen.contains(&s) => {
                    seen.push(s);
                    at = Some(s);
                }
                _ => break,
            }
        }
        let theirs: Vec<SpeechId> = doc
            .transcript
            .speeches
            .iter()
            .filter(|s| s.speaker == speaker)
            .map(|s| s.id)
            .collect();
        assert_eq!(seen, theirs);
        drop(view);
    }

    #[test]
    fn arrows_step_through_photos_from_the_selection_or_the_marker() {
        let (doc, mut sel) = setup();
        let timeline = doc.index.timeline.clone();
        assert!(timeline.len() >= 2);
        assert_eq!(
            photo_step(&doc, &sel, Some(0), Step::Next),
            Some(timeline[0])
        );
        assert_eq!(photo_step(&doc, &sel, Some(0), Step::Previous), None);
        sel.select(Item::Photo(timeline[0]));
        assert_eq!(photo_step(&doc, &sel, None, Step::Next), Some(timeline[1]));
        assert_eq!(photo_step(&doc, &sel, None, Step::Previous), None);
        let last = timeline[timeline.len() - 1];
        sel.select(Item::Photo(last));
        assert_eq!(photo_step(&doc, &sel, None, Step::Next), None);
    }
}
