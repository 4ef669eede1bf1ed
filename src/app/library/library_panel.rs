//! The library panel: every transcript of a folder, shown at once from the library's
//! database, then brought up to date in the background ([`crate::library::db::sync_library`])
//! while the first one is already open. Files that fail are listed with their error. A "People" tab
//! lists each person once across files; choosing one narrows the files to theirs and shows
//! their figures and every speech they gave across files ([`crate::app::library::library_person`]). A
//! "Search" tab searches the full text of every file ([`crate::app::library::library_search`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText, ScrollArea, Sense, Ui, WidgetInfo};

use crate::app::command::Command;
use crate::app::library::library_person::PersonView;
use crate::app::library::library_search::{LibrarySearch, repaint};
use crate::format::plural;
use crate::format::thousands;
use crate::library::db::{DbError, SetAside, SyncEvent, SyncOptions, SyncSummary};
use crate::library::{self, EntryState, Library, LibraryPerson, SortKey};

/// How often the file list is sorted again while files are being read.
const ROWS_WHILE_INDEXING: std::time::Duration = std::time::Duration::from_millis(250);

/// Which list the panel shows.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Files,
    People,
    Search,
}

/// The open library, if any.
#[derive(Default)]
pub struct LibraryPanel {
    open: Option<Open>,
    /// Where the library databases live (the app's data folder).
    data_dir: Option<PathBuf>,
}

/// What the sync thread sends: its events, then its outcome.
enum SyncMessage {
    Event(SyncEvent),
    Done(Result<SyncSummary, DbError>),
}

/// The background sync of the open library with its folder. Dropping it asks the thread
/// to stop between files (closing a library never waits).
struct SyncTask {
    messages: Receiver<SyncMessage>,
    cancel: Arc<AtomicBool>,
}

impl Drop for SyncTask {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Release);
    }
}

/// What the sync is doing, for the progress bar.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Stage {
    Opening,
    Checking { done: usize, total: usize },
    Indexing { done: usize, total: usize },
    People,
}

struct Open {
    folder: PathBuf,
    /// The library is a TEI corpus file: its entries are sittings, and are called so.
    corpus: bool,
    /// Not started yet: starts on the next poll (so a data folder set after opening counts).
    start: bool,
    /// Check the folder again once the running sync is done (something changed meanwhile).
    again: bool,
    sync: Option<SyncTask>,
    stage: Option<Stage>,
    library: Library,
    people_job: Option<library::Jobs<library::People>>,
    problem: Option<String>,
    /// A notice that stays until dismissed: a database set aside.
    banner: Option<SetAside>,
    /// The first readable file was opened (at once, while the rest is indexed).
    opened_first: bool,
    tab: Tab,
    sort: SortKey,
    descending: bool,
    filter: String,
    /// Only the files of this library person.
    person: Option<usize>,
    rows: Vec<usize>,
    /// (generation of the entries, sort, descending, filter, person) the rows are for.
    rows_for: Option<(u64, SortKey, bool, String, Option<usize>)>,
    /// When the rows were last sorted: while files keep coming in, at most a few times a
    /// second (sorting thousands of entries every frame would cost more than the frame).
    rows_built: Option<std::time::Instant>,
    generation: u64,
    /// The "Search" tab: the full text of every file.
    search: LibrarySearch,
    /// The chosen person's speeches across files.
    person_view: PersonView,
}

impl LibraryPanel {
    /// Whether a library is open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// The open library's folder.
    pub fn folder(&self) -> Option<&Path> {
        self.open.as_ref().map(|o| o.folder.as_path())
    }

    /// The library, once its folder has been read.
    pub fn library(&self) -> Option<&Library> {
        self.open.as_ref().map(|o| &o.library)
    }

