//! Corrections made in the window: the sidebar's menu (rename, merge), dragging one person
//! onto another, "Speaker is…" on a speech, the verdicts of "How this was read", undo and
//! redo, and the list kept in the data folder.

use crate::common;

use std::path::{Path, PathBuf};

use common::settle;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::StenogramApp;

/// The talks every correction test starts from, shared with the other correction tests.
const TEXT: &str = include_str!("../fixtures/corrections/talks.txt");

/// A transcript and a data folder in a temporary directory, and the app on them.
struct Setup {
    dir: tempfile::TempDir,
    harness: Harness<'static, StenogramApp>,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("talks.txt");
    std::fs::write(&file, TEXT).unwrap_or_else(|e| panic!("write: {e}"));
    let harness = app_with(&file, &dir.path().join("data"));
    Setup { dir, harness }
}

fn app_with(file: &Path, data: &Path) -> Harness<'static, StenogramApp> {
    let (file, data) = (file.to_path_buf(), data.to_path_buf());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(32)
        .build_eframe(move |cc| StenogramApp::new(cc, Some(file)).with_data_dir(data));
    settle(&mut harness);
    harness
}

fn names(harness: &Harness<'_, StenogramApp>) -> Vec<String> {
    let doc = harness.state().document().expect("a document is open");
    doc.transcript
        .participants
        .iter()
        .map(|p| p.display_name().to_owned())
        .collect()
}

fn speakers(harness: &Harness<'_, StenogramApp>) -> Vec<String> {
    let doc = harness.state().document().expect("a document is open");
    let t = &doc.transcript;
    t.speeches
        .iter()
        .map(|s| {
            t.participant(s.speaker)
                .map_or("?", |p| p.display_name())
                .to_owned()
        })
        .collect()
}

/// Right-clicks the sidebar row of `name`.
fn person_menu(harness: &mut Harness<'_, StenogramApp>, name: &str) {
    harness
        .get_by_role_and_label(Role::Button, name)
        .click_secondary();
    harness.run();
}

/// Clicks the menu entry `name` (the last button of that name: menus draw last).
fn menu_entry(harness: &mut Harness<'_, StenogramApp>, name: &str) {
    harness
        .query_all(By::new().role(Role::Button).label(name))
        .last()
        .unwrap_or_else(|| panic!("no menu entry {name}"))
        .click();
    harness.run();
}

/// Speaker is ▸ `entry`, from the first speech's header.
fn speaker_is(harness: &mut Harness<'_, StenogramApp>, entry: &str) {
    harness
        .get_by_role_and_label(
            Role::Heading,
            "Andrei Velsky, President of Orlavia, speech 1 of 3",
        )
        .click_secondary();
    harness.run();
    harness.get_by_label("Speaker is…").hover();
    harness.run();
    menu_entry(harness, entry);
}

fn stored(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("data").join("corrections"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn rename_from_the_sidebar_menu_updates_every_panel_and_is_saved() {
    let Setup { dir, mut harness } = setup();
    person_menu(&mut harness, "Oleg Kravets");
    harness.get_by_label("Rename…").click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Name");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Oleg Kravetz".to_owned()));
    harness.run();
    harness.get_by_label("Rename").click();
    harness.run();
    assert!(names(&harness).contains(&"Oleg Kravetz".to_owned()));
    // The sidebar shows the new name, marked as corrected; the reader's headers too.
    let row = harness.get_by_role_and_label(Role::Button, "Oleg Kravetz");
    let description = row.accesskit_node().description().unwrap_or_default();
    assert!(description.ends_with("; corrected"), "{description}");
    assert!(
        harness
            .query_all(By::new().role(Role::Heading).label_contains("Oleg Kravetz"))
            .count()
            >= 1
    );
    assert_eq!(stored(dir.path()).len(), 1);
    // Opened again, the correction is still there.
    let again = app_with(&dir.path().join("talks.txt"), &dir.path().join("data"));
    assert!(names(&again).contains(&"Oleg Kravetz".to_owned()));
}

#[test]
fn merge_into_from_the_sidebar_menu_then_undo_and_redo() {
    let Setup {
        dir: _dir,
        mut harness,
    } = setup();
    assert_eq!(names(&harness).len(), 3);
    person_menu(&mut harness, "Oleg Kravets");
    harness.get_by_label("Merge into").hover();
    harness.run();
    menu_entry(&mut harness, "Daria Malinova");
    assert_eq!(names(&harness), ["Andrei Velsky", "Daria Malinova"]);
    assert_eq!(speakers(&harness)[3], "Daria Malinova");
    // Ctrl+Z takes it back, Ctrl+Shift+Z puts it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(names(&harness).len(), 3);
    assert!(harness.state().corrections().list().can_redo());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(names(&harness).len(), 2);
    // The Edit menu does the same.
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo correction").click();
    harness.run();
    assert_eq!(names(&harness).len(), 3);
}

