//! Opening a file: read, decode, detect Stenogram JSON, parse. Errors name the file.

use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::model::Transcript;

/// Files larger than this are refused rather than read.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Reads and parses the file at `path`.
pub fn load_file(path: &Path) -> Result<Transcript> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::new(&name, ErrorKind::Io(e.to_string())))?;
    load_bytes(&name, &bytes)
}

/// Parses file contents; `name` is used in errors.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Transcript> {
    let text = crate::decode::decode(bytes).map_err(|kind| Error::new(name, kind))?;
    Ok(crate::parse::parse_text(&text))
}
