//! Notes in the viewer: the note editor ("Add note…" on a paragraph or photo) and the
//! notes list (View ▸ Notes), whose entries jump to what they are attached to.
//!
//! Storage is [`crate::notes`]: one file per transcript in the app's data folder, written
//! atomically. Without a data folder (no home folder, or under tests) notes are kept in
//! memory for the session, and the list says so.

use std::path::PathBuf;

use egui::{Button, RichText, Ui};

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::selection::Item;
use crate::app::toast::Toast;
use crate::app::view::View;
use crate::notes::{Loaded, Note, NoteStore, NoteTarget, locate, new_note};

/// How many frames the editor tries to take the keyboard for.
const FOCUS_FRAMES: u8 = 4;

/// The note being written or edited.
#[derive(Clone, Debug)]
struct Editor {
    target: NoteTarget,
    /// The note being edited; `None` for a new one.
    id: Option<u64>,
    text: String,
    /// Frames left in which to put the keyboard in the text field: a new window is laid
    /// out unseen first, and a focus asked for then is lost.
    focus_frames: u8,
}

/// Notes of the open document, the editor and the list window.
#[derive(Debug, Default)]
pub struct NotesState {
    store: Option<NoteStore>,
    /// (document generation, content key) the notes belong to.
    loaded_for: Option<(u64, String)>,
    title: String,
    notes: Vec<Note>,
    /// Per note: where it belongs now (`None`: its text is no longer in the document).
    located: Vec<Option<NoteTarget>>,
    problem: Option<String>,
    revision: u64,
    open: bool,
    editor: Option<Editor>,
    /// The note whose Delete was clicked once (a second click deletes).
    confirm_delete: Option<u64>,
    /// A jump to make next frame, once the filter that hid it is off (egui's scroll area
    /// springs back from a jump past the end of the content it measured last frame).
    pending_jump: Option<Item>,
}

impl NotesState {
    /// Keeps notes under `data_dir` (`None`: in memory only). Takes effect for the next
    /// document shown.
    pub fn set_data_dir(&mut self, data_dir: Option<PathBuf>) {
        self.store = data_dir.map(|d| NoteStore::new(&d));
        self.loaded_for = None;
    }

    /// The data folder notes are written to, if any.
    pub fn store(&self) -> Option<&NoteStore> {
        self.store.as_ref()
    }

    /// Loads the notes of `doc` when another document is shown.
    pub fn sync(&mut self, doc: &Document, doc_generation: u64) {
        if self
            .loaded_for
            .as_ref()
            .is_some_and(|(g, _)| *g == doc_generation)
        {
            return;
        }
        let key = doc.notes_key.clone();
        self.title = doc.title().to_owned();
        let loaded = match &self.store {
            Some(store) => store.load(&key),
            None => Loaded::default(),
        };
        self.loaded_for = Some((doc_generation, key));
        self.editor = None;
        self.confirm_delete = None;
        self.accept(doc, loaded);
    }

    fn accept(&mut self, doc: &Document, loaded: Loaded) {
        self.notes = loaded.notes;
        if loaded.problem.is_some() {
            self.problem = loaded.problem;
        }
        self.located = self
            .notes
            .iter()
            .map(|n| locate(&doc.transcript, n))
            .collect();
        self.revision = self.revision.wrapping_add(1);
    }

