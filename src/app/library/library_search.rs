//! The library panel's "Search" tab: the full text of every transcript searched on
//! background threads ([`crate::library::search_files`]), the hits grouped by file. A hit
//! clicked opens its file with the search bar on the query and that hit current.
//!
//! The search starts on Enter, or once typing has paused; a new query cancels the run
//! before it. Nothing here reads a file: the workers do, and the panel takes their
//! results each frame without waiting.

use egui::{Key, RichText, ScrollArea, Ui};

use crate::app::command::{Command, Jump};
use crate::app::library::library_rows::{self, GroupRow as Row, header_row, in_context, item_row};
use crate::format::{plural, thousands};
use crate::library::{self, FileHits, FileSearch, Library, OnProgress};

/// Hits listed per file (all are counted; the file's own search bar lists them all).
pub const HITS_PER_FILE: usize = 5;
/// Seconds without typing before the search starts by itself.
const DEBOUNCE_SECONDS: f64 = 0.4;

/// The search across files: its query, the run in progress and what it found so far.
#[derive(Debug, Default)]
pub struct LibrarySearch {
    query: String,
    /// When the query was last edited (egui time), while a search for it is due.
    edited_at: Option<f64>,
    /// The query of the last search started ("" for none).
    searched: String,
    job: Option<FileSearch>,
    /// Files with hits, in library order.
    files: Vec<FileHits>,
    rows: Vec<Row>,
    /// Files searched by the last run.
    searched_files: usize,
    /// Files still unread when the last run started (not searched).
    unread: usize,
}

impl LibrarySearch {
    /// The query as typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The query the results are for.
    pub fn searched(&self) -> &str {
        &self.searched
    }

    /// The files with hits found so far, in library order.
    pub fn results(&self) -> &[FileHits] {
        &self.files
    }

    /// Whether a search is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Takes in the files the workers finished; never blocks.
    pub fn poll(&mut self) {
        let Some(job) = &mut self.job else {
            return;
        };
        let finished = job.is_finished();
        let ready = job.take_ready();
        if !ready.is_empty() {
            for (_, hits) in ready {
                let at = self.files.partition_point(|f| f.entry < hits.entry);
                self.files.insert(at, hits);
            }
            self.rows = rows_of(&self.files);
        }
        if finished {
            self.job = None;
        }
    }

    /// Starts searching every ready file of `library` for the query; the run before stops.
    fn start(&mut self, ctx: &egui::Context, library: &Library) {
        self.edited_at = None;
        self.job = None; // dropping the handle cancels the run
        self.files.clear();
        self.rows.clear();
        self.searched = self.query.trim().to_owned();
        let (ready, _, pending) = library.counts();
        self.searched_files = ready;
        self.unread = pending;
        if self.searched.is_empty() {
            return;
        }
        self.job = Some(library::search_files(
            library,
            &self.searched,
            HITS_PER_FILE,
            library::default_threads(),
            repaint(ctx),
        ));
    }

    /// Draws the tab: the field, the progress, the hits grouped by file.
    pub fn ui(&mut self, ui: &mut Ui, library: &Library, commands: &mut Vec<Command>) {
        let response = ui
            .horizontal(|ui| {
                let label = ui.label("Search all files");
                ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("words in any speech, caption or list")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
            })
            .inner;
        let now = ui.input(|i| i.time);
        if response.changed() {
            self.edited_at = Some(now);
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if enter {
            self.start(ui.ctx(), library);
            response.request_focus();
        } else if let Some(at) = self.edited_at {
            if self.query.trim() == self.searched {
                self.edited_at = None;
            } else if now - at >= DEBOUNCE_SECONDS {
                self.start(ui.ctx(), library);
            } else {
                let wait = (DEBOUNCE_SECONDS - (now - at)).max(0.05);
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(wait));
            }
        }
        self.status(ui);
        let height = library_rows::row_height(ui);
        ScrollArea::vertical()
            .id_salt("library_search_hits")
            .auto_shrink([false, false])
            .show_rows(ui, height, self.rows.len(), |ui, range| {
                for row in self.rows.get(range).unwrap_or_default() {
                    self.row_ui(ui, library, *row, commands);
                }
            });
    }

