//! Where a library's database lives: one file per library folder, in the app's data
//! folder, named from the folder so that two folders never share one and a user can tell
//! which file belongs to which folder.

use std::path::{Path, PathBuf};

use super::hash::content_hash;

/// The environment variable that overrides the data folder (tests, portable installs).
pub const DATA_DIR_VAR: &str = "STENOGRAM_DATA_DIR";

/// The sub-folder of the data folder that holds the library databases.
pub const LIBRARIES_DIR: &str = "libraries";

/// The data folder the app and the command line share: `$STENOGRAM_DATA_DIR` when set
/// and not empty, else [`platform_data_dir`].
pub fn default_data_dir() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => platform_data_dir(),
    }
}

/// The platform's data folder for Stenogram, the one the viewer keeps its settings in:
/// `$XDG_DATA_HOME/stenogram` (when absolute) or `~/.local/share/stenogram` on Linux and
/// other Unix systems, `~/Library/Application Support/stenogram` on macOS,
/// `%APPDATA%\stenogram\data` on Windows. Worked out here rather than by the window
/// toolkit, so the command line built without the viewer finds the same databases.
pub fn platform_data_dir() -> Option<PathBuf> {
    let home = std::env::home_dir();
    if cfg!(target_os = "macos") {
        home.map(|h| {
            h.join("Library")
                .join("Application Support")
                .join("stenogram")
        })
    } else if cfg!(windows) {
        std::env::var_os("APPDATA")
            .map(PathBuf::from)
            .map(|p| p.join("stenogram").join("data"))
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| home.map(|h| h.join(".local").join("share")))
            .map(|p| p.join("stenogram"))
    }
}

/// The database file of library `folder` under `data_dir`:
/// `libraries/<folder name>-<16 hex digits>.sqlite`, the digits a hash of the folder's
/// canonical path (the path as given when it cannot be resolved).
pub fn database_path(data_dir: &Path, folder: &Path) -> PathBuf {
    let canonical = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    let key = canonical.to_string_lossy();
    let hash = content_hash(key.as_bytes());
    let stem: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    let stem = if stem.is_empty() {
        "library".to_owned()
    } else {
        stem
    };
    data_dir
        .join(LIBRARIES_DIR)
        .join(format!("{stem}-{hash:016x}.sqlite"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gets_a_readable_stable_name() {
        let a = database_path(Path::new("/data"), Path::new("/no/such/Press Archive"));
        let b = database_path(Path::new("/data"), Path::new("/no/such/Press Archive"));
        let c = database_path(Path::new("/data"), Path::new("/no/other/Press Archive"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        let name = a.file_name().map(|n| n.to_string_lossy().into_owned());
        assert!(
            name.as_deref()
                .is_some_and(|n| n.starts_with("Press-Archive-") && n.ends_with(".sqlite")),
            "{name:?}"
        );
        assert!(a.starts_with("/data/libraries"));
    }
}
