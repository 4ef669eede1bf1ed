//! The speech reader: the document in order, in a column of comfortable width.
//!
//! Virtualised: the document is a flat list of rows (see [`crate::app::document::Row`]) whose
//! heights are estimated from their text, then measured when they are first shown. Only
//! the rows inside the viewport are laid out, so a huge transcript costs what a screenful
//! costs.

use egui::accesskit::Role;
use egui::text::LayoutJob;
use egui::text_selection::LabelSelectionState;
use egui::{
    Align, Color32, FontId, Layout, Rect, RichText, ScrollArea, Sense, TextFormat, Ui, Vec2,
};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::document::{Row, RowKind};
use crate::app::highlight::Highlight;
use crate::app::interaction::{self, interact};
use crate::app::search::marks;
use crate::app::selection::Item;
use crate::app::virtual_rows::{Offsets, scroll_into_view};
use crate::app::windows::citations;
use crate::model::{BlockKind, TextRef};
use crate::search::Place;

/// Space between rows.
const GAP: f32 = 6.0;
/// A row scrolled to stands this far below the top, with some text above it for context.
const SCROLL_MARGIN: f32 = 48.0;
/// Indent of speech paragraphs under their header.
const SPEECH_INDENT: f32 = 14.0;

/// The reader's own state: measured row heights and where it is scrolled.
#[derive(Debug, Default)]
pub struct SpeechReader {
    /// Per row of `DocIndex::rows`: its measured height, or 0 when not yet measured.
    heights: Vec<f32>,
    /// Per row: its height estimated from its text, or 0 when not worked out yet. Kept so
    /// that a filter change on a long document adds up heights instead of estimating every
    /// shown row again.
    estimates: Vec<f32>,
    /// The column width the heights were measured at.
    measured_width: f32,
    /// Offsets of the visible rows (rebuilt when the view or a height changes).
    offsets: Offsets,
    /// (document generation, filter, folded turns) the offsets belong to: the rows shown
    /// depend on nothing else, so selecting a paragraph or a photo does not rebuild them.
    built_for: Option<(
        u64,
        Vec<crate::model::ParticipantId>,
        Vec<crate::model::SpeechId>,
    )>,
    dirty: bool,
    last_view: Option<std::ops::Range<f32>>,
    top_row: Option<usize>,
    last_target: Option<usize>,
}

impl SpeechReader {
    /// Forgets everything about the previous document.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// The row (of `DocIndex::rows`) at the top of the viewport: "you are here".
    pub fn top_row(&self) -> Option<usize> {
        self.top_row
    }

    /// The row the reader last scrolled to because the selection changed.
    pub fn last_target(&self) -> Option<usize> {
        self.last_target
    }

    /// Draws the reader.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        filter_bar(ui, cx, commands);

        let rows = &cx.doc.index.rows;
        if self.heights.len() != rows.len() {
            self.heights = vec![0.0; rows.len()];
            self.estimates = vec![0.0; rows.len()];
        }
        let font = FontId::proportional(crate::app::reading_size(ui));
        let char_width = ui.fonts_mut(|f| f.glyph_width(&font, 'n')).max(4.0);
        let full = ui.available_width();
        let column = cx
            .reading_chars
            .map_or(full, |chars| full.min(char_width * chars + SPEECH_INDENT))
            .max(120.0);
        if (column - self.measured_width).abs() > 0.5 {
            self.heights.iter_mut().for_each(|h| *h = 0.0);
            self.estimates.iter_mut().for_each(|h| *h = 0.0);
            self.measured_width = column;
            self.dirty = true;
        }

        let view_changed = self.built_for.as_ref().is_none_or(|(doc, filter, folded)| {
            *doc != cx.doc_generation || *filter != cx.view.filter || *folded != cx.view.folded
        });
        if view_changed || self.dirty {
            let line_h = ui.fonts_mut(|f| f.row_height(&font));
            let (heights, estimates) = (&self.heights, &mut self.estimates);
            let mut height = |r: usize| {
                let measured = heights.get(r).copied().unwrap_or(0.0);
                if measured > 0.0 {
                    return measured;
                }
                let Some(slot) = estimates.get_mut(r) else {
                    return line_h;
                };
                if *slot <= 0.0 {
                    *slot = rows.get(r).map_or(line_h, |row| {
                        estimate_height(cx, *row, column, char_width, line_h)
                    });
                }
                *slot
            };
            self.offsets =
                Offsets::from_heights(cx.view.visible_rows.iter().map(|r| height(*r)), GAP);
            self.dirty = false;
        }

