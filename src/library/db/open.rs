//! Opening a library's database: created when new, checked when not, and set aside
//! (renamed, never deleted) when it is damaged or of another schema version, so that a
//! fresh one is built while the old file stays for whoever wants it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::schema::{CREATE, PASSAGE_KINDS, SCHEMA_VERSION};
use super::{DbError, location};

/// How long a connection waits for another process's write to finish before it gives up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open library database.
#[derive(Debug)]
pub struct Opened {
    /// The connection (WAL mode, busy timeout set).
    pub conn: Connection,
    /// The database file.
    pub path: PathBuf,
    /// What was set aside and why, when the previous file could not be used.
    pub set_aside: Option<SetAside>,
}

/// A previous database that could not be used and was moved away (kept, never deleted)
/// before a new one was built in its place: what the user is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The database file, rebuilt in place.
    pub database: PathBuf,
    /// Where the old file went.
    pub kept_as: PathBuf,
    /// Why it could not be used, in words ("is damaged (…)").
    pub reason: String,
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "The library index {} {}; it was set aside as {} and is being rebuilt.",
            self.database.display(),
            self.reason,
            self.kept_as.display()
        )
    }
}

/// Opens (or creates) the database of library `folder` under `data_dir`.
pub fn open_library_db(data_dir: &Path, folder: &Path) -> Result<Opened, DbError> {
    let path = location::database_path(data_dir, folder);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| DbError::new(dir, e.to_string()))?;
    }
    open_path(&path)
}

/// Opens (or creates) the database at `path`, setting a damaged or foreign file aside.
pub fn open_path(path: &Path) -> Result<Opened, DbError> {
    match open_waiting(path) {
        Ok(conn) => Ok(Opened {
            conn,
            path: path.to_path_buf(),
            set_aside: None,
        }),
        Err(Unusable::Error(e) | Unusable::Busy(e)) => Err(e),
        Err(Unusable::SetAside(why)) => {
            let moved = set_aside(path)?;
            let conn = open_waiting(path).map_err(|e| match e {
                Unusable::Error(e) | Unusable::Busy(e) => e,
                Unusable::SetAside(why) => DbError::new(path, why),
            })?;
            Ok(Opened {
                conn,
                path: path.to_path_buf(),
                set_aside: Some(SetAside {
                    database: path.to_path_buf(),
                    kept_as: moved,
                    reason: why,
                }),
            })
        }
    }
}

/// Opens a read-only connection to an existing database (for searches beside a writer).
pub fn open_reader(path: &Path) -> Result<Connection, DbError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| DbError::new(path, e.to_string()))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| DbError::new(path, e.to_string()))?;
    Ok(conn)
}

/// Why a database file could not be used as it is.
enum Unusable {
    /// Damaged or of another version: to be set aside (the reason, for the message).
    SetAside(String),
    /// Anything else (no permission, disk full): reported as it is.
    Error(DbError),
    /// Another process holds a lock that SQLite does not wait for (switching the file to
    /// WAL mode, or recovering its WAL): worth trying again.
    Busy(DbError),
}

/// [`try_open`], tried again while another process holds the file for the moment it takes
/// to switch it to WAL mode or recover it: SQLite answers "database is locked" at once
/// there, without the busy timeout (two `stenogram index` runs started together).
fn open_waiting(path: &Path) -> Result<Connection, Unusable> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match try_open(path) {
            Err(Unusable::Busy(_)) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// Whether an SQLite error means the file itself is bad.
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Sorts an SQLite error into damage (set aside) or a plain error naming `path`.
fn classify(path: &Path, e: &rusqlite::Error) -> Unusable {
    if is_damage(e) {
        Unusable::SetAside(format!("is damaged ({e})"))
    } else if matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    ) {
        Unusable::Busy(DbError::new(path, e.to_string()))
    } else {
        Unusable::Error(DbError::new(path, e.to_string()))
    }
}

fn try_open(path: &Path) -> Result<Connection, Unusable> {
    let conn = Connection::open(path).map_err(|e| classify(path, &e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| classify(path, &e))?;
    let version: i32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify(path, &e))?;
    // WAL: readers never wait for the writer, and a killed writer loses only its open
    // transaction. NORMAL sync is safe in WAL mode (a power cut may lose the last commits,
    // never corrupt the file), and a cache can be rebuilt.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| classify(path, &e))?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(|e| classify(path, &e))?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| classify(path, &e))?;
    if version == SCHEMA_VERSION {
        return Ok(conn);
    }
    if version != 0 {
        return Err(Unusable::SetAside(format!(
            "was made by another version of Stenogram (schema {version}; this one reads \
             {SCHEMA_VERSION})"
        )));
    }
    create(path, conn)
}

/// Creates the schema in a new, empty database. Another process may be creating it at the
/// same time: the write lock is taken first and the version read again under it (when the
/// other process won the race, its schema is ours).
fn create(path: &Path, mut conn: Connection) -> Result<Connection, Unusable> {
    let bad = |e: rusqlite::Error| classify(path, &e);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(bad)?;
    let version: i32 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(bad)?;
    if version != SCHEMA_VERSION {
        let tables: i64 = tx
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(bad)?;
        if version != 0 || tables != 0 {
            return Err(Unusable::SetAside(
                "holds tables that are not a Stenogram library index".to_owned(),
            ));
        }
        tx.execute_batch(CREATE).map_err(bad)?;
        for (kind, name) in PASSAGE_KINDS {
            tx.execute(
                "INSERT INTO passage_kinds (kind, name) VALUES (?1, ?2)",
                rusqlite::params![kind, name],
            )
            .map_err(bad)?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('created_by', ?1)",
            [concat!("stenogram ", env!("CARGO_PKG_VERSION"))],
        )
        .map_err(bad)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(bad)?;
    }
    tx.commit().map_err(bad)?;
    Ok(conn)
}

/// Renames the database at `path` (and its WAL and shared-memory files) aside, to
/// `<name>.set-aside-<seconds since 1970>`; returns the new name. Never deletes.
fn set_aside(path: &Path) -> Result<PathBuf, DbError> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut target = path.with_file_name(format!("{name}.set-aside-{secs}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{name}.set-aside-{secs}-{n}"));
    }
    std::fs::rename(path, &target).map_err(|e| DbError::new(path, e.to_string()))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let moved = PathBuf::from(format!("{}{suffix}", target.display()));
            // A leftover WAL belongs with the file it was written for, not the new one.
            let _ = std::fs::rename(&side, moved);
        }
    }
    Ok(target)
}
