//! The app shell: owns the document, the selection and the panels; draws the panels, then
//! applies the commands they returned, once per frame.
//!
//! This file holds the app's state and how documents are opened; [`frame`] draws a frame,
//! [`commands`] applies commands, [`input`] reads the input no panel owns, and [`inspect`]
//! holds the read-only views the UI tests use.

mod commands;
mod correcting;
mod frame;
mod input;
mod inspect;
mod parallel;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::app::command::{Command, Jump};
use crate::app::document::{Document, Source, SourceText};
use crate::app::file_loader::{self, LoadMessage, Loader};
use crate::app::library::library_panel::LibraryPanel;
use crate::app::panels::participant_sidebar::ParticipantSidebar;
use crate::app::panels::photo_timeline::PhotoTimeline;
use crate::app::panels::speech_reader::SpeechReader;
use crate::app::photos::photo_viewer::PhotoViewer;
use crate::app::photos::thumbnails::{AttachedFolders, Thumbnails};
use crate::app::search::SearchState;
use crate::app::selection::{Item, Selection};
use crate::app::settings::Settings;
use crate::app::startup_probe::StartupProbe;
use crate::app::toast::Toast;
use crate::app::view::View;
use crate::app::windows::citations::{Annotations, CitePartWindow, SelectionWatcher};
use crate::app::windows::export_dialog::ExportDialog;
use crate::app::windows::notes_window::NotesState;
use crate::app::windows::questions_window::{Folding, QuestionsWindow};
use crate::app::windows::reading_panel::ReadingPanel;
use crate::app::windows::stats_window::StatsWindow;
use crate::model::Transcript;

/// The Stenogram window. Persisted fields are plain settings; everything else is runtime
/// state, rebuilt at start.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StenogramApp {
    settings: Settings,
    /// Photo folders dropped onto the window, per transcript.
    photo_folders: AttachedFolders,
    #[serde(skip)]
    rt: Runtime,
}

/// What does not persist.
#[derive(Default)]
struct Runtime {
    doc: Option<Document>,
    /// Bumped whenever a new document is shown; panels reset their caches on it.
    doc_generation: u64,
    selection: Selection,
    view: View,
    /// (document, selection, folding) generations the view was built for.
    view_for: Option<(u64, u64, u64)>,
    sidebar: ParticipantSidebar,
    reader: SpeechReader,
    timeline: PhotoTimeline,
    thumbnails: Thumbnails,
    viewer: PhotoViewer,
    loader: Loader,
    error: Option<String>,
    notice: Option<String>,
    title_sent: Option<String>,
    /// The keyboard shortcuts window is shown.
    shortcuts_open: bool,
    reading: ReadingPanel,
    /// The library (a folder of transcripts), when one is open.
    library: LibraryPanel,
    /// The folder dialog's answer, while it is open.
    folder_dialog: Option<std::sync::mpsc::Receiver<Option<PathBuf>>>,
    /// The search bar's query, hits and current hit.
    search: SearchState,
    stats_window: StatsWindow,
    questions_window: QuestionsWindow,
    folding: Folding,
    /// Paragraph numbers and note marks the reader draws.
    annotations: Annotations,
    /// Notes of the open document, their editor and list.
    notes: NotesState,
    /// Corrections of the open document, their window and the Rename dialog.
    corrections: crate::app::corrections::CorrectionsState,
    export: ExportDialog,
    cite_part: CitePartWindow,
    /// "Citation copied", "Saved to …": goes away by itself.
    toast: Toast,
    /// Start-up and idle figures (`--measure-startup`), when asked for.
    probe: Option<StartupProbe>,
    /// Where to go in a file opened from the library, once it is shown.
    jump: Option<PendingJump>,
    /// The version of the open document read beside it, when one is.
    parallel: Option<crate::app::parallel::Parallel>,
    parallel_reader: crate::app::parallel::reader::ParallelReader,
    parallel_loader: crate::app::parallel::ParallelLoader,
    /// Bumped for every parallel version opened.
    parallel_generation: u64,
    /// A parallel version to open once the document is shown (`--parallel`).
    pending_parallel: Option<PathBuf>,
}

