//! Search (Ctrl+F) driven through the real window: the bar, the count, Enter / Shift+Enter,
//! the list of hits, the timeline marks, the participant filter and Escape.

use crate::common;

use std::path::{Path, PathBuf};

use common::{app_on, person, photo};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::search::field_id;
use stenogram::app::{Item, StenogramApp};
use stenogram::search::Place;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// Ctrl+F, then types `query` into the field it focuses.
fn find(harness: &mut Harness<'_, StenogramApp>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.state().search().is_open(), "Ctrl+F opens search");
    let focused = harness.ctx.memory(|m| m.has_focus(field_id()));
    assert!(focused, "the search field has the keyboard");
    harness.event(egui::Event::Text(query.to_owned()));
    harness.run();
    assert_eq!(harness.state().search().query(), query);
}

/// The rows of the list of hits, by their accessible names ("Lead: …flood protection…").
fn list_rows(harness: &Harness<'_, StenogramApp>) -> Vec<String> {
    harness
        .query_all(By::new().role(Role::ListItem))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

/// The text of the current hit, as written in the document.
fn current_text(harness: &Harness<'_, StenogramApp>) -> String {
    let app = harness.state();
    let doc = app.document().expect("a document is open");
    let hit = app.search().current_hit().expect("a current hit");
    stenogram::search::place_text(&doc.transcript, hit.place)
        .and_then(|t| t.get(hit.start..hit.end).map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn ctrl_f_opens_the_bar_and_typing_counts_the_hits() {
    let mut harness = app_on(None);
    assert!(harness.query_by_label("Find").is_none(), "closed at start");
    find(&mut harness, "flood");
    // "flood" and "floods": twice in the lead and narrative, seven times in speeches.
    harness.get_by_label("9 hits");
    let field = harness.get_by_role_and_label(Role::TextInput, "Find");
    assert_eq!(field.value().as_deref(), Some("flood"));
    // The list names each hit's speaker (or place) and shows its context.
    // (The list is virtualised: it holds the rows in view, six of them or more.)
    let rows = list_rows(&harness);
    assert!(rows.len() >= 6, "{rows:?}");
    assert!(rows[0].starts_with("Lead ¶ 1: "), "{rows:?}");
    assert!(rows[0].contains("flood protection"), "{rows:?}");
    let bekov = rows
        .iter()
        .filter(|r| r.starts_with("Nurlan Bekov ¶"))
        .count();
    assert_eq!(bekov, 2, "{rows:?}");
    // Nothing is selected until the user asks for a hit.
    assert!(harness.state().selection().items().is_empty());

    // Typing more narrows it down, and a query with no hits says so.
    harness.event(egui::Event::Text("s".to_owned()));
    harness.run();
    harness.get_by_label("4 hits");
    harness.event(egui::Event::Text("xyz".to_owned()));
    harness.run();
    harness.get_by_label("No hits");
}

#[test]
fn enter_and_shift_enter_step_through_the_hits_in_the_reader() {
    let mut harness = app_on(None);
    find(&mut harness, "flood");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("1 of 9");
    let first = harness.state().selection().items().to_vec();
    let lead_block = match harness.state().search().current_hit().map(|h| h.place) {
        Some(Place::Lead { block }) => block,
        other => panic!("the first hit is in the lead, not {other:?}"),
    };
    assert_eq!(first, vec![Item::Block(lead_block)]);

    // Enter again: the next hit, and the field keeps the keyboard for more.
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("2 of 9");
    assert!(harness.ctx.memory(|m| m.has_focus(field_id())));
    // On to the first hit in a speech: its paragraph is selected and scrolled to.
    for _ in 0..2 {
        harness.key_press(Key::Enter);
        harness.run();
    }
    harness.get_by_label("4 of 9");
    let item = harness.state().selection().primary();
    assert!(
        matches!(item, Some(Item::Paragraph { .. })),
        "a speech paragraph is selected: {item:?}"
    );
    let doc = harness.state().document().expect("document");
    let row = item.and_then(|i| doc.index.row_of(i));
    assert_eq!(harness.state().reader().last_target(), row);
    assert_eq!(current_text(&harness), "flood");

    // Shift+Enter goes back; from the first hit, it wraps round to the last.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.get_by_label("3 of 9");
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
        harness.run();
    }
    harness.get_by_label("9 of 9");

    // The buttons do the same.
    harness
        .get_by_role_and_label(Role::Button, "Next hit")
        .click();
    harness.run();
    harness.get_by_label("1 of 9");
    harness
        .get_by_role_and_label(Role::Button, "Previous hit")
        .click();
    harness.run();
    harness.get_by_label("9 of 9");
}

#[test]
fn clicking_a_hit_in_the_list_goes_to_it() {
    let mut harness = app_on(None);
    find(&mut harness, "restricted format");
    // Two narrative paragraphs, five captions, one speech.
    harness.get_by_label("8 hits");
    harness
        .query_all(By::new().role(Role::ListItem).label_contains("Caption 8: "))
        .next()
        .expect("a row for caption 8")
        .click();
    harness.run();
    let eight = photo(&harness, 8);
    assert_eq!(harness.state().selection().items(), &[Item::Photo(eight)]);
    harness.get_by_label_contains(" of 8");
    assert_eq!(
        harness.state().search().current_hit().map(|h| h.place),
        Some(Place::Caption { photo: eight })
    );
}

#[test]
fn accents_do_not_matter_in_french() {
    let mut harness = app_on(Some(fixture("kremlin_fr.txt")));
    find(&mut harness, "lanskoi");
    harness.get_by_label("1 hit");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(current_text(&harness), "Lanskoï");
    // An entry of an attendee list: the reader goes to that entry's own row.
    let app = harness.state();
    let Some(Place::Attendee { block, index }) = app.search().current_hit().map(|h| h.place) else {
        panic!("the hit is in the attendee list");
    };
    assert_eq!(app.selection().items(), &[Item::Block(block)]);
    let doc = app.document().expect("document");
    let target = app
        .reader()
        .last_target()
        .and_then(|r| doc.index.rows.get(r));
    assert_eq!(
        target.map(|r| r.kind),
        Some(stenogram::app::document::RowKind::Attendee(index))
    );

    // A query without its accents finds the accented name everywhere it is written.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("ANDREI VELSKI".to_owned()));
    harness.run();
    let hits = &harness.state().search().results().hits;
    // In the lead and in a caption.
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|h| h.context.matched == "Andreï Velski"));
}

