//! Transcript → JSON and Markdown, and Stenogram JSON → transcript.

pub mod check;
pub mod json;
pub mod markdown;

pub use json::{from_json, to_json};
pub use markdown::to_markdown;