/// A [`Jump`] waiting for its file to be shown.
struct PendingJump {
    path: PathBuf,
    /// The sitting of a corpus file (0: the whole file).
    part: usize,
    jump: Jump,
    /// The participant filter hid the hit and was lifted: the next try is the last.
    retried: bool,
}

impl StenogramApp {
    /// Restores the settings, applies the theme and starts opening `path` (or the sample).
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let mut app: Self = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let ctx = &cc.egui_ctx;
        configure_style(ctx, app.settings.text_size());
        // Ctrl+= / Ctrl+- / Ctrl+0 size the reading text, not the whole interface.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(app.settings.theme.preference());
        SelectionWatcher::install(ctx);
        let dir = data_dir(cc.storage.is_some());
        app.rt.corrections.set_data_dir(dir.as_deref());
        app.rt.notes.set_data_dir(dir);
        // The library index is kept even when settings are not (it is a cache of files).
        app.rt.library.set_data_dir(data_dir(true));
        match path {
            Some(path) if path.is_dir() => app.open_folder(ctx, path),
            Some(path) => app.open(ctx, path),
            None => app.open_sample(ctx),
        }
        app
    }

    /// Starts opening `path` in the background; the current document stays until it is
    /// ready, and stays for good if the file cannot be opened.
    pub fn open(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.rt.notice = None;
        self.rt.loader.open(ctx, path, false);
    }

    /// Starts opening sitting `part` (from 1) of the TEI corpus at `path` in the
    /// background, as [`StenogramApp::open`] does a file.
    pub fn open_sitting(&mut self, ctx: &egui::Context, path: PathBuf, part: usize) {
        self.rt.notice = None;
        self.rt.loader.open_sitting(ctx, path, part);
    }

    /// Opens `path` (sitting `part` of it, when not 0) unless it is the document shown and
    /// no other file is on its way, then goes to `jump` in it on the frame it is shown.
    fn open_at(&mut self, ctx: &egui::Context, path: PathBuf, part: usize, jump: Jump) {
        let shown = self.rt.loader.busy().is_none()
            && self.rt.doc.as_ref().is_some_and(|d| shows(d, &path, part));
        if shown {
            ctx.request_repaint();
        } else if part == 0 {
            self.open(ctx, path.clone());
        } else {
            self.open_sitting(ctx, path.clone(), part);
        }
        self.rt.jump = Some(PendingJump {
            path,
            part,
            jump,
            retried: false,
        });
    }

    /// Goes to the pending jump once its file is the document shown (dropped when another
    /// file is shown, or its own failed to open). Runs after the view and the search are up
    /// to date, before the panels draw.
    fn apply_jump(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.rt.jump.is_none() || self.rt.loader.busy().is_some() {
            return;
        }
        let Some(pending) = self.rt.jump.take() else {
            return;
        };
        let Some(doc) = self
            .rt
            .doc
            .as_ref()
            .filter(|d| shows(d, &pending.path, pending.part))
        else {
            return;
        };
        match &pending.jump {
            Jump::Hit { query, at, index } => {
                let search = &mut self.rt.search;
                if !search.is_open() || search.query() != query {
                    search.open();
                    search.set_query(query.clone());
                }
                search.update(doc, self.rt.doc_generation, &self.rt.view);
                let hits = &search.results().hits;
                let found = at
                    .and_then(|(place, start)| {
                        hits.iter()
                            .position(|h| h.place == place && h.start == start)
                    })
                    .or_else(|| (*index < hits.len()).then_some(*index));
                let Some(found) = found else {
                    return;
                };
                if search.reachable().binary_search(&found).is_ok() {
                    commands.push(Command::GoToHit(found));
                } else if !pending.retried {
                    // The participant filter hides the hit: show everything, try again.
                    commands.push(Command::ClearFilter);
                    ctx.request_repaint();
                    self.rt.jump = Some(PendingJump {
                        retried: true,
                        ..pending
                    });
                }
            }
            Jump::Speech {
                participant,
                speech,
            } => {
                commands.push(Command::Select(Item::Participant(*participant)));
                commands.push(Command::Select(Item::Speech(*speech)));
            }
        }
    }

    /// Applies one command as if a panel had pushed it (for scripted use and the UI tests).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        self.apply(ctx, vec![command]);
    }

    /// Opens the sample: from disk when it can be found, else the copy built into the binary.
    pub fn open_sample(&mut self, ctx: &egui::Context) {
        match file_loader::sample_path() {
            Some(path) => self.rt.loader.open(ctx, path, true),
            None => {
                let name = file_loader::BUNDLED_SAMPLE_NAME;
                match crate::load::open_bytes(name, file_loader::BUNDLED_SAMPLE.as_bytes()) {
                    Ok(loaded) => self.set_loaded(loaded, Source::Bundled, true),
                    Err(e) => self.rt.error = Some(e.to_string()),
                }
            }
        }
    }

    /// Shows `transcript` (replacing the open document) with a fresh selection.
    pub fn set_document(&mut self, transcript: Transcript, source: Source, is_sample: bool) {
        self.show_document(Document::new(transcript, source, is_sample));
    }

    /// Shows a loaded file, keeping its source text for the "How this was read" panel.
    pub fn set_loaded(&mut self, loaded: crate::load::Loaded, source: Source, is_sample: bool) {
        let doc = Document::new(loaded.transcript, source, is_sample);
        self.show_document(doc.with_source_text(loaded.text.map(|t| SourceText::Kept(t.into()))));
    }

    /// Shows `doc` (replacing the open document) with a fresh selection.
    pub fn show_document(&mut self, doc: Document) {
        if let (Source::File(path), false) = (&doc.source, doc.is_sample) {
            self.settings.remember(path);
        }
        let (doc, problem) = self.rt.corrections.open_document(doc);
        if let Some(problem) = problem {
            self.rt.toast.show(problem);
        }
        self.rt.doc = Some(doc);
        self.rt.doc_generation = self.rt.doc_generation.wrapping_add(1);
        self.rt.selection.reset();
        self.rt.view_for = None;
        self.rt.reader.reset();
        self.rt.timeline.reset();
        self.rt.error = None;
    }

    /// Measures start-up and idle figures with `probe` (`--measure-startup`).
    #[must_use]
    pub fn with_probe(mut self, probe: Option<StartupProbe>) -> Self {
        self.rt.probe = probe;
        self
    }

    /// Opens `path` beside the document once it is shown (`stenogram FILE --parallel OTHER`).
    #[must_use]
    pub fn with_parallel(mut self, path: Option<PathBuf>) -> Self {
        self.rt.pending_parallel = path;
        self
    }

    /// Keeps notes under `dir` instead of the app's data folder (tests, portable use).
    #[must_use]
    pub fn with_data_dir(mut self, dir: PathBuf) -> Self {
        self.rt.corrections.set_data_dir(Some(&dir));
        self.rt.notes.set_data_dir(Some(dir.clone()));
        self.rt.library.set_data_dir(Some(dir));
        self
    }

    /// Exports the current view to `path` at once, as "Save…" does once a file is chosen.
    pub fn export_view_to(&mut self, path: &std::path::Path) -> Result<(), String> {
        let Some(doc) = &self.rt.doc else {
            return Err("no document is open".to_owned());
        };
        self.rt
            .export
            .save_to(doc, &self.rt.view, path, &mut self.rt.toast)
    }

    /// Opens `folder` as the library; its first readable transcript opens as soon as it is
    /// read, while the others are indexed in the background.
    pub fn open_folder(&mut self, ctx: &egui::Context, folder: PathBuf) {
        self.rt.notice = None;
        self.rt.library.open(ctx, folder);
    }

    /// Asks for a folder off the UI thread (rfd blocks while its dialog is open).
    fn open_folder_dialog(&mut self, ctx: &egui::Context) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let folder = rfd::FileDialog::new()
                .set_title("Open a folder of transcripts")
                .pick_folder();
            let _ = tx.send(folder);
            ctx.request_repaint();
        });
        self.rt.folder_dialog = Some(rx);
    }

    /// "Stenogram — event.txt": the open file's name (the sample's too), under the library
    /// folder's name when it comes from the open library ("Stenogram — reports/event.txt");
    /// the folder alone while its first file opens; "Stenogram" with neither.
    pub fn window_title(&self) -> String {
        window_title(self.rt.doc.as_ref(), self.rt.library.folder())
    }

    /// Shows a file the loader finished opening (or opens a corpus as the library of its
    /// sittings), or says why none was opened.
    fn receive_loads(&mut self, ctx: &egui::Context) {
        match self.rt.loader.poll() {
            Some(LoadMessage::Corpus(path)) => self.open_folder(ctx, path),
            Some(LoadMessage::Loaded { result, .. }) => match *result {
                Ok(doc) => self.show_document(doc),
                Err(e) => self.rt.error = Some(e.to_string()),
            },
            Some(LoadMessage::Cancelled) => {
                self.rt.notice = Some(
                    "No file was chosen. You can also drop a transcript onto this window, \
                     or open one from the command line: stenogram FILE"
                        .to_owned(),
                );
            }
            None => {}
        }
    }
}

