//! The library's index on SQLite: one database file per library folder, in the app's data
//! folder, shared by the viewer and the command line.
//!
//! - [`sync_library`] opens the database (creating it, or setting a damaged or foreign
//!   one aside), gives back the stored entries at once, then brings it up to date with the
//!   folder: only new and changed files are parsed, in batched transactions.
//! - [`search_library`] answers a [`Query`] through FTS5 (all words, "phrases",
//!   prefixes, `speaker:`, `from:`, `to:`, `lang:`), ranked by bm25 and grouped by file,
//!   with snippets of the original text; [`hits_csv`] and [`hits_json`] write hits out.
//! - [`person_across`] gathers a person's files, speeches, words, photos and dates.
//!
//! The database is a cache of the files: deleting it costs one re-index, never data. Its
//! tables are documented in README.md for use with any SQLite tool.

mod corrected;
mod extract;
mod hash;
mod hits;
mod hits_export;
mod location;
mod matches;
mod open;
mod person_rows;
pub mod query;
mod schema;
mod snippet;
mod store;
mod sync;

use std::path::{Path, PathBuf};

pub use corrected::StoredCorrections;
pub use extract::{FileRecord, Stamp, read_records};

/// Someone in one entry of the library: the file, the sitting (from 1, 0 for a whole
/// file) and their participant id there.
pub type PersonAt = (PathBuf, usize, crate::model::ParticipantId);
pub use hash::content_hash;
pub use hits::{HitFile, HitList, LibraryHit, SearchOptions, search_library};
pub use hits_export::{CSV_COLUMNS, hits_csv, hits_json};
pub use location::{
    DATA_DIR_VAR, LIBRARIES_DIR, database_path, default_data_dir, platform_data_dir,
};
pub use matches::RANK_LIMIT;
pub use open::{BUSY_TIMEOUT, Opened, SetAside, open_library_db, open_path, open_reader};
pub use person_rows::{
    PersonAcross, PersonInFile, PersonSpeech, StoredPerson, find_people, occurrences_of,
    person_across,
};
pub use query::{Query, QueryError, Term};
pub use schema::{PASSAGE_KINDS, SCHEMA_VERSION};
pub use snippet::{Snippet, snippet};
pub use store::{absolute, load_entries, relative};
pub use sync::{SyncEvent, SyncOptions, SyncSummary, sync_library};

/// A database or folder that could not be used, naming it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbError {
    /// The database file or library folder concerned.
    pub file: PathBuf,
    /// What went wrong, in words.
    pub message: String,
}

impl DbError {
    /// An error about `file`.
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

impl std::error::Error for DbError {}

/// A library's database opened for reading (searches, a person's speeches) beside
/// whatever writes it.
#[derive(Debug)]
pub struct LibraryDb {
    conn: rusqlite::Connection,
    folder: PathBuf,
}

impl LibraryDb {
    /// Opens the existing database of `folder` under `data_dir` for reading; fails when
    /// there is none yet (run [`sync_library`] first).
    pub fn open(data_dir: &Path, folder: &Path) -> Result<Self, DbError> {
        let path = database_path(data_dir, folder);
        if !path.exists() {
            return Err(DbError::new(
                folder,
                "this folder has not been indexed yet (run `stenogram index` on it)",
            ));
        }
        let conn = open_reader(&path)?;
        let version: i32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| DbError::new(&path, e.to_string()))?;
        if version != SCHEMA_VERSION {
            return Err(DbError::new(
                &path,
                format!(
                    "the index has schema {version}, this Stenogram reads {SCHEMA_VERSION}: index the folder again"
                ),
            ));
        }
        Ok(Self {
            conn,
            folder: folder.to_path_buf(),
        })
    }

    /// The library folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Searches the library (see [`search_library`]).
    pub fn search(&self, query: &Query, options: &SearchOptions) -> Result<HitList, DbError> {
        search_library(&self.conn, &self.folder, query, options)
            .map_err(|e| DbError::new(&self.folder, e.to_string()))
    }

    /// A person across the library (see [`person_across`]).
    pub fn person(
        &self,
        occurrences: &[PersonAt],
        max_per_file: usize,
    ) -> Result<PersonAcross, DbError> {
        person_across(&self.conn, &self.folder, occurrences, max_per_file)
            .map_err(|e| DbError::new(&self.folder, e.to_string()))
    }

    /// The stored people whose names hold `name` (see [`find_people`]).
    pub fn find_people(&self, name: &str) -> Result<Vec<StoredPerson>, DbError> {
        find_people(&self.conn, name).map_err(|e| DbError::new(&self.folder, e.to_string()))
    }

    /// Where stored person `id` appears.
    pub fn occurrences_of(&self, id: i64) -> Result<Vec<PersonAt>, DbError> {
        occurrences_of(&self.conn, &self.folder, id)
            .map_err(|e| DbError::new(&self.folder, e.to_string()))
    }
}
