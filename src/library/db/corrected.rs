//! The user's corrections, as the index reads them: a file is indexed as corrected (the
//! same transcript the app shows and `export` writes), and indexed again when its
//! corrections change. Corrections live in the data folder, keyed by the transcript's
//! content ([`crate::notes::content_key`]); the index keeps each file's key and a stamp of
//! its corrections so a sync sees a change without parsing anything.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::hash::content_hash;
use crate::corrections::{Base, CorrectionList, apply};
use crate::load::Loaded;
use crate::model::Transcript;

/// The corrections stored in a data folder, as stamps by transcript key.
#[derive(Clone, Debug, Default)]
pub struct StoredCorrections {
    dir: PathBuf,
    /// Key → [`content_hash`] of the corrections file's bytes.
    stamps: HashMap<String, u64>,
}

impl StoredCorrections {
    /// Reads the folder listing of `data_dir`'s corrections (each file is small; a folder
    /// that is not there means no corrections).
    pub fn scan(data_dir: &Path) -> Self {
        let dir = data_dir.join("corrections");
        let mut stamps = HashMap::new();
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Some(key) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            // A file set aside ("<key>.unreadable-<time>.json") is not a key.
            if key.contains('.') {
                continue;
            }
            if let Ok(bytes) = std::fs::read(&path) {
                stamps.insert(key.to_owned(), content_hash(&bytes));
            }
        }
        Self { dir, stamps }
    }

    /// The stamp of the corrections of the transcript with `key`; 0 when it has none.
    pub fn stamp(&self, key: &str) -> u64 {
        self.stamps.get(key).copied().unwrap_or(0)
    }

    /// `loaded` with its stored corrections applied, and the stamp of what was applied
    /// (0 when none). The corrections file is read again here, so the stamp is that of
    /// the edits applied even when the file changed since [`Self::scan`]. An unreadable
    /// file is left as it is (the app says so when the transcript is opened) and the
    /// transcript indexed as parsed.
    pub fn apply(&self, loaded: Loaded, key: &str) -> (Transcript, u64) {
        if !self.stamps.contains_key(key) {
            return (loaded.transcript, 0);
        }
        let Ok(bytes) = std::fs::read(self.dir.join(format!("{key}.json"))) else {
            return (loaded.transcript, 0);
        };
        let stamp = content_hash(&bytes);
        let Ok(list) = std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(CorrectionList::from_json)
        else {
            return (loaded.transcript, stamp);
        };
        if list.active().is_empty() {
            return (loaded.transcript, stamp);
        }
        let base = match &loaded.text {
            Some(text) => Base::Text(text),
            None => Base::Parsed(&loaded.transcript),
        };
        (apply(base, list.active()).transcript, stamp)
    }
}
