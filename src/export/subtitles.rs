//! Transcript → subtitles (WebVTT or SRT): one cue per timed paragraph, named by its
//! speaker (`<v Ana Petrova>` in WebVTT, "Ana Petrova: " in SRT, which is how the readers
//! find speakers again). A paragraph without times of its own takes a share of its speech's
//! time, in proportion to its length; a speech without times is left out.

use std::fmt::Write as _;

use crate::model::{Span, Speech, Time, Transcript};

/// The transcript has no times to write as subtitles.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NoTimes;

impl std::fmt::Display for NoTimes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the transcript has no times to write as subtitles")
    }
}

/// One cue to write.
struct Cue<'a> {
    span: (Time, Time),
    speaker: &'a str,
    text: &'a str,
}

/// WebVTT of the timed speeches of `t`.
pub fn to_vtt(t: &Transcript) -> Result<String, NoTimes> {
    let cues = cues(t)?;
    let mut out = String::from("WEBVTT\n");
    for cue in cues {
        let _ = write!(
            out,
            "\n{} --> {}\n<v {}>{}\n",
            cue.span.0.with_millis('.'),
            cue.span.1.with_millis('.'),
            escape(cue.speaker),
            escape(cue.text)
        );
    }
    Ok(out)
}

/// SRT of the timed speeches of `t`.
pub fn to_srt(t: &Transcript) -> Result<String, NoTimes> {
    let cues = cues(t)?;
    let mut out = String::new();
    for (i, cue) in cues.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = write!(
            out,
            "{}\n{} --> {}\n{}: {}\n",
            i + 1,
            cue.span.0.with_millis(','),
            cue.span.1.with_millis(','),
            cue.speaker,
            cue.text
        );
    }
    Ok(out)
}

/// The cues of every timed paragraph, in order.
fn cues(t: &Transcript) -> Result<Vec<Cue<'_>>, NoTimes> {
    let mut cues = Vec::new();
    for speech in &t.speeches {
        let speaker = t
            .participant(speech.speaker)
            .map_or("?", |p| p.display_name());
        for (i, text) in speech.paragraphs.iter().enumerate() {
            if let Some(span) = paragraph_span(speech, i) {
                cues.push(Cue {
                    span,
                    speaker,
                    text,
                });
            }
        }
    }
    if cues.is_empty() {
        return Err(NoTimes);
    }
    Ok(cues)
}

/// When paragraph `i` of `speech` starts and ends: its own times, or its share of the
/// speech's by length.
fn paragraph_span(speech: &Speech, i: usize) -> Option<(Time, Time)> {
    if let Some(Span {
        start: Some(s),
        end,
    }) = speech.times.paragraph(i)
    {
        return Some((s, end.unwrap_or(s).max(s)));
    }
    let start = speech.times.start?;
    let end = speech.times.end.unwrap_or(start).max(start);
    let lengths: Vec<u64> = speech
        .paragraphs
        .iter()
        .map(|p| u64::try_from(p.chars().count()).unwrap_or(u64::MAX).max(1))
        .collect();
    let total: u64 = lengths.iter().fold(0u64, |a, b| a.saturating_add(*b));
    let before: u64 = lengths
        .get(..i)
        .unwrap_or_default()
        .iter()
        .fold(0u64, |a, b| a.saturating_add(*b));
    let mine = lengths.get(i).copied().unwrap_or(1);
    let length = u128::from(end.0 - start.0);
    let at = |chars: u64| -> Time {
        let share = length * u128::from(chars) / u128::from(total.max(1));
        Time(start.0 + u64::try_from(share).unwrap_or(0))
    };
    Some((at(before), at(before.saturating_add(mine))))
}

/// Cue text with the characters WebVTT reserves escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::formats::{Format, read};

    const VTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana Petrova>Good morning &amp; welcome.\n\n00:00:03.500 --> 00:00:05.000\n<v Boris Orlov>Thank you.\n";

    #[test]
    fn vtt_round_trip_keeps_speakers_text_and_times() {
        let t = read(Format::WebVtt, VTT, "x")
            .and_then(Result::ok)
            .unwrap_or_default();
        let out = to_vtt(&t).unwrap_or_default();
        assert_eq!(out, VTT);
        let srt = to_srt(&t).unwrap_or_default();
        assert_eq!(
            srt,
            "1\n00:00:01,000 --> 00:00:03,000\nAna Petrova: Good morning & welcome.\n\n2\n00:00:03,500 --> 00:00:05,000\nBoris Orlov: Thank you.\n"
        );
        let again = read(Format::Srt, &srt, "x")
            .and_then(Result::ok)
            .unwrap_or_default();
        assert_eq!(again.speeches, t.speeches);
    }

    #[test]
    fn untimed_paragraphs_share_their_speech_and_untimed_text_is_refused() {
        let mut t = crate::parse_text("Talks\n\nAna Petrova: One.\n\nTwo two two.\n");
        assert_eq!(to_vtt(&t), Err(NoTimes));
        if let Some(s) = t.speeches.first_mut() {
            s.times.start = Some(Time(0));
            s.times.end = Some(Time(4000));
        }
        let out = to_vtt(&t).unwrap_or_default();
        assert!(out.contains("00:00:00.000 --> 00:00:01.000\n"), "{out}");
        assert!(out.contains("00:00:01.000 --> 00:00:04.000\n"), "{out}");
    }
}
