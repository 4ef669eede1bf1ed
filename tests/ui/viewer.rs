//! The viewer driven through its accessibility tree: the sample opens, and the sidebar, the
//! reader and the timeline follow one selection.

use crate::common;

use common::{app_on, person, photo, wheel};
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::{Highlight, Item};

/// Labels of the speech headers the reader shows right now.
fn speech_headers(
    harness: &egui_kittest::Harness<'_, stenogram::app::StenogramApp>,
) -> Vec<String> {
    harness
        .query_all(By::new().role(Role::Heading).label_contains("speech "))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

#[test]
fn the_sample_opens_with_its_header_people_and_photos() {
    let harness = app_on(None);
    let app = harness.state();
    assert_eq!(app.window_title(), "Stenogram — sample.txt");
    assert_eq!(
        app.document().map(|d| d.title()),
        Some("Summit of the Northern Rivers Union")
    );
    assert!(app.error().is_none());
    harness.get_by_label("14 March 2024  ·  11:30  ·  Varengrad  ·  English");
    harness.get_by_role_and_label(Role::Link, "Source page");
    // Speakers in order of first appearance, and the people who only appear in lists.
    for name in [
        "Andrei Velsky",
        "Nurlan Bekov",
        "Daria Malinova",
        "Ilyas Karimov",
    ] {
        harness.get_by_role_and_label(Role::Button, name);
    }
    harness.get_by_label("Listed or pictured");
    let velsky = harness.get_by_role_and_label(Role::Button, "Andrei Velsky");
    assert_eq!(
        velsky.accesskit_node().description().as_deref(),
        // Photo 2 names him; photos 3 and 4 ("With President of …") picture him beside
        // his guests on his own page.
        Some("President of Orlavia; 2 speeches · 3 photos")
    );
    // The reader starts at the title, with the first photo markers in place.
    harness.get_by_label_contains("📷 1 ·");
    // The timeline starts with photo 1, and the reader is at its top.
    harness.get_by_role_and_label(Role::Button, "Photo 1");
    assert_eq!(app.timeline().here(), Some(0));
}

#[test]
fn choosing_a_person_filters_the_reader_and_marks_their_photos() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();

    let bekov = person(&harness, "Nurlan Bekov");
    assert_eq!(harness.state().selection().people(), &[bekov]);
    harness.get_by_label_contains("1 of 6 speeches");
    harness.get_by_role_and_label(Role::Button, "Show all");
    let headers = speech_headers(&harness);
    assert_eq!(headers.len(), 1, "{headers:?}");
    assert!(headers[0].starts_with("Nurlan Bekov, President of Sevrania, speech 1 of 1"));
    // Photo 9 stands inside his speech; photo 8 stands before it.
    harness.get_by_label_contains("📷 9 ·");
    assert!(harness.query_by_label_contains("📷 8 ·").is_none());

    // The timeline marks the photos that picture him and dims the others.
    harness.get_by_role_and_label(Role::Button, "Photo 3, pictures selected person");
    let app = harness.state();
    assert!(app.view().is_marked(photo(&harness, 9)));
    assert!(!app.view().is_marked(photo(&harness, 4)));
    assert_eq!(
        app.highlight(Item::Photo(photo(&harness, 4))),
        Highlight::Dimmed
    );
    assert_eq!(app.highlight(Item::Participant(bekov)), Highlight::Selected);
}

#[test]
fn ctrl_click_adds_and_removes_people() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Daria Malinova")
        .click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    let (bekov, malinova) = (
        person(&harness, "Nurlan Bekov"),
        person(&harness, "Daria Malinova"),
    );
    assert_eq!(harness.state().selection().people(), &[bekov, malinova]);
    harness.get_by_label_contains("3 of 6 speeches");
    assert!(harness.state().view().is_marked(photo(&harness, 4)));

    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().selection().people(), &[malinova]);
    harness.get_by_label_contains("2 of 6 speeches");
    assert!(!harness.state().view().is_marked(photo(&harness, 3)));
}

#[test]
fn choosing_a_photo_scrolls_the_reader_to_it_and_marks_its_people() {
    let mut harness = app_on(None);
    // Photo 11 is further down the timeline: scroll to it first.
    let card = harness
        .get_by_role_and_label(Role::Button, "Photo 2")
        .rect()
        .center();
    wheel(&mut harness, card, 700.0);
    harness
        .get_by_role_and_label(Role::Button, "Photo 11")
        .click();
    harness.run();

    let p11 = photo(&harness, 11);
    let app = harness.state();
    assert_eq!(app.selection().items(), &[Item::Photo(p11)]);
    let doc = app.document().expect("document");
    assert_eq!(app.reader().last_target(), doc.index.photo_row[p11.index()]);
    // The marker is on screen now, and the people the caption names are marked.
    harness.get_by_label_contains("📷 11 ·");
    for name in ["Oleg Kravets", "Pavel Sorokin"] {
        assert_eq!(
            app.highlight(Item::Participant(person(&harness, name))),
            Highlight::Related,
            "{name}"
        );
    }
    assert_eq!(
        app.highlight(Item::Participant(person(&harness, "Nurlan Bekov"))),
        Highlight::Normal
    );
}

