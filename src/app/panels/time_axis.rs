//! The time axis over the photo timeline, for a document with times (subtitles, speech
//! recognition): the recording from start to end, each timed speech a stretch in its
//! speaker's colour, with clock labels under it. Hovering a stretch names the speech, a
//! click selects it. Photos, when the document also has them, stay in their own list below.

use egui::accesskit::Role;
use egui::{Rect, Sense, Stroke, Ui, Vec2};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::highlight::Highlight;
use crate::app::interaction;
use crate::app::selection::Item;
use crate::app::windows::stats_window::speaker_color;
use crate::model::{SpeechId, Time, Transcript};

/// Height of the band of speeches.
const BAND: f32 = 18.0;
/// Height of the whole axis, the clock labels under the band included.
const HEIGHT: f32 = 40.0;
/// Tick spacings to choose from, in seconds: the first that gives at most [`MAX_TICKS`].
const STEPS: [u64; 11] = [5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
/// Most clock labels under the band (the end label aside).
const MAX_TICKS: u64 = 4;

/// When the recording ends: the latest end (or start) of any speech; `None` for a document
/// without times.
pub fn recording_end(t: &Transcript) -> Option<Time> {
    t.speeches
        .iter()
        .filter_map(|s| s.times.end.or(s.times.start))
        .max()
        .filter(|end| end.0 > 0)
}

/// Draws the axis when the document has times; nothing otherwise.
pub fn time_axis(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let t = &cx.doc.transcript;
    let Some(end) = recording_end(t) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.heading("Time");
        ui.weak(end.clock());
    });
    // The whole width and no less: the panel fits its content, so a narrower axis would
    // narrow the panel a little every frame.
    let width = ui.available_width().max(40.0);
    let response = ui.allocate_response(Vec2::new(width, HEIGHT), Sense::click());
    let rect = response.rect;
    let label = format!("Time axis, 00:00:00 to {}", end.clock());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Image, true, &label));
    let band = Rect::from_min_size(rect.min, Vec2::new(width, BAND));
    let x_of = |time: Time| band.left() + band.width() * (time.0 as f32 / end.0 as f32);

    let pointed = response
        .hover_pos()
        .filter(|p| band.contains(*p))
        .and_then(|p| speech_at(t, end, (p.x - band.left()) / band.width()));
    if let Some(s) = pointed {
        commands.push(Command::Hover(Item::Speech(s)));
        if response.clicked() {
            commands.push(Command::Select(Item::Speech(s)));
        }
        if let Some(speech) = t.speech(s) {
            let who = t
                .participant(speech.speaker)
                .map_or(speech.label.as_str(), |p| p.display_name());
            let at = speech.times.start.map(Time::clock).unwrap_or_default();
            response.clone().on_hover_text(format!("{who}, {at}"));
        }
    }
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter();
    painter.rect_filled(band, 2.0, ui.visuals().faint_bg_color);
    for speech in &t.speeches {
        let (Some(start), stop) = (speech.times.start, speech.times.end) else {
            continue;
        };
        let (x0, x1) = (x_of(start), x_of(stop.unwrap_or(start).max(start)));
        let stretch = Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), band.y_range());
        painter.rect_filled(stretch, 0.0, speaker_color(&cx.doc.stats, speech.speaker));
        let level = cx
            .highlight(Item::Speech(speech.id))
            .max(cx.highlight(Item::Participant(speech.speaker)));
        if level >= Highlight::Hovered {
            let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
            painter.rect_stroke(stretch, 0.0, stroke, egui::StrokeKind::Outside);
        }
    }
    let weak = ui.visuals().weak_text_color();
    let small = egui::TextStyle::Small.resolve(ui.style());
    let step = STEPS
        .iter()
        .copied()
        .find(|s| end.0 / 1000 / s <= MAX_TICKS)
        .unwrap_or(end.0 / 1000 / MAX_TICKS + 1);
    let mut tick = 0;
    while tick * 1000 < end.0 {
        let x = x_of(Time(tick * 1000));
        painter.line_segment(
            [
                egui::pos2(x, band.bottom()),
                egui::pos2(x, band.bottom() + 4.0),
            ],
            Stroke::new(1.0, weak),
        );
        let g = interaction::galley(ui, &Time(tick * 1000).clock(), small.clone(), weak, 80.0, 1);
        // The end label has the right edge; a tick label that would run into it is left out.
        if x + g.size().x < rect.right() - 60.0 {
            painter.galley(egui::pos2(x, band.bottom() + 5.0), g, weak);
        }
        tick = tick.saturating_add(step);
    }
    let g = interaction::galley(ui, &end.clock(), small, weak, 80.0, 1);
    painter.galley(
        egui::pos2(rect.right() - g.size().x, band.bottom() + 5.0),
        g,
        weak,
    );
    ui.add_space(6.0);
}

/// The speech under a point `fraction` (0.0 to 1.0) of the way along the recording: the
/// one whose stretch holds that time, else the last that started before it.
fn speech_at(t: &Transcript, end: Time, fraction: f32) -> Option<SpeechId> {
    let at = Time((f64::from(fraction.clamp(0.0, 1.0)) * end.0 as f64) as u64);
    let mut before = None;
    for s in &t.speeches {
        let Some(start) = s.times.start else { continue };
        if start > at {
            break;
        }
        if s.times.end.is_some_and(|e| e >= at) {
            return Some(s.id);
        }
        before = Some(s.id);
    }
    before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_speech_under_a_point_of_the_axis() {
        let vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Ana>One.\n\n00:00:06.000 --> 00:00:10.000\n<v Lev>Two.\n";
        let t = crate::load_bytes("t.vtt", vtt.as_bytes()).unwrap_or_default();
        let end = recording_end(&t).unwrap_or_default();
        assert_eq!(end, Time(10_000));
        assert_eq!(speech_at(&t, end, 0.1), Some(SpeechId(0)));
        assert_eq!(speech_at(&t, end, 0.5), Some(SpeechId(0)));
        assert_eq!(speech_at(&t, end, 0.9), Some(SpeechId(1)));
        assert_eq!(
            recording_end(&crate::parse_text("Talks\n\nAna: Hi.\n")),
            None
        );
    }
}
