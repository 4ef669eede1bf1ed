//! Transcript → JSON, Markdown and plain text, Stenogram JSON → transcript, and the
//! export of a filtered view.

pub mod check;
pub mod json;
pub mod markdown;
pub mod text;
pub mod view;

pub use json::{from_json, to_json};
pub use markdown::to_markdown;
pub use text::to_text;