    /// Whether the library is still being brought up to date.
    pub fn is_indexing(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|o| o.start || o.sync.is_some() || o.people_job.is_some())
    }

    /// Keeps the library databases under `dir` (the app's data folder).
    pub fn set_data_dir(&mut self, dir: Option<PathBuf>) {
        self.data_dir = dir;
    }

    /// The data folder the databases are kept in: the app's, else a folder of the system's
    /// temporary folder (the library then works, but is indexed again next time).
    pub fn data_dir(&self) -> PathBuf {
        self.data_dir
            .clone()
            .unwrap_or_else(|| std::env::temp_dir().join("stenogram-data"))
    }

    /// A message about the library's database that the user should see (a damaged one set
    /// aside), until dismissed.
    pub fn banner(&self) -> Option<&SetAside> {
        self.open.as_ref().and_then(|o| o.banner.as_ref())
    }

    /// Opens `folder` as the library: the files the database knows are listed at once,
    /// then the folder is checked and new or changed files are read in the background.
    pub fn open(&mut self, ctx: &egui::Context, folder: PathBuf) {
        ctx.request_repaint();
        self.open = Some(Open {
            corpus: folder.is_file(),
            folder,
            start: true,
            again: false,
            sync: None,
            stage: Some(Stage::Opening),
            library: Library::pending(Vec::new()),
            people_job: None,
            problem: None,
            banner: None,
            opened_first: false,
            tab: Tab::Files,
            sort: SortKey::Path,
            descending: false,
            filter: String::new(),
            person: None,
            rows: Vec::new(),
            rows_for: None,
            rows_built: None,
            generation: 0,
            search: LibrarySearch::default(),
            person_view: PersonView::default(),
        });
    }

    /// The search across files (the "Search" tab).
    pub fn search(&self) -> Option<&LibrarySearch> {
        self.open.as_ref().map(|o| &o.search)
    }

    /// The person chosen in the "People" tab, if any.
    pub fn chosen_person(&self) -> Option<&LibraryPerson> {
        let o = self.open.as_ref()?;
        o.library.person(o.person?)
    }

    /// The chosen person's speeches across files.
    pub fn person_view(&self) -> Option<&PersonView> {
        self.open.as_ref().map(|o| &o.person_view)
    }

    /// Checks the folder against the database again, now or once the running check is
    /// done: after a correction, the corrected file is indexed again as corrected.
    pub fn check_again(&mut self) {
        if let Some(o) = &mut self.open {
            if o.sync.is_some() || o.start {
                o.again = true;
            } else {
                o.start = true;
            }
        }
    }

    /// Closes the library (indexing stops).
    pub fn close(&mut self) {
        self.open = None;
    }

    /// Takes in what the background threads finished; asks for the first file to open.
    pub fn poll(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let data_dir = self.data_dir();
        let Some(o) = &mut self.open else {
            return;
        };
        if o.start {
            o.start = false;
            o.sync = Some(start_sync(ctx, o.folder.clone(), data_dir.clone()));
        }
        let messages: Vec<SyncMessage> = o
            .sync
            .as_ref()
            .map(|t| t.messages.try_iter().collect())
            .unwrap_or_default();
        for message in messages {
            match message {
                SyncMessage::Event(event) => take_event(o, event, commands),
                SyncMessage::Done(outcome) => {
                    o.sync = None;
                    o.stage = None;
                    o.start = std::mem::take(&mut o.again);
                    if o.start {
                        ctx.request_repaint();
                    }
                    match outcome {
                        Ok(summary) => {
                            if let Some(first) = summary.problems.first() {
                                o.problem = Some(first.clone());
                            }
                        }
                        Err(e) => o.problem = Some(e.to_string()),
                    }
                }
            }
        }
        if o.sync.is_some() && o.stage.is_none() {
            o.stage = Some(Stage::People);
        }
        // People are matched again whenever files came in, one run at a time.
        if let Some(job) = &mut o.people_job {
            let done = job.is_finished();
            for (_, people) in job.take_ready() {
                // People move in the list when matched again: keep the chosen one.
                let chosen = o
                    .person
                    .and_then(|p| o.library.person(p))
                    .and_then(|p| p.occurrences.first().copied());
                if o.library.install_people(people) {
                    o.person = chosen.and_then(|c| o.library.person_of(c.entry, c.participant));
                    o.rows_for = None;
                }
            }
            if done {
                o.people_job = None;
            }
        }
        // People are matched once the stored entries are in, and again after new files.
        let settled = !matches!(o.stage, Some(Stage::Opening | Stage::Indexing { .. }));
        if o.people_job.is_none() && settled && o.library.people_stale() {
            o.people_job = Some(o.library.match_people(repaint(ctx)));
        }
        o.search.poll();
        let location = (data_dir, o.folder.clone());
        o.person_view.follow(ctx, &o.library, o.person, &location);
        o.person_view.poll();
    }

    /// Draws the panel's content; `current` is the file shown in the reader, with its
    /// sitting (0: the whole file).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        current: Option<(&Path, usize)>,
        commands: &mut Vec<Command>,
    ) {
        let data_dir = self.data_dir();
        let Some(o) = &mut self.open else {
            return;
        };
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.heading("Library");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Close")
                    .on_hover_text("Close the library")
                    .clicked()
                {
                    commands.push(Command::CloseLibrary);
                }
            });
        });
        let name = o.folder.file_name().map_or_else(
            || o.folder.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        ui.label(RichText::new(name).small().weak())
            .on_hover_text(o.folder.display().to_string());
        let (ready, failed, pending) = o.library.counts();
        let total = ready + failed + pending;
        let (one, many) = if o.corpus {
            ("sitting", "sittings")
        } else {
            ("file", "files")
        };
        let summary = if o.stage == Some(Stage::Opening) {
            "Opening the library…".to_owned()
        } else if failed > 0 {
            format!("{} · {failed} could not be read", plural(total, one, many))
        } else {
            plural(total, one, many)
        };
        ui.label(summary);
        if let Some(stage) = o.stage {
            let (fraction, text) = match stage {
                Stage::Opening => (0.0, "Opening the library…".to_owned()),
                Stage::Checking { done, total } => (
                    fraction(done, total),
                    format!("Checking {} files…", thousands(total)),
                ),
                Stage::Indexing { done, total } => (
                    fraction(done, total),
                    format!(
                        "Indexing {} new or changed {}…",
                        thousands(total),
                        if total == 1 { "file" } else { "files" }
                    ),
                ),
                Stage::People => (1.0, "Matching people across files…".to_owned()),
            };
            ui.add(egui::ProgressBar::new(fraction).text(text));
        }
        if let Some(aside) = &o.banner
            && set_aside_notice(ui, aside)
        {
            o.banner = None;
        }
        if let Some(problem) = &o.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut o.tab, Tab::Files, "Files");
            let people = o.library.people().len();
            ui.selectable_value(&mut o.tab, Tab::People, format!("People ({people})"));
            ui.selectable_value(&mut o.tab, Tab::Search, "Search")
                .on_hover_text("Search the full text of every file");
        });
        match o.tab {
            Tab::Files => files(ui, o, current, commands),
            Tab::People => people(ui, o),
            Tab::Search => {
                let chosen = o.person.and_then(|p| o.library.person(p)).map(|p| {
                    let occurrences = p
                        .occurrences
                        .iter()
                        .filter_map(|occ| {
                            let entry = o.library.entry(occ.entry)?;
                            Some((entry.path.clone(), entry.part, occ.participant))
                        })
                        .collect();
                    (p.display_name().to_owned(), occurrences)
                });
                let location = (Some(data_dir.clone()), o.folder.clone());
                o.search.ui(ui, &location, chosen, commands);
            }
        }
    }
}

