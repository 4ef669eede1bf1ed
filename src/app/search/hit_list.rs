//! The list of hits under the search bar: one line per reachable hit, where it is and the
//! match in its context.

use egui::accesskit::Role;
use egui::text::LayoutJob;
use egui::{Color32, FontId, Id, ScrollArea, Sense, TextFormat, Ui, Vec2};

use super::marks::hit_color;
use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::interaction;
use crate::format::shorten_front;
use crate::search::{self, Hit};

/// Height of one row in the list of hits.
const HIT_ROW: f32 = 24.0;
/// The list of hits shows at most this many rows before it scrolls.
const LIST_ROWS: f32 = 6.0;
/// Characters of context shown before a match in the list (the match must stay visible).
const LIST_BEFORE_CHARS: usize = 40;

/// context. Virtualised; scrolls to the current hit when it changes.
pub fn ui(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let state = cx.search;
    let reachable = state.reachable();
    let current_pos = state.current_position().map(|p| p - 1);
    let spacing = ui.spacing().item_spacing.y;
    let max_height = (HIT_ROW + spacing) * LIST_ROWS;
    let mut area = ScrollArea::vertical()
        .id_salt("search_hits")
        .max_height(max_height)
        .auto_shrink([false, true]);
    let seen_key = Id::unique("stenogram_search_list_current");
    let seen: Option<Option<usize>> = ui.data(|d| d.get_temp(seen_key));
    if seen != Some(current_pos) {
        ui.data_mut(|d| d.insert_temp(seen_key, current_pos));
        if let Some(p) = current_pos {
            let y = p as f32 * (HIT_ROW + spacing) - (max_height - HIT_ROW) / 2.0;
            area = area.vertical_scroll_offset(y.max(0.0));
        }
    }
    area.show_rows(ui, HIT_ROW, reachable.len(), |ui, range| {
        for pos in range {
            let Some(&index) = reachable.get(pos) else {
                continue;
            };
            if let Some(hit) = state.results().hits.get(index) {
                hit_row(ui, cx, hit, index, current_pos == Some(pos), commands);
            }
        }
    });
}

/// One hit of the list: its place on the left, the match in its context on the right.
fn hit_row(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    hit: &Hit,
    index: usize,
    current: bool,
    commands: &mut Vec<Command>,
) {
    let t = &cx.doc.transcript;
    let mut place = search::place_label(t, hit.place);
    // The document-wide paragraph number, the same one citations and notes show.
    if let Some(n) = hit
        .place
        .text_ref()
        .and_then(|at| cx.annotations.number(at))
    {
        place.push_str(&format!(" ¶ {n}"));
    }
    let c = &hit.context;
    let before = shorten_front(&c.before, LIST_BEFORE_CHARS);
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(ui.available_width(), HIT_ROW), Sense::click());
    let label = format!("{place}: {}{}{}", c.before, c.matched, c.after);
    response.widget_info(|| egui::WidgetInfo::selected(Role::ListItem, true, current, &label));
    if response.clicked() {
        commands.push(Command::GoToHit(index));
    }
    if !ui.is_rect_visible(rect) {
        return;
    }
    let v = ui.visuals();
    let fill = if current {
        v.selection.bg_fill.gamma_multiply(0.55)
    } else if response.hovered() {
        v.widgets.hovered.weak_bg_fill
    } else {
        Color32::TRANSPARENT
    };
    ui.painter().rect_filled(rect, 4.0, fill);
    interaction::focus_ring(ui, &response);

    let strong = v.strong_text_color();
    let weak = v.weak_text_color();
    let text = v.text_color();
    let place_w = (rect.width() * 0.28).clamp(80.0, 170.0);
    let small = FontId::proportional(12.0);
    let place_g = interaction::galley(ui, &place, small, strong, place_w - 8.0, 1);
    let y = rect.center().y;
    let place_h = place_g.size().y;
    ui.painter().galley(
        egui::pos2(rect.left() + 6.0, y - place_h / 2.0),
        place_g,
        strong,
    );

    let font = FontId::proportional(13.0);
    let mut job = LayoutJob::default();
    job.wrap.max_width = (rect.width() - place_w - 10.0).max(20.0);
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job.append(&before, 0.0, TextFormat::simple(font.clone(), weak));
    job.append(
        &c.matched,
        0.0,
        TextFormat {
            background: hit_color(ui),
            ..TextFormat::simple(font.clone(), strong)
        },
    );
    job.append(&c.after, 0.0, TextFormat::simple(font, text));
    let g = ui.painter().layout_job(job);
    let h = g.size().y;
    ui.painter()
        .galley(egui::pos2(rect.left() + place_w, y - h / 2.0), g, text);
}
