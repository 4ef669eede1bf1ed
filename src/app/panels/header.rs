//! The top of the window: the menu bar, the document header (title, date, time, place,
//! language, source link), the loading spinner and the error banner.

use egui::{Align, Button, Layout, RichText, Ui};

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::selection::{Item, Selection};
use crate::app::settings::{ReadingWidth, Settings, ThemeChoice};
use crate::app::windows::shortcuts;

/// What the menus read to show checkmarks and enable entries.
pub struct MenuState<'a> {
    /// The persisted settings.
    pub settings: &'a Settings,
    /// The shared selection.
    pub selection: &'a Selection,
    /// Whether a document is open.
    pub has_document: bool,
    /// Whether the shortcuts window is open.
    pub shortcuts_open: bool,
    /// Whether the "How this was read" panel is open.
    pub reading_open: bool,
    /// Whether the reader folds moderator turns.
    pub fold_moderators: bool,
    /// Whether the selected item can be cited (a paragraph or a photo).
    pub citable: bool,
    /// Whether the notes list is shown.
    pub notes_open: bool,
    /// Whether a parallel version is read beside the document.
    pub has_parallel: bool,
    /// Other versions of the open document in the open library (file, "English · name"),
    /// offered to read beside it.
    pub versions: Vec<(std::path::PathBuf, String)>,
    /// Whether a correction can be undone.
    pub can_undo: bool,
    /// Whether a correction can be redone.
    pub can_redo: bool,
    /// Whether the Corrections window is shown.
    pub corrections_open: bool,
}

/// File ▸ Edit ▸ View ▸ Go ▸ Help.
pub fn menu_bar(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, commands));
        ui.menu_button("Edit", |ui| edit_menu(ui, state, commands));
        ui.menu_button("View", |ui| view_menu(ui, state, commands));
        ui.menu_button("Go", |ui| go_menu(ui, state, commands));
        ui.menu_button("Help", |ui| help_menu(ui, state, commands));
    });
}

/// Open, open a folder, open recent, the sample, export, quit.
fn file_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    let open = ui.ctx().format_shortcut(&crate::app::OPEN_SHORTCUT);
    if ui.add(Button::new("Open…").shortcut_text(open)).clicked() {
        commands.push(Command::OpenDialog);
    }
    if ui
        .button("Open folder…")
        .on_hover_text("Open every transcript of a folder as a library")
        .clicked()
    {
        commands.push(Command::OpenFolderDialog);
    }
    ui.menu_button("Open recent", |ui| {
        recent_menu(ui, state.settings, commands)
    });
    if ui.button("Open the sample").clicked() {
        commands.push(Command::OpenSample);
    }
    ui.separator();
    if !state.versions.is_empty() {
        ui.menu_button("Open other version", |ui| {
            for (path, label) in &state.versions {
                if ui
                    .button(label)
                    .on_hover_text("The same event in another language, from the library")
                    .clicked()
                {
                    commands.push(Command::OpenParallel(path.clone()));
                }
            }
        });
    }
    if ui
        .add_enabled(state.has_document, Button::new("Open parallel version…"))
        .on_hover_text(
            "Read the same event in another language beside this one, aligned turn by turn \
             (or drop the file with Shift held)",
        )
        .clicked()
    {
        commands.push(Command::OpenParallelDialog);
    }
    if state.has_parallel && ui.button("Close parallel version").clicked() {
        commands.push(Command::CloseParallel);
    }
    ui.separator();
    if ui
        .add_enabled(state.has_document, Button::new("Export view…"))
        .on_hover_text("Save the speeches shown, as Markdown, plain text or JSON")
        .clicked()
    {
        commands.push(Command::OpenExport);
    }
    for (label, command) in [
        ("Export corrections…", Command::ExportCorrections),
        ("Import corrections…", Command::ImportCorrections),
    ] {
        if ui
            .add_enabled(state.has_document, Button::new(label))
            .clicked()
        {
            commands.push(command);
        }
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// The recent files, newest first, and an entry to forget them.
fn recent_menu(ui: &mut Ui, settings: &Settings, commands: &mut Vec<Command>) {
    if settings.recent.is_empty() {
        ui.weak("No recent files");
    }
    for path in &settings.recent {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if ui
            .button(name)
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            commands.push(Command::Open(path.clone()));
        }
    }
    ui.separator();
    if ui
        .add_enabled(
            !settings.recent.is_empty(),
            Button::new("Clear recent files"),
        )
        .clicked()
    {
        commands.push(Command::ClearRecent);
    }
}

