//! Keyboard navigation, the shortcuts window, reading comfort, tags in the header and the
//! "How this was read" panel, driven through the real app.

use crate::common;

use common::{app_on, person, photo};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::Item;
use stenogram::app::settings::{ReadingWidth, TEXT_SIZE_DEFAULT};
use stenogram::model::SpeechId;

fn selected_speech(harness: &egui_kittest::Harness<'_, stenogram::app::StenogramApp>) -> SpeechId {
    match harness.state().selection().items() {
        [Item::Speech(s)] => *s,
        other => panic!("expected one speech selected, got {other:?}"),
    }
}

#[test]
fn f1_and_question_mark_open_the_shortcuts_window() {
    let mut harness = app_on(None);
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.state().shortcuts_open());
    harness.get_by_label("Next / previous speech");
    harness.get_by_label("Larger / smaller reading text");
    harness.key_press(Key::F1);
    harness.run();
    assert!(!harness.state().shortcuts_open());
    harness.event(egui::Event::Text("?".to_owned()));
    harness.run();
    assert!(harness.state().shortcuts_open());
    // Also from the Help menu.
    harness.get_by_label("Help").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Keyboard shortcuts")
        .click();
    harness.run();
    assert!(!harness.state().shortcuts_open());
}

#[test]
fn j_and_k_step_through_the_speeches() {
    let mut harness = app_on(None);
    let speeches: Vec<SpeechId> = harness
        .state()
        .document()
        .map(|d| d.transcript.speeches.iter().map(|s| s.id).collect())
        .unwrap_or_default();
    assert!(speeches.len() >= 3);
    harness.key_press(Key::J);
    harness.run();
    assert_eq!(selected_speech(&harness), speeches[0]);
    harness.key_press(Key::J);
    harness.run();
    assert_eq!(selected_speech(&harness), speeches[1]);
    // The reader scrolled to it: its header is on screen.
    assert_eq!(
        harness.state().reader().last_target(),
        harness
            .state()
            .document()
            .and_then(|d| d.index.row_of(Item::Speech(speeches[1])))
    );
    harness.key_press(Key::K);
    harness.run();
    assert_eq!(selected_speech(&harness), speeches[0]);
}

#[test]
fn j_follows_the_participant_filter() {
    let mut harness = app_on(None);
    let bekov = person(&harness, "Nurlan Bekov");
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();
    harness.key_press(Key::J);
    harness.run();
    harness.key_press(Key::J);
    harness.run();
    let s = selected_speech(&harness);
    let speaker = harness
        .state()
        .document()
        .and_then(|d| d.transcript.speech(s))
        .map(|s| s.speaker);
    assert_eq!(speaker, Some(bekov));
}

#[test]
fn arrows_step_through_photos_and_people() {
    let mut harness = app_on(None);
    harness.key_press(Key::ArrowRight);
    harness.run();
    let one = photo(&harness, 1);
    let two = photo(&harness, 2);
    assert_eq!(harness.state().selection().items(), &[Item::Photo(one)]);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().selection().items(), &[Item::Photo(two)]);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selection().items(), &[Item::Photo(one)]);

    // ↓ picks the first person of the sidebar, then the next one.
    harness.key_press(Key::ArrowDown);
    harness.run();
    let velsky = person(&harness, "Andrei Velsky");
    assert_eq!(harness.state().selection().people(), &[velsky]);
    harness.key_press(Key::ArrowDown);
    harness.run();
    let bekov = person(&harness, "Nurlan Bekov");
    assert_eq!(harness.state().selection().people(), &[bekov]);
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selection().people(), &[velsky]);
    // Escape clears.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().selection().people().is_empty());
}

