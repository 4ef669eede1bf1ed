//! Data derived from the document and the selection: which rows the reader shows, which
//! mentions to highlight, which photos to mark. Rebuilt only when the selection or the
//! document changes, never per frame.

use std::collections::HashMap;

use crate::app::document::{Document, RowKind};
use crate::app::selection::{Item, Selection};
use crate::model::{ParticipantId, PhotoId, TextRef};

/// What the panels show for the current selection.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// People whose speeches the reader shows; empty when the reader shows everything
    /// (nobody is chosen, "Show all", or none of the chosen people speaks).
    pub filter: Vec<ParticipantId>,
    /// Indexes into `DocIndex::rows` of the rows the reader shows, in order (ascending:
    /// the `pos_*` look-ups search it).
    pub visible_rows: Vec<usize>,
    /// Speeches shown with the filter on.
    pub shown_speeches: usize,
    /// All speeches of the document.
    pub total_speeches: usize,
    /// Mention ranges of the chosen people, per paragraph, sorted and non-overlapping.
    pub mentions: HashMap<TextRef, Vec<(usize, usize)>>,
    /// Per photo: whether it pictures a chosen person.
    pub marked_photos: Vec<bool>,
    /// The first marked photo in timeline order.
    pub first_marked_photo: Option<PhotoId>,
    /// A selected photo whose marker the filter hides (the reader says so).
    pub hidden_photo: Option<PhotoId>,
    /// Moderator turns folded to their header (View ▸ Fold moderator turns), in order.
    pub folded: Vec<crate::model::SpeechId>,
}

impl View {
    /// Derives the view of `doc` for `selection`.
    pub fn build(doc: &Document, selection: &Selection) -> Self {
        let t = &doc.transcript;
        let ix = &doc.index;
        let people = selection.people();

        let filter: Vec<ParticipantId> = if selection.filters() {
            people
                .iter()
                .copied()
                .filter(|p| ix.speech_count(*p) > 0)
                .collect()
        } else {
            Vec::new()
        };
        let visible_rows: Vec<usize> = if filter.is_empty() {
            (0..ix.rows.len()).collect()
        } else {
            let mut rows: Vec<usize> = filter
                .iter()
                .filter_map(|p| ix.person_speeches.get(p.index()))
                .flatten()
                .filter_map(|s| ix.speech_rows.get(s.index()))
                .flatten()
                .copied()
                .collect();
            // Already in order for one person; several people's rows interleave.
            rows.sort_unstable();
            rows.dedup();
            rows
        };
        let shown_speeches = if filter.is_empty() {
            t.speeches.len()
        } else {
            t.speeches
                .iter()
                .filter(|s| filter.contains(&s.speaker))
                .count()
        };

        let mut mentions: HashMap<TextRef, Vec<(usize, usize)>> = HashMap::new();
        for p in people {
            if let Some(person) = t.participant(*p) {
                for m in &person.appearances.mentions {
                    if m.start < m.end {
                        mentions.entry(m.at).or_default().push((m.start, m.end));
                    }
                }
            }
        }
        for ranges in mentions.values_mut() {
            ranges.sort_unstable();
            *ranges = merge(ranges);
        }

        let mut marked_photos = vec![false; t.photos.len()];
        for p in people {
            for ph in ix.person_photos.get(p.index()).into_iter().flatten() {
                if let Some(m) = marked_photos.get_mut(ph.index()) {
                    *m = true;
                }
            }
        }
        let first_marked_photo = ix
            .timeline
            .iter()
            .copied()
            .find(|ph| marked_photos.get(ph.index()).copied().unwrap_or(false));

        let hidden_photo = match selection.primary() {
            Some(Item::Photo(ph)) => {
                let shown = ix
                    .photo_row
                    .get(ph.index())
                    .copied()
                    .flatten()
                    .is_some_and(|r| visible_rows.binary_search(&r).is_ok());
                (!shown).then_some(ph)
            }
            _ => None,
        };

        Self {
            filter,
            visible_rows,
            shown_speeches,
            total_speeches: t.speeches.len(),
            mentions,
            marked_photos,
            first_marked_photo,
            hidden_photo,
            folded: Vec::new(),
        }
    }

    /// Where row `r` (of `DocIndex::rows`) stands among the shown rows, if shown.
    pub fn pos_of(&self, r: usize) -> Option<usize> {
        self.visible_rows.binary_search(&r).ok()
    }

    /// The shown row nearest to row `r` at or before it: its position.
    pub fn pos_at_or_before(&self, r: usize) -> Option<usize> {
        self.visible_rows
            .partition_point(|&v| v <= r)
            .checked_sub(1)
    }

    /// The shown row nearest to row `r` at or after it: its position.
    pub fn pos_at_or_after(&self, r: usize) -> Option<usize> {
        let pos = self.visible_rows.partition_point(|&v| v < r);
        (pos < self.visible_rows.len()).then_some(pos)
    }

    /// Whether the reader is filtered to some people.
    pub fn is_filtered(&self) -> bool {
        !self.filter.is_empty()
    }

    /// Whether photo `ph` pictures a chosen person.
    pub fn is_marked(&self, ph: PhotoId) -> bool {
        self.marked_photos.get(ph.index()).copied().unwrap_or(false)
    }

