//! Bringing a library's database up to date with its folder.
//!
//! The stored entries come back at once (no parsing); then every file of the folder is
//! checked by size and modification time, and by content hash only when those disagree
//! (a copy or a `touch` keeps the contents), and by the stamp of the user's corrections
//! (a file corrected in the app is indexed again as corrected); new and changed files are
//! parsed on
//! background workers ([`crate::library::Jobs`]) while this thread writes them in batched
//! transactions; deleted files are dropped; people are matched across files again when
//! anything changed. A run killed part-way loses at most the batch it was writing, and the
//! next run goes on from there: a file is written with everything about it in one
//! transaction, under its path, replacing what was there, so nothing is ever stored twice.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rusqlite::{Connection, TransactionBehavior};

use super::DbError;
use super::corrected::StoredCorrections;
use super::extract::{FileRecord, Stamp, read_records};
use super::hash::content_hash;
use super::open::open_library_db;
use super::store::{self, known_files, load_entries, relative, write_people, write_record};
use crate::library::entry::Entry;
use crate::library::jobs::{Jobs, no_progress};

/// How a sync runs.
#[derive(Clone, Debug)]
pub struct SyncOptions {
    /// Parsing workers (clamped like every library task; see [`crate::library::default_threads`]).
    pub threads: usize,
    /// Files written per transaction: a killed run loses at most this many.
    pub batch_files: usize,
    /// Set to stop between files; the run then returns what it finished.
    pub cancel: Arc<AtomicBool>,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            threads: crate::library::default_threads(),
            batch_files: 200,
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// What a sync tells its caller as it goes.
#[derive(Clone, Debug)]
pub enum SyncEvent {
    /// The database is open: the entries it held, and a message when a previous file had
    /// to be set aside.
    Opened {
        /// Stored entries, sorted by path.
        entries: Vec<Entry>,
        /// Why the previous database was set aside, and where it went.
        set_aside: Option<super::SetAside>,
        /// The database file.
        database: PathBuf,
    },
    /// Files checked against the database so far.
    Checking {
        /// Checked.
        done: usize,
        /// Files in the folder.
        total: usize,
    },
    /// New and changed files written so far (after each committed batch).
    Indexing {
        /// Written.
        done: usize,
        /// To write.
        total: usize,
        /// The entries of the batch just committed.
        entries: Vec<Entry>,
    },
    /// Files gone from the folder, dropped from the database.
    Removed(Vec<PathBuf>),
    /// Finished: every entry as the database now holds it, sorted by path.
    Finished(Vec<Entry>),
}

/// What a sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncSummary {
    /// Files in the folder.
    pub files: usize,
    /// Files not in the database before.
    pub new: usize,
    /// Files whose contents changed.
    pub changed: usize,
    /// Files gone from the folder.
    pub deleted: usize,
    /// Files that could not be read or parsed (all of them, not only this run's).
    pub failed: usize,
    /// Files whose time or size changed but not their contents.
    pub touched: usize,
    /// Files indexed again because their corrections changed.
    pub corrected: usize,
    /// People across files.
    pub people: usize,
    /// Sub-folders the scan could not read, each as a message.
    pub problems: Vec<String>,
    /// Why a previous database was set aside.
    pub set_aside: Option<super::SetAside>,
    /// The database file.
    pub database: PathBuf,
    /// Whether the run was cancelled before the end.
    pub cancelled: bool,
    /// Time taken.
    pub elapsed: Duration,
}

impl SyncSummary {
    /// One line: "5,000 files: 12 new, 3 changed, 1 deleted, 2 failed (4.1 s)", with
    /// "1 corrected" when corrections changed.
    pub fn line(&self) -> String {
        use crate::format::thousands;
        let corrected = if self.corrected > 0 {
            format!(", {} corrected", thousands(self.corrected))
        } else {
            String::new()
        };
        format!(
            "{} files: {} new, {} changed{corrected}, {} deleted, {} failed ({:.1} s){}",
            thousands(self.files),
            thousands(self.new),
            thousands(self.changed),
            thousands(self.deleted),
            thousands(self.failed),
            self.elapsed.as_secs_f64(),
            if self.cancelled { ", stopped" } else { "" }
        )
    }
}

/// Full batches parsed and waiting before the parsing workers pause for the writer: two,
/// so the next batch is parsed while one is written (with fewer, parsing and writing take
/// turns on a machine with two cores), and memory stays flat when parsing outruns writing.
const WAITING_BATCHES: usize = 2;

/// A batch is also written once its files hold this many bytes, so a run of large files
/// neither fills memory nor makes one long transaction.
const BATCH_BYTES: u64 = 24 * 1024 * 1024;

