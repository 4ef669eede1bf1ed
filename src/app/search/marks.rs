//! Search hits marked in text: the colours, the marked layout jobs and labels the reader
//! and the timeline draw, and the match badge of a timeline card. Nothing is marked while
//! the search bar is closed.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{
    Align, Color32, FontId, FontSelection, RichText, Stroke, TextFormat, Ui, Vec2, WidgetText,
};

use crate::app::PanelContext;
use crate::model::{BlockKind, TextRef};
use crate::search::{self, Place};

/// The place of a paragraph the reader draws from `text` at `at` (an attendee list's intro
/// and outro share one text reference: the text itself tells them apart).
pub fn place_of(cx: &PanelContext<'_>, at: TextRef, text: &str) -> Place {
    let block = match at {
        TextRef::Speech { speech, paragraph } => return Place::Speech { speech, paragraph },
        TextRef::Block { block } => block,
    };
    match cx.doc.transcript.blocks.get(block).map(|b| &b.kind) {
        Some(BlockKind::Lead { .. }) => Place::Lead { block },
        Some(BlockKind::Heading { .. }) => Place::Heading { block },
        Some(BlockKind::Attendees { intro, .. }) => {
            if intro.as_deref().is_some_and(|i| std::ptr::eq(i, text)) {
                Place::AttendeesIntro { block }
            } else {
                Place::AttendeesOutro { block }
            }
        }
        _ => Place::Paragraph { block },
    }
}

/// The background of a search hit: green, apart from the warm mention colour.
pub fn hit_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(32, 96, 58)
    } else {
        Color32::from_rgb(172, 228, 182)
    }
}

/// The background of the current hit: a strong orange.
pub fn current_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(196, 104, 12)
    } else {
        Color32::from_rgb(255, 158, 56)
    }
}

/// The badge and edge of a timeline card whose caption matches: a firm green.
pub fn badge_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(64, 176, 104)
    } else {
        Color32::from_rgb(30, 130, 64)
    }
}

/// Marks a timeline card whose caption or credit matches the search: a green edge on the
/// left and a "match" badge over the thumbnail's corner.
pub fn paint_card_match(ui: &Ui, card: egui::Rect, thumb: egui::Rect) {
    let color = badge_color(ui);
    let painter = ui.painter();
    let edge = egui::Rect::from_min_max(
        card.left_top() + Vec2::new(0.0, 6.0),
        egui::pos2(card.left() + 4.0, card.bottom() - 6.0),
    );
    painter.rect_filled(edge, 2.0, color);
    let text = painter.layout_no_wrap(
        "match".to_owned(),
        FontId::proportional(11.0),
        Color32::WHITE,
    );
    let size = text.size() + Vec2::new(10.0, 4.0);
    let badge =
        egui::Rect::from_min_size(thumb.left_bottom() - Vec2::new(-2.0, size.y + 2.0), size);
    painter.rect_filled(badge, 4.0, color);
    painter.galley(badge.min + Vec2::new(5.0, 2.0), text, Color32::WHITE);
}

/// Ranges of a text drawn in their own format, under the search hits.
pub type Overlay<'a> = Option<(&'a [(usize, usize)], &'a TextFormat)>;

/// Appends `text` (the text of `place`) to `job`, with the search hits marked and, when
/// given, stage directions and mention ranges under them.
#[allow(clippy::too_many_arguments)]
pub fn append_marked(
    job: &mut LayoutJob,
    ui: &Ui,
    cx: &PanelContext<'_>,
    place: Place,
    text: &str,
    plain: &TextFormat,
    notes: Overlay<'_>,
    mentions: Overlay<'_>,
) {
    let hits = cx.search.marks(place);
    let note_ranges = notes.map_or(&[][..], |n| n.0);
    let mention_ranges = mentions.map_or(&[][..], |m| m.0);
    if hits.is_empty() && mention_ranges.is_empty() && note_ranges.is_empty() {
        job.append(text, 0.0, plain.clone());
        return;
    }
    let current: Vec<(usize, usize)> = cx.search.current_range(place).into_iter().collect();
    let strong = ui.visuals().strong_text_color();
    let hit = TextFormat {
        background: hit_color(ui),
        color: strong,
        ..plain.clone()
    };
    let now = TextFormat {
        background: current_color(ui),
        color: if ui.visuals().dark_mode {
            Color32::WHITE
        } else {
            Color32::BLACK
        },
        underline: Stroke::new(1.5, strong),
        ..plain.clone()
    };
    for seg in search::segments(text, &[note_ranges, mention_ranges, hits, &current]) {
        let format = match seg.layer {
            Some(0) => notes.map_or(plain, |n| n.1),
            Some(1) => mentions.map_or(plain, |m| m.1),
            Some(2) => &hit,
            Some(3) => &now,
            _ => plain,
        };
        job.append(text.get(seg.range).unwrap_or(""), 0.0, format.clone());
    }
}

/// `rich` with the search hits of `place` marked (as it is when there are none).
pub fn mark_rich(ui: &Ui, cx: &PanelContext<'_>, place: Place, rich: RichText) -> WidgetText {
    if cx.search.marks(place).is_empty() {
        return rich.into();
    }
    let text = rich.text().to_owned();
    let mut probe = LayoutJob::default();
    rich.append_to(&mut probe, ui.style(), FontSelection::Default, Align::Min);
    let base = probe
        .sections
        .first()
        .map(|s| s.format.clone())
        .unwrap_or_default();
    let mut job = LayoutJob::default();
    append_marked(&mut job, ui, cx, place, &text, &base, None, None);
    WidgetText::LayoutJob(Arc::new(job))
}

/// Like [`interaction::galley`] for `prefix` followed by the text of `place`, with its hits
/// marked.
#[allow(clippy::too_many_arguments)]
pub fn marked_galley(
    ui: &Ui,
    cx: &PanelContext<'_>,
    place: Place,
    prefix: &str,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
    max_rows: usize,
) -> Arc<egui::Galley> {
    let plain = TextFormat::simple(font, color);
    let mut job = LayoutJob::default();
    job.wrap.max_width = width.max(1.0);
    job.wrap.max_rows = max_rows;
    job.wrap.break_anywhere = max_rows == 1;
    if !prefix.is_empty() {
        job.append(prefix, 0.0, plain.clone());
    }
    append_marked(&mut job, ui, cx, place, text, &plain, None, None);
    ui.painter().layout_job(job)
}
