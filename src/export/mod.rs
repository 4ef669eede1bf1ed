//! Transcript → JSON, Markdown, plain text, subtitles (WebVTT, SRT) and a parse outline, Stenogram JSON → transcript, and the
//! export of a filtered view.

pub mod check;
pub mod date;
pub mod json;
pub mod markdown;
pub mod outline;
pub mod subtitles;
pub mod text;
pub mod view;

pub use json::{from_json, to_json};
pub use markdown::to_markdown;
pub use outline::to_outline;
pub use text::to_text;