/// Whether `doc` is the file at `path`, sitting `part` of it (0: the whole file).
fn shows(doc: &Document, path: &Path, part: usize) -> bool {
    doc.part == part && matches!(&doc.source, Source::File(p) if p == path)
}

/// The window title for `doc` and the open library's `folder` (see
/// [`StenogramApp::window_title`]).
fn window_title(doc: Option<&Document>, folder: Option<&Path>) -> String {
    let name = |path: &Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let shown = match doc.map(|d| (&d.source, d.part)) {
        Some((Source::File(path), part)) => {
            let file = match folder {
                // The library of a corpus file is that file: its name alone.
                Some(folder) if path.starts_with(folder) && path != folder => {
                    let inside = path.strip_prefix(folder).unwrap_or(path);
                    format!("{}/{}", name(folder), inside.display())
                }
                _ => name(path),
            };
            Some(match part {
                0 => file,
                n => format!("{file}, sitting {n}"),
            })
        }
        Some((Source::Bundled, _)) => Some(file_loader::BUNDLED_SAMPLE_NAME.to_owned()),
        None => folder.map(name),
    };
    match shown {
        Some(shown) => format!("Stenogram — {shown}"),
        None => "Stenogram".to_owned(),
    }
}

/// Where notes are kept: `$STENOGRAM_DATA_DIR` when set, else eframe's data folder for
/// Stenogram when the app persists its state at all (not under tests); `None` keeps notes
/// in memory for the session.
fn data_dir(persistent: bool) -> Option<PathBuf> {
    match std::env::var_os("STENOGRAM_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ if persistent => eframe::storage_dir("stenogram"),
        _ => None,
    }
}

