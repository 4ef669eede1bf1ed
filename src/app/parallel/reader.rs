//! The two-column reader: the open document on the left, its parallel version on the
//! right, row by row as [`crate::align`] paired them. One scroll area holds both columns,
//! so they always scroll together; a turn found in one version only leaves a visible gap
//! in the other, and a paragraph much shorter than its counterpart is marked.

use egui::{Align, Color32, FontId, Layout, Rect, RichText, ScrollArea, Sense, Ui, Vec2};

use super::Parallel;
use crate::align::{ParagraphRef, Row, Side};
use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::highlight::Highlight;
use crate::app::interaction;
use crate::app::selection::Item;
use crate::app::virtual_rows::{Offsets, scroll_into_view};
use crate::model::{ParticipantId, Transcript};
use crate::text::fold;

/// Space between lines.
const GAP: f32 = 6.0;
/// Space between the two columns.
const GUTTER: f32 = 18.0;
/// A line scrolled to stands this far below the top.
const SCROLL_MARGIN: f32 = 48.0;

/// One line of the two-column reading: a row's speaker headers, or one of its paired
/// paragraph groups.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Line {
    /// The speakers of alignment row `0`.
    Header(usize),
    /// Paragraph group `1` of alignment row `0`.
    Paragraphs(usize, usize),
}

/// Which version the find field searches.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum FindIn {
    /// The open document.
    A,
    /// The parallel version.
    B,
    /// Both.
    #[default]
    Both,
}

/// The reader's own state: its lines, their measured heights, and the find field.
#[derive(Debug, Default)]
pub struct ParallelReader {
    lines: Vec<Line>,
    heights: Vec<f32>,
    offsets: Offsets,
    /// (parallel generation, filter, column width) the lines were built for.
    built_for: Option<(u64, Vec<ParticipantId>, u32)>,
    dirty: bool,
    last_view: Option<std::ops::Range<f32>>,
    /// The text to find, and in which version.
    pub find: String,
    /// Which version the find field searches.
    pub find_in: FindIn,
    /// Lines holding the text found, in order.
    found: Vec<usize>,
    found_for: Option<(String, FindIn, u64, usize)>,
    /// The found line last gone to.
    current: Option<usize>,
    /// A line to bring into view on the next frame.
    scroll_to: Option<usize>,
}

impl ParallelReader {
    /// How many lines the find field found.
    pub fn found(&self) -> usize {
        self.found.len()
    }