    /// Bumped whenever the notes change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The notes of the open document, in the order they were written.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// What went wrong reading or writing notes, if anything.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The items that have a note, with the note's text (for the reader's marks).
    pub fn noted_items(&self) -> impl Iterator<Item = (Item, &str)> + '_ {
        self.notes
            .iter()
            .zip(&self.located)
            .filter_map(|(n, at)| Some((item_of((*at)?), n.text.as_str())))
    }

    /// Whether the notes list is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows or hides the notes list.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Opens the editor for a new note on `item` (a paragraph or a photo); an item that
    /// already has a note opens that note instead.
    pub fn begin_note(&mut self, doc: &Document, item: Item) {
        let Some(target) = target_of(doc, item) else {
            return;
        };
        let existing = self
            .notes
            .iter()
            .zip(&self.located)
            .find(|(_, at)| **at == Some(target))
            .map(|(n, _)| (n.id, n.text.clone()));
        self.editor = Some(Editor {
            target,
            id: existing.as_ref().map(|(id, _)| *id),
            text: existing.map(|(_, text)| text).unwrap_or_default(),
            focus_frames: FOCUS_FRAMES,
        });
    }

    /// Whether the note editor is open.
    pub fn is_editing(&self) -> bool {
        self.editor.is_some()
    }

    /// Applies a change to the notes and saves them; says what happened in `toast`.
    fn change(
        &mut self,
        doc: &Document,
        toast: &mut Toast,
        done: &str,
        change: impl FnOnce(&crate::Transcript, &mut Vec<Note>),
    ) {
        let Some((_, key)) = self.loaded_for.clone() else {
            return;
        };
        let t = &doc.transcript;
        let result = match &self.store {
            Some(store) => store.update(&key, &self.title, |notes| change(t, notes)),
            None => {
                let mut notes = self.notes.clone();
                change(t, &mut notes);
                Ok(Loaded {
                    notes,
                    problem: None,
                })
            }
        };
        match result {
            Ok(loaded) => {
                self.problem = None;
                self.accept(doc, loaded);
                toast.show(done);
            }
            Err(message) => {
                self.problem = Some(message);
                self.open = true;
            }
        }
    }

    /// Draws the note editor and the notes list while they are open.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        view: &View,
        numbers: &crate::cite::ParagraphNumbers,
        toast: &mut Toast,
        commands: &mut Vec<Command>,
    ) {
        if let Some(item) = self.pending_jump.take() {
            commands.push(Command::Select(item));
        }
        self.editor_ui(ctx, doc, numbers, toast);
        if self.open {
            self.list_ui(ctx, doc, view, numbers, toast, commands);
        }
    }

    fn editor_ui(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        numbers: &crate::cite::ParagraphNumbers,
        toast: &mut Toast,
    ) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let title = if editor.id.is_some() {
            "Edit note"
        } else {
            "Add a note"
        };
        let place = target_label(doc, numbers, editor.target);
        let excerpt = crate::notes::target_text(&doc.transcript, editor.target)
            .map(|s| crate::format::shorten(&crate::text::clean_spaces(&s), 140));
        let mut open = true;
        let mut save = false;
        let mut cancel = false;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(380.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                ui.label(RichText::new(&place).strong());
                if let Some(excerpt) = &excerpt {
                    ui.label(RichText::new(format!("“{excerpt}”")).weak().italics());
                }
                ui.add_space(4.0);
                let label = ui.label("Note");
                let response = ui
                    .add(
                        egui::TextEdit::multiline(&mut editor.text)
                            .desired_rows(3)
                            .desired_width(f32::INFINITY)
                            .hint_text("A short note (Ctrl+Enter saves)"),
                    )
                    .labelled_by(label.id);
                if response.has_focus() {
                    editor.focus_frames = 0;
                } else if editor.focus_frames > 0 {
                    response.request_focus();
                    editor.focus_frames -= 1;
                    ui.ctx().request_repaint();
                }
                let blank = editor.text.trim().is_empty();
                if response.has_focus()
                    && !blank
                    && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter))
                {
                    save = true;
                }
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    if ui.add_enabled(!blank, Button::new("Save note")).clicked() {
                        save = true;
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
        if save && let Some(editor) = self.editor.take() {
            let text = editor.text.trim().to_owned();
            match editor.id {
                Some(id) => self.change(doc, toast, "Note saved", |_, notes| {
                    if let Some(n) = notes.iter_mut().find(|n| n.id == id) {
                        n.text = text;
                    }
                }),
                None => self.change(doc, toast, "Note added", |t, notes| {
                    let note = new_note(t, notes, editor.target, &text);
                    notes.push(note);
                }),
            }
        } else if cancel || !open {
            self.editor = None;
        }
    }

    fn list_ui(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        view: &View,
        numbers: &crate::cite::ParagraphNumbers,
        toast: &mut Toast,
        commands: &mut Vec<Command>,
    ) {
        let mut open = true;
        let mut delete = None;
        let mut edit = None;
        // In document order; notes whose text is gone come last.
        let mut order: Vec<usize> = (0..self.notes.len()).collect();
        order.sort_by_key(|&i| {
            let row = self
                .located
                .get(i)
                .copied()
                .flatten()
                .and_then(|t| doc.index.row_of(item_of(t)));
            (row.is_none(), row, i)
        });
        let key = self.loaded_key().to_owned();
        let screen = ctx.content_rect();
        egui::Window::new("Notes")
            .open(&mut open)
            .pivot(egui::Align2::RIGHT_TOP)
            .default_pos(egui::pos2(screen.right() - 24.0, screen.top() + 120.0))
            .resizable(true)
            .default_width(360.0)
            .default_height(420.0)
            .show(ctx, |ui| {
                let count = match self.notes.len() {
                    0 => "No notes on this transcript yet.".to_owned(),
                    1 => "1 note on this transcript".to_owned(),
                    n => format!("{n} notes on this transcript"),
                };
                ui.label(count);
                match &self.store {
                    Some(store) => {
                        ui.label(
                            RichText::new(
                                "Kept in Stenogram's data folder, not in the transcript.",
                            )
                            .small()
                            .weak(),
                        )
                        .on_hover_text(store.file(&key).display().to_string());
                    }
                    None => {
                        ui.label(
                            RichText::new(
                                "No data folder was found: notes last until Stenogram closes.",
                            )
                            .small()
                            .color(ui.visuals().warn_fg_color),
                        );
                    }
                }
                if let Some(problem) = &self.problem {
                    ui.label(RichText::new(problem).color(ui.visuals().error_fg_color));
                }
                if self.notes.is_empty() {
                    ui.add_space(6.0);
                    ui.weak("Right-click a paragraph or a photo and choose Add note….");
                }
                ui.separator();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for i in order {
                            let (Some(note), Some(at)) = (self.notes.get(i), self.located.get(i))
                            else {
                                continue;
                            };
                            note_row(
                                ui,
                                doc,
                                numbers,
                                note,
                                *at,
                                self.confirm_delete == Some(note.id),
                                &mut NoteActions {
                                    view,
                                    pending_jump: &mut self.pending_jump,
                                    commands,
                                    delete: &mut delete,
                                    edit: &mut edit,
                                },
                            );
                            ui.separator();
                        }
                    });
            });
        if let Some(id) = edit
            && let Some((note, at)) = self
                .notes
                .iter()
                .zip(&self.located)
                .find(|(n, _)| n.id == id)
        {
            self.editor = Some(Editor {
                target: at.unwrap_or(note.target),
                id: Some(id),
                text: note.text.clone(),
                focus_frames: FOCUS_FRAMES,
            });
        }
        match delete {
            Some(id) if self.confirm_delete == Some(id) => {
                self.confirm_delete = None;
                self.change(doc, toast, "Note deleted", |_, notes| {
                    notes.retain(|n| n.id != id);
                });
            }
            Some(id) => self.confirm_delete = Some(id),
            None => {}
        }
        if !open {
            self.open = false;
            self.confirm_delete = None;
        }
    }

    fn loaded_key(&self) -> &str {
        self.loaded_for.as_ref().map_or("", |(_, k)| k.as_str())
    }
}