/// Text sizes for a reading app: egui's defaults are tuned for tool panels. The reader's
/// body text has its own style, sized by the user.
fn configure_style(ctx: &egui::Context, reading_size: f32) {
    use egui::{FontFamily, FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(11.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(18.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
            (
                crate::app::reading_style(),
                FontId::new(reading_size, FontFamily::Proportional),
            ),
        ]
        .into();
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::small_transcript;

    fn doc_at(source: Source) -> Document {
        Document::new(small_transcript(), source, false)
    }

    #[test]
    fn the_window_title_names_the_file() {
        assert_eq!(window_title(None, None), "Stenogram");
        let file = doc_at(Source::File(PathBuf::from("/data/event.txt")));
        assert_eq!(window_title(Some(&file), None), "Stenogram — event.txt");
        let sample = doc_at(Source::Bundled);
        assert_eq!(window_title(Some(&sample), None), "Stenogram — sample.txt");
    }

    #[test]
    fn a_library_file_is_named_under_its_folder() {
        let folder = Path::new("/data/reports");
        assert_eq!(window_title(None, Some(folder)), "Stenogram — reports");
        let inside = doc_at(Source::File(PathBuf::from("/data/reports/2024/event.txt")));
        assert_eq!(
            window_title(Some(&inside), Some(folder)),
            "Stenogram — reports/2024/event.txt"
        );
        let outside = doc_at(Source::File(PathBuf::from("/elsewhere/event.txt")));
        assert_eq!(
            window_title(Some(&outside), Some(folder)),
            "Stenogram — event.txt"
        );
    }

    #[test]
    fn a_sitting_is_named_after_its_corpus_file() {
        let corpus = Path::new("/data/ParlaMint-VT.xml");
        let mut sitting = doc_at(Source::File(corpus.to_path_buf()));
        sitting.part = 2;
        assert_eq!(
            window_title(Some(&sitting), Some(corpus)),
            "Stenogram — ParlaMint-VT.xml, sitting 2"
        );
    }
}
