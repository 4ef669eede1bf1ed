//! Citations, the export window and notes, driven through the real window: right-click
//! menus, the Edit, File and View menus, the clipboard, the files written.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{app_on, person, photo, sample_path, settle};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use stenogram::app::{Item, StenogramApp};
use stenogram::model::TextRef;

/// A paragraph of Nurlan Bekov's speech in the sample.
const BEKOV_THANKS: &str =
    "Thank you for the warm welcome and for the excellent organisation of our work this year.";
const SOURCE: &str = "https://www.example.org/events/president/news/73120";

/// The app on the sample with notes kept in `data`.
fn app_with_notes(data: &Path) -> Harness<'static, StenogramApp> {
    let path = sample_path();
    let data = data.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(32)
        .build_eframe(move |cc| StenogramApp::new(cc, Some(path)).with_data_dir(data));
    settle(&mut harness);
    harness
}

/// Chooses Nurlan Bekov, so that his one speech is at the top of the reader.
fn show_bekov(harness: &mut Harness<'_, StenogramApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();
}

/// Where Bekov's "thank you" paragraph is, and its number as the reader shows it.
fn thanks_paragraph(harness: &Harness<'_, StenogramApp>) -> (Item, String) {
    let doc = harness.state().document().expect("a document is open");
    let bekov = person(harness, "Nurlan Bekov");
    let speech = doc
        .transcript
        .speeches
        .iter()
        .find(|s| s.speaker == bekov)
        .map(|s| s.id)
        .expect("Bekov speaks");
    let index = doc.transcript.speeches[speech.index()]
        .paragraphs
        .iter()
        .position(|p| p == BEKOV_THANKS)
        .expect("the paragraph is in his speech");
    let node = harness.get_by_role_and_label(Role::Paragraph, BEKOV_THANKS);
    let description = node.accesskit_node().description().unwrap_or_default();
    let number = description.split(',').next().unwrap_or_default().to_owned();
    assert!(number.starts_with("¶ "), "{description:?}");
    (Item::Paragraph { speech, index }, number)
}

/// Clicks the node labelled `label` and returns the text the app put on the clipboard in
/// that frame.
fn click_and_copied(harness: &mut Harness<'_, StenogramApp>, label: &str) -> String {
    harness.get_by_label(label).click();
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    harness.run();
    assert_eq!(copied.len(), 1, "one copy expected: {copied:?}");
    copied.into_iter().next().unwrap_or_default()
}

fn right_click(harness: &mut Harness<'_, StenogramApp>, paragraph: &str) {
    harness
        .get_by_role_and_label(Role::Paragraph, paragraph)
        .click_secondary();
    harness.run();
}

#[test]
fn right_click_copies_the_citation_of_a_paragraph() {
    let mut harness = app_on(None);
    show_bekov(&mut harness);
    let (_, number) = thanks_paragraph(&harness);
    right_click(&mut harness, BEKOV_THANKS);
    harness.get_by_label("Cite part…");
    harness.get_by_label("Add note…");
    let copied = click_and_copied(&mut harness, "Copy citation");
    assert_eq!(
        copied,
        format!(
            "“{BEKOV_THANKS}” — Nurlan Bekov, President of Sevrania, Summit of the Northern \
             Rivers Union, 14 March 2024, Varengrad, {number}. {SOURCE}"
        )
    );
    // The menu closed and a confirmation shows at the bottom.
    assert!(harness.query_by_label("Cite part…").is_none());
    let toast = harness.state().toast().unwrap_or_default().to_owned();
    assert!(
        toast.starts_with("Citation copied: “Thank you for"),
        "{toast}"
    );
    harness.get_by_label(&toast);
}

#[test]
fn the_edit_menu_cites_the_selected_paragraph_as_markdown() {
    let mut harness = app_on(None);
    show_bekov(&mut harness);
    // Nothing citable selected yet (a person is): the entries are there but disabled.
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(
        harness
            .get_by_label("Copy citation as Markdown")
            .accesskit_node()
            .is_disabled()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();

    let (item, number) = thanks_paragraph(&harness);
    harness
        .get_by_role_and_label(Role::Paragraph, BEKOV_THANKS)
        .click();
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(item));
    harness.get_by_label("Edit").click();
    harness.run();
    let copied = click_and_copied(&mut harness, "Copy citation as Markdown");
    assert_eq!(
        copied,
        format!(
            "> {BEKOV_THANKS}\n>\n> — **Nurlan Bekov**, President of Sevrania · *Summit of the \
             Northern Rivers Union* · 14 March 2024 · Varengrad · {number} · [source]({SOURCE})"
        )
    );
}

