//! The viewer driven as a user drives it (kittest): one test binary, one module per part of
//! the window, so that the GUI stack is linked once rather than once per file.

#![cfg(feature = "gui")]

mod common;

mod cite_export_notes;
mod corpus;
mod corrections;
mod files;
mod library;
mod parallel;
mod photo_viewer;
mod reading_tools;
mod search;
#[cfg(feature = "snapshots")]
mod snapshots;
mod stats_qa;
mod times;
mod viewer;
