//! Stenogram's JSON format: export and import without loss.

use crate::error::ErrorKind;
use crate::model::{Appearances, Block, BlockKind, PhotoId, SpeechId, Transcript};

/// Pretty-printed JSON of the whole transcript (the format documented in the README).
pub fn to_json(transcript: &Transcript) -> String {
    // The model is plain strings, numbers and lists with string keys, so serialising it
    // cannot fail; should that ever change, an empty object beats a panic.
    serde_json::to_string_pretty(transcript).unwrap_or_else(|_| "{}".to_owned())
}

/// Reads Stenogram JSON and checks that its ids fit together.
///
/// Syntax and shape errors give [`ErrorKind::Json`] with the 1-based line and column;
/// an id that points nowhere gives [`ErrorKind::Inconsistent`]. `from_json(&to_json(t))`
/// gives back `t`.
pub fn from_json(text: &str) -> Result<Transcript, ErrorKind> {
    let transcript: Transcript = serde_json::from_str(text).map_err(json_error)?;
    super::check::check_ids(&transcript).map_err(ErrorKind::Inconsistent)?;
    Ok(transcript)
}

/// serde_json's message ends with " at line L column C"; the position gets its own fields.
fn json_error(error: serde_json::Error) -> ErrorKind {
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    ErrorKind::Json {
        line,
        column,
        message,
    }
}

/// Gives a transcript written by hand or by another tool, with speeches and photos but no
/// document flow, a flow to show: title, the speeches in order, then the photos, the tag
/// sections and the link; and fills in where each participant speaks and is pictured.
/// Does nothing when the transcript already has blocks (Stenogram's own exports do).
pub fn fill_missing_flow(transcript: &mut Transcript) {
    if !transcript.blocks.is_empty() {
        return;
    }
    let mut blocks = Vec::new();
    let block = |kind| Block { line: 0, kind };
    if !transcript.title.is_empty() {
        blocks.push(block(BlockKind::Title {
            text: transcript.title.clone(),
        }));
    }
    for (i, speech) in transcript.speeches.iter().enumerate() {
        blocks.push(block(BlockKind::Speech {
            speech: SpeechId::from(i),
            first: 0,
            count: speech.paragraphs.len(),
        }));
    }
    for i in 0..transcript.photos.len() {
        blocks.push(block(BlockKind::Photo {
            photo: PhotoId::from(i),
        }));
    }
    for section in 0..transcript.tags.len() {
        blocks.push(block(BlockKind::Tags { section }));
    }
    if let Some(url) = &transcript.source_url {
        blocks.push(block(BlockKind::Link { url: url.clone() }));
    }
    transcript.blocks = blocks;

    let unfilled = transcript
        .participants
        .iter()
        .all(|p| p.appearances == Appearances::default());
    if unfilled {
        for (i, speech) in transcript.speeches.iter().enumerate() {
            if let Some(p) = transcript.participants.get_mut(speech.speaker.index()) {
                p.appearances.speeches.push(SpeechId::from(i));
            }
        }
        for (i, photo) in transcript.photos.iter().enumerate() {
            for id in &photo.participants {
                if let Some(p) = transcript.participants.get_mut(id.index())
                    && !p.appearances.photos.contains(&PhotoId::from(i))
                {
                    p.appearances.photos.push(PhotoId::from(i));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
  "title": "Briefing", "date": "2024-02-01", "time": null, "place": "Geneva",
  "language": "en", "source_url": null,
  "participants": [ { "id": 0, "name": "Ann Lee", "role": "spokesperson", "aliases": [] } ],
  "speeches": [ { "id": 0, "speaker": 0, "paragraphs": ["Good morning."] } ],
  "photos": [ { "id": 0, "number": 1, "caption": "The room.", "credit": null, "participants": [0] } ]
}"#;

    #[test]
    fn export_then_import_is_identity() {
        let t = from_json(MINIMAL).unwrap_or_default();
        assert_eq!(t.title, "Briefing");
        assert_eq!(from_json(&to_json(&t)), Ok(t));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let error = from_json("{\n  \"title\": \"x\",\n  oops\n}");
        match error {
            Err(ErrorKind::Json {
                line,
                column,
                message,
            }) => {
                assert_eq!((line, column), (3, 3));
                assert!(!message.contains("at line"), "{message}");
            }
            other => panic!("expected a JSON error, got {other:?}"),
        }
    }

    #[test]
    fn dangling_id_is_inconsistent() {
        let bad = MINIMAL.replace("\"participants\": [0]", "\"participants\": [3]");
        let error = from_json(&bad);
        assert!(
            matches!(&error, Err(ErrorKind::Inconsistent(m)) if m.contains("photos[0].participants is 3")),
            "{error:?}"
        );
    }

    #[test]
    fn a_flow_is_made_for_json_without_blocks() {
        let mut t = from_json(MINIMAL).unwrap_or_default();
        fill_missing_flow(&mut t);
        let kinds: Vec<_> = t.blocks.iter().map(|b| &b.kind).collect();
        assert!(matches!(kinds.first(), Some(BlockKind::Title { .. })));
        assert!(matches!(
            kinds.get(1),
            Some(BlockKind::Speech { count: 1, .. })
        ));
        assert!(matches!(kinds.get(2), Some(BlockKind::Photo { .. })));
        let ann = t.participants.first().map(|p| p.appearances.clone());
        assert_eq!(
            ann.map(|a| (a.speeches.len(), a.photos.len())),
            Some((1, 1))
        );
        assert_eq!(super::super::check::check_ids(&t), Ok(()));
    }
}
