//! Opening a file: read, decode, detect Stenogram JSON, parse. Errors name the file.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::model::Transcript;
use crate::parse::formats::{self, Format};

/// Files larger than this are refused rather than read.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// A file read: the model, and the decoded text it was parsed from.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The transcript.
    pub transcript: Transcript,
    /// The decoded text, for a transcript parsed from text; `None` for Stenogram JSON and
    /// the other structured formats, which are not read line by line.
    pub text: Option<String>,
}

/// Reads and parses the file at `path`. The error names the file as given.
pub fn load_file(path: &Path) -> Result<Transcript> {
    open_file(path).map(|loaded| loaded.transcript)
}

/// Parses file contents; `name` is used in errors.
///
/// The format is told from the content ([`formats::detect`]): Stenogram JSON, subtitles,
/// speech-recognition JSON, TEI and Akoma Ntoso have readers of their own; anything else
/// goes to the transcript parser. Text with nothing in it to show is refused.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Transcript> {
    open_bytes(name, bytes).map(|loaded| loaded.transcript)
}

/// [`load_file`], keeping the decoded text.
pub fn open_file(path: &Path) -> Result<Loaded> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|kind| Error::new(&name, kind))?;
    // UTF-8 that needs no change becomes the text in the bytes' own buffer, and any other
    // encoding frees the bytes once decoded: a large file is never held twice.
    let text = crate::decode::decode_owned(bytes).map_err(|kind| Error::new(&name, kind))?;
    open_text(&name, text)
}

/// [`load_bytes`], keeping the decoded text.
pub fn open_bytes(name: &str, bytes: &[u8]) -> Result<Loaded> {
    open_text(name, decode_checked(name, bytes)?)
}

/// Checks the size and decodes.
fn decode_checked(name: &str, bytes: &[u8]) -> Result<String> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(Error::new(
            name,
            ErrorKind::TooLarge {
                size,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    crate::decode::decode(bytes).map_err(|kind| Error::new(name, kind))
}

/// Reads decoded text as Stenogram JSON or as a transcript.
fn open_text(name: &str, text: String) -> Result<Loaded> {
    let fail = |kind| Error::new(name, kind);
    let format = formats::detect(&text);
    let (transcript, text) = match format {
        Format::StenogramJson => {
            let mut transcript = crate::export::json::from_json(&text).map_err(fail)?;
            crate::export::json::fill_missing_flow(&mut transcript);
            (transcript, None)
        }
        Format::Text => (crate::parse::parse_text(&text), Some(text)),
        structured => match formats::read(structured, &text, &title_hint(name)) {
            Some(read) => (read.map_err(fail)?, None),
            None => (crate::parse::parse_text(&text), Some(text)),
        },
    };
    if transcript.blocks.is_empty() {
        return Err(fail(ErrorKind::NotATranscript("no text found".to_owned())));
    }
    Ok(Loaded { transcript, text })
}

/// A title for a file whose format has none (subtitles, speech recognition): the file's
/// name without its folder and extension.
fn title_hint(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned())
}

/// Reads every transcript in the file at `path`: the documents of a TEI corpus one by
/// one, or the one transcript of any other file. The error names the file as given.
pub fn load_all(path: &Path) -> Result<Vec<Transcript>> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|kind| Error::new(&name, kind))?;
    let text = crate::decode::decode_owned(bytes).map_err(|kind| Error::new(&name, kind))?;
    match formats::read_all(&text, &title_hint(&name)) {
        Some(read) => read.map_err(|kind| Error::new(&name, kind)),
        None => open_text(&name, text).map(|loaded| vec![loaded.transcript]),
    }
}

/// Reads at most `limit` bytes: the size is checked before reading, and again while
/// reading, for files that grow or report no size (pipes, special files).
pub(crate) fn read_limited(path: &Path, limit: u64) -> std::result::Result<Vec<u8>, ErrorKind> {
    let metadata = std::fs::metadata(path).map_err(|e| ErrorKind::from_io(&e, "no such file"))?;
    if metadata.is_dir() {
        return Err(ErrorKind::Io("it is a folder, not a file".to_owned()));
    }
    if metadata.len() > limit {
        return Err(ErrorKind::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| ErrorKind::from_io(&e, "no such file"))?;
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ErrorKind::from_io(&e, "no such file"))?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limit {
        return Err(ErrorKind::TooLarge { size, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_names_file_and_reason() {
        let error = load_file(Path::new("no-such-dir/absent.txt")).err();
        let message = error.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            message,
            "no-such-dir/absent.txt: cannot be read: no such file"
        );
    }

    #[test]
    fn json_without_blocks_gets_a_flow() {
        let json = r#"{"title": "T", "language": "en",
            "participants": [{"id": 0, "name": "A", "role": null}],
            "speeches": [{"id": 0, "speaker": 0, "paragraphs": ["Hi."]}]}"#;
        let t = load_bytes("t.json", json.as_bytes());
        assert_eq!(t.map(|t| t.blocks.len()).ok(), Some(2));
    }

    #[test]
    fn empty_json_object_is_an_error_not_a_panic() {
        let message = load_bytes("e.json", b"{}").err().map(|e| e.to_string());
        let message = message.unwrap_or_default();
        assert!(
            message.starts_with("e.json: invalid Stenogram JSON at line 1"),
            "{message}"
        );
    }
}
