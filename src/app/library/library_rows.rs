//! Rows of the library panel's long lists (search hits across files, a person's speeches):
//! fixed-height rows of two painted lines, so the lists can be virtualised with
//! `ScrollArea::show_rows`, and one accessible name per row.

use egui::accesskit::Role;
use egui::text::LayoutJob;
use egui::{Color32, FontId, Response, Sense, TextFormat, Ui, Vec2};

use crate::app::interaction;

/// One row of a list grouped by file: the file's header, one of its listed items (a hit,
/// a speech), or a "N more" row when some were left out.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum GroupRow {
    /// The header of file group `0`.
    File(usize),
    /// Item `1` of file group `0`.
    Item(usize, usize),
    /// "N more" of file group `0`.
    More(usize),
}

/// The rows for groups given as (items listed, items in all), in order.
pub(crate) fn grouped_rows(groups: impl IntoIterator<Item = (usize, usize)>) -> Vec<GroupRow> {
    let mut rows = Vec::new();
    for (g, (listed, total)) in groups.into_iter().enumerate() {
        rows.push(GroupRow::File(g));
        rows.extend((0..listed).map(|i| GroupRow::Item(g, i)));
        if total > listed {
            rows.push(GroupRow::More(g));
        }
    }
    rows
}

/// The height of a two-line row.
pub(crate) fn row_height(ui: &Ui) -> f32 {
    2.0 * ui.text_style_height(&egui::TextStyle::Body) + 8.0
}

/// A group header: the file's title on the first line, `facts` (date, counts) on the second.
/// A button when `clickable`, else a label; `label` is its accessible name.
pub(crate) fn header_row(
    ui: &mut Ui,
    title: &str,
    facts: &str,
    label: &str,
    clickable: bool,
) -> Response {
    let sense = if clickable {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), row_height(ui)), sense);
    let role = if clickable { Role::Button } else { Role::Label };
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let v = ui.visuals();
    let fill = if clickable && response.hovered() {
        v.widgets.hovered.weak_bg_fill
    } else {
        v.faint_bg_color
    };
    ui.painter().rect_filled(rect, 3.0, fill);
    interaction::focus_ring(ui, &response);
    let width = rect.width() - 12.0;
    let strong = v.strong_text_color();
    let weak = v.weak_text_color();
    let top = interaction::galley(ui, title, FontId::proportional(14.0), strong, width, 1);
    let bottom = interaction::galley(ui, facts, FontId::proportional(11.0), weak, width, 1);
    let x = rect.left() + 6.0;
    let top_h = top.size().y;
    ui.painter()
        .galley(egui::pos2(x, rect.top() + 3.0), top, strong);
    ui.painter()
        .galley(egui::pos2(x, rect.top() + 5.0 + top_h), bottom, weak);
    response
}

/// An item of a group (a hit, a speech): `top` (small, strong) on the first line and `body`
/// on the second, indented under its header. Always a button named `label`.
pub(crate) fn item_row(ui: &mut Ui, top: &str, body: LayoutJob, label: &str) -> Response {
    let (rect, response) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), row_height(ui)),
        Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let v = ui.visuals();
    if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, v.widgets.hovered.weak_bg_fill);
    }
    interaction::focus_ring(ui, &response);
    let x = rect.left() + 16.0;
    let width = (rect.right() - x - 6.0).max(20.0);
    let strong = v.strong_text_color();
    let top = interaction::galley(ui, top, FontId::proportional(11.0), strong, width, 1);
    let top_h = top.size().y;
    ui.painter()
        .galley(egui::pos2(x, rect.top() + 3.0), top, strong);
    let mut body = body;
    body.wrap.max_width = width;
    body.wrap.max_rows = 1;
    body.wrap.break_anywhere = true;
    let body = ui.painter().layout_job(body);
    ui.painter().galley(
        egui::pos2(x, rect.top() + 5.0 + top_h),
        body,
        v.text_color(),
    );
    response
}

/// One line of plain text for [`item_row`].
pub(crate) fn plain(ui: &Ui, text: &str) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        TextFormat::simple(FontId::proportional(13.0), ui.visuals().text_color()),
    );
    job
}

/// A match in its context for [`item_row`]: the match on the search hit colour, the text
/// before it cut from the front so the match stays in sight.
pub(crate) fn in_context(ui: &Ui, before: &str, matched: &str, after: &str) -> LayoutJob {
    let v = ui.visuals();
    let font = FontId::proportional(13.0);
    let before = crate::format::shorten_front(before, 36);
    let mut job = LayoutJob::default();
    job.append(
        &before,
        0.0,
        TextFormat::simple(font.clone(), v.weak_text_color()),
    );
    job.append(
        matched,
        0.0,
        TextFormat {
            background: crate::app::search::marks::hit_color(ui),
            ..TextFormat::simple(font.clone(), v.strong_text_color())
        },
    );
    job.append(after, 0.0, TextFormat::simple(font, v.text_color()));
    job
}

/// The colour of a note under a list ("3 more in this file").
pub(crate) fn note_color(ui: &Ui) -> Color32 {
    ui.visuals().weak_text_color()
}
