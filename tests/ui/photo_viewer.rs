//! The photo viewer and the thumbnails, driven through the real app: opening a photo large,
//! stepping through photos with the panels following, closing; cards for bad images.

use crate::common;

use std::path::Path;

use common::{app_on, photo, wait_for_thumbnails};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stenogram::app::photos::photo_viewer::Zoom;
use stenogram::app::photos::thumbnails::PhotoState;
use stenogram::app::{Highlight, Item, StenogramApp};

/// Clicks at a point of the window (for the thumbnail part of a card).
fn click_at(harness: &mut Harness<'_, StenogramApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

/// The reader row where photo `number` stands.
fn photo_row(harness: &Harness<'_, StenogramApp>, number: u32) -> Option<usize> {
    let id = photo(harness, number);
    let doc = harness.state().document()?;
    doc.index.photo_row.get(id.index()).copied().flatten()
}

#[test]
fn enter_opens_the_viewer_and_arrows_keep_every_panel_in_sync() {
    let mut harness = app_on(None);
    harness
        .get_by_role_and_label(Role::Button, "Photo 3")
        .focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    let three = photo(&harness, 3);
    let app = harness.state();
    assert!(app.photo_viewer().is_open());
    assert_eq!(app.photo_viewer().photo(), Some(three));
    assert_eq!(app.selection().items(), &[Item::Photo(three)]);
    assert_eq!(app.reader().last_target(), photo_row(&harness, 3));
    harness.get_by_label("3 of 14");
    // The caption and the people it pictures are in the viewer.
    harness.get_by_label("With President of Sevrania Nurlan Bekov before the Council meeting.");
    harness.get_by_label("Pictured:");

    harness.key_press(Key::ArrowRight);
    harness.run();
    let four = photo(&harness, 4);
    let app = harness.state();
    assert_eq!(app.selection().items(), &[Item::Photo(four)]);
    assert_eq!(app.photo_viewer().photo(), Some(four));
    assert_eq!(app.highlight(Item::Photo(four)), Highlight::Selected);
    assert_eq!(app.reader().last_target(), photo_row(&harness, 4));
    assert_ne!(photo_row(&harness, 4), photo_row(&harness, 3));
    harness.get_by_label("4 of 14");

    harness.key_press(Key::ArrowLeft);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    let two = photo(&harness, 2);
    assert_eq!(harness.state().selection().items(), &[Item::Photo(two)]);

    // Escape closes the viewer and only that: the photo stays selected.
    harness.key_press(Key::Escape);
    harness.run();
    let app = harness.state();
    assert!(!app.photo_viewer().is_open());
    assert_eq!(app.selection().items(), &[Item::Photo(two)]);
    assert!(harness.query_by_label("2 of 14").is_none());
}

#[test]
fn a_click_on_a_thumbnail_opens_the_viewer_whose_buttons_work() {
    let mut harness = app_on(None);
    let card = harness
        .get_by_role_and_label(Role::Button, "Photo 1")
        .rect();
    // The thumbnail sits at the left of the card.
    click_at(&mut harness, card.left_center() + egui::vec2(40.0, 0.0));
    let one = photo(&harness, 1);
    assert_eq!(harness.state().photo_viewer().photo(), Some(one));
    assert!(harness.state().photo_viewer().is_open());

    // At the first photo there is no previous one; "Next" moves on.
    harness
        .get_by_role_and_label(Role::Button, "Previous")
        .click();
    harness.run();
    assert_eq!(harness.state().selection().items(), &[Item::Photo(one)]);
    harness.get_by_role_and_label(Role::Button, "Next").click();
    harness.run();
    let two = photo(&harness, 2);
    assert_eq!(harness.state().selection().items(), &[Item::Photo(two)]);

    harness.get_by_role_and_label(Role::Button, "100%").click();
    harness.run();
    assert_eq!(harness.state().photo_viewer().zoom(), Zoom::Actual);
    harness.key_press(Key::Z);
    harness.run();
    assert_eq!(harness.state().photo_viewer().zoom(), Zoom::Fit);
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(harness.state().photo_viewer().zoom(), Zoom::Actual);
    harness.get_by_role_and_label(Role::Button, "Fit").click();
    harness.run();
    assert_eq!(harness.state().photo_viewer().zoom(), Zoom::Fit);

    // Photo 2 pictures Andrei Velsky: his chip (below the photo, so the lowest button of
    // that name) selects him, and the viewer stays on the photo.
    let chip = harness
        .query_all_by_role_and_label(Role::Button, "Andrei Velsky")
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .map(|node| node.rect().center());
    click_at(&mut harness, chip.unwrap_or_else(|| panic!("no chip")));
    let app = harness.state();
    let velsky = common::person(&harness, "Andrei Velsky");
    assert_eq!(app.selection().people(), &[velsky]);
    assert_eq!(app.photo_viewer().photo(), Some(two));
    assert!(app.photo_viewer().is_open());

    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    assert!(!harness.state().photo_viewer().is_open());
}

#[test]
fn the_sample_shows_real_thumbnails() {
    let mut harness = app_on(None);
    wait_for_thumbnails(&mut harness);
    let one = photo(&harness, 1);
    match harness.state().thumbnails().peek(one) {
        Some(PhotoState::Ready { size, .. }) => assert!(size.x >= 96.0 && size.y >= 72.0),
        other => panic!("{other:?}"),
    }
}

fn write_image(path: &Path, format: image::ImageFormat) {
    let image = image::RgbImage::from_pixel(64, 48, image::Rgb([40, 120, 200]));
    image
        .save_with_format(path, format)
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn bad_images_give_cards_that_say_why() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let transcript = dir.path().join("event.txt");
    std::fs::write(
        &transcript,
        "Meeting of the River Council – 2 May 2024, 10:00, Varengrad\n\n\
         1 The council in session. Photo: Test Photographer\n\n\
         The council met to discuss the spring floods.\n\n\
         2 The chair opens the meeting. Photo: Test Photographer\n\n\
         The chair thanked the members for coming.\n\n\
         3 The members after the vote. Photo: Test Photographer\n\n\
         The meeting ended at noon.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let photos = dir.path().join("event");
    std::fs::create_dir(&photos).unwrap_or_else(|e| panic!("{e}"));
    write_image(&photos.join("1.png"), image::ImageFormat::Png);
    // A "JPEG" that is a saved web page; and no file at all for photo 3.
    std::fs::write(photos.join("2.jpg"), b"<html>not found</html>")
        .unwrap_or_else(|e| panic!("{e}"));

    let mut harness = app_on(Some(transcript));
    wait_for_thumbnails(&mut harness);
    let app = harness.state();
    let doc = app.document().unwrap_or_else(|| panic!("no document"));
    assert_eq!(
        doc.transcript.photos.len(),
        3,
        "{:?}",
        doc.transcript.photos
    );
    let state = |n: u32| app.thumbnails().peek(photo(&harness, n));
    assert!(
        matches!(state(1), Some(PhotoState::Ready { .. })),
        "{:?}",
        state(1)
    );
    assert_eq!(
        state(2),
        Some(PhotoState::Failed("unsupported image format".to_owned()))
    );
    assert_eq!(
        state(3),
        Some(PhotoState::Failed("image missing".to_owned()))
    );
    // The captions are still there, on every card.
    for n in 1..=3 {
        harness.get_by_role_and_label(Role::Button, &format!("Photo {n}"));
    }
}

#[test]
fn a_dropped_folder_of_images_becomes_the_transcripts_photos() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let image = image::RgbImage::from_pixel(64, 48, image::Rgb([200, 40, 40]));
    image
        .save_with_format(dir.path().join("photo-01.png"), image::ImageFormat::Png)
        .unwrap_or_else(|e| panic!("{e}"));

    let mut harness = app_on(None);
    common::drop_file(&mut harness, dir.path());
    wait_for_thumbnails(&mut harness);
    let app = harness.state();
    // Still the same document, now with the dropped folder's image for photo 1 only.
    assert!(app.error().is_none(), "{:?}", app.error());
    assert_eq!(app.thumbnails().files().folder.as_deref(), Some(dir.path()));
    match app.thumbnails().peek(photo(&harness, 1)) {
        Some(PhotoState::Ready { original, .. }) => assert_eq!(original, [64, 48]),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        app.thumbnails().peek(photo(&harness, 2)),
        Some(PhotoState::Failed("image missing".to_owned()))
    );
    // Remembered for this transcript in the persisted state.
    let saved = serde_json::to_string(app).unwrap_or_default();
    assert!(saved.contains(&*dir.path().to_string_lossy()), "{saved}");
}

#[test]
fn a_json_image_path_outside_its_folder_gets_a_card_not_a_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let inner = dir.path().join("saved");
    std::fs::create_dir(&inner).unwrap_or_else(|e| panic!("{e}"));
    write_image(&dir.path().join("secret.png"), image::ImageFormat::Png);
    write_image(&inner.join("ok.png"), image::ImageFormat::Png);
    let photo = |i: usize, image: &str| stenogram::model::Photo {
        id: stenogram::model::PhotoId::from(i),
        number: i as u32 + 1,
        of: None,
        caption: format!("Caption of photo {}", i + 1),
        credit: None,
        participants: Vec::new(),
        image: Some(image.to_owned()),
    };
    let transcript = stenogram::Transcript {
        title: "Saved with images".to_owned(),
        language: "en".to_owned(),
        photos: vec![photo(0, "../secret.png"), photo(1, "ok.png")],
        blocks: (0..2)
            .map(|i| stenogram::model::Block {
                line: 0,
                kind: stenogram::model::BlockKind::Photo {
                    photo: stenogram::model::PhotoId::from(i),
                },
            })
            .collect(),
        ..stenogram::Transcript::default()
    };
    let json = inner.join("event.json");
    std::fs::write(&json, stenogram::export::to_json(&transcript))
        .unwrap_or_else(|e| panic!("{e}"));

    let mut harness = app_on(Some(json));
    wait_for_thumbnails(&mut harness);
    let app = harness.state();
    assert!(app.error().is_none(), "{:?}", app.error());
    assert_eq!(
        app.thumbnails().peek(photo_id(0)),
        Some(PhotoState::Failed(
            "image path outside the transcript's folder".to_owned()
        ))
    );
    assert!(matches!(
        app.thumbnails().peek(photo_id(1)),
        Some(PhotoState::Ready { .. })
    ));
}

fn photo_id(index: usize) -> stenogram::model::PhotoId {
    stenogram::model::PhotoId::from(index)
}