#[test]
fn dragging_one_person_onto_another_merges_them() {
    let Setup {
        dir: _dir,
        mut harness,
    } = setup();
    let from = harness
        .get_by_role_and_label(Role::Button, "Oleg Kravets")
        .rect()
        .center();
    let to = harness
        .get_by_role_and_label(Role::Button, "Andrei Velsky")
        .rect()
        .center();
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    for step in 1..=6 {
        harness.hover_at(from + (to - from) * (step as f32 / 6.0));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    assert_eq!(names(&harness), ["Andrei Velsky", "Daria Malinova"]);
    assert_eq!(speakers(&harness)[4], "Andrei Velsky");
}

#[test]
fn speaker_is_gives_a_speech_to_someone_else() {
    let Setup {
        dir: _dir,
        mut harness,
    } = setup();
    speaker_is(&mut harness, "Oleg Kravets");
    assert_eq!(speakers(&harness)[0], "Oleg Kravets");
    // The header carries the pencil.
    assert!(
        harness
            .query_all(
                By::new()
                    .role(Role::Heading)
                    .label_contains("Oleg Kravets ✏")
            )
            .count()
            == 1
    );
    // View ▸ Corrections lists it, and removing it there takes it back.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Corrections").click();
    harness.run();
    harness.get_by_label_contains("1. speech 1 (“President of Orlavia Andrei Velsky”)");
    harness.get_by_label("Remove correction 1").click();
    harness.run();
    assert_eq!(speakers(&harness)[0], "Andrei Velsky");
}

#[test]
fn speaker_is_a_new_person_names_someone_the_transcript_did_not() {
    let Setup {
        dir: _dir,
        mut harness,
    } = setup();
    let before = names(&harness).len();
    speaker_is(&mut harness, "A new person…");
    harness.get_by_label("Who gave speech 1?");
    let give = harness.get_by_label("Give them the speech");
    assert!(give.accesskit_node().is_disabled(), "nothing typed yet");
    harness.get_by_label("Name").click();
    harness.run();
    harness.get_by_label("Name").type_text("Irina Sokol");
    harness.run();
    harness.get_by_label("Give them the speech").click();
    harness.run();
    assert_eq!(speakers(&harness)[0], "Irina Sokol");
    assert_eq!(names(&harness).len(), before + 1, "{:?}", names(&harness));
    assert!(names(&harness).iter().any(|n| n.starts_with("Irina Sokol")));
    assert!(harness.query_by_label("Who gave speech 1?").is_none());
    // Undo takes the new person away again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(speakers(&harness)[0], "Andrei Velsky");
    assert_eq!(names(&harness).len(), before);
}

/// Opens "How this was read" and waits for its lines.
fn open_reading_panel(harness: &mut Harness<'_, StenogramApp>) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("How this was read").click();
    wait_for_lines(harness);
}

fn wait_for_lines(harness: &mut Harness<'_, StenogramApp>) {
    for _ in 0..400 {
        harness.step();
        if harness.state().reading_panel().lines().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
}

/// Clicks `item` (a paragraph or a speech header) in the reader: "How this was read"
/// scrolls to its line.
fn show_line_of(harness: &mut Harness<'_, StenogramApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Right-clicks line `label` of "How this was read" and chooses `entry`.
fn verdict(harness: &mut Harness<'_, StenogramApp>, label: &str, entry: &str) {
    harness.get_by_label(label).click_secondary();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
    wait_for_lines(harness);
}

#[test]
fn how_this_was_read_takes_the_users_verdicts() {
    let Setup {
        dir: _dir,
        mut harness,
    } = setup();
    open_reading_panel(&mut harness);
    // Choosing Malinova's "We agree." (the sixth speech) scrolls the reader to it.
    for _ in 0..6 {
        harness.key_press(Key::J);
        harness.run();
    }
    show_line_of(
        &mut harness,
        Role::Paragraph,
        "Note: the talks went on late.",
    );
    let before = speakers(&harness).len();
    // "Note: …" is a speaker label.
    verdict(
        &mut harness,
        "Line 19: speech paragraph",
        "This is a speaker label",
    );
    assert_eq!(speakers(&harness).len(), before + 1);
    harness.get_by_label("Line 19: speaker label");
    // "Page 2 of 9" is not text at all.
    verdict(&mut harness, "Line 17: speech paragraph", "Not text");
    harness.get_by_label("Line 17: left out");
    let doc = harness.state().document().expect("a document is open");
    assert!(
        !doc.transcript
            .speeches
            .iter()
            .any(|s| s.paragraphs.iter().any(|p| p == "Page 2 of 9"))
    );
    // "Velsky: Let us begin…" is not a label.
    show_line_of(
        &mut harness,
        Role::Heading,
        "Andrei Velsky, President of Orlavia, speech 2 of 3",
    );
    verdict(
        &mut harness,
        "Line 9: speaker label",
        "This is not a speaker label",
    );
    assert_eq!(speakers(&harness).len(), before);
    assert_eq!(harness.state().corrections().list().active().len(), 3);
    // Ctrl+Z takes the last one back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(speakers(&harness).len(), before + 1);
}

#[test]
fn the_photo_viewer_adds_and_removes_people() {
    let Setup {
        dir: _dir,
        mut harness,
    } = setup();
    harness
        .get_by_role_and_label(Role::Button, "Photo 2")
        .focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().photo_viewer().is_open());
    let pictured = |h: &Harness<'_, StenogramApp>| {
        let doc = h.state().document().expect("a document is open");
        doc.transcript.photos[1].participants.len()
    };
    assert_eq!(pictured(&harness), 1);
    harness
        .get_by_label("Not in this photo: Daria Malinova")
        .click();
    harness.run();
    assert_eq!(pictured(&harness), 0);
    // The viewer stays open on the photo, marked as corrected.
    assert!(harness.state().photo_viewer().is_open());
    harness.get_by_label("Pictured ✏:");
    harness.get_by_label("Add person").click();
    harness.run();
    menu_entry(&mut harness, "Oleg Kravets");
    assert_eq!(pictured(&harness), 1);
    assert_eq!(harness.state().corrections().list().active().len(), 2);
    // The timeline's card is marked too; the other photo's is not.
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Photo 2, people corrected");
    harness.get_by_role_and_label(Role::Button, "Photo 1");
}

#[test]
fn corrections_are_exported_and_imported_into_another_copy() {
    let Setup { dir, mut harness } = setup();
    person_menu(&mut harness, "Oleg Kravets");
    harness.get_by_label("Merge into").hover();
    harness.run();
    menu_entry(&mut harness, "Daria Malinova");
    let file = dir.path().join("shared.json");
    harness.state_mut().export_corrections_to(&file);
    harness.run();
    assert!(
        harness
            .state()
            .toast()
            .unwrap_or_default()
            .starts_with("Corrections exported to")
    );
    // Another data folder, as on another machine: the import brings the merge.
    let mut other = app_with(&dir.path().join("talks.txt"), &dir.path().join("other"));
    assert_eq!(names(&other).len(), 3);
    other.state_mut().import_corrections_from(&file);
    other.run();
    assert_eq!(names(&other), ["Andrei Velsky", "Daria Malinova"]);
    // A file that is not a corrections file is refused, and nothing changes.
    other
        .state_mut()
        .import_corrections_from(&dir.path().join("talks.txt"));
    other.run();
    assert!(
        other
            .state()
            .toast()
            .unwrap_or_default()
            .contains("cannot be imported")
    );
    assert_eq!(other.state().corrections().list().active().len(), 1);
}

#[test]
fn a_failed_save_keeps_the_correction_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("talks.txt");
    std::fs::write(&file, TEXT).unwrap_or_else(|e| panic!("write: {e}"));
    // The data folder is a file: nothing can be written under it.
    let data = dir.path().join("data");
    std::fs::write(&data, "not a folder").unwrap_or_else(|e| panic!("write: {e}"));
    let mut harness = app_with(&file, &data);
    person_menu(&mut harness, "Oleg Kravets");
    harness.get_by_label("Merge into").hover();
    harness.run();
    menu_entry(&mut harness, "Daria Malinova");
    assert_eq!(names(&harness).len(), 2);
    let toast = harness.state().toast().unwrap_or_default().to_owned();
    assert!(
        toast.starts_with("Corrections could not be saved to "),
        "{toast}"
    );
    assert!(toast.contains("corrections"), "{toast}");
}

