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
            ErrorKind::NotATranscript(why) => format!("not a transcript: {why}"),
            ErrorKind::Inconsistent(why) => format!("inconsistent Stenogram JSON: {why}"),
        }
    }
}

impl ErrorKind {
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