    /// Draws the toolbar and the two columns.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext<'_>,
        p: &Parallel,
        commands: &mut Vec<Command>,
    ) {
        toolbar(ui, p, commands);
        self.find_bar(ui, p);
        let full = ui.available_width();
        let column = ((full - GUTTER) / 2.0).max(80.0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let key = (p.generation, cx.view.filter.clone(), column as u32);
        if self.built_for.as_ref() != Some(&key) {
            self.lines = lines(cx, p);
            let font = FontId::proportional(crate::app::reading_size(ui));
            let char_w = ui.fonts_mut(|f| f.glyph_width(&font, 'n')).max(4.0);
            let line_h = ui.fonts_mut(|f| f.row_height(&font));
            self.heights = self
                .lines
                .iter()
                .map(|l| estimate(cx, p, *l, column, char_w, line_h))
                .collect();
            self.dirty = true;
            self.built_for = Some(key);
            self.found_for = None;
        }
        self.update_found(cx, p);
        if self.dirty {
            self.offsets = Offsets::from_heights(self.heights.iter().copied(), GAP);
            self.dirty = false;
        }
        column_titles(ui, cx, p, column);

        let mut area = ScrollArea::vertical()
            .id_salt("parallel_reader")
            .auto_shrink([false, false]);
        let target = self.scroll_to.take().or_else(|| {
            cx.selection
                .scroll_request()
                .then(|| self.line_of_selection(cx, p))
                .flatten()
        });
        if let Some(line) = target {
            let view = self.last_view.clone().unwrap_or(0.0..0.0);
            if let Some(y) = scroll_into_view(&self.offsets, line, view, SCROLL_MARGIN) {
                area = area.vertical_scroll_offset(y);
                ui.ctx().request_repaint();
            }
        }
        if self.lines.is_empty() {
            ui.add_space(20.0);
            ui.vertical_centered(|ui| ui.weak("No speeches to show side by side."));
            return;
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            ui.set_height(self.offsets.total());
            let origin = ui.max_rect().min;
            let mut y = self
                .offsets
                .top(self.offsets.visible(viewport.min.y, viewport.max.y).start);
            for i in self.offsets.visible(viewport.min.y, viewport.max.y) {
                let Some(line) = self.lines.get(i).copied() else {
                    continue;
                };
                let found = self.found.binary_search(&i).is_ok();
                let h = draw_line(
                    ui,
                    cx,
                    p,
                    line,
                    origin + Vec2::new(0.0, y),
                    column,
                    found,
                    commands,
                );
                if let Some(old) = self.heights.get_mut(i)
                    && (*old - h).abs() > 0.5
                {
                    *old = h;
                    self.dirty = true;
                }
                y += h + GAP;
            }
            viewport
        });
        self.last_view = Some(output.inner.min.y..output.inner.max.y);
        if self.dirty {
            ui.ctx().request_repaint();
        }
    }

    /// The find field: text, which version, how many lines hold it, and stepping.
    fn find_bar(&mut self, ui: &mut Ui, p: &Parallel) {
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            ui.add(
                egui::TextEdit::singleline(&mut self.find)
                    .hint_text("in either version")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.selectable_value(&mut self.find_in, FindIn::A, "This version");
            ui.selectable_value(&mut self.find_in, FindIn::B, p.file_name())
                .on_hover_text("Find in the parallel version only");
            ui.selectable_value(&mut self.find_in, FindIn::Both, "Both");
            if !self.find.trim().is_empty() {
                ui.label(crate::format::plural(
                    self.found.len(),
                    "paragraph",
                    "paragraphs",
                ));
                let step = |reader: &mut Self, forward: bool| {
                    let n = reader.found.len();
                    if n == 0 {
                        return;
                    }
                    let next = match (reader.current, forward) {
                        (Some(k), true) => (k + 1) % n,
                        (Some(k), false) => (k + n - 1) % n,
                        (None, _) => 0,
                    };
                    reader.current = Some(next);
                    reader.scroll_to = reader.found.get(next).copied();
                };
                if ui.small_button("Previous").clicked() {
                    step(self, false);
                }
                if ui.small_button("Next").clicked() {
                    step(self, true);
                }
            }
        });
    }

    /// Works out the lines holding the find text when it, the side or the lines changed.
    fn update_found(&mut self, cx: &PanelContext<'_>, p: &Parallel) {
        let key = (
            self.find.clone(),
            self.find_in,
            p.generation,
            self.lines.len(),
        );
        if self.found_for.as_ref() == Some(&key) {
            return;
        }
        let query = fold(self.find.trim());
        self.found = if query.is_empty() {
            Vec::new()
        } else {
            self.lines
                .iter()
                .enumerate()
                .filter(|(_, line)| {
                    let Line::Paragraphs(r, g) = **line else {
                        return false;
                    };
                    let Some(group) = p.alignment.paragraph_row(r, g) else {
                        return false;
                    };
                    let holds = |t: &Transcript, refs: &[ParagraphRef]| {
                        refs.iter().any(|at| {
                            paragraph(t, *at).is_some_and(|text| fold(text).contains(&query))
                        })
                    };
                    let in_a = self.find_in != FindIn::B && holds(&cx.doc.transcript, &group.a);
                    let in_b = self.find_in != FindIn::A && holds(&p.transcript, &group.b);
                    in_a || in_b
                })
                .map(|(i, _)| i)
                .collect()
        };
        self.current = None;
        self.scroll_to = self.found.first().copied();
        self.found_for = Some(key);
    }

    /// The line of the selected speech or paragraph, or of the first speech of the chosen
    /// people.
    fn line_of_selection(&self, cx: &PanelContext<'_>, p: &Parallel) -> Option<usize> {
        let rows = &p.alignment.rows;
        let row_of = |s| rows.iter().position(|r: &Row| r.a.contains(&s));
        match cx.selection.primary()? {
            Item::Speech(s) => {
                let r = row_of(s)?;
                self.lines.iter().position(|l| *l == Line::Header(r))
            }
            Item::Paragraph { speech, index } => {
                let r = row_of(speech)?;
                let at = ParagraphRef {
                    speech,
                    paragraph: index,
                };
                let g = rows
                    .get(r)?
                    .paragraphs
                    .iter()
                    .position(|g| g.a.contains(&at))?;
                self.lines.iter().position(|l| *l == Line::Paragraphs(r, g))
            }
            Item::Participant(_) => (!self.lines.is_empty()).then_some(0),
            Item::Block(_) | Item::Photo(_) => None,
        }
    }
}

