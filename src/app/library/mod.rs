//! The library panel: a folder of transcripts indexed in the background, with its files,
//! its people across files and a full-text search across files.

pub mod library_panel;
pub mod library_person;
mod library_rows;
pub mod library_search;