/// What a row of the list asks for.
struct NoteActions<'a> {
    /// To tell whether the reader's filter hides a note's target.
    view: &'a View,
    /// Set when the filter must go first.
    pending_jump: &'a mut Option<Item>,
    commands: &'a mut Vec<Command>,
    delete: &'a mut Option<u64>,
    edit: &'a mut Option<u64>,
}

fn note_row(
    ui: &mut Ui,
    doc: &Document,
    numbers: &crate::cite::ParagraphNumbers,
    note: &Note,
    at: Option<NoteTarget>,
    confirming: bool,
    actions: &mut NoteActions<'_>,
) {
    ui.horizontal(|ui| {
        match at {
            Some(target) => {
                let label = target_label(doc, numbers, target);
                if ui
                    .link(RichText::new(&label).strong())
                    .on_hover_text("Go there")
                    .clicked()
                {
                    let item = item_of(target);
                    let shown = doc
                        .index
                        .row_of(item)
                        .and_then(|r| actions.view.pos_of(r))
                        .is_some();
                    if shown {
                        actions.commands.push(Command::Select(item));
                    } else {
                        // The filter hides it: show everything, then go there next frame.
                        actions.commands.push(Command::ClearFilter);
                        *actions.pending_jump = Some(item);
                        ui.ctx().request_repaint();
                    }
                }
            }
            None => {
                ui.label(RichText::new("Text not found").strong().weak())
                    .on_hover_text(format!(
                        "The text this note was on is no longer in the document: “{}…”",
                        note.excerpt
                    ));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let delete = if confirming {
                "Confirm delete"
            } else {
                "Delete"
            };
            let button = if confirming {
                Button::new(RichText::new(delete).color(ui.visuals().error_fg_color))
            } else {
                Button::new(delete)
            };
            if ui.add(button).clicked() {
                *actions.delete = Some(note.id);
            }
            if ui.button("Edit").clicked() {
                *actions.edit = Some(note.id);
            }
        });
    });
    ui.add(egui::Label::new(&note.text).wrap());
    if note.created > 0 {
        ui.label(
            RichText::new(crate::notes::format_time(note.created))
                .small()
                .weak(),
        );
    }
}

