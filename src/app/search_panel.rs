//! Search (Ctrl+F): the search bar above the reader with its list of hits, the shared
//! search state that the reader and the timeline read to mark hits, and the helpers that
//! paint hits into text.
//!
//! The matching itself lives in [`crate::search`] (no egui). This state only keeps what is
//! derived from it for the open document: the hits, which of them the reader can show with
//! the current participant filter, and which one is current. It is rebuilt when the query,
//! the document or the filter changes, never per frame.

use std::collections::HashMap;
use std::sync::Arc;

use egui::accesskit::Role;
use egui::text::{CCursor, CCursorRange, LayoutJob};
use egui::{
    Align, Color32, FontId, FontSelection, Id, Key, KeyboardShortcut, Layout, Modifiers, RichText,
    ScrollArea, Sense, Stroke, TextFormat, Ui, Vec2, WidgetText,
};

use super::PanelContext;
use super::command::Command;
use super::document::{Document, RowKind};
use super::interaction;
use super::selection::Item;
use super::view::View;
use crate::model::{BlockKind, ParticipantId, PhotoId, TextRef};
use crate::search::{self, Hit, Place, Results, SearchIndex};

/// Ctrl+F (Cmd+F on macOS): find in the document.
pub const FIND_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// Height of one row in the list of hits.
const HIT_ROW: f32 = 24.0;
/// The list of hits shows at most this many rows before it scrolls.
const LIST_ROWS: f32 = 6.0;
/// Characters of context shown before a match in the list (the match must stay visible).
const LIST_BEFORE_CHARS: usize = 40;

/// The id of the search field, so the shell can tell that Escape was meant for it.
pub fn field_id() -> Id {
    Id::unique("stenogram_search_field")
}

/// The shared search state. The shell owns it and changes it from commands; panels read it.
#[derive(Debug, Default)]
pub struct SearchState {
    open: bool,
    query: String,
    hide_list: bool,
    /// Bumped each time the field should take the keyboard (Ctrl+F).
    focus_generation: u64,
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

/// The place of a paragraph the reader draws from `text` at `at` (an attendee list's intro
/// and outro share one text reference: the text itself tells them apart).
pub fn place_of(cx: &PanelContext<'_>, at: TextRef, text: &str) -> Place {
    let block = match at {
        TextRef::Speech { speech, paragraph } => return Place::Speech { speech, paragraph },
        TextRef::Block { block } => block,
    };
    match cx.doc.transcript.blocks.get(block).map(|b| &b.kind) {
        Some(BlockKind::Lead { .. }) => Place::Lead { block },
        Some(BlockKind::Heading { .. }) => Place::Heading { block },
        Some(BlockKind::Attendees { intro, .. }) => {
            if intro.as_deref().is_some_and(|i| std::ptr::eq(i, text)) {
                Place::AttendeesIntro { block }
            } else {
                Place::AttendeesOutro { block }
            }
        }
        _ => Place::Paragraph { block },
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

/// "3 of 12", "12 hits", "No hits" (empty while there is no query).
pub fn count_label(state: &SearchState) -> String {
    let results = state.results();
    if results.query.is_empty() {
        return String::new();
    }
    let n = state.reachable().len();
    match (state.current_position(), n) {
        (_, 0) => "No hits".to_owned(),
        (Some(p), n) => format!("{} of {}", thousands(p), thousands(n)),
        (None, 1) => "1 hit".to_owned(),
        (None, n) => format!("{} hits", thousands(n)),
    }
}

/// 12345 → "12,345".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The background of a search hit: green, apart from the warm mention colour.
pub fn hit_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(32, 96, 58)
    } else {
        Color32::from_rgb(172, 228, 182)
    }
}

/// The background of the current hit: a strong orange.
pub fn current_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(196, 104, 12)
    } else {
        Color32::from_rgb(255, 158, 56)
    }
}

/// The badge and edge of a timeline card whose caption matches: a firm green.
pub fn badge_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(64, 176, 104)
    } else {
        Color32::from_rgb(30, 130, 64)
    }
}

