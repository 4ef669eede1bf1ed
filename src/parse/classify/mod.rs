//! Line classification: whether a line opens a speaker turn ("Name: text", "Question:",
//! "MR. SMITH:", a bare "Q") or only looks like one ("Let me repeat:").
//!
//! [`turns`] holds the detector and its public entry points, [`turn_shape`] the rules
//! that judge the text before a colon, [`introduction`] a questioner's "Name, Outlet.", [`label_words`] the word tests those rules are made
//! of; the word lists are data, in [`crate::parse::words`].

pub(crate) mod introduction;
mod label_words;
mod turn_shape;
pub mod turns;
