//! Text → transcript. The flow is: decoded text → cleaned lines (odd spaces, margins,
//! hard wraps) → classified lines → blocks → people resolved → model.

pub mod normalize;
pub mod people;
pub mod turns;

use crate::model::Transcript;

/// Parses decoded transcript text. Never panics; text that holds nothing recognisable
/// gives a transcript whose blocks are plain paragraphs.
pub fn parse_text(text: &str) -> Transcript {
    // Placeholder until the structure parser lands.
    let _ = text;
    Transcript {
        language: "und".to_owned(),
        ..Transcript::default()
    }
}