/// The text of a paragraph.
fn paragraph(t: &Transcript, at: ParagraphRef) -> Option<&str> {
    t.speech(at.speech)?
        .paragraphs
        .get(at.paragraph)
        .map(String::as_str)
}

/// The lines to show: every row, or only those of the people chosen in the sidebar (on
/// either side, through their counterparts).
fn lines(cx: &PanelContext<'_>, p: &Parallel) -> Vec<Line> {
    let filter = &cx.view.filter;
    let a = &cx.doc.transcript;
    let shown = |row: &Row| {
        filter.is_empty()
            || row
                .a
                .iter()
                .filter_map(|&s| a.speech(s))
                .any(|s| filter.contains(&s.speaker))
            || row
                .b
                .iter()
                .filter_map(|&s| p.transcript.speech(s))
                .filter_map(|s| p.alignment.counterpart(Side::B, s.speaker))
                .any(|who| filter.contains(&who))
    };
    let mut out = Vec::new();
    for (r, row) in p.alignment.rows.iter().enumerate() {
        if !shown(row) {
            continue;
        }
        out.push(Line::Header(r));
        out.extend((0..row.paragraphs.len()).map(|g| Line::Paragraphs(r, g)));
    }
    out
}

/// A height guess for a line not drawn yet.
#[allow(clippy::cast_precision_loss)]
fn estimate(
    cx: &PanelContext<'_>,
    p: &Parallel,
    line: Line,
    column: f32,
    char_w: f32,
    line_h: f32,
) -> f32 {
    let per_line = (column / char_w).max(10.0);
    match line {
        Line::Header(_) => line_h * 2.0 + 14.0,
        Line::Paragraphs(r, g) => {
            let Some(group) = p.alignment.paragraph_row(r, g) else {
                return line_h;
            };
            let chars = |t: &Transcript, refs: &[ParagraphRef]| -> usize {
                refs.iter()
                    .filter_map(|at| paragraph(t, *at))
                    .map(|text| text.chars().count())
                    .sum()
            };
            let longest = chars(&cx.doc.transcript, &group.a).max(chars(&p.transcript, &group.b));
            (longest as f32 / per_line).ceil().max(1.0) * line_h + 8.0
        }
    }
}

/// "Parallel reading: A … · B …", the summary, and Close.
fn toolbar(ui: &mut Ui, p: &Parallel, commands: &mut Vec<Command>) {
    let s = &p.alignment.summary;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Parallel reading").strong());
        ui.label(format!(
            "· {} paired · {} only in this version · {} only in {}",
            crate::format::plural(s.paired, "turn", "turns"),
            s.only_a,
            s.only_b,
            p.file_name(),
        ));
        if s.shorter > 0 {
            ui.label(
                RichText::new(format!(
                    "· {} much shorter on one side",
                    crate::format::plural(s.shorter, "paragraph", "paragraphs")
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .button("Close parallel version")
                .on_hover_text("Read the open document alone again")
                .clicked()
            {
                commands.push(Command::CloseParallel);
            }
        });
    });
}

