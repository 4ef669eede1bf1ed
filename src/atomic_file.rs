//! Writing a file so that a crash or a full disk never leaves it half written: the bytes
//! go to a temporary file in the same folder, are flushed to disk, and the temporary file
//! is then renamed over the target, which replaces it in one step.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never
/// a mix. The folder must exist. On failure the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = temp_path(path);
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    sync_folder(path);
    Ok(())
}

/// ".NAME.PID-N.tmp" next to `path`: hidden, and unique per process and call, so two
/// writers never share a temporary file.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Makes the rename itself durable where the system allows it (a folder can be synced on
/// Unix; elsewhere this does nothing).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent()
        && let Ok(dir) = std::fs::File::open(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let path = dir.path().join("notes.json");
        assert!(write_atomic(&path, b"first").is_ok());
        assert!(write_atomic(&path, b"second").is_ok());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"second"[..]));
        assert_eq!(names(dir.path()), ["notes.json"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        // The target is a folder that is not empty: the rename fails.
        let path = dir.path().join("taken");
        assert!(std::fs::create_dir_all(path.join("inside")).is_ok());
        assert!(write_atomic(&path, b"data").is_err());
        assert_eq!(names(dir.path()), ["taken"]);
        // A missing folder is an error, not a panic.
        assert!(write_atomic(&dir.path().join("no/such/file"), b"x").is_err());
    }
}
