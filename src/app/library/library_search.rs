//! The library panel's "Search" tab: the library's full-text index searched through
//! [`crate::library::db::LibraryDb::search`] (all words, "phrases", prefixes, `speaker:`,
//! `from:`, `to:`, `lang:`), optionally only in the speeches of the person chosen in the
//! "People" tab; hits grouped by file, best file first, with counts and snippets. A hit
//! clicked opens its file with the search bar on the query and that hit current; "Export
//! hits…" writes them as CSV or JSON.
//!
//! The search starts on Enter, or once typing has paused, and runs on a thread of its own
//! (a search takes milliseconds, but a large library on a slow disk may take longer).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::{Key, RichText, ScrollArea, Ui};

use crate::app::command::{Command, Jump};
use crate::app::library::library_rows::{self, GroupRow as Row, header_row, in_context, item_row};
use crate::format::plural;
use crate::library::OnProgress;
use crate::library::db::{
    HitList, LibraryDb, LibraryHit, Query, SearchOptions, hits_csv, hits_json,
};

/// Hits listed per file (all are counted; the file's own search bar lists them all).
pub const HITS_PER_FILE: usize = 5;
/// Files listed (all are counted).
pub const MAX_FILES: usize = 500;
/// Seconds without typing before the search starts by itself.
const DEBOUNCE_SECONDS: f64 = 0.4;

/// Where the library's database is: (data folder, library folder).
pub type DbLocation = (Option<PathBuf>, PathBuf);

/// A person to search the speeches of: their name and (file, sitting, participant) in
/// each file.
pub type ChosenPerson = (String, Vec<crate::library::db::PersonAt>);

/// The search across files: its query, the run in progress and what it found.
#[derive(Debug, Default)]
pub struct LibrarySearch {
    query: String,
    /// When the query was last edited (egui time), while a search for it is due.
    edited_at: Option<f64>,
    /// The query of the last search started ("" for none).
    searched: String,
    /// Whose speeches the last search was limited to.
    searched_person: Option<String>,
    running: Option<Receiver<Result<HitList, String>>>,
    results: HitList,
    rows: Vec<Row>,
    /// What went wrong with the last search (a query that cannot be read, no index yet).
    error: Option<String>,
    /// What the last export did.
    exported: Option<String>,
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

    /// What the last search found.
    pub fn results(&self) -> &HitList {
        &self.results
    }

    /// Why the last search failed, if it did.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Whether a search is running.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Takes in the result of the running search; never blocks.
    pub fn poll(&mut self) {
        match crate::app::file_loader::take_answer(&mut self.running) {
            Some(Some(Ok(hits))) => {
                self.rows = rows_of(&hits);
                self.results = hits;
            }
            Some(Some(Err(e))) => self.error = Some(e),
            Some(None) | None => {}
        }
    }

    /// Starts the search for the query; the one before is forgotten.
    fn start(&mut self, ctx: &egui::Context, location: &DbLocation, chosen: Option<ChosenPerson>) {
        self.edited_at = None;
        self.running = None;
        self.results = HitList::default();
        self.rows.clear();
        self.error = None;
        self.exported = None;
        self.searched = self.query.trim().to_owned();
        self.searched_person = chosen.as_ref().map(|(name, _)| name.clone());
        if self.searched.is_empty() {
            return;
        }
        let query = match Query::parse(&self.searched) {
            Ok(q) if q.is_empty() => {
                self.error = Some("No word to look for.".to_owned());
                return;
            }
            Ok(q) => q,
            Err(e) => {
                self.error = Some(e.to_string());
                return;
            }
        };
        let (tx, rx) = channel();
        let data_dir = location
            .0
            .clone()
            .unwrap_or_else(|| std::env::temp_dir().join("stenogram-data"));
        let folder = location.1.clone();
        let options = SearchOptions {
            max_files: MAX_FILES,
            hits_per_file: HITS_PER_FILE,
            people: chosen
                .map(|(_, occurrences)| occurrences)
                .unwrap_or_default(),
            ..SearchOptions::default()
        };
        let wake = repaint(ctx);
        let spawned = std::thread::Builder::new()
            .name("stenogram-library-search".to_owned())
            .spawn(move || {
                let result = LibraryDb::open(&data_dir, &folder)
                    .and_then(|db| db.search(&query, &options))
                    .map_err(|e| e.message);
                let _ = tx.send(result);
                wake();
            });
        match spawned {
            Ok(_) => self.running = Some(rx),
            Err(e) => self.error = Some(format!("cannot start the search: {e}")),
        }
    }

    /// Writes the listed hits to `path`: JSON when its name ends in ".json", else CSV.
    pub fn export_to(&self, path: &Path) -> Result<(), String> {
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let text = if json {
            hits_json(&self.results)
        } else {
            hits_csv(&self.results)
        };
        crate::atomic_file::write_atomic(path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Draws the tab: the field, the status, the hits grouped by file.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        location: &DbLocation,
        chosen: Option<ChosenPerson>,
        commands: &mut Vec<Command>,
    ) {
        let response = ui
            .horizontal(|ui| {
                let label = ui.label("Search all files");
                ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("words, \"a phrase\", velsk*, speaker:name, from:2024")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
            })
            .inner;
        if let Some((name, _)) = &chosen {
            ui.label(
                RichText::new(format!("Only in speeches of {name}"))
                    .small()
                    .color(library_rows::note_color(ui)),
            );
        }
        let now = ui.input(|i| i.time);
        if response.changed() {
            self.edited_at = Some(now);
        }
        let person_changed = !self.searched.is_empty()
            && chosen.as_ref().map(|c| &c.0) != self.searched_person.as_ref();
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if enter || person_changed {
            self.start(ui.ctx(), location, chosen);
            if enter {
                response.request_focus();
            }
        } else if let Some(at) = self.edited_at {
            if self.query.trim() == self.searched {
                self.edited_at = None;
            } else if now - at >= DEBOUNCE_SECONDS {
                self.start(ui.ctx(), location, chosen);
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
                    self.row_ui(ui, *row, commands);
                }
            });
    }

