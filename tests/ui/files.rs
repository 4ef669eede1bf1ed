//! Opening files by every route the harness can drive: the command line, dropping a file,
//! and the app's own open call (what File ▸ Open recent uses). A file that fails names
//! itself and the reason, and the open document stays.

use crate::common;

use common::{app_on, drop_file, settle};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
use stenogram::app::Item;

const SAMPLE_TITLE: &str = "Stenogram — sample.txt";

/// A small fictional event in the Kremlin shape.
const SMALL_EVENT: &str = "Meeting with river pilots\n\n\
March 2, 2024, 10:00, Lower Orla\n\n\
1 Andrei Velsky with the pilots. Photo: Lena Markova\n\n\
President of Orlavia Andrei Velsky: Good morning, colleagues.\n\
The season opens next week.\n\n\
Mira Holt: Thank you, Mr. Velsky.\n\
We are ready.\n";

#[test]
fn a_binary_file_shows_an_error_naming_it_and_keeps_the_document() {
    let mut harness = app_on(None);
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("broken-scan.txt");
    std::fs::write(&bad, b"\x00\x01\x02\xff\xfe\x00binary\x00\x00").expect("write");

    drop_file(&mut harness, &bad);

    let app = harness.state();
    let error = app.error().expect("an error banner");
    assert!(error.contains("broken-scan.txt"), "{error}");
    assert!(error.contains("not a text file"), "{error}");
    harness.get_by_label_contains("Could not open");
    harness.get_by_label_contains("broken-scan.txt");
    // The sample is still open and still works.
    assert_eq!(app.window_title(), SAMPLE_TITLE);
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();
    harness.get_by_label_contains("1 of 6 speeches");

    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run();
    assert!(harness.state().error().is_none());
    assert!(harness.query_by_label_contains("Could not open").is_none());
}

#[test]
fn a_missing_or_empty_file_is_reported_the_same_way() {
    let mut harness = app_on(None);
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("gone.txt");
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, missing);
    harness.step();
    settle(&mut harness);
    let error = harness.state().error().expect("error").to_owned();
    assert!(
        error.contains("gone.txt") && error.contains("cannot be read"),
        "{error}"
    );
    assert_eq!(harness.state().window_title(), SAMPLE_TITLE);

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n").expect("write");
    drop_file(&mut harness, &empty);
    let error = harness.state().error().expect("error");
    assert!(
        error.contains("empty.txt") && error.contains("empty"),
        "{error}"
    );
    assert_eq!(harness.state().window_title(), SAMPLE_TITLE);
}

#[test]
fn dropping_a_transcript_opens_it_with_a_fresh_selection() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pilots.txt");
    std::fs::write(&path, SMALL_EVENT).expect("write");
    drop_file(&mut harness, &path);

    let app = harness.state();
    assert!(app.error().is_none(), "{:?}", app.error());
    assert_eq!(app.window_title(), "Stenogram — pilots.txt");
    assert_eq!(
        app.document().map(|d| d.title()),
        Some("Meeting with river pilots")
    );
    assert!(app.selection().items().is_empty());
    assert_eq!(app.settings().recent.first(), Some(&path));
    harness
        .get_by_role_and_label(Role::Button, "Mira Holt")
        .click();
    harness.run();
    let doc = harness.state().document().expect("document");
    let holt = doc
        .transcript
        .participants
        .iter()
        .find(|p| p.display_name() == "Mira Holt")
        .expect("Mira Holt")
        .id;
    assert_eq!(
        harness.state().selection().items(),
        &[Item::Participant(holt)]
    );
    harness.get_by_label_contains("1 of 2 speeches");
}

#[test]
fn a_bad_file_on_the_command_line_leaves_an_empty_window_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("nothing.bin");
    std::fs::write(&bad, [0u8; 64]).expect("write");
    let harness = app_on(Some(bad));
    let app = harness.state();
    assert!(app.document().is_none());
    assert!(app.error().is_some_and(|e| e.contains("nothing.bin")));
    assert_eq!(app.window_title(), "Stenogram");
    harness.get_by_label("No transcript open");
}

#[test]
fn russian_and_french_transcripts_render_with_every_glyph() {
    // The harness fails on any glyph the fonts lack, so drawing these is the check.
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let cases = [
        (
            "kremlin_ru.txt",
            "Заседание Совета глав правительств Союза северных рек",
            "Русский",
        ),
        (
            "kremlin_fr.txt",
            "Conseil des chefs de gouvernement de l’Union des ports de la Baltique",
            "Français",
        ),
    ];
    for (file, title, language) in cases {
        let mut harness = app_on(Some(fixtures.join(file)));
        assert!(
            harness.state().error().is_none(),
            "{file}: {:?}",
            harness.state().error()
        );
        assert_eq!(harness.state().document().map(|d| d.title()), Some(title));
        assert_eq!(
            harness.state().window_title(),
            format!("Stenogram — {file}")
        );
        harness.get_by_label_contains(language);
        // Choose the first speaker: the reader filters to their speeches.
        let first = harness
            .state()
            .document()
            .and_then(|d| d.index.speakers.first().copied())
            .expect("a speaker");
        let name = harness
            .state()
            .document()
            .expect("doc")
            .transcript
            .participants[first.index()]
        .display_name()
        .to_owned();
        harness.get_by_role_and_label(Role::Button, &name).click();
        harness.run();
        harness.get_by_label_contains(" speeches");
    }
}

#[test]
fn generic_speakers_get_their_own_group_and_filter_like_anyone() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/briefing_en.txt");
    let mut harness = app_on(Some(fixture));
    harness.get_by_label("Generic speakers");
    let questions = harness.get_by_role_and_label(Role::Button, "Q");
    assert!(
        questions
            .accesskit_node()
            .description()
            .is_some_and(|d| d.starts_with("generic speaker")),
        "{:?}",
        questions.accesskit_node().description()
    );
    questions.click();
    harness.run();
    let view = harness.state().view();
    assert!(view.is_filtered());
    assert!(view.shown_speeches > 0 && view.shown_speeches < view.total_speeches);
}
