//! Applying the commands the panels pushed during a frame, once, at its end: one function
//! per group of commands (selection, files, view, search, citations and notes).

use std::path::PathBuf;

use super::{StenogramApp, configure_style};
use crate::app::command::Command;
use crate::app::keyboard::{self, Step};
use crate::app::photos::thumbnails::AttachedFolders;
use crate::app::selection::Item;
use crate::app::settings::ThemeChoice;
use crate::app::windows::citations;

impl StenogramApp {
    /// Applies `commands` in order; a changed selection asks for one more frame, which
    /// scrolls the panels to it.
    pub(super) fn apply(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let before = self.rt.selection.generation();
        for command in commands {
            match command {
                c @ (Command::Select(_)
                | Command::ToggleSelect(_)
                | Command::Hover(_)
                | Command::ClearSelection
                | Command::ClearFilter
                | Command::Back
                | Command::Forward
                | Command::NextSpeech
                | Command::PreviousSpeech
                | Command::NextPhoto
                | Command::PreviousPhoto) => self.apply_selection(c),
                c @ (Command::OpenDialog
                | Command::Open(_)
                | Command::OpenAt { .. }
                | Command::OpenSitting { .. }
                | Command::OpenSample
                | Command::DismissError
                | Command::ClearRecent
                | Command::AttachPhotoFolder(_)
                | Command::OpenFolderDialog
                | Command::OpenFolder(_)
                | Command::CloseLibrary) => self.apply_file(ctx, c),
                c @ (Command::SetTheme(_)
                | Command::TextSize(_)
                | Command::SetReadingWidth(_)
                | Command::OpenPhotoViewer(_)
                | Command::ClosePhotoViewer
                | Command::ToggleShortcuts
                | Command::ToggleReadingPanel
                | Command::ShowStatistics
                | Command::ShowQuestions
                | Command::SetFoldModerators(_)
                | Command::ToggleFold(_)) => self.apply_view(ctx, c),
                c @ (Command::OpenSearch
                | Command::CloseSearch
                | Command::SetSearchQuery(_)
                | Command::StepSearch { .. }
                | Command::GoToHit(_)
                | Command::ToggleSearchList) => self.apply_search(c),
                c @ (Command::CopyCitation { .. }
                | Command::CitePart(_)
                | Command::AddNote(_)
                | Command::ToggleNotes
                | Command::OpenExport) => self.apply_cite(ctx, c),
                c @ (Command::OpenParallelDialog
                | Command::OpenParallel(_)
                | Command::CloseParallel) => self.apply_parallel(ctx, c),
                c @ (Command::Correct(_)
                | Command::BeginRename(_)
                | Command::BeginNewSpeaker(_)
                | Command::UndoCorrection
                | Command::RedoCorrection
                | Command::RemoveCorrection(_)
                | Command::ToggleCorrections
                | Command::ExportCorrections
                | Command::ImportCorrections) => self.apply_correction(ctx, c),
            }
        }
        if self.rt.selection.generation() != before {
            // The next frame scrolls the panels to the new selection.
            ctx.request_repaint();
        }
    }

    /// Selecting, history, and stepping through speeches and photos.
    fn apply_selection(&mut self, command: Command) {
        let sel = &mut self.rt.selection;
        match command {
            Command::Select(item) => sel.select(item),
            Command::ToggleSelect(item) => sel.toggle(item),
            Command::ClearSelection => sel.clear(),
            Command::ClearFilter => sel.clear_filter(),
            Command::Back => {
                sel.back();
            }
            Command::Forward => {
                sel.forward();
            }
            Command::NextSpeech => self.step_speech(Step::Next),
            Command::PreviousSpeech => self.step_speech(Step::Previous),
            Command::NextPhoto => self.step_photo(Step::Next),
            Command::PreviousPhoto => self.step_photo(Step::Previous),
            // Hover was handled before the frame ended; the rest is another group's.
            _ => {}
        }
    }