fn files(ui: &mut Ui, o: &mut Open, current: Option<(&Path, usize)>, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label("Find file");
        ui.add(
            egui::TextEdit::singleline(&mut o.filter)
                .hint_text("title, place or path")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        egui::ComboBox::from_label("Sort")
            .selected_text(o.sort.label())
            .show_ui(ui, |ui| {
                for key in SortKey::ALL {
                    ui.selectable_value(&mut o.sort, key, key.label());
                }
            });
        let arrow = if o.descending {
            "Descending"
        } else {
            "Ascending"
        };
        if ui.button(arrow).clicked() {
            o.descending = !o.descending;
        }
    });
    if let Some(p) = o.person.and_then(|p| o.library.person(p)) {
        let name = p.display_name().to_owned();
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Files with {name}")).strong());
            if ui.button("All files").clicked() {
                o.person = None;
            }
        });
        if let Some(person) = o.person {
            o.person_view.stats_ui(ui, &o.library, person, commands);
        }
    }
    let key = (
        o.generation,
        o.sort,
        o.descending,
        o.filter.clone(),
        o.person,
    );
    // Only new files arrived (same sort, filter and person) while others are still being
    // read, and the rows were sorted a moment ago: keep them for now and look again shortly.
    // Once the last file is in, the rows are sorted at once.
    let only_new_files = o
        .rows_for
        .as_ref()
        .is_some_and(|(g, sort, desc, filter, person)| {
            *g != key.0 && (*sort, *desc, filter, *person) == (key.1, key.2, &key.3, key.4)
        });
    let recently = o
        .rows_built
        .is_some_and(|t| t.elapsed() < ROWS_WHILE_INDEXING);
    if only_new_files && recently && o.sync.is_some() {
        ui.ctx().request_repaint_after(ROWS_WHILE_INDEXING);
    } else if o.rows_for.as_ref() != Some(&key) {
        o.rows_built = Some(std::time::Instant::now());
        let mut rows = o.library.view(o.sort, o.descending, &o.filter);
        if let Some(p) = o.person.and_then(|p| o.library.person(p)) {
            rows.retain(|e| p.occurrences.iter().any(|occ| occ.entry == *e));
        }
        o.rows = rows;
        o.rows_for = Some(key);
    }
    let row_height = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    // With a person chosen, their files take the top of the panel and their speeches the
    // rest.
    let chosen = o.person.is_some();
    let mut area = ScrollArea::vertical()
        .id_salt("library_files")
        .auto_shrink([false, chosen]);
    if chosen {
        area = area.max_height((ui.available_height() * 0.3).max(2.0 * row_height));
    }
    area.show_rows(ui, row_height, o.rows.len(), |ui, range| {
        for &index in o.rows.get(range).unwrap_or_default() {
            if let Some(entry) = o.library.entry(index) {
                let open = current.is_some_and(|(path, part)| entry.is_at(path, part));
                file_row(ui, entry, open, row_height, commands);
            }
        }
    });
    if chosen {
        ui.separator();
        o.person_view.speeches_ui(ui, commands);
    }
}

