//! The search bar above the reader: the field, the count, previous / next, the list
//! toggle and the close button, and the notes on what the filter hides.

use egui::accesskit::Role;
use egui::text::{CCursor, CCursorRange};
use egui::{Align, Id, Key, KeyboardShortcut, Layout, Modifiers, RichText, Ui};

use super::SearchState;
use crate::app::PanelContext;
use crate::app::command::Command;
use crate::format::{plural, thousands};

/// Ctrl+F (Cmd+F on macOS): find in the document.
pub const FIND_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// The id of the search field, so the shell can tell that Escape was meant for it.
pub fn field_id() -> Id {
    Id::unique("stenogram_search_field")
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
            super::hit_list::ui(ui, cx, commands);
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
