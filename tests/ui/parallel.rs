//! Two versions of one event read side by side: opened from the app and by a Shift-drop,
//! aligned row by row with the gaps shown, the sidebar naming each person once with both
//! spellings, choices on the other version selecting their counterparts, one scroll for
//! both columns, and finding text in either version.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common;

use common::{app_on, drop_file, settle};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use stenogram::app::{Item, StenogramApp};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parallel")
        .join(name)
}

/// Waits until the parallel version is read and aligned, then until the app settles.
fn settle_parallel(harness: &mut Harness<'_, StenogramApp>) {
    for _ in 0..1000 {
        if !harness.state().is_loading_parallel() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// The app on the Russian version with the English one beside it.
fn meeting_side_by_side() -> Harness<'static, StenogramApp> {
    let mut harness = app_on(Some(fixture("meeting_ru.txt")));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .open_parallel(&ctx, fixture("meeting_en.txt"));
    settle_parallel(&mut harness);
    assert!(
        harness.state().parallel().is_some(),
        "the parallel version did not open"
    );
    harness
}

#[test]
fn two_versions_read_in_aligned_columns_with_the_left_out_turn_as_a_gap() {
    let mut harness = meeting_side_by_side();
    harness.get_by_label_contains("Parallel reading");
    harness.get_by_label_contains("1 only in this version");
    // The columns name their language and file.
    harness.get_by_label_contains("Русский · meeting_ru.txt");
    harness.get_by_label_contains("English · meeting_en.txt");
    // Photos pair by number: each card gives the other version's caption too.
    let card = harness.get_by_role_and_label(Role::Button, "Photo 2");
    let description = card.accesskit_node().description().unwrap_or_default();
    assert!(
        description.ends_with("In the parallel version: During the meeting."),
        "{description}"
    );
    // The ministry's remark is in the Russian version only: the English column has a gap.
    harness.get_by_label_contains("Андрей Викторович, если позволите");
    harness.get_by_label("Not in this version");
    harness.get_by_label("only in this version");
    // The condensed answer on schools is marked on the shorter side, further down.
    let schools = {
        let doc = harness.state().document().expect("a document");
        doc.transcript.speeches[6].id
    };
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, stenogram::app::Command::Select(Item::Speech(schools)));
    harness.run();
    harness.get_by_label("Much shorter than the other version");
    // Both spellings of the governor head their columns.
    assert!(harness.query_all_by_label("Матвей Горчаков").count() >= 2);
    assert!(harness.query_all_by_label("Matvei Gorchakov").count() >= 1);
}

#[test]
fn choosing_a_turn_of_the_other_version_selects_its_counterpart() {
    let mut harness = meeting_side_by_side();
    harness
        .get_by_label_contains("Almost all the families who applied")
        .click();
    harness.run();
    let app = harness.state();
    let doc = app.document().expect("a document");
    let Some(Item::Paragraph { speech, .. }) = app.selection().primary() else {
        panic!("no paragraph selected: {:?}", app.selection().primary());
    };
    let text = &doc.transcript.speeches[speech.index()].paragraphs[0];
    assert!(text.starts_with("Выплаты получили"), "{text}");
}

#[test]
fn the_sidebar_names_each_person_once_with_both_spellings() {
    let mut harness = meeting_side_by_side();
    let people = |h: &Harness<'_, StenogramApp>| {
        h.query_all_by_role(Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .filter(|l| l == "Матвей Горчаков" || l.contains("Gorchakov"))
            .count()
    };
    assert_eq!(people(&harness), 1, "one row for the governor");
    // Someone who speaks only in the other version is listed too, apart.
    let dir = tempfile::tempdir().expect("tempdir");
    let extra = dir.path().join("meeting_en_more.txt");
    let mut text = std::fs::read_to_string(fixture("meeting_en.txt")).expect("read");
    text.push_str("\nNora Quill: One more question from the press pool, if I may.\n");
    std::fs::write(&extra, text).expect("write");
    let ctx = harness.ctx.clone();
    harness.state_mut().open_parallel(&ctx, extra);
    settle_parallel(&mut harness);
    harness.get_by_label("Only in the other version");
    harness.get_by_label("Nora Quill");
    // The English spelling finds the person in the sidebar's filter.
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("Gorchakov");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Матвей Горчаков");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Андрей Вельский")
            .is_none()
    );
}