#[test]
fn paragraph_numbers_count_the_whole_document_whatever_the_filter() {
    let mut harness = app_on(None);
    show_bekov(&mut harness);
    let (item, number) = thanks_paragraph(&harness);
    let Item::Paragraph { speech, index } = item else {
        panic!("a paragraph");
    };
    let at = TextRef::Speech {
        speech,
        paragraph: index,
    };
    let counted = harness.state().annotations().number(at);
    assert_eq!(counted.map(|n| format!("¶ {n}")), Some(number.clone()));
    // Showing everyone again (the reader keeps the selected paragraph in view) does not
    // renumber it.
    harness
        .get_by_role_and_label(Role::Paragraph, BEKOV_THANKS)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Show all")
        .click();
    harness.run();
    assert!(!harness.state().view().is_filtered());
    assert_eq!(thanks_paragraph(&harness).1, number);
    // The lead is ¶ 1 (titles, datelines and captions are not counted).
    let first_lead = harness
        .state()
        .document()
        .and_then(|d| {
            d.transcript
                .blocks
                .iter()
                .position(|b| matches!(b.kind, stenogram::model::BlockKind::Lead { .. }))
        })
        .expect("the sample has a lead");
    assert_eq!(
        harness
            .state()
            .annotations()
            .number(TextRef::Block { block: first_lead }),
        Some(1)
    );
}

#[test]
fn selected_words_are_quoted_instead_of_the_whole_paragraph() {
    let mut harness = app_on(None);
    show_bekov(&mut harness);
    let rect = harness
        .get_by_role_and_label(Role::Paragraph, BEKOV_THANKS)
        .rect();
    // Drag across part of the first line of text.
    let y = rect.top() + 14.0;
    let (from, to) = (
        egui::pos2(rect.left() + 60.0, y),
        egui::pos2(rect.left() + 260.0, y),
    );
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    // No click: the paragraph is not selected, the words are.
    assert!(
        harness
            .state()
            .selection()
            .items()
            .iter()
            .all(|i| !matches!(i, Item::Paragraph { .. }))
    );

    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    // The menu says it quotes the selected words.
    harness.get_by_label_contains("Quoting “");
    let copied = click_and_copied(&mut harness, "Copy citation");
    let quote = copied
        .strip_prefix('“')
        .and_then(|rest| rest.split_once('”'))
        .map(|(quote, _)| quote.to_owned())
        .unwrap_or_default();
    assert!(
        !quote.is_empty() && quote.len() < BEKOV_THANKS.len(),
        "{copied}"
    );
    assert!(
        BEKOV_THANKS.contains(&quote),
        "{quote:?} comes from the paragraph"
    );
    assert!(
        copied.contains("— Nurlan Bekov, President of Sevrania"),
        "{copied}"
    );
    // Whole words, though the drag started and stopped wherever it did.
    let at = BEKOV_THANKS.find(&quote).unwrap_or_default();
    let before = BEKOV_THANKS[..at].chars().next_back();
    let after = BEKOV_THANKS[at + quote.len()..].chars().next();
    assert!(before.is_none_or(|c| !c.is_alphanumeric()), "{quote:?}");
    assert!(after.is_none_or(|c| !c.is_alphanumeric()), "{quote:?}");
}

#[test]
fn cite_part_copies_a_trimmed_quote_and_refuses_words_not_in_the_text() {
    let mut harness = app_on(None);
    show_bekov(&mut harness);
    right_click(&mut harness, BEKOV_THANKS);
    harness.get_by_label("Cite part…").click();
    harness.run();
    harness.get_by_label("Cite part of a paragraph");
    let field = harness.get_by_role_and_label(Role::MultilineTextInput, "Quote");
    assert_eq!(field.value().as_deref(), Some(BEKOV_THANKS));
    // Replace the text with words that are not in the paragraph: copying is refused.
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text("the cold welcome".to_owned()));
    harness.run();
    harness.get_by_label_contains("These words are not in ¶ ");
    assert!(
        harness
            .get_by_label("Copy citation")
            .accesskit_node()
            .is_disabled()
    );
    // A quote cut with "…" fits.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text(
        "Thank you … for the excellent organisation".to_owned(),
    ));
    harness.run();
    let copied = click_and_copied(&mut harness, "Copy citation");
    assert!(
        copied.starts_with("“Thank you … for the excellent organisation” — Nurlan Bekov"),
        "{copied}"
    );
    assert!(harness.query_by_label("Cite part of a paragraph").is_none());
}

#[test]
fn a_photo_card_cites_its_caption() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Photo 3")
        .click_secondary();
    harness.run();
    let copied = click_and_copied(&mut harness, "Copy citation");
    assert_eq!(
        copied,
        format!(
            "“With President of Sevrania Nurlan Bekov before the Council meeting.” — Summit \
             of the Northern Rivers Union, 14 March 2024, Varengrad, Photo 3 (Lena Markova, \
             Orlavia Press). {SOURCE}"
        )
    );
}