        let mut area = ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        if cx.selection.scroll_request() {
            if let Some(y) = self.scroll_target(cx, view_changed) {
                area = area.vertical_scroll_offset(y);
                // egui clamps a jump past the end on the next frame: let that frame come now.
                ui.ctx().request_repaint();
            }
        } else if view_changed {
            // A new document starts at the top; the same one with turns folded or shown
            // keeps the row at the top (or the nearest shown row above it) in place.
            let same_doc = self
                .built_for
                .as_ref()
                .is_some_and(|(doc, ..)| *doc == cx.doc_generation);
            let keep = self
                .top_row
                .filter(|_| same_doc)
                .and_then(|r| cx.view.pos_at_or_before(r));
            area = area.vertical_scroll_offset(keep.map_or(0.0, |pos| self.offsets.top(pos)));
        }
        if view_changed {
            self.built_for = Some((
                cx.doc_generation,
                cx.view.filter.clone(),
                cx.view.folded.clone(),
            ));
        }

        if cx.view.visible_rows.is_empty() {
            ui.add_space(20.0);
            ui.vertical_centered(|ui| ui.weak("Nothing to show in this document."));
            return;
        }

        let output = area.show_viewport(ui, |ui, viewport| {
            ui.set_height(self.offsets.total());
            let left = ui.max_rect().left() + ((full - column) / 2.0).max(0.0);
            let origin_y = ui.max_rect().top();
            let range = self.offsets.visible(viewport.min.y, viewport.max.y);
            let mut y = self.offsets.top(range.start);
            for pos in range {
                let Some(&r) = cx.view.visible_rows.get(pos) else {
                    continue;
                };
                let Some(row) = rows.get(r).copied() else {
                    continue;
                };
                let rect = Rect::from_min_size(
                    egui::pos2(left, origin_y + y),
                    Vec2::new(column, f32::INFINITY),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .id_salt(("row", r))
                        .layout(Layout::top_down(Align::Min)),
                );
                draw_row(&mut child, cx, row, commands);
                let h = child.min_rect().height().max(1.0);
                if let Some(old) = self.heights.get_mut(r)
                    && (*old - h).abs() > 0.5
                {
                    *old = h;
                    self.dirty = true;
                }
                y += h + GAP;
            }
            viewport
        });
        let viewport = output.inner;
        self.last_view = Some(viewport.min.y..viewport.max.y);
        self.top_row = self
            .offsets
            .row_at(viewport.min.y + 1.0)
            .and_then(|pos| cx.view.visible_rows.get(pos).copied());
        if self.dirty {
            // Measured heights moved rows: one more frame puts them where they belong.
            ui.ctx().request_repaint();
        }
    }

    /// Where to scroll after the selection changed, if anywhere.
    fn scroll_target(&mut self, cx: &PanelContext<'_>, view_changed: bool) -> Option<f32> {
        let ix = &cx.doc.index;
        let (row, margin) = match cx.selection.primary() {
            // A filter on: their first speech is at the top.
            Some(Item::Participant(_)) if cx.view.is_filtered() => {
                (cx.view.visible_rows.first().copied(), 0.0)
            }
            // A search hit: its own row (an entry deep in a long list, say).
            Some(item) => (
                cx.search.row_for(item).or_else(|| ix.row_of(item)),
                SCROLL_MARGIN,
            ),
            // Nothing selected: keep the place the reader was at.
            None => (self.top_row, 0.0),
        };
        // The nearest shown row at or after the target (the target may be filtered out).
        let pos = row.and_then(|r| cx.view.pos_at_or_after(r));
        let Some(pos) = pos else {
            return view_changed.then_some(0.0);
        };
        let is_hidden_photo = cx.view.hidden_photo.is_some();
        if is_hidden_photo && !view_changed {
            return None;
        }
        self.last_target = cx.view.visible_rows.get(pos).copied();
        if view_changed {
            return Some((self.offsets.top(pos) - margin).max(0.0));
        }
        let view = self.last_view.clone().unwrap_or(0.0..0.0);
        scroll_into_view(&self.offsets, pos, view, margin)
    }
}