fn file_row(
    ui: &mut Ui,
    entry: &library::Entry,
    open: bool,
    height: f32,
    commands: &mut Vec<Command>,
) {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::click());
    let title = entry.display_title();
    let facts = match &entry.state {
        EntryState::Pending => "reading…".to_owned(),
        EntryState::Failed(e) => e.reason(),
        EntryState::Ready => {
            let mut facts: Vec<String> = Vec::new();
            facts.extend(entry.date.clone());
            facts.extend(entry.place.clone());
            if !entry.language.is_empty() && entry.language != "und" {
                facts.push(entry.language.clone());
            }
            facts.push(plural(entry.speeches, "speech", "speeches"));
            facts.join(" · ")
        }
    };
    let label = format!("{title}: {facts}");
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, open, &label));
    if open {
        ui.painter().rect_filled(
            rect,
            3.0,
            ui.visuals().selection.bg_fill.gamma_multiply(0.5),
        );
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let failed = matches!(entry.state, EntryState::Failed(_));
    let facts_color: Color32 = if failed {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(6.0, 3.0)))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.add(egui::Label::new(title).truncate().selectable(false));
    child.add(
        egui::Label::new(RichText::new(facts).small().color(facts_color))
            .truncate()
            .selectable(false),
    );
    let response = response.on_hover_text(entry.path.display().to_string());
    if response.clicked() && !failed {
        commands.push(open_entry(entry));
    }
}

/// The command that opens an entry: its file, or its sitting of a corpus file.
fn open_entry(entry: &library::Entry) -> Command {
    match entry.part {
        0 => Command::Open(entry.path.clone()),
        part => Command::OpenSitting {
            path: entry.path.clone(),
            part,
        },
    }
}

fn people(ui: &mut Ui, o: &mut Open) {
    let people = o.library.people();
    if people.is_empty() {
        ui.weak("No people yet.");
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut chosen = None;
    ScrollArea::vertical()
        .id_salt("library_people")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, people.len(), |ui, range| {
            for i in range {
                let Some(p) = people.get(i) else {
                    continue;
                };
                let text = format!(
                    "{} — {} · {}",
                    p.display_name(),
                    plural(p.files(), "file", "files"),
                    plural(p.speeches, "speech", "speeches")
                );
                let selected = o.person == Some(i);
                if ui
                    .selectable_label(selected, text)
                    .on_hover_text(p.aliases.join(" · "))
                    .clicked()
                {
                    chosen = Some(i);
                }
            }
        });
    if let Some(i) = chosen {
        o.person = Some(i);
        o.tab = Tab::Files;
        // Their speeches start gathering on the next frame's poll.
        ui.ctx().request_repaint();
    }
}

/// Done as a fraction for a progress bar.
fn fraction(done: usize, total: usize) -> f32 {
    if total == 0 {
        1.0
    } else {
        // Precision is irrelevant for a progress bar.
        #[allow(clippy::cast_precision_loss)]
        let f = done as f32 / total as f32;
        f.clamp(0.0, 1.0)
    }
}

