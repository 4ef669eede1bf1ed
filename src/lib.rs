//! Stenogram's library: the transcript model, decoding, parsing and export. No egui here,
//! so all of it can be tested, benchmarked and fuzzed on its own.

pub mod align;
#[cfg(feature = "gui")]
pub mod app;
pub mod atomic_file;
pub mod cite;
pub mod corrections;
pub mod decode;
pub mod error;
pub mod export;
pub mod format;
pub mod library;
pub mod load;
pub mod model;
pub mod names;
pub mod notes;
pub mod parse;
pub mod photos;
pub mod qa;
pub mod reading;
pub mod search;
pub mod stage;
pub mod stats;
/// Synthetic transcripts for benchmarks, examples and scale tests (the `synth` feature;
/// the crate's own unit tests use it too).
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod text;
pub mod word_count;

pub use error::{Error, ErrorKind, Result};
pub use load::{load_bytes, load_file};
pub use model::Transcript;
pub use parse::parse_text;
