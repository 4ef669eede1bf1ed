//! A person chosen in the library panel: their figures across files (from the index), a
//! small plot of their speeches over time, and every speech they gave in every file, read
//! from the library's database ([`crate::library::db::LibraryDb::person`]) and listed by
//! file, oldest first. A speech or a point of the plot clicked opens its file with the
//! person chosen and the reader at that speech.

use std::sync::mpsc::{Receiver, channel};

use egui::{RichText, ScrollArea, Ui};

use crate::app::command::{Command, Jump};
use crate::app::library::library_rows::{self, GroupRow as Row, header_row, item_row};
use crate::app::library::library_search::repaint;
use crate::format::{plural, thousands};
use crate::library::db::{LibraryDb, PersonAcross, PersonInFile};
use crate::library::{Library, Occurrence, person_stats};

/// Speeches listed per file (all are counted).
pub const SPEECHES_PER_FILE: usize = 500;

/// The chosen person's speeches across files.
#[derive(Debug, Default)]
pub struct PersonView {
    /// Where the person the speeches are for appears (a person is known by this: their
    /// index in the people list moves when people are matched again).
    gathered_for: Option<Vec<Occurrence>>,
    running: Option<Receiver<Result<PersonAcross, String>>>,
    person: PersonAcross,
    rows: Vec<Row>,
    error: Option<String>,
    /// Where each dated file's point was drawn last frame, with the file's index: what
    /// hovering and clicking near a point look up.
    plot_points: std::cell::RefCell<Vec<(egui::Pos2, usize)>>,
}

impl PersonView {
    /// The person's files, with their speeches in each.
    pub fn files(&self) -> &[PersonInFile] {
        &self.person.files
    }

    /// Where the plot drew each file's point last frame (screen position, file): a
    /// click within a few pixels of one opens that file.
    pub fn plot_points(&self) -> Vec<(egui::Pos2, std::path::PathBuf)> {
        self.plot_points
            .borrow()
            .iter()
            .filter_map(|&(at, i)| Some((at, self.person.files.get(i)?.path.clone())))
            .collect()
    }

    /// Whether speeches are still being read from the database.
    pub fn is_gathering(&self) -> bool {
        self.running.is_some()
    }

    /// Starts reading the speeches of library person `person` unless they are already
    /// read (or being read); `None` forgets.
    pub fn follow(
        &mut self,
        ctx: &egui::Context,
        library: &Library,
        person: Option<usize>,
        location: &(std::path::PathBuf, std::path::PathBuf),
    ) {
        let chosen = person.and_then(|p| library.person(p));
        let occurrences = chosen.map(|p| &p.occurrences);
        if occurrences == self.gathered_for.as_ref() {
            return;
        }
        self.running = None;
        self.person = PersonAcross::default();
        self.rows.clear();
        self.error = None;
        self.gathered_for = occurrences.cloned();
        let Some(p) = chosen else {
            return;
        };
        let pairs: Vec<_> = p
            .occurrences
            .iter()
            .filter_map(|o| {
                let entry = library.entry(o.entry)?;
                Some((entry.path.clone(), entry.part, o.participant))
            })
            .collect();
        let (data_dir, folder) = location.clone();
        let (tx, rx) = channel();
        let wake = repaint(ctx);
        let spawned = std::thread::Builder::new()
            .name("stenogram-library-person".to_owned())
            .spawn(move || {
                let result = LibraryDb::open(&data_dir, &folder)
                    .and_then(|db| db.person(&pairs, SPEECHES_PER_FILE))
                    .map_err(|e| e.message);
                let _ = tx.send(result);
                wake();
            });
        match spawned {
            Ok(_) => self.running = Some(rx),
            Err(e) => self.error = Some(format!("cannot read the speeches: {e}")),
        }
    }

    /// Takes in the speeches once read; never blocks.
    pub fn poll(&mut self) {
        match crate::app::file_loader::take_answer(&mut self.running) {
            Some(Some(Ok(person))) => {
                self.rows = rows_of(&person.files);
                self.person = person;
            }
            Some(Some(Err(e))) => self.error = Some(e),
            Some(None) | None => {}
        }
    }

    /// The person's figures across files and the plot of their speeches over time.
    pub fn stats_ui(
        &self,
        ui: &mut Ui,
        library: &Library,
        person: usize,
        commands: &mut Vec<Command>,
    ) {
        let Some(stats) = person_stats(library, person) else {
            return;
        };
        ui.label(format!(
            "{} · {} · {} · {}",
            plural(stats.files, "file", "files"),
            plural(stats.speeches, "speech", "speeches"),
            plural(stats.words, "word", "words"),
            plural(stats.photos, "photo", "photos"),
        ));
        let questions = if self.is_gathering() {
            "Questions: counting…".to_owned()
        } else {
            let files = &self.person.files;
            let asked: usize = files.iter().map(|f| f.questions_asked).sum();
            let answered: usize = files.iter().map(|f| f.questions_answered).sum();
            format!(
                "Questions: {} asked · {} answered",
                thousands(asked),
                thousands(answered)
            )
        };
        ui.label(questions);
        match (&stats.first_date, &stats.last_date) {
            (Some(first), Some(last)) if first != last => {
                ui.label(format!("From {first} to {last}"));
            }
            (Some(day), _) => {
                ui.label(format!("On {day}"));
            }
            _ => {}
        }
        self.plot_ui(ui, commands);
    }

