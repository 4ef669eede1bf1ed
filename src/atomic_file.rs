//! Writing a file so that a crash or a full disk never leaves it half written: the bytes
//! go to a temporary file in the same folder, are flushed to disk, and the temporary file
//! is then renamed over the target, which replaces it in one step.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to `path` atomically: readers see the old file or the new one, never
/// a mix. The folder must exist. On failure the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    // ".NAME.XXXXXX.tmp": hidden, so a library scan of the folder never lists it, and
    // unique, so two writers never share a temporary file.
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    // On failure the error holds the temporary file, which deletes itself when dropped.
    temp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// The folder `path` is in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Makes the rename itself durable where the system allows it (a folder can be synced on
/// Unix; elsewhere this does nothing).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
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
