//! Text → transcript. The flow is: decoded text → cleaned lines (odd spaces, margins,
//! hard wraps) → classified lines → blocks → people resolved → model.

mod attendees;
mod build;
mod caption;
pub mod dateline;
pub mod lang;
mod link;
pub mod normalize;
pub mod people;
mod tags;
pub mod turns;

use crate::model::Transcript;

pub use dateline::{Dateline, parse_dateline};
pub use lang::detect_language;

/// Parses decoded transcript text. Never panics; text that holds nothing recognisable
/// gives a transcript whose blocks are plain paragraphs.
pub fn parse_text(text: &str) -> Transcript {
    let language = lang::detect_language(text);
    let lines = normalize::prepare_lines(text);
    let built = build::build(&lines, language);
    let mut transcript = built.transcript;
    link::link_people(&mut transcript, &built.sources);
    transcript
}