/// Marks a timeline card whose caption or credit matches the search: a green edge on the
/// left and a "match" badge over the thumbnail's corner.
pub fn paint_card_match(ui: &Ui, card: egui::Rect, thumb: egui::Rect) {
    let color = badge_color(ui);
    let painter = ui.painter();
    let edge = egui::Rect::from_min_max(
        card.left_top() + Vec2::new(0.0, 6.0),
        egui::pos2(card.left() + 4.0, card.bottom() - 6.0),
    );
    painter.rect_filled(edge, 2.0, color);
    let text = painter.layout_no_wrap(
        "match".to_owned(),
        FontId::proportional(11.0),
        Color32::WHITE,
    );
    let size = text.size() + Vec2::new(10.0, 4.0);
    let badge =
        egui::Rect::from_min_size(thumb.left_bottom() - Vec2::new(-2.0, size.y + 2.0), size);
    painter.rect_filled(badge, 4.0, color);
    painter.galley(badge.min + Vec2::new(5.0, 2.0), text, Color32::WHITE);
}

/// Appends `text` (the text of `place`) to `job`, with the search hits marked and, when
/// given, mention ranges under them.
pub fn append_marked(
    job: &mut LayoutJob,
    ui: &Ui,
    cx: &PanelContext<'_>,
    place: Place,
    text: &str,
    plain: &TextFormat,
    mentions: Option<(&[(usize, usize)], &TextFormat)>,
) {
    let hits = cx.search.marks(place);
    let mention_ranges = mentions.map_or(&[][..], |m| m.0);
    if hits.is_empty() && mention_ranges.is_empty() {
        job.append(text, 0.0, plain.clone());
        return;
    }
    let current: Vec<(usize, usize)> = cx.search.current_range(place).into_iter().collect();
    let strong = ui.visuals().strong_text_color();
    let hit = TextFormat {
        background: hit_color(ui),
        color: strong,
        ..plain.clone()
    };
    let now = TextFormat {
        background: current_color(ui),
        color: if ui.visuals().dark_mode {
            Color32::WHITE
        } else {
            Color32::BLACK
        },
        underline: Stroke::new(1.5, strong),
        ..plain.clone()
    };
    for seg in search::segments(text, &[mention_ranges, hits, &current]) {
        let format = match seg.layer {
            Some(0) => mentions.map_or(plain, |m| m.1),
            Some(1) => &hit,
            Some(2) => &now,
            _ => plain,
        };
        job.append(text.get(seg.range).unwrap_or(""), 0.0, format.clone());
    }
}

/// `rich` with the search hits of `place` marked (as it is when there are none).
pub fn mark_rich(ui: &Ui, cx: &PanelContext<'_>, place: Place, rich: RichText) -> WidgetText {
    if cx.search.marks(place).is_empty() {
        return rich.into();
    }
    let text = rich.text().to_owned();
    let mut probe = LayoutJob::default();
    rich.append_to(&mut probe, ui.style(), FontSelection::Default, Align::Min);
    let base = probe
        .sections
        .first()
        .map(|s| s.format.clone())
        .unwrap_or_default();
    let mut job = LayoutJob::default();
    append_marked(&mut job, ui, cx, place, &text, &base, None);
    WidgetText::LayoutJob(Arc::new(job))
}

/// Like [`interaction::galley`] for `prefix` followed by the text of `place`, with its hits
/// marked.
#[allow(clippy::too_many_arguments)]
pub fn marked_galley(
    ui: &Ui,
    cx: &PanelContext<'_>,
    place: Place,
    prefix: &str,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
    max_rows: usize,
) -> Arc<egui::Galley> {
    let plain = TextFormat::simple(font, color);
    let mut job = LayoutJob::default();
    job.wrap.max_width = width.max(1.0);
    job.wrap.max_rows = max_rows;
    job.wrap.break_anywhere = max_rows == 1;
    if !prefix.is_empty() {
        job.append(prefix, 0.0, plain.clone());
    }
    append_marked(&mut job, ui, cx, place, text, &plain, None);
    ui.painter().layout_job(job)
}

/// The search bar (and its list of hits) at the top of the reader, while search is open.
pub fn ui(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let state = cx.search;
    if !state.is_open() {
        return;
    }
    let frame = egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6));
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        search_row(ui, state, commands);
        notes(ui, state, commands);
        if state.list_shown() && !state.reachable().is_empty() {
            ui.add_space(4.0);
            hit_list(ui, cx, commands);
        }
    });
    ui.add_space(4.0);
}

