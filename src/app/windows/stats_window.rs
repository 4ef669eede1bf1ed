//! The Statistics window (View ▸ Statistics) and the sidebar's talk-share bar. Both only
//! draw: the figures come from [`crate::stats::Stats`], counted once when the document
//! opened.

use egui::accesskit::Role;
use egui::{Color32, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::highlight::Highlight;
use crate::app::interaction::{self, interact};
use crate::app::selection::Item;
use crate::format::noun;
use crate::model::ParticipantId;
use crate::stats::{PersonStats, Stats, format_duration, format_share};

const ROW_HEIGHT: f32 = 26.0;
/// Talk-share segments narrower than this are gathered into one "others" segment.
const MIN_SEGMENT: f32 = 3.0;

/// Colours for speakers, by their rank in words (readable on light and dark backgrounds).
const PALETTE: [Color32; 10] = [
    Color32::from_rgb(78, 121, 167),
    Color32::from_rgb(242, 142, 43),
    Color32::from_rgb(225, 87, 89),
    Color32::from_rgb(118, 183, 178),
    Color32::from_rgb(89, 161, 79),
    Color32::from_rgb(237, 201, 72),
    Color32::from_rgb(176, 122, 161),
    Color32::from_rgb(255, 157, 167),
    Color32::from_rgb(156, 117, 95),
    Color32::from_rgb(186, 176, 172),
];

/// The colour of a speaker: the same in the talk-share bar and the statistics table.
pub fn speaker_color(stats: &Stats, p: ParticipantId) -> Color32 {
    match stats.rank(p) {
        Some(r) => PALETTE
            .get(r % PALETTE.len())
            .copied()
            .unwrap_or(Color32::GRAY),
        None => Color32::GRAY,
    }
}

/// A column of the statistics table.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Column {
    /// The participant's name.
    Name,
    /// Speeches.
    Speeches,
    /// Words.
    Words,
    /// Share of all words.
    Share,
    /// Photos.
    Photos,
    /// First appearance.
    First,
    /// Speaking time, for documents with times.
    Time,
    /// Questions asked.
    Asked,
    /// Questions answered.
    Answered,
}

impl Column {
    fn title(self) -> &'static str {
        match self {
            Column::Name => "Participant",
            Column::Speeches => "Speeches",
            Column::Words => "Words",
            Column::Share => "Share of words",
            Column::Photos => "Photos",
            Column::First => "First appears",
            Column::Time => "Speaking time",
            Column::Asked => "Asked",
            Column::Answered => "Answered",
        }
    }

    /// Width in points (the name takes what is left).
    fn width(self) -> f32 {
        match self {
            Column::Name => 0.0,
            Column::Photos | Column::Asked => 68.0,
            Column::Speeches | Column::Words => 82.0,
            Column::Answered => 90.0,
            Column::Share => 150.0,
            Column::First => 130.0,
            Column::Time => 120.0,
        }
    }

    /// Numbers read best largest first; names and places in order.
    fn descending_first(self) -> bool {
        !matches!(self, Column::Name | Column::First)
    }
}

/// The window's own state: whether it is shown and how the table is sorted.
#[derive(Debug)]
pub struct StatsWindow {
    open: bool,
    sort: Column,
    descending: bool,
    /// (document generation, sort, descending) the order was built for.
    built_for: Option<(u64, Column, bool)>,
    order: Vec<ParticipantId>,
}

impl Default for StatsWindow {
    fn default() -> Self {
        Self {
            open: false,
            sort: Column::Words,
            descending: true,
            built_for: None,
            order: Vec::new(),
        }
    }
}

impl StatsWindow {
    /// Shows the window (View ▸ Statistics).
    pub fn show(&mut self) {
        self.open = true;
    }

    /// Whether the window is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The column the table is sorted by, and whether largest first.
    pub fn sort(&self) -> (Column, bool) {
        (self.sort, self.descending)
    }

