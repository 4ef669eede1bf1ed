//! File ▸ Export view…: the speeches the reader shows (all, or the chosen people's), with
//! or without captions, as Markdown, plain text or JSON, saved through the system dialog.
//!
//! The dialog runs on a thread (as File ▸ Open does) and the file is written atomically.
//! Where no save dialog exists (no desktop portal, no zenity) the dialog returns at once;
//! the window then says so and offers the other routes: copying the export to the
//! clipboard, and the equivalent `stenogram export` command line.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Button, RichText};

use crate::app::document::{Document, Source};
use crate::app::toast::Toast;
use crate::app::view::View;
use crate::export::view::{ExportOptions, Format, export, summary};
use crate::model::ParticipantId;

/// What the save thread reports.
#[derive(Debug)]
enum Saved {
    /// Written to this file.
    To(PathBuf),
    /// No file was chosen (or there is no dialog on this system).
    Cancelled,
    /// The file could not be written: the message names it.
    Failed(String),
}

/// The "Export view" window.
#[derive(Debug)]
pub struct ExportDialog {
    open: bool,
    format: Format,
    captions: bool,
    saving: Option<Receiver<Saved>>,
    /// The last attempt's outcome, shown in the window.
    message: Option<(bool, String)>,
    /// Where the last export went (the next dialog starts there).
    last_dir: Option<PathBuf>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: Format::Markdown,
            captions: true,
            saving: None,
            message: None,
            last_dir: None,
        }
    }
}

impl ExportDialog {
    /// Opens the window.
    pub fn open(&mut self) {
        self.open = true;
        self.message = None;
    }

    /// Whether the window is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether a save dialog or a write is under way.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// The options the window would export with, for the reader's current `view`.
    pub fn options(&self, view: &View) -> ExportOptions {
        ExportOptions {
            speakers: view.filter.clone(),
            captions: self.captions,
            format: self.format,
        }
    }

    /// Writes the export of `doc` for `view` to `path` at once, without a dialog (what
    /// "Save…" does once a file is chosen).
    pub fn save_to(
        &mut self,
        doc: &Document,
        view: &View,
        path: &Path,
        toast: &mut Toast,
    ) -> Result<(), String> {
        let text = export(&doc.transcript, &self.options(view));
        let outcome = match write(path, &text) {
            Ok(()) => Saved::To(path.to_path_buf()),
            Err(message) => Saved::Failed(message),
        };
        let result = match &outcome {
            Saved::Failed(message) => Err(message.clone()),
            _ => Ok(()),
        };
        self.finish(outcome, toast);
        result
    }

