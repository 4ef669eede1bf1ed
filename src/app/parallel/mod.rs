//! A second version of the open document (the same event in another language), aligned
//! turn by turn with [`crate::align`] and read beside it in two columns.
//!
//! The open document stays the one every panel works on: the sidebar, the timeline and
//! the selection speak of its people, speeches and photos. The second version is shown
//! next to it, and what is chosen on its side selects its counterpart in the open one.

pub mod reader;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::app::file_loader::take_answer;

use crate::align::{Alignment, Side};
use crate::model::{ParticipantId, SpeechId, Transcript};

/// The second version and how it aligns with the open document.
#[derive(Debug)]
pub struct Parallel {
    /// The file it was read from.
    pub path: PathBuf,
    /// The second version.
    pub transcript: Transcript,
    /// The open document (side A) aligned with it (side B).
    pub alignment: Alignment,
    /// The document generation it was aligned with: another document closes it, and the
    /// same one corrected is aligned again.
    pub doc_generation: u64,
    /// Where the open document came from when it was aligned.
    pub doc_source: crate::app::document::Source,
    /// Bumped for every version opened, so panels know to rebuild.
    pub generation: u64,
}

impl Parallel {
    /// The file name, for headers and messages.
    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }

    /// The second version's name for a participant of the open document, when the two
    /// versions name one person.
    pub fn counterpart_name(&self, a: ParticipantId) -> Option<&str> {
        let b = self.alignment.counterpart(Side::A, a)?;
        self.transcript.participant(b).map(|p| p.display_name())
    }

    /// The second version's caption of the photo with this number, when it has one.
    pub fn caption_counterpart(&self, number: u32) -> Option<&str> {
        let row = self.alignment.photos.iter().find(|r| r.number == number)?;
        self.transcript.photo(row.b?).map(|p| p.caption.as_str())
    }

    /// The participants of the second version with no counterpart in the open one.
    pub fn only_in_b(&self) -> Vec<ParticipantId> {
        self.transcript
            .participants
            .iter()
            .filter(|p| !p.appearances.speeches.is_empty())
            .filter(|p| self.alignment.counterpart(Side::B, p.id).is_none())
            .map(|p| p.id)
            .collect()
    }

    /// The open document's speech paired with a speech of the second version.
    pub fn speech_counterpart(&self, b: SpeechId) -> Option<SpeechId> {
        let row = self
            .alignment
            .rows
            .get(self.alignment.row_of_speech(Side::B, b)?)?;
        row.a.first().copied()
    }
}

/// The base name of a path.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What a load thread sends back: the file, and its transcript aligned with the open
/// document, or the error naming the file.
type Loaded = (PathBuf, crate::Result<(Transcript, Alignment)>);

/// A second version being read and aligned off the UI thread.
#[derive(Debug, Default)]
pub struct ParallelLoader {
    rx: Option<Receiver<Loaded>>,
    dialog: Option<Receiver<Option<PathBuf>>>,
    what: Option<String>,
}

impl ParallelLoader {
    /// Reads `path` (with its own stored corrections, from `store`) and aligns it with
    /// `open` (a copy of the open document) on a thread.
    pub fn open(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        open: Transcript,
        store: Option<crate::corrections::CorrectionStore>,
    ) {
        let (tx, rx) = channel();
        self.what = Some(file_name(&path));
        self.rx = Some(rx);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let result = crate::load::open_file(&path).map(|loaded| {
                let b = match &store {
                    Some(store) => {
                        crate::corrections::command::corrected_from(loaded, &path, store).0
                    }
                    None => loaded.transcript,
                };
                let alignment = crate::align::align(&open, &b);
                (b, alignment)
            });
            // The receiver may be gone (another version was asked for): nothing to do.
            let _ = tx.send((path, result));
            ctx.request_repaint();
        });
    }

    /// Asks for the file with the system dialog, off the UI thread; the answer comes from
    /// [`ParallelLoader::poll_dialog`].
    pub fn open_dialog(&mut self, ctx: &egui::Context) {
        let (tx, rx) = channel();
        self.dialog = Some(rx);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Open a parallel version")
                .add_filter("Transcripts", crate::library::TRANSCRIPT_EXTENSIONS)
                .add_filter("All files", &["*"])
                .pick_file();
            let _ = tx.send(picked);
            ctx.request_repaint();
        });
    }

    /// The dialog's answer once it came: `Some(None)` when it was closed without a choice.
    pub fn poll_dialog(&mut self) -> Option<Option<PathBuf>> {
        take_answer(&mut self.dialog).map(Option::flatten)
    }

    /// The finished load, if any.
    pub fn poll(&mut self) -> Option<Loaded> {
        let answer = take_answer(&mut self.rx)?;
        self.what = None;
        answer
    }

    /// The file being read, while a load runs.
    pub fn busy(&self) -> Option<&str> {
        self.rx.as_ref().and(self.what.as_deref())
    }
}