/// "2 of 9 speeches · Show all" while a filter is on, and the note about a selected photo
/// the filter hides.
fn filter_bar(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let view = cx.view;
    if !view.is_filtered() {
        return;
    }
    let t = &cx.doc.transcript;
    let names: Vec<&str> = view
        .filter
        .iter()
        .filter_map(|p| t.participant(*p))
        .map(|p| p.display_name())
        .collect();
    let frame = egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.25))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6));
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if let Some(ph) = view.hidden_photo.and_then(|ph| t.photo(ph)) {
                ui.label(
                    RichText::new(format!("Photo {} is outside the current filter", ph.number))
                        .color(ui.visuals().warn_fg_color),
                );
                ui.label("·");
            }
            ui.label(
                RichText::new(format!(
                    "{} of {} speeches",
                    view.shown_speeches, view.total_speeches
                ))
                .strong(),
            );
            ui.label(format!("· {}", names.join(", ")));
            if ui
                .button("Show all")
                .on_hover_text("Show the whole document again")
                .clicked()
            {
                commands.push(Command::ClearFilter);
            }
        });
    });
    ui.add_space(4.0);
}

/// A height guess for a row not measured yet, from its text length.
fn estimate_height(cx: &PanelContext<'_>, row: Row, width: f32, char_w: f32, line_h: f32) -> f32 {
    let chars_per_line = (width / char_w).max(10.0);
    let lines = |text: &str| (text.len() as f32 / chars_per_line).ceil().max(1.0);
    let t = &cx.doc.transcript;
    let block = t.blocks.get(row.block).map(|b| &b.kind);
    match row.kind {
        RowKind::SpeechParagraph { speech, index } => {
            let text = t
                .speech(speech)
                .and_then(|s| s.paragraphs.get(index))
                .map_or("", String::as_str);
            lines(text) * line_h + 8.0
        }
        RowKind::SpeechHeader(_) => line_h * 2.0 + 16.0,
        RowKind::Title => line_h * 2.0 + 8.0,
        RowKind::Lead | RowKind::Paragraph | RowKind::Heading => match block {
            Some(
                BlockKind::Lead { text }
                | BlockKind::Paragraph { text }
                | BlockKind::Heading { text },
            ) => lines(text) * line_h + 8.0,
            _ => line_h,
        },
        RowKind::Elision => line_h + 20.0,
        _ => line_h + 4.0,
    }
}

fn draw_row(ui: &mut Ui, cx: &PanelContext<'_>, row: Row, commands: &mut Vec<Command>) {
    let reading = crate::app::reading_size(ui);
    let t = &cx.doc.transcript;
    let Some(block) = t.blocks.get(row.block) else {
        return;
    };
    match (row.kind, &block.kind) {
        (RowKind::Title, BlockKind::Title { text }) => {
            ui.add_space(6.0);
            let place = Place::Title { block: row.block };
            let rich = RichText::new(text).size(24.0).strong();
            ui.label(marks::mark_rich(ui, cx, place, rich));
        }
        (RowKind::Dateline, BlockKind::Dateline { text }) => {
            let place = Place::Dateline { block: row.block };
            let rich = RichText::new(text).italics().weak();
            ui.label(marks::mark_rich(ui, cx, place, rich));
        }
        (RowKind::Lead, BlockKind::Lead { text }) => {
            let refs = TextRef::Block { block: row.block };
            paragraph(
                ui,
                cx,
                text,
                refs,
                Item::Block(row.block),
                reading + 1.5,
                0.0,
                commands,
            );
        }
        (RowKind::Heading, BlockKind::Heading { text }) => {
            ui.add_space(8.0);
            let place = Place::Heading { block: row.block };
            let rich = RichText::new(text).size(reading + 3.0).strong();
            ui.label(marks::mark_rich(ui, cx, place, rich));
        }
        (RowKind::Paragraph, BlockKind::Paragraph { text }) => {
            let refs = TextRef::Block { block: row.block };
            paragraph(
                ui,
                cx,
                text,
                refs,
                Item::Block(row.block),
                reading,
                0.0,
                commands,
            );
        }
        (
            RowKind::AttendeesIntro,
            BlockKind::Attendees {
                intro: Some(text), ..
            },
        )
        | (
            RowKind::AttendeesOutro,
            BlockKind::Attendees {
                outro: Some(text), ..
            },
        ) => {
            let refs = TextRef::Block { block: row.block };
            paragraph(
                ui,
                cx,
                text,
                refs,
                Item::Block(row.block),
                reading,
                0.0,
                commands,
            );
        }
        (RowKind::Attendee(i), BlockKind::Attendees { items, .. }) => {
            if let Some(a) = items.get(i) {
                let place = Place::Attendee {
                    block: row.block,
                    index: i,
                };
                attendee(ui, cx, place, &a.text, a.participant, commands);
            }
        }
        (RowKind::SpeechHeader(s), _) if cx.view.is_folded(s) => {
            crate::app::windows::questions_window::folded_header(ui, cx, s, commands);
        }
        (RowKind::SpeechHeader(s), _) => speech_header(ui, cx, s, commands),
        (RowKind::SpeechParagraph { speech, index }, _) => {
            if let Some(text) = t.speech(speech).and_then(|s| s.paragraphs.get(index)) {
                let refs = TextRef::Speech {
                    speech,
                    paragraph: index,
                };
                let item = Item::Paragraph { speech, index };
                paragraph(ui, cx, text, refs, item, reading, SPEECH_INDENT, commands);
            }
        }
        (RowKind::Photo(ph), _) => photo_marker(ui, cx, ph, commands),
        (RowKind::Elision, _) => elision(ui),
        (RowKind::Separator, _) => {
            ui.vertical_centered(|ui| ui.label(RichText::new("*   *   *").weak()));
        }
        (RowKind::Tags(section), _) => {
            if let Some(tags) = t.tags.get(section) {
                ui.add_space(4.0);
                let (block, rich) = (row.block, RichText::new(&tags.heading).small().strong());
                let place = Place::TagHeading { block, section };
                ui.label(marks::mark_rich(ui, cx, place, rich));
                let rich = RichText::new(crate::search::tags_text(&tags.values));
                let place = Place::Tags { block, section };
                ui.label(marks::mark_rich(ui, cx, place, rich));
            }
        }
        (RowKind::Link, BlockKind::Link { url }) => {
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Source:").weak());
                ui.hyperlink_to(url, url);
            });
        }
        _ => {}
    }
}