/// Undo and redo of corrections, Find, and copying the selected item's citation.
fn edit_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    use crate::app::corrections::{REDO_SHORTCUT, UNDO_SHORTCUT};
    for (label, shortcut, enabled, command) in [
        (
            "Undo correction",
            UNDO_SHORTCUT,
            state.can_undo,
            Command::UndoCorrection,
        ),
        (
            "Redo correction",
            REDO_SHORTCUT,
            state.can_redo,
            Command::RedoCorrection,
        ),
    ] {
        let keys = ui.ctx().format_shortcut(&shortcut);
        if ui
            .add_enabled(enabled, Button::new(label).shortcut_text(keys))
            .clicked()
        {
            commands.push(command);
        }
    }
    ui.separator();
    let find = ui.ctx().format_shortcut(&crate::app::search::FIND_SHORTCUT);
    if ui
        .add_enabled(state.has_document, Button::new("Find…").shortcut_text(find))
        .on_hover_text("Search speeches, captions, lists and tags")
        .clicked()
    {
        commands.push(Command::OpenSearch);
    }
    ui.separator();
    let item = state.selection.primary();
    for (label, markdown) in [
        ("Copy citation", false),
        ("Copy citation as Markdown", true),
    ] {
        let response = ui
            .add_enabled(state.citable, Button::new(label))
            .on_hover_text("Speaker, event, date, place, paragraph number and source")
            .on_disabled_hover_text("Select a paragraph or a photo first");
        if let (true, Some(item)) = (response.clicked(), item) {
            commands.push(Command::CopyCitation {
                item,
                quote: None,
                markdown,
            });
        }
    }
}

/// Theme, text size and reading width, then the windows and panels.
fn view_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    let settings = state.settings;
    ui.label(RichText::new("Theme").small().weak());
    for (choice, label) in ThemeChoice::ALL {
        if ui.radio(settings.theme == choice, label).clicked() {
            commands.push(Command::SetTheme(choice));
        }
    }
    ui.separator();
    text_size_entries(ui, settings, commands);
    ui.separator();
    ui.label(RichText::new("Reading width").small().weak());
    for (width, label) in ReadingWidth::ALL {
        if ui.radio(settings.reading_width == width, label).clicked() {
            commands.push(Command::SetReadingWidth(width));
        }
    }
    ui.separator();
    window_entries(ui, state, commands);
}

/// View ▸ Statistics, Questions, folding, Notes and "How this was read".
fn window_entries(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    let doc = state.has_document;
    if ui
        .add_enabled(doc, Button::new("Statistics"))
        .on_hover_text("Speeches, words, share of words and photos per participant")
        .clicked()
    {
        commands.push(Command::ShowStatistics);
    }
    if ui
        .add_enabled(doc, Button::new("Questions"))
        .on_hover_text("The questions of a press conference or an interview, on their own")
        .clicked()
    {
        commands.push(Command::ShowQuestions);
    }
    let mut fold = state.fold_moderators;
    if ui
        .add_enabled(doc, egui::Checkbox::new(&mut fold, "Fold moderator turns"))
        .on_hover_text("Show a moderator's turns as a one-line header in the reader")
        .clicked()
    {
        commands.push(Command::SetFoldModerators(fold));
    }
    let mut notes = state.notes_open;
    if ui
        .add_enabled(doc, egui::Checkbox::new(&mut notes, "Notes"))
        .on_hover_text("Your notes on this transcript; click one to go there")
        .clicked()
    {
        commands.push(Command::ToggleNotes);
    }
    let mut corrections = state.corrections_open;
    if ui
        .add_enabled(doc, egui::Checkbox::new(&mut corrections, "Corrections"))
        .on_hover_text("What you corrected in this transcript; remove or undo any of it")
        .clicked()
    {
        commands.push(Command::ToggleCorrections);
    }
    ui.separator();
    let mut reading = state.reading_open;
    if ui
        .add_enabled(
            state.has_document,
            egui::Checkbox::new(&mut reading, "How this was read"),
        )
        .on_hover_text("Each line of the source with what the parser took it for")
        .clicked()
    {
        commands.push(Command::ToggleReadingPanel);
    }
}