    /// Folds `speeches`: the reader keeps their header and hides their paragraphs.
    pub fn fold(&mut self, doc: &Document, mut speeches: Vec<crate::model::SpeechId>) {
        if speeches.is_empty() && self.folded.is_empty() {
            return;
        }
        speeches.sort_unstable();
        speeches.dedup();
        let folded = |s: crate::model::SpeechId| speeches.binary_search(&s).is_ok();
        let rows = &doc.index.rows;
        self.visible_rows.retain(|r| {
            !matches!(rows.get(*r).map(|row| row.kind),
                Some(RowKind::SpeechParagraph { speech, .. }) if folded(speech))
        });
        self.folded = speeches;
    }

    /// Whether speech `s` is folded to its header.
    pub fn is_folded(&self, s: crate::model::SpeechId) -> bool {
        self.folded.binary_search(&s).is_ok()
    }
}

/// Merges sorted ranges that overlap or touch.
fn merge(ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for &(start, end) in ranges {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::{Document, Source};
    use crate::app::fixture::small_transcript;
    use crate::model::SpeechId;

    fn doc() -> Document {
        Document::new(small_transcript(), Source::Bundled, true)
    }

    #[test]
    fn no_selection_shows_every_row() {
        let d = doc();
        let v = View::build(&d, &Selection::default());
        assert_eq!(v.visible_rows.len(), d.index.rows.len());
        assert!(!v.is_filtered());
        assert_eq!(v.shown_speeches, 3);
    }

    #[test]
    fn a_speaker_filter_keeps_their_speeches_and_the_photos_inside_them() {
        let d = doc();
        let mut s = Selection::default();
        s.select(Item::Participant(ParticipantId(0)));
        let v = View::build(&d, &s);
        assert_eq!(v.shown_speeches, 2);
        let kinds: Vec<RowKind> = v
            .visible_rows
            .iter()
            .map(|r| d.index.rows[*r].kind)
            .collect();
        assert!(kinds.contains(&RowKind::SpeechHeader(SpeechId(0))));
        assert!(kinds.contains(&RowKind::SpeechHeader(SpeechId(2))));
        assert!(!kinds.contains(&RowKind::SpeechHeader(SpeechId(1))));
        // Photo 2 stands inside Anna's first speech; photo 0 stands before it.
        assert!(kinds.contains(&RowKind::Photo(PhotoId(2))));
        assert!(!kinds.contains(&RowKind::Photo(PhotoId(0))));
        assert!(!kinds.contains(&RowKind::Title));
        // Her mention in Boris's speech is highlighted; her photo is marked.
        assert!(v.mentions.contains_key(&TextRef::Speech {
            speech: SpeechId(1),
            paragraph: 0
        }));
        assert!(v.is_marked(PhotoId(0)));
        assert!(!v.is_marked(PhotoId(1)));
        assert_eq!(v.first_marked_photo, Some(PhotoId(0)));
    }

    #[test]
    fn a_photo_hidden_by_the_filter_is_reported() {
        let d = doc();
        let mut s = Selection::default();
        s.select(Item::Participant(ParticipantId(0)));
        s.select(Item::Photo(PhotoId(1)));
        let v = View::build(&d, &s);
        assert_eq!(v.hidden_photo, Some(PhotoId(1)));
        s.select(Item::Photo(PhotoId(2)));
        assert_eq!(View::build(&d, &s).hidden_photo, None);
    }

    #[test]
    fn choosing_someone_who_never_speaks_does_not_empty_the_reader() {
        let d = doc();
        let mut s = Selection::default();
        s.select(Item::Participant(ParticipantId(2)));
        let v = View::build(&d, &s);
        assert!(!v.is_filtered());
        assert_eq!(v.visible_rows.len(), d.index.rows.len());
    }

    #[test]
    fn two_people_show_both_their_speeches_in_document_order() {
        let d = doc();
        let mut s = Selection::default();
        s.select(Item::Participant(ParticipantId(0)));
        s.toggle(Item::Participant(ParticipantId(1)));
        let v = View::build(&d, &s);
        assert_eq!(v.shown_speeches, 3);
        assert!(v.visible_rows.windows(2).all(|w| w[0] < w[1]));
        let headers: Vec<RowKind> = v
            .visible_rows
            .iter()
            .map(|r| d.index.rows[*r].kind)
            .filter(|k| matches!(k, RowKind::SpeechHeader(_)))
            .collect();
        assert_eq!(
            headers,
            [0, 1, 2].map(|i| RowKind::SpeechHeader(SpeechId(i)))
        );
    }

    #[test]
    fn positions_of_rows_among_the_shown_ones() {
        let v = View {
            visible_rows: vec![2, 5, 9],
            ..View::default()
        };
        assert_eq!(v.pos_of(5), Some(1));
        assert_eq!(v.pos_of(4), None);
        assert_eq!(v.pos_at_or_before(4), Some(0));
        assert_eq!(v.pos_at_or_before(1), None);
        assert_eq!(v.pos_at_or_before(30), Some(2));
        assert_eq!(v.pos_at_or_after(6), Some(2));
        assert_eq!(v.pos_at_or_after(10), None);
        assert_eq!(v.pos_at_or_after(0), Some(0));
    }

    #[test]
    fn merge_joins_overlapping_ranges() {
        assert_eq!(merge(&[(0, 3), (2, 5), (7, 8)]), vec![(0, 5), (7, 8)]);
    }
}
