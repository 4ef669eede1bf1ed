//! Finding the transcripts in a folder: recursive, deterministic, safe against symlink
//! loops and absurd nesting, with hidden folders and files left out.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

/// Folders nested deeper than this below the chosen folder are not entered.
pub const MAX_DEPTH: usize = 32;

/// File name endings (compared without case) that Stenogram reads as transcripts:
/// text and Markdown, and its own JSON export.
pub const TRANSCRIPT_EXTENSIONS: &[&str] = &["txt", "text", "md", "json"];

/// What a folder scan found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Transcript files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Sub-folders that could not be read or were nested too deep, each with the reason:
    /// shown to the user rather than silently skipped.
    pub problems: Vec<Error>,
}

/// Whether a file name has one of the [`TRANSCRIPT_EXTENSIONS`].
pub fn is_transcript_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        TRANSCRIPT_EXTENSIONS
            .iter()
            .any(|t| e.eq_ignore_ascii_case(t))
    })
}

/// Lists the transcripts under `folder`, recursively, sorted by path.
///
/// Hidden folders and files (name starting with ".") are skipped. Symbolic links are
/// followed, but each folder is entered once (by its canonical path), so a link back up the
/// tree cannot loop. A path that is a file is returned as the only entry, whatever its name.
/// Fails only when `folder` itself cannot be read.
pub fn scan(folder: &Path) -> Result<Scan> {
    let name = folder.display().to_string();
    let metadata = std::fs::metadata(folder)
        .map_err(|e| Error::new(&name, ErrorKind::from_io(&e, "no such file or folder")))?;
    let mut out = Scan::default();
    if metadata.is_file() {
        out.files.push(folder.to_path_buf());
        return Ok(out);
    }
    if !metadata.is_dir() {
        return Err(Error::new(
            name,
            ErrorKind::Io("neither a folder nor a file".to_owned()),
        ));
    }
    // The root is read first, alone, so that its failure is the scan's failure.
    let root_entries = std::fs::read_dir(folder)
        .map_err(|e| Error::new(&name, ErrorKind::from_io(&e, "no such file or folder")))?;
    let mut visited: HashSet<PathBuf> = HashSet::new();
    if let Ok(canonical) = folder.canonicalize() {
        visited.insert(canonical);
    }
    let mut stack: Vec<(PathBuf, usize)> = Vec::new();
    visit(root_entries, 0, &mut visited, &mut stack, &mut out);
    while let Some((dir, depth)) = stack.pop() {
        match std::fs::read_dir(&dir) {
            Ok(entries) => visit(entries, depth, &mut visited, &mut stack, &mut out),
            Err(e) => out.problems.push(Error::new(
                dir.display().to_string(),
                ErrorKind::from_io(&e, "no such file or folder"),
            )),
        }
    }
    out.files.sort();
    out.problems.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

/// Sorts the entries of one folder (at `depth` below the root) into files kept and
/// folders still to visit.
fn visit(
    entries: std::fs::ReadDir,
    depth: usize,
    visited: &mut HashSet<PathBuf>,
    stack: &mut Vec<(PathBuf, usize)>,
    out: &mut Scan,
) {
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        // A link is judged by what it points to; a dangling link to a transcript name is
        // kept, so that indexing reports it instead of it vanishing.
        let is_dir = if kind.is_symlink() {
            std::fs::metadata(&path).is_ok_and(|m| m.is_dir())
        } else {
            kind.is_dir()
        };
        if is_dir {
            if depth + 1 > MAX_DEPTH {
                out.problems.push(Error::new(
                    path.display().to_string(),
                    ErrorKind::Io(format!("folders nested more than {MAX_DEPTH} deep")),
                ));
                continue;
            }
            // Entered once, whichever link leads there: no loops, no duplicates.
            let key = path.canonicalize().unwrap_or_else(|_| path.clone());
            if visited.insert(key) {
                stack.push((path, depth + 1));
            }
        } else if is_transcript_name(&path) {
            out.files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_names_by_extension_without_case() {
        assert!(is_transcript_name(Path::new("a/b.TXT")));
        assert!(is_transcript_name(Path::new("notes.md")));
        assert!(is_transcript_name(Path::new("x.json")));
        assert!(!is_transcript_name(Path::new("photo.jpg")));
        assert!(!is_transcript_name(Path::new("README")));
    }

    #[test]
    fn missing_folder_is_an_error_naming_it() {
        let message = scan(Path::new("no-such-folder-here"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some("no-such-folder-here: cannot be read: no such file or folder")
        );
    }
}