/// Back, forward, clear, and stepping through speeches and photos.
fn go_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    if ui
        .add_enabled(
            state.selection.can_go_back(),
            Button::new("Back").shortcut_text("Alt+Left"),
        )
        .clicked()
    {
        commands.push(Command::Back);
    }
    if ui
        .add_enabled(
            state.selection.can_go_forward(),
            Button::new("Forward").shortcut_text("Alt+Right"),
        )
        .clicked()
    {
        commands.push(Command::Forward);
    }
    if ui
        .add(Button::new("Clear selection").shortcut_text("Esc"))
        .clicked()
    {
        commands.push(Command::ClearSelection);
    }
    ui.separator();
    for (label, keys, command) in [
        ("Next speech", "J", Command::NextSpeech),
        ("Previous speech", "K", Command::PreviousSpeech),
        ("Next photo", "Right", Command::NextPhoto),
        ("Previous photo", "Left", Command::PreviousPhoto),
    ] {
        if ui
            .add_enabled(state.has_document, Button::new(label).shortcut_text(keys))
            .clicked()
        {
            commands.push(command);
        }
    }
}

/// The keyboard shortcuts window.
fn help_menu(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    let mut open = state.shortcuts_open;
    if ui
        .add(egui::Checkbox::new(&mut open, "Keyboard shortcuts"))
        .on_hover_text("F1 or ?")
        .clicked()
    {
        commands.push(Command::ToggleShortcuts);
    }
}

/// "Text size 15 pt" with smaller / larger / default entries.
fn text_size_entries(ui: &mut Ui, settings: &Settings, commands: &mut Vec<Command>) {
    ui.label(
        RichText::new(format!("Text size: {} pt", settings.text_size()))
            .small()
            .weak(),
    );
    let ctx = ui.ctx().clone();
    for (label, shortcut, steps) in [
        ("Larger text", shortcuts::TEXT_LARGER, 1),
        ("Smaller text", shortcuts::TEXT_SMALLER, -1),
        ("Default text size", shortcuts::TEXT_RESET, 0),
    ] {
        let button = Button::new(label).shortcut_text(ctx.format_shortcut(&shortcut));
        if ui.add(button).clicked() {
            commands.push(Command::TextSize(steps));
        }
    }
}

/// Title, date, time, place, language, source link and tags of the open document; a
/// spinner while a file is being opened.
pub fn document_header(
    ui: &mut Ui,
    doc: Option<&Document>,
    busy: Option<&str>,
    selection: &Selection,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if let Some(what) = busy {
                ui.spinner();
                ui.weak(format!("Opening {what}…"));
            }
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                let Some(doc) = doc else {
                    ui.heading("Stenogram");
                    return;
                };
                ui.vertical(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(doc.title()).size(19.0).strong()).truncate(),
                    );
                    ui.horizontal_wrapped(|ui| {
                        let t = &doc.transcript;
                        let mut facts: Vec<String> = Vec::new();
                        if let Some(date) = &t.date {
                            facts.push(format_date(date));
                        }
                        if let Some(time) = &t.time {
                            facts.push(time.clone());
                        }
                        if let Some(place) = &t.place {
                            facts.push(place.clone());
                        }
                        if let Some(lang) = language_name(&t.language) {
                            facts.push(lang.to_owned());
                        }
                        if !facts.is_empty() {
                            ui.label(RichText::new(facts.join("  ·  ")).weak());
                        }
                        if let Some(url) = &t.source_url {
                            if !facts.is_empty() {
                                ui.weak("·");
                            }
                            ui.hyperlink_to("Source page", url).on_hover_text(url);
                        }
                    });
                    tags_row(ui, doc, selection, commands);
                });
            });
        });
    });
}