    /// Speeches per dated file over time; hovering near a point names its file and date,
    /// a click opens that file at the person's first speech there.
    fn plot_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let points: Vec<(f64, f64, usize)> = self
            .person
            .files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((year_of(f.date.as_deref()?)?, count_f64(f.total), i)))
            .collect();
        if points.len() < 2 {
            self.plot_points.borrow_mut().clear();
            return;
        }
        let series: Vec<[f64; 2]> = points.iter().map(|&(x, y, _)| [x, y]).collect();
        let shown = egui_plot::Plot::new("library_person_plot")
            .height(110.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            // The point's own label (file and date) replaces the coordinates.
            .show_x(false)
            .show_y(false)
            .y_axis_label("speeches")
            .show(ui, |plot| {
                plot.points(egui_plot::Points::new("speeches", series).radius(3.0));
            });
        let screen: Vec<(egui::Pos2, usize)> = points
            .iter()
            .map(|&(x, y, i)| {
                let at = egui_plot::PlotPoint::new(x, y);
                (shown.transform.position_from_point(&at), i)
            })
            .collect();
        // The nearest point within a few pixels of the pointer.
        let near = |pos: egui::Pos2| {
            screen
                .iter()
                .map(|&(at, i)| (at.distance(pos), i))
                .filter(|&(d, _)| d <= 8.0)
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, i)| i)
        };
        let response = shown.response;
        if response.clicked()
            && let Some(i) = response.interact_pointer_pos().and_then(near)
            && let Some(command) = self.open_first_speech(i)
        {
            commands.push(command);
        } else if let Some(file) = response
            .hover_pos()
            .and_then(near)
            .and_then(|i| self.person.files.get(i))
        {
            let date = file.date.as_deref().unwrap_or("undated");
            let text = format!(
                "{} ({date}): {}. Click to open.",
                file.title,
                plural(file.total, "speech", "speeches")
            );
            response.on_hover_text_at_pointer(text);
        }
        *self.plot_points.borrow_mut() = screen;
    }

    /// Opens file `i` of the person's at their first speech there.
    fn open_first_speech(&self, i: usize) -> Option<Command> {
        let file = self.person.files.get(i)?;
        let speech = file.speeches.first()?;
        Some(Command::OpenAt {
            path: file.path.clone(),
            part: file.part,
            jump: Jump::Speech {
                participant: file.participant,
                speech: speech.speech,
            },
        })
    }

    /// Every speech of the person, grouped by file; the rest of the panel's height.
    pub fn speeches_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.label(RichText::new("Speeches in all files").strong());
        if self.running.is_some() {
            ui.spinner();
        } else if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        } else if self.person.files.iter().all(|f| f.total == 0) {
            ui.weak("No speeches: they only appear in lists or photos.");
        }
        let height = library_rows::row_height(ui);
        ScrollArea::vertical()
            .id_salt("library_person_speeches")
            .auto_shrink([false, false])
            .show_rows(ui, height, self.rows.len(), |ui, range| {
                for row in self.rows.get(range).unwrap_or_default() {
                    self.row_ui(ui, *row, commands);
                }
            });
    }

    fn row_ui(&self, ui: &mut Ui, row: Row, commands: &mut Vec<Command>) {
        let group = match row {
            Row::File(g) | Row::Item(g, _) | Row::More(g) => g,
        };
        let Some(file) = self.person.files.get(group) else {
            return;
        };
        match row {
            Row::File(_) => {
                let mut facts: Vec<String> = file.date.iter().cloned().collect();
                facts.push(plural(file.total, "speech", "speeches"));
                let facts = facts.join(" · ");
                let label = format!("{} · {facts}", file.title);
                header_row(ui, &file.title, &facts, &label, false)
                    .on_hover_text(file.path.display().to_string());
            }
            Row::Item(_, i) => {
                let Some(speech) = file.speeches.get(i) else {
                    return;
                };
                let words = plural(speech.words, "word", "words");
                let label = format!("{words}: {}", speech.first_words);
                let body = library_rows::plain(ui, &speech.first_words);
                if item_row(ui, &words, body, &label).clicked() {
                    commands.push(Command::OpenAt {
                        path: file.path.clone(),
                        part: file.part,
                        jump: Jump::Speech {
                            participant: file.participant,
                            speech: speech.speech,
                        },
                    });
                }
            }
            Row::More(_) => {
                let more = file.total.saturating_sub(file.speeches.len());
                let text = format!("{} more in this file", plural(more, "speech", "speeches"));
                header_row(ui, &text, "Open the file to read them all", &text, false);
            }
        }
    }
}

/// A count as a plot coordinate.
fn count_f64(n: usize) -> f64 {
    u32::try_from(n).map_or(f64::from(u32::MAX), f64::from)
}

/// "YYYY-MM-DD" as a year with a fraction (2024-07-01 is about 2024.5).
fn year_of(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: u8 = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1);
    let into =
        (f64::from(month.clamp(1, 12)) - 1.0) / 12.0 + (f64::from(day.clamp(1, 31)) - 1.0) / 365.0;
    Some(f64::from(year) + into)
}

/// The rows for `files`: a header per file, its listed speeches, and a "more" row when
/// some were left out.
fn rows_of(files: &[PersonInFile]) -> Vec<Row> {
    library_rows::grouped_rows(files.iter().map(|f| (f.speeches.len(), f.total)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_fractional_years() {
        assert_eq!(year_of("2024-01-01"), Some(2024.0));
        assert!(year_of("2024-07-01").is_some_and(|y| (y - 2024.5).abs() < 0.01));
        assert_eq!(year_of("soon"), None);
    }
}