/// "Nurlan Bekov ¶ 3", "¶ 1" (a narrative paragraph) or "Photo 7".
pub fn target_label(
    doc: &Document,
    numbers: &crate::cite::ParagraphNumbers,
    target: NoteTarget,
) -> String {
    let t = &doc.transcript;
    let number = |at| numbers.of(at).map(|n| format!("¶ {n}"));
    match target {
        NoteTarget::Paragraph { speech, paragraph } => {
            let who = t
                .speech(speech)
                .and_then(|s| t.participant(s.speaker))
                .map_or("Speech", |p| p.display_name());
            let at = crate::model::TextRef::Speech { speech, paragraph };
            match number(at) {
                Some(n) => format!("{who} {n}"),
                None => format!("{who}, paragraph {}", paragraph.saturating_add(1)),
            }
        }
        NoteTarget::Block { block } => {
            let kind = match t.blocks.get(block).map(|b| &b.kind) {
                Some(crate::model::BlockKind::Lead { .. }) => "Lead",
                _ => "Narrative",
            };
            match number(crate::model::TextRef::Block { block }) {
                Some(n) => format!("{kind} {n}"),
                None => kind.to_owned(),
            }
        }
        NoteTarget::Photo { photo } => t
            .photo(photo)
            .map_or_else(|| "Photo".to_owned(), |p| format!("Photo {}", p.number)),
    }
}

/// The note target for a selectable item, if notes can be attached to it.
pub fn target_of(doc: &Document, item: Item) -> Option<NoteTarget> {
    match doc.cited(item)? {
        crate::cite::Cited::Paragraph(crate::model::TextRef::Speech { speech, paragraph }) => {
            Some(NoteTarget::Paragraph { speech, paragraph })
        }
        crate::cite::Cited::Paragraph(crate::model::TextRef::Block { block }) => {
            Some(NoteTarget::Block { block })
        }
        crate::cite::Cited::Photo(photo) => Some(NoteTarget::Photo { photo }),
    }
}

/// The item a note target stands for.
pub fn item_of(target: NoteTarget) -> Item {
    match target {
        NoteTarget::Paragraph { speech, paragraph } => Item::Paragraph {
            speech,
            index: paragraph,
        },
        NoteTarget::Block { block } => Item::Block(block),
        NoteTarget::Photo { photo } => Item::Photo(photo),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::Source;
    use crate::app::fixture::small_transcript;
    use crate::model::{PhotoId, SpeechId};

    #[test]
    fn notes_without_a_data_folder_stay_in_memory() {
        let doc = Document::new(small_transcript(), Source::Bundled, true);
        let mut notes = NotesState::default();
        notes.sync(&doc, 1);
        let item = Item::Paragraph {
            speech: SpeechId(0),
            index: 0,
        };
        let mut toast = Toast::default();
        notes.change(&doc, &mut toast, "Note added", |t, n| {
            let note = new_note(
                t,
                n,
                NoteTarget::Paragraph {
                    speech: SpeechId(0),
                    paragraph: 0,
                },
                "hi",
            );
            n.push(note);
        });
        assert_eq!(notes.notes().len(), 1);
        assert_eq!(notes.noted_items().collect::<Vec<_>>(), [(item, "hi")]);
        assert_eq!(toast.text(), Some("Note added"));
        // Adding on a noted item edits its note.
        notes.begin_note(&doc, item);
        assert!(
            notes
                .editor
                .as_ref()
                .is_some_and(|e| e.id == Some(1) && e.text == "hi")
        );
    }

    #[test]
    fn items_and_targets_map_both_ways() {
        let doc = Document::new(small_transcript(), Source::Bundled, true);
        let photo = Item::Photo(PhotoId(0));
        assert_eq!(target_of(&doc, photo).map(item_of), Some(photo));
        assert_eq!(target_of(&doc, Item::Speech(SpeechId(0))), None);
    }
}
