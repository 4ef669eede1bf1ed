//! Real photos for a transcript: finding the image files ([`discover()`]), decoding them
//! under limits and scaling them down ([`decode`]), and a worker pool that does it off
//! the UI thread ([`loader`]). No egui here; `src/app/thumbnails.rs` turns the results
//! into textures.

pub mod decode;
pub mod discover;
pub mod loader;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

pub use decode::{DecodeError, DecodeLimits, Decoded};
pub use discover::{PhotoFiles, PhotoImage, discover, discover_in_folder};
pub use loader::{ImageKey, Loaded, Loader, Priority, Waker};

/// Where an image's bytes come from.
#[derive(Clone, PartialEq, Eq)]
pub enum PhotoSource {
    /// A file on disk.
    File(PathBuf),
    /// Bytes in memory (the bundled sample's images, tests).
    Bytes(Arc<[u8]>),
}

impl fmt::Debug for PhotoSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(path) => f.debug_tuple("File").field(path).finish(),
            Self::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
        }
    }
}