    /// Draws the window while it is open, and takes in a finished save.
    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, view: &View, toast: &mut Toast) {
        self.poll(toast);
        if !self.open {
            return;
        }
        let mut open = true;
        let mut save = false;
        let mut copy = false;
        egui::Window::new("Export view")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(380.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                let t = &doc.transcript;
                ui.label(RichText::new(summary(t, &view.filter)).strong());
                ui.label(
                    RichText::new(if view.is_filtered() {
                        "The chosen people's speeches, with the photos that stand inside them."
                    } else {
                        "The whole document."
                    })
                    .small()
                    .weak(),
                );
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    ui.label("Format:");
                    for (format, label) in Format::ALL {
                        ui.radio_value(&mut self.format, format, label);
                    }
                });
                let captions = photo_count(doc, &view.filter);
                ui.checkbox(
                    &mut self.captions,
                    format!("Include photo captions ({captions})"),
                );
                ui.add_space(6.0);
                if let Some((ok, message)) = &self.message {
                    let color = if *ok {
                        ui.visuals().weak_text_color()
                    } else {
                        ui.visuals().error_fg_color
                    };
                    ui.add(egui::Label::new(RichText::new(message).color(color)).wrap());
                    ui.add_space(4.0);
                }
                ui.horizontal(|ui| {
                    let busy = self.saving.is_some();
                    if ui
                        .add_enabled(!busy, Button::new("Save…"))
                        .on_hover_text("Choose a file and write the export to it")
                        .clicked()
                    {
                        save = true;
                    }
                    if busy {
                        ui.spinner();
                    }
                    if ui
                        .button("Copy to clipboard")
                        .on_hover_text("The whole export, as text")
                        .clicked()
                    {
                        copy = true;
                    }
                });
                ui.add_space(4.0);
                ui.collapsing("Command line", |ui| {
                    let line = command_line(doc, &self.options(view));
                    ui.add(egui::Label::new(RichText::new(&line).monospace()).wrap());
                    if ui.small_button("Copy command").clicked() {
                        ui.ctx().copy_text(line);
                    }
                });
            });
        if save {
            self.start_save(ctx, doc, view);
        }
        if copy {
            ctx.copy_text(export(&doc.transcript, &self.options(view)));
            toast.show("Export copied to the clipboard");
        }
        if !open {
            self.open = false;
        }
    }

    /// Builds the export now (so it is the view the user saw), then asks for a file and
    /// writes it on a thread.
    fn start_save(&mut self, ctx: &egui::Context, doc: &Document, view: &View) {
        let options = self.options(view);
        let text = export(&doc.transcript, &options);
        let name = file_name(doc, &options);
        let dir = self.last_dir.clone().or_else(|| match &doc.source {
            Source::File(path) => path.parent().map(Path::to_path_buf),
            Source::Bundled => None,
        });
        let (label, extension) = match options.format {
            Format::Markdown => ("Markdown", "md"),
            Format::Text => ("Plain text", "txt"),
            Format::Json => ("Stenogram JSON", "json"),
        };
        let pick = move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Export view")
                .set_file_name(&name)
                .add_filter(label, &[extension]);
            if let Some(dir) = &dir {
                dialog = dialog.set_directory(dir);
            }
            dialog.save_file()
        };
        let work = move || match pick() {
            Some(path) => match write(&path, &text) {
                Ok(()) => Saved::To(path),
                Err(message) => Saved::Failed(message),
            },
            None => Saved::Cancelled,
        };
        self.message = None;
        let (tx, rx) = channel();
        // macOS wants its dialogs on the main thread; elsewhere the UI keeps drawing.
        if cfg!(target_os = "macos") {
            let _ = tx.send(work());
        } else {
            let ctx = ctx.clone();
            std::thread::spawn(move || {
                let _ = tx.send(work());
                ctx.request_repaint();
            });
        }
        self.saving = Some(rx);
    }

    fn poll(&mut self, toast: &mut Toast) {
        let Some(rx) = &self.saving else {
            return;
        };
        match rx.try_recv() {
            Ok(outcome) => {
                self.saving = None;
                self.finish(outcome, toast);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.saving = None,
        }
    }

    fn finish(&mut self, outcome: Saved, toast: &mut Toast) {
        match outcome {
            Saved::To(path) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                toast.show(format!("Saved to {name}"));
                self.last_dir = path.parent().map(Path::to_path_buf);
                self.message = Some((true, format!("Saved to {}", path.display())));
                self.open = false;
            }
            Saved::Cancelled => {
                self.message = Some((
                    true,
                    "No file was chosen. If no save dialog appeared, this system has none: \
                     copy the export to the clipboard, or use the command line below."
                        .to_owned(),
                ));
            }
            Saved::Failed(message) => self.message = Some((false, message)),
        }
    }
}

/// Writes `text` to `path` atomically; the error names the file.
fn write(path: &Path, text: &str) -> Result<(), String> {
    crate::atomic_file::write_atomic(path, text.as_bytes())
        .map_err(|e| format!("Could not save {}: {}", path.display(), io_reason(&e)))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        _ => {
            let full = e.to_string();
            full.split(" (os error").next().unwrap_or(&full).to_owned()
        }
    }
}

