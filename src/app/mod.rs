//! The desktop viewer (egui). It only reads the model: a participant sidebar, a speech
//! reader and a photo-caption timeline, kept in sync by one shared [`Selection`].
//!
//! Data flows one way: the shell derives a [`View`] from the document and the selection,
//! the panels draw from it and push [`Command`]s, and the shell applies those once at the
//! end of the frame. Panels never call each other.
//!
//! The shell ([`shell`]), the selection ([`selection`], [`highlight`], [`interaction`]) and
//! the commands ([`command`]) sit at the top, with the open document ([`document`],
//! [`view`], [`file_loader`]). The parts around them have a folder each: [`panels`] (always
//! on screen), [`windows`] (opened from a menu), [`search`], [`library`] and [`photos`].

pub mod command;
pub mod corrections;
pub mod document;
pub mod file_loader;
pub mod highlight;
pub mod interaction;
pub mod keyboard;
pub mod library;
pub mod panels;
pub mod parallel;
pub mod photos;
pub mod search;
pub mod selection;
pub mod settings;
pub mod shell;
pub mod startup_probe;
pub mod toast;
pub mod view;
pub mod virtual_rows;
pub mod windows;

#[cfg(test)]
mod fixture;

use std::path::PathBuf;

pub use command::Command;
pub use document::{Document, Source};
pub use highlight::Highlight;
pub use selection::{Item, Selection};
pub use shell::StenogramApp;
pub use view::View;

/// Ctrl+O (Cmd+O on macOS): open a file.
pub const OPEN_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);

/// The application icon (`assets/stenogram.png`, drawn by `examples/make_icon.rs`).
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/stenogram.png");

/// Opens the viewer window on `path`, or on the bundled sample when there is none, with
/// `parallel` read beside it when given. With a
/// `probe`, the start-up figures are printed and the window closes by itself
/// (`--measure-startup`).
pub fn run(
    path: Option<PathBuf>,
    parallel: Option<PathBuf>,
    probe: Option<startup_probe::StartupProbe>,
) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Stenogram")
        .with_app_id("stenogram")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    // The icon is built in, so it decodes; were it ever not to, the window keeps the
    // system's default icon rather than failing to open.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Stenogram",
        options,
        Box::new(move |cc| {
            Ok(Box::new(
                StenogramApp::new(cc, path)
                    .with_probe(probe)
                    .with_parallel(parallel),
            ))
        }),
    )
}

/// The text style of the reader's body text; its size is the user's text size setting.
pub fn reading_style() -> egui::TextStyle {
    egui::TextStyle::Name("reading".into())
}

/// The reader's body text size (set from the settings by the shell).
pub fn reading_size(ui: &egui::Ui) -> f32 {
    ui.style()
        .text_styles
        .get(&reading_style())
        .map_or(settings::TEXT_SIZE_DEFAULT, |f| f.size)
}

/// What every panel reads while drawing.
#[derive(Copy, Clone)]
pub struct PanelContext<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// Derived data for the current selection.
    pub view: &'a View,
    /// The shared selection.
    pub selection: &'a Selection,
    /// Changes whenever another document is shown.
    pub doc_generation: u64,
    /// The reader's top row as of the last frame ("you are here").
    pub reader_top_row: Option<usize>,
    /// Photo textures (asking for one queues it).
    pub thumbnails: &'a photos::thumbnails::Thumbnails,
    /// How many characters a reading line holds; `None` for the whole panel.
    pub reading_chars: Option<f32>,
    /// The search query, its hits and the current one.
    pub search: &'a search::SearchState,
    /// Paragraph numbers and note marks.
    pub annotations: &'a windows::citations::Annotations,
    /// The parallel version read beside the document, when one is open.
    pub parallel: Option<&'a parallel::Parallel>,
}

impl PanelContext<'_> {
    /// How `item` is highlighted.
    pub fn highlight(&self, item: Item) -> Highlight {
        let focus = highlight::Focus {
            selected: self.selection.items(),
            people: self.selection.people(),
            hovered: self.selection.hovered(),
        };
        highlight::highlight(&self.doc.transcript, &self.doc.index, &focus, item)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes_at_its_size() {
        let icon = eframe::icon_data::from_png_bytes(super::ICON_PNG);
        assert!(icon.is_ok_and(|i| i.width == 256 && i.height == 256));
    }
}