#[test]
fn a_merge_made_in_the_app_reaches_the_library_s_people() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let put = |name: &str, text: &str| {
        std::fs::write(folder.path().join(name), text).unwrap_or_else(|e| panic!("write: {e}"));
    };
    put(
        "a_talks.txt",
        "Harbour talks\n\nAlexander Orlov: Welcome.\n\nSasha Orlov: The harbour opens in May.\n",
    );
    put("b_meeting.txt", "Meeting\n\nSasha Orlov: Good morning.\n");
    put("c_summit.txt", "Summit\n\nAlexander Orlov: Good day.\n");
    let mut harness = common::app_on_folder(folder.path());
    let orlov_files = |h: &Harness<'_, StenogramApp>| {
        let mut files: Vec<usize> = h
            .state()
            .library_panel()
            .library()
            .map(|l| {
                l.people()
                    .iter()
                    .filter(|p| p.display_name().contains("Orlov"))
                    .map(stenogram::library::LibraryPerson::files)
                    .collect()
            })
            .unwrap_or_default();
        files.sort_unstable();
        files
    };
    assert_eq!(orlov_files(&harness), [2, 2], "two people before");
    assert_eq!(
        harness
            .state()
            .document()
            .map(|d| d.transcript.title.clone()),
        Some("Harbour talks".to_owned())
    );
    person_menu(&mut harness, "Sasha Orlov");
    harness.get_by_label("Merge into").hover();
    harness.run();
    menu_entry(&mut harness, "Alexander Orlov");
    // The library checks its folder again and reads the corrected file as corrected.
    for _ in 0..2000 {
        if orlov_files(&harness) == [3] && !harness.state().library_panel().is_indexing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    assert_eq!(orlov_files(&harness), [3], "one person in three files");
}