#[test]
fn one_scroll_moves_both_columns_to_the_chosen_turn() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (
        dir.path().join("long_en.txt"),
        dir.path().join("long_fr.txt"),
    );
    let turns = |greeting: &str, closing: &str| {
        let mut text = String::from("Long talks\n\n");
        for k in 1..=40 {
            let who = if k % 2 == 0 { "Anna Berg" } else { "Omar Said" };
            text.push_str(&format!(
                "{who}: {greeting} {k}. The harbour, the railway and the schools were \
                 discussed at length by both delegations.\n\n"
            ));
        }
        text.push_str(&format!("Anna Berg: {closing}\n"));
        text
    };
    std::fs::write(&a, turns("Point", "We close here.")).expect("write");
    std::fs::write(&b, turns("Point", "Nous terminons ici.")).expect("write");
    let mut harness = app_on(Some(a));
    let ctx = harness.ctx.clone();
    harness.state_mut().open_parallel(&ctx, b);
    settle_parallel(&mut harness);
    assert!(
        harness
            .query_by_label_contains("Nous terminons ici.")
            .is_none()
    );
    let last = {
        let doc = harness.state().document().expect("a document");
        doc.transcript
            .speeches
            .last()
            .map(|s| s.id)
            .expect("speeches")
    };
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, stenogram::app::Command::Select(Item::Speech(last)));
    harness.run();
    // The other column came along: its last turn is on screen too.
    harness.get_by_label_contains("Nous terminons ici.");
    harness.get_by_label_contains("We close here.");
}

#[test]
fn a_shift_drop_opens_the_other_version_and_a_bad_one_keeps_the_document() {
    let mut harness = app_on(Some(fixture("summit_fr.txt")));
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::SHIFT));
    drop_file(&mut harness, &fixture("summit_en.txt"));
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    settle_parallel(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.window_title(),
        "Stenogram — summit_fr.txt",
        "the open document stays"
    );
    let parallel = app.parallel().expect("opened beside it");
    assert_eq!(parallel.alignment.summary.paired, 4);

    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("scan.txt");
    std::fs::write(&bad, b"\x00\x01\x02binary\x00").expect("write");
    let ctx = harness.ctx.clone();
    harness.state_mut().open_parallel(&ctx, bad);
    settle_parallel(&mut harness);
    settle(&mut harness);
    let error = harness.state().error().expect("an error").to_owned();
    assert!(error.contains("scan.txt"), "{error}");
    assert!(
        harness.state().parallel().is_some(),
        "the version already open stays"
    );

    harness
        .get_by_role_and_label(Role::Button, "Close parallel version")
        .click();
    harness.run();
    assert!(harness.state().parallel().is_none());
}

#[test]
fn find_looks_in_either_version_or_both() {
    let mut harness = meeting_side_by_side();
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("bridges");
    harness.run();
    assert_eq!(harness.state().parallel_reader().found(), 1);
    harness.get_by_label("This version").click();
    harness.run();
    assert_eq!(
        harness.state().parallel_reader().found(),
        0,
        "English words in the Russian"
    );
    harness.get_by_label("0 paragraphs");
}

#[test]
fn the_library_offers_the_same_event_in_another_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["meeting_ru.txt", "meeting_en.txt", "summit_fr.txt"] {
        std::fs::copy(fixture(name), dir.path().join(name)).expect("copy");
    }
    let mut harness = common::app_on_folder(dir.path());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .open(&ctx, dir.path().join("meeting_ru.txt"));
    settle(&mut harness);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open other version").click();
    harness.run();
    // The English page of the same meeting is offered; the summit of another day is not.
    assert!(harness.query_by_label_contains("summit_fr.txt").is_none());
    harness.get_by_label("English · meeting_en.txt").click();
    harness.run();
    settle_parallel(&mut harness);
    let parallel = harness.state().parallel().expect("opened beside it");
    assert!(parallel.path.ends_with("meeting_en.txt"));
    assert_eq!(parallel.alignment.summary.only_a, 1);
}

#[test]
fn the_other_version_is_read_with_its_own_corrections() {
    use stenogram::corrections::{CorrectionList, CorrectionStore, Edit};
    let data = tempfile::tempdir().expect("tempdir");
    let english = fixture("meeting_en.txt");
    let parsed = stenogram::load::load_file(&english).expect("the English version reads");
    let rename = Edit::Rename {
        person: "Matvei Gorchakov".to_owned(),
        name: Some("Matvei P. Gorchakov".to_owned()),
        role: None,
    };
    CorrectionStore::new(data.path())
        .save(
            &stenogram::notes::content_key(&parsed),
            &parsed.title,
            &CorrectionList::new(vec![rename]),
        )
        .expect("saved");
    let russian = fixture("meeting_ru.txt");
    let dir = data.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(32)
        .build_eframe(move |cc| StenogramApp::new(cc, Some(russian)).with_data_dir(dir));
    settle(&mut harness);
    let ctx = harness.ctx.clone();
    harness.state_mut().open_parallel(&ctx, english);
    settle_parallel(&mut harness);
    assert!(harness.state().parallel().is_some());
    // The English column and the sidebar give the corrected name, not the parsed one.
    assert!(
        harness
            .query_all_by_label_contains("Matvei P. Gorchakov")
            .next()
            .is_some(),
        "the other version's correction is not applied"
    );
}
