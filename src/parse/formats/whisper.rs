//! Speech-recognition JSON as Whisper and WhisperX write it: an object with `segments`
//! (and often `language`), or a plain list of segments; each segment has `start` and `end`
//! in seconds, `text`, and with diarization a `speaker` ("SPEAKER_00").
//!
//! Word-level output (`words`, each with `word`, `start`, `end` and, from WhisperX, a
//! `speaker`) fills in what a segment lacks: a segment without times takes them from its
//! first and last timed word, and a segment without a speaker whose words have speakers is
//! cut into turns where the word speaker changes, timed by their words.
//!
//! ```json
//! {"language": "en", "segments": [
//!   {"start": 0.0, "end": 3.2, "text": " Good morning.", "speaker": "SPEAKER_00",
//!    "words": [{"word": "Good", "start": 0.0, "end": 0.4, "speaker": "SPEAKER_00"}]}]}
//! ```

use serde::Deserialize;

use super::cues::Cue;
use crate::error::ErrorKind;
use crate::model::Time;

/// The format's name in errors.
const FORMAT: &str = "speech-recognition JSON";

/// One recognised segment.
#[derive(Debug, Deserialize)]
struct Segment {
    #[serde(default)]
    start: Option<f64>,
    #[serde(default)]
    end: Option<f64>,
    #[serde(default)]
    text: String,
    /// A label, or a number some tools give instead.
    #[serde(default)]
    speaker: Option<serde_json::Value>,
    /// The recognised words, when the tool was asked for them.
    #[serde(default)]
    words: Vec<Word>,
}

/// One recognised word of a segment.
#[derive(Debug, Deserialize)]
struct Word {
    #[serde(default)]
    word: String,
    #[serde(default)]
    start: Option<f64>,
    #[serde(default)]
    end: Option<f64>,
    #[serde(default)]
    speaker: Option<serde_json::Value>,
}

/// The whole output of one run.
#[derive(Debug, Deserialize)]
struct Output {
    segments: Vec<Segment>,
    #[serde(default)]
    language: Option<String>,
}

/// Whether `text` has the shape of speech-recognition JSON: a list of objects, or an
/// object with `segments` and none of Stenogram JSON's `speeches`.
pub(crate) fn is_whisper(text: &str) -> bool {
    let trimmed = text.trim_start();
    if let Some(list) = trimmed.strip_prefix('[') {
        return list.trim_start().starts_with('{');
    }
    let has = |key: &str| memchr::memmem::find(trimmed.as_bytes(), key.as_bytes()).is_some();
    trimmed.starts_with('{') && has("\"segments\"") && !has("\"speeches\"")
}

/// The cues of speech-recognition JSON and the language it names, if any.
pub(crate) fn read_cues(text: &str) -> Result<(Vec<Cue>, Option<String>), ErrorKind> {
    let fail = |e: serde_json::Error| ErrorKind::Malformed {
        format: FORMAT.to_owned(),
        line: e.line(),
        column: e.column(),
        message: {
            let full = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
        },
    };
    let (segments, language) = if text.trim_start().starts_with('[') {
        (
            serde_json::from_str::<Vec<Segment>>(text).map_err(fail)?,
            None,
        )
    } else {
        let output: Output = serde_json::from_str(text).map_err(fail)?;
        (output.segments, output.language)
    };
    let mut cues = Vec::with_capacity(segments.len());
    let mut last = Time(0);
    for segment in segments {
        let segment_speaker = speaker_label(segment.speaker.as_ref());
        let turns = if segment_speaker.is_none() {
            word_turns(&segment.words)
        } else {
            Vec::new()
        };
        if turns.len() > 1 || turns.first().is_some_and(|t| t.speaker.is_some()) {
            for turn in turns {
                let start = turn.start.unwrap_or(last);
                let end = turn.end.unwrap_or(start).max(start);
                last = end;
                cues.push(Cue {
                    start,
                    end,
                    text: turn.text,
                    speaker: turn.speaker,
                    plain: true,
                });
            }
            continue;
        }
        let (first_word, last_word) = word_span(&segment.words);
        let start = segment
            .start
            .and_then(Time::from_seconds)
            .or(first_word)
            .unwrap_or(last);
        let end = segment
            .end
            .and_then(Time::from_seconds)
            .or(last_word)
            .unwrap_or(start)
            .max(start);
        last = end;
        let text = if segment.text.trim().is_empty() {
            join_words(segment.words.iter().map(|w| w.word.as_str()))
        } else {
            segment.text
        };
        cues.push(Cue {
            start,
            end,
            text,
            speaker: segment_speaker,
            plain: true,
        });
    }
    let language = language
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    Ok((cues, language))
}

