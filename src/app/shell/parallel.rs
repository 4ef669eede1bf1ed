//! Opening and closing a parallel version of the open document.

use std::path::PathBuf;

use super::StenogramApp;
use crate::app::command::Command;
use crate::app::parallel::{Parallel, file_name};

impl StenogramApp {
    /// File ▸ Open parallel version…, a Shift-drop, and Close.
    pub(super) fn apply_parallel(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenParallelDialog if self.rt.doc.is_some() => {
                self.rt.parallel_loader.open_dialog(ctx);
            }
            Command::OpenParallel(path) => self.open_parallel(ctx, path),
            Command::CloseParallel => self.rt.parallel = None,
            _ => {}
        }
    }

    /// Other versions of the open document in the open library: same date (and time, or
    /// place), another language; labelled "English · file name".
    pub(super) fn other_versions(&self) -> Vec<(PathBuf, String)> {
        let (Some(library), Some(doc)) = (self.rt.library.library(), &self.rt.doc) else {
            return Vec::new();
        };
        let crate::app::document::Source::File(path) = &doc.source else {
            return Vec::new();
        };
        let entries = library.entries();
        let Some(this) = entries.iter().position(|e| e.path == *path) else {
            return Vec::new();
        };
        crate::library::other_versions(entries, this)
            .into_iter()
            .filter_map(|i| entries.get(i))
            .map(|e| {
                let language = crate::app::parallel::reader::language_name(&e.language);
                (
                    e.path.clone(),
                    format!("{language} · {}", file_name(&e.path)),
                )
            })
            .collect()
    }

    /// Starts reading `path` beside the open document.
    pub fn open_parallel(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(doc) = &self.rt.doc else {
            self.rt.notice =
                Some("Open a transcript first: a parallel version is read beside it.".to_owned());
            return;
        };
        let store = self.rt.corrections.store().cloned();
        self.rt
            .parallel_loader
            .open(ctx, path, doc.transcript.clone(), store);
    }

    /// The dialog's answer and the finished load, once they come; a version aligned with
    /// a document no longer shown is closed.
    pub(super) fn receive_parallel(&mut self, ctx: &egui::Context) {
        if self.rt.doc.is_some()
            && self.rt.loader.busy().is_none()
            && let Some(path) = self.rt.pending_parallel.take()
        {
            self.open_parallel(ctx, path);
        }
        match self.rt.parallel_loader.poll_dialog() {
            Some(Some(path)) => self.open_parallel(ctx, path),
            Some(None) => {
                self.rt.notice = Some(
                    "No file was chosen. You can also drop the other version onto this window \
                     with Shift held."
                        .to_owned(),
                );
            }
            None => {}
        }
        if let Some((path, result)) = self.rt.parallel_loader.poll() {
            match result {
                Ok((transcript, alignment)) => {
                    let Some(doc) = &self.rt.doc else {
                        return;
                    };
                    self.rt.parallel_generation += 1;
                    self.rt.parallel = Some(Parallel {
                        path,
                        transcript,
                        alignment,
                        doc_generation: self.rt.doc_generation,
                        doc_source: doc.source.clone(),
                        generation: self.rt.parallel_generation,
                    });
                    self.rt.error = None;
                }
                // The open document stays; the message names the other file.
                Err(e) => {
                    self.rt.error = Some(format!(
                        "Could not open {} as a parallel version: {e}",
                        file_name(&path)
                    ));
                }
            }
        }
        if let Some(p) = &self.rt.parallel
            && p.doc_generation != self.rt.doc_generation
        {
            // The same document changed (a correction): align the other version with it
            // again. Another document: the other version goes.
            let same = self
                .rt
                .doc
                .as_ref()
                .is_some_and(|d| d.source == p.doc_source);
            if same {
                self.rt.pending_parallel = Some(p.path.clone());
                ctx.request_repaint();
            }
            self.rt.parallel = None;
        }
    }
}
