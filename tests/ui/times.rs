//! A timed document (WebVTT) in the window: times at the speech headers, the time axis
//! over the photo timeline, and speaking time in the statistics.

use crate::common;

use std::path::PathBuf;

use common::app_on;
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT as _, Queryable};
use stenogram::app::Item;

fn meeting() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/council_meeting.vtt")
}

#[test]
fn a_subtitle_file_shows_times_at_speeches_on_an_axis_and_in_statistics() {
    let mut harness = app_on(Some(meeting()));
    let doc = harness.state().document().expect("the subtitles open");
    assert_eq!(doc.transcript.speeches.len(), 3);

    // The reader's speech headers say when each speech starts.
    harness.get_by_label_contains("Tomas Brandt, 00:00:16 · speech");
    harness.get_by_label_contains("Chair Ilse Varga, 00:00:30 · speech");

    // The time axis spans the recording; a click on it selects the speech at that time.
    let rect = harness
        .get_by_label("Time axis, 00:00:00 to 00:01:02")
        .rect();
    let at = egui::pos2(rect.left() + rect.width() * 0.3, rect.top() + 8.0);
    harness.hover_at(at);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    let brandt = stenogram::model::SpeechId(1);
    assert_eq!(
        harness.state().selection().primary(),
        Some(Item::Speech(brandt)),
        "0.3 of 62.75 s is 18.8 s, inside Tomas Brandt's speech"
    );

    // Statistics add the speaking time.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Statistics").click();
    harness.run();
    let rows: Vec<String> = harness
        .query_all(By::new().role(Role::Button).label_contains(" words, "))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Tomas Brandt:") && r.contains("speaks 14 s")),
        "{rows:?}"
    );
    harness.get_by_label("Speaking time");
}
