//! A person chosen in the library panel: their statistics across files (from the index)
//! and every speech they gave in every file, gathered on background threads
//! ([`crate::library::person_speeches`]) and listed by file, oldest file first. A speech
//! clicked opens its file with the person chosen and the reader at that speech.

use egui::{RichText, ScrollArea, Ui};

use crate::app::command::{Command, Jump};
use crate::app::library::library_rows::{self, GroupRow as Row, header_row, item_row};
use crate::app::library::library_search::repaint;
use crate::format::{plural, thousands};
use crate::library::{self, Library, Occurrence, PersonFile, PersonSpeeches, person_stats};

/// Speeches listed per file (all are counted).
pub const SPEECHES_PER_FILE: usize = 500;

/// The chosen person's speeches across files, as far as they have been gathered.
#[derive(Debug, Default)]
pub struct PersonView {
    /// Where the person the speeches are for appears (a person is known by this: their
    /// index in the people list moves when people are matched again).
    gathered_for: Option<Vec<Occurrence>>,
    job: Option<PersonSpeeches>,
    /// Files where they speak, oldest first (undated last, then by path).
    files: Vec<PersonFile>,
    rows: Vec<Row>,
}

impl PersonView {
    /// The files gathered so far, with the person's speeches in each.
    pub fn files(&self) -> &[PersonFile] {
        &self.files
    }

    /// Whether speeches are still being gathered.
    pub fn is_gathering(&self) -> bool {
        self.job.is_some()
    }

    /// Starts gathering the speeches of library person `person` unless they are already
    /// gathered (or being gathered); `None` stops and forgets.
    pub fn follow(&mut self, ctx: &egui::Context, library: &Library, person: Option<usize>) {
        let occurrences = person
            .and_then(|p| library.person(p))
            .map(|p| &p.occurrences);
        if occurrences == self.gathered_for.as_ref() {
            return;
        }
        self.job = None; // dropping the handle cancels the run
        self.files.clear();
        self.rows.clear();
        self.gathered_for = occurrences.cloned();
        if let Some(p) = person.filter(|_| self.gathered_for.is_some()) {
            self.job = Some(library::person_speeches(
                library,
                p,
                SPEECHES_PER_FILE,
                library::default_threads(),
                repaint(ctx),
            ));
        }
    }

    /// Takes in the files the workers finished; never blocks.
    pub fn poll(&mut self, library: &Library) {
        let Some(job) = &mut self.job else {
            return;
        };
        let finished = job.is_finished();
        let ready = job.take_ready();
        if !ready.is_empty() {
            self.files.extend(ready.into_iter().map(|(_, f)| f));
            self.files.sort_by_cached_key(|f| {
                let entry = library.entry(f.entry);
                let date = entry.and_then(|e| e.date.clone());
                let time = entry.and_then(|e| e.time.clone());
                let path = entry.map(|e| e.path.clone());
                (date.is_none(), date, time, path, f.entry)
            });
            self.rows = rows_of(&self.files);
        }
        if finished {
            self.job = None;
        }
    }

    /// The person's figures across files: counts from the index at once, questions once
    /// their files are read.
    pub fn stats_ui(&self, ui: &mut Ui, library: &Library, person: usize) {
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
            let asked: usize = self.files.iter().map(|f| f.questions_asked).sum();
            let answered: usize = self.files.iter().map(|f| f.questions_answered).sum();
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
    }

    /// Every speech of the person, grouped by file; the rest of the panel's height.
    pub fn speeches_ui(&self, ui: &mut Ui, library: &Library, commands: &mut Vec<Command>) {
        ui.label(RichText::new("Speeches in all files").strong());
        if let Some(job) = &self.job {
            let p = job.progress();
            ui.add(egui::ProgressBar::new(p.fraction()).text(format!(
                "Reading {} of {} files",
                thousands(p.done),
                thousands(p.total)
            )));
        } else if self.files.iter().all(|f| f.total == 0) {
            ui.weak("No speeches: they only appear in lists or photos.");
        }
        let height = library_rows::row_height(ui);
        ScrollArea::vertical()
            .id_salt("library_person_speeches")
            .auto_shrink([false, false])
            .show_rows(ui, height, self.rows.len(), |ui, range| {
                for row in self.rows.get(range).unwrap_or_default() {
                    self.row_ui(ui, library, *row, commands);
                }
            });
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
        match row {
            Row::File(_) => {
                let title = entry.display_title();
                let mut facts: Vec<String> = entry.date.iter().cloned().collect();
                facts.push(plural(file.total, "speech", "speeches"));
                let facts = facts.join(" · ");
                let label = format!("{title} · {facts}");
                header_row(ui, &title, &facts, &label, false)
                    .on_hover_text(entry.path.display().to_string());
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
                        path: entry.path.clone(),
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

/// The rows for `files`: a header per file, its listed speeches, and a "more" row when
/// some were left out.
fn rows_of(files: &[PersonFile]) -> Vec<Row> {
    library_rows::grouped_rows(files.iter().map(|f| (f.speeches.len(), f.total)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::SpeechBrief;
    use crate::model::{ParticipantId, SpeechId};

    #[test]
    fn rows_group_speeches_under_their_file() {
        let brief = SpeechBrief {
            speech: SpeechId(2),
            first_words: "Hello.".to_owned(),
            words: 1,
        };
        let file = |entry, listed: usize, total| PersonFile {
            entry,
            participant: ParticipantId(0),
            speeches: vec![brief.clone(); listed],
            total,
            questions_asked: 0,
            questions_answered: 0,
        };
        assert_eq!(
            rows_of(&[file(0, 1, 1), file(4, 2, 3)]),
            vec![
                Row::File(0),
                Row::Item(0, 0),
                Row::File(1),
                Row::Item(1, 0),
                Row::Item(1, 1),
                Row::More(1),
            ]
        );
    }
}