/// A paragraph: clickable, highlighted by the selection, with the chosen people's
/// mentions marked.
#[allow(clippy::too_many_arguments)]
fn paragraph(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    text: &str,
    at: TextRef,
    item: Item,
    size: f32,
    indent: f32,
    commands: &mut Vec<Command>,
) {
    let level = cx.highlight(item);
    let text_color = reading_color(ui);
    let width = ui.available_width() - indent - 8.0;
    let font = FontId::proportional(size);
    let mut job = LayoutJob::default();
    job.wrap.max_width = width.max(40.0);
    let plain = TextFormat {
        font_id: font.clone(),
        color: text_color,
        line_height: Some(size * 1.45),
        ..TextFormat::default()
    };
    let marked = TextFormat {
        background: mention_color(ui),
        color: ui.visuals().strong_text_color(),
        ..plain.clone()
    };
    // Mentions of the chosen people, with search hits over them. Ranges come from the
    // model (and from JSON files): `append_marked` trusts none of them.
    let mentions = cx.view.mentions.get(&at).map_or(&[][..], Vec::as_slice);
    // Stage directions ("(Laughter.)") in italics and a quieter colour: not what was said.
    let notes = crate::stage::stage_directions(text);
    let note = TextFormat {
        italics: true,
        color: ui.visuals().weak_text_color(),
        ..plain.clone()
    };
    let place = marks::place_of(cx, at, text);
    marks::append_marked(
        &mut job,
        ui,
        cx,
        place,
        text,
        &plain,
        Some((&notes, &note)),
        Some((mentions, &marked)),
    );
    let galley = ui.painter().layout_job(job);

    let size = Vec2::new(ui.available_width(), galley.size().y + 8.0);
    // Dragging selects words (to copy or cite them); a click still selects the paragraph.
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Paragraph, true, text));
    interact(ui, &response, item, commands);
    let response = citations::paragraph_extras(ui, cx, response, text, at, item, commands);
    if ui.is_rect_visible(rect) {
        let shown = match level {
            _ if response.hovered() && level < Highlight::Hovered => Highlight::Hovered,
            // A whole filtered speech is related: the bar on the left says enough.
            Highlight::Related => Highlight::Normal,
            other => other,
        };
        let painter = ui.painter();
        painter.rect_filled(rect, 4.0, interaction::fill(ui, shown));
        if indent > 0.0 {
            let x = rect.left() + 3.0;
            let stroke = match interaction::accent(ui, level) {
                s if s.width > 0.0 => egui::Stroke::new(3.0, s.color),
                _ => egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
            };
            painter.line_segment(
                [egui::pos2(x, rect.top()), egui::pos2(x, rect.bottom())],
                stroke,
            );
        }
        interaction::focus_ring(ui, &response);
        let at = rect.min + Vec2::new(indent + 4.0, 4.0);
        LabelSelectionState::label_text_selection(
            ui,
            &response,
            at,
            galley,
            text_color,
            egui::Stroke::NONE,
        );
        citations::note_mark(ui, cx, rect, item);
    }
}

