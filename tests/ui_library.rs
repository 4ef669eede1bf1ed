#![cfg(feature = "gui")]
//! A folder opened as a library: its transcripts listed (the broken one with its error),
//! the first one open at once, another opened by a click, people across files.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::StenogramApp;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// A folder with transcripts in nested folders and a file that is not a transcript.
fn library_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let copy = |from: &str, to: &str| {
        let target = dir.path().join(to);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        std::fs::copy(fixture(from), &target).unwrap_or_else(|e| panic!("copy {from}: {e}"));
    };
    copy("kremlin_en.txt", "2024/a_kremlin_en.txt");
    copy("kremlin_fr.txt", "2024/b_kremlin_fr.txt");
    copy("briefing_en.txt", "2025/c_briefing_en.txt");
    std::fs::write(
        dir.path().join("2025/d_broken.txt"),
        [0u8, 159, 146, 150, 0, 0],
    )
    .unwrap_or_else(|e| panic!("write: {e}"));
    dir
}

/// The app on `folder`, run until the library is read and the first file is open.
fn app_on_folder(folder: &Path) -> Harness<'static, StenogramApp> {
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(32)
        .build_eframe(move |cc| StenogramApp::new(cc, Some(folder)));
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

#[test]
fn a_folder_opens_as_a_library_with_its_first_transcript_readable() {
    let dir = library_folder();
    let mut harness = app_on_folder(dir.path());
    let app = harness.state();
    assert!(app.library_panel().is_open());
    // The first readable file (in path order) is open.
    let first = app
        .document()
        .map(|d| d.transcript.title.clone())
        .unwrap_or_default();
    assert!(!first.is_empty());
    harness.get_by_label("Library");
    harness.get_by_label("4 files · 1 could not be read");
    // Every file is listed; the broken one says why.
    let rows: Vec<String> = harness
        .query_all(By::new().role(Role::Button).label_contains(" speeches"))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    harness.get_by_label_contains("d_broken.txt: ");

    // Clicking another file opens it.
    let briefing = rows
        .iter()
        .find(|r| !r.starts_with(&first))
        .cloned()
        .unwrap_or_else(|| panic!("another file in {rows:?}"));
    harness
        .get_by_role_and_label(Role::Button, &briefing)
        .click();
    for _ in 0..400 {
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
    let now = harness
        .state()
        .document()
        .map(|d| d.transcript.title.clone())
        .unwrap_or_default();
    assert_ne!(now, first);
    assert!(briefing.starts_with(&now), "{briefing} / {now}");
}

#[test]
fn the_filter_narrows_the_files_and_people_span_files() {
    let dir = library_folder();
    let mut harness = app_on_folder(dir.path());
    let count = |h: &Harness<'_, StenogramApp>| {
        h.query_all(By::new().role(Role::Button).label_contains(" speeches"))
            .count()
    };
    assert_eq!(count(&harness), 3);
    harness
        .get_by_role_and_label(Role::TextInput, "Find file")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find file")
        .type_text("briefing");
    harness.run();
    assert_eq!(count(&harness), 1);

    // People across the library: one row per person, with how many files they are in.
    let library = harness
        .state()
        .library_panel()
        .library()
        .map(|l| l.people().len());
    assert!(library.is_some_and(|n| n > 0));
    harness.get_by_label_contains("People (").click();
    harness.run();
    // Someone appears in both the English and the French event: one row, "2 files".
    let shared: Vec<String> = harness
        .query_all(By::new().label_contains(" — 2 files · "))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(!shared.is_empty(), "nobody is in two files");
    // Choosing them lists their files.
    harness.get_by_label(&shared[0]).click();
    harness.run();
    harness.get_by_label("All files").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find file")
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(count(&harness), 3);
    harness.get_by_label_contains("People (").click();
    harness.run();
    harness.get_by_label(&shared[0]).click();
    harness.run();
    assert_eq!(count(&harness), 2);
}