/// Field, count, previous / next, list toggle, close.
fn search_row(ui: &mut Ui, state: &SearchState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Find").strong());
        let mut query = state.query().to_owned();
        let mut output = egui::TextEdit::singleline(&mut query)
            .id(field_id())
            .hint_text("speeches, captions, lists, tags…")
            .desired_width(ui.available_width().clamp(120.0, 300.0))
            .show(ui);
        let response = output.response.response.clone().labelled_by(label.id);

        // Ctrl+F (again): take the keyboard and select the query, to type over it.
        let seen_key = Id::unique("stenogram_search_focus_seen");
        let seen: u64 = ui.data(|d| d.get_temp(seen_key)).unwrap_or(0);
        if seen != state.focus_generation {
            ui.data_mut(|d| d.insert_temp(seen_key, state.focus_generation));
            response.request_focus();
            let chars = query.chars().count();
            output.state.cursor.set_char_range(Some(CCursorRange::two(
                CCursor::new(0),
                CCursor::new(chars),
            )));
            output.state.store(ui.ctx(), response.id);
        }
        if response.changed() {
            commands.push(Command::SetSearchQuery(query));
        }
        if response.lost_focus() {
            let (enter, escape, shift) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.key_pressed(Key::Escape),
                    i.modifiers.shift,
                )
            });
            if enter {
                commands.push(Command::StepSearch { forward: !shift });
                // Keep typing: Enter again goes on to the next hit.
                response.request_focus();
            } else if escape {
                commands.push(Command::CloseSearch);
            }
        }

        let count = count_label(state);
        if !count.is_empty() {
            let none = state.reachable().is_empty();
            let text = RichText::new(count);
            ui.label(if none {
                text.color(ui.visuals().warn_fg_color)
            } else {
                text.strong()
            });
        }

        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let close = ui.button("🗙").on_hover_text("Close search (Esc)");
            close.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, "Close search"));
            if close.clicked() {
                commands.push(Command::CloseSearch);
            }
            let list = ui
                .selectable_label(state.list_shown(), "List")
                .on_hover_text("Show or hide the list of hits");
            if list.clicked() {
                commands.push(Command::ToggleSearchList);
            }
            let any = !state.reachable().is_empty();
            let next = ui
                .add_enabled(any, egui::Button::new("⏷"))
                .on_hover_text("Next hit (Enter)");
            next.widget_info(|| egui::WidgetInfo::labeled(Role::Button, any, "Next hit"));
            if next.clicked() {
                commands.push(Command::StepSearch { forward: true });
            }
            let prev = ui
                .add_enabled(any, egui::Button::new("⏶"))
                .on_hover_text("Previous hit (Shift+Enter)");
            prev.widget_info(|| egui::WidgetInfo::labeled(Role::Button, any, "Previous hit"));
            if prev.clicked() {
                commands.push(Command::StepSearch { forward: false });
            }
        });
    });
}

/// What the filter hides and what the cap leaves out.
fn notes(ui: &mut Ui, state: &SearchState, commands: &mut Vec<Command>) {
    let results = state.results();
    let hidden = state.hidden();
    if hidden > 0 {
        ui.horizontal_wrapped(|ui| {
            let text = if state.reachable().is_empty() {
                format!(
                    "{} outside the speeches the filter shows",
                    plural(hidden, "hit", "hits")
                )
            } else {
                format!("{} more hidden by the filter", thousands(hidden))
            };
            ui.label(RichText::new(text).weak());
            if ui
                .small_button("Search all speeches")
                .on_hover_text("Lift the participant filter (Show all)")
                .clicked()
            {
                commands.push(Command::ClearFilter);
            }
        });
    }
    if results.is_capped() {
        ui.label(
            RichText::new(format!(
                "Showing the first {} of {} hits: type more to narrow the search",
                thousands(results.hits.len()),
                thousands(results.total)
            ))
            .weak(),
        );
    }
}

