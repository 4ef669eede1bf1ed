//! Statistics, the sidebar's talk-share bar, the Questions window and folded moderator
//! turns, driven through the real window.

use crate::common;

use std::path::PathBuf;

use common::{app_on, person};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::{Item, StenogramApp};
use stenogram::model::SpeechId;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// Opens View ▸ `entry`.
fn view_menu(harness: &mut Harness<'_, StenogramApp>, entry: &str) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

/// Labels of the statistics rows, top to bottom.
fn stats_rows(harness: &Harness<'_, StenogramApp>) -> Vec<String> {
    harness
        .query_all(By::new().role(Role::Button).label_contains(" words, "))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

#[test]
fn statistics_list_each_speaker_with_words_and_share_and_select_on_click() {
    let mut harness = app_on(Some(fixture("conference_fr.txt")));
    assert!(!harness.state().stats_window().is_open());
    view_menu(&mut harness, "Statistics");
    assert!(harness.state().stats_window().is_open());
    harness.get_by_label("Statistics");
    harness.get_by_label_contains("words in 11 speeches by 6 speakers · 4 questions");

    let rows = stats_rows(&harness);
    // Most words first: the minister, then the commissioner.
    assert!(
        rows.first()
            .is_some_and(|r| r.starts_with("Marc Delorme: 3 speeches")),
        "{rows:?}"
    );
    let varga = rows
        .iter()
        .find(|r| r.starts_with("Inès Varga:"))
        .unwrap_or_else(|| panic!("no row for Inès Varga in {rows:?}"));
    assert!(
        varga.starts_with("Inès Varga: 2 speeches, 27 words, "),
        "{varga}"
    );
    assert!(varga.contains("% of words"), "{varga}");
    assert!(varga.contains("first in speech 6"), "{varga}");
    assert!(varga.ends_with("asked 0, answered 2"), "{varga}");
    // The question columns are there for a press conference.
    harness.get_by_label("Asked");
    harness.get_by_label("Answered");

    harness
        .get_by_role_and_label(Role::Button, varga.as_str())
        .click();
    harness.run();
    let id = person(&harness, "Inès Varga");
    assert_eq!(harness.state().selection().people(), &[id]);

    // Sorting by name puts the generic "Journaliste" before the named people.
    harness.get_by_label_contains("Participant").click();
    harness.run();
    let rows = stats_rows(&harness);
    let names: Vec<&str> = rows.iter().filter_map(|r| r.split(':').next()).collect();
    assert_eq!(
        names,
        [
            "Inès Varga",
            "Journaliste",
            "Marc Delorme",
            "Modérateur",
            "Question",
            "Réplique"
        ]
    );
}

#[test]
fn statistics_of_a_document_without_questions_have_no_question_columns() {
    let mut harness = app_on(None);
    view_menu(&mut harness, "Statistics");
    let rows = stats_rows(&harness);
    assert_eq!(rows.len(), 10, "{rows:?}");
    assert!(rows.iter().all(|r| !r.contains("asked")), "{rows:?}");
    assert!(harness.query_by_label("Asked").is_none());
    // People who never speak are listed with where they first appear.
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Pavel Sorokin: 0 speeches, 0 words, 0% of words")),
        "{rows:?}"
    );
}

#[test]
fn the_talk_share_bar_names_each_speaker_and_selects_on_click() {
    let mut harness = app_on(None);
    harness.get_by_label("Talk share");
    let segments: Vec<String> = harness
        .query_all(By::new().role(Role::Button).label_contains("% of words"))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(segments.len(), 4, "{segments:?}");
    let velsky = segments
        .iter()
        .find(|s| s.starts_with("Andrei Velsky: "))
        .unwrap_or_else(|| panic!("no segment for Velsky in {segments:?}"))
        .clone();
    harness
        .get_by_role_and_label(Role::Button, velsky.as_str())
        .click();
    harness.run();
    let id = person(&harness, "Andrei Velsky");
    assert_eq!(harness.state().selection().people(), &[id]);
}

#[test]
fn the_questions_window_lists_questions_and_jumps_to_one() {
    let mut harness = app_on(Some(fixture("conference_fr.txt")));
    view_menu(&mut harness, "Questions");
    assert!(harness.state().questions_window().is_open());
    harness.get_by_label("4 questions · 4 answered");
    let first = harness.get_by_label_contains("Question 1, Question: Monsieur le ministre");
    let label = first.accesskit_node().label().unwrap_or_default();
    assert!(label.ends_with("answered by Marc Delorme"), "{label}");
    let second = harness.get_by_label_contains("Question 2, Journaliste: Madame la commissaire");
    let label = second.accesskit_node().label().unwrap_or_default();
    assert!(label.ends_with("answered by Inès Varga"), "{label}");
    harness.get_by_label_contains("Question 3, Réplique: Et le calendrier ?");

    harness
        .get_by_label_contains("Question 2, Journaliste:")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection().primary(), Some(Item::Speech(SpeechId(4))));
    let doc = app.document().expect("a document is open");
    assert_eq!(
        app.reader().last_target(),
        doc.index.row_of(Item::Speech(SpeechId(4)))
    );
}

#[test]
fn a_document_without_questions_says_so() {
    let mut harness = app_on(None);
    view_menu(&mut harness, "Questions");
    harness.get_by_label("No questions found in this document.");
}

#[test]
fn folding_moderator_turns_hides_their_paragraphs_until_opened() {
    let mut harness = app_on(Some(fixture("conference_fr.txt")));
    let opening = "Bonjour à tous. Le ministre fera une brève déclaration, puis nous prendrons vos questions.";
    harness.get_by_label(opening);
    assert!(harness.query_by_label_contains("— folded").is_none());

    view_menu(&mut harness, "Fold moderator turns");
    assert!(harness.state().folding().is_on());
    assert!(harness.query_by_label(opening).is_none());
    harness.get_by_label_contains("Modérateur — folded, speech 1 of 2");
    // Both moderator turns are folded; nobody else's.
    let app = harness.state();
    let doc = app.document().expect("a document is open");
    assert_eq!(app.view().folded, [SpeechId(0), SpeechId(10)]);
    let hidden = doc.index.paragraph_rows[10][0].expect("a row");
    assert!(app.view().pos_of(hidden).is_none());
    harness.get_by_label("Environ deux milliards d’euros sur cinq ans.");

    // A click on the folded header shows that turn again.
    harness
        .get_by_label_contains("Modérateur — folded, speech 1 of 2")
        .click();
    harness.run();
    harness.get_by_label(opening);
    assert_eq!(harness.state().view().folded, [SpeechId(10)]);

    // Turning folding off shows everything.
    view_menu(&mut harness, "Fold moderator turns");
    assert!(!harness.state().folding().is_on());
    assert!(harness.state().view().folded.is_empty());
    harness.get_by_label(opening);
}
