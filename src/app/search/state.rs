//! The shared search state: the shell owns it and changes it from commands; the bar, the
//! reader and the timeline read it.

use std::collections::HashMap;

use crate::app::document::{Document, RowKind};
use crate::app::selection::Item;
use crate::app::view::View;
use crate::model::{BlockKind, ParticipantId, PhotoId};
use crate::search::{Hit, Place, Results, SearchIndex};

/// The shared search state. The shell owns it and changes it from commands; panels read it.
#[derive(Debug, Default)]
pub struct SearchState {
    open: bool,
    query: String,
    hide_list: bool,
    /// Bumped each time the field should take the keyboard (Ctrl+F).
    pub(super) focus_generation: u64,
    /// The folded document, per document generation (built on the first search).
    index: Option<(u64, SearchIndex)>,
    results: Results,
    /// (document generation, query) the results belong to.
    results_for: Option<(u64, String)>,
    results_generation: u64,
    /// Per hit: the reader row that shows it.
    rows: Vec<Option<usize>>,
    /// Hits the reader shows with the current filter (indexes into `results.hits`).
    reachable: Vec<usize>,
    /// (document generation, results generation, filter) `reachable` belongs to.
    reachable_for: Option<(u64, u64, Vec<ParticipantId>)>,
    /// The current hit (index into `results.hits`), always a reachable one.
    current: Option<usize>,
    /// Hit ranges per place, in text order.
    marks: HashMap<Place, Vec<(usize, usize)>>,
    /// Per photo: its caption or credit matches.
    photo_marks: Vec<bool>,
}

impl SearchState {
    /// Whether the search bar is shown (hits are marked only while it is).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The query as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Every hit of the query (the first [`search::MAX_HITS`]) and the total count.
    pub fn results(&self) -> &Results {
        &self.results
    }

    /// The hits the reader can show with the current participant filter (indexes into
    /// `results().hits`, in document order).
    pub fn reachable(&self) -> &[usize] {
        &self.reachable
    }

    /// Listed hits the participant filter hides.
    pub fn hidden(&self) -> usize {
        self.results.hits.len().saturating_sub(self.reachable.len())
    }

    /// The current hit.
    pub fn current_hit(&self) -> Option<&Hit> {
        self.results.hits.get(self.current?)
    }

    /// The current hit's position among the reachable ones, from 1.
    pub fn current_position(&self) -> Option<usize> {
        let current = self.current?;
        self.reachable.binary_search(&current).ok().map(|p| p + 1)
    }

    /// Hit ranges in the text of `place` (nothing while the bar is closed).
    pub fn marks(&self, place: Place) -> &[(usize, usize)] {
        if !self.open {
            return &[];
        }
        self.marks.get(&place).map_or(&[], Vec::as_slice)
    }

    /// The current hit's range, when it is in `place`.
    pub fn current_range(&self, place: Place) -> Option<(usize, usize)> {
        let hit = self.current_hit().filter(|_| self.open)?;
        (hit.place == place).then_some((hit.start, hit.end))
    }

    /// Whether the caption or the credit of `photo` matches (only while the bar is open).
    pub fn photo_matches(&self, photo: PhotoId) -> bool {
        self.open
            && self
                .photo_marks
                .get(photo.index())
                .copied()
                .unwrap_or(false)
    }

    /// The reader row of the current hit, when `item` is what it selects: the reader
    /// scrolls there rather than to the top of a long attendee list.
    pub fn row_for(&self, item: Item) -> Option<usize> {
        let current = self.current?;
        let hit = self.results.hits.get(current)?;
        (item_of(hit.place) == item)
            .then(|| self.rows.get(current).copied().flatten())
            .flatten()
    }

    /// Opens the bar and puts the keyboard in its field (its text selected).
    pub fn open(&mut self) {
        self.open = true;
        self.focus_generation = self.focus_generation.wrapping_add(1);
    }

    /// Closes the bar; the query stays for next time.
    pub fn close(&mut self) {
        self.open = false;
        self.current = None;
    }

    /// Shows or hides the list of hits.
    pub fn toggle_list(&mut self) {
        self.hide_list = !self.hide_list;
    }

    /// Whether the list of hits is shown.
    pub fn list_shown(&self) -> bool {
        !self.hide_list
    }

    /// Replaces the query (the hits follow on the next [`Self::update`]).
    pub fn set_query(&mut self, query: String) {
        if query != self.query {
            self.query = query;
            self.current = None;
        }
    }