    /// The spinner while searching, then what was found, and the export button.
    fn status(&mut self, ui: &mut Ui) {
        if self.running.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Searching…");
            });
        } else if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        } else if !self.searched.is_empty() {
            let r = &self.results;
            let text = if r.total == 0 {
                "No hits".to_owned()
            } else {
                format!(
                    "{} in {}",
                    plural(r.total, "hit", "hits"),
                    plural(r.total_files, "file", "files")
                )
            };
            let any = r.total > 0;
            let export = ui
                .horizontal(|ui| {
                    ui.label(RichText::new(text).strong());
                    any && ui.button("Export hits…").clicked()
                })
                .inner;
            if export {
                self.exported = self.export_dialog();
            }
            let r = &self.results;
            if r.total_files > r.files.len() || (r.total > 0 && !r.ranked) {
                let text = if r.ranked {
                    format!(
                        "The best {} listed",
                        plural(r.files.len(), "file is", "files are")
                    )
                } else {
                    // Too many hits to rank them in time: the files are listed by count.
                    format!(
                        "Too many hits to rank: the files with the most hits first ({} listed)",
                        r.files.len()
                    )
                };
                ui.label(
                    RichText::new(text)
                        .small()
                        .color(library_rows::note_color(ui)),
                );
            }
        }
        if let Some(note) = &self.exported {
            ui.label(
                RichText::new(note)
                    .small()
                    .color(library_rows::note_color(ui)),
            );
        }
    }

    /// Asks where to save the hits and writes them; what happened, for the status line.
    fn export_dialog(&self) -> Option<String> {
        let path = rfd::FileDialog::new()
            .add_filter("CSV", &["csv"])
            .add_filter("JSON", &["json"])
            .set_file_name("hits.csv")
            .save_file()?;
        Some(match self.export_to(&path) {
            Ok(()) => format!("Hits saved to {}", path.display()),
            Err(e) => e,
        })
    }

    fn row_ui(&self, ui: &mut Ui, row: Row, commands: &mut Vec<Command>) {
        let group = match row {
            Row::File(g) | Row::Item(g, _) | Row::More(g) => g,
        };
        let Some(file) = self.results.files.get(group) else {
            return;
        };
        let open = |index: usize, hit: Option<&LibraryHit>| Command::OpenAt {
            path: file.path.clone(),
            part: file.part,
            jump: Jump::Hit {
                query: hit.map_or_else(|| self.searched.clone(), |h| self.document_query(h)),
                at: hit.and_then(|h| h.snippet.first.as_ref().map(|r| (h.place, r.start))),
                index,
            },
        };
        match row {
            Row::File(_) => {
                let mut facts: Vec<String> = file.date.iter().cloned().collect();
                facts.push(plural(file.total, "hit", "hits"));
                let facts = facts.join(" · ");
                let label = format!("{} · {facts}", file.title);
                let response = header_row(ui, &file.title, &facts, &label, true)
                    .on_hover_text(file.path.display().to_string());
                if response.clicked() {
                    commands.push(open(0, file.hits.first()));
                }
            }
            Row::Item(_, i) => {
                let Some(hit) = file.hits.get(i) else {
                    return;
                };
                let text = &hit.snippet.text;
                let (before, matched, after) = match hit.snippet.marks.first() {
                    Some(m) => (
                        text.get(..m.start).unwrap_or(""),
                        text.get(m.clone()).unwrap_or(""),
                        text.get(m.end..).unwrap_or(""),
                    ),
                    None => (text.as_str(), "", ""),
                };
                let top = format!("{} · ¶{}", hit.label, hit.paragraph);
                let label = format!("{}: {text}", hit.label);
                let body = in_context(ui, before, matched, after);
                if item_row(ui, &top, body, &label).clicked() {
                    commands.push(open(i, Some(hit)));
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

    /// What the file's own search bar looks for when a hit opens it: the query when it is
    /// a plain phrase, else the words marked in the hit (the document search has no
    /// prefixes or filters).
    fn document_query(&self, hit: &LibraryHit) -> String {
        let plain = self.results.query.terms.len() == 1
            && self.results.query.speaker.is_none()
            && !self.searched.contains([':', '*', '"']);
        if plain {
            return self.searched.clone();
        }
        hit.snippet
            .marks
            .first()
            .and_then(|m| hit.snippet.text.get(m.clone()))
            .map_or_else(|| self.searched.clone(), str::to_owned)
    }
}

/// The rows for `hits`: a header per file, its listed hits, and a "more" row when some
/// were left out.
fn rows_of(hits: &HitList) -> Vec<Row> {
    library_rows::grouped_rows(hits.files.iter().map(|f| (f.hits.len(), f.total)))
}

/// Wakes the UI when a background job has news (made only when a job starts).
pub(crate) fn repaint(ctx: &egui::Context) -> OnProgress {
    let ctx = ctx.clone();
    std::sync::Arc::new(move || ctx.request_repaint())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_words() {
        assert_eq!(plural(1, "hit", "hits"), "1 hit");
        assert_eq!(plural(1204, "hit", "hits"), "1,204 hits");
        assert_eq!(plural(0, "file", "files"), "0 files");
    }
}