/// The language and file of each column.
fn column_titles(ui: &mut Ui, cx: &PanelContext<'_>, p: &Parallel, column: f32) {
    let title = |t: &Transcript, name: &str| format!("{} · {name}", language_name(&t.language));
    let a_name = match &cx.doc.source {
        crate::app::document::Source::File(path) => super::file_name(path),
        crate::app::document::Source::Bundled => {
            crate::app::file_loader::BUNDLED_SAMPLE_NAME.to_owned()
        }
    };
    ui.horizontal(|ui| {
        ui.add_sized(
            [column, 18.0],
            egui::Label::new(
                RichText::new(title(&cx.doc.transcript, &a_name))
                    .small()
                    .strong(),
            ),
        );
        ui.add_space(GUTTER - ui.spacing().item_spacing.x);
        ui.add_sized(
            [column, 18.0],
            egui::Label::new(
                RichText::new(title(&p.transcript, &p.file_name()))
                    .small()
                    .strong(),
            ),
        );
    });
    ui.separator();
}

/// The name of a language code, for column titles and menus.
pub fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "fr" => "Français",
        "ru" => "Русский",
        "de" => "Deutsch",
        "" | "und" => "Unknown language",
        other => other,
    }
}

/// Draws one line at `at` (content coordinates): both sides, each in its column; returns
/// the line's height.
#[allow(clippy::too_many_arguments)]
fn draw_line(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    p: &Parallel,
    line: Line,
    at: egui::Pos2,
    column: f32,
    found: bool,
    commands: &mut Vec<Command>,
) -> f32 {
    let (r, group) = match line {
        Line::Header(r) | Line::Paragraphs(r, _) => (r, line),
    };
    let Some(row) = p.alignment.rows.get(r) else {
        return 1.0;
    };
    let mut heights = [0.0f32; 2];
    for (k, side) in [Side::A, Side::B].into_iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let left = at.x + k as f32 * (column + GUTTER);
        let rect = Rect::from_min_size(egui::pos2(left, at.y), Vec2::new(column, f32::INFINITY));
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .id_salt(("parallel", r, k, line_key(group)))
                .layout(Layout::top_down(Align::Min)),
        );
        match group {
            Line::Header(_) => header_side(&mut child, cx, p, row, side, commands),
            Line::Paragraphs(_, g) => {
                paragraph_side(&mut child, cx, p, row, g, side, found, commands)
            }
        }
        heights[k] = child.min_rect().height().max(1.0);
    }
    heights[0].max(heights[1])
}

/// A stable key for a line, for widget ids.
fn line_key(line: Line) -> (usize, usize) {
    match line {
        Line::Header(r) => (r, usize::MAX),
        Line::Paragraphs(r, g) => (r, g),
    }
}

/// What choosing something on `side` of `row` selects in the open document: its own item
/// on the left; on the right, the counterpart of the item (`a_item`), else the speaker's
/// counterpart.
fn chosen(p: &Parallel, row: &Row, side: Side, a_item: Option<Item>) -> Option<Item> {
    match side {
        Side::A => a_item,
        Side::B => a_item.or_else(|| {
            let b_speech = p.transcript.speech(*row.b.first()?)?;
            p.alignment
                .counterpart(Side::B, b_speech.speaker)
                .map(Item::Participant)
        }),
    }
}

/// Paints the highlight of a side behind it (in the `background` shape reserved before
/// its text) and turns a click on it into a selection.
fn side_response(
    ui: &mut Ui,
    background: egui::layers::ShapeIdx,
    response: &egui::Response,
    cx: &PanelContext<'_>,
    item: Option<Item>,
    commands: &mut Vec<Command>,
) {
    let level = item.map_or(Highlight::Normal, |i| cx.highlight(i));
    let level = interaction::shown(response, level);
    let fill = interaction::fill(ui, level);
    if fill != Color32::TRANSPARENT {
        ui.painter().set(
            background,
            egui::epaint::RectShape::filled(response.rect.expand(3.0), 4.0, fill),
        );
    }
    if let Some(item) = item {
        interaction::interact(ui, response, item, commands);
    }
}