    /// Brings the hits up to date with the query, the document and the filter. Cheap when
    /// nothing changed.
    pub fn update(&mut self, doc: &Document, doc_generation: u64, view: &View) {
        // Another document: free the old one's folded text now, not on the next search.
        if self
            .index
            .as_ref()
            .is_some_and(|(g, _)| *g != doc_generation)
        {
            self.index = None;
        }
        if !self.open {
            return;
        }
        let stale = self
            .results_for
            .as_ref()
            .is_none_or(|(g, q)| *g != doc_generation || *q != self.query);
        if stale {
            let t = &doc.transcript;
            self.results = if self.query.trim().is_empty() {
                Results::default()
            } else {
                if self
                    .index
                    .as_ref()
                    .is_none_or(|(g, _)| *g != doc_generation)
                {
                    self.index = Some((doc_generation, SearchIndex::build(t)));
                }
                self.index
                    .as_ref()
                    .map(|(_, ix)| ix.search(t, &self.query))
                    .unwrap_or_default()
            };
            self.rows = self
                .results
                .hits
                .iter()
                .map(|h| row_of_place(doc, h.place))
                .collect();
            self.marks.clear();
            for hit in &self.results.hits {
                self.marks
                    .entry(hit.place)
                    .or_default()
                    .push((hit.start, hit.end));
            }
            self.photo_marks = vec![false; t.photos.len()];
            for ph in &self.results.photos {
                if let Some(m) = self.photo_marks.get_mut(ph.index()) {
                    *m = true;
                }
            }
            self.results_for = Some((doc_generation, self.query.clone()));
            self.results_generation = self.results_generation.wrapping_add(1);
            self.current = None;
        }
        let reachable_stale = self.reachable_for.as_ref().is_none_or(|(g, r, f)| {
            *g != doc_generation || *r != self.results_generation || *f != view.filter
        });
        if reachable_stale {
            self.reachable = (0..self.results.hits.len())
                .filter(|&i| {
                    self.rows
                        .get(i)
                        .copied()
                        .flatten()
                        .and_then(|r| view.pos_of(r))
                        .is_some()
                })
                .collect();
            if self
                .current
                .is_some_and(|c| self.reachable.binary_search(&c).is_err())
            {
                self.current = None;
            }
            self.reachable_for =
                Some((doc_generation, self.results_generation, view.filter.clone()));
        }
    }

    /// Moves to the next (or previous) reachable hit, wrapping around; with no current hit,
    /// starts from `from_row` (the reader's top row). Returns what to select.
    pub fn step(&mut self, forward: bool, from_row: Option<usize>) -> Option<Item> {
        let n = self.reachable.len();
        if n == 0 {
            return None;
        }
        let at = self
            .current
            .and_then(|c| self.reachable.binary_search(&c).ok());
        let pos = match at {
            Some(p) if forward => (p + 1) % n,
            Some(p) => (p + n - 1) % n,
            None => {
                let from = from_row.unwrap_or(0);
                let row = |h: &usize| self.rows.get(*h).copied().flatten().unwrap_or(0);
                if forward {
                    self.reachable
                        .iter()
                        .position(|h| row(h) >= from)
                        .unwrap_or(0)
                } else {
                    self.reachable
                        .iter()
                        .rposition(|h| row(h) < from)
                        .unwrap_or(n - 1)
                }
            }
        };
        self.current = self.reachable.get(pos).copied();
        self.current_hit().map(|h| item_of(h.place))
    }

    /// Makes hit `index` (into `results().hits`) the current one, if the reader shows it.
    /// Returns what to select.
    pub fn go_to(&mut self, index: usize) -> Option<Item> {
        self.reachable.binary_search(&index).ok()?;
        self.current = Some(index);
        self.current_hit().map(|h| item_of(h.place))
    }
}

/// What selecting a hit selects: its paragraph, its photo, or its block.
pub fn item_of(place: Place) -> Item {
    match place {
        Place::Speech { speech, paragraph } => Item::Paragraph {
            speech,
            index: paragraph,
        },
        Place::Caption { photo } | Place::Credit { photo } => Item::Photo(photo),
        other => Item::Block(other.block().unwrap_or(0)),
    }
}

/// The reader row that shows `place`.
pub fn row_of_place(doc: &Document, place: Place) -> Option<usize> {
    let ix = &doc.index;
    let first = |block: usize| ix.block_row.get(block).copied().flatten();
    // The row at or after the block's first row with this kind.
    let find = |block: usize, kind: RowKind| {
        let start = first(block)?;
        ix.rows
            .get(start..)?
            .iter()
            .take_while(|r| r.block == block)
            .position(|r| r.kind == kind)
            .map(|p| start + p)
    };
    match place {
        Place::Speech { speech, paragraph } => ix.row_of(Item::Paragraph {
            speech,
            index: paragraph,
        }),
        Place::Caption { photo } | Place::Credit { photo } => ix.row_of(Item::Photo(photo)),
        Place::Attendee { block, index } => {
            let intro = matches!(
                doc.transcript.blocks.get(block).map(|b| &b.kind),
                Some(BlockKind::Attendees { intro: Some(_), .. })
            );
            let guess = first(block)? + usize::from(intro) + index;
            match ix.rows.get(guess) {
                Some(r) if r.block == block && r.kind == RowKind::Attendee(index) => Some(guess),
                _ => find(block, RowKind::Attendee(index)),
            }
        }
        Place::AttendeesOutro { block } => find(block, RowKind::AttendeesOutro),
        other => first(other.block()?),
    }
}

#[cfg(test)]
mod tests;
