//! Transcript → JSON and Markdown.

pub mod json;
pub mod markdown;