/// One side of a row's header: the speaker and the speech number, or the gap.
fn header_side(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    p: &Parallel,
    row: &Row,
    side: Side,
    commands: &mut Vec<Command>,
) {
    let (t, ids) = match side {
        Side::A => (&cx.doc.transcript, &row.a),
        Side::B => (&p.transcript, &row.b),
    };
    ui.add_space(8.0);
    let Some(first) = ids.first().and_then(|&s| t.speech(s)) else {
        gap(ui, "Not in this version");
        return;
    };
    let who = t.participant(first.speaker);
    let name = who.map_or(first.label.as_str(), |w| w.display_name());
    let role = who.and_then(|w| w.name.as_ref().and(w.role.as_deref()));
    let numbers: Vec<String> = ids.iter().map(|s| format!("§{}", s.index() + 1)).collect();
    let reading = crate::app::reading_size(ui);
    let background = ui.painter().add(egui::Shape::Noop);
    let inner = ui.scope(|ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(name).size(reading + 1.0).strong());
            ui.label(RichText::new(numbers.join(" + ")).small().weak());
            if row.only() == Some(side) {
                ui.label(
                    RichText::new("only in this version")
                        .small()
                        .color(ui.visuals().warn_fg_color),
                );
            } else if row.a.len() != row.b.len() && ids.len() > 1 {
                ui.label(RichText::new("given as two turns here").small().weak());
            }
        });
        if let Some(role) = role {
            ui.label(RichText::new(role).small().weak());
        }
    });
    let response = ui.interact(
        inner.response.rect,
        ui.scope_id().with("header"),
        Sense::click(),
    );
    let a_item = row.a.first().map(|&s| Item::Speech(s));
    side_response(
        ui,
        background,
        &response,
        cx,
        chosen(p, row, side, a_item),
        commands,
    );
}

/// One side of a paragraph group: its paragraphs, or the gap; marked when much shorter.
#[allow(clippy::too_many_arguments)]
fn paragraph_side(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    p: &Parallel,
    row: &Row,
    g: usize,
    side: Side,
    found: bool,
    commands: &mut Vec<Command>,
) {
    let Some(group) = row.paragraphs.get(g) else {
        return;
    };
    let (t, refs) = match side {
        Side::A => (&cx.doc.transcript, &group.a),
        Side::B => (&p.transcript, &group.b),
    };
    if refs.is_empty() {
        gap(ui, "—");
        return;
    }
    let reading = crate::app::reading_size(ui);
    let background = ui.painter().add(egui::Shape::Noop);
    let inner = ui.scope(|ui| {
        for at in refs {
            if let Some(text) = paragraph(t, *at) {
                let mut rich = RichText::new(text).size(reading);
                if found {
                    rich =
                        rich.background_color(ui.visuals().selection.bg_fill.gamma_multiply(0.18));
                }
                ui.add(egui::Label::new(rich).wrap().selectable(false));
            }
        }
        if group.shorter == Some(side) {
            ui.label(
                RichText::new("Much shorter than the other version")
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        }
    });
    let response = ui.interact(
        inner.response.rect,
        ui.scope_id().with("paragraphs"),
        Sense::click(),
    );
    let a_item = group
        .a
        .first()
        .map(|at| Item::Paragraph {
            speech: at.speech,
            index: at.paragraph,
        })
        .or_else(|| row.a.first().map(|&s| Item::Speech(s)));
    side_response(
        ui,
        background,
        &response,
        cx,
        chosen(p, row, side, a_item),
        commands,
    );
}

/// The place of something one version does not have.
fn gap(ui: &mut Ui, text: &str) {
    let stroke = egui::Stroke::new(1.0, ui.visuals().warn_fg_color.gamma_multiply(0.6));
    egui::Frame::new()
        .stroke(stroke)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(text)
                    .italics()
                    .color(ui.visuals().warn_fg_color),
            );
        });
}