    /// Draws the window when it is shown.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        let center = ctx.content_rect().center();
        egui::Window::new("Statistics")
            .open(&mut open)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(center)
            .default_size([860.0, 420.0])
            .min_width(660.0)
            .resizable(true)
            .show(ctx, |ui| self.contents(ui, cx, commands));
        self.open = open;
    }

    fn contents(&mut self, ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        let t = &cx.doc.transcript;
        let stats = &cx.doc.stats;
        let speakers = stats.by_words.len();
        let mut summary = format!(
            "{} words in {} {} by {} {}",
            stats.total_words,
            t.speeches.len(),
            noun(t.speeches.len(), "speech", "speeches"),
            speakers,
            noun(speakers, "speaker", "speakers"),
        );
        if stats.has_questions {
            let n = cx.doc.qa.pairs.len();
            summary.push_str(&format!(" · {n} {}", noun(n, "question", "questions")));
        }
        ui.label(summary);
        ui.weak("Click a row to select that person; click a column title to sort.");
        ui.add_space(4.0);

        let columns = columns(stats.has_times, stats.has_questions);
        let key = (cx.doc_generation, self.sort, self.descending);
        if self.built_for != Some(key) {
            self.order = sorted(cx, self.sort, self.descending);
            self.built_for = Some(key);
        }

        let width = ui.available_width();
        let name_w = name_width(width, &columns);
        let total_w = name_w + columns.iter().map(|c| c.width()).sum::<f32>();
        let (header, _) = ui.allocate_exact_size(Vec2::new(total_w, 22.0), Sense::hover());
        let mut x = header.left();
        for col in &columns {
            let w = if *col == Column::Name {
                name_w
            } else {
                col.width()
            };
            let rect = Rect::from_min_size(egui::pos2(x, header.top()), Vec2::new(w, 22.0));
            x += w;
            if self.header_cell(ui, rect, *col) {
                if self.sort == *col {
                    self.descending = !self.descending;
                } else {
                    self.sort = *col;
                    self.descending = col.descending_first();
                }
            }
        }
        ui.separator();

        if self.order.is_empty() {
            ui.weak("No participants found in this document.");
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("stats_rows")
            .auto_shrink([false, true])
            .show_rows(ui, ROW_HEIGHT, self.order.len(), |ui, range| {
                ui.spacing_mut().item_spacing.y = 0.0;
                for p in self.order.get(range).unwrap_or(&[]) {
                    if let Some(ps) = stats.person(*p) {
                        stats_row(ui, cx, ps, &columns, name_w, commands);
                    }
                }
            });
    }
}

impl StatsWindow {
    /// A column title that sorts by its column; true when clicked.
    fn header_cell(&self, ui: &mut Ui, rect: Rect, col: Column) -> bool {
        let sorted = self.sort == col;
        let arrow = match (sorted, self.descending) {
            (false, _) => "",
            (true, true) => " ⏷",
            (true, false) => " ⏶",
        };
        let response = ui.interact(
            rect,
            ui.scope_id().with(("stats_header", col.title())),
            Sense::click(),
        );
        let label = match (sorted, self.descending) {
            (false, _) => col.title().to_owned(),
            (true, true) => format!("{} (sorted, largest first)", col.title()),
            (true, false) => format!("{} (sorted, smallest first)", col.title()),
        };
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &label));
        let response = response.on_hover_text(format!("Sort by {}", col.title().to_lowercase()));
        if ui.is_rect_visible(rect) {
            let painter = ui.painter();
            if response.hovered() {
                painter.rect_filled(rect, 3.0, interaction::fill(ui, Highlight::Hovered));
            }
            interaction::focus_ring(ui, &response);
            let color = ui.visuals().strong_text_color();
            let font = egui::TextStyle::Body.resolve(ui.style());
            let inner = rect.shrink2(Vec2::new(6.0, 0.0));
            let text = format!("{}{arrow}", col.title());
            let g = interaction::galley(ui, &text, font, color, inner.width(), 1);
            let y = inner.center().y - g.size().y / 2.0;
            let gx = match col {
                Column::Name => inner.left() + 14.0,
                Column::First | Column::Share => inner.left(),
                _ => inner.right() - g.size().x,
            };
            painter.galley(egui::pos2(gx, y), g, color);
        }
        response.clicked()
    }
}

/// The table's columns: speaking time only for documents with times, the question counts
/// only for documents with questions.
fn columns(has_times: bool, has_questions: bool) -> Vec<Column> {
    let mut columns = vec![
        Column::Name,
        Column::Speeches,
        Column::Words,
        Column::Share,
        Column::Photos,
        Column::First,
    ];
    if has_times {
        columns.push(Column::Time);
    }
    if has_questions {
        columns.extend([Column::Asked, Column::Answered]);
    }
    columns
}

fn name_width(total: f32, columns: &[Column]) -> f32 {
    let fixed: f32 = columns.iter().map(|c| c.width()).sum();
    (total - fixed).max(140.0)
}