/// The tag sections ("Geography: A, B · Persons: C, D"); a tag that names a participant
/// is a button that selects them.
fn tags_row(ui: &mut Ui, doc: &Document, selection: &Selection, commands: &mut Vec<Command>) {
    let sections = &doc.transcript.tags;
    if sections.iter().all(|s| s.values.is_empty()) {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (k, section) in sections.iter().enumerate() {
            if section.values.is_empty() {
                continue;
            }
            if k > 0 {
                ui.add_space(10.0);
            }
            ui.label(
                RichText::new(format!("{}:", section.heading))
                    .small()
                    .weak(),
            );
            let people = doc.tag_people.get(k);
            for (v, value) in section.values.iter().enumerate() {
                match people.and_then(|p| p.get(v)).copied().flatten() {
                    Some(id) => {
                        let chosen = selection.people().contains(&id);
                        let name = doc
                            .transcript
                            .participant(id)
                            .map_or(value.as_str(), |p| p.display_name());
                        // A person: a pill that is a button.
                        let pill = Button::new(RichText::new(value).small())
                            .selected(chosen)
                            .small()
                            .corner_radius(8.0);
                        if ui
                            .add(pill)
                            .on_hover_text(format!("Select {name}"))
                            .clicked()
                        {
                            commands.push(Command::Select(Item::Participant(id)));
                        }
                    }
                    None => {
                        // A plain tag: a quiet pill, so multi-word tags read as one.
                        egui::Frame::new()
                            .fill(ui.visuals().faint_bg_color)
                            .corner_radius(8.0)
                            .inner_margin(egui::Margin::symmetric(6, 2))
                            .show(ui, |ui| ui.label(RichText::new(value).small()));
                    }
                }
            }
        }
    });
}

/// The error banner: names the file and the reason, with a button to dismiss it.
pub fn error_banner(ui: &mut Ui, error: &str, commands: &mut Vec<Command>) {
    let color = ui.visuals().error_fg_color;
    egui::Frame::new()
        .fill(color.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if ui.button("Dismiss").clicked() {
                        commands.push(Command::DismissError);
                    }
                    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                        ui.label(RichText::new("⚠").color(color));
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("Could not open {error}")).color(color),
                            )
                            .wrap(),
                        );
                    });
                });
            });
        });
}

/// "2024-03-14" → "14 March 2024" (the library's rule, shared with citations).
pub use crate::cite::format_date;

/// The name of a language code, in that language; `None` for "und" and empty codes.
pub fn language_name(code: &str) -> Option<&str> {
    Some(match code {
        "" | "und" => return None,
        "en" => "English",
        "fr" => "Français",
        "ru" => "Русский",
        "de" => "Deutsch",
        "es" => "Español",
        "it" => "Italiano",
        "uk" => "Українська",
        "be" => "Беларуская",
        "kk" => "Қазақша",
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_and_odd_ones_pass_through() {
        assert_eq!(format_date("2024-03-14"), "14 March 2024");
        assert_eq!(format_date("2024-13-01"), "2024-13-01");
        assert_eq!(format_date("soon"), "soon");
    }

    #[test]
    fn language_codes_become_names() {
        assert_eq!(language_name("fr"), Some("Français"));
        assert_eq!(language_name("und"), None);
        assert_eq!(language_name("xx"), Some("xx"));
    }
}