/// A speaker as the JSON gives it: a label, or a number made a placeholder label.
fn speaker_label(value: Option<&serde_json::Value>) -> Option<String> {
    match value {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(format!("SPEAKER_{n}")),
        _ => None,
    }
}

/// When the first and the last timed word of a segment start and end.
fn word_span(words: &[Word]) -> (Option<Time>, Option<Time>) {
    word_span_of(&words.iter().collect::<Vec<_>>())
}

/// Words as one text: their own spaces where they carry them (Whisper's " word"), one
/// space between them where they do not (WhisperX's "word").
fn join_words<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for word in words {
        let glued = out.is_empty()
            || out.ends_with(char::is_whitespace)
            || word.starts_with(char::is_whitespace);
        if !glued {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// One speaker's run of words within a segment.
struct WordTurn {
    speaker: Option<String>,
    start: Option<Time>,
    end: Option<Time>,
    text: String,
}

/// A segment's words cut where their speaker changes; a word without a speaker goes with
/// the run before it (or the one after, at the start).
fn word_turns(words: &[Word]) -> Vec<WordTurn> {
    let mut runs: Vec<(Option<String>, Vec<&Word>)> = Vec::new();
    for word in words {
        let who = speaker_label(word.speaker.as_ref());
        match runs.last_mut() {
            // Leading words without a speaker belong to the first who has one.
            Some((current @ None, run)) if who.is_some() => {
                *current = who;
                run.push(word);
            }
            Some((current, run)) if who.is_none() || who == *current => run.push(word),
            _ => runs.push((who, vec![word])),
        }
    }
    runs.into_iter()
        .map(|(speaker, run)| {
            let (start, end) = word_span_of(&run);
            WordTurn {
                speaker,
                start,
                end,
                text: join_words(run.iter().map(|w| w.word.as_str())),
            }
        })
        .collect()
}

/// [`word_span`] of a run of words.
fn word_span_of(words: &[&Word]) -> (Option<Time>, Option<Time>) {
    let first = words
        .iter()
        .find_map(|w| w.start.and_then(Time::from_seconds));
    let last = words
        .iter()
        .rev()
        .find_map(|w| w.end.and_then(Time::from_seconds));
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_without_speaker_is_cut_where_its_word_speakers_change() {
        let json = r#"{"segments": [{"text": "Yes. No, never.", "words": [
            {"word": "Yes.", "start": 1.0, "end": 1.4, "speaker": "SPEAKER_00"},
            {"word": "No,", "start": 2.0, "end": 2.3, "speaker": "SPEAKER_01"},
            {"word": "never.", "start": 2.4, "end": 2.9}]}]}"#;
        let (cues, _) = read_cues(json).unwrap_or_default();
        let got: Vec<(u64, u64, &str, Option<&str>)> = cues
            .iter()
            .map(|c| (c.start.0, c.end.0, c.text.as_str(), c.speaker.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (1000, 1400, "Yes.", Some("SPEAKER_00")),
                (2000, 2900, "No, never.", Some("SPEAKER_01")),
            ]
        );
    }

    #[test]
    fn a_segment_without_times_takes_them_from_its_words() {
        let json = r#"{"segments": [{"text": " Hello there.", "speaker": "SPEAKER_00",
            "words": [{"word": " Hello"}, {"word": " there.", "start": 0.5, "end": 0.9}]}]}"#;
        let (cues, _) = read_cues(json).unwrap_or_default();
        assert_eq!(cues.first().map(|c| (c.start.0, c.end.0)), Some((500, 900)));
        assert_eq!(
            join_words([" Hello", " there."].into_iter()),
            " Hello there."
        );
        assert_eq!(join_words(["Hello", "there."].into_iter()), "Hello there.");
    }
}