/// Brings the database of `folder` (under `data_dir`) up to date, telling `on_event` how
/// it goes. Fails when the folder or the database cannot be used; files that fail are
/// stored with their error instead.
pub fn sync_library(
    folder: &Path,
    data_dir: &Path,
    options: &SyncOptions,
    on_event: &mut dyn FnMut(SyncEvent),
) -> Result<SyncSummary, DbError> {
    let started = Instant::now();
    // A folder that is not there gets no database.
    if let Err(e) = std::fs::metadata(folder) {
        let kind = crate::error::ErrorKind::from_io(&e, "no such file or folder");
        return Err(DbError::new(folder, crate::Error::new("", kind).reason()));
    }
    let opened = open_library_db(data_dir, folder)?;
    let db_path = opened.path.clone();
    let db_err = |e: rusqlite::Error| DbError::new(&db_path, e.to_string());
    let mut conn = opened.conn;
    // The writer keeps more pages in memory than the default 2 MB: fewer reads while the
    // full-text index grows.
    conn.pragma_update(None, "cache_size", -32_000)
        .map_err(db_err)?;
    let stored = load_entries(&conn, folder).map_err(db_err)?;
    on_event(SyncEvent::Opened {
        entries: stored.iter().map(|(_, e)| e.clone()).collect(),
        set_aside: opened.set_aside.clone(),
        database: db_path.clone(),
    });
    drop(stored);
    let mut summary = SyncSummary {
        set_aside: opened.set_aside,
        database: db_path.clone(),
        ..SyncSummary::default()
    };
    let scan = crate::library::scan(folder).map_err(|e| DbError::new(folder, e.reason()))?;
    summary.problems = scan.problems.iter().map(ToString::to_string).collect();
    summary.files = scan.files.len();

    // Check every file against what the database holds.
    let known = known_files(&conn).map_err(db_err)?;
    let corrections = Arc::new(StoredCorrections::scan(data_dir));
    let total = scan.files.len();
    let mut seen: HashSet<String> = HashSet::with_capacity(total);
    let mut to_index: Vec<PathBuf> = Vec::new();
    let mut touched: Vec<(Vec<i64>, Stamp)> = Vec::new();
    for (i, path) in scan.files.iter().enumerate() {
        if options.cancel.load(Ordering::Acquire) {
            summary.cancelled = true;
            summary.elapsed = started.elapsed();
            return Ok(summary);
        }
        if i % 256 == 0 {
            on_event(SyncEvent::Checking { done: i, total });
        }
        let rel = relative(folder, path);
        let old = known.get(&rel);
        seen.insert(rel);
        let Some(old) = old else {
            // A corpus root that only includes its day files has no entry of its own (the
            // day files are entries): never stored, so never new either.
            if is_include_root(path) {
                continue;
            }
            summary.new += 1;
            to_index.push(path.clone());
            continue;
        };
        let recorrected = old
            .corrections
            .iter()
            .any(|(key, stamp)| corrections.stamp(key) != *stamp);
        match Stamp::of(path) {
            Some(s) if s.size == old.size && s.mtime == old.mtime => {}
            Some(s) if s.size == old.size && same_contents(path, old.hash) => {
                touched.push((old.ids.clone(), s));
                summary.touched += 1;
            }
            _ => {
                summary.changed += 1;
                to_index.push(path.clone());
                continue;
            }
        }
        if recorrected {
            summary.corrected += 1;
            to_index.push(path.clone());
        }
    }
    on_event(SyncEvent::Checking { done: total, total });

    let gone: Vec<(String, Vec<i64>)> = known
        .iter()
        .filter(|(rel, _)| !seen.contains(*rel))
        .map(|(rel, k)| (rel.clone(), k.ids.clone()))
        .collect();
    summary.deleted = gone.len();
    if !gone.is_empty() || !touched.is_empty() {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db_err)?;
        for id in gone.iter().flat_map(|(_, ids)| ids) {
            store::delete_file(&tx, *id).map_err(db_err)?;
        }
        for (id, s) in touched
            .iter()
            .flat_map(|(ids, s)| ids.iter().map(move |id| (id, s)))
        {
            tx.execute(
                "UPDATE files SET size = ?1, mtime = ?2 WHERE id = ?3",
                rusqlite::params![i64::try_from(s.size).unwrap_or(i64::MAX), s.mtime, id],
            )
            .map_err(db_err)?;
        }
        if !gone.is_empty() {
            mark_people_stale(&tx).map_err(db_err)?;
        }
        tx.commit().map_err(db_err)?;
    }
    if !gone.is_empty() {
        let removed = gone
            .iter()
            .map(|(rel, _)| store::absolute(folder, rel))
            .collect();
        on_event(SyncEvent::Removed(removed));
    }

    let cancelled =
        index(&mut conn, folder, to_index, &corrections, options, on_event).map_err(db_err)?;
    summary.cancelled = cancelled;

    // People across files, when anything changed since they were last matched.
    let people_current: bool = conn
        .query_row(
            "SELECT value = '1' FROM meta WHERE key = 'people_current'",
            [],
            |r| r.get(0),
        )
        .unwrap_or(false);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(db_err)?;
    let entries = load_entries(&tx, folder).map_err(db_err)?;
    if !people_current && !cancelled {
        summary.people = write_people(&tx, &entries).map_err(db_err)?;
        tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('people_current', '1')",
            [],
        )
        .map_err(db_err)?;
    } else {
        summary.people = tx
            .query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0))
            .map_or(0, store::count);
    }
    tx.commit().map_err(db_err)?;
    summary.failed = entries.iter().filter(|(_, e)| e.error().is_some()).count();
    on_event(SyncEvent::Finished(
        entries.into_iter().map(|(_, e)| e).collect(),
    ));
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Whether the file at `path` is a TEI corpus root made only of `xi:include`s (only XML
/// files are looked into, so a first index of thousands of text files reads none twice).
fn is_include_root(path: &Path) -> bool {
    let xml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    xml && crate::load::corpus_includes(path).is_some()
}

/// Whether the file at `path` still hashes to `hash`.
fn same_contents(path: &Path, hash: u64) -> bool {
    crate::load::read_limited(path, crate::load::MAX_FILE_BYTES)
        .is_ok_and(|bytes| content_hash(&bytes) == hash)
}

/// Records that the people tables no longer match the files.
fn mark_people_stale(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('people_current', '0')",
        [],
    )?;
    Ok(())
}

