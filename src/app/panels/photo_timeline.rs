//! The photo-caption timeline: one card per photo in number order, marked when it pictures
//! a chosen person, with a "you are here" marker that follows the reader. A document with
//! times gets a time axis above the cards (`time_axis.rs`); the cards keep their order.
//!
//! Layout choice: a column on the right, not a strip along the bottom. Cards hold a
//! thumbnail beside a three-line caption, which reads well as a vertical list; a bottom
//! strip would leave the reader only ~500 px of height at 1280×800 and crop captions to a
//! line or two. At 1920×1080 the column keeps the reader's 70-character column centred
//! with room to spare.

use egui::accesskit::Role;
use egui::text::LayoutJob;
use egui::{FontId, Rect, ScrollArea, Sense, Stroke, TextFormat, Ui, Vec2};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::highlight::Highlight;
use crate::app::interaction::{self, interact};
use crate::app::search::marks;
use crate::app::selection::Item;
use crate::app::virtual_rows::{Offsets, scroll_into_view};
use crate::model::{Photo, PhotoId};
use crate::search::Place;

/// Every card has this height, so the list needs no measuring.
const CARD_HEIGHT: f32 = 90.0;
/// Space between cards; the "you are here" marker sits in it.
const GAP: f32 = 12.0;
/// The thumbnail area on each card.
const THUMB: Vec2 = Vec2::new(96.0, 72.0);

/// The timeline's own state.
#[derive(Debug, Default)]
pub struct PhotoTimeline {
    offsets: Offsets,
    built_for: Option<u64>,
    last_view: Option<std::ops::Range<f32>>,
    here: Option<usize>,
}

impl PhotoTimeline {
    /// Forgets the previous document.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Where the "you are here" marker stands: before the card at this timeline position
    /// (the number of cards when it stands after the last one).
    pub fn here(&self) -> Option<usize> {
        self.here
    }

    /// Draws the timeline.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        let ix = &cx.doc.index;
        ui.add_space(6.0);
        super::time_axis::time_axis(ui, cx, commands);
        ui.horizontal(|ui| {
            ui.heading("Photos");
            ui.weak(format!("{}", ix.timeline.len()));
        });
        ui.add_space(4.0);
        if ix.timeline.is_empty() {
            ui.weak("This document has no photo captions.");
            return;
        }
        if self.built_for != Some(cx.doc_generation) {
            self.offsets = Offsets::from_heights(ix.timeline.iter().map(|_| CARD_HEIGHT), GAP);
            self.built_for = Some(cx.doc_generation);
        }

        // "You are here": before the first photo at or after the reader's top row.
        self.here = cx.reader_top_row.map(|top| {
            ix.timeline
                .iter()
                .position(|ph| {
                    ix.photo_row
                        .get(ph.index())
                        .copied()
                        .flatten()
                        .is_some_and(|r| r >= top)
                })
                .unwrap_or(ix.timeline.len())
        });

        let mut area = ScrollArea::vertical()
            .id_salt("timeline")
            .auto_shrink([false, false]);
        if cx.selection.scroll_request()
            && let Some(target) = self.target(cx)
            && let Some(view) = self.last_view.clone()
            && let Some(y) = scroll_into_view(&self.offsets, target, view, GAP)
        {
            area = area.vertical_scroll_offset(y);
            // egui clamps a jump past the end on the next frame: let that frame come now.
            ui.ctx().request_repaint();
        }
        area.show_viewport(ui, |ui, viewport| {
            ui.set_height(self.offsets.total());
            self.last_view = Some(viewport.min.y..viewport.max.y);
            let origin = ui.max_rect().min;
            let width = ui.max_rect().width() - 6.0;
            for pos in self.offsets.visible(viewport.min.y, viewport.max.y) {
                let Some(photo) = ix
                    .timeline
                    .get(pos)
                    .and_then(|id| cx.doc.transcript.photo(*id))
                else {
                    continue;
                };
                let top = origin.y + self.offsets.top(pos);
                let rect =
                    Rect::from_min_size(egui::pos2(origin.x, top), Vec2::new(width, CARD_HEIGHT));
                card(ui, rect, cx, photo, commands);
            }
            if let Some(here) = self.here {
                let y = origin.y + self.offsets.top(here) - GAP / 2.0;
                here_marker(ui, origin.x, width, y.max(origin.y + 2.0));
            }
        });
    }

    /// The card to bring into view after a selection change.
    fn target(&self, cx: &PanelContext<'_>) -> Option<usize> {
        let ix = &cx.doc.index;
        let photo: PhotoId = match cx.selection.primary()? {
            Item::Participant(_) => cx.view.first_marked_photo?,
            Item::Photo(ph) => ph,
            item => {
                // The last photo before that point of the text.
                let row = ix.row_of(item)?;
                ix.photo_before_row.get(row).copied().flatten()?
            }
        };
        ix.timeline_pos.get(photo.index()).copied()
    }
}

/// The thumbnail area of a card, filling exactly `size`: the photo, or a box saying it is
/// loading, missing or unreadable (see `thumbnails.rs`).
pub fn thumbnail_area(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    photo: &Photo,
    size: Vec2,
) -> egui::Response {
    crate::app::photos::thumbnails::thumbnail_ui(ui, cx.thumbnails, photo, size)
}

/// The accessible name of a card: tests and screen readers learn from it whether the
/// photo pictures a chosen person.
pub fn card_label(photo: &Photo, marked: bool) -> String {
    if marked {
        format!("Photo {}, pictures selected person", photo.number)
    } else {
        format!("Photo {}", photo.number)
    }
}

