//! Speech-recognition JSON as Whisper and WhisperX write it: an object with `segments`
//! (and often `language`), or a plain list of segments; each segment has `start` and `end`
//! in seconds, `text`, and with diarization a `speaker` ("SPEAKER_00").
//!
//! ```json
//! {"language": "en", "segments": [
//!   {"start": 0.0, "end": 3.2, "text": " Good morning.", "speaker": "SPEAKER_00"}]}
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
        let start = segment.start.and_then(Time::from_seconds).unwrap_or(last);
        let end = segment
            .end
            .and_then(Time::from_seconds)
            .unwrap_or(start)
            .max(start);
        last = end;
        let speaker = match segment.speaker {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Number(n)) => Some(format!("SPEAKER_{n}")),
            _ => None,
        };
        cues.push(Cue {
            start,
            end,
            text: segment.text,
            speaker,
            plain: true,
        });
    }
    let language = language
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
    Ok((cues, language))
}
