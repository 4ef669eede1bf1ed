//! The Corrections window (View ▸ Corrections: every correction in effect, stale ones with
//! why, each removable), the Rename dialog and the dialog that names a new speaker.

use egui::{RichText, Ui};

use super::{CorrectionsState, Request};
use crate::app::command::Command;
use crate::app::document::Document;
use crate::model::{ParticipantId, SpeechId};

/// The small mark shown beside corrected people, speeches and photos.
pub const PENCIL: &str = "✏";

/// The Rename dialog's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenameDialog {
    /// Who is renamed.
    pub person: ParticipantId,
    /// The name being typed.
    pub name: String,
    /// The role being typed.
    pub role: String,
}

/// The dialog that asks who, new to the transcript, gave a speech.
pub struct NewSpeakerDialog {
    /// The speech.
    pub speech: SpeechId,
    /// The name being typed.
    pub name: String,
    /// The field takes the keyboard on the dialog's first frame.
    pub focus: bool,
}

impl CorrectionsState {
    /// Opens the dialog that asks who, new to the transcript, gave `speech`.
    pub fn begin_new_speaker(&mut self, speech: SpeechId) {
        self.new_speaker = Some(NewSpeakerDialog {
            speech,
            name: String::new(),
            focus: true,
        });
    }

    /// Opens the Rename dialog on `person`, filled with their name and role.
    pub fn begin_rename(&mut self, doc: &Document, person: ParticipantId) {
        let Some(p) = doc.transcript.participant(person) else {
            return;
        };
        self.rename = Some(RenameDialog {
            person,
            name: p.name.clone().unwrap_or_default(),
            role: p.role.clone().unwrap_or_default(),
        });
    }

    /// Draws the Corrections window and the Rename dialog when open.
    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, commands: &mut Vec<Command>) {
        self.rename_ui(ctx, doc, commands);
        self.new_speaker_ui(ctx, doc, commands);
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Corrections")
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| self.list_ui(ui, commands));
        if !open {
            commands.push(Command::ToggleCorrections);
        }
    }

    fn list_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.list.can_undo(), egui::Button::new("Undo"))
                .clicked()
            {
                commands.push(Command::UndoCorrection);
            }
            if ui
                .add_enabled(self.list.can_redo(), egui::Button::new("Redo"))
                .clicked()
            {
                commands.push(Command::RedoCorrection);
            }
        });
        ui.separator();
        let edits = self.list.active();
        if edits.is_empty() {
            ui.weak(
                "No corrections. Right-click a person, a speech or a line of “How this was \
                 read” to correct what the parser got wrong.",
            );
            return;
        }
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (i, edit) in edits.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let remove = ui.small_button("🗙").on_hover_text("Remove this correction");
                        remove.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!("Remove correction {}", i + 1),
                            )
                        });
                        if remove.clicked() {
                            commands.push(Command::RemoveCorrection(i));
                        }
                        ui.label(format!("{}. {edit}", i + 1));
                    });
                    if let Some(stale) = self.stale.iter().find(|s| s.index == i) {
                        ui.label(
                            RichText::new(format!("does not apply: {}", stale.reason))
                                .small()
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                }
            });
    }

    fn rename_ui(&mut self, ctx: &egui::Context, doc: &Document, commands: &mut Vec<Command>) {
        let Some(dialog) = &mut self.rename else {
            return;
        };
        let shown = doc
            .transcript
            .participant(dialog.person)
            .map_or("?", |p| p.display_name())
            .to_owned();
        let mut close = false;
        egui::Window::new(format!("Rename {shown}"))
            .id(egui::Id::unique("rename_person"))
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("rename_fields").show(ui, |ui| {
                    let label = ui.label("Name");
                    ui.text_edit_singleline(&mut dialog.name)
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Role");
                    ui.text_edit_singleline(&mut dialog.role)
                        .labelled_by(label.id);
                    ui.end_row();
                });
                ui.horizontal(|ui| {
                    if ui.button("Rename").clicked() {
                        commands.push(Command::Correct(Request::Rename {
                            person: dialog.person,
                            name: dialog.name.clone(),
                            role: dialog.role.clone(),
                        }));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.rename = None;
        }
    }

    fn new_speaker_ui(&mut self, ctx: &egui::Context, doc: &Document, commands: &mut Vec<Command>) {
        let Some(dialog) = &mut self.new_speaker else {
            return;
        };
        let number = doc
            .transcript
            .speeches
            .iter()
            .position(|s| s.id == dialog.speech)
            .map_or(0, |i| i + 1);
        let mut close = false;
        egui::Window::new(format!("Who gave speech {number}?"))
            .id(egui::Id::unique("new_speaker"))
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                let field = ui
                    .horizontal(|ui| {
                        let label = ui.label("Name");
                        ui.text_edit_singleline(&mut dialog.name)
                            .labelled_by(label.id)
                    })
                    .inner;
                // Typing starts at once, in the field.
                if std::mem::take(&mut dialog.focus) {
                    field.request_focus();
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let typed = !dialog.name.trim().is_empty();
                    let give = ui.add_enabled(typed, egui::Button::new("Give them the speech"));
                    if give.clicked() || (entered && typed) {
                        commands.push(Command::Correct(Request::ReassignNew {
                            speech: dialog.speech,
                            name: dialog.name.clone(),
                        }));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.new_speaker = None;
        }
    }
}
