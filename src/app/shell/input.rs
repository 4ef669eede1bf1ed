//! Input that belongs to no panel: shortcuts, the mouse's back and forward buttons, files
//! and folders dropped onto the window, and the single keys that move through the
//! document.

use egui::{Key, Modifiers, PointerButton};

use super::StenogramApp;
use crate::app::command::Command;
use crate::app::search;
use crate::app::windows::shortcuts;

impl StenogramApp {
    /// Shortcuts, mouse back/forward buttons and dropped files.
    pub(super) fn global_input(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        ctx.input_mut(|i| {
            if i.consume_shortcut(&crate::app::OPEN_SHORTCUT) {
                commands.push(Command::OpenDialog);
            }
            if i.consume_shortcut(&search::FIND_SHORTCUT) {
                commands.push(Command::OpenSearch);
            }
            if i.consume_key(Modifiers::ALT, Key::ArrowLeft)
                || i.pointer.button_pressed(PointerButton::Extra1)
            {
                commands.push(Command::Back);
            }
            if i.consume_key(Modifiers::ALT, Key::ArrowRight)
                || i.pointer.button_pressed(PointerButton::Extra2)
            {
                commands.push(Command::Forward);
            }
            if let Some(path) = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
            {
                // A file is a transcript (with Shift held, a parallel version of the open
                // one); a folder with transcripts is a library, a folder of images brings
                // the open transcript's photos.
                commands.push(
                    if !path.is_dir() && i.modifiers.shift && self.rt.doc.is_some() {
                        Command::OpenParallel(path)
                    } else if !path.is_dir() {
                        Command::Open(path)
                    } else if holds_transcripts(&path) {
                        Command::OpenFolder(path)
                    } else {
                        Command::AttachPhotoFolder(path)
                    },
                );
            }
        });
        ctx.input_mut(|i| {
            for (shortcut, steps) in [
                (shortcuts::TEXT_LARGER, 1),
                (shortcuts::TEXT_LARGER_PLUS, 1),
                (shortcuts::TEXT_SMALLER, -1),
                (shortcuts::TEXT_RESET, 0),
            ] {
                if i.consume_shortcut(&shortcut) {
                    commands.push(Command::TextSize(steps));
                }
            }
        });
        if !ctx.text_edit_focused() && self.rt.doc.is_some() {
            use crate::app::corrections::{REDO_SHORTCUT, UNDO_SHORTCUT};
            ctx.input_mut(|i| {
                // The longer shortcut first: Ctrl+Z would match Ctrl+Shift+Z too.
                if i.consume_shortcut(&REDO_SHORTCUT) {
                    commands.push(Command::RedoCorrection);
                } else if i.consume_shortcut(&UNDO_SHORTCUT) {
                    commands.push(Command::UndoCorrection);
                }
            });
        }
        if shortcuts::toggle_pressed(ctx) {
            commands.push(Command::ToggleShortcuts);
        }
        // Escape clears the selection unless it is closing a menu or leaving a text field.
        // egui drops the focus as Escape arrives, so the search field (which closes on
        // Escape) is asked whether it had the keyboard.
        let typing =
            ctx.text_edit_focused() || ctx.memory(|m| m.had_focus_last_frame(search::field_id()));
        // Single keys move through the document, unless the user is typing or the photo
        // viewer (which has its own arrows) is open.
        if !typing && !self.rt.viewer.is_open() && self.rt.doc.is_some() {
            ctx.input_mut(|i| {
                for (key, command) in [
                    (Key::J, Command::NextSpeech),
                    (Key::K, Command::PreviousSpeech),
                    (Key::ArrowRight, Command::NextPhoto),
                    (Key::ArrowLeft, Command::PreviousPhoto),
                ] {
                    if i.consume_key(Modifiers::NONE, key) {
                        commands.push(command);
                    }
                }
            });
        }
        // The photo viewer closes on Escape itself.
        if !typing
            && !self.rt.viewer.is_open()
            && !egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            commands.push(Command::ClearSelection);
        }
    }
}

/// Whether a dropped folder is a library (it or a sub-folder holds transcripts) rather than
/// a folder of photos (images only). Looks one level down, without reading any file.
fn holds_transcripts(folder: &std::path::Path) -> bool {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return false;
    };
    entries.flatten().take(10_000).any(|e| {
        let path = e.path();
        if path.is_dir() {
            std::fs::read_dir(&path).is_ok_and(|inner| {
                inner
                    .flatten()
                    .take(10_000)
                    .any(|f| crate::library::is_transcript_name(&f.path()))
            })
        } else {
            crate::library::is_transcript_name(&path)
        }
    })
}
