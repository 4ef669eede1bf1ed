//! Stenogram's JSON format: export and import without loss.

use crate::model::Transcript;

/// Pretty-printed JSON of the whole transcript.
pub fn to_json(transcript: &Transcript) -> String {
    serde_json::to_string_pretty(transcript).unwrap_or_default()
}
