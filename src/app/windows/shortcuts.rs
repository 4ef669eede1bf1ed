//! Every keyboard shortcut in one table, and the window that lists them (F1 or ?). The table
//! is what the window shows; the keys themselves are read where they act.

use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use crate::app::command::Command;

/// Ctrl+= (or Ctrl++): larger reading text.
pub const TEXT_LARGER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
/// Ctrl++ on keyboards that send Plus.
pub const TEXT_LARGER_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
/// Ctrl+-: smaller reading text.
pub const TEXT_SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
/// Ctrl+0: default reading text size.
pub const TEXT_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);

/// (group, keys, what they do), in the order the window lists them.
pub const SHORTCUTS: &[(&str, &str, &str)] = &[
    ("Files", "Ctrl+O", "Open a transcript"),
    (
        "Files",
        "Drop a file",
        "Open it; a folder of images attaches photos",
    ),
    (
        "Find",
        "Ctrl+F",
        "Find in speeches, captions, lists and tags",
    ),
    ("Find", "Enter / Shift+Enter", "Next / previous hit"),
    ("Find", "Esc", "Close the search bar"),
    ("Move", "↑ / ↓", "Previous / next person in the sidebar"),
    ("Move", "j / k", "Next / previous speech"),
    ("Move", "← / →", "Previous / next photo"),
    ("Move", "Alt+← / Alt+→", "Back / forward through selections"),
    ("Move", "Esc", "Clear the selection and the filter"),
    (
        "Select",
        "Click",
        "Select a person, speech, paragraph or photo",
    ),
    ("Select", "Ctrl+click", "Add a person to the filter"),
    (
        "Select",
        "Right-click a paragraph",
        "Copy a citation, add a note",
    ),
    (
        "Correct",
        "Right-click a person or a speech",
        "Rename, merge, split; say who spoke",
    ),
    ("Correct", "Drag a person onto another", "Merge them"),
    (
        "Correct",
        "Ctrl+Z / Ctrl+Shift+Z",
        "Undo / redo a correction",
    ),
    ("View", "Ctrl+= / Ctrl+-", "Larger / smaller reading text"),
    ("View", "Ctrl+0", "Default text size"),
    ("View", "F1 or ?", "This list"),
];

/// Whether the shortcuts window should toggle this frame (F1, or ? while not typing).
pub fn toggle_pressed(ctx: &egui::Context) -> bool {
    let typing = ctx.text_edit_focused();
    ctx.input_mut(|i| {
        let f1 = i.consume_key(Modifiers::NONE, Key::F1);
        let question = !typing
            && i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if t == "?"));
        if question {
            i.events
                .retain(|e| !matches!(e, egui::Event::Text(t) if t == "?"));
        }
        f1 || question
    })
}

/// The "Keyboard shortcuts" window.
pub fn window(ctx: &egui::Context, open: bool, commands: &mut Vec<Command>) {
    if !open {
        return;
    }
    let mut still_open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .default_pos(ctx.content_rect().center() - egui::vec2(220.0, 220.0))
        .show(ctx, |ui| {
            let mut group = "";
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .spacing([24.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for (g, keys, what) in SHORTCUTS {
                        if *g != group {
                            group = g;
                            ui.label(RichText::new(*g).strong());
                            ui.end_row();
                        }
                        ui.label(RichText::new(*keys).monospace());
                        ui.label(*what);
                        ui.end_row();
                    }
                });
        });
    if !still_open {
        commands.push(Command::ToggleShortcuts);
    }
}