/// Parses `paths` on background workers and writes them here in batches; returns whether
/// it was cancelled.
fn index(
    conn: &mut Connection,
    folder: &Path,
    paths: Vec<PathBuf>,
    corrections: &Arc<StoredCorrections>,
    options: &SyncOptions,
    on_event: &mut dyn FnMut(SyncEvent),
) -> rusqlite::Result<bool> {
    let total = paths.len();
    if total == 0 {
        return Ok(false);
    }
    on_event(SyncEvent::Indexing {
        done: 0,
        total,
        entries: Vec::new(),
    });
    let batch_files = options.batch_files.max(1);
    let paths = Arc::new(paths);
    let waiting = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::clone(&options.cancel);
    let mut jobs = {
        let paths = Arc::clone(&paths);
        let waiting = Arc::clone(&waiting);
        let cancel = Arc::clone(&cancel);
        let corrections = Arc::clone(corrections);
        Jobs::start(
            total,
            options.threads,
            move |i| {
                // Parsing ahead of the writer only fills memory: wait for it.
                while waiting.load(Ordering::Acquire) >= batch_files * WAITING_BATCHES
                    && !cancel.load(Ordering::Acquire)
                {
                    std::thread::sleep(Duration::from_millis(2));
                }
                let path = paths.get(i)?.clone();
                let records = read_records(path.clone(), &corrections);
                waiting.fetch_add(1, Ordering::AcqRel);
                Some((path, records))
            },
            no_progress(),
        )
    };
    // Each file with its records: one, one per sitting of a corpus, or none.
    let mut batch: Vec<(PathBuf, Vec<FileRecord>)> = Vec::with_capacity(batch_files);
    let mut done = 0;
    loop {
        if cancel.load(Ordering::Acquire) {
            jobs.cancel();
        }
        let finished = jobs.is_finished();
        let arrived = jobs.take_waiting(Duration::from_millis(100));
        let got_none = arrived.is_empty();
        batch.extend(arrived.into_iter().map(|(_, r)| r));
        let last = finished && got_none;
        let bytes: u64 = batch
            .iter()
            .filter_map(|(_, records)| records.first())
            .map(|r| r.stamp.size)
            .sum();
        if batch.len() >= batch_files || bytes >= BATCH_BYTES || (last && !batch.is_empty()) {
            let written = std::mem::take(&mut batch);
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            for (path, records) in &written {
                let rel = relative(folder, path);
                store::delete_path(&tx, &rel)?;
                for record in records {
                    write_record(&tx, &rel, record)?;
                }
            }
            mark_people_stale(&tx)?;
            tx.commit()?;
            waiting.fetch_sub(written.len(), Ordering::AcqRel);
            done += written.len();
            on_event(SyncEvent::Indexing {
                done,
                total,
                entries: written
                    .into_iter()
                    .flat_map(|(_, records)| records.into_iter().map(|r| r.entry))
                    .collect(),
            });
        }
        if last {
            break;
        }
    }
    Ok(cancel.load(Ordering::Acquire) && done < total)
}