#[test]
fn a_note_is_saved_listed_marked_and_jumped_to() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut harness = app_with_notes(data.path());
    show_bekov(&mut harness);
    let (item, number) = thanks_paragraph(&harness);
    right_click(&mut harness, BEKOV_THANKS);
    harness.get_by_label("Add note…").click();
    harness.run();
    harness.get_by_label("Add a note");
    harness.get_by_label(&format!("Nurlan Bekov {number}"));
    // The field has the keyboard as soon as the editor opens.
    harness.event(egui::Event::Text(
        "Compare with the 2023 budget.".to_owned(),
    ));
    harness.run();
    harness.get_by_label("Save note").click();
    harness.run();
    assert!(harness.query_by_label("Add a note").is_none());
    assert_eq!(harness.state().toast(), Some("Note added"));

    // Saved in the data folder, never next to the transcript; no temporary file left.
    let files: Vec<PathBuf> = std::fs::read_dir(data.path().join("notes"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert_eq!(files.len(), 1, "{files:?}");
    let saved = std::fs::read_to_string(&files[0]).unwrap_or_default();
    assert!(saved.contains("Compare with the 2023 budget."), "{saved}");

    // The paragraph carries a mark.
    assert!(harness.state().annotations().has_note(item));
    let node = harness.get_by_role_and_label(Role::Paragraph, BEKOV_THANKS);
    let description = node.accesskit_node().description().unwrap_or_default();
    assert_eq!(description, format!("{number}, has a note"));

    // View ▸ Notes lists it; clicking it goes there, even from a filter that hides it.
    harness
        .get_by_role_and_label(Role::Button, "Andrei Velsky")
        .click();
    harness.run();
    assert!(harness.query_by_label(BEKOV_THANKS).is_none());
    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Notes")
        .click();
    harness.run();
    assert!(harness.state().notes().is_open());
    harness.get_by_label("1 note on this transcript");
    harness.get_by_label("Compare with the 2023 budget.");
    harness
        .get_by_label(&format!("Nurlan Bekov {number}"))
        .click();
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(item));
    harness.get_by_role_and_label(Role::Paragraph, BEKOV_THANKS);

    // Opened again (a new window, the same text): the note is still there.
    drop(harness);
    let harness = app_with_notes(data.path());
    assert_eq!(harness.state().notes().notes().len(), 1);
    assert!(harness.state().annotations().has_note(item));
}

#[test]
fn a_note_on_a_photo_is_deleted_after_confirmation() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut harness = app_with_notes(data.path());
    harness
        .get_by_role_and_label(Role::Button, "Photo 5")
        .click_secondary();
    harness.run();
    harness.get_by_label("Add note…").click();
    harness.run();
    harness.get_by_label("“Group photo of the heads of state of the Northern Rivers Union.”");
    harness.event(egui::Event::Text("Who is on the far left?".to_owned()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().notes().notes().len(), 1);
    assert!(
        harness
            .state()
            .annotations()
            .has_note(Item::Photo(photo(&harness, 5)))
    );

    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Notes")
        .click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    assert_eq!(
        harness.state().notes().notes().len(),
        1,
        "one click only arms it"
    );
    harness.get_by_label("Confirm delete").click();
    harness.run();
    assert!(harness.state().notes().notes().is_empty());
    harness.get_by_label("No notes on this transcript yet.");
    assert!(
        std::fs::read_dir(data.path().join("notes"))
            .map(|d| d.count() == 0)
            .unwrap_or(false),
        "the last note gone, its file goes too"
    );
}

#[test]
fn the_export_window_says_what_it_exports_and_saves_it() {
    let mut harness = app_on(None);
    show_bekov(&mut harness);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export view…").click();
    harness.run();
    harness.get_by_label("Export view");
    harness.get_by_label("1 of 6 speeches — filtered to Nurlan Bekov");
    harness.get_by_role_and_label(Role::CheckBox, "Include photo captions (1)");
    harness
        .get_by_role_and_label(Role::RadioButton, "Plain text")
        .click();
    harness.run();

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("bekov.txt");
    assert_eq!(harness.state_mut().export_view_to(&path), Ok(()));
    harness.run();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        text.contains("Excerpt: the speeches of Nurlan Bekov (1 of 6 speeches)."),
        "{text}"
    );
    assert!(
        text.contains(BEKOV_THANKS) && text.contains("[Photo 9]"),
        "{text}"
    );
    assert!(!text.contains("Colleagues, friends"), "{text}");
    assert_eq!(harness.state().toast(), Some("Saved to bekov.txt"));
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names, ["bekov.txt"]);
}

#[test]
fn without_a_save_dialog_the_export_window_offers_the_other_routes() {
    let mut harness = app_on(None);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export view…").click();
    harness.run();
    harness.get_by_label("All 6 speeches");
    // On a machine with no dialog service (as under CI) "Save…" ends at once as Cancel.
    harness.get_by_label("Save…").click();
    harness.step();
    for _ in 0..2000 {
        if !harness.state().export_dialog().is_saving() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run();
    harness.get_by_label_contains("No file was chosen.");
    // The export can still be copied.
    let copied = click_and_copied(&mut harness, "Copy to clipboard");
    assert!(
        copied.starts_with("# Summit of the Northern Rivers Union\n"),
        "{copied}"
    );
    assert!(copied.contains("### Andrei Velsky, President of Orlavia"));
}