/// Body text: a little firmer than egui's default grey, which is tuned for tool panels.
fn reading_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_gray(215)
    } else {
        Color32::from_gray(30)
    }
}

/// The background of a highlighted mention: warm, readable in both themes.
fn mention_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 85, 20)
    } else {
        Color32::from_rgb(255, 226, 140)
    }
}

/// "⋯ [passage omitted]", centred, with room above and below: a visible gap.
fn elision(ui: &mut Ui) {
    let reading = crate::app::reading_size(ui);
    let weak = ui.visuals().weak_text_color();
    // "⋯" is in egui's monospace font only.
    let dots = ui
        .painter()
        .layout_no_wrap("⋯".to_owned(), FontId::monospace(reading + 4.0), weak);
    let mut words = LayoutJob::single_section(
        "[passage omitted]".to_owned(),
        TextFormat {
            italics: true,
            ..TextFormat::simple(FontId::proportional(reading - 1.0), weak)
        },
    );
    words.wrap.max_width = f32::INFINITY;
    let words = ui.painter().layout_job(words);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), 40.0), Sense::hover());
    let total = dots.size().x + 8.0 + words.size().x;
    let x = rect.center().x - total / 2.0;
    let line_y = rect.center().y;
    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
    ui.painter().line_segment(
        [
            egui::pos2(rect.left() + 40.0, line_y),
            egui::pos2(x - 12.0, line_y),
        ],
        stroke,
    );
    ui.painter().line_segment(
        [
            egui::pos2(x + total + 12.0, line_y),
            egui::pos2(rect.right() - 40.0, line_y),
        ],
        stroke,
    );
    let dots_h = dots.size().y;
    let words_h = words.size().y;
    ui.painter()
        .galley(egui::pos2(x, line_y - dots_h / 2.0), dots, weak);
    ui.painter().galley(
        egui::pos2(x + total - words.size().x, line_y - words_h / 2.0),
        words,
        weak,
    );
}

fn speech_header(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    s: crate::model::SpeechId,
    commands: &mut Vec<Command>,
) {
    let reading = crate::app::reading_size(ui);
    let t = &cx.doc.transcript;
    let Some(speech) = t.speech(s) else {
        return;
    };
    let person = t.participant(speech.speaker);
    let name = corrected_name(
        cx,
        s,
        person.map_or(speech.label.as_str(), |p| p.display_name()),
    );
    let name = name.as_str();
    let role = person.and_then(|p| p.name.as_ref().and(p.role.as_deref()));
    let (n, m) = cx
        .doc
        .index
        .speech_number
        .get(s.index())
        .copied()
        .unwrap_or((1, 1));
    // A timed source (subtitles, speech recognition) shows when the speech starts.
    let count = match speech.times.start {
        Some(at) => format!("{} · speech {n} of {m}", at.clock()),
        None => format!("speech {n} of {m}"),
    };
    let item = Item::Speech(s);
    let level = cx.highlight(item);
    let speaker_level = cx.highlight(Item::Participant(speech.speaker));

    ui.add_space(10.0);
    let width = ui.available_width();
    let name_font = FontId::proportional(reading + 2.0);
    let small = egui::TextStyle::Small.resolve(ui.style());
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let count_g = interaction::galley(ui, &count, small.clone(), weak, width, 1);
    let name_g = interaction::galley(
        ui,
        name,
        name_font,
        strong,
        width - count_g.size().x - 24.0,
        1,
    );
    let role_g = role.map(|r| interaction::galley(ui, r, small, weak, width - 16.0, 2));
    let height = name_g.size().y + role_g.as_ref().map_or(0.0, |g| g.size().y + 2.0) + 10.0;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    let label = match role {
        Some(r) => format!("{name}, {r}, {count}"),
        None => format!("{name}, {count}"),
    };
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Heading, true, &label));
    interact(ui, &response, item, commands);
    crate::app::corrections::menus::speaker_menu(&response, t, s, commands);
    if ui.is_rect_visible(rect) {
        let shown = if response.hovered() && level < Highlight::Hovered {
            Highlight::Hovered
        } else {
            level.max(if speaker_level == Highlight::Selected {
                Highlight::Related
            } else {
                Highlight::Normal
            })
        };
        let painter = ui.painter();
        painter.rect_filled(rect, 4.0, interaction::fill(ui, shown));
        let accent = ui.visuals().selection.bg_fill;
        painter.line_segment(
            [rect.left_bottom(), rect.right_bottom()],
            egui::Stroke::new(1.0, accent),
        );
        interaction::focus_ring(ui, &response);
        let count_w = count_g.size().x;
        painter.galley(
            egui::pos2(rect.right() - count_w - 6.0, rect.top() + 7.0),
            count_g,
            weak,
        );
        let name_h = name_g.size().y;
        painter.galley(rect.min + Vec2::new(4.0, 4.0), name_g, strong);
        if let Some(g) = role_g {
            painter.galley(rect.min + Vec2::new(4.0, 6.0 + name_h), g, weak);
        }
    }
}