/// Everyone in the document, in the chosen order (ties in order of appearance).
fn sorted(cx: &PanelContext<'_>, sort: Column, descending: bool) -> Vec<ParticipantId> {
    use std::cmp::Ordering;
    let t = &cx.doc.transcript;
    let stats = &cx.doc.stats;
    let number = |p: &PersonStats| -> usize {
        match sort {
            Column::Speeches => p.speeches,
            Column::Words | Column::Share => p.words,
            Column::Photos => p.photos,
            Column::First => p.first.and_then(|f| f.block).unwrap_or(usize::MAX),
            Column::Asked => p.asked,
            Column::Answered => p.answered,
            Column::Time => p
                .speaking_time
                .map_or(0, |t| usize::try_from(t.0).unwrap_or(usize::MAX)),
            Column::Name => 0,
        }
    };
    // Names are folded once each, not once per comparison.
    let mut keyed: Vec<(String, usize, ParticipantId)> = stats
        .people
        .iter()
        .map(|p| {
            let name = if sort == Column::Name {
                t.participant(p.participant)
                    .map(|x| crate::text::fold(x.display_name()))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            (name, number(p), p.participant)
        })
        .collect();
    keyed.sort_by(|a, b| {
        let by_key = a.0.cmp(&b.0).then(a.1.cmp(&b.1));
        let by_key = if descending { by_key.reverse() } else { by_key };
        match by_key {
            Ordering::Equal => a.2.cmp(&b.2),
            other => other,
        }
    });
    keyed.into_iter().map(|(_, _, p)| p).collect()
}

/// What a row says, for screen readers and tests: "Marc Delorme: 3 speeches, 57 words,
/// 42% of words, 0 photos, first in speech 2, speaks 1 min 05 s, answered 2 questions"
/// (the speaking time only for a timed document).
pub fn row_label(cx: &PanelContext<'_>, ps: &PersonStats) -> String {
    let t = &cx.doc.transcript;
    let name = t
        .participant(ps.participant)
        .map_or("?", |p| p.display_name());
    let mut label = format!(
        "{name}: {} {}, {} {}, {} of words, {} {}",
        ps.speeches,
        noun(ps.speeches, "speech", "speeches"),
        ps.words,
        noun(ps.words, "word", "words"),
        format_share(ps.share),
        ps.photos,
        noun(ps.photos, "photo", "photos"),
    );
    if let Some(first) = ps.first {
        label.push_str(&format!(", first in {}", first.describe(t)));
    }
    if let Some(time) = ps.speaking_time {
        label.push_str(&format!(", speaks {}", format_duration(time)));
    }
    if cx.doc.stats.has_questions {
        label.push_str(&format!(", asked {}, answered {}", ps.asked, ps.answered));
    }
    label
}

fn stats_row(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    ps: &PersonStats,
    columns: &[Column],
    name_w: f32,
    commands: &mut Vec<Command>,
) {
    let t = &cx.doc.transcript;
    let stats = &cx.doc.stats;
    let width = name_w + columns.iter().map(|c| c.width()).sum::<f32>();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, ROW_HEIGHT), Sense::click());
    let item = Item::Participant(ps.participant);
    let level = cx.highlight(item);
    let label = row_label(cx, ps);
    response.widget_info(|| {
        egui::WidgetInfo::selected(Role::Button, true, level == Highlight::Selected, &label)
    });
    interact(ui, &response, item, commands);
    if !ui.is_rect_visible(rect) {
        return;
    }
    let shown = interaction::shown(&response, level);
    let painter = ui.painter();
    painter.rect_filled(rect, 3.0, interaction::fill(ui, shown));
    interaction::focus_ring(ui, &response);

    let body = egui::TextStyle::Body.resolve(ui.style());
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let person = t.participant(ps.participant);
    let mut x = rect.left();
    for col in columns {
        let w = if *col == Column::Name {
            name_w
        } else {
            col.width()
        };
        let cell = Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, ROW_HEIGHT));
        x += w;
        let inner = cell.shrink2(Vec2::new(6.0, 0.0));
        let number = |n: usize| {
            if n == 0 {
                "–".to_owned()
            } else {
                n.to_string()
            }
        };
        let (value, color) = match col {
            Column::Name => {
                let name = person.map_or("?", |p| p.display_name());
                (name.to_owned(), ui.visuals().strong_text_color())
            }
            Column::Speeches => (number(ps.speeches), text),
            Column::Words => (number(ps.words), text),
            Column::Photos => (number(ps.photos), text),
            Column::Asked => (number(ps.asked), text),
            Column::Answered => (number(ps.answered), text),
            Column::Time => (
                ps.speaking_time
                    .map_or_else(|| "–".to_owned(), format_duration),
                text,
            ),
            Column::First => (
                ps.first.map_or_else(|| "–".to_owned(), |f| f.describe(t)),
                weak,
            ),
            Column::Share => {
                share_cell(ui, inner, ps, stats);
                continue;
            }
        };
        if *col == Column::Name {
            // A dot in the speaker's colour ties the row to the talk-share bar.
            if ps.words > 0 {
                let c = egui::pos2(inner.left() + 4.0, inner.center().y);
                painter.circle_filled(c, 4.0, speaker_color(stats, ps.participant));
            }
            let g = interaction::galley(ui, &value, body.clone(), color, inner.width() - 14.0, 1);
            let y = inner.center().y - g.size().y / 2.0;
            painter.galley(egui::pos2(inner.left() + 14.0, y), g, color);
        } else {
            let g = interaction::galley(ui, &value, body.clone(), color, inner.width(), 1);
            let y = inner.center().y - g.size().y / 2.0;
            // Numbers align right, places left.
            let gx = if *col == Column::First {
                inner.left()
            } else {
                inner.right() - g.size().x
            };
            painter.galley(egui::pos2(gx, y), g, color);
        }
    }
}