#[test]
fn text_size_and_reading_width_change_and_are_kept_in_the_settings() {
    let mut harness = app_on(None);
    assert_eq!(harness.state().settings().text_size(), TEXT_SIZE_DEFAULT);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    assert_eq!(
        harness.state().settings().text_size(),
        TEXT_SIZE_DEFAULT + 2.0
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert_eq!(
        harness.state().settings().text_size(),
        TEXT_SIZE_DEFAULT + 1.0
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.state().settings().text_size(), TEXT_SIZE_DEFAULT);

    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Larger text").click();
    harness.run();
    assert_eq!(
        harness.state().settings().text_size(),
        TEXT_SIZE_DEFAULT + 1.0
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Wide").click();
    harness.run();
    assert_eq!(harness.state().settings().reading_width, ReadingWidth::Wide);
    // Settings persist through eframe's storage as JSON.
    let saved = serde_json::to_string(harness.state().settings()).unwrap_or_default();
    assert!(saved.contains("\"reading_width\":\"Wide\""), "{saved}");
    assert!(saved.contains("\"text_size\":16"), "{saved}");
}

#[test]
fn a_persons_tag_in_the_header_selects_that_participant() {
    let mut harness = app_on(None);
    harness.get_by_label("Geography:");
    harness.get_by_label("Persons:");
    harness.get_by_label("Transport");
    let velsky = person(&harness, "Andrei Velsky");
    harness.get_by_label("Velsky Andrei").click();
    harness.run();
    assert_eq!(harness.state().selection().people(), &[velsky]);
}

#[test]
fn how_this_was_read_lists_each_line_and_jumps_to_it() {
    let mut harness = app_on(None);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("How this was read").click();
    // The lines are worked out on a thread: let it finish.
    for _ in 0..200 {
        if harness.state().reading_panel().lines().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
    harness.get_by_label("Line 1: title");
    // "Only labels, captions and notes" hides plain lines (blank ones among them).
    let paragraphs = |h: &egui_kittest::Harness<'_, stenogram::app::StenogramApp>| {
        h.query_all(By::new().label_contains(": blank")).count()
    };
    let before = paragraphs(&harness);
    assert!(before > 0);
    harness
        .get_by_label("Only labels, captions and notes")
        .click();
    harness.run();
    assert_eq!(paragraphs(&harness), 0);

    let lines = harness
        .state()
        .reading_panel()
        .lines()
        .map(<[_]>::to_vec)
        .unwrap_or_default();
    let label_line = lines
        .iter()
        .find(|l| l.role.name() == "speaker label")
        .map(|l| l.number)
        .unwrap_or_else(|| panic!("no speaker label line"));
    // Selecting the first speech elsewhere (j) brings its label line into view here.
    assert!(
        harness
            .query_by_label(&format!("Line {label_line}: speaker label"))
            .is_none()
    );
    harness.key_press(Key::J);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().selection().items().is_empty());
    // Clicking the line selects the speech it opened.
    harness
        .get_by_label(&format!("Line {label_line}: speaker label"))
        .click();
    harness.run();
    let first = harness
        .state()
        .document()
        .and_then(|d| d.transcript.speeches.first())
        .map(|s| s.id);
    assert_eq!(
        harness.state().selection().items().first().copied(),
        first.map(Item::Speech)
    );
}

#[test]
fn how_this_was_read_says_when_the_file_changed_since_it_was_opened() {
    // The panel reads the file again rather than keeping a second copy of its text: if the
    // file changed meanwhile, the lines would not match what was parsed, so it says so.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("summit.txt");
    std::fs::copy(common::sample_path(), &path).expect("the sample is copied");
    let mut harness = app_on(Some(path.clone()));
    std::fs::write(
        &path,
        "Another event\n\nA.Ivanov: Something else entirely.\n",
    )
    .expect("the file is changed");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("How this was read").click();
    let changed = |h: &egui_kittest::Harness<'_, stenogram::app::StenogramApp>| {
        h.query_by_label_contains("has changed since it was opened")
            .and_then(|n| n.accesskit_node().value())
    };
    for _ in 0..200 {
        if changed(&harness).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    let message = changed(&harness).expect("the panel says the file changed");
    assert!(message.contains("summit.txt"), "{message}");
    assert!(harness.state().reading_panel().lines().is_none());
    // The document already open stays as it was.
    assert_eq!(
        harness.state().document().map(|d| d.title()),
        Some("Summit of the Northern Rivers Union")
    );
}
