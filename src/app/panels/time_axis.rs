//! The time axis over the photo timeline, for a document with times (subtitles, speech
//! recognition, parliamentary records timed by the clock): the recording from start to end
//! (a record timed by the time of day from its first speech, not from midnight), each timed speech a stretch in its
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

/// Where the axis starts: 0 for a recording, whose times count from its start, but the
/// first speech's start (on the minute) for a record timed by the time of day (a sitting
/// from 14:00 to 14:42), which measured from midnight would be a sliver at the right edge.
/// A record is taken for timed by the day when its first time is later than its span.
pub fn axis_start(t: &Transcript, end: Time) -> Time {
    let first = t
        .speeches
        .iter()
        .filter_map(|s| s.times.start)
        .min()
        .unwrap_or_default();
    if first.0 <= end.0.saturating_sub(first.0) {
        Time(0)
    } else {
        Time(first.0 / 60_000 * 60_000)
    }
}

/// Draws the axis when the document has times; nothing otherwise.
pub fn time_axis(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let t = &cx.doc.transcript;
    let Some(end) = recording_end(t) else {
        return;
    };
    let origin = axis_start(t, end);
    // Never 0: the first speech starts before the end, and the origin is on its minute.
    let length = end.0.saturating_sub(origin.0).max(1);
    ui.horizontal(|ui| {
        ui.heading("Time");
        ui.weak(end.clock());
    });
    // The whole width and no less: the panel fits its content, so a narrower axis would
    // narrow the panel a little every frame.
    let width = ui.available_width().max(40.0);
    let response = ui.allocate_response(Vec2::new(width, HEIGHT), Sense::click());
    let rect = response.rect;
    let label = format!("Time axis, {} to {}", origin.clock(), end.clock());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Image, true, &label));
    let band = Rect::from_min_size(rect.min, Vec2::new(width, BAND));
    let x_of = |time: Time| {
        band.left() + band.width() * (time.0.saturating_sub(origin.0) as f32 / length as f32)
    };

    let pointed = response
        .hover_pos()
        .filter(|p| band.contains(*p))
        .and_then(|p| speech_at(t, (origin, end), (p.x - band.left()) / band.width()));
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
        .find(|s| length / 1000 / s <= MAX_TICKS)
        .unwrap_or(length / 1000 / MAX_TICKS + 1);
    let mut tick = 0;
    while tick * 1000 < length {
        let at = Time(origin.0 + tick * 1000);
        let x = x_of(at);
        painter.line_segment(
            [
                egui::pos2(x, band.bottom()),
                egui::pos2(x, band.bottom() + 4.0),
            ],
            Stroke::new(1.0, weak),
        );
        let g = interaction::galley(ui, &at.clock(), small.clone(), weak, 80.0, 1);
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

/// The speech under a point `fraction` (0.0 to 1.0) of the way along the axis from `span`'s
/// start to its end: the one whose stretch holds that time, else the last that started
/// before it.
fn speech_at(t: &Transcript, span: (Time, Time), fraction: f32) -> Option<SpeechId> {
    let (origin, end) = span;
    let length = end.0.saturating_sub(origin.0) as f64;
    let at = Time(origin.0 + (f64::from(fraction.clamp(0.0, 1.0)) * length) as u64);
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
        assert_eq!(axis_start(&t, end), Time(0));
        let span = (Time(0), end);
        assert_eq!(speech_at(&t, span, 0.1), Some(SpeechId(0)));
        assert_eq!(speech_at(&t, span, 0.5), Some(SpeechId(0)));
        assert_eq!(speech_at(&t, span, 0.9), Some(SpeechId(1)));
        assert_eq!(
            recording_end(&crate::parse_text("Talks\n\nAna: Hi.\n")),
            None
        );
    }

    #[test]
    fn a_record_timed_by_the_clock_starts_its_axis_at_its_first_speech() {
        let tei = r##"<TEI><text><body>
            <note type="time">14.00</note><u who="#A"><seg>One.</seg></u>
            <note type="time">14.30</note><u who="#B"><seg>Two.</seg></u>
            <note type="time">14.42</note><u who="#A"><seg>Three.</seg></u>
            </body></text></TEI>"##;
        let t = crate::load_bytes("t.xml", tei.as_bytes()).unwrap_or_default();
        let end = recording_end(&t).unwrap_or_default();
        assert_eq!(end.clock(), "14:42:00");
        let origin = axis_start(&t, end);
        assert_eq!(origin.clock(), "14:00:00");
        assert_eq!(speech_at(&t, (origin, end), 0.5), Some(SpeechId(0)));
        assert_eq!(speech_at(&t, (origin, end), 0.8), Some(SpeechId(1)));
    }
}