/// The speaker's name, with the pencil when a correction gave the speech to them.
fn corrected_name(cx: &PanelContext<'_>, s: crate::model::SpeechId, name: &str) -> String {
    let pencil = crate::app::corrections::window::PENCIL;
    match cx.doc.corrected.speeches.contains(&s) {
        true => format!("{name} {pencil}"),
        false => name.to_owned(),
    }
}

fn photo_marker(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    ph: crate::model::PhotoId,
    commands: &mut Vec<Command>,
) {
    let reading = crate::app::reading_size(ui);
    let Some(photo) = cx.doc.transcript.photo(ph) else {
        return;
    };
    let item = Item::Photo(ph);
    let level = cx.highlight(item);
    let text = format!("📷 {} · {}", photo.number, photo.caption);
    let color = if level >= Highlight::Related {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let font = FontId::proportional(reading - 2.0);
    let width = ui.available_width() - 12.0;
    let prefix = format!("📷 {} · ", photo.number);
    let place = Place::Caption { photo: ph };
    let caption = &photo.caption;
    let g = marks::marked_galley(ui, cx, place, &prefix, caption, font, color, width, 1);
    let (rect, response) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), g.size().y + 6.0),
        Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &text));
    interact(ui, &response, item, commands);
    citations::photo_menu(&response, item, commands);
    let response = response.on_hover_text(&photo.caption);
    if ui.is_rect_visible(rect) {
        let shown = interaction::shown(&response, level);
        let painter = ui.painter();
        let fill = match shown {
            Highlight::Normal | Highlight::Dimmed => ui.visuals().faint_bg_color,
            other => interaction::fill(ui, other),
        };
        painter.rect_filled(rect, 4.0, fill);
        let accent = interaction::accent(ui, level);
        if accent.width > 0.0 {
            painter.rect_stroke(rect, 4.0, accent, egui::StrokeKind::Inside);
        }
        interaction::focus_ring(ui, &response);
        painter.galley(rect.min + Vec2::new(6.0, 3.0), g, color);
        citations::note_mark(ui, cx, rect, item);
    }
}

fn attendee(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    place: Place,
    text: &str,
    person: Option<crate::model::ParticipantId>,
    commands: &mut Vec<Command>,
) {
    let reading = crate::app::reading_size(ui);
    ui.horizontal(|ui| {
        ui.add_space(10.0);
        ui.label(RichText::new("•").size(reading));
        let Some(p) = person else {
            let rich = RichText::new(text).size(reading);
            ui.label(marks::mark_rich(ui, cx, place, rich));
            return;
        };
        let item = Item::Participant(p);
        let level = cx.highlight(item);
        let mut rich = RichText::new(text).size(reading);
        if level >= Highlight::Hovered {
            rich = rich.background_color(interaction::fill(ui, level)).strong();
        }
        let response = ui.add(egui::Link::new(marks::mark_rich(ui, cx, place, rich)));
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Link, true, text));
        interact(ui, &response, item, commands);
    });
}
