//! The one helper every panel uses for hover, click and modifier-click, and the colours
//! that show each highlight level.

use egui::{Color32, Response, Stroke, Ui};

use crate::app::command::Command;
use crate::app::highlight::Highlight;
use crate::app::selection::Item;

/// Turns the response of a widget that stands for `item` into commands: hovering it
/// relates it in the other panels, a click selects it, Ctrl-click (Cmd-click) toggles it.
pub fn interact(ui: &Ui, response: &Response, item: Item, commands: &mut Vec<Command>) {
    if response.hovered() || response.has_focus() {
        commands.push(Command::Hover(item));
    }
    if response.clicked() {
        let toggle = ui.input(|i| i.modifiers.command);
        commands.push(if toggle {
            Command::ToggleSelect(item)
        } else {
            Command::Select(item)
        });
    }
}

/// The level to paint a widget at: hovering lifts it to at least "hovered".
pub fn shown(response: &Response, level: Highlight) -> Highlight {
    if response.hovered() && level < Highlight::Hovered {
        Highlight::Hovered
    } else {
        level
    }
}

/// The background for a highlight level (transparent for normal and dimmed).
pub fn fill(ui: &Ui, level: Highlight) -> Color32 {
    let v = ui.visuals();
    match level {
        Highlight::Selected => v.selection.bg_fill.gamma_multiply(0.55),
        Highlight::Related => v.selection.bg_fill.gamma_multiply(0.22),
        Highlight::Hovered => v.widgets.hovered.weak_bg_fill,
        Highlight::Normal | Highlight::Dimmed => Color32::TRANSPARENT,
    }
}

/// The accent stroke for a highlight level (none for normal and dimmed).
pub fn accent(ui: &Ui, level: Highlight) -> Stroke {
    let v = ui.visuals();
    match level {
        Highlight::Selected => Stroke::new(2.0, v.selection.stroke.color),
        Highlight::Related => Stroke::new(2.0, v.selection.bg_fill),
        Highlight::Hovered => Stroke::new(1.0, v.widgets.hovered.fg_stroke.color),
        Highlight::Normal | Highlight::Dimmed => Stroke::NONE,
    }
}

/// Paints the keyboard focus ring around `response` when it has focus, so custom widgets
/// show focus like egui's own.
pub fn focus_ring(ui: &Ui, response: &Response) {
    if response.has_focus() {
        let stroke = ui.visuals().selection.stroke;
        ui.painter().rect_stroke(
            response.rect,
            3.0,
            Stroke::new(2.0, stroke.color),
            egui::StrokeKind::Inside,
        );
    }
}

/// Lays out `text` within `width`, cut to `max_rows` rows with "…". Painted text makes no
/// accessibility node of its own, so a row's one accessible name stays unique.
pub fn galley(
    ui: &Ui,
    text: &str,
    font: egui::FontId,
    color: Color32,
    width: f32,
    max_rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, color, width.max(1.0));
    job.wrap.max_rows = max_rows;
    job.wrap.break_anywhere = max_rows == 1;
    ui.painter().layout_job(job)
}