fn card(
    ui: &mut Ui,
    rect: Rect,
    cx: &PanelContext<'_>,
    photo: &Photo,
    commands: &mut Vec<Command>,
) {
    let item = Item::Photo(photo.id);
    let level = cx.highlight(item);
    let marked = cx.view.is_marked(photo.id);
    let response = ui.interact(
        rect,
        ui.scope_id().with(("photo", photo.id)),
        Sense::click(),
    );
    let matches = cx.search.photo_matches(photo.id);
    let mut label = card_label(photo, marked);
    if matches {
        label.push_str(", caption matches the search");
    }
    // A correction changed who is pictured: marked, so nobody takes it for the source.
    let corrected = cx.doc.corrected.photos.contains(&photo.id);
    if corrected {
        label.push_str(", people corrected");
    }
    response.widget_info(|| {
        egui::WidgetInfo::selected(Role::Button, true, level == Highlight::Selected, &label)
    });
    interact(ui, &response, item, commands);
    crate::app::windows::citations::photo_menu(&response, item, commands);
    let mut description = match &photo.credit {
        Some(credit) => format!("{} Photo: {credit}", photo.caption),
        None => photo.caption.clone(),
    };
    // With a parallel version open, the photo with the same number there gives its caption.
    let other = cx
        .parallel
        .and_then(|p| p.caption_counterpart(photo.number));
    if let Some(other) = other {
        description = format!("{description} In the parallel version: {other}");
    }
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_description(description));
    if !ui.is_rect_visible(rect) {
        return;
    }

    let v = ui.visuals();
    let shown = interaction::shown(&response, level);
    let fill = match shown {
        Highlight::Normal | Highlight::Dimmed => v.faint_bg_color,
        other => interaction::fill(ui, other),
    };
    let stroke = match level {
        Highlight::Selected => Stroke::new(2.5, v.selection.stroke.color),
        Highlight::Related => Stroke::new(2.0, v.selection.bg_fill),
        _ => v.widgets.noninteractive.bg_stroke,
    };
    ui.painter().rect_filled(rect, 6.0, fill);
    ui.painter()
        .rect_stroke(rect, 6.0, stroke, egui::StrokeKind::Inside);
    interaction::focus_ring(ui, &response);
    crate::app::windows::citations::note_mark(ui, cx, rect, item);

    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink(8.0)));
    if level == Highlight::Dimmed {
        child.multiply_opacity(0.4);
    }
    let inner = child.max_rect();
    let thumb_rect = Rect::from_min_size(
        egui::pos2(inner.left(), inner.center().y - THUMB.y / 2.0),
        THUMB,
    );
    let mut thumb_ui = child.new_child(egui::UiBuilder::new().max_rect(thumb_rect));
    thumbnail_area(&mut thumb_ui, cx, photo, THUMB);
    if matches {
        marks::paint_card_match(ui, rect, thumb_rect);
    }
    // A click on the thumbnail, a double-click anywhere, or Enter opens the photo large.
    let on_thumb = response.clicked()
        && response
            .interact_pointer_pos()
            .is_some_and(|p| thumb_rect.contains(p));
    let enter = response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if on_thumb || enter || response.double_clicked() {
        commands.push(Command::OpenPhotoViewer(photo.id));
    }

    let text_left = thumb_rect.right() + 10.0;
    let text_width = (inner.right() - text_left).max(20.0);
    let strong = child.visuals().strong_text_color();
    let text_color = child.visuals().text_color();
    let weak = child.visuals().weak_text_color();
    let mut job = LayoutJob::default();
    job.wrap.max_width = text_width;
    job.wrap.max_rows = 3;
    let pencil = crate::app::corrections::window::PENCIL;
    let number = match corrected {
        true => format!("{} {pencil}  ", photo.number),
        false => format!("{}  ", photo.number),
    };
    job.append(
        &number,
        0.0,
        TextFormat::simple(FontId::proportional(14.0), strong),
    );
    marks::append_marked(
        &mut job,
        &child,
        cx,
        Place::Caption { photo: photo.id },
        &photo.caption,
        &TextFormat::simple(FontId::proportional(13.0), text_color),
        None,
        None,
    );
    let caption = child.painter().layout_job(job);
    let elided = caption.elided;
    child
        .painter()
        .galley(egui::pos2(text_left, inner.top()), caption, text_color);
    if let Some(other) = other {
        let mut job = LayoutJob::single_section(
            other.to_owned(),
            TextFormat {
                italics: true,
                ..TextFormat::simple(FontId::proportional(11.0), weak)
            },
        );
        job.wrap.max_width = text_width;
        job.wrap.max_rows = 1;
        let g = child.painter().layout_job(job);
        let y = inner.bottom() - g.size().y;
        child.painter().galley(egui::pos2(text_left, y), g, weak);
    } else if let Some(credit) = &photo.credit {
        let g = marks::marked_galley(
            &child,
            cx,
            Place::Credit { photo: photo.id },
            "",
            credit,
            FontId::proportional(11.0),
            weak,
            text_width,
            1,
        );
        let y = inner.bottom() - g.size().y;
        child.painter().galley(egui::pos2(text_left, y), g, weak);
    }
    if elided {
        response.on_hover_text(&photo.caption);
    }
}

/// A line with an arrow head across the gap before the card the reader has reached.
fn here_marker(ui: &Ui, left: f32, width: f32, y: f32) {
    let color = ui.visuals().warn_fg_color;
    let painter = ui.painter();
    painter.line_segment(
        [egui::pos2(left + 8.0, y), egui::pos2(left + width, y)],
        Stroke::new(2.0, color),
    );
    painter.add(egui::Shape::convex_polygon(
        vec![
            egui::pos2(left, y - 5.0),
            egui::pos2(left + 9.0, y),
            egui::pos2(left, y + 5.0),
        ],
        color,
        Stroke::NONE,
    ));
}
