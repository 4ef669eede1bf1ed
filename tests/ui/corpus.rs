//! A TEI corpus file opened as a library of its sittings: each sitting listed, the first
//! one open at once, another opened by a click; a corpus root that includes its day files
//! lists them, the missing one with its error.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::StenogramApp;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The app started on `file` (as `stenogram FILE`), its index under `data`, run until the
/// library is read and a sitting is open.
fn app_on_corpus(file: &Path, data: &Path) -> Harness<'static, StenogramApp> {
    let (file, data) = (file.to_path_buf(), data.to_path_buf());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(32)
        .build_eframe(move |cc| StenogramApp::new(cc, Some(file)).with_data_dir(data));
    wait(&mut harness, |app| {
        app.library_panel().is_open()
            && !app.library_panel().is_indexing()
            && app.document().is_some()
    });
    harness
}

/// Steps until `done` holds and no file is being opened, then runs until the app rests.
fn wait(harness: &mut Harness<'_, StenogramApp>, done: impl Fn(&StenogramApp) -> bool) {
    for _ in 0..2000 {
        let app = harness.state();
        if done(app) && !app.is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// The labels of the library's rows of ready entries.
fn rows(harness: &Harness<'_, StenogramApp>) -> Vec<String> {
    harness
        .query_all(By::new().role(Role::Button).label_contains(" · en · "))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

fn title(harness: &Harness<'_, StenogramApp>) -> (String, usize) {
    harness
        .state()
        .document()
        .map(|d| (d.transcript.title.clone(), d.part))
        .unwrap_or_default()
}

#[test]
fn a_corpus_file_opens_as_the_library_of_its_sittings() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut harness = app_on_corpus(&fixture("formats/two_sittings_corpus.xml"), data.path());
    assert_eq!(
        rows(&harness),
        [
            "Sitting of 11 March 2031: 2031-03-11 · Veltmark · en · 2 speeches",
            "Sitting of 12 March 2031: 2031-03-12 · en · 1 speech",
        ]
    );
    harness.get_by_label("2 sittings");
    // The first sitting is open, alone: never the corpus joined into one document.
    assert_eq!(title(&harness), ("Sitting of 11 March 2031".to_owned(), 1));
    harness
        .get_by_role_and_label(
            Role::Button,
            "Sitting of 12 March 2031: 2031-03-12 · en · 1 speech",
        )
        .click();
    wait(&mut harness, |app| {
        app.document().is_some_and(|d| d.part == 2)
    });
    assert_eq!(title(&harness), ("Sitting of 12 March 2031".to_owned(), 2));
    harness.get_by_label_contains("We vote on the harbour bill.");
}

#[test]
fn a_corpus_root_lists_its_day_files_and_the_missing_one() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut harness = app_on_corpus(&fixture("corpus/ParlaMint-VT.xml"), data.path());
    assert_eq!(rows(&harness).len(), 2, "{:?}", rows(&harness));
    harness.get_by_label("3 sittings · 1 could not be read");
    harness.get_by_label_contains("ParlaMint-VT_2031-04-09.xml: ");
    let day = "Veltmark Assembly, sitting of 8 April 2031: 2031-04-08 · Veltmark · en · 2 speeches";
    harness.get_by_role_and_label(Role::Button, day).click();
    wait(&mut harness, |app| {
        app.document()
            .is_some_and(|d| d.transcript.title.contains("8 April"))
    });
    let first_speaker = harness.state().document().and_then(|d| {
        let speech = d.transcript.speeches.first()?;
        d.transcript
            .participant(speech.speaker)
            .map(|p| p.display_name().to_owned())
    });
    assert_eq!(first_speaker.as_deref(), Some("Mara Lind"));
    harness.get_by_label_contains("I bring the report on the tide gauges.");
}
