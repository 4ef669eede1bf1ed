//! Indexing a library on background threads: each file is read, parsed and reduced to
//! its [`Entry`]; the transcript itself is dropped at once.

use std::path::PathBuf;
use std::sync::Arc;

use super::entry::{Entry, internal_error};
use super::jobs::{Jobs, OnProgress};

/// Indexing in progress: results are `(index into the given paths, entry)`.
pub type Indexer = Jobs<Entry>;

/// Starts indexing `paths` on `threads` background workers (clamped to leave a core to
/// the UI; see [`super::default_threads`]). Files are taken in the given order, so the
/// first files are ready first. `on_progress` runs on a worker after each file (e.g. to
/// request a repaint). Every path gives exactly one entry: failed files come back as
/// [`super::EntryState::Failed`] with their error, never dropped.
pub fn index_files(paths: Vec<PathBuf>, threads: usize, on_progress: OnProgress) -> Indexer {
    let paths = Arc::new(paths);
    let total = paths.len();
    let job_paths = Arc::clone(&paths);
    Jobs::start(
        total,
        threads,
        move |i| {
            let path = job_paths.get(i)?.clone();
            // A panic in the parser must still leave an entry that says so.
            let shown = path.clone();
            Some(
                std::panic::catch_unwind(move || Entry::read(path))
                    .unwrap_or_else(|_| Entry::failed(shown.clone(), internal_error(&shown))),
            )
        },
        on_progress,
    )
}

/// Indexes `paths` on the calling thread's behalf and waits: the entries in the order of
/// `paths`. For tools, benchmarks and tests.
pub fn index_all(paths: Vec<PathBuf>, threads: usize) -> Vec<Entry> {
    let total = paths.len();
    let mut entries: Vec<Entry> = paths.iter().cloned().map(Entry::pending).collect();
    for (i, entry) in index_files(paths, threads, super::jobs::no_progress()).wait() {
        if let Some(slot) = entries.get_mut(i) {
            *slot = entry;
        }
    }
    debug_assert_eq!(entries.len(), total);
    entries
}