/// How many captions an export with captions holds.
fn photo_count(doc: &Document, filter: &[ParticipantId]) -> usize {
    if filter.is_empty() {
        return doc.transcript.photos.len();
    }
    // The reader's table agrees with `export::view::photo_speeches`, and is built already.
    let t = &doc.transcript;
    doc.index
        .photo_speech
        .iter()
        .enumerate()
        .filter(|(ph, inside)| {
            inside
                .and_then(|s| t.speech(s))
                .is_some_and(|s| filter.contains(&s.speaker))
                && doc.index.photo_row.get(*ph).copied().flatten().is_some()
        })
        .count()
}

/// "Summit of the Northern Rivers Union - Nurlan Bekov.md": the title and the people,
/// without characters file systems refuse.
fn file_name(doc: &Document, options: &ExportOptions) -> String {
    let mut name = doc.title().to_owned();
    let people: Vec<&str> = options
        .speakers
        .iter()
        .filter_map(|p| doc.transcript.participant(*p))
        .map(|p| p.display_name())
        .collect();
    if !people.is_empty() {
        name.push_str(" - ");
        name.push_str(&people.join(", "));
    }
    let mut clean: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    if clean.chars().count() > 120 {
        clean = clean.chars().take(120).collect();
    }
    let clean = clean.trim().trim_matches('.');
    let stem = if clean.is_empty() { "export" } else { clean };
    format!("{stem}.{}", options.format.extension())
}

/// The `stenogram export` command that writes the same file.
fn command_line(doc: &Document, options: &ExportOptions) -> String {
    let mut line = String::from("stenogram export --format ");
    line.push_str(match options.format {
        Format::Markdown => "markdown",
        Format::Text => "text",
        Format::Json => "json",
    });
    for p in options
        .speakers
        .iter()
        .filter_map(|p| doc.transcript.participant(*p))
    {
        line.push_str(" --speaker ");
        line.push_str(&quoted(p.display_name()));
    }
    if !options.captions {
        line.push_str(" --no-captions");
    }
    line.push(' ');
    line.push_str(&match &doc.source {
        Source::File(path) => quoted(&path.display().to_string()),
        Source::Bundled => "FILE".to_owned(),
    });
    line.push_str(" > ");
    line.push_str(&quoted(&file_name(doc, options)));
    line
}

/// A shell word: as is when plain, else in single quotes.
fn quoted(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ','))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::small_transcript;

    fn doc() -> Document {
        Document::new(
            small_transcript(),
            Source::File(PathBuf::from("talks/river talks.txt")),
            false,
        )
    }

    #[test]
    fn file_names_and_command_lines_are_safe() {
        let d = doc();
        let options = ExportOptions {
            speakers: vec![ParticipantId(0)],
            captions: false,
            format: Format::Text,
        };
        let name = file_name(&d, &options);
        assert!(name.ends_with(".txt") && !name.contains('/'), "{name}");
        let line = command_line(&d, &options);
        assert!(
            line.starts_with("stenogram export --format text --speaker "),
            "{line}"
        );
        assert!(
            line.contains(" --no-captions 'talks/river talks.txt' > "),
            "{line}"
        );
        assert_eq!(quoted("it's"), "'it'\\''s'");
    }

    #[test]
    fn saving_writes_the_file_and_says_where() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let d = doc();
        let mut dialog = ExportDialog::default();
        dialog.open();
        let mut toast = Toast::default();
        let path = dir.path().join("view.md");
        let view = View::build(&d, &crate::app::selection::Selection::default());
        assert_eq!(dialog.save_to(&d, &view, &path, &mut toast), Ok(()));
        assert!(std::fs::read_to_string(&path).is_ok_and(|s| s.starts_with("# ")));
        assert_eq!(toast.text(), Some("Saved to view.md"));
        assert!(!dialog.is_open());
        let bad = dir.path().join("missing").join("view.md");
        let error = dialog
            .save_to(&d, &view, &bad, &mut toast)
            .err()
            .unwrap_or_default();
        assert!(
            error.starts_with("Could not save ") && error.contains("view.md"),
            "{error}"
        );
    }
}
