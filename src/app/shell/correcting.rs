//! Applying corrections: each change to the list is saved, and the document shown again
//! with the whole list applied, so every panel updates at once.

use super::StenogramApp;
use crate::app::command::Command;
use crate::app::selection::Item;

impl StenogramApp {
    /// Corrections: make one, undo, redo, remove, the window, export and import.
    pub(super) fn apply_correction(&mut self, ctx: &egui::Context, command: Command) {
        let Some(doc) = &self.rt.doc else {
            return;
        };
        let corrections = &mut self.rt.corrections;
        let done = match command {
            Command::Correct(request) => match corrections.push(doc, request) {
                Ok(edit) => Some(format!("Corrected: {edit}")),
                Err(why) => {
                    self.rt.toast.show(format!("Cannot correct this: {why}"));
                    None
                }
            },
            Command::BeginRename(person) => {
                corrections.begin_rename(doc, person);
                None
            }
            Command::BeginNewSpeaker(speech) => {
                corrections.begin_new_speaker(speech);
                None
            }
            Command::UndoCorrection => Some(match corrections.undo() {
                Some(edit) => format!("Undone: {edit}"),
                None => "No correction to undo".to_owned(),
            }),
            Command::RedoCorrection => Some(match corrections.redo() {
                Some(edit) => format!("Redone: {edit}"),
                None => "No correction to redo".to_owned(),
            }),
            Command::RemoveCorrection(index) => corrections
                .remove(index)
                .map(|edit| format!("Removed: {edit}")),
            Command::ToggleCorrections => {
                corrections.toggle();
                None
            }
            Command::ExportCorrections | Command::ImportCorrections => {
                let export = command == Command::ExportCorrections;
                self.corrections_file_dialog(ctx, export);
                None
            }
            _ => None,
        };
        if let Some(message) = done {
            self.corrections_changed(message);
        }
    }

    /// Saves the list, shows the document again with it applied, and says what happened
    /// (or why the list could not be saved: it stays in memory for this session).
    fn corrections_changed(&mut self, message: String) {
        let Some(doc) = &self.rt.doc else {
            return;
        };
        let corrected = self.rt.corrections.corrected(doc);
        let saved = self.rt.corrections.save(&corrected.transcript.title);
        let people_changed =
            corrected.transcript.participants.len() != doc.transcript.participants.len();
        self.rt.doc = Some(corrected);
        self.rt.doc_generation = self.rt.doc_generation.wrapping_add(1);
        self.rt.view_for = None;
        // The photo viewer stays open on its photo (a correction may come from it).
        if let (true, Some(photo)) = (self.rt.viewer.is_open(), self.rt.viewer.photo()) {
            self.rt.viewer.open(photo, self.rt.doc_generation);
        }
        // Ids of people move when people are merged or split: a chosen person may now be
        // someone else. Speeches and photos keep their ids.
        let keeps = |item: &Item| !matches!(item, Item::Participant(_));
        if people_changed {
            let kept: Vec<Item> = self
                .rt
                .selection
                .items()
                .iter()
                .copied()
                .filter(keeps)
                .collect();
            self.rt.selection.reset();
            if let Some(item) = kept.first() {
                self.rt.selection.select(*item);
            }
        }
        match saved {
            Ok(()) => {
                self.rt.toast.show(message);
                // The library's index reads the corrected file again.
                self.rt.library.check_again();
            }
            Err(why) => self.rt.toast.show(why),
        }
    }

    /// Asks for a file to export the corrections to, or import them from, off the UI
    /// thread (rfd blocks while its dialog is open).
    fn corrections_file_dialog(&mut self, ctx: &egui::Context, export: bool) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().add_filter("Stenogram corrections", &["json"]);
            let path = if export {
                dialog
                    .set_title("Export corrections")
                    .set_file_name("corrections.json")
                    .save_file()
            } else {
                dialog.set_title("Import corrections").pick_file()
            };
            let _ = tx.send(path);
            ctx.request_repaint();
        });
        self.rt.corrections.file_dialog = Some((export, rx));
    }

    /// The export or import dialog's answer, once it came.
    pub(super) fn receive_corrections_dialog(&mut self) {
        let Some((export, rx)) = &self.rt.corrections.file_dialog else {
            return;
        };
        let Ok(answer) = rx.try_recv() else {
            return;
        };
        let export = *export;
        self.rt.corrections.file_dialog = None;
        if let Some(path) = answer {
            if export {
                self.export_corrections_to(&path);
            } else {
                self.import_corrections_from(&path);
            }
        }
    }

    /// Writes the open document's corrections to `path` (File ▸ Export corrections…).
    pub fn export_corrections_to(&mut self, path: &std::path::Path) {
        let title = self
            .rt
            .doc
            .as_ref()
            .map(|d| d.transcript.title.clone())
            .unwrap_or_default();
        match self.rt.corrections.export(path, &title) {
            Ok(()) => self
                .rt
                .toast
                .show(format!("Corrections exported to {}", path.display())),
            Err(why) => self.rt.toast.show(why),
        }
    }

    /// Adds the corrections in `path` to the open document's (File ▸ Import corrections…).
    pub fn import_corrections_from(&mut self, path: &std::path::Path) {
        match self.rt.corrections.import(path) {
            Ok(count) => self.corrections_changed(format!(
                "{count} {} imported from {}",
                crate::format::noun(count, "correction", "corrections"),
                path.display()
            )),
            Err(why) => self.rt.toast.show(why),
        }
    }
}
