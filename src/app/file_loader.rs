//! Opening files off the UI thread: a thread reads and parses, then sends the result back
//! over a channel and wakes the UI with `request_repaint`.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::app::document::{Document, Source, SourceText};

/// The bundled sample, compiled in so that an installed binary always has it.
pub const BUNDLED_SAMPLE: &str = include_str!("../../assets/sample.txt");

/// The name the bundled sample goes by in errors and the header.
pub const BUNDLED_SAMPLE_NAME: &str = "sample.txt";

/// The sample on disk, if there is one: next to the executable (an installed copy with its
/// assets), then in the source tree the binary was built from.
pub fn sample_path() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.parent()
    {
        candidates.push(dir.join("assets").join("sample.txt"));
        candidates.push(dir.join("sample.txt"));
    }
    candidates.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets")
            .join("sample.txt"),
    );
    candidates.into_iter().find(|p| p.is_file())
}

/// What a load thread sends back.
#[derive(Debug)]
pub enum LoadMessage {
    /// A file was read (or failed to be).
    Loaded {
        /// The file.
        path: PathBuf,
        /// Whether it is the bundled sample.
        is_sample: bool,
        /// The document, built on the load thread with its lookup tables, statistics and
        /// source text, or why it could not be opened (boxed: a document is large).
        result: Box<crate::Result<Document>>,
    },
    /// The file is a TEI corpus: it opens as the library of its sittings, not as one
    /// document.
    Corpus(PathBuf),
    /// The file dialog was closed without a choice (or there is no dialog on this system).
    Cancelled,
}

/// Reads, parses and indexes `path`: everything that grows with the file happens here, off
/// the UI thread.
fn load_document(path: &Path, is_sample: bool) -> crate::Result<Document> {
    let loaded = crate::load::open_file(path)?;
    let text = loaded
        .text
        .map(|text| SourceText::in_file(path.to_path_buf(), &text));
    let source = Source::File(path.to_path_buf());
    let mut doc = Document::new(loaded.transcript, source, is_sample).with_source_text(text);
    doc.photo_files = Some(crate::photos::discover(path, &doc.transcript));
    Ok(doc)
}

/// Reads sitting `part` (from 1) of the TEI corpus at `path`, as [`load_document`] a file.
fn load_sitting(path: &Path, part: usize) -> crate::Result<Document> {
    let loaded = crate::load::open_sitting(path, part)?;
    let source = Source::File(path.to_path_buf());
    let mut doc = Document::new(loaded.transcript, source, false);
    doc.part = part;
    Ok(doc)
}

/// What opening `path` gives: the document, or the news that it is a corpus (a library).
fn load_message(path: PathBuf, is_sample: bool) -> LoadMessage {
    if !is_sample && crate::load::is_corpus_file(&path) {
        return LoadMessage::Corpus(path);
    }
    let result = Box::new(load_document(&path, is_sample));
    LoadMessage::Loaded {
        path,
        is_sample,
        result,
    }
}

/// The one answer of a worker thread: `Some(Some(answer))` once it came, `Some(None)` when
/// the thread ended without one, `None` while it works. The receiver goes once it is done.
pub fn take_answer<T>(slot: &mut Option<Receiver<T>>) -> Option<Option<T>> {
    let answer = match slot.as_ref()?.try_recv() {
        Ok(answer) => Some(answer),
        Err(TryRecvError::Empty) => return None,
        Err(TryRecvError::Disconnected) => None,
    };
    *slot = None;
    Some(answer)
}

/// At most one file being opened at a time; a newer request replaces the older one.
#[derive(Debug, Default)]
pub struct Loader {
    rx: Option<Receiver<LoadMessage>>,
    what: Option<String>,
}

impl Loader {
    /// Starts reading `path` on a background thread.
    pub fn open(&mut self, ctx: &egui::Context, path: PathBuf, is_sample: bool) {
        self.what = Some(path.display().to_string());
        self.spawn(ctx, move || load_message(path, is_sample));
    }

    /// Starts reading sitting `part` (from 1) of the corpus at `path` on a background
    /// thread.
    pub fn open_sitting(&mut self, ctx: &egui::Context, path: PathBuf, part: usize) {
        self.what = Some(format!("{}, sitting {part}", path.display()));
        self.spawn(ctx, move || {
            let result = Box::new(load_sitting(&path, part));
            LoadMessage::Loaded {
                path,
                is_sample: false,
                result,
            }
        });
    }

    /// Asks for a file with the system dialog, then reads it, all off the UI thread. On a
    /// machine without a dialog service this ends at once with [`LoadMessage::Cancelled`].
    pub fn open_dialog(&mut self, ctx: &egui::Context) {
        self.what = Some("Choosing a file…".to_owned());
        let pick = || {
            rfd::FileDialog::new()
                .set_title("Open a transcript")
                .add_filter("Transcripts", crate::library::TRANSCRIPT_EXTENSIONS)
                .add_filter("All files", &["*"])
                .pick_file()
        };
        // macOS wants its dialogs on the main thread; elsewhere the UI keeps drawing.
        if cfg!(target_os = "macos") {
            match pick() {
                Some(path) => self.open(ctx, path, false),
                None => self.what = None,
            }
            return;
        }
        self.spawn(ctx, move || match pick() {
            Some(path) => load_message(path, false),
            None => LoadMessage::Cancelled,
        });
    }

    fn spawn(&mut self, ctx: &egui::Context, work: impl FnOnce() -> LoadMessage + Send + 'static) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        self.rx = Some(rx);
        std::thread::spawn(move || {
            // The receiver may be gone (a newer file was asked for): nothing to do then.
            let _ = tx.send(work());
            ctx.request_repaint();
        });
    }

    /// The finished load, if any.
    pub fn poll(&mut self) -> Option<LoadMessage> {
        let answer = take_answer(&mut self.rx)?;
        self.what = None;
        answer
    }

    /// What is being opened, while a load runs.
    pub fn busy(&self) -> Option<&str> {
        self.rx.as_ref().and(self.what.as_deref())
    }
}
