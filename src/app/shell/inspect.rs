//! Read-only views of the app's state, for the UI tests (`tests/ui_*.rs`) and the frame
//! benchmark, which drive the real app and then check what it holds.
//!
//! The app itself never calls these. They are not `#[cfg(test)]` because integration tests
//! and benchmarks build the library without it; they are hidden from the documentation
//! instead, and kept here, apart from what the app does.

use super::StenogramApp;
use crate::app::document::Document;
use crate::app::highlight::{Focus, Highlight, highlight};
use crate::app::library::library_panel::LibraryPanel;
use crate::app::panels::photo_timeline::PhotoTimeline;
use crate::app::panels::speech_reader::SpeechReader;
use crate::app::photos::photo_viewer::PhotoViewer;
use crate::app::photos::thumbnails::Thumbnails;
use crate::app::search::SearchState;
use crate::app::selection::{Item, Selection};
use crate::app::settings::Settings;
use crate::app::view::View;
use crate::app::windows::citations::Annotations;
use crate::app::windows::export_dialog::ExportDialog;
use crate::app::windows::notes_window::NotesState;
use crate::app::windows::questions_window::{Folding, QuestionsWindow};
use crate::app::windows::reading_panel::ReadingPanel;
use crate::app::windows::stats_window::StatsWindow;

#[doc(hidden)]
impl StenogramApp {
    /// The short message shown at the bottom of the window ("Citation copied"), if any.
    pub fn toast(&self) -> Option<&str> {
        self.rt.toast.text()
    }

    /// The open document's corrections, their window and the Rename dialog.
    pub fn corrections(&self) -> &crate::app::corrections::CorrectionsState {
        &self.rt.corrections
    }

    /// Paragraph numbers and note marks of the open document.
    pub fn annotations(&self) -> &Annotations {
        &self.rt.annotations
    }

    /// The notes of the open document, their editor and list.
    pub fn notes(&self) -> &NotesState {
        &self.rt.notes
    }

    /// The "Export view" window.
    pub fn export_dialog(&self) -> &ExportDialog {
        &self.rt.export
    }

    /// The parallel version read beside the document, when one is open.
    pub fn parallel(&self) -> Option<&crate::app::parallel::Parallel> {
        self.rt.parallel.as_ref()
    }

    /// Whether a parallel version is being read.
    pub fn is_loading_parallel(&self) -> bool {
        self.rt.parallel_loader.busy().is_some()
    }

    /// The two-column reader.
    pub fn parallel_reader(&self) -> &crate::app::parallel::reader::ParallelReader {
        &self.rt.parallel_reader
    }

    /// The library panel.
    pub fn library_panel(&self) -> &LibraryPanel {
        &self.rt.library
    }

    /// The "How this was read" panel.
    pub fn reading_panel(&self) -> &ReadingPanel {
        &self.rt.reading
    }

    /// Whether the keyboard shortcuts window is shown.
    pub fn shortcuts_open(&self) -> bool {
        self.rt.shortcuts_open
    }

    /// The open document.
    pub fn document(&self) -> Option<&Document> {
        self.rt.doc.as_ref()
    }

    /// The shared selection.
    pub fn selection(&self) -> &Selection {
        &self.rt.selection
    }

    /// What the panels show for the current selection.
    pub fn view(&self) -> &View {
        &self.rt.view
    }

    /// The Statistics window.
    pub fn stats_window(&self) -> &StatsWindow {
        &self.rt.stats_window
    }

    /// The Questions window.
    pub fn questions_window(&self) -> &QuestionsWindow {
        &self.rt.questions_window
    }

    /// Which moderator turns the reader folds.
    pub fn folding(&self) -> &Folding {
        &self.rt.folding
    }

    /// The search query, its hits and the current one.
    pub fn search(&self) -> &SearchState {
        &self.rt.search
    }

    /// The reader (where it is scrolled, what it last scrolled to).
    pub fn reader(&self) -> &SpeechReader {
        &self.rt.reader
    }

    /// The timeline (where its "you are here" marker stands).
    pub fn timeline(&self) -> &PhotoTimeline {
        &self.rt.timeline
    }

    /// Photo textures and where each photo's image comes from.
    pub fn thumbnails(&self) -> &Thumbnails {
        &self.rt.thumbnails
    }

    /// The large photo viewer.
    pub fn photo_viewer(&self) -> &PhotoViewer {
        &self.rt.viewer
    }

    /// The block at the top of the reader ("you are here").
    pub fn top_block(&self) -> Option<usize> {
        let doc = self.rt.doc.as_ref()?;
        let row = self.rt.reader.top_row()?;
        doc.index.rows.get(row).map(|r| r.block)
    }

    /// The error banner's text ("file: reason"), if shown.
    pub fn error(&self) -> Option<&str> {
        self.rt.error.as_deref()
    }

    /// Whether a file is being opened.
    pub fn is_loading(&self) -> bool {
        self.rt.loader.busy().is_some()
    }

    /// The persisted settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How `item` is highlighted right now.
    pub fn highlight(&self, item: Item) -> Highlight {
        let Some(doc) = &self.rt.doc else {
            return Highlight::Normal;
        };
        let focus = Focus {
            selected: self.rt.selection.items(),
            people: self.rt.selection.people(),
            hovered: self.rt.selection.hovered(),
        };
        highlight(&doc.transcript, &doc.index, &focus, item)
    }
}