/// "1 hit", "1,204 hits".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// The reachable hits, one line each: where (speaker, "Caption 7", …) and the match in its
/// context. Virtualised; scrolls to the current hit when it changes.
fn hit_list(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let state = cx.search;
    let reachable = state.reachable();
    let current_pos = state.current_position().map(|p| p - 1);
    let spacing = ui.spacing().item_spacing.y;
    let max_height = (HIT_ROW + spacing) * LIST_ROWS;
    let mut area = ScrollArea::vertical()
        .id_salt("search_hits")
        .max_height(max_height)
        .auto_shrink([false, true]);
    let seen_key = Id::unique("stenogram_search_list_current");
    let seen: Option<Option<usize>> = ui.data(|d| d.get_temp(seen_key));
    if seen != Some(current_pos) {
        ui.data_mut(|d| d.insert_temp(seen_key, current_pos));
        if let Some(p) = current_pos {
            let y = p as f32 * (HIT_ROW + spacing) - (max_height - HIT_ROW) / 2.0;
            area = area.vertical_scroll_offset(y.max(0.0));
        }
    }
    area.show_rows(ui, HIT_ROW, reachable.len(), |ui, range| {
        for pos in range {
            let Some(&index) = reachable.get(pos) else {
                continue;
            };
            if let Some(hit) = state.results().hits.get(index) {
                hit_row(ui, cx, hit, index, current_pos == Some(pos), commands);
            }
        }
    });
}

fn hit_row(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    hit: &Hit,
    index: usize,
    current: bool,
    commands: &mut Vec<Command>,
) {
    let t = &cx.doc.transcript;
    let mut place = search::place_label(t, hit.place);
    // The document-wide paragraph number, the same one citations and notes show.
    if let Some(n) = hit
        .place
        .text_ref()
        .and_then(|at| cx.annotations.number(at))
    {
        place.push_str(&format!(" ¶ {n}"));
    }
    let c = &hit.context;
    let before = shorten_front(&c.before, LIST_BEFORE_CHARS);
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), HIT_ROW), Sense::click());
    let label = format!("{place}: {}{}{}", c.before, c.matched, c.after);
    response.widget_info(|| egui::WidgetInfo::selected(Role::ListItem, true, current, &label));
    if response.clicked() {
        commands.push(Command::GoToHit(index));
    }
    if !ui.is_rect_visible(rect) {
        return;
    }
    let v = ui.visuals();
    let fill = if current {
        v.selection.bg_fill.gamma_multiply(0.55)
    } else if response.hovered() {
        v.widgets.hovered.weak_bg_fill
    } else {
        Color32::TRANSPARENT
    };
    ui.painter().rect_filled(rect, 4.0, fill);
    interaction::focus_ring(ui, &response);

    let strong = v.strong_text_color();
    let weak = v.weak_text_color();
    let text = v.text_color();
    let place_w = (rect.width() * 0.28).clamp(80.0, 170.0);
    let small = FontId::proportional(12.0);
    let place_g = interaction::galley(ui, &place, small, strong, place_w - 8.0, 1);
    let y = rect.center().y;
    let place_h = place_g.size().y;
    ui.painter().galley(
        egui::pos2(rect.left() + 6.0, y - place_h / 2.0),
        place_g,
        strong,
    );

    let font = FontId::proportional(13.0);
    let mut job = LayoutJob::default();
    job.wrap.max_width = (rect.width() - place_w - 10.0).max(20.0);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job.append(&before, 0.0, TextFormat::simple(font.clone(), weak));
    job.append(
        &c.matched,
        0.0,
        TextFormat {
            background: hit_color(ui),
            ..TextFormat::simple(font.clone(), strong)
        },
    );
    job.append(&c.after, 0.0, TextFormat::simple(font, text));
    let g = ui.painter().layout_job(job);
    let h = g.size().y;
    ui.painter()
        .galley(egui::pos2(rect.left() + place_w, y - h / 2.0), g, text);
}

/// The last `max` characters of `text`, with "…" in front when cut (at a space, when there
/// is one near the cut).
pub(crate) fn shorten_front(text: &str, max: usize) -> String {
    match text.char_indices().rev().nth(max) {
        Some((cut, c)) => {
            let rest = text.get(cut + c.len_utf8()..).unwrap_or("");
            let rest = match rest.find(' ') {
                Some(sp) if sp < 16 => rest.get(sp..).unwrap_or(rest),
                _ => rest,
            };
            format!("…{}", rest.trim_start_matches('…').trim_start())
        }
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::{Document, Source};
    use crate::app::fixture::small_transcript;
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
    fn thousands_are_grouped() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1234), "1,234");
        assert_eq!(thousands(10_000_000), "10,000,000");
    }

    #[test]
    fn shorten_front_keeps_the_end() {
        assert_eq!(shorten_front("abc", 5), "abc");
        assert_eq!(shorten_front("…one two three", 5), "…three");
        // Cut on a word, not inside one.
        assert_eq!(
            shorten_front("the meeting open. I suggest", 14),
            "…I suggest"
        );
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
}
