//! Search (Ctrl+F): the shared search state ([`state`]), the bar above the reader
//! ([`bar`]) with its list of hits ([`hit_list`]), and the helpers that mark hits in the
//! text the reader and the timeline draw ([`marks`]).
//!
//! The matching itself lives in [`crate::search`] (no egui). The state only keeps what is
//! derived from it for the open document: the hits, which of them the reader can show with
//! the current participant filter, and which one is current. It is rebuilt when the query,
//! the document or the filter changes, never per frame.

pub mod bar;
pub mod hit_list;
pub mod marks;
pub mod state;

pub use bar::{FIND_SHORTCUT, count_label, field_id};
pub use state::{SearchState, item_of, row_of_place};
