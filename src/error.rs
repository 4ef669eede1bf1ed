//! Errors that name the file and say what is wrong, in a sentence.

use std::fmt;

/// What went wrong while opening a file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ErrorKind {
    /// The file could not be read.
    Io(String),
    /// The file has no bytes (or only whitespace).
    Empty,
    /// The bytes are not text (NUL bytes, undecodable).
    Binary,
    /// The file is larger than Stenogram will open.
    TooLarge {
        /// Size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Stenogram JSON that does not parse or does not fit the format.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde_json said.
        message: String,
    },
    /// Text that holds nothing that looks like a transcript.
    NotATranscript(String),
    /// A file of another format (WebVTT, SRT, speech-recognition JSON, TEI, Akoma Ntoso)
    /// that breaks that format's rules at a known place.
    Malformed {
        /// The format's name as a user knows it ("WebVTT", "XML").
        format: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Stenogram JSON that parses but whose parts do not fit together (an id that points
    /// nowhere, a paragraph range past the end); says which part.
    Inconsistent(String),
}

/// An error with the file it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The file, as the user named it (may be empty for in-memory input).
    pub file: String,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// Stenogram's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error about `file`.
    pub fn new(file: impl Into<String>, kind: ErrorKind) -> Self {
        Self {
            file: file.into(),
            kind,
        }
    }

    /// The reason alone, without the file name.
    pub fn reason(&self) -> String {
        match &self.kind {
            ErrorKind::Io(message) => format!("cannot be read: {message}"),
            ErrorKind::Empty => "the file is empty".to_owned(),
            ErrorKind::Binary => "this is not a text file (binary data)".to_owned(),
            ErrorKind::TooLarge { size, limit } => format!(
                "the file is too large ({} MB; the limit is {} MB)",
                size / 1_000_000,
                limit / 1_000_000
            ),
            ErrorKind::Json {
                line,
                column,
                message,
            } => format!("invalid Stenogram JSON at line {line}, column {column}: {message}"),
            ErrorKind::Malformed {
                format,
                line,
                column,
                message,
            } => format!("invalid {format} at line {line}, column {column}: {message}"),
            ErrorKind::NotATranscript(why) => format!("not a transcript: {why}"),
            ErrorKind::Inconsistent(why) => format!("inconsistent Stenogram JSON: {why}"),
        }
    }
}

impl ErrorKind {
    /// A [`ErrorKind::Malformed`] error at byte `offset` of `text`, with the line and
    /// column counted from the text; the message is cut to one line.
    pub(crate) fn malformed_at(format: &str, text: &str, offset: usize, message: &str) -> Self {
        let (line, column) = line_and_column(text, offset);
        ErrorKind::Malformed {
            format: format.to_owned(),
            line,
            column,
            message: message.replace(['\n', '\r'], " "),
        }
    }

    /// An I/O error in words a user knows, without the OS error number; `missing` says
    /// what was not found ("no such file", "no such file or folder").
    pub(crate) fn from_io(error: &std::io::Error, missing: &str) -> Self {
        use std::io::ErrorKind as Io;
        let reason = match error.kind() {
            Io::NotFound => missing.to_owned(),
            Io::PermissionDenied => "permission denied".to_owned(),
            Io::IsADirectory => "it is a folder, not a file".to_owned(),
            _ => {
                let full = error.to_string();
                match full.find(" (os error") {
                    Some(at) => full.get(..at).unwrap_or(&full).to_owned(),
                    None => full,
                }
            }
        };
        ErrorKind::Io(reason)
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`; an offset past
/// the end or inside a character counts as the nearest place before it.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = text.get(..at).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() {
            f.write_str(&self.reason())
        } else {
            write!(f, "{}: {}", self.file, self.reason())
        }
    }
}

impl std::error::Error for Error {}
