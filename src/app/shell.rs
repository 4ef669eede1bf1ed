//! The app shell: owns the document, the selection and the panels; draws the panels, then
//! applies the commands they returned, once per frame.

use std::path::PathBuf;

use egui::{Key, Modifiers, PointerButton};
use serde::{Deserialize, Serialize};

use crate::app::PanelContext;
use crate::app::command::{Command, Jump};
use crate::app::document::{Document, Source, SourceText};
use crate::app::file_loader::{self, LoadMessage, Loader};
use crate::app::highlight::{Focus, Highlight, highlight};
use crate::app::keyboard::{self, Step};
use crate::app::library::library_panel::LibraryPanel;
use crate::app::panels::header::{self, MenuState};
use crate::app::panels::participant_sidebar::ParticipantSidebar;
use crate::app::panels::photo_timeline::PhotoTimeline;
use crate::app::panels::speech_reader::SpeechReader;
use crate::app::photos::photo_viewer::PhotoViewer;
use crate::app::photos::thumbnails::{AttachedFolders, Thumbnails};
use crate::app::search::{self, SearchState};
use crate::app::selection::{Item, Selection};
use crate::app::settings::{Settings, ThemeChoice};
use crate::app::startup_probe::StartupProbe;
use crate::app::toast::Toast;
use crate::app::view::View;
use crate::app::windows::citations::{self, Annotations, CitePartWindow, SelectionWatcher};
use crate::app::windows::export_dialog::ExportDialog;
use crate::app::windows::notes_window::NotesState;
use crate::app::windows::questions_window::{Folding, QuestionsWindow};
use crate::app::windows::reading_panel::ReadingPanel;
use crate::app::windows::shortcuts;
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
    export: ExportDialog,
    cite_part: CitePartWindow,
    /// "Citation copied", "Saved to …": goes away by itself.
    toast: Toast,
    /// Start-up and idle figures (`--measure-startup`), when asked for.
    probe: Option<StartupProbe>,
    /// Where to go in a file opened from the library, once it is shown.
    jump: Option<PendingJump>,
}

/// A [`Jump`] waiting for its file to be shown.
struct PendingJump {
    path: PathBuf,
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
        app.rt.notes.set_data_dir(data_dir(cc.storage.is_some()));
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

