//! A readable Markdown document: a heading per speech, photo captions in place.

use crate::model::Transcript;

/// Renders the transcript as Markdown.
pub fn to_markdown(transcript: &Transcript) -> String {
    format!("# {}\n", transcript.title)
}