    /// Opening files, folders, the sample and photo folders; the error banner.
    fn apply_file(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenDialog => {
                self.rt.notice = None;
                self.rt.loader.open_dialog(ctx);
            }
            Command::Open(path) => {
                self.rt.jump = None;
                self.open(ctx, path);
            }
            Command::OpenAt { path, part, jump } => self.open_at(ctx, path, part, jump),
            Command::OpenSitting { path, part } => {
                self.rt.jump = None;
                self.open_sitting(ctx, path, part);
            }
            Command::OpenSample => self.open_sample(ctx),
            Command::DismissError => {
                self.rt.error = None;
                self.rt.notice = None;
            }
            Command::ClearRecent => self.settings.recent.clear(),
            Command::AttachPhotoFolder(folder) => self.attach_photo_folder(folder),
            Command::OpenFolderDialog => self.open_folder_dialog(ctx),
            Command::OpenFolder(folder) => self.open_folder(ctx, folder),
            Command::CloseLibrary => self.rt.library.close(),
            _ => {}
        }
    }

    /// How the document is shown: theme, text size and width, folding, and the windows.
    fn apply_view(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::SetTheme(choice) => self.set_theme(ctx, choice),
            Command::TextSize(steps) => {
                if steps == 0 {
                    self.settings.text_size = crate::app::settings::TEXT_SIZE_DEFAULT;
                } else {
                    self.settings.step_text_size(steps);
                }
                configure_style(ctx, self.settings.text_size());
            }
            Command::SetReadingWidth(width) => self.settings.reading_width = width,
            Command::OpenPhotoViewer(photo) => {
                self.rt.selection.select(Item::Photo(photo));
                self.rt.viewer.open(photo, self.rt.doc_generation);
            }
            Command::ClosePhotoViewer => self.rt.viewer.close(),
            Command::ToggleShortcuts => self.rt.shortcuts_open = !self.rt.shortcuts_open,
            Command::ToggleReadingPanel => self.rt.reading.toggle(),
            Command::ShowStatistics => self.rt.stats_window.show(),
            Command::ShowQuestions => self.rt.questions_window.show(),
            Command::SetFoldModerators(on) => self.rt.folding.set(on),
            Command::ToggleFold(speech) => {
                self.rt.folding.toggle(speech, self.rt.doc_generation);
            }
            _ => {}
        }
    }

    /// The search bar: open, close, query, and moving between hits.
    fn apply_search(&mut self, command: Command) {
        match command {
            Command::OpenSearch if self.rt.doc.is_some() => self.rt.search.open(),
            Command::CloseSearch => self.rt.search.close(),
            Command::SetSearchQuery(query) => self.rt.search.set_query(query),
            Command::StepSearch { forward } => {
                let top = self.rt.reader.top_row();
                if let Some(item) = self.rt.search.step(forward, top) {
                    self.rt.selection.select(item);
                }
            }
            Command::GoToHit(index) => {
                if let Some(item) = self.rt.search.go_to(index) {
                    self.rt.selection.select(item);
                }
            }
            Command::ToggleSearchList => self.rt.search.toggle_list(),
            _ => {}
        }
    }

    /// Citations, notes and the export of the view.
    fn apply_cite(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::CopyCitation {
                item,
                quote,
                markdown,
            } => self.copy_citation(ctx, item, quote.as_deref(), markdown),
            Command::CitePart(item) => {
                if let Some(doc) = &self.rt.doc {
                    self.rt.cite_part.open(doc, self.rt.doc_generation, item);
                }
            }
            Command::AddNote(item) => {
                if let Some(doc) = &self.rt.doc {
                    self.rt.notes.begin_note(doc, item);
                }
            }
            Command::ToggleNotes => self.rt.notes.toggle(),
            Command::OpenExport if self.rt.doc.is_some() => self.rt.export.open(),
            _ => {}
        }
    }

    /// Puts the citation of `item` on the clipboard and says so.
    fn copy_citation(
        &mut self,
        ctx: &egui::Context,
        item: Item,
        quote: Option<&str>,
        markdown: bool,
    ) {
        let Some(doc) = &self.rt.doc else {
            return;
        };
        let annotations = &self.rt.annotations;
        match citations::citation_text(doc, annotations, item, quote, markdown) {
            Some(text) => {
                let what = if markdown {
                    "Citation copied as Markdown"
                } else {
                    "Citation copied"
                };
                let first = text.lines().next().unwrap_or_default();
                let preview = crate::format::shorten(first, 90);
                ctx.copy_text(text);
                self.rt.toast.show(format!("{what}: {preview}"));
            }
            None => self
                .rt
                .toast
                .show("Select a paragraph or a photo to cite it."),
        }
    }

    /// j / k: select the next or previous speech the reader shows.
    fn step_speech(&mut self, step: Step) {
        let Some(doc) = &self.rt.doc else {
            return;
        };
        let top = self.rt.reader.top_row();
        let sel = &mut self.rt.selection;
        if let Some(speech) = keyboard::speech_step(doc, &self.rt.view, sel, top, step) {
            sel.select(Item::Speech(speech));
        }
    }

    /// ← / →: select the next or previous photo of the timeline.
    fn step_photo(&mut self, step: Step) {
        let Some(doc) = &self.rt.doc else {
            return;
        };
        let here = self.rt.timeline.here();
        let sel = &mut self.rt.selection;
        if let Some(photo) = keyboard::photo_step(doc, sel, here, step) {
            sel.select(Item::Photo(photo));
        }
    }

    /// Remembers `folder` as the open transcript's photo folder (picked up next frame).
    fn attach_photo_folder(&mut self, folder: PathBuf) {
        match &self.rt.doc {
            Some(doc) => {
                self.photo_folders.attach(AttachedFolders::key(doc), folder);
                self.rt.notice = None;
            }
            None => {
                self.rt.notice =
                    Some("Open a transcript first, then drop its folder of photos.".to_owned());
            }
        }
    }

    /// Applies the chosen theme now and keeps it in the settings.
    fn set_theme(&mut self, ctx: &egui::Context, choice: ThemeChoice) {
        self.settings.theme = choice;
        ctx.set_theme(choice.preference());
    }
}