    /// The progress bar while searching, then what was found.
    fn status(&self, ui: &mut Ui) {
        if let Some(job) = &self.job {
            let p = job.progress();
            ui.add(egui::ProgressBar::new(p.fraction()).text(format!(
                "Searching {} of {} files",
                thousands(p.done),
                thousands(p.total)
            )));
        } else if !self.searched.is_empty() {
            let hits: usize = self.files.iter().map(|f| f.total).sum();
            let text = match (hits, self.files.len()) {
                (0, _) => format!(
                    "No hits in {}",
                    plural(self.searched_files, "file", "files")
                ),
                (h, f) => format!(
                    "{} in {}",
                    plural(h, "hit", "hits"),
                    plural(f, "file", "files")
                ),
            };
            ui.label(RichText::new(text).strong());
        }
        if !self.searched.is_empty() && self.unread > 0 {
            ui.label(
                RichText::new(format!(
                    "{} not read yet when the search started: press Enter to search again",
                    plural(self.unread, "file was", "files were")
                ))
                .small()
                .color(library_rows::note_color(ui)),
            );
        }
    }

    fn row_ui(&self, ui: &mut Ui, library: &Library, row: Row, commands: &mut Vec<Command>) {
        let group = match row {
            Row::File(g) | Row::Item(g, _) | Row::More(g) => g,
        };
        let Some(file) = self.files.get(group) else {
            return;
        };
        let Some(entry) = library.entry(file.entry) else {
            return;
        };
        let open = |index: usize, at| Command::OpenAt {
            path: entry.path.clone(),
            jump: Jump::Hit {
                query: self.searched.clone(),
                at,
                index,
            },
        };
        match row {
            Row::File(_) => {
                let title = entry.display_title();
                let mut facts: Vec<String> = entry.date.iter().cloned().collect();
                facts.push(plural(file.total, "hit", "hits"));
                let facts = facts.join(" · ");
                let label = format!("{title} · {facts}");
                let response = header_row(ui, &title, &facts, &label, true)
                    .on_hover_text(entry.path.display().to_string());
                if response.clicked() {
                    let first = file.hits.first().map(|h| (h.place, h.start));
                    commands.push(open(0, first));
                }
            }
            Row::Item(_, i) => {
                let (Some(hit), Some(place)) = (file.hits.get(i), file.places.get(i)) else {
                    return;
                };
                let c = &hit.context;
                let label = format!("{place}: {}{}{}", c.before, c.matched, c.after);
                let body = in_context(ui, &c.before, &c.matched, &c.after);
                if item_row(ui, place, body, &label).clicked() {
                    commands.push(open(i, Some((hit.place, hit.start))));
                }
            }
            Row::More(_) => {
                let more = file.total.saturating_sub(file.hits.len());
                let text = format!("{} more in this file", plural(more, "hit", "hits"));
                let body = library_rows::plain(ui, "Open the file to see them all");
                if item_row(ui, &text, body, &text).clicked() {
                    commands.push(open(file.hits.len(), None));
                }
            }
        }
    }
}

/// The rows for `files`: a header per file, its listed hits, and a "more" row when
/// some were left out.
fn rows_of(files: &[FileHits]) -> Vec<Row> {
    library_rows::grouped_rows(files.iter().map(|f| (f.hits.len(), f.total)))
}

/// Wakes the UI when a background job has news (made only when a job starts).
pub(crate) fn repaint(ctx: &egui::Context) -> OnProgress {
    let ctx = ctx.clone();
    std::sync::Arc::new(move || ctx.request_repaint())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(entry: usize, listed: usize, total: usize) -> FileHits {
        let hit = crate::search::Hit {
            place: crate::search::Place::Title { block: 0 },
            start: 0,
            end: 1,
            speaker: None,
            context: crate::search::Context::default(),
        };
        FileHits {
            entry,
            total,
            hits: vec![hit; listed],
            places: vec!["Title".to_owned(); listed],
        }
    }

    #[test]
    fn rows_group_hits_under_their_file_with_a_more_row_when_capped() {
        let rows = rows_of(&[hits(3, 2, 2), hits(7, 1, 9)]);
        assert_eq!(
            rows,
            vec![
                Row::File(0),
                Row::Item(0, 0),
                Row::Item(0, 1),
                Row::File(1),
                Row::Item(1, 0),
                Row::More(1),
            ]
        );
        assert!(rows_of(&[]).is_empty());
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(plural(1, "hit", "hits"), "1 hit");
        assert_eq!(plural(1204, "hit", "hits"), "1,204 hits");
        assert_eq!(plural(0, "file", "files"), "0 files");
    }
}