#[test]
fn a_photo_outside_the_filter_says_so_and_show_all_goes_there() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Andrei Velsky")
        .click();
    harness.run();
    harness.get_by_label_contains("2 of 6 speeches");
    harness
        .get_by_role_and_label(Role::Button, "Photo 1")
        .click();
    harness.run();
    harness.get_by_label("Photo 1 is outside the current filter");
    assert!(harness.query_by_label_contains("📷 1 ·").is_none());

    harness
        .get_by_role_and_label(Role::Button, "Show all")
        .click();
    harness.run();
    let p1 = photo(&harness, 1);
    let app = harness.state();
    assert!(!app.view().is_filtered());
    assert_eq!(app.selection().items(), &[Item::Photo(p1)]);
    // Velsky stays chosen: his photo stays marked and his mentions stay highlighted.
    let velsky = person(&harness, "Andrei Velsky");
    assert_eq!(app.selection().people(), &[velsky]);
    assert!(app.view().is_marked(photo(&harness, 2)));
    assert!(!app.view().mentions.is_empty());
    assert_eq!(
        app.reader().last_target(),
        app.document().expect("document").index.photo_row[p1.index()]
    );
    harness.get_by_label_contains("📷 1 ·");
}

#[test]
fn hovering_relates_items_in_the_other_panels_without_scrolling() {
    let mut harness = app_on(None);
    let top = harness.state().reader().top_row();
    harness
        .get_by_role_and_label(Role::Button, "Daria Malinova")
        .hover();
    harness.run();
    let app = harness.state();
    assert!(app.selection().items().is_empty());
    assert_eq!(
        app.highlight(Item::Photo(photo(&harness, 4))),
        Highlight::Hovered
    );
    assert_eq!(
        app.highlight(Item::Photo(photo(&harness, 3))),
        Highlight::Normal
    );
    assert_eq!(app.reader().top_row(), top);

    harness
        .get_by_role_and_label(Role::Button, "Photo 3")
        .hover();
    harness.run();
    let bekov = person(&harness, "Nurlan Bekov");
    assert_eq!(
        harness.state().highlight(Item::Participant(bekov)),
        Highlight::Hovered
    );
    assert_eq!(harness.state().reader().top_row(), top);
}

#[test]
fn back_and_forward_walk_through_selections() {
    let mut harness = app_on(None);
    let bekov = person(&harness, "Nurlan Bekov");
    let p3 = photo(&harness, 3);
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Photo 3, pictures selected person")
        .click();
    harness.run();
    assert_eq!(harness.state().selection().items(), &[Item::Photo(p3)]);

    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(
        harness.state().selection().items(),
        &[Item::Participant(bekov)]
    );
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().selection().items(), &[Item::Photo(p3)]);

    // The mouse's back button does the same.
    let pos = harness
        .get_by_label_contains("1 of 6 speeches")
        .rect()
        .center();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Extra1,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(
        harness.state().selection().items(),
        &[Item::Participant(bekov)]
    );
}

#[test]
fn escape_and_all_clear_the_selection() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Ilyas Karimov")
        .click();
    harness.run();
    assert!(harness.state().view().is_filtered());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().selection().people().is_empty());
    assert!(!harness.state().view().is_filtered());

    harness
        .get_by_role_and_label(Role::Button, "Ilyas Karimov")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "All").click();
    harness.run();
    assert!(harness.state().selection().items().is_empty());
    assert!(harness.query_by_label_contains("of 6 speeches").is_none());
}

#[test]
fn clicking_a_paragraph_marks_its_speaker_and_finds_the_photo_before_it() {
    let mut harness = app_on(None);
    // Go to Karimov's speech, then clear the selection: the reader keeps its place.
    harness
        .get_by_role_and_label(Role::Button, "Ilyas Karimov")
        .click();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    let top = harness.state().reader().top_row();
    harness.get_by_label_contains("I will be brief").click();
    harness.run();
    // The paragraph was on screen: the reader does not jump.
    assert_eq!(harness.state().reader().top_row(), top);

    let karimov = person(&harness, "Ilyas Karimov");
    let app = harness.state();
    assert!(matches!(app.selection().items(), [Item::Paragraph { .. }]));
    assert_eq!(
        app.highlight(Item::Participant(karimov)),
        Highlight::Related
    );
    // The timeline scrolled to the last photo before that paragraph: photo 12.
    harness.get_by_role_and_label(Role::Button, "Photo 12");
}

#[test]
fn scrolling_the_reader_moves_the_you_are_here_marker() {
    let mut harness = app_on(None);
    assert_eq!(harness.state().timeline().here(), Some(0));
    let pos = harness.get_by_label_contains("📷 1 ·").rect().center();
    wheel(&mut harness, pos, 1500.0);
    let app = harness.state();
    let here = app.timeline().here().expect("marker");
    assert!(here > 2, "marker at {here}");
    assert!(app.top_block().is_some_and(|b| b > 5));
}
