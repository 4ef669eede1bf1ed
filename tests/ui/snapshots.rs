//! Image snapshots of the main view, light and dark, with one person chosen so that the
//! filter bar, the marked photos and the dimmed ones all show. Regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test --features snapshots --test ui snapshots::`.

use crate::common;

use common::{app_sized, wait_for_thumbnails};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

fn main_view(theme: egui::Theme, name: &str) {
    let mut harness = app_sized(None, egui::vec2(1024.0, 640.0), theme);
    harness
        .get_by_role_and_label(Role::Button, "Nurlan Bekov")
        .click();
    harness.run();
    // Park the pointer where it hovers nothing, so no hover highlight shows.
    harness.remove_cursor();
    wait_for_thumbnails(&mut harness);
    harness.snapshot(name);
}

#[test]
fn main_view_dark() {
    main_view(egui::Theme::Dark, "main_view_dark");
}

#[test]
fn main_view_light() {
    main_view(egui::Theme::Light, "main_view_light");
}
