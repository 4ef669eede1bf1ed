//! Shared helpers for the kittest UI tests: a harness around the real app, opened on the
//! bundled sample, and look-ups by name.

#![allow(dead_code)] // each test file uses a different subset

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use egui_kittest::Harness;
use stenogram::app::StenogramApp;
use stenogram::model::{ParticipantId, PhotoId};

/// The sample shipped in `assets/`.
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("sample.txt")
}

/// The app at 1280×800 with `path` open (the sample when `None`), loaded and settled.
pub fn app_on(path: Option<PathBuf>) -> Harness<'static, StenogramApp> {
    app_sized(path, egui::vec2(1280.0, 800.0), egui::Theme::Dark)
}

/// The app at the given size and theme, loaded and settled.
pub fn app_sized(
    path: Option<PathBuf>,
    size: egui::Vec2,
    theme: egui::Theme,
) -> Harness<'static, StenogramApp> {
    let path = path.unwrap_or_else(sample_path);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        // Thumbnails decode on worker threads and wake the UI when done: a few more frames.
        .with_max_steps(32)
        .build_eframe(move |cc| StenogramApp::new(cc, Some(path)));
    settle(&mut harness);
    harness
}

/// Steps until no file is being opened (the spinner repaints while it runs), then runs
/// until the app stops asking for frames.
pub fn settle(harness: &mut Harness<'_, StenogramApp>) {
    for _ in 0..1000 {
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    assert!(
        !harness.state().is_loading(),
        "the file never finished loading"
    );
    harness.run();
}

/// The id of the participant with this display name.
pub fn person(harness: &Harness<'_, StenogramApp>, name: &str) -> ParticipantId {
    let doc = harness.state().document().expect("a document is open");
    doc.transcript
        .participants
        .iter()
        .find(|p| p.display_name() == name)
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("no participant named {name}"))
}

/// The id of the photo with this printed number.
pub fn photo(harness: &Harness<'_, StenogramApp>, number: u32) -> PhotoId {
    let doc = harness.state().document().expect("a document is open");
    doc.transcript
        .photos
        .iter()
        .find(|p| p.number == number)
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("no photo {number}"))
}

/// A file dropped onto the window.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` onto the window and waits until it is opened (or refused).
pub fn drop_file(harness: &mut Harness<'_, StenogramApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    harness.step();
    settle(harness);
}

/// Scrolls whatever is under `pos` by `dy` points (positive: further down the content).
pub fn wheel(harness: &mut Harness<'_, StenogramApp>, pos: egui::Pos2, dy: f32) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    // Wheel scrolling is smoothed over a few frames.
    harness.run_steps(12);
    harness.run();
}

/// Waits until no thumbnail is being decoded (for image snapshots).
pub fn wait_for_thumbnails(harness: &mut Harness<'_, StenogramApp>) {
    for _ in 0..2000 {
        if harness.state().thumbnails().pending() == 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// The app on `folder`, run until the library is read and the first file is open.
pub fn app_on_folder(folder: &Path) -> Harness<'static, StenogramApp> {
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(32)
        // The library's database goes in a hidden folder of the library (the scan skips it).
        .build_eframe(move |cc| {
            let data = folder.join(".stenogram-data");
            StenogramApp::new(cc, Some(folder)).with_data_dir(data)
        });
    for _ in 0..2000 {
        let app = harness.state();
        if !app.library_panel().is_indexing() && !app.is_loading() && app.document().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
    harness
}
