//! Opening a file: read, decode, detect Stenogram JSON, parse. Errors name the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::model::Transcript;
use crate::parse::formats::{self, CorpusParts, Format};

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

impl From<Transcript> for Loaded {
    /// A transcript read from a structured format: no source lines.
    fn from(transcript: Transcript) -> Self {
        Self {
            transcript,
            text: None,
        }
    }
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

/// Bytes read from the start of a file to tell a TEI corpus by its root element.
const SNIFF_BYTES: u64 = 64 * 1024;

/// One sitting of a TEI corpus file.
#[derive(Clone, Debug)]
pub enum Sitting {
    /// Held in the corpus file: its transcript, or why it could not be read (boxed: a
    /// transcript is large beside a path).
    Inline(Box<Result<Transcript>>),
    /// In a file of its own that the corpus includes (it may be missing).
    File(PathBuf),
}

/// Whether the file at `path` is a TEI corpus (`teiCorpus` root), judged from its start
/// alone: cheap enough to ask before opening a file. Unreadable files are not corpora.
pub fn is_corpus_file(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut bytes = Vec::new();
    if file.take(SNIFF_BYTES).read_to_end(&mut bytes).is_err() {
        return false;
    }
    formats::root_is_corpus(&bytes)
}

/// The sittings of the TEI corpus at `path`, in order: the documents it holds, or else
/// the files it includes (resolved against the corpus file's folder). `Ok(None)` for a
/// file that is not a corpus; the error names the file.
pub fn corpus_sittings(path: &Path) -> Result<Option<Vec<Sitting>>> {
    let name = path.display().to_string();
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|kind| Error::new(&name, kind))?;
    let text = crate::decode::decode_owned(bytes).map_err(|kind| Error::new(&name, kind))?;
    sittings_in(path, &text)
}

/// [`corpus_sittings`] of the file at `path` whose contents are already read (`bytes`),
/// so that a caller that has them does not read a large corpus twice.
pub fn corpus_sittings_of(path: &Path, bytes: &[u8]) -> Result<Option<Vec<Sitting>>> {
    let name = path.display().to_string();
    let text = crate::decode::decode(bytes).map_err(|kind| Error::new(&name, kind))?;
    sittings_in(path, &text)
}

/// The sittings of `text`, the decoded contents of the file at `path`.
fn sittings_in(path: &Path, text: &str) -> Result<Option<Vec<Sitting>>> {
    let name = path.display().to_string();
    let Some(parts) = formats::read_corpus_parts(text, &title_hint(&name)) else {
        return Ok(None);
    };
    let sittings = match parts.map_err(|kind| Error::new(&name, kind))? {
        CorpusParts::Inline(read) => read
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let named = format!("{name} (sitting {})", i + 1);
                Sitting::Inline(Box::new(t.map_err(|kind| Error::new(named, kind))))
            })
            .collect(),
        CorpusParts::Included(hrefs) => {
            let folder = path.parent().unwrap_or_else(|| Path::new(""));
            hrefs
                .iter()
                .map(|href| Sitting::File(folder.join(href)))
                .collect()
        }
    };
    Ok(Some(sittings))
}

/// The files the TEI corpus at `path` includes (resolved against its folder), when it is a
/// corpus whose sittings are all in files of their own; `None` for any other file.
pub fn corpus_includes(path: &Path) -> Option<Vec<PathBuf>> {
    if !is_corpus_file(path) {
        return None;
    }
    let bytes = read_limited(path, MAX_FILE_BYTES).ok()?;
    let text = crate::decode::decode_owned(bytes).ok()?;
    let hrefs = formats::corpus_includes(&text)?;
    let folder = path.parent().unwrap_or_else(|| Path::new(""));
    Some(hrefs.iter().map(|href| folder.join(href)).collect())
}

/// Opens the file at `path`, or its sitting `sitting` (from 1) when it is a TEI corpus. A
/// corpus without a sitting is an error that says how many it has and that `--sitting N`
/// (the commands' option) chooses one `to` do what the command does ("export", "correct"):
/// its sittings are never joined silently, nor one chosen for the user.
pub fn open_chosen(
    path: &Path,
    sitting: Option<usize>,
    to: &str,
) -> std::result::Result<Loaded, String> {
    if let Some(n) = sitting {
        return open_sitting(path, n).map_err(|e| e.to_string());
    }
    if is_corpus_file(path)
        && let Ok(Some(sittings)) = corpus_sittings(path)
    {
        return Err(format!(
            "{}: a TEI corpus of {}; {to} one with --sitting N (1 to {})",
            path.display(),
            crate::format::plural(sittings.len(), "sitting", "sittings"),
            sittings.len()
        ));
    }
    open_file(path).map_err(|e| e.to_string())
}

/// Opens sitting `part` (from 1) of the TEI corpus at `path`: a document it holds, or the
/// file it includes in that place. The error names the file and, when `part` is out of
/// range, how many sittings there are.
pub fn open_sitting(path: &Path, part: usize) -> Result<Loaded> {
    let name = path.display().to_string();
    let not = |why: String| Error::new(&name, ErrorKind::NotATranscript(why));
    let Some(sittings) = corpus_sittings(path)? else {
        return Err(not(
            "this file is not a TEI corpus, it has no sittings".to_owned()
        ));
    };
    let count = sittings.len();
    let sitting = part
        .checked_sub(1)
        .and_then(|i| sittings.into_iter().nth(i))
        .ok_or_else(|| {
            not(format!(
                "there is no sitting {part}: this corpus has {}",
                crate::format::plural(count, "sitting", "sittings")
            ))
        })?;
    match sitting {
        Sitting::Inline(read) => (*read).map(|transcript| Loaded {
            transcript,
            text: None,
        }),
        Sitting::File(file) => open_file(&file),
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