/// A bar as long as the person's share of all words (the track is 100%), and the figure.
fn share_cell(ui: &Ui, cell: Rect, ps: &PersonStats, stats: &Stats) {
    let painter = ui.painter();
    let small = egui::TextStyle::Small.resolve(ui.style());
    let text = if ps.words == 0 {
        "–".to_owned()
    } else {
        format_share(ps.share)
    };
    let g = interaction::galley(ui, &text, small, ui.visuals().text_color(), 48.0, 1);
    let track = Rect::from_min_max(
        egui::pos2(cell.left(), cell.center().y - 5.0),
        egui::pos2(cell.right() - 48.0, cell.center().y + 5.0),
    );
    painter.rect_filled(track, 2.0, ui.visuals().faint_bg_color);
    painter.rect_stroke(
        track,
        2.0,
        Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    let share = ps.share.clamp(0.0, 1.0) as f32;
    if share > 0.0 {
        let bar = Rect::from_min_size(
            track.min,
            Vec2::new((track.width() * share).max(1.0), track.height()),
        );
        painter.rect_filled(bar, 2.0, speaker_color(stats, ps.participant));
    }
    let y = cell.center().y - g.size().y / 2.0;
    painter.galley(
        egui::pos2(cell.right() - g.size().x, y),
        g,
        ui.visuals().text_color(),
    );
}

/// The compact talk-share bar at the top of the sidebar: one segment per speaker, as long
/// as their share of all words. Hover names them; a click selects them.
pub fn talk_share_bar(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let t = &cx.doc.transcript;
    let stats = &cx.doc.stats;
    if stats.total_words == 0 || stats.by_words.is_empty() {
        return;
    }
    ui.label(RichText::new("Talk share").small().weak())
        .on_hover_text(
            "Each speaker's share of all spoken words; View ▸ Statistics has the figures",
        );
    let height = 12.0;
    let (bar, _) = ui.allocate_exact_size(Vec2::new(ui.available_width(), height), Sense::hover());
    let total = stats.total_words as f32;
    let mut x = bar.left();
    let mut others = 0usize;
    let mut others_words = 0usize;
    for p in &stats.by_words {
        let words = stats.person(*p).map_or(0, |ps| ps.words);
        let w = bar.width() * words as f32 / total;
        if w < MIN_SEGMENT {
            others += 1;
            others_words += words;
            continue;
        }
        let rect = Rect::from_min_size(egui::pos2(x, bar.top()), Vec2::new(w, height));
        x += w;
        let name = t.participant(*p).map_or("?", |p| p.display_name());
        let share = format_share(words as f64 / stats.total_words as f64);
        let label = format!("{name}: {share} of words");
        let response = ui.interact(rect, ui.scope_id().with(("talk_share", *p)), Sense::click());
        let item = Item::Participant(*p);
        let level = cx.highlight(item);
        response.widget_info(|| {
            egui::WidgetInfo::selected(Role::Button, true, level == Highlight::Selected, &label)
        });
        interact(ui, &response, item, commands);
        let response = response.on_hover_text(format!("{name} — {share} of words ({words} words)"));
        let mut color = speaker_color(stats, *p);
        if level == Highlight::Dimmed {
            color = color.gamma_multiply(0.45);
        }
        ui.painter()
            .rect_filled(rect.shrink2(Vec2::new(0.5, 0.0)), 0.0, color);
        if level >= Highlight::Hovered || response.hovered() {
            ui.painter().rect_stroke(
                rect,
                0.0,
                Stroke::new(2.0, ui.visuals().strong_text_color()),
                egui::StrokeKind::Inside,
            );
        }
    }
    if others > 0 {
        let rect = Rect::from_min_max(egui::pos2(x, bar.top()), bar.max);
        if rect.width() > 0.0 {
            let share = format_share(others_words as f64 / stats.total_words as f64);
            let label = format!("{others} others: {share} of words");
            let response = ui.interact(
                rect,
                ui.scope_id().with("talk_share_others"),
                Sense::hover(),
            );
            response.widget_info(|| egui::WidgetInfo::labeled(Role::Label, true, &label));
            response.on_hover_text(format!("{others} more speakers — {share} of words"));
            ui.painter()
                .rect_filled(rect, 0.0, Color32::GRAY.gamma_multiply(0.6));
        }
    }
    ui.add_space(6.0);
}