#[test]
fn russian_is_case_insensitive() {
    let mut harness = app_on(Some(fixture("kremlin_ru.txt")));
    find(&mut harness, "ВАРЕНГРАД");
    let results = harness.state().search().results().clone();
    assert!(results.hits.len() >= 3, "{results:?}");
    for hit in &results.hits {
        assert_eq!(hit.context.matched.to_lowercase(), "варенград");
    }
    harness.get_by_label(&format!("{} hits", results.hits.len()));
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(current_text(&harness), "Варенград");
}

#[test]
fn the_timeline_marks_photos_whose_caption_matches() {
    let mut harness = app_on(None);
    find(&mut harness, "restricted format");
    for n in 6..=10 {
        let label = format!("Photo {n}, caption matches the search");
        assert!(
            harness.query_by_label(&label).is_some()
                || harness.state().search().photo_matches(photo(&harness, n)),
            "photo {n} is marked"
        );
    }
    harness.get_by_role_and_label(Role::Button, "Photo 6, caption matches the search");
    harness.get_by_role_and_label(Role::Button, "Photo 1");
    assert!(!harness.state().search().photo_matches(photo(&harness, 1)));

    // Credits count too.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("danko".to_owned()));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Photo 2, caption matches the search");
    harness.get_by_role_and_label(Role::Button, "Photo 1");

    // Closing the search takes the marks away.
    harness
        .get_by_role_and_label(Role::Button, "Close search")
        .click();
    harness.run();
    assert!(!harness.state().search().is_open());
    harness.get_by_role_and_label(Role::Button, "Photo 2");
}

#[test]
fn search_and_the_participant_filter_combine() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();
    let bekov = person(&harness, "Nurlan Bekov");
    find(&mut harness, "flood");
    // Only his speech is shown: two of the nine hits are in it.
    harness.get_by_label("2 hits");
    harness.get_by_label("7 more hidden by the filter");
    for n in 1..=3 {
        harness.key_press(Key::Enter);
        harness.run();
        harness.get_by_label(&format!("{} of 2", (n - 1) % 2 + 1));
        let app = harness.state();
        let doc = app.document().expect("document");
        let Some(Item::Paragraph { speech, .. }) = app.selection().primary() else {
            panic!("a paragraph of his speech is selected");
        };
        assert_eq!(
            doc.transcript.speech(speech).map(|s| s.speaker),
            Some(bekov)
        );
        // Stepping keeps the filter.
        assert_eq!(app.selection().people(), &[bekov]);
    }
    // The bar's button lifts the filter: every hit is reachable again.
    harness
        .get_by_role_and_label(Role::Button, "Search all speeches")
        .click();
    harness.run();
    harness.get_by_label_contains(" of 9");
    assert_eq!(harness.state().search().hidden(), 0);
}

#[test]
fn escape_in_the_field_closes_search_and_keeps_the_selection() {
    let mut harness = app_on(None);
    find(&mut harness, "flood");
    harness.key_press(Key::Enter);
    harness.run();
    let selected = harness.state().selection().items().to_vec();
    assert!(!selected.is_empty());

    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().search().is_open());
    assert!(harness.query_by_label("Find").is_none());
    assert_eq!(harness.state().selection().items(), selected.as_slice());

    // Ctrl+F again brings the last query back, selected so typing replaces it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert_eq!(harness.state().search().query(), "flood");
    harness.event(egui::Event::Text("summit".to_owned()));
    harness.run();
    assert_eq!(harness.state().search().query(), "summit");

    // Escape once the field has let go of the keyboard clears the selection as before.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().selection().items().is_empty());
}

#[test]
fn edit_find_in_the_menu_opens_search() {
    let mut harness = app_on(None);
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Find…").click();
    harness.run();
    assert!(harness.state().search().is_open());
    assert!(harness.ctx.memory(|m| m.has_focus(field_id())));
    // The list toggle hides and shows the hits.
    harness.event(egui::Event::Text("union".to_owned()));
    harness.run();
    assert!(!list_rows(&harness).is_empty());
    harness.get_by_label("List").click();
    harness.run();
    assert!(!harness.state().search().list_shown());
    assert!(list_rows(&harness).is_empty());
}