/// How often the progress of a sync is drawn.
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Starts bringing the database of `folder` up to date on a thread of its own.
fn start_sync(ctx: &egui::Context, folder: PathBuf, data_dir: PathBuf) -> SyncTask {
    let (tx, messages) = channel();
    let cancel = Arc::new(AtomicBool::new(false));
    let options = SyncOptions {
        cancel: Arc::clone(&cancel),
        ..SyncOptions::default()
    };
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("stenogram-library-sync".to_owned())
        .spawn({
            let tx = tx.clone();
            move || {
                // Progress is drawn about once a second: with a software renderer each
                // frame costs a core for a moment, which the parser needs more. What the
                // user waits for (the stored entries, the first file, the end) is drawn at
                // once.
                let mut first_files = true;
                let mut on_event = |event: SyncEvent| {
                    let progress = match &event {
                        SyncEvent::Checking { .. } => true,
                        SyncEvent::Indexing { entries, .. } => {
                            !std::mem::replace(&mut first_files, entries.is_empty())
                        }
                        _ => false,
                    };
                    let _ = tx.send(SyncMessage::Event(event));
                    if progress {
                        ctx.request_repaint_after(PROGRESS_EVERY);
                    } else {
                        ctx.request_repaint();
                    }
                };
                let outcome =
                    library::db::sync_library(&folder, &data_dir, &options, &mut on_event);
                let _ = tx.send(SyncMessage::Done(outcome));
                ctx.request_repaint();
            }
        });
    if let Err(e) = spawned {
        let _ = tx.send(SyncMessage::Done(Err(DbError::new(
            Path::new("library"),
            format!("cannot start indexing: {e}"),
        ))));
    }
    SyncTask { messages, cancel }
}

/// Applies one event of the sync to the open library.
fn take_event(o: &mut Open, event: SyncEvent, commands: &mut Vec<Command>) {
    match event {
        SyncEvent::Opened {
            entries, set_aside, ..
        } => {
            o.library = Library::with_entries(entries);
            o.generation += 1;
            o.banner = set_aside;
            o.stage = Some(Stage::Checking { done: 0, total: 0 });
            open_first(o, commands);
        }
        SyncEvent::Checking { done, total } => o.stage = Some(Stage::Checking { done, total }),
        SyncEvent::Indexing {
            done,
            total,
            entries,
        } => {
            o.stage = Some(Stage::Indexing { done, total });
            for entry in entries {
                o.library.upsert(entry);
            }
            o.generation += 1;
            open_first(o, commands);
        }
        SyncEvent::Removed(gone) => {
            let kept: Vec<library::Entry> = o
                .library
                .entries()
                .iter()
                .filter(|e| !gone.contains(&e.path))
                .map(|e| (**e).clone())
                .collect();
            o.library = Library::with_entries(kept);
            o.person = None;
            o.generation += 1;
        }
        SyncEvent::Finished(_) => o.stage = None,
    }
}

/// Asks for the first readable file (in path order) to open, once.
fn open_first(o: &mut Open, commands: &mut Vec<Command>) {
    if o.opened_first {
        return;
    }
    let first = o
        .library
        .entries()
        .iter()
        .filter(|e| e.state == EntryState::Ready)
        .min_by(|a, b| (&a.path, a.part).cmp(&(&b.path, b.part)));
    if let Some(entry) = first {
        o.opened_first = true;
        commands.push(open_entry(entry));
    }
}

/// The notice that a database was set aside: framed like a toast, naming the database, why,
/// and where the old file went, until the user dismisses it. True when dismissed.
fn set_aside_notice(ui: &mut Ui, aside: &SetAside) -> bool {
    let warn = ui.visuals().warn_fg_color;
    let name = aside.database.file_name().map_or_else(
        || aside.database.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, warn))
        .show(ui, |ui| {
            let dismissed = ui
                .horizontal(|ui| {
                    ui.label(
                        RichText::new("The library index was rebuilt")
                            .strong()
                            .color(warn),
                    );
                    ui.small_button("Dismiss").clicked()
                })
                .inner;
            ui.label(format!("The database {name} {}.", aside.reason))
                .on_hover_text(aside.database.display().to_string());
            ui.label(format!(
                "The old file was kept as {}.",
                aside.kept_as.display()
            ));
            ui.label("Every file is read again; nothing else is lost.");
            dismissed
        })
        .inner
}