    /// Opens `path` (unless it is the document shown and no other file is on its way),
    /// then goes to `jump` in it on the frame it is shown.
    fn open_at(&mut self, ctx: &egui::Context, path: PathBuf, jump: Jump) {
        let shown = self.rt.loader.busy().is_none()
            && self
                .rt
                .doc
                .as_ref()
                .is_some_and(|d| matches!(&d.source, Source::File(p) if *p == path));
        if shown {
            ctx.request_repaint();
        } else {
            self.open(ctx, path.clone());
        }
        self.rt.jump = Some(PendingJump {
            path,
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
            .filter(|d| matches!(&d.source, Source::File(p) if *p == pending.path))
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

    /// Keeps notes under `dir` instead of the app's data folder (tests, portable use).
    #[must_use]
    pub fn with_data_dir(mut self, dir: PathBuf) -> Self {
        self.rt.notes.set_data_dir(Some(dir));
        self
    }

    /// The short message shown at the bottom of the window ("Citation copied"), if any.
    pub fn toast(&self) -> Option<&str> {
        self.rt.toast.text()
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

    /// Exports the current view to `path` at once, as "Save…" does once a file is chosen.
    pub fn export_view_to(&mut self, path: &std::path::Path) -> Result<(), String> {
        let Some(doc) = &self.rt.doc else {
            return Err("no document is open".to_owned());
        };
        self.rt
            .export
            .save_to(doc, &self.rt.view, path, &mut self.rt.toast)
    }

    /// The library panel.
    pub fn library_panel(&self) -> &LibraryPanel {
        &self.rt.library
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

    /// "Title — Stenogram", or "Stenogram" with no document.
    pub fn window_title(&self) -> String {
        match &self.rt.doc {
            Some(doc) => format!("{} — Stenogram", doc.title()),
            None => "Stenogram".to_owned(),
        }
    }

    fn receive_loads(&mut self) {
        match self.rt.loader.poll() {
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

    /// Shortcuts, mouse back/forward buttons and dropped files.
    fn global_input(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
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
                // A file is a transcript; a folder with transcripts is a library, a folder
                // of images brings the open transcript's photos.
                commands.push(if !path.is_dir() {
                    Command::Open(path)
                } else if holds_transcripts(&path) {
                    Command::OpenFolder(path)
                } else {
                    Command::AttachPhotoFolder(path)
                });
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

    fn apply(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let before = self.rt.selection.generation();
        for command in commands {
            let sel = &mut self.rt.selection;
            match command {
                Command::Select(item) => sel.select(item),
                Command::ToggleSelect(item) => sel.toggle(item),
                Command::Hover(_) => {} // handled before the frame ended
                Command::ClearSelection => sel.clear(),
                Command::ClearFilter => sel.clear_filter(),
                Command::Back => {
                    sel.back();
                }
                Command::Forward => {
                    sel.forward();
                }
                Command::OpenDialog => {
                    self.rt.notice = None;
                    self.rt.loader.open_dialog(ctx);
                }
                Command::Open(path) => {
                    self.rt.jump = None;
                    self.open(ctx, path);
                }
                Command::OpenAt { path, jump } => self.open_at(ctx, path, jump),
                Command::OpenSample => self.open_sample(ctx),
                Command::DismissError => {
                    self.rt.error = None;
                    self.rt.notice = None;
                }
                Command::SetTheme(choice) => self.set_theme(ctx, choice),
                Command::ClearRecent => self.settings.recent.clear(),
                Command::OpenPhotoViewer(photo) => {
                    sel.select(Item::Photo(photo));
                    self.rt.viewer.open(photo, self.rt.doc_generation);
                }
                Command::ClosePhotoViewer => self.rt.viewer.close(),
                Command::AttachPhotoFolder(folder) => self.attach_photo_folder(folder),
                Command::NextSpeech => self.step_speech(Step::Next),
                Command::PreviousSpeech => self.step_speech(Step::Previous),
                Command::NextPhoto => self.step_photo(Step::Next),
                Command::PreviousPhoto => self.step_photo(Step::Previous),
                Command::TextSize(steps) => {
                    if steps == 0 {
                        self.settings.text_size = crate::app::settings::TEXT_SIZE_DEFAULT;
                    } else {
                        self.settings.step_text_size(steps);
                    }
                    configure_style(ctx, self.settings.text_size());
                }
                Command::SetReadingWidth(width) => self.settings.reading_width = width,
                Command::OpenFolderDialog => self.open_folder_dialog(ctx),
                Command::OpenFolder(folder) => self.open_folder(ctx, folder),
                Command::CloseLibrary => self.rt.library.close(),
                Command::ToggleShortcuts => self.rt.shortcuts_open = !self.rt.shortcuts_open,
                Command::ToggleReadingPanel => self.rt.reading.toggle(),
                Command::OpenSearch => {
                    if self.rt.doc.is_some() {
                        self.rt.search.open();
                    }
                }
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
                Command::ShowStatistics => self.rt.stats_window.show(),
                Command::ShowQuestions => self.rt.questions_window.show(),
                Command::SetFoldModerators(on) => self.rt.folding.set(on),
                Command::ToggleFold(speech) => {
                    self.rt.folding.toggle(speech, self.rt.doc_generation);
                }
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
                Command::OpenExport => {
                    if self.rt.doc.is_some() {
                        self.rt.export.open();
                    }
                }
            }
        }
        if self.rt.selection.generation() != before {
            // The next frame scrolls the panels to the new selection.
            ctx.request_repaint();
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

    fn set_theme(&mut self, ctx: &egui::Context, choice: ThemeChoice) {
        self.settings.theme = choice;
        ctx.set_theme(choice.preference());
    }
}

impl eframe::App for StenogramApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some(probe) = &mut self.rt.probe {
            probe.begin_frame();
        }
        self.receive_loads();

        let mut commands = Vec::new();
        self.global_input(&ctx, &mut commands);
        self.rt.library.poll(&ctx, &mut commands);
        if let Some(rx) = &self.rt.folder_dialog
            && let Ok(answer) = rx.try_recv()
        {
            self.rt.folder_dialog = None;
            match answer {
                Some(folder) => commands.push(Command::OpenFolder(folder)),
                None => {
                    self.rt.notice = Some(
                        "No folder was chosen. You can also drop a folder of transcripts onto \
                         this window, or open one from the command line: stenogram FOLDER"
                            .to_owned(),
                    );
                }
            }
        }

        if let Some(doc) = &self.rt.doc {
            let key = (
                self.rt.doc_generation,
                self.rt.selection.generation(),
                self.rt.folding.generation(),
            );
            if self.rt.view_for != Some(key) {
                self.rt.view = View::build(doc, &self.rt.selection);
                let folded =
                    self.rt
                        .folding
                        .folded(doc, self.rt.doc_generation, &self.rt.selection);
                self.rt.view.fold(doc, folded);
                self.rt.view_for = Some(key);
            }
            self.rt
                .search
                .update(doc, self.rt.doc_generation, &self.rt.view);
        }
        self.apply_jump(&ctx, &mut commands);

        let title = self.window_title();
        if self.rt.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.rt.title_sent = Some(title);
        }

        self.rt.thumbnails.begin_frame(
            &ctx,
            self.rt.doc.as_ref(),
            self.rt.doc_generation,
            &self.photo_folders,
            frame.info().cpu_usage,
        );

        if let Some(doc) = &self.rt.doc {
            self.rt.notes.sync(doc, self.rt.doc_generation);
            self.rt
                .annotations
                .sync(doc, self.rt.doc_generation, &self.rt.notes);
        }

        let rt = &mut self.rt;
        egui::Panel::top("menu").show(ui, |ui| {
            let state = MenuState {
                settings: &self.settings,
                selection: &rt.selection,
                has_document: rt.doc.is_some(),
                shortcuts_open: rt.shortcuts_open,
                reading_open: rt.reading.is_open(),
                fold_moderators: rt.folding.is_on(),
                citable: rt.doc.as_ref().is_some_and(|doc| {
                    rt.selection
                        .primary()
                        .is_some_and(|item| citations::cited(doc, item).is_some())
                }),
                notes_open: rt.notes.is_open(),
            };
            header::menu_bar(ui, &state, &mut commands);
        });
        egui::Panel::top("header").show(ui, |ui| {
            ui.add_space(4.0);
            header::document_header(
                ui,
                rt.doc.as_ref(),
                rt.loader.busy(),
                &rt.selection,
                &mut commands,
            );
            if let Some(error) = &rt.error {
                header::error_banner(ui, error, &mut commands);
            } else if let Some(notice) = &rt.notice {
                notice_banner(ui, notice, &mut commands);
            }
            ui.add_space(4.0);
        });

        if rt.library.is_open() {
            egui::Panel::left("library")
                .resizable(true)
                .default_size(280.0)
                .size_range(200.0..=520.0)
                .show(ui, |ui| {
                    let current = rt.doc.as_ref().and_then(|d| match &d.source {
                        Source::File(path) => Some(path.as_path()),
                        Source::Bundled => None,
                    });
                    rt.library.ui(ui, current, &mut commands);
                });
        }
        if let Some(doc) = &rt.doc {
            let cx = PanelContext {
                doc,
                view: &rt.view,
                selection: &rt.selection,
                doc_generation: rt.doc_generation,
                reader_top_row: rt.reader.top_row(),
                thumbnails: &rt.thumbnails,
                reading_chars: self.settings.reading_width.chars(),
                search: &rt.search,
                annotations: &rt.annotations,
            };
            egui::Panel::left("participants")
                .resizable(true)
                .default_size(250.0)
                .size_range(170.0..=460.0)
                .show(ui, |ui| rt.sidebar.ui(ui, &cx, &mut commands));
            egui::Panel::right("photos")
                .resizable(true)
                .default_size(340.0)
                .size_range(230.0..=620.0)
                .show(ui, |ui| rt.timeline.ui(ui, &cx, &mut commands));
            if rt.reading.is_open() {
                egui::Panel::bottom("how_read")
                    .resizable(true)
                    .default_size(260.0)
                    .size_range(120.0..=700.0)
                    .show(ui, |ui| rt.reading.ui(ui, &cx, &mut commands));
            }
            let top_before = rt.reader.top_row();
            egui::CentralPanel::default().show(ui, |ui| {
                search::bar::ui(ui, &cx, &mut commands);
                rt.reader.ui(ui, &cx, &mut commands);
            });
            if rt.reader.top_row() != top_before {
                // The timeline was drawn before the reader moved: let it catch up.
                ctx.request_repaint();
            }
            rt.viewer.ui(&ctx, &cx, &mut commands);
            rt.stats_window.ui(&ctx, &cx, &mut commands);
            rt.questions_window.ui(&ctx, &cx, &mut commands);
            let numbers = rt.annotations.numbers();
            rt.notes
                .ui(&ctx, doc, &rt.view, numbers, &mut rt.toast, &mut commands);
            rt.export.ui(&ctx, doc, &rt.view, &mut rt.toast);
            let generation = rt.doc_generation;
            rt.cite_part
                .ui(&ctx, doc, generation, &rt.annotations, &mut commands);
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.add_space(80.0);
                    if rt.loader.busy().is_some() {
                        ui.spinner();
                    } else {
                        ui.heading("No transcript open");
                        ui.label(
                            "Open one with File, Open… (Ctrl+O), or drop a file onto this window.",
                        );
                    }
                });
            });
        }
        shortcuts::window(&ctx, rt.shortcuts_open, &mut commands);
        rt.toast.ui(&ctx);
        drop_overlay(&ctx);

        // Hover first, then end the frame (spending this frame's scroll request), then the
        // selection changes, whose scroll request the next frame will spend.
        for c in &commands {
            if let Command::Hover(item) = c {
                self.rt.selection.set_hovered(*item);
            }
        }
        if self.rt.selection.end_frame() {
            ctx.request_repaint();
        }
        self.apply(&ctx, commands);
        if let Some(probe) = &mut self.rt.probe {
            let busy = self.rt.loader.busy().is_some() || self.rt.library.is_indexing();
            probe.end_frame(&ctx, self.rt.doc.is_some(), busy);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, self);
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

fn notice_banner(ui: &mut egui::Ui, notice: &str, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Dismiss").clicked() {
                        commands.push(Command::DismissError);
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(notice).wrap());
                    });
                });
            });
        });
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

/// While files are dragged over the window, say what dropping will do.
fn drop_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a transcript to open it, or a folder of photos to attach it",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
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
